#include "core/store/storelocation.h"

#include <QUrl>
#include <QUrlQuery>

namespace slipway::core {

bool TeamUrl::looksLikeOne(const QString &text) {
    const QString t = text.trimmed();
    return t.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           t.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

std::optional<TeamUrl> TeamUrl::parse(const QString &text, QString *error) {
    const auto fail = [&](const QString &why) -> std::optional<TeamUrl> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!looksLikeOne(text))
        return fail(tr("\"%1\" is not a PostgreSQL URL: it starts with postgresql://").arg(text));
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid())
        return fail(tr("the database URL is not valid: %1").arg(url.errorString()));
    if (!url.password().isEmpty())
        return fail(tr("the database URL carries a password, and Slipway never keeps one: put it "
                       "in ~/.pgpass (or the file PGPASSFILE names), or leave it out to be asked"));
    TeamUrl u;
    u.host = url.host();
    if (u.host.isEmpty())
        return fail(tr("the database URL names no server: postgresql://HOST/DATABASE"));
    u.port = url.port(5432);
    u.database = url.path().mid(1);
    if (u.database.isEmpty() || u.database.contains(u'/'))
        return fail(tr("the database URL names no database: postgresql://HOST/DATABASE"));
    u.user = url.userName();
    static const QStringList modes = {QStringLiteral("disable"),   QStringLiteral("allow"),
                                      QStringLiteral("prefer"),    QStringLiteral("require"),
                                      QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("sslmode")) {
            if (!modes.contains(value))
                return fail(tr("sslmode \"%1\" is not one of %2").arg(value, modes.join(u", ")));
            u.sslMode = value;
        } else if (key == QLatin1String("sslrootcert")) {
            u.sslRootCert = value;
        } else if (key == QLatin1String("sslcert")) {
            u.sslCert = value;
        } else if (key == QLatin1String("sslkey")) {
            u.sslKey = value;
        } else if (key == QLatin1String("connect_timeout")) {
            bool ok = false;
            u.connectTimeoutSeconds = value.toInt(&ok);
            if (!ok || u.connectTimeoutSeconds < 1)
                return fail(tr("connect_timeout \"%1\" is not a number of seconds").arg(value));
        } else if (key == QLatin1String("password")) {
            return fail(tr("the database URL carries a password, and Slipway never keeps one: "
                           "put it in ~/.pgpass (or the file PGPASSFILE names), or leave it out "
                           "to be asked"));
        } else {
            return fail(tr("the database URL has \"%1\", which Slipway does not know (it knows "
                           "sslmode, sslrootcert, sslcert, sslkey, connect_timeout)")
                            .arg(key));
        }
    }
    // QPSQL joins its options with spaces into libpq's connection string.
    for (const QString *file : {&u.sslRootCert, &u.sslCert, &u.sslKey})
        if (file->contains(u' ') || file->contains(u';') || file->contains(u'\''))
            return fail(tr("the certificate path \"%1\" has a space, ';' or quote, which cannot "
                           "be passed to the PostgreSQL driver: use a path without them")
                            .arg(*file));
    return u;
}

QString TeamUrl::connectOptions(const QString &applicationName) const {
    // libpq's own keywords (parse() refused values QPSQL cannot pass).
    QString name = applicationName;
    name.remove(u'\'').remove(u'\\').remove(u';');
    QStringList options{QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds),
                        QStringLiteral("application_name='%1'").arg(name)};
    if (!sslMode.isEmpty())
        options << QStringLiteral("sslmode=") + sslMode;
    if (!sslRootCert.isEmpty())
        options << QStringLiteral("sslrootcert=") + sslRootCert;
    if (!sslCert.isEmpty())
        options << QStringLiteral("sslcert=") + sslCert;
    if (!sslKey.isEmpty())
        options << QStringLiteral("sslkey=") + sslKey;
    return options.join(u';');
}

QSqlDatabase TeamUrl::connection(const QString &connection, const QString &password,
                                 const QString &applicationName) const {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
    db.setHostName(host);
    db.setPort(port);
    db.setDatabaseName(database);
    if (!user.isEmpty())
        db.setUserName(user);
    if (!password.isEmpty())
        db.setPassword(password);
    db.setConnectOptions(connectOptions(applicationName));
    return db;
}

QString TeamUrl::display() const {
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    if (port != 5432)
        url.setPort(port);
    url.setUserName(user);
    url.setPath(QLatin1Char('/') + database);
    if (!sslMode.isEmpty())
        url.setQuery(QStringLiteral("sslmode=") + sslMode);
    return url.toString();
}

StoreLocation StoreLocation::fromEnvironment(const QString &path) {
    return {path, qEnvironmentVariable("SLIPWAY_DATABASE").trimmed(), {}};
}

} // namespace slipway::core
