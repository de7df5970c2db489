// LogDemuxer on arbitrary bytes. The first byte picks TTY mode and how the rest is cut into
// chunks; the lines must not depend on the cut, and never hold more text than came in.
#include "engine/streams.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

using namespace slipway::engine;

namespace {

using Lines = std::vector<std::pair<LogLine::Stream, std::string>>;

Lines demux(bool tty, std::string_view input, std::size_t chunk) {
    Lines lines;
    LogDemuxer demuxer(tty,
                       [&](const LogLine &line) { lines.emplace_back(line.stream, line.text); });
    for (std::size_t pos = 0; pos < input.size(); pos += chunk)
        demuxer.feed(input.substr(pos, chunk));
    demuxer.finish();
    return lines;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0)
        return 0;
    const bool tty = data[0] & 1;
    const std::size_t chunk = (data[0] >> 1) % 32 + 1;
    const std::string_view input(reinterpret_cast<const char *>(data + 1), size - 1);

    const Lines whole = demux(tty, input, input.size() + 1);
    const Lines chunked = demux(tty, input, chunk);
    if (whole != chunked)
        std::abort();
    std::size_t text = 0;
    for (const auto &line : whole)
        text += line.second.size();
    if (text > input.size())
        std::abort();
    return 0;
}
