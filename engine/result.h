// Result<T>: a value or a typed engine error; the only way failures leave engine/.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace slipway::engine {

enum class ErrorKind {
    InvalidInput, // refused before any call was made (bad URL, bad reference)
    Transport,    // curl could not talk to the engine; message is curl's
    Timeout,      // no complete answer within the request's timeout
    Cancelled,    // the caller cancelled the request
    Http,         // the engine answered with a non-2xx status; message is the daemon's
    Parse,        // the engine's answer was not what the API documents
    Unsupported,  // the engine is too old or lacks the feature
};

const char *toString(ErrorKind kind);

struct Error {
    ErrorKind kind = ErrorKind::Transport;
    std::string message;
    int httpStatus = 0; // only for ErrorKind::Http

    // One line for people: "HTTP 404: No such container: x", "transport: Couldn't connect ...".
    std::string describe() const;
};

template <class T> class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & {
        assert(ok());
        return std::get<0>(v_);
    }
    const T &value() const & {
        assert(ok());
        return std::get<0>(v_);
    }
    T &&value() && {
        assert(ok());
        return std::get<0>(std::move(v_));
    }
    const Error &error() const {
        assert(!ok());
        return std::get<1>(v_);
    }

private:
    std::variant<T, Error> v_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status success() {
    return Unit{};
}

inline Error makeError(ErrorKind kind, std::string message, int httpStatus = 0) {
    return Error{kind, std::move(message), httpStatus};
}

} // namespace slipway::engine
