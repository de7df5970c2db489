#include "tests/support/slipctlrun.h"

#include <QDir>
#include <QProcess>

namespace slipway::test {

SlipctlRun runSlipctl(const QStringList &args, const QString &home,
                      const QProcessEnvironment &extra, std::chrono::milliseconds limit) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH",
                             "DOCKER_CONFIG", "DOCKER_CONTEXT"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(home).filePath(QStringLiteral("data")));
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SLIPWAY_SLIPCTL), args);
    SlipctlRun r;
    r.finished = p.waitForFinished(int(limit.count())); // a hang fails instead of stalling
    if (!r.finished)
        p.kill();
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace slipway::test
