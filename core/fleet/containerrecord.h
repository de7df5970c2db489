// ContainerRecord: what Slipway knows about one container on one host, as Qt values; shared
// read-only between the Inventory and the models, so a container is held once in memory.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <memory>
#include <utility>

namespace slipway::engine {
struct ContainerSummary;
}

namespace slipway::core {

class StringPool;

// Labels as a flat list sorted by key: far smaller than a map for the ten or so a container has.
using LabelList = QList<std::pair<QString, QString>>;

struct ContainerRecord {
    QString hostId;
    QString id; // the full 64-hex ID
    QString name;
    QString image;         // the reference it was created from, or the image ID when that is gone
    QString imageId;       // "sha256:..."
    QString app;           // slipway.app
    QString env;           // slipway.env
    QString version;       // slipway.version, else the image's tag
    QString state;         // "created", "running", "paused", "restarting", "exited", "dead"
    QString health;        // "healthy", "unhealthy", "starting", or "" without a healthcheck
    qint64 created = 0;    // Unix seconds
    QString status;        // the engine's own words: "Up 2 minutes (healthy)"
    qint64 stateSince = 0; // Unix seconds the current state began (from the status text), 0 unknown
    int exitCode = -1;     // of an exited or restarting container, else -1
    QString ports;         // as `docker ps` shows them: "127.0.0.1:8080->8080/tcp, 9090/tcp"
    LabelList labels;
    bool stale = false; // the host cannot be reached: this is the last known state

    QString label(QStringView key) const; // empty when not set

    // Converts one entry of the engine's list, taking repeated strings from `pool`.
    // `listedAt` (Unix seconds) dates the durations of the status text.
    static ContainerRecord fromSummary(const engine::ContainerSummary &summary,
                                       const QString &hostId, qint64 listedAt, StringPool &pool);

    // "healthy" from "Up 3 minutes (healthy)"; "starting" from "(health: starting)".
    static QString healthFromStatus(QStringView status);
    // The version shown for an image reference without a slipway.version label: its tag,
    // "latest" when it has none, empty for an image ID or a digest.
    static QString tagOf(QStringView image);

    friend bool operator==(const ContainerRecord &, const ContainerRecord &) = default;
};

// Records are immutable once published: a change replaces the pointer, so a model that holds
// one never sees it change under its feet, and nothing is copied per view.
using ContainerRef = std::shared_ptr<const ContainerRecord>;
using ContainerList = QList<ContainerRef>;

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::ContainerRef)
