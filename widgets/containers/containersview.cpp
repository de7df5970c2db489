#include "widgets/containers/containersview.h"

#include "core/fleet/containeractionqueue.h"
#include "core/fleet/containerdetails.h"
#include "core/fleet/logfollower.h"
#include "core/metrics/metrics.h"
#include "models/containerfilterproxy.h"
#include "models/containertablemodel.h"
#include "widgets/common/bannerlabel.h"
#include "widgets/common/viewtoolbar.h"
#include "widgets/containers/actionerrorsbanner.h"
#include "widgets/containers/bannerbox.h"
#include "widgets/containers/containercontextmenu.h"
#include "widgets/containers/containerdetailspane.h"
#include "widgets/containers/containerfilterbar.h"
#include "widgets/containers/containerstatedelegate.h"
#include "widgets/containers/logview.h"
#include "widgets/containers/removecontainersbox.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QSet>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace slipway::widgets {

using core::ContainerList;
using core::ContainerRef;
using core::Inventory;
using Action = core::Inventory::Action;
using models::ContainerTableModel;

ContainersView::ContainersView(Inventory *inventory, core::HostMonitor *monitor, QWidget *parent)
    : QWidget(parent), inventory_(inventory), monitor_(monitor),
      model_(new ContainerTableModel(inventory, this)),
      proxy_(new models::ContainerFilterProxy(this)),
      loader_(new core::ContainerDetailsLoader(monitor, this)),
      follower_(new core::LogFollower(monitor, this)),
      queue_(new core::ContainerActionQueue(inventory, this)) {
    proxy_->setSourceModel(model_);
    buildToolbar();
    filterBar_ = new ContainerFilterBar(proxy_, model_, inventory_, this);
    filterBar_->setObjectName(QStringLiteral("containerFilterBar"));
    buildBanners();
    buildTable();
    buildLayout();
    connectParts();
    updateCount();
    updateSync();
    updateActions();
    updateBusy();
}

void ContainersView::buildToolbar() {
    toolbar_ = new ViewToolbar(QStringLiteral("containersToolbar"), this);
    const auto add = [&](Action a, const char *name, QStyle::StandardPixmap icon,
                         const QString &tip) {
        QAction *act =
            toolbar_->addNamedAction(QLatin1String(name), icon, Inventory::actionName(a), tip);
        actions_.insert(int(a), act);
        return act;
    };
    connect(add(Action::Start, "startContainersAction", QStyle::SP_MediaPlay,
                tr("Start the selected containers")),
            &QAction::triggered, this, &ContainersView::startSelected);
    connect(add(Action::Stop, "stopContainersAction", QStyle::SP_MediaStop,
                tr("Stop the selected containers (SIGTERM, then SIGKILL after the timeout)")),
            &QAction::triggered, this, &ContainersView::stopSelected);
    connect(add(Action::Restart, "restartContainersAction", QStyle::SP_BrowserReload,
                tr("Restart the selected containers")),
            &QAction::triggered, this, &ContainersView::restartSelected);
    connect(add(Action::Kill, "killContainersAction", QStyle::SP_MessageBoxCritical,
                tr("Kill the selected containers at once (SIGKILL)")),
            &QAction::triggered, this, &ContainersView::killSelected);
    toolbar_->addSeparator();
    QAction *remove = add(Action::Remove, "removeContainersAction", QStyle::SP_TrashIcon,
                          tr("Remove the selected containers (asks first)"));
    remove->setText(tr("Remove…"));
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(remove, &QAction::triggered, this, &ContainersView::removeSelected);
    toolbar_->addSeparator();
    QAction *logs = toolbar_->addNamedAction(QStringLiteral("showLogsAction"),
                                             QStyle::SP_FileDialogContentsView, tr("Logs"),
                                             tr("Follow the current container's log"));
    connect(logs, &QAction::triggered, this, &ContainersView::showLogs);
    actions_.insert(-1, logs);

    auto *spacer = new QWidget(toolbar_);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar_->addWidget(spacer);
    busy_ = new QLabel(toolbar_);
    busy_->setObjectName(QStringLiteral("containersBusy"));
    toolbar_->addWidget(busy_);
    count_ = new QLabel(toolbar_);
    count_->setObjectName(QStringLiteral("containersCount"));
    count_->setContentsMargins(12, 0, 4, 0);
    toolbar_->addWidget(count_);
}

void ContainersView::buildBanners() {
    syncBox_ = new BannerBox(QStringLiteral("syncProblems"), BannerLabel::Tone::Warning, this);
    syncText_ = syncBox_->text();
    auto *retry = new QToolButton(syncBox_);
    retry->setObjectName(QStringLiteral("retrySync"));
    retry->setText(tr("Retry now"));
    retry->setAutoRaise(true);
    syncBox_->addButton(retry);
    connect(retry, &QToolButton::clicked, this, [this] {
        for (const QString &id : inventory_->hostIds())
            if (inventory_->hostState(id) == Inventory::SyncState::Unreachable)
                inventory_->retryHost(id);
    });
    errorBox_ = new ActionErrorsBanner(this);
}

void ContainersView::buildTable() {
    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("containersTable"));
    table_->setModel(proxy_);
    table_->setItemDelegate(new ContainerStateDelegate(table_));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setTextElideMode(Qt::ElideMiddle);
    table_->setSortingEnabled(true);
    table_->sortByColumn(ContainerTableModel::NameColumn, Qt::AscendingOrder);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    table_->addAction(actions_.value(int(Action::Remove)));
    QHeaderView *header = table_->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setHighlightSections(false);
    // Sized for what the columns usually hold: measuring thousands of rows would stall.
    const std::pair<int, int> widths[] = {
        {ContainerTableModel::HostColumn, 110},   {ContainerTableModel::NameColumn, 190},
        {ContainerTableModel::AppColumn, 100},    {ContainerTableModel::EnvColumn, 90},
        {ContainerTableModel::ImageColumn, 180},  {ContainerTableModel::VersionColumn, 65},
        {ContainerTableModel::StateColumn, 72},   {ContainerTableModel::HealthColumn, 75},
        {ContainerTableModel::StatusColumn, 185}, {ContainerTableModel::PortsColumn, 160},
        {ContainerTableModel::CpuColumn, 55},     {ContainerTableModel::MemoryColumn, 75},
    };
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width);
    header->setStretchLastSection(true);

    menu_ = new ContainerContextMenu(
        {{actions_.value(int(Action::Start)), actions_.value(int(Action::Stop)),
          actions_.value(int(Action::Restart)), actions_.value(int(Action::Kill))},
         {actions_.value(int(Action::Remove))},
         {actions_.value(-1)}},
        [this] { return selectedContainers(); }, this);
    connect(table_, &QWidget::customContextMenuRequested, this, &ContainersView::showContextMenu);
}

void ContainersView::buildLayout() {
    details_ = new ContainerDetailsPane(this);
    details_->setObjectName(QStringLiteral("containerDetails"));
    logView_ = new LogView(follower_, this);
    logView_->setObjectName(QStringLiteral("logView"));
    logsTab_ = details_->addTab(logView_, tr("Logs"));

    auto *tableBox = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(4);
    tableLayout->addWidget(syncBox_);
    tableLayout->addWidget(errorBox_);
    tableLayout->addWidget(table_, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("containersSplitter"));
    splitter->addWidget(tableBox);
    splitter->addWidget(details_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({420, 300});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(toolbar_);
    layout->addWidget(filterBar_);
    layout->addWidget(splitter, 1);
}

void ContainersView::connectParts() {
    detailsTimer_.setSingleShot(true);
    detailsTimer_.setInterval(120);
    connect(&detailsTimer_, &QTimer::timeout, this, &ContainersView::loadDetails);
    // Health runs and restarts change what inspect says without an event for each: while the
    // pane is on screen, it is read again every few seconds.
    detailsRefresh_.setInterval(5000);
    connect(&detailsRefresh_, &QTimer::timeout, this, [this] {
        if (details_->isVisible() && !currentId_.isEmpty() && !detailsTimer_.isActive() &&
            model_->rowOf(currentHost_, currentId_) >= 0)
            loadDetails();
    });
    detailsRefresh_.start();

    QItemSelectionModel *selection = table_->selectionModel();
    connect(selection, &QItemSelectionModel::selectionChanged, this,
            &ContainersView::updateActions);
    connect(selection, &QItemSelectionModel::currentRowChanged, this,
            &ContainersView::currentChanged);
    // A record replaced (new state, health) or gone: actions, details and log follow it.
    // Gathered: a burst of events is many row signals, and this looks at the selection.
    recordsTimer_.setSingleShot(true);
    recordsTimer_.setInterval(50);
    connect(&recordsTimer_, &QTimer::timeout, this, &ContainersView::onRecordsChanged);
    const auto later = [this] {
        if (!recordsTimer_.isActive())
            recordsTimer_.start();
    };
    connect(model_, &QAbstractItemModel::dataChanged, this, later);
    connect(model_, &QAbstractItemModel::rowsRemoved, this, later);
    connect(model_, &QAbstractItemModel::rowsInserted, this, later);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(proxy_, signal, this, &ContainersView::updateCount);
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, &ContainersView::updateCount);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &ContainersView::updateCount);
    connect(details_->tabs(), &QTabWidget::currentChanged, this,
            &ContainersView::followLogsIfShown);
    // A stream that ends while the record still says "running" may be a restart whose stop
    // the inventory folded away: look again once the record has had time to catch up.
    connect(follower_, &core::LogFollower::stateChanged, this,
            [this](core::LogFollower::State state) {
                if (state == core::LogFollower::State::Ended)
                    QTimer::singleShot(1000, this, &ContainersView::maybeReconnectLogs);
            });
    connect(inventory_, &Inventory::hostSyncStateChanged, this, &ContainersView::updateSync);
    connect(inventory_, &Inventory::hostNameChanged, this, &ContainersView::updateSync);
    // A new click: the old failures are history.
    connect(queue_, &core::ContainerActionQueue::batchStarted, errorBox_,
            &ActionErrorsBanner::clearErrors);
    connect(queue_, &core::ContainerActionQueue::actionFailed, this,
            &ContainersView::onActionFailed);
    connect(queue_, &core::ContainerActionQueue::pendingChanged, this, &ContainersView::updateBusy);
    connect(queue_, &core::ContainerActionQueue::batchFinished, this,
            &ContainersView::actionsFinished);
}

ContainersView::~ContainersView() = default;

QAction *ContainersView::action(Action action) const {
    return actions_.value(int(action));
}

QLabel *ContainersView::errorLabel() const {
    return errorBox_->text();
}

void ContainersView::setMetrics(core::Metrics *metrics) {
    const bool first = !priorityTimer_.isSingleShot(); // connected once, on the first call
    metrics_ = metrics;
    model_->setMetrics(metrics);
    if (first) {
        priorityTimer_.setSingleShot(true);
        priorityTimer_.setInterval(200);
        connect(&priorityTimer_, &QTimer::timeout, this, &ContainersView::updatePriority);
        const auto later = [this] {
            if (metrics_ && !priorityTimer_.isActive())
                priorityTimer_.start();
        };
        connect(table_->verticalScrollBar(), &QScrollBar::valueChanged, this, later);
        connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, later);
        connect(proxy_, &QAbstractItemModel::layoutChanged, this, later);
        connect(proxy_, &QAbstractItemModel::rowsInserted, this, later);
        connect(proxy_, &QAbstractItemModel::rowsRemoved, this, later);
        connect(proxy_, &QAbstractItemModel::modelReset, this, later);
    }
    if (metrics_)
        updatePriority();
}

QList<QPair<QString, QString>> ContainersView::priorityContainers() const {
    QList<QPair<QString, QString>> out;
    QSet<QPair<QString, QString>> seen;
    const auto add = [&](int proxyRow) {
        const core::ContainerRef r =
            model_->record(proxy_->mapToSource(proxy_->index(proxyRow, 0)).row());
        if (!r)
            return;
        const QPair<QString, QString> key(r->hostId, r->id);
        if (!seen.contains(key)) {
            seen.insert(key);
            out.append(key);
        }
    };
    for (const QModelIndex &index : table_->selectionModel()->selectedRows())
        add(index.row());
    const int rows = proxy_->rowCount();
    if (rows == 0)
        return out;
    int first = table_->rowAt(0);
    int last = table_->rowAt(table_->viewport()->height() - 1);
    if (first < 0)
        first = 0;
    if (last < 0)
        last = std::min(rows - 1, first + 100); // the view is not laid out yet
    for (int row = first; row <= last; ++row)
        add(row);
    return out;
}

void ContainersView::updatePriority() {
    if (metrics_)
        metrics_->setPriority(QStringLiteral("containers"), priorityContainers());
}

QString ContainersView::hostName(const QString &hostId) const {
    return model_->hostName(hostId);
}

ContainerList ContainersView::selectedContainers() const {
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    QList<std::pair<int, ContainerRef>> shown; // in the order the table shows them
    shown.reserve(rows.size());
    for (const QModelIndex &index : rows)
        if (ContainerRef r = model_->record(proxy_->mapToSource(index).row()))
            shown.append({index.row(), std::move(r)});
    std::sort(shown.begin(), shown.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    ContainerList list;
    list.reserve(shown.size());
    for (auto &[row, r] : shown)
        list.append(std::move(r));
    return list;
}

ContainerRef ContainersView::currentContainer() const {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    return model_->record(proxy_->mapToSource(current).row());
}

void ContainersView::selectContainers(const QList<std::pair<QString, QString>> &hostAndIds) {
    QItemSelection selection;
    QModelIndex first;
    for (const auto &[hostId, id] : hostAndIds) {
        const int row = model_->rowOf(hostId, id);
        if (row < 0)
            continue;
        const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
        if (!index.isValid())
            continue;
        if (!first.isValid())
            first = index;
        selection.select(index, index.siblingAtColumn(proxy_->columnCount() - 1));
    }
    QItemSelectionModel *sm = table_->selectionModel();
    sm->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) {
        sm->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        table_->scrollTo(first);
    }
}

void ContainersView::updateActions() {
    ContainerList selected;
    for (const QModelIndex &index : table_->selectionModel()->selectedRows())
        if (ContainerRef r = model_->record(proxy_->mapToSource(index).row()))
            selected.append(std::move(r));
    for (Action a : {Action::Start, Action::Stop, Action::Restart, Action::Kill, Action::Remove}) {
        const bool any = std::any_of(selected.begin(), selected.end(), [a](const ContainerRef &r) {
            return core::ContainerActionQueue::applies(a, r->state);
        });
        actions_.value(int(a))->setEnabled(any);
    }
    actions_.value(-1)->setEnabled(currentContainer() != nullptr);
}

void ContainersView::updateCount() {
    const int total = model_->rowCount();
    const int shown = proxy_->rowCount();
    count_->setText(
        shown == total
            ? (total == 1 ? tr("1 container") : tr("%1 containers").arg(QLocale().toString(total)))
            : tr("%1 of %2 containers").arg(QLocale().toString(shown), QLocale().toString(total)));
}

void ContainersView::updateSync() {
    QStringList lines;
    bool retryable = false;
    for (const QString &id : inventory_->hostIds()) {
        const QString name = inventory_->hostName(id).isEmpty() ? id : inventory_->hostName(id);
        const QString error = inventory_->hostError(id);
        switch (inventory_->hostState(id)) {
        case Inventory::SyncState::Unreachable: {
            const int held = int(inventory_->containers(id).size());
            QString line =
                held == 0   ? tr("Host \"%1\" is unreachable.").arg(name)
                : held == 1 ? tr("Host \"%1\" is unreachable — showing its last known container, "
                                 "greyed out.")
                                  .arg(name)
                            : tr("Host \"%1\" is unreachable — showing its %2 last known "
                                 "containers, greyed out.")
                                  .arg(name, QLocale().toString(held));
            if (!error.isEmpty())
                line += QLatin1Char(' ') + error;
            lines.append(line);
            retryable = true;
            break;
        }
        case Inventory::SyncState::Stopped:
            if (!error.isEmpty())
                lines.append(tr("Host \"%1\" is not synced: %2").arg(name, error));
            else
                lines.append(tr("Host \"%1\" has no usable connection; its containers are not "
                                "listed.")
                                 .arg(name));
            break;
        case Inventory::SyncState::Connecting:
        case Inventory::SyncState::Live:
            break;
        }
    }
    syncText_->setText(lines.join('\n'));
    syncBox_->setVisible(!lines.isEmpty());
    syncBox_->findChild<QToolButton *>(QStringLiteral("retrySync"))->setVisible(retryable);
}

void ContainersView::updateBusy() {
    const int pending = queue_->pending();
    busy_->setText(pending == 0   ? QString()
                   : pending == 1 ? tr("Waiting for the engine…")
                                  : tr("Waiting for %1 actions…").arg(pending));
    busy_->setVisible(pending > 0);
}

void ContainersView::act(Action action, const ContainerList &targets) {
    queue_->enqueue(action, targets);
}

int ContainersView::pendingActions() const {
    return queue_->pending();
}

void ContainersView::onActionFailed(Action action, const QString &name, const QString &hostId,
                                    const QString &error) {
    errorBox_->addError(tr("%1 \"%2\" on %3 failed: %4")
                            .arg(Inventory::actionName(action), name, hostName(hostId), error));
}

void ContainersView::startSelected() {
    act(Action::Start, selectedContainers());
}

void ContainersView::stopSelected() {
    act(Action::Stop, selectedContainers());
}

void ContainersView::restartSelected() {
    act(Action::Restart, selectedContainers());
}

void ContainersView::killSelected() {
    act(Action::Kill, selectedContainers());
}

void ContainersView::removeSelected() {
    const ContainerList targets = selectedContainers();
    if (targets.isEmpty())
        return;
    auto *box = new RemoveContainersBox(
        targets, [this](const QString &hostId) { return hostName(hostId); }, this);
    connect(box, &RemoveContainersBox::removeConfirmed, this,
            [this](const ContainerList &plain, const ContainerList &forced) {
                // One batch: the failures of both halves stay in view together.
                act(Action::Remove, plain);
                act(Action::ForceRemove, forced);
            });
    box->open();
}

void ContainersView::showLogs() {
    if (!currentContainer())
        return;
    details_->tabs()->setCurrentIndex(logsTab_);
}

void ContainersView::showContextMenu(const QPoint &pos) {
    const QModelIndex index = table_->indexAt(pos);
    if (!index.isValid())
        return;
    if (!table_->selectionModel()->isRowSelected(index.row(), {}))
        table_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
    updateActions();
    menu_->popup(table_->viewport()->mapToGlobal(pos));
}

void ContainersView::currentChanged() {
    const ContainerRef r = currentContainer();
    updateActions();
    if (!r) {
        // The selection went away (filtered out, removed): keep showing what was there.
        return;
    }
    if (r->hostId == currentHost_ && r->id == currentId_)
        return;
    currentHost_ = r->hostId;
    currentId_ = r->id;
    shownRecord_ = r;
    details_->showLoading(r->name, hostName(r->hostId));
    detailsTimer_.start();
    followLogsIfShown();
}

void ContainersView::loadDetails() {
    if (currentId_.isEmpty()) {
        details_->clear();
        return;
    }
    const QString hostId = currentHost_;
    const QString id = currentId_;
    detailsRequest_ = loader_->load(
        hostId, id,
        [this, hostId, id](bool ok, const core::ContainerDetails &d, const QString &error) {
            if (hostId != currentHost_ || id != currentId_)
                return; // the user moved on
            if (ok)
                details_->showDetails(d, hostName(hostId));
            else if (model_->rowOf(hostId, id) < 0)
                details_->showRemoved();
            else
                details_->showError(error);
        });
}

void ContainersView::onRecordsChanged() {
    updateActions();
    updateCount();
    if (currentId_.isEmpty())
        return;
    const int row = model_->rowOf(currentHost_, currentId_);
    const ContainerRef now = model_->record(row);
    if (!now) {
        if (shownRecord_) {
            shownRecord_.reset();
            details_->showRemoved();
        }
        return;
    }
    if (now == shownRecord_)
        return; // only the uptime ticked
    shownRecord_ = now;
    if (!detailsTimer_.isActive())
        detailsTimer_.start(300);
    maybeReconnectLogs(); // started again: the log follows on where it ended
}

void ContainersView::maybeReconnectLogs() {
    // Once per version of the record, so a stream that ends at once (the record has not
    // caught up with a stop yet) is not reopened over and over.
    if (details_->tabs()->currentIndex() != logsTab_ || follower_->containerId() != currentId_ ||
        follower_->hostId() != currentHost_ ||
        follower_->state() != core::LogFollower::State::Ended || !shownRecord_ ||
        !core::ContainerActionQueue::isUp(shownRecord_->state) || shownRecord_ == reconnectedFor_)
        return;
    reconnectedFor_ = shownRecord_;
    follower_->reconnect();
}

void ContainersView::followLogsIfShown() {
    const bool shown = details_->tabs()->currentIndex() == logsTab_;
    if (!shown) {
        if (follower_->isActive())
            follower_->stop();
        return;
    }
    if (currentId_.isEmpty())
        return;
    if (follower_->containerId() != currentId_ || follower_->hostId() != currentHost_) {
        reconnectedFor_.reset();
        follower_->follow(currentHost_, currentId_);
    } else if (!follower_->isActive()) {
        follower_->reconnect();
    }
}

} // namespace slipway::widgets
