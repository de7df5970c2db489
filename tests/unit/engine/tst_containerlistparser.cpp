// The SAX container list parser (engine/containerlistparser.h) against the DOM read it replaced,
// kept below as the oracle: the recorded reply, the same reply grown to 800 containers, hand-made
// edge documents and seeded mutations must give the same containers, field by field, or the
// same Parse error, word for word.
#include "engine/containerlistparser.h"
#include "engine/parse.h"
#include "tests/support/testdata.h"

#include <QtTest>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <utility>

using namespace slipway::engine;

namespace {

// ---- the oracle: engine/parse.cpp's DOM read of GET /containers/json, as it was ----------------

namespace dom {

using nlohmann::json;
using parse::depthMessage;
using parse::nestedTooDeep;

struct Failure {
    std::string message;
};

[[noreturn]] void fail(std::string message) {
    throw Failure{std::move(message)};
}

std::string field(const std::string &path) {
    return "\"" + path + "\"";
}

void checkDepth(std::string_view text) {
    if (nestedTooDeep(text))
        fail(depthMessage());
}

json parseDocument(std::string_view text) {
    checkDepth(text);
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error &e) {
        std::string what = e.what();
        auto pos = what.find("] ");
        if (pos != std::string::npos)
            what.erase(0, pos + 2);
        if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
            fail("empty response");
        fail("not JSON: " + what);
    }
}

std::int64_t toInt64(const json &v, const std::string &path) {
    if (v.is_number_unsigned()) {
        auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            fail(field(path) + " is out of range");
        return static_cast<std::int64_t>(u);
    }
    if (v.is_number_integer())
        return v.get<std::int64_t>();
    if (v.is_number_float()) {
        double d = v.get<double>();
        if (!std::isfinite(d) || d != std::trunc(d))
            fail(field(path) + " is not an integer");
        if (d < -9.2233720368547758e18 || d >= 9.2233720368547758e18)
            fail(field(path) + " is out of range");
        return static_cast<std::int64_t>(d);
    }
    fail(field(path) + " is not a number (" + v.type_name() + ")");
}

class Obj {
public:
    Obj(const json *j, std::string path) : j_(j), path_(std::move(path)) {
        if (j_ && j_->is_null())
            j_ = nullptr;
        if (j_ && !j_->is_object())
            fail(path_.empty() ? std::string("expected an object, got ") + j_->type_name()
                               : field(path_) + " is not an object (" + j_->type_name() + ")");
    }

    bool present() const { return j_ != nullptr; }
    bool has(const char *key) const { return get(key) != nullptr; }

    std::string path(const char *key) const {
        return path_.empty() ? std::string(key) : path_ + "." + key;
    }

    const json *get(const char *key) const {
        if (!j_)
            return nullptr;
        auto it = j_->find(key);
        if (it == j_->end() || it->is_null())
            return nullptr;
        return &*it;
    }

    Obj obj(const char *key) const { return Obj(get(key), path(key)); }

    std::string str(const char *key) const {
        const json *v = get(key);
        if (!v)
            return {};
        if (!v->is_string())
            fail(field(path(key)) + " is not a string (" + v->type_name() + ")");
        return v->get<std::string>();
    }

    std::int64_t i64(const char *key) const {
        const json *v = get(key);
        return v ? toInt64(*v, path(key)) : 0;
    }

    int i32(const char *key) const {
        std::int64_t n = i64(key);
        if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
            fail(field(path(key)) + " is out of range");
        return static_cast<int>(n);
    }

    bool boolean(const char *key) const {
        const json *v = get(key);
        if (!v)
            return false;
        if (!v->is_boolean())
            fail(field(path(key)) + " is not a boolean (" + v->type_name() + ")");
        return v->get<bool>();
    }

    std::vector<std::string> strings(const char *key) const {
        std::vector<std::string> out;
        const json *v = get(key);
        if (!v)
            return out;
        if (!v->is_array())
            fail(field(path(key)) + " is not an array (" + v->type_name() + ")");
        out.reserve(v->size());
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json &item = (*v)[i];
            if (!item.is_string())
                fail(field(path(key) + "[" + std::to_string(i) + "]") + " is not a string (" +
                     item.type_name() + ")");
            out.push_back(item.get<std::string>());
        }
        return out;
    }

    Labels labels(const char *key) const {
        Labels out;
        Obj o = obj(key);
        if (!o.present())
            return out;
        for (const auto &[k, v] : o.j_->items()) {
            if (v.is_null())
                out.emplace(k, std::string());
            else if (v.is_string())
                out.emplace(k, v.get<std::string>());
            else
                fail(field(o.path(k.c_str())) + " is not a string (" + v.type_name() + ")");
        }
        return out;
    }

    template <class F> void eachObject(const char *key, F &&fn) const {
        const json *v = get(key);
        if (!v)
            return;
        if (!v->is_array())
            fail(field(path(key)) + " is not an array (" + v->type_name() + ")");
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json &item = (*v)[i];
            std::string itemPath = path(key) + "[" + std::to_string(i) + "]";
            if (item.is_null())
                continue;
            fn(Obj(&item, std::move(itemPath)));
        }
    }

    template <class F> void eachMember(const char *key, F &&fn) const {
        Obj o = obj(key);
        if (!o.present())
            return;
        for (const auto &item : o.j_->items())
            fn(item.key(), Obj(&item.value(), o.path(item.key().c_str())));
    }

private:
    const json *j_;
    std::string path_;
};

template <class T, class F> Result<T> run(const char *what, std::string_view text, F &&fn) {
    try {
        json doc = parseDocument(text);
        return fn(doc);
    } catch (const Failure &e) {
        return makeError(ErrorKind::Parse, std::string(what) + ": " + e.message);
    } catch (const std::exception &e) {
        return makeError(ErrorKind::Parse, std::string(what) + ": " + e.what());
    }
}

template <class T, class F>
Result<std::vector<T>> runList(const char *what, std::string_view text, F &&item) {
    return run<std::vector<T>>(what, text, [&](const json &doc) -> std::vector<T> {
        std::vector<T> out;
        if (doc.is_null())
            return out;
        if (!doc.is_array())
            fail(std::string("expected an array, got ") + doc.type_name());
        out.reserve(doc.size());
        for (std::size_t i = 0; i < doc.size(); ++i) {
            try {
                if (!doc[i].is_object())
                    fail(std::string("not an object (") + doc[i].type_name() + ")");
                out.push_back(item(Obj(&doc[i], std::string())));
            } catch (const Failure &e) {
                fail("item " + std::to_string(i) + ": " + e.message);
            }
        }
        return out;
    });
}

MountPoint readMount(const Obj &m) {
    MountPoint mp;
    mp.type = m.str("Type");
    mp.name = m.str("Name");
    mp.source = m.str("Source");
    mp.destination = m.str("Destination");
    mp.mode = m.str("Mode");
    mp.rw = m.has("RW") ? m.boolean("RW") : true;
    return mp;
}

Result<std::vector<ContainerSummary>> containers(std::string_view text) {
    return runList<ContainerSummary>("containers", text, [](const Obj &o) {
        ContainerSummary c;
        c.id = o.str("Id");
        if (c.id.empty())
            fail("\"Id\" is missing");
        c.names = o.strings("Names");
        c.image = o.str("Image");
        c.imageId = o.str("ImageID");
        c.command = o.str("Command");
        c.created = o.i64("Created");
        c.state = o.str("State");
        c.status = o.str("Status");
        o.eachObject("Ports", [&](const Obj &p) {
            c.ports.push_back(
                Port{p.str("IP"), p.i32("PrivatePort"), p.i32("PublicPort"), p.str("Type")});
        });
        c.labels = o.labels("Labels");
        o.obj("NetworkSettings").eachMember("Networks", [&](const std::string &name, const Obj &) {
            c.networks.push_back(name);
        });
        o.eachObject("Mounts", [&](const Obj &m) { c.mounts.push_back(readMount(m)); });
        return c;
    });
}

} // namespace dom

// ---- comparing ----------------------------------------------------------------------------------

using slipway::test::readData;

// Every field of a container, strings with their length so that no two differ in one line.
std::string describe(const ContainerSummary &c) {
    std::string out;
    auto s = [&](const char *name, const std::string &v) {
        out += name;
        out += '=';
        out += std::to_string(v.size());
        out += ':';
        out += v;
        out += ' ';
    };
    auto n = [&](const char *name, std::int64_t v) {
        out += name;
        out += '=';
        out += std::to_string(v);
        out += ' ';
    };
    s("id", c.id);
    n("names", std::int64_t(c.names.size()));
    for (const auto &name : c.names)
        s("name", name);
    s("image", c.image);
    s("imageId", c.imageId);
    s("command", c.command);
    n("created", c.created);
    s("state", c.state);
    s("status", c.status);
    n("ports", std::int64_t(c.ports.size()));
    for (const auto &p : c.ports) {
        s("ip", p.ip);
        n("private", p.privatePort);
        n("public", p.publicPort);
        s("type", p.type);
    }
    n("labels", std::int64_t(c.labels.size()));
    for (const auto &[k, v] : c.labels) {
        s("key", k);
        s("value", v);
    }
    n("networks", std::int64_t(c.networks.size()));
    for (const auto &net : c.networks)
        s("network", net);
    n("mounts", std::int64_t(c.mounts.size()));
    for (const auto &m : c.mounts) {
        s("type", m.type);
        s("name", m.name);
        s("source", m.source);
        s("destination", m.destination);
        s("mode", m.mode);
        n("rw", m.rw);
    }
    return out;
}

std::string describe(const Result<std::vector<ContainerSummary>> &r) {
    if (!r.ok())
        return std::string("error ") + toString(r.error().kind) + ": " + r.error().message;
    std::string out = "ok " + std::to_string(r.value().size()) + "\n";
    for (const auto &c : r.value())
        out += describe(c) + "\n";
    return out;
}

// The SAX result of `text`, compared with the oracle's; the SAX result for further checks.
#define REQUIRE_SAME_AS_DOM(text, saxOut)                                                          \
    const auto saxOut = parseContainerList(text);                                                  \
    do {                                                                                           \
        const auto dom_ = dom::containers(text);                                                   \
        QCOMPARE(saxOut.ok(), dom_.ok());                                                          \
        if (!dom_.ok()) {                                                                          \
            QCOMPARE(saxOut.error().kind, dom_.error().kind);                                      \
            QCOMPARE(QString::fromStdString(saxOut.error().message),                               \
                     QString::fromStdString(dom_.error().message));                                \
            break;                                                                                 \
        }                                                                                          \
        QCOMPARE(saxOut.value().size(), dom_.value().size());                                      \
        for (std::size_t i_ = 0; i_ < dom_.value().size(); ++i_)                                   \
            QCOMPARE(QString::fromStdString(describe(saxOut.value()[i_])),                         \
                     QString::fromStdString(describe(dom_.value()[i_])));                          \
    } while (false)

// The recorded reply grown to `count` containers: the recorded items in turn, each with a new
// Id and name, as a host running that many would answer.
std::string grown(const std::string &recorded, std::size_t count) {
    const nlohmann::json items = nlohmann::json::parse(recorded);
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < count; ++i) {
        nlohmann::json item = items[i % items.size()];
        char id[65];
        std::snprintf(id, sizeof id, "%016zx%048zx", i * 2654435761u, i);
        item["Id"] = id;
        item["Names"] = nlohmann::json::array({"/load-" + std::to_string(i)});
        out.push_back(std::move(item));
    }
    return out.dump();
}

} // namespace

class TestContainerListParser : public QObject {
    Q_OBJECT

private slots:
    void recordedReply();
    void handmadeReplies();
    void edgeDocuments_data();
    void edgeDocuments();
    void checkOrderNotTextOrder();
    void repeatedKeysLastWins();
    void grownTo800Containers();
    void mutatedDocumentsAgreeWithDom();
    void parseContainersIsTheSaxParser();
};

void TestContainerListParser::recordedReply() {
    const auto json = readData(QStringLiteral("recorded/containers_list.json"));
    QVERIFY2(json,
             qPrintable(slipway::test::dataPath(QStringLiteral("recorded/containers_list.json"))));
    REQUIRE_SAME_AS_DOM(*json, r);
    QVERIFY(r.ok());
    const auto &list = r.value();
    QCOMPARE(list.size(), std::size_t(6));
    QCOMPARE(list[0].name(), std::string("shop-web-staging-old"));
    QCOMPARE(list[0].labels.size(), std::size_t(11));
    QCOMPARE(list[0].networks, (std::vector<std::string>{"shop-staging_default"}));
    QCOMPARE(list[5].ports.size(), std::size_t(1));
    QCOMPARE(list[5].ports[0].publicPort, 18111);
    // Every recorded reply cut short is refused the same way.
    for (std::size_t cut = 0; cut < json->size(); cut += 97) {
        REQUIRE_SAME_AS_DOM(std::string_view(*json).substr(0, cut), cutShort);
        QVERIFY(!cutShort.ok());
    }
}

void TestContainerListParser::handmadeReplies() {
    for (const char *name : {"handmade/containers_nulls.json", "handmade/wrong_types.json",
                             "handmade/garbage.bin", "recorded/images_list.json",
                             "recorded/container_inspect.json", "recorded/networks_list.json"}) {
        const auto json = readData(QString::fromLatin1(name));
        QVERIFY2(json, qPrintable(slipway::test::dataPath(QString::fromLatin1(name))));
        REQUIRE_SAME_AS_DOM(*json, r);
    }
    const auto nulls =
        parseContainerList(*readData(QStringLiteral("handmade/containers_nulls.json")));
    QVERIFY(nulls.ok());
    QCOMPARE(nulls.value().size(), std::size_t(3));
    QCOMPARE(nulls.value()[2].networks, (std::vector<std::string>{"bridge", "qa-3_default"}));
}

void TestContainerListParser::edgeDocuments_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // the error, or "" for a list

    auto row = [](const char *name, const QByteArray &json, const char *expected = "") {
        QTest::newRow(name) << json << QString::fromUtf8(expected);
    };
    // Top level.
    row("null", "null");
    row("null with spaces", " \n null \t");
    row("empty array", "[]");
    row("empty array spaced", " [ ]\n");
    row("object", R"({"Id": "abc"})", "containers: expected an array, got object");
    row("string", R"("abc")", "containers: expected an array, got string");
    row("number", "5", "containers: expected an array, got number");
    row("float", "-1.5", "containers: expected an array, got number");
    row("boolean", "false", "containers: expected an array, got boolean");
    row("empty", "", "containers: empty response");
    row("blank", "  \n\t", "containers: empty response");
    // Items.
    row("item number", R"([{"Id": "a"}, 7])", "containers: item 1: not an object (number)");
    row("item null", "[null]", "containers: item 0: not an object (null)");
    row("item array", R"([{"Id":"a"},{"Id":"b"},[{"Id":"c"}]])",
        "containers: item 2: not an object (array)");
    row("item string then bad item", R"(["x",{"Id":5}])",
        "containers: item 0: not an object (string)");
    row("missing Id", R"([{"Names":["/x"]}])", "containers: item 0: \"Id\" is missing");
    row("empty Id", R"([{"Id":"a"},{"Id":""}])", "containers: item 1: \"Id\" is missing");
    row("null Id", R"([{"Id":null}])", "containers: item 0: \"Id\" is missing");
    row("Id number", R"([{"Id":"a"},{"Id":"b"},{"Id":"c"},{"Id":5}])",
        "containers: item 3: \"Id\" is not a string (number)");
    row("Id object", R"([{"Id":{"x":[1]}}])",
        "containers: item 0: \"Id\" is not a string (object)");
    row("id lower case", R"([{"id":"a"}])", "containers: item 0: \"Id\" is missing");
    // Null and absent fields read as empty.
    row("only Id", R"([{"Id":"a"}])");
    row("all null",
        R"([{"Id":"a","Names":null,"Image":null,"ImageID":null,"Command":null,"Created":null,)"
        R"("State":null,"Status":null,"Ports":null,"Labels":null,"NetworkSettings":null,)"
        R"("Mounts":null,"HostConfig":null}])");
    row("empty parts",
        R"([{"Id":"a","Names":[],"Ports":[],"Labels":{},"NetworkSettings":{},"Mounts":[]}])");
    row("networks null", R"([{"Id":"a","NetworkSettings":{"Networks":null}}])");
    row("null elements",
        R"([{"Id":"a","Ports":[null,{"PrivatePort":80},null],"Mounts":[null,{"RW":null}]}])");
    row("null port fields",
        R"([{"Id":"a","Ports":[{"IP":null,"PrivatePort":null,"PublicPort":null,"Type":null}]}])");
    row("mount fields",
        R"([{"Id":"a","Mounts":[{"Type":"bind","Name":"","Source":"/s","Destination":"/d",)"
        R"("Mode":"ro","RW":false,"Propagation":"rprivate"},{"Type":"volume"},{"RW":true}]}])");
    row("null label", R"([{"Id":"a","Labels":{"k":null,"j":""}}])");
    row("network values",
        R"([{"Id":"a","NetworkSettings":{"Networks":{"b":{},"a":null,"c":{"IPAddress":"1"}}}}])");
    // Wrong types.
    row("Names string", R"([{"Id":"a","Names":"web"}])",
        "containers: item 0: \"Names\" is not an array (string)");
    row("Names element null", R"([{"Id":"a","Names":["/a",null]}])",
        "containers: item 0: \"Names[1]\" is not a string (null)");
    row("Names element object", R"([{"Id":"a","Names":["/a",{},7]}])",
        "containers: item 0: \"Names[1]\" is not a string (object)");
    row("Image number", R"([{"Id":"a","Image":1}])",
        "containers: item 0: \"Image\" is not a string (number)");
    row("ImageID bool", R"([{"Id":"a","ImageID":true}])",
        "containers: item 0: \"ImageID\" is not a string (boolean)");
    row("Command array", R"([{"Id":"a","Command":["sh"]}])",
        "containers: item 0: \"Command\" is not a string (array)");
    row("Created string", R"([{"Id":"a","Created":"1"}])",
        "containers: item 0: \"Created\" is not a number (string)");
    row("Created float", R"([{"Id":"a","Created":1.5}])",
        "containers: item 0: \"Created\" is not an integer");
    row("Created whole float", R"([{"Id":"a","Created":2e3}])");
    row("Created negative", R"([{"Id":"a","Created":-5}])");
    row("Created minus zero", R"([{"Id":"a","Created":-0.0}])");
    row("State object", R"([{"Id":"a","State":{}}])",
        "containers: item 0: \"State\" is not a string (object)");
    row("Status number", R"([{"Id":"a","Status":0}])",
        "containers: item 0: \"Status\" is not a string (number)");
    row("Ports object", R"([{"Id":"a","Ports":{"a":1}}])",
        "containers: item 0: \"Ports\" is not an array (object)");
    row("Ports element", R"([{"Id":"a","Ports":[null,{},5]}])",
        "containers: item 0: \"Ports[2]\" is not an object (number)");
    row("Ports element array", R"([{"Id":"a","Ports":[[{"IP":"x"}]]}])",
        "containers: item 0: \"Ports[0]\" is not an object (array)");
    row("PrivatePort string", R"([{"Id":"a","Ports":[{"PrivatePort":"80"}]}])",
        "containers: item 0: \"Ports[0].PrivatePort\" is not a number (string)");
    row("port field order", R"([{"Id":"a","Ports":[{"Type":1,"PublicPort":"x","IP":[]}]}])",
        "containers: item 0: \"Ports[0].IP\" is not a string (array)");
    row("second port", R"([{"Id":"a","Ports":[{"Type":"tcp"},null,{"PublicPort":-1.25}]}])",
        "containers: item 0: \"Ports[2].PublicPort\" is not an integer");
    row("Labels array", R"([{"Id":"a","Labels":[1,2]}])",
        "containers: item 0: \"Labels\" is not an object (array)");
    row("label number", R"([{"Id":"a","Labels":{"k":1}}])",
        "containers: item 0: \"Labels.k\" is not a string (number)");
    row("labels in key order", R"([{"Id":"a","Labels":{"z":1,"b":"x","c":[],"a":{}}}])",
        "containers: item 0: \"Labels.a\" is not a string (object)");
    row("label key with NUL", R"([{"Id":"a","Labels":{"k\u0000x":true}}])",
        "containers: item 0: \"Labels.k\" is not a string (boolean)");
    row("NetworkSettings array", R"([{"Id":"a","NetworkSettings":[]}])",
        "containers: item 0: \"NetworkSettings\" is not an object (array)");
    row("Networks string", R"([{"Id":"a","NetworkSettings":{"Networks":"bridge"}}])",
        "containers: item 0: \"NetworkSettings.Networks\" is not an object (string)");
    row("network number", R"([{"Id":"a","NetworkSettings":{"Networks":{"b":{},"c":3,"a":"x"}}}])",
        "containers: item 0: \"NetworkSettings.Networks.a\" is not an object (string)");
    row("Mounts string", R"([{"Id":"a","Mounts":"x"}])",
        "containers: item 0: \"Mounts\" is not an array (string)");
    row("RW string", R"([{"Id":"a","Mounts":[{},{"RW":"yes"}]}])",
        "containers: item 0: \"Mounts[1].RW\" is not a boolean (string)");
    row("mount field order", R"([{"Id":"a","Mounts":[{"RW":1,"Mode":2,"Source":3}]}])",
        "containers: item 0: \"Mounts[0].Source\" is not a string (number)");
    row("Mounts element", R"([{"Id":"a","Mounts":[true]}])",
        "containers: item 0: \"Mounts[0]\" is not an object (boolean)");
    // Numbers at the edges.
    row("Created int64 max", R"([{"Id":"a","Created":9223372036854775807}])");
    row("Created int64 min", R"([{"Id":"a","Created":-9223372036854775808}])");
    row("Created above int64", R"([{"Id":"a","Created":9223372036854775808}])",
        "containers: item 0: \"Created\" is out of range");
    row("Created uint64 max", R"([{"Id":"a","Created":18446744073709551615}])",
        "containers: item 0: \"Created\" is out of range");
    // Below int64, nlohmann reads a double, which rounds to the lowest int64.
    row("Created below int64", R"([{"Id":"a","Created":-9223372036854775809}])");
    row("Created 1e19", R"([{"Id":"a","Created":1e19}])",
        "containers: item 0: \"Created\" is out of range");
    row("Created 1e300", R"([{"Id":"a","Created":-1e300}])",
        "containers: item 0: \"Created\" is out of range");
    row("Created overflow", R"([{"Id":"a","Created":1e400}])",
        "containers: [json.exception.out_of_range.406] number overflow parsing '1e400'");
    row("PrivatePort int max", R"([{"Id":"a","Ports":[{"PrivatePort":2147483647}]}])");
    row("PrivatePort int min", R"([{"Id":"a","Ports":[{"PublicPort":-2147483648}]}])");
    row("PrivatePort above int", R"([{"Id":"a","Ports":[{"PrivatePort":4294967296}]}])",
        "containers: item 0: \"Ports[0].PrivatePort\" is out of range");
    row("PublicPort below int", R"([{"Id":"a","Ports":[{"PublicPort":-2147483649}]}])",
        "containers: item 0: \"Ports[0].PublicPort\" is out of range");
    // Unicode.
    row("unicode escapes",
        R"([{"Id":"\u0061b","Names":["/caf\u00e9","/\ud83d\ude80"],"Labels":{"\u00fc":"\u4e2d",)"
        R"("emoji\ud83d\ude00":"x\u0000y"},"NetworkSettings":{"Networks":{"n\u00e9t":{}}}}])");
    row("raw utf-8", "[{\"Id\":\"a\",\"Names\":[\"/caf\xc3\xa9\"],\"Labels\":{\"\xe4\xb8\xad\":"
                     "\"\xf0\x9f\x9a\x80\"}}]");
    row("lone surrogate", R"([{"Id":"\ud800"}])");
    row("invalid utf-8", "[{\"Id\":\"\xff\xfe\"}]");
    row("bad escape", R"([{"Id":"\x"}])");
    // Broken and nested documents.
    row("truncated", R"([{"Id":"a","Names":["/x")");
    row("open bracket", "[");
    row("trailing garbage", R"([{"Id":"a"}] x)");
    row("two documents", R"([] [])");
    row("bad item then broken", R"([{"Id":5},{"Id":)");
    row("object then broken", R"({"Id":5} x)");
    row("nan", R"([{"Id":"a","Created":NaN}])");
    row("nested too deep", QByteArray("[") + QByteArray(300, '[') + QByteArray(300, ']') + "]",
        "containers: nested deeper than 256 levels");
    row("too deep inside an item",
        QByteArray(R"([{"Id":"a","HostConfig":)") + QByteArray(300, '[') + QByteArray(300, ']') +
            "}]",
        "containers: nested deeper than 256 levels");
    row("too deep after a bad item", QByteArray(R"([{"Id":5},)") + QByteArray(300, '{') + "}]",
        "containers: nested deeper than 256 levels");
    row("too deep and cut", QByteArray(300, '['), "containers: nested deeper than 256 levels");
    row("deep but allowed",
        QByteArray(R"([{"Id":"a","SizeRw":)") + QByteArray(250, '[') + QByteArray(250, ']') + "}]");
    row("brackets in strings",
        QByteArray(R"([{"Id":"a","Command":")") + QByteArray(400, '[') + R"(\""}])");
}

void TestContainerListParser::edgeDocuments() {
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const std::string text = json.toStdString();
    REQUIRE_SAME_AS_DOM(text, r);
    if (!expected.isEmpty()) {
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Parse);
        QCOMPARE(QString::fromStdString(r.error().message), expected);
    }
}

void TestContainerListParser::checkOrderNotTextOrder() {
    // The DOM checked an item's fields in a fixed order, whatever order the text has them in.
    const std::string json =
        R"([{"Mounts":[{"RW":0}],"Labels":{"k":1},"Names":"x","Created":"1","Id":"a"}])";
    REQUIRE_SAME_AS_DOM(json, r);
    QCOMPARE(QString::fromStdString(r.error().message),
             QStringLiteral("containers: item 0: \"Names\" is not an array (string)"));
    const std::string missing = R"([{"Mounts":5,"Image":7}])";
    REQUIRE_SAME_AS_DOM(missing, m);
    QCOMPARE(QString::fromStdString(m.error().message),
             QStringLiteral("containers: item 0: \"Id\" is missing"));
    // A broken document is "not JSON", even when an item before the break is wrong.
    const std::string broken = R"([{"Id":"a","Names":5},{"Id":"b"},{"Id":)";
    REQUIRE_SAME_AS_DOM(broken, b);
    QVERIFY(QString::fromStdString(b.error().message).startsWith("containers: not JSON: "));
}

void TestContainerListParser::repeatedKeysLastWins() {
    // nlohmann's DOM keeps the last of repeated keys, for objects and arrays too, each at its
    // key's place in key order.
    const std::string json =
        R"([{"Id":5,"Id":"a","Names":["/x"],"Names":["/y","/z"],"Created":1,"Created":2,)"
        R"("Ports":[{"PrivatePort":1}],"Ports":[{"PrivatePort":2,"PrivatePort":3,"IP":"x",)"
        R"("IP":null}],"Labels":{"b":"1","a":"2","b":"3"},"Labels":{"d":"4","c":5,"c":"6"},)"
        R"("NetworkSettings":{"Networks":{"x":{}}},"NetworkSettings":{"Networks":{"z":3,)"
        R"("y":{},"z":{},"y":null},"Networks":{"w":{},"v":{},"w":null}},"Mounts":[{"RW":true,)"
        R"("RW":false}],"Mounts":[{"RW":false,"RW":null,"Type":"a","Type":"b"}],"Image":"i"}])";
    REQUIRE_SAME_AS_DOM(json, r);
    QVERIFY(r.ok());
    const ContainerSummary &c = r.value().at(0);
    QCOMPARE(c.id, std::string("a"));
    QCOMPARE(c.names, (std::vector<std::string>{"/y", "/z"}));
    QCOMPARE(c.created, std::int64_t(2));
    QCOMPARE(c.ports.size(), std::size_t(1));
    QCOMPARE(c.ports[0].privatePort, 3);
    QCOMPARE(c.ports[0].ip, std::string());
    QCOMPARE(c.labels, (Labels{{"c", "6"}, {"d", "4"}}));
    QCOMPARE(c.networks, (std::vector<std::string>{"v", "w"}));
    QCOMPARE(c.mounts.size(), std::size_t(1));
    QVERIFY(c.mounts[0].rw);
    QCOMPARE(c.mounts[0].type, std::string("b"));
    // A wrong value replaced by a good one is no error, and the other way round.
    for (const char *doc :
         {R"([{"Id":"a","Labels":{"k":1,"k":"v"}}])", R"([{"Id":"a","Labels":{"k":"v","k":1}}])",
          R"([{"Id":"a","Labels":{"k":1},"Labels":null}])",
          R"([{"Id":"a","NetworkSettings":{"Networks":{"n":1,"n":{}}}}])",
          R"([{"Id":"a","NetworkSettings":{"Networks":{"n":{},"n":1}}}])",
          R"([{"Id":"a","NetworkSettings":5,"NetworkSettings":{}}])",
          R"([{"Id":"a","Ports":[5],"Ports":[{"PrivatePort":1}]}])",
          R"([{"Id":"a","Ports":[{"IP":1,"IP":"x"}]}])",
          R"([{"Id":"a","Mounts":[{"RW":"x","RW":false}]}])",
          R"([{"Id":"a","Names":[1],"Names":null}])", R"([{"Id":"a","Id":""}])",
          R"([{"Id":"a","Id":null}])"}) {
        REQUIRE_SAME_AS_DOM(std::string(doc), d);
    }
}

void TestContainerListParser::grownTo800Containers() {
    const auto recorded = readData(QStringLiteral("recorded/containers_list.json"));
    QVERIFY2(recorded,
             qPrintable(slipway::test::dataPath(QStringLiteral("recorded/containers_list.json"))));
    const std::string json = grown(*recorded, 800);
    QVERIFY2(json.size() > 1000000, std::to_string(json.size()).c_str());
    REQUIRE_SAME_AS_DOM(json, r);
    QVERIFY(r.ok());
    QCOMPARE(r.value().size(), std::size_t(800));
    std::set<std::string> ids;
    for (const auto &c : r.value())
        ids.insert(c.id);
    QCOMPARE(ids.size(), std::size_t(800));
    QCOMPARE(r.value()[799].name(), std::string("load-799"));
    QCOMPARE(r.value()[799].labels, r.value()[799 % 6].labels);
}

void TestContainerListParser::mutatedDocumentsAgreeWithDom() {
    // Bounded, seeded mutations of the recorded and hand-made replies; both readers must agree
    // on every one, down to the error message.
    std::vector<std::string> seeds;
    for (const char *name : {"recorded/containers_list.json", "handmade/containers_nulls.json"}) {
        const auto json = readData(QString::fromLatin1(name));
        QVERIFY2(json, qPrintable(slipway::test::dataPath(QString::fromLatin1(name))));
        seeds.push_back(*json);
    }
    const char *pieces[] = {"null",
                            "0",
                            "7",
                            "-1",
                            "[]",
                            "{}",
                            "[1,2]",
                            "\"x\"",
                            "true",
                            "1.0",
                            "1.5",
                            "[null]",
                            "{\"a\":1}",
                            "4294967296",
                            "1e400",
                            "\"\\u00e9\"",
                            "[{}]",
                            "9223372036854775808",
                            "{\"Networks\":{\"n\":3}}"};
    const char *keys[] = {
        "\"Id\"",     "\"Names\"",       "\"Labels\"",         "\"Ports\"", "\"Mounts\"",
        "\"RW\"",     "\"IP\"",          "\"Created\"",        "\"Type\"",  "\"Networks\"",
        "\"Status\"", "\"PrivatePort\"", "\"NetworkSettings\""};
    std::mt19937 rng(20261127);
    int ok = 0, refused = 0, notJson = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string doc = seeds[rng() % seeds.size()];
        for (int edits = 1 + int(rng() % 3); edits > 0; --edits) {
            const std::size_t colon = doc.find(':', rng() % doc.size());
            if (colon == std::string::npos)
                continue;
            const std::size_t end = doc.find_first_of(",}]", colon + 1);
            const std::size_t keyStart = doc.rfind('"', colon > 1 ? colon - 2 : 0);
            switch (rng() % 5) {
            case 0: // replace a scalar value
                if (end != std::string::npos && doc[colon + 1] != '{' && doc[colon + 1] != '[')
                    doc.replace(colon + 1, end - colon - 1, pieces[rng() % std::size(pieces)]);
                break;
            case 1: // replace a key (often making it a repeated one)
                if (keyStart != std::string::npos)
                    doc.replace(keyStart, colon - keyStart, keys[rng() % std::size(keys)]);
                break;
            case 2: // repeat a member just after itself
                if (keyStart != std::string::npos && end != std::string::npos && doc[end] == ',')
                    doc.insert(end + 1, doc.substr(keyStart, end - keyStart) + ",");
                break;
            case 3: // insert a value in front of one (usually breaks the document)
                doc.insert(colon + 1, pieces[rng() % std::size(pieces)]);
                break;
            case 4: // cut
                doc.resize(colon + 1 + rng() % 8);
                break;
            }
        }
        REQUIRE_SAME_AS_DOM(doc, r);
        if (r.ok())
            ++ok;
        else if (r.error().message.rfind("containers: not JSON", 0) == 0)
            ++notJson;
        else
            ++refused;
    }
    // The mutations reach all three outcomes, each often.
    QVERIFY2(
        ok > 300 && refused > 300 && notJson > 300,
        qPrintable(
            QStringLiteral("ok %1, refused %2, not JSON %3").arg(ok).arg(refused).arg(notJson)));
}

void TestContainerListParser::parseContainersIsTheSaxParser() {
    // DockerClient::containers reads through parse::containers.
    const auto json = readData(QStringLiteral("handmade/containers_nulls.json"));
    QVERIFY2(json,
             qPrintable(slipway::test::dataPath(QStringLiteral("handmade/containers_nulls.json"))));
    QCOMPARE(QString::fromStdString(describe(parse::containers(*json))),
             QString::fromStdString(describe(parseContainerList(*json))));
    for (const char *doc : {"{", R"([{"Id":5}])", "null", R"({"a":1})"})
        QCOMPARE(QString::fromStdString(describe(parse::containers(doc))),
                 QString::fromStdString(describe(parseContainerList(doc))));
}

QTEST_GUILESS_MAIN(TestContainerListParser)
#include "tst_containerlistparser.moc"
