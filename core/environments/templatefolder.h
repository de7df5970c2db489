// readTemplateFolder(): a template's Compose file and the files it names, read from a folder on
// disk, each checked to stay inside that folder.
#pragma once

#include "core/environments/templateversion.h"

#include <QStringList>

namespace slipway::core::env {

// Reads `composeFile` and each of `namedFiles` (names relative to `folder`, as the Compose file
// writes them) into `out`. False with `error` naming the file when one is missing, not a
// regular file, reaches outside the folder (through "..", an absolute name or a symbolic
// link), is over TemplateRules' bounds, or cannot be read.
bool readTemplateFolder(const QString &folder, const QString &composeFile,
                        const QStringList &namedFiles, TemplateContent *out, QString *error);

} // namespace slipway::core::env
