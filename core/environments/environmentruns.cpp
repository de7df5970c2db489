// Environments' provisions, recycles and sweeps: the record first (so a crash leaves a trace
// recovery can find), then the Provisioner on the engine, then the record's end, each record
// change one transaction on the store thread.
#include "core/deploy/placement.h"
#include "core/environments/composereader.h"
#include "core/environments/environmentsimpl.h"
#include "core/environments/environmentstore.h"
#include "core/environments/provisioner.h"
#include "core/fleet/hostmonitor.h"
#include "core/store/store.h"
#include "core/store/storethread.h"

#include <QRandomGenerator>
#include <QSysInfo>
#include <QUrl>
#include <cerrno>
#include <csignal>

namespace slipway::core::env {

namespace {

// A unix socket or a loopback address: the engine sees this machine's folders.
bool sharesThisMachine(const QString &url) {
    if (url.startsWith(QLatin1String("unix://")) || url.startsWith(QLatin1Char('/')))
        return true;
    const QString host = QUrl(url).host();
    return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") ||
           host == QLatin1String("::1");
}

// "machine:pid" of a process on this machine that no longer runs.
bool ownerGone(const QString &owner) {
    const qsizetype colon = owner.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0 || owner.left(colon) != QSysInfo::machineHostName())
        return false; // another machine's: it may still be at work
    bool ok = false;
    const qint64 pid = owner.mid(colon + 1).toLongLong(&ok);
    return ok && pid > 0 && pid != QCoreApplication::applicationPid() &&
           ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

QString randomSuffix() {
    static const char letters[] = "abcdefghijkmnpqrstuvwxyz23456789";
    QString s;
    for (int i = 0; i < 4; ++i)
        s += QLatin1Char(letters[QRandomGenerator::global()->bounded(int(sizeof letters) - 1)]);
    return s;
}

EnvironmentIdentity identityOf(const EnvironmentRecord &r, const QString &storeId) {
    return EnvironmentIdentity{
        r.id,           storeId,
        r.templateName, QString::number(r.templateVersion),
        r.kind,         r.osUser + QLatin1Char('@') + QSysInfo::machineHostName()};
}

} // namespace

quint64 Environments::provision(const ProvisionRequest &request) {
    const quint64 id = d->nextRequest++;
    const auto refuse = [this, id](const QString &why) {
        // Answered from the event loop, so that the caller has the request number first.
        d->mailbox.post([this, id, why] { emit provisionFinished(id, QString(), false, why); });
        return id;
    };
    QString hostId = request.hostId;
    if (hostId.isEmpty()) {
        QStringList up;
        for (int i = 0; i < d->hosts->hostCount(); ++i)
            if (d->hosts->status(i).state == HostStatus::State::Up)
                up.append(d->hosts->host(i).id);
        QString why;
        const auto placed =
            Placement::place(Placement::measure(up, d->inventory, d->metrics), 1, false, {}, &why);
        if (!placed || placed->isEmpty())
            return refuse(tr("No host to provision on: %1").arg(why));
        hostId = placed->first();
    }
    const int index = d->hosts->indexOf(hostId);
    auto client = d->hosts->client(hostId);
    if (index < 0 || !client || d->hosts->status(index).state != HostStatus::State::Up)
        return refuse(
            tr("Host %1 is not reachable.").arg(index < 0 ? hostId : d->hosts->host(index).name));
    const HostConfig host = d->hosts->host(index);

    struct Prepared {
        QString error;
        QString storeId;
        EnvironmentRecord record;
        std::optional<ComposeProject> project;
    };
    d->store->run<Prepared>(
        [request, host](Store *store, const QString &openError) {
            Prepared p;
            if (!store) {
                p.error = openError;
                return p;
            }
            TemplateStore templates(store->database());
            KindStore kinds(store->database());
            EnvironmentStore envs(store->database());
            p.storeId = store->storeId(&p.error);
            if (p.storeId.isEmpty())
                return p;
            const auto version =
                templates.version(request.templateName, request.templateVersion, &p.error);
            if (!version)
                return p;
            const auto vars = kinds.resolve(request.templateName, request.kind, request.overrides,
                                            SecretSources{}, &p.error);
            if (!vars)
                return p;
            QString name = request.name;
            if (name.isEmpty()) {
                const QString base = ComposeReader::normalizeProjectName(
                                         request.templateName + QLatin1Char('-') + request.kind)
                                         .left(50);
                for (int attempt = 0; attempt < 20 && name.isEmpty(); ++attempt) {
                    const QString candidate = base + QLatin1Char('-') + randomSuffix();
                    if (!envs.liveByName(candidate, &p.error) && p.error.isEmpty())
                        name = candidate;
                }
                if (name.isEmpty())
                    return p;
            }
            if (const QString why = EnvironmentStore::checkName(name); !why.isEmpty()) {
                p.error = why;
                return p;
            }
            ComposeInput in;
            in.fileName = version->content.composeFile;
            in.compose = version->content.compose();
            in.files = version->content.files;
            in.variables = vars->values;
            in.projectName = name;
            in.baseDirectory = version->origin;
            in.remoteHost = !sharesThisMachine(host.url);
            ComposeResult read = ComposeReader::read(in);
            if (!read.project) {
                QStringList lines;
                for (const TemplateError &e : read.errors)
                    lines.append(QStringLiteral("%1:%2:%3: %4: %5")
                                     .arg(e.file.isEmpty() ? in.fileName : e.file)
                                     .arg(e.pos.line)
                                     .arg(e.pos.column)
                                     .arg(e.key, e.message));
                p.error = tr("Template %1 version %2 does not resolve:\n%3")
                              .arg(request.templateName)
                              .arg(version->version)
                              .arg(lines.join(QLatin1Char('\n')));
                return p;
            }
            EnvironmentRecord r;
            r.name = name;
            r.templateName = version->name;
            r.templateVersion = version->version;
            r.kind = request.kind;
            r.hostId = host.id;
            r.hostUrl = host.url;
            r.overrides = request.overrides;
            r.secretKeys = vars->secretKeys;
            const auto begun = envs.begin(r, &p.error);
            if (!begun)
                return p;
            p.record = *begun;
            p.project = std::move(read.project);
            return p;
        },
        d->mailbox,
        [this, id, client, host](const Prepared &p) {
            if (!p.project) {
                emit provisionFinished(id, QString(), false, p.error);
                return;
            }
            d->storeId = p.storeId;
            d->records.prepend(p.record);
            emit environmentsChanged();
            emit auditAppended();
            ProvisionOptions options;
            options.hostName = host.name;
            auto *provisioner = new Provisioner(client, options, this);
            const QString envId = p.record.id;
            d->running.insert(envId, provisioner);
            connect(provisioner, &Provisioner::serviceChanged, this,
                    [this, envId](const ServiceProgress &progress) {
                        emit this->progress(envId, progress);
                    });
            connect(provisioner, &Provisioner::finished, this,
                    [this, id, envId, provisioner](const EnvironmentOutcome &outcome) {
                        d->running.remove(envId);
                        provisioner->deleteLater();
                        d->finishProvision(id, envId, outcome.ok, outcome.error);
                    });
            if (!provisioner->provision(*p.project, identityOf(p.record, p.storeId))) {
                d->running.remove(envId);
                provisioner->deleteLater();
                d->finishProvision(id, envId, false, tr("The provisioner is busy."));
            }
        });
    return id;
}

void Environments::Impl::finishProvision(quint64 request, const QString &environmentId, bool ok,
                                         const QString &error) {
    store->run<QString>(
        [environmentId, ok, error](Store *s, const QString &openError) {
            if (!s)
                return openError;
            QString why;
            EnvironmentStore envs(s->database());
            if (ok)
                envs.markReady(environmentId, &why);
            else
                envs.markFailed(environmentId, error, &why);
            return why;
        },
        mailbox,
        [this, request, environmentId, ok, error](const QString &recordError) {
            const bool done = ok && recordError.isEmpty();
            emit q->provisionFinished(request, environmentId, done, ok ? recordError : error);
            emit q->auditAppended();
            q->refresh();
        });
}

void Environments::cancel(const QString &environmentId) {
    if (auto p = d->running.value(environmentId))
        p->cancel();
}

void Environments::recycle(const QStringList &environmentIds) {
    for (const QString &envId : environmentIds) {
        if (d->recycling.contains(envId) || d->running.contains(envId))
            continue;
        d->recycling.insert(envId);
        // The version the user's view shows: if someone changed the environment since, the
        // recycle is refused with what it is now (and the refresh that follows shows it).
        int readVersion = 0;
        for (const EnvironmentRecord &r : std::as_const(d->records))
            if (r.id == envId)
                readVersion = r.version;
        struct Begun {
            QString error;
            QString storeId;
            EnvironmentRecord record;
        };
        d->store->run<Begun>(
            [envId, readVersion](Store *store, const QString &openError) {
                Begun b;
                if (!store) {
                    b.error = openError;
                    return b;
                }
                EnvironmentStore envs(store->database());
                b.storeId = store->storeId(&b.error);
                if (b.storeId.isEmpty() || !envs.beginRecycle(envId, &b.error, {}, readVersion))
                    return b;
                if (auto r = envs.record(envId, &b.error))
                    b.record = *r;
                return b;
            },
            d->mailbox,
            [this, envId](const Begun &b) {
                const auto end = [this, envId](bool ok, const QString &why, bool recorded) {
                    const auto report = [this, envId, ok, why](const QString &recordError) {
                        d->recycling.remove(envId);
                        emit recycleFinished(envId, ok && recordError.isEmpty(),
                                             recordError.isEmpty() ? why : recordError);
                        emit auditAppended();
                        refresh();
                    };
                    if (!recorded) {
                        report(QString());
                        return;
                    }
                    d->store->run<QString>(
                        [envId, ok, why](Store *s, const QString &openError) {
                            if (!s)
                                return openError;
                            QString e;
                            EnvironmentStore envs(s->database());
                            if (ok)
                                envs.markRecycled(envId, &e);
                            else
                                envs.recycleFailed(envId, why, &e);
                            return e;
                        },
                        d->mailbox, report);
                };
                if (b.record.id.isEmpty()) {
                    end(false, b.error, false);
                    return;
                }
                const QString hostId = d->liveHostId(b.record);
                auto client = d->hosts->client(hostId);
                if (!client) {
                    end(false, tr("Host %1 is not reachable.").arg(b.record.hostUrl), true);
                    return;
                }
                auto *provisioner = new Provisioner(client, {}, this);
                connect(provisioner, &Provisioner::finished, this,
                        [end, provisioner](const EnvironmentOutcome &outcome) {
                            provisioner->deleteLater();
                            end(outcome.ok, outcome.error, true);
                        });
                provisioner->recycle(identityOf(b.record, b.storeId));
                emit environmentsChanged();
            });
    }
}

void Environments::Impl::sweepLeftovers() {
    if (storeId.isEmpty() || !sweepAllowed)
        return;
    const QDateTime dayAgo = QDateTime::currentDateTimeUtc().addDays(-1);
    for (const EnvironmentRecord &r : std::as_const(records)) {
        if (swept.contains(r.id) || running.contains(r.id) || recycling.contains(r.id))
            continue;
        // A provision or recycle whose process died; a failure whose clean-up the engine
        // may not have heard (it was down).
        const bool orphan = (r.state == EnvironmentRecord::State::Provisioning ||
                             r.state == EnvironmentRecord::State::Recycling) &&
                            ownerGone(r.owner);
        const bool failedRecently =
            r.state == EnvironmentRecord::State::Failed && r.failedAt > dayAgo;
        if (!orphan && !failedRecently)
            continue;
        const QString hostId = liveHostId(r);
        const int index = hosts->indexOf(hostId);
        auto client = hosts->client(hostId);
        if (index < 0 || !client || hosts->status(index).state != HostStatus::State::Up)
            continue;
        swept.insert(r.id);
        auto *provisioner = new Provisioner(client, {}, q);
        const EnvironmentRecord record = r;
        QObject::connect(
            provisioner, &Provisioner::finished, q,
            [this, provisioner, record](const EnvironmentOutcome &outcome) {
                provisioner->deleteLater();
                const auto done = [this] {
                    if (--sweeps == 0)
                        emit q->sweepsDone();
                };
                if (!outcome.ok) {
                    swept.remove(record.id); // the next refresh or host answer tries again
                    done();
                    return;
                }
                if (record.state == EnvironmentRecord::State::Failed) {
                    done();
                    return;
                }
                store->run<QString>(
                    [record](Store *s, const QString &openError) {
                        if (!s)
                            return openError;
                        QString e;
                        EnvironmentStore envs(s->database());
                        if (record.state == EnvironmentRecord::State::Recycling)
                            envs.markRecycled(record.id, &e);
                        else
                            envs.markFailed(record.id,
                                            Environments::tr("Interrupted: the process "
                                                             "provisioning it (%1) ended; what it "
                                                             "had created was removed.")
                                                .arg(record.owner),
                                            &e);
                        return e;
                    },
                    mailbox,
                    [this, done](const QString &) {
                        q->refresh();
                        done();
                    });
            });
        ++sweeps;
        // An interrupted recycle is finished as a recycle: the volumes its template keeps stay.
        if (r.state == EnvironmentRecord::State::Recycling)
            provisioner->recycle(identityOf(r, storeId));
        else
            provisioner->sweep(identityOf(r, storeId));
    }
}

} // namespace slipway::core::env
