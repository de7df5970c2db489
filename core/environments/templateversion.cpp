#include "core/environments/templateversion.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRegularExpression>

namespace slipway::core::env {

QString TemplateContent::hash() const {
    QCryptographicHash h(QCryptographicHash::Sha256);
    // Lengths before bytes, so no two different contents hash alike by shifting a boundary.
    const auto add = [&h](const QByteArray &bytes) {
        h.addData(QByteArray::number(bytes.size()) + ':');
        h.addData(bytes);
    };
    add(composeFile.toUtf8());
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        add(it.key().toUtf8());
        add(it.value());
    }
    return QString::fromLatin1(h.result().toHex());
}

QString TemplateVersion::sourceName(Source s) {
    switch (s) {
    case Source::Import:
        return QStringLiteral("import");
    case Source::Builtin:
        return QStringLiteral("builtin");
    case Source::Editor:
        break;
    }
    return QStringLiteral("editor");
}

TemplateVersion::Source TemplateVersion::sourceFromName(const QString &name) {
    if (name == QLatin1String("import"))
        return Source::Import;
    if (name == QLatin1String("builtin"))
        return Source::Builtin;
    return Source::Editor;
}

QString TemplateRules::checkName(const QString &name) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$"));
    if (name.isEmpty())
        return tr("A template needs a name.");
    if (!valid.match(name).hasMatch())
        return tr("The template name \"%1\" is not valid: use up to 255 letters, digits, '.', "
                  "'_' or '-', starting with a letter or digit.")
            .arg(name);
    return {};
}

QString TemplateRules::normalizeFileName(const QString &name, QString *why) {
    if (name.trimmed().isEmpty()) {
        *why = tr("a file of the template has no name");
        return {};
    }
    if (QDir::isAbsolutePath(name) || name.startsWith(QLatin1Char('~'))) {
        *why = tr("the file \"%1\" is not relative to the template's folder").arg(name);
        return {};
    }
    const QString clean = QDir::cleanPath(name);
    if (clean == QLatin1String(".") || clean == QLatin1String("..") ||
        clean.startsWith(QLatin1String("../"))) {
        *why = tr("the file \"%1\" is outside the template's folder").arg(name);
        return {};
    }
    if (clean.contains(QChar(0))) {
        *why = tr("the file name \"%1\" holds a NUL character").arg(name);
        return {};
    }
    return clean;
}

bool TemplateRules::check(TemplateContent *content, QString *error) {
    QString why;
    const QString compose = normalizeFileName(content->composeFile, &why);
    if (compose.isEmpty()) {
        *error = tr("The template's Compose file: %1.").arg(why);
        return false;
    }
    if (content->files.size() > kMaxFiles) {
        *error = tr("The template has %1 files; at most %2 are kept.")
                     .arg(content->files.size())
                     .arg(kMaxFiles);
        return false;
    }
    QMap<QString, QByteArray> files;
    qsizetype total = 0;
    for (auto it = content->files.cbegin(); it != content->files.cend(); ++it) {
        const QString name = normalizeFileName(it.key(), &why);
        if (name.isEmpty()) {
            *error = tr("The template cannot be stored: %1.").arg(why);
            return false;
        }
        if (files.contains(name)) {
            *error = tr("The template names the file \"%1\" twice.").arg(name);
            return false;
        }
        if (it.value().size() > kMaxFileBytes) {
            *error = tr("The file \"%1\" has %2 bytes; a template's file may have at most %3.")
                         .arg(name)
                         .arg(it.value().size())
                         .arg(kMaxFileBytes);
            return false;
        }
        total += it.value().size();
        files.insert(name, it.value());
    }
    if (total > kMaxTotalBytes) {
        *error = tr("The template's files have %1 bytes together; at most %2 are kept.")
                     .arg(total)
                     .arg(kMaxTotalBytes);
        return false;
    }
    if (!files.contains(compose)) {
        *error = tr("The template has no Compose file \"%1\".").arg(compose);
        return false;
    }
    if (files.value(compose).trimmed().isEmpty()) {
        *error = tr("The template's Compose file \"%1\" is empty.").arg(compose);
        return false;
    }
    content->composeFile = compose;
    content->files = files;
    return true;
}

} // namespace slipway::core::env
