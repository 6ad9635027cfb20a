// Probe: reply parsing, IMAP quoting, and conversations with a scripted local QTcpServer that
// speaks correctly, sends garbage, drops the connection, stalls or floods one endless line.

#include "core/compat/Probe.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest/QTest>

#include <functional>

using namespace maildeck;
using namespace maildeck::compat;

namespace {

// Answers each line the client sends with reply(line); an empty answer sends nothing, "<close>"
// closes the connection. The greeting goes out on connect (empty: none).
class ScriptServer : public QObject {
public:
    std::function<QByteArray(const QByteArray &)> reply;
    QByteArray greeting;
    QList<QByteArray> received;

    ScriptServer() {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    while (socket->canReadLine()) {
                        QByteArray line = socket->readLine();
                        line.chop(line.endsWith("\r\n") ? 2 : 1);
                        received << line;
                        const QByteArray answer = reply ? reply(line) : QByteArray();
                        if (answer == "<close>") {
                            socket->disconnectFromHost();
                            return;
                        }
                        socket->write(answer);
                    }
                });
                if (greeting == "<close>")
                    socket->disconnectFromHost();
                else if (!greeting.isEmpty())
                    socket->write(greeting);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
};

// A POP3S server (implicit TLS) with the test certificate, optionally limited to one TLS version.
class TlsPop3Server : public QObject {
public:
    explicit TlsPop3Server(std::optional<QSsl::SslProtocol> only) {
        QFile certFile(QStringLiteral(MAILDECK_SOURCE_DIR "/tests/data/tls/probe-server.crt"));
        QFile keyFile(QStringLiteral(MAILDECK_SOURCE_DIR "/tests/data/tls/probe-server.key"));
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        certificate = QSslCertificate(certFile.readAll());
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(certificate);
        config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        if (only) {
            config.setProtocol(*only);
            config.setBackendConfigurationOption(QByteArrayLiteral("CipherString"),
                                                 QByteArrayLiteral("DEFAULT:@SECLEVEL=0"));
            config.setBackendConfigurationOption(QByteArrayLiteral("MinProtocol"),
                                                 QByteArrayLiteral("TLSv1"));
        }
        m_server.setSslConfiguration(config);
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        QObject::connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *tcp = m_server.nextPendingConnection()) {
                auto *socket = static_cast<QSslSocket *>(tcp);
                socket->setParent(this);
                socket->write("+OK ready\r\n");
                QObject::connect(socket, &QSslSocket::readyRead, this, [socket] {
                    while (socket->canReadLine()) {
                        const QByteArray line = socket->readLine().trimmed();
                        socket->write(line == "PASS pw" || line.startsWith("USER") || line == "QUIT"
                                          ? "+OK\r\n"
                                          : "-ERR no\r\n");
                    }
                });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QSslCertificate certificate;

private:
    QSslServer m_server;
};

ProbeSpec specFor(ProbeProtocol protocol, quint16 port) {
    ProbeSpec spec;
    spec.protocol = protocol;
    spec.host = QStringLiteral("127.0.0.1");
    spec.port = port;
    spec.timeoutMs = 3000;
    return spec;
}

QString sentText(const ProbeResult &result) {
    QStringList sent;
    for (const ProbeStep &step : result.steps)
        sent << step.sent;
    return sent.join(QLatin1Char('\n'));
}

} // namespace

class TestProbe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void smtpMultiLine() {
        SmtpReplyParser parser;
        QVERIFY(!parser.feed(QStringLiteral("250-mx.example.test")));
        QVERIFY(!parser.feed(QStringLiteral("250-STARTTLS")));
        QVERIFY(parser.feed(QStringLiteral("250 AUTH PLAIN LOGIN")));
        QVERIFY(parser.error().isEmpty());
        QCOMPARE(parser.reply().code, 250);
        QCOMPARE(parser.reply().lines,
                 QStringList({QStringLiteral("mx.example.test"), QStringLiteral("STARTTLS"),
                              QStringLiteral("AUTH PLAIN LOGIN")}));
        QVERIFY(parser.reply().enhancedCode.isEmpty());
    }

    void smtpEnhancedCodes_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("enhanced");
        QTest::newRow("535")
            << QStringLiteral("535 5.7.8 Error: authentication failed: authentication failure")
            << 535 << QStringLiteral("5.7.8");
        QTest::newRow("554 iredapd")
            << QStringLiteral("554 5.7.1 <a@example01.test>: Sender address rejected: SMTP AUTH "
                              "is required for users under this sender domain")
            << 554 << QStringLiteral("5.7.1");
        QTest::newRow("504") << QStringLiteral("504 5.5.2 <wlm-pc>: Helo command rejected") << 504
                             << QStringLiteral("5.5.2");
        QTest::newRow("class mismatch") << QStringLiteral("250 5.0.0 odd") << 250 << QString();
        QTest::newRow("none") << QStringLiteral("220 mx ESMTP Postfix") << 220 << QString();
        QTest::newRow("bare code") << QStringLiteral("250") << 250 << QString();
    }
    void smtpEnhancedCodes() {
        QFETCH(QString, line);
        QFETCH(int, code);
        QFETCH(QString, enhanced);
        SmtpReplyParser parser;
        QVERIFY(parser.feed(line));
        QVERIFY(parser.error().isEmpty());
        QCOMPARE(parser.reply().code, code);
        QCOMPARE(parser.reply().enhancedCode, enhanced);
    }

    void smtpMalformed() {
        SmtpReplyParser parser;
        QVERIFY(parser.feed(QStringLiteral("HTTP/1.1 400 Bad Request")));
        QVERIFY(!parser.error().isEmpty());
        parser.reset();
        QVERIFY(parser.feed(QStringLiteral("250x")));
        QVERIFY(!parser.error().isEmpty());
        parser.reset();
        QVERIFY(!parser.feed(QStringLiteral("250-first")));
        QVERIFY(parser.feed(QStringLiteral("550 second")));
        QVERIFY(!parser.error().isEmpty());
    }

    void pop3Status() {
        QCOMPARE(parsePop3Status(QStringLiteral("+OK Dovecot ready.")), Pop3Status::Ok);
        QCOMPARE(parsePop3Status(QStringLiteral("+OK")), Pop3Status::Ok);
        QCOMPARE(parsePop3Status(QStringLiteral(
                     "-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) "
                     "connections.")),
                 Pop3Status::Err);
        QCOMPARE(parsePop3Status(QStringLiteral("+OKAY")), Pop3Status::Garbage);
        QCOMPARE(parsePop3Status(QStringLiteral("* OK IMAP")), Pop3Status::Garbage);
    }

    void imapTagged() {
        const QString tag = QStringLiteral("A3");
        QCOMPARE(imapTaggedStatus(QStringLiteral("A3 OK Logged in"), tag), QStringLiteral("OK"));
        QCOMPARE(imapTaggedStatus(QStringLiteral("A3 NO [AUTHENTICATIONFAILED] failed."), tag),
                 QStringLiteral("NO"));
        QCOMPARE(imapTaggedStatus(QStringLiteral("A3 bad syntax"), tag), QStringLiteral("BAD"));
        QVERIFY(imapTaggedStatus(QStringLiteral("* OK [ALERT] x"), tag).isEmpty());
        QVERIFY(imapTaggedStatus(QStringLiteral("A31 OK x"), tag).isEmpty());
        QVERIFY(imapTaggedStatus(QStringLiteral("A3 MAYBE"), tag).isEmpty());
    }

    void imapQuoting() {
        QCOMPARE(imapQuote(QStringLiteral("user@example.test")),
                 std::optional<QString>(QStringLiteral("\"user@example.test\"")));
        QCOMPARE(imapQuote(QStringLiteral("a\"b\\c")),
                 std::optional<QString>(QStringLiteral("\"a\\\"b\\\\c\"")));
        QCOMPARE(imapQuote(QString()), std::optional<QString>(QStringLiteral("\"\"")));
        QVERIFY(!imapQuote(QStringLiteral("a\r\nb")).has_value());
    }

    void servicePorts() {
        ServerProfile lab;
        lab.flavour = ServerFlavour::Lab;
        ServerProfile debian;
        QCOMPARE(servicePort(lab, 587), quint16(10587));
        QCOMPARE(servicePort(lab, 993), quint16(10993));
        QCOMPARE(servicePort(debian, 587), quint16(587));
    }

    void describe() {
        ProbeSpec spec = specFor(ProbeProtocol::Pop3, 110);
        spec.user = QStringLiteral("u");
        spec.sourceAddress = QStringLiteral("127.0.0.5");
        QCOMPARE(spec.describe(), QStringLiteral("POP3 USER/PASS on 110 (plain) from 127.0.0.5"));
    }

    // A well-behaved SMTP server: EHLO, AUTH PLAIN, MAIL, RCPT, RSET, QUIT.
    void smtpConversation() {
        ScriptServer server;
        server.greeting = "220 fake ESMTP\r\n";
        server.reply = [](const QByteArray &line) -> QByteArray {
            if (line.startsWith("EHLO"))
                return "250-fake\r\n250-PIPELINING\r\n250 AUTH LOGIN PLAIN\r\n";
            if (line.startsWith("AUTH PLAIN "))
                return QByteArray::fromBase64(line.mid(11)) == QByteArray("\0me\0s3cr\xc3\xa9t", 11)
                           ? "235 2.7.0 Authentication successful\r\n"
                           : "535 5.7.8 Error: authentication failed\r\n";
            if (line.startsWith("MAIL FROM:"))
                return "250 2.1.0 Ok\r\n";
            if (line.startsWith("RCPT TO:<no@"))
                return "554 5.7.1 <no@x.test>: Relay access denied\r\n";
            if (line.startsWith("RCPT TO:"))
                return "250 2.1.5 Ok\r\n";
            if (line == "RSET")
                return "250 2.0.0 Ok\r\n";
            if (line == "QUIT")
                return "221 2.0.0 Bye\r\n";
            return "502 5.5.2 Error: command not recognized\r\n";
        };
        ProbeSpec spec = specFor(ProbeProtocol::Smtp, server.port());
        spec.heloName = QStringLiteral("wlm-pc");
        spec.user = QStringLiteral("me");
        spec.password = QString::fromUtf8("s3cr\xc3\xa9t");
        spec.mailFrom = QStringLiteral("me@x.test");
        spec.rcptTo = {QStringLiteral("you@x.test")};

        Probe probe;
        QSignalSpy steps(&probe, &Probe::stepDone);
        QSignalSpy finished(&probe, &Probe::finished);
        probe.start(spec);
        QVERIFY(finished.wait(5000));
        const ProbeResult result = finished.first().first().value<ProbeResult>();
        QVERIFY2(result.passed, qPrintable(result.failure));
        QCOMPARE(steps.size(), result.steps.size());
        QCOMPARE(server.received.first(), QByteArray("EHLO wlm-pc"));
        QVERIFY(server.received.contains("RSET"));
        QVERIFY(!server.received.contains("DATA"));
        QCOMPARE(result.smtpCode, 221);
        QCOMPARE(result.localAddress, QStringLiteral("127.0.0.1"));
        QVERIFY(result.localPort != 0);
        const QString sent = sentText(result);
        QVERIFY(sent.contains(QStringLiteral("AUTH PLAIN ********")));
        QVERIFY(
            !sent.contains(QString::fromLatin1(QByteArray("\0me\0s3cr\xc3\xa9t", 11).toBase64())));

        // A refused recipient: failed step, code and enhanced code kept.
        spec.rcptTo = {QStringLiteral("no@x.test")};
        const ProbeResult refused = runProbeBlocking(spec);
        QVERIFY(!refused.passed);
        QCOMPARE(refused.failureCode, QStringLiteral("probe.rejected"));
        QCOMPARE(refused.smtpCode, 554);
        QCOMPARE(refused.enhancedCode, QStringLiteral("5.7.1"));
        QVERIFY(refused.failure.contains(QStringLiteral("Relay access denied")));
        QVERIFY(!refused.steps.last().ok);

        // A wrong password: 535.
        spec.password = QStringLiteral("wrong");
        spec.rcptTo.clear();
        const ProbeResult wrong = runProbeBlocking(spec);
        QVERIFY(!wrong.passed);
        QCOMPARE(wrong.failureCode, QStringLiteral("probe.auth"));
        QCOMPARE(wrong.smtpCode, 535);
        QVERIFY(!sentText(wrong).contains(QStringLiteral("wrong")));
    }

    // EHLO refused with 5xx: falls back to HELO; AUTH LOGIN when only LOGIN is offered.
    void smtpHeloFallbackAndAuthLogin() {
        ScriptServer server;
        server.greeting = "220 old\r\n";
        server.reply = [](const QByteArray &line) -> QByteArray {
            if (line.startsWith("EHLO"))
                return "502 5.5.1 EHLO not implemented\r\n";
            if (line.startsWith("HELO"))
                return "250 old\r\n";
            if (line == "QUIT")
                return "221 Bye\r\n";
            return "500 what\r\n";
        };
        ProbeSpec spec = specFor(ProbeProtocol::Smtp, server.port());
        spec.heloName = QStringLiteral("pc");
        ProbeResult result = runProbeBlocking(spec);
        QVERIFY2(result.passed, qPrintable(result.failure));
        QVERIFY(server.received.contains("HELO pc"));

        ScriptServer login;
        login.greeting = "220 fake\r\n";
        login.reply = [](const QByteArray &line) -> QByteArray {
            static int state = 0;
            if (line.startsWith("EHLO"))
                return "250-fake\r\n250 AUTH LOGIN\r\n";
            if (line == "AUTH LOGIN") {
                state = 1;
                return "334 VXNlcm5hbWU6\r\n";
            }
            if (state == 1) {
                state = line == QByteArray("bWU=") ? 2 : 0;
                return "334 UGFzc3dvcmQ6\r\n";
            }
            if (state == 2) {
                state = 0;
                return line == QByteArray("cHc=") ? "235 2.7.0 ok\r\n" : "535 5.7.8 no\r\n";
            }
            if (line == "QUIT")
                return "221 Bye\r\n";
            return "500 what\r\n";
        };
        spec.port = login.port();
        spec.user = QStringLiteral("me");
        spec.password = QStringLiteral("pw");
        result = runProbeBlocking(spec);
        QVERIFY2(result.passed, qPrintable(result.failure));
        QVERIFY(!sentText(result).contains(QStringLiteral("cHc=")));
    }

    void pop3AndImapConversation() {
        ScriptServer pop;
        pop.greeting = "+OK ready\r\n";
        pop.reply = [](const QByteArray &line) -> QByteArray {
            if (line == "USER me")
                return "+OK\r\n";
            if (line == "PASS pw")
                return "+OK Logged in.\r\n";
            if (line.startsWith("PASS"))
                return "-ERR [AUTH] Authentication failed.\r\n";
            if (line == "QUIT")
                return "+OK Logging out.\r\n";
            return "-ERR what\r\n";
        };
        ProbeSpec spec = specFor(ProbeProtocol::Pop3, pop.port());
        spec.user = QStringLiteral("me");
        spec.password = QStringLiteral("pw");
        ProbeResult result = runProbeBlocking(spec);
        QVERIFY2(result.passed, qPrintable(result.failure));
        QVERIFY(sentText(result).contains(QStringLiteral("PASS ********")));
        spec.password = QStringLiteral("bad");
        result = runProbeBlocking(spec);
        QVERIFY(!result.passed);
        QCOMPARE(result.failureCode, QStringLiteral("probe.auth"));
        QVERIFY(result.lastReply.startsWith(QStringLiteral("-ERR [AUTH]")));

        ScriptServer imap;
        imap.greeting = "* OK [CAPABILITY IMAP4rev1] ready\r\n";
        imap.reply = [](const QByteArray &line) -> QByteArray {
            const QByteArray tag = line.left(line.indexOf(' '));
            const QByteArray command = line.mid(tag.size() + 1);
            if (command == "CAPABILITY")
                return "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + " OK done\r\n";
            if (command == "LOGIN \"me\\\"x\" \"p\\\\w\"")
                return tag + " OK Logged in\r\n";
            if (command.startsWith("LOGIN"))
                return tag + " NO [AUTHENTICATIONFAILED] Authentication failed.\r\n";
            if (command == "LOGOUT")
                return "* BYE Logging out\r\n" + tag + " OK Logout completed.\r\n";
            return tag + " BAD what\r\n";
        };
        spec = specFor(ProbeProtocol::Imap, imap.port());
        spec.user = QStringLiteral("me\"x");
        spec.password = QStringLiteral("p\\w");
        result = runProbeBlocking(spec);
        QVERIFY2(result.passed, qPrintable(result.failure));
        QVERIFY(!sentText(result).contains(QStringLiteral("p\\\\w")));
        spec.password = QStringLiteral("other");
        result = runProbeBlocking(spec);
        QVERIFY(!result.passed);
        QCOMPARE(result.failureCode, QStringLiteral("probe.auth"));
    }

    // STARTTLS required but not offered: a clear failure, no plaintext login.
    void startTlsNotOffered() {
        ScriptServer server;
        server.greeting = "220 fake\r\n";
        server.reply = [](const QByteArray &line) -> QByteArray {
            if (line.startsWith("EHLO"))
                return "250-fake\r\n250 AUTH PLAIN\r\n";
            return "221 bye\r\n";
        };
        ProbeSpec spec = specFor(ProbeProtocol::Smtp, server.port());
        spec.tls = ProbeTls::StartTls;
        spec.user = QStringLiteral("me");
        spec.password = QStringLiteral("pw");
        const ProbeResult result = runProbeBlocking(spec);
        QVERIFY(!result.passed);
        QCOMPARE(result.failureCode, QStringLiteral("probe.tls.starttls"));
        for (const QByteArray &line : server.received)
            QVERIFY(!line.startsWith("AUTH"));
    }

    // Implicit TLS with the test certificate as trust anchor; without it a certificate failure.
    void implicitTls() {
        TlsPop3Server server(std::nullopt);
        ProbeSpec spec = specFor(ProbeProtocol::Pop3, server.port());
        spec.tls = ProbeTls::Implicit;
        spec.user = QStringLiteral("me");
        spec.password = QStringLiteral("pw");
        spec.caCertificates = {server.certificate};
        ProbeResult result = runProbeBlocking(spec);
        QVERIFY2(result.passed, qPrintable(result.failure));
        QVERIFY(result.tlsProtocol == QLatin1String("TLSv1.2") ||
                result.tlsProtocol == QLatin1String("TLSv1.3"));
        QVERIFY(!result.tlsCipher.isEmpty());

        spec.peerName = QStringLiteral("probe.maildeck.test");
        result = runProbeBlocking(spec);
        QVERIFY2(result.passed, qPrintable(result.failure));

        spec.peerName = QStringLiteral("other.maildeck.test");
        result = runProbeBlocking(spec);
        QCOMPARE(result.failureCode, QStringLiteral("probe.tls.certificate"));

        spec.peerName.clear();
        spec.caCertificates.clear();
        result = runProbeBlocking(spec);
        QCOMPARE(result.failureCode, QStringLiteral("probe.tls.certificate"));
        QVERIFY(!result.steps.last().ok);
    }

    // The old phone's TLS 1.0: forcing it works on Qt 6 + OpenSSL 3 (security level 0 on this
    // socket only); a default client refuses a TLS 1.0-only server at the handshake.
    void forcedOldTls() {
        QT_WARNING_PUSH
        QT_WARNING_DISABLE_DEPRECATED
        const QSsl::SslProtocol tls10 = QSsl::TlsV1_0;
        QT_WARNING_POP
        TlsPop3Server server(tls10);
        ProbeSpec spec = specFor(ProbeProtocol::Pop3, server.port());
        spec.tls = ProbeTls::Implicit;
        spec.caCertificates = {server.certificate};
        ProbeResult result = runProbeBlocking(spec);
        QVERIFY(!result.passed);
        QCOMPARE(result.failureCode, QStringLiteral("probe.tls.handshake"));

        spec.tlsVersion = tls10;
        result = runProbeBlocking(spec);
        QVERIFY2(result.passed, qPrintable(result.failure));
        QCOMPARE(result.tlsProtocol, QStringLiteral("TLSv1.0"));

        // And the reverse: a client forced to TLS 1.0 against a modern server.
        TlsPop3Server modern(std::nullopt);
        spec.port = modern.port();
        result = runProbeBlocking(spec);
        QCOMPARE(result.failureCode, QStringLiteral("probe.tls.handshake"));
    }

    void misbehavingServers_data() {
        QTest::addColumn<int>("protocol");
        QTest::addColumn<QByteArray>("greeting");
        QTest::addColumn<QString>("code");
        QTest::newRow("smtp garbage")
            << int(ProbeProtocol::Smtp) << QByteArray("HTTP/1.0 200 OK\r\n") << "probe.garbage";
        QTest::newRow("pop3 garbage")
            << int(ProbeProtocol::Pop3) << QByteArray("220 smtp\r\n") << "probe.garbage";
        QTest::newRow("imap garbage")
            << int(ProbeProtocol::Imap) << QByteArray("+OK pop\r\n") << "probe.garbage";
        QTest::newRow("smtp drop")
            << int(ProbeProtocol::Smtp) << QByteArray("<close>") << "probe.closed";
        QTest::newRow("imap drop")
            << int(ProbeProtocol::Imap) << QByteArray("<close>") << "probe.closed";
        QTest::newRow("smtp busy")
            << int(ProbeProtocol::Smtp) << QByteArray("421 4.3.2 Service currently unavailable\r\n")
            << "probe.rejected";
        QTest::newRow("huge line")
            << int(ProbeProtocol::Pop3) << QByteArray("+OK ") + QByteArray(100000, 'x')
            << "probe.line-too-long";
        QTest::newRow("huge line with newline")
            << int(ProbeProtocol::Smtp) << QByteArray("220-") + QByteArray(20000, 'y') + "\r\n"
            << "probe.line-too-long";
        QByteArray endless;
        for (int i = 0; i < 3000; ++i)
            endless += "220-more\r\n";
        QTest::newRow("endless multi-line reply")
            << int(ProbeProtocol::Smtp) << QByteArray("220-hello\r\n") + endless
            << "probe.reply-too-long";
    }
    void misbehavingServers() {
        QFETCH(int, protocol);
        QFETCH(QByteArray, greeting);
        QFETCH(QString, code);
        ScriptServer server;
        server.greeting = greeting;
        const ProbeResult result =
            runProbeBlocking(specFor(ProbeProtocol(protocol), server.port()));
        QVERIFY(!result.passed);
        QCOMPARE(result.failureCode, code);
        QVERIFY(!result.failure.isEmpty());
        QVERIFY(!result.steps.isEmpty());
        QVERIFY(!result.steps.last().ok);
    }

    // A server that accepts and never says a word: the step times out.
    void stallTimesOut() {
        ScriptServer server; // no greeting
        ProbeSpec spec = specFor(ProbeProtocol::Imap, server.port());
        spec.timeoutMs = 400;
        QElapsedTimer clock;
        clock.start();
        const ProbeResult result = runProbeBlocking(spec);
        QVERIFY(!result.passed);
        QCOMPARE(result.failureCode, QStringLiteral("probe.timeout"));
        QVERIFY(clock.elapsed() >= 350);
        QVERIFY(clock.elapsed() < 3000);

        // Stalls after the greeting too (no reply to EHLO).
        ScriptServer mute;
        mute.greeting = "220 fake\r\n";
        spec = specFor(ProbeProtocol::Smtp, mute.port());
        spec.timeoutMs = 400;
        const ProbeResult stalled = runProbeBlocking(spec);
        QCOMPARE(stalled.failureCode, QStringLiteral("probe.timeout"));
        QVERIFY(stalled.failure.contains(QStringLiteral("EHLO")));
    }

    void connectRefusedAndBadSource() {
        quint16 closedPort = 0;
        {
            QTcpServer temp;
            QVERIFY(temp.listen(QHostAddress::LocalHost));
            closedPort = temp.serverPort();
        }
        ProbeResult result = runProbeBlocking(specFor(ProbeProtocol::Smtp, closedPort));
        QVERIFY(!result.passed);
        QCOMPARE(result.failureCode, QStringLiteral("probe.connect"));

        ProbeSpec spec = specFor(ProbeProtocol::Smtp, closedPort);
        spec.sourceAddress = QStringLiteral("not-an-ip");
        result = runProbeBlocking(spec);
        QCOMPARE(result.failureCode, QStringLiteral("probe.bind"));
        spec.sourceAddress = QStringLiteral("192.0.2.77"); // not on this machine
        result = runProbeBlocking(spec);
        QCOMPARE(result.failureCode, QStringLiteral("probe.bind"));
    }

    void sourceAddressIsBound() {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::Any));
        QHostAddress peer;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = server.nextPendingConnection();
            peer = socket->peerAddress();
            socket->write("421 go away\r\n");
        });
        ProbeSpec spec = specFor(ProbeProtocol::Smtp, server.serverPort());
        spec.sourceAddress = QStringLiteral("127.0.0.5");
        const ProbeResult result = runProbeBlocking(spec);
        QCOMPARE(result.localAddress, QStringLiteral("127.0.0.5"));
        QCOMPARE(QHostAddress(peer.toIPv4Address()), QHostAddress(QStringLiteral("127.0.0.5")));
        QCOMPARE(result.smtpCode, 421);
    }

    void cancelFinishesOnce() {
        ScriptServer server; // silent
        Probe probe;
        QSignalSpy finished(&probe, &Probe::finished);
        probe.start(specFor(ProbeProtocol::Pop3, server.port()));
        QTest::qWait(100);
        probe.cancel();
        QVERIFY(!probe.isRunning());
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<ProbeResult>().failureCode,
                 QStringLiteral("probe.cancelled"));
        probe.cancel();
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!probe.isRunning());
    }

    // Deleting the probe from its finished signal is safe.
    void deleteFromFinished() {
        ScriptServer server;
        server.greeting = "-ERR go away\r\n";
        auto *probe = new Probe;
        bool done = false;
        connect(probe, &Probe::finished, this, [&](const ProbeResult &) {
            delete probe;
            done = true;
        });
        probe->start(specFor(ProbeProtocol::Pop3, server.port()));
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    }
};

QTEST_GUILESS_MAIN(TestProbe)
#include "tst_probe.moc"
