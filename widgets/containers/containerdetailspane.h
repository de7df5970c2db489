// ContainerDetailsPane: one container in tabs: Overview (command, restart policy, ports,
// networks), Environment, Mounts, Labels and Health (the healthcheck's log). Other panes,
// such as the live log, join as further tabs.
#pragma once

#include "core/fleet/containerdetails.h"

#include <QHash>
#include <QWidget>
#include <optional>

class QCheckBox;
class QLabel;
class QTabWidget;
class QTableWidget;

namespace slipway::widgets {

class ContainerDetailsPane : public QWidget {
    Q_OBJECT

public:
    enum Tab { OverviewTab, EnvironmentTab, MountsTab, LabelsTab, HealthTab };

    explicit ContainerDetailsPane(QWidget *parent = nullptr);

    QTabWidget *tabs() const { return tabs_; }
    int addTab(QWidget *page, const QString &title);

    // Something else is selected: the title changes at once, the rest when loaded.
    void showLoading(const QString &name, const QString &hostName);
    void showDetails(const core::ContainerDetails &details, const QString &hostName);
    void showError(const QString &error); // keeps what is shown, says why it is not current
    void showRemoved();                   // the container went away
    void clear();                         // nothing selected

    const std::optional<core::ContainerDetails> &details() const { return details_; }

    // Environment values whose names suggest a secret (PASSWORD, TOKEN, ...) are masked
    // until the user asks to see them.
    static bool looksSecret(const QString &name);

private:
    QLabel *field(const QString &key);
    void fillOverview(const core::ContainerDetails &d);
    void fillEnvironment();
    void setTableRows(QTableWidget *table, const QList<QStringList> &rows);

    QLabel *title_;
    QLabel *note_;
    QTabWidget *tabs_;
    QWidget *overview_;
    QHash<QString, QLabel *> values_;
    QHash<QString, QLabel *> keys_;
    QTableWidget *env_;
    QCheckBox *showSecrets_;
    QTableWidget *mounts_;
    QTableWidget *labels_;
    QLabel *healthSummary_;
    QTableWidget *health_;
    std::optional<core::ContainerDetails> details_;
};

} // namespace slipway::widgets
