#include "engine/result.h"

namespace slipway::engine {

const char *toString(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::InvalidInput:
        return "invalid input";
    case ErrorKind::Transport:
        return "transport";
    case ErrorKind::Timeout:
        return "timeout";
    case ErrorKind::Cancelled:
        return "cancelled";
    case ErrorKind::Http:
        return "HTTP";
    case ErrorKind::Parse:
        return "malformed response";
    case ErrorKind::Unsupported:
        return "unsupported";
    }
    return "error";
}

std::string Error::describe() const {
    // A stream that failed after a 200 (pull, build) carries the daemon's words but no status.
    if (kind == ErrorKind::Http && httpStatus == 0)
        return "engine: " + message;
    if (kind == ErrorKind::Http)
        return "HTTP " + std::to_string(httpStatus) + ": " + message;
    return std::string(toString(kind)) + ": " + message;
}

} // namespace slipway::engine
