#include "envcommand.h"

#include "clitr.h"
#include "envcommands.h"
#include "envtemplatecommands.h"
#include "envvalidatecommand.h"

#include <QTextStream>

namespace slipway::cli {

namespace {

int envUsage(QTextStream &stream, int code) {
    stream << tr("Usage: slipctl env SUBCOMMAND [options]\n\n"
                 "Subcommands:\n"
                 "  up        provision an environment from a template\n"
                 "  down      recycle environments\n"
                 "  ls        list environments and their services\n"
                 "  validate  read a Compose template and print it resolved, or every error\n"
                 "  vars      a template's variables per kind, shown or changed\n"
                 "  versions  the templates, or the versions of one\n"
                 "  diff      the changes between two versions of a template\n\n"
                 "Run 'slipctl env SUBCOMMAND --help' for a subcommand's options.\n");
    stream.flush();
    return code;
}

} // namespace

int runEnv(const QStringList &arguments) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (arguments.size() < 2)
        return envUsage(err, 2);
    QStringList args = arguments;
    const QString sub = args.takeAt(1);
    args[0] = arguments[0] + QLatin1Char(' ') + sub;
    if (sub == QLatin1String("up"))
        return runEnvUp(args);
    if (sub == QLatin1String("down"))
        return runEnvDown(args);
    if (sub == QLatin1String("ls"))
        return runEnvLs(args);
    if (sub == QLatin1String("validate"))
        return runEnvValidate(args);
    if (sub == QLatin1String("vars"))
        return runEnvVars(args);
    if (sub == QLatin1String("versions"))
        return runEnvVersions(args);
    if (sub == QLatin1String("diff"))
        return runEnvDiff(args);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") ||
        sub == QLatin1String("help"))
        return envUsage(out, 0);
    err << tr("slipctl env: unknown subcommand \"%1\"").arg(sub) << '\n';
    return envUsage(err, 2);
}

} // namespace slipway::cli
