// The event store: interning, filters (also incremental), group-bys, relay grouping and the
// "one relay network, many random non-existent sender domains" pattern of DESIGN.md.

#include "core/logs/EventStore.h"
#include "core/logs/LogIngest.h"
#include "core/logs/MappedBlock.h"
#include "core/logs/PatternDetector.h"
#include "core/logs/RejectSummary.h"

#include <QDateTime>
#include <QFile>
#include <QtTest/QtTest>

#include <map>
#include <numeric>

using namespace maildeck::logs;

namespace {

const std::int64_t kRef = QDateTime(QDate(2026, 8, 10), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();

// "prefix" + number (appending: GCC 12 warns wrongly about "literal" + std::string at -O3).
std::string cat(std::string prefix, int n) {
    prefix.append(std::to_string(n));
    return prefix;
}

void feed(LogIngestor &in, const QByteArray &text) {
    in.feed(text.constData(), static_cast<std::size_t>(text.size()));
}

void ingest(EventStore &, LogIngestor &in, const QByteArray &text) {
    feed(in, text);
    in.finish();
}

QByteArray yahooLine(int mta, const QByteArray &domain, int minute) {
    return QByteArray("Aug  9 08:") + QByteArray::number(minute).rightJustified(2, '0') +
           ":00 mx1 postfix/smtpd[3003]: NOQUEUE: reject: RCPT from mta" + QByteArray::number(mta) +
           ".mail.bbt.yahoo.co.jp[182.22.12." + QByteArray::number(mta % 250) + "]: 450 4.1.8 <a@" +
           domain + ">: Sender address rejected: Domain not found; from=<a@" + domain +
           "> to=<info@example.jp> proto=ESMTP helo=<mta" + QByteArray::number(mta) +
           ".mail.bbt.yahoo.co.jp>\n";
}

QByteArray sample() {
    QByteArray s;
    s += "Aug  9 07:48:48 mx1 postfix/smtpd[2001]: NOQUEUE: reject: RCPT from "
         "web01.example.org[198.51.100.20]: 554 5.7.1 <bob@example.jp>: Recipient address "
         "rejected: SMTP AUTH is required for users under this sender domain; "
         "from=<www@example.jp> to=<bob@example.jp> proto=ESMTP helo=<web01.example.org>\n";
    s += "Aug  9 07:48:49 mx1 postfix/smtpd[2001]: connect from web01.example.org[198.51.100.20]\n";
    s += "Aug  9 07:50:01 mx1 postfix/smtpd[2002]: NOQUEUE: reject: RCPT from "
         "pc12.example.jp[192.0.2.55]: 504 5.5.2 <WIN-ABC123>: Helo command rejected: need "
         "fully-qualified hostname; from=<taro@example.jp> to=<hanako@example.com> proto=ESMTP "
         "helo=<WIN-ABC123>\n";
    s += "Aug  9 07:51:10 mx1 postfix/smtpd[2003]: NOQUEUE: reject: RCPT from "
         "pc12.example.jp[192.0.2.55]: 450 4.7.1 <wlm-pc.example.local>: Helo command rejected: "
         "Host not found; from=<taro@example.jp> to=<hanako@example.com> proto=ESMTP "
         "helo=<wlm-pc.example.local>\n";
    s += "Aug  9 07:52:33 mx1 postfix/smtpd[2004]: NOQUEUE: reject: RCPT from "
         "pc12.example.jp[192.0.2.55]: 454 4.7.1 <hanako@example.com>: Relay access denied; "
         "from=<taro@example.jp> to=<hanako@example.com> proto=ESMTP helo=<pc12.example.jp>\n";
    s += "Aug  9 07:53:00 mx1 dovecot: pop3-login: Disconnected (tried to use disallowed plaintext "
         "auth): user=<>, rip=192.0.2.55, lip=192.0.2.1, session=<AbCdEf12>\n";
    s += "Aug  9 07:54:00 mx1 postfix/smtpd[12345]: NOQUEUE: reject: RCPT from "
         "unknown[203.0.113.7]: 554 5.7.1 Service unavailable; Client host [203.0.113.7] blocked "
         "using zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.7; "
         "from=<a@spam.test> to=<x@example.jp> proto=ESMTP helo=<spam.test>\n";
    s += "garbage \x01\x02 line\n";
    return s;
}

} // namespace

class TestEventStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ingestCountsAndFields() {
        EventStore store;
        LogIngestor in(store);
        in.parser().time().setReference(kRef, 540);
        in.beginSource(store.addSource(LogSource{QStringLiteral("test"), {}, false, true}));
        ingest(store, in, sample());
        QCOMPARE(in.stats().lines, quint64(8));
        QCOMPARE(in.stats().events, quint64(6));
        QCOMPARE(in.stats().rejects, quint64(5));
        QCOMPARE(in.stats().ignored, quint64(1));
        QCOMPARE(in.stats().unparsed, quint64(1));
        QCOMPARE(store.size(), 6u);

        const EventRecord r = store.record(0);
        QCOMPARE(r.reason, ReasonClass::IredapdSmtpAuthRequired);
        QCOMPARE(r.clientIp, QStringLiteral("198.51.100.20"));
        QCOMPARE(r.sender, QStringLiteral("www@example.jp"));
        QCOMPARE(r.smtpCode, 554);
        QCOMPARE(r.enhancedCode, QStringLiteral("5.7.1"));
        QCOMPARE(r.utcOffsetMin, 540);
        QCOMPARE(QString::fromUtf8(store.rawLine(0)),
                 QString::fromUtf8(sample().split('\n').at(0)));
        QCOMPARE(QByteArray(store.senderDomain(0).data(),
                            static_cast<qsizetype>(store.senderDomain(0).size())),
                 QByteArray("example.jp"));
        QCOMPARE(store.record(4).reason, ReasonClass::DovecotPlaintextDisallowed);
        // interning: the same client host is stored once
        QCOMPARE(store.clientHostId(1), store.clientHostId(3));
    }

    void filters_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("count");
        QTest::newRow("client ip") << "client"
                                   << "192.0.2.55" << 4;
        QTest::newRow("client cidr") << "client"
                                     << "192.0.2.0/24" << 4;
        QTest::newRow("client cidr miss") << "client"
                                          << "192.0.3.0/24" << 0;
        QTest::newRow("client host substring") << "client"
                                               << "PC12.example" << 3;
        QTest::newRow("client relay group") << "client"
                                            << "example.org" << 1;
        QTest::newRow("sender domain") << "senderDomain"
                                       << "example.jp" << 4;
        QTest::newRow("sender domain with @") << "senderDomain"
                                              << "@spam.test" << 1;
        QTest::newRow("recipient domain") << "recipientDomain"
                                          << "example.com" << 3;
        QTest::newRow("free text helo") << "text"
                                        << "win-abc" << 1;
        QTest::newRow("free text reason id") << "text"
                                             << "helo." << 2;
        QTest::newRow("free text reason id, any case") << "text"
                                                       << "HELO.NON_" << 1;
        QTest::newRow("free text rbl list") << "text"
                                            << "spamhaus" << 1;
        QTest::newRow("free text ip") << "text"
                                      << "203.0.113" << 1;
        QTest::newRow("reason") << "reason"
                                << "relay.denied" << 1;
        QTest::newRow("two reasons") << "reason"
                                     << "helo.non_fqdn,helo.unknown_host" << 2;
        QTest::newRow("kind dovecot") << "kind"
                                      << "dovecot" << 1;
        QTest::newRow("time from 07:51 JST") << "from"
                                             << "2026-08-08T22:51:00Z" << 4;
    }
    void filters() {
        QFETCH(QString, what);
        QFETCH(QString, value);
        QFETCH(int, count);
        EventStore store;
        LogIngestor in(store);
        in.parser().time().setReference(kRef, 540);
        in.beginSource(store.addSource(LogSource{QStringLiteral("test"), {}, false, true}));
        ingest(store, in, sample());

        EventFilter f;
        if (what == QLatin1String("client"))
            f.client = value;
        else if (what == QLatin1String("senderDomain"))
            f.senderDomain = value;
        else if (what == QLatin1String("recipientDomain"))
            f.recipientDomain = value;
        else if (what == QLatin1String("text"))
            f.text = value;
        else if (what == QLatin1String("reason"))
            for (const QString &id : value.split(QLatin1Char(',')))
                f.reasons.push_back(*reasonFromId(id.toStdString()));
        else if (what == QLatin1String("kind"))
            f.kindsAny = EventKind::Dovecot;
        else if (what == QLatin1String("from"))
            f.fromMs = QDateTime::fromString(value, Qt::ISODate).toMSecsSinceEpoch();
        QCOMPARE(int(store.select(f).size()), count);
    }

    void filteredViewIsIncremental() {
        EventStore store;
        LogIngestor in(store);
        in.parser().time().setReference(kRef, 540);
        in.beginSource(store.addSource(LogSource{QStringLiteral("live"), {}, false, true}));
        EventFilter f;
        f.senderDomain = QStringLiteral("zz-random.jp");
        FilteredView view(store, f);
        QCOMPARE(view.update(), std::size_t(0));
        ingest(store, in, sample());
        QCOMPARE(view.update(), std::size_t(0));
        // a new domain interned after the view was created still matches
        feed(in, yahooLine(101, "zz-random.jp", 1));
        QCOMPARE(view.update(), std::size_t(1));
        feed(in, yahooLine(102, "zz-random.jp", 2));
        feed(in, yahooLine(103, "other.jp", 3));
        QCOMPARE(view.update(), std::size_t(1));
        QCOMPARE(view.rows().size(), std::size_t(2));
        QCOMPARE(view.rows().back(), store.size() - 2);
    }

    void relayGroups_data() {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("group");
        QTest::newRow("yahoo.co.jp relay") << "mta123.mail.bbt.yahoo.co.jp"
                                           << "mail.bbt.yahoo.co.jp";
        QTest::newRow("upper case") << "MTA7.Mail.BBT.Yahoo.co.jp"
                                    << "mail.bbt.yahoo.co.jp";
        QTest::newRow("google") << "mail-oi1-f170.google.com"
                                << "google.com";
        QTest::newRow("registered domain stays") << "example.com"
                                                 << "example.com";
        QTest::newRow("co.jp registered domain stays") << "yahoo.co.jp"
                                                       << "yahoo.co.jp";
        QTest::newRow("one below co.jp") << "smtp.example.co.jp"
                                         << "example.co.jp";
        QTest::newRow("trailing dot") << "mx1.example.net."
                                      << "example.net";
    }
    void relayGroups() {
        QFETCH(QString, host);
        QFETCH(QString, group);
        std::string buffer;
        const std::string_view got = EventStore::relayGroupOf(host.toStdString(), buffer);
        QCOMPARE(QString::fromUtf8(got.data(), qsizetype(got.size())), group);
    }

    void groupBysAndPattern() {
        EventStore store;
        LogIngestor in(store);
        in.parser().time().setReference(kRef, 540);
        in.beginSource(store.addSource(LogSource{QStringLiteral("live"), {}, false, true}));
        ingest(store, in, sample());
        const char *randomDomains[] = {"zrbzzfmaewphpyi.jp", "qxkvbnmtrw.jp",   "hjkdfgrtyxcv.com",
                                       "wqzpltkrmn.net",     "xkcdvbnmqwrt.jp", "plmkjnbhgtrf.jp",
                                       "zzxxccvvbbnn.jp",    "trkwqzxpln.com",  "mnbvcxzlkjhg.jp",
                                       "bcdfghjklmnp.jp",    "gkrtvxzqw.co.jp"};
        int minute = 0;
        for (const char *d : randomDomains) {
            feed(in, yahooLine(100 + minute, d, minute));
            feed(in, yahooLine(200 + minute, d, minute + 1));
            ++minute;
        }
        // a different relay with only two unknown sender domains: no finding
        feed(in, QByteArray("Aug  9 09:00:00 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from "
                            "mx.small.example[192.0.2.99]: 450 4.1.8 <a@typo-domain.test>: Sender "
                            "address rejected: Domain not found; from=<a@typo-domain.test> "
                            "to=<info@example.jp> proto=ESMTP helo=<mx.small.example>\n"));
        // SASL hammering from one address
        for (int i = 0; i < 25; ++i)
            feed(in, QByteArray(QByteArray("Aug  9 09:10:") + QByteArray::number(10 + i) +
                                " mx1 postfix/smtpd[7]: warning: unknown[203.0.113.66]: SASL LOGIN "
                                "authentication failed: (reason unavailable), sasl_username=user" +
                                QByteArray::number(i % 5) + "@example.jp\n"));
        in.finish();

        const auto relays = store.groupBy(Dimension::RelayGroup, nullptr, 3);
        // "unknown" clients are grouped by /24: the SASL guesser and the RBL hit share one
        QCOMPARE(relays.at(0).key, QStringLiteral("203.0.113.0/24"));
        QCOMPARE(relays.at(0).count, quint64(26));
        QCOMPARE(relays.at(1).key, QStringLiteral("mail.bbt.yahoo.co.jp"));
        QCOMPARE(relays.at(1).count, quint64(22));
        const auto reasons = store.groupBy(Dimension::Reason, nullptr, 0);
        QCOMPARE(reasons.front().key, QStringLiteral("sasl.auth_failed"));
        QCOMPARE(reasons.front().count, quint64(25));
        const auto ips = store.groupBy(Dimension::ClientIp, nullptr, 1);
        QCOMPARE(ips.front().key, QStringLiteral("203.0.113.66"));
        const auto senders = store.groupBy(Dimension::SenderDomain, nullptr, 0);
        QCOMPARE(senders.front().key, QStringLiteral("example.jp"));
        const auto rcpts = store.groupBy(Dimension::Recipient, nullptr, 1);
        QCOMPARE(rcpts.front().key, QStringLiteral("info@example.jp"));
        QCOMPARE(rcpts.front().count, quint64(23));
        const auto users = store.groupBy(Dimension::User, nullptr, 0);
        QCOMPARE(users.size(), std::size_t(5));

        const auto perReason = store.topRelaysPerReason(nullptr, 2);
        bool found = false;
        for (const auto &rr : perReason) {
            if (rr.reason == ReasonClass::SenderUnknownDomain) {
                found = true;
                QCOMPARE(rr.total, quint64(23));
                QCOMPARE(rr.relays.front().key, QStringLiteral("mail.bbt.yahoo.co.jp"));
                QCOMPARE(rr.relays.at(1).key, QStringLiteral("small.example"));
            }
        }
        QVERIFY(found);

        // per-hour buckets from 07:00 JST
        const std::int64_t from =
            QDateTime(QDate(2026, 8, 8), QTime(22, 0), Qt::UTC).toMSecsSinceEpoch();
        const auto hist = store.histogram(nullptr, from, 3600000, 4);
        QCOMPARE(hist.at(0), 6u);
        QCOMPARE(hist.at(1), 22u);
        QCOMPARE(hist.at(2), 26u);
        QCOMPARE(hist.at(3), 0u);

        const auto findings = PatternDetector::detect(store, nullptr);
        QCOMPARE(findings.size(), std::size_t(2));
        const PatternFinding &auth = findings.at(0);
        QCOMPARE(auth.kind, QStringLiteral("client.auth_bruteforce"));
        QCOMPARE(auth.subject, QStringLiteral("203.0.113.66"));
        QCOMPARE(auth.events, quint64(25));
        QCOMPARE(auth.distinct, 5u);
        const PatternFinding &relay = findings.at(1);
        QCOMPARE(relay.kind, QStringLiteral("relay.random_sender_domains"));
        QCOMPARE(relay.subject, QStringLiteral("mail.bbt.yahoo.co.jp"));
        QCOMPARE(relay.events, quint64(22));
        QCOMPARE(relay.distinct, 11u);
        QVERIFY(relay.randomLooking >= 9);
        QVERIFY(relay.examples.contains(QStringLiteral("zrbzzfmaewphpyi.jp")));
        QCOMPARE(relay.rows.size(), std::size_t(22));
        QVERIFY(relay.firstMs < relay.lastMs);
    }

    void randomLookingDomains_data() {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<bool>("random");
        QTest::newRow("story domain") << "zrbzzfmaewphpyi.jp" << true;
        QTest::newRow("consonant soup") << "qxkvbnmtrw.com" << true;
        QTest::newRow("co.jp label") << "gkrtvxzqw.co.jp" << true;
        QTest::newRow("example.com") << "example.com" << false;
        QTest::newRow("yahoo.co.jp") << "yahoo.co.jp" << false;
        QTest::newRow("short") << "abc.jp" << false;
        QTest::newRow("word") << "mailinglist.org" << false;
        QTest::newRow("japanese romaji") << "kobayashi-shoten.co.jp" << false;
    }
    void randomLookingDomains() {
        QFETCH(QString, domain);
        QFETCH(bool, random);
        QCOMPARE(PatternDetector::looksRandom(domain.toStdString()), random);
    }

    // Rows beyond one column block (64 Ki), IPv4 / IPv6 / no address mixed, two sources (one
    // file-backed with offsets past 4 GiB): every field reads back as appended, and the
    // address and string group-bys (top N kept without a map of every key) agree with a count
    // done here.
    void manyRowsAcrossBlocks() {
        EventStore store;
        const std::uint32_t live =
            store.addSource(LogSource{QStringLiteral("live"), {}, false, true});
        const std::uint32_t file = store.addSource(
            LogSource{QStringLiteral("big.log"), QStringLiteral("/nonexistent"), false, false});
        constexpr int kRows = 150000;
        std::map<QString, std::uint64_t> ipCounts, rcptCounts;
        std::vector<std::string> ips, rcpts, raws;
        for (int i = 0; i < kRows; ++i) {
            std::string ip;
            if (i % 10 == 0)
                ip = cat("2001:db8::", 1 + i % 50);
            else if (i % 10 != 1)
                ip = cat(cat("10.0.", (i % 997) / 256) + '.', i % 997 % 256);
            const std::string rcpt = cat("u", (i * 7) % 13) + "@example.jp";
            const std::string raw = cat("raw line ", i);
            ParsedLine p;
            p.status = ParseStatus::Event;
            p.timeMs = kRef + i;
            p.kinds = EventKind::Reject | (i % 2 ? EventKind::Temporary : EventKind::Permanent);
            p.reason = i % 3 ? ReasonClass::RecipientUnknownUser : ReasonClass::SenderUnknownDomain;
            p.clientHost = "unknown";
            p.clientIp = ip;
            p.recipient = rcpt;
            const std::uint32_t source = i % 2 ? file : live;
            const std::uint64_t offset = (5ULL << 30) + std::uint64_t(i) * 100;
            QCOMPARE(store.append(p, raw, source, offset), std::uint32_t(i));
            if (!ip.empty())
                ++ipCounts[QString::fromStdString(ip)];
            ++rcptCounts[QString::fromStdString(rcpt)];
            ips.push_back(ip);
            rcpts.push_back(rcpt);
            raws.push_back(raw);
        }
        QCOMPARE(store.size(), std::uint32_t(kRows));
        for (std::uint32_t row : {0u, 1u, 65535u, 65536u, 65537u, 131071u, 131072u, 149999u}) {
            QCOMPARE(store.timeMs(row), kRef + row);
            QCOMPARE(store.reason(row), row % 3 ? ReasonClass::RecipientUnknownUser
                                                : ReasonClass::SenderUnknownDomain);
            QCOMPARE(store.kinds(row),
                     EventKind::Reject | (row % 2 ? EventKind::Temporary : EventKind::Permanent));
            QCOMPARE(store.clientIp(row).toString(), QString::fromStdString(ips[row]));
            QCOMPARE(store.clientIp(row).isNull(), ips[row].empty());
            QCOMPARE(std::string(store.recipient(row)), rcpts[row]);
            const RawRef ref = store.rawRef(row);
            QCOMPARE(ref.source, row % 2 ? file : live);
            QCOMPARE(ref.length, std::uint32_t(raws[row].size()));
            if (row % 2) {
                QCOMPARE(ref.offset, (5ULL << 30) + std::uint64_t(row) * 100); // by offset
            } else {
                QCOMPARE(store.rawLine(row), QByteArray::fromStdString(raws[row])); // copied
            }
        }
        const auto check = [&](Dimension dim, const std::map<QString, std::uint64_t> &counts,
                               std::size_t limit) {
            std::vector<std::pair<std::uint64_t, QString>> expected;
            for (const auto &[key, n] : counts)
                expected.emplace_back(n, key);
            std::sort(expected.begin(), expected.end(),
                      [](const auto &a, const auto &b) { return a.first > b.first; });
            const auto got = store.groupBy(dim, nullptr, limit);
            QCOMPARE(got.size(), limit ? std::min(limit, expected.size()) : expected.size());
            std::uint64_t total = 0;
            for (std::size_t i = 0; i < got.size(); ++i) {
                QCOMPARE(got[i].count, expected[i].first); // same counts, best first
                QCOMPARE(counts.at(got[i].key), got[i].count);
                total += got[i].count;
            }
            if (!limit)
                QCOMPARE(total, std::accumulate(
                                    counts.begin(), counts.end(), std::uint64_t(0),
                                    [](std::uint64_t t, const auto &kv) { return t + kv.second; }));
        };
        check(Dimension::ClientIp, ipCounts, 10);
        check(Dimension::ClientIp, ipCounts, 0);
        check(Dimension::Recipient, rcptCounts, 3);
        check(Dimension::Recipient, rcptCounts, 0);
        // Top relay groups per reason against a count done here.
        std::map<ReasonClass, std::map<std::uint32_t, std::uint64_t>> relays;
        for (std::uint32_t row = 0; row < store.size(); ++row)
            ++relays[store.reason(row)][store.relayGroupId(row)];
        const auto perReason = store.topRelaysPerReason(nullptr, 3);
        QCOMPARE(perReason.size(), relays.size());
        for (const auto &rr : perReason) {
            std::vector<std::uint64_t> expected;
            std::uint64_t total = 0;
            for (const auto &[group, count] : relays[rr.reason]) {
                total += count;
                if (group)
                    expected.push_back(count);
            }
            std::sort(expected.rbegin(), expected.rend());
            QCOMPARE(rr.total, total);
            QCOMPARE(rr.relays.size(), std::min<std::size_t>(3, expected.size()));
            for (std::size_t i = 0; i < rr.relays.size(); ++i) {
                QCOMPARE(rr.relays[i].count, expected[i]);
                QCOMPARE(relays[rr.reason][rr.relays[i].id], rr.relays[i].count);
            }
        }
        EventFilter f;
        f.client = QStringLiteral("10.0.3.0/24");
        std::size_t expected = 0;
        for (const std::string &ip : ips)
            expected += ip.rfind("10.0.3.", 0) == 0 ? 1 : 0;
        QCOMPARE(store.select(f).size(), expected);
    }

    // The pool past several table growths (load factor 3/4) and column blocks: ids are dense,
    // lookups find every string, views stay where they were.
    void stringPoolManyStrings() {
        StringPool pool;
        const std::uint32_t first = pool.intern("first");
        const std::string_view firstView = pool.view(first);
        constexpr int kCount = 200000;
        for (int i = 0; i < kCount; ++i)
            QCOMPARE(pool.intern(cat("s", i)), std::uint32_t(i + 2));
        QCOMPARE(pool.size(), std::uint32_t(kCount + 2));
        for (int i = 0; i < kCount; i += 997) {
            const std::string s = cat("s", i);
            QCOMPARE(pool.find(s), std::uint32_t(i + 2));
            QCOMPARE(pool.intern(s), std::uint32_t(i + 2));
            QCOMPARE(std::string(pool.view(std::uint32_t(i + 2))), s);
        }
        QCOMPARE(pool.find("s-not-there"), UINT32_MAX);
        QCOMPARE(pool.view(first).data(), firstView.data());
        QCOMPARE(pool.intern(""), 0u);
    }

    // Each row's object is the parser's, whichever field it shares its string with (the store
    // keeps one id for the sender, recipient or HELO name it equals) — also on the lab's lines.
    void objectIsWhatWasRejected() {
        QFile lab(QStringLiteral(MAILDECK_SOURCE_DIR "/tests/data/lab-mail.log"));
        QVERIFY(lab.open(QIODevice::ReadOnly));
        const QByteArray text = sample() + lab.readAll();
        EventStore store;
        LogIngestor in(store);
        in.parser().time().setReference(kRef, 540);
        in.beginSource(store.addSource(LogSource{QStringLiteral("live"), {}, false, true}));
        ingest(store, in, text);
        LineParser parser;
        parser.time().setReference(kRef, 540);
        std::uint32_t row = 0;
        int sender = 0, recipient = 0, helo = 0, own = 0;
        for (const QByteArray &line : text.split('\n')) {
            const ParsedLine p = parser.parse(std::string_view(line.constData(), line.size()));
            if (p.status != ParseStatus::Event)
                continue;
            QVERIFY(row < store.size());
            QCOMPARE(std::string(store.object(row)), std::string(p.object));
            QCOMPARE(std::string(store.sender(row)), std::string(p.sender));
            QCOMPARE(std::string(store.recipient(row)), std::string(p.recipient));
            QCOMPARE(std::string(store.helo(row)), std::string(p.helo));
            if (p.object.empty()) {
                // nothing named
            } else if (p.object == p.sender) {
                ++sender;
            } else if (p.object == p.recipient) {
                ++recipient;
            } else if (p.object == p.helo) {
                ++helo;
            } else {
                ++own;
            }
            ++row;
        }
        QCOMPARE(row, store.size());
        QVERIFY(sender > 0 && recipient > 0 && helo > 0 && own > 0);
    }

    // RejectSummary shares its parts out over two threads for a big set (≥ 100 k rows): each
    // part equals what the store's own calls return, on all rows and on a subset.
    void summaryEqualsSeparateCalls() {
        EventStore store;
        LogIngestor in(store);
        in.parser().time().setReference(kRef, 540);
        in.beginSource(store.addSource(LogSource{QStringLiteral("live"), {}, false, true}));
        QByteArray text;
        for (int i = 0; i < 36000; ++i) {
            text += yahooLine(i % 400, cat("rnd", i * 7919 % 100003).c_str() + QByteArray(".jp"),
                              i % 60);
            if (i % 3 == 0)
                text += sample();
        }
        ingest(store, in, text);
        QVERIFY2(store.size() >= 100000, qPrintable(QString::number(store.size())));
        const auto same = [](const std::vector<GroupCount> &a, const std::vector<GroupCount> &b) {
            if (a.size() != b.size())
                return false;
            for (std::size_t i = 0; i < a.size(); ++i)
                if (a[i].key != b[i].key || a[i].count != b[i].count)
                    return false;
            return true;
        };
        SummaryRequest request;
        request.tops = {{Dimension::RelayGroup, 10},
                        {Dimension::SenderDomain, 0},
                        {Dimension::ClientIp, 5},
                        {Dimension::Helo, 3}};
        request.relaysPerReason = 4;
        request.patterns = true;
        std::vector<std::uint32_t> subset;
        for (std::uint32_t r = 0; r < store.size(); r += 2)
            subset.push_back(r);
        for (const std::vector<std::uint32_t> *rows :
             {(const std::vector<std::uint32_t> *)nullptr,
              (const std::vector<std::uint32_t> *)&subset}) {
            const RejectSummary summary = RejectSummary::compute(store, rows, request);
            QVERIFY(same(summary.classes, store.groupBy(Dimension::Reason, rows, 0)));
            QCOMPARE(summary.tops.size(), request.tops.size());
            for (std::size_t i = 0; i < request.tops.size(); ++i)
                QVERIFY(same(summary.tops[i],
                             store.groupBy(request.tops[i].first, rows, request.tops[i].second)));
            const auto relays = store.topRelaysPerReason(rows, 4);
            QCOMPARE(summary.relaysPerReason.size(), relays.size());
            for (std::size_t i = 0; i < relays.size(); ++i) {
                QCOMPARE(summary.relaysPerReason[i].reason, relays[i].reason);
                QCOMPARE(summary.relaysPerReason[i].total, relays[i].total);
                QVERIFY(same(summary.relaysPerReason[i].relays, relays[i].relays));
            }
            const auto findings = PatternDetector::detect(store, rows);
            QVERIFY(!findings.empty());
            QCOMPARE(summary.findings.size(), findings.size());
            for (std::size_t i = 0; i < findings.size(); ++i) {
                QCOMPARE(summary.findings[i].kind, findings[i].kind);
                QCOMPARE(summary.findings[i].subject, findings[i].subject);
                QCOMPARE(summary.findings[i].events, findings[i].events);
            }
        }
        // Only what was asked for.
        SummaryRequest nothing;
        nothing.classes = false;
        const RejectSummary bare = RejectSummary::compute(store, nullptr, nothing);
        QVERIFY(bare.classes.empty() && bare.tops.empty() && bare.relaysPerReason.empty() &&
                bare.findings.empty());
    }

    // mmap'd blocks: zeroed, huge ones 2 MiB-aligned, whole pages, moved without a copy.
    void mappedBlocks() {
        MappedBlock small(10, false);
        QCOMPARE(small.size(), std::size_t(4096));
        MappedBlock huge(3 * 1024 * 1024, true);
        QCOMPARE(huge.size(), 2 * MappedBlock::kHugePage);
        QCOMPARE(reinterpret_cast<std::uintptr_t>(huge.data()) % MappedBlock::kHugePage,
                 std::uintptr_t(0));
        for (std::size_t i = 0; i < huge.size(); i += 4096)
            QCOMPARE(huge.data()[i], '\0');
        huge.data()[huge.size() - 1] = 'x'; // the whole block is writable
        char *at = huge.data();
        MappedBlock moved(std::move(huge));
        QCOMPARE(moved.data(), at);
        QCOMPARE(huge.data(), nullptr);
        small = std::move(moved);
        QCOMPARE(small.data(), at);
        QCOMPARE(small.data()[small.size() - 1], 'x');
        QCOMPARE(MappedBlock(0, true).data(), nullptr);
    }

    // Where the bytes go: past a 2 MiB chunk and a block of references (2^18 ids), strings of a
    // chunk of their own (> 512 KiB) between small ones, the longest string kept and a longer
    // one cut to it; the prefetch hints name the id a string has and nothing for one it lacks.
    void stringPoolLayout() {
        StringPool pool;
        const std::string big(600 * 1024, 'b');
        const std::string longest(StringPool::kMaxLength, 'L');
        std::vector<std::pair<std::uint32_t, std::string>> kept;
        constexpr int kCount = 300000; // ≈ 3.6 MB of text, ids past 262 144
        for (int i = 0; i < kCount; ++i) {
            std::string s = cat("string-", i);
            if (i == 1000)
                s = big + "1";
            if (i == 200000)
                s = big + "2";
            const std::uint32_t id = pool.intern(s);
            if (i % 1009 == 0 || i == 1000 || i == 200000 || i == kCount - 1)
                kept.emplace_back(id, s);
        }
        for (const auto &[id, s] : kept) {
            QCOMPARE(pool.view(id).size(), s.size());
            QVERIFY(pool.view(id) == s);
            QCOMPARE(pool.find(s), id);
            QCOMPARE(pool.likelyId(StringPool::hash(s)) == id ||
                         pool.likelyId(StringPool::hash(s)) == UINT32_MAX,
                     true); // a hint: the first probe's id, or none if it probed on
            pool.prefetchSlot(StringPool::hash(s));
            pool.prefetchEntry(StringPool::hash(s));
            pool.prefetchBytes(StringPool::hash(s));
        }
        const std::uint32_t l = pool.intern(longest);
        QCOMPARE(pool.view(l).size(), StringPool::kMaxLength);
        QCOMPARE(pool.intern(longest + "tail"), l); // cut to the longest kept
        QCOMPARE(pool.intern(longest + "tail", StringPool::hash(longest + "tail")), l);
        QCOMPARE(pool.find(longest + "more"), l);
        QCOMPARE(pool.likelyId(StringPool::hash("never-interned")), UINT32_MAX);
        // Nothing moved: the first strings still read back after everything above.
        QVERIFY(pool.view(kept.front().first) == kept.front().second);
        QVERIFY(pool.bytesUsed() >= 3 * 1024 * 1024 + StringPool::kMaxLength);
    }

    // The free-text search over the pool's bytes finds exactly the strings a plain
    // case-insensitive search finds: matches at the start and end of a string, none across two
    // neighbouring strings, mixed case, a string in a chunk of its own, the two-thread split.
    void stringPoolMarkContaining() {
        StringPool pool;
        std::vector<std::string> strings{"",      "yahoo.co.jp", "mail.YAHOO.com",
                                         "ya",    "hoo.net",     "xYaHoO",
                                         "yahoo", "abcyah",      "oo.example"};
        strings.push_back(std::string(300 * 1024, 'x') + "Yahoo"); // its own chunk
        strings.push_back("after-the-big-one-yahoo");
        std::uint32_t seed = 7;
        for (int i = 0; i < 250000; ++i) { // past the threshold for two threads
            seed = seed * 1103515245u + 12345u;
            std::string s = cat("h", seed % 100000);
            if (seed % 13 == 0)
                s += "yAh";
            if (seed % 17 == 0)
                s = "oO" + s;
            if (seed % 101 == 0)
                s += "yahOO";
            strings.push_back(s);
        }
        for (const std::string &s : strings)
            pool.intern(s);
        auto lower = [](std::string s) {
            for (char &c : s)
                c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
            return s;
        };
        for (const std::string needle : {"yahoo", "y", "oo", "yah", "zzz", "hoo.n", "o"}) {
            std::vector<std::uint8_t> marks;
            pool.markContaining(needle, 0, marks);
            QCOMPARE(marks.size(), std::size_t(pool.size()));
            int found = 0;
            for (std::uint32_t id = 0; id < pool.size(); ++id) {
                const bool expected =
                    lower(std::string(pool.view(id))).find(needle) != std::string::npos;
                QVERIFY2(bool(marks[id]) == expected,
                         qPrintable(QString::fromStdString(
                             needle + " in " + std::string(pool.view(id)).substr(0, 40))));
                found += marks[id];
            }
            if (needle == std::string("yahoo"))
                QVERIFY(found > 2000);
        }
        // Only new strings are searched again (the caches of a live view extend).
        std::vector<std::uint8_t> marks;
        pool.markContaining("yahoo", 0, marks);
        const std::uint32_t before = pool.size();
        pool.intern("new-YAHOO-string");
        pool.intern("new-other");
        pool.markContaining("yahoo", before, marks);
        QCOMPARE(marks.size(), std::size_t(before + 2));
        QCOMPARE(int(marks[before]), 1);
        QCOMPARE(int(marks[before + 1]), 0);
    }

    void ipv6AndRaw() {
        EventStore store;
        LogIngestor in(store);
        in.parser().time().setReference(kRef, 0);
        in.beginSource(store.addSource(LogSource{QStringLiteral("live"), {}, false, true}));
        const QByteArray line(
            "2026-08-09T07:48:48Z mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from "
            "mail.example.net[2001:db8::5]:41234: 550 5.1.1 <x@example.jp>: Recipient address "
            "rejected: User unknown in virtual mailbox table; from=<a@example.net> "
            "to=<x@example.jp> proto=ESMTP helo=<mail.example.net>");
        ingest(store, in, line); // no trailing newline: finish() delivers it
        QCOMPARE(store.size(), 1u);
        QCOMPARE(store.clientIp(0).toString(), QStringLiteral("2001:db8::5"));
        QVERIFY(!store.clientIp(0).isV4());
        QCOMPARE(store.rawLine(0), line);
        EventFilter f;
        f.client = QStringLiteral("2001:db8::/32");
        QCOMPARE(store.select(f).size(), std::size_t(1));
        QVERIFY(store.memoryBytes() > 0);
    }
};

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_eventstore.moc"
