// A service's volumes: short form "[SOURCE:]TARGET[:MODE]" and the long form; named volumes
// must be declared at the top level; relative bind sources are resolved against the
// template's folder, and refused for a remote host, whose disk does not have that folder.
#include "core/environments/composekeys.h"
#include "core/environments/composeservice.h"

#include <QDir>

namespace slipway::core::env {

namespace {

// Fills the source of a bind or named volume; false after an error.
bool resolveSource(ComposeContext &c, const Declared &declared, SourcePos pos, const QString &path,
                   MountSpec *m) {
    const QString source = m->source;
    if (m->type == MountSpec::Type::Volume) {
        if (!source.isEmpty() && !declared.volumes.contains(source)) {
            c.error(pos, path,
                    ComposeReader::tr("volume \"%1\" is not declared under the top-level volumes")
                        .arg(source));
            return false;
        }
        return true;
    }
    if (source.isEmpty()) {
        c.error(pos, path, ComposeReader::tr("a bind mount needs a source"));
        return false;
    }
    if (source.startsWith(u'~')) {
        c.error(pos, path,
                ComposeReader::tr(
                    "bind mount \"%1\": ~ is a home folder of whichever machine reads it; "
                    "write an absolute path")
                    .arg(source));
        return false;
    }
    if (QDir::isAbsolutePath(source)) {
        m->source = QDir::cleanPath(source);
        return true;
    }
    if (c.input.remoteHost) {
        c.error(pos, path,
                ComposeReader::tr(
                    "bind mount \"%1\" is a folder of this workstation, and the environment's "
                    "host is remote: it cannot mount it; use a named volume or an absolute path "
                    "on the host")
                    .arg(source));
        return false;
    }
    if (c.input.baseDirectory.isEmpty()) {
        c.error(pos, path,
                ComposeReader::tr(
                    "bind mount \"%1\" is relative, and the template has no folder to resolve "
                    "it against")
                    .arg(source));
        return false;
    }
    m->source = QDir::cleanPath(c.input.baseDirectory + QLatin1Char('/') + source);
    return true;
}

bool shortForm(ComposeContext &c, const YamlNode &node, const QString &path,
               const Declared &declared, MountSpec *m) {
    const auto text = c.text(node, path, ComposeReader::tr("a volume"));
    if (!text)
        return false;
    const QStringList parts = text->split(u':');
    if (parts.size() > 3 || text->isEmpty()) {
        c.error(node.pos, path,
                ComposeReader::tr("volume \"%1\": expected [SOURCE:]TARGET[:ro|rw]").arg(*text));
        return false;
    }
    m->target = parts.size() == 1 ? parts[0] : parts[1];
    const QString source = parts.size() == 1 ? QString() : parts[0];
    if (parts.size() == 3) {
        for (const QString &option : parts[2].split(u',')) {
            if (option == QLatin1String("ro"))
                m->readOnly = true;
            else if (option != QLatin1String("rw")) {
                c.error(node.pos, path,
                        ComposeReader::tr(
                            "volume option \"%1\" is not supported: Slipway's provisioner does "
                            "not apply it")
                            .arg(option));
                return false;
            }
        }
    }
    const bool bind = source.startsWith(u'/') || source.startsWith(u'.') || source.startsWith(u'~');
    m->type = bind ? MountSpec::Type::Bind : MountSpec::Type::Volume;
    m->source = source;
    return resolveSource(c, declared, node.pos, path, m);
}

bool longForm(ComposeContext &c, const YamlNode &node, const QString &path,
              const Declared &declared, MountSpec *m) {
    ComposeKeys::check(node, KeyContext::Mount, path, c.input.fileName, c.errors);
    const auto at = [&](const char *key) {
        return ComposeContext::join(path, QLatin1String(key));
    };
    const YamlNode *type = node.find(QStringLiteral("type"));
    if (!type) {
        c.error(node.pos, path,
                ComposeReader::tr("a volume in long form needs a type: bind, volume or tmpfs"));
        return false;
    }
    const QString t = c.text(*type, at("type")).value_or(QString());
    if (t == QLatin1String("bind"))
        m->type = MountSpec::Type::Bind;
    else if (t == QLatin1String("volume"))
        m->type = MountSpec::Type::Volume;
    else if (t == QLatin1String("tmpfs"))
        m->type = MountSpec::Type::Tmpfs;
    else {
        c.error(type->pos, at("type"),
                ComposeReader::tr("the type is bind, volume or tmpfs, not \"%1\"").arg(t));
        return false;
    }
    if (const YamlNode *n = node.find(QStringLiteral("source")))
        m->source = c.text(*n, at("source")).value_or(QString());
    if (const YamlNode *n = node.find(QStringLiteral("target")))
        m->target = c.text(*n, at("target")).value_or(QString());
    if (const YamlNode *n = node.find(QStringLiteral("read_only")))
        m->readOnly = c.boolean(*n, at("read_only")).value_or(false);
    if (m->type == MountSpec::Type::Tmpfs) {
        if (!m->source.isEmpty()) {
            c.error(node.pos, path, ComposeReader::tr("a tmpfs mount has no source"));
            return false;
        }
        return true;
    }
    return resolveSource(c, declared, node.pos, path, m);
}

} // namespace

void readVolumes(ComposeContext &c, const YamlNode &node, const QString &path,
                 const Declared &declared, ServiceSpec *s) {
    if (!node.isSequence()) {
        c.error(node.pos, path, ComposeReader::tr("expected a list of volumes"));
        return;
    }
    for (size_t i = 0; i < node.items.size(); ++i) {
        const YamlNode &item = node.items[i];
        const QString at = ComposeContext::index(path, qsizetype(i));
        MountSpec m;
        m.pos = item.pos;
        const bool ok = item.isMap() ? longForm(c, item, at, declared, &m)
                                     : shortForm(c, item, at, declared, &m);
        if (!ok)
            continue;
        if (!m.target.startsWith(u'/')) {
            c.error(item.pos, at,
                    ComposeReader::tr("the target \"%1\" must be an absolute path in the container")
                        .arg(m.target));
            continue;
        }
        bool duplicate = false;
        for (const MountSpec &other : s->volumes)
            duplicate = duplicate || QDir::cleanPath(other.target) == QDir::cleanPath(m.target);
        if (duplicate) {
            c.error(item.pos, at, ComposeReader::tr("%1 is mounted twice").arg(m.target));
            continue;
        }
        s->volumes.append(m);
    }
}

} // namespace slipway::core::env
