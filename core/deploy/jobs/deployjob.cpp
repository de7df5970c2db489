#include "core/deploy/jobs/deployjob.h"

#include "core/deploy/publishspec.h"
#include "engine/imagereference.h"

#include <algorithm>

namespace slipway::core {

ChangeResult DeployJob::run(DeployRequest request) {
    QString why;
    if (!validNames(request.app, request.env, &why))
        return refusal(why);
    auto ref = engine::ImageReference::parse(request.config.image.trimmed().toStdString());
    if (request.config.image.trimmed().isEmpty())
        return refusal(tr("No image given."));
    if (!ref)
        return refusal(tr("image \"%1\": %2")
                           .arg(request.config.image, QString::fromStdString(ref.error().message)));
    request.config.image = request.config.image.trimmed();
    if (!PublishSpec::parseAll(request.config.publish, &why))
        return refusal(why);
    for (const QString &e : std::as_const(request.config.env))
        if (!e.contains(QLatin1Char('=')) || e.startsWith(QLatin1Char('=')))
            return refusal(tr("environment variable \"%1\": expected KEY=VALUE").arg(e));
    if (request.replicas < 1 || request.replicas > kMaxReplicas)
        return refusal(
            tr("replicas must be from 1 to %1 (got %2)").arg(kMaxReplicas).arg(request.replicas));
    for (const QString &id : std::as_const(request.hostIds))
        if (!host(id))
            return refusal(tr("host %1 is not reachable").arg(id));
    if (c_.hosts.isEmpty())
        return refusal(tr("no reachable host"));

    Current cur;
    if (!takeApp(request.app, request.env, &cur, &why, false, request.hostIds))
        return refusal(why);
    DeploymentRecord record;
    record.app = request.app;
    record.env = request.env;
    record.kind = DeploymentRecord::Kind::Deploy;
    record.config = request.config;
    record.config.digest = QString::fromStdString(ref.value().digest);
    record.version = QString::fromStdString(ref.value().tag);
    record.replicas = request.replicas;
    const SecretValues given = record.config.takeSecrets();
    if (!resolveSecrets(record.app, record.env, record.config, given, cur, &why))
        return refusal(why);
    if (!begin(&record, &why))
        return refusal(why);

    QList<HostLoad> loads = c_.load;
    if (!request.hostIds.isEmpty())
        loads.removeIf([&](const HostLoad &l) { return !request.hostIds.contains(l.hostId); });
    // The image is resolved where it is (no pull), else pulled on the least-loaded host that
    // can pull it.
    QList<const DeployHost *> resolvers;
    if (request.pull != PullPolicy::Always && ref.value().digest.empty()) {
        DeploymentConfig byName;
        byName.image = record.config.image;
        for (const HostLoad &l : std::as_const(loads))
            if (const DeployHost *h = host(l.hostId); h && RolloutSteps::hasImage(*h, byName)) {
                resolvers.append(h);
                break;
            }
    }
    if (resolvers.isEmpty()) {
        const auto order = Placement::place(loads, int(loads.size()), true, {}, &why);
        if (!order || order->isEmpty())
            return fail(record, why.isEmpty() ? tr("no reachable host") : why);
        QStringList names;
        for (const QString &id : *order) {
            resolvers.append(host(id));
            names.append(host(id)->name);
        }
        if (request.pull == PullPolicy::Never && ref.value().digest.empty())
            return fail(record, tr("%1 is on none of the hosts (%2), and the pull policy "
                                   "\"never\" does not pull it")
                                    .arg(record.config.image, names.join(QStringLiteral(", "))));
    }
    std::optional<ImagePin> pin;
    QStringList tried;
    for (const DeployHost *h : std::as_const(resolvers)) {
        pin = RolloutSteps::resolveImage(*h, record.config.image, pullOptions(request.pull),
                                         c_.progress, &why);
        if (pin || cancelled())
            break;
        tried.append(why);
    }
    if (!pin)
        return fail(record, cancelled() ? c_.cancel->reason() : tried.join(QStringLiteral("; ")));
    const QString digest = pin->digest;
    record.config.digest = digest;
    record.config.pinnedById = pin->byId;
    if (record.version.isEmpty() || !ref.value().digest.empty())
        record.version =
            ref.value().tag.empty() ? digest.mid(7, 12) : QString::fromStdString(ref.value().tag);
    onStore<bool>([&](Store *, DeploymentStore &s) {
        return s.updateConfig(record.id, record.version, record.config, nullptr);
    });
    if (cancelled())
        return fail(record, c_.cancel->reason());

    // Only hosts that have the image or may get it: a local-only image stays where it is.
    QStringList notes;
    loads = usableHosts(loads, record.config, request.pull, &notes);
    for (const QString &id : std::as_const(request.hostIds))
        if (std::none_of(loads.begin(), loads.end(),
                         [&](const HostLoad &l) { return l.hostId == id; }))
            return fail(record, notes.join(QStringLiteral("; ")));
    const bool fixed = record.config.hasFixedHostPort();
    QStringList targets;
    if (fixed) {
        // Replace in place where the old replicas are, then free hosts.
        for (const Replica &r : std::as_const(cur.replicas))
            if (!targets.contains(r.hostId) && targets.size() < request.replicas &&
                std::any_of(loads.begin(), loads.end(),
                            [&](const HostLoad &l) { return l.hostId == r.hostId; }))
                targets.append(r.hostId);
    }
    auto more =
        Placement::place(loads, request.replicas - int(targets.size()), fixed, targets, &why);
    if (!more)
        return fail(record, withNotes(why, notes));
    targets += *more;
    return replace(record, cur.replicas, targets, request.pull);
}

} // namespace slipway::core
