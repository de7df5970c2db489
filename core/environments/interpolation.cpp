#include "core/environments/interpolation.h"

namespace slipway::core::env {

namespace {

bool identStart(QChar c) {
    return c == u'_' || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool identChar(QChar c) {
    return identStart(c) || (c >= u'0' && c <= u'9');
}

} // namespace

Interpolation::Result Interpolation::apply(const QString &text,
                                           const QMap<QString, QString> &variables) {
    Result r;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c != u'$') {
            r.value += c;
            continue;
        }
        const auto invalid = [&] {
            r.error = tr("invalid interpolation in \"%1\": a $ must start $$, $NAME or ${NAME} "
                         "(write $$ for a dollar sign)")
                          .arg(text);
            r.at = i;
            r.value.clear();
            return r;
        };
        if (i + 1 >= n)
            return invalid();
        const QChar next = text[i + 1];
        if (next == u'$') {
            r.value += u'$';
            ++i;
            continue;
        }
        if (identStart(next)) {
            qsizetype end = i + 1;
            while (end < n && identChar(text[end]))
                ++end;
            r.value += variables.value(text.mid(i + 1, end - i - 1));
            i = end - 1;
            continue;
        }
        if (next != u'{')
            return invalid();
        // ${NAME}, ${NAME:-x}, ${NAME-x}, ${NAME:?x}, ${NAME?x}: the rest runs to the first '}'.
        qsizetype p = i + 2;
        if (p >= n || !identStart(text[p]))
            return invalid();
        const qsizetype nameStart = p;
        while (p < n && identChar(text[p]))
            ++p;
        const QString name = text.mid(nameStart, p - nameStart);
        QString sep;
        if (p < n && text[p] == u':' && p + 1 < n && (text[p + 1] == u'-' || text[p + 1] == u'?'))
            sep = text.mid(p, 2);
        else if (p < n && (text[p] == u'-' || text[p] == u'?'))
            sep = text.mid(p, 1);
        const qsizetype argStart = p + sep.size();
        const qsizetype close = text.indexOf(u'}', argStart);
        if (close < 0 || (sep.isEmpty() && close != p))
            return invalid();
        const QString arg = text.mid(argStart, close - argStart);
        const bool set = variables.contains(name);
        const QString value = variables.value(name);
        if (sep.isEmpty()) {
            r.value += value;
        } else if (sep == QLatin1String(":-")) {
            r.value += value.isEmpty() ? arg : value;
        } else if (sep == QLatin1String("-")) {
            r.value += set ? value : arg;
        } else if ((sep == QLatin1String(":?") && value.isEmpty()) ||
                   (sep == QLatin1String("?") && !set)) {
            r.error = tr("required variable %1 is missing a value: %2")
                          .arg(name, arg.isEmpty() ? name : arg);
            r.at = i;
            r.value.clear();
            return r;
        } else {
            r.value += value;
        }
        i = close;
    }
    return r;
}

} // namespace slipway::core::env
