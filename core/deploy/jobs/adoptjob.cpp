#include "core/deploy/jobs/adoptjob.h"

#include "engine/dockerclient.h"
#include "engine/imagereference.h"

#include <algorithm>

namespace slipway::core {

namespace {

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

// What an adopted container was created with, as far as the engine tells: the image pinned as
// a deploy pins it, the environment it added to the image's, its command, published ports and
// network.
DeploymentConfig configOf(const engine::ContainerInspect &c, const engine::ImageInspect *image) {
    DeploymentConfig config;
    config.image = q(c.configImage);
    config.digest = q(c.image);
    config.pinnedById = true;
    if (auto ref = engine::ImageReference::parse(c.configImage); ref && image) {
        const std::string prefix = ref.value().repository + "@";
        for (const std::string &d : image->repoDigests)
            if (d.rfind(prefix, 0) == 0) {
                config.digest = q(d.substr(prefix.size()));
                config.pinnedById = false;
            }
    }
    for (const std::string &e : c.env)
        if (!image || std::find(image->env.begin(), image->env.end(), e) == image->env.end())
            config.env.append(q(e));
    if (!image || c.cmd != image->cmd)
        for (const std::string &a : c.cmd)
            config.cmd.append(q(a));
    for (const auto &[port, bindings] : c.portBindings) {
        const QString container = q(port).endsWith(QLatin1String("/tcp"))
                                      ? q(port).section(QLatin1Char('/'), 0, 0)
                                      : q(port);
        for (const engine::PortBinding &b : bindings) {
            const QString hostPort = q(b.hostPort).isEmpty() ? QStringLiteral("0") : q(b.hostPort);
            config.publish.append(
                b.hostIp.empty()
                    ? QStringLiteral("%1:%2").arg(hostPort, container)
                    : QStringLiteral("%1:%2:%3").arg(q(b.hostIp), hostPort, container));
        }
    }
    if (c.networkMode != "default" && c.networkMode != "bridge")
        config.network = q(c.networkMode);
    return config;
}

} // namespace

JobOutcome AdoptJob::run(const QString &app, const QString &env) {
    JobOutcome refused;
    const auto refuse = [&](const QString &why) {
        refused.error = why;
        return refused;
    };
    QString why;
    if (!validNames(app, env, &why))
        return refuse(why);
    Current cur;
    if (!lockApp(app, env, &why) || !current(app, env, &cur, &why))
        return refuse(why);
    QList<Replica> legacy;
    int others = 0;
    for (const Replica &r : std::as_const(cur.all)) {
        if (r.deploymentId > 0)
            continue;
        if (r.storeId.isEmpty())
            legacy.append(r);
        else
            ++others;
    }
    const auto running = [](const QList<Replica> &list) {
        QList<Replica> out;
        for (const Replica &r : list)
            if (r.running())
                out.append(r);
        return out;
    };
    const QList<Replica> serving = running(legacy);
    if (serving.isEmpty())
        return refuse(
            others > 0
                ? tr("No running replica of %1 in %2 is left without an owner; %n belong to "
                     "another Slipway database and are never adopted.",
                     "", others)
                      .arg(app, env)
                : tr("No running replica of %1 in %2 is left without an owner.").arg(app, env));

    // One version only: adopting two would make the next change retire a version nobody chose.
    struct Seen {
        engine::ContainerInspect container;
        const DeployHost *host = nullptr;
    };
    QList<Seen> seen;
    for (const Replica &r : serving) {
        const DeployHost *h = host(r.hostId);
        if (!h)
            return refuse(tr("host %1 is not reachable").arg(r.hostId));
        auto inspected = h->client->inspectContainer(r.id.toStdString()).wait();
        if (!inspected)
            return refuse(
                tr("inspecting %1 on %2: %3").arg(r.name, h->name, q(inspected.error().message)));
        seen.append({inspected.value(), h});
    }
    QStringList images;
    for (const Seen &s : std::as_const(seen))
        if (!images.contains(q(s.container.image)))
            images.append(q(s.container.image));
    if (images.size() > 1)
        return refuse(tr("The running replicas of %1 in %2 run %3 different images (%4): stop the "
                         "ones you do not want first, then adopt.")
                          .arg(app, env)
                          .arg(images.size())
                          .arg(images.join(QStringLiteral(", "))));

    // The record that started them, when this store is the one that deployed them, else what
    // the engine says they run.
    DeploymentRecord record;
    record.app = app;
    record.env = env;
    record.kind = DeploymentRecord::Kind::Adopt;
    const qint64 number = serving.first().legacyNumber;
    const auto earlier = onStore<std::optional<DeploymentRecord>>(
        [&](Store *, DeploymentStore &s) { return s.record(number); });
    if (earlier && earlier->app == app && earlier->env == env &&
        earlier->config.digest.section(QLatin1Char(':'), -1) ==
            images.first().section(QLatin1Char(':'), -1)) {
        record.config = earlier->config;
        record.version = earlier->version;
    } else {
        const Seen &first = seen.first();
        auto image = first.host->client->inspectImage(first.container.image).wait();
        record.config = configOf(first.container, image ? &image.value() : nullptr);
        record.config.takeSecrets(); // values stay in the containers; the record keeps keys
        record.version = serving.first().version.isEmpty() ? record.config.digest.mid(7, 12)
                                                           : serving.first().version;
    }
    record.osUser = Store::currentOsUser();
    record.startedAt = QDateTime::currentDateTimeUtc();
    record.finishedAt = record.startedAt;
    record.result = DeploymentRecord::Result::Ok;
    record.storeId = storeId_;
    record.replicas = int(serving.size());
    QList<AdoptedContainer> adopted;
    QStringList names;
    for (const Replica &r : serving) {
        record.hosts.append(r.hostId);
        adopted.append({r.hostId, host(r.hostId)->url, r.id});
        names.append(r.name);
    }
    record.detail =
        tr("adopted %1, deployed by an earlier Slipway").arg(names.join(QStringLiteral(", ")));
    const QString owner = c_.owner;
    const qint64 id = onStore<qint64>([&](Store *, DeploymentStore &s) {
        return s.insertAdoption(record, owner, adopted, &why);
    });
    if (id <= 0)
        return refuse(tr("Cannot record the adoption: %1")
                          .arg(why.isEmpty() ? tr("the database cannot be opened") : why));
    record.id = id;
    audit(record, QStringLiteral("app.adopt"));
    release();
    JobOutcome r;
    r.ok = true;
    r.record = record;
    const int stopped = int(legacy.size() - serving.size());
    if (stopped > 0)
        r.record.detail +=
            QStringLiteral("; ") +
            tr("%n stopped container(s) without an owner left as they are", "", stopped);
    return r;
}

} // namespace slipway::core
