#include "core/deploy/publishspec.h"

namespace slipway::core {

QString PublishSpec::containerKey() const {
    return QStringLiteral("%1/%2").arg(containerPort).arg(protocol);
}

namespace {

bool port(const QString &text, int min, int *out) {
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > 65535)
        return false;
    *out = value;
    return true;
}

} // namespace

std::optional<PublishSpec> PublishSpec::parse(const QString &text, QString *error) {
    const auto fail = [&](const QString &why) -> std::optional<PublishSpec> {
        if (error)
            *error = tr("publish \"%1\": %2").arg(text, why);
        return std::nullopt;
    };
    PublishSpec spec;
    QString rest = text.trimmed();
    if (const qsizetype slash = rest.indexOf(QLatin1Char('/')); slash >= 0) {
        spec.protocol = rest.mid(slash + 1).toLower();
        rest = rest.left(slash);
        if (spec.protocol != QLatin1String("tcp") && spec.protocol != QLatin1String("udp"))
            return fail(tr("the protocol must be tcp or udp."));
    }
    const QStringList parts = rest.split(QLatin1Char(':'));
    if (parts.size() > 3 || rest.isEmpty())
        return fail(tr("expected [IP:][HOST:]CONTAINER, e.g. 8080:80 or 127.0.0.1:0:80."));
    if (!port(parts.last(), 1, &spec.containerPort))
        return fail(tr("the container port must be a number from 1 to 65535."));
    if (parts.size() >= 2) {
        const QString host = parts[parts.size() - 2];
        if (!host.isEmpty() && !port(host, 0, &spec.hostPort))
            return fail(tr("the host port must be a number from 0 to 65535."));
    }
    if (parts.size() == 3) {
        if (parts[0].isEmpty())
            return fail(tr("the address is empty."));
        spec.hostIp = parts[0];
    }
    return spec;
}

std::optional<QList<PublishSpec>> PublishSpec::parseAll(const QStringList &texts, QString *error) {
    QList<PublishSpec> all;
    for (const QString &t : texts) {
        auto one = parse(t, error);
        if (!one)
            return std::nullopt;
        all.append(*one);
    }
    return all;
}

} // namespace slipway::core
