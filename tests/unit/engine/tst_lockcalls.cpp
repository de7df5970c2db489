// The engine calls the helper image and the application lock rest on, against the scripted
// FakeEngine: loading an image (an error inside a 200 answer is an error), writing an archive
// into a container, and a path's stat with the engine's own clock.
#include "engine/dockerclient.h"
#include "engine/dockerconfig.h"
#include "tests/support/fakeengine.h"

#include <QtTest>

using namespace slipway;
using namespace slipway::engine;
using test::FakeEngine;

namespace {

std::unique_ptr<DockerClient> clientFor(FakeEngine &fake) {
    auto ping = FakeEngine::respond(200, "OK", "text/plain");
    ping.headers.emplace_back("Api-Version", "1.41");
    fake.on("/_ping", ping);
    auto c = std::make_unique<DockerClient>(Endpoint::parse(fake.url()).value());
    c->setTimeout(std::chrono::seconds(5));
    return c;
}

template <class T> Result<T> finish(Call<T> call) {
    auto r = test::waitFor(std::move(call), std::chrono::seconds(10));
    if (!r)
        return makeError(ErrorKind::Timeout, "the test gave up waiting: the call hung");
    return *r;
}

const FakeEngine::Received *last(const std::vector<FakeEngine::Received> &all,
                                 const std::string &prefix) {
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (it->target.rfind(prefix, 0) == 0)
            return &*it;
    return nullptr;
}

} // namespace

class TestLockCalls : public QObject {
    Q_OBJECT

private slots:
    void loadImageSendsTheArchive() {
        FakeEngine fake;
        auto client = clientFor(fake);
        fake.on("/v1.41/images/load",
                FakeEngine::json(200, R"({"stream":"Loaded image: slipway/helper:abc\n"})"));
        const std::string tar("not really a tar\0with a zero", 28);
        auto r = finish(client->loadImage(tar));
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
        const auto received = fake.received();
        const auto *req = last(received, "/v1.41/images/load");
        QVERIFY(req);
        QCOMPARE(req->method, std::string("POST"));
        QCOMPARE(req->target, std::string("/v1.41/images/load?quiet=1"));
        QCOMPARE(req->headers.at("content-type"), std::string("application/x-tar"));
        QCOMPARE(req->body, tar);
    }

    void loadImageErrorInsideA200IsAnError() {
        FakeEngine fake;
        auto client = clientFor(fake);
        fake.on("/v1.41/images/load",
                FakeEngine::json(200, R"({"errorDetail":{"message":"unexpected EOF"},)"
                                      R"("error":"unexpected EOF"})"));
        auto r = finish(client->loadImage("x"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Http);
        QCOMPARE(r.error().message, std::string("unexpected EOF"));
    }

    void putArchiveWritesIntoThePath() {
        FakeEngine fake;
        auto client = clientFor(fake);
        fake.on("/v1.41/containers/abc/archive", FakeEngine::respond(200, "", ""));
        auto r = finish(client->putArchive("abc", "/tmp", "TAR"));
        QVERIFY(r.ok());
        const auto received = fake.received();
        const auto *req = last(received, "/v1.41/containers/abc/archive");
        QVERIFY(req);
        QCOMPARE(req->method, std::string("PUT"));
        QCOMPARE(req->target, std::string("/v1.41/containers/abc/archive?path=%2Ftmp"));
        QCOMPARE(req->body, std::string("TAR"));

        fake.on("/v1.41/containers/gone/archive", FakeEngine::error(404, "No such container"));
        auto gone = finish(client->putArchive("gone", "/tmp", "TAR"));
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().httpStatus, 404);
    }

    void statPathInfoReadsTheStatAndTheEnginesClock() {
        FakeEngine fake;
        auto client = clientFor(fake);
        auto reply = FakeEngine::respond(200, "", "");
        reply.headers.emplace_back(
            "X-Docker-Container-Path-Stat",
            encodeBase64(R"({"name":"tmp","size":4096,"mode":2147484159,)"
                         R"("mtime":"2026-12-04T18:16:41.072445024Z","linkTarget":""})"));
        reply.headers.emplace_back("Date", "Fri, 04 Dec 2026 18:16:43 GMT");
        fake.on("/v1.41/containers/abc/archive", reply);
        auto r = finish(client->statPathInfo("abc", "/tmp"));
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
        QCOMPARE(r.value().name, std::string("tmp"));
        QCOMPARE(r.value().size, std::int64_t(4096));
        QCOMPARE(r.value().mtime, std::string("2026-12-04T18:16:41.072445024Z"));
        QCOMPARE(r.value().engineDate, std::string("Fri, 04 Dec 2026 18:16:43 GMT"));
        const auto received = fake.received();
        QCOMPARE(last(received, "/v1.41/containers/abc/archive")->method, std::string("HEAD"));
    }

    void statPathInfoOfOddTypesDoesNotThrow() {
        FakeEngine fake;
        auto client = clientFor(fake);
        auto reply = FakeEngine::respond(200, "", "");
        reply.headers.emplace_back("X-Docker-Container-Path-Stat",
                                   encodeBase64(R"({"name":7,"size":"big","mtime":null})"));
        fake.on("/v1.41/containers/abc/archive", reply);
        auto r = finish(client->statPathInfo("abc", "/tmp"));
        QVERIFY(r.ok());
        QCOMPARE(r.value().name, std::string());
        QCOMPARE(r.value().size, std::int64_t(0));
        QCOMPARE(r.value().mtime, std::string());
    }

    void statPathInfoWithoutAStatIsAParseError() {
        FakeEngine fake;
        auto client = clientFor(fake);
        auto reply = FakeEngine::respond(200, "", "");
        reply.headers.emplace_back("X-Docker-Container-Path-Stat", "%%% not base64");
        fake.on("/v1.41/containers/abc/archive", reply);
        auto r = finish(client->statPathInfo("abc", "/tmp"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Parse);
    }
};

QTEST_GUILESS_MAIN(TestLockCalls)
#include "tst_lockcalls.moc"
