#include "models/environmentservicemodel.h"

#include <QBrush>
#include <QFont>

namespace slipway::models {

using core::env::ServiceProgress;
using core::env::ServiceState;
using core::env::ServiceStatus;

EnvironmentServiceModel::EnvironmentServiceModel(QObject *parent) : KeyedRowsModel(parent) {}

int EnvironmentServiceModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnvironmentServiceModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServiceColumn:
        return tr("Service");
    case StateColumn:
        return tr("State");
    case ReplicasColumn:
        return tr("Running");
    case EndpointsColumn:
        return tr("Endpoints");
    }
    return {};
}

QVariant EnvironmentServiceModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const EnvironmentServiceRow &r = rows_[index.row()];
    // The provision's word wins until the service is ready: then what runs says more.
    const bool inProgress = r.progress && r.progress->state != ServiceState::Ready;
    switch (role) {
    case EndpointRole:
        return r.status.endpoints.value(0);
    case ContainerRole:
        return r.status.containers.isEmpty() ? QString() : r.status.containers.first()->id;
    case Qt::ToolTipRole:
        return r.progress ? r.progress->text : QString();
    case Qt::FontRole:
        if (index.column() == EndpointsColumn && !r.status.endpoints.isEmpty()) {
            QFont link;
            link.setUnderline(true);
            return link;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == EndpointsColumn && !r.status.endpoints.isEmpty())
            return QBrush(QColor(0x1f, 0x6f, 0xc5)); // a link: double-click opens it
        if (index.column() != StateColumn)
            return {};
        if ((inProgress && r.progress->state == ServiceState::Failed) ||
            (!inProgress && (r.status.health == QLatin1String("unhealthy") ||
                             (r.status.total > 0 && r.status.running < r.status.total))))
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case ServiceColumn:
        return r.name;
    case StateColumn:
        if (inProgress) {
            const QString step = ServiceProgress::stateName(r.progress->state);
            return r.progress->text.isEmpty() ? step
                                              : step + QStringLiteral(": ") + r.progress->text;
        }
        if (r.status.total == 0)
            return r.progress ? ServiceProgress::stateName(r.progress->state) : tr("not running");
        return r.status.health.isEmpty() ? r.status.state
                                         : tr("%1 (%2)").arg(r.status.state, r.status.health);
    case ReplicasColumn:
        return r.status.total ? tr("%1/%2").arg(r.status.running).arg(r.status.total) : QString();
    case EndpointsColumn:
        return r.status.endpoints.join(QStringLiteral("  "));
    }
    return {};
}

void EnvironmentServiceModel::show(const QString &environmentId,
                                   const QList<ServiceStatus> &status) {
    if (environmentId != environmentId_)
        progress_.clear();
    environmentId_ = environmentId;
    status_ = status;
    rebuild();
}

void EnvironmentServiceModel::apply(const QString &environmentId, const ServiceProgress &progress) {
    if (environmentId != environmentId_ || progress.service.isEmpty())
        return;
    progress_[progress.service] = progress;
    rebuild();
}

void EnvironmentServiceModel::rebuild() {
    QMap<QString, EnvironmentServiceRow> rows;
    for (const ServiceStatus &s : status_)
        rows[s.name] = EnvironmentServiceRow{s.name, std::nullopt, s};
    for (auto it = progress_.cbegin(); it != progress_.cend(); ++it) {
        EnvironmentServiceRow &row = rows[it.key()];
        row.name = it.key();
        row.progress = it.value();
    }
    replaceRows(rows.values());
}

const EnvironmentServiceRow *EnvironmentServiceModel::service(int row) const {
    return row >= 0 && row < rows_.size() ? &rows_[row] : nullptr;
}

QString EnvironmentServiceModel::keyOf(const EnvironmentServiceRow &r) const {
    return r.name;
}

bool EnvironmentServiceModel::sameRow(const EnvironmentServiceRow &a,
                                      const EnvironmentServiceRow &b) const {
    const bool sameProgress = a.progress.has_value() == b.progress.has_value() &&
                              (!a.progress || (a.progress->state == b.progress->state &&
                                               a.progress->text == b.progress->text));
    return sameProgress && a.status == b.status;
}

} // namespace slipway::models
