// Port publications (core/deploy/publishspec.cpp): "[IP:][HOST:]CONTAINER[/PROTO]" from --publish
// and from the deployment records a rollback re-creates replicas from. Beyond "no crash, no
// leak, no undefined behaviour": a refusal says why, quoting the input; what is accepted has
// ports in range and a known protocol, and written in full form parses to the same spec.
#include "core/deploy/publishspec.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <cstdlib>

using namespace slipway::core;

namespace {

bool same(const PublishSpec &a, const PublishSpec &b) {
    return a.hostIp == b.hostIp && a.hostPort == b.hostPort && a.containerPort == b.containerPort &&
           a.protocol == b.protocol;
}

// Not with chained arg(): an address holding "%1" would take the next argument.
QString full(const PublishSpec &s) {
    return s.hostIp + QLatin1Char(':') + QString::number(s.hostPort) + QLatin1Char(':') +
           QString::number(s.containerPort) + QLatin1Char('/') + s.protocol;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto spec = PublishSpec::parse(text, &error);
    if (!spec) {
        if (error.isEmpty())
            std::abort();
    } else {
        if (!error.isEmpty() || spec->containerPort < 1 || spec->containerPort > 65535 ||
            spec->hostPort < 0 || spec->hostPort > 65535 || spec->hostIp.isEmpty() ||
            (spec->protocol != QLatin1String("tcp") && spec->protocol != QLatin1String("udp")) ||
            spec->fixed() != (spec->hostPort != 0) ||
            spec->containerKey() !=
                QStringLiteral("%1/%2").arg(spec->containerPort).arg(spec->protocol))
            std::abort();
        const auto again = PublishSpec::parse(full(*spec));
        if (!again || !same(*again, *spec))
            std::abort();
    }
    // As a list (one per line): all of them, or the first bad one named.
    const QStringList lines = text.split(QLatin1Char('\n'));
    QString listError;
    const auto all = PublishSpec::parseAll(lines, &listError);
    if (all.has_value() != listError.isEmpty())
        std::abort();
    if (all && all->size() != lines.size())
        std::abort();
    return 0;
}
