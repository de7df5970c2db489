#include "core/environments/composecontext.h"

#include "core/environments/composeunits.h"
#include "core/environments/interpolation.h"

namespace slipway::core::env {

void ComposeContext::error(SourcePos pos, const QString &path, const QString &message) const {
    errors->append({input.fileName, pos, path, message});
}

std::optional<QString> ComposeContext::text(const YamlNode &node, const QString &path,
                                            const QString &what) const {
    if (!node.isScalar()) {
        error(node.pos, path,
              what.isEmpty() ? tr("expected a single value") : tr("expected %1").arg(what));
        return std::nullopt;
    }
    const Interpolation::Result r = Interpolation::apply(node.scalar, input.variables);
    if (!r.error.isEmpty()) {
        SourcePos pos = node.pos;
        // Points at the '$' when the value is on one line.
        if (pos.line > 0 && !node.scalar.left(r.at).contains(u'\n'))
            pos.column += int(r.at) + (node.quoted ? 1 : 0);
        error(pos, path, r.error);
        return std::nullopt;
    }
    return r.value;
}

std::optional<bool> ComposeContext::boolean(const YamlNode &node, const QString &path) const {
    const auto t = text(node, path, tr("true or false"));
    if (!t)
        return std::nullopt;
    const QString v = t->toLower();
    if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("y") ||
        v == QLatin1String("on"))
        return true;
    if (v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("n") ||
        v == QLatin1String("off"))
        return false;
    error(node.pos, path, tr("expected true or false, not \"%1\"").arg(*t));
    return std::nullopt;
}

std::optional<qint64> ComposeContext::integer(const YamlNode &node, const QString &path, qint64 min,
                                              qint64 max) const {
    const auto t = text(node, path, tr("a whole number"));
    if (!t)
        return std::nullopt;
    bool ok = false;
    const qint64 v = t->trimmed().toLongLong(&ok);
    if (!ok || v < min || v > max) {
        error(node.pos, path,
              tr("expected a whole number from %1 to %2, not \"%3\"").arg(min).arg(max).arg(*t));
        return std::nullopt;
    }
    return v;
}

std::optional<double> ComposeContext::number(const YamlNode &node, const QString &path) const {
    const auto t = text(node, path, tr("a number"));
    if (!t)
        return std::nullopt;
    bool ok = false;
    const double v = t->trimmed().toDouble(&ok);
    if (!ok || !(v >= 0) || v > 1e6) {
        error(node.pos, path, tr("expected a positive number, not \"%1\"").arg(*t));
        return std::nullopt;
    }
    return v;
}

std::optional<qint64> ComposeContext::duration(const YamlNode &node, const QString &path) const {
    const auto t = text(node, path, tr("a duration such as 1m30s"));
    if (!t)
        return std::nullopt;
    const auto ms = parseComposeDuration(*t);
    if (!ms)
        error(node.pos, path,
              tr("expected a duration such as 30s, 1m30s or 500ms, not \"%1\"").arg(*t));
    return ms;
}

std::optional<QStringList> ComposeContext::list(const YamlNode &node, const QString &path) const {
    if (!node.isSequence()) {
        error(node.pos, path, tr("expected a list"));
        return std::nullopt;
    }
    QStringList out;
    bool ok = true;
    for (size_t i = 0; i < node.items.size(); ++i) {
        const auto t = text(node.items[i], index(path, qsizetype(i)), tr("a string"));
        if (t)
            out.append(*t);
        else
            ok = false;
    }
    return ok ? std::optional(out) : std::nullopt;
}

std::optional<QStringList> ComposeContext::stringOrList(const YamlNode &node,
                                                        const QString &path) const {
    if (node.isSequence())
        return list(node, path);
    const auto t = text(node, path, tr("a string or a list of strings"));
    return t ? std::optional(QStringList{*t}) : std::nullopt;
}

std::optional<QMap<QString, std::optional<QString>>>
ComposeContext::listOrDict(const YamlNode &node, const QString &path, QChar separator) const {
    QMap<QString, std::optional<QString>> out;
    bool ok = true;
    if (node.isMap()) {
        for (const YamlEntry &e : node.entries) {
            if (e.value.isNull()) {
                out.insert(e.key, std::nullopt);
                continue;
            }
            const auto t = text(e.value, join(path, e.key), tr("a string, number or boolean"));
            if (t)
                out.insert(e.key, *t);
            else
                ok = false;
        }
    } else if (node.isSequence()) {
        for (size_t i = 0; i < node.items.size(); ++i) {
            const auto t = text(node.items[i], index(path, qsizetype(i)), tr("a string"));
            if (!t) {
                ok = false;
                continue;
            }
            const qsizetype at = t->indexOf(separator);
            const QString key = at < 0 ? *t : t->left(at);
            if (key.isEmpty()) {
                error(node.items[i].pos, index(path, qsizetype(i)),
                      tr("expected KEY%1VALUE, not \"%2\"").arg(separator).arg(*t));
                ok = false;
                continue;
            }
            if (at < 0)
                out.insert(key, std::nullopt);
            else
                out.insert(key, t->mid(at + 1));
        }
    } else {
        error(node.pos, path, tr("expected a mapping or a list of KEY%1VALUE").arg(separator));
        return std::nullopt;
    }
    return ok ? std::optional(out) : std::nullopt;
}

bool ComposeContext::isMap(const YamlNode &node, const QString &path) const {
    if (node.isMap())
        return true;
    error(node.pos, path, tr("expected a mapping"));
    return false;
}

std::optional<QStringList> splitShellWords(const QString &text) {
    QStringList words;
    QString word;
    bool inWord = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\'') {
            const qsizetype end = text.indexOf(u'\'', i + 1);
            if (end < 0)
                return std::nullopt;
            word += text.mid(i + 1, end - i - 1);
            inWord = true;
            i = end;
        } else if (c == u'"') {
            inWord = true;
            for (++i;; ++i) {
                if (i >= text.size())
                    return std::nullopt;
                if (text[i] == u'"')
                    break;
                if (text[i] == u'\\' && i + 1 < text.size() &&
                    QStringLiteral("\"\\$`\n").contains(text[i + 1]))
                    ++i;
                word += text[i];
            }
        } else if (c == u'\\') {
            if (i + 1 < text.size()) {
                word += text[++i];
                inWord = true;
            }
        } else if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

} // namespace slipway::core::env
