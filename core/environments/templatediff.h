// Line diffs between two versions of a template, per file, as unified-diff text ("@@ -1,3
// +1,4 @@", lines with ' ', '-', '+') for people to review.
#pragma once

#include "core/environments/templateversion.h"

#include <QList>
#include <QString>

namespace slipway::core::env {

struct FileDiff {
    enum class Change { Added, Removed, Changed };
    QString file;
    Change change = Change::Changed;
    bool binary = false; // a NUL byte on either side: no lines, just "differ"
    int linesAdded = 0;
    int linesRemoved = 0;
    QString text; // unified diff, headers included
};

struct TemplateDiff {
    QString name;
    int from = 0;
    int to = 0;
    QList<FileDiff> files; // only the files that differ, by name
    bool isEmpty() const { return files.isEmpty(); }
    QString text() const; // every file's text, one after another
};

// The unified diff of `from` and `to` (lines split at '\n'; a last line without one is marked
// "\ No newline at end of file"), `context` unchanged lines around each change, under the
// headers "--- fromLabel" and "+++ toLabel". Empty when they are equal. The lines are matched
// by a longest common subsequence; when the differing middle of the two files is too large for
// that (over kMaxCells line pairs) it is shown as all removed, then all added.
QString unifiedDiff(const QString &fromLabel, const QByteArray &from, const QString &toLabel,
                    const QByteArray &to, int context = 3, int *added = nullptr,
                    int *removed = nullptr);
inline constexpr qint64 kMaxDiffCells = 4'000'000;

// Every file that differs between two versions of a template (a file present on one side only
// is added or removed whole). The labels are "a/FILE (vN)" and "b/FILE (vM)".
TemplateDiff diffTemplates(const TemplateVersion &from, const TemplateVersion &to, int context = 3);

} // namespace slipway::core::env
