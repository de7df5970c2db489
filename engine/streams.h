// Framing of streamed engine bodies: newline-delimited JSON (events, stats, progress) and the
// 8-byte-header multiplexed log stream of non-TTY containers. Fed chunk by chunk.
#pragma once

#include "engine/types.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace slipway::engine {

// Splits a byte stream into complete JSON documents. The engine writes one per line, but a
// chunk may end mid-document or hold several; documents are also split when they are
// concatenated without a newline ("}{").
class JsonSplitter {
public:
    using Handler = std::function<void(std::string_view document)>;
    explicit JsonSplitter(Handler handler);
    void feed(std::string_view chunk);
    bool hasPartial() const; // bytes held back waiting for the rest of a document

private:
    Handler handler_;
    std::string buffer_;
    std::size_t scanned_ = 0;
    int depth_ = 0;
    bool inString_ = false;
    bool escaped_ = false;
    bool skipping_ = false; // dropping bytes up to the next newline after garbage
};

// Demultiplexes [stream:1][0 0 0][size:4 big-endian][payload] frames into log lines; with
// `tty` the stream is raw text and every line is stdout. Stream 0 (stdin) counts as stdout, 3
// (the daemon's own error) as stderr; a header that is not one (a TTY stream read as
// multiplexed) turns the rest of the stream into raw text. Lines lose their "\n" or "\r\n".
class LogDemuxer {
public:
    using Handler = std::function<void(const LogLine &line)>;
    LogDemuxer(bool tty, Handler handler);
    void feed(std::string_view chunk);
    void finish(); // flushes a last line without a newline

private:
    void emitText(LogLine::Stream stream, std::string_view text);
    bool tty_;
    Handler handler_;
    std::string frame_;             // incomplete frame header bytes
    std::uint32_t payloadLeft_ = 0; // payload bytes of the current frame still to come
    LogLine::Stream payloadStream_ = LogLine::Stream::Stdout;
    std::string pendingOut_, pendingErr_; // incomplete lines per stream
};

} // namespace slipway::engine
