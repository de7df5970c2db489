// Parsers of engine output: JSON text -> plain structs. Every parser of outside input is here,
// refuses malformed input with ErrorKind::Parse (never throws), and has a fuzz target.
#pragma once

#include "engine/result.h"
#include "engine/types.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace slipway::engine::parse {

// The daemon's {"message": "..."} error body; falls back to the raw text, trimmed.
std::string errorMessage(std::string_view body);

Result<VersionInfo> version(std::string_view json);
Result<SystemInfo> info(std::string_view json);
Result<std::vector<ContainerSummary>> containers(std::string_view json);
Result<ContainerInspect> containerInspect(std::string_view json);
Result<std::vector<ImageSummary>> images(std::string_view json);
Result<ImageInspect> imageInspect(std::string_view json);
Result<std::vector<ImageHistoryEntry>> imageHistory(std::string_view json);
Result<std::vector<NetworkSummary>> networks(std::string_view json);
// GET /volumes: {"Volumes": [...], "Warnings": [...]}.
Result<std::vector<VolumeSummary>> volumes(std::string_view json);
// POST /volumes/create: the volume's "Name".
Result<std::string> volumeName(std::string_view json);
Result<Event> event(std::string_view json);
Result<StatsSample> stats(std::string_view json);
Result<ProgressMessage> progress(std::string_view json);
Result<std::vector<SwarmService>> services(std::string_view json);
Result<SwarmService> service(std::string_view json);
Result<std::vector<SwarmTask>> tasks(std::string_view json);
Result<std::vector<SwarmNode>> nodes(std::string_view json);
Result<SwarmNode> node(std::string_view json);
// {"Id": "...", "Warnings": [...]} of POST /containers/create and /networks/create.
Result<std::string> createdId(std::string_view json);
Result<ExecState> execState(std::string_view json);

// A registry's GET /v2/<name>/tags/list: {"name": "...", "tags": [...]}. "tags" null means no
// tags (a repository whose tags were all deleted); entries that are not strings are skipped.
Result<std::vector<std::string>> registryTags(std::string_view json);

// A registry token server's answer for the Bearer flow: {"token": "...", "expires_in": 300}
// ("access_token" is OAuth's name for the same; the first non-empty one counts).
struct RegistryToken {
    std::string token;  // never empty in a parsed answer
    int expiresIn = 60; // seconds, 1 to INT_MAX; the spec's 60 when not said as an integer
};
Result<RegistryToken> registryToken(std::string_view json);

// "1.41" < "1.45": compares dotted version numbers numerically. Unparsable parts count as 0.
int compareApiVersions(std::string_view a, std::string_view b);

// nlohmann's dump() and copy are recursive; a hostile "[[[[..." must not exhaust the stack
// there. Real engine documents nest about a dozen levels deep.
inline constexpr int kMaxDepth = 256;
// Whether `text` nests objects and arrays deeper than kMaxDepth (strings skipped).
bool nestedTooDeep(std::string_view text);
std::string depthMessage(); // what a parser says about such a document

// An integer field written as a float (Go never does, a proxy re-encoding JSON might), as every
// parser here reads it: what is wrong with `d` (" is not an integer", " is negative",
// " is out of range"), empty when `out` holds it.
std::string int64FromDouble(double d, std::int64_t &out);
std::string uint64FromDouble(double d, std::uint64_t &out);

} // namespace slipway::engine::parse
