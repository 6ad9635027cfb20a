#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace maildeck::config {

// One line of a hunk. text excludes the line terminator; noNewline marks a last line that
// had none ("\ No newline at end of file").
struct DiffLine {
    enum class Kind { Context, Removed, Added };
    Kind kind = Kind::Context;
    QByteArray text;
    bool noNewline = false;
};

struct DiffHunk {
    int oldStart = 0; // 1-based; for an empty range, the line before it (as diff -u prints)
    int oldCount = 0;
    int newStart = 0;
    int newCount = 0;
    QList<DiffLine> lines;
};

// Line-based diff of two texts (Myers' O(ND) algorithm on lines; lines compare with their
// terminators, so "\r\n" vs "\n" and a missing final newline count as changes). Very large
// differences fall back to one replace hunk for the changed middle, which is still correct.
QList<DiffHunk> diffHunks(const QByteArray &oldText, const QByteArray &newText, int context = 3);

// The same as `diff -u` text: "--- oldLabel", "+++ newLabel", "@@ -a,b +c,d @@" hunks.
// Empty when the texts are equal.
QByteArray unifiedDiff(const QByteArray &oldText, const QByteArray &newText,
                       const QString &oldLabel, const QString &newLabel, int context = 3);

struct DiffStats {
    int added = 0;
    int removed = 0;
};
DiffStats diffStats(const QList<DiffHunk> &hunks);

} // namespace maildeck::config
