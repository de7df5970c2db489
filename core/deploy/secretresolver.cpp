#include "core/deploy/secretresolver.h"

#include "engine/dockerclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace slipway::core {

QString SecretResolver::defaultFile() {
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = QDir::homePath() + QStringLiteral("/.config");
    return base + QStringLiteral("/slipway/secrets.env");
}

bool SecretResolver::readFile(const QString &path, const QString &app, const QString &env,
                              SecretValues *out, QString *error) {
    const QByteArray native = QFile::encodeName(path);
    struct stat st {};
    if (::stat(native.constData(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return true; // no file, no values
        *error = tr("Cannot read the secrets file %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        *error = tr("The secrets file %1 is not a regular file.").arg(path);
        return false;
    }
    // As ssh does with private keys: a file others can read or change is not used at all.
    if ((st.st_mode & 077) != 0) {
        *error = tr("The secrets file %1 is not private (mode %2: group or others may read or "
                    "write it), so Slipway does not use it. Make it yours alone: chmod 600 %1")
                     .arg(path)
                     .arg(QString::number(st.st_mode & 07777, 8).rightJustified(4, u'0'));
        return false;
    }
    if (st.st_uid != ::geteuid()) {
        *error = tr("The secrets file %1 belongs to another user (uid %2), so Slipway does not "
                    "use it.")
                     .arg(path)
                     .arg(st.st_uid);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the secrets file %1: %2").arg(path, file.errorString());
        return false;
    }
    const QString wanted = app + QLatin1Char('/') + env;
    SecretValues global;
    SecretValues own;
    QString section; // empty: before any section
    int number = 0;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        ++number;
        QString line = QString::fromUtf8(raw);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        if (trimmed.startsWith(QLatin1Char('[')) && trimmed.endsWith(QLatin1Char(']'))) {
            section = trimmed.mid(1, trimmed.size() - 2).trimmed();
            if (section.isEmpty() || !section.contains(QLatin1Char('/'))) {
                *error = tr("The secrets file %1, line %2: a section is [application/"
                            "environment].")
                             .arg(path)
                             .arg(number);
                return false;
            }
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        const QString key = eq < 0 ? QString() : line.left(eq).trimmed();
        if (key.isEmpty() || key.contains(QLatin1Char(' '))) {
            // The line itself may be a value: never quote it back.
            *error = tr("The secrets file %1, line %2: expected KEY=VALUE.").arg(path).arg(number);
            return false;
        }
        if (section.isEmpty())
            global.insert(key, line.mid(eq + 1));
        else if (section == wanted)
            own.insert(key, line.mid(eq + 1));
    }
    for (auto it = global.cbegin(); it != global.cend(); ++it)
        out->insert(it.key(), it.value());
    for (auto it = own.cbegin(); it != own.cend(); ++it)
        out->insert(it.key(), it.value());
    return true;
}

bool SecretResolver::resolve(const QStringList &keys, const Sources &sources, SecretValues *out,
                             QString *error) {
    QStringList missing;
    for (const QString &key : keys) {
        if (sources.given.contains(key))
            out->insert(key, sources.given.value(key));
        else if (sources.environment.contains(key))
            out->insert(key, sources.environment.value(key));
        else if (!missing.contains(key))
            missing.append(key);
    }
    if (missing.isEmpty())
        return true;
    if (!sources.file.isEmpty()) {
        SecretValues inFile;
        if (!readFile(sources.file, sources.app, sources.env, &inFile, error))
            return false;
        for (const QString &key : std::as_const(missing))
            if (inFile.contains(key))
                out->insert(key, inFile.value(key));
        missing.removeIf([&](const QString &key) { return inFile.contains(key); });
    }
    if (!missing.isEmpty() && sources.running) {
        const SecretValues running = sources.running(missing);
        for (const QString &key : std::as_const(missing))
            if (running.contains(key))
                out->insert(key, running.value(key));
        missing.removeIf([&](const QString &key) { return running.contains(key); });
    }
    if (missing.isEmpty())
        return true;
    const QString file = sources.file.isEmpty() ? defaultFile() : sources.file;
    *error = tr("No value for the secret %1 of %2 in %3, and Slipway never stores one. Set it "
                "in the environment (export %4=…; slipctl deploy … --secret-env %4), or add "
                "the line %4=… to %5 (mode 0600; under a line [%2/%3] for this application "
                "only). No running replica of %2 in %3 has it to reuse.")
                 .arg(missing.join(QStringLiteral(", ")), sources.app, sources.env, missing.first(),
                      file);
    return false;
}

SecretValues SecretResolver::inUse(const QList<DeployHost> &hosts, const QList<Replica> &replicas,
                                   const QStringList &keys) {
    SecretValues found;
    for (const Replica &r : replicas) {
        if (found.size() >= keys.size())
            break;
        if (!r.running())
            continue;
        const DeployHost *host = nullptr;
        for (const DeployHost &h : hosts)
            if (h.id == r.hostId)
                host = &h;
        if (!host || !host->client)
            continue;
        auto inspected = host->client->inspectContainer(r.id.toStdString()).wait();
        if (!inspected)
            continue;
        for (const std::string &e : inspected.value().env) {
            const QString entry = QString::fromStdString(e);
            const QString key = SecretEnv::keyOf(entry);
            if (keys.contains(key) && !found.contains(key) && entry.contains(QLatin1Char('=')))
                found.insert(key, SecretEnv::valueOf(entry));
        }
    }
    return found;
}

} // namespace slipway::core
