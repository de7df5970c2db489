// What the SAX readers of engine replies (statsparser, containerlistparser) share so that they
// word every complaint as engine/parse.cpp's DOM parsers do: the value kinds and their names,
// the syntax and depth errors, the integer checks and the "what: message" Parse error.
#pragma once

#include "engine/parse.h"
#include "engine/result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

namespace slipway::engine::sax {

struct Failure {
    std::string message;
};

[[noreturn]] inline void fail(std::string message) {
    throw Failure{std::move(message)};
}

// "Id" -> "\"Id\"", as the DOM messages name a member.
inline std::string field(const std::string &path) {
    return "\"" + path + "\"";
}

// What a value was, as far as the checks care; Absent when the document lacks the member.
enum class Kind : std::uint8_t {
    Absent,
    Null,
    Boolean,
    Integer,
    Unsigned,
    Float,
    String,
    Object,
    Array
};

// nlohmann's type_name(), which the DOM messages quote (absent reads as null).
const char *typeName(Kind k);

// " is not a string (number)"
std::string isNot(const char *what, Kind k);

// A number as the callbacks saw it, checked as engine/parse.cpp's toInt64 does (absent and
// null read as 0): what is wrong with it (" is out of range"), empty when `out` holds it.
std::string toInt64(Kind kind, std::uint64_t u, std::int64_t i, double f, std::int64_t &out);

// Why a reader's callbacks stopped the parse.
struct Stop {
    std::string message;      // empty while reading goes on
    bool syntaxError = false; // the text is not JSON (or has a number no double holds)
    bool notJson = false;     // ... a parse_error, as opposed to out_of_range

    // From json_sax::parse_error: "[json.exception.parse_error.101] parse error at ..." loses
    // its bracket; a number too large for a double (out_of_range 406) is passed on as it is.
    bool syntax(const nlohmann::detail::exception &e);
    bool tooDeep(); // past parse::kMaxDepth

    // After sax_parse: throws the DOM's first complaint when the parse did not finish (the
    // depth before anything else, then an empty reply, then the syntax).
    void check(bool finished, std::string_view text) const;
};

// Where a reader is: the objects and arrays it is inside, as the reader's own Node values
// (Node{}, its first, when outside all of them), at most parse::kMaxDepth deep.
template <typename Node> class Path {
public:
    bool empty() const { return depth_ == 0; }
    Node top() const { return depth_ == 0 ? Node{} : stack_[std::size_t(depth_ - 1)]; }
    // False, with `stop` saying why, past the depth limit.
    bool push(Node n, Stop &stop) {
        if (depth_ >= parse::kMaxDepth)
            return stop.tooDeep();
        stack_[std::size_t(depth_++)] = n;
        return true;
    }
    Node pop() {
        const Node n = top();
        --depth_;
        return n;
    }

private:
    std::array<Node, parse::kMaxDepth> stack_{};
    int depth_ = 0;
};

// Runs `read` and turns its Failure (or anything nlohmann threw) into a Parse error that
// starts with "what: ".
template <typename T, typename Read> Result<T> run(const char *what, Read &&read) {
    try {
        return read();
    } catch (const Failure &e) {
        return makeError(ErrorKind::Parse, std::string(what) + ": " + e.message);
    } catch (const std::exception &e) {
        return makeError(ErrorKind::Parse, std::string(what) + ": " + e.what());
    }
}

} // namespace slipway::engine::sax
