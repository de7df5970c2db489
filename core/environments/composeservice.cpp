#include "core/environments/composeservice.h"

#include "core/environments/composekeys.h"
#include "core/environments/composeunits.h"
#include "core/environments/envfile.h"

#include <QDir>
#include <QRegularExpression>
#include <cmath>

namespace slipway::core::env {

namespace {

std::optional<QStringList> commandLine(ComposeContext &c, const YamlNode &node,
                                       const QString &path) {
    if (node.isSequence())
        return c.list(node, path);
    const auto t = c.text(node, path, ComposeReader::tr("a command line or a list of words"));
    if (!t)
        return std::nullopt;
    const auto words = splitShellWords(*t);
    if (!words)
        c.error(node.pos, path, ComposeReader::tr("the command line has an unclosed quote"));
    return words;
}

void readEnvironment(ComposeContext &c, const YamlNode &service, const QString &path,
                     ServiceSpec *s) {
    if (const YamlNode *files = service.find(QStringLiteral("env_file"))) {
        const QString filesPath = ComposeContext::join(path, QStringLiteral("env_file"));
        const auto names = c.stringOrList(*files, filesPath);
        for (const QString &name : names.value_or(QStringList{})) {
            const QString clean = QDir::cleanPath(name);
            if (clean.isEmpty() || QDir::isAbsolutePath(clean) || clean == QLatin1String("..") ||
                clean.startsWith(QLatin1String("../"))) {
                c.error(
                    files->pos, filesPath,
                    ComposeReader::tr("env file \"%1\" must be a path inside the template's folder")
                        .arg(name));
                continue;
            }
            if (!c.namedFiles.contains(clean))
                c.namedFiles.append(clean);
            if (!c.input.files.contains(clean)) {
                c.error(files->pos, filesPath,
                        ComposeReader::tr("env file \"%1\" is not part of the template").arg(name));
                continue;
            }
            // Read once however many services name it, so that its errors are reported once.
            if (!c.envFiles.contains(clean)) {
                QMap<QString, QString> values;
                EnvFile::read(c.input.files.value(clean), clean, c.input.variables, &values,
                              c.errors);
                c.envFiles.insert(clean, values);
            }
            const QMap<QString, QString> &values = c.envFiles[clean];
            for (auto it = values.cbegin(); it != values.cend(); ++it)
                s->environment.insert(it.key(), it.value());
        }
    }
    if (const YamlNode *env = service.find(QStringLiteral("environment"))) {
        const QString envPath = ComposeContext::join(path, QStringLiteral("environment"));
        const auto values = c.listOrDict(*env, envPath);
        if (values)
            for (auto it = values->cbegin(); it != values->cend(); ++it) {
                if (it.key().contains(QRegularExpression(QStringLiteral("\\s")))) {
                    c.error(env->pos, envPath,
                            ComposeReader::tr("variable name \"%1\" contains white space")
                                .arg(it.key()));
                    continue;
                }
                // KEY alone takes the variable; unset, the container does not get KEY at all.
                if (it.value())
                    s->environment.insert(it.key(), *it.value());
                else if (c.input.variables.contains(it.key()))
                    s->environment.insert(it.key(), c.input.variables.value(it.key()));
                else
                    s->environment.remove(it.key());
            }
    }
}

void readHealthcheck(ComposeContext &c, const YamlNode &node, const QString &path, ServiceSpec *s) {
    if (!c.isMap(node, path))
        return;
    ComposeKeys::check(node, KeyContext::Healthcheck, path, c.input.fileName, c.errors);
    HealthSpec h;
    bool disabled = false;
    if (const YamlNode *d = node.find(QStringLiteral("disable")))
        disabled =
            c.boolean(*d, ComposeContext::join(path, QStringLiteral("disable"))).value_or(false);
    if (const YamlNode *t = node.find(QStringLiteral("test"))) {
        const QString testPath = ComposeContext::join(path, QStringLiteral("test"));
        if (t->isSequence()) {
            h.test = c.list(*t, testPath).value_or(QStringList{});
            static const QStringList kinds{QStringLiteral("NONE"), QStringLiteral("CMD"),
                                           QStringLiteral("CMD-SHELL")};
            if (!h.test.isEmpty() && !kinds.contains(h.test.first()))
                c.error(
                    t->pos, testPath,
                    ComposeReader::tr("a test list starts with CMD, CMD-SHELL or NONE, not \"%1\"")
                        .arg(h.test.first()));
        } else if (const auto line =
                       c.text(*t, testPath, ComposeReader::tr("a command or a list"))) {
            h.test = {QStringLiteral("CMD-SHELL"), *line};
        }
        if (disabled && h.test != QStringList{QStringLiteral("NONE")})
            c.error(t->pos, testPath,
                    ComposeReader::tr("a disabled healthcheck cannot have a test"));
    }
    if (disabled)
        h.test = {QStringLiteral("NONE")};
    const auto ms = [&](const char *key, qint64 *out) {
        if (const YamlNode *n = node.find(QLatin1String(key)))
            *out = c.duration(*n, ComposeContext::join(path, QLatin1String(key))).value_or(0);
    };
    ms("interval", &h.intervalMs);
    ms("timeout", &h.timeoutMs);
    ms("start_period", &h.startPeriodMs);
    if (const YamlNode *r = node.find(QStringLiteral("retries")))
        h.retries =
            int(c.integer(*r, ComposeContext::join(path, QStringLiteral("retries")), 0, 1000000)
                    .value_or(0));
    s->healthcheck = h;
}

void readDependencies(ComposeContext &c, const YamlNode &node, const QString &path, ServiceSpec *s,
                      ServiceSites *sites) {
    const auto add = [&](const QString &name, Dependency::Condition cond, SourcePos pos,
                         const QString &at) {
        for (const Dependency &d : s->dependsOn)
            if (d.service == name) {
                c.error(pos, at, ComposeReader::tr("\"%1\" is named twice").arg(name));
                return;
            }
        s->dependsOn.append({name, cond});
        sites->dependencyPos.append(pos);
        sites->dependencyPath.append(at);
    };
    if (node.isSequence()) {
        for (size_t i = 0; i < node.items.size(); ++i) {
            const QString at = ComposeContext::index(path, qsizetype(i));
            if (const auto name = c.text(node.items[i], at, ComposeReader::tr("a service name")))
                add(*name, Dependency::Condition::Started, node.items[i].pos, at);
        }
        return;
    }
    if (!node.isMap()) {
        c.error(node.pos, path, ComposeReader::tr("expected a list of services or a mapping"));
        return;
    }
    for (const YamlEntry &e : node.entries) {
        const QString at = ComposeContext::join(path, e.key);
        auto cond = Dependency::Condition::Started;
        if (e.value.isMap()) {
            ComposeKeys::check(e.value, KeyContext::Dependency, at, c.input.fileName, c.errors);
            if (const YamlNode *n = e.value.find(QStringLiteral("condition"))) {
                const QString condPath = ComposeContext::join(at, QStringLiteral("condition"));
                const QString v = c.text(*n, condPath).value_or(QString());
                if (v == QLatin1String("service_healthy"))
                    cond = Dependency::Condition::Healthy;
                else if (v == QLatin1String("service_completed_successfully"))
                    cond = Dependency::Condition::CompletedSuccessfully;
                else if (v != QLatin1String("service_started"))
                    c.error(
                        n->pos, condPath,
                        ComposeReader::tr("the condition is service_started, service_healthy or "
                                          "service_completed_successfully, not \"%1\"")
                            .arg(v));
            }
        } else if (!e.value.isNull()) {
            c.error(e.value.pos, at, ComposeReader::tr("expected a mapping with a condition"));
        }
        add(e.key, cond, e.keyPos, at);
    }
}

void readNetworks(ComposeContext &c, const YamlNode &node, const QString &path,
                  const Declared &declared, ServiceSpec *s) {
    const auto add = [&](const QString &name, const QStringList &aliases, SourcePos pos,
                         const QString &at) {
        if (name != QLatin1String("default") && !declared.networks.contains(name))
            c.error(pos, at,
                    ComposeReader::tr("network \"%1\" is not declared under the top-level networks")
                        .arg(name));
        s->networks.append({name, aliases});
    };
    if (node.isSequence()) {
        for (size_t i = 0; i < node.items.size(); ++i) {
            const QString at = ComposeContext::index(path, qsizetype(i));
            if (const auto name = c.text(node.items[i], at, ComposeReader::tr("a network name")))
                add(*name, {}, node.items[i].pos, at);
        }
    } else if (node.isMap()) {
        for (const YamlEntry &e : node.entries) {
            const QString at = ComposeContext::join(path, e.key);
            QStringList aliases;
            if (e.value.isMap()) {
                ComposeKeys::check(e.value, KeyContext::ServiceNetwork, at, c.input.fileName,
                                   c.errors);
                if (const YamlNode *a = e.value.find(QStringLiteral("aliases")))
                    aliases = c.list(*a, ComposeContext::join(at, QStringLiteral("aliases")))
                                  .value_or(QStringList{});
            } else if (!e.value.isNull()) {
                c.error(e.value.pos, at, ComposeReader::tr("expected a mapping with aliases"));
            }
            add(e.key, aliases, e.keyPos, at);
        }
    } else {
        c.error(node.pos, path, ComposeReader::tr("expected a list of networks or a mapping"));
    }
}

void readMisc(ComposeContext &c, const YamlNode &node, const QString &path, ServiceSpec *s) {
    const auto at = [&](const char *key) {
        return ComposeContext::join(path, QLatin1String(key));
    };
    const auto str = [&](const char *key, QString *out) {
        if (const YamlNode *n = node.find(QLatin1String(key)))
            *out = c.text(*n, at(key)).value_or(QString());
    };
    str("working_dir", &s->workingDir);
    str("user", &s->user);
    str("hostname", &s->hostname);
    str("stop_signal", &s->stopSignal);
    str("restart", &s->restart);
    static const QRegularExpression restartRe(
        QStringLiteral("^(no|always|unless-stopped|on-failure(:[0-9]{1,6})?)$"));
    if (!s->restart.isEmpty() && !restartRe.match(s->restart).hasMatch())
        c.error(
            node.find(QStringLiteral("restart"))->pos, at("restart"),
            ComposeReader::tr("restart is no, always, unless-stopped or on-failure[:N], not \"%1\"")
                .arg(s->restart));
    if (const YamlNode *n = node.find(QStringLiteral("stop_grace_period")))
        if (const auto ms = c.duration(*n, at("stop_grace_period")))
            s->stopGraceSeconds = int((*ms + 999) / 1000);
    if (const YamlNode *n = node.find(QStringLiteral("tty")))
        s->tty = c.boolean(*n, at("tty")).value_or(false);
    if (const YamlNode *n = node.find(QStringLiteral("stdin_open")))
        s->stdinOpen = c.boolean(*n, at("stdin_open")).value_or(false);
    if (const YamlNode *n = node.find(QStringLiteral("extra_hosts"))) {
        const auto hosts = c.listOrDict(*n, at("extra_hosts"), u':');
        if (hosts)
            for (auto it = hosts->cbegin(); it != hosts->cend(); ++it) {
                if (!it.value() || it.value()->isEmpty())
                    c.error(n->pos, at("extra_hosts"),
                            ComposeReader::tr("\"%1\" has no address: write NAME:ADDRESS")
                                .arg(it.key()));
                else
                    s->extraHosts.append(it.key() + QLatin1Char(':') + *it.value());
            }
    }
    if (const YamlNode *n = node.find(QStringLiteral("mem_limit"))) {
        if (const auto t = c.text(*n, at("mem_limit"))) {
            if (const auto bytes = parseComposeBytes(*t))
                s->memLimitBytes = *bytes;
            else
                c.error(
                    n->pos, at("mem_limit"),
                    ComposeReader::tr("expected a size such as 512m or 1g, not \"%1\"").arg(*t));
        }
    }
    if (const YamlNode *n = node.find(QStringLiteral("cpus")))
        s->cpus = c.number(*n, at("cpus")).value_or(0);
}

} // namespace

void readService(ComposeContext &c, const YamlEntry &entry, const Declared &declared,
                 ServiceSpec *s, ServiceSites *sites) {
    const QString path = ComposeContext::join(QStringLiteral("services"), entry.key);
    s->name = entry.key;
    s->pos = entry.keyPos;
    static const QRegularExpression nameRe(QStringLiteral("^[a-zA-Z0-9._-]+$"));
    if (!nameRe.match(entry.key).hasMatch())
        c.error(entry.keyPos, path,
                ComposeReader::tr("a service name has only letters, digits, '.', '_' and '-'"));
    const YamlNode &node = entry.value;
    if (!c.isMap(node, path))
        return;
    ComposeKeys::check(node, KeyContext::Service, path, c.input.fileName, c.errors);
    const auto at = [&](const char *key) {
        return ComposeContext::join(path, QLatin1String(key));
    };

    if (const YamlNode *n = node.find(QStringLiteral("image"))) {
        if (const auto image = c.text(*n, at("image"))) {
            s->image = *image;
            if (image->isEmpty() || image->contains(QRegularExpression(QStringLiteral("\\s"))))
                c.error(n->pos, at("image"),
                        ComposeReader::tr("expected an image reference, not \"%1\"").arg(*image));
        }
    } else if (!node.find(QStringLiteral("build"))) {
        c.error(entry.keyPos, path, ComposeReader::tr("the service has no image"));
    }
    if (const YamlNode *n = node.find(QStringLiteral("command")); n && !n->isNull())
        s->command = commandLine(c, *n, at("command"));
    if (const YamlNode *n = node.find(QStringLiteral("entrypoint")); n && !n->isNull())
        s->entrypoint = commandLine(c, *n, at("entrypoint"));
    readEnvironment(c, node, path, s);
    if (const YamlNode *n = node.find(QStringLiteral("ports")))
        readPorts(c, *n, at("ports"), s, sites);
    if (const YamlNode *n = node.find(QStringLiteral("volumes")))
        readVolumes(c, *n, at("volumes"), declared, s);
    if (const YamlNode *n = node.find(QStringLiteral("networks")))
        readNetworks(c, *n, at("networks"), declared, s);
    if (s->networks.isEmpty())
        s->networks.append({QStringLiteral("default"), {}});
    if (const YamlNode *n = node.find(QStringLiteral("healthcheck")))
        readHealthcheck(c, *n, at("healthcheck"), s);
    if (const YamlNode *n = node.find(QStringLiteral("labels"))) {
        const auto labels = c.listOrDict(*n, at("labels"));
        if (labels)
            for (auto it = labels->cbegin(); it != labels->cend(); ++it)
                s->labels.insert(it.key(), it.value().value_or(QString()));
    }
    const YamlNode *replicas = nullptr;
    if (const YamlNode *d = node.find(QStringLiteral("deploy")); d && c.isMap(*d, at("deploy"))) {
        ComposeKeys::check(*d, KeyContext::Deploy, at("deploy"), c.input.fileName, c.errors);
        replicas = d->find(QStringLiteral("replicas"));
        if (replicas)
            s->replicas =
                int(c.integer(*replicas, at("deploy") + QStringLiteral(".replicas"), 0, 10000)
                        .value_or(1));
    }
    if (const YamlNode *n = node.find(QStringLiteral("scale"))) {
        if (replicas)
            c.error(n->pos, at("scale"),
                    ComposeReader::tr("scale and deploy.replicas are both set"));
        else
            s->replicas = int(c.integer(*n, at("scale"), 0, 10000).value_or(1));
    }
    if (const YamlNode *n = node.find(QStringLiteral("depends_on")))
        readDependencies(c, *n, at("depends_on"), s, sites);
    readMisc(c, node, path, s);
}

} // namespace slipway::core::env
