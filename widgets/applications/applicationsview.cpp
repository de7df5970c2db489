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
#include "widgets/applications/applicationpage.h"
#include "widgets/applications/deploydialog.h"
#include "widgets/applications/historypage.h"
#include "widgets/applications/replicaspage.h"
#include "widgets/applications/rollbackdialog.h"
#include "widgets/applications/takeoverdialog.h"
#include "widgets/applications/versionspage.h"
#include "widgets/common/bannerlabel.h"
#include "widgets/common/sectiontable.h"
#include "widgets/common/viewtoolbar.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
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

    QWidget *toolbar = buildToolbar();
    message_ = new BannerLabel(QStringLiteral("applicationsMessage"), this);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QWidget *tableBox = buildTable();
    QWidget *detailBox = buildDetails();

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

    connectModels();
    connectServices();
    selectionChanged();
    updateSummary();
}

QWidget *ApplicationsView::buildToolbar() {
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
    return toolbar;
}

QWidget *ApplicationsView::buildTable() {
    table_ = ApplicationPage::makeTable(this, "applicationsTable", proxy_,
                                        ApplicationTableModel::HostsColumn);
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
    return tableBox;
}

QWidget *ApplicationsView::buildDetails() {
    auto *history = new HistoryPage(historyModel_, this);
    historyTable_ = history->table();
    rollbackPrevious_ = history->rollbackPrevious();
    rollbackSelected_ = history->rollbackSelected();
    undo_ = history->undo();
    retention_ = history->retention();
    applyRetention_ = history->applyRetention();
    connect(rollbackPrevious_, &QPushButton::clicked, this, &ApplicationsView::rollBackToPrevious);
    connect(rollbackSelected_, &QPushButton::clicked, this, &ApplicationsView::rollBackToSelected);
    connect(applyRetention_, &QPushButton::clicked, this, &ApplicationsView::applyRetention);
    connect(undo_, &QPushButton::clicked, this, &ApplicationsView::undoLastChange);

    versionsPage_ = new VersionsPage(versionsModel_, this);
    versionsTable_ = versionsPage_->table();
    deployVersion_ = versionsPage_->deployVersion();
    refreshVersions_ = versionsPage_->refresh();
    connect(deployVersion_, &QPushButton::clicked, this, &ApplicationsView::deploySelectedVersion);
    connect(refreshVersions_, &QPushButton::clicked, this, [this] {
        if (!repository_.isEmpty())
            versionsRequest_ = versions_->load(repository_);
    });

    replicasPage_ = new ReplicasPage(replicasProxy_, this);
    replicasTable_ = replicasPage_->table();
    scaleDown_ = replicasPage_->scaleDown();
    scaleUp_ = replicasPage_->scaleUp();
    scaleCount_ = replicasPage_->scaleCount();
    scale_ = replicasPage_->scale();
    pauseReconcile_ = replicasPage_->pauseReconcile();
    connect(pauseReconcile_, &QPushButton::toggled, this, &ApplicationsView::setReconcilePaused);
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
    tabs_->addTab(history, tr("History"));
    tabs_->addTab(versionsPage_, tr("Versions"));
    tabs_->addTab(replicasPage_, tr("Replicas"));
    auto *detailBox = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    detailLayout->addWidget(selectedTitle_);
    detailLayout->addWidget(tabs_, 1);
    return detailBox;
}

void ApplicationsView::connectModels() {
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
}

void ApplicationsView::connectServices() {
    connect(deployer_, &core::Deployer::historyLoaded, this, &ApplicationsView::onHistory);
    connect(deployer_, &core::Deployer::retentionLoaded, this, [this](quint64 request, int k) {
        // Not while the user is typing a new value into it. Focus alone does not say so: it
        // lands on the spin box when the button clicked last (Undo) turns disabled.
        const auto *edit = retention_->findChild<QLineEdit *>();
        const bool typing = retention_->hasFocus() && edit && edit->isModified();
        if (request == historyRequest_ && !typing)
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
                versionsPage_->showListed(list);
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
        versionsPage_->showStatus(
            tr("%1 runs from an image ID, not a repository: no registry to ask.").arg(app_), true);
        return;
    }
    if (repository != repository_) {
        repository_ = repository;
        versionsModel_->setVersions(versions_->current(repository_));
    }
    versionsModel_->setCurrentDigest(a.digest);
    versionsPage_->showStatus(tr("Asking %1 for its tags…").arg(repository_), false);
    versionsRequest_ = versions_->load(repository_);
}

void ApplicationsView::reloadHistory() {
    if (!app_.isEmpty())
        historyRequest_ = deployer_->history(app_, env_);
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
    replicasPage_->showStatus(a, selected);
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
    replicasPage_->showPause(a, known, pauseRequest_ == 0);
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
