// The JSON parsers of engine replies. The first byte picks the parser (its value modulo the
// number of targets), the rest is the reply; seeds_parse_json.cmake prefixes each recorded and
// handmade reply with the byte of the parser it was meant for, and the raw replies in the
// corpus land on some other parser, which is shape confusion worth trying too. Beyond "no
// crash, no leak, no undefined behaviour": a failure must be a Parse error with a message, and
// what a parser hands back for re-sending (SwarmService::rawSpec) must be JSON again.
#include "engine/parse.h"

#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

using namespace slipway::engine;

namespace {

template <class T> void check(const Result<T> &r) {
    if (!r.ok() && (r.error().kind != ErrorKind::Parse || r.error().message.empty()))
        std::abort();
}

void checkRawSpec(const SwarmService &s) {
    if (!nlohmann::json::accept(s.rawSpec))
        std::abort();
}

// Keep in step with seeds_parse_json.cmake.
enum class Target {
    Version,
    Info,
    Containers,
    ContainerInspect,
    Images,
    ImageInspect,
    ImageHistory,
    Networks,
    Event,
    Stats,
    Progress,
    Services,
    Service,
    Tasks,
    Nodes,
    Node,
    CreatedId,
    ErrorMessage,
    CompareApiVersions,
    ExecState,
    TargetCount,
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0)
        return 0;
    const auto target = static_cast<Target>(data[0] % static_cast<int>(Target::TargetCount));
    const std::string_view text(reinterpret_cast<const char *>(data + 1), size - 1);

    switch (target) {
    case Target::Version:
        check(parse::version(text));
        break;
    case Target::Info:
        check(parse::info(text));
        break;
    case Target::Containers: {
        // Read with SAX (engine/containerlistparser.cpp), which keeps its own state per item:
        // whatever it accepts has an Id on every container, whatever it refuses says so as a
        // "containers" error.
        auto r = parse::containers(text);
        check(r);
        if (r.ok()) {
            for (const auto &c : r.value())
                if (c.id.empty())
                    std::abort();
        } else if (r.error().message.rfind("containers: ", 0) != 0) {
            std::abort();
        }
        break;
    }
    case Target::ContainerInspect:
        check(parse::containerInspect(text));
        break;
    case Target::Images:
        check(parse::images(text));
        break;
    case Target::ImageInspect:
        check(parse::imageInspect(text));
        break;
    case Target::ImageHistory:
        check(parse::imageHistory(text));
        break;
    case Target::Networks:
        check(parse::networks(text));
        break;
    case Target::Event:
        check(parse::event(text));
        break;
    case Target::Stats:
        check(parse::stats(text));
        break;
    case Target::Progress:
        check(parse::progress(text));
        break;
    case Target::Services: {
        auto r = parse::services(text);
        check(r);
        if (r.ok())
            for (const auto &s : r.value())
                checkRawSpec(s);
        break;
    }
    case Target::Service: {
        auto r = parse::service(text);
        check(r);
        if (r.ok())
            checkRawSpec(r.value());
        break;
    }
    case Target::Tasks:
        check(parse::tasks(text));
        break;
    case Target::Nodes:
        check(parse::nodes(text));
        break;
    case Target::Node:
        check(parse::node(text));
        break;
    case Target::CreatedId:
        check(parse::createdId(text));
        break;
    case Target::ErrorMessage:
        // At most the input, trimmed, plus the "..." of a cut.
        if (parse::errorMessage(text).size() > text.size() + 3)
            std::abort();
        break;
    case Target::CompareApiVersions: {
        // Two versions, split at the first newline; the order must be antisymmetric.
        const auto nl = text.find('\n');
        const std::string_view a = text.substr(0, nl);
        const std::string_view b = nl == std::string_view::npos ? text : text.substr(nl + 1);
        if (parse::compareApiVersions(a, b) != -parse::compareApiVersions(b, a) ||
            parse::compareApiVersions(a, a) != 0)
            std::abort();
        break;
    }
    case Target::ExecState: {
        // What a health probe's exec answers; written again, it reads back the same.
        auto r = parse::execState(text);
        check(r);
        if (r.ok()) {
            const std::string again = nlohmann::json{
                {"Running", r.value().running},
                {"ExitCode",
                 r.value().exitCode}}.dump();
            auto back = parse::execState(again);
            if (!back.ok() || back.value().running != r.value().running ||
                back.value().exitCode != r.value().exitCode)
                std::abort();
        }
        break;
    }
    case Target::TargetCount:
        break;
    }
    return 0;
}
