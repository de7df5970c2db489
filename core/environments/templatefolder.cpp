#include "core/environments/templatefolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace slipway::core::env {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("slipway::core::env::TemplateFolder", text);
}

bool readOne(const QDir &dir, const QString &root, const QString &name, TemplateContent *out,
             QString *error) {
    QString why;
    const QString clean = TemplateRules::normalizeFileName(name, &why);
    if (clean.isEmpty()) {
        *error = tr("Cannot import the template: %1.").arg(why);
        return false;
    }
    const QFileInfo info(dir.filePath(clean));
    if (!info.exists()) {
        *error = tr("The template's file \"%1\" does not exist in %2.").arg(clean, dir.path());
        return false;
    }
    // A link may point anywhere: what is read must really be inside the folder.
    const QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty() || !canonical.startsWith(root + QLatin1Char('/'))) {
        *error = tr("The template's file \"%1\" leads outside the folder %2.").arg(clean, root);
        return false;
    }
    if (!info.isFile()) {
        *error = tr("The template's file \"%1\" is not a regular file.").arg(clean);
        return false;
    }
    if (info.size() > TemplateRules::kMaxFileBytes) {
        *error = tr("The file \"%1\" has %2 bytes; a template's file may have at most %3.")
                     .arg(clean)
                     .arg(info.size())
                     .arg(TemplateRules::kMaxFileBytes);
        return false;
    }
    QFile file(canonical);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the template's file \"%1\": %2").arg(clean, file.errorString());
        return false;
    }
    // Read one byte past the bound: a file that grew since it was measured is still refused.
    const QByteArray bytes = file.read(TemplateRules::kMaxFileBytes + 1);
    if (bytes.size() > TemplateRules::kMaxFileBytes) {
        *error =
            tr("The file \"%1\" is over %2 bytes.").arg(clean).arg(TemplateRules::kMaxFileBytes);
        return false;
    }
    out->files.insert(clean, bytes);
    return true;
}

} // namespace

bool readTemplateFolder(const QString &folder, const QString &composeFile,
                        const QStringList &namedFiles, TemplateContent *out, QString *error) {
    const QFileInfo folderInfo(folder);
    if (!folderInfo.isDir()) {
        *error = tr("The template folder %1 does not exist or is not a folder.").arg(folder);
        return false;
    }
    const QDir dir(folderInfo.absoluteFilePath());
    const QString root = folderInfo.canonicalFilePath();
    TemplateContent content;
    QString why;
    content.composeFile = TemplateRules::normalizeFileName(composeFile, &why);
    if (content.composeFile.isEmpty()) {
        *error = tr("The template's Compose file: %1.").arg(why);
        return false;
    }
    if (!readOne(dir, root, content.composeFile, &content, error))
        return false;
    if (namedFiles.size() >= TemplateRules::kMaxFiles) {
        *error = tr("The template names %1 files; at most %2 are kept.")
                     .arg(namedFiles.size())
                     .arg(TemplateRules::kMaxFiles - 1);
        return false;
    }
    for (const QString &name : namedFiles) {
        if (!readOne(dir, root, name, &content, error))
            return false;
    }
    if (!TemplateRules::check(&content, error))
        return false;
    *out = content;
    return true;
}

} // namespace slipway::core::env
