#include "core/config/UnifiedDiff.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace maildeck::config {

namespace {

// Lines with their terminators.
QList<QByteArray> linesOf(const QByteArray &text) {
    QList<QByteArray> out;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype nl = text.indexOf('\n', pos);
        const qsizetype end = nl < 0 ? text.size() : nl + 1;
        out.append(text.mid(pos, end - pos));
        pos = end;
    }
    return out;
}

enum class Op : char { Equal, Delete, Insert };

// Myers' greedy algorithm with the V array of each step kept for the backtrack. a and b are
// line ids. Returns the edit script, or an empty vector if d would exceed maxD.
bool myers(const std::vector<int> &a, const std::vector<int> &b, int maxD,
           std::vector<Op> &script) {
    const int n = int(a.size());
    const int m = int(b.size());
    const int max = n + m;
    const int offset = max + 1;
    std::vector<int> v(size_t(2 * max + 3), 0);
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= max && d <= maxD; ++d) {
        trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
        for (int k = -d; k <= d; k += 2) {
            int x;
            if (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                x = v[size_t(offset + k + 1)];
            else
                x = v[size_t(offset + k - 1)] + 1;
            int y = x - k;
            while (x < n && y < m && a[size_t(x)] == b[size_t(y)]) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        if (found >= 0)
            break;
    }
    if (found < 0)
        return false;
    // Backtrack. trace[d] holds v[k] for k in [-d-1, d+1] as it was before step d.
    std::vector<Op> rev;
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &vd = trace[size_t(d)];
        const auto at = [&](int k) {
            return vd[size_t(k + d + 1)];
        };
        const int k = x - y;
        int prevK;
        if (k == -d || (k != d && at(k - 1) < at(k + 1)))
            prevK = k + 1;
        else
            prevK = k - 1;
        const int prevX = at(prevK);
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            rev.push_back(Op::Equal);
            --x;
            --y;
        }
        if (x == prevX)
            rev.push_back(Op::Insert);
        else
            rev.push_back(Op::Delete);
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        rev.push_back(Op::Equal);
        --x;
        --y;
    }
    script.assign(rev.rbegin(), rev.rend());
    return true;
}

} // namespace

QList<DiffHunk> diffHunks(const QByteArray &oldText, const QByteArray &newText, int context) {
    const QList<QByteArray> a = linesOf(oldText);
    const QList<QByteArray> b = linesOf(newText);
    context = std::max(0, context);

    // Common prefix and suffix need no search.
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.at(prefix) == b.at(prefix))
        ++prefix;
    int suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;

    QHash<QByteArray, int> ids;
    const auto idOf = [&](const QByteArray &line) {
        const auto it = ids.constFind(line);
        if (it != ids.constEnd())
            return *it;
        const int id = int(ids.size());
        ids.insert(line, id);
        return id;
    };
    std::vector<int> ma, mb;
    for (int i = prefix; i < a.size() - suffix; ++i)
        ma.push_back(idOf(a.at(i)));
    for (int i = prefix; i < b.size() - suffix; ++i)
        mb.push_back(idOf(b.at(i)));

    std::vector<Op> script(size_t(prefix), Op::Equal);
    std::vector<Op> middle;
    if (!myers(ma, mb, 2000, middle)) {
        middle.assign(ma.size(), Op::Delete);
        middle.insert(middle.end(), mb.size(), Op::Insert);
    }
    script.insert(script.end(), middle.begin(), middle.end());
    script.insert(script.end(), size_t(suffix), Op::Equal);

    // Walk the script; group changes with context into hunks.
    struct Entry {
        Op op;
        int ai; // index into a (Equal/Delete)
        int bi; // index into b (Equal/Insert)
    };
    std::vector<Entry> entries;
    int ai = 0, bi = 0;
    for (const Op op : script) {
        entries.push_back({op, ai, bi});
        if (op != Op::Insert)
            ++ai;
        if (op != Op::Delete)
            ++bi;
    }
    QList<DiffHunk> hunks;
    const int total = int(entries.size());
    int i = 0;
    while (i < total) {
        while (i < total && entries[size_t(i)].op == Op::Equal)
            ++i;
        if (i >= total)
            break;
        const int start = std::max(0, i - context);
        int end = i; // exclusive
        int lastChange = i;
        while (end < total) {
            if (entries[size_t(end)].op != Op::Equal)
                lastChange = end;
            else if (end - lastChange > 2 * context)
                break;
            ++end;
        }
        end = std::min(total, lastChange + 1 + context);
        DiffHunk h;
        for (int j = start; j < end; ++j) {
            const Entry &e = entries[size_t(j)];
            DiffLine line;
            const QByteArray &raw = e.op == Op::Insert ? b.at(e.bi) : a.at(e.ai);
            line.kind = e.op == Op::Equal    ? DiffLine::Kind::Context
                        : e.op == Op::Delete ? DiffLine::Kind::Removed
                                             : DiffLine::Kind::Added;
            line.noNewline = !raw.endsWith('\n');
            line.text = raw;
            if (line.text.endsWith('\n'))
                line.text.chop(1);
            if (e.op != Op::Insert)
                ++h.oldCount;
            if (e.op != Op::Delete)
                ++h.newCount;
            h.lines.append(line);
        }
        const Entry &first = entries[size_t(start)];
        h.oldStart = h.oldCount > 0 ? first.ai + 1 : first.ai;
        h.newStart = h.newCount > 0 ? first.bi + 1 : first.bi;
        hunks.append(h);
        i = end;
    }
    return hunks;
}

QByteArray unifiedDiff(const QByteArray &oldText, const QByteArray &newText,
                       const QString &oldLabel, const QString &newLabel, int context) {
    const QList<DiffHunk> hunks = diffHunks(oldText, newText, context);
    if (hunks.isEmpty())
        return {};
    QByteArray out = "--- " + oldLabel.toUtf8() + "\n+++ " + newLabel.toUtf8() + "\n";
    const auto range = [](int start, int count) {
        QByteArray r = QByteArray::number(start);
        if (count != 1)
            r += ',' + QByteArray::number(count);
        return r;
    };
    for (const DiffHunk &h : hunks) {
        out +=
            "@@ -" + range(h.oldStart, h.oldCount) + " +" + range(h.newStart, h.newCount) + " @@\n";
        for (const DiffLine &l : h.lines) {
            out += l.kind == DiffLine::Kind::Context   ? ' '
                   : l.kind == DiffLine::Kind::Removed ? '-'
                                                       : '+';
            out += l.text;
            out += '\n';
            if (l.noNewline)
                out += "\\ No newline at end of file\n";
        }
    }
    return out;
}

DiffStats diffStats(const QList<DiffHunk> &hunks) {
    DiffStats s;
    for (const DiffHunk &h : hunks) {
        for (const DiffLine &l : h.lines) {
            if (l.kind == DiffLine::Kind::Added)
                ++s.added;
            else if (l.kind == DiffLine::Kind::Removed)
                ++s.removed;
        }
    }
    return s;
}

} // namespace maildeck::config
