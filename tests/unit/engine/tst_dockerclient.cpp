// DockerClient against the scripted FakeEngine: version negotiation, error mapping, URL
// encoding and the faults of streamed answers. No real engine needed.
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testenv.h"

#include <QtTest>
#include <atomic>

using namespace slipway;
using namespace slipway::engine;
using test::FakeEngine;

namespace {

FakeEngine::Reply pingReply(const std::string &apiVersion) {
    auto r = FakeEngine::respond(200, "OK", "text/plain");
    if (!apiVersion.empty())
        r.headers.emplace_back("Api-Version", apiVersion);
    r.headers.emplace_back("OSType", "linux");
    return r;
}

std::unique_ptr<DockerClient> clientFor(const FakeEngine &fake) {
    auto c = std::make_unique<DockerClient>(Endpoint::parse(fake.url()).value());
    c->setTimeout(std::chrono::milliseconds(800));
    return c;
}

template <class T>
Result<T> finish(Call<T> call, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    auto r = test::waitFor(std::move(call), limit);
    if (!r)
        return makeError(ErrorKind::Timeout, "the test gave up waiting: the call hung");
    return *r;
}

const char *kVersionJson = R"({"Version":"24.0.7","ApiVersion":"1.43","MinAPIVersion":"1.12",
    "Os":"linux","Arch":"amd64","KernelVersion":"6.1.0","GoVersion":"go1.20","GitCommit":"abc"})";

} // namespace

class TestDockerClient : public QObject {
    Q_OBJECT

private slots:
    void negotiatesTheEnginesVersion() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.43"));
        fake.on("/v1.43/version", FakeEngine::json(200, kVersionJson));
        auto c = clientFor(fake);
        auto v = finish(c->version());
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().describe().c_str());
        QCOMPARE(v.value().version, std::string("24.0.7"));
        QCOMPARE(c->apiVersion(), std::string("1.43"));
    }

    void capsANewerEngineAtTheNewestKnownVersion() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.47"));
        auto c = clientFor(fake);
        auto v = finish(c->negotiate());
        QVERIFY(v.ok());
        QCOMPARE(v.value(), std::string(kMaxApiVersion));
    }

    void refusesATooOldEngine() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.40"));
        auto c = clientFor(fake);
        auto r = finish(c->containers());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Unsupported);
        QVERIFY2(r.error().message.find("1.40") != std::string::npos, r.error().message.c_str());
        QVERIFY(r.error().message.find("1.41") != std::string::npos);
        // Nothing versioned was sent to an engine that cannot understand it.
        for (const auto &req : fake.received())
            QCOMPARE(req.target, std::string("/_ping"));
        QVERIFY(c->apiVersion().empty());
    }

    void refusesAnEngineThatNamesNoVersion() {
        FakeEngine fake;
        fake.on("/_ping", pingReply(""));
        auto r = finish(clientFor(fake)->info());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Unsupported);
    }

    void concurrentFirstRequestsShareOneNegotiation() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.41"));
        fake.on("/v1.41/version", FakeEngine::json(200, kVersionJson));
        auto c = clientFor(fake);
        std::vector<Call<VersionInfo>> calls;
        for (int i = 0; i < 10; ++i)
            calls.push_back(c->version());
        for (auto &call : calls)
            QVERIFY(finish(call).ok());
        QCOMPARE(fake.hits("/_ping"), 1);
        QCOMPARE(fake.hits("/v1.41/version"), 10);
    }

    void httpErrorCarriesTheDaemonsMessage() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.41"));
        fake.on("/v1.41/containers/json", FakeEngine::error(500, "boom: the daemon is unwell"));
        auto r = finish(clientFor(fake)->containers());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Http);
        QCOMPARE(r.error().httpStatus, 500);
        QCOMPARE(r.error().message, std::string("boom: the daemon is unwell"));
        QCOMPARE(r.error().describe(), std::string("HTTP 500: boom: the daemon is unwell"));
    }

    void malformedJsonIsAParseError() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.41"));
        fake.on("/v1.41/containers/json", FakeEngine::json(200, R"([{"Id": "abc", "Names": [)"));
        fake.on("/v1.41/info", FakeEngine::json(200, R"(["not", "an", "object"])"));
        auto c = clientFor(fake);
        auto r = finish(c->containers());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Parse);
        auto i = finish(c->info());
        QVERIFY(!i.ok());
        QCOMPARE(i.error().kind, ErrorKind::Parse);
    }

    void truncatedBodyIsATransportError() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.41"));
        fake.on("/v1.41/containers/json", FakeEngine::truncated(R"([{"Id":"abc"},)", 4000));
        auto r = finish(clientFor(fake)->containers());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Transport);
    }

    void stallPastTheTimeoutIsATimeout() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.41"));
        fake.on("/v1.41/info", FakeEngine::stall());
        fake.on("/v1.41/version", FakeEngine::stallBody(R"({"Version":)"));
        auto c = clientFor(fake);
        auto i = finish(c->info(), std::chrono::seconds(10));
        QVERIFY(!i.ok());
        QCOMPARE(i.error().kind, ErrorKind::Timeout);
        auto v = finish(c->version(), std::chrono::seconds(10));
        QVERIFY(!v.ok());
        QCOMPARE(v.error().kind, ErrorKind::Timeout);
    }

    void refusedConnectionIsATransportError() {
        FakeEngine fake;
        DockerClient c(Endpoint::parse("unix://" + fake.refusedSocketPath()).value());
        auto r = finish(c.version());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Transport);
    }

    void eventsStreamDroppedMidwayDeliversWhatCameThenFails() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.41"));
        fake.on(
            "/v1.41/events",
            FakeEngine::streamThenDrop(
                {R"({"Type":"container","Action":"create","Actor":{"ID":"a1","Attributes":{"name":"x"}},"timeNano":1})"
                 "\n",
                 R"({"Type":"container","Action":"start","Actor":{"ID":"a1","Attributes":{}},"time)",
                 R"(Nano":2})"
                 "\n"},
                std::chrono::milliseconds(20)));
        std::mutex m;
        std::vector<std::string> actions;
        auto r = finish(clientFor(fake)->events([&](const Event &e) {
            std::lock_guard lock(m);
            actions.push_back(e.action);
        }));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Transport);
        std::lock_guard lock(m);
        QCOMPARE(actions, (std::vector<std::string>{"create", "start"}));
    }

    void garbageInAStreamIsAParseError() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.41"));
        fake.on("/v1.41/events", FakeEngine::stream({R"({"Type":"container","Action":7})"
                                                     "\n"}));
        auto r = finish(clientFor(fake)->events([](const Event &) {}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Parse);
    }

    void streamEndingMidDocumentIsAParseError() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.41"));
        fake.on("/v1.41/events", FakeEngine::stream({"{\"Type\":\"container\",\"Act"}));
        auto r = finish(clientFor(fake)->events([](const Event &) {}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Parse);
    }

    void httpErrorWithoutABodyStillSaysSomething() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.41"));
        fake.on("/v1.41/info", FakeEngine::respond(503, "", ""));
        auto r = finish(clientFor(fake)->info());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().httpStatus, 503);
        QVERIFY(!r.error().message.empty());
    }

    void pullFailsWithTheErrorInsideTheStream() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.41"));
        fake.on("/v1.41/images/create",
                FakeEngine::stream(
                    {R"({"status":"Pulling from slipway/web","id":"1.0.0"})"
                     "\n",
                     R"({"errorDetail":{"message":"manifest unknown"},"error":"manifest unknown"})"
                     "\n"}));
        std::atomic<int> messages{0};
        auto r = finish(clientFor(fake)->pullImage("127.0.0.1:5515/slipway/web:1.0.0",
                                                   [&](const ProgressMessage &) { ++messages; }));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Http);
        QCOMPARE(r.error().message, std::string("manifest unknown"));
        QCOMPARE(messages.load(), 2);
        // The tag travels separately, or the engine would pull every tag of the repository.
        const auto sent = fake.received().back().target;
        QVERIFY2(sent.find("fromImage=127.0.0.1%3A5515%2Fslipway%2Fweb&tag=1.0.0") !=
                     std::string::npos,
                 sent.c_str());
    }

    void idsAndFiltersArePercentEncoded() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.41"));
        fake.on("/v1.41/containers/json", FakeEngine::json(200, "[]"));
        auto c = clientFor(fake);
        (void)finish(c->inspectContainer("a/b c?d"));
        QVERIFY(finish(c->containers(true, {{"label", {"slipway.app=shop"}}})).ok());
        const auto got = fake.received();
        QVERIFY(std::any_of(got.begin(), got.end(), [](const FakeEngine::Received &r) {
            return r.target == "/v1.41/containers/a%2Fb%20c%3Fd/json";
        }));
        QVERIFY(std::any_of(got.begin(), got.end(), [](const FakeEngine::Received &r) {
            return r.target ==
                   "/v1.41/containers/"
                   "json?all=1&filters=%7B%22label%22%3A%5B%22slipway.app%3Dshop%22%5D%7D";
        }));
    }

    void badImageReferenceIsRefusedBeforeAnyCall() {
        FakeEngine fake;
        auto c = clientFor(fake);
        auto r = finish(c->pullImage("Shop/Web:1.0"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
        QVERIFY(fake.received().empty());
    }

    void cancelEndsAStreamPromptly() {
        FakeEngine fake;
        fake.on("/_ping", pingReply("1.41"));
        fake.on("/v1.41/events", FakeEngine::stream({"\n", "\n", "\n"}, std::chrono::seconds(5)));
        // The client outlives the call: its destructor would end the stream by itself.
        auto client = clientFor(fake);
        auto call = client->events([](const Event &) {});
        // Cancelled once the stream is open, not before its request went out.
        QVERIFY(test::waitFor([&] { return fake.hits("/v1.41/events") == 1; }));
        call.cancel();
        auto r = finish(call, std::chrono::seconds(5));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestDockerClient)
#include "tst_dockerclient.moc"
