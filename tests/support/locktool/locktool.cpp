// locktool: holds an AppLock in a process of its own, for the tests that pause (SIGSTOP) and
// resume (SIGCONT) an owner whose lock is taken over meanwhile.
//
//   locktool acquire APP ENV [--ttl SECONDS] [--for SECONDS]
//
// Engine: SLIPWAY_TEST_DOCKER_HOST. Prints "acquired TOKEN GENERATION", then checks the fence
// (holds()) every 100 ms: "fenced" and exit 3 when the lock is no longer its own; exit 0 after
// --for seconds (default 120) holding it; exit 2 on bad arguments, 1 when the lock was not
// taken ("busy WHO" or "error WHY").
#include "core/locks/applock.h"
#include "engine/dockerclient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTextStream>
#include <QThread>

using namespace slipway;

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QTextStream out(stdout);
    const auto option = [&](const QString &name, int fallback) {
        const qsizetype i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size())
            return fallback;
        const int v = args[i + 1].toInt();
        args.remove(i, 2);
        return v > 0 ? v : fallback;
    };
    const int ttl = option(QStringLiteral("--ttl"), 30);
    const int holdFor = option(QStringLiteral("--for"), 120);
    if (args.size() != 3 || args[0] != QLatin1String("acquire")) {
        out << "usage: locktool acquire APP ENV [--ttl SECONDS] [--for SECONDS]\n";
        return 2;
    }
    const QString url = qEnvironmentVariable("SLIPWAY_TEST_DOCKER_HOST");
    auto endpoint = engine::Endpoint::parse(url.toStdString());
    if (!endpoint) {
        out << "error SLIPWAY_TEST_DOCKER_HOST is not an engine URL\n";
        return 2;
    }
    core::DeployHost host;
    host.id = host.name = QStringLiteral("locktool-engine");
    host.url = url;
    host.client = std::make_shared<engine::DockerClient>(endpoint.value());
    host.local = true;
    core::AppLock::Options options;
    options.ttl = std::chrono::seconds(ttl);
    std::optional<core::LockHolder> busy;
    QString error;
    auto lock = core::AppLock::acquire(
        {host}, args[1], args[2], core::LockIdentity::current(QStringLiteral("locktool-store")),
        options, &busy, &error);
    if (!lock) {
        out << (busy ? QStringLiteral("busy ") + busy->who : QStringLiteral("error ") + error)
            << '\n';
        return 1;
    }
    out << "acquired " << lock->token() << ' ' << lock->generation() << '\n';
    out.flush();
    const QDeadlineTimer until{std::chrono::seconds(holdFor)};
    while (!until.hasExpired()) {
        QThread::msleep(100);
        if (!lock->holds(host, &error)) {
            out << "fenced" << (error.isEmpty() ? QString() : QStringLiteral(" ") + error) << '\n';
            out.flush();
            return 3;
        }
    }
    return 0;
}
