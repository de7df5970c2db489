// ContainerFilterProxy: the Containers section's quick filter and sort over a
// ContainerTableModel: free text, state, host, application, environment and labels. Filters
// and sort follow row changes as they come (dynamic), never by resetting.
#pragma once

#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace slipway::core {
struct ContainerRecord;
}

namespace slipway::models {

class ContainerTableModel;

class ContainerFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit ContainerFilterProxy(QObject *parent = nullptr);

    // Words that must all appear (case-insensitive) in the name, image, application,
    // environment, version, state, host, ID prefix or a label; "key=value" words match labels.
    void setText(const QString &text);
    QString text() const { return text_; }
    // Each list: a row passes if its value is one of them; an empty list passes everything.
    void setStates(const QStringList &states);
    void setHostIds(const QStringList &hostIds);
    void setApplications(const QStringList &applications);
    void setEnvironments(const QStringList &environments);
    // "key=value" (exact) or "key" (present); a row must match all of them.
    void setLabelFilters(const QStringList &filters);
    void clearFilters();

    QStringList states() const { return states_.values(); }
    QStringList hostIds() const { return hosts_.values(); }
    QStringList applications() const { return apps_.values(); }
    QStringList environments() const { return envs_.values(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const ContainerTableModel *table() const;
    bool matchesText(const core::ContainerRecord &r, const ContainerTableModel &table) const;
    bool matchesLabels(const core::ContainerRecord &r) const;
    bool setSet(QSet<QString> &set, const QStringList &values);

    QString text_;
    QStringList terms_;
    QSet<QString> states_, hosts_, apps_, envs_;
    QStringList labelFilters_;
};

} // namespace slipway::models
