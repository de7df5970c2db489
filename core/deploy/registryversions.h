// RegistryVersions: the versions of an image repository: its tags and their digests from the
// registry (Registry v2, credentials from ~/.docker/config.json and its credential helpers)
// and which hosts hold each (from the ImageCatalog); and whether past deployments are still
// restorable (the registry still has the digest, or a host holds it). Lives on the GUI thread
// and never waits.
#pragma once

#include "core/base/mailbox.h"
#include "core/deploy/deploymentrecord.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <chrono>
#include <memory>

namespace slipway::core {

class ImageCatalog;

// One version of a repository: a tag, a digest, or both.
struct ImageVersion {
    QString repository; // "127.0.0.1:5515/slipway/web"
    QString tag;        // empty for a digest only a host holds untagged
    QString digest;     // "sha256:..."; empty when unknown (the registry could not say)
    bool inRegistry = false;
    QStringList hostIds; // hosts that hold this digest (or, without one, this tag)
    QStringList hostNames;
    QString error; // why the registry could not resolve this tag, in its words

    // What a deploy of this version pulls: "repo:tag", else "repo@digest".
    QString reference() const;

    friend bool operator==(const ImageVersion &, const ImageVersion &) = default;
};

struct VersionList {
    QString repository;
    QList<ImageVersion> versions; // newest version first
    QString registryError;        // why the registry could not be listed; hosts still count
    bool registryListed = false;  // the registry answered
};

class RegistryVersions : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString dockerConfigPath; // empty: $DOCKER_CONFIG/config.json or ~/.docker/config.json
        QStringList plainHttpRegistries; // besides loopback ones, which always are
        std::chrono::milliseconds timeout{15000};
    };

    // `catalog` may be null: then no host holds anything.
    explicit RegistryVersions(ImageCatalog *catalog, QObject *parent = nullptr);
    RegistryVersions(ImageCatalog *catalog, Options options, QObject *parent = nullptr);
    ~RegistryVersions() override;

    ImageCatalog *catalog() const { return catalog_; }

    // Empty when `image` names a repository the registry can be asked about, else why not.
    static QString checkRepository(const QString &image);
    // "127.0.0.1:5515/slipway/web:1.0.0" -> "127.0.0.1:5515/slipway/web"; empty if invalid.
    static QString repositoryOf(const QString &image);

    // Lists the tags and digests of `repository` (any image reference; tag and digest are
    // ignored). Answers with loaded(request, list); an invalid reference answers the same way
    // with registryError set, without any call.
    quint64 load(const QString &repository);
    // The last list loaded for `repository`, with the hosts as the catalog has them now.
    VersionList current(const QString &repository) const;

    // Hosts (ids) that hold `digest` of `repository`, as the catalog has them now.
    QStringList hostsHolding(const QString &repository, const QString &digest) const;

    // Sets `restorable` on each record: true when a host holds its digest or the registry has
    // it; false when neither; left as given when the registry could not be asked. Answers
    // with restorableMarked(request, history).
    quint64 markRestorable(const DeploymentHistory &history);

    static bool versionLess(const QString &a, const QString &b); // "1.9.0" < "1.10.0"

signals:
    void loaded(quint64 request, const slipway::core::VersionList &list);
    void restorableMarked(quint64 request, const slipway::core::DeploymentHistory &history);
    // The hosts' images changed: current() may say otherwise now.
    void hostsChanged();

private:
    struct Shared;
    VersionList merge(const VersionList &registry) const;

    ImageCatalog *catalog_;
    std::shared_ptr<Shared> shared_;
    Mailbox mailbox_;
    QHash<QString, VersionList> lists_; // by repository, as the registry said
    QTimer hostsTimer_;
    quint64 nextRequest_ = 1;
};

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::VersionList)
