#include "widgets/containers/containersview.h"

#include "core/fleet/containerdetails.h"
#include "core/fleet/logfollower.h"
#include "core/metrics/metrics.h"
#include "models/containerfilterproxy.h"
#include "models/containertablemodel.h"
#include "widgets/common/bannerlabel.h"
#include "widgets/common/viewtoolbar.h"
#include "widgets/containers/containerdetailspane.h"
#include "widgets/containers/containerfilterbar.h"
#include "widgets/containers/logview.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QScrollBar>
#include <QSet>
#include <QSplitter>
#include <QStyle>
#include <QStyledItemDelegate>
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

namespace {

bool isUp(const QString &state) {
    return state == QLatin1String("running") || state == QLatin1String("restarting") ||
           state == QLatin1String("paused");
}

// Whether `action` means anything for a container in `state`.
bool applies(Action action, const QString &state) {
    switch (action) {
    case Action::Start:
        return state == QLatin1String("created") || state == QLatin1String("exited");
    case Action::Stop:
    case Action::Kill:
        return isUp(state);
    case Action::Restart:
        return state != QLatin1String("dead") && state != QLatin1String("removing");
    case Action::Remove:
    case Action::ForceRemove:
        return true;
    }
    return false;
}

// Running green, failing red, at a glance.
class StateDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        // Long references and port lists keep both ends; the rest reads from the left.
        option->textElideMode = index.column() == ContainerTableModel::ImageColumn ||
                                        index.column() == ContainerTableModel::PortsColumn
                                    ? Qt::ElideMiddle
                                    : Qt::ElideRight;
        if (index.column() != ContainerTableModel::StateColumn &&
            index.column() != ContainerTableModel::HealthColumn)
            return;
        if (index.data(ContainerTableModel::StaleRole).toBool())
            return;
        const QString value = index.data().toString();
        QColor color;
        if (index.column() == ContainerTableModel::StateColumn) {
            if (value == QLatin1String("running"))
                color = QColor(0x1e, 0x7b, 0x34);
            else if (value == QLatin1String("restarting") || value == QLatin1String("dead"))
                color = QColor(0xa3, 0x1f, 0x1f);
            else if (value == QLatin1String("paused"))
                color = QColor(0x9a, 0x67, 0x00);
        } else if (index.column() == ContainerTableModel::HealthColumn) {
            if (value == QLatin1String("healthy"))
                color = QColor(0x1e, 0x7b, 0x34);
            else if (value == QLatin1String("unhealthy"))
                color = QColor(0xa3, 0x1f, 0x1f);
            else if (value == QLatin1String("starting"))
                color = QColor(0x9a, 0x67, 0x00);
        }
        if (color.isValid() && !(option->state & QStyle::State_Selected))
            option->palette.setColor(QPalette::Text, color);
    }
};

// A banner with buttons beside its text.
QWidget *banner(const QString &objectName, BannerLabel::Tone tone, QLabel **text, QWidget *parent) {
    auto *box = new QFrame(parent);
    box->setObjectName(objectName);
    box->setStyleSheet(
        QStringLiteral("QFrame#%1 { %2 }").arg(objectName, BannerLabel::toneColors(tone)));
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(8, 6, 6, 6);
    *text = new QLabel(box);
    (*text)->setObjectName(objectName + QStringLiteral("Text"));
    (*text)->setWordWrap(true);
    (*text)->setTextInteractionFlags(Qt::TextSelectableByMouse);
    (*text)->setStyleSheet(QStringLiteral("QLabel { border: none; background: transparent; }"));
    layout->addWidget(*text, 1);
    box->hide();
    return box;
}

} // namespace

ContainersView::ContainersView(Inventory *inventory, core::HostMonitor *monitor, QWidget *parent)
    : QWidget(parent), inventory_(inventory), monitor_(monitor),
      model_(new ContainerTableModel(inventory, this)),
      proxy_(new models::ContainerFilterProxy(this)),
      loader_(new core::ContainerDetailsLoader(monitor, this)),
      follower_(new core::LogFollower(monitor, this)) {
    proxy_->setSourceModel(model_);

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

    filterBar_ = new ContainerFilterBar(proxy_, model_, inventory_, this);
    filterBar_->setObjectName(QStringLiteral("containerFilterBar"));

    syncBox_ = banner(QStringLiteral("syncProblems"), BannerLabel::Tone::Warning, &syncText_, this);
    auto *retry = new QToolButton(syncBox_);
    retry->setObjectName(QStringLiteral("retrySync"));
    retry->setText(tr("Retry now"));
    retry->setAutoRaise(true);
    syncBox_->layout()->addWidget(retry);
    connect(retry, &QToolButton::clicked, this, [this] {
        for (const QString &id : inventory_->hostIds())
            if (inventory_->hostState(id) == Inventory::SyncState::Unreachable)
                inventory_->retryHost(id);
    });

    errorBox_ = banner(QStringLiteral("actionErrors"), BannerLabel::Tone::Error, &errorText_, this);
    auto *dismiss = new QToolButton(errorBox_);
    dismiss->setObjectName(QStringLiteral("dismissErrors"));
    dismiss->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAutoRaise(true);
    errorBox_->layout()->addWidget(dismiss);
    errorBox_->layout()->setAlignment(dismiss, Qt::AlignTop);
    connect(dismiss, &QToolButton::clicked, this, &ContainersView::clearErrors);

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("containersTable"));
    table_->setModel(proxy_);
    table_->setItemDelegate(new StateDelegate(table_));
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
    table_->addAction(remove);
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

    menu_ = new QMenu(this);
    menu_->setObjectName(QStringLiteral("containersMenu"));
    for (Action a : {Action::Start, Action::Stop, Action::Restart, Action::Kill})
        menu_->addAction(actions_.value(int(a)));
    menu_->addSeparator();
    menu_->addAction(remove);
    menu_->addSeparator();
    menu_->addAction(logs);
    QAction *copyId = menu_->addAction(tr("Copy ID"));
    copyId->setObjectName(QStringLiteral("copyIdAction"));
    connect(copyId, &QAction::triggered, this, [this] {
        QStringList ids;
        for (const ContainerRef &r : selectedContainers())
            ids.append(r->id);
        QApplication::clipboard()->setText(ids.join('\n'));
    });
    QAction *copyName = menu_->addAction(tr("Copy name"));
    copyName->setObjectName(QStringLiteral("copyNameAction"));
    connect(copyName, &QAction::triggered, this, [this] {
        QStringList names;
        for (const ContainerRef &r : selectedContainers())
            names.append(r->name);
        QApplication::clipboard()->setText(names.join('\n'));
    });
    connect(table_, &QWidget::customContextMenuRequested, this, &ContainersView::showContextMenu);

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

    updateCount();
    updateSync();
    updateActions();
    updateBusy();
}

ContainersView::~ContainersView() = default;

QAction *ContainersView::action(Action action) const {
    return actions_.value(int(action));
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
        const bool any = std::any_of(selected.begin(), selected.end(),
                                     [a](const ContainerRef &r) { return applies(a, r->state); });
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
    busy_->setText(pending_ == 0   ? QString()
                   : pending_ == 1 ? tr("Waiting for the engine…")
                                   : tr("Waiting for %1 actions…").arg(pending_));
    busy_->setVisible(pending_ > 0);
}

void ContainersView::addError(const QString &line) {
    errors_.append(line);
    // The newest last; a long run of failures keeps its last dozen in view.
    constexpr int kShown = 12;
    QStringList shown = errors_.size() > kShown ? errors_.mid(errors_.size() - kShown) : errors_;
    if (errors_.size() > kShown)
        shown.prepend(errors_.size() - kShown == 1
                          ? tr("… and 1 earlier failure")
                          : tr("… and %1 earlier failures").arg(errors_.size() - kShown));
    errorText_->setText(shown.join('\n'));
    errorBox_->show();
}

void ContainersView::clearErrors() {
    errors_.clear();
    errorText_->clear();
    errorBox_->hide();
}

void ContainersView::act(Action action, const ContainerList &targets) {
    bool any = false;
    for (const ContainerRef &r : targets) {
        if (!applies(action, r->state))
            continue;
        if (!any && pending_ == 0) {
            clearErrors(); // a new click: the old failures are history
            batchFailures_ = 0;
        }
        any = true;
        queue_.append({action, r});
        ++pending_;
    }
    pump();
    updateBusy();
}

void ContainersView::pump() {
    // A few at a time: acting on a thousand containers must not open a thousand requests.
    constexpr int kInFlight = 8;
    QPointer<ContainersView> self(this);
    while (inFlight_ < kInFlight && !queue_.isEmpty()) {
        const auto next = queue_.takeFirst();
        const Action a = next.first;
        const ContainerRef &r = next.second;
        ++inFlight_;
        const QString name = r->name;
        const QString hostId = r->hostId;
        inventory_->perform(a, r->hostId, r->id,
                            [self, a, name, hostId](bool ok, const QString &error) {
                                if (self)
                                    self->onActionDone(a, name, hostId, ok, error);
                            });
    }
}

void ContainersView::onActionDone(Action action, const QString &name, const QString &hostId,
                                  bool ok, const QString &error) {
    --inFlight_;
    --pending_;
    if (!ok) {
        ++batchFailures_;
        addError(tr("%1 \"%2\" on %3 failed: %4")
                     .arg(Inventory::actionName(action), name, hostName(hostId), error));
    }
    pump();
    updateBusy();
    if (pending_ == 0)
        emit actionsFinished(batchFailures_);
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
    const int running = int(std::count_if(targets.begin(), targets.end(),
                                          [](const ContainerRef &r) { return isUp(r->state); }));
    QStringList names;
    for (const ContainerRef &r : targets)
        names.append(tr("• %1 on %2 (%3)").arg(r->name, hostName(r->hostId), r->state));
    constexpr int kListed = 15;
    QString list = names.mid(0, kListed).join('\n');
    if (names.size() > kListed)
        list += QLatin1Char('\n') + tr("… and %1 more").arg(names.size() - kListed);

    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Remove containers"),
        targets.size() == 1
            ? tr("Remove this container? This cannot be undone.")
            : tr("Remove these %1 containers? This cannot be undone.").arg(targets.size()),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRemoveContainersBox"));
    box->setInformativeText(list);
    if (names.size() > kListed)
        box->setDetailedText(names.join('\n'));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("Remove"));
    box->button(QMessageBox::Yes)->setObjectName(QStringLiteral("confirmRemoveButton"));
    box->button(QMessageBox::Cancel)->setObjectName(QStringLiteral("cancelRemoveButton"));
    if (running > 0) {
        auto *force = new QCheckBox(
            running == 1 ? tr("Force: also stop and remove the running container")
                         : tr("Force: also stop and remove the %1 running containers").arg(running),
            box);
        force->setObjectName(QStringLiteral("forceRemoveCheck"));
        box->setCheckBox(force);
    }
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, targets](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        const bool force = box->checkBox() && box->checkBox()->isChecked();
        ContainerList plain, forced;
        for (const ContainerRef &r : targets)
            (force && isUp(r->state) ? forced : plain).append(r);
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
        !isUp(shownRecord_->state) || shownRecord_ == reconnectedFor_)
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
