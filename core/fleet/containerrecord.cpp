#include "core/fleet/containerrecord.h"

#include "core/base/stringpool.h"
#include "core/fleet/statustext.h"
#include "engine/types.h"

#include <algorithm>

namespace slipway::core {

namespace {

// Ports the way `docker ps` lists them, sorted so that equal sets give equal strings.
QString formatPorts(const std::vector<engine::Port> &ports) {
    if (ports.empty())
        return {};
    std::vector<std::string> parts;
    parts.reserve(ports.size());
    for (const engine::Port &p : ports) {
        std::string s;
        if (p.publicPort > 0) {
            s = (p.ip.find(':') != std::string::npos ? "[" + p.ip + "]" : p.ip) + ":" +
                std::to_string(p.publicPort) + "->";
        }
        s += std::to_string(p.privatePort) + "/" + (p.type.empty() ? "tcp" : p.type);
        parts.push_back(std::move(s));
    }
    std::sort(parts.begin(), parts.end());
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
    std::string joined;
    for (const auto &p : parts) {
        if (!joined.empty())
            joined += ", ";
        joined += p;
    }
    return QString::fromStdString(joined);
}

} // namespace

QString ContainerRecord::label(QStringView key) const {
    auto it = std::lower_bound(labels.begin(), labels.end(), key,
                               [](const auto &pair, QStringView k) { return pair.first < k; });
    return it != labels.end() && it->first == key ? it->second : QString();
}

QString ContainerRecord::healthFromStatus(QStringView status) {
    if (status.endsWith(u"(healthy)"))
        return QStringLiteral("healthy");
    if (status.endsWith(u"(unhealthy)"))
        return QStringLiteral("unhealthy");
    if (status.endsWith(u"(health: starting)"))
        return QStringLiteral("starting");
    return {};
}

QString ContainerRecord::tagOf(QStringView image) {
    if (image.isEmpty() || image.startsWith(u"sha256:") || image.contains(u'@'))
        return {};
    const qsizetype slash = image.lastIndexOf(u'/');
    const qsizetype colon = image.lastIndexOf(u':');
    if (colon > slash)
        return image.mid(colon + 1).toString();
    return QStringLiteral("latest");
}

ContainerRecord ContainerRecord::fromSummary(const engine::ContainerSummary &s,
                                             const QString &hostId, qint64 listedAt,
                                             StringPool &pool) {
    ContainerRecord r;
    StringPool::Batch strings(pool);
    r.hostId = hostId;
    r.id = QString::fromStdString(s.id); // unique: not worth pooling
    r.name = QString::fromStdString(s.name());
    r.image = strings.intern(s.image);
    r.imageId = strings.intern(s.imageId);
    r.state = strings.intern(s.state);
    r.status = strings.intern(s.status);
    r.created = s.created;
    r.ports = strings.intern(formatPorts(s.ports));
    r.labels.reserve(qsizetype(s.labels.size()));
    for (const auto &[key, value] : s.labels)
        r.labels.append({strings.intern(key), strings.intern(value)});
    // std::map sorts by UTF-8 bytes, QString by UTF-16 units: the same for all but rare keys.
    const auto byKey = [](const auto &a, const auto &b) {
        return a.first < b.first;
    };
    if (!std::is_sorted(r.labels.begin(), r.labels.end(), byKey))
        std::sort(r.labels.begin(), r.labels.end(), byKey);
    r.app = r.label(u"slipway.app");
    r.env = r.label(u"slipway.env");
    r.version = r.label(u"slipway.version");
    if (r.version.isEmpty())
        r.version = strings.intern(tagOf(r.image));
    r.health = strings.intern(healthFromStatus(r.status));
    const StatusText::Parsed parsed = StatusText::parse(r.status);
    if (parsed.secondsAgo >= 0)
        r.stateSince = listedAt - parsed.secondsAgo;
    r.exitCode = parsed.exitCode;
    return r;
}

} // namespace slipway::core
