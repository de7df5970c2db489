// HelperImage: Slipway's own tiny image (Debian's static busybox with sh, wget, nc, sleep, true,
// cat and a /tmp), built into the program at build time and loaded onto a host when it lacks it:
// no registry, no network. Lock objects (AppLock) and health probes run from it.
#pragma once

#include "core/deploy/rolloutsteps.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace slipway::core {

class HelperImage {
    Q_DECLARE_TR_FUNCTIONS(HelperImage)

public:
    // "slipway/helper:<first 12 hex of the image ID>": the content decides the tag, so a
    // Slipway with another busybox never takes an older helper for its own.
    static QString reference();
    // The `docker load` archive (manifest.json, the config, one layer).
    static QByteArray archive();

    // The reference, after loading the image onto `host` when it does not have it. Blocks:
    // worker threads only. Remembered per host for the process; empty with `error` naming the
    // host when the engine cannot be asked or refuses the archive.
    static QString ensure(const DeployHost &host, QString *error);
    // Forgets that `host` had it (someone removed the image): the next ensure() asks again.
    static void forget(const DeployHost &host);
};

} // namespace slipway::core
