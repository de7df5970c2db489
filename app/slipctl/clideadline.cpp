#include "clideadline.h"

#include "clioptions.h"

#include <QCoreApplication>
#include <algorithm>

namespace slipway::cli {

Deadline::Deadline(const QCommandLineParser &parser) {
    if (const auto total = secondsOption(parser, QStringLiteral("timeout"))) {
        total_ = *total;
        at_ = std::chrono::steady_clock::now() + *total;
    }
}

bool Deadline::passed() const {
    return at_ && std::chrono::steady_clock::now() >= *at_;
}

std::optional<std::chrono::milliseconds> Deadline::left() const {
    if (!at_)
        return std::nullopt;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        *at_ - std::chrono::steady_clock::now());
    return std::max(left, std::chrono::milliseconds(0));
}

std::chrono::milliseconds Deadline::cap(std::chrono::milliseconds limit) const {
    return std::min(left().value_or(limit), limit);
}

QString Deadline::message() const {
    return QCoreApplication::translate(
               "slipctl",
               "the command did not finish within --timeout %1 s; what was running was cancelled")
        .arg(double(total_.count()) / 1000.0);
}

} // namespace slipway::cli
