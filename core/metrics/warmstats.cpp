#include "core/metrics/warmstats.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>

namespace slipway::core::warmstats {

namespace {

QJsonDocument parseLine(const QByteArray &line) {
    if (line.size() > kMaxLine)
        return {};
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(line.trimmed(), &error);
    return error.error == QJsonParseError::NoError && doc.isObject() ? doc : QJsonDocument();
}

// Counters travel as JSON numbers (doubles): exact up to 2^53 bytes, far beyond any counter.
std::uint64_t counter(const QJsonValue &v) {
    const double d = v.toDouble(-1);
    return d >= 0 ? std::uint64_t(d) : 0;
}

} // namespace

QString socketPath(const QString &deskDatabasePath) {
    return deskDatabasePath + QStringLiteral(".stats.sock");
}

QByteArray encodeRequest(const Request &request) {
    return QJsonDocument(
               QJsonObject{{"engineId", request.engineId},
                           {"containers", QJsonArray::fromStringList(request.containerIds)}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

std::optional<Request> decodeRequest(const QByteArray &line) {
    const QJsonObject o = parseLine(line).object();
    if (!o.value("engineId").isString() || !o.value("containers").isArray())
        return std::nullopt;
    Request r;
    r.engineId = o.value("engineId").toString();
    for (const QJsonValue &v : o.value("containers").toArray()) {
        if (!v.isString())
            return std::nullopt;
        r.containerIds.append(v.toString());
    }
    return r;
}

QByteArray encodeAnswer(const QList<Sample> &samples) {
    QJsonArray containers;
    for (const Sample &s : samples)
        containers.append(QJsonObject{{"id", s.containerId},
                                      {"atMs", double(s.usage.atMs)},
                                      {"cpuPercent", s.usage.cpuPercent},
                                      {"memoryBytes", s.usage.memoryBytes},
                                      {"memoryLimitBytes", s.usage.memoryLimitBytes},
                                      {"memoryPercent", s.usage.memoryPercent},
                                      {"netRx", double(s.counters.netRx)},
                                      {"netTx", double(s.counters.netTx)},
                                      {"blockRead", double(s.counters.blockRead)},
                                      {"blockWrite", double(s.counters.blockWrite)},
                                      {"pids", double(s.counters.pids)}});
    return QJsonDocument(QJsonObject{{"containers", containers}}).toJson(QJsonDocument::Compact) +
           '\n';
}

std::optional<QList<Sample>> decodeAnswer(const QByteArray &line) {
    const QJsonObject doc = parseLine(line).object();
    if (!doc.value("containers").isArray())
        return std::nullopt;
    QList<Sample> samples;
    for (const QJsonValue &v : doc.value("containers").toArray()) {
        const QJsonObject o = v.toObject();
        if (!o.value("id").isString() || !o.value("cpuPercent").isDouble() ||
            !o.value("memoryBytes").isDouble())
            return std::nullopt;
        Sample s;
        s.containerId = o.value("id").toString();
        s.usage.atMs = qint64(o.value("atMs").toDouble());
        s.usage.cpuPercent = o.value("cpuPercent").toDouble();
        s.usage.memoryBytes = o.value("memoryBytes").toDouble();
        s.usage.memoryLimitBytes = o.value("memoryLimitBytes").toDouble();
        s.usage.memoryPercent = o.value("memoryPercent").toDouble();
        s.counters.netRx = counter(o.value("netRx"));
        s.counters.netTx = counter(o.value("netTx"));
        s.counters.blockRead = counter(o.value("blockRead"));
        s.counters.blockWrite = counter(o.value("blockWrite"));
        s.counters.pids = counter(o.value("pids"));
        samples.append(s);
    }
    return samples;
}

std::optional<QHash<QString, Sample>> ask(const QString &socket, const Request &request,
                                          std::chrono::milliseconds timeout) {
    const QDeadlineTimer deadline(timeout);
    QLocalSocket peer;
    peer.connectToServer(socket);
    if (!peer.waitForConnected(int(deadline.remainingTime())))
        return std::nullopt;
    peer.write(encodeRequest(request));
    QByteArray line;
    while (!line.endsWith('\n')) {
        if (deadline.hasExpired() || line.size() > kMaxLine)
            return std::nullopt;
        if (!peer.bytesAvailable() && !peer.waitForReadyRead(int(deadline.remainingTime())))
            return std::nullopt;
        line += peer.readAll();
    }
    auto samples = decodeAnswer(line);
    if (!samples)
        return std::nullopt;
    QHash<QString, Sample> byId;
    for (const Sample &s : std::as_const(*samples))
        byId.insert(s.containerId, s);
    return byId;
}

} // namespace slipway::core::warmstats
