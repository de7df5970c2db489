// JsonSplitter on arbitrary bytes. The first byte picks how the rest is cut into chunks; the
// documents must not depend on the cut (they are compared with feeding it whole), and each one
// must be bracketed. (What the parsers make of the documents is fuzz_parse_json's business.)
#include "engine/streams.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

using namespace slipway::engine;

namespace {

std::vector<std::string> split(std::string_view input, std::size_t chunk, bool *partial) {
    std::vector<std::string> docs;
    JsonSplitter splitter([&](std::string_view doc) { docs.emplace_back(doc); });
    for (std::size_t pos = 0; pos < input.size(); pos += chunk)
        splitter.feed(input.substr(pos, chunk));
    *partial = splitter.hasPartial();
    return docs;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::size_t chunk = data[0] % 64 + 1;
    const std::string_view input(reinterpret_cast<const char *>(data + 1), size - 1);

    bool wholePartial = false;
    bool chunkedPartial = false;
    const auto whole = split(input, input.size() + 1, &wholePartial);
    const auto chunked = split(input, chunk, &chunkedPartial);
    if (whole != chunked || wholePartial != chunkedPartial)
        std::abort();
    for (const auto &doc : whole) {
        if (doc.size() < 2 || (doc.front() != '{' && doc.front() != '[') ||
            (doc.back() != '}' && doc.back() != ']'))
            std::abort();
    }
    return 0;
}
