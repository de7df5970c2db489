// AppUsageView: the live CPU, memory and network of one application in one environment,
// summed over its running containers, which are listed with their own figures; a click on
// one asks for that container's view.
#pragma once

#include "widgets/dashboard/usagedetailview.h"

namespace slipway::widgets {

class TopUsageList;

class AppUsageView : public UsageDetailView {
    Q_OBJECT

public:
    AppUsageView(core::Metrics *metrics, core::Inventory *inventory, QWidget *parent = nullptr);

    // Shows this application and asks the sampler to measure its containers first.
    void setApp(const QString &app, const QString &env);
    QString app() const { return app_; }
    QString env() const { return env_; }
    TopUsageList *containersList() const { return containers_; }

signals:
    void containerActivated(const QString &hostId, const QString &containerId);

protected:
    core::UsageSeries series(core::UsageSpan span) const override;
    std::optional<core::UsagePoint> latest() const override;
    void refreshDetails(const core::UsageSeries &points, qint64 fromMs, qint64 toMs) override;
    QString cpuCaption(const core::UsagePoint &point) const override;
    QString memoryCaption(const core::UsagePoint &point) const override;

private:
    QList<QPair<QString, QString>> runningContainers() const;

    QString app_;
    QString env_;
    TopUsageList *containers_;
};

} // namespace slipway::widgets
