#include "core/fleet/logfollower.h"

#include "core/base/describeerror.h"
#include "core/fleet/hostmonitor.h"
#include "engine/dockerclient.h"

#include <QPointer>
#include <QTimer>
#include <mutex>

namespace slipway::core {

namespace {

constexpr qint64 kNsPerSecond = 1000000000;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d) {
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

bool digits(std::string_view s, std::size_t at, std::size_t n, int *out) {
    if (at + n > s.size())
        return false;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

} // namespace

std::size_t LogEntry::parseTimestamp(std::string_view s, qint64 *ns) {
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
    int year, month, day, hour, minute, second;
    if (!digits(s, 0, 4, &year) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, &month) ||
        s[7] != '-' || !digits(s, 8, 2, &day) || (s[10] != 'T' && s[10] != 't') ||
        !digits(s, 11, 2, &hour) || s[13] != ':' || !digits(s, 14, 2, &minute) || s[16] != ':' ||
        !digits(s, 17, 2, &second))
        return 0;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return 0;
    std::size_t at = 19;
    qint64 fraction = 0;
    if (at < s.size() && s[at] == '.') {
        ++at;
        int n = 0;
        while (at < s.size() && s[at] >= '0' && s[at] <= '9') {
            if (n < 9) {
                fraction = fraction * 10 + (s[at] - '0');
                ++n;
            }
            ++at;
        }
        if (n == 0)
            return 0;
        for (; n < 9; ++n)
            fraction *= 10;
    }
    qint64 offsetSeconds = 0;
    if (at < s.size() && (s[at] == 'Z' || s[at] == 'z')) {
        ++at;
    } else if (at < s.size() && (s[at] == '+' || s[at] == '-')) {
        int oh, om;
        if (!digits(s, at + 1, 2, &oh) || at + 3 >= s.size() || s[at + 3] != ':' ||
            !digits(s, at + 4, 2, &om))
            return 0;
        offsetSeconds = (oh * 3600 + om * 60) * (s[at] == '-' ? -1 : 1);
        at += 6;
    } else {
        return 0;
    }
    const qint64 seconds = daysFromCivil(year, unsigned(month), unsigned(day)) * 86400 +
                           hour * 3600 + minute * 60 + second - offsetSeconds;
    *ns = seconds * kNsPerSecond + fraction;
    return at;
}

LogEntry LogEntry::fromEngine(std::string_view line, bool isStderr, bool timestamped) {
    LogEntry e;
    e.stream = isStderr ? Stream::Stderr : Stream::Stdout;
    if (timestamped) {
        const std::size_t taken = parseTimestamp(line, &e.timeNs);
        if (taken > 0) {
            line.remove_prefix(taken);
            if (!line.empty() && line.front() == ' ')
                line.remove_prefix(1);
        }
    }
    e.text = QString::fromUtf8(line.data(), qsizetype(line.size()));
    return e;
}

QDateTime LogEntry::time() const {
    if (timeNs == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(timeNs / 1000000, Qt::UTC);
}

QString LogEntry::timeText() const {
    if (timeNs == 0)
        return {};
    return time().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

// What the engine's thread and this object share for one stream. The engine thread appends
// under the mutex; this object takes everything at once when its batch timer fires.
struct LogFollower::Sink {
    std::mutex mutex;
    std::deque<LogEntry> incoming;
    quint64 dropped = 0;    // left `incoming` before the GUI took it
    bool scheduled = false; // a drain is on its way
    bool closed = false;    // this stream is no longer followed: drop what comes
    qint64 skipUntilNs = 0; // after a reconnect: lines at or before this were seen already
    std::size_t maxLines = 10000;
    engine::Call<engine::Unit> call; // only touched on the follower's thread
};

LogFollower::LogFollower(ClientLookup lookup, Options options, QObject *parent)
    : QObject(parent), lookup_(std::move(lookup)), options_(options), mailbox_(this) {
    qRegisterMetaType<LogEntry>();
    qRegisterMetaType<QList<LogEntry>>();
    qRegisterMetaType<State>();
    if (options_.maxLines < 1)
        options_.maxLines = 1;
    quietTimer_.setSingleShot(true);
    quietTimer_.setInterval(options_.quietCheck);
    connect(&quietTimer_, &QTimer::timeout, this, &LogFollower::checkEngine);
}

void LogFollower::checkEngine() {
    const auto client = client_.lock();
    if (pinging_ || !sink_ || state_ != State::Following || !client)
        return;
    pinging_ = true;
    ++pings_;
    std::weak_ptr<Sink> weak = sink_;
    client->ping(options_.pingTimeout)
        .then([mailbox = mailbox_, weak, this](engine::Result<engine::PingInfo> r) {
            const QString error = r ? QString() : describeError(r.error());
            mailbox.post([this, weak, error] {
                pinging_ = false;
                const auto sink = weak.lock();
                if (!sink || sink != sink_)
                    return; // the stream this was about is gone already
                if (error.isEmpty()) {
                    quietTimer_.start();
                    return;
                }
                drain(sink);
                closeStream();
                setState(State::Failed, tr("The engine stopped answering: %1").arg(error));
            });
        });
}

LogFollower::LogFollower(HostMonitor *monitor, Options options, QObject *parent)
    : LogFollower(
          [monitor = QPointer<HostMonitor>(monitor)](const QString &hostId) {
              return monitor ? monitor->client(hostId) : nullptr;
          },
          options, parent) {}

LogFollower::~LogFollower() {
    mailbox_.close();
    closeStream();
}

void LogFollower::setState(State state, const QString &error) {
    if (state == state_ && error == error_)
        return;
    state_ = state;
    error_ = error;
    emit stateChanged(state, error);
}

void LogFollower::closeStream() {
    quietTimer_.stop();
    if (!sink_)
        return;
    {
        std::lock_guard lock(sink_->mutex);
        sink_->closed = true;
    }
    auto call = sink_->call;
    sink_.reset();
    if (call.valid())
        call.cancel(); // waits for a line handler running right now, which never waits on us
}

void LogFollower::follow(const QString &hostId, const QString &containerId) {
    closeStream();
    hostId_ = hostId;
    containerId_ = containerId;
    lines_.clear();
    pending_ = 0;
    pendingSkipped_ = 0;
    skippedTotal_ = 0;
    nextSeq_ = 1;
    newestNs_ = 0;
    emit cleared();
    if (paused_) { // a new container is shown live
        paused_ = false;
        emit pausedChanged(false);
    }
    start(0);
}

void LogFollower::reconnect() {
    if (containerId_.isEmpty() || isActive())
        return;
    closeStream();
    start(newestNs_);
}

void LogFollower::stop() {
    closeStream();
    if (!containerId_.isEmpty())
        setState(State::Idle);
}

void LogFollower::pause() {
    setPaused(true);
}

void LogFollower::resume() {
    setPaused(false);
}

void LogFollower::setPaused(bool paused) {
    if (paused == paused_)
        return;
    paused_ = paused;
    if (!paused) {
        // Everything that came in meanwhile, in one delivery.
        const int n = std::min(pending_, int(lines_.size()));
        const quint64 skipped = pendingSkipped_ + quint64(pending_ - n);
        pending_ = 0;
        pendingSkipped_ = 0;
        if (n > 0 || skipped > 0) {
            QList<LogEntry> batch(lines_.end() - n, lines_.end());
            emit appended(batch, skipped);
        }
    }
    emit pausedChanged(paused);
}

void LogFollower::clear() {
    lines_.clear();
    pending_ = 0;
    pendingSkipped_ = 0;
    emit cleared();
}

void LogFollower::start(qint64 sinceNs) {
    auto sink = std::make_shared<Sink>();
    sink->maxLines = std::size_t(options_.maxLines);
    sink->skipUntilNs = sinceNs;
    sink_ = sink;
    setState(State::Starting);
    const auto client = lookup_ ? lookup_(hostId_) : nullptr;
    client_ = client;
    if (!client) {
        setState(State::Failed, tr("The host \"%1\" has no usable connection.").arg(hostId_));
        return;
    }
    // The stream needs to know whether the container has a TTY (then its log is raw text).
    std::weak_ptr<Sink> weak = sink;
    client->inspectContainer(containerId_.toStdString())
        .then([mailbox = mailbox_, weak, this](engine::Result<engine::ContainerInspect> r) {
            const bool ok = r.ok();
            const bool tty = ok && r.value().tty;
            const QString error = ok ? QString() : describeError(r.error());
            mailbox.post([this, weak, ok, tty, error] {
                if (auto sink = weak.lock())
                    onInspected(sink, ok, tty, error);
            });
        });
}

void LogFollower::onInspected(const std::shared_ptr<Sink> &sink, bool ok, bool tty,
                              const QString &error) {
    if (sink != sink_)
        return; // a stream given up since
    if (!ok) {
        sink_.reset();
        setState(State::Failed, error);
        return;
    }
    const auto client = client_.lock();
    if (!client) {
        sink_.reset();
        setState(State::Failed, tr("The host \"%1\" has no usable connection.").arg(hostId_));
        return;
    }
    tty_ = tty;
    engine::LogOptions o;
    o.follow = true;
    o.timestamps = true;
    if (sink->skipUntilNs > 0) {
        // The engine takes whole seconds: ask from the second of the newest line held and
        // drop what was seen already.
        o.since = sink->skipUntilNs / kNsPerSecond;
        o.tail = "all";
    } else {
        o.tail = std::to_string(std::max(0, options_.tail));
    }
    const auto interval = options_.batchInterval;
    auto onLine = [sink, mailbox = mailbox_, this, interval](const engine::LogLine &line) {
        LogEntry e =
            LogEntry::fromEngine(line.text, line.stream == engine::LogLine::Stream::Stderr, true);
        std::lock_guard lock(sink->mutex);
        if (sink->closed ||
            (sink->skipUntilNs > 0 && e.timeNs > 0 && e.timeNs <= sink->skipUntilNs))
            return;
        sink->incoming.push_back(std::move(e));
        if (sink->incoming.size() > sink->maxLines) {
            sink->incoming.pop_front();
            ++sink->dropped;
        }
        if (!sink->scheduled) {
            sink->scheduled = true;
            std::weak_ptr<Sink> weak = sink;
            mailbox.post([this, weak, interval] {
                QTimer::singleShot(interval, this, [this, weak] {
                    if (auto s = weak.lock())
                        drain(s);
                });
            });
        }
    };
    sink->call = client->logs(containerId_.toStdString(), o, tty, std::move(onLine));
    std::weak_ptr<Sink> weak = sink;
    sink->call.then([mailbox = mailbox_, weak, this](engine::Result<engine::Unit> r) {
        const bool ok = r.ok();
        const bool cancelled = !ok && r.error().kind == engine::ErrorKind::Cancelled;
        const QString error = ok ? QString() : describeError(r.error());
        mailbox.post([this, weak, ok, cancelled, error] {
            if (auto sink = weak.lock())
                onEnded(sink, ok, cancelled, error);
        });
    });
    if (sink == sink_ && state_ == State::Starting) {
        setState(State::Following);
        quietTimer_.start();
    }
}

void LogFollower::onEnded(const std::shared_ptr<Sink> &sink, bool ok, bool cancelled,
                          const QString &error) {
    if (sink != sink_)
        return;
    drain(sink); // the last lines first
    sink_.reset();
    if (ok)
        setState(State::Ended);
    else if (cancelled)
        setState(State::Idle);
    else
        setState(State::Failed, error);
}

void LogFollower::drain(const std::shared_ptr<Sink> &sink) {
    if (sink != sink_)
        return;
    std::deque<LogEntry> batch;
    quint64 dropped = 0;
    {
        std::lock_guard lock(sink->mutex);
        batch.swap(sink->incoming);
        dropped = sink->dropped;
        sink->dropped = 0;
        sink->scheduled = false;
    }
    if (batch.empty() && dropped == 0)
        return;
    if (quietTimer_.isActive())
        quietTimer_.start(); // the stream spoke: nothing to check for another while
    skippedTotal_ += dropped;
    nextSeq_ += dropped;
    const auto max = std::size_t(options_.maxLines);
    for (LogEntry &e : batch) {
        e.seq = nextSeq_++;
        if (e.timeNs > newestNs_)
            newestNs_ = e.timeNs;
    }
    // Only the newest maxLines of the batch can stay; the rest would leave the buffer at once.
    quint64 overflow = 0;
    if (batch.size() > max) {
        overflow = batch.size() - max;
        batch.erase(batch.begin(), batch.begin() + qsizetype(overflow));
        skippedTotal_ += overflow;
    }
    for (LogEntry &e : batch)
        lines_.push_back(e);
    while (lines_.size() > max)
        lines_.pop_front();
    if (paused_) {
        pending_ += int(batch.size());
        pendingSkipped_ += dropped + overflow;
        if (pending_ > int(lines_.size())) { // the oldest held-back lines fell out
            const int lost = pending_ - int(lines_.size());
            skippedTotal_ += quint64(lost);
            pendingSkipped_ += quint64(lost);
            pending_ = int(lines_.size());
        }
        return;
    }
    emit appended(QList<LogEntry>(batch.begin(), batch.end()), dropped + overflow);
}

} // namespace slipway::core
