#include "widgets/applications/replicaspage.h"

#include "models/containertablemodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>

namespace slipway::widgets {

using models::ContainerTableModel;

ReplicasPage::ReplicasPage(QAbstractItemModel *replicas, QWidget *parent)
    : ApplicationPage(parent) {
    scaleDown_ =
        makeButton(this, "scaleDownButton", tr("−1"), tr("Remove one replica (the newest)"));
    scaleUp_ =
        makeButton(this, "scaleUpButton", tr("+1"), tr("Add one replica on the least-loaded host"));
    scaleCount_ = new QSpinBox(this);
    scaleCount_->setObjectName(QStringLiteral("scaleCountSpin"));
    scaleCount_->setRange(1, 100);
    scale_ = makeButton(this, "scaleButton", tr("Scale"),
                        tr("Run exactly this many replicas of the current version"));
    pauseReconcile_ = makeButton(this, "pauseReconcileButton", tr("Pause reconcile"), QString());
    pauseReconcile_->setCheckable(true);
    pauseReconcile_->setEnabled(false);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("replicasStatus"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(status_);
    bar->addSpacing(12);
    bar->addWidget(scaleDown_);
    bar->addWidget(scaleUp_);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Scale to:"), this));
    bar->addWidget(scaleCount_);
    bar->addWidget(scale_);
    bar->addSpacing(12);
    bar->addWidget(pauseReconcile_);
    // Ports is the last column shown.
    table_ = makeTable(this, "replicasTable", replicas, ContainerTableModel::PortsColumn);
    table_->sortFirstBy(ContainerTableModel::NameColumn);
    for (int c : {int(ContainerTableModel::AppColumn), int(ContainerTableModel::EnvColumn),
                  int(ContainerTableModel::CpuColumn), int(ContainerTableModel::MemoryColumn)})
        table_->setColumnHidden(c, true);
    setContent(bar, nullptr, table_);
}

void ReplicasPage::showStatus(const models::ApplicationTableModel::Application &a, bool selected) {
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
    status_->setText(status);
}

void ReplicasPage::showPause(const models::ApplicationTableModel::Application &a, bool known,
                             bool enabled) {
    const QSignalBlocker quiet(pauseReconcile_);
    pauseReconcile_->setEnabled(known && enabled);
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

} // namespace slipway::widgets
