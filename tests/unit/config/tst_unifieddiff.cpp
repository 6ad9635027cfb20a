// The unified diff shown before every change: exact format (checked against GNU diff when
// installed), minimal edits (checked against an LCS table), and patches that apply.

#include "ConfigTestUtil.h"
#include "core/config/UnifiedDiff.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <random>
#include <vector>

using namespace maildeck::config;
using configtest::S;

namespace {

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

// Applies hunks to oldText; fails the test (returns nullopt) if a hunk does not match.
std::optional<QByteArray> apply(const QByteArray &oldText, const QList<DiffHunk> &hunks) {
    const QList<QByteArray> a = linesOf(oldText);
    QByteArray out;
    int next = 0; // index into a
    for (const DiffHunk &h : hunks) {
        const int start = h.oldCount > 0 ? h.oldStart - 1 : h.oldStart;
        if (start < next || start > a.size())
            return std::nullopt;
        for (; next < start; ++next)
            out += a.at(next);
        for (const DiffLine &l : h.lines) {
            const QByteArray full = l.text + (l.noNewline ? QByteArray() : QByteArray("\n"));
            if (l.kind != DiffLine::Kind::Added) {
                if (next >= a.size() || a.at(next) != full)
                    return std::nullopt;
                ++next;
            }
            if (l.kind != DiffLine::Kind::Removed)
                out += full;
        }
    }
    for (; next < a.size(); ++next)
        out += a.at(next);
    return out;
}

int lcsLength(const QList<QByteArray> &a, const QList<QByteArray> &b) {
    std::vector<std::vector<int>> t(size_t(a.size() + 1),
                                    std::vector<int>(size_t(b.size() + 1), 0));
    for (int i = 1; i <= a.size(); ++i)
        for (int j = 1; j <= b.size(); ++j)
            t[size_t(i)][size_t(j)] =
                a.at(i - 1) == b.at(j - 1)
                    ? t[size_t(i - 1)][size_t(j - 1)] + 1
                    : std::max(t[size_t(i - 1)][size_t(j)], t[size_t(i)][size_t(j - 1)]);
    return t[size_t(a.size())][size_t(b.size())];
}

std::optional<QByteArray> gnuDiff(const QByteArray &a, const QByteArray &b) {
    const QString diff = QStandardPaths::findExecutable(S("diff"));
    if (diff.isEmpty())
        return std::nullopt;
    QTemporaryDir dir;
    QFile fa(dir.filePath(S("a"))), fb(dir.filePath(S("b")));
    if (!fa.open(QIODevice::WriteOnly) || !fb.open(QIODevice::WriteOnly))
        return std::nullopt;
    fa.write(a);
    fb.write(b);
    fa.close();
    fb.close();
    QProcess p;
    p.start(diff, {S("-u"), S("--label"), S("old"), S("--label"), S("new"), fa.fileName(),
                   fb.fileName()});
    p.waitForFinished(30000);
    return p.readAllStandardOutput();
}

} // namespace

class TestUnifiedDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cases_data();
    void cases();
    void hunkShape();
    void randomAgainstLcs();
    void hugeFallback();
};

void TestUnifiedDiff::cases_data() {
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<int>("added");
    QTest::addColumn<int>("removed");
    QTest::newRow("equal") << QByteArray("x\ny\n") << QByteArray("x\ny\n") << 0 << 0;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << 0 << 0;
    QTest::newRow("from empty") << QByteArray() << QByteArray("a\nb\n") << 2 << 0;
    QTest::newRow("to empty") << QByteArray("a\nb\n") << QByteArray() << 0 << 2;
    QTest::newRow("one line changed") << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n")
                                      << QByteArray("1\n2\n3\n4\nfive\n6\n7\n8\n9\n") << 1 << 1;
    QTest::newRow("insert at start") << QByteArray("b\nc\n") << QByteArray("a\nb\nc\n") << 1 << 0;
    QTest::newRow("append at end") << QByteArray("a\nb\n") << QByteArray("a\nb\nc\n") << 1 << 0;
    QTest::newRow("newline added at EOF") << QByteArray("a\nb") << QByteArray("a\nb\n") << 1 << 1;
    QTest::newRow("newline removed at EOF") << QByteArray("a\nb\n") << QByteArray("a\nb") << 1 << 1;
    QTest::newRow("CRLF vs LF") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\n") << 1 << 1;
    QTest::newRow("two changes close: one hunk")
        << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n")
        << QByteArray("1\nX\n3\n4\n5\n6\n7\n8\nY\n10\n11\n12\n") << 2 << 2;
    QTest::newRow("two changes far: two hunks")
        << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n")
        << QByteArray("X\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\nY\n") << 2 << 2;
    QTest::newRow("duplicates") << QByteArray("a\na\nb\na\n") << QByteArray("a\nb\na\na\n") << 1
                                << 1;
    QTest::newRow("binary-ish bytes")
        << QByteArray("\xff\x00z\n", 4) << QByteArray("\xfe\n") << 1 << 1;
}

void TestUnifiedDiff::cases() {
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(int, added);
    QFETCH(int, removed);
    const QList<DiffHunk> hunks = diffHunks(a, b);
    const DiffStats stats = diffStats(hunks);
    QCOMPARE(stats.added, added);
    QCOMPARE(stats.removed, removed);
    QCOMPARE(apply(a, hunks), std::optional<QByteArray>(b));
    const QByteArray ours = unifiedDiff(a, b, S("old"), S("new"));
    if (a == b)
        QVERIFY(ours.isEmpty());
    if (a.contains('\0') || qstrcmp(QTest::currentDataTag(), "duplicates") == 0)
        return; // GNU diff may pick another equally short script
    const std::optional<QByteArray> gnu = gnuDiff(a, b);
    if (!gnu)
        QSKIP("diff is not installed");
    QCOMPARE(ours, *gnu);
}

void TestUnifiedDiff::hunkShape() {
    const QByteArray a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n";
    const QByteArray b = "X\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\nY\n";
    const QList<DiffHunk> hunks = diffHunks(a, b, 3);
    QCOMPARE(hunks.size(), 2);
    QCOMPARE(hunks.at(0).oldStart, 1);
    QCOMPARE(hunks.at(0).oldCount, 4);
    QCOMPARE(hunks.at(1).oldStart, 11);
    QCOMPARE(hunks.at(1).newCount, 4);
    QCOMPARE(diffHunks(a, b, 10).size(), 1);
    // Pure insertion with no context: "-N,0" names the line before.
    const QList<DiffHunk> ins = diffHunks("a\nb\n", "a\nnew\nb\n", 0);
    QCOMPARE(ins.size(), 1);
    QCOMPARE(ins.at(0).oldStart, 1);
    QCOMPARE(ins.at(0).oldCount, 0);
    QCOMPARE(ins.at(0).newStart, 2);
    QVERIFY(
        unifiedDiff("a\nb\n", "a\nnew\nb\n", S("x"), S("y"), 0).contains("@@ -1,0 +2 @@\n+new\n"));
}

void TestUnifiedDiff::randomAgainstLcs() {
    std::mt19937 rng(20261127);
    const char *pool[] = {"a\n", "b\n", "c\n", "ssl = yes\n", "ssl = required\n", "}\n", "\n", "x"};
    for (int round = 0; round < 400; ++round) {
        QByteArray a, b;
        const int na = int(rng() % 25), nb = int(rng() % 25);
        for (int i = 0; i < na; ++i)
            a += pool[rng() % 7];
        for (int i = 0; i < nb; ++i)
            b += pool[rng() % 7];
        if (rng() % 4 == 0)
            a += pool[7]; // a last line without newline
        if (rng() % 4 == 0)
            b += pool[7];
        for (const int context : {0, 1, 3}) {
            const QList<DiffHunk> hunks = diffHunks(a, b, context);
            QCOMPARE(apply(a, hunks), std::optional<QByteArray>(b));
            const DiffStats s = diffStats(hunks);
            const int lcs = lcsLength(linesOf(a), linesOf(b));
            QCOMPARE(s.removed, int(linesOf(a).size()) - lcs); // minimal
            QCOMPARE(s.added, int(linesOf(b).size()) - lcs);
        }
    }
}

void TestUnifiedDiff::hugeFallback() {
    QByteArray a, b;
    for (int i = 0; i < 20000; ++i) {
        a += "old " + QByteArray::number(i) + "\n";
        b += "new " + QByteArray::number(i) + "\n";
    }
    a.prepend("same\n");
    b.prepend("same\n");
    QElapsedTimer t;
    t.start();
    const QList<DiffHunk> hunks = diffHunks(a, b);
    QVERIFY2(t.elapsed() < 10000, "the fallback keeps a total rewrite fast");
    QCOMPARE(apply(a, hunks), std::optional<QByteArray>(b));
    QCOMPARE(diffStats(hunks).added, 20000);
}

QTEST_GUILESS_MAIN(TestUnifiedDiff)
#include "tst_unifieddiff.moc"
