// ContainerDetailsLoader against the private engine: a labelled web container created the
// way an operator would (docker create with env, labels, a volume, a read-only bind, a
// published port, a restart policy and a network alias) is inspected, and every field the
// details pane shows comes back on the GUI thread, including the health log of the image's
// healthcheck. A missing container and an unknown host fail with a message.
#include "core/fleet/containerdetails.h"
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testenv.h"

#include <QProcess>
#include <QThread>
#include <QtTest>

using namespace slipway;
using core::ContainerDetails;
using core::ContainerDetailsLoader;

namespace {

const QString kHost = QStringLiteral("cli:details-test");

} // namespace

class TestContainerDetails : public QObject {
    Q_OBJECT

    std::shared_ptr<engine::DockerClient> client_;
    std::unique_ptr<ContainerDetailsLoader> loader_;
    QString name_;
    QString network_;
    QString id_;

    static bool docker(const QStringList &args, QByteArray *output) {
        QProcess p;
        p.start(QStringLiteral("docker"), QStringList{"-H", test::dockerHost()} + args);
        const bool finished = p.waitForFinished(120000); // bounded: a hang fails the test
        if (!finished)
            p.kill();
        const bool ok = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        // The output when it worked, the complaint when not.
        *output = ok ? p.readAllStandardOutput().trimmed() : p.readAllStandardError().trimmed();
        return ok;
    }

    // Loads through the loader and waits (bounded) for its answer on this thread.
    bool load(const QString &host, const QString &id, ContainerDetails *details, QString *error,
              quint64 *request = nullptr) {
        bool done = false;
        bool ok = false;
        const quint64 r =
            loader_->load(host, id, [&](bool success, const ContainerDetails &d, const QString &e) {
                done = true;
                ok = success;
                *details = d;
                *error = e;
            });
        if (request)
            *request = r;
        if (!test::waitFor([&] { return done; }, std::chrono::seconds(30)))
            *error = QStringLiteral("no answer within 30 s");
        return ok;
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        client_ = test::makeClient();
        QVERIFY(client_);
        loader_ = std::make_unique<ContainerDetailsLoader>(
            [this](const QString &host) { return host == kHost ? client_ : nullptr; });

        name_ = QString::fromStdString(test::uniqueName("slipway-details"));
        network_ = name_ + "-net";
        auto net = test::waitFor(
            client_->createNetwork(network_.toStdString(), {{"slipway.test", "details"}}),
            std::chrono::seconds(30));
        QVERIFY(net && net->ok());
        QByteArray out;
        QVERIFY2(docker({"create",
                         "--name",
                         name_,
                         "--label",
                         "slipway.app=details-app",
                         "--label",
                         "slipway.env=test",
                         "--label",
                         "team=ops",
                         "--env",
                         "GREETING=hello world",
                         "--env",
                         "EMPTY=",
                         "--volume",
                         "/data",
                         "--volume",
                         "/tmp:/host-tmp:ro",
                         "--publish",
                         "127.0.0.1::8080",
                         "--restart",
                         "on-failure:3",
                         "--network",
                         network_,
                         "--network-alias",
                         "webalias",
                         "slipway/web:1.2.0"},
                        &out),
                 out.constData());
        id_ = QString::fromUtf8(out).trimmed();
        auto started =
            test::waitFor(client_->startContainer(id_.toStdString()), std::chrono::seconds(30));
        QVERIFY2(started && started->ok(), started ? test::describe(*started).constData() : "");
    }

    void cleanupTestCase() {
        if (!client_)
            return;
        if (!id_.isEmpty())
            (void)test::waitFor(client_->removeContainer(id_.toStdString(), true, true),
                                std::chrono::seconds(30));
        if (!network_.isEmpty())
            (void)test::waitFor(client_->removeNetwork(network_.toStdString()),
                                std::chrono::seconds(30));
        loader_.reset();
    }

    void timesAreParsed() {
        const QDateTime t = ContainerDetails::parseTime(u"2024-05-01T10:00:00.123456789Z");
        QVERIFY(t.isValid());
        QCOMPARE(t.toMSecsSinceEpoch(), Q_INT64_C(1714557600123));
        QCOMPARE(ContainerDetails::parseTime(u"2024-05-01T12:00:00.5+02:00").toMSecsSinceEpoch(),
                 Q_INT64_C(1714557600500));
        QVERIFY(!ContainerDetails::parseTime(u"0001-01-01T00:00:00Z").isValid());
        QVERIFY(!ContainerDetails::parseTime(u"yesterday").isValid());
    }

    void everyFieldOfALabelledWebContainer() {
        ContainerDetails d;
        QString error;
        // The image's healthcheck runs every second: wait for its first entries.
        QVERIFY(test::waitFor(
            [&] {
                if (!load(kHost, id_, &d, &error))
                    return false;
                return !d.healthLog.isEmpty() && d.health == QLatin1String("healthy");
            },
            std::chrono::seconds(60)));
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QCOMPARE(d.hostId, kHost);
        QCOMPARE(d.id, id_);
        QCOMPARE(d.name, name_);
        QCOMPARE(d.image, QStringLiteral("slipway/web:1.2.0"));
        QVERIFY(d.imageId.startsWith("sha256:"));
        QVERIFY(d.created.isValid());
        QCOMPARE(d.state, QStringLiteral("running"));
        QVERIFY(d.pid > 0);
        QVERIFY(d.startedAt.isValid());
        QVERIFY(d.startedAt >= d.created);

        // Command: the image's entrypoint and command.
        QCOMPARE(d.entrypoint, QStringList{"/bin/slipway-init"});
        QCOMPARE(d.command, (QStringList{"busybox", "httpd", "-f", "-p", "8080", "-h", "/www"}));
        QCOMPARE(d.commandLine(),
                 QStringLiteral("/bin/slipway-init busybox httpd -f -p 8080 -h /www"));

        // Environment, in order, with the value that has a space and the empty one.
        QCOMPARE(d.env(u"GREETING"), QStringLiteral("hello world"));
        QVERIFY(std::any_of(d.environment.begin(), d.environment.end(), [](const auto &e) {
            return e.first == "EMPTY" && e.second.isEmpty();
        }));
        QVERIFY(!d.env(u"PATH").isEmpty()); // from the image

        // Labels, sorted.
        QCOMPARE(d.label(u"slipway.app"), QStringLiteral("details-app"));
        QCOMPARE(d.label(u"slipway.env"), QStringLiteral("test"));
        QCOMPARE(d.label(u"team"), QStringLiteral("ops"));
        QVERIFY(std::is_sorted(d.labels.begin(), d.labels.end()));

        // Restart policy.
        QCOMPARE(d.restartPolicy, QStringLiteral("on-failure"));
        QCOMPARE(d.restartMaxRetries, 3);
        QVERIFY(d.restartPolicyText().startsWith("on-failure"));
        QVERIFY(d.restartPolicyText().contains('3'));

        // The published port, on loopback, with the port the engine chose.
        QCOMPARE(d.ports.size(), 1);
        QCOMPARE(d.ports[0].containerPort, QStringLiteral("8080/tcp"));
        QCOMPARE(d.ports[0].hostIp, QStringLiteral("127.0.0.1"));
        QVERIFY(d.ports[0].hostPort.toInt() > 0);

        // The network with its address and our alias.
        QCOMPARE(d.networks.size(), 1);
        QCOMPARE(d.networks[0].name, network_);
        QVERIFY(!d.networks[0].id.isEmpty());
        QVERIFY2(!d.networks[0].ipAddress.isEmpty(), "a running container has an address");
        QVERIFY(d.networks[0].aliases.contains("webalias"));

        // The anonymous volume and the read-only bind.
        QCOMPARE(d.mounts.size(), 2);
        const auto mount = [&](const QString &destination) {
            for (const auto &m : d.mounts)
                if (m.destination == destination)
                    return m;
            return ContainerDetails::Mount{};
        };
        QCOMPARE(mount("/data").type, QStringLiteral("volume"));
        QVERIFY(!mount("/data").name.isEmpty());
        QVERIFY(mount("/data").readWrite);
        QCOMPARE(mount("/host-tmp").type, QStringLiteral("bind"));
        QCOMPARE(mount("/host-tmp").source, QStringLiteral("/tmp"));
        QVERIFY(!mount("/host-tmp").readWrite);

        // Health: the image's test and the log of its runs.
        QCOMPARE(d.health, QStringLiteral("healthy"));
        QVERIFY(d.healthTest.contains("wget"));
        const auto &check = d.healthLog.last();
        QCOMPARE(check.exitCode, 0);
        QVERIFY(check.start.isValid());
        QVERIFY(check.end >= check.start);
    }

    void aStoppedContainerStillNamesItsPorts() {
        auto stopped =
            test::waitFor(client_->stopContainer(id_.toStdString(), 1), std::chrono::seconds(30));
        QVERIFY(stopped && stopped->ok());
        ContainerDetails d;
        QString error;
        QVERIFY2(load(kHost, id_, &d, &error), qPrintable(error));
        QCOMPARE(d.state, QStringLiteral("exited"));
        QVERIFY(d.finishedAt.isValid());
        QVERIFY(!d.ports.isEmpty());
        QCOMPARE(d.ports[0].containerPort, QStringLiteral("8080/tcp"));
        QVERIFY(d.networks[0].ipAddress.isEmpty());
    }

    void aMissingContainerFailsWithTheDaemonsWords() {
        QSignalSpy failed(loader_.get(), &ContainerDetailsLoader::failed);
        ContainerDetails d;
        QString error;
        quint64 request = 0;
        QVERIFY(!load(kHost, "slipway-no-such-container", &d, &error, &request));
        QVERIFY2(error.contains("No such container"), qPrintable(error));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0][0].toULongLong(), request);
        QCOMPARE(failed[0][2].toString(), QStringLiteral("slipway-no-such-container"));
    }

    void anUnknownHostFails() {
        ContainerDetails d;
        QString error;
        QVERIFY(!load("cli:nowhere", id_, &d, &error));
        QVERIFY2(error.contains("cli:nowhere"), qPrintable(error));
    }
};

QTEST_MAIN(TestContainerDetails)
#include "tst_containerdetails.moc"
