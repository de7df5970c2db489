#include "app/slipway/mainwindow.h"

#include "app/slipway/session.h"
#include "core/agent/leadership.h"
#include "core/agent/timedwork.h"
#include "core/alerts/alertmonitor.h"
#include "core/deploy/deployer.h"
#include "core/fleet/hostmonitor.h"
#include "core/locks/locktakeover.h"
#include "core/store/auditlog.h"
#include "core/store/changefeed.h"
#include "widgets/alerts/alertnotifier.h"
#include "widgets/alerts/alertsview.h"
#include "widgets/applications/applicationsview.h"
#include "widgets/audit/auditview.h"
#include "widgets/common/appicon.h"
#include "widgets/common/sectionplaceholder.h"
#include "widgets/containers/containersview.h"
#include "widgets/dashboard/dashboardview.h"
#include "widgets/dashboard/samplercostlabel.h"
#include "widgets/environments/environmentsview.h"
#include "widgets/hosts/hostsview.h"
#include "widgets/images/imagesview.h"
#include "widgets/services/servicesview.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace slipway::app {

namespace {

QStyle::StandardPixmap sectionIcon(MainWindow::Section section) {
    switch (section) {
    case MainWindow::Dashboard:
        return QStyle::SP_DesktopIcon;
    case MainWindow::Alerts:
        return QStyle::SP_MessageBoxWarning;
    case MainWindow::Releases:
        return QStyle::SP_ArrowUp;
    case MainWindow::Environments:
        return QStyle::SP_DirIcon;
    case MainWindow::Applications:
        return QStyle::SP_FileDialogListView;
    case MainWindow::Containers:
        return QStyle::SP_DriveHDIcon;
    case MainWindow::Images:
        return QStyle::SP_DriveCDIcon;
    case MainWindow::Hosts:
        return QStyle::SP_ComputerIcon;
    case MainWindow::Audit:
    case MainWindow::SectionCount:
        break;
    }
    return QStyle::SP_FileDialogContentsView;
}

} // namespace

QString MainWindow::sectionName(Section section) {
    switch (section) {
    case Dashboard:
        return tr("Dashboard");
    case Alerts:
        return tr("Alerts");
    case Releases:
        return tr("Releases");
    case Environments:
        return tr("Environments");
    case Applications:
        return tr("Applications");
    case Containers:
        return tr("Containers");
    case Images:
        return tr("Images");
    case Hosts:
        return tr("Hosts");
    case Audit:
        return tr("Audit");
    case SectionCount:
        break;
    }
    return {};
}

MainWindow::MainWindow(Session *session, QWidget *parent) : QMainWindow(parent), session_(session) {
    setWindowTitle(tr("Slipway"));
    setWindowIcon(widgets::appIcon());
    setObjectName(QStringLiteral("mainWindow"));

    navigation_ = new QListWidget(this);
    navigation_->setObjectName(QStringLiteral("navigation"));
    navigation_->setIconSize(QSize(18, 18));
    navigation_->setFixedWidth(190);
    navigation_->setFrameShape(QFrame::NoFrame);
    sections_ = new QStackedWidget(this);
    sections_->setObjectName(QStringLiteral("sections"));

    const auto placeholder = [this](Section section, const QString &description) {
        return new widgets::SectionPlaceholder(sectionName(section), description, this);
    };
    dashboardView_ = new widgets::DashboardView(session->metrics(), session->inventory(),
                                                session->hosts(), this);
    alertsView_ = new widgets::AlertsView(session->alerts(), this);
    applicationsView_ = new widgets::ApplicationsView(session->inventory(), session->deployer(),
                                                      session->registryVersions(), this);
    auto *lockTakeover =
        new core::LockTakeover(session->hosts(), session->store(), applicationsView_);
    connect(lockTakeover, &core::LockTakeover::auditAppended, session->audit(),
            &core::AuditLog::refresh);
    applicationsView_->setLockTakeover(lockTakeover);
    applicationsView_->setReconciler(session->reconciler());
    servicesView_ = new widgets::ServicesView(session->services(), this);
    applicationTabs_ = new QTabWidget(this);
    applicationTabs_->setObjectName(QStringLiteral("applicationTabs"));
    applicationTabs_->setDocumentMode(true);
    applicationTabs_->addTab(applicationsView_, tr("Applications"));
    applicationTabs_->addTab(servicesView_, tr("Swarm services"));
    containersView_ = new widgets::ContainersView(session->inventory(), session->hosts(), this);
    containersView_->setMetrics(session->metrics());
    imagesView_ = new widgets::ImagesView(session->images(), this);
    hostsView_ = new widgets::HostsView(session->hosts(), this);
    auditView_ = new widgets::AuditView(session->audit(), this);
    environmentsView_ =
        new widgets::EnvironmentsView(session->environments(), session->hosts(), this);
    // Another desk's deployment shows in the history here within moments (team mode).
    if (core::ChangeFeed *feed = session->changeFeed())
        connect(feed, &core::ChangeFeed::changed, applicationsView_, [this](const QString &table) {
            if (table == QLatin1String("deployments"))
                applicationsView_->reloadHistory();
        });
    QWidget *pages[SectionCount] = {
        dashboardView_,
        alertsView_,
        placeholder(Releases, tr("The release queue: groups of application versions waiting "
                                 "for review, approved by a team lead and rolled out, with "
                                 "rollback to any earlier deployment.")),
        environmentsView_,
        applicationTabs_,
        containersView_,
        imagesView_,
        hostsView_,
        auditView_,
    };
    for (int i = 0; i < SectionCount; ++i) {
        const auto section = Section(i);
        auto *item = new QListWidgetItem(style()->standardIcon(sectionIcon(section)),
                                         sectionName(section), navigation_);
        item->setSizeHint(QSize(0, 38));
        sections_->addWidget(pages[i]);
    }

    auto *brand = new QLabel(tr("Slipway"), this);
    brand->setObjectName(QStringLiteral("sidebarTitle"));
    auto *sidebar = new QWidget(this);
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setStyleSheet(QStringLiteral("QWidget#sidebar { background: #2b3440; }"));
    auto *sidebarLayout = new QVBoxLayout(sidebar);
    sidebarLayout->setContentsMargins(0, 0, 0, 0);
    sidebarLayout->setSpacing(0);
    sidebarLayout->addWidget(brand);
    sidebarLayout->addWidget(navigation_, 1);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sidebar);
    auto *pageBox = new QWidget(central);
    auto *pageLayout = new QVBoxLayout(pageBox);
    pageLayout->setContentsMargins(8, 8, 8, 0);
    pageLayout->addWidget(sections_);
    layout->addWidget(pageBox, 1);
    setCentralWidget(central);

    samplerCost_ = new widgets::SamplerCostLabel(session->metrics(), this);
    statusBar()->addWidget(samplerCost_);
    alertsSummary_ = new QLabel(this);
    alertsSummary_->setObjectName(QStringLiteral("alertsSummary"));
    statusBar()->addPermanentWidget(alertsSummary_);
    hostsSummary_ = new QLabel(this);
    hostsSummary_->setObjectName(QStringLiteral("hostsSummary"));
    statusBar()->addPermanentWidget(hostsSummary_);
    // Who runs the timed work, when it is not this window (an agent, another desk).
    auto *timedWork = new QLabel(this);
    timedWork->setObjectName(QStringLiteral("timedWorkLeader"));
    statusBar()->addPermanentWidget(timedWork);
    if (core::Leadership *lead = session->timedWork()->leadership())
        connect(lead, &core::Leadership::leaderChanged, timedWork, [timedWork, lead] {
            timedWork->setText(lead->leading() || lead->leader().isEmpty()
                                   ? QString()
                                   : tr("Timed work: run by %1").arg(lead->leader()));
        });
    notifier_ = new widgets::AlertNotifier(session->alerts(), widgets::appIcon(), this);

    core::HostMonitor *hosts = session->hosts();
    connect(navigation_, &QListWidget::currentRowChanged, sections_,
            &QStackedWidget::setCurrentIndex);
    connect(hosts, &core::HostMonitor::loaded, this, &MainWindow::updateHostsSummary);
    connect(hosts, &core::HostMonitor::hostInserted, this, &MainWindow::updateHostsSummary);
    connect(hosts, &core::HostMonitor::hostRemoved, this, &MainWindow::updateHostsSummary);
    connect(hosts, &core::HostMonitor::statusChanged, this, &MainWindow::updateHostsSummary);
    connect(session->alerts(), &core::AlertMonitor::alertsChanged, this,
            &MainWindow::updateAlertsSummary);
    connect(dashboardView_, &widgets::DashboardView::hostActivated, this,
            [this](const QString &hostId) {
                showSection(Hosts);
                hostsView_->selectHost(hostId);
            });
    connect(notifier_, &widgets::AlertNotifier::activated, this, [this] { showSection(Alerts); });
    connect(this, &MainWindow::readyToQuit, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    updateHostsSummary();
    updateAlertsSummary();
    showSection(Dashboard);
    resize(1280, 800);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (quitting_ || session_->deployer()->changesRunning().isEmpty()) {
        event->accept();
        if (!quitting_) {
            quitting_ = true;
            emit readyToQuit();
        }
        return;
    }
    event->ignore();
    askBeforeQuitting();
}

void MainWindow::askBeforeQuitting() {
    if (quitQuestion_) {
        quitQuestion_->raise();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Quit Slipway"),
                                tr("A deployment is still running."), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("quitQuestion"));
    box->setInformativeText(
        tr("Cancel it: its new replicas are removed, the running version keeps serving, and "
           "Slipway quits when that is done.\n"
           "Finish it in the background: the window closes now and Slipway quits when the "
           "change has ended.\n"
           "Leave it to recovery: Slipway quits now; what the change started is cleaned up the "
           "next time Slipway or slipctl starts."));
    const auto button = [box](const QString &text, QMessageBox::ButtonRole role, const char *name) {
        QPushButton *b = box->addButton(text, role);
        b->setObjectName(QLatin1String(name));
        return b;
    };
    QPushButton *cancel =
        button(tr("Cancel the change"), QMessageBox::DestructiveRole, "quitCancelChange");
    QPushButton *background =
        button(tr("Finish in the background"), QMessageBox::AcceptRole, "quitInBackground");
    QPushButton *leave =
        button(tr("Leave it to recovery"), QMessageBox::ResetRole, "quitLeaveToRecovery");
    QPushButton *back = button(tr("Go back"), QMessageBox::RejectRole, "quitGoBack");
    box->setDefaultButton(back);
    box->setEscapeButton(back);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [=, this](QAbstractButton *clicked) {
        core::Deployer *deployer = session_->deployer();
        if (clicked == cancel) {
            for (quint64 request : deployer->changesRunning())
                deployer->cancel(request);
            statusBar()->showMessage(
                tr("Cancelling the running change; Slipway quits once its new replicas are "
                   "removed…"));
            quitWhenChangesEnd();
        } else if (clicked == background) {
            hide();
            quitWhenChangesEnd();
        } else if (clicked == leave) {
            deployer->abandon();
            quitNow();
        }
    });
    // Answered: the next close asks again (the box itself goes later, on close).
    connect(box, &QDialog::finished, this, [this] { quitQuestion_.clear(); });
    quitQuestion_ = box;
    box->open();
}

void MainWindow::quitWhenChangesEnd() {
    core::Deployer *deployer = session_->deployer();
    if (deployer->changesRunning().isEmpty()) {
        quitNow();
        return;
    }
    connect(deployer, &core::Deployer::changesDone, this, &MainWindow::quitNow,
            Qt::SingleShotConnection);
}

void MainWindow::quitNow() {
    if (quitting_)
        return;
    quitting_ = true;
    close();
    emit readyToQuit();
}

void MainWindow::showSection(Section section) {
    navigation_->setCurrentRow(int(section));
}

MainWindow::Section MainWindow::currentSection() const {
    return Section(sections_->currentIndex());
}

void MainWindow::updateHostsSummary() {
    const core::HostMonitor *hosts = session_->hosts();
    if (!hosts->isLoaded()) {
        hostsSummary_->setText(tr("Loading hosts…"));
        return;
    }
    const int total = hosts->hostCount();
    const int up = hosts->upCount();
    hostsSummary_->setText(tr("Hosts: %1 of %2 up").arg(up).arg(total));
    hostsSummary_->setStyleSheet(up < total ? QStringLiteral("QLabel { color: #a33; }")
                                            : QString());
}

void MainWindow::updateAlertsSummary() {
    const int firing = session_->alerts()->firingCount();
    const int open = session_->alerts()->unacknowledgedCount();
    alertsSummary_->setText(
        firing == 0 ? tr("No alerts firing")
                    : tr("Alerts: %1 firing, %2 not acknowledged").arg(firing).arg(open));
    alertsSummary_->setStyleSheet(open > 0 ? QStringLiteral("QLabel { color: #a33; }") : QString());
}

} // namespace slipway::app
