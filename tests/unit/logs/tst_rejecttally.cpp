// The tally behind `maildeck-cli rejects FILE`: counts without rows, read by several threads,
// and equal — keys, counts, order, stats — to the event store's group-bys over the same files.

#include "core/logs/EventStore.h"
#include "core/logs/LogIngest.h"
#include "core/logs/RejectTally.h"
#include "core/logs/StringCounter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <zlib.h>

#include <map>
#include <random>

using namespace maildeck::logs;

namespace {

constexpr std::int64_t kRef = 1786320000000; // 2026-08-10 UTC

const Dimension kDimensions[] = {
    Dimension::Reason,    Dimension::ClientIp, Dimension::RelayGroup, Dimension::SenderDomain,
    Dimension::Recipient, Dimension::Helo,     Dimension::User};

bool writeFile(const QString &path, const QByteArray &data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

bool writeGzip(const QString &path, const QByteArray &data) {
    gzFile gz = gzopen(QFile::encodeName(path).constData(), "wb");
    return gz && gzwrite(gz, data.constData(), static_cast<unsigned>(data.size())) == data.size() &&
           gzclose(gz) == Z_OK;
}

QByteArray labLog() {
    QFile f(QStringLiteral(MAILDECK_SOURCE_DIR "/tests/data/lab-mail.log"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A log of every shape the groupings treat differently: named relays in mixed case (a
// second-level suffix and not), "unknown" clients by network (IPv4 and IPv6), "unknown"
// without an address, postscreen (no name), sender domains in mixed case, addresses without a
// domain, logins, the lab's captured lines, garbage and empty lines — many keys with equal
// counts, so that the order of ties is tested too.
QByteArray syntheticLog(int rounds) {
    std::mt19937 rng(7);
    QByteArray out;
    const QByteArray lab = labLog();
    for (int i = 0; i < rounds; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray r = QByteArray::number(rng() % 997);
        const QByteArray octet = QByteArray::number(rng() % 256);
        QByteArray host = "unknown";
        if (i % 3 == 0)
            host = "MTA" + r + ".Mail.BBT.Yahoo.co.jp";
        else if (i % 3 == 1)
            host = "out" + r + ".mx.example.com";
        QByteArray ip = "203.0." + octet + "." + r.right(2);
        if (i % 7 == 0)
            ip = "2001:db8:" + QByteArray::number(rng() % 9) + "::" + r;
        const QByteArray domain =
            QByteArray(i % 5 == 0 ? "Rnd" : "rnd") + r + (i % 5 ? ".jp" : ".JP");
        out += "Aug  9 08:" + QByteArray::number(10 + i % 50) +
               ":00 mx1 postfix/smtpd[3003]: NOQUEUE: reject: RCPT from " + host + "[" + ip +
               "]: 450 4.1.8 <a" + n + "@" + domain +
               ">: Sender address rejected: Domain not found; from=<a" + n + "@" + domain +
               "> to=<user" + QByteArray::number(rng() % 40) + "@example.jp> proto=ESMTP helo=<h" +
               r + ".example>\n";
        if (i % 4 == 0)
            out += "Aug  9 08:20:01 mx1 postfix/smtpd[3004]: warning: unknown[198.51.100." +
                   r.right(2) + "]: SASL LOGIN authentication failed: UGFzc3dvcmQ6\n";
        if (i % 6 == 0)
            out += "Aug  9 08:20:02 mx1 dovecot: imap-login: Disconnected (auth failed, 1 attempts "
                   "in 2 secs): user=<u" +
                   r + "@example.jp>, method=PLAIN, rip=192.0.2." + r.right(2) +
                   ", lip=192.0.2.1, session=<x>\n";
        if (i % 9 == 0)
            out += "Aug  9 08:20:03 mx1 postfix/postscreen[77]: NOQUEUE: reject: RCPT from [" + ip +
                   "]:4711: 550 5.7.1 Service unavailable; client [" + ip +
                   "] blocked using zen.spamhaus.org; from=<x@" + domain +
                   ">, to=<info@example.jp>, proto=ESMTP, helo=<spam.test>\n";
        if (i % 11 == 0)
            out += "Aug  9 08:20:04 mx1 postfix/smtpd[3005]: NOQUEUE: reject: RCPT from "
                   "unknown[unknown]: 554 5.7.1 <nodomain>: Relay access denied; from=<nodomain> "
                   "to=<x@elsewhere.test> proto=SMTP helo=<x>\n";
        if (i % 13 == 0)
            out += "\ngarbage \x01\x02 line\n";
        if (i % 50 == 0)
            out += lab;
    }
    return out;
}

std::vector<GroupCount> storeTop(const EventStore &store, Dimension d, std::size_t limit) {
    return store.groupBy(d, nullptr, limit);
}

QString describe(const std::vector<GroupCount> &groups) {
    QStringList parts;
    for (const GroupCount &g : groups)
        parts << g.key + QLatin1Char('=') + QString::number(g.count);
    return parts.join(QLatin1Char(' '));
}

void compareStats(const IngestStats &a, const IngestStats &b) {
    QCOMPARE(a.lines, b.lines);
    QCOMPARE(a.events, b.events);
    QCOMPARE(a.rejects, b.rejects);
    QCOMPARE(a.ignored, b.ignored);
    QCOMPARE(a.unparsed, b.unparsed);
    QCOMPARE(a.bytes, b.bytes);
    QCOMPARE(a.files, b.files);
}

// Tallies the files with each number of parsing threads and both block sizes and compares
// every dimension (all entries, and a top 7) with the store's over the same files.
void compareWithStore(const QStringList &files) {
    EventStore store;
    HistoryOptions history;
    history.referenceUtcMs = kRef;
    const auto loaded = loadHistory(files, store, history);
    QVERIFY(loaded.ok());
    for (const unsigned parsers : {1u, 2u, 3u}) {
        for (const std::size_t block : {std::size_t(0), std::size_t(1) << 20}) {
            TallyOptions options;
            options.referenceUtcMs = kRef;
            options.parsers = parsers;
            options.blockBytes = block; // 0: the smallest (two maximal lines)
            const auto tallied = tallyHistory(files, options);
            QVERIFY(tallied.ok());
            compareStats(tallied.value().stats, loaded.value());
            const RejectTally &tally = *tallied.value().tally;
            QCOMPARE(tally.events(), std::uint64_t(store.size()));
            for (const Dimension d : kDimensions) {
                QVERIFY(RejectTally::counts(d));
                for (const std::size_t limit : {std::size_t(0), std::size_t(7)}) {
                    const auto expected = storeTop(store, d, limit);
                    const auto got = tally.top(d, limit);
                    if (describe(got) != describe(expected))
                        QFAIL(qPrintable(
                            QStringLiteral("dimension %1, limit %2, %3 parsers:\n "
                                           "tally %4\n store %5")
                                .arg(int(d))
                                .arg(limit)
                                .arg(parsers)
                                .arg(describe(got).left(600), describe(expected).left(600))));
                }
            }
        }
    }
}

} // namespace

class TestRejectTally : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void equalsStoreOnTheLabsLog() {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("mail.log"));
        QVERIFY(writeFile(log, labLog()));
        compareWithStore({log});
    }

    void equalsStoreOnALargeMixedLog() {
        QTemporaryDir dir;
        const QByteArray text = syntheticLog(6000);
        QVERIFY2(text.size() > 3 << 20, "big enough for many blocks");
        const QString log = dir.filePath(QStringLiteral("mail.log"));
        QVERIFY(writeFile(log, text));
        compareWithStore({log});
        // The dimensions really have ties and both kinds of relay group (else the test is weak).
        const auto tallied = tallyHistory({log}, TallyOptions{});
        QVERIFY(tallied.ok());
        const auto groups = tallied.value().tally->top(Dimension::RelayGroup, 0);
        QVERIFY(std::any_of(groups.begin(), groups.end(), [](const GroupCount &g) {
            return g.key.endsWith(QLatin1String("/24"));
        }));
        QVERIFY(std::any_of(groups.begin(), groups.end(), [](const GroupCount &g) {
            return g.key.endsWith(QLatin1String("/48"));
        }));
        QVERIFY(std::any_of(groups.begin(), groups.end(), [](const GroupCount &g) {
            return g.key == QLatin1String("mail.bbt.yahoo.co.jp");
        }));
        const auto domains = tallied.value().tally->top(Dimension::SenderDomain, 0);
        QVERIFY(domains.size() > 100);
        QCOMPARE(domains[domains.size() - 1].count, domains[domains.size() - 2].count);
    }

    void rotatedSetWithGzipAndBrokenLines() {
        // Lines over 64 KiB (one inside a block, one longer than a block), empty lines, and a
        // last line without '\n', over a rotated set with a gzip member.
        QTemporaryDir dir;
        const QByteArray body = syntheticLog(800);
        QByteArray live = body.left(body.size() / 2);
        live += "Aug  9 09:00:00 mx1 postfix/smtpd[1]: " + QByteArray(70 * 1024, 'x') + "\n\n";
        live += body.mid(body.size() / 2, 20000);
        live += QByteArray(300 * 1024, 'y') + "\n";
        live += body.mid(body.size() / 2 + 20000);
        live += "Aug  9 09:01:00 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from "
                "unknown[192.0.2.9]: 554 5.7.1 <x@y.test>: Relay access denied; from=<a@b.test> "
                "to=<x@y.test> proto=SMTP helo=<z>"; // no '\n'
        const QString plain = dir.filePath(QStringLiteral("mail.log"));
        const QString rotated = dir.filePath(QStringLiteral("mail.log.1"));
        const QString gz = dir.filePath(QStringLiteral("mail.log.2.gz"));
        QVERIFY(writeFile(plain, live));
        QVERIFY(writeFile(rotated, body.left(100000)));
        QVERIFY(writeGzip(gz, body));
        const QStringList files = orderRotatedSet({plain, rotated, gz});
        compareWithStore(files);
        const auto tallied = tallyHistory(files, TallyOptions{});
        QVERIFY(tallied.ok());
        QVERIFY(tallied.value().stats.unparsed >= 2); // the two long lines at least
        QCOMPARE(tallied.value().stats.files, std::uint64_t(3));
    }

    void cancelledAndMissingFiles() {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("mail.log"));
        QVERIFY(writeFile(log, syntheticLog(2000)));
        std::atomic<bool> cancel{true};
        const auto cancelled = tallyHistory({log}, TallyOptions{}, {}, &cancel);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, QStringLiteral("logs.history.cancelled"));
        const auto missing = tallyHistory({dir.filePath(QStringLiteral("nope.log"))}, {});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("logs.history.open"));
    }

    void progressReachesTheTotal() {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("mail.log.1"));
        const QString b = dir.filePath(QStringLiteral("mail.log"));
        QVERIFY(writeFile(a, syntheticLog(1500)));
        QVERIFY(writeFile(b, syntheticLog(700)));
        std::uint64_t last = 0, total = 0;
        int lastFile = -1;
        const auto r = tallyHistory({a, b}, {}, [&](std::uint64_t done, std::uint64_t all, int f) {
            QVERIFY(done >= last);
            last = done;
            total = all;
            lastFile = f;
        });
        QVERIFY(r.ok());
        QCOMPARE(last, total);
        QCOMPARE(total, std::uint64_t(QFileInfo(a).size() + QFileInfo(b).size()));
        QCOMPARE(lastFile, 1);
    }

    void stringCounterCountsLikeAMap() {
        StringCounter counter;
        std::map<std::string, std::uint32_t> expected;
        std::mt19937 rng(3);
        for (int i = 0; i < 200000; ++i) {
            std::string key = "k" + std::to_string(rng() % 30000);
            if (i % 1000 == 0)
                key += std::string(5000 + i % 7, 'z'); // past a cache line, different lengths
            const std::uint32_t n = 1 + rng() % 3;
            counter.add(key, n);
            expected[key] += n;
        }
        QCOMPARE(counter.size(), expected.size());
        std::size_t seen = 0;
        counter.forEach([&](std::string_view key, std::uint32_t count) {
            ++seen;
            const auto it = expected.find(std::string(key));
            QVERIFY(it != expected.end());
            QCOMPARE(count, it->second);
        });
        QCOMPARE(seen, expected.size());
    }

    void stringCounterSeparatesEqualHashBits() {
        // Keys given the same (wrong) hash land in one probe run and still count apart.
        StringCounter counter;
        for (int i = 0; i < 1000; ++i)
            counter.add("key" + std::to_string(i % 10), 42, 1);
        QCOMPARE(counter.size(), std::size_t(10));
        counter.forEach([](std::string_view, std::uint32_t count) { QCOMPARE(count, 100u); });
    }
};

QTEST_GUILESS_MAIN(TestRejectTally)
#include "tst_rejecttally.moc"
