// slipway: the desktop portal. Composes core (hosts, records) with the main window and runs.
#include "app/slipway/commandline.h"
#include "app/slipway/mainwindow.h"
#include "app/slipway/session.h"
#include "core/base/latencyhint.h"
#include "core/store/storethread.h"
#include "resources/translations.h"
#include "widgets/team/teamlogin.h"
#include "widgets/team/teamsettings.h"
#include "widgets/team/teamstatusbutton.h"

#include <QApplication>
#include <QStatusBar>
#include <cstdio>

using namespace slipway;

namespace {

void describeApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("Slipway"));
    QCoreApplication::setApplicationName(QStringLiteral("slipway"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SLIPWAY_VERSION));
}

} // namespace

int main(int argc, char **argv) {
    // This becomes the GUI thread, which must get a CPU soon after input or a timer wakes it;
    // the threads it starts later are given the default slice again (see latencyhint.h).
    core::preferShortSlices();
    app::CommandLine cl;
    {
        // The command line is read before the GUI exists, so --help and mistakes work
        // without a display; the translators need an application instance, so there is one.
        QCoreApplication cli(argc, argv);
        describeApplication();
        resources::installTranslations(QLocale::system());
        QString error;
        cl = app::CommandLine::parse(QCoreApplication::arguments(), &error);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "slipway: %s\n", qPrintable(error));
            return 2;
        }
        if (cl.helpRequested || cl.versionRequested) {
            const QString text =
                cl.versionRequested ? QStringLiteral("slipway " SLIPWAY_VERSION "\n") : cl.helpText;
            std::fputs(qPrintable(text), stdout);
            return 0;
        }
    }

    QApplication application(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Slipway"));
    resources::installTranslations(QLocale::system());
    application.setStyleSheet(resources::styleSheet());

    // Team mode is settled before the window opens: the password asked, or this desk only.
    core::StoreLocation where = cl.storeLocation(widgets::TeamSettings::savedUrl());
    const bool overridden =
        !cl.database.isEmpty() || !qEnvironmentVariableIsEmpty("SLIPWAY_DATABASE");
    core::TeamProbe::Result team;
    if (where.team() && !widgets::TeamLogin::connect(&where, &team))
        return 1;

    core::HostMonitor::Options options;
    options.overrideHosts = cl.hosts;
    app::Session session(std::make_shared<core::StoreThread>(where), options);
    app::MainWindow window(&session);
    auto *teamStatus = new widgets::TeamStatusButton(overridden, &window);
    if (where.team())
        teamStatus->showTeam(team.location, team.role, team.rights);
    window.statusBar()->addPermanentWidget(teamStatus);
    window.show();
    session.start();
    return application.exec();
}
