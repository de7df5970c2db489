// `slipctl env up`, `ls` and `down` as a user runs them: the real binary against the private
// engine, a template given as a Compose file, two workstations (two HOMEs, two databases) on
// one engine. What one provisions the other cannot recycle; a provision that fails leaves
// nothing behind and names the service; bad input is refused before any call.
#include "tests/support/slipctlrun.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace slipway;

namespace {

QJsonObject object(const QByteArray &out) {
    return QJsonDocument::fromJson(out).object();
}

// Copies tests/data/environments/<name> into `dir`/<folder>; the folder names the template.
QString copyTemplate(const QString &name, const QString &dir, const QString &folder) {
    const QDir from(QStringLiteral(SLIPWAY_TEST_DATA) + QStringLiteral("/environments/") + name);
    QDir(dir).mkpath(folder);
    for (const QString &file : from.entryList(QDir::Files))
        QFile::copy(from.filePath(file), QDir(dir).filePath(folder + QLatin1Char('/') + file));
    return QDir(dir).filePath(folder + QStringLiteral("/compose.yaml"));
}

} // namespace

class TestSlipctlEnv : public QObject {
    Q_OBJECT

    QTemporaryDir homeA_, homeB_, files_;
    std::unique_ptr<engine::DockerClient> client_;
    QString prefix_;

    test::SlipctlRun slipctl(const QString &home, const QStringList &args,
                             std::chrono::milliseconds limit = std::chrono::seconds(180)) {
        return test::runSlipctl(args + QStringList{QStringLiteral("--host"), test::dockerHost()},
                                home, {}, limit);
    }

    // Containers and networks labelled with the Compose project `name`.
    int projectObjects(const QString &name) {
        const engine::Filters f{{"label", {"com.docker.compose.project=" + name.toStdString()}}};
        auto containers = client_->containers(true, f).wait();
        auto networks = client_->networks(f).wait();
        if (!containers.ok() || !networks.ok())
            return -1;
        return int(containers.value().size() + networks.value().size());
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(homeA_.isValid() && homeB_.isValid() && files_.isValid());
        client_ = test::makeClient();
        prefix_ = QString::fromStdString(test::uniqueName("slipenv"));
    }

    void cleanupTestCase() {
        if (!client_)
            return;
        // Whatever a failed test left: every project of this run.
        for (const QString &home : {homeA_.path(), homeB_.path()})
            slipctl(home, {"env", "down", "--mine"});
    }

    void badInputIsRefusedBeforeAnyCall() {
        auto r = slipctl(homeA_.path(), {"env", "up"});
        QCOMPARE(r.exitCode, 2);
        r = slipctl(homeA_.path(), {"env", "up", "x", "--var", "NOEQUALS"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--var \"NOEQUALS\""), r.err.constData());
        r = slipctl(homeA_.path(), {"env", "down"});
        QCOMPARE(r.exitCode, 2);
        r = slipctl(homeA_.path(), {"env", "up", "no-such-template"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no-such-template"), r.err.constData());
    }

    void upListDownAcrossTwoWorkstations() {
        const QString name = prefix_ + QStringLiteral("-web");
        const QString file =
            copyTemplate("guiweb", files_.path(), prefix_ + QStringLiteral("-tpl"));
        auto up = slipctl(homeA_.path(), {"env", "up", file, "--name", name, "--var",
                                          "REGISTRY=" + test::registry(), "--json"});
        QVERIFY2(up.finished && up.exitCode == 0, up.err.constData());
        const QJsonObject env = object(up.out);
        QCOMPARE(env["ok"].toBool(), true);
        QCOMPARE(env["name"].toString(), name);
        QCOMPARE(env["state"].toString(), QStringLiteral("ready"));
        QCOMPARE(env["template"].toString(), prefix_ + QStringLiteral("-tpl"));
        QCOMPARE(env["services"].toArray().size(), 2);
        QVERIFY(projectObjects(name) >= 3); // two containers and the default network

        auto ls = slipctl(homeA_.path(), {"env", "ls", "--json"});
        QCOMPARE(ls.exitCode, 0);
        const QJsonArray listed = QJsonDocument::fromJson(ls.out).array();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed[0].toObject()["name"].toString(), name);

        // Workstation B's store has no such environment: it refuses and touches nothing.
        auto foreign = slipctl(homeB_.path(), {"env", "down", name});
        QCOMPARE(foreign.exitCode, 2);
        QVERIFY2(foreign.err.contains(name.toUtf8()), foreign.err.constData());
        QVERIFY(projectObjects(name) >= 3);

        auto down = slipctl(homeA_.path(), {"env", "down", name, "--json"});
        QVERIFY2(down.exitCode == 0, down.err.constData());
        QCOMPARE(projectObjects(name), 0);
        auto all = slipctl(homeA_.path(), {"env", "ls", "--all", "--json"});
        const QJsonArray ended = QJsonDocument::fromJson(all.out).array();
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended[0].toObject()["state"].toString(), QStringLiteral("recycled"));
        QVERIFY(!ended[0].toObject()["recycledAt"].toString().isEmpty());
    }

    void kindVariablesVersionsAndDiff() {
        // env up imports the file (a failed provision still imports): version 1.
        const QString tpl = prefix_ + QStringLiteral("-vars");
        const QString file = copyTemplate("guiweb", files_.path(), tpl);
        auto vars = slipctl(homeA_.path(), {"env", "vars", tpl, "--kind", "test"});
        QCOMPARE(vars.exitCode, 2); // not stored yet: named
        QVERIFY2(vars.err.contains(tpl.toUtf8()), vars.err.constData());
        auto up = slipctl(homeA_.path(), {"env", "up", file, "--name", prefix_ + "-v1"});
        QCOMPARE(up.exitCode, 1); // REGISTRY is required and nothing gave it
        QVERIFY2(up.err.contains("set REGISTRY to the test registry"), up.err.constData());
        // The kind gives it from now on: validate --kind resolves, a secret keeps its name only.
        vars = slipctl(homeA_.path(),
                       {"env", "vars", tpl, "--kind", "test", "--set",
                        "REGISTRY=" + test::registry(), "--secret", "DB_PASSWORD", "--json"});
        QVERIFY2(vars.exitCode == 0, vars.err.constData());
        const QJsonArray listed = QJsonDocument::fromJson(vars.out).array();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed[0].toObject()["key"].toString(), QStringLiteral("DB_PASSWORD"));
        QCOMPARE(listed[0].toObject()["value"].toString(), QStringLiteral("******"));
        auto refused = slipctl(homeA_.path(),
                               {"env", "vars", tpl, "--kind", "test", "--set", "API_TOKEN=plain"});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(!refused.err.contains("plain"));
        auto validate =
            test::runSlipctl({"env", "validate", file, "--kind", "test"}, homeA_.path());
        QVERIFY2(validate.exitCode == 0, validate.err.constData());
        QVERIFY(validate.out.contains((test::registry() + "/slipway/web:1.1.0").toUtf8()));

        // A changed file is version 2, and diff shows the change.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text.replace("retries: 5", "retries: 9"));
        f.close();
        up = slipctl(homeA_.path(), {"env", "up", file, "--name", prefix_ + "-v2", "--var",
                                     "REGISTRY=127.0.0.1:1"}); // fails fast: nothing to pull
        QVERIFY(up.finished);
        auto versions = slipctl(homeA_.path(), {"env", "versions", tpl, "--json"});
        QCOMPARE(QJsonDocument::fromJson(versions.out).array().size(), 2);
        auto diff = slipctl(homeA_.path(), {"env", "diff", tpl});
        QCOMPARE(diff.exitCode, 0);
        QVERIFY2(diff.out.contains("-      retries: 5") && diff.out.contains("+      retries: 9"),
                 diff.out.constData());
        QCOMPARE(projectObjects(prefix_ + "-v2"), 0);
    }

    void aKilledProvisionIsSweptByTheNextRun() {
        const QString name = prefix_ + QStringLiteral("-killed");
        const QString file =
            copyTemplate("guiweb", files_.path(), prefix_ + QStringLiteral("-killtpl"));
        QProcess up;
        up.setProcessEnvironment(test::cleanEnvironment(homeA_.path()));
        up.start(QStringLiteral(SLIPWAY_SLIPCTL),
                 {"env", "up", file, "--name", name, "--var", "REGISTRY=" + test::registry(),
                  "--host", test::dockerHost()});
        QVERIFY(up.waitForStarted());
        // Killed (no chance to clean up) as soon as it has created something.
        QVERIFY(QTest::qWaitFor([&] { return projectObjects(name) > 0; }, 60000));
        up.kill();
        QVERIFY(up.waitForFinished(10000));
        QVERIFY(projectObjects(name) > 0);
        // The next run of this workstation finds the record its dead owner left, removes what
        // it made, and says so in the record.
        auto ls = slipctl(homeA_.path(), {"env", "ls", "--all", "--json"});
        QVERIFY2(ls.exitCode == 0, ls.err.constData());
        QJsonObject record;
        for (const auto &e : QJsonDocument::fromJson(ls.out).array())
            if (e.toObject()["name"].toString() == name)
                record = e.toObject();
        QCOMPARE(record["state"].toString(), QStringLiteral("failed"));
        QVERIFY2(record["error"].toString().contains("Interrupted"), ls.out.constData());
        QCOMPARE(projectObjects(name), 0);
    }

    void ctrlCCancelsAndLeavesNothing() {
        const QString name = prefix_ + QStringLiteral("-int");
        const QString file =
            copyTemplate("guiweb", files_.path(), prefix_ + QStringLiteral("-inttpl"));
        QProcess up;
        up.setProcessEnvironment(test::cleanEnvironment(homeA_.path()));
        up.start(QStringLiteral(SLIPWAY_SLIPCTL),
                 {"env", "up", file, "--name", name, "--var", "REGISTRY=" + test::registry(),
                  "--host", test::dockerHost(), "--json"});
        QVERIFY(up.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return projectObjects(name) > 0; }, 60000));
        ::kill(pid_t(up.processId()), SIGINT);
        QVERIFY(up.waitForFinished(60000));
        QCOMPARE(up.exitCode(), 130);
        const QJsonObject env = object(up.readAllStandardOutput());
        QCOMPARE(env["state"].toString(), QStringLiteral("failed"));
        QVERIFY2(env["error"].toString().contains("Cancelled"),
                 qPrintable(env["error"].toString()));
        QCOMPARE(projectObjects(name), 0);
    }

    void aFailedProvisionLeavesNothingAndNamesTheService() {
        const QString name = prefix_ + QStringLiteral("-bad");
        const QString file =
            copyTemplate("unhealthy", files_.path(), prefix_ + QStringLiteral("-unhealthy"));
        auto up = slipctl(homeA_.path(), {"env", "up", file, "--name", name, "--var",
                                          "REGISTRY=" + test::registry(), "--json"});
        QVERIFY(up.finished);
        QCOMPARE(up.exitCode, 1);
        const QJsonObject env = object(up.out);
        QCOMPARE(env["ok"].toBool(), false);
        QVERIFY2(env["error"].toString().contains("web"), up.out.constData());
        QCOMPARE(env["state"].toString(), QStringLiteral("failed"));
        QCOMPARE(projectObjects(name), 0);
    }
};

QTEST_GUILESS_MAIN(TestSlipctlEnv)
#include "tst_slipctl_env.moc"
