#include "app/slipway/mainwindow.h"

#include "core/auditlog.h"
#include "core/hostmonitor.h"
#include "core/imagecatalog.h"
#include "core/inventory.h"
#include "widgets/auditview.h"
#include "widgets/containersview.h"
#include "widgets/hostsview.h"
#include "widgets/imagesview.h"
#include "widgets/sectionplaceholder.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QVBoxLayout>

namespace slipway::app {

namespace {

QStyle::StandardPixmap sectionIcon(MainWindow::Section section) {
    switch (section) {
    case MainWindow::Dashboard:
        return QStyle::SP_DesktopIcon;
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

MainWindow::MainWindow(core::HostMonitor *hosts, core::AuditLog *audit, QWidget *parent)
    : MainWindow(hosts, nullptr, audit, parent) {}

MainWindow::MainWindow(core::HostMonitor *hosts, core::Inventory *inventory, core::AuditLog *audit,
                       QWidget *parent)
    : QMainWindow(parent), hosts_(hosts), inventory_(inventory) {
    setWindowTitle(tr("Slipway"));
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
    hostsView_ = new widgets::HostsView(hosts, this);
    auditView_ = new widgets::AuditView(audit, this);
    if (!inventory_) {
        // Nobody made one: the window's own, following the monitor's hosts (not audited).
        inventory_ = new core::Inventory({}, {}, this);
        inventory_->attach(hosts);
    }
    containersView_ = new widgets::ContainersView(inventory_, hosts, this);
    imageCatalog_ = new core::ImageCatalog(hosts, audit, this);
    imagesView_ = new widgets::ImagesView(imageCatalog_, this);
    QWidget *pages[SectionCount] = {
        placeholder(Dashboard, tr("Utilization across the fleet at a glance: CPU, memory and "
                                  "containers per host, with the hosts and apps that need "
                                  "attention first.")),
        placeholder(Releases, tr("The release queue: groups of application versions waiting "
                                 "for review, approved by a team lead and rolled out, with "
                                 "rollback to any earlier deployment.")),
        placeholder(Environments, tr("Whole test environments from templates, provisioned with "
                                     "a click, checked for drift against their template.")),
        placeholder(Applications, tr("The applications Slipway deploys, with their versions, "
                                     "replicas and health on every host.")),
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

    hostsSummary_ = new QLabel(this);
    hostsSummary_->setObjectName(QStringLiteral("hostsSummary"));
    statusBar()->addPermanentWidget(hostsSummary_);

    connect(navigation_, &QListWidget::currentRowChanged, sections_,
            &QStackedWidget::setCurrentIndex);
    connect(hosts_, &core::HostMonitor::loaded, this, &MainWindow::updateHostsSummary);
    connect(hosts_, &core::HostMonitor::hostInserted, this, &MainWindow::updateHostsSummary);
    connect(hosts_, &core::HostMonitor::hostRemoved, this, &MainWindow::updateHostsSummary);
    connect(hosts_, &core::HostMonitor::statusChanged, this, &MainWindow::updateHostsSummary);
    connect(hosts_, &core::HostMonitor::auditAppended, audit, &core::AuditLog::refresh);
    connect(inventory_, &core::Inventory::auditAppended, audit, &core::AuditLog::refresh);
    updateHostsSummary();
    showSection(Hosts);
    resize(1280, 800);
}

void MainWindow::showSection(Section section) {
    navigation_->setCurrentRow(int(section));
}

MainWindow::Section MainWindow::currentSection() const {
    return Section(sections_->currentIndex());
}

void MainWindow::updateHostsSummary() {
    if (!hosts_->isLoaded()) {
        hostsSummary_->setText(tr("Loading hosts…"));
        return;
    }
    const int total = hosts_->hostCount();
    const int up = hosts_->upCount();
    hostsSummary_->setText(tr("Hosts: %1 of %2 up").arg(up).arg(total));
    hostsSummary_->setStyleSheet(up < total ? QStringLiteral("QLabel { color: #a33; }")
                                            : QString());
}

} // namespace slipway::app
