#include "engine/saxreading.h"

#include "engine/parse.h"

#include <limits>

namespace slipway::engine::sax {

const char *typeName(Kind k) {
    switch (k) {
    case Kind::Absent:
    case Kind::Null:
        return "null";
    case Kind::Boolean:
        return "boolean";
    case Kind::Integer:
    case Kind::Unsigned:
    case Kind::Float:
        return "number";
    case Kind::String:
        return "string";
    case Kind::Object:
        return "object";
    case Kind::Array:
        return "array";
    }
    return "null";
}

std::string isNot(const char *what, Kind k) {
    return std::string(" is not ") + what + " (" + typeName(k) + ")";
}

std::string toInt64(Kind kind, std::uint64_t u, std::int64_t i, double f, std::int64_t &out) {
    switch (kind) {
    case Kind::Absent:
    case Kind::Null:
        out = 0;
        return {};
    case Kind::Unsigned:
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return " is out of range";
        out = static_cast<std::int64_t>(u);
        return {};
    case Kind::Integer:
        out = i;
        return {};
    case Kind::Float:
        return parse::int64FromDouble(f, out);
    default:
        return isNot("a number", kind);
    }
}

bool Stop::syntax(const nlohmann::detail::exception &e) {
    syntaxError = true;
    notJson = e.id >= 100 && e.id < 200;
    std::string what = e.what();
    const auto pos = what.find("] ");
    if (notJson && pos != std::string::npos)
        what.erase(0, pos + 2);
    message = notJson ? "not JSON: " + what : what;
    return false;
}

bool Stop::tooDeep() {
    message = parse::depthMessage();
    return false;
}

void Stop::check(bool finished, std::string_view text) const {
    if (finished && message.empty())
        return;
    if (syntaxError) {
        if (parse::nestedTooDeep(text))
            fail(parse::depthMessage());
        if (notJson && text.find_first_not_of(" \t\r\n") == std::string_view::npos)
            fail("empty response");
    }
    fail(message.empty() ? std::string("not JSON") : message);
}

} // namespace slipway::engine::sax
