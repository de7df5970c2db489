// HelperImage against the private engine: loaded when missing, remembered, and runnable.
#include "core/locks/helperimage.h"
#include "engine/dockerclient.h"
#include "tests/support/testenv.h"

#include <QtTest>

using namespace slipway;
using namespace slipway::engine;

class TestHelperImage : public QObject {
    Q_OBJECT

    std::shared_ptr<DockerClient> client;
    std::vector<std::string> containers;

    core::DeployHost host(const QString &id) const {
        return {id, QStringLiteral("lock-engine"), test::dockerHost(), client, true};
    }

    // Runs `cmd` in a container of the helper image; its exit code, or -1.
    int run(const std::vector<std::string> &cmd) {
        ContainerCreate spec;
        spec.name = test::uniqueName("lock-helper");
        spec.image = core::HelperImage::reference().toStdString();
        spec.cmd = cmd;
        spec.networkMode = "none";
        auto id = client->createContainer(spec).wait();
        if (!id) {
            qWarning() << test::describe(id);
            return -1;
        }
        containers.push_back(id.value());
        if (!client->startContainer(id.value()).wait())
            return -1;
        int code = -1;
        const bool ended = test::waitFor([&] {
            auto inspected = client->inspectContainer(id.value()).wait();
            if (!inspected || inspected.value().state.running ||
                inspected.value().state.status == "created")
                return false;
            code = inspected.value().state.exitCode;
            return true;
        });
        return ended ? code : -1;
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        client = test::makeClient();
        QVERIFY(client);
    }

    void cleanupTestCase() {
        for (const auto &id : containers)
            (void)client->removeContainer(id, true).wait();
    }

    void referenceNamesItsContent() {
        const QString ref = core::HelperImage::reference();
        QVERIFY2(QRegularExpression(QStringLiteral("^slipway/helper:[0-9a-f]{12}$"))
                     .match(ref)
                     .hasMatch(),
                 qPrintable(ref));
        const QByteArray tar = core::HelperImage::archive();
        QVERIFY(tar.size() > 1000000); // busybox is in it
        QVERIFY(tar.contains("manifest.json"));
        QVERIFY(tar.contains(ref.toUtf8()));
    }

    void loadsWhenMissingAndRemembers() {
        const std::string ref = core::HelperImage::reference().toStdString();
        // Another test may have a container of it right now: then the image stays, and this
        // test shows only that ensure() finds it.
        auto removed = client->removeImage(ref).wait();
        const bool wasRemoved = removed.ok();
        if (wasRemoved)
            QVERIFY(!client->inspectImage(ref).wait().ok());
        else
            qInfo() << "helper image in use, not removed:" << test::describe(removed);

        QString error;
        QCOMPARE(core::HelperImage::ensure(host(QStringLiteral("lock-h1")), &error),
                 QString::fromStdString(ref));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto inspected = client->inspectImage(ref).wait();
        QVERIFY2(inspected.ok(), test::describe(inspected).constData());
        QCOMPARE(core::HelperImage::ensure(host(QStringLiteral("lock-h1")), &error),
                 QString::fromStdString(ref));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void runsBusyboxApplets() {
        QString error;
        QVERIFY2(!core::HelperImage::ensure(host(QStringLiteral("lock-h2")), &error).isEmpty(),
                 qPrintable(error));
        QCOMPARE(run({"busybox", "true"}), 0);
        QCOMPARE(run({"sh", "-c",
                      "wget --help 2>&1 | grep -q 'Usage: wget' && nc --help 2>&1 | grep -q "
                      "'Usage: nc' && sleep 0 && cat /dev/null && test -d /tmp"}),
                 0);
        QCOMPARE(run({"sh", "-c", "exit 7"}), 7); // the exit codes are the commands' own
    }

    void unreachableHostSaysWhich() {
        auto endpoint = Endpoint::parse("unix:///nonexistent/lock-helper.sock");
        QVERIFY(endpoint.ok());
        core::DeployHost dead{QStringLiteral("lock-dead"), QStringLiteral("lock-dead-host"),
                              QStringLiteral("unix:///nonexistent/lock-helper.sock"),
                              std::make_shared<DockerClient>(endpoint.value()), true};
        QString error;
        QVERIFY(core::HelperImage::ensure(dead, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("lock-dead-host")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestHelperImage)
#include "tst_helperimage.moc"
