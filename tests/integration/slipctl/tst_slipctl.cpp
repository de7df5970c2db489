// slipctl as a user runs it: the real binary against the private engine (plain and TLS), a
// dead socket and a stalled engine. Asserts exit codes, output and that nothing hangs.
#include "tests/support/fakeengine.h"
#include "tests/support/testenv.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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

class TestSlipctl : public QObject {
    Q_OBJECT

    QTemporaryDir home;

    // Runs slipctl with a clean HOME and data directory, so neither the user's docker
    // contexts nor saved hosts leak into the test.
    Run slipctl(const QStringList &args, const QProcessEnvironment &extra = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DOCKER_HOST"));
        env.remove(QStringLiteral("DOCKER_TLS_VERIFY"));
        env.remove(QStringLiteral("DOCKER_CERT_PATH"));
        env.remove(QStringLiteral("DOCKER_CONFIG"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        for (const auto &key : extra.keys())
            env.insert(key, extra.value(key));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SLIPWAY_SLIPCTL), args);
        Run r;
        // A bound so a hang fails the test instead of stalling the suite.
        r.finished = p.waitForFinished(30000);
        if (!r.finished)
            p.kill();
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    static QJsonArray jsonArray(const Run &r) { return QJsonDocument::fromJson(r.out).array(); }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(home.isValid());
    }

    void hostsReportsTheRealEngine() {
        Run r = slipctl({"hosts", "--json", "--host", test::dockerHost()});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray hosts = jsonArray(r);
        QCOMPARE(hosts.size(), 1);
        const QJsonObject h = hosts.first().toObject();
        QCOMPARE(h["up"].toBool(), true);
        QVERIFY(h["engineVersion"].toString().startsWith(QStringLiteral("20.10")));
        QCOMPARE(h["apiVersion"].toString(), QStringLiteral("1.41"));
        QCOMPARE(h["osType"].toString(), QStringLiteral("linux"));
        QVERIFY(h["cpus"].toInt() > 0);
        QVERIFY(h["memoryBytes"].toDouble() > 0);
        QVERIFY(h["images"].toInt() > 0);
        QCOMPARE(h["swarmRole"].toString(), QStringLiteral("manager"));

        Run table = slipctl({"hosts", "--host", test::dockerHost()});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("ENGINE"));
        QVERIFY(table.out.contains("1.41"));
    }

    void hostsFailsFastAndClearlyOnADeadHost() {
        const QString dead = QStringLiteral("unix:///nonexistent/slipway-test.sock");
        Run r = slipctl({"hosts", "--host", test::dockerHost(), "--host", dead});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        // One line per failing host, naming it and why.
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(dead.toUtf8()), r.err.constData());
        QVERIFY2(lines.first().contains("No such file or directory"), r.err.constData());
        // The live host is still reported.
        QVERIFY(r.out.contains("1.41"));
    }

    void hostsGivesUpOnAStalledEngineWithinTheTimeout() {
        test::FakeEngine stalled;
        stalled.on("/_ping", test::FakeEngine::stall());
        Run r = slipctl(
            {"hosts", "--connect-timeout", "1", "--host", QString::fromStdString(stalled.url())});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("timeout"), r.err.constData());
    }

    void hostsRefusesABadUrl() {
        Run r = slipctl({"hosts", "--host", "ssh://user@build-host"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("ssh"), r.err.constData());
    }

    void tlsFromTheDockerEnvironment() {
        const QString tlsHost = qEnvironmentVariable("SLIPWAY_TEST_DOCKER_TLS_HOST");
        const QString certs = qEnvironmentVariable("SLIPWAY_TEST_DOCKER_CERT_PATH");
        if (tlsHost.isEmpty() || certs.isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QProcessEnvironment env;
        env.insert(QStringLiteral("DOCKER_HOST"), tlsHost);
        env.insert(QStringLiteral("DOCKER_TLS_VERIFY"), QStringLiteral("1"));
        env.insert(QStringLiteral("DOCKER_CERT_PATH"), certs);
        Run r = slipctl({"hosts", "--json"}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject h = jsonArray(r).first().toObject();
        QCOMPARE(h["up"].toBool(), true);
        QCOMPARE(h["tls"].toBool(), true);
        QCOMPARE(h["tlsVerifyOff"].toBool(), false);
        QCOMPARE(h["apiVersion"].toString(), QStringLiteral("1.41"));

        // The engine demands a client certificate: plain TCP is refused, not answered.
        QProcessEnvironment plain;
        plain.insert(QStringLiteral("DOCKER_HOST"), tlsHost);
        Run refused = slipctl({"hosts", "--timeout", "3"}, plain);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(tlsHost.toUtf8()), refused.err.constData());
    }

    void psListsContainersAcrossHosts() {
        auto client = test::makeClient();
        engine::ContainerCreate spec;
        spec.name = test::uniqueName("slipctl-ps");
        spec.image = "slipway/base:1";
        spec.cmd = {"sleep", "60"};
        spec.labels = {{"slipway.app", "slipctl-test"}, {"slipway.env", "ci"}};
        auto id = client->createContainer(spec).wait();
        QVERIFY2(id.ok(), test::describe(id).constData());

        Run all = slipctl({"ps", "--all", "--json", "--host", test::dockerHost()});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        bool found = false;
        for (const auto &v : jsonArray(all)) {
            const QJsonObject c = v.toObject();
            if (c["id"].toString().toStdString() != id.value())
                continue;
            found = true;
            QCOMPARE(c["name"].toString().toStdString(), spec.name);
            QCOMPARE(c["state"].toString(), QStringLiteral("created"));
            QCOMPARE(c["labels"].toObject()["slipway.app"].toString(),
                     QStringLiteral("slipctl-test"));
            QCOMPARE(c["host"].toString(), test::dockerHost());
        }
        QVERIFY(found);

        // Without --all only running containers are listed.
        Run running = slipctl({"ps", "--host", test::dockerHost()});
        QCOMPARE(running.exitCode, 0);
        QVERIFY(running.out.contains("CONTAINER ID"));
        QVERIFY(!running.out.contains(QByteArray::fromStdString(spec.name)));

        // A dead host fails the command but the others are still listed.
        Run partial = slipctl({"ps", "--all", "--host", test::dockerHost(), "--host",
                               "unix:///nonexistent/slipway-test.sock"});
        QCOMPARE(partial.exitCode, 1);
        QVERIFY(partial.out.contains(QByteArray::fromStdString(spec.name)));
        QVERIFY(partial.err.contains("nonexistent"));

        QVERIFY(client->removeContainer(id.value(), true).wait().ok());
    }

    void withNothingConfiguredItSaysHowToAddAHost() {
        Run r = slipctl({"hosts", "--timeout", "2"});
        QVERIFY(r.finished);
        if (QFileInfo::exists(QStringLiteral("/var/run/docker.sock"))) {
            // The local engine is the fallback when nothing else is configured.
            QVERIFY2(r.out.contains("local") || r.err.contains("/var/run/docker.sock"),
                     r.out.constData());
        } else {
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("no hosts"), r.err.constData());
        }
    }

    void unknownCommandIsAUsageError() {
        Run r = slipctl({"frobnicate"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("frobnicate"));
        QVERIFY(r.err.contains("Usage"));
    }
};

QTEST_GUILESS_MAIN(TestSlipctl)
#include "tst_slipctl.moc"
