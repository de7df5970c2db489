// ImageRecord: one row of the Images section: one tag of one image on one host (an untagged
// image is one row of its own), with how many containers use the image. ImageDetails: what
// inspect and history say about one image, loaded when it is selected.
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace slipway::engine {
struct ContainerSummary;
struct ImageSummary;
struct ImageInspect;
struct ImageHistoryEntry;
} // namespace slipway::engine

namespace slipway::core {

// Labels sorted by key.
using ImageLabels = QList<std::pair<QString, QString>>;

struct ImageRecord {
    QString hostId;
    QString hostName;
    QString id;         // "sha256:<64 hex>"
    QString repository; // "127.0.0.1:5515/slipway/web"; empty when the image has no name at all
    QString tag;        // "1.0.0"; empty when untagged
    QString digest;     // "sha256:..." of `repository`, when the engine knows one
    QStringList repoTags;
    QStringList repoDigests;
    qint64 created = 0; // Unix seconds
    qint64 size = 0;    // bytes, with the layers shared with other images
    int usedBy = 0;     // containers in any state created from this image (by image ID)
    QStringList usedByNames;
    bool dangling = false; // no tag at all: left behind by a rebuild or a re-tag
    ImageLabels labels;
    bool stale = false; // the host did not answer the last refresh: the last known state

    // What remove() takes for this row: "repo:tag", or the image ID when untagged.
    QString reference() const;
    // The row's identity: host, image ID and tag.
    QString key() const;
    QString shortId() const;     // 12 hex digits, like the docker CLI
    QString shortDigest() const; // "sha256:" and 12 hex digits; empty without a digest

    // The rows of one engine image: one per tag, or one for an untagged image. `usedBy` maps
    // image IDs to the names of the containers created from them.
    static QList<ImageRecord> fromSummary(const engine::ImageSummary &summary,
                                          const QString &hostId, const QString &hostName,
                                          const QHash<QString, QStringList> &usedBy);
    // Image ID -> names of the containers created from it, from a container list.
    static QHash<QString, QStringList>
    containersByImage(const std::vector<engine::ContainerSummary> &containers);

    friend bool operator==(const ImageRecord &, const ImageRecord &) = default;
};

using ImageList = QList<ImageRecord>;

struct ImageLayer {
    QString id; // "<missing>" for layers built elsewhere
    qint64 created = 0;
    QString createdBy;
    qint64 size = 0;
    QString comment;
    QStringList tags;
};

struct ImageDetails {
    QString hostId;
    QString id;
    QStringList repoTags;
    QStringList repoDigests;
    QString parent;
    QString created; // RFC 3339, as the engine says it
    QString architecture;
    QString os;
    qint64 size = 0;
    ImageLabels labels;
    QStringList env;
    QStringList cmd;
    QStringList entrypoint;
    QStringList exposedPorts;
    QList<ImageLayer> history; // newest layer first
    QString error;             // why inspect or history failed, in the engine's words

    static ImageDetails fromEngine(const QString &hostId, const engine::ImageInspect &inspect,
                                   const std::vector<engine::ImageHistoryEntry> &history);
};

// How Slipway writes sizes and ages of images, for the model, the details pane and slipctl.
class ImageText {
    Q_DECLARE_TR_FUNCTIONS(ImageText)

public:
    static QString size(qint64 bytes); // "1.9 MiB"
    // "3 days ago" as of `now` (Unix seconds); "just now" under a minute or in the future.
    static QString age(qint64 created, qint64 now);
    static QString shortId(const QString &id); // 12 hex digits without "sha256:"
};

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::ImageRecord)
Q_DECLARE_METATYPE(slipway::core::ImageList)
Q_DECLARE_METATYPE(slipway::core::ImageDetails)
