#include "core/fleet/containerfilter.h"

#include <QRegularExpression>
#include <algorithm>

namespace slipway::core {

namespace {

bool setSet(QSet<QString> &set, const QStringList &values) {
    QSet<QString> next(values.begin(), values.end());
    next.remove(QString());
    if (next == set)
        return false;
    set = std::move(next);
    return true;
}

} // namespace

bool ContainerFilter::setText(const QString &text) {
    if (text == text_)
        return false;
    text_ = text;
    terms_ = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    return true;
}

bool ContainerFilter::setStates(const QStringList &states) {
    return setSet(states_, states);
}

bool ContainerFilter::setHostIds(const QStringList &hostIds) {
    return setSet(hosts_, hostIds);
}

bool ContainerFilter::setApplications(const QStringList &applications) {
    return setSet(apps_, applications);
}

bool ContainerFilter::setEnvironments(const QStringList &environments) {
    return setSet(envs_, environments);
}

bool ContainerFilter::setLabelFilters(const QStringList &filters) {
    QStringList cleaned;
    for (const QString &f : filters)
        if (!f.trimmed().isEmpty())
            cleaned.append(f.trimmed());
    if (cleaned == labelFilters_)
        return false;
    labelFilters_ = cleaned;
    return true;
}

void ContainerFilter::clear() {
    *this = ContainerFilter();
}

bool ContainerFilter::matchesLabels(const ContainerRecord &r) const {
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

bool ContainerFilter::matchesText(const ContainerRecord &r,
                                  const std::function<QString(const QString &)> &hostName) const {
    constexpr auto ci = Qt::CaseInsensitive;
    for (const QString &term : terms_) {
        const bool found =
            r.name.contains(term, ci) || r.image.contains(term, ci) || r.app.contains(term, ci) ||
            r.env.contains(term, ci) || r.version.contains(term, ci) ||
            r.state.contains(term, ci) || r.id.startsWith(term, ci) ||
            (hostName && hostName(r.hostId).contains(term, ci)) || [&] {
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

bool ContainerFilter::matches(const ContainerRecord &r,
                              const std::function<QString(const QString &)> &hostName) const {
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
    return terms_.isEmpty() || matchesText(r, hostName);
}

} // namespace slipway::core
