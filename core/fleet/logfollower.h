// LogFollower: follows one container's log: the last N lines, then what it writes, with the
// engine's timestamps and each line's stream (stdout or stderr). Lines are gathered off the
// GUI thread and handed over in batches (at most one every `batchInterval`), so a chatty
// container cannot flood the event loop; the buffer keeps the newest `maxLines`. Pausing
// stops the deliveries but not the stream: what arrives meanwhile is buffered and delivered
// on resume. Lives on the GUI thread.
#pragma once

#include "core/base/mailbox.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <string_view>

namespace slipway::engine {
class DockerClient;
}

namespace slipway::core {

class HostMonitor;

struct LogEntry {
    enum class Stream { Stdout, Stderr };
    qint64 timeNs = 0; // the engine's timestamp, nanoseconds since the epoch; 0 when unknown
    Stream stream = Stream::Stdout;
    QString text;
    quint64 seq = 0; // numbered from 1 per follow()

    bool isStderr() const { return stream == Stream::Stderr; }
    QDateTime time() const; // UTC, millisecond precision; invalid when unknown
    // "2024-05-01 10:00:00.123" in local time; empty when unknown.
    QString timeText() const;

    // Reads a leading RFC 3339 timestamp ("2024-05-01T10:00:00.123456789Z") as nanoseconds
    // since the epoch; returns the characters it took (0 if there is none).
    static std::size_t parseTimestamp(std::string_view text, qint64 *ns);
    // Splits "TIMESTAMP text" as the engine writes it with timestamps on.
    static LogEntry fromEngine(std::string_view line, bool isStderr, bool timestamped);
};

class LogFollower : public QObject {
    Q_OBJECT

public:
    using ClientLookup = std::function<std::shared_ptr<engine::DockerClient>(const QString &)>;

    enum class State {
        Idle,      // nothing followed, or stopped
        Starting,  // asking the engine
        Following, // the stream is open
        Ended,     // the engine closed the stream: the container stopped
        Failed,    // the engine refused or could not be reached: see error()
    };
    Q_ENUM(State)

    struct Options {
        int tail = 1000;                             // lines of history to start with
        int maxLines = 10000;                        // the buffer keeps the newest this many
        std::chrono::milliseconds batchInterval{50}; // at most one delivery per interval
        // A container that writes nothing keeps a healthy stream quiet, so quiet is no
        // reason to drop it: after `quietCheck` without a line the engine is asked /_ping
        // (bounded by `pingTimeout`), and only a failed ping ends the stream (Failed, with
        // why). TCP keep-alive finds a vanished TCP peer as well (engine/transport).
        std::chrono::milliseconds quietCheck{30000};
        std::chrono::milliseconds pingTimeout{5000};
    };

    LogFollower(ClientLookup lookup, Options options, QObject *parent = nullptr);
    LogFollower(HostMonitor *monitor, Options options, QObject *parent = nullptr);
    explicit LogFollower(HostMonitor *monitor, QObject *parent = nullptr)
        : LogFollower(monitor, Options{}, parent) {}
    ~LogFollower() override;

    // Starts over on `containerId` of `hostId`: cancels what was followed, clears the buffer,
    // and ends a pause.
    void follow(const QString &hostId, const QString &containerId);
    // After the stream ended (the container stopped and started again): follows on from the
    // newest line held, without repeating lines. Does nothing while following.
    void reconnect();
    void stop(); // cancels the stream; keeps the buffer
    void pause();
    void resume();
    void setPaused(bool paused);
    void clear(); // forgets the buffer; the stream goes on

    QString hostId() const { return hostId_; }
    QString containerId() const { return containerId_; }
    State state() const { return state_; }
    QString error() const { return error_; }
    bool isPaused() const { return paused_; }
    bool isActive() const { return state_ == State::Starting || state_ == State::Following; }
    const Options &options() const { return options_; }

    // The newest lines, oldest first, including those held back while paused.
    const std::deque<LogEntry> &lines() const { return lines_; }
    // How many of the newest lines() are held back because of a pause.
    int pendingCount() const { return pending_; }
    // Lines that arrived but left the buffer before anyone saw them (a long pause, a flood).
    quint64 skippedCount() const { return skippedTotal_; }
    // For tests: checks of a quiet stream's engine sent since the follower was made.
    int pingCount() const { return pings_; }

signals:
    // New lines for the view, oldest first. `skipped` lines came before them and were never
    // delivered (the buffer overflowed during a pause or a flood).
    void appended(const QList<slipway::core::LogEntry> &lines, quint64 skipped);
    void cleared(); // the buffer was emptied: a new container, or clear()
    void stateChanged(slipway::core::LogFollower::State state, const QString &error);
    void pausedChanged(bool paused);

private:
    struct Sink;
    void start(qint64 sinceNs);
    void onInspected(const std::shared_ptr<Sink> &sink, bool ok, bool tty, const QString &error);
    void onEnded(const std::shared_ptr<Sink> &sink, bool ok, bool cancelled, const QString &error);
    void drain(const std::shared_ptr<Sink> &sink);
    void closeStream();
    void checkEngine(); // pings; a failure ends the stream
    void setState(State state, const QString &error = {});

    ClientLookup lookup_;
    Options options_;
    Mailbox mailbox_;
    QString hostId_;
    QString containerId_;
    std::weak_ptr<engine::DockerClient> client_;
    std::shared_ptr<Sink> sink_; // the stream now followed; null when none
    State state_ = State::Idle;
    QString error_;
    bool paused_ = false;
    bool tty_ = false;
    std::deque<LogEntry> lines_;
    int pending_ = 0;
    quint64 pendingSkipped_ = 0;
    quint64 skippedTotal_ = 0;
    quint64 nextSeq_ = 1;
    qint64 newestNs_ = 0;
    QTimer quietTimer_; // runs while following; restarted by every batch of lines
    bool pinging_ = false;
    int pings_ = 0;
};

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::LogEntry)
