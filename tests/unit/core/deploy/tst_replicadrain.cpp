// ReplicaDrain::wrapHealthTest: shell and exec-form health checks become shell commands that
// fail while the drain marker exists and otherwise run the check as it was, quoting intact.
// timeToUnhealthy takes each of interval, timeout and retries from the container, else the
// image, else Docker's defaults.
#include "core/deploy/replicadrain.h"

#include <QProcess>
#include <QtTest>

using slipway::core::ReplicaDrain;
using slipway::engine::HealthConfig;
using namespace std::chrono_literals;

class TestReplicaDrain : public QObject {
    Q_OBJECT

    // Runs a wrapped test's shell command with this machine's /bin/sh; its standard output.
    static QString runShell(const std::vector<std::string> &test, int *exitCode) {
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"), QString::fromStdString(test.at(1))});
        sh.waitForFinished(10000);
        *exitCode = sh.exitCode();
        return QString::fromUtf8(sh.readAllStandardOutput());
    }

private slots:
    void shellFormKeepsItsCommand() {
        const auto wrapped = ReplicaDrain::wrapHealthTest({"CMD-SHELL", "curl -f localhost"});
        QCOMPARE(wrapped.size(), std::size_t(2));
        QCOMPARE(wrapped[0], std::string("CMD-SHELL"));
        QVERIFY(wrapped[1].find(ReplicaDrain::kMarker) != std::string::npos);
        QVERIFY(wrapped[1].size() > std::string("curl -f localhost").size());
        QVERIFY(wrapped[1].ends_with("curl -f localhost"));
        QVERIFY(!ReplicaDrain::needsShell({"CMD-SHELL", "true"}));
    }

    void execFormIsQuoted() {
        const std::vector<std::string> test = {"CMD", "printf", "%s|%s", "it's", "a b"};
        QVERIFY(ReplicaDrain::needsShell(test));
        const auto wrapped = ReplicaDrain::wrapHealthTest(test);
        QCOMPARE(wrapped.size(), std::size_t(2));
        int code = -1;
        // No marker on this machine: the check runs, each argument exactly as it was.
        QCOMPARE(runShell(wrapped, &code), QStringLiteral("it's|a b"));
        QCOMPARE(code, 0);
        int failing = -1;
        runShell(ReplicaDrain::wrapHealthTest({"CMD", "false"}), &failing);
        QCOMPARE(failing, 1);
    }

    void timeToUnhealthy() {
        constexpr std::int64_t s = 1'000'000'000;
        // 1 ns interval and timeout, 1 retry: nothing but the engine's slack.
        const auto slack = ReplicaDrain::timeToUnhealthy(HealthConfig{{}, 1, 1, 0, 1}, {});
        QVERIFY(slack > 0ms && slack < 10s);
        // Docker's defaults: a 30 s check under way, then 3 failing ones 30 s apart.
        QCOMPARE(ReplicaDrain::timeToUnhealthy({}, {}), 120s + slack);
        QCOMPARE(ReplicaDrain::timeToUnhealthy(HealthConfig{}, HealthConfig{}), 120s + slack);
        // The web test images: interval 1 s, timeout 1 s, 2 retries.
        const HealthConfig web{{"CMD", "true"}, 1 * s, 1 * s, 1 * s, 2};
        QCOMPARE(ReplicaDrain::timeToUnhealthy({}, web), 3s + slack);
        // The container's own fields win, its zeros are the image's.
        const HealthConfig fast{{"CMD-SHELL", "true"}, 2 * s, 0, 0, 0};
        QCOMPARE(ReplicaDrain::timeToUnhealthy(fast, web), 5s + slack);
        QCOMPARE(ReplicaDrain::timeToUnhealthy(fast, {}), 36s + slack);
    }

    void nothingToWrap() {
        QVERIFY(ReplicaDrain::wrapHealthTest({}).empty());
        QVERIFY(ReplicaDrain::wrapHealthTest({"NONE"}).empty());
        QVERIFY(ReplicaDrain::wrapHealthTest({"CMD-SHELL", ""}).empty());
        QVERIFY(ReplicaDrain::wrapHealthTest({"CMD"}).empty());
    }
};

QTEST_GUILESS_MAIN(TestReplicaDrain)
#include "tst_replicadrain.moc"
