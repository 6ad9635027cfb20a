// Probe against the lab's real Postfix, Dovecot and iRedAPD stand-in: each conversation of the
// stories gets the answer the real server gives (tests/lab/traffic sends the same exchanges).

#include "common/LabConfigLock.h"
#include "common/LabEnv.h"
#include "core/compat/Probe.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSslCertificate>
#include <QtTest/QTest>

#include <memory>

using namespace maildeck::compat;

class TestProbeLab : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void submissionStartTlsAuth();
    void submissionWrongPassword();
    void port25NonFqdnHeloRelay();
    void webServerNeedsSmtpAuth();
    void pop3PlaintextFromHomePc();
    void pop3StlsFromLocalhost();
    void pop3sAndImapsModernTls_data();
    void pop3sAndImapsModernTls();
    void imapsTls10RefusedAtHandshake();
    void untrustedCertificate();
    void imapStartTls();

private:
    ProbeSpec spec(ProbeProtocol protocol, const char *portVariable, ProbeTls tls) const;
    static QString dump(const ProbeResult &result);

    // Held for the whole run: the expected refusals come from the lab's stock configuration, which
    // the wizard/diagnosis tests change (and put back) under this lock.
    std::unique_ptr<LabConfigLock> m_configLock;
    QString m_user;
    QString m_password;
    QString m_webSender;
    QList<QSslCertificate> m_ca;
};

void TestProbeLab::initTestCase() {
    LAB_REQUIRE();
    m_configLock = std::make_unique<LabConfigLock>();
    QVERIFY2(m_configLock->isLocked(), qPrintable(m_configLock->error()));
    const QJsonObject manifest = LabEnv::manifest();
    QVERIFY2(!manifest.isEmpty(), "the seed manifest is not readable");
    m_user = manifest.value(QStringLiteral("examples"))
                 .toObject()
                 .value(QStringLiteral("ssha512_user"))
                 .toString();
    const QString firstDomain = manifest.value(QStringLiteral("domains"))
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(QStringLiteral("domain"))
                                    .toString();
    for (const QJsonValue &value : manifest.value(QStringLiteral("mailboxes")).toArray()) {
        const QJsonObject box = value.toObject();
        const QString email = box.value(QStringLiteral("email")).toString();
        const bool usable = box.value(QStringLiteral("active")).toBool(true) &&
                            box.value(QStringLiteral("disabled_services")).toArray().isEmpty();
        if (email == m_user)
            m_password = box.value(QStringLiteral("password")).toString();
        if (m_webSender.isEmpty() && usable &&
            box.value(QStringLiteral("domain")).toString() == firstDomain)
            m_webSender = email;
    }
    QVERIFY(!m_user.isEmpty());
    QVERIFY(!m_password.isEmpty());
    QVERIFY(!m_webSender.isEmpty());
    m_ca = QSslCertificate::fromPath(LabEnv::value("LAB_TLS_CERT"));
    QVERIFY2(!m_ca.isEmpty(), "LAB_TLS_CERT is not readable");
}

ProbeSpec TestProbeLab::spec(ProbeProtocol protocol, const char *portVariable, ProbeTls tls) const {
    ProbeSpec s;
    s.protocol = protocol;
    s.host = QStringLiteral("127.0.0.1");
    s.port = LabEnv::port(portVariable);
    s.tls = tls;
    s.caCertificates = m_ca;
    s.peerName = LabEnv::value("LAB_HOSTNAME");
    s.sourceAddress = LabEnv::value("LAB_CLIENT_MTA");
    s.timeoutMs = 15000;
    return s;
}

QString TestProbeLab::dump(const ProbeResult &result) {
    QStringList lines{result.failureCode + QStringLiteral(": ") + result.failure};
    for (const ProbeStep &step : result.steps)
        lines << QStringLiteral("[%1] %2 > %3 < %4")
                     .arg(step.ok ? QStringLiteral("ok") : QStringLiteral("FAIL"), step.title,
                          step.sent, step.reply);
    return lines.join(QLatin1Char('\n'));
}

// Port 587: STARTTLS, AUTH with the right password, MAIL/RCPT accepted, RSET, QUIT.
void TestProbeLab::submissionStartTlsAuth() {
    ProbeSpec s = spec(ProbeProtocol::Smtp, "LAB_SUBMISSION_PORT", ProbeTls::StartTls);
    s.sourceAddress = LabEnv::value("LAB_CLIENT_PC");
    s.heloName = QStringLiteral("wlm-pc.partner.test");
    s.user = m_user;
    s.password = m_password;
    s.mailFrom = m_user;
    s.rcptTo = {m_user};
    const ProbeResult result = runProbeBlocking(s);
    QVERIFY2(result.passed, qPrintable(dump(result)));
    QVERIFY(result.tlsProtocol == QLatin1String("TLSv1.2") ||
            result.tlsProtocol == QLatin1String("TLSv1.3"));
    QVERIFY(!result.tlsCipher.isEmpty());
    QCOMPARE(result.localAddress, LabEnv::value("LAB_CLIENT_PC"));
    bool sawAuth = false;
    for (const ProbeStep &step : result.steps) {
        QVERIFY(!step.sent.contains(m_password));
        if (step.sent.startsWith(QLatin1String("AUTH ")))
            sawAuth = step.reply.startsWith(QLatin1String("235"));
    }
    QVERIFY2(sawAuth, qPrintable(dump(result)));
}

void TestProbeLab::submissionWrongPassword() {
    ProbeSpec s = spec(ProbeProtocol::Smtp, "LAB_SUBMISSION_PORT", ProbeTls::StartTls);
    s.heloName = QStringLiteral("mail.partner.test");
    s.user = m_user;
    s.password = QStringLiteral("wrong-%1").arg(QDateTime::currentMSecsSinceEpoch());
    const ProbeResult result = runProbeBlocking(s);
    QVERIFY2(!result.passed, qPrintable(dump(result)));
    QCOMPARE(result.failureCode, QStringLiteral("probe.auth"));
    QCOMPARE(result.smtpCode, 535);
    QCOMPARE(result.enhancedCode, QStringLiteral("5.7.8"));
    QVERIFY(!dump(result).contains(s.password));
}

// The Windows Live Mail PC on port 25: non-FQDN HELO and relay to the outside are refused.
void TestProbeLab::port25NonFqdnHeloRelay() {
    ProbeSpec s = spec(ProbeProtocol::Smtp, "LAB_SMTP_PORT", ProbeTls::None);
    s.sourceAddress = LabEnv::value("LAB_CLIENT_PC");
    s.heloName = QStringLiteral("wlm-pc");
    s.mailFrom = m_user;
    s.rcptTo = {QStringLiteral("friend@partner.test")};
    const ProbeResult result = runProbeBlocking(s);
    QVERIFY2(!result.passed, qPrintable(dump(result)));
    QCOMPARE(result.failureCode, QStringLiteral("probe.rejected"));
    QVERIFY2(result.smtpCode == 504 || result.smtpCode == 454, qPrintable(dump(result)));
    QVERIFY2(result.enhancedCode == QLatin1String("5.5.2") ||
                 result.enhancedCode == QLatin1String("4.7.1"),
             qPrintable(dump(result)));
    QVERIFY(result.steps.last().sent.startsWith(QLatin1String("RCPT TO:")));
}

// The web server www.<first domain> sending as its own domain without AUTH: iRedAPD's 554.
void TestProbeLab::webServerNeedsSmtpAuth() {
    ProbeSpec s = spec(ProbeProtocol::Smtp, "LAB_SMTP_PORT", ProbeTls::None);
    s.sourceAddress = LabEnv::value("LAB_CLIENT_WEB");
    s.heloName = QStringLiteral("www.") + m_webSender.section(QLatin1Char('@'), 1);
    s.mailFrom = m_webSender;
    s.rcptTo = {m_user};
    const ProbeResult result = runProbeBlocking(s);
    QVERIFY2(!result.passed, qPrintable(dump(result)));
    QCOMPARE(result.smtpCode, 554);
    QCOMPARE(result.enhancedCode, QStringLiteral("5.7.1"));
    QVERIFY2(result.lastReply.contains(
                 QStringLiteral("SMTP AUTH is required for users under this sender domain")),
             qPrintable(dump(result)));
}

// POP3 on 110 from the home PC: plaintext login refused (wlm-story.conf: ssl = yes for .5).
void TestProbeLab::pop3PlaintextFromHomePc() {
    ProbeSpec s = spec(ProbeProtocol::Pop3, "LAB_POP3_PORT", ProbeTls::None);
    s.sourceAddress = LabEnv::value("LAB_CLIENT_PC");
    s.user = m_user;
    s.password = m_password;
    const ProbeResult result = runProbeBlocking(s);
    QVERIFY2(!result.passed, qPrintable(dump(result)));
    QCOMPARE(result.failureCode, QStringLiteral("probe.auth"));
    QVERIFY2(result.lastReply.startsWith(QLatin1String("-ERR [AUTH]")), qPrintable(dump(result)));
    QVERIFY2(result.lastReply.contains(QLatin1String("Plaintext authentication disallowed")),
             qPrintable(dump(result)));
}

void TestProbeLab::pop3StlsFromLocalhost() {
    ProbeSpec s = spec(ProbeProtocol::Pop3, "LAB_POP3_PORT", ProbeTls::StartTls);
    s.sourceAddress = QStringLiteral("127.0.0.1");
    s.user = m_user;
    s.password = m_password;
    const ProbeResult result = runProbeBlocking(s);
    QVERIFY2(result.passed, qPrintable(dump(result)));
    QVERIFY(!result.tlsProtocol.isEmpty());
}

void TestProbeLab::pop3sAndImapsModernTls_data() {
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QByteArray>("portVariable");
    QTest::addColumn<int>("version"); // 0: default
    QTest::newRow("POP3S") << int(ProbeProtocol::Pop3) << QByteArray("LAB_POP3S_PORT") << 0;
    QTest::newRow("IMAPS") << int(ProbeProtocol::Imap) << QByteArray("LAB_IMAPS_PORT") << 0;
    QTest::newRow("IMAPS TLS 1.2 only")
        << int(ProbeProtocol::Imap) << QByteArray("LAB_IMAPS_PORT") << int(QSsl::TlsV1_2);
    QTest::newRow("POP3S TLS 1.3 only")
        << int(ProbeProtocol::Pop3) << QByteArray("LAB_POP3S_PORT") << int(QSsl::TlsV1_3);
}

void TestProbeLab::pop3sAndImapsModernTls() {
    QFETCH(int, protocol);
    QFETCH(QByteArray, portVariable);
    QFETCH(int, version);
    ProbeSpec s = spec(ProbeProtocol(protocol), portVariable.constData(), ProbeTls::Implicit);
    s.user = m_user;
    s.password = m_password;
    if (version != 0)
        s.tlsVersion = QSsl::SslProtocol(version);
    const ProbeResult result = runProbeBlocking(s);
    QVERIFY2(result.passed, qPrintable(dump(result)));
    QVERIFY2(result.tlsProtocol == QLatin1String("TLSv1.2") ||
                 result.tlsProtocol == QLatin1String("TLSv1.3"),
             qPrintable(result.tlsProtocol));
    if (version == int(QSsl::TlsV1_2))
        QCOMPARE(result.tlsProtocol, QStringLiteral("TLSv1.2"));
    if (version == int(QSsl::TlsV1_3))
        QCOMPARE(result.tlsProtocol, QStringLiteral("TLSv1.3"));
}

// The old phone: TLS 1.0 only. The lab's Dovecot has ssl_min_protocol = TLSv1.2.
void TestProbeLab::imapsTls10RefusedAtHandshake() {
    ProbeSpec s = spec(ProbeProtocol::Imap, "LAB_IMAPS_PORT", ProbeTls::Implicit);
    s.user = m_user;
    s.password = m_password;
    QT_WARNING_PUSH
    QT_WARNING_DISABLE_DEPRECATED
    s.tlsVersion = QSsl::TlsV1_0;
    QT_WARNING_POP
    const ProbeResult result = runProbeBlocking(s);
    QVERIFY2(!result.passed, qPrintable(dump(result)));
    QCOMPARE(result.failureCode, QStringLiteral("probe.tls.handshake"));
    QVERIFY(result.tlsProtocol.isEmpty());
    QVERIFY(result.steps.size() >= 2);
    QVERIFY(result.steps.at(0).ok); // connected
    QVERIFY(!result.steps.last().ok);
}

// Without the lab's certificate as a trust anchor, the self-signed certificate is refused.
void TestProbeLab::untrustedCertificate() {
    ProbeSpec s = spec(ProbeProtocol::Imap, "LAB_IMAPS_PORT", ProbeTls::Implicit);
    s.caCertificates.clear();
    const ProbeResult result = runProbeBlocking(s);
    QVERIFY2(!result.passed, qPrintable(dump(result)));
    QCOMPARE(result.failureCode, QStringLiteral("probe.tls.certificate"));
    QVERIFY(result.failure.contains(QLatin1String("certificate")));

    // The right trust anchor but the wrong name.
    s.caCertificates = m_ca;
    s.peerName = QStringLiteral("imap.elsewhere.test");
    const ProbeResult wrongName = runProbeBlocking(s);
    QCOMPARE(wrongName.failureCode, QStringLiteral("probe.tls.certificate"));
}

void TestProbeLab::imapStartTls() {
    ProbeSpec s = spec(ProbeProtocol::Imap, "LAB_IMAP_PORT", ProbeTls::StartTls);
    s.user = m_user;
    s.password = m_password;
    const ProbeResult result = runProbeBlocking(s);
    QVERIFY2(result.passed, qPrintable(dump(result)));

    s.password = QStringLiteral("wrong");
    const ProbeResult wrong = runProbeBlocking(s);
    QCOMPARE(wrong.failureCode, QStringLiteral("probe.auth"));
    QVERIFY2(wrong.lastReply.contains(QLatin1String(" NO ")), qPrintable(dump(wrong)));
}

QTEST_GUILESS_MAIN(TestProbeLab)
#include "tst_probe_lab.moc"
