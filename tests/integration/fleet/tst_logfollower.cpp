// LogFollower against the private engine: lines written to stdout and stderr arrive in order,
// marked with their stream and the engine's timestamp; the tail is honoured; pausing stops
// the deliveries but keeps buffering, and resuming delivers the held lines without a gap;
// stop() cancels the stream; a container that stops ends the stream, and reconnect() after it
// starts again follows on without repeating lines; the buffer stays bounded under a flood.
#include "core/fleet/logfollower.h"
#include "engine/dockerclient.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testenv.h"

#include <QtTest>

using namespace slipway;
using core::LogEntry;
using core::LogFollower;
using State = LogFollower::State;

namespace {

const QString kHost = QStringLiteral("cli:logs-test");

// What a view would show: every delivered line, in delivery order.
struct Collector {
    QList<LogEntry> lines;
    int deliveries = 0;
    quint64 skipped = 0;

    void attach(LogFollower *f) {
        QObject::connect(f, &LogFollower::appended, f,
                         [this](const QList<LogEntry> &batch, quint64 gap) {
                             ++deliveries;
                             skipped += gap;
                             lines.append(batch);
                         });
        QObject::connect(f, &LogFollower::cleared, f, [this] { lines.clear(); });
    }
    QStringList texts() const {
        QStringList t;
        for (const auto &l : lines)
            t.append(l.text);
        return t;
    }
    bool has(const QString &text) const { return texts().contains(text); }
};

} // namespace

class TestLogFollower : public QObject {
    Q_OBJECT

    std::shared_ptr<engine::DockerClient> client_;
    std::vector<std::string> created_;

    std::unique_ptr<LogFollower> makeFollower(LogFollower::Options options = {}) {
        return std::make_unique<LogFollower>(
            [this](const QString &host) { return host == kHost ? client_ : nullptr; }, options);
    }

    // A started slipway/base container running `script` under sh; its ID, or empty.
    QString run(const std::string &script) {
        engine::ContainerCreate spec;
        spec.name = test::uniqueName("slipway-logs");
        spec.image = "slipway/base:1";
        spec.cmd = {"sh", "-c", script};
        spec.labels = {{"slipway.test", "logfollower"}};
        auto created = test::waitFor(client_->createContainer(spec), std::chrono::seconds(60));
        if (!created || !created->ok())
            return {};
        created_.push_back(created->value());
        auto started =
            test::waitFor(client_->startContainer(created->value()), std::chrono::seconds(60));
        if (!started || !started->ok())
            return {};
        return QString::fromStdString(created->value());
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        client_ = test::makeClient();
        QVERIFY(client_);
    }

    void cleanupTestCase() {
        for (const auto &id : created_)
            (void)test::waitFor(client_->removeContainer(id, true), std::chrono::seconds(30));
    }

    void timestampsAreParsed() {
        qint64 ns = 0;
        const std::string line = "2024-05-01T10:00:00.123456789Z hello";
        QCOMPARE(LogEntry::parseTimestamp(line, &ns), std::size_t(30));
        QCOMPARE(ns, Q_INT64_C(1714557600123456789));
        LogEntry e = LogEntry::fromEngine(line, true, true);
        QCOMPARE(e.text, QStringLiteral("hello"));
        QVERIFY(e.isStderr());
        QCOMPARE(e.time().toMSecsSinceEpoch(), Q_INT64_C(1714557600123));
        QCOMPARE(LogEntry::parseTimestamp("2024-05-01T12:00:00+02:00 x", &ns), std::size_t(25));
        QCOMPARE(ns, Q_INT64_C(1714557600000000000));
        QCOMPARE(LogEntry::parseTimestamp("not a time", &ns), std::size_t(0));
        QCOMPARE(LogEntry::fromEngine("no time here", false, true).text,
                 QStringLiteral("no time here"));
    }

    void stdoutAndStderrArriveInOrderWithTheirStream() {
        const QString id = run("for i in 1 2 3 4 5; do echo out-$i; sleep 0.2; echo err-$i >&2; "
                               "sleep 0.2; done; echo done; sleep 600");
        QVERIFY(!id.isEmpty());
        auto f = makeFollower();
        Collector c;
        c.attach(f.get());
        QSignalSpy states(f.get(), &LogFollower::stateChanged);
        f->follow(kHost, id);
        QCOMPARE(f->state(), State::Starting);
        QVERIFY2(test::waitFor([&] { return c.has("done"); }, std::chrono::seconds(30)),
                 qPrintable(c.texts().join(',') + " / " + f->error()));
        QCOMPARE(f->state(), State::Following);
        QCOMPARE(c.texts(), (QStringList{"out-1", "err-1", "out-2", "err-2", "out-3", "err-3",
                                         "out-4", "err-4", "out-5", "err-5", "done"}));
        qint64 previous = 0;
        for (const LogEntry &l : std::as_const(c.lines)) {
            QCOMPARE(l.isStderr(), l.text.startsWith("err-"));
            QVERIFY2(l.timeNs > 0, qPrintable(l.text));
            QVERIFY(l.timeNs >= previous);
            QVERIFY(!l.timeText().isEmpty());
            previous = l.timeNs;
        }
        QCOMPARE(int(f->lines().size()), c.lines.size());
        QCOMPARE(f->lines().back().seq, quint64(11));

        // stop() cancels the stream: the state says so, and nothing more comes.
        f->stop();
        QCOMPARE(f->state(), State::Idle);
        QVERIFY(!f->isActive());
        QCOMPARE(int(f->lines().size()), 11); // the buffer stays

        // The tail: only the last three lines of history.
        LogFollower::Options o;
        o.tail = 3;
        auto tail = makeFollower(o);
        Collector t;
        t.attach(tail.get());
        tail->follow(kHost, id);
        QVERIFY(test::waitFor([&] { return t.lines.size() >= 3; }, std::chrono::seconds(30)));
        QTest::qWait(300);
        QCOMPARE(t.texts(), (QStringList{"out-5", "err-5", "done"}));
        QVERIFY(t.lines[1].isStderr());
    }

    void pauseKeepsBufferingAndResumeDeliversWithoutAGap() {
        const QString id = run("i=0; while :; do i=$((i+1)); echo tick-$i; sleep 0.05; done");
        QVERIFY(!id.isEmpty());
        auto f = makeFollower();
        Collector c;
        c.attach(f.get());
        f->follow(kHost, id);
        QVERIFY(test::waitFor([&] { return c.lines.size() >= 3; }, std::chrono::seconds(30)));

        QSignalSpy paused(f.get(), &LogFollower::pausedChanged);
        f->pause();
        QVERIFY(f->isPaused());
        QCOMPARE(paused.size(), 1);
        const int shown = int(c.lines.size());
        const int held = int(f->lines().size());
        // The stream goes on into the buffer, but nothing is delivered.
        QVERIFY(test::waitFor([&] { return f->pendingCount() >= 5; }, std::chrono::seconds(30)));
        QCOMPARE(c.lines.size(), shown);
        QVERIFY(int(f->lines().size()) >= held + 5);

        f->resume();
        QVERIFY(!f->isPaused());
        QCOMPARE(f->pendingCount(), 0);
        QVERIFY(c.lines.size() >= shown + 5);
        QVERIFY(
            test::waitFor([&] { return c.lines.size() >= shown + 10; }, std::chrono::seconds(30)));
        // Every tick once, in order: nothing lost or repeated across the pause.
        const QStringList texts = c.texts();
        const int first = texts.first().mid(5).toInt();
        for (int i = 0; i < texts.size(); ++i)
            QCOMPARE(texts[i], QStringLiteral("tick-%1").arg(first + i));
        QCOMPARE(c.skipped, quint64(0));

        // stop() ends the deliveries for good.
        f->stop();
        const int atStop = int(c.lines.size());
        QTest::qWait(500);
        QCOMPARE(c.lines.size(), atStop);
        QCOMPARE(f->state(), State::Idle);
    }

    void aStoppedContainerEndsTheStreamAndReconnectFollowsOn() {
        const QString id = run("echo one; sleep 0.2; echo two >&2; sleep 1; echo three");
        QVERIFY(!id.isEmpty());
        auto f = makeFollower();
        Collector c;
        c.attach(f.get());
        f->follow(kHost, id);
        QVERIFY2(
            test::waitFor([&] { return f->state() == State::Ended; }, std::chrono::seconds(30)),
            qPrintable(f->error()));
        QCOMPARE(c.texts(), (QStringList{"one", "two", "three"}));

        // Started again, it writes the same lines again: reconnect() shows the new ones only.
        QTest::qWait(1100); // a new second, as the engine's `since` counts whole seconds
        auto started =
            test::waitFor(client_->startContainer(id.toStdString()), std::chrono::seconds(30));
        QVERIFY(started && started->ok());
        f->reconnect();
        QVERIFY(test::waitFor([&] { return c.lines.size() >= 6; }, std::chrono::seconds(30)));
        QVERIFY(
            test::waitFor([&] { return f->state() == State::Ended; }, std::chrono::seconds(30)));
        QCOMPARE(c.texts(), (QStringList{"one", "two", "three", "one", "two", "three"}));
        QVERIFY(c.lines[4].isStderr());
    }

    void theBufferStaysBoundedUnderAFlood() {
        const QString id = run("seq 1 5000; sleep 1; seq 1 500 >&2");
        QVERIFY(!id.isEmpty());
        LogFollower::Options o;
        o.maxLines = 200;
        o.tail = 100000;
        auto f = makeFollower(o);
        Collector c;
        c.attach(f.get());
        f->follow(kHost, id);
        QVERIFY(
            test::waitFor([&] { return f->state() == State::Ended; }, std::chrono::seconds(30)));
        QCOMPARE(int(f->lines().size()), 200);
        QCOMPARE(f->lines().back().text, QStringLiteral("500"));
        QVERIFY(f->lines().back().isStderr());
        // Delivered in batches, never one event per line.
        qInfo("5500 lines came in %d deliveries; %llu skipped", c.deliveries,
              static_cast<unsigned long long>(c.skipped));
        QVERIFY(c.deliveries < 5500);
        QCOMPARE(quint64(c.lines.size()) + c.skipped, quint64(5500));
        QCOMPARE(f->skippedCount(), c.skipped);
    }

    void aMissingContainerFails() {
        auto f = makeFollower();
        f->follow(kHost, "slipway-no-such-container");
        QVERIFY(
            test::waitFor([&] { return f->state() == State::Failed; }, std::chrono::seconds(30)));
        QVERIFY2(f->error().contains("No such container"), qPrintable(f->error()));

        f->follow("cli:nowhere", "x");
        QCOMPARE(f->state(), State::Failed);
        QVERIFY(f->error().contains("cli:nowhere"));
    }
};

QTEST_MAIN(TestLogFollower)
#include "tst_logfollower.moc"
