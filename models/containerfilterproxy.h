// ContainerFilterProxy: the Containers section's quick filter and sort over a
// ContainerTableModel: free text, state, host, application, environment and labels. Filters
// and sort follow row changes as they come (dynamic), never by resetting.
#pragma once

#include "core/fleet/containerfilter.h"

#include <QSortFilterProxyModel>
#include <QStringList>

namespace slipway::models {

class ContainerTableModel;

class ContainerFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit ContainerFilterProxy(QObject *parent = nullptr);

    // As core::ContainerFilter's setters; the host names are the table's.
    void setText(const QString &text);
    QString text() const { return filter_.text(); }
    void setStates(const QStringList &states);
    void setHostIds(const QStringList &hostIds);
    void setApplications(const QStringList &applications);
    void setEnvironments(const QStringList &environments);
    void setLabelFilters(const QStringList &filters);
    void clearFilters();

    QStringList states() const { return filter_.states(); }
    QStringList hostIds() const { return filter_.hostIds(); }
    QStringList applications() const { return filter_.applications(); }
    QStringList environments() const { return filter_.environments(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const ContainerTableModel *table() const;
    void changed(bool filterChanged);

    core::ContainerFilter filter_;
};

} // namespace slipway::models
