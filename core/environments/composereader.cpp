#include "core/environments/composereader.h"

#include "core/environments/composekeys.h"
#include "core/environments/composeservice.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>
#include <functional>

namespace slipway::core::env {

namespace {

bool validKey(const QString &key) {
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9._-]+$"));
    return re.match(key).hasMatch();
}

// The settings networks and volumes share.
struct Resource {
    QString name;
    bool external = false;
    QString driver;
    QMap<QString, QString> driverOpts;
    QMap<QString, QString> labels;
    bool internal = false;
    bool attachable = false;
};

Resource readResource(ComposeContext &c, const YamlEntry &e, const QString &section,
                      KeyContext context, const QString &project) {
    Resource r;
    const QString path = ComposeContext::join(section, e.key);
    const auto at = [&](const char *key) {
        return ComposeContext::join(path, QLatin1String(key));
    };
    if (!validKey(e.key))
        c.error(e.keyPos, path,
                ComposeReader::tr("a name has only letters, digits, '.', '_' and '-'"));
    r.name = project + QLatin1Char('_') + e.key;
    if (e.value.isNull())
        return r;
    if (!c.isMap(e.value, path))
        return r;
    const YamlNode &node = e.value;
    ComposeKeys::check(node, context, path, c.input.fileName, c.errors);
    bool named = false;
    if (const YamlNode *n = node.find(QStringLiteral("name"))) {
        r.name = c.text(*n, at("name")).value_or(r.name);
        named = true;
    }
    if (const YamlNode *n = node.find(QStringLiteral("external"))) {
        if (n->isMap()) {
            ComposeKeys::check(*n, KeyContext::External, at("external"), c.input.fileName,
                               c.errors);
            r.external = true;
            if (const YamlNode *name = n->find(QStringLiteral("name"))) {
                r.name = c.text(*name, at("external") + QStringLiteral(".name")).value_or(r.name);
                named = true;
            }
        } else {
            r.external = c.boolean(*n, at("external")).value_or(false);
        }
        if (r.external && !named)
            r.name = e.key;
        if (r.external)
            for (const char *key : {"driver", "driver_opts", "labels", "internal", "attachable"})
                if (const YamlEntry *other = node.entry(QLatin1String(key)))
                    c.error(other->keyPos, at(key),
                            ComposeReader::tr("an external %1 is not created, so it takes no "
                                              "\"%2\"")
                                .arg(section == QLatin1String("networks")
                                         ? ComposeReader::tr("network")
                                         : ComposeReader::tr("volume"),
                                     QLatin1String(key)));
    }
    if (const YamlNode *n = node.find(QStringLiteral("driver")))
        r.driver = c.text(*n, at("driver")).value_or(QString());
    const auto strings = [&](const char *key, QMap<QString, QString> *out) {
        if (const YamlNode *n = node.find(QLatin1String(key)))
            if (const auto map = c.listOrDict(*n, at(key)))
                for (auto it = map->cbegin(); it != map->cend(); ++it)
                    out->insert(it.key(), it.value().value_or(QString()));
    };
    strings("driver_opts", &r.driverOpts);
    strings("labels", &r.labels);
    if (const YamlNode *n = node.find(QStringLiteral("internal")))
        r.internal = c.boolean(*n, at("internal")).value_or(false);
    if (const YamlNode *n = node.find(QStringLiteral("attachable")))
        r.attachable = c.boolean(*n, at("attachable")).value_or(false);
    return r;
}

void readSlipway(ComposeContext &c, const YamlEntry &e, ComposeProject *p) {
    const QString path = e.key;
    if (e.value.isNull() || !c.isMap(e.value, path))
        return;
    ComposeKeys::check(e.value, KeyContext::Slipway, path, c.input.fileName, c.errors);
    if (const YamlNode *n = e.value.find(QStringLiteral("description")))
        p->slipway.description =
            c.text(*n, ComposeContext::join(path, QStringLiteral("description")))
                .value_or(QString());
    const YamlNode *keep = e.value.find(QStringLiteral("keep-volumes"));
    if (!keep)
        return;
    const QString keepPath = ComposeContext::join(path, QStringLiteral("keep-volumes"));
    p->slipway.keepVolumes = c.list(*keep, keepPath).value_or(QStringList{});
    for (const QString &key : std::as_const(p->slipway.keepVolumes)) {
        auto it = std::find_if(p->volumes.begin(), p->volumes.end(),
                               [&](const VolumeSpec &v) { return v.key == key; });
        if (it == p->volumes.end())
            c.error(keep->pos, keepPath,
                    ComposeReader::tr("volume \"%1\" is not declared under the top-level volumes")
                        .arg(key));
        else
            it->keep = true;
    }
}

void checkDependencies(ComposeContext &c, const ComposeProject &p,
                       const QMap<QString, ServiceSites> &sites) {
    for (const ServiceSpec &s : p.services) {
        const ServiceSites &site = sites[s.name];
        for (int i = 0; i < s.dependsOn.size(); ++i)
            if (!p.service(s.dependsOn[i].service))
                c.error(site.dependencyPos.value(i), site.dependencyPath.value(i),
                        ComposeReader::tr("\"%1\" depends on \"%2\", which is not a service")
                            .arg(s.name, s.dependsOn[i].service));
    }
    // Depth-first; each edge back into the current path closes a cycle.
    QMap<QString, int> state; // 0 new, 1 on the path, 2 done
    QStringList stack;
    std::function<void(const ServiceSpec &)> visit = [&](const ServiceSpec &s) {
        state[s.name] = 1;
        stack.append(s.name);
        const ServiceSites &site = sites[s.name];
        for (int i = 0; i < s.dependsOn.size(); ++i) {
            const ServiceSpec *d = p.service(s.dependsOn[i].service);
            if (!d)
                continue;
            if (state.value(d->name) == 1) {
                QStringList cycle = stack.mid(stack.indexOf(d->name));
                cycle.append(d->name);
                c.error(site.dependencyPos.value(i), site.dependencyPath.value(i),
                        ComposeReader::tr("depends_on forms a cycle: %1")
                            .arg(cycle.join(QLatin1String(" -> "))));
            } else if (state.value(d->name) == 0) {
                visit(*d);
            }
        }
        stack.removeLast();
        state[s.name] = 2;
    };
    for (const ServiceSpec &s : p.services)
        if (state.value(s.name) == 0)
            visit(s);
}

void checkPorts(ComposeContext &c, const ComposeProject &p,
                const QMap<QString, ServiceSites> &sites) {
    // By port and protocol: a template may publish many ports.
    QHash<QPair<int, QString>, QList<ServiceSites::Port>> seen;
    const auto any = [](const QString &ip) {
        return ip.isEmpty() || ip == QLatin1String("0.0.0.0") || ip == QLatin1String("::");
    };
    for (const ServiceSpec &s : p.services) {
        for (const ServiceSites::Port &port : sites[s.name].ports) {
            QList<ServiceSites::Port> &same = seen[{port.port, port.protocol}];
            for (const ServiceSites::Port &earlier : std::as_const(same)) {
                if (!(earlier.hostIp == port.hostIp || any(earlier.hostIp) || any(port.hostIp)))
                    continue;
                c.error(port.pos, port.path,
                        ComposeReader::tr("host port %1/%2 is already published by %3 (line %4)")
                            .arg(port.port)
                            .arg(port.protocol, earlier.path)
                            .arg(earlier.pos.line));
                break;
            }
            same.append(port);
        }
    }
}

} // namespace

QString ComposeReader::normalizeProjectName(const QString &name) {
    static const QRegularExpression re(QStringLiteral("[^-_a-z0-9]"));
    return name.toLower().remove(re);
}

ComposeResult ComposeReader::read(const ComposeInput &input) {
    ComposeResult result;
    YamlNode root;
    if (!YamlTree::parse(input.compose, input.fileName, &root, &result.errors))
        return result;
    ComposeContext c(input, &result.errors);
    ComposeProject p;
    if (!root.isMap()) {
        c.error(root.pos, {},
                root.isNull() ? tr("the file is empty") : tr("expected a mapping of Compose keys"));
        return result;
    }
    ComposeKeys::check(root, KeyContext::Top, {}, input.fileName, c.errors);

    QString name = input.projectName;
    if (const YamlNode *n = root.find(QStringLiteral("name")); n && name.isEmpty())
        name = c.text(*n, QStringLiteral("name")).value_or(QString());
    if (name.isEmpty())
        name = input.defaultProjectName;
    p.name = normalizeProjectName(name);
    if (p.name.isEmpty())
        c.error({}, QStringLiteral("name"),
                name.isEmpty() ? tr("no project name: give one or write name: in the file")
                               : tr("project name \"%1\" has no letter or digit").arg(name));

    Declared declared;
    const auto section = [&](const char *key, auto handle) {
        const YamlNode *n = root.find(QLatin1String(key));
        if (!n || n->isNull() || !c.isMap(*n, QLatin1String(key)))
            return;
        for (const YamlEntry &e : n->entries)
            handle(e);
    };
    section("networks", [&](const YamlEntry &e) {
        const Resource r =
            readResource(c, e, QStringLiteral("networks"), KeyContext::Network, p.name);
        declared.networks.insert(e.key);
        p.networks.append({e.key, r.name, r.external, r.driver, r.driverOpts, r.labels, r.internal,
                           r.attachable});
    });
    section("volumes", [&](const YamlEntry &e) {
        const Resource r =
            readResource(c, e, QStringLiteral("volumes"), KeyContext::Volume, p.name);
        declared.volumes.insert(e.key);
        p.volumes.append({e.key, r.name, r.external, r.driver, r.driverOpts, r.labels, false});
    });
    if (const YamlEntry *e = root.entry(QStringLiteral("x-slipway")))
        readSlipway(c, *e, &p);

    QMap<QString, ServiceSites> sites;
    section("services", [&](const YamlEntry &e) {
        ServiceSpec s;
        readService(c, e, declared, &s, &sites[e.key]);
        p.services.append(s);
    });
    if (p.services.isEmpty() &&
        (!root.find(QStringLiteral("services")) || root.find(QStringLiteral("services"))->isMap() ||
         root.find(QStringLiteral("services"))->isNull()))
        c.error(root.pos, QStringLiteral("services"), tr("the template has no services"));
    const auto byName = [](const auto &a, const auto &b) {
        return a.name < b.name;
    };
    std::sort(p.services.begin(), p.services.end(), byName);
    std::sort(p.networks.begin(), p.networks.end(),
              [](const NetworkSpec &a, const NetworkSpec &b) { return a.key < b.key; });
    std::sort(p.volumes.begin(), p.volumes.end(),
              [](const VolumeSpec &a, const VolumeSpec &b) { return a.key < b.key; });
    const bool usesDefault = std::any_of(p.services.cbegin(), p.services.cend(), [](const auto &s) {
        return std::any_of(s.networks.cbegin(), s.networks.cend(), [](const ServiceNetwork &n) {
            return n.network == QLatin1String("default");
        });
    });
    if (usesDefault && !declared.networks.contains(QStringLiteral("default"))) {
        NetworkSpec def;
        def.key = QStringLiteral("default");
        def.name = p.name + QStringLiteral("_default");
        p.networks.append(def);
        std::sort(p.networks.begin(), p.networks.end(),
                  [](const NetworkSpec &a, const NetworkSpec &b) { return a.key < b.key; });
    }
    checkDependencies(c, p, sites);
    checkPorts(c, p, sites);

    result.namedFiles = c.namedFiles;
    std::stable_sort(result.errors.begin(), result.errors.end(),
                     [&](const TemplateError &a, const TemplateError &b) {
                         const bool aMain = a.file == input.fileName;
                         const bool bMain = b.file == input.fileName;
                         if (aMain != bMain)
                             return aMain;
                         if (a.file != b.file)
                             return a.file < b.file;
                         if (a.pos.line != b.pos.line)
                             return a.pos.line < b.pos.line;
                         return a.pos.column < b.pos.column;
                     });
    if (result.errors.isEmpty())
        result.project = p;
    return result;
}

} // namespace slipway::core::env
