// EnvFile: an env_file's variables, read as docker-compose 1.29 reads them (python-dotenv):
// KEY=VALUE lines, `export ` prefixes, '#' comments, single quotes literal, double quotes with
// escapes, ${V} and ${V:-default} from the given variables, and a bare KEY taking the
// variable. A line it cannot read is an error with its line, never skipped.
#pragma once

#include "core/environments/composeproject.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QString>

namespace slipway::core::env {

class EnvFile {
    Q_DECLARE_TR_FUNCTIONS(EnvFile)

public:
    // Adds the file's variables to `out` (later lines over earlier); errors name `file`.
    static void read(const QByteArray &bytes, const QString &file,
                     const QMap<QString, QString> &variables, QMap<QString, QString> *out,
                     QList<TemplateError> *errors);
};

} // namespace slipway::core::env
