// TopUsageList: a dashboard card ranking containers or applications by CPU or by memory
// (the user picks), each figure drawn over a bar; clicking a row asks for its details.
#pragma once

#include "core/metrics/usage.h"
#include "models/topusagemodel.h"
#include "widgets/dashboard/dashboardcard.h"

class QTableView;

namespace slipway::widgets {

class SegmentedControl;

class TopUsageList : public DashboardCard {
    Q_OBJECT

public:
    TopUsageList(const QString &title, models::TopUsageModel::Kind kind, QWidget *parent = nullptr);

    core::UsageMeasure measure() const;
    void setMeasure(core::UsageMeasure measure);
    models::TopUsageModel *model() const { return model_; }
    QTableView *table() const { return table_; }
    SegmentedControl *measureControl() const { return measureControl_; }
    void setEmptyText(const QString &text);

signals:
    void measureChanged(core::UsageMeasure measure);
    void rowActivated(const models::TopUsageModel::Row &row);

private:
    void updateEmpty();

    models::TopUsageModel *model_;
    SegmentedControl *measureControl_;
    QTableView *table_;
    class QLabel *empty_;
};

} // namespace slipway::widgets
