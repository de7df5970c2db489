#include "core/deploy/replicaprobe.h"

#include "core/base/describeerror.h"
#include "core/locks/helperimage.h"
#include "engine/dockerclient.h"

#include <QStringList>
#include <QUuid>

namespace slipway::core {

namespace {

// Arguments, never text spliced into the script: a path cannot become shell code. The helper
// image links only a few applets, so the rest are called through busybox itself. Busybox's
// wget -T crashes (busybox-static 1.35): `timeout` bounds each attempt instead; its nc has no -z,
// and `-e true` ends the connection as soon as it is made.
constexpr const char *kScript =
    "end=$(( $(busybox date +%s) + $4 )); "
    "while :; do "
    "if [ \"$1\" = http ]; then "
    "err=$(busybox timeout 3 wget -q -O /dev/null \"$3\" 2>&1) && exit 0; "
    "else err=$(busybox timeout 3 nc -w 2 127.0.0.1 \"$2\" -e true 2>&1) && exit 0; fi; "
    "echo \"${err:-no answer}\" >&2; "
    "[ \"$(busybox date +%s)\" -lt \"$end\" ] || exit 1; "
    "sleep 0.5; "
    "done";

} // namespace

std::vector<std::string> ReplicaProbe::command(const ProbeSpec &spec, int budgetSeconds) {
    const bool http = spec.kind == ProbeSpec::Kind::Http;
    const std::string url =
        http ? QStringLiteral("http://127.0.0.1:%1%2").arg(spec.port).arg(spec.path).toStdString()
             : std::string();
    return {"/bin/sh",
            "-c",
            kScript,
            "probe",
            http ? "http" : "tcp",
            std::to_string(spec.port),
            url,
            std::to_string(budgetSeconds)};
}

QString ReplicaProbe::start(const DeployHost &host, const QString &replicaId,
                            const QString &replicaName, const ProbeSpec &spec,
                            std::chrono::milliseconds budget, QString *error) {
    QString why;
    const QString image = HelperImage::ensure(host, &why);
    if (image.isEmpty()) {
        *error = tr("probing %1 on %2: %3").arg(replicaName, host.name, why);
        return {};
    }
    engine::ContainerCreate c;
    // Unique even when two workstations probe the same replica at once.
    c.name = (replicaName + QStringLiteral("-probe-") +
              QUuid::createUuid().toString(QUuid::Id128).left(8))
                 .toStdString();
    c.image = image.toStdString();
    c.cmd = command(spec, int(std::max<qint64>(1, (budget.count() + 999) / 1000)));
    c.labels[kLabel] = replicaId.toStdString();
    c.networkMode = "container:" + replicaId.toStdString();
    auto created = host.client->createContainer(c).wait();
    if (!created) {
        *error = tr("creating the probe of %1 on %2: %3")
                     .arg(replicaName, host.name, describeError(created.error()));
        return {};
    }
    const QString id = QString::fromStdString(created.value());
    if (auto started = host.client->startContainer(created.value()).wait(); !started) {
        *error = tr("starting the probe of %1 on %2: %3")
                     .arg(replicaName, host.name, describeError(started.error()));
        remove(host, id);
        return {};
    }
    return id;
}

ReplicaProbe::State ReplicaProbe::look(const DeployHost &host, const QString &probeId,
                                       QString *detail) {
    auto r = host.client->inspectContainer(probeId.toStdString()).wait();
    if (!r) {
        *detail = describeError(r.error());
        return State::GaveUp;
    }
    const engine::ContainerState &s = r.value().state;
    if (s.running)
        return State::Trying;
    if (s.exitCode == 0)
        return State::Passed;
    *detail = lastAttempt(host, probeId);
    return State::GaveUp;
}

QString ReplicaProbe::lastAttempt(const DeployHost &host, const QString &probeId) {
    QString last;
    engine::LogOptions options;
    options.stdoutOn = false;
    options.tail = "3";
    (void)host.client
        ->logs(probeId.toStdString(), options, false,
               [&](const engine::LogLine &line) {
                   const QString text = QString::fromStdString(line.text).trimmed();
                   if (!text.isEmpty())
                       last = text;
               })
        .wait();
    return last.isEmpty() ? tr("no answer") : last;
}

void ReplicaProbe::remove(const DeployHost &host, const QString &probeId) {
    (void)host.client->removeContainer(probeId.toStdString(), true).wait();
}

} // namespace slipway::core
