// ApplicationsView: the Applications section: every application per environment with its
// version, digest, replicas, hosts and health; for the selected one, its deployment history
// (roll back to any restorable deployment or to the previous version, retention K), the
// versions in the registry and on the hosts (deploy any of them), and its replicas (+1 / -1,
// scale to N), and a toggle that pauses reconcile of its replica count. Errors and results are
// shown where the action was taken.
#pragma once

#include "core/deploy/deploymentrecord.h"
#include "widgets/common/bannerlabel.h"
#include "widgets/common/sectiontable.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTabWidget;

namespace slipway::core {
class Deployer;
class Inventory;
class LockTakeover;
class Reconciler;
class RegistryVersions;
struct VersionList;
} // namespace slipway::core

namespace slipway::models {
class ApplicationTableModel;
class ContainerFilterProxy;
class ContainerTableModel;
class DeploymentHistoryModel;
class VersionListModel;
} // namespace slipway::models

namespace slipway::widgets {

class DeployDialog;
class ReplicasPage;
class VersionsPage;
class RollbackDialog;
class TakeoverDialog;

class ApplicationsView : public QWidget {
    Q_OBJECT

public:
    ApplicationsView(core::Inventory *inventory, core::Deployer *deployer,
                     core::RegistryVersions *versions, QWidget *parent = nullptr);
    ~ApplicationsView() override; // where the dialogs' types are complete

    enum Tab { HistoryTab, VersionsTab, ReplicasTab };

    QTableView *table() const { return table_; }
    models::ApplicationTableModel *model() const { return model_; }
    QTableView *historyTable() const { return historyTable_; }
    models::DeploymentHistoryModel *historyModel() const { return historyModel_; }
    QTableView *versionsTable() const { return versionsTable_; }
    models::VersionListModel *versionsModel() const { return versionsModel_; }
    QTableView *replicasTable() const { return replicasTable_; }
    QTabWidget *tabs() const { return tabs_; }
    QLabel *messageLabel() const { return message_; }
    RollbackDialog *rollbackDialog() const; // the one open now, or null
    DeployDialog *deployDialog() const;

    // The application and environment selected; empty when none.
    QString selectedApp() const;
    QString selectedEnv() const;
    bool select(const QString &app, const QString &env);
    // Enables "Take over lock…" for the selected application (TakeoverDialog).
    void setLockTakeover(core::LockTakeover *service);
    TakeoverDialog *takeoverDialog() const;

    // Shows desired counts, crash loops and the pause toggle from `reconciler` (may be null).
    void setReconciler(core::Reconciler *reconciler);
    QPushButton *pauseReconcileButton() const { return pauseReconcile_; }

public slots:
    void deployNew();
    void rollBackToPrevious();
    void rollBackToSelected();
    void deploySelectedVersion();
    void scaleBy(int delta);
    void scaleTo(int replicas);
    void applyRetention();
    void undoLastChange();
    void openTakeover();
    // Asks, then takes over the replicas an earlier Slipway left without an owner
    // (Deployer::adopt).
    void confirmAdopt();
    void reload(); // history and versions of the selected application
    // The selected application's history only: another desk deployed (ChangeFeed).
    void reloadHistory();

private:
    // The constructor's parts.
    QWidget *buildToolbar();
    QWidget *buildTable();   // with the summary under it
    QWidget *buildDetails(); // the selected application's title and tabs
    void connectModels();
    void connectServices(); // the answers of the deployer and the registry

    void selectionChanged();
    void updateActions();
    void updateSummary();
    void showMessage(const QString &text, bool isError);
    void openRollback(qint64 targetId);
    void onHistory(quint64 request, const core::DeploymentHistory &history);
    int selectedRow() const; // in the model; -1 when none
    void updatePauseButton();
    void setReconcilePaused(bool paused);

    core::Inventory *inventory_;
    core::Deployer *deployer_;
    core::RegistryVersions *versions_;
    models::ApplicationTableModel *model_;
    QSortFilterProxyModel *proxy_;
    models::DeploymentHistoryModel *historyModel_;
    models::VersionListModel *versionsModel_;
    models::ContainerTableModel *replicasModel_;
    models::ContainerFilterProxy *replicasProxy_;

    SectionTable *table_;
    QLineEdit *filter_;
    BannerLabel *message_;
    QLabel *summary_;
    QLabel *selectedTitle_;
    QTabWidget *tabs_;
    SectionTable *historyTable_;
    SectionTable *versionsTable_;
    SectionTable *replicasTable_;
    VersionsPage *versionsPage_;
    ReplicasPage *replicasPage_;
    QAction *deploy_;
    QAction *refresh_;
    QPushButton *rollbackPrevious_;
    QPushButton *undo_;
    QPushButton *rollbackSelected_;
    QSpinBox *retention_;
    QPushButton *applyRetention_;
    QPushButton *deployVersion_;
    QPushButton *refreshVersions_;
    QPushButton *scaleDown_;
    QPushButton *scaleUp_;
    QSpinBox *scaleCount_;
    QPushButton *scale_;
    QPushButton *pauseReconcile_;
    core::Reconciler *reconciler_ = nullptr;
    quint64 pauseRequest_ = 0;

    QString app_; // what the tabs show
    QString env_;
    QString repository_;
    quint64 historyRequest_ = 0;
    quint64 markRequest_ = 0;
    quint64 versionsRequest_ = 0;
    QHash<quint64, QString> actions_; // request -> what it does, for its result line
    QPointer<RollbackDialog> rollbackDialog_;
    QPointer<DeployDialog> deployDialog_;
    core::LockTakeover *lockTakeover_ = nullptr;
    QAction *takeover_;
    QAction *adopt_;
    QPointer<TakeoverDialog> takeoverDialog_;
};

} // namespace slipway::widgets
