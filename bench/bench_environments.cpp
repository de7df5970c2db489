// bench_environments: how long a 5-service, 3-level environment with health checks (1 s
// interval) takes from the request to every service ready, through Slipway's Provisioner and
// through `docker-compose up -d` plus waiting for the same health (every container with a
// health check healthy, the others running), same file, same engine, runs alternating. See
// docs/performance.md, "Environments".
#include "core/environments/composereader.h"
#include "core/environments/provisioner.h"
#include "engine/dockerclient.h"
#include "tests/support/testenv.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>
#include <algorithm>
#include <cstdio>

using namespace slipway;
using namespace slipway::core::env;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every container of `project` running, and healthy where it has a health check; false when
// one exited or turned unhealthy.
enum class Health { Waiting, Ready, Failed };
Health projectHealth(engine::DockerClient &client, const QString &project, int expected) {
    const engine::Filters f{{"label", {"com.docker.compose.project=" + project.toStdString()}}};
    auto list = client.containers(true, f).wait();
    if (!list.ok())
        return Health::Waiting;
    int ready = 0;
    for (const auto &c : list.value()) {
        if (c.state == "exited" || c.state == "dead" ||
            c.status.find("(unhealthy)") != std::string::npos)
            return Health::Failed;
        const bool hasHealth = c.status.find("health") != std::string::npos;
        if (c.state == "running" && (!hasHealth || c.status.find("(healthy)") != std::string::npos))
            ++ready;
    }
    return ready == expected ? Health::Ready : Health::Waiting;
}

struct Timed {
    bool ok = false;
    double ms = 0;
    QString error;
};

Timed viaSlipway(const std::shared_ptr<engine::DockerClient> &client, const ComposeInput &input,
                 const QString &project, bool probeHealth) {
    ComposeInput in = input;
    in.projectName = project;
    const ComposeResult read = ComposeReader::read(in);
    if (!read.project)
        return {false, 0, read.errors.isEmpty() ? "unreadable" : read.errors.first().message};
    EnvironmentIdentity identity{QUuid::createUuid().toString(QUuid::WithoutBraces),
                                 QUuid::createUuid().toString(QUuid::WithoutBraces),
                                 QStringLiteral("bench"),
                                 QStringLiteral("1"),
                                 QStringLiteral("test"),
                                 QStringLiteral("bench")};
    ProvisionOptions options;
    options.probeHealth = probeHealth;
    Provisioner provisioner(client, options);
    Timed t;
    QEventLoop loop;
    QObject::connect(&provisioner, &Provisioner::finished, &loop, [&](const EnvironmentOutcome &o) {
        t.ok = o.ok;
        t.error = o.error;
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    provisioner.provision(*read.project, identity);
    loop.exec();
    t.ms = double(clock.elapsed());
    // Recycled outside the timing.
    QEventLoop down;
    QObject::connect(&provisioner, &Provisioner::finished, &down, &QEventLoop::quit);
    provisioner.sweep(identity);
    down.exec();
    return t;
}

Timed viaCompose(engine::DockerClient &client, const QString &file, const QString &registry,
                 const QString &project, int containers) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_HOST"), test::dockerHost());
    env.insert(QStringLiteral("REGISTRY"), registry);
    const auto compose = [&](const QStringList &args) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("docker-compose"),
                QStringList{QStringLiteral("-f"), file, QStringLiteral("-p"), project} + args);
        const bool done = p.waitForFinished(300000);
        return std::pair{done && p.exitCode() == 0, QString::fromUtf8(p.readAllStandardError())};
    };
    Timed t;
    QElapsedTimer clock;
    clock.start();
    auto [ok, err] = compose({QStringLiteral("up"), QStringLiteral("-d")});
    Health h = Health::Waiting;
    while (ok && clock.elapsed() < 300000 &&
           (h = projectHealth(client, project, containers)) == Health::Waiting)
        QThread::msleep(50); // what a script would poll at; bounded by the 5 min above
    t.ms = double(clock.elapsed());
    t.ok = ok && h == Health::Ready;
    t.error = ok ? QStringLiteral("not healthy") : err;
    compose({QStringLiteral("down"), QStringLiteral("-v")});
    return t;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"runs", "Runs of each, alternating (default 5).", "n", "5"});
    parser.addOption({"template", "The Compose file (default bench/data/stack5.yaml).", "file",
                      QStringLiteral(SLIPWAY_SOURCE_DIR "/bench/data/stack5.yaml")});
    parser.process(app);
    if (test::dockerHost().isEmpty() || test::registry().isEmpty()) {
        std::fprintf(stderr, "%s\n", test::missingServicesMessage().constData());
        return 2;
    }
    const int runs = std::clamp(parser.value("runs").toInt(), 1, 50);
    const QString file = parser.value("template");
    std::shared_ptr<engine::DockerClient> client = test::makeClient();
    ComposeInput input;
    input.compose = readFile(file);
    input.fileName = file;
    input.variables.insert(QStringLiteral("REGISTRY"), test::registry());
    ComposeInput probe = input;
    probe.projectName = QStringLiteral("probe");
    const ComposeResult read = ComposeReader::read(probe);
    if (!read.project) {
        std::fprintf(stderr, "%s: does not resolve\n", qPrintable(file));
        return 2;
    }
    int containers = 0;
    for (const auto &s : read.project->services)
        containers += s.replicas;

    std::vector<double> slipway, engineHealth, compose;
    const QString stamp = QString::number(QCoreApplication::applicationPid());
    for (int i = 0; i < runs; ++i) {
        const Timed s =
            viaSlipway(client, input, QStringLiteral("benchenv-s%1-%2").arg(stamp).arg(i), true);
        const Timed e =
            viaSlipway(client, input, QStringLiteral("benchenv-e%1-%2").arg(stamp).arg(i), false);
        const Timed c = viaCompose(*client, file, test::registry(),
                                   QStringLiteral("benchenv-c%1-%2").arg(stamp).arg(i), containers);
        std::printf("run %d: slipway %6.0f ms %s   slipway (engine's health) %6.0f ms %s   "
                    "docker-compose %6.0f ms %s\n",
                    i + 1, s.ms, s.ok ? "ok" : qPrintable(s.error), e.ms,
                    e.ok ? "ok" : qPrintable(e.error), c.ms, c.ok ? "ok" : qPrintable(c.error));
        std::fflush(stdout);
        if (s.ok)
            slipway.push_back(s.ms);
        if (e.ok)
            engineHealth.push_back(e.ms);
        if (c.ok)
            compose.push_back(c.ms);
    }
    const double ms = median(slipway), me = median(engineHealth), mc = median(compose);
    std::printf("\n%d services, %d containers, %d runs each\n", int(read.project->services.size()),
                containers, runs);
    std::printf("  docker-compose up -d + same health (median)        %8.0f ms\n", mc);
    std::printf("  Slipway, health test run at once (median)          %8.0f ms\n", ms);
    std::printf("  Slipway, the engine's own health status (median)   %8.0f ms\n", me);
    std::printf("    Slipway / docker-compose                         %8.2f\n",
                mc > 0 ? ms / mc : 0.0);
    std::printf("    Slipway (engine's health) / docker-compose       %8.2f\n",
                mc > 0 ? me / mc : 0.0);
    return slipway.size() == size_t(runs) && engineHealth.size() == size_t(runs) &&
                   compose.size() == size_t(runs)
               ? 0
               : 1;
}
