// MainWindow: Slipway's window: the section list on the left, the current section on the
// right, and the fleet's health in the status bar.
#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace slipway::core {
class AuditLog;
class HostMonitor;
class ImageCatalog;
class Inventory;
} // namespace slipway::core

namespace slipway::widgets {
class HostsView;
class AuditView;
class ContainersView;
class ImagesView;
} // namespace slipway::widgets

namespace slipway::app {

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum Section {
        Dashboard,
        Releases,
        Environments,
        Applications,
        Containers,
        Images,
        Hosts,
        Audit,
        SectionCount
    };

    MainWindow(core::HostMonitor *hosts, core::AuditLog *audit, QWidget *parent = nullptr);
    // With the application's Inventory (which writes container actions to the audit log);
    // without one, the window makes its own from `hosts`.
    MainWindow(core::HostMonitor *hosts, core::Inventory *inventory, core::AuditLog *audit,
               QWidget *parent = nullptr);

    void showSection(Section section);
    Section currentSection() const;
    static QString sectionName(Section section);

    QListWidget *navigation() const { return navigation_; }
    QStackedWidget *sections() const { return sections_; }
    widgets::HostsView *hostsView() const { return hostsView_; }
    widgets::AuditView *auditView() const { return auditView_; }
    widgets::ContainersView *containersView() const { return containersView_; }
    core::Inventory *inventory() const { return inventory_; }
    widgets::ImagesView *imagesView() const { return imagesView_; }
    core::ImageCatalog *imageCatalog() const { return imageCatalog_; }
    QLabel *hostsSummary() const { return hostsSummary_; }

private:
    void updateHostsSummary();

    core::HostMonitor *hosts_;
    QListWidget *navigation_;
    QStackedWidget *sections_;
    widgets::HostsView *hostsView_;
    widgets::AuditView *auditView_;
    core::Inventory *inventory_;
    widgets::ContainersView *containersView_;
    core::ImageCatalog *imageCatalog_;
    widgets::ImagesView *imagesView_;
    QLabel *hostsSummary_;
};

} // namespace slipway::app
