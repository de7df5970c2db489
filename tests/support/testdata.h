// The recorded engine replies and other files under tests/data, for the tests that read them.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>
#include <string>

namespace slipway::test {

// The absolute path of tests/data/<relative>, for a test's message about it.
QString dataPath(const QString &relative);
// tests/data/<relative>; nullopt when it cannot be read (the test says which file).
std::optional<std::string> readData(const QString &relative);
// The same for a file the test cannot do without: a missing one ends the run, naming it.
QByteArray requireData(const QString &relative);

} // namespace slipway::test
