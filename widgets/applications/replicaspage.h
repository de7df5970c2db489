// ReplicasPage: the Replicas tab of the selected application: its containers, how many run,
// +1 / -1 and scale to N, and the toggle that pauses reconcile of its replica count.
#pragma once

#include "models/applicationtablemodel.h"
#include "widgets/applications/applicationpage.h"

class QLabel;
class QPushButton;
class QSpinBox;

namespace slipway::widgets {

class ReplicasPage : public ApplicationPage {
    Q_OBJECT

public:
    // `replicas` lists containers (ContainerTableModel's columns).
    ReplicasPage(QAbstractItemModel *replicas, QWidget *parent);

    SectionTable *table() const { return table_; }
    QLabel *status() const { return status_; }
    QPushButton *scaleDown() const { return scaleDown_; }
    QPushButton *scaleUp() const { return scaleUp_; }
    QSpinBox *scaleCount() const { return scaleCount_; }
    QPushButton *scale() const { return scale_; }
    QPushButton *pauseReconcile() const { return pauseReconcile_; }

    // "2 of 3 running (1.4.0)", and who paused reconcile; empty when nothing is selected.
    void showStatus(const models::ApplicationTableModel::Application &a, bool selected);
    // The pause toggle of `a`: `known` whether it has a replica count to keep, `enabled`
    // whether it may be clicked now. Sets it without emitting toggled().
    void showPause(const models::ApplicationTableModel::Application &a, bool known, bool enabled);

private:
    QPushButton *scaleDown_;
    QPushButton *scaleUp_;
    QSpinBox *scaleCount_;
    QPushButton *scale_;
    QPushButton *pauseReconcile_;
    QLabel *status_;
    SectionTable *table_;
};

} // namespace slipway::widgets
