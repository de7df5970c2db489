// `slipctl ps` filters as a user runs them: the real binary against the private engine, with a
// few labelled containers made for this run. --app, --env, --state and --label narrow the list
// (the engine filters labels and states itself; several --app or --env values are any-of),
// --host-name picks configured hosts by name, and bad values are refused before any call.
#include "tests/support/fakeengine.h"
#include "tests/support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;

namespace {

struct Run {
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestSlipctlPs : public QObject {
    Q_OBJECT

    QTemporaryDir home_;
    std::unique_ptr<engine::DockerClient> client_;
    QString app_, other_; // this run's application labels
    QString a_, b_, c_; // a: app, staging, running; b: app, production, running; c: other, created
    QStringList created_;

    // Runs slipctl with a clean HOME and data directory, so neither the user's docker
    // contexts nor saved hosts leak into the test.
    Run slipctl(const QStringList &args, const QProcessEnvironment &extra = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH",
                                 "DOCKER_CONFIG", "DOCKER_CONTEXT"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), home_.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home_.filePath(QStringLiteral("data")));
        for (const auto &key : extra.keys())
            env.insert(key, extra.value(key));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SLIPWAY_SLIPCTL), args);
        Run r;
        r.finished = p.waitForFinished(30000); // bounded: a hang fails the test
        if (!r.finished)
            p.kill();
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    // `ps --json` on the private engine with `args`: the IDs listed, of this run's containers.
    QSet<QString> ids(const QStringList &args, QJsonArray *rows = nullptr) {
        Run r = slipctl(QStringList{"ps", "--json", "--host", test::dockerHost()} + args);
        if (!r.finished || r.exitCode != 0) {
            qWarning("slipctl %s: exit %d: %s", qPrintable(args.join(' ')), r.exitCode,
                     r.err.constData());
            return {QStringLiteral("<failed>")};
        }
        const QJsonArray array = QJsonDocument::fromJson(r.out).array();
        if (rows)
            *rows = array;
        QSet<QString> ours;
        for (const auto &v : array) {
            const QString id = v.toObject()["id"].toString();
            if (created_.contains(id))
                ours.insert(id);
        }
        return ours;
    }

    QString create(const std::string &name, const QString &app, const std::string &env,
                   engine::Labels extra, bool start) {
        engine::ContainerCreate spec;
        spec.name = test::uniqueName(name);
        spec.image = "slipway/worker:1.0.0";
        spec.labels = std::move(extra);
        spec.labels["slipway.app"] = app.toStdString();
        spec.labels["slipway.env"] = env;
        spec.labels["slipway.test"] = "slipctl-ps";
        auto created = test::waitFor(client_->createContainer(spec), std::chrono::seconds(60));
        if (!created || !created->ok())
            return {};
        created_.append(QString::fromStdString(created->value()));
        if (start) {
            auto started =
                test::waitFor(client_->startContainer(created->value()), std::chrono::seconds(60));
            if (!started || !started->ok())
                return {};
        }
        return QString::fromStdString(created->value());
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(home_.isValid());
        client_ = test::makeClient();
        QVERIFY(client_);
        app_ = QStringLiteral("psapp%1").arg(QCoreApplication::applicationPid());
        other_ = app_ + QStringLiteral("-other");
        a_ = create("slipctl-ps-a", app_, "staging", {{"team", "ops"}}, true);
        b_ = create("slipctl-ps-b", app_, "production", {{"team", "web"}}, true);
        c_ = create("slipctl-ps-c", other_, "staging", {{"team", "ops"}}, false);
        QVERIFY(!a_.isEmpty() && !b_.isEmpty() && !c_.isEmpty());
    }

    void cleanupTestCase() {
        for (const QString &id : std::as_const(created_))
            (void)test::waitFor(client_->removeContainer(id.toStdString(), true),
                                std::chrono::seconds(30));
    }

    void byApplication() {
        QJsonArray rows;
        QCOMPARE(ids({"--app", app_}, &rows), (QSet<QString>{a_, b_}));
        // Only that application, not just only ours.
        for (const auto &v : std::as_const(rows)) {
            QCOMPARE(v.toObject()["app"].toString(), app_);
            QCOMPARE(v.toObject()["labels"].toObject()["slipway.app"].toString(), app_);
        }
        QCOMPARE(ids({"--app", other_}), QSet<QString>{}); // created: not running
        QCOMPARE(ids({"--app", other_, "--all"}), QSet<QString>{c_});
        // Several: any of them.
        QCOMPARE(ids({"--app", app_, "--app", other_, "--all"}), (QSet<QString>{a_, b_, c_}));
    }

    void byEnvironment() {
        QCOMPARE(ids({"--app", app_, "--env", "staging"}), QSet<QString>{a_});
        QCOMPARE(ids({"--app", app_, "--env", "production"}), QSet<QString>{b_});
        QCOMPARE(ids({"--app", app_, "--app", other_, "--env", "staging", "--all"}),
                 (QSet<QString>{a_, c_}));
        QCOMPARE(ids({"--app", app_, "--env", "staging", "--env", "production"}),
                 (QSet<QString>{a_, b_}));
    }

    void byState() {
        // A state implies --all: a created container is found without it.
        QCOMPARE(ids({"--app", other_, "--state", "created"}), QSet<QString>{c_});
        QCOMPARE(ids({"--app", other_, "--state", "running"}), QSet<QString>{});
        QCOMPARE(ids({"--app", app_, "--state", "running"}), (QSet<QString>{a_, b_}));
        QJsonArray rows;
        QCOMPARE(ids({"--label", "slipway.test=slipctl-ps", "--state", "created,running"}, &rows),
                 (QSet<QString>{a_, b_, c_}));
        for (const auto &v : std::as_const(rows)) {
            const QString state = v.toObject()["state"].toString();
            QVERIFY2(state == "created" || state == "running", qPrintable(state));
        }
        QCOMPARE(
            ids({"--label", "slipway.test=slipctl-ps", "--state", "created", "--state", "running"}),
            (QSet<QString>{a_, b_, c_}));
    }

    void byLabel() {
        QCOMPARE(ids({"--label", "team=ops", "--label", "slipway.app=" + app_}), QSet<QString>{a_});
        QCOMPARE(ids({"--label", "team=ops", "--label", "slipway.test=slipctl-ps", "--all"}),
                 (QSet<QString>{a_, c_}));
        // A key alone: the label is there, whatever its value.
        QCOMPARE(ids({"--label", "team", "--app", app_}), (QSet<QString>{a_, b_}));
        QCOMPARE(ids({"--label", "team=nobody", "--app", app_}), QSet<QString>{});
    }

    void byHostName() {
        // The configured hosts, here the one DOCKER_HOST names (a host called "DOCKER_HOST").
        QProcessEnvironment env;
        env.insert(QStringLiteral("DOCKER_HOST"), test::dockerHost());
        Run r = slipctl({"ps", "--json", "--host-name", "DOCKER_HOST", "--app", app_}, env);
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray rows = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(rows.size(), 2);
        for (const auto &v : rows)
            QCOMPARE(v.toObject()["host"].toString(), QStringLiteral("DOCKER_HOST"));

        // A name nobody has: refused, naming the hosts there are.
        Run unknown = slipctl({"ps", "--host-name", "no-such-host"}, env);
        QVERIFY(unknown.finished);
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("no-such-host"), unknown.err.constData());
        QVERIFY2(unknown.err.contains("DOCKER_HOST"), unknown.err.constData());
        QVERIFY(unknown.out.isEmpty());

        // With --host URL the host's name is its URL.
        QCOMPARE(ids({"--host-name", test::dockerHost(), "--app", app_}), (QSet<QString>{a_, b_}));
    }

    void theTableShowsTheFilteredRows() {
        Run r = slipctl({"ps", "--host", test::dockerHost(), "--app", app_, "--env", "staging"});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2); // the header and web-a
        QVERIFY(lines[0].contains("APP"));
        QVERIFY(lines[1].contains(app_.toUtf8()));
        QVERIFY(lines[1].contains("staging"));
        QVERIFY(lines[1].contains(a_.left(12).toUtf8()));
    }

    void badValuesAreRefusedBeforeAnyCall() {
        // A dead engine: had a call been made, the error would be a transport one.
        const QString dead = QStringLiteral("unix:///nonexistent/slipway-ps-test.sock");
        Run state = slipctl({"ps", "--host", dead, "--state", "sleeping"});
        QCOMPARE(state.exitCode, 2);
        QVERIFY2(state.err.contains("sleeping") && state.err.contains("running"),
                 state.err.constData());
        QVERIFY(!state.err.contains("nonexistent"));
        Run label = slipctl({"ps", "--host", dead, "--label", "=ops"});
        QCOMPARE(label.exitCode, 2);
        QVERIFY2(label.err.contains("KEY=VALUE"), label.err.constData());
        Run app = slipctl({"ps", "--host", dead, "--app", ""});
        QCOMPARE(app.exitCode, 2);
        QVERIFY2(app.err.contains("--app"), app.err.constData());
    }
};

QTEST_MAIN(TestSlipctlPs)
#include "tst_slipctl_ps.moc"
