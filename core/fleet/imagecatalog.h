// ImageCatalog: the images of every host of a HostMonitor, with how many containers use each,
// and the actions on them: pull (with its progress), remove, and the details of one image.
// Lists are fetched off the GUI thread (one images and one containers call per host) when a
// host comes up, when its image or container count changes, and on demand; in between, each
// host's image events (pull, tag, untag, delete, import, load) bring a fresh images list,
// coalesced, and a lost event stream is reconnected with back-off and followed by a full
// list. Changes reach the model as batches of inserted, changed and removed rows. Lives on the
// GUI thread and never waits; every result arrives there as a signal. Each pull and remove
// goes to the audit log.
#pragma once

#include "core/base/backoff.h"
#include "core/base/mailbox.h"
#include "core/fleet/imagerecord.h"
#include "core/fleet/listedhost.h"
#include "core/fleet/pullprogress.h"
#include "core/fleet/streamhandle.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <map>
#include <memory>

namespace slipway::core {

class AuditLog;
class HostMonitor;
struct HostConfig;
struct HostStatus;

class ImageCatalog : public QObject {
    Q_OBJECT

public:
    struct Options {
        std::chrono::milliseconds coalesce{100};    // image events are gathered this long
        std::chrono::milliseconds firstRetry{1000}; // event stream reconnects, doubling
        std::chrono::milliseconds maxRetry{30000};
        std::chrono::milliseconds listTimeout{60000};    // a host's images or containers list
        std::chrono::milliseconds removeTimeout{120000}; // deleting layers can be slow
    };

    // `audit` may be null: then nothing is written to the audit log.
    explicit ImageCatalog(HostMonitor *monitor, AuditLog *audit = nullptr,
                          QObject *parent = nullptr);
    ImageCatalog(HostMonitor *monitor, AuditLog *audit, Options options, QObject *parent = nullptr);
    ~ImageCatalog() override;

    HostMonitor *monitor() const { return monitor_; }

    ImageList images() const; // every host, in host order, then by rowLess()
    ImageList images(const QString &hostId) const;
    QStringList hostIds() const { return order_; }
    // Why the last refresh of the host failed, in the engine's words; empty when it worked.
    QString hostError(const QString &hostId) const;
    bool isListed(const QString &hostId) const; // a list has come in at least once
    bool isRefreshing(const QString &hostId) const;
    // The host's image event stream is open (so image changes show without a refresh).
    bool isFollowing(const QString &hostId) const;
    // For tests: lists the host's images were fetched with since it was added, in full
    // (images and containers) and images only (after image events).
    int fullListCount(const QString &hostId) const;
    int imageListCount(const QString &hostId) const;
    int pullsRunning() const { return int(pulls_.size()); }

    // The order of one host's images: tagged before dangling, then by repository, tag and ID.
    static bool rowLess(const ImageRecord &a, const ImageRecord &b);

    // Empty when `reference` is a valid image reference, else ImageReference's own message,
    // naming what is wrong. For checking as the user types; no call is made.
    static QString checkReference(const QString &reference);
    // "web" -> "web:latest": what will be pulled. Empty for an invalid reference.
    static QString normalizedReference(const QString &reference);

    // Pulls `reference` onto the host. Returns the request number, whose progress comes as
    // pullProgress() and whose end as pullFinished(); returns 0 without any call and sets
    // `refused` when the reference is invalid or the host has no usable engine.
    quint64 pull(const QString &hostId, const QString &reference, QString *refused = nullptr);
    void cancelPull(quint64 request); // ends in pullFinished(request, false, "Cancelled.")

    // Removes `target` ("repo:tag", which only untags when the image has other tags, or an
    // image ID) from the host; answers with removeFinished(). Returns 0 and sets `refused`
    // when the host has no usable engine.
    quint64 remove(const QString &hostId, const QString &target, bool force = false,
                   QString *refused = nullptr);

    // Inspect and history of one image; answers with detailsLoaded() (0: unknown host).
    quint64 loadDetails(const QString &hostId, const QString &imageId);

public slots:
    void refresh();
    void refreshHost(const QString &hostId);

signals:
    void imagesInserted(const slipway::core::ImageList &records);
    void imagesChanged(const slipway::core::ImageList &records);
    void imagesRemoved(const slipway::core::ImageList &records);
    void hostRefreshed(const QString &hostId, bool ok, const QString &error);
    void pullProgress(quint64 request, const slipway::core::PullProgress &progress);
    void pullFinished(quint64 request, bool ok, const QString &error);
    void removeFinished(quint64 request, bool ok, const QString &error);
    void detailsLoaded(quint64 request, const slipway::core::ImageDetails &details);

private:
    struct Host : ListedHost<ImageRecord> { // records by ImageRecord::key()
        bool imagesAgain = false; // the images alone, once more when the running listing ends
        bool imagesDirty = false; // image events wait for the coalescing timer
        QHash<QString, QStringList> usedBy; // of the last full list, for images-only lists
        // The image event stream: open while the host is up; generation guards late results.
        StreamHandle events;
        quint64 streamGeneration = 0;
        bool following = false;
        Backoff backoff;
        QElapsedTimer followingFor;
        int fullLists = 0;
        int imageLists = 0;
        int state = -1; // the last HostStatus::State seen
        int imageCount = -1;
        int containerCount = -1;
    };
    struct PullJob;
    struct Listing;

    void addHost(const HostConfig &config);
    void updateHost(const HostConfig &config);
    void removeHost(const QString &hostId);
    void onStatus(const QString &hostId, const HostStatus &status);
    void follow(const QString &hostId);
    void unfollow(Host &host);
    void onStreamEnded(const QString &hostId, quint64 streamGeneration);
    void onImageEvents(const QString &hostId, quint64 streamGeneration);
    void refreshDirty();
    void refreshImages(const QString &hostId);
    void list(const QString &hostId, bool imagesOnly);
    void onListed(const QString &hostId, quint64 generation, const std::shared_ptr<Listing> &l);
    void markStale(Host &host, const QString &error);
    void onPullDone(quint64 request, bool ok, const QString &error);
    void audit(const QString &action, const QString &hostId, const QString &target,
               const QString &error);

    HostMonitor *monitor_;
    QPointer<AuditLog> audit_;
    Options options_;
    QTimer coalesceTimer_;
    Mailbox mailbox_;
    std::map<QString, Host> hosts_;
    QStringList order_;
    std::map<quint64, std::shared_ptr<PullJob>> pulls_;
    quint64 nextRequest_ = 1;
    quint64 nextGeneration_ = 1;
};

} // namespace slipway::core
