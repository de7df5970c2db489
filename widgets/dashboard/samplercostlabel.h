// SamplerCostLabel: a status bar label saying what utilization sampling costs Slipway itself.
#pragma once

#include "core/metrics/usage.h"

#include <QLabel>

namespace slipway::core {
class Metrics;
}

namespace slipway::widgets {

class SamplerCostLabel : public QLabel {
    Q_OBJECT

public:
    // Follows `metrics`, which outlives the label.
    explicit SamplerCostLabel(core::Metrics *metrics, QWidget *parent = nullptr);

    // "Sampling 200 containers: 1.2 % CPU, round 340 ms"
    static QString describe(const core::SamplerCost &cost);

private:
    void showCost(const core::SamplerCost &cost);
};

} // namespace slipway::widgets
