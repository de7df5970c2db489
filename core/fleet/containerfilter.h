// ContainerFilter: which containers a listing shows — by state, host, application,
// environment, labels and free text — as one predicate over ContainerRecord, shared by the
// Containers view's proxy and `slipctl ps`, so that both select alike.
#pragma once

#include "core/fleet/containerrecord.h"

#include <QSet>
#include <QStringList>
#include <functional>

namespace slipway::core {

class ContainerFilter {
public:
    // Words that must all appear (case-insensitive) in the name, image, application,
    // environment, version, state, host name, ID prefix or a label; "key=value" words match
    // labels. Returns false when nothing changed.
    bool setText(const QString &text);
    QString text() const { return text_; }
    // Each list: a record passes if its value is one of them; an empty list passes everything.
    bool setStates(const QStringList &states);
    bool setHostIds(const QStringList &hostIds);
    bool setApplications(const QStringList &applications);
    bool setEnvironments(const QStringList &environments);
    // "key=value" (exact) or "key" (present); a record must match all of them.
    bool setLabelFilters(const QStringList &filters);
    void clear();

    QStringList states() const { return states_.values(); }
    QStringList hostIds() const { return hosts_.values(); }
    QStringList applications() const { return apps_.values(); }
    QStringList environments() const { return envs_.values(); }
    QStringList labelFilters() const { return labelFilters_; }

    // `hostName` names a record's host for the free text; unset: host names do not match.
    bool matches(const ContainerRecord &r,
                 const std::function<QString(const QString &hostId)> &hostName = {}) const;

private:
    bool matchesText(const ContainerRecord &r,
                     const std::function<QString(const QString &)> &hostName) const;
    bool matchesLabels(const ContainerRecord &r) const;

    QString text_;
    QStringList terms_;
    QSet<QString> states_, hosts_, apps_, envs_;
    QStringList labelFilters_;
};

} // namespace slipway::core
