// History loading: plain and gzip files, rotated sets in time order, chunked streaming with
// partial-line carry-over, progress, cancellation, oversized and garbage lines.

#include "core/logs/LogIngest.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <zlib.h>

using namespace maildeck::logs;

namespace {

QByteArray rejectLine(const char *stamp, int i) {
    return QByteArray(stamp) + " mx1 postfix/smtpd[" + QByteArray::number(1000 + i) +
           "]: NOQUEUE: reject: RCPT from mta" + QByteArray::number(i) +
           ".mail.bbt.yahoo.co.jp[182.22.12.34]: 450 4.1.8 <a@dom" + QByteArray::number(i) +
           ".jp>: Sender address rejected: Domain not found; from=<a@dom" + QByteArray::number(i) +
           ".jp> to=<info@example.jp> proto=ESMTP helo=<mta.mail.bbt.yahoo.co.jp>\n";
}

QByteArray noiseLine(const char *stamp) {
    return QByteArray(stamp) + " mx1 postfix/smtpd[1]: connect from a.example[192.0.2.1]\n";
}

bool writeFile(const QString &path, const QByteArray &data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

bool writeGzip(const QString &path, const QByteArray &data, int members = 1) {
    gzFile gz = gzopen(QFile::encodeName(path).constData(), "wb");
    if (!gz)
        return false;
    const qsizetype part = data.size() / members;
    qsizetype off = 0;
    for (int m = 0; m < members; ++m) {
        const qsizetype n = m == members - 1 ? data.size() - off : part;
        if (gzwrite(gz, data.constData() + off, static_cast<unsigned>(n)) != n)
            return false;
        off += n;
        if (m != members - 1) {
            // end this member and start another one: a concatenated .gz
            gzclose(gz);
            gz = gzopen(QFile::encodeName(path).constData(), "ab");
        }
    }
    return gzclose(gz) == Z_OK;
}

QStringList paths(const char *spaceSeparated) {
    return QString::fromLatin1(spaceSeparated).split(QLatin1Char(' '));
}

void setMtime(const QString &path, const QDateTime &t) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(t, QFileDevice::FileModificationTime));
}

} // namespace

class TestLogHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rotatedOrder_data() {
        QTest::addColumn<QStringList>("input");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("debian")
            << paths(
                   "/l/mail.log /l/mail.log.1 /l/mail.log.2.gz /l/mail.log.10.gz /l/mail.log.3.gz")
            << paths(
                   "/l/mail.log.10.gz /l/mail.log.3.gz /l/mail.log.2.gz /l/mail.log.1 /l/mail.log");
        QTest::newRow("rhel dateext")
            << paths("/l/maillog /l/maillog-20260809 /l/maillog-20260726 /l/maillog-20260802")
            << paths("/l/maillog-20260726 /l/maillog-20260802 /l/maillog-20260809 /l/maillog");
        QTest::newRow("postfix logrotate")
            << paths("/l/postfix.log /l/postfix.log.20260809-074848.gz "
                     "/l/postfix.log.20260801-000000.gz")
            << paths("/l/postfix.log.20260801-000000.gz /l/postfix.log.20260809-074848.gz "
                     "/l/postfix.log");
    }
    void rotatedOrder() {
        QFETCH(QStringList, input);
        QFETCH(QStringList, expected);
        QCOMPARE(orderRotatedSet(input), expected);
    }

    void splitterCarriesPartialLines() {
        const QByteArray text =
            QByteArray("one\ntwo two\n\nthree") + QByteArray(5000, 'x') + "\nlast";
        QList<QByteArray> whole;
        QList<quint64> wholeOffsets;
        LineSplitter a;
        auto collect = [&](std::string_view l, std::uint64_t off) {
            whole << QByteArray(l.data(), static_cast<qsizetype>(l.size()));
            wholeOffsets << off;
        };
        a.feed(text.constData(), static_cast<std::size_t>(text.size()), collect);
        a.finish(collect);
        QCOMPARE(whole.size(), 5);
        QCOMPARE(whole.last(), QByteArray("last"));
        for (int chunk : {1, 2, 3, 7, 64, 4096}) {
            QList<QByteArray> got;
            QList<quint64> offsets;
            LineSplitter b;
            auto c = [&](std::string_view l, std::uint64_t off) {
                got << QByteArray(l.data(), static_cast<qsizetype>(l.size()));
                offsets << off;
            };
            for (qsizetype i = 0; i < text.size(); i += chunk)
                b.feed(text.constData() + i,
                       static_cast<std::size_t>(std::min<qsizetype>(chunk, text.size() - i)), c);
            b.finish(c);
            QCOMPARE(got, whole);
            QCOMPARE(offsets, wholeOffsets);
        }
        for (int i = 0; i < whole.size(); ++i)
            QCOMPARE(text.mid(static_cast<qsizetype>(wholeOffsets.at(i)), whole.at(i).size()),
                     whole.at(i));
    }

    void oversizedLinesAreUnparsedNotBuffered() {
        EventStore store;
        LogIngestor in(store, 64 * 1024);
        in.beginSource(store.addSource(LogSource{QStringLiteral("s"), {}, false, true}));
        QByteArray big = QByteArray("Aug  9 07:48:48 mx1 postfix/smtpd[1]: NOQUEUE: reject: ") +
                         QByteArray(1 << 20, 'A') + "\n";
        const QByteArray good = rejectLine("Aug  9 07:48:49", 1);
        // in one chunk and split across many chunks
        in.feed(big.constData(), static_cast<std::size_t>(big.size()));
        for (qsizetype i = 0; i < big.size(); i += 1000)
            in.feed(big.constData() + i,
                    static_cast<std::size_t>(std::min<qsizetype>(1000, big.size() - i)));
        in.feed(good.constData(), static_cast<std::size_t>(good.size()));
        in.finish();
        QCOMPARE(in.stats().lines, quint64(3));
        QCOMPARE(in.stats().unparsed, quint64(2));
        QCOMPARE(in.stats().events, quint64(1));
        QCOMPARE(store.size(), 1u);
    }

    void binaryGarbageStream() {
        EventStore store;
        LogIngestor in(store);
        in.beginSource(store.addSource(LogSource{QStringLiteral("s"), {}, false, true}));
        QByteArray junk(200000, '\0');
        std::uint32_t x = 12345;
        for (char &c : junk) {
            x = x * 1103515245u + 12345u;
            c = static_cast<char>(x >> 24);
        }
        in.feed(junk.constData(), static_cast<std::size_t>(junk.size()));
        const QByteArray good = rejectLine("\nAug  9 07:48:49", 1);
        in.feed(good.constData(), static_cast<std::size_t>(good.size()));
        in.finish();
        QVERIFY(in.stats().unparsed > 0);
        QCOMPARE(in.stats().events, quint64(1));
    }

    void loadsPlainAndGzipRotatedSetInOrder() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // mail.log.2.gz: late December; mail.log.1: New Year's Eve into January; mail.log: January
        QByteArray older, middle, current;
        for (int i = 0; i < 300; ++i) {
            older += rejectLine("Dec 20 10:00:00", i);
            older += noiseLine("Dec 20 10:00:01");
        }
        middle += rejectLine("Dec 31 23:59:59", 1000);
        middle += rejectLine("Jan  1 00:00:01", 1001);
        current += rejectLine("Jan  2 08:00:00", 2000);
        current += "truncated line without a newline at the e";
        const QString p2 = dir.filePath(QStringLiteral("mail.log.2.gz"));
        const QString p1 = dir.filePath(QStringLiteral("mail.log.1"));
        const QString p0 = dir.filePath(QStringLiteral("mail.log"));
        QVERIFY(writeGzip(p2, older, 3));
        QVERIFY(writeFile(p1, middle));
        QVERIFY(writeFile(p0, current));
        setMtime(p2, QDateTime(QDate(2026, 12, 21), QTime(6, 25), Qt::UTC));
        setMtime(p1, QDateTime(QDate(2027, 1, 1), QTime(6, 25), Qt::UTC));
        setMtime(p0, QDateTime(QDate(2027, 1, 3), QTime(9, 0), Qt::UTC));

        const QStringList files = orderRotatedSet({p0, p1, p2});
        QCOMPARE(files.first(), p2);
        EventStore store;
        HistoryOptions opt; // UTC server, file mtimes as reference
        QList<quint64> progress;
        const auto res =
            loadHistory(files, store, opt, [&](std::uint64_t done, std::uint64_t total, int) {
                QVERIFY(done <= total);
                progress << done;
            });
        QVERIFY2(res.ok(), res.ok() ? "" : qPrintable(res.error().detail));
        QCOMPARE(res->files, quint64(3));
        QCOMPARE(res->rejects, quint64(303));
        QCOMPARE(res->ignored, quint64(300));
        QCOMPARE(res->unparsed, quint64(1)); // the truncated last line
        QCOMPARE(store.size(), 303u);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(),
                 quint64(QFileInfo(p0).size() + QFileInfo(p1).size() + QFileInfo(p2).size()));

        // time order across the set and the New Year: Dec 31 2026, Jan 1 2027
        for (std::uint32_t r = 1; r < store.size(); ++r)
            QVERIFY(store.timeMs(r) >= store.timeMs(r - 1));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(store.timeMs(300), Qt::UTC).date(),
                 QDate(2026, 12, 31));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(store.timeMs(301), Qt::UTC).date(),
                 QDate(2027, 1, 1));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(store.timeMs(0), Qt::UTC).date(),
                 QDate(2026, 12, 20));

        // raw lines are re-read from the files (plain and gzip)
        QCOMPARE(store.rawLine(0) + '\n', rejectLine("Dec 20 10:00:00", 0));
        QCOMPARE(store.rawLine(299) + '\n', rejectLine("Dec 20 10:00:00", 299));
        QCOMPARE(store.rawLine(301) + '\n', rejectLine("Jan  1 00:00:01", 1001));
        QCOMPARE(store.rawLine(302) + '\n', rejectLine("Jan  2 08:00:00", 2000));
    }

    void cancellation() {
        QTemporaryDir dir;
        QByteArray data;
        for (int i = 0; i < 40000; ++i)
            data += rejectLine("Aug  9 07:48:48", i);
        const QString p = dir.filePath(QStringLiteral("mail.log.2.gz"));
        QVERIFY(writeGzip(p, data));
        const QString q = dir.filePath(QStringLiteral("mail.log"));
        QVERIFY(writeFile(q, data));
        EventStore store;
        std::atomic<bool> cancel{false};
        const auto res = loadHistory(
            {p, q}, store, HistoryOptions(),
            [&](std::uint64_t, std::uint64_t, int) { cancel = true; }, &cancel);
        QVERIFY(!res.ok());
        QCOMPARE(res.error().code, QStringLiteral("logs.history.cancelled"));
        QVERIFY(store.size() < 80000u);
    }

    // History loading appends on a second thread: the same rows, in the same order, with the
    // same raw lines, as one thread feeding odd-sized chunks — also for lines that straddle the
    // 1 MiB chunks (the parser's copy of a carried line must outlive the chunk).
    void pipelinedLoadEqualsPlainIngest() {
        QTemporaryDir dir;
        QByteArray data;
        for (int i = 0; data.size() < 3 * 1024 * 1024 + 777; ++i) {
            data += (i % 3) ? rejectLine("Aug  9 07:48:48", i) : noiseLine("Aug  9 07:48:49");
            if (i % 997 == 0) // a long line now and then: chunk boundaries fall inside lines
                data += QByteArray("Aug  9 07:48:50 mx1 postfix/smtpd[9]: NOQUEUE: reject: RCPT "
                                   "from x[192.0.2.9]: 554 5.7.1 <y@z.example>: ") +
                        QByteArray(3000 + i % 5000, 'q') + " from=<a@b.example> to=<y@z.example>\n";
        }
        data += rejectLine("Aug  9 07:48:51", 999999).chopped(1); // no final newline
        const QString path = dir.filePath(QStringLiteral("mail.log"));
        QVERIFY(writeFile(path, data));
        HistoryOptions options;
        options.referenceUtcMs =
            QDateTime(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        EventStore piped;
        const auto loaded = loadHistory({path}, piped, options);
        QVERIFY(loaded.ok());

        EventStore plain;
        LogIngestor ingestor(plain);
        ingestor.parser().time().setReference(options.referenceUtcMs, 0);
        LogSource src;
        src.path = path;
        ingestor.beginSource(plain.addSource(src));
        for (qsizetype at = 0, step = 1; at < data.size(); at += step, step = step * 7 % 65521 + 1)
            ingestor.feed(data.constData() + at, std::size_t(std::min(step, data.size() - at)));
        ingestor.finish();

        QCOMPARE(loaded->lines, ingestor.stats().lines);
        QCOMPARE(loaded->events, ingestor.stats().events);
        QCOMPARE(loaded->rejects, ingestor.stats().rejects);
        QCOMPARE(piped.size(), plain.size());
        QVERIFY(piped.size() > 10000u);
        for (std::uint32_t row = 0; row < piped.size(); ++row) {
            QCOMPARE(piped.rawLine(row), plain.rawLine(row));
            QCOMPARE(piped.sender(row), plain.sender(row));
            QCOMPARE(piped.text(row), plain.text(row));
            QCOMPARE(piped.timeMs(row), plain.timeMs(row));
        }
    }

    void missingFileIsAnError() {
        EventStore store;
        const auto res =
            loadHistory({QStringLiteral("/nonexistent/mail.log")}, store, HistoryOptions());
        QVERIFY(!res.ok());
        QCOMPARE(res.error().code, QStringLiteral("logs.history.open"));
    }

    void corruptGzipIsAnErrorButKeepsWhatWasRead() {
        QTemporaryDir dir;
        QByteArray data;
        for (int i = 0; i < 2000; ++i)
            data += rejectLine("Aug  9 07:48:48", i);
        const QString p = dir.filePath(QStringLiteral("mail.log.2.gz"));
        QVERIFY(writeGzip(p, data));
        QFile f(p);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray gz = f.readAll();
        for (qsizetype i = gz.size() / 2; i < gz.size() / 2 + 64; ++i)
            gz[i] = static_cast<char>(gz[i] ^ 0x5a);
        f.seek(0);
        f.write(gz);
        f.close();
        EventStore store;
        const auto res = loadHistory({p}, store, HistoryOptions());
        QVERIFY(!res.ok());
        QCOMPARE(res.error().code, QStringLiteral("logs.history.corrupt"));
    }
};

QTEST_GUILESS_MAIN(TestLogHistory)
#include "tst_loghistory.moc"
