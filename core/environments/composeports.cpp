// A service's ports: short form "[[IP:][HOST:]CONTAINER[/PROTO]", ranges on both sides
// expanded as docker-compose expands them, and the long form.
#include "core/environments/composekeys.h"
#include "core/environments/composeservice.h"

#include <QRegularExpression>

namespace slipway::core::env {

namespace {

// Compose expands ranges port by port; a bigger one is a typo more likely than a plan.
constexpr int maxRange = 1000;

struct Range {
    int first = 0;
    int last = 0;
    int size() const { return last - first + 1; }
};

std::optional<Range> range(const QString &text) {
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,5})(?:-([0-9]{1,5}))?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    Range r{m.captured(1).toInt(),
            m.captured(2).isEmpty() ? m.captured(1).toInt() : m.captured(2).toInt()};
    if (r.first < 1 || r.last > 65535 || r.last < r.first)
        return std::nullopt;
    return r;
}

// "02" and "2" are one port: both forms keep the numbers, not the text they were written as.
QString portText(const Range &r) {
    return r.size() == 1 ? QString::number(r.first)
                         : QStringLiteral("%1-%2").arg(r.first).arg(r.last);
}

bool protocol(const QString &p) {
    return p == QLatin1String("tcp") || p == QLatin1String("udp") || p == QLatin1String("sctp");
}

void note(ServiceSites *sites, const PortSpec &p, SourcePos pos, const QString &path) {
    if (const auto r = range(p.published))
        for (int port = r->first; port <= r->last; ++port)
            sites->ports.append({p.hostIp, port, p.protocol, pos, path});
}

void shortForm(ComposeContext &c, const YamlNode &node, const QString &path, ServiceSpec *s,
               ServiceSites *sites) {
    const auto text = c.text(node, path, ComposeReader::tr("a port"));
    if (!text)
        return;
    const auto bad = [&](const QString &why) {
        c.error(node.pos, path, ComposeReader::tr("port \"%1\": %2").arg(*text, why));
    };
    QString rest = text->trimmed();
    PortSpec spec;
    if (const qsizetype slash = rest.lastIndexOf(u'/'); slash >= 0) {
        spec.protocol = rest.mid(slash + 1);
        rest = rest.left(slash);
        if (!protocol(spec.protocol))
            return bad(ComposeReader::tr("the protocol is tcp, udp or sctp"));
    }
    if (rest.startsWith(u'[')) { // [IPv6]:HOST:CONTAINER
        const qsizetype close = rest.indexOf(QLatin1String("]:"));
        if (close < 0)
            return bad(ComposeReader::tr("expected [ADDRESS]:HOST:CONTAINER"));
        spec.hostIp = rest.mid(1, close - 1);
        rest = rest.mid(close + 2);
        if (!rest.contains(u':'))
            return bad(ComposeReader::tr("expected [ADDRESS]:HOST:CONTAINER"));
    }
    QStringList parts = rest.split(u':');
    if (parts.size() > 3 || (parts.size() == 3 && !spec.hostIp.isEmpty()))
        return bad(ComposeReader::tr("expected [[ADDRESS:]HOST:]CONTAINER[/PROTOCOL]"));
    if (parts.size() == 3) {
        spec.hostIp = parts.takeFirst();
        if (spec.hostIp.isEmpty())
            return bad(ComposeReader::tr("the address is empty"));
    }
    const auto container = range(parts.last());
    if (!container)
        return bad(ComposeReader::tr("the container port is a number (or range) from 1 to 65535"));
    std::optional<Range> host;
    if (parts.size() == 2 && !parts.first().isEmpty()) {
        host = range(parts.first());
        if (!host)
            return bad(ComposeReader::tr("the host port is a number (or range) from 1 to 65535"));
    }
    if (container->size() > maxRange || (host && host->size() > maxRange))
        return bad(ComposeReader::tr("a range may hold at most 1000 ports"));
    if (container->size() > 1 && host && host->size() != container->size())
        return bad(ComposeReader::tr("the host range and the container range differ in size"));
    for (int i = 0; i < container->size(); ++i) {
        PortSpec p = spec;
        p.target = container->first + i;
        if (host)
            p.published =
                container->size() > 1 ? QString::number(host->first + i) : portText(*host);
        s->ports.append(p);
        note(sites, p, node.pos, path);
    }
}

void longForm(ComposeContext &c, const YamlNode &node, const QString &path, ServiceSpec *s,
              ServiceSites *sites) {
    ComposeKeys::check(node, KeyContext::Port, path, c.input.fileName, c.errors);
    const auto at = [&](const char *key) {
        return ComposeContext::join(path, QLatin1String(key));
    };
    PortSpec p;
    if (const YamlNode *n = node.find(QStringLiteral("target")))
        p.target = int(c.integer(*n, at("target"), 1, 65535).value_or(0));
    else
        c.error(node.pos, path, ComposeReader::tr("a port in long form needs a target"));
    if (const YamlNode *n = node.find(QStringLiteral("published"))) {
        if (const auto t = c.text(*n, at("published"))) {
            if (const auto r = range(*t); r && r->size() > maxRange)
                c.error(n->pos, at("published"),
                        ComposeReader::tr("a range may hold at most 1000 ports"));
            else if (r)
                p.published = portText(*r);
            else
                c.error(n->pos, at("published"),
                        ComposeReader::tr(
                            "the published port is a number (or range) from 1 to 65535, not "
                            "\"%1\"")
                            .arg(*t));
        }
    }
    if (const YamlNode *n = node.find(QStringLiteral("protocol"))) {
        p.protocol = c.text(*n, at("protocol")).value_or(p.protocol);
        if (!protocol(p.protocol))
            c.error(n->pos, at("protocol"), ComposeReader::tr("the protocol is tcp, udp or sctp"));
    }
    if (const YamlNode *n = node.find(QStringLiteral("host_ip")))
        p.hostIp = c.text(*n, at("host_ip")).value_or(QString());
    if (const YamlNode *n = node.find(QStringLiteral("mode"))) {
        // A standalone container publishes on its host either way, as docker-compose does.
        const QString mode = c.text(*n, at("mode")).value_or(QStringLiteral("host"));
        if (mode != QLatin1String("host") && mode != QLatin1String("ingress"))
            c.error(n->pos, at("mode"),
                    ComposeReader::tr("the mode is host or ingress, not \"%1\"").arg(mode));
    }
    s->ports.append(p);
    note(sites, p, node.pos, path);
}

} // namespace

void readPorts(ComposeContext &c, const YamlNode &node, const QString &path, ServiceSpec *s,
               ServiceSites *sites) {
    if (!node.isSequence()) {
        c.error(node.pos, path, ComposeReader::tr("expected a list of ports"));
        return;
    }
    for (size_t i = 0; i < node.items.size(); ++i) {
        const QString at = ComposeContext::index(path, qsizetype(i));
        if (node.items[i].isMap())
            longForm(c, node.items[i], at, s, sites);
        else
            shortForm(c, node.items[i], at, s, sites);
    }
}

} // namespace slipway::core::env
