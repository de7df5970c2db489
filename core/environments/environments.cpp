#include "core/environments/environments.h"

#include "core/environments/composereader.h"
#include "core/environments/environmentsimpl.h"
#include "core/environments/environmentstore.h"
#include "core/environments/templatefolder.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/inventory.h"
#include "core/store/store.h"
#include "core/store/storethread.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace slipway::core::env {

QList<QPair<QString, TemplateContent>> builtinTemplates() {
    // resources/templates/<name>.yml, or <name>/compose.yaml with the files beside it.
    QList<QPair<QString, TemplateContent>> out;
    const QDir root(QStringLiteral(":/slipway/templates"));
    for (const QFileInfo &entry :
         root.entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot, QDir::Name)) {
        TemplateContent content;
        if (entry.isFile()) {
            QFile f(entry.filePath());
            if (f.open(QIODevice::ReadOnly))
                content.files.insert(content.composeFile, f.readAll());
            out.append({entry.completeBaseName(), content});
            continue;
        }
        const QDir dir(entry.filePath());
        QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                content.files.insert(dir.relativeFilePath(path), f.readAll());
        }
        for (const QString &candidate :
             {QStringLiteral("compose.yaml"), QStringLiteral("compose.yml"),
              QStringLiteral("docker-compose.yml")})
            if (content.files.contains(candidate))
                content.composeFile = candidate;
        out.append({entry.fileName(), content});
    }
    return out;
}

Environments::Environments(std::shared_ptr<StoreThread> store, HostMonitor *hosts,
                           Inventory *inventory, Metrics *metrics, QObject *parent)
    : QObject(parent), d(new Impl{this,
                                  std::move(store),
                                  hosts,
                                  inventory,
                                  metrics,
                                  Mailbox(this),
                                  {},
                                  {},
                                  {},
                                  {},
                                  false,
                                  false,
                                  false,
                                  1,
                                  {},
                                  {},
                                  {},
                                  0,
                                  true}) {
    qRegisterMetaType<ServiceProgress>();
    d->osUser = Store::currentOsUser();
    // What runs of each environment follows the Inventory; one signal per batch.
    const auto changed = [this](const ContainerList &list) {
        for (const ContainerRef &c : list)
            if (!c->label(u"slipway.environment").isEmpty()) {
                emit environmentsChanged();
                return;
            }
    };
    connect(inventory, &Inventory::containersInserted, this, changed);
    connect(inventory, &Inventory::containersChanged, this, changed);
    connect(inventory, &Inventory::containersRemoved, this, changed);
    // A host that answers again may hold what an interrupted provision left.
    connect(hosts, &HostMonitor::statusChanged, this, [this] { d->sweepLeftovers(); });
}

Environments::~Environments() {
    d->mailbox.close();
    for (const auto &p : std::as_const(d->running))
        delete p.data();
}

QList<TemplateSummary> Environments::templates() const {
    return d->templates;
}

QString Environments::osUser() const {
    return d->osUser;
}

bool Environments::sweeping() const {
    return d->sweeps > 0;
}

void Environments::setSweeping(bool allowed) {
    if (d->sweepAllowed == allowed)
        return;
    d->sweepAllowed = allowed;
    if (allowed)
        d->sweepLeftovers();
}

QString Environments::Impl::liveHostId(const EnvironmentRecord &r) const {
    if (hosts->indexOf(r.hostId) >= 0)
        return r.hostId;
    for (int i = 0; i < hosts->hostCount(); ++i)
        if (!r.hostUrl.isEmpty() && hosts->host(i).url == r.hostUrl)
            return hosts->host(i).id;
    return r.hostId;
}

QList<EnvironmentStatus> Environments::environments() const {
    // Each host's containers are gone through once, grouped by environment: a fleet of
    // thousands of containers and a long list of environments stay linear.
    QHash<QString, QHash<QString, ContainerList>> byHost; // host id -> environment id -> containers
    QList<EnvironmentStatus> out;
    out.reserve(d->records.size());
    for (const EnvironmentRecord &r : d->records) {
        EnvironmentStatus s{r, {}};
        if (r.live()) {
            const QString hostId = d->liveHostId(r);
            auto it = byHost.find(hostId);
            if (it == byHost.end()) {
                it = byHost.insert(hostId, {});
                for (const ContainerRef &c : d->inventory->containers(hostId)) {
                    const QString env = c->label(u"slipway.environment");
                    if (!env.isEmpty())
                        (*it)[env].append(c);
                }
            }
            s.services = EnvironmentStatus::servicesFrom(r.id, it->value(r.id));
        }
        out.append(s);
    }
    return out;
}

void Environments::refresh() {
    if (d->refreshing) {
        d->refreshAgain = true;
        return;
    }
    d->refreshing = true;
    struct Loaded {
        QString error;
        QString storeId;
        QList<TemplateSummary> templates;
        QList<EnvironmentRecord> records;
    };
    const bool seed = !d->seeded;
    d->store->run<Loaded>(
        [seed](Store *store, const QString &openError) {
            Loaded l;
            if (!store) {
                l.error = openError;
                return l;
            }
            TemplateStore templates(store->database());
            if (seed)
                templates.seedBuiltins(builtinTemplates(), &l.error);
            l.storeId = store->storeId(&l.error);
            l.templates = templates.templates(&l.error);
            // The live ones and the last 200 ended: a long history stays in the database.
            EnvironmentStore envs(store->database());
            l.records = envs.all(200, &l.error);
            QSet<QString> shown;
            for (const auto &r : std::as_const(l.records))
                shown.insert(r.id);
            for (const auto &r : envs.live(&l.error))
                if (!shown.contains(r.id))
                    l.records.append(r);
            return l;
        },
        d->mailbox,
        [this](const Loaded &l) {
            d->refreshing = false;
            d->seeded = true;
            if (!l.storeId.isEmpty())
                d->storeId = l.storeId;
            d->templates = l.templates;
            d->records = l.records;
            emit templatesChanged();
            emit environmentsChanged();
            d->sweepLeftovers();
            if (d->refreshAgain) {
                d->refreshAgain = false;
                refresh();
            }
        });
}

void Environments::loadTemplate(const QString &name, int version) {
    struct Loaded {
        TemplateDetails details;
        QString error;
    };
    d->store->run<Loaded>(
        [name, version](Store *store, const QString &openError) {
            Loaded l;
            if (!store) {
                l.error = openError;
                return l;
            }
            TemplateStore templates(store->database());
            KindStore kinds(store->database());
            const auto v = templates.version(name, version, &l.error);
            if (!v)
                return l;
            l.details.version = *v;
            l.details.kinds = kinds.kinds(&l.error);
            l.details.defaults = kinds.variables(name, QString(), &l.error);
            l.details.variableVersions.insert(QString(),
                                              kinds.variablesVersion(name, QString(), &l.error));
            for (const Kind &k : l.details.kinds) {
                l.details.variableVersions.insert(k.name,
                                                  kinds.variablesVersion(name, k.name, &l.error));
                const auto vars = kinds.variables(name, k.name, &l.error);
                if (!vars.isEmpty())
                    l.details.kindVariables.insert(k.name, vars);
            }
            // Resolved with the template's own values only: a variable a kind or the
            // provision gives is empty here, and the services are listed all the same.
            ComposeInput in;
            in.fileName = v->content.composeFile;
            in.compose = v->content.compose();
            in.files = v->content.files;
            for (const KindVariable &kv : l.details.defaults)
                in.variables.insert(kv.key, kv.value);
            // A required variable is the kind's or the provision's to give; a stand-in lets
            // the services be listed meanwhile.
            static const QRegularExpression required(
                QStringLiteral(R"(\$\{([A-Za-z_][A-Za-z0-9_]*):?\?)"));
            for (auto it = required.globalMatch(QString::fromUtf8(in.compose)); it.hasNext();) {
                const QString key = it.next().captured(1);
                if (!in.variables.contains(key) && !l.details.required.contains(key)) {
                    l.details.required.append(key);
                    in.variables.insert(key, QStringLiteral("x"));
                }
            }
            in.projectName = ComposeReader::normalizeProjectName(name);
            if (in.projectName.isEmpty())
                in.projectName = QStringLiteral("template");
            const ComposeResult r = ComposeReader::read(in);
            if (r.project) {
                for (const ServiceSpec &s : r.project->services)
                    l.details.services.append(s.name);
                l.details.description = r.project->slipway.description;
            }
            for (const TemplateError &e : r.errors)
                l.details.errors.append(QStringLiteral("%1:%2: %3: %4")
                                            .arg(e.pos.line)
                                            .arg(e.pos.column)
                                            .arg(e.key, e.message));
            return l;
        },
        d->mailbox,
        [this, name](const Loaded &l) { emit templateLoaded(name, l.details, l.error); });
}

void Environments::importTemplate(const QString &name, const QString &composePath) {
    struct Done {
        bool ok = false;
        QString error;
    };
    d->store->run<Done>(
        [name, composePath](Store *store, const QString &openError) {
            Done done;
            if (!store) {
                done.error = openError;
                return done;
            }
            // The reader says which files the Compose file names; only those are taken.
            QFile file(composePath);
            if (!file.open(QIODevice::ReadOnly)) {
                done.error = tr("%1: %2").arg(composePath, file.errorString());
                return done;
            }
            ComposeInput in;
            in.fileName = QFileInfo(composePath).fileName();
            in.compose = file.read(TemplateRules::kMaxFileBytes + 1);
            in.projectName = QStringLiteral("import");
            const ComposeResult r = ComposeReader::read(in);
            const QString folder = QFileInfo(composePath).absolutePath();
            TemplateStore templates(store->database());
            done.ok = templates
                          .importFolder(name, folder, QFileInfo(composePath).fileName(),
                                        r.namedFiles, &done.error)
                          .has_value();
            return done;
        },
        d->mailbox,
        [this, name](const Done &done) {
            emit templateImported(name, done.ok, done.error);
            if (done.ok) {
                emit auditAppended();
                refresh();
            }
        });
}

void Environments::loadHistory(const QString &name) {
    using History = std::pair<QList<TemplateVersion>, QString>;
    d->store->run<History>(
        [name](Store *store, const QString &openError) {
            if (!store)
                return History{{}, openError};
            QString error;
            auto versions = TemplateStore(store->database()).history(name, &error);
            return History{versions, error};
        },
        d->mailbox,
        [this, name](const History &h) { emit historyLoaded(name, h.first, h.second); });
}

void Environments::loadDiff(const QString &name, int from, int to) {
    using Diff = std::pair<QString, QString>;
    d->store->run<Diff>(
        [name, from, to](Store *store, const QString &openError) {
            if (!store)
                return Diff{{}, openError};
            QString error;
            const auto diff = TemplateStore(store->database()).diff(name, from, to, &error);
            return Diff{diff ? diff->text() : QString(), error};
        },
        d->mailbox,
        [this, name, from, to](const Diff &diff) {
            emit diffLoaded(name, from, to, diff.first, diff.second);
        });
}

void Environments::saveVariables(const QString &name, const QString &kind,
                                 const QList<KindVariable> &variables, int readVersion) {
    d->store->run<QString>(
        [name, kind, variables, readVersion](Store *store, const QString &openError) {
            if (!store)
                return openError;
            QString error;
            KindStore(store->database())
                .replaceVariables(name, kind, variables, &error, readVersion);
            return error;
        },
        d->mailbox,
        [this, name, kind](const QString &error) {
            emit variablesSaved(name, kind, error.isEmpty(), error);
            if (error.isEmpty()) {
                emit auditAppended();
                loadTemplate(name);
            }
        });
}

} // namespace slipway::core::env
