#include "tests/support/processrun.h"

#include <QProcess>

namespace slipway::test {

QProcessEnvironment cleanEnvironment(const QString &home, const QProcessEnvironment &extra) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_TLS", "DOCKER_CERT_PATH",
                             "DOCKER_CONFIG", "DOCKER_CONTEXT"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));
    return env;
}

ProcessRun runProcess(const QString &program, const QStringList &args,
                      const QProcessEnvironment &env, std::chrono::milliseconds limit) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    ProcessRun r;
    r.finished = p.waitForFinished(int(limit.count()));
    if (!r.finished)
        p.kill();
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace slipway::test
