// Transport against FakeEngine: answers, daemon errors, garbage, truncation, stalls, refused
// connections, streams, cancellation, concurrency and shutdown with requests in flight.
#include "engine/transport.h"
#include "tests/support/fakeengine.h"

#include <QtTest>
#include <atomic>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;
using slipway::engine::Call;
using slipway::engine::Endpoint;
using slipway::engine::ErrorKind;
using slipway::engine::HttpRequest;
using slipway::engine::HttpResponse;
using slipway::engine::Result;
using slipway::engine::Transport;
using slipway::test::FakeEngine;
using slipway::test::waitFor;

namespace {

Endpoint unixEndpoint(const std::string &path) {
    auto r = Endpoint::parse("unix://" + path);
    return r.ok() ? r.value() : Endpoint{};
}

HttpRequest get(const std::string &target, std::chrono::milliseconds timeout = 10s) {
    HttpRequest r;
    r.target = target;
    r.timeout = timeout;
    return r;
}

// Collects streamed chunks from the transport thread for the test thread.
struct Chunks {
    std::mutex mutex;
    std::string data;
    int count = 0;
    std::vector<std::string> log; // "chunk" per chunk and "done" at completion, in order

    void add(std::string_view chunk) {
        std::lock_guard lock(mutex);
        data.append(chunk);
        ++count;
        log.emplace_back("chunk");
    }
    void done() {
        std::lock_guard lock(mutex);
        log.emplace_back("done");
    }
    std::string text() {
        std::lock_guard lock(mutex);
        return data;
    }
    int n() {
        std::lock_guard lock(mutex);
        return count;
    }
};

bool waitUntil(const std::function<bool()> &condition, std::chrono::milliseconds limit = 10s) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

QString describe(const Result<HttpResponse> &r) {
    if (r.ok())
        return QStringLiteral("HTTP %1").arg(r.value().status);
    return QString::fromStdString(r.error().describe());
}

} // namespace

class TestTransport : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void okWithBody();
    void sendsMethodBodyAndHeaders();
    void serverErrorKeepsStatusAndBody();
    void malformedJsonIsDeliveredAsIs();
    void repeatedHeadersAreCombined();
    void reusesConnection();
    void truncatedBodyIsTransportError();
    void droppedChunkedBodyIsTransportError();
    void badChunkedFramingIsTransportError();
    void stallBeforeHeadersTimesOut();
    void stallInBodyTimesOut();
    void refusedConnectionNamesSocket();
    void missingSocketNamesSocket();
    void stoppedServerIsTransportError();
    void streamDeliversChunksInOrderBeforeCompletion();
    void nonSuccessIsNotStreamed();
    void droppedStreamDeliversWhatCameThenFails();
    void cancelStreamStopsChunks();
    void cancelFromInsideChunkHandler();
    void cancelAfterCompletionIsHarmless();
    void throwingChunkHandlerFailsRequest();
    void fiftyConcurrentRequests();
    void destroyWithRequestsInFlight();
    void destroyFromContinuationOnTransportThread();
    void sendFromContinuation();
    void refusesBadRequestsBeforeSending_data();
    void refusesBadRequestsBeforeSending();
    void percentEncodes();

private:
    std::unique_ptr<FakeEngine> engine;
    std::unique_ptr<Transport> transport;
};

void TestTransport::init() {
    engine = std::make_unique<FakeEngine>();
    QVERIFY2(engine->listening(), engine->errorString().c_str());
    transport = std::make_unique<Transport>(unixEndpoint(engine->socketPath()));
}

void TestTransport::cleanup() {
    transport.reset();
    engine.reset();
}

void TestTransport::okWithBody() {
    engine->on("/_ping", FakeEngine::respond(200, "OK", "text/plain; charset=utf-8"));
    auto r = waitFor(transport->send(get("/_ping")));
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(describe(*r)));
    QCOMPARE(r->value().status, 200);
    QCOMPARE(r->value().body, std::string("OK"));
    QCOMPARE(r->value().header("content-type"), std::string("text/plain; charset=utf-8"));
    QCOMPARE(r->value().header("Server"), std::string("FakeEngine"));
    QCOMPARE(r->value().header("x-absent"), std::string());
}

void TestTransport::sendsMethodBodyAndHeaders() {
    engine->on("/containers/create", FakeEngine::json(201, R"({"Id":"abc","Warnings":[]})"));
    engine->on("/containers/abc/start", FakeEngine::respond(204, "", ""));
    engine->on("/containers/abc", FakeEngine::respond(204, "", ""));

    HttpRequest create = get("/containers/create?name=web");
    create.method = "POST";
    create.body = R"({"Image":"busybox"})";
    create.contentType = "application/json";
    create.headers.emplace_back("X-Registry-Auth", "e30=");
    auto r = waitFor(transport->send(create));
    QVERIFY(r && r->ok());
    QCOMPARE(r->value().status, 201);

    HttpRequest start = get("/containers/abc/start");
    start.method = "POST";
    r = waitFor(transport->send(start));
    QVERIFY(r && r->ok());
    QCOMPARE(r->value().status, 204);

    HttpRequest remove = get("/containers/abc?force=1");
    remove.method = "DELETE";
    r = waitFor(transport->send(remove));
    QVERIFY(r && r->ok());
    QCOMPARE(r->value().status, 204);

    auto seen = engine->received();
    QCOMPARE(seen.size(), std::size_t(3));
    QCOMPARE(seen[0].method, std::string("POST"));
    QCOMPARE(seen[0].target, std::string("/containers/create?name=web"));
    QCOMPARE(seen[0].body, std::string(R"({"Image":"busybox"})"));
    QCOMPARE(seen[0].headers["content-type"], std::string("application/json"));
    QCOMPARE(seen[0].headers["x-registry-auth"], std::string("e30="));
    QCOMPARE(seen[0].headers["user-agent"], std::string("Slipway/0.1"));
    QVERIFY(!seen[0].headers.count("expect"));
    // The engine wants a length even on an empty POST, and no made-up content type.
    QCOMPARE(seen[1].method, std::string("POST"));
    QCOMPARE(seen[1].headers["content-length"], std::string("0"));
    QVERIFY(!seen[1].headers.count("content-type"));
    QCOMPARE(seen[2].method, std::string("DELETE"));
    QVERIFY(seen[2].body.empty());
    QVERIFY(!seen[2].headers.count("content-type"));
}

void TestTransport::serverErrorKeepsStatusAndBody() {
    engine->on("/containers/json", FakeEngine::error(500, "boom"));
    auto r = waitFor(transport->send(get("/containers/json?all=1")));
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(describe(*r)));
    QCOMPARE(r->value().status, 500);
    QCOMPARE(r->value().body, std::string("{\"message\":\"boom\"}\n"));
}

void TestTransport::malformedJsonIsDeliveredAsIs() {
    const std::string garbage = "{\"Id\": \"abc\", \"Names\": [\"/web\"";
    engine->on("/containers/abc/json", FakeEngine::json(200, garbage));
    auto r = waitFor(transport->send(get("/containers/abc/json")));
    QVERIFY(r && r->ok());
    QCOMPARE(r->value().status, 200);
    QCOMPARE(r->value().body, garbage);

    engine->on("/containers/json", FakeEngine::malformedJson());
    r = waitFor(transport->send(get("/containers/json")));
    QVERIFY(r && r->ok());
    QCOMPARE(r->value().body.substr(0, 9), std::string("[{\"Id\":\"4"));
}

void TestTransport::repeatedHeadersAreCombined() {
    auto reply = FakeEngine::respond(200, "x", "text/plain");
    reply.headers.emplace_back("Warning", "one");
    reply.headers.emplace_back("WARNING", "two");
    reply.headers.emplace_back("Api-Version", "1.45");
    engine->on("/x", reply);
    auto r = waitFor(transport->send(get("/x")));
    QVERIFY(r && r->ok());
    QCOMPARE(r->value().header("warning"), std::string("one, two"));
    QCOMPARE(r->value().header("api-version"), std::string("1.45"));
    QVERIFY(r->value().headers.count("api-version"));
}

void TestTransport::reusesConnection() {
    engine->on("/_ping", FakeEngine::respond(200, "OK", "text/plain"));
    for (int i = 0; i < 5; ++i) {
        auto r = waitFor(transport->send(get("/_ping")));
        QVERIFY(r && r->ok());
    }
    QCOMPARE(engine->hits("/_ping"), 5);
    QCOMPARE(engine->acceptedConnections(), 1);
}

void TestTransport::truncatedBodyIsTransportError() {
    engine->on("/containers/json", FakeEngine::truncated(R"([{"Id":"abc")", 500));
    auto r = waitFor(transport->send(get("/containers/json")));
    QVERIFY(r);
    QVERIFY2(!r->ok(), "a truncated body was taken for a complete one");
    QCOMPARE(r->error().kind, ErrorKind::Transport);
    QVERIFY2(
        QString::fromStdString(r->error().message).contains(QString::fromStdString(engine->url())),
        r->error().message.c_str());
}

void TestTransport::droppedChunkedBodyIsTransportError() {
    engine->on("/images/json", FakeEngine::streamThenDrop({"[{\"Id\":", "\"sha256:1\"}"}));
    auto r = waitFor(transport->send(get("/images/json")));
    QVERIFY(r);
    QVERIFY2(!r->ok(), "a dropped chunked body was taken for a complete one");
    QCOMPARE(r->error().kind, ErrorKind::Transport);
}

void TestTransport::badChunkedFramingIsTransportError() {
    engine->on("/images/json", FakeEngine::streamThenGarbage({"[1,", "2]"}));
    auto r = waitFor(transport->send(get("/images/json")));
    QVERIFY(r);
    QVERIFY(!r->ok());
    QCOMPARE(r->error().kind, ErrorKind::Transport);
}

void TestTransport::stallBeforeHeadersTimesOut() {
    engine->on("/info", FakeEngine::stall());
    auto r = waitFor(transport->send(get("/info", 500ms)));
    QVERIFY2(r, "a stalled request did not time out");
    QVERIFY(!r->ok());
    QCOMPARE(r->error().kind, ErrorKind::Timeout);
    QVERIFY2(QString::fromStdString(r->error().message).contains("500 ms"),
             r->error().message.c_str());
}

void TestTransport::stallInBodyTimesOut() {
    engine->on("/info", FakeEngine::stallBody("{\"ID\":"));
    auto r = waitFor(transport->send(get("/info", 1500ms)));
    QVERIFY2(r, "a stalled body did not time out");
    QVERIFY(!r->ok());
    QCOMPARE(r->error().kind, ErrorKind::Timeout);
    QVERIFY2(QString::fromStdString(r->error().message).contains("1.5 s"),
             r->error().message.c_str());
}

void TestTransport::refusedConnectionNamesSocket() {
    const std::string path = engine->refusedSocketPath();
    Transport t(unixEndpoint(path));
    auto r = waitFor(t.send(get("/_ping")));
    QVERIFY(r);
    QVERIFY(!r->ok());
    QCOMPARE(r->error().kind, ErrorKind::Transport);
    const QString message = QString::fromStdString(r->error().message);
    QVERIFY2(message.contains(QString::fromStdString(path)), qPrintable(message));
    QVERIFY2(message.contains("refused", Qt::CaseInsensitive), qPrintable(message));
}

void TestTransport::missingSocketNamesSocket() {
    const std::string path = engine->missingSocketPath();
    Transport t(unixEndpoint(path));
    auto r = waitFor(t.send(get("/_ping")));
    QVERIFY(r);
    QVERIFY(!r->ok());
    QCOMPARE(r->error().kind, ErrorKind::Transport);
    const QString message = QString::fromStdString(r->error().message);
    QVERIFY2(message.contains(QString::fromStdString(path)), qPrintable(message));
    QVERIFY2(message.contains("No such file"), qPrintable(message));
}

void TestTransport::stoppedServerIsTransportError() {
    engine->on("/_ping", FakeEngine::respond(200, "OK", "text/plain"));
    auto first = waitFor(transport->send(get("/_ping")));
    QVERIFY(first && first->ok());
    engine->stop();
    auto r = waitFor(transport->send(get("/_ping")));
    QVERIFY(r);
    QVERIFY(!r->ok());
    QCOMPARE(r->error().kind, ErrorKind::Transport);
}

void TestTransport::streamDeliversChunksInOrderBeforeCompletion() {
    engine->on("/events", FakeEngine::stream({"{\"n\":1}\n", "{\"n\":2}\n", "{\"n\":3}\n"}, 30ms));
    auto chunks = std::make_shared<Chunks>();
    HttpRequest req = get("/events", 0ms);
    Call<HttpResponse> call =
        transport->send(req, [chunks](std::string_view c) { chunks->add(c); });
    auto r = waitFor(call);
    chunks->done();
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(describe(*r)));
    QCOMPARE(r->value().status, 200);
    QVERIFY2(r->value().body.empty(), "a streamed body was also accumulated");
    QCOMPARE(chunks->text(), std::string("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n"));
    std::lock_guard lock(chunks->mutex);
    QVERIFY(chunks->log.size() >= 2);
    QCOMPARE(chunks->log.back(), std::string("done"));
}

void TestTransport::nonSuccessIsNotStreamed() {
    engine->on("/containers/nope/logs", FakeEngine::error(404, "No such container: nope"));
    auto chunks = std::make_shared<Chunks>();
    auto r = waitFor(transport->send(get("/containers/nope/logs?follow=1", 0ms),
                                     [chunks](std::string_view c) { chunks->add(c); }));
    QVERIFY(r && r->ok());
    QCOMPARE(r->value().status, 404);
    QVERIFY(QString::fromStdString(r->value().body).contains("No such container: nope"));
    QCOMPARE(chunks->n(), 0);
}

void TestTransport::droppedStreamDeliversWhatCameThenFails() {
    engine->on("/events", FakeEngine::streamThenDrop({"{\"a\":1}\n", "{\"b\":2}\n"}, 20ms));
    auto chunks = std::make_shared<Chunks>();
    auto r = waitFor(
        transport->send(get("/events", 0ms), [chunks](std::string_view c) { chunks->add(c); }));
    QVERIFY(r);
    QVERIFY2(!r->ok(), "a dropped stream ended as success");
    QCOMPARE(r->error().kind, ErrorKind::Transport);
    // What arrived before the drop was handed over, including part of the cut chunk.
    QVERIFY2(chunks->text().rfind("{\"a\":1}\n{\"b\":2}\n", 0) == 0, chunks->text().c_str());
}

void TestTransport::cancelStreamStopsChunks() {
    std::vector<std::string> many(400, "{\"status\":\"tick\"}\n");
    engine->on("/events", FakeEngine::stream(many, 10ms));
    auto chunks = std::make_shared<Chunks>();
    Call<HttpResponse> call = transport->send(get("/events", 0ms), [chunks](std::string_view c) {
        chunks->add(c);
        // Slow handler: makes it likely cancel() meets it running.
        std::this_thread::sleep_for(2ms);
    });
    QVERIFY2(waitUntil([&] { return chunks->n() >= 3; }), "the stream did not start");
    call.cancel();
    const int atCancel = chunks->n();
    auto r = waitFor(call);
    QVERIFY2(r, "cancel did not complete the call");
    QVERIFY(!r->ok());
    QCOMPARE(r->error().kind, ErrorKind::Cancelled);
    std::this_thread::sleep_for(200ms);
    QCOMPARE(chunks->n(), atCancel);
    // The transport is still usable afterwards.
    engine->on("/_ping", FakeEngine::respond(200, "OK", "text/plain"));
    auto ping = waitFor(transport->send(get("/_ping")));
    QVERIFY(ping && ping->ok());
}

void TestTransport::cancelFromInsideChunkHandler() {
    std::vector<std::string> many(50, "line\n");
    engine->on("/logs", FakeEngine::stream(many, 5ms));
    auto chunks = std::make_shared<Chunks>();
    auto holder = std::make_shared<Call<HttpResponse>>();
    auto ready = std::make_shared<std::atomic<bool>>(false);
    *holder = transport->send(get("/logs", 0ms), [chunks, holder, ready](std::string_view c) {
        chunks->add(c);
        if (ready->load())
            holder->cancel(); // on the transport thread, inside the handler
    });
    ready->store(true);
    auto r = waitFor(*holder);
    QVERIFY(r);
    QVERIFY(!r->ok());
    QCOMPARE(r->error().kind, ErrorKind::Cancelled);
    const int n = chunks->n();
    std::this_thread::sleep_for(100ms);
    QCOMPARE(chunks->n(), n);
    QVERIFY(n < 50);
}

void TestTransport::cancelAfterCompletionIsHarmless() {
    engine->on("/_ping", FakeEngine::respond(200, "OK", "text/plain"));
    Call<HttpResponse> call = transport->send(get("/_ping"));
    auto r = waitFor(call);
    QVERIFY(r && r->ok());
    call.cancel();
    auto again = waitFor(transport->send(get("/_ping")));
    QVERIFY(again && again->ok());
}

void TestTransport::throwingChunkHandlerFailsRequest() {
    engine->on("/events", FakeEngine::stream({"a", "b"}, 10ms));
    auto r = waitFor(transport->send(
        get("/events", 0ms), [](std::string_view) { throw std::runtime_error("bad event"); }));
    QVERIFY(r);
    QVERIFY(!r->ok());
    QCOMPARE(r->error().kind, ErrorKind::Parse);
    QVERIFY(QString::fromStdString(r->error().message).contains("bad event"));
}

void TestTransport::fiftyConcurrentRequests() {
    for (int i = 0; i < 5; ++i) {
        // Slow enough that the requests overlap.
        engine->on("/c" + std::to_string(i),
                   FakeEngine::stream({"body-", std::to_string(i)}, 50ms));
    }
    std::vector<Call<HttpResponse>> calls;
    for (int i = 0; i < 50; ++i)
        calls.push_back(transport->send(get("/c" + std::to_string(i % 5))));
    for (int i = 0; i < 50; ++i) {
        auto r = waitFor(calls[i], 20s);
        QVERIFY2(r, qPrintable(QStringLiteral("request %1 did not complete").arg(i)));
        QVERIFY2(r->ok(), qPrintable(describe(*r)));
        QCOMPARE(r->value().body, "body-" + std::to_string(i % 5));
    }
    QCOMPARE(static_cast<int>(engine->received().size()), 50);
}

void TestTransport::destroyWithRequestsInFlight() {
    engine->on("/stall", FakeEngine::stall());
    engine->on("/events", FakeEngine::stream(std::vector<std::string>(1000, "x\n"), 20ms));
    std::vector<Call<HttpResponse>> calls;
    for (int i = 0; i < 5; ++i)
        calls.push_back(transport->send(get("/stall", 0ms)));
    auto chunks = std::make_shared<Chunks>();
    calls.push_back(
        transport->send(get("/events", 0ms), [chunks](std::string_view c) { chunks->add(c); }));
    QVERIFY(waitUntil([&] { return engine->hits("/stall") == 5 && chunks->n() > 0; }));

    const auto start = std::chrono::steady_clock::now();
    transport.reset();
    QVERIFY2(std::chrono::steady_clock::now() - start < 5s, "destruction took too long");
    for (auto &c : calls) {
        auto r = waitFor(c, 1s);
        QVERIFY2(r, "a request in flight was not completed by the destructor");
        QVERIFY(!r->ok());
        QCOMPARE(r->error().kind, ErrorKind::Cancelled);
    }
    const int n = chunks->n();
    std::this_thread::sleep_for(100ms);
    QCOMPARE(chunks->n(), n);
}

void TestTransport::destroyFromContinuationOnTransportThread() {
    engine->on("/slow", FakeEngine::stream({"a", "b"}, 50ms));
    auto shared = std::make_shared<Transport>(unixEndpoint(engine->socketPath()));
    auto finished = std::make_shared<std::atomic<bool>>(false);
    Call<HttpResponse> call = shared->send(get("/slow"));
    // The continuation holds the last owner: ~Transport runs on the transport's own thread.
    call.then([owner = shared, finished](Result<HttpResponse>) mutable {
        owner.reset();
        finished->store(true);
    });
    shared.reset();
    QVERIFY2(waitUntil([&] { return finished->load(); }), "the continuation did not run");
}

void TestTransport::sendFromContinuation() {
    engine->on("/version", FakeEngine::json(200, R"({"ApiVersion":"1.45"})"));
    engine->on("/info", FakeEngine::json(200, R"({"ID":"x"})"));
    auto second = std::make_shared<std::optional<Call<HttpResponse>>>();
    auto first = std::make_shared<std::atomic<bool>>(false);
    Transport *t = transport.get();
    transport->send(get("/version")).then([t, second, first](Result<HttpResponse> r) {
        if (r.ok())
            *second = t->send(get("/info"));
        first->store(true);
    });
    QVERIFY(waitUntil([&] { return first->load(); }));
    QVERIFY(second->has_value());
    auto r = waitFor(**second);
    QVERIFY(r && r->ok());
    QCOMPARE(r->value().body, std::string(R"({"ID":"x"})"));
}

void TestTransport::refusesBadRequestsBeforeSending_data() {
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("headerValue");
    QTest::newRow("relative target") << "GET"
                                     << "containers/json"
                                     << "";
    QTest::newRow("empty target") << "GET"
                                  << ""
                                  << "";
    QTest::newRow("space in target") << "GET"
                                     << "/containers/my web/json"
                                     << "";
    QTest::newRow("newline in target") << "GET"
                                       << "/a\r\nX: y"
                                       << "";
    QTest::newRow("bad method") << "GE T"
                                << "/x"
                                << "";
    QTest::newRow("empty method") << ""
                                  << "/x"
                                  << "";
    QTest::newRow("header injection") << "GET"
                                      << "/x"
                                      << "a\r\nX-Evil: 1";
}

void TestTransport::refusesBadRequestsBeforeSending() {
    QFETCH(QString, method);
    QFETCH(QString, target);
    QFETCH(QString, headerValue);
    HttpRequest req = get(target.toStdString());
    req.method = method.toStdString();
    if (!headerValue.isEmpty())
        req.headers.emplace_back("X-Test", headerValue.toStdString());
    auto r = waitFor(transport->send(req));
    QVERIFY(r);
    QVERIFY(!r->ok());
    QCOMPARE(r->error().kind, ErrorKind::InvalidInput);
    QCOMPARE(static_cast<int>(engine->received().size()), 0);
}

void TestTransport::percentEncodes() {
    using slipway::engine::percentEncode;
    QCOMPARE(percentEncode("abc-DEF_0.9~"), std::string("abc-DEF_0.9~"));
    QCOMPARE(percentEncode("my web/1"), std::string("my%20web%2F1"));
    QCOMPARE(percentEncode("a?b&c=d#e%"), std::string("a%3Fb%26c%3Dd%23e%25"));
    QCOMPARE(percentEncode("\xc3\xa9"), std::string("%C3%A9"));
    QCOMPARE(percentEncode(std::string_view("\0", 1)), std::string("%00"));
    QCOMPARE(percentEncode(""), std::string());
}

QTEST_APPLESS_MAIN(TestTransport)
#include "tst_transport.moc"
