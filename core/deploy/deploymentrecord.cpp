#include "core/deploy/deploymentrecord.h"

#include "core/deploy/probespec.h"
#include "core/deploy/publishspec.h"
#include "core/deploy/secretenv.h"
#include "engine/imagereference.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace slipway::core {

QString DeploymentConfig::pinnedReference() const {
    if (digest.isEmpty())
        return image;
    if (pinnedById)
        return digest;
    auto ref = engine::ImageReference::parse(image.toStdString());
    if (!ref)
        return image;
    return QString::fromStdString(ref.value().repository) + QLatin1Char('@') + digest;
}

bool DeploymentConfig::hasFixedHostPort() const {
    for (const QString &p : publish) {
        if (auto spec = PublishSpec::parse(p); spec && spec->fixed())
            return true;
    }
    return false;
}

QHash<QString, QString> DeploymentConfig::takeSecrets() {
    QHash<QString, QString> values;
    QStringList plain;
    for (const QString &e : std::as_const(env)) {
        const QString key = SecretEnv::keyOf(e);
        if (!SecretEnv::isSecret(key, secret)) {
            plain.append(e);
            continue;
        }
        values.insert(key, SecretEnv::valueOf(e));
        if (!secret.contains(key))
            secret.append(key);
    }
    env = plain;
    return values;
}

QStringList DeploymentConfig::maskedEnv() const {
    return SecretEnv::masked(env, secret);
}

QString DeploymentConfig::toJson() const {
    const auto array = [](const QStringList &list) {
        return QJsonArray::fromStringList(list);
    };
    DeploymentConfig stored = *this;
    stored.takeSecrets(); // the values are dropped here, whoever forgot them
    QJsonObject o{{"image", image},           {"digest", digest},
                  {"env", array(stored.env)}, {"publish", array(publish)},
                  {"cmd", array(cmd)},        {"healthCmd", healthCmd},
                  {"network", network},       {"monitorMs", monitorMs}};
    if (!probe.isEmpty())
        o.insert(QStringLiteral("probe"), probe);
    if (!stored.secret.isEmpty()) // absent when there is none: older records stay as written
        o.insert(QStringLiteral("secret"), array(stored.secret));
    if (pinnedById)
        o.insert(QStringLiteral("pinnedById"), true);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<DeploymentConfig> DeploymentConfig::fromJson(const QString &json, QString *error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError
                         ? parseError.errorString()
                         : QCoreApplication::translate("DeploymentConfig",
                                                       "the configuration is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    const auto strings = [&](const char *key, QStringList *out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isArray())
            return false;
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString())
                return false;
            out->append(item.toString());
        }
        return true;
    };
    DeploymentConfig c;
    c.image = o.value(QLatin1String("image")).toString();
    c.digest = o.value(QLatin1String("digest")).toString();
    c.healthCmd = o.value(QLatin1String("healthCmd")).toString();
    c.network = o.value(QLatin1String("network")).toString();
    c.pinnedById = o.value(QLatin1String("pinnedById")).toBool();
    if (const QJsonValue probe = o.value(QLatin1String("probe")); probe.isString()) {
        c.probe = probe.toString();
    } else if (!probe.isUndefined() && !probe.isNull()) {
        if (error)
            *error = QCoreApplication::translate("DeploymentConfig", "probe must be a string");
        return std::nullopt;
    }
    if (const QJsonValue monitor = o.value(QLatin1String("monitorMs")); !monitor.isUndefined()) {
        const double ms = monitor.toDouble(-1);
        if (!monitor.isDouble() || ms < 0 || ms > kMaxMonitorMs || ms != double(qint64(ms))) {
            if (error)
                *error = QCoreApplication::translate(
                             "DeploymentConfig",
                             "monitorMs must be a whole number of milliseconds from 0 to %1")
                             .arg(kMaxMonitorMs);
            return std::nullopt;
        }
        c.monitorMs = int(ms);
    }
    if (!c.probe.isEmpty()) {
        QString why;
        if (!ProbeSpec::parse(c.probe, &why)) {
            if (error)
                *error = why;
            return std::nullopt;
        }
    }
    if (!strings("env", &c.env) || !strings("publish", &c.publish) || !strings("cmd", &c.cmd) ||
        !strings("secret", &c.secret)) {
        if (error)
            *error = QCoreApplication::translate(
                "DeploymentConfig", "env, secret, publish and cmd must be lists of strings");
        return std::nullopt;
    }
    c.takeSecrets(); // a value stored by an older version is not read back
    if (c.image.isEmpty()) {
        if (error)
            *error =
                QCoreApplication::translate("DeploymentConfig", "the configuration names no image");
        return std::nullopt;
    }
    return c;
}

QString DeploymentRecord::kindName(Kind kind) {
    switch (kind) {
    case Kind::Deploy:
        return QStringLiteral("deploy");
    case Kind::Rollback:
        return QStringLiteral("rollback");
    case Kind::Scale:
        return QStringLiteral("scale");
    case Kind::Undo:
        return QStringLiteral("undo");
    case Kind::Adopt:
        return QStringLiteral("adopt");
    }
    return {};
}

QString DeploymentRecord::resultName(Result result) {
    switch (result) {
    case Result::Running:
        return QStringLiteral("running");
    case Result::Ok:
        return QStringLiteral("ok");
    case Result::Failed:
        return QStringLiteral("failed");
    case Result::Interrupted:
        return QStringLiteral("interrupted");
    }
    return {};
}

} // namespace slipway::core
