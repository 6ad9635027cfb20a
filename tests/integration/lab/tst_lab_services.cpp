// Every mail service of the lab answers on its port the way the real one does: Postfix's
// banner on the SMTP (postscreen), submission and smtps ports, Dovecot's on POP3/IMAP with
// and without TLS, the iRedAPD stand-in speaks the Postfix policy protocol. TLS ports present
// exactly the lab's certificate.

#include "LabClient.h"

#include <QtTest/QTest>

using LabClient::Connection;

class TestLabServices : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void banner_data();
    void banner();
    void starttlsOffered_data();
    void starttlsOffered();
    void policyServiceAnswers();
};

void TestLabServices::initTestCase() {
    LAB_REQUIRE();
    QVERIFY2(!LabClient::labCertDigest().isEmpty(), "LAB_TLS_CERT is not readable");
}

void TestLabServices::banner_data() {
    QTest::addColumn<QByteArray>("portVar");
    QTest::addColumn<bool>("implicitTls");
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<QByteArray>("contains");

    QTest::newRow("smtp (postscreen)") << QByteArray("LAB_SMTP_PORT") << false << QByteArray("220 ")
                                       << QByteArray("ESMTP Postfix");
    QTest::newRow("submission") << QByteArray("LAB_SUBMISSION_PORT") << false << QByteArray("220 ")
                                << QByteArray("ESMTP Postfix");
    QTest::newRow("smtps") << QByteArray("LAB_SMTPS_PORT") << true << QByteArray("220 ")
                           << QByteArray("ESMTP Postfix");
    QTest::newRow("pop3") << QByteArray("LAB_POP3_PORT") << false << QByteArray("+OK")
                          << QByteArray("Dovecot");
    QTest::newRow("pop3s") << QByteArray("LAB_POP3S_PORT") << true << QByteArray("+OK")
                           << QByteArray("Dovecot");
    QTest::newRow("imap") << QByteArray("LAB_IMAP_PORT") << false << QByteArray("* OK")
                          << QByteArray("Dovecot");
    QTest::newRow("imaps") << QByteArray("LAB_IMAPS_PORT") << true << QByteArray("* OK")
                           << QByteArray("Dovecot");
}

void TestLabServices::banner() {
    QFETCH(QByteArray, portVar);
    QFETCH(bool, implicitTls);
    QFETCH(QByteArray, prefix);
    QFETCH(QByteArray, contains);

    const quint16 port = LabEnv::port(portVar.constData());
    QVERIFY2(port != 0, portVar.constData());
    Connection c;
    QVERIFY2(c.open(port, {}, implicitTls ? Connection::Tls::Implicit : Connection::Tls::None),
             qPrintable(c.error()));
    QCOMPARE(c.encrypted(), implicitTls);
    // Postfix's banner may span lines ("220-..." then "220 ..."); take the last one.
    const QByteArray line = prefix.startsWith("220") ? c.smtpReply() : c.readLine();
    QVERIFY2(line.startsWith(prefix), line.constData());
    QVERIFY2(line.contains(contains), line.constData());
    if (prefix.startsWith("220"))
        QVERIFY2(line.contains(LabEnv::value("LAB_HOSTNAME").toUtf8()), line.constData());
}

// Plain ports offer STARTTLS (SMTP submission must, since smtpd_tls_security_level=encrypt).
void TestLabServices::starttlsOffered_data() {
    QTest::addColumn<QByteArray>("portVar");
    QTest::addColumn<QByteArray>("protocol");
    QTest::newRow("smtp") << QByteArray("LAB_SMTP_PORT") << QByteArray("smtp");
    QTest::newRow("submission") << QByteArray("LAB_SUBMISSION_PORT") << QByteArray("smtp");
    QTest::newRow("pop3") << QByteArray("LAB_POP3_PORT") << QByteArray("pop3");
    QTest::newRow("imap") << QByteArray("LAB_IMAP_PORT") << QByteArray("imap");
}

void TestLabServices::starttlsOffered() {
    QFETCH(QByteArray, portVar);
    QFETCH(QByteArray, protocol);

    Connection c;
    QVERIFY2(c.open(LabEnv::port(portVar.constData()), LabClient::outsideMta()), qPrintable(c.error()));
    if (protocol == "smtp") {
        QVERIFY(c.smtpReply().startsWith("220 "));
        QByteArrayList ehlo;
        c.send("EHLO mail.partner.test");
        QVERIFY(c.smtpReply(&ehlo).startsWith("250 "));
        QVERIFY2(ehlo.join('\n').contains("STARTTLS"), ehlo.join('\n').constData());
        QVERIFY(c.smtpCommand("STARTTLS").startsWith("220 "));
    } else if (protocol == "pop3") {
        QVERIFY(c.readLine().startsWith("+OK"));
        c.send("STLS");
        QVERIFY(c.readLine().startsWith("+OK"));
    } else {
        QVERIFY(c.readLine().startsWith("* OK"));
        QVERIFY(c.imapCommand("s", "STARTTLS").startsWith("s OK"));
    }
    QVERIFY2(c.startTls(), qPrintable(c.error()));
    QVERIFY(c.encrypted());
}

// The stand-in answers a policy request with an action, and rejects an unauthenticated sender
// of a hosted domain from an outside address with iRedAPD's exact text.
void TestLabServices::policyServiceAnswers() {
    const QJsonObject m = LabEnv::manifest();
    const QString user = m.value(u"examples"_qs).toObject().value(u"ssha512_user"_qs).toString();
    QVERIFY2(!user.isEmpty(), "no examples.ssha512_user in the seed manifest");

    auto ask = [](const QByteArray &request) -> QByteArray {
        Connection c;
        if (!c.open(LabEnv::port("LAB_POLICY_PORT")))
            return "connect failed: " + c.error().toUtf8();
        c.socket().write(QByteArray(request + "\n"));
        c.socket().flush();
        QByteArray answer;
        while (!answer.endsWith("\n\n") && c.socket().waitForReadyRead(10000))
            answer += c.socket().readAll();
        return answer;
    };
    const QByteArray common = QByteArray("request=smtpd_access_policy\nprotocol_state=RCPT\nprotocol_name=ESMTP\n"
                              "helo_name=mail.partner.test\nclient_name=mail.partner.test\n"
                              "reverse_client_name=mail.partner.test\nserver_port=10025\n"
                              "recipient=") + user.toUtf8() + "\n";

    QCOMPARE(ask(QByteArray(common + "client_address=127.0.0.2\nsender=someone@partner.test\nsasl_username=\n")),
             QByteArray("action=DUNNO\n\n"));
    QCOMPARE(ask(QByteArray(common + "client_address=127.0.0.2\nsender=" + user.toUtf8() + "\nsasl_username=\n")),
             QByteArray("action=REJECT SMTP AUTH is required for users under this sender domain\n\n"));
    QCOMPARE(ask(QByteArray(common + "client_address=127.0.0.2\nsender=\nsasl_username=" + user.toUtf8() + "\n")),
             QByteArray("action=REJECT Policy rejection due to null sender\n\n"));
}

QTEST_GUILESS_MAIN(TestLabServices)
#include "tst_lab_services.moc"
