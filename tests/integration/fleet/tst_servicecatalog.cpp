// ServiceCatalog against the private engine (a one-node Swarm manager) and registry: a
// 2-replica service of 127.0.0.1:5515/slipway/web:1.0.0 is listed with image and replicas;
// the image choices hold the other tags with their digests; an update to 1.1.0 rolls
// start-first and the replicas answer 1.1.0; a rollback brings the spec and the answers back
// to 1.0.0; an update to 2.0.0 (never healthy) is rolled back by the engine itself and
// reported; scaling to 3 and back to 1 is followed to the running count; bad input is refused
// before any call; every action is in the audit log. The replicas are asked over HTTP at
// their own addresses: the engine runs without iptables, so published ports do not forward.
#include "core/fleet/hostmonitor.h"
#include "core/fleet/servicecatalog.h"
#include "core/store/auditlog.h"
#include "core/store/storethread.h"
#include "tests/support/testenv.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

using namespace slipway;
using core::ServiceCatalog;
using core::ServiceRecord;

#define REQUIRE_OK(expr)                                                                           \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        QVERIFY2(r_.ok(), test::describe(r_).constData());                                         \
    } while (0)

namespace {

const QString kHost = QStringLiteral("cli:engine");
const std::string kHealthCheck =
    "\"HealthCheck\":{\"Test\":[\"CMD\",\"wget\",\"-q\",\"-O\",\"/dev/null\","
    "\"http://127.0.0.1:8080/health\"],\"Interval\":1000000000,\"Timeout\":5000000000,"
    "\"Retries\":5,\"StartPeriod\":1000000000}";

// One plain HTTP/1.0 GET with a 2 s limit; the body, or empty on any failure.
QByteArray httpGet(const std::string &ip, int port, const char *path) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return {};
    timeval tv{2, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(quint16(port));
    QByteArray reply;
    if (::inet_pton(AF_INET, ip.c_str(), &addr.sin_addr) == 1 &&
        ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0) {
        const QByteArray request = QByteArray("GET ") + path + " HTTP/1.0\r\n\r\n";
        if (::send(fd, request.constData(), size_t(request.size()), 0) == request.size()) {
            char buf[4096];
            ssize_t n;
            while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0 && reply.size() < 65536)
                reply.append(buf, int(n));
        }
    }
    ::close(fd);
    const qsizetype body = reply.indexOf("\r\n\r\n");
    if (!reply.startsWith("HTTP/1.") || !reply.contains(" 200 ") || body < 0)
        return {};
    return reply.mid(body + 4).trimmed();
}

} // namespace

class TestServiceCatalog : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<engine::DockerClient> direct_;
    std::shared_ptr<core::StoreThread> store_;
    std::unique_ptr<core::HostMonitor> monitor_;
    std::unique_ptr<core::AuditLog> audit_;
    std::unique_ptr<ServiceCatalog> catalog_;
    QString registry_;
    std::string name_;
    QString id_;
    bool goneReachedTheEngine_ = false;

    QString image(const char *tag) const { return registry_ + "/slipway/web:" + tag; }

    std::optional<ServiceRecord> record() const { return catalog_->service(kHost, id_); }

    // Waits until the catalog shows the service converged on `image` with `replicas` running.
    bool settledOn(const QString &image, int replicas, std::chrono::seconds timeout) {
        return test::waitFor(
            [&] {
                const auto r = record();
                return r && r->image == image && r->converged() && r->running == replicas &&
                       r->desired == replicas;
            },
            timeout);
    }

    QByteArray describeRecord() const {
        const auto r = record();
        if (!r)
            return "the service is not listed";
        return QStringLiteral("image %1, %2/%3 running (%4 up to date), update '%5': %6; task "
                              "error: %7")
            .arg(r->image)
            .arg(r->running)
            .arg(r->desired)
            .arg(r->upToDate)
            .arg(r->updateState, r->updateMessage, r->lastTaskError)
            .toUtf8();
    }

    // What each running replica answers at /version, asked at its own address.
    QList<QByteArray> versions() {
        QList<QByteArray> out;
        auto tasks =
            direct_->tasks({{"service", {id_.toStdString()}}, {"desired-state", {"running"}}})
                .wait();
        if (!tasks)
            return out;
        for (const auto &t : tasks.value()) {
            if (t.state != "running" || t.containerId.empty())
                continue;
            auto c = direct_->inspectContainer(t.containerId).wait();
            if (!c)
                continue;
            for (const auto &[network, endpoint] : c.value().networks)
                if (!endpoint.ipAddress.empty()) {
                    out << httpGet(endpoint.ipAddress, 8080, "/version");
                    break;
                }
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    // Runs `action`, which must start one operation, and waits for the engine's answer.
    std::pair<bool, QString> perform(const std::function<quint64(QString *)> &action) {
        QSignalSpy finished(catalog_.get(), &ServiceCatalog::operationFinished);
        QString refused;
        const quint64 request = action(&refused);
        if (!request)
            return {false, QStringLiteral("refused: ") + refused};
        if (!test::waitFor([&] { return !finished.isEmpty(); }, std::chrono::seconds(30)))
            return {false, QStringLiteral("no answer")};
        const auto args = finished.takeFirst();
        if (args[0].toULongLong() != request)
            return {false, QStringLiteral("another request answered")};
        return {args[1].toBool(), args[2].toString()};
    }

    QList<core::AuditEntry> auditEntries() {
        QList<core::AuditEntry> entries;
        bool done = false;
        auto c = connect(audit_.get(), &core::AuditLog::loaded, this,
                         [&](const QList<core::AuditEntry> &e) {
                             entries = e;
                             done = true;
                         });
        audit_->refresh();
        test::waitFor([&] { return done; });
        disconnect(c);
        return entries;
    }

    // The last update of this test's service that ended: other tests' services share the
    // engine, and their updates end too.
    std::optional<ServiceRecord> endedOf(const QSignalSpy &ended) const {
        for (qsizetype i = ended.size() - 1; i >= 0; --i) {
            const auto r = ended.at(i).at(0).value<ServiceRecord>();
            if (r.id == id_)
                return r;
        }
        return std::nullopt;
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        registry_ = test::registry();
        direct_ = test::makeClient();
        QVERIFY2(direct_, "SLIPWAY_TEST_DOCKER_HOST is not a valid engine URL");
        auto info = direct_->info().wait();
        REQUIRE_OK(info);
        QVERIFY2(info.value().swarm.controlAvailable,
                 "the test engine is not a swarm manager: start it with scripts/services.sh");
        QVERIFY(dir_.isValid());

        store_ = std::make_shared<core::StoreThread>(dir_.filePath("slipway.sqlite"));
        core::HostMonitor::Options options;
        core::HostConfig host;
        host.id = kHost;
        host.name = QStringLiteral("private engine");
        host.url = test::dockerHost();
        host.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{host};
        options.probeTimeout = std::chrono::seconds(30);
        monitor_ = std::make_unique<core::HostMonitor>(store_, options);
        audit_ = std::make_unique<core::AuditLog>(store_);
        ServiceCatalog::Options catalogOptions;
        catalogOptions.busyPoll = std::chrono::milliseconds(250);
        catalog_ = std::make_unique<ServiceCatalog>(monitor_.get(), store_, catalogOptions);
        monitor_->start();
        QVERIFY2(test::waitFor([&] { return catalog_->isListed(kHost); }, std::chrono::seconds(30)),
                 qPrintable(catalog_->hostError(kHost)));
        QCOMPARE(catalog_->hostIds(), QStringList{kHost});

        // Created as Slipway writes specs: start-first both ways, rolling back on failure.
        // The image's health check (3 s timeout, 2 retries) is loosened so that a loaded test
        // machine does not fail a healthy replica; 2.0.0 still never passes it.
        name_ = test::uniqueName("svccat-it");
        const std::string spec =
            "{\"Name\":\"" + name_ +
            "\",\"Labels\":{\"slipway.app\":\"svccat-itest\"},"
            "\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"" +
            image("1.0.0").toStdString() + "\"," + kHealthCheck +
            "}},"
            "\"Mode\":{\"Replicated\":{\"Replicas\":2}},"
            "\"UpdateConfig\":{\"Parallelism\":1,\"Order\":\"start-first\","
            "\"FailureAction\":\"rollback\"},"
            "\"RollbackConfig\":{\"Parallelism\":1,\"Order\":\"start-first\"}}";
        auto id = direct_->createService(spec).wait();
        REQUIRE_OK(id);
        id_ = QString::fromStdString(id.value());
    }

    void cleanupTestCase() {
        if (direct_ && !id_.isEmpty())
            (void)direct_->removeService(id_.toStdString()).wait();
    }

    void listsTheServiceWithImageAndReplicas() {
        QVERIFY2(settledOn(image("1.0.0"), 2, std::chrono::seconds(60)), describeRecord());
        const ServiceRecord r = *record();
        QCOMPARE(r.name, QString::fromStdString(name_));
        QCOMPARE(r.hostName, QStringLiteral("private engine"));
        QVERIFY(!r.global);
        QVERIFY(!r.hasPrevious);
        QCOMPARE(r.updateOrder, QStringLiteral("start-first"));
        QCOMPARE(r.failureAction, QStringLiteral("rollback"));
        QCOMPARE(versions(), (QList<QByteArray>{"1.0.0", "1.0.0"}));
    }

    void refusesBadInputBeforeAnyCall() {
        QString refused;
        QCOMPARE(catalog_->rollback(kHost, id_, &refused), quint64(0));
        QVERIFY2(refused.contains("no previous spec"), qPrintable(refused));
        refused.clear();
        QCOMPARE(catalog_->updateImage(kHost, id_, "Bad Image::x", &refused), quint64(0));
        QVERIFY(!refused.isEmpty());
        refused.clear();
        QCOMPARE(catalog_->scale(kHost, id_, -1, &refused), quint64(0));
        QVERIFY2(refused.contains("-1"), qPrintable(refused));
        refused.clear();
        QCOMPARE(catalog_->scale(kHost, "no-such-service", 1, &refused), quint64(0));
        QVERIFY2(refused.contains("no-such-service"), qPrintable(refused));
        QCOMPARE(record()->version, catalog_->service(kHost, id_)->version);
    }

    void offersTheOtherTagsOfTheRepository() {
        QSignalSpy loaded(catalog_.get(), &ServiceCatalog::imageChoicesLoaded);
        const quint64 request = catalog_->loadImageChoices(kHost, id_);
        QVERIFY(request);
        QVERIFY(test::waitFor([&] { return !loaded.isEmpty(); }));
        QCOMPARE(loaded.first()[0].toULongLong(), request);
        QVERIFY2(loaded.first()[2].toString().isEmpty(), qPrintable(loaded.first()[2].toString()));
        const auto choices = loaded.first()[1].value<core::ServiceImageChoices>();
        QStringList labels;
        for (const auto &c : choices)
            labels << c.label;
        QVERIFY(!choices.isEmpty() && choices.first().current);
        QCOMPARE(choices.first().label, image("1.0.0"));
        for (const char *tag : {"1.1.0", "1.2.0", "2.0.0"}) {
            auto it = std::find_if(choices.begin(), choices.end(),
                                   [&](const auto &c) { return c.label == image(tag); });
            QVERIFY2(it != choices.end(), qPrintable(labels.join(", ")));
            // Pushed to the registry, so the engine knows each one's digest: pinned.
            QVERIFY2(it->digest.startsWith("sha256:"), qPrintable(it->reference));
            QCOMPARE(it->reference, image(tag) + '@' + it->digest);
        }
        // Other repositories are not offered.
        for (const auto &c : choices)
            QVERIFY2(c.label.startsWith(registry_ + "/slipway/web:"), qPrintable(c.label));
    }

    void updatesStartFirstToAnotherImage() {
        QSignalSpy ended(catalog_.get(), &ServiceCatalog::updateEnded);
        const auto digest = direct_->inspectImage(image("1.1.0").toStdString()).wait();
        REQUIRE_OK(digest);
        QString pinned = image("1.1.0");
        for (const auto &d : digest.value().repoDigests)
            if (QString::fromStdString(d).startsWith(registry_ + "/slipway/web@"))
                pinned += QString::fromStdString(d.substr(d.find('@')));
        const auto [ok, error] = perform(
            [&](QString *refused) { return catalog_->updateImage(kHost, id_, pinned, refused); });
        QVERIFY2(ok, qPrintable(error));
        QVERIFY2(settledOn(image("1.1.0"), 2, std::chrono::seconds(90)), describeRecord());
        const ServiceRecord r = *record();
        QCOMPARE(r.reference(), pinned);
        QVERIFY(r.hasPrevious);
        QCOMPARE(r.previousImage, image("1.0.0"));
        QCOMPARE(r.rollbackOrder, QStringLiteral("start-first"));
        QCOMPARE(r.updateState, QStringLiteral("completed"));
        QVERIFY(test::waitFor([&] { return endedOf(ended).has_value(); }));
        QCOMPARE(endedOf(ended)->updateState, QStringLiteral("completed"));
        QCOMPARE(versions(), (QList<QByteArray>{"1.1.0", "1.1.0"}));
    }

    void rollsBackToThePreviousSpec() {
        QSignalSpy ended(catalog_.get(), &ServiceCatalog::updateEnded);
        const auto [ok, error] =
            perform([&](QString *refused) { return catalog_->rollback(kHost, id_, refused); });
        QVERIFY2(ok, qPrintable(error));
        QVERIFY2(settledOn(image("1.0.0"), 2, std::chrono::seconds(90)), describeRecord());
        const ServiceRecord r = *record();
        QCOMPARE(r.updateState, QStringLiteral("rollback_completed"));
        QVERIFY2(r.rollbackReason.contains("manually"), qPrintable(r.rollbackReason));
        QVERIFY(!r.automaticRollback);
        QCOMPARE(r.previousImage, image("1.1.0"));
        QVERIFY(test::waitFor([&] { return endedOf(ended).has_value(); }));
        QVERIFY(endedOf(ended)->rolledBack());
        QCOMPARE(versions(), (QList<QByteArray>{"1.0.0", "1.0.0"}));
    }

    void theEngineRollsBackAnUpdateThatNeverGetsHealthy() {
        QSignalSpy ended(catalog_.get(), &ServiceCatalog::updateEnded);
        const auto [ok, error] = perform([&](QString *refused) {
            return catalog_->updateImage(kHost, id_, image("2.0.0"), refused);
        });
        // The engine takes the update: only the rolling finds out 2.0.0 never gets healthy.
        QVERIFY2(ok, qPrintable(error));
        QVERIFY2(
            test::waitFor([&] { return endedOf(ended).has_value(); }, std::chrono::seconds(120)),
            describeRecord());
        const ServiceRecord reported = *endedOf(ended);
        QCOMPARE(reported.id, id_);
        QCOMPARE(reported.updateState, QStringLiteral("rollback_completed"));
        QVERIFY2(reported.automaticRollback, qPrintable(reported.rollbackReason));
        QVERIFY2(reported.rollbackReason.contains("rolled back"),
                 qPrintable(reported.rollbackReason));
        QCOMPARE(reported.image, image("1.0.0"));
        QVERIFY2(settledOn(image("1.0.0"), 2, std::chrono::seconds(60)), describeRecord());
        // Start-first: the old replicas served all along, and still do.
        QCOMPARE(versions(), (QList<QByteArray>{"1.0.0", "1.0.0"}));
    }

    void scalesUpAndDown() {
        auto [ok, error] =
            perform([&](QString *refused) { return catalog_->scale(kHost, id_, 3, refused); });
        QVERIFY2(ok, qPrintable(error));
        QVERIFY2(settledOn(image("1.0.0"), 3, std::chrono::seconds(60)), describeRecord());
        QCOMPARE(versions().size(), 3);
        std::tie(ok, error) =
            perform([&](QString *refused) { return catalog_->scale(kHost, id_, 1, refused); });
        QVERIFY2(ok, qPrintable(error));
        QVERIFY2(settledOn(image("1.0.0"), 1, std::chrono::seconds(60)), describeRecord());
        QVERIFY(test::waitFor([&] { return versions().size() == 1; }, std::chrono::seconds(30)));
        QCOMPARE(versions(), QList<QByteArray>{"1.0.0"});
    }

    void aStaleChangeIsRefusedInTheEnginesWords() {
        // Someone else changes the service between our inspect and update: simulated by a
        // removed service, which the engine refuses by name.
        const std::string spec = "{\"Name\":\"" + test::uniqueName("svccat-gone") +
                                 "\",\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"" +
                                 image("1.0.0").toStdString() +
                                 "\"}},\"Mode\":{\"Replicated\":{\"Replicas\":0}}}";
        auto id = direct_->createService(spec).wait();
        REQUIRE_OK(id);
        const QString gone = QString::fromStdString(id.value());
        catalog_->refreshHost(kHost);
        QVERIFY(test::waitFor([&] { return catalog_->service(kHost, gone).has_value(); }));
        REQUIRE_OK(direct_->removeService(id.value()).wait());
        const auto [ok, error] =
            perform([&](QString *refused) { return catalog_->scale(kHost, gone, 1, refused); });
        QVERIFY(!ok);
        QVERIFY2(error.contains(gone) || error.contains("not found"), qPrintable(error));
        // A listing between the remove and the scale makes the catalog refuse it itself.
        goneReachedTheEngine_ = !error.startsWith("refused: ");
        QVERIFY(test::waitFor([&] { return !catalog_->service(kHost, gone).has_value(); }));
    }

    void actionsAreInTheAuditLog() {
        const auto entries = auditEntries();
        QStringList seen;
        for (const auto &e : entries)
            if (e.target == QString::fromStdString(name_))
                seen << e.action + '=' + e.result;
        for (const char *expected :
             {"service.update=ok", "service.rollback=ok", "service.scale=ok"})
            QVERIFY2(seen.contains(expected), qPrintable(seen.join(", ")));
        QCOMPARE(seen.count("service.update=ok"), 2);
        QCOMPARE(seen.count("service.scale=ok"), 2);
        bool failedScale = false;
        for (const auto &e : entries)
            failedScale = failedScale || (e.action == "service.scale" && e.result == "failed" &&
                                          e.target.startsWith("svccat-gone"));
        QCOMPARE(failedScale, goneReachedTheEngine_);
    }
};

QTEST_GUILESS_MAIN(TestServiceCatalog)
#include "tst_servicecatalog.moc"
