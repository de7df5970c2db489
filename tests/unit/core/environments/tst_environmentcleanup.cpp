// EnvironmentCleanup against the scripted FakeEngine, which answers every list in full
// whatever the filter: only objects whose labels name this store and this environment are
// removed, volumes the template keeps stay on a recycle, and a failed removal is reported with
// the daemon's words while the rest goes on.
#include "core/environments/environmentcleanup.h"
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"

#include <QtTest>

using namespace slipway;
using namespace slipway::core::env;
using test::FakeEngine;

namespace {

const char *kContainers = R"([
  {"Id":"c1","Names":["/shop_api_1"],"State":"running",
   "Labels":{"slipway.environment":"e-1","slipway.store":"s-1"}},
  {"Id":"c2","Names":["/shop_api_9"],"State":"running",
   "Labels":{"slipway.environment":"e-1","slipway.store":"s-other"}},
  {"Id":"c3","Names":["/else_db_1"],"State":"exited","Labels":{"slipway.environment":"e-2",
   "slipway.store":"s-1"}}])";
const char *kNetworks = R"([
  {"Id":"n1","Name":"shop_default","Labels":{"slipway.environment":"e-1","slipway.store":"s-1"}},
  {"Id":"n2","Name":"other_default","Labels":{"slipway.environment":"e-1"}}])";
const char *kVolumes = R"({"Volumes":[
  {"Name":"shop_data","Labels":{"slipway.environment":"e-1","slipway.store":"s-1",
   "slipway.keep":"true"}},
  {"Name":"shop_cache","Labels":{"slipway.environment":"e-1","slipway.store":"s-1"}},
  {"Name":"theirs","Labels":{"slipway.environment":"e-1","slipway.store":"s-other"}}]})";

EnvironmentIdentity ident() {
    EnvironmentIdentity id;
    id.environmentId = QStringLiteral("e-1");
    id.storeId = QStringLiteral("s-1");
    return id;
}

} // namespace

class TestEnvironmentCleanup : public QObject {
    Q_OBJECT

    std::unique_ptr<FakeEngine> fake_;
    std::unique_ptr<engine::DockerClient> client_;

    bool touched(const std::string &path) const {
        for (const auto &r : fake_->received())
            if (r.method == "DELETE" && r.target.rfind(path, 0) == 0)
                return true;
        return false;
    }

private slots:
    void init() {
        fake_ = std::make_unique<FakeEngine>();
        QVERIFY(fake_->listening());
        auto ping = FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        fake_->on("/_ping", ping);
        fake_->on("/v1.41/containers/json", FakeEngine::json(200, kContainers));
        fake_->on("/v1.41/networks", FakeEngine::json(200, kNetworks));
        fake_->on("/v1.41/volumes", FakeEngine::json(200, kVolumes));
        fake_->on("/v1.41/containers/c1", FakeEngine::respond(204, "", ""));
        fake_->on("/v1.41/networks/n1", FakeEngine::respond(204, "", ""));
        fake_->on("/v1.41/volumes/shop_cache", FakeEngine::respond(204, "", ""));
        fake_->on("/v1.41/volumes/shop_data", FakeEngine::respond(204, "", ""));
        client_ =
            std::make_unique<engine::DockerClient>(engine::Endpoint::parse(fake_->url()).value());
    }

    void cleanup() {
        client_.reset();
        fake_.reset();
    }

    void recycleRemovesOnlyItsOwn() {
        const auto r =
            EnvironmentCleanup::remove(*client_, ident(), EnvironmentCleanup::Volumes::KeepMarked);
        QVERIFY2(r.ok(), qPrintable(r.errors.join("; ")));
        QCOMPARE(r.containers, QStringList{"shop_api_1"});
        QCOMPARE(r.networks, QStringList{"shop_default"});
        QCOMPARE(r.volumes, QStringList{"shop_cache"});
        QCOMPARE(r.keptVolumes, QStringList{"shop_data"});
        QVERIFY(touched("/v1.41/containers/c1?force=1&v=1"));
        for (const char *other :
             {"/v1.41/containers/c2", "/v1.41/containers/c3", "/v1.41/networks/n2",
              "/v1.41/volumes/theirs", "/v1.41/volumes/shop_data"})
            QVERIFY2(!touched(other), other);
        // The engine was asked for this store's and this environment's objects.
        bool filtered = false;
        for (const auto &req : fake_->received())
            filtered = filtered || (req.target.rfind("/v1.41/containers/json", 0) == 0 &&
                                    req.target.find("slipway.store%3Ds-1") != std::string::npos);
        QVERIFY(filtered);
    }

    void sweepRemovesKeptVolumesToo() {
        const auto r =
            EnvironmentCleanup::remove(*client_, ident(), EnvironmentCleanup::Volumes::RemoveAll);
        QVERIFY2(r.ok(), qPrintable(r.errors.join("; ")));
        QCOMPARE(r.volumes, (QStringList{"shop_data", "shop_cache"}));
        QVERIFY(r.keptVolumes.isEmpty());
    }

    void failuresAreReportedAndTheRestGoesOn() {
        fake_->on("/v1.41/containers/c1",
                  FakeEngine::error(500, "driver failed removing the container"));
        const auto r =
            EnvironmentCleanup::remove(*client_, ident(), EnvironmentCleanup::Volumes::RemoveAll);
        QVERIFY(!r.ok());
        QVERIFY2(r.errors.join(" ").contains("shop_api_1") &&
                     r.errors.join(" ").contains("driver failed removing the container"),
                 qPrintable(r.errors.join("; ")));
        QCOMPARE(r.networks, QStringList{"shop_default"});
    }

    void noIdentityRemovesNothing() {
        EnvironmentIdentity none;
        const auto r =
            EnvironmentCleanup::remove(*client_, none, EnvironmentCleanup::Volumes::RemoveAll);
        QVERIFY(!r.ok());
        QVERIFY(fake_->received().empty());
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentCleanup)
#include "tst_environmentcleanup.moc"
