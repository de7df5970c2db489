#include "widgets/alerts/alertsview.h"

#include "core/alerts/alertmonitor.h"
#include "models/alertrulemodel.h"
#include "models/alerttablemodel.h"
#include "widgets/alerts/alertruledialog.h"
#include "widgets/common/bannerlabel.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace slipway::widgets {

using models::AlertRuleModel;
using models::AlertTableModel;

namespace {

QTableView *makeTable(QWidget *parent, const QString &name) {
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

AlertsView::AlertsView(core::AlertMonitor *monitor, QWidget *parent)
    : QWidget(parent), monitor_(monitor), alertModel_(new AlertTableModel(monitor, this)),
      ruleModel_(new AlertRuleModel(monitor, this)), proxy_(new QSortFilterProxyModel(this)) {
    const auto addAction = [this](QToolBar *bar, const QString &name, QStyle::StandardPixmap icon,
                                  const QString &text, const QString &tip) {
        QAction *a = bar->addAction(style()->standardIcon(icon), text);
        a->setObjectName(name);
        a->setToolTip(tip);
        return a;
    };

    // Alerts
    auto *alertBar = new QToolBar(this);
    alertBar->setObjectName(QStringLiteral("alertsToolbar"));
    alertBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    alertBar->setIconSize(QSize(16, 16));
    acknowledge_ =
        addAction(alertBar, QStringLiteral("acknowledgeAlertAction"), QStyle::SP_DialogApplyButton,
                  tr("Acknowledge"), tr("Say that you are on the selected alert"));
    connect(acknowledge_, &QAction::triggered, this, &AlertsView::acknowledgeSelected);
    alertBar->addSeparator();
    firingOnly_ = new QCheckBox(tr("Firing only"), this);
    firingOnly_->setObjectName(QStringLiteral("firingOnly"));
    alertBar->addWidget(firingOnly_);

    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("alertsSummary"));
    message_ = new BannerLabel(QStringLiteral("alertsMessage"), BannerLabel::Tone::Error, this);

    proxy_->setSourceModel(alertModel_);
    proxy_->setFilterRole(AlertTableModel::FiringRole);
    proxy_->setFilterKeyColumn(0);
    alerts_ = makeTable(this, QStringLiteral("alertsTable"));
    alerts_->setModel(proxy_);
    alerts_->setTextElideMode(Qt::ElideRight);
    // Container names can be long: the target gets a fixed share, the detail the rest.
    alerts_->horizontalHeader()->setSectionResizeMode(AlertTableModel::TargetColumn,
                                                      QHeaderView::Interactive);
    alerts_->horizontalHeader()->resizeSection(AlertTableModel::TargetColumn, 300);
    connect(firingOnly_, &QCheckBox::toggled, this, [this](bool on) {
        proxy_->setFilterFixedString(on ? QStringLiteral("true") : QString());
    });

    auto *alertBox = new QWidget(this);
    auto *alertLayout = new QVBoxLayout(alertBox);
    alertLayout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QHBoxLayout;
    title->addWidget(alertBar);
    title->addStretch(1);
    title->addWidget(summary_);
    alertLayout->addLayout(title);
    alertLayout->addWidget(message_);
    alertLayout->addWidget(alerts_, 1);

    // Rules
    auto *rulesGroup = new QGroupBox(tr("Rules"), this);
    rulesGroup->setObjectName(QStringLiteral("alertRulesGroup"));
    auto *ruleBar = new QToolBar(rulesGroup);
    ruleBar->setObjectName(QStringLiteral("alertRulesToolbar"));
    ruleBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    ruleBar->setIconSize(QSize(16, 16));
    addRule_ = addAction(ruleBar, QStringLiteral("addRuleAction"), QStyle::SP_FileDialogNewFolder,
                         tr("Add…"), tr("Add an alert rule"));
    editRule_ =
        addAction(ruleBar, QStringLiteral("editRuleAction"), QStyle::SP_FileDialogDetailedView,
                  tr("Edit…"), tr("Edit the selected rule"));
    removeRule_ = addAction(ruleBar, QStringLiteral("removeRuleAction"), QStyle::SP_TrashIcon,
                            tr("Remove"), tr("Remove the selected rule"));
    connect(addRule_, &QAction::triggered, this, &AlertsView::addRule);
    connect(editRule_, &QAction::triggered, this, &AlertsView::editRule);
    connect(removeRule_, &QAction::triggered, this, &AlertsView::removeRule);
    rules_ = makeTable(rulesGroup, QStringLiteral("alertRulesTable"));
    rules_->setModel(ruleModel_);
    connect(rules_, &QTableView::doubleClicked, this, &AlertsView::editRule);
    auto *rulesLayout = new QVBoxLayout(rulesGroup);
    rulesLayout->addWidget(ruleBar);
    rulesLayout->addWidget(rules_, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(alertBox);
    splitter->addWidget(rulesGroup);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);

    connect(alerts_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AlertsView::updateActions);
    connect(rules_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AlertsView::updateActions);
    connect(alertModel_, &QAbstractItemModel::dataChanged, this, &AlertsView::updateActions);
    connect(ruleModel_, &QAbstractItemModel::rowsRemoved, this, &AlertsView::updateActions);
    connect(monitor_, &core::AlertMonitor::alertsChanged, this, &AlertsView::updateSummary);
    connect(monitor_, &core::AlertMonitor::loaded, this, &AlertsView::updateSummary);
    connect(monitor_, &core::AlertMonitor::problem, this, &AlertsView::showMessage);
    connect(monitor_, &core::AlertMonitor::requestFinished, this,
            [this](quint64 request, bool ok, const QString &error) {
                if (ok || (request != ackRequest_ && request != ruleRequest_))
                    return;
                showMessage(request == ackRequest_
                                ? tr("The alert was not acknowledged: %1").arg(error)
                                : tr("The rule was not changed: %1").arg(error));
            });
    updateSummary();
    updateActions();
}

int AlertsView::currentAlertRow() const {
    const QModelIndex current = alerts_->selectionModel()->currentIndex();
    return current.isValid() ? proxy_->mapToSource(current).row() : -1;
}

int AlertsView::currentRuleRow() const {
    const QModelIndex current = rules_->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void AlertsView::updateActions() {
    const int row = currentAlertRow();
    const core::Alert alert = alertModel_->alert(row);
    acknowledge_->setEnabled(row >= 0 && !alert.acknowledged() && alert.id > 0);
    const bool rule = currentRuleRow() >= 0;
    editRule_->setEnabled(rule);
    removeRule_->setEnabled(rule);
}

void AlertsView::updateSummary() {
    const int firing = monitor_->firingCount();
    const int open = monitor_->unacknowledgedCount();
    if (firing == 0)
        summary_->setText(tr("Nothing firing"));
    else
        summary_->setText(tr("%n firing", nullptr, firing) + QStringLiteral(", ") +
                          tr("%n not acknowledged", nullptr, open));
    summary_->setStyleSheet(
        open > 0 ? QStringLiteral("QLabel { color: #c02020; font-weight: bold; }") : QString());
}

void AlertsView::showMessage(const QString &text) {
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void AlertsView::acknowledgeSelected() {
    const int row = currentAlertRow();
    if (row < 0)
        return;
    showMessage({});
    ackRequest_ = monitor_->acknowledge(alertModel_->alert(row).serial);
}

void AlertsView::addRule() {
    auto *dialog = new AlertRuleDialog(
        monitor_, core::AlertRule::preset(core::AlertRule::Kind::HostCpu), this);
    dialog->setObjectName(QStringLiteral("alertRuleDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AlertsView::editRule() {
    const int row = currentRuleRow();
    if (row < 0)
        return;
    auto *dialog = new AlertRuleDialog(monitor_, ruleModel_->rule(row), this);
    dialog->setObjectName(QStringLiteral("alertRuleDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AlertsView::removeRule() {
    const int row = currentRuleRow();
    if (row < 0)
        return;
    const core::AlertRule rule = ruleModel_->rule(row);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove alert rule"),
                                tr("Remove the rule \"%1\" (%2)?\n\nIts alerts clear; the history "
                                   "of what it found is kept.")
                                    .arg(rule.name, rule.condition()),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmRemoveRuleBox"));
    box->setDefaultButton(QMessageBox::No);
    box->button(QMessageBox::Yes)->setText(tr("Remove"));
    box->button(QMessageBox::No)->setText(tr("Keep"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, id = rule.id](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        showMessage({});
        ruleRequest_ = monitor_->removeRule(id);
    });
    box->open();
}

} // namespace slipway::widgets
