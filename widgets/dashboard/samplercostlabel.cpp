#include "widgets/dashboard/samplercostlabel.h"

#include "core/metrics/metrics.h"

namespace slipway::widgets {

SamplerCostLabel::SamplerCostLabel(core::Metrics *metrics, QWidget *parent) : QLabel(parent) {
    setObjectName(QStringLiteral("samplerCost"));
    setToolTip(tr("What measuring container utilization costs Slipway: its own CPU time while "
                  "sampling, of one core, and how long the last round over every running "
                  "container took."));
    showCost(metrics->cost());
    connect(metrics, &core::Metrics::costChanged, this, &SamplerCostLabel::showCost);
}

QString SamplerCostLabel::describe(const core::SamplerCost &cost) {
    const QString cpu = QString::number(cost.cpuPercentOfCore, 'f', 1);
    const QString round = QString::number(cost.lastRoundMs);
    if (cost.containersSampled == 1)
        return tr("Sampling 1 container: %1 % CPU, round %2 ms").arg(cpu, round);
    return tr("Sampling %1 containers: %2 % CPU, round %3 ms")
        .arg(QString::number(cost.containersSampled), cpu, round);
}

void SamplerCostLabel::showCost(const core::SamplerCost &cost) {
    setText(describe(cost));
}

} // namespace slipway::widgets
