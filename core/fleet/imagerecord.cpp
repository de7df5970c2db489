#include "core/fleet/imagerecord.h"

#include "engine/types.h"

#include <QLocale>
#include <algorithm>

namespace slipway::core {

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

QStringList list(const std::vector<std::string> &v) {
    QStringList l;
    l.reserve(qsizetype(v.size()));
    for (const auto &s : v)
        l.append(q(s));
    return l;
}

ImageLabels labelList(const engine::Labels &labels) {
    ImageLabels l;
    l.reserve(qsizetype(labels.size()));
    for (const auto &[k, v] : labels) // a std::map: already sorted by key
        l.append({q(k), q(v)});
    return l;
}

bool isNone(const std::string &s) {
    return s == "<none>:<none>" || s == "<none>@<none>" || s.empty();
}

// "repo:tag" -> {repo, tag}; the tag is after the last ':' that follows the last '/'.
std::pair<QString, QString> splitTag(const QString &ref) {
    const qsizetype slash = ref.lastIndexOf(u'/');
    const qsizetype colon = ref.lastIndexOf(u':');
    if (colon > slash)
        return {ref.left(colon), ref.mid(colon + 1)};
    return {ref, QString()};
}

// "repo@sha256:..." -> {repo, digest}
std::pair<QString, QString> splitDigest(const QString &ref) {
    const qsizetype at = ref.indexOf(u'@');
    if (at < 0)
        return {ref, QString()};
    return {ref.left(at), ref.mid(at + 1)};
}

const QChar kSep(0x1f);

} // namespace

QString ImageRecord::reference() const {
    if (tag.isEmpty())
        return id;
    return repository + u':' + tag;
}

QString ImageRecord::key() const {
    return hostId + kSep + id + kSep + (tag.isEmpty() ? QString() : repository + u':' + tag);
}

QString ImageRecord::shortId() const {
    return ImageText::shortId(id);
}

QString ImageRecord::shortDigest() const {
    if (digest.isEmpty())
        return {};
    const qsizetype colon = digest.indexOf(u':');
    return digest.left(colon + 1) + digest.mid(colon + 1, 12);
}

QHash<QString, QStringList>
ImageRecord::containersByImage(const std::vector<engine::ContainerSummary> &containers) {
    QHash<QString, QStringList> used;
    for (const auto &c : containers)
        used[q(c.imageId)].append(q(c.name()));
    for (auto &names : used)
        names.sort();
    return used;
}

QList<ImageRecord> ImageRecord::fromSummary(const engine::ImageSummary &summary,
                                            const QString &hostId, const QString &hostName,
                                            const QHash<QString, QStringList> &usedBy) {
    ImageRecord base;
    base.hostId = hostId;
    base.hostName = hostName;
    base.id = q(summary.id);
    base.created = summary.created;
    base.size = summary.size;
    base.dangling = summary.dangling();
    base.labels = labelList(summary.labels);
    for (const auto &t : summary.repoTags)
        if (!isNone(t))
            base.repoTags.append(q(t));
    for (const auto &d : summary.repoDigests)
        if (!isNone(d))
            base.repoDigests.append(q(d));
    base.usedByNames = usedBy.value(base.id);
    base.usedBy = int(base.usedByNames.size());

    const auto digestOf = [&](const QString &repository) {
        for (const QString &d : base.repoDigests) {
            auto [repo, digest] = splitDigest(d);
            if (repo == repository)
                return digest;
        }
        return QString();
    };

    QList<ImageRecord> rows;
    for (const QString &ref : base.repoTags) {
        ImageRecord r = base;
        std::tie(r.repository, r.tag) = splitTag(ref);
        r.digest = digestOf(r.repository);
        rows.append(std::move(r));
    }
    if (rows.isEmpty()) {
        // Untagged: named by its digest's repository when it was pulled by digest.
        ImageRecord r = base;
        if (!base.repoDigests.isEmpty())
            std::tie(r.repository, r.digest) = splitDigest(base.repoDigests.first());
        rows.append(std::move(r));
    }
    return rows;
}

ImageDetails ImageDetails::fromEngine(const QString &hostId, const engine::ImageInspect &inspect,
                                      const std::vector<engine::ImageHistoryEntry> &history) {
    ImageDetails d;
    d.hostId = hostId;
    d.id = q(inspect.id);
    d.repoTags = list(inspect.repoTags);
    d.repoDigests = list(inspect.repoDigests);
    d.parent = q(inspect.parent);
    d.created = q(inspect.created);
    d.architecture = q(inspect.architecture);
    d.os = q(inspect.os);
    d.size = inspect.size;
    d.labels = labelList(inspect.labels);
    d.env = list(inspect.env);
    d.cmd = list(inspect.cmd);
    d.entrypoint = list(inspect.entrypoint);
    d.exposedPorts = list(inspect.exposedPorts);
    for (const auto &h : history) {
        ImageLayer l;
        l.id = q(h.id);
        l.created = h.created;
        l.createdBy = q(h.createdBy);
        l.size = h.size;
        l.comment = q(h.comment);
        l.tags = list(h.tags);
        d.history.append(std::move(l));
    }
    return d;
}

QString ImageText::size(qint64 bytes) {
    if (bytes <= 0)
        return tr("0 B");
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString ImageText::age(qint64 created, qint64 now) {
    if (created <= 0)
        return {};
    const qint64 s = now - created;
    if (s < 60)
        return tr("just now");
    // Singular and plural spelled out: English has no translation file to pick a form from.
    const auto ago = [](qint64 n, const char *one, const char *many) {
        return n == 1 ? tr(one) : tr(many).arg(n);
    };
    if (s < 3600)
        return ago(s / 60, QT_TR_NOOP("1 minute ago"), QT_TR_NOOP("%1 minutes ago"));
    if (s < 86400)
        return ago(s / 3600, QT_TR_NOOP("1 hour ago"), QT_TR_NOOP("%1 hours ago"));
    if (s < 86400 * 14)
        return ago(s / 86400, QT_TR_NOOP("1 day ago"), QT_TR_NOOP("%1 days ago"));
    if (s < 86400 * 60)
        return ago(s / (86400 * 7), QT_TR_NOOP("1 week ago"), QT_TR_NOOP("%1 weeks ago"));
    if (s < 86400 * 365 * 2)
        return ago(s / (86400 * 30), QT_TR_NOOP("1 month ago"), QT_TR_NOOP("%1 months ago"));
    return ago(s / (86400 * 365), QT_TR_NOOP("1 year ago"), QT_TR_NOOP("%1 years ago"));
}

QString ImageText::shortId(const QString &id) {
    const qsizetype colon = id.indexOf(u':');
    return id.mid(colon + 1, 12);
}

} // namespace slipway::core
