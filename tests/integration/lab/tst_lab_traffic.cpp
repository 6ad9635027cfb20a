// tests/lab/traffic produces every reject and auth-failure class of DESIGN.md's stories as
// real log lines: in the Postfix log ($LAB_MAILLOG), Dovecot's log and the iRedAPD log. These
// are the lines MailDeck's reject log and catalog are built on.

#include "common/LabEnv.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <QtTest/QTest>

namespace {

qint64 sizeOf(const QString &path) { return QFileInfo(path).size(); }

QStringList linesAfter(const QString &path, qint64 from) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || !f.seek(from))
        return {};
    return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestLabTraffic : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void logHasLine_data();
    void logHasLine();

private:
    QString m_maillog, m_dovecotLog, m_iredapdLog;
    qint64 m_maillogFrom = 0, m_dovecotFrom = 0, m_iredapdFrom = 0;
};

void TestLabTraffic::initTestCase() {
    LAB_REQUIRE();
    m_maillog = LabEnv::value("LAB_MAILLOG");
    m_dovecotLog = LabEnv::value("LAB_DOVECOT_LOG_DIR") + u"/dovecot.log"_qs;
    m_iredapdLog = LabEnv::value("LAB_IREDAPD_LOG");
    m_maillogFrom = sizeOf(m_maillog);
    m_dovecotFrom = sizeOf(m_dovecotLog);
    m_iredapdFrom = sizeOf(m_iredapdLog);

    QProcess traffic;
    traffic.setProcessChannelMode(QProcess::MergedChannels);
    traffic.start(QStringLiteral(MAILDECK_SOURCE_DIR "/tests/lab/traffic"), {});
    QVERIFY2(traffic.waitForStarted(), qPrintable(traffic.errorString()));
    QVERIFY2(traffic.waitForFinished(240000), "tests/lab/traffic did not finish in 4 minutes");
    const QByteArray output = traffic.readAll();
    QVERIFY2(traffic.exitStatus() == QProcess::NormalExit && traffic.exitCode() == 0, output.constData());
    QVERIFY2(output.isEmpty(), output.constData()); // quiet on success
}

void TestLabTraffic::logHasLine_data() {
    QTest::addColumn<QString>("log");
    QTest::addColumn<QString>("pattern");

    // NOQUEUE: reject: RCPT from <name>[<ip>]: <text>
    const auto rejectLine = [](const QString &text) {
        return QString(u"postfix/smtpd\\[\\d+\\]: NOQUEUE: reject: RCPT from \\S+\\[[0-9.]+\\]: "_qs + text);
    };
    QTest::newRow("504 non-FQDN HELO")
        << u"mail"_qs << rejectLine(u"504 5.5.2 <[^>]+>: Helo command rejected: need fully-qualified hostname; "_qs);
    QTest::newRow("450 HELO host not found")
        << u"mail"_qs << rejectLine(u"450 4.7.1 <[^>]+>: Helo command rejected: Host not found; "_qs);
    QTest::newRow("454 relay access denied")
        << u"mail"_qs << rejectLine(u"454 4.7.1 <[^>]+>: Relay access denied; "_qs);
    QTest::newRow("450 sender domain not found")
        << u"mail"_qs
        << u"postfix/smtpd\\[\\d+\\]: NOQUEUE: reject: RCPT from mta\\d+\\.mail\\.bbt\\.yahoo\\.co\\.jp\\[[0-9.]+\\]: "
           "450 4.1.8 <[^@>]+@[a-z]+\\.jp>: Sender address rejected: Domain not found; .* helo=<mta\\d+\\.mail\\.bbt\\.yahoo\\.co\\.jp>"_qs;
    QTest::newRow("554 SMTP AUTH required (iRedAPD)")
        << u"mail"_qs
        << rejectLine(u"554 5.7.1 <[^>]+>: Recipient address rejected: SMTP AUTH is required for users under this sender domain; "_qs);
    QTest::newRow("550 unknown user")
        << u"mail"_qs << rejectLine(u"550 5.1.1 <[^>]+>: Recipient address rejected: User unknown"_qs);
    QTest::newRow("535 SASL failure on submission")
        << u"mail"_qs
        << u"postfix/submission/smtpd\\[\\d+\\]: warning: \\S+\\[[0-9.]+\\]: SASL LOGIN authentication failed: "_qs;
    QTest::newRow("accepted: delivered by Dovecot's LDA")
        << u"mail"_qs << u"postfix/pipe\\[\\d+\\]: \\w+: to=<[^>]+>, .*relay=dovecot, .*status=sent \\(delivered via dovecot service"_qs;
    QTest::newRow("accepted: list post handed to mlmmj")
        << u"mail"_qs << u"postfix/pipe\\[\\d+\\]: \\w+: to=<[^>]+>, relay=mlmmj, .*status=sent"_qs;
    QTest::newRow("accepted: mlmmj re-injection")
        << u"mail"_qs << u"postfix/%1/smtpd\\[\\d+\\]: \\w+: client="_qs.arg(u"10028"_qs);
    QTest::newRow("POP3: tried to use disallowed plaintext auth")
        << u"dovecot"_qs << u"pop3-login: Info: Disconnected: .*\\(tried to use disallowed plaintext auth\\): user=<"_qs;
    QTest::newRow("POP3: plaintext auth failed")
        << u"dovecot"_qs << u"pop3-login: Info: Disconnected: .*\\(auth failed, \\d+ attempts in \\d+ secs\\): user=<[^>]+>, rip="_qs;
    QTest::newRow("IMAPS: auth failed")
        << u"dovecot"_qs << u"imap-login: Info: Disconnected: .*\\(auth failed, \\d+ attempts in \\d+ secs\\): user=<[^>]+>, method=PLAIN, .*TLS"_qs;
    QTest::newRow("POP3S: login")
        << u"dovecot"_qs << u"pop3-login: Info: Login: user=<[^>]+>, method=PLAIN, .*TLS"_qs;
    QTest::newRow("iRedAPD: forged sender rejected")
        << u"iredapd"_qs
        << u"iredapd \\[[0-9.]+\\] RCPT, \\S+ -> \\S+, REJECT SMTP AUTH is required for users under this sender domain \\[sasl_username=, sender="_qs;
    QTest::newRow("iRedAPD: authenticated sender")
        << u"iredapd"_qs << u"iredapd \\[[0-9.]+\\] RCPT, (\\S+) => \\S+, DUNNO \\[sasl_username=\\S+, "_qs;
}

void TestLabTraffic::logHasLine() {
    QFETCH(QString, log);
    QFETCH(QString, pattern);
    const QRegularExpression re(pattern);
    QVERIFY2(re.isValid(), qPrintable(re.errorString()));
    const QString path = log == u"mail"_qs ? m_maillog : log == u"dovecot"_qs ? m_dovecotLog : m_iredapdLog;
    const qint64 from = log == u"mail"_qs ? m_maillogFrom : log == u"dovecot"_qs ? m_dovecotFrom : m_iredapdFrom;
    // Postfix's postlogd writes asynchronously: give the last lines a moment.
    QDeadlineTimer deadline(10000);
    do {
        for (const QString &line : linesAfter(path, from))
            if (re.match(line).hasMatch())
                return;
        QThread::msleep(200);
    } while (!deadline.hasExpired());
    QFAIL(qPrintable(u"no line matching /%1/ in %2 after the traffic run"_qs.arg(pattern, path)));
}

QTEST_GUILESS_MAIN(TestLabTraffic)
#include "tst_lab_traffic.moc"
