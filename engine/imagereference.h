// ImageReference: a Docker image reference split and checked before any call is made, so bad
// input is refused with a precise message instead of an engine round trip.
#pragma once

#include "engine/result.h"

#include <string>

namespace slipway::engine {

struct ImageReference {
    std::string repository; // with the registry host when there is one: "127.0.0.1:5515/web"
    std::string tag;        // empty when pinned by digest only
    std::string digest;     // "sha256:<64 hex>"

    // Accepts [host[:port]/]path[:tag][@digest]; a reference with neither tag nor digest gets
    // "latest", as the docker CLI does.
    static Result<ImageReference> parse(const std::string &text);

    std::string registryHost() const; // empty for Docker Hub names
    std::string str() const;          // repository[:tag][@digest]
};

} // namespace slipway::engine
