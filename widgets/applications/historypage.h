// HistoryPage: the History tab of the selected application: its deployments, newest first,
// with roll back (to the previous one or the selected one), undo, and how many versions are
// kept restorable.
#pragma once

#include "widgets/applications/applicationpage.h"

class QPushButton;
class QSpinBox;

namespace slipway::models {
class DeploymentHistoryModel;
}

namespace slipway::widgets {

class HistoryPage : public ApplicationPage {
    Q_OBJECT

public:
    HistoryPage(models::DeploymentHistoryModel *model, QWidget *parent);

    SectionTable *table() const { return table_; }
    QPushButton *rollbackPrevious() const { return rollbackPrevious_; }
    QPushButton *rollbackSelected() const { return rollbackSelected_; }
    QPushButton *undo() const { return undo_; }
    QSpinBox *retention() const { return retention_; }
    QPushButton *applyRetention() const { return applyRetention_; }

private:
    QPushButton *rollbackPrevious_;
    QPushButton *rollbackSelected_;
    QPushButton *undo_;
    QSpinBox *retention_;
    QPushButton *applyRetention_;
    SectionTable *table_;
};

} // namespace slipway::widgets
