#include "core/deploy/probespec.h"

#include <QCoreApplication>

namespace slipway::core {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ProbeSpec", text);
}

} // namespace

std::optional<ProbeSpec> ProbeSpec::parse(const QString &text, QString *error) {
    const auto refuse = [&](const QString &why) -> std::optional<ProbeSpec> {
        if (error)
            *error = tr("probe \"%1\": %2").arg(text, why);
        return std::nullopt;
    };
    ProbeSpec spec;
    QString rest;
    if (text.startsWith(QLatin1String("tcp://"))) {
        spec.kind = Kind::Tcp;
        rest = text.mid(6);
    } else if (text.startsWith(QLatin1String("http://"))) {
        spec.kind = Kind::Http;
        rest = text.mid(7);
    } else {
        return refuse(tr("expected tcp://:PORT or http://:PORT/PATH"));
    }
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    const QString authority = slash < 0 ? rest : rest.left(slash);
    spec.path = slash < 0 ? QString() : rest.mid(slash);
    const qsizetype colon = authority.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return refuse(tr("no port (expected e.g. http://:8080/health)"));
    const QString host = authority.left(colon);
    if (!host.isEmpty() && host != QLatin1String("127.0.0.1") && host != QLatin1String("localhost"))
        return refuse(tr("it is sent from inside each replica: leave the host out, as in "
                         "http://:8080/health"));
    bool ok = false;
    spec.port = authority.mid(colon + 1).toInt(&ok);
    if (!ok || spec.port < 1 || spec.port > 65535)
        return refuse(tr("the port must be a number from 1 to 65535"));
    if (spec.kind == Kind::Tcp) {
        if (!spec.path.isEmpty() && spec.path != QLatin1String("/"))
            return refuse(tr("a tcp probe has no path"));
        spec.path.clear();
        return spec;
    }
    if (spec.path.isEmpty())
        spec.path = QStringLiteral("/");
    for (const QChar c : std::as_const(spec.path))
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == QLatin1Char('"') ||
            c == QLatin1Char('\\'))
            return refuse(tr("the path may hold printable ASCII only, no spaces or quotes"));
    return spec;
}

QString ProbeSpec::toString() const {
    if (kind == Kind::Tcp)
        return QStringLiteral("tcp://:%1").arg(port);
    return QStringLiteral("http://:%1%2").arg(port).arg(path);
}

} // namespace slipway::core
