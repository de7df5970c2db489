// What is kept of a daemon's message: keptText() cuts past 4,000 characters between two
// characters, with a marker saying how much was cut; every place that stores one (the audit log,
// deployment records, alerts) goes through it, so a 1 MB daemon error comes back capped, also
// when it arrives the real way (a container action the scripted engine refuses).
#include "core/alerts/alertstore.h"
#include "core/base/errortext.h"
#include "core/deploy/deploymentstore.h"
#include "core/fleet/inventory.h"
#include "core/store/store.h"
#include "core/store/storethread.h"
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testenv.h"
#include "tests/support/teststore.h"

#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

using namespace slipway;
using core::keptText;
using core::kMaxKeptText;

namespace {

// A daemon's 1 MB answer: ASCII with a few characters outside the BMP, so a cut could land
// inside a surrogate pair.
QString megabyteMessage() {
    QString text = QStringLiteral("cannot stop container: ");
    while (text.size() < 1024 * 1024)
        text += QStringLiteral("the daemon says more \U0001F680 ");
    return text;
}

// Capped the way keptText promises: at most the limit, the original's beginning, whole
// surrogate pairs, and a marker whose count adds up to the original's length.
void checkCapped(const QString &kept, const QString &original) {
    QVERIFY2(kept.size() <= kMaxKeptText, qPrintable(QString::number(kept.size())));
    QVERIFY(kept.size() > kMaxKeptText - 100); // most of the room is used
    const qsizetype marker = kept.lastIndexOf(QStringLiteral("… ["));
    QVERIFY(marker > 0);
    QVERIFY(original.startsWith(kept.left(marker)));
    QVERIFY(QStringView(kept).isValidUtf16());
    const QString tail = kept.mid(marker);
    QVERIFY2(tail.endsWith(QStringLiteral(" more characters cut]")), qPrintable(tail));
    const qsizetype cut = tail.mid(3, tail.indexOf(' ', 3) - 3).toLongLong();
    QCOMPARE(marker + cut, original.size());
}

} // namespace

class TestErrorText : public QObject {
    Q_OBJECT

private slots:
    void shortTextIsKeptAsItIs() {
        QCOMPARE(keptText(QString()), QString());
        QCOMPARE(keptText(QStringLiteral("no such container")),
                 QStringLiteral("no such container"));
        const QString exact(kMaxKeptText, QLatin1Char('x'));
        QCOMPARE(keptText(exact), exact);
    }

    void longTextIsCutWithAMarker() {
        const QString text(kMaxKeptText + 1, QLatin1Char('x'));
        checkCapped(keptText(text), text);
        const QString big = megabyteMessage();
        checkCapped(keptText(big), big);
        // Never inside a surrogate pair, wherever the cut falls.
        const QString rockets = QString(3, QLatin1Char('a')) +
                                QString(kMaxKeptText, QLatin1Char('x'))
                                    .replace(QLatin1Char('x'), QStringLiteral("\U0001F680"));
        for (int shift = 0; shift < 3; ++shift) {
            const QString text = rockets.mid(shift);
            checkCapped(keptText(text), text);
        }
        // A limit smaller than the marker still holds.
        QVERIFY(keptText(big, 5).size() <= 5);
        QCOMPARE(keptText(big, 0), QString());
    }

    void storedRecordsComeBackCapped() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        auto store = test::openTestStore(dir, &error, QStringLiteral("db.sqlite"));
        QVERIFY2(store, qPrintable(error));
        const QString big = megabyteMessage();

        core::AuditEntry e;
        e.action = QStringLiteral("container.stop");
        e.target = QStringLiteral("web-1");
        e.result = QStringLiteral("failed");
        e.detail = big;
        QVERIFY(store->appendAudit(e, &error));
        checkCapped(store->audit(1).value(0).detail, big);

        core::DeploymentStore deployments(store->database());
        core::DeploymentRecord r;
        r.app = QStringLiteral("web");
        r.env = QStringLiteral("prod");
        r.version = QStringLiteral("1.0.0");
        r.config.image = QStringLiteral("web:1.0.0");
        r.startedAt = QDateTime::currentDateTimeUtc();
        r.detail = big;
        const qint64 id = deployments.insert(r, QStringLiteral("m:1"), &error);
        QVERIFY2(id > 0, qPrintable(error));
        checkCapped(deployments.record(id)->detail, big);
        QVERIFY(
            deployments.finish(id, core::DeploymentRecord::Result::Failed, big, {}, 0, {}, &error));
        checkCapped(deployments.record(id)->detail, big);

        core::AlertStore alerts(*store);
        const auto rules = alerts.rules(&error);
        QVERIFY2(!rules.isEmpty(), qPrintable(error));
        core::Alert a;
        a.ruleId = rules.first().id;
        a.kind = rules.first().kind;
        a.ruleName = rules.first().name;
        a.targetKey = core::Alert::hostKey(QStringLiteral("h1"));
        a.target = QStringLiteral("h1");
        a.hostId = QStringLiteral("h1");
        a.detail = big;
        const auto fired = alerts.fire(a, &error);
        QVERIFY2(fired, qPrintable(error));
        checkCapped(alerts.alert(fired->id)->detail, big);
        // The reason it cleared is capped on its own: at most twice the limit and a dash.
        QVERIFY(alerts.clear(a.ruleId, a.targetKey, {}, big, &error));
        QVERIFY(alerts.alert(fired->id)->detail.size() <= 2 * kMaxKeptText + 3);
    }

    // The real way in: the engine refuses a stop with a 1 MB message; the audit row keeps 4,000
    // characters of it.
    void aDaemonsMegabyteIsAuditedCapped() {
        test::FakeEngine engine;
        QVERIFY2(engine.listening(), engine.errorString().c_str());
        auto ping = test::FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        engine.on("/_ping", ping);
        auto client =
            std::make_shared<engine::DockerClient>(engine::Endpoint::parse(engine.url()).value());
        const std::string id(64, 'a');
        engine.on("/v1.41/containers/json",
                  test::FakeEngine::json(200, nlohmann::json::array({{{"Id", id},
                                                                      {"Names", {"/web-1"}},
                                                                      {"Image", "web:1"},
                                                                      {"State", "running"},
                                                                      {"Status", "Up 5 minutes"}}})
                                                  .dump()));
        auto events = test::FakeEngine::stream({});
        events.ending = test::FakeEngine::Reply::Ending::Stall;
        engine.on("/v1.41/events", events);
        const QString big = megabyteMessage();
        engine.on("/v1.41/containers/" + id + "/stop",
                  test::FakeEngine::error(500, big.toStdString()));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const core::StoreLocation where = test::testStoreLocation(dir, &error);
        QVERIFY2(!where.path.isEmpty(), qPrintable(error));
        auto store = std::make_shared<core::StoreThread>(where);
        core::Inventory inventory(store);
        inventory.addHost(QStringLiteral("h1"), QStringLiteral("h1"),
                          QString::fromStdString(engine.url()), client);
        QVERIFY(test::waitFor([&] { return inventory.containerCount() == 1; }));
        int audited = 0;
        connect(&inventory, &core::Inventory::auditAppended, this, [&] { ++audited; });
        bool failed = false;
        inventory.perform(core::Inventory::Action::Stop, QStringLiteral("h1"),
                          QString::fromStdString(id),
                          [&](bool ok, const QString &) { failed = !ok; });
        QVERIFY(test::waitFor([&] { return audited == 1; }, std::chrono::seconds(30)));
        QVERIFY(failed);
        store.reset(); // flushes the store thread
        auto reader = test::openTestStore(dir, nullptr);
        QVERIFY(reader);
        const auto entries = reader->audit(1);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().result, QStringLiteral("failed"));
        checkCapped(entries.first().detail, big);
        engine.stop(); // before the client goes: nothing left for it to wait on
    }
};

QTEST_GUILESS_MAIN(TestErrorText)
#include "tst_errortext.moc"
