#include "core/environments/templatediff.h"

#include <QSet>
#include <algorithm>
#include <vector>

namespace slipway::core::env {

namespace {

enum class Op { Same, Del, Add };

struct Edit {
    Op op;
    int a; // index into the old lines (Same, Del)
    int b; // index into the new lines (Same, Add)
};

// Lines with their '\n' kept, so a last line without one differs from the same text with one.
std::vector<QByteArray> splitLines(const QByteArray &text) {
    std::vector<QByteArray> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype nl = text.indexOf('\n', start);
        const qsizetype end = nl < 0 ? text.size() : nl + 1;
        lines.push_back(text.mid(start, end - start));
        start = end;
    }
    return lines;
}

std::vector<Edit> editScript(const std::vector<QByteArray> &a, const std::vector<QByteArray> &b) {
    const int n = int(a.size());
    const int m = int(b.size());
    int prefix = 0;
    while (prefix < n && prefix < m && a[prefix] == b[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix])
        ++suffix;
    std::vector<Edit> edits;
    for (int i = 0; i < prefix; ++i)
        edits.push_back({Op::Same, i, i});
    const int rows = n - prefix - suffix;
    const int cols = m - prefix - suffix;
    if (qint64(rows) * cols > kMaxDiffCells) {
        for (int i = 0; i < rows; ++i)
            edits.push_back({Op::Del, prefix + i, prefix});
        for (int j = 0; j < cols; ++j)
            edits.push_back({Op::Add, prefix + rows, prefix + j});
    } else {
        // lcs[i][j]: the longest common subsequence of the middles from i and j on.
        std::vector<int> lcs(size_t(rows + 1) * size_t(cols + 1), 0);
        const auto at = [cols](int i, int j) {
            return size_t(i) * size_t(cols + 1) + size_t(j);
        };
        for (int i = rows - 1; i >= 0; --i)
            for (int j = cols - 1; j >= 0; --j)
                lcs[at(i, j)] = a[prefix + i] == b[prefix + j]
                                    ? lcs[at(i + 1, j + 1)] + 1
                                    : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
        int i = 0;
        int j = 0;
        while (i < rows || j < cols) {
            if (i < rows && j < cols && a[prefix + i] == b[prefix + j]) {
                edits.push_back({Op::Same, prefix + i, prefix + j});
                ++i;
                ++j;
            } else if (j < cols && (i == rows || lcs[at(i, j + 1)] > lcs[at(i + 1, j)])) {
                edits.push_back({Op::Add, prefix + i, prefix + j});
                ++j;
            } else {
                edits.push_back({Op::Del, prefix + i, prefix + j});
                ++i;
            }
        }
    }
    for (int k = 0; k < suffix; ++k)
        edits.push_back({Op::Same, n - suffix + k, m - suffix + k});
    return edits;
}

QString range(int start, int count) {
    // As diff -u writes it: an empty range names the line before it.
    if (count == 0)
        return QStringLiteral("%1,0").arg(start);
    if (count == 1)
        return QString::number(start + 1);
    return QStringLiteral("%1,%2").arg(start + 1).arg(count);
}

void appendLine(QString *out, QChar mark, const QByteArray &line) {
    out->append(mark);
    if (line.endsWith('\n')) {
        out->append(QString::fromUtf8(line));
    } else {
        out->append(QString::fromUtf8(line));
        out->append(QStringLiteral("\n\\ No newline at end of file\n"));
    }
}

} // namespace

QString unifiedDiff(const QString &fromLabel, const QByteArray &from, const QString &toLabel,
                    const QByteArray &to, int context, int *added, int *removed) {
    if (added)
        *added = 0;
    if (removed)
        *removed = 0;
    if (from == to)
        return {};
    context = std::max(0, context);
    const std::vector<QByteArray> a = splitLines(from);
    const std::vector<QByteArray> b = splitLines(to);
    const std::vector<Edit> edits = editScript(a, b);
    QString out = QStringLiteral("--- %1\n+++ %2\n").arg(fromLabel, toLabel);
    const int total = int(edits.size());
    int k = 0;
    while (k < total) {
        while (k < total && edits[size_t(k)].op == Op::Same)
            ++k;
        if (k == total)
            break;
        // A hunk: from `context` lines before this change to `context` lines after the last
        // change that is no more than 2 * context unchanged lines from the one before it.
        const int begin = std::max(0, k - context);
        int end = k;
        int lastChange = k;
        while (end < total) {
            if (edits[size_t(end)].op != Op::Same)
                lastChange = end;
            else if (end - lastChange > 2 * context)
                break;
            ++end;
        }
        end = std::min(total, lastChange + 1 + context);
        const Edit &first = edits[size_t(begin)];
        int countA = 0;
        int countB = 0;
        for (int e = begin; e < end; ++e) {
            countA += edits[size_t(e)].op != Op::Add;
            countB += edits[size_t(e)].op != Op::Del;
        }
        out +=
            QStringLiteral("@@ -%1 +%2 @@\n").arg(range(first.a, countA), range(first.b, countB));
        for (int e = begin; e < end; ++e) {
            const Edit &edit = edits[size_t(e)];
            if (edit.op == Op::Same) {
                appendLine(&out, QLatin1Char(' '), a[size_t(edit.a)]);
            } else if (edit.op == Op::Del) {
                appendLine(&out, QLatin1Char('-'), a[size_t(edit.a)]);
                if (removed)
                    ++*removed;
            } else {
                appendLine(&out, QLatin1Char('+'), b[size_t(edit.b)]);
                if (added)
                    ++*added;
            }
        }
        k = end;
    }
    return out;
}

QString TemplateDiff::text() const {
    QString out;
    for (const FileDiff &f : files)
        out += f.text;
    return out;
}

TemplateDiff diffTemplates(const TemplateVersion &from, const TemplateVersion &to, int context) {
    TemplateDiff diff;
    diff.name = to.name;
    diff.from = from.version;
    diff.to = to.version;
    QStringList names = from.content.files.keys() + to.content.files.keys();
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const QString &name : std::as_const(names)) {
        const bool inFrom = from.content.files.contains(name);
        const bool inTo = to.content.files.contains(name);
        const QByteArray a = from.content.files.value(name);
        const QByteArray b = to.content.files.value(name);
        if (inFrom && inTo && a == b)
            continue;
        FileDiff f;
        f.file = name;
        f.change = !inFrom ? FileDiff::Change::Added
                           : (!inTo ? FileDiff::Change::Removed : FileDiff::Change::Changed);
        const QString fromLabel = inFrom ? QStringLiteral("a/%1 (v%2)").arg(name).arg(from.version)
                                         : QStringLiteral("/dev/null");
        const QString toLabel = inTo ? QStringLiteral("b/%1 (v%2)").arg(name).arg(to.version)
                                     : QStringLiteral("/dev/null");
        f.binary = a.contains('\0') || b.contains('\0');
        if (f.binary)
            f.text = QStringLiteral("Binary files %1 and %2 differ\n").arg(fromLabel, toLabel);
        else
            f.text = unifiedDiff(fromLabel, a, toLabel, b, context, &f.linesAdded, &f.linesRemoved);
        diff.files.append(f);
    }
    return diff;
}

} // namespace slipway::core::env
