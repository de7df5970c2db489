#include "widgets/applications/historypage.h"

#include "models/deploymenthistorymodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace slipway::widgets {

using models::DeploymentHistoryModel;

HistoryPage::HistoryPage(DeploymentHistoryModel *model, QWidget *parent) : ApplicationPage(parent) {
    rollbackPrevious_ = makeButton(this, "rollbackPreviousButton", tr("Roll back to previous"),
                                   tr("Run the version deployed before the current one again"));
    rollbackSelected_ =
        makeButton(this, "rollbackSelectedButton", tr("Roll back to this"),
                   tr("Run the selected deployment's image (by digest) and configuration again"));
    undo_ = makeButton(this, "undoButton", tr("Undo last change"),
                       tr("Start the replicas the latest deployment stopped again (while its undo "
                          "window is open), then stop the current ones"));
    retention_ = new QSpinBox(this);
    retention_->setObjectName(QStringLiteral("retentionSpin"));
    retention_->setRange(1, 100);
    retention_->setValue(5);
    retention_->setToolTip(tr("How many versions of this application are kept restorable"));
    applyRetention_ = makeButton(this, "applyRetentionButton", tr("Apply"),
                                 tr("Keep this many versions restorable"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(rollbackPrevious_);
    bar->addWidget(rollbackSelected_);
    bar->addWidget(undo_);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Keep restorable:"), this));
    bar->addWidget(retention_);
    bar->addWidget(new QLabel(tr("versions"), this));
    bar->addWidget(applyRetention_);
    table_ = makeTable(this, "historyTable", model, DeploymentHistoryModel::ResultColumn);
    setContent(bar, nullptr, table_);
}

} // namespace slipway::widgets
