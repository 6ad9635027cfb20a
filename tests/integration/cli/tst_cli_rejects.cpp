// maildeck-cli rejects: the classification of the lab's real mail log, from files (also split
// into a rotated set with gzip) and from the server over SSH, and --follow printing a reject
// that the lab's Postfix logs while the command runs.

#include "CliLab.h"
#include "integration/lab/LabClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <csignal>

class TestCliRejects : public CliLab {
    Q_OBJECT
    QString m_log; // a copy of the lab's mail log as it was at the start

    static QJsonObject json(const Run &r) {
        const QJsonDocument d = QJsonDocument::fromJson(r.out);
        return d.object();
    }
    // Rejects counted without MailDeck: Postfix's "reject:" lines (smtpd, postscreen, cleanup).
    static int grepRejects(const QByteArray &text) {
        static const QRegularExpression re(QStringLiteral(
            R"(^\S+\s+\S+\s+\S+ \S+ postfix/[^\[]+\[\d+\]: [0-9A-Za-z]+: reject: )"));
        int n = 0;
        for (const QByteArray &line : text.split('\n'))
            if (re.match(QString::fromUtf8(line)).hasMatch())
                ++n;
        return n;
    }

private Q_SLOTS:
    void initTestCase() {
        setUp(QStringLiteral("tst_cli_rejects"));
        addProfile(QStringLiteral("logs"), knownHostsCopy(QStringLiteral("known_hosts_logs")),
                   {QStringLiteral("--mail-log"), LabEnv::value("LAB_MAILLOG")});
        QFile live(LabEnv::value("LAB_MAILLOG"));
        QVERIFY(live.open(QIODevice::ReadOnly));
        QByteArray text = live.readAll();
        text.truncate(text.lastIndexOf('\n') + 1); // a line being written stays out
        m_log = writeFile(QStringLiteral("mail.log"), text);
        QVERIFY(!m_log.isEmpty());
    }

    void fileSummaryMatchesTheLog() {
        const Run r = cli({QStringLiteral("rejects"), QStringLiteral("--json"), m_log});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        const QJsonObject o = json(r);
        QFile f(m_log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QCOMPARE(o.value(QStringLiteral("lines")).toInteger(), text.count('\n'));
        const int rejects = grepRejects(text);
        QVERIFY2(rejects > 0, "the lab's traffic left no reject in the log");
        QCOMPARE(o.value(QStringLiteral("rejects")).toInteger(), rejects);
        qint64 sum = 0;
        const QJsonObject classes = o.value(QStringLiteral("classes")).toObject();
        for (auto it = classes.begin(); it != classes.end(); ++it)
            sum += it.value().toInteger();
        QCOMPARE(sum, o.value(QStringLiteral("events")).toInteger());
        // The lab's traffic script makes these (tests/lab/traffic).
        for (const char *c : {"recipient.unknown_user", "relay.denied", "sasl.auth_failed",
                              "helo.non_fqdn", "policy.iredapd.smtp_auth_required"})
            QVERIFY2(classes.value(QLatin1String(c)).toInteger() > 0, c);
        const QJsonObject top = o.value(QStringLiteral("top")).toObject();
        for (const char *d : {"client_ip", "relay_group", "sender_domain", "recipient"})
            QVERIFY2(!top.value(QLatin1String(d)).toArray().isEmpty(), d);
        // The text form says the same numbers.
        const Run t = cli({QStringLiteral("rejects"), m_log});
        QCOMPARE(t.code, 0);
        QVERIFY2(t.out.startsWith(QByteArray(QByteArray::number(text.count('\n')) + " lines, ")),
                 t.out.left(200).constData());
    }

    void rotatedSetWithGzipGivesTheSameCounts() {
        QFile f(m_log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        const qsizetype third = lines.size() / 3;
        const auto part = [&](qsizetype from, qsizetype to) {
            QByteArray b;
            for (qsizetype i = from; i < to && i < lines.size(); ++i)
                if (!lines.at(i).isEmpty())
                    b += lines.at(i) + '\n';
            return b;
        };
        const QString dir = m_tmp.path() + QStringLiteral("/rotated");
        QVERIFY(QDir().mkpath(dir));
        const QString base = dir + QStringLiteral("/mail.log");
        const auto write = [](const QString &path, const QByteArray &data) {
            QFile out(path);
            return out.open(QIODevice::WriteOnly) && out.write(data) == data.size();
        };
        QVERIFY(write(base + QStringLiteral(".2"), part(0, third)));
        QCOMPARE(QProcess::execute(QStringLiteral("gzip"),
                                   {QStringLiteral("-f"), base + QStringLiteral(".2")}),
                 0);
        QVERIFY(write(base + QStringLiteral(".1"), part(third, 2 * third)));
        QVERIFY(write(base, part(2 * third, lines.size())));
        // Given in any order: MailDeck reads them oldest first.
        const Run split = cli({QStringLiteral("rejects"), QStringLiteral("--json"), base,
                               base + QStringLiteral(".2.gz"), base + QStringLiteral(".1")});
        QVERIFY2(split.code == 0, qPrintable(split.describe()));
        const Run whole = cli({QStringLiteral("rejects"), QStringLiteral("--json"), m_log});
        QCOMPARE(json(split).value(QStringLiteral("rejects")),
                 json(whole).value(QStringLiteral("rejects")));
        QCOMPARE(json(split).value(QStringLiteral("classes")),
                 json(whole).value(QStringLiteral("classes")));
        QCOMPARE(json(split).value(QStringLiteral("lines")),
                 json(whole).value(QStringLiteral("lines")));
    }

    void usageErrors() {
        QCOMPARE(cli({QStringLiteral("rejects")}).code, 2);
        QCOMPARE(cli({QStringLiteral("--profile"), QStringLiteral("logs"),
                      QStringLiteral("rejects"), m_log})
                     .code,
                 2);
        QCOMPARE(
            cli({QStringLiteral("rejects"), m_tmp.path() + QStringLiteral("/nothing.log")}).code,
            2);
        QCOMPARE(
            cli({QStringLiteral("rejects"), QStringLiteral("--top"), QStringLiteral("0"), m_log})
                .code,
            2);
        // Garbage is counted as unparsed, not a failure.
        const QString junk =
            writeFile(QStringLiteral("junk.log"), QByteArray("\x01\x02\xff\xfe binary\n", 13) +
                                                      QByteArray(300000, 'x') + "\nAug  9 07:48\n");
        const Run r = cli({QStringLiteral("rejects"), QStringLiteral("--json"), junk});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(json(r).value(QStringLiteral("events")).toInteger(), 0);
        QCOMPARE(json(r).value(QStringLiteral("lines")).toInteger(), 3);
    }

    void serverSummary() {
        const Run r =
            cli({QStringLiteral("--profile"), QStringLiteral("logs"), QStringLiteral("rejects"),
                 QStringLiteral("--json"), QStringLiteral("--since"), QStringLiteral("24")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        const QJsonObject o = json(r);
        // At least what the copy at the start had (the log only grows during the run).
        const Run file = cli({QStringLiteral("rejects"), QStringLiteral("--json"), m_log});
        QVERIFY(o.value(QStringLiteral("lines")).toInteger() >=
                json(file).value(QStringLiteral("lines")).toInteger());
        QVERIFY(o.value(QStringLiteral("rejects")).toInteger() >=
                json(file).value(QStringLiteral("rejects")).toInteger());
    }

    void followPrintsNewRejects() {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(MAILDECK_CLI),
                {QStringLiteral("--settings"), m_settings, QStringLiteral("--profile"),
                 QStringLiteral("logs"), QStringLiteral("rejects"), QStringLiteral("--json"),
                 QStringLiteral("--follow"), QStringLiteral("--since"), QStringLiteral("0")});
        QVERIFY(p.waitForStarted(10000));
        QByteArray out;
        // The summary (pretty JSON) ends with a "}" alone on a line.
        QElapsedTimer t;
        t.start();
        while (!out.contains("\n}\n") && t.elapsed() < 30000 && p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            out += p.readAllStandardOutput();
        }
        QVERIFY2(out.contains("\n}\n"), QByteArray(out + p.readAllStandardError()).constData());
        out.remove(0, out.indexOf("\n}\n") + 3);

        const QString domain = LabEnv::manifest()
                                   .value(QStringLiteral("domains"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QStringLiteral("domain"))
                                   .toString();
        const QByteArray rcpt = QStringLiteral("nobody-%1@%2").arg(m_tag, domain).toUtf8();
        {
            LabClient::Connection c;
            QVERIFY(c.open(LabEnv::port("LAB_SMTP_PORT"), LabClient::outsideMta()));
            c.smtpReply();
            c.smtpCommand("EHLO mail.partner.test");
            c.smtpCommand("MAIL FROM:<someone@partner.test>");
            const QByteArray reply = c.smtpCommand("RCPT TO:<" + rcpt + ">");
            QVERIFY2(reply.startsWith("550"), reply.constData());
            c.smtpCommand("QUIT");
        }
        QJsonObject event;
        t.restart();
        while (event.isEmpty() && t.elapsed() < 20000) {
            p.waitForReadyRead(200);
            out += p.readAllStandardOutput();
            for (const QByteArray &line : out.split('\n'))
                if (line.contains(rcpt))
                    event = QJsonDocument::fromJson(line).object();
        }
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY2(!event.isEmpty(), out.constData());
        QCOMPARE(event.value(QStringLiteral("class")).toString(),
                 QStringLiteral("recipient.unknown_user"));
        QCOMPARE(event.value(QStringLiteral("code")).toInt(), 550);
        QCOMPARE(event.value(QStringLiteral("recipient")).toString(), QString::fromUtf8(rcpt));
        QCOMPARE(event.value(QStringLiteral("client_ip")).toString(), LabClient::outsideMta());
    }

    void cleanupTestCase() { closeDb(QStringLiteral("tst_cli_rejects")); }
};

QTEST_GUILESS_MAIN(TestCliRejects)
#include "tst_cli_rejects.moc"
