// ImageCatalog against a scripted engine (recorded and handmade replies): used-by counts from
// the containers list, refreshes as row-level batches, pull progress folded into one fraction
// from the real progress stream, the engine's own error texts for pull and remove, bad
// references refused without a request, cancel, and the audit log. PullProgressTracker alone
// on the handmade stream.
#include "core/fleet/hostmonitor.h"
#include "core/fleet/imagecatalog.h"
#include "core/fleet/pullprogress.h"
#include "core/store/auditlog.h"
#include "core/store/storethread.h"
#include "engine/imagereference.h"
#include "engine/parse.h"
#include "engine/transport.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;
using core::ImageCatalog;
using core::ImageList;
using core::PullProgress;

namespace {

std::vector<std::string> lines(const QByteArray &data) {
    std::vector<std::string> out;
    for (const QByteArray &l : data.split('\n'))
        if (!l.trimmed().isEmpty())
            out.push_back(l.toStdString() + "\n");
    return out;
}

void scriptHealthyEngine(test::FakeEngine &engine) {
    auto ping = test::FakeEngine::respond(200, "OK", "text/plain");
    ping.headers.emplace_back("Api-Version", "1.41");
    engine.on("/_ping", ping);
    engine.on("/v1.41/version", test::FakeEngine::json(
                                    200, test::requireData("recorded/version.json").toStdString()));
    engine.on("/v1.41/info",
              test::FakeEngine::json(200, test::requireData("recorded/info.json").toStdString()));
    engine.on(
        "/v1.41/images/json",
        test::FakeEngine::json(200, test::requireData("recorded/images_list.json").toStdString()));
    engine.on("/v1.41/containers/json",
              test::FakeEngine::json(
                  200, test::requireData("recorded/containers_list.json").toStdString()));
}

core::HostConfig cliHost(const QString &id, const QString &url) {
    core::HostConfig h;
    h.id = id;
    h.name = id;
    h.url = url;
    h.source = core::HostConfig::Source::CommandLine;
    return h;
}

const core::ImageRecord *find(const ImageList &rows, const QString &ref) {
    for (const auto &r : rows)
        if (r.reference() == ref)
            return &r;
    return nullptr;
}

} // namespace

class TestImageCatalogFake : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<test::FakeEngine> engine_;
    std::shared_ptr<core::StoreThread> store_;
    std::unique_ptr<core::HostMonitor> monitor_;
    std::unique_ptr<core::AuditLog> audit_;
    std::unique_ptr<ImageCatalog> catalog_;

    // The audit log as it is now, newest first.
    QList<core::AuditEntry> auditEntries() {
        QList<core::AuditEntry> entries;
        bool done = false;
        auto c = connect(audit_.get(), &core::AuditLog::loaded, this,
                         [&](const QList<core::AuditEntry> &e) {
                             entries = e;
                             done = true;
                         });
        audit_->refresh();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        }();
        disconnect(c);
        return entries;
    }

private slots:
    void init() {
        QVERIFY(dir_.isValid());
        engine_ = std::make_unique<test::FakeEngine>();
        QVERIFY2(engine_->listening(), engine_->errorString().c_str());
        scriptHealthyEngine(*engine_);
        store_ = std::make_shared<core::StoreThread>(
            dir_.filePath(QStringLiteral("slipway-%1.sqlite").arg(QTest::currentTestFunction())));
        core::HostMonitor::Options options;
        options.overrideHosts = QList<core::HostConfig>{
            cliHost("fake", QString::fromStdString(engine_->url())),
            cliHost("dead", "unix://" + QString::fromStdString(engine_->missingSocketPath()))};
        options.refreshInterval = std::chrono::hours(1);
        options.probeTimeout = std::chrono::seconds(3);
        monitor_ = std::make_unique<core::HostMonitor>(store_, options);
        audit_ = std::make_unique<core::AuditLog>(store_);
        catalog_ = std::make_unique<ImageCatalog>(monitor_.get(), audit_.get());
        monitor_->start();
        QTRY_VERIFY_WITH_TIMEOUT(catalog_->isListed("fake"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!catalog_->hostError("dead").isEmpty(), 10000);
    }

    void cleanup() {
        catalog_.reset();
        audit_.reset();
        monitor_.reset();
        store_.reset();
        engine_.reset();
    }

    void listsWithUsedByFromTheContainers() {
        const ImageList rows = catalog_->images("fake");
        QCOMPARE(rows.size(), 12); // six images, two tags each
        // The engine says -1 for every image; the containers list is what counts.
        auto containers = engine::parse::containers(
            test::requireData("recorded/containers_list.json").toStdString());
        QVERIFY(containers);
        for (const auto &r : rows) {
            int expected = 0;
            for (const auto &c : containers.value())
                expected += QString::fromStdString(c.imageId) == r.id;
            QCOMPARE(r.usedBy, expected);
            QCOMPARE(r.hostName, QStringLiteral("fake"));
            QVERIFY(!r.dangling);
        }
        const auto *web = find(rows, "127.0.0.1:5515/slipway/web:1.1.0");
        QVERIFY(web);
        QCOMPARE(web->usedBy, 2);
        QCOMPARE(web->size, 1986696);
        QVERIFY(web->digest.startsWith("sha256:"));
        // The dead host has nothing, and says why.
        QVERIFY(catalog_->images("dead").isEmpty());
        QVERIFY2(catalog_->hostError("dead").contains("transport"),
                 qPrintable(catalog_->hostError("dead")));
        QCOMPARE(catalog_->images().size(), 12);
    }

    void refreshIsRowLevel() {
        QSignalSpy inserted(catalog_.get(), &ImageCatalog::imagesInserted);
        QSignalSpy changed(catalog_.get(), &ImageCatalog::imagesChanged);
        QSignalSpy removed(catalog_.get(), &ImageCatalog::imagesRemoved);
        QSignalSpy refreshed(catalog_.get(), &ImageCatalog::hostRefreshed);

        // Nothing changed: no batch at all.
        catalog_->refreshHost("fake");
        QTRY_COMPARE(refreshed.size(), 1);
        QCOMPARE(inserted.size() + changed.size() + removed.size(), 0);

        // web:2.0.0 is gone; its container too; a dangling image appeared.
        QJsonArray images =
            QJsonDocument::fromJson(test::requireData("recorded/images_list.json")).array();
        QString goneId;
        for (int i = 0; i < images.size(); ++i) {
            const QJsonArray tags = images[i].toObject()["RepoTags"].toArray();
            if (tags.contains(QJsonValue("slipway/web:2.0.0"))) {
                goneId = images[i].toObject()["Id"].toString();
                images.removeAt(i);
                break;
            }
        }
        QVERIFY(!goneId.isEmpty());
        images.append(QJsonObject{{"Id", "sha256:" + QString(64, u'e')},
                                  {"RepoTags", QJsonArray{"<none>:<none>"}},
                                  {"RepoDigests", QJsonArray{"<none>@<none>"}},
                                  {"Created", 1714000000},
                                  {"Size", 1234},
                                  {"Containers", -1}});
        QJsonArray containers =
            QJsonDocument::fromJson(test::requireData("recorded/containers_list.json")).array();
        for (int i = containers.size() - 1; i >= 0; --i)
            if (containers[i].toObject()["ImageID"].toString() == goneId)
                containers.removeAt(i);
        engine_->on("/v1.41/images/json",
                    test::FakeEngine::json(200, QJsonDocument(images).toJson().toStdString()));
        engine_->on("/v1.41/containers/json",
                    test::FakeEngine::json(200, QJsonDocument(containers).toJson().toStdString()));
        catalog_->refreshHost("fake");
        QTRY_COMPARE(refreshed.size(), 2);
        QCOMPARE(removed.size(), 1);
        const ImageList gone = removed[0][0].value<ImageList>();
        QCOMPARE(gone.size(), 2); // both tags of web:2.0.0
        for (const auto &r : gone)
            QCOMPARE(r.id, goneId);
        QCOMPARE(inserted.size(), 1);
        const ImageList added = inserted[0][0].value<ImageList>();
        QCOMPARE(added.size(), 1);
        QVERIFY(added[0].dangling);
        QCOMPARE(added[0].reference(), "sha256:" + QString(64, u'e'));
        QCOMPARE(changed.size(), 0); // the others did not change
        QCOMPARE(catalog_->images("fake").size(), 11);
    }

    void pullProgressReachesTheEnd() {
        engine_->on(
            "/v1.41/images/create",
            test::FakeEngine::stream(lines(test::requireData("recorded/pull_progress.jsonl")),
                                     std::chrono::milliseconds(20)));
        QSignalSpy progress(catalog_.get(), &ImageCatalog::pullProgress);
        QSignalSpy finished(catalog_.get(), &ImageCatalog::pullFinished);
        QString refused;
        const quint64 request =
            catalog_->pull("fake", "127.0.0.1:5515/slipway/web:1.0.0", &refused);
        QVERIFY2(request != 0, qPrintable(refused));
        QCOMPARE(catalog_->pullsRunning(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished[0][0].toULongLong(), request);
        QVERIFY2(finished[0][1].toBool(), qPrintable(finished[0][2].toString()));
        QCOMPARE(catalog_->pullsRunning(), 0);

        // The fraction never goes back, and ends at 100 %.
        QVERIFY(progress.size() >= 2);
        double last = -1;
        bool sawPart = false;
        for (const auto &args : progress) {
            QCOMPARE(args[0].toULongLong(), request);
            const auto p = args[1].value<PullProgress>();
            QVERIFY(p.fraction >= last);
            last = p.fraction;
            sawPart |= p.fraction > 0 && p.fraction < 1;
        }
        QVERIFY2(sawPart, "a layer's download shows as part of the bar");
        const auto end = progress.last()[1].value<PullProgress>();
        QCOMPARE(end.fraction, 1.0);
        QVERIFY(end.finished);
        QCOMPARE(end.layers, 2);
        QCOMPARE(end.layersDone, 2);
        QVERIFY2(end.status.startsWith("Status: Downloaded newer image"), qPrintable(end.status));

        // The request named the repository and the tag.
        QCOMPARE(engine_->hits("/v1.41/images/create"), 1);
        for (const auto &r : engine_->received())
            if (r.target.rfind("/v1.41/images/create", 0) == 0)
                QVERIFY2(r.target.find("tag=1.0.0") != std::string::npos, r.target.c_str());
        const auto entries = auditEntries();
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.first().action, QStringLiteral("image.pull"));
        QCOMPARE(entries.first().target, QStringLiteral("127.0.0.1:5515/slipway/web:1.0.0"));
        QCOMPARE(entries.first().result, QStringLiteral("ok"));
    }

    void pullErrorIsTheEnginesText() {
        engine_->on("/v1.41/images/create",
                    test::FakeEngine::stream(
                        {"{\"status\":\"Pulling from shop/api\",\"id\":\"9.9\"}\n",
                         test::requireData("handmade/progress_error.json").trimmed().toStdString() +
                             "\n"}));
        QSignalSpy finished(catalog_.get(), &ImageCatalog::pullFinished);
        const quint64 request = catalog_->pull("fake", "registry.local:5000/shop/api:9.9");
        QVERIFY(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished[0][1].toBool(), false);
        QCOMPARE(finished[0][2].toString(),
                 QStringLiteral("manifest for registry.local:5000/shop/api:9.9 not found: manifest "
                                "unknown: manifest unknown"));
        const auto entries = auditEntries();
        QCOMPARE(entries.first().action, QStringLiteral("image.pull"));
        QCOMPARE(entries.first().result, QStringLiteral("failed"));
        QVERIFY(entries.first().detail.contains("manifest unknown"));
    }

    void badReferenceIsRefusedWithoutACall() {
        for (const QString &bad : {QStringLiteral("Shop/Web:1"), QStringLiteral("web:"),
                                   QStringLiteral("web@sha256:123"), QStringLiteral("we b")}) {
            const auto parsed = engine::ImageReference::parse(bad.toStdString());
            QVERIFY(!parsed);
            const QString expected = QString::fromStdString(parsed.error().message);
            QCOMPARE(ImageCatalog::checkReference(bad), expected);
            QVERIFY(ImageCatalog::normalizedReference(bad).isEmpty());
            QString refused;
            QCOMPARE(catalog_->pull("fake", bad, &refused), quint64(0));
            QCOMPARE(refused, expected);
        }
        QCOMPARE(engine_->hits("/v1.41/images/create"), 0);
        QCOMPARE(ImageCatalog::checkReference("web"), QString());
        QCOMPARE(ImageCatalog::normalizedReference("web"), QStringLiteral("web:latest"));
        // An unknown host is refused too, saying so.
        QString refused;
        QCOMPARE(catalog_->pull("nope", "web:1", &refused), quint64(0));
        QVERIFY(refused.contains("nope"));
    }

    void cancelEndsThePull() {
        engine_->on("/v1.41/images/create",
                    test::FakeEngine::stream(
                        {"{\"status\":\"Pulling from slipway/web\",\"id\":\"1.0.0\"}\n",
                         "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":10,"
                         "\"total\":1000},\"id\":\"aaaaaaaaaaaa\"}\n",
                         "{\"status\":\"Pull complete\",\"id\":\"aaaaaaaaaaaa\"}\n"},
                        std::chrono::seconds(20)));
        QSignalSpy finished(catalog_.get(), &ImageCatalog::pullFinished);
        const quint64 request = catalog_->pull("fake", "slipway/web:1.0.0");
        QVERIFY(request);
        QTRY_COMPARE_WITH_TIMEOUT(engine_->hits("/v1.41/images/create"), 1, 5000);
        catalog_->cancelPull(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished[0][1].toBool(), false);
        QCOMPARE(finished[0][2].toString(), QStringLiteral("Cancelled."));
    }

    void removeFailureIsTheDaemonsMessage() {
        const QString id = "sha256:" + QString(64, u'6');
        const std::string path = "/v1.41/images/" + engine::percentEncode(id.toStdString());
        const std::string message = "conflict: unable to delete 666666666666 (cannot be forced) - "
                                    "image is being used by running container 0123456789ab";
        engine_->on(path, test::FakeEngine::error(409, message));
        QSignalSpy finished(catalog_.get(), &ImageCatalog::removeFinished);
        const quint64 request = catalog_->remove("fake", id);
        QVERIFY(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished[0][1].toBool(), false);
        QCOMPARE(finished[0][2].toString(), QString::fromStdString(message));
        // A refresh follows: a failed remove may still have untagged something.
        QTRY_COMPARE_WITH_TIMEOUT(engine_->received().back().method, std::string("GET"), 5000);
        const auto entries = auditEntries();
        QCOMPARE(entries.first().action, QStringLiteral("image.remove"));
        QCOMPARE(entries.first().target, id);
        QCOMPARE(entries.first().result, QStringLiteral("failed"));
        QCOMPARE(entries.first().detail, QString::fromStdString(message));
        // A dead host's remove fails with the transport's reason.
        finished.clear();
        QVERIFY(catalog_->remove("dead", "web:1"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(finished[0][2].toString().contains("transport"));
    }

    void detailsLoadInspectAndHistory() {
        const QString id = "sha256:" + QString(64, u'7');
        const std::string enc = engine::percentEncode(id.toStdString());
        engine_->on("/v1.41/images/" + enc + "/json",
                    test::FakeEngine::json(
                        200, test::requireData("recorded/image_inspect.json").toStdString()));
        engine_->on("/v1.41/images/" + enc + "/history",
                    test::FakeEngine::json(
                        200, test::requireData("recorded/image_history.json").toStdString()));
        QSignalSpy loaded(catalog_.get(), &ImageCatalog::detailsLoaded);
        const quint64 request = catalog_->loadDetails("fake", id);
        QVERIFY(request);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QCOMPARE(loaded[0][0].toULongLong(), request);
        const auto d = loaded[0][1].value<core::ImageDetails>();
        QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
        QVERIFY(d.id.startsWith("sha256:"));
        QVERIFY(!d.repoTags.isEmpty());
        QVERIFY(!d.history.isEmpty());
        QVERIFY(!d.history.first().createdBy.isEmpty());
        QVERIFY(!d.labels.isEmpty());
        // An image the engine does not know: its 404 message.
        loaded.clear();
        QVERIFY(catalog_->loadDetails("fake", "sha256:" + QString(64, u'8')));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QVERIFY(!loaded[0][1].value<core::ImageDetails>().error.isEmpty());
    }

    void trackerFoldsLayersIntoOneFraction() {
        core::PullProgressTracker t;
        const auto feed = [&](const char *json) {
            auto m = engine::parse::progress(json);
            QVERIFY(m);
            t.add(m.value());
        };
        feed(R"({"status":"Pulling from base/busybox","id":"1.36"})");
        QCOMPARE(t.snapshot().fraction, -1.0);
        QCOMPARE(t.snapshot().layers, 0);
        feed(R"({"status":"Already exists","progressDetail":{},"id":"111111111111"})");
        feed(R"({"status":"Pulling fs layer","progressDetail":{},"id":"a1b2c3d4e5f6"})");
        feed(R"({"status":"Pulling fs layer","progressDetail":{},"id":"b1b2c3d4e5f6"})");
        QCOMPARE(t.snapshot().fraction, -1.0); // no size known yet: busy
        QCOMPARE(t.snapshot().layers, 3);
        QCOMPARE(t.snapshot().layersDone, 1);
        feed(
            R"({"status":"Downloading","progressDetail":{"current":524288,"total":2097152},"id":"a1b2c3d4e5f6"})");
        // One sized layer a quarter downloaded (70 % of it is the download), one waiting layer
        // counted at the same size: 0.25 * 0.7 / 2.
        QCOMPARE(t.snapshot().fraction, 0.25 * 0.7 / 2);
        QVERIFY2(t.snapshot().status.startsWith("a1b2c3d4e5f6: Downloading 512.0 KiB of 2.0 MiB"),
                 qPrintable(t.snapshot().status));
        feed(
            R"({"status":"Downloading","progressDetail":{"current":100,"total":2097152},"id":"b1b2c3d4e5f6"})");
        const double withSecond = t.snapshot().fraction;
        QVERIFY(withSecond >= 0.25 * 0.7 / 2); // never goes back
        feed(R"({"status":"Pull complete","progressDetail":{},"id":"a1b2c3d4e5f6"})");
        feed(
            R"({"status":"Extracting","progressDetail":{"current":1048576,"total":2097152},"id":"b1b2c3d4e5f6"})");
        QCOMPARE(t.snapshot().fraction, (1.0 + 0.7 + 0.3 * 0.5) / 2);
        feed(R"({"status":"Pull complete","progressDetail":{},"id":"b1b2c3d4e5f6"})");
        QCOMPARE(t.snapshot().fraction, 1.0);
        QCOMPARE(t.snapshot().layersDone, 3);
        feed(
            R"({"status":"Status: Downloaded newer image for registry.local:5000/base/busybox:1.36"})");
        QCOMPARE(t.snapshot().status,
                 QStringLiteral(
                     "Status: Downloaded newer image for registry.local:5000/base/busybox:1.36"));
        QVERIFY(!t.snapshot().finished);
        t.finish();
        QVERIFY(t.snapshot().finished);

        // Everything already there: busy, then 100 % when the engine says it is done.
        core::PullProgressTracker all;
        auto m = engine::parse::progress(R"({"status":"Already exists","id":"111111111111"})");
        QVERIFY(m);
        all.add(m.value());
        QCOMPARE(all.snapshot().fraction, -1.0);
        all.finish();
        QCOMPARE(all.snapshot().fraction, 1.0);
    }
};

QTEST_GUILESS_MAIN(TestImageCatalogFake)
#include "tst_imagecatalog_fake.moc"
