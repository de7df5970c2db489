#include "core/base/errortext.h"

#include <QCoreApplication>
#include <algorithm>

namespace slipway::core {

QString keptText(const QString &text, qsizetype max) {
    if (text.size() <= max)
        return text;
    // The marker's length depends on the count it names, which depends on where the cut is:
    // sized for the largest count (nothing kept), which is never shorter.
    const auto marker = [](qsizetype cut) {
        return QCoreApplication::translate("slipway::core::ErrorText", "… [%1 more characters cut]")
            .arg(cut);
    };
    qsizetype keep = std::max<qsizetype>(0, max - marker(text.size()).size());
    if (keep > 0 && text.at(keep - 1).isHighSurrogate())
        --keep; // a pair stays whole, or goes whole
    const QString tail = marker(text.size() - keep);
    // A marker longer than `max` (a tiny `max`) is cut itself: the limit holds.
    return (text.left(keep) + tail).left(max);
}

} // namespace slipway::core
