#include "models/containerfilterproxy.h"

#include "models/containertablemodel.h"

#include <QRegularExpression>
#include <algorithm>

namespace slipway::models {

using core::ContainerRecord;

ContainerFilterProxy::ContainerFilterProxy(QObject *parent) : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
    setSortRole(ContainerTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

const ContainerTableModel *ContainerFilterProxy::table() const {
    return qobject_cast<const ContainerTableModel *>(sourceModel());
}

void ContainerFilterProxy::setText(const QString &text) {
    if (text == text_)
        return;
    text_ = text;
    terms_ = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool ContainerFilterProxy::setSet(QSet<QString> &set, const QStringList &values) {
    QSet<QString> next(values.begin(), values.end());
    next.remove(QString());
    if (next == set)
        return false;
    set = std::move(next);
    return true;
}

void ContainerFilterProxy::setStates(const QStringList &states) {
    if (setSet(states_, states))
        invalidateFilter();
}

void ContainerFilterProxy::setHostIds(const QStringList &hostIds) {
    if (setSet(hosts_, hostIds))
        invalidateFilter();
}

void ContainerFilterProxy::setApplications(const QStringList &applications) {
    if (setSet(apps_, applications))
        invalidateFilter();
}

void ContainerFilterProxy::setEnvironments(const QStringList &environments) {
    if (setSet(envs_, environments))
        invalidateFilter();
}

void ContainerFilterProxy::setLabelFilters(const QStringList &filters) {
    QStringList cleaned;
    for (const QString &f : filters)
        if (!f.trimmed().isEmpty())
            cleaned.append(f.trimmed());
    if (cleaned == labelFilters_)
        return;
    labelFilters_ = cleaned;
    invalidateFilter();
}

void ContainerFilterProxy::clearFilters() {
    text_.clear();
    terms_.clear();
    states_.clear();
    hosts_.clear();
    apps_.clear();
    envs_.clear();
    labelFilters_.clear();
    invalidateFilter();
}

bool ContainerFilterProxy::matchesLabels(const ContainerRecord &r) const {
    for (const QString &f : labelFilters_) {
        const qsizetype eq = f.indexOf(QLatin1Char('='));
        if (eq < 0) {
            if (std::none_of(r.labels.begin(), r.labels.end(),
                             [&](const auto &l) { return l.first == f; }))
                return false;
        } else {
            const QStringView key = QStringView(f).left(eq);
            const QStringView value = QStringView(f).mid(eq + 1);
            const auto it = std::find_if(r.labels.begin(), r.labels.end(),
                                         [&](const auto &l) { return l.first == key; });
            if (it == r.labels.end() || it->second != value)
                return false;
        }
    }
    return true;
}

bool ContainerFilterProxy::matchesText(const ContainerRecord &r,
                                       const ContainerTableModel &table) const {
    constexpr auto ci = Qt::CaseInsensitive;
    for (const QString &term : terms_) {
        const bool found =
            r.name.contains(term, ci) || r.image.contains(term, ci) || r.app.contains(term, ci) ||
            r.env.contains(term, ci) || r.version.contains(term, ci) ||
            r.state.contains(term, ci) || r.id.startsWith(term, ci) ||
            table.hostName(r.hostId).contains(term, ci) || [&] {
                const qsizetype eq = term.indexOf(QLatin1Char('='));
                const QStringView key = eq < 0 ? QStringView(term) : QStringView(term).left(eq);
                for (const auto &[k, v] : r.labels) {
                    if (eq < 0 ? (k.contains(key, ci) || v.contains(key, ci))
                               : (k.compare(key, ci) == 0 &&
                                  v.contains(QStringView(term).mid(eq + 1), ci)))
                        return true;
                }
                return false;
            }();
        if (!found)
            return false;
    }
    return true;
}

bool ContainerFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const {
    const ContainerTableModel *t = table();
    if (!t)
        return true;
    const core::ContainerRef ref = t->record(sourceRow);
    if (!ref)
        return false;
    const ContainerRecord &r = *ref;
    if (!states_.isEmpty() && !states_.contains(r.state))
        return false;
    if (!hosts_.isEmpty() && !hosts_.contains(r.hostId))
        return false;
    if (!apps_.isEmpty() && !apps_.contains(r.app))
        return false;
    if (!envs_.isEmpty() && !envs_.contains(r.env))
        return false;
    if (!labelFilters_.isEmpty() && !matchesLabels(r))
        return false;
    return terms_.isEmpty() || matchesText(r, *t);
}

bool ContainerFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const {
    const ContainerTableModel *t = table();
    if (!t || left.column() != right.column())
        return QSortFilterProxyModel::lessThan(left, right);
    const core::ContainerRef a = t->record(left.row());
    const core::ContainerRef b = t->record(right.row());
    if (!a || !b)
        return QSortFilterProxyModel::lessThan(left, right);
    // Straight from the records, without a QVariant per comparison: sorting 8,000 rows
    // takes over 100,000 of them.
    int c = 0;
    switch (left.column()) {
    case ContainerTableModel::StatusColumn:
        c = a->stateSince < b->stateSince ? -1 : a->stateSince > b->stateSince ? 1 : 0;
        break;
    case ContainerTableModel::CpuColumn:
    case ContainerTableModel::MemoryColumn: {
        // The number behind the text; not measured (-1) sorts below zero.
        const double x = t->usageValue(*a, left.column());
        const double y = t->usageValue(*b, left.column());
        c = x < y ? -1 : x > y ? 1 : 0;
        break;
    }
    case ContainerTableModel::HostColumn:
        c = t->hostName(a->hostId).compare(t->hostName(b->hostId), Qt::CaseInsensitive);
        break;
    default: {
        const QString *x = nullptr, *y = nullptr;
        switch (left.column()) {
        case ContainerTableModel::AppColumn:
            x = &a->app, y = &b->app;
            break;
        case ContainerTableModel::EnvColumn:
            x = &a->env, y = &b->env;
            break;
        case ContainerTableModel::ImageColumn:
            x = &a->image, y = &b->image;
            break;
        case ContainerTableModel::VersionColumn:
            x = &a->version, y = &b->version;
            break;
        case ContainerTableModel::StateColumn:
            x = &a->state, y = &b->state;
            break;
        case ContainerTableModel::HealthColumn:
            x = &a->health, y = &b->health;
            break;
        case ContainerTableModel::PortsColumn:
            x = &a->ports, y = &b->ports;
            break;
        default:
            x = &a->name, y = &b->name;
        }
        c = x->compare(*y, Qt::CaseInsensitive);
    }
    }
    if (c != 0)
        return c < 0;
    // Ties by name, then ID: equal keys keep one order, so rows do not jump on refresh.
    c = a->name.compare(b->name, Qt::CaseInsensitive);
    if (c != 0)
        return c < 0;
    return a->id < b->id;
}

} // namespace slipway::models
