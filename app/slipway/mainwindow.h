// MainWindow: Slipway's window: the section list on the left, the current section on the
// right, and the fleet's health, the firing alerts and the sampler's cost in the status bar.
#pragma once

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

class QLabel;
class QListWidget;
class QStackedWidget;
class QTabWidget;

namespace slipway::widgets {
class AlertNotifier;
class AlertsView;
class ApplicationsView;
class AuditView;
class EnvironmentsView;
class ContainersView;
class DashboardView;
class HostsView;
class ImagesView;
class SamplerCostLabel;
class ServicesView;
} // namespace slipway::widgets

namespace slipway::app {

class Session;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum Section {
        Dashboard,
        Alerts,
        Releases,
        Environments,
        Applications,
        Containers,
        Images,
        Hosts,
        Audit,
        SectionCount
    };

    explicit MainWindow(Session *session, QWidget *parent = nullptr);

    void showSection(Section section);
    Section currentSection() const;
    static QString sectionName(Section section);

    Session *session() const { return session_; }
    QListWidget *navigation() const { return navigation_; }
    QStackedWidget *sections() const { return sections_; }
    widgets::DashboardView *dashboardView() const { return dashboardView_; }
    widgets::AlertsView *alertsView() const { return alertsView_; }
    QTabWidget *applicationTabs() const { return applicationTabs_; }
    widgets::ApplicationsView *applicationsView() const { return applicationsView_; }
    widgets::ServicesView *servicesView() const { return servicesView_; }
    widgets::ContainersView *containersView() const { return containersView_; }
    widgets::ImagesView *imagesView() const { return imagesView_; }
    widgets::HostsView *hostsView() const { return hostsView_; }
    widgets::AuditView *auditView() const { return auditView_; }
    widgets::EnvironmentsView *environmentsView() const { return environmentsView_; }
    QLabel *hostsSummary() const { return hostsSummary_; }
    QLabel *alertsSummary() const { return alertsSummary_; }
    // The question closing asks while a change runs; null when none is open.
    QMessageBox *quitQuestion() const { return quitQuestion_; }

signals:
    // Closing is settled (at once, or once a cancelled or background change has ended): the
    // application quits. Connected to QCoreApplication::quit.
    void readyToQuit();

protected:
    // While a deploy, rollback, scale or undo runs, asks what to do with it instead of
    // waiting for it: cancel it and quit when it is cleaned up, finish it in the background
    // (the window hides), leave it to the next start's recovery (quit now), or go back.
    void closeEvent(QCloseEvent *event) override;

private:
    void askBeforeQuitting();
    void quitWhenChangesEnd();
    void quitNow();

    void updateHostsSummary();
    void updateAlertsSummary();

    Session *session_;
    QListWidget *navigation_;
    QStackedWidget *sections_;
    widgets::DashboardView *dashboardView_;
    widgets::AlertsView *alertsView_;
    QTabWidget *applicationTabs_;
    widgets::ApplicationsView *applicationsView_;
    widgets::ServicesView *servicesView_;
    widgets::ContainersView *containersView_;
    widgets::ImagesView *imagesView_;
    widgets::HostsView *hostsView_;
    widgets::AuditView *auditView_;
    widgets::EnvironmentsView *environmentsView_;
    widgets::AlertNotifier *notifier_;
    QLabel *hostsSummary_;
    QLabel *alertsSummary_;
    widgets::SamplerCostLabel *samplerCost_;
    QPointer<QMessageBox> quitQuestion_;
    bool quitting_ = false; // settled: the next close is accepted
};

} // namespace slipway::app
