// HostTableModel over a real HostMonitor: a scripted engine that answers, a socket nobody
// listens on, and a host whose settings are wrong. Checks the model's contract with
// QAbstractItemModelTester and that refreshes change rows, never reset the model.
#include "core/fleet/hostmonitor.h"
#include "core/store/storethread.h"
#include "models/hosttablemodel.h"
#include "tests/support/fakeengine.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;
using models::HostTableModel;
using State = core::HostStatus::State;

namespace {

QByteArray recorded(const char *name) {
    QFile f(QStringLiteral(SLIPWAY_TEST_DATA "/recorded/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing recording %s", qPrintable(f.fileName()));
    return f.readAll();
}

void scriptHealthyEngine(test::FakeEngine &engine) {
    auto ping = test::FakeEngine::respond(200, "OK", "text/plain");
    ping.headers.emplace_back("Api-Version", "1.41");
    engine.on("/_ping", ping);
    engine.on("/v1.41/version",
              test::FakeEngine::json(200, recorded("version.json").toStdString()));
    engine.on("/v1.41/info", test::FakeEngine::json(200, recorded("info.json").toStdString()));
}

core::HostConfig cliHost(const QString &id, const QString &url) {
    core::HostConfig h;
    h.id = id;
    h.name = id;
    h.url = url;
    h.source = core::HostConfig::Source::CommandLine;
    return h;
}

QString cell(const HostTableModel &model, int row, int column) {
    return model.index(row, column).data().toString();
}

} // namespace

class TestHostTableModel : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(dir_.isValid());
        engine_ = std::make_unique<test::FakeEngine>();
        QVERIFY2(engine_->listening(), engine_->errorString().c_str());
        scriptHealthyEngine(*engine_);
    }

    void rowsFollowTheMonitor() {
        auto store = std::make_shared<core::StoreThread>(dir_.filePath("slipway.sqlite"));
        core::HostMonitor::Options options;
        options.overrideHosts = QList<core::HostConfig>{
            cliHost("up", QString::fromStdString(engine_->url())),
            cliHost("dead", "unix://" + QString::fromStdString(engine_->missingSocketPath())),
            // TLS files on a unix socket: refused before any request.
            [] {
                auto h = cliHost("wrong", "unix:///run/x.sock");
                h.caFile = "/nonexistent/ca.pem";
                return h;
            }()};
        options.refreshInterval = std::chrono::hours(1); // the test refreshes by hand
        options.probeTimeout = std::chrono::seconds(3);
        core::HostMonitor monitor(store, options);
        HostTableModel model(&monitor);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        monitor.start();
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(inserts.size(), 3);
        QTRY_COMPARE(model.status(0).state, State::Up);
        QTRY_COMPARE(model.status(1).state, State::Down);

        // The answering engine, with the recorded engine's facts.
        QCOMPARE(cell(model, 0, HostTableModel::StatusColumn), QStringLiteral("Up"));
        QCOMPARE(cell(model, 0, HostTableModel::EngineColumn), QStringLiteral("20.10.24+dfsg1"));
        QCOMPARE(cell(model, 0, HostTableModel::ApiColumn), QStringLiteral("1.41"));
        QCOMPARE(cell(model, 0, HostTableModel::OsColumn),
                 QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
        QCOMPARE(cell(model, 0, HostTableModel::CpusColumn), QStringLiteral("2"));
        QCOMPARE(cell(model, 0, HostTableModel::ContainersColumn), QStringLiteral("5 / 6"));
        QCOMPARE(cell(model, 0, HostTableModel::ImagesColumn), QStringLiteral("16"));
        QCOMPARE(cell(model, 0, HostTableModel::SwarmColumn), QStringLiteral("none"));
        QVERIFY(!cell(model, 0, HostTableModel::MemoryColumn).isEmpty());
        QVERIFY(!model.index(0, 0).data(Qt::ForegroundRole).isValid());

        // The dead socket: down, greyed, with curl's reason.
        const QModelIndex dead = model.index(1, HostTableModel::NameColumn);
        QCOMPARE(dead.data(HostTableModel::StateRole).toInt(), int(State::Down));
        QVERIFY(dead.data(Qt::ForegroundRole).isValid());
        const QString deadReason = dead.data(HostTableModel::ErrorRole).toString();
        QVERIFY2(deadReason.contains("transport"), qPrintable(deadReason));
        QVERIFY(cell(model, 1, HostTableModel::EngineColumn).isEmpty());

        // The wrong settings: down with the precise complaint, no request made.
        QCOMPARE(model.status(2).state, State::Down);
        QVERIFY2(model.status(2).error.contains("unix socket"), qPrintable(model.status(2).error));
        QCOMPARE(monitor.upCount(), 1);

        // A refresh changes rows in place, and only when something changed.
        const int pings = engine_->hits("/v1.41/version");
        changes.clear();
        monitor.refresh();
        QTRY_VERIFY(engine_->hits("/v1.41/version") > pings);
        QTest::qWait(200);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.rowCount(), 3);

        // The engine goes away: its row turns Down but keeps what it last reported.
        engine_->stop();
        changes.clear();
        monitor.refresh();
        QTRY_COMPARE(model.status(0).state, State::Down);
        QVERIFY(!changes.isEmpty());
        for (const QList<QVariant> &args : changes) {
            const auto topLeft = args[0].value<QModelIndex>();
            const auto bottomRight = args[1].value<QModelIndex>();
            QCOMPARE(topLeft.row(), 0);
            QCOMPARE(bottomRight.row(), 0);
        }
        QCOMPARE(cell(model, 0, HostTableModel::EngineColumn), QStringLiteral("20.10.24+dfsg1"));
        QVERIFY(!model.status(0).error.isEmpty());
        QCOMPARE(resets.size(), 0);
    }

    void addAndRemoveAreRowLevel() {
        auto store = std::make_shared<core::StoreThread>(dir_.filePath("slipway.sqlite"));
        core::HostMonitor::Options options;
        options.overrideHosts = QList<core::HostConfig>{};
        options.refreshInterval = std::chrono::hours(1);
        core::HostMonitor monitor(store, options);
        HostTableModel model(&monitor);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy finished(&monitor, &core::HostMonitor::requestFinished);
        monitor.start();
        QTRY_VERIFY(monitor.isLoaded());

        core::HostConfig bad;
        bad.name = "bad";
        bad.url = "tcp://h:2376";
        bad.certFile = "/nonexistent/cert.pem";
        bad.keyFile = "/nonexistent/key.pem";
        const quint64 refused = monitor.addHost(bad);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished[0][0].toULongLong(), refused);
        QCOMPARE(finished[0][1].toBool(), false);
        QVERIFY2(finished[0][2].toString().contains("/nonexistent/cert.pem"),
                 qPrintable(finished[0][2].toString()));
        QCOMPARE(model.rowCount(), 0);

        core::HostConfig good;
        good.name = "scripted";
        good.url = QString::fromStdString(engine_->url());
        monitor.addHost(good);
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY2(finished[1][1].toBool(), qPrintable(finished[1][2].toString()));
        QCOMPARE(model.rowCount(), 1);
        QTRY_COMPARE(model.status(0).state, State::Up);
        const QString id = model.host(0).id;
        QVERIFY(!id.isEmpty());

        monitor.removeHost(id);
        QTRY_COMPARE(finished.size(), 3);
        QVERIFY(finished[2][1].toBool());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(removes.size(), 1);
        QCOMPARE(resets.size(), 0);
    }

private:
    QTemporaryDir dir_;
    std::unique_ptr<test::FakeEngine> engine_;
};

int main(int argc, char **argv) {
    // The model draws its status icons, so it needs a QGuiApplication, and ctest has no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestHostTableModel test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_hosttablemodel.moc"
