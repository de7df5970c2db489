#include "widgets/applications/applicationsview.h"

#include "core/deploy/deployer.h"
#include "core/deploy/reconciler.h"
#include "core/deploy/registryversions.h"
#include "core/fleet/inventory.h"
#include "models/applicationtablemodel.h"
#include "models/containerfilterproxy.h"
#include "models/containertablemodel.h"
#include "models/deploymenthistorymodel.h"
#include "models/versionlistmodel.h"
#include "widgets/applications/deploydialog.h"
#include "widgets/applications/rollbackdialog.h"
#include "widgets/applications/takeoverdialog.h"
#include "widgets/common/bannerlabel.h"
#include "widgets/common/sectiontable.h"
#include "widgets/common/viewtoolbar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace slipway::widgets {

using models::ApplicationTableModel;
using models::DeploymentHistoryModel;
using models::VersionListModel;

namespace {

SectionTable *makeTable(QWidget *parent, const char *name, QAbstractItemModel *model,
                        int stretchColumn) {
    auto *t = new SectionTable(QLatin1String(name), model, stretchColumn,
                               QAbstractItemView::SingleSelection, parent);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 10);
    return t;
}

QPushButton *makeButton(QWidget *parent, const char *name, const QString &text,
                        const QString &tip) {
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setToolTip(tip);
    return b;
}

} // namespace

ApplicationsView::ApplicationsView(core::Inventory *inventory, core::Deployer *deployer,
                                   core::RegistryVersions *versions, QWidget *parent)
    : QWidget(parent), inventory_(inventory), deployer_(deployer), versions_(versions),
      model_(new ApplicationTableModel(inventory, this)), proxy_(new QSortFilterProxyModel(this)),
      historyModel_(new DeploymentHistoryModel(inventory, this)),
      versionsModel_(new VersionListModel(this)),
      replicasModel_(new models::ContainerTableModel(inventory, this)),
      replicasProxy_(new models::ContainerFilterProxy(this)) {
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(ApplicationTableModel::SortRole);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setSortCaseSensitivity(Qt::CaseInsensitive);
    replicasProxy_->setSourceModel(replicasModel_);
    // Nothing until an application is selected.
    replicasProxy_->setApplications({QStringLiteral("\x01")});

    auto *toolbar = new ViewToolbar(QStringLiteral("applicationsToolbar"), this);
    deploy_ = toolbar->addNamedAction(QStringLiteral("deployApplicationAction"), QStyle::SP_ArrowUp,
                                      tr("Deploy…"),
                                      tr("Deploy an image as an application in an environment"));
    toolbar->addSeparator();
    refresh_ = toolbar->addNamedAction(
        QStringLiteral("refreshApplicationsAction"), QStyle::SP_BrowserReload, tr("Refresh"),
        tr("Load the history and the versions of the selected application again"));
    connect(deploy_, &QAction::triggered, this, &ApplicationsView::deployNew);
    connect(refresh_, &QAction::triggered, this, &ApplicationsView::reload);
    takeover_ = toolbar->addNamedAction(
        QStringLiteral("takeoverLockAction"), QStyle::SP_MessageBoxWarning, tr("Take over lock…"),
        tr("See who holds the selected application's lock, and take it from an owner that died"));
    connect(takeover_, &QAction::triggered, this, &ApplicationsView::openTakeover);
    adopt_ = toolbar->addNamedAction(
        QStringLiteral("adoptReplicasAction"), QStyle::SP_DialogApplyButton, tr("Adopt…"),
        tr("Take over the running replicas of the selected application that an earlier Slipway "
           "deployed and no database owns, so that it can be changed again"));
    connect(adopt_, &QAction::triggered, this, &ApplicationsView::confirmAdopt);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    filter_ = new QLineEdit(toolbar);
    filter_->setObjectName(QStringLiteral("applicationFilter"));
    filter_->setPlaceholderText(tr("Filter: application, environment, version, host…"));
    filter_->setClearButtonEnabled(true);
    filter_->setMinimumWidth(280);
    toolbar->addWidget(filter_);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);

    message_ = new BannerLabel(QStringLiteral("applicationsMessage"), this);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    table_ = makeTable(this, "applicationsTable", proxy_, ApplicationTableModel::HostsColumn);
    table_->sortFirstBy(ApplicationTableModel::AppColumn);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("applicationsSummary"));
    summary_->setEnabled(false);
    auto *tableBox = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(2);
    tableLayout->addWidget(table_, 1);
    tableLayout->addWidget(summary_);

    // History
    auto *historyPage = new QWidget(this);
    rollbackPrevious_ =
        makeButton(historyPage, "rollbackPreviousButton", tr("Roll back to previous"),
                   tr("Run the version deployed before the current one again"));
    rollbackSelected_ =
        makeButton(historyPage, "rollbackSelectedButton", tr("Roll back to this"),
                   tr("Run the selected deployment's image (by digest) and configuration again"));
    undo_ = makeButton(historyPage, "undoButton", tr("Undo last change"),
                       tr("Start the replicas the latest deployment stopped again (while its undo "
                          "window is open), then stop the current ones"));
    retention_ = new QSpinBox(historyPage);
    retention_->setObjectName(QStringLiteral("retentionSpin"));
    retention_->setRange(1, 100);
    retention_->setValue(5);
    retention_->setToolTip(tr("How many versions of this application are kept restorable"));
    applyRetention_ = makeButton(historyPage, "applyRetentionButton", tr("Apply"),
                                 tr("Keep this many versions restorable"));
    auto *historyBar = new QHBoxLayout;
    historyBar->addWidget(rollbackPrevious_);
    historyBar->addWidget(rollbackSelected_);
    historyBar->addWidget(undo_);
    historyBar->addStretch(1);
    historyBar->addWidget(new QLabel(tr("Keep restorable:"), historyPage));
    historyBar->addWidget(retention_);
    historyBar->addWidget(new QLabel(tr("versions"), historyPage));
    historyBar->addWidget(applyRetention_);
    historyTable_ =
        makeTable(historyPage, "historyTable", historyModel_, DeploymentHistoryModel::ResultColumn);
    auto *historyLayout = new QVBoxLayout(historyPage);
    historyLayout->setContentsMargins(6, 6, 6, 6);
    historyLayout->addLayout(historyBar);
    historyLayout->addWidget(historyTable_, 1);
    connect(rollbackPrevious_, &QPushButton::clicked, this, &ApplicationsView::rollBackToPrevious);
    connect(rollbackSelected_, &QPushButton::clicked, this, &ApplicationsView::rollBackToSelected);
    connect(applyRetention_, &QPushButton::clicked, this, &ApplicationsView::applyRetention);
    connect(undo_, &QPushButton::clicked, this, &ApplicationsView::undoLastChange);

    // Versions
    auto *versionsPage = new QWidget(this);
    deployVersion_ = makeButton(versionsPage, "deployVersionButton", tr("Deploy this version…"),
                                tr("Deploy the selected version with the current configuration"));
    refreshVersions_ = makeButton(versionsPage, "refreshVersionsButton", tr("Refresh"),
                                  tr("Ask the registry for the tags again"));
    versionsStatus_ = new QLabel(versionsPage);
    versionsStatus_->setObjectName(QStringLiteral("versionsStatus"));
    versionsStatus_->setWordWrap(true);
    versionsStatus_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *versionsBar = new QHBoxLayout;
    versionsBar->addWidget(deployVersion_);
    versionsBar->addWidget(refreshVersions_);
    versionsBar->addStretch(1);
    versionsTable_ =
        makeTable(versionsPage, "versionsTable", versionsModel_, VersionListModel::HostsColumn);
    auto *versionsLayout = new QVBoxLayout(versionsPage);
    versionsLayout->setContentsMargins(6, 6, 6, 6);
    versionsLayout->addLayout(versionsBar);
    versionsLayout->addWidget(versionsStatus_);
    versionsLayout->addWidget(versionsTable_, 1);
    connect(deployVersion_, &QPushButton::clicked, this, &ApplicationsView::deploySelectedVersion);
    connect(refreshVersions_, &QPushButton::clicked, this, [this] {
        if (!repository_.isEmpty())
            versionsRequest_ = versions_->load(repository_);
    });

    // Replicas
    auto *replicasPage = new QWidget(this);
    scaleDown_ = makeButton(replicasPage, "scaleDownButton", tr("−1"),
                            tr("Remove one replica (the newest)"));
    scaleUp_ = makeButton(replicasPage, "scaleUpButton", tr("+1"),
                          tr("Add one replica on the least-loaded host"));
    scaleCount_ = new QSpinBox(replicasPage);
    scaleCount_->setObjectName(QStringLiteral("scaleCountSpin"));
    scaleCount_->setRange(1, 100);
    scale_ = makeButton(replicasPage, "scaleButton", tr("Scale"),
                        tr("Run exactly this many replicas of the current version"));
    pauseReconcile_ =
        makeButton(replicasPage, "pauseReconcileButton", tr("Pause reconcile"), QString());
    pauseReconcile_->setCheckable(true);
    pauseReconcile_->setEnabled(false);
    connect(pauseReconcile_, &QPushButton::toggled, this, &ApplicationsView::setReconcilePaused);
    replicasStatus_ = new QLabel(replicasPage);
    replicasStatus_->setObjectName(QStringLiteral("replicasStatus"));
    auto *replicasBar = new QHBoxLayout;
    replicasBar->addWidget(replicasStatus_);
    replicasBar->addSpacing(12);
    replicasBar->addWidget(scaleDown_);
    replicasBar->addWidget(scaleUp_);
    replicasBar->addStretch(1);
    replicasBar->addWidget(new QLabel(tr("Scale to:"), replicasPage));
    replicasBar->addWidget(scaleCount_);
    replicasBar->addWidget(scale_);
    replicasBar->addSpacing(12);
    replicasBar->addWidget(pauseReconcile_);
    // Ports is the last column shown.
    replicasTable_ = makeTable(replicasPage, "replicasTable", replicasProxy_,
                               models::ContainerTableModel::PortsColumn);
    replicasTable_->sortFirstBy(models::ContainerTableModel::NameColumn);
    for (int c :
         {int(models::ContainerTableModel::AppColumn), int(models::ContainerTableModel::EnvColumn),
          int(models::ContainerTableModel::CpuColumn),
          int(models::ContainerTableModel::MemoryColumn)})
        replicasTable_->setColumnHidden(c, true);
    auto *replicasLayout = new QVBoxLayout(replicasPage);
    replicasLayout->setContentsMargins(6, 6, 6, 6);
    replicasLayout->addLayout(replicasBar);
    replicasLayout->addWidget(replicasTable_, 1);
    connect(scaleDown_, &QPushButton::clicked, this, [this] { scaleBy(-1); });
    connect(scaleUp_, &QPushButton::clicked, this, [this] { scaleBy(+1); });
    connect(scale_, &QPushButton::clicked, this, [this] { scaleTo(scaleCount_->value()); });

    selectedTitle_ = new QLabel(this);
    selectedTitle_->setObjectName(QStringLiteral("selectedApplicationTitle"));
    QFont bold = selectedTitle_->font();
    bold.setBold(true);
    selectedTitle_->setFont(bold);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("applicationTabs"));
    tabs_->addTab(historyPage, tr("History"));
    tabs_->addTab(versionsPage, tr("Versions"));
    tabs_->addTab(replicasPage, tr("Replicas"));
    auto *detailBox = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    detailLayout->addWidget(selectedTitle_);
    detailLayout->addWidget(tabs_, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(tableBox);
    splitter->addWidget(detailBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({300, 460});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(message_);
    layout->addWidget(splitter, 1);

    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApplicationsView::selectionChanged);
    connect(historyTable_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApplicationsView::updateActions);
    connect(versionsTable_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ApplicationsView::updateActions);
    // The selected application's row changes as its replicas come and go.
    connect(model_, &QAbstractItemModel::dataChanged, this, [this] {
        const int row = model_->rowOf(app_, env_);
        if (row >= 0)
            versionsModel_->setCurrentDigest(model_->application(row).digest);
        updateActions();
        updateSummary();
    });
    connect(model_, &QAbstractItemModel::rowsInserted, this, &ApplicationsView::updateSummary);
    connect(model_, &QAbstractItemModel::rowsRemoved, this, &ApplicationsView::updateSummary);

    connect(deployer_, &core::Deployer::historyLoaded, this, &ApplicationsView::onHistory);
    connect(deployer_, &core::Deployer::retentionLoaded, this, [this](quint64 request, int k) {
        // Not while the user is typing a new value into it.
        if (request == historyRequest_ && !retention_->hasFocus())
            retention_->setValue(k);
    });
    connect(deployer_, &core::Deployer::progress, this,
            [this](quint64 request, const QString &step, int, int) {
                if (actions_.contains(request))
                    showMessage(actions_.value(request) + QStringLiteral(": ") + step, false);
            });
    connect(deployer_, &core::Deployer::finished, this,
            [this](quint64 request, bool ok, const QString &error,
                   const core::DeploymentRecord &record) {
                if (request == historyRequest_) {
                    historyRequest_ = 0;
                    showMessage(
                        tr("Could not load the history of %1 in %2: %3").arg(app_, env_, error),
                        true);
                    return;
                }
                if (actions_.contains(request)) {
                    const QString what = actions_.take(request);
                    if (ok)
                        showMessage(record.detail.isEmpty()
                                        ? tr("%1: done.").arg(what)
                                        : tr("%1: done. %2").arg(what, record.detail),
                                    false);
                    else
                        showMessage(
                            tr("%1 failed: %2")
                                .arg(what, record.detail.isEmpty() || error.contains(record.detail)
                                               ? error
                                               : error + u'\n' + record.detail),
                            true);
                    updateActions();
                }
                // Any deployment may have added to the history shown.
                if (!record.app.isEmpty() && record.app == app_ && record.env == env_)
                    reload();
            });
    connect(versions_, &core::RegistryVersions::loaded, this,
            [this](quint64 request, const core::VersionList &list) {
                if (request != versionsRequest_)
                    return;
                versionsRequest_ = 0;
                versionsModel_->setVersions(list);
                if (!list.registryError.isEmpty()) {
                    versionsStatus_->setText(
                        tr("The registry could not be listed: %1. Versions the hosts hold are "
                           "shown.")
                            .arg(list.registryError));
                    versionsStatus_->setStyleSheet(
                        BannerLabel::styleSheet(BannerLabel::Tone::Warning));
                } else {
                    versionsStatus_->setText(
                        tr("%n version(s) of %1.", nullptr, int(list.versions.size()))
                            .arg(list.repository));
                    versionsStatus_->setStyleSheet(QString());
                }
                updateActions();
            });
    connect(versions_, &core::RegistryVersions::hostsChanged, this, [this] {
        if (!repository_.isEmpty() && !versionsRequest_)
            versionsModel_->setVersions(versions_->current(repository_));
    });
    connect(versions_, &core::RegistryVersions::restorableMarked, this,
            [this](quint64 request, const core::DeploymentHistory &history) {
                if (request != markRequest_)
                    return;
                markRequest_ = 0;
                historyModel_->setHistory(history);
                historyTable_->resizeColumnsToContents();
                updateActions();
            });

    selectionChanged();
    updateSummary();
}

ApplicationsView::~ApplicationsView() = default;

RollbackDialog *ApplicationsView::rollbackDialog() const {
    return rollbackDialog_;
}

DeployDialog *ApplicationsView::deployDialog() const {
    return deployDialog_;
}

int ApplicationsView::selectedRow() const {
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return proxy_->mapToSource(rows.first()).row();
}

QString ApplicationsView::selectedApp() const {
    return app_;
}

QString ApplicationsView::selectedEnv() const {
    return env_;
}

bool ApplicationsView::select(const QString &app, const QString &env) {
    const int row = model_->rowOf(app, env);
    if (row < 0)
        return false;
    const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
    if (!index.isValid())
        return false;
    table_->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
    table_->setCurrentIndex(index);
    table_->scrollTo(index);
    return true;
}

void ApplicationsView::selectionChanged() {
    const int row = selectedRow();
    const auto a = model_->application(row);
    if (a.app == app_ && a.env == env_ && row >= 0)
        return;
    app_ = a.app;
    env_ = a.env;
    historyModel_->setHistory({});
    historyRequest_ = markRequest_ = versionsRequest_ = 0;
    if (app_.isEmpty()) {
        selectedTitle_->setText(tr("Select an application to see its history, versions and "
                                   "replicas."));
        repository_.clear();
        versionsModel_->setVersions({});
        replicasProxy_->setApplications({QStringLiteral("\x01")});
    } else {
        selectedTitle_->setText(tr("%1 in %2").arg(app_, env_));
        replicasProxy_->setApplications({app_});
        replicasProxy_->setEnvironments({env_});
        scaleCount_->setValue(std::max(1, a.total));
    }
    reload();
    updateActions();
}

void ApplicationsView::reload() {
    if (app_.isEmpty())
        return;
    historyRequest_ = deployer_->history(app_, env_);
    const int row = model_->rowOf(app_, env_);
    const auto a = model_->application(row);
    const QString repository = core::RegistryVersions::repositoryOf(a.image);
    if (repository.isEmpty()) {
        versionsStatus_->setText(
            tr("%1 runs from an image ID, not a repository: no registry to ask.").arg(app_));
        versionsStatus_->setStyleSheet(BannerLabel::styleSheet(BannerLabel::Tone::Warning));
        return;
    }
    if (repository != repository_) {
        repository_ = repository;
        versionsModel_->setVersions(versions_->current(repository_));
    }
    versionsModel_->setCurrentDigest(a.digest);
    versionsStatus_->setText(tr("Asking %1 for its tags…").arg(repository_));
    versionsStatus_->setStyleSheet(QString());
    versionsRequest_ = versions_->load(repository_);
}

void ApplicationsView::onHistory(quint64 request, const core::DeploymentHistory &history) {
    if (request != historyRequest_)
        return;
    historyRequest_ = 0;
    historyModel_->setHistory(history);
    // Rows that only change (a rollback's kind, a result) do not resize the columns by themselves.
    historyTable_->resizeColumnsToContents();
    // Then whether each one can still be pulled: hosts first, the registry for the rest.
    markRequest_ = versions_->markRestorable(history);
    updateActions();
}

void ApplicationsView::updateActions() {
    const bool selected = !app_.isEmpty();
    const int row = model_->rowOf(app_, env_);
    const auto a = model_->application(row);
    const bool busy = !actions_.isEmpty();
    takeover_->setEnabled(selected && lockTakeover_);
    adopt_->setEnabled(selected && !busy);
    rollbackPrevious_->setEnabled(selected && !busy);
    undo_->setEnabled(selected && !busy);
    const QModelIndexList h = historyTable_->selectionModel()->selectedRows();
    const auto record =
        h.isEmpty() ? core::DeploymentRecord{} : historyModel_->record(h.first().row());
    rollbackSelected_->setEnabled(selected && !busy && record.id > 0 && record.restorable &&
                                  !record.config.digest.isEmpty() &&
                                  record.config.digest != a.digest);
    rollbackSelected_->setToolTip(
        record.id > 0 && !record.restorable
            ? tr("The image of this deployment can no longer be pulled.")
            : tr("Run the selected deployment's image (by digest) and configuration again"));
    applyRetention_->setEnabled(selected);
    const QModelIndexList v = versionsTable_->selectionModel()->selectedRows();
    deployVersion_->setEnabled(selected && !busy && !v.isEmpty());
    refreshVersions_->setEnabled(!repository_.isEmpty());
    scaleDown_->setEnabled(selected && !busy && a.total > 1);
    scaleUp_->setEnabled(selected && !busy && a.total < 100);
    scale_->setEnabled(selected && !busy);
    QString status = selected ? tr("%1 of %2 running (%3)")
                                    .arg(a.running)
                                    .arg(std::max(a.total, a.desired.replicas))
                                    .arg(a.version)
                              : QString();
    if (selected && a.desired.paused)
        status +=
            QStringLiteral(" · ") +
            tr("reconcile paused by %1 at %2")
                .arg(a.desired.pausedBy,
                     a.desired.pausedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    replicasStatus_->setText(status);
    updatePauseButton();
    tabs_->setEnabled(selected);
}

void ApplicationsView::setReconciler(core::Reconciler *reconciler) {
    reconciler_ = reconciler;
    model_->follow(reconciler);
    if (reconciler_)
        connect(
            reconciler_, &core::Reconciler::pauseFinished, this,
            [this](quint64 request, bool ok, const QString &error) {
                if (request != pauseRequest_)
                    return;
                pauseRequest_ = 0;
                if (!ok)
                    showMessage(
                        tr("Cannot change the reconcile of %1 in %2: %3").arg(app_, env_, error),
                        true);
                updateActions();
            });
    updateActions();
}

void ApplicationsView::updatePauseButton() {
    const auto a = model_->application(model_->rowOf(app_, env_));
    // Only an application this store deployed has a replica count to keep.
    const bool known = reconciler_ && !app_.isEmpty() && a.desired.replicas > 0;
    const QSignalBlocker quiet(pauseReconcile_);
    pauseReconcile_->setEnabled(known && pauseRequest_ == 0);
    pauseReconcile_->setChecked(known && a.desired.paused);
    if (known && a.desired.paused)
        pauseReconcile_->setToolTip(
            tr("Paused by %1 at %2: replicas that stop or go away are left as they are. Click "
               "to resume.")
                .arg(a.desired.pausedBy, a.desired.pausedAt.toLocalTime().toString(
                                             QStringLiteral("yyyy-MM-dd HH:mm"))));
    else
        pauseReconcile_->setToolTip(
            tr("Stop starting again or replacing replicas of this application that stop or go "
               "away, to work on them by hand"));
}

void ApplicationsView::setReconcilePaused(bool paused) {
    if (!reconciler_ || app_.isEmpty())
        return;
    pauseRequest_ = reconciler_->setPaused(app_, env_, paused);
    updateActions();
}

void ApplicationsView::updateSummary() {
    int running = 0;
    for (int i = 0; i < model_->rowCount(); ++i)
        running += model_->application(i).running;
    summary_->setText(tr("%n application(s)", nullptr, model_->rowCount()) + QStringLiteral(" · ") +
                      tr("%n replica(s) running", nullptr, running));
}

void ApplicationsView::showMessage(const QString &text, bool isError) {
    message_->say(text, isError ? BannerLabel::Tone::Error : BannerLabel::Tone::Ok);
}

void ApplicationsView::openRollback(qint64 targetId) {
    if (app_.isEmpty())
        return;
    if (rollbackDialog_)
        rollbackDialog_->close();
    auto *dialog = new RollbackDialog(deployer_, inventory_, app_, env_, targetId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    rollbackDialog_ = dialog;
    connect(dialog, &RollbackDialog::rolledBack, this, [this] { reload(); });
    dialog->open();
}

void ApplicationsView::rollBackToPrevious() {
    openRollback(0);
}

void ApplicationsView::rollBackToSelected() {
    const QModelIndexList h = historyTable_->selectionModel()->selectedRows();
    if (h.isEmpty())
        return;
    openRollback(historyModel_->record(h.first().row()).id);
}

void ApplicationsView::deployNew() {
    if (deployDialog_)
        deployDialog_->close();
    auto *dialog = new DeployDialog(deployer_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    deployDialog_ = dialog;
    connect(dialog, &DeployDialog::deployed, this, [this] { reload(); });
    dialog->open();
}

void ApplicationsView::deploySelectedVersion() {
    const QModelIndexList v = versionsTable_->selectionModel()->selectedRows();
    if (app_.isEmpty() || v.isEmpty())
        return;
    const core::ImageVersion version = versionsModel_->version(v.first().row());
    // The configuration of the newest successful deployment, with the chosen image.
    core::DeploymentConfig config;
    for (const core::DeploymentRecord &r : historyModel_->rows())
        if (r.result == core::DeploymentRecord::Result::Ok) {
            config = r.config;
            break;
        }
    config.image = version.reference();
    config.digest.clear();
    const auto a = model_->application(model_->rowOf(app_, env_));
    if (deployDialog_)
        deployDialog_->close();
    auto *dialog = new DeployDialog(deployer_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setApplication(app_, env_, true);
    dialog->setConfig(config, std::max(1, a.total));
    dialog->setRunningReplicas(a.running);
    deployDialog_ = dialog;
    connect(dialog, &DeployDialog::deployed, this, [this] { reload(); });
    dialog->open();
}

void ApplicationsView::scaleBy(int delta) {
    const auto a = model_->application(model_->rowOf(app_, env_));
    scaleTo(a.total + delta);
}

void ApplicationsView::scaleTo(int replicas) {
    if (app_.isEmpty())
        return;
    if (replicas < 1 || replicas > 100) {
        showMessage(tr("Replicas must be from 1 to 100 (asked for %1).").arg(replicas), true);
        return;
    }
    const quint64 request = deployer_->scale(app_, env_, replicas);
    actions_.insert(request,
                    tr("Scaling %1 in %2 to %n replica(s)", nullptr, replicas).arg(app_, env_));
    showMessage(actions_.value(request) + QStringLiteral("…"), false);
    updateActions();
}

void ApplicationsView::undoLastChange() {
    if (app_.isEmpty())
        return;
    const quint64 request = deployer_->undo(app_, env_);
    actions_.insert(request, tr("Undoing the last change of %1 in %2").arg(app_, env_));
    showMessage(actions_.value(request) + QStringLiteral("…"), false);
    updateActions();
}

void ApplicationsView::confirmAdopt() {
    if (app_.isEmpty())
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Adopt replicas"),
        tr("Adopt the running replicas of %1 in %2 that an earlier Slipway deployed?\n\nThis "
           "database then owns them, and its next deploy, rollback or scale retires them as "
           "usual. Replicas that another Slipway database owns are never adopted. The adoption "
           "is recorded in the audit log.")
            .arg(app_, env_),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("adoptConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, app = app_, env = env_] {
        const quint64 request = deployer_->adopt(app, env);
        actions_.insert(request, tr("Adopting the replicas of %1 in %2").arg(app, env));
        showMessage(actions_.value(request) + QStringLiteral("…"), false);
        updateActions();
    });
    box->open();
}

void ApplicationsView::applyRetention() {
    if (app_.isEmpty())
        return;
    const int k = retention_->value();
    const quint64 request = deployer_->setRetention(app_, env_, k);
    actions_.insert(
        request,
        tr("Keeping the last %n version(s) of %1 in %2 restorable", nullptr, k).arg(app_, env_));
    updateActions();
}

void ApplicationsView::setLockTakeover(core::LockTakeover *service) {
    lockTakeover_ = service;
    updateActions();
}

TakeoverDialog *ApplicationsView::takeoverDialog() const {
    return takeoverDialog_;
}

void ApplicationsView::openTakeover() {
    if (!lockTakeover_ || app_.isEmpty())
        return;
    if (takeoverDialog_)
        takeoverDialog_->close();
    takeoverDialog_ = new TakeoverDialog(lockTakeover_, app_, env_, this);
    takeoverDialog_->setAttribute(Qt::WA_DeleteOnClose);
    takeoverDialog_->show();
}

} // namespace slipway::widgets
