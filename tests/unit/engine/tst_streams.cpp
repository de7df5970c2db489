// Framing of streamed engine bodies. The transport hands over chunks cut wherever the network
// cut them, so every recorded stream is fed split at every byte position and must give the
// same documents or lines as when fed whole.
#include "engine/parse.h"
#include "engine/streams.h"
#include "tests/support/testdata.h"

#include <QTest>
#include <string>
#include <utility>
#include <vector>

using namespace slipway::engine;

namespace {

using slipway::test::readData;

#define RECORDED(var, name)                                                                        \
    const auto var##Opt = readData(QStringLiteral("recorded/" name));                              \
    if (!var##Opt)                                                                                 \
        QFAIL(qPrintable(QStringLiteral("missing recording ") +                                    \
                         slipway::test::dataPath(QStringLiteral("recorded/" name))));              \
    const std::string &var = *var##Opt;

#define HANDMADE(var, name)                                                                        \
    const auto var##Opt = readData(QStringLiteral("handmade/" name));                              \
    QVERIFY2(var##Opt, "missing tests/data/handmade/" name);                                       \
    const std::string &var = *var##Opt;

using Docs = std::vector<std::string>;

Docs splitChunks(const std::vector<std::string_view> &chunks, bool *partial = nullptr) {
    Docs docs;
    JsonSplitter splitter([&](std::string_view doc) { docs.emplace_back(doc); });
    for (auto chunk : chunks)
        splitter.feed(chunk);
    if (partial)
        *partial = splitter.hasPartial();
    return docs;
}

Docs splitWhole(std::string_view text) {
    return splitChunks({text});
}

// The lines of a newline-delimited stream without their line ends: what the engine meant as
// documents.
Docs nonEmptyLines(const std::string &stream) {
    Docs out;
    std::size_t pos = 0;
    while (pos < stream.size()) {
        auto nl = stream.find('\n', pos);
        if (nl == std::string::npos)
            nl = stream.size();
        std::string line = stream.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (!line.empty())
            out.push_back(line);
        pos = nl + 1;
    }
    return out;
}

using Lines = std::vector<std::pair<LogLine::Stream, std::string>>;

Lines demuxChunks(bool tty, const std::vector<std::string_view> &chunks, bool finish = true) {
    Lines lines;
    LogDemuxer demuxer(tty,
                       [&](const LogLine &line) { lines.emplace_back(line.stream, line.text); });
    for (auto chunk : chunks)
        demuxer.feed(chunk);
    if (finish)
        demuxer.finish();
    return lines;
}

std::string frame(int stream, std::string_view payload) {
    std::string out(8, '\0');
    out[0] = static_cast<char>(stream);
    const auto size = static_cast<std::uint32_t>(payload.size());
    out[4] = static_cast<char>(size >> 24);
    out[5] = static_cast<char>(size >> 16);
    out[6] = static_cast<char>(size >> 8);
    out[7] = static_cast<char>(size);
    out.append(payload);
    return out;
}

constexpr auto Out = LogLine::Stream::Stdout;
constexpr auto Err = LogLine::Stream::Stderr;

} // namespace

class TestStreams : public QObject {
    Q_OBJECT

private:
    // Feeds `stream` in two pieces at every split point, and one byte at a time; each must
    // give `expected`.
    void checkEverySplit(const std::string &stream, const Docs &expected);
    void checkEverySplit(bool tty, const std::string &stream, const Lines &expected);

private slots:
    void recordedEvents();
    void recordedStatsStream();
    void recordedPullProgress();
    void handmadeStreams();
    void garbageBetweenDocuments();
    void concatenatedDocuments();
    void stringsWithBracketsAndEscapes();
    void whitespaceAndCrlf();
    void topLevelArrays();
    void partialDocument();
    void truncatedDocumentIsDropped();
    void hugeDocumentIsDropped();
    void largeDocumentAcrossManyChunks();

    void recordedLogs();
    void handmadeLogs();
    void ttyMode();
    void linesAcrossFramesAndStreams();
    void emptyAndZeroFrames();
    void notMultiplexedAfterAll();
    void hugeFrameSize();
    void longLinesAreCut();
    void finishIsIdempotent();
};

void TestStreams::checkEverySplit(const std::string &stream, const Docs &expected) {
    QCOMPARE(splitWhole(stream), expected);
    for (std::size_t at = 0; at <= stream.size(); ++at) {
        const std::string_view all(stream);
        const Docs docs = splitChunks({all.substr(0, at), all.substr(at)});
        if (docs != expected)
            QFAIL(qPrintable(QStringLiteral("different documents when split at byte %1").arg(at)));
    }
    std::vector<std::string_view> bytes;
    for (std::size_t i = 0; i < stream.size(); ++i)
        bytes.push_back(std::string_view(stream).substr(i, 1));
    QCOMPARE(splitChunks(bytes), expected);
}

void TestStreams::checkEverySplit(bool tty, const std::string &stream, const Lines &expected) {
    QCOMPARE(demuxChunks(tty, {stream}), expected);
    for (std::size_t at = 0; at <= stream.size(); ++at) {
        const std::string_view all(stream);
        const Lines lines = demuxChunks(tty, {all.substr(0, at), all.substr(at)});
        if (lines != expected)
            QFAIL(qPrintable(QStringLiteral("different lines when split at byte %1").arg(at)));
    }
    std::vector<std::string_view> bytes;
    for (std::size_t i = 0; i < stream.size(); ++i)
        bytes.push_back(std::string_view(stream).substr(i, 1));
    QCOMPARE(demuxChunks(tty, bytes), expected);
}

// ---- JsonSplitter --------------------------------------------------------------------------

void TestStreams::recordedEvents() {
    RECORDED(stream, "events.jsonl");
    const Docs expected = nonEmptyLines(stream);
    QVERIFY(!expected.empty());
    checkEverySplit(stream, expected);
    for (const auto &doc : expected)
        QVERIFY(parse::event(doc).ok());
}

void TestStreams::recordedStatsStream() {
    RECORDED(stream, "stats_stream.jsonl");
    const Docs expected = nonEmptyLines(stream);
    QVERIFY2(!expected.empty(), "stats_stream.jsonl is empty");
    checkEverySplit(stream, expected);
    for (const auto &doc : expected)
        QVERIFY(parse::stats(doc).ok());
}

void TestStreams::recordedPullProgress() {
    RECORDED(stream, "pull_progress.jsonl");
    // The engine ends these lines with CRLF.
    QVERIFY(stream.find("\r\n") != std::string::npos);
    const Docs expected = nonEmptyLines(stream);
    QVERIFY(!expected.empty());
    checkEverySplit(stream, expected);
    for (const auto &doc : expected)
        QVERIFY(parse::progress(doc).ok());
}

void TestStreams::handmadeStreams() {
    for (const char *name : {"events_v145.jsonl", "progress_pull.jsonl", "progress_build.jsonl"}) {
        const auto stream = readData(QStringLiteral("handmade/") + name);
        QVERIFY2(stream, name);
        checkEverySplit(*stream, nonEmptyLines(*stream));
    }
}

void TestStreams::garbageBetweenDocuments() {
    HANDMADE(stream, "events_garbage.jsonl");
    // The garbage lines and the document cut off by a newline inside a string are dropped;
    // the two documents written back to back without a newline are both kept.
    const Docs lines = nonEmptyLines(stream);
    QCOMPARE(lines.size(), std::size_t(8));
    const auto joint = lines[3].find("}{\"Type\":\"image\"");
    QVERIFY(joint != std::string::npos);
    const Docs expected = {lines[0], lines[3].substr(0, joint + 1), lines[3].substr(joint + 1),
                           lines[5], lines[7]};
    QCOMPARE(expected.size(), std::size_t(5));
    checkEverySplit(stream, expected);
    std::vector<std::string> actions;
    for (const auto &doc : expected) {
        auto event = parse::event(doc);
        QVERIFY2(event.ok(), doc.c_str());
        actions.push_back(event.value().action);
    }
    QCOMPARE(actions, (std::vector<std::string>{"start", "stop", "pull", "die", "create"}));

    // Garbage without a newline yet: the splitter waits for one, then reads on.
    Docs docs;
    JsonSplitter splitter([&](std::string_view doc) { docs.emplace_back(doc); });
    splitter.feed("oops {\"a\":1}");
    QVERIFY(docs.empty());
    QVERIFY(!splitter.hasPartial());
    splitter.feed(" more garbage\n{\"b\":2}\n");
    QCOMPARE(docs, Docs{"{\"b\":2}"});
    // A stray closing bracket at the top level is garbage too.
    splitter.feed("}\n]\n{\"c\":3}");
    QCOMPARE(docs, (Docs{"{\"b\":2}", "{\"c\":3}"}));
}

void TestStreams::concatenatedDocuments() {
    checkEverySplit(R"({"a":1}{"b":{"c":[1,2,{}]}}{"d":"e"})",
                    {R"({"a":1})", R"({"b":{"c":[1,2,{}]}})", R"({"d":"e"})"});
    checkEverySplit("{}{}\n{}", {"{}", "{}", "{}"});
}

void TestStreams::stringsWithBracketsAndEscapes() {
    const std::string a = R"({"s":"}{]["})";
    const std::string b = R"({"s":"quote \" inside } still"})";
    const std::string c = R"({"s":"backslash at end \\"})";
    const std::string d = R"({"s":"\\\"}{\\"})";
    const std::string e = R"({"s":"unicode \u007d \ud83d\ude00 é"})";
    checkEverySplit(a + b + "\n" + c + d + "\r\n" + e, {a, b, c, d, e});
}

void TestStreams::whitespaceAndCrlf() {
    checkEverySplit(" \r\n\t{\"a\":1}\r\n\r\n  {\"b\":2} \n\n", {"{\"a\":1}", "{\"b\":2}"});
    // Pretty-printed documents, with newlines between their members, stay whole.
    const std::string pretty = "{\n  \"a\": [\n    1,\n    2\n  ]\n}";
    checkEverySplit(pretty + "\n" + pretty, {pretty, pretty});
}

void TestStreams::topLevelArrays() {
    checkEverySplit("[1,2]\n[{\"a\":[]}][]", {"[1,2]", "[{\"a\":[]}]", "[]"});
}

void TestStreams::partialDocument() {
    Docs docs;
    JsonSplitter splitter([&](std::string_view doc) { docs.emplace_back(doc); });
    QVERIFY(!splitter.hasPartial());
    splitter.feed("  ");
    QVERIFY(!splitter.hasPartial());
    splitter.feed("{\"status\":\"Down");
    QVERIFY(splitter.hasPartial());
    QVERIFY(docs.empty());
    splitter.feed("loading\"}\n{\"x\":");
    QCOMPARE(docs, Docs{"{\"status\":\"Downloading\"}"});
    QVERIFY(splitter.hasPartial());
    splitter.feed("1}");
    QVERIFY(!splitter.hasPartial());
    QCOMPARE(docs.size(), std::size_t(2));
}

void TestStreams::truncatedDocumentIsDropped() {
    // JSON has no raw newline inside a string: the first document was cut off.
    checkEverySplit("{\"status\":\"Downlo\n{\"status\":\"ok\"}\n", {"{\"status\":\"ok\"}"});
}

void TestStreams::hugeDocumentIsDropped() {
    Docs docs;
    JsonSplitter splitter([&](std::string_view doc) { docs.emplace_back(doc); });
    const std::string block(1 << 20, 'x');
    splitter.feed("{\"a\":[");
    for (int i = 0; i < 17; ++i)
        splitter.feed(block);
    // Past the limit the splitter gives up on it instead of holding it without end...
    QVERIFY(!splitter.hasPartial());
    QVERIFY(docs.empty());
    // ...and reads again from the next line.
    splitter.feed("]}\n{\"b\":1}\n");
    QCOMPARE(docs, Docs{"{\"b\":1}"});
}

void TestStreams::largeDocumentAcrossManyChunks() {
    std::string doc = "{\"Log\":\"";
    for (int i = 0; i < 20000; ++i)
        doc += "line " + std::to_string(i) + " {}[]\\\" ";
    doc += "\"}";
    const std::string stream = doc + "\n" + doc;
    Docs docs;
    JsonSplitter splitter([&](std::string_view d) { docs.emplace_back(d); });
    for (std::size_t pos = 0; pos < stream.size(); pos += 4093)
        splitter.feed(std::string_view(stream).substr(pos, 4093));
    QCOMPARE(docs.size(), std::size_t(2));
    QVERIFY(docs[0] == doc);
    QVERIFY(docs[1] == doc);
}

// ---- LogDemuxer ----------------------------------------------------------------------------

void TestStreams::recordedLogs() {
    RECORDED(stream, "logs_multiplexed.bin");
    const Lines lines = demuxChunks(false, {stream});
    QCOMPARE(lines.size(), std::size_t(6));
    const Lines expected = {
        {Out, "2026-11-27T08:51:20.346573505Z worker tick 1"},
        {Out, "2026-11-27T08:51:21.351103143Z worker tick 2"},
        {Out, "2026-11-27T08:51:22.352973943Z worker tick 3"},
        {Err, "2026-11-27T08:51:22.353021862Z worker warning: tick 3 took long"},
        {Out, "2026-11-27T08:51:23.354580168Z worker tick 4"},
        {Err, "2026-11-27T08:51:23.898293433Z Terminated"},
    };
    QCOMPARE(lines, expected);
    checkEverySplit(false, stream, expected);
}

void TestStreams::handmadeLogs() {
    HANDMADE(stream, "logs_handmade.bin");
    const Lines expected = {
        {Out, "2024-05-01T10:00:00.000000001Z starting api"},
        {Err, "2024-05-01T10:00:00.000000002Z warn: no config, using defaults"},
        {Out, "2024-05-01T10:00:01.000000000Z a line split across two frames"},
        {Out, "stdin-is-stdout"}, // stream 0, stdin, counts as stdout
        {Err, "two"},
        {Err, "lines in one frame"},
        {Err, "error from daemon"},   // stream 3, the daemon's own error
        {Out, "no trailing newline"}, // flushed by finish()
    };
    checkEverySplit(false, stream, expected);
    // Without finish() the last line is still held back.
    const Lines unfinished = demuxChunks(false, {stream}, false);
    QCOMPARE(unfinished.size(), expected.size() - 1);
}

void TestStreams::ttyMode() {
    HANDMADE(stream, "logs_tty.txt");
    checkEverySplit(true, stream,
                    {{Out, "$ ./run"},
                     {Out, "hello from a tty"},
                     {Out, "\x1b[32mgreen\x1b[0m"},
                     {Out, "prompt> "}});
    // Bytes that look like a frame header are text in TTY mode.
    const std::string framed = frame(2, "err\n");
    const Lines lines = demuxChunks(true, {framed});
    QCOMPARE(lines.size(), std::size_t(1));
    QCOMPARE(lines[0].first, Out);
    QCOMPARE(lines[0].second, framed.substr(0, framed.size() - 1));
}

void TestStreams::linesAcrossFramesAndStreams() {
    // Half a stdout line, a whole stderr line, the rest of the stdout line: each stream keeps
    // its own partial line.
    const std::string stream = frame(1, "par") + frame(2, "err line\n") + frame(1, "tial\nnext") +
                               frame(2, "e2") + frame(1, " line\n") + frame(2, "\n");
    checkEverySplit(false, stream,
                    {{Err, "err line"}, {Out, "partial"}, {Out, "next line"}, {Err, "e2"}});
}

void TestStreams::emptyAndZeroFrames() {
    checkEverySplit(false, "", {});
    checkEverySplit(false, frame(1, "") + frame(2, "") + frame(1, "x\n"), {{Out, "x"}});
    checkEverySplit(false, frame(1, "\n\n"), {{Out, ""}, {Out, ""}});
    // A header cut short carries no text.
    checkEverySplit(false, frame(1, "a\n") + std::string("\x01\0\0", 3), {{Out, "a"}});
}

void TestStreams::notMultiplexedAfterAll() {
    // A TTY container read as multiplexed: the first "header" is not one, so the rest is shown
    // as the raw text it is rather than dropped or misread.
    checkEverySplit(false, "hello world\nsecond line\n",
                    {{Out, "hello world"}, {Out, "second line"}});
    // Valid frames first, then garbage: the garbage becomes text from there on.
    checkEverySplit(false, frame(2, "ok\n") + "\x07garbage!\n",
                    {{Err, "ok"}, {Out, "\x07garbage!"}});
}

void TestStreams::hugeFrameSize() {
    // A size field of 4 GiB must not make the demuxer wait for, or reserve, 4 GiB.
    std::string header = frame(1, "");
    header[4] = header[5] = header[6] = header[7] = '\xff';
    const Lines lines = demuxChunks(false, {header + "only this\nand this"});
    QCOMPARE(lines, (Lines{{Out, "only this"}, {Out, "and this"}}));
}

void TestStreams::longLinesAreCut() {
    const std::size_t limit = 1 << 20;
    const std::string longLine(limit * 2 + 10, 'y');
    const std::string stream = frame(1, longLine + "\nshort\n");
    const Lines whole = demuxChunks(false, {stream});
    QCOMPARE(whole.size(), std::size_t(4));
    QCOMPARE(whole[0].second.size(), limit);
    QCOMPARE(whole[1].second.size(), limit);
    QCOMPARE(whole[2].second.size(), std::size_t(10));
    QCOMPARE(whole[3].second, std::string("short"));
    // The cut does not depend on the chunks.
    std::vector<std::string_view> chunks;
    for (std::size_t pos = 0; pos < stream.size(); pos += 65521)
        chunks.push_back(std::string_view(stream).substr(pos, 65521));
    QVERIFY(demuxChunks(false, chunks) == whole);
    // A line of exactly the limit is one line, not a line and an empty one.
    const std::string exact = frame(1, std::string(limit, 'z') + "\n");
    QCOMPARE(demuxChunks(false, {exact}).size(), std::size_t(1));
    const std::string_view exactView(exact);
    QCOMPARE(demuxChunks(
                 false, {exactView.substr(0, exact.size() - 1), exactView.substr(exact.size() - 1)})
                 .size(),
             std::size_t(1));
}

void TestStreams::finishIsIdempotent() {
    Lines lines;
    LogDemuxer demuxer(false,
                       [&](const LogLine &line) { lines.emplace_back(line.stream, line.text); });
    demuxer.feed(frame(1, "a") + frame(2, "b"));
    demuxer.finish();
    demuxer.finish();
    QCOMPARE(lines, (Lines{{Out, "a"}, {Err, "b"}}));
}

QTEST_APPLESS_MAIN(TestStreams)
#include "tst_streams.moc"
