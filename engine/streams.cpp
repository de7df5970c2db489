#include "engine/streams.h"

#include <algorithm>
#include <utility>

namespace slipway::engine {

namespace {

// A stats document is a few KiB and a build's output line rarely passes a few hundred; a
// "document" this large is a broken stream, and holding it would let a bad peer fill memory.
constexpr std::size_t kMaxDocument = 16u << 20;

// Docker splits log messages at 16 KiB; a line this long without a newline is emitted in
// pieces rather than held without bound.
constexpr std::size_t kMaxLine = 1u << 20;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

} // namespace

JsonSplitter::JsonSplitter(Handler handler) : handler_(std::move(handler)) {}

bool JsonSplitter::hasPartial() const {
    return depth_ > 0;
}

void JsonSplitter::feed(std::string_view chunk) {
    // Invariant between calls: buffer_ holds only the start of an unfinished document (empty
    // between documents), and scanned_ bytes of it have been through the state machine below.
    buffer_.append(chunk);
    std::size_t start = 0; // where the current document, or unconsumed input, begins
    std::size_t i = scanned_;
    const std::size_t n = buffer_.size();
    while (i < n) {
        if (depth_ > 0 && i - start >= kMaxDocument) {
            // Decided by position in the document, not by where chunks end, so the outcome
            // does not depend on how the transport happened to cut the stream.
            depth_ = 0;
            inString_ = false;
            escaped_ = false;
            skipping_ = true;
            start = i;
        }
        const char c = buffer_[i];
        if (skipping_) {
            ++i;
            start = i;
            if (c == '\n')
                skipping_ = false;
            continue;
        }
        if (depth_ == 0) {
            if (c == '{' || c == '[') {
                depth_ = 1;
                start = i;
            } else if (!isSpace(c)) {
                // Not a document: the engine writes one per line, so the next line is the
                // first place to find one again.
                skipping_ = true;
            }
            ++i;
            if (depth_ == 0)
                start = i;
            continue;
        }
        if (inString_) {
            if (escaped_) {
                escaped_ = false;
            } else if (c == '\\') {
                escaped_ = true;
            } else if (c == '"') {
                inString_ = false;
            } else if (c == '\n') {
                // JSON forbids a raw newline in a string, and the engine puts every document
                // on one line: what came before is a truncated document. Start over.
                inString_ = false;
                depth_ = 0;
                start = i + 1;
            }
            ++i;
            continue;
        }
        switch (c) {
        case '"':
            inString_ = true;
            break;
        case '{':
        case '[':
            ++depth_;
            break;
        case '}':
        case ']':
            if (--depth_ == 0) {
                handler_(std::string_view(buffer_).substr(start, i + 1 - start));
                start = i + 1;
            }
            break;
        default:
            break;
        }
        ++i;
    }
    buffer_.erase(0, start);
    scanned_ = buffer_.size();
    if (buffer_.empty() && buffer_.capacity() > (64u << 10))
        buffer_.shrink_to_fit(); // give back what one huge document took
}

LogDemuxer::LogDemuxer(bool tty, Handler handler) : tty_(tty), handler_(std::move(handler)) {}

void LogDemuxer::feed(std::string_view chunk) {
    while (!chunk.empty()) {
        if (tty_) {
            emitText(LogLine::Stream::Stdout, chunk);
            return;
        }
        if (payloadLeft_ > 0) {
            // Payload goes straight to the line assembler, so a frame is never held whole:
            // a size field of 4 GiB costs nothing until the bytes actually arrive.
            std::size_t take = std::min<std::size_t>(payloadLeft_, chunk.size());
            emitText(payloadStream_, chunk.substr(0, take));
            payloadLeft_ -= static_cast<std::uint32_t>(take);
            chunk.remove_prefix(take);
            continue;
        }
        std::size_t take = std::min<std::size_t>(8 - frame_.size(), chunk.size());
        frame_.append(chunk.substr(0, take));
        chunk.remove_prefix(take);
        if (frame_.size() < 8)
            return;
        const auto byte = [this](int k) {
            return static_cast<unsigned char>(frame_[k]);
        };
        // stdcopy writes [stream 0 0 0]: 0 stdin, 1 stdout, 2 stderr, 3 the daemon's own error.
        // Anything else means the stream was not multiplexed after all (a TTY container
        // mistaken for a plain one): show the rest as raw text rather than drop it.
        if (byte(0) > 3 || byte(1) != 0 || byte(2) != 0 || byte(3) != 0) {
            tty_ = true;
            std::string raw = std::move(frame_);
            frame_.clear();
            emitText(LogLine::Stream::Stdout, raw);
            continue;
        }
        payloadStream_ = byte(0) >= 2 ? LogLine::Stream::Stderr : LogLine::Stream::Stdout;
        payloadLeft_ =
            static_cast<std::uint32_t>(byte(4)) << 24 | static_cast<std::uint32_t>(byte(5)) << 16 |
            static_cast<std::uint32_t>(byte(6)) << 8 | static_cast<std::uint32_t>(byte(7));
        frame_.clear();
    }
}

void LogDemuxer::finish() {
    // A header cut short carries no text; the lines held back do.
    frame_.clear();
    payloadLeft_ = 0;
    if (!pendingOut_.empty()) {
        LogLine line{LogLine::Stream::Stdout, std::move(pendingOut_)};
        pendingOut_.clear();
        handler_(line);
    }
    if (!pendingErr_.empty()) {
        LogLine line{LogLine::Stream::Stderr, std::move(pendingErr_)};
        pendingErr_.clear();
        handler_(line);
    }
}

void LogDemuxer::emitText(LogLine::Stream stream, std::string_view text) {
    std::string &pending = stream == LogLine::Stream::Stderr ? pendingErr_ : pendingOut_;
    while (!text.empty()) {
        // pending never exceeds kMaxLine, so room >= 0.
        const std::size_t room = kMaxLine - pending.size();
        const auto nl = text.find('\n');
        if (nl != std::string_view::npos && nl <= room) {
            LogLine line{stream, std::move(pending)};
            pending.clear();
            line.text.append(text.substr(0, nl));
            // A TTY turns "\n" into "\r\n".
            if (!line.text.empty() && line.text.back() == '\r')
                line.text.pop_back();
            text.remove_prefix(nl + 1);
            handler_(line);
            continue;
        }
        if (nl == std::string_view::npos && text.size() <= room) {
            pending.append(text);
            return;
        }
        // Over kMaxLine bytes without a newline: cut at exactly kMaxLine, decided by a byte
        // that is really there, so the pieces do not depend on where chunks end.
        LogLine line{stream, std::move(pending)};
        pending.clear();
        line.text.append(text.substr(0, room));
        text.remove_prefix(room);
        handler_(line);
    }
}

} // namespace slipway::engine
