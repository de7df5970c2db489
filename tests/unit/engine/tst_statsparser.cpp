// The SAX stats parser (engine/statsparser.h) against recorded and hand-made engine replies:
// concrete values, the same values as a plain nlohmann DOM read of the same fields (the way
// engine/parse.cpp read them before), repeated keys, and typed errors for broken documents.
#include "engine/parse.h"
#include "engine/statsparser.h"
#include "tests/support/testdata.h"

#include <QtTest>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>

using namespace slipway::engine;

namespace {

using slipway::test::readData;

std::vector<std::string> lines(const std::string &text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty())
            out.push_back(line);
    return out;
}

// The oracle: the fields read from a DOM, strictly (anything but a non-negative integer where
// a counter belongs, or a wrong container type, is "not comparable"). nullopt: not comparable.
std::optional<StatsSample> domRead(std::string_view text) {
    using nlohmann::json;
    json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return std::nullopt;
    struct NotComparable {};
    auto obj = [](const json &parent, const char *key) -> const json * {
        if (!parent.is_object())
            return nullptr;
        auto it = parent.find(key);
        if (it == parent.end() || it->is_null())
            return nullptr;
        if (!it->is_object())
            throw NotComparable{};
        return &*it;
    };
    auto u64 = [](const json *parent, const char *key) -> std::uint64_t {
        if (!parent)
            return 0;
        auto it = parent->find(key);
        if (it == parent->end() || it->is_null())
            return 0;
        if (!it->is_number_unsigned())
            throw NotComparable{};
        return it->get<std::uint64_t>();
    };
    auto str = [](const json &parent, const char *key) -> std::string {
        auto it = parent.find(key);
        if (it == parent.end() || it->is_null())
            return {};
        if (!it->is_string())
            throw NotComparable{};
        return it->get<std::string>();
    };
    try {
        StatsSample s;
        s.read = str(doc, "read");
        s.preread = str(doc, "preread");
        const json *cpu = obj(doc, "cpu_stats");
        const json *precpu = obj(doc, "precpu_stats");
        const json *usage = cpu ? obj(*cpu, "cpu_usage") : nullptr;
        const json *preusage = precpu ? obj(*precpu, "cpu_usage") : nullptr;
        s.cpuTotal = u64(usage, "total_usage");
        s.preCpuTotal = u64(preusage, "total_usage");
        s.systemCpu = u64(cpu, "system_cpu_usage");
        s.preSystemCpu = u64(precpu, "system_cpu_usage");
        const std::uint64_t online = u64(cpu, "online_cpus");
        if (online > 1024)
            throw NotComparable{};
        s.onlineCpus = int(online);
        if (s.onlineCpus == 0 && usage && usage->contains("percpu_usage") &&
            !(*usage)["percpu_usage"].is_null()) {
            if (!(*usage)["percpu_usage"].is_array())
                throw NotComparable{};
            s.onlineCpus = int((*usage)["percpu_usage"].size());
        }
        const json *memory = obj(doc, "memory_stats");
        s.memoryUsage = u64(memory, "usage");
        s.memoryLimit = u64(memory, "limit");
        const json *memStats = memory ? obj(*memory, "stats") : nullptr;
        if (memStats && memStats->contains("total_inactive_file") &&
            !(*memStats)["total_inactive_file"].is_null() &&
            u64(memStats, "total_inactive_file") < s.memoryUsage)
            s.memoryCache = u64(memStats, "total_inactive_file");
        else if (u64(memStats, "inactive_file") < s.memoryUsage)
            s.memoryCache = u64(memStats, "inactive_file");
        if (const json *networks = obj(doc, "networks"))
            for (const auto &item : networks->items()) {
                if (item.value().is_null())
                    continue;
                if (!item.value().is_object())
                    throw NotComparable{};
                s.netRx += u64(&item.value(), "rx_bytes");
                s.netTx += u64(&item.value(), "tx_bytes");
            }
        if (const json *blkio = obj(doc, "blkio_stats")) {
            auto list = blkio->find("io_service_bytes_recursive");
            if (list != blkio->end() && !list->is_null()) {
                if (!list->is_array())
                    throw NotComparable{};
                for (const json &entry : *list) {
                    if (entry.is_null())
                        continue;
                    if (!entry.is_object())
                        throw NotComparable{};
                    const std::string op = str(entry, "op");
                    if (!op.empty() && (op[0] == 'r' || op[0] == 'R'))
                        s.blockRead += u64(&entry, "value");
                    else if (!op.empty() && (op[0] == 'w' || op[0] == 'W'))
                        s.blockWrite += u64(&entry, "value");
                }
            }
        }
        s.pids = u64(obj(doc, "pids_stats"), "current");
        return s;
    } catch (const NotComparable &) {
        return std::nullopt;
    } catch (const nlohmann::json::exception &) {
        return std::nullopt;
    }
}

QString describe(const StatsSample &s) {
    return QStringLiteral("read=%1 preread=%2 cpu=%3/%4 sys=%5/%6 online=%7 mem=%8/%9 cache=%10 "
                          "net=%11/%12 blk=%13/%14 pids=%15")
        .arg(QString::fromStdString(s.read), QString::fromStdString(s.preread))
        .arg(s.cpuTotal)
        .arg(s.preCpuTotal)
        .arg(s.systemCpu)
        .arg(s.preSystemCpu)
        .arg(s.onlineCpus)
        .arg(s.memoryUsage)
        .arg(s.memoryLimit)
        .arg(s.memoryCache)
        .arg(s.netRx)
        .arg(s.netTx)
        .arg(s.blockRead)
        .arg(s.blockWrite)
        .arg(s.pids);
}

#define REQUIRE_OK(result)                                                                         \
    QVERIFY2((result).ok(), (result).ok() ? "" : (result).error().describe().c_str())

#define REQUIRE_SAME_AS_DOM(text)                                                                  \
    do {                                                                                           \
        const auto sax = parseStatsSample(text);                                                   \
        REQUIRE_OK(sax);                                                                           \
        const auto dom = domRead(text);                                                            \
        QVERIFY2(dom, "the oracle cannot read this document");                                     \
        QCOMPARE(describe(sax.value()), describe(*dom));                                           \
    } while (false)

#define REQUIRE_PARSE_ERROR(result, text)                                                          \
    do {                                                                                           \
        const auto r_ = (result);                                                                  \
        QVERIFY(!r_.ok());                                                                         \
        QCOMPARE(r_.error().kind, ErrorKind::Parse);                                               \
        QCOMPARE(QString::fromStdString(r_.error().message), QStringLiteral(text));                \
    } while (false)

} // namespace

class TestStatsParser : public QObject {
    Q_OBJECT

private slots:
    void recordedOneShotFirstRead();
    void recordedStreamEveryLine();
    void cgroupV2();
    void cgroupV1PerCpuArray();
    void stoppedContainer();
    void networksAbsentBlkioNull();
    void repeatedKeysLastWins();
    void nullsAndEmptyParts();
    void truncatedAndInvalid();
    void wrongTypesNameTheField();
    void mutatedDocumentsAgreeWithDom();
    void parseStatsIsTheSaxParser();
};

void TestStatsParser::recordedOneShotFirstRead() {
    const auto json = readData(QStringLiteral("recorded/stats_oneshot.json"));
    QVERIFY2(json,
             qPrintable(slipway::test::dataPath(QStringLiteral("recorded/stats_oneshot.json"))));
    REQUIRE_SAME_AS_DOM(*json);
    const StatsSample s = parseStatsSample(*json).value();
    QCOMPARE(s.read, std::string("2026-11-27T08:51:12.180009175Z"));
    QCOMPARE(s.preread, std::string("0001-01-01T00:00:00Z"));
    QCOMPARE(s.cpuTotal, std::uint64_t(121029133));
    // A one-shot first read: precpu is all zero.
    QCOMPARE(s.preCpuTotal, std::uint64_t(0));
    QCOMPARE(s.preSystemCpu, std::uint64_t(0));
    QCOMPARE(s.systemCpu, std::uint64_t(2298360000000));
    QCOMPARE(s.onlineCpus, 2);
    QCOMPARE(s.memoryUsage, std::uint64_t(471040));
    QCOMPARE(s.memoryLimit, std::uint64_t(67108864));
    QCOMPARE(s.memoryCache, std::uint64_t(0));
    QCOMPARE(s.netRx, std::uint64_t(1042));
    QCOMPARE(s.netTx, std::uint64_t(0));
    QCOMPARE(s.blockRead, std::uint64_t(0));
    QCOMPARE(s.pids, std::uint64_t(2));
}

void TestStatsParser::recordedStreamEveryLine() {
    const auto stream = readData(QStringLiteral("recorded/stats_stream.jsonl"));
    QVERIFY2(stream,
             qPrintable(slipway::test::dataPath(QStringLiteral("recorded/stats_stream.jsonl"))));
    const auto docs = lines(*stream);
    QVERIFY(docs.size() >= 2);
    for (const auto &doc : docs)
        REQUIRE_SAME_AS_DOM(doc);
}

void TestStatsParser::cgroupV2() {
    const auto json = readData(QStringLiteral("handmade/stats_cgroupv2.json"));
    QVERIFY2(json,
             qPrintable(slipway::test::dataPath(QStringLiteral("handmade/stats_cgroupv2.json"))));
    REQUIRE_SAME_AS_DOM(*json);
    const StatsSample s = parseStatsSample(*json).value();
    QCOMPARE(s.cpuTotal, std::uint64_t(812345000));
    QCOMPARE(s.preCpuTotal, std::uint64_t(800000000));
    QCOMPARE(s.onlineCpus, 4);
    QCOMPARE(s.memoryCache, std::uint64_t(10485760)); // inactive_file
    QCOMPARE(s.netRx, std::uint64_t(123456 + 1000));
    QCOMPARE(s.netTx, std::uint64_t(65432 + 2000));
    QCOMPARE(s.blockRead, std::uint64_t(1048576 + 4096));
    QCOMPARE(s.blockWrite, std::uint64_t(8192));
    QCOMPARE(s.pids, std::uint64_t(7));
}

void TestStatsParser::cgroupV1PerCpuArray() {
    const auto json = readData(QStringLiteral("handmade/stats_cgroupv1.json"));
    QVERIFY2(json,
             qPrintable(slipway::test::dataPath(QStringLiteral("handmade/stats_cgroupv1.json"))));
    REQUIRE_SAME_AS_DOM(*json);
    const StatsSample s = parseStatsSample(*json).value();
    QCOMPARE(s.onlineCpus, 6);                       // no online_cpus: len(percpu_usage)
    QCOMPARE(s.memoryCache, std::uint64_t(2097152)); // total_inactive_file wins
    QCOMPARE(s.blockRead, std::uint64_t(2048));      // "Total" counts as neither
    QCOMPARE(s.blockWrite, std::uint64_t(1024));
    // online_cpus, when sent, wins over the per-CPU list.
    const std::string withOnline =
        R"({"cpu_stats":{"cpu_usage":{"total_usage":5,"percpu_usage":[1,2,3]},"online_cpus":2}})";
    REQUIRE_SAME_AS_DOM(withOnline);
    QCOMPARE(parseStatsSample(withOnline).value().onlineCpus, 2);
    // Neither: 0.
    const std::string neither = R"({"cpu_stats":{"cpu_usage":{"total_usage":5}}})";
    REQUIRE_SAME_AS_DOM(neither);
    QCOMPARE(parseStatsSample(neither).value().onlineCpus, 0);
}

void TestStatsParser::stoppedContainer() {
    const auto json = readData(QStringLiteral("handmade/stats_stopped.json"));
    QVERIFY2(json,
             qPrintable(slipway::test::dataPath(QStringLiteral("handmade/stats_stopped.json"))));
    REQUIRE_SAME_AS_DOM(*json);
    const StatsSample s = parseStatsSample(*json).value();
    QCOMPARE(s.read, std::string("0001-01-01T00:00:00Z"));
    QCOMPARE(s.systemCpu, std::uint64_t(0));
    QCOMPARE(s.memoryLimit, std::uint64_t(0));
}

void TestStatsParser::networksAbsentBlkioNull() {
    const std::string json =
        R"({"read":"2026-01-01T00:00:01Z","cpu_stats":{"cpu_usage":{"total_usage":10},)"
        R"("system_cpu_usage":100,"online_cpus":1},"memory_stats":{"usage":4096,"limit":8192,)"
        R"("stats":{"inactive_file":1024}},"blkio_stats":{"io_service_bytes_recursive":null},)"
        R"("pids_stats":{}})";
    REQUIRE_SAME_AS_DOM(json);
    const StatsSample s = parseStatsSample(json).value();
    QCOMPARE(s.netRx, std::uint64_t(0));
    QCOMPARE(s.netTx, std::uint64_t(0));
    QCOMPARE(s.blockRead, std::uint64_t(0));
    QCOMPARE(s.memoryCache, std::uint64_t(1024));
    QCOMPARE(s.pids, std::uint64_t(0));
    const std::string blkioNull = R"({"blkio_stats":null,"networks":null})";
    REQUIRE_SAME_AS_DOM(blkioNull);
}

void TestStatsParser::repeatedKeysLastWins() {
    // nlohmann's DOM keeps the last of repeated keys, objects included.
    const std::string json =
        R"({"cpu_stats":{"cpu_usage":{"total_usage":1},"online_cpus":3},)"
        R"("cpu_stats":{"system_cpu_usage":7},"networks":{"eth0":{"rx_bytes":5},)"
        R"("eth0":{"tx_bytes":6}},"blkio_stats":{"io_service_bytes_recursive":[{"op":"read",)"
        R"("value":1}],"io_service_bytes_recursive":[{"op":"write","value":2}]},)"
        R"("pids_stats":{"current":1,"current":9},"read":"a","read":"b"})";
    REQUIRE_SAME_AS_DOM(json);
    const StatsSample s = parseStatsSample(json).value();
    QCOMPARE(s.cpuTotal, std::uint64_t(0));
    QCOMPARE(s.onlineCpus, 0);
    QCOMPARE(s.systemCpu, std::uint64_t(7));
    QCOMPARE(s.netRx, std::uint64_t(0));
    QCOMPARE(s.netTx, std::uint64_t(6));
    QCOMPARE(s.blockRead, std::uint64_t(0));
    QCOMPARE(s.blockWrite, std::uint64_t(2));
    QCOMPARE(s.pids, std::uint64_t(9));
    QCOMPARE(s.read, std::string("b"));
    // A later null or scalar replaces an earlier object too.
    const std::string replaced = R"({"memory_stats":{"usage":5},"memory_stats":null})";
    REQUIRE_SAME_AS_DOM(replaced);
    QCOMPARE(parseStatsSample(replaced).value().memoryUsage, std::uint64_t(0));
    REQUIRE_PARSE_ERROR(parseStatsSample(R"({"pids_stats":{"current":1},"pids_stats":5})"),
                        "stats: \"pids_stats\" is not an object (number)");
}

void TestStatsParser::nullsAndEmptyParts() {
    for (const char *json :
         {R"({})", R"({"cpu_stats":null,"precpu_stats":{},"memory_stats":{"stats":null}})",
          R"({"networks":{"eth0":null,"eth1":{"rx_bytes":null,"tx_bytes":3}}})",
          R"({"blkio_stats":{"io_service_bytes_recursive":[null,{"op":null,"value":5},)"
          R"({"op":"","value":"x"},{"op":"Read","value":2}]}})",
          R"({"cpu_stats":{"cpu_usage":{"percpu_usage":null}},"unrelated":[[[{"read":1}]]]})"})
        REQUIRE_SAME_AS_DOM(std::string(json));
}

void TestStatsParser::truncatedAndInvalid() {
    const auto json = readData(QStringLiteral("recorded/stats_oneshot.json"));
    QVERIFY2(json,
             qPrintable(slipway::test::dataPath(QStringLiteral("recorded/stats_oneshot.json"))));
    // Cut anywhere, the document is refused with a Parse error, never a half-filled sample.
    for (std::size_t cut : {std::size_t(1), json->size() / 3, json->size() / 2, json->size() - 2}) {
        const auto r = parseStatsSample(std::string_view(*json).substr(0, cut));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Parse);
        QVERIFY2(r.error().message.rfind("stats: not JSON: ", 0) == 0, r.error().message.c_str());
    }
    REQUIRE_PARSE_ERROR(parseStatsSample("  \n"), "stats: empty response");
    REQUIRE_PARSE_ERROR(parseStatsSample("[1,2]"), "stats: expected an object, got array");
    REQUIRE_PARSE_ERROR(parseStatsSample("null"), "stats: expected an object, got null");
    REQUIRE_PARSE_ERROR(parseStatsSample(std::string(300, '[')),
                        "stats: nested deeper than 256 levels");
    const auto trailing = parseStatsSample(R"({"read":"x"} {"read":"y"})");
    QVERIFY(!trailing.ok());
    QCOMPARE(trailing.error().kind, ErrorKind::Parse);
    // A number no double holds: nlohmann's out_of_range, passed on as the DOM parsers did.
    const auto huge = parseStatsSample(R"({"memory_stats":{"usage":1e999}})");
    QVERIFY(!huge.ok());
    QCOMPARE(huge.error().kind, ErrorKind::Parse);
    QVERIFY2(huge.error().message.find("number overflow") != std::string::npos,
             huge.error().message.c_str());
}

void TestStatsParser::wrongTypesNameTheField() {
    // The same messages engine/parse.cpp's DOM parser gave (tests/unit/engine/tst_parse.cpp).
    REQUIRE_PARSE_ERROR(parseStatsSample(R"({"memory_stats":{"usage":-1}})"),
                        "stats: \"memory_stats.usage\" is negative");
    REQUIRE_PARSE_ERROR(parseStatsSample(R"({"cpu_stats":{"cpu_usage":{"percpu_usage":5}}})"),
                        "stats: \"cpu_stats.cpu_usage.percpu_usage\" is not an array");
    REQUIRE_PARSE_ERROR(parseStatsSample(R"({"memory_stats":{"usage":1.5}})"),
                        "stats: \"memory_stats.usage\" is not an integer");
    REQUIRE_PARSE_ERROR(parseStatsSample(R"({"read":5})"),
                        "stats: \"read\" is not a string (number)");
    REQUIRE_PARSE_ERROR(parseStatsSample(R"({"cpu_stats":[]})"),
                        "stats: \"cpu_stats\" is not an object (array)");
    REQUIRE_PARSE_ERROR(parseStatsSample(R"({"cpu_stats":{"online_cpus":4294967296}})"),
                        "stats: \"cpu_stats.online_cpus\" is out of range");
    REQUIRE_PARSE_ERROR(parseStatsSample(R"({"networks":{"eth0":{"rx_bytes":"1"}}})"),
                        "stats: \"networks.eth0.rx_bytes\" is not a number (string)");
    REQUIRE_PARSE_ERROR(
        parseStatsSample(R"({"blkio_stats":{"io_service_bytes_recursive":[null,3]}})"),
        "stats: \"blkio_stats.io_service_bytes_recursive[1]\" is not an object (number)");
    REQUIRE_PARSE_ERROR(
        parseStatsSample(
            R"({"blkio_stats":{"io_service_bytes_recursive":[{"op":"Write","value":true}]}})"),
        "stats: \"blkio_stats.io_service_bytes_recursive[0].value\" is not a number (boolean)");
    // Whole floats are accepted, as a proxy re-encoding JSON may write them.
    const auto whole = parseStatsSample(R"({"memory_stats":{"usage":1024.0,"limit":2e3}})");
    REQUIRE_OK(whole);
    QCOMPARE(whole.value().memoryLimit, std::uint64_t(2000));
}

void TestStatsParser::mutatedDocumentsAgreeWithDom() {
    // Bounded, seeded mutations of the recorded replies: wherever a DOM read of the same fields
    // gives a sample, the SAX parser gives the same one; text that is not JSON is refused.
    std::vector<std::string> seeds;
    for (const char *name : {"recorded/stats_oneshot.json", "handmade/stats_cgroupv1.json",
                             "handmade/stats_cgroupv2.json", "handmade/stats_stopped.json"}) {
        const auto json = readData(QString::fromLatin1(name));
        QVERIFY2(json, qPrintable(slipway::test::dataPath(QString::fromLatin1(name))));
        seeds.push_back(*json);
    }
    const char *pieces[] = {"null", "0", "7", "-1", "[]", "{}", "[1,2]", "\"x\"", "true", "1.0"};
    std::mt19937 rng(20261127);
    int compared = 0, refused = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string doc = seeds[rng() % seeds.size()];
        const std::size_t colon = doc.find(':', rng() % doc.size());
        if (colon == std::string::npos)
            continue;
        const std::size_t end = doc.find_first_of(",}", colon + 1);
        switch (rng() % 3) {
        case 0: // replace a scalar value
            if (end != std::string::npos && doc[colon + 1] != '{' && doc[colon + 1] != '[')
                doc.replace(colon + 1, end - colon - 1, pieces[rng() % std::size(pieces)]);
            break;
        case 1: // insert a value in front of one (usually breaks the document)
            doc.insert(colon + 1, pieces[rng() % std::size(pieces)]);
            break;
        case 2: // cut
            doc.resize(colon + 1 + rng() % 8);
            break;
        }
        const auto sax = parseStatsSample(doc);
        if (!nlohmann::json::accept(doc)) {
            QVERIFY2(!sax.ok(), doc.c_str());
            QCOMPARE(sax.error().kind, ErrorKind::Parse);
            ++refused;
            continue;
        }
        if (const auto dom = domRead(doc)) {
            QVERIFY2(sax.ok(), doc.c_str());
            QCOMPARE(describe(sax.value()), describe(*dom));
            ++compared;
        }
    }
    QVERIFY(compared > 500);
    QVERIFY(refused > 100);
}

void TestStatsParser::parseStatsIsTheSaxParser() {
    // DockerClient::stats and streamStats read through parse::stats.
    const auto json = readData(QStringLiteral("handmade/stats_cgroupv2.json"));
    QVERIFY2(json,
             qPrintable(slipway::test::dataPath(QStringLiteral("handmade/stats_cgroupv2.json"))));
    QCOMPARE(describe(parse::stats(*json).value()), describe(parseStatsSample(*json).value()));
    QCOMPARE(QString::fromStdString(parse::stats("{").error().message),
             QString::fromStdString(parseStatsSample("{").error().message));
}

QTEST_GUILESS_MAIN(TestStatsParser)
#include "tst_statsparser.moc"
