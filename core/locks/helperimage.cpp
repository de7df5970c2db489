#include "core/locks/helperimage.h"

#include "engine/dockerclient.h"

#include <QFile>
#include <QSet>
#include <map>
#include <memory>
#include <mutex>

namespace slipway::core {

namespace {

QByteArray resource(const QString &name) {
    QFile file(QStringLiteral(":/slipway/helperimage/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The hosts known to have the image, by id and URL (a host edited to another engine is
// another host), and one mutex per host so that two threads do not load it twice at once.
struct Known {
    std::mutex mutex;
    QSet<QString> loaded;
    std::map<QString, std::shared_ptr<std::mutex>> loading;
};

Known &known() {
    static Known k;
    return k;
}

QString key(const DeployHost &host) {
    return host.id + QLatin1Char('\n') + host.url;
}

} // namespace

QString HelperImage::reference() {
    static const QString ref = QString::fromUtf8(resource(QStringLiteral("reference"))).trimmed();
    return ref;
}

QByteArray HelperImage::archive() {
    return resource(QStringLiteral("image.tar"));
}

QString HelperImage::ensure(const DeployHost &host, QString *error) {
    const QString ref = reference();
    if (ref.isEmpty()) {
        *error = tr("this build of Slipway has no helper image");
        return {};
    }
    if (!host.client) {
        *error = tr("%1: no connection to the engine").arg(host.name);
        return {};
    }
    const QString k = key(host);
    std::shared_ptr<std::mutex> hostMutex;
    {
        std::lock_guard lock(known().mutex);
        if (known().loaded.contains(k))
            return ref;
        auto &slot = known().loading[k];
        if (!slot)
            slot = std::make_shared<std::mutex>();
        hostMutex = slot;
    }
    std::lock_guard hostLock(*hostMutex);
    {
        std::lock_guard lock(known().mutex);
        if (known().loaded.contains(k))
            return ref; // another thread loaded it meanwhile
    }
    auto have = host.client->inspectImage(ref.toStdString()).wait();
    if (!have) {
        if (have.error().httpStatus != 404) {
            *error = tr("%1: cannot look for the helper image %2: %3")
                         .arg(host.name, ref, QString::fromStdString(have.error().describe()));
            return {};
        }
        const QByteArray tar = archive();
        auto loaded = host.client->loadImage(tar.toStdString()).wait();
        if (!loaded) {
            *error = tr("%1: cannot load the helper image %2: %3")
                         .arg(host.name, ref, QString::fromStdString(loaded.error().describe()));
            return {};
        }
        // The engine answers a load of another image as a success too: make sure it is ours.
        auto again = host.client->inspectImage(ref.toStdString()).wait();
        if (!again) {
            *error = tr("%1: the helper image %2 is missing after loading it: %3")
                         .arg(host.name, ref, QString::fromStdString(again.error().describe()));
            return {};
        }
    }
    std::lock_guard lock(known().mutex);
    known().loaded.insert(k);
    return ref;
}

void HelperImage::forget(const DeployHost &host) {
    std::lock_guard lock(known().mutex);
    known().loaded.remove(key(host));
}

} // namespace slipway::core
