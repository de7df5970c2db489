// MyEnvironmentsPage: the environments provisioned (the user's own, or everyone's), each with
// its services' state and endpoints as links; a provision in progress shows service by
// service; Recycle (one, or all of mine), logs and a shell a click away.
#pragma once

#include "core/environments/environments.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;

namespace slipway::core {
class HostMonitor;
}

namespace slipway::models {
class EnvironmentServiceModel;
class EnvironmentTableModel;
} // namespace slipway::models

namespace slipway::widgets {

class SectionTable;

class MyEnvironmentsPage : public QWidget {
    Q_OBJECT

public:
    MyEnvironmentsPage(core::env::Environments *environments, core::HostMonitor *hosts,
                       QWidget *parent = nullptr);

    SectionTable *table() const { return table_; }
    SectionTable *servicesTable() const { return services_; }
    QCheckBox *onlyMineCheck() const { return onlyMine_; }
    QPushButton *recycleButton() const { return recycle_; }
    QPushButton *recycleMineButton() const { return recycleMine_; }
    QPushButton *logsButton() const { return logs_; }
    QPushButton *shellButton() const { return shell_; }
    QLabel *messageLabel() const { return message_; }
    models::EnvironmentTableModel *model() const { return model_; }
    models::EnvironmentServiceModel *serviceModel() const { return serviceModel_; }

    void selectEnvironment(const QString &environmentId);
    QString selectedEnvironment() const;

private:
    void reload();
    void showSelected();
    void updateButtons();
    void recycleSelected();
    void recycleMine();
    // Asks before a recycle; Yes recycles `environmentIds`.
    void confirm(const QString &title, const QString &text, const QStringList &environmentIds);
    void openLogs();
    void openShell();
    void openEndpoint(const QModelIndex &index);
    QString selectedContainer(QString *hostId) const;

    core::env::Environments *environments_;
    core::HostMonitor *hosts_;
    models::EnvironmentTableModel *model_;
    models::EnvironmentServiceModel *serviceModel_;
    SectionTable *table_;
    SectionTable *services_;
    QCheckBox *onlyMine_;
    QPushButton *recycle_;
    QPushButton *recycleMine_;
    QPushButton *logs_;
    QPushButton *shell_;
    QLabel *message_;
};

} // namespace slipway::widgets
