#include "tests/support/teamdatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <atomic>

namespace slipway::test {

namespace {

QString randomWord(int length) {
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString s;
    for (int i = 0; i < length; ++i)
        s += QLatin1Char(letters[QRandomGenerator::global()->bounded(int(sizeof letters) - 1)]);
    return s;
}

} // namespace

bool TeamDatabase::available() {
    return !qEnvironmentVariableIsEmpty("SLIPWAY_TEST_PG_URL") &&
           !qEnvironmentVariableIsEmpty("SLIPWAY_TEST_PGPASSFILE");
}

QByteArray TeamDatabase::missingMessage() {
    return "SLIPWAY_TEST_PG_URL / SLIPWAY_TEST_PGPASSFILE are not set: run the suite with "
           "scripts/test.sh, or `bash scripts/services.sh start && eval \"$(bash "
           "scripts/services.sh env)\"` first";
}

TeamDatabase::TeamDatabase() {
    static std::atomic<int> counter{0};
    name_ = QStringLiteral("t%1_%2_%3")
                .arg(QCoreApplication::applicationPid())
                .arg(counter++)
                .arg(randomWord(6));
    connection_ = QStringLiteral("teamdatabase-") + name_;
    if (!available()) {
        error_ = QString::fromLatin1(missingMessage());
        return;
    }
    const QUrl admin(qEnvironmentVariable("SLIPWAY_TEST_PG_URL"));
    adminUser_ = admin.userName();
    host_ = admin.host();
    port_ = admin.port(5432);
    QFile server(qEnvironmentVariable("SLIPWAY_TEST_PGPASSFILE"));
    if (!server.open(QIODevice::ReadOnly)) {
        error_ = QStringLiteral("cannot read %1").arg(server.fileName());
        return;
    }
    for (const QByteArray &line : server.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            passLines_ << QString::fromUtf8(line.trimmed());
    if (!writePassFile())
        return;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection_);
        db.setHostName(host_);
        db.setPort(port_);
        db.setUserName(adminUser_);
        db.setDatabaseName(QStringLiteral("postgres"));
        if (!db.open()) {
            error_ = db.lastError().text();
            return;
        }
    }
    exec(QStringLiteral("CREATE DATABASE %1").arg(name_), true);
}

TeamDatabase::~TeamDatabase() {
    if (const QString own = connection_ + QStringLiteral("-db"); QSqlDatabase::contains(own)) {
        QSqlDatabase::database(own, false).close();
        QSqlDatabase::removeDatabase(own);
    }
    if (!QSqlDatabase::contains(connection_))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connection_, false);
        if (db.isOpen()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name_));
            QStringList roles = logins_;
            for (const char *right : {"viewer", "operator", "approver"})
                roles << name_ + QLatin1Char('_') + QLatin1String(right);
            for (const QString &role : roles)
                q.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection_);
}

QString TeamDatabase::ownerUrl() const {
    return urlAs(adminUser_);
}

QString TeamDatabase::urlAs(const QString &login) const {
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(login, host_).arg(port_).arg(name_);
}

QString TeamDatabase::createLogin(const QString &suffix) {
    const QString role = name_ + QStringLiteral("_u_") + suffix; // never a group role name
    const QString password = randomWord(20);
    if (!exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, password), true))
        return {};
    logins_ << role;
    passLines_ << QStringLiteral("%1:%2:*:%3:%4").arg(host_).arg(port_).arg(role, password);
    return writePassFile() ? role : QString();
}

QString TeamDatabase::passFile() const {
    return dir_.filePath(QStringLiteral("pgpass"));
}

bool TeamDatabase::writePassFile() {
    QFile f(passFile());
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        error_ = QStringLiteral("cannot write %1").arg(f.fileName());
        return false;
    }
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // libpq wants 0600
    f.write(passLines_.join(u'\n').toUtf8() + '\n');
    f.close();
    qputenv("PGPASSFILE", QFile::encodeName(passFile()));
    return true;
}

bool TeamDatabase::exec(const QString &sql, bool onServer) {
    const QString name = onServer ? connection_ : connection_ + QStringLiteral("-db");
    if (!onServer && !QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(host_);
        db.setPort(port_);
        db.setUserName(adminUser_);
        db.setDatabaseName(name_);
        if (!db.open()) {
            error_ = db.lastError().text();
            return false;
        }
    }
    QSqlQuery q(QSqlDatabase::database(name, false));
    if (!q.exec(sql)) {
        error_ = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace slipway::test
