#include "core/compat/Probe.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>

namespace maildeck::compat {

namespace {

const QString kMasked = QStringLiteral("********");

QString tlsName(ProbeTls tls) {
    switch (tls) {
    case ProbeTls::None:
        return QCoreApplication::translate("maildeck::compat::Probe", "plain");
    case ProbeTls::StartTls:
        return QCoreApplication::translate("maildeck::compat::Probe", "STARTTLS");
    case ProbeTls::Implicit:
        return QCoreApplication::translate("maildeck::compat::Probe", "TLS");
    }
    return {};
}

QT_WARNING_PUSH
QT_WARNING_DISABLE_DEPRECATED
QString sslProtocolName(QSsl::SslProtocol protocol) {
    switch (protocol) {
    case QSsl::TlsV1_0:
        return QStringLiteral("TLSv1.0");
    case QSsl::TlsV1_1:
        return QStringLiteral("TLSv1.1");
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    default:
        return QStringLiteral("TLS");
    }
}

bool isOldTls(QSsl::SslProtocol protocol) {
    return protocol == QSsl::TlsV1_0 || protocol == QSsl::TlsV1_1;
}

QByteArray opensslProtocolName(QSsl::SslProtocol protocol) {
    switch (protocol) {
    case QSsl::TlsV1_0:
        return QByteArrayLiteral("TLSv1");
    case QSsl::TlsV1_1:
        return QByteArrayLiteral("TLSv1.1");
    case QSsl::TlsV1_2:
        return QByteArrayLiteral("TLSv1.2");
    default:
        return QByteArrayLiteral("TLSv1.3");
    }
}
QT_WARNING_POP

} // namespace

QString protocolName(ProbeProtocol protocol) {
    switch (protocol) {
    case ProbeProtocol::Smtp:
        return QStringLiteral("SMTP");
    case ProbeProtocol::Pop3:
        return QStringLiteral("POP3");
    case ProbeProtocol::Imap:
        return QStringLiteral("IMAP");
    }
    return {};
}

QString ProbeSpec::describe() const {
    QString what;
    switch (protocol) {
    case ProbeProtocol::Smtp:
        what =
            user.isEmpty()
                ? (rcptTo.isEmpty()
                       ? QCoreApplication::translate("maildeck::compat::Probe", "SMTP EHLO %1")
                             .arg(heloName)
                       : QCoreApplication::translate("maildeck::compat::Probe", "SMTP relay as %1")
                             .arg(heloName))
                : QCoreApplication::translate("maildeck::compat::Probe", "SMTP AUTH");
        break;
    case ProbeProtocol::Pop3:
        what = user.isEmpty()
                   ? QCoreApplication::translate("maildeck::compat::Probe", "POP3")
                   : QCoreApplication::translate("maildeck::compat::Probe", "POP3 USER/PASS");
        break;
    case ProbeProtocol::Imap:
        what = user.isEmpty()
                   ? QCoreApplication::translate("maildeck::compat::Probe", "IMAP")
                   : QCoreApplication::translate("maildeck::compat::Probe", "IMAP LOGIN");
        break;
    }
    QString tlsText = tlsName(tls);
    if (tlsVersion)
        tlsText = QCoreApplication::translate("maildeck::compat::Probe", "%1, %2 only")
                      .arg(tlsText, sslProtocolName(*tlsVersion));
    QString text = QCoreApplication::translate("maildeck::compat::Probe", "%1 on %2 (%3)")
                       .arg(what.trimmed())
                       .arg(port)
                       .arg(tlsText);
    if (!sourceAddress.isEmpty())
        text = QCoreApplication::translate("maildeck::compat::Probe", "%1 from %2")
                   .arg(text, sourceAddress);
    return text;
}

// --- reply parsing ---

QString SmtpReply::text() const {
    return lines.join(QLatin1Char('\n'));
}

void SmtpReplyParser::reset() {
    m_reply = {};
    m_error.clear();
}

bool SmtpReplyParser::feed(const QString &line) {
    static const QRegularExpression linePattern(QStringLiteral("^([2-5][0-9][0-9])([ -]?)(.*)$"));
    static const QRegularExpression enhancedPattern(
        QStringLiteral("^([245])\\.([0-9]{1,3})\\.([0-9]{1,3})(?:\\s|$)"));
    const QRegularExpressionMatch match = linePattern.match(line);
    if (!match.hasMatch() || (match.captured(2).isEmpty() && !match.captured(3).isEmpty())) {
        m_error = QCoreApplication::translate("maildeck::compat::Probe",
                                              "The server's reply is not SMTP: \"%1\".")
                      .arg(line.left(200));
        return true;
    }
    const int code = match.captured(1).toInt();
    if (m_reply.code != 0 && code != m_reply.code) {
        m_error =
            QCoreApplication::translate("maildeck::compat::Probe",
                                        "The server's multi-line reply mixes codes %1 and %2.")
                .arg(m_reply.code)
                .arg(code);
        return true;
    }
    m_reply.code = code;
    m_reply.lines.append(match.captured(3));
    if (match.captured(2) == QLatin1String("-"))
        return false;
    const QRegularExpressionMatch enhanced = enhancedPattern.match(match.captured(3));
    if (enhanced.hasMatch() && enhanced.captured(1).toInt() == code / 100)
        m_reply.enhancedCode = enhanced.captured(0).trimmed();
    return true;
}

Pop3Status parsePop3Status(const QString &line) {
    if (line == QLatin1String("+OK") || line.startsWith(QLatin1String("+OK ")))
        return Pop3Status::Ok;
    if (line == QLatin1String("-ERR") || line.startsWith(QLatin1String("-ERR ")))
        return Pop3Status::Err;
    return Pop3Status::Garbage;
}

QString imapTaggedStatus(const QString &line, const QString &tag) {
    if (tag.isEmpty() || !line.startsWith(tag + QLatin1Char(' ')))
        return {};
    const QString rest = line.mid(tag.size() + 1);
    const QString status = rest.section(QLatin1Char(' '), 0, 0).toUpper();
    if (status == QLatin1String("OK") || status == QLatin1String("NO") ||
        status == QLatin1String("BAD"))
        return status;
    return {};
}

std::optional<QString> imapQuote(const QString &text) {
    QString quoted;
    quoted.reserve(text.size() + 2);
    quoted.append(QLatin1Char('"'));
    for (const QChar c : text) {
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n') || c == QChar(0))
            return std::nullopt;
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            quoted.append(QLatin1Char('\\'));
        quoted.append(c);
    }
    quoted.append(QLatin1Char('"'));
    return quoted;
}

quint16 servicePort(const ServerProfile &profile, quint16 standardPort) {
    if (profile.flavour == ServerFlavour::Lab && standardPort < 10000)
        return quint16(10000 + standardPort);
    return standardPort;
}

// --- the conversation ---

namespace {

enum class Phase {
    Idle,
    Connecting,
    Handshake,
    Greeting,
    // SMTP
    Ehlo,
    Helo,
    SmtpStartTls,
    AuthPlain,
    AuthLoginStart,
    AuthLoginUser,
    AuthLoginPass,
    MailFrom,
    RcptTo,
    Rset,
    SmtpQuit,
    // POP3
    Stls,
    User,
    Pass,
    Pop3Quit,
    // IMAP
    Capability,
    ImapStartTls,
    Login,
    Logout,
    Done,
};

} // namespace

struct Probe::State {
    Probe *q = nullptr;
    ProbeSpec spec;
    ProbeResult result;
    QSslSocket *socket = nullptr;
    QTimer timer;
    QByteArray buffer;
    Phase phase = Phase::Idle;
    bool running = false;
    bool encrypted = false;
    bool afterTls = false; // the greeting/EHLO after STARTTLS
    // The step in progress.
    QString stepTitle;
    QString stepSent;
    QStringList stepReply;
    // SMTP
    SmtpReplyParser smtp;
    QStringList extensions; // EHLO keywords, upper case ("STARTTLS", "AUTH PLAIN LOGIN")
    int rcptIndex = 0;
    // IMAP
    int tagCounter = 0;
    QString tag;
    QStringList capabilities;

    void begin(const QString &title, const QString &sent, const QByteArray &bytes, Phase next) {
        stepTitle = title;
        stepSent = sent;
        stepReply.clear();
        smtp.reset();
        phase = next;
        timer.start(spec.timeoutMs);
        if (!bytes.isEmpty())
            socket->write(bytes);
    }

    // Closes the step in progress, with its reply.
    void endStep(bool ok) {
        ProbeStep step{stepTitle, stepSent, stepReply.join(QLatin1Char('\n')), ok};
        if (!stepReply.isEmpty())
            result.lastReply = step.reply;
        result.steps.append(step);
        stepTitle.clear();
        stepSent.clear();
        stepReply.clear();
        Q_EMIT q->stepDone(step);
    }

    void fail(const QString &code, const QString &message) {
        if (!running)
            return;
        if (!stepTitle.isEmpty())
            endStep(false);
        result.passed = false;
        result.failure = message;
        result.failureCode = code;
        finish();
    }

    void succeed() {
        result.passed = true;
        finish();
    }

    void finish() {
        running = false;
        phase = Phase::Done;
        timer.stop();
        if (socket) {
            socket->disconnect(q);
            socket->abort();
            socket->deleteLater();
            socket = nullptr;
        }
        // Queued: the caller's stack (a socket signal, cancel()) unwinds first, so a receiver may
        // delete the probe; a deleted probe drops the call.
        QMetaObject::invokeMethod(
            q, [probe = q, copy = result] { Q_EMIT probe->finished(copy); }, Qt::QueuedConnection);
    }

    QSslConfiguration sslConfiguration() const {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        if (!spec.caCertificates.isEmpty())
            config.addCaCertificates(spec.caCertificates);
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (spec.tlsVersion) {
            config.setProtocol(*spec.tlsVersion);
            if (isOldTls(*spec.tlsVersion)) {
                // OpenSSL 3 refuses TLS 1.0/1.1 above security level 0, on the client as well.
                config.setBackendConfigurationOption(QByteArrayLiteral("CipherString"),
                                                     QByteArrayLiteral("DEFAULT:@SECLEVEL=0"));
                config.setBackendConfigurationOption(QByteArrayLiteral("MinProtocol"),
                                                     opensslProtocolName(*spec.tlsVersion));
                config.setBackendConfigurationOption(QByteArrayLiteral("MaxProtocol"),
                                                     opensslProtocolName(*spec.tlsVersion));
            }
        }
        return config;
    }

    void startTls() {
        begin(QCoreApplication::translate("maildeck::compat::Probe", "TLS handshake"), {}, {},
              Phase::Handshake);
        socket->setSslConfiguration(sslConfiguration());
        socket->setPeerVerifyName(spec.peerName.isEmpty() ? spec.host : spec.peerName);
        socket->startClientEncryption();
    }

    void onConnected() {
        result.localAddress = socket->localAddress().toString();
        result.localPort = socket->localPort();
        stepReply << QCoreApplication::translate("maildeck::compat::Probe",
                                                 "Connected from %1 port %2 to %3 port %4.")
                         .arg(result.localAddress)
                         .arg(result.localPort)
                         .arg(socket->peerAddress().toString())
                         .arg(socket->peerPort());
        endStep(true);
        if (spec.tls == ProbeTls::Implicit)
            startTls();
        else
            begin(QCoreApplication::translate("maildeck::compat::Probe", "Greeting"), {}, {},
                  Phase::Greeting);
    }

    void onEncrypted() {
        encrypted = true;
        afterTls = true;
        const QSslCipher cipher = socket->sessionCipher();
        result.tlsProtocol = sslProtocolName(socket->sessionProtocol());
        result.tlsCipher = cipher.name();
        stepReply << QCoreApplication::translate("maildeck::compat::Probe", "%1, cipher %2")
                         .arg(result.tlsProtocol, result.tlsCipher);
        endStep(true);
        if (spec.tls == ProbeTls::Implicit) {
            begin(QCoreApplication::translate("maildeck::compat::Probe", "Greeting"), {}, {},
                  Phase::Greeting);
            return;
        }
        // After STARTTLS the client starts over.
        switch (spec.protocol) {
        case ProbeProtocol::Smtp:
            sendEhlo();
            break;
        case ProbeProtocol::Pop3:
            pop3Login();
            break;
        case ProbeProtocol::Imap:
            imapCommand(QCoreApplication::translate("maildeck::compat::Probe", "Capabilities"),
                        QStringLiteral("CAPABILITY"), {}, Phase::Capability);
            break;
        }
    }

    void onSslErrors(const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        stepReply << texts;
        fail(QStringLiteral("probe.tls.certificate"),
             QCoreApplication::translate("maildeck::compat::Probe",
                                         "The server's certificate is not trusted: %1")
                 .arg(texts.join(QStringLiteral("; "))));
    }

    void onError(QAbstractSocket::SocketError error) {
        if (!running)
            return;
        const QString text = socket->errorString();
        if (phase == Phase::Connecting) {
            stepReply << text;
            fail(QStringLiteral("probe.connect"),
                 QCoreApplication::translate("maildeck::compat::Probe",
                                             "Cannot connect to %1 port %2: %3")
                     .arg(spec.host)
                     .arg(spec.port)
                     .arg(text));
            return;
        }
        if (phase == Phase::Handshake) {
            stepReply << text;
            if (spec.tlsVersion)
                fail(
                    QStringLiteral("probe.tls.handshake"),
                    QCoreApplication::translate(
                        "maildeck::compat::Probe",
                        "The TLS handshake failed; the probe offered only %1, which the server may "
                        "not accept: %2")
                        .arg(sslProtocolName(*spec.tlsVersion), text));
            else
                fail(QStringLiteral("probe.tls.handshake"),
                     QCoreApplication::translate("maildeck::compat::Probe",
                                                 "The TLS handshake failed: %1")
                         .arg(text));
            return;
        }
        if (error == QAbstractSocket::RemoteHostClosedError) {
            // A QUIT/LOGOUT answered by closing is fine.
            if (phase == Phase::SmtpQuit || phase == Phase::Pop3Quit || phase == Phase::Logout) {
                stepReply << QCoreApplication::translate("maildeck::compat::Probe",
                                                         "(connection closed)");
                endStep(true);
                succeed();
                return;
            }
            if (!buffer.isEmpty())
                stepReply << QString::fromUtf8(buffer).left(kProbeMaxLineLength);
            fail(QStringLiteral("probe.closed"),
                 QCoreApplication::translate("maildeck::compat::Probe",
                                             "The server closed the connection during \"%1\".")
                     .arg(stepTitle));
            return;
        }
        fail(QStringLiteral("probe.network"),
             QCoreApplication::translate("maildeck::compat::Probe", "Network error: %1").arg(text));
    }

    void onTimeout() {
        fail(QStringLiteral("probe.timeout"),
             QCoreApplication::translate("maildeck::compat::Probe",
                                         "No answer from the server within %1 s during \"%2\".")
                 .arg(QString::number(spec.timeoutMs / 1000.0, 'g', 3), stepTitle));
    }

    void onReadyRead() {
        if (!running || !socket)
            return;
        buffer.append(socket->readAll());
        while (running && socket) {
            const qsizetype end = buffer.indexOf('\n');
            if (end < 0) {
                if (buffer.size() > kProbeMaxLineLength) {
                    stepReply << QString::fromUtf8(buffer.left(200)) + QStringLiteral("…");
                    buffer.clear();
                    fail(QStringLiteral("probe.line-too-long"),
                         QCoreApplication::translate("maildeck::compat::Probe",
                                                     "The server sent a line longer than %1 bytes.")
                             .arg(kProbeMaxLineLength));
                }
                return;
            }
            if (end > kProbeMaxLineLength) {
                stepReply << QString::fromUtf8(buffer.left(200)) + QStringLiteral("…");
                buffer.clear();
                fail(QStringLiteral("probe.line-too-long"),
                     QCoreApplication::translate("maildeck::compat::Probe",
                                                 "The server sent a line longer than %1 bytes.")
                         .arg(kProbeMaxLineLength));
                return;
            }
            QByteArray raw = buffer.left(end);
            buffer.remove(0, end + 1);
            if (raw.endsWith('\r'))
                raw.chop(1);
            const QString line = QString::fromUtf8(raw);
            if (phase == Phase::Handshake || phase == Phase::Connecting || phase == Phase::Done)
                continue; // nothing expected; Qt handles TLS records itself
            stepReply << line;
            if (stepReply.size() > kProbeMaxReplyLines) {
                stepReply = stepReply.mid(0, 20) << QStringLiteral("…");
                fail(QStringLiteral("probe.reply-too-long"),
                     QCoreApplication::translate("maildeck::compat::Probe",
                                                 "The server's reply has more than %1 lines.")
                         .arg(kProbeMaxReplyLines));
                return;
            }
            switch (spec.protocol) {
            case ProbeProtocol::Smtp:
                smtpLine(line);
                break;
            case ProbeProtocol::Pop3:
                pop3Line(line);
                break;
            case ProbeProtocol::Imap:
                imapLine(line);
                break;
            }
        }
    }

    // --- SMTP ---

    void sendSmtp(const QString &title, const QString &command, const QString &shown, Phase next) {
        begin(title, shown.isEmpty() ? command : shown, command.toUtf8() + "\r\n", next);
    }

    QString heloName() const {
        return spec.heloName.isEmpty() ? QStringLiteral("maildeck.invalid") : spec.heloName;
    }

    void sendEhlo() {
        extensions.clear();
        sendSmtp(QCoreApplication::translate("maildeck::compat::Probe", "EHLO"),
                 QStringLiteral("EHLO ") + heloName(), {}, Phase::Ehlo);
    }

    bool hasExtension(const QString &keyword) const {
        for (const QString &ext : extensions) {
            if (ext.section(QLatin1Char(' '), 0, 0) == keyword)
                return true;
        }
        return false;
    }

    QStringList authMechanisms() const {
        for (const QString &ext : extensions) {
            const QStringList parts = ext.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (!parts.isEmpty() && parts.first() == QLatin1String("AUTH"))
                return parts.mid(1);
        }
        return {};
    }

    void smtpLine(const QString &line) {
        if (!smtp.feed(line))
            return;
        if (!smtp.error().isEmpty()) {
            fail(QStringLiteral("probe.garbage"), smtp.error());
            return;
        }
        const SmtpReply reply = smtp.reply();
        result.smtpCode = reply.code;
        result.enhancedCode = reply.enhancedCode;
        const bool positive = reply.code >= 200 && reply.code < 400;
        const QString replyText = QString::number(reply.code) + QLatin1Char(' ') +
                                  reply.lines.value(reply.lines.size() - 1);
        switch (phase) {
        case Phase::Greeting:
            if (reply.code != 220)
                return fail(QStringLiteral("probe.rejected"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The server refused the connection: %1")
                                .arg(replyText));
            endStep(true);
            return sendEhlo();
        case Phase::Ehlo:
            if (reply.code == 250) {
                for (int i = 1; i < reply.lines.size(); ++i)
                    extensions << reply.lines.at(i).trimmed().toUpper();
                endStep(true);
                return afterEhlo();
            }
            if (reply.code >= 500 && reply.code < 600) {
                endStep(false);
                return sendSmtp(QCoreApplication::translate("maildeck::compat::Probe", "HELO"),
                                QStringLiteral("HELO ") + heloName(), {}, Phase::Helo);
            }
            return fail(QStringLiteral("probe.rejected"),
                        QCoreApplication::translate("maildeck::compat::Probe",
                                                    "The server refused EHLO %1: %2")
                            .arg(heloName(), replyText));
        case Phase::Helo:
            if (reply.code != 250)
                return fail(QStringLiteral("probe.rejected"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The server refused HELO %1: %2")
                                .arg(heloName(), replyText));
            endStep(true);
            return afterEhlo();
        case Phase::SmtpStartTls:
            if (reply.code != 220)
                return fail(QStringLiteral("probe.tls.starttls"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The server refused STARTTLS: %1")
                                .arg(replyText));
            endStep(true);
            return startTls();
        case Phase::AuthPlain:
        case Phase::AuthLoginPass:
            if (reply.code != 235)
                return fail(QStringLiteral("probe.auth"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The login was refused: %1")
                                .arg(replyText));
            endStep(true);
            return afterAuth();
        case Phase::AuthLoginStart:
            if (reply.code != 334)
                return fail(QStringLiteral("probe.auth"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The login was refused: %1")
                                .arg(replyText));
            endStep(true);
            return sendSmtp(
                QCoreApplication::translate("maildeck::compat::Probe", "Login: user name"),
                QString::fromLatin1(spec.user.toUtf8().toBase64()),
                QCoreApplication::translate("maildeck::compat::Probe", "%1 (user name, base64)")
                    .arg(spec.user),
                Phase::AuthLoginUser);
        case Phase::AuthLoginUser:
            if (reply.code != 334)
                return fail(QStringLiteral("probe.auth"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The login was refused: %1")
                                .arg(replyText));
            endStep(true);
            return sendSmtp(
                QCoreApplication::translate("maildeck::compat::Probe", "Login: password"),
                QString::fromLatin1(spec.password.toUtf8().toBase64()), kMasked,
                Phase::AuthLoginPass);
        case Phase::MailFrom:
            if (reply.code != 250)
                return fail(QStringLiteral("probe.rejected"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The server refused the sender: %1")
                                .arg(replyText));
            endStep(true);
            rcptIndex = 0;
            return nextRcpt();
        case Phase::RcptTo:
            if (reply.code != 250 && reply.code != 251)
                return fail(QStringLiteral("probe.rejected"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The server refused the recipient %1: %2")
                                .arg(spec.rcptTo.value(rcptIndex), replyText));
            endStep(true);
            ++rcptIndex;
            return nextRcpt();
        case Phase::Rset:
            endStep(positive);
            return sendSmtp(QCoreApplication::translate("maildeck::compat::Probe", "QUIT"),
                            QStringLiteral("QUIT"), {}, Phase::SmtpQuit);
        case Phase::SmtpQuit:
            endStep(positive);
            return succeed();
        default:
            return fail(QStringLiteral("probe.garbage"),
                        QCoreApplication::translate("maildeck::compat::Probe",
                                                    "Unexpected reply from the server: %1")
                            .arg(replyText));
        }
    }

    void afterEhlo() {
        if (spec.tls == ProbeTls::StartTls && !encrypted) {
            if (!hasExtension(QStringLiteral("STARTTLS"))) {
                begin(QCoreApplication::translate("maildeck::compat::Probe", "STARTTLS"), {}, {},
                      Phase::SmtpStartTls);
                return fail(
                    QStringLiteral("probe.tls.starttls"),
                    QCoreApplication::translate("maildeck::compat::Probe",
                                                "The server does not offer STARTTLS on port %1.")
                        .arg(spec.port));
            }
            return sendSmtp(QCoreApplication::translate("maildeck::compat::Probe", "STARTTLS"),
                            QStringLiteral("STARTTLS"), {}, Phase::SmtpStartTls);
        }
        if (!spec.user.isEmpty()) {
            const QStringList mechanisms = authMechanisms();
            if (mechanisms.contains(QLatin1String("PLAIN"))) {
                QByteArray token;
                token.append('\0')
                    .append(spec.user.toUtf8())
                    .append('\0')
                    .append(spec.password.toUtf8());
                return sendSmtp(QCoreApplication::translate("maildeck::compat::Probe", "Login"),
                                QStringLiteral("AUTH PLAIN ") +
                                    QString::fromLatin1(token.toBase64()),
                                QStringLiteral("AUTH PLAIN ") + kMasked, Phase::AuthPlain);
            }
            if (mechanisms.contains(QLatin1String("LOGIN")))
                return sendSmtp(QCoreApplication::translate("maildeck::compat::Probe", "Login"),
                                QStringLiteral("AUTH LOGIN"), {}, Phase::AuthLoginStart);
            begin(QCoreApplication::translate("maildeck::compat::Probe", "Login"), {}, {},
                  Phase::AuthPlain);
            return fail(
                QStringLiteral("probe.auth.unavailable"),
                mechanisms.isEmpty()
                    ? (encrypted ? QCoreApplication::translate(
                                       "maildeck::compat::Probe",
                                       "The server offers no login (AUTH) on port %1.")
                                 : QCoreApplication::translate(
                                       "maildeck::compat::Probe",
                                       "The server offers no login (AUTH) on port %1 before TLS."))
                          .arg(spec.port)
                    : QCoreApplication::translate(
                          "maildeck::compat::Probe",
                          "The server offers only %1 for login, which the probe does not speak.")
                          .arg(mechanisms.join(QStringLiteral(", "))));
        }
        afterAuth();
    }

    void afterAuth() {
        if (spec.mailFrom.isEmpty() && spec.rcptTo.isEmpty())
            return sendSmtp(QCoreApplication::translate("maildeck::compat::Probe", "QUIT"),
                            QStringLiteral("QUIT"), {}, Phase::SmtpQuit);
        sendSmtp(QCoreApplication::translate("maildeck::compat::Probe", "Sender"),
                 QStringLiteral("MAIL FROM:<%1>").arg(spec.mailFrom), {}, Phase::MailFrom);
    }

    void nextRcpt() {
        if (rcptIndex < spec.rcptTo.size())
            return sendSmtp(QCoreApplication::translate("maildeck::compat::Probe", "Recipient"),
                            QStringLiteral("RCPT TO:<%1>").arg(spec.rcptTo.at(rcptIndex)), {},
                            Phase::RcptTo);
        sendSmtp(QCoreApplication::translate("maildeck::compat::Probe", "Reset"),
                 QStringLiteral("RSET"), {}, Phase::Rset);
    }

    // --- POP3 ---

    void pop3Line(const QString &line) {
        const Pop3Status status = parsePop3Status(line);
        if (status == Pop3Status::Garbage)
            return fail(QStringLiteral("probe.garbage"),
                        QCoreApplication::translate("maildeck::compat::Probe",
                                                    "The server's reply is not POP3: \"%1\".")
                            .arg(line.left(200)));
        const bool ok = status == Pop3Status::Ok;
        switch (phase) {
        case Phase::Greeting:
            if (!ok)
                return fail(QStringLiteral("probe.rejected"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The server refused the connection: %1")
                                .arg(line));
            endStep(true);
            if (spec.tls == ProbeTls::StartTls && !encrypted)
                return sendLine(QCoreApplication::translate("maildeck::compat::Probe", "STLS"),
                                QStringLiteral("STLS"), {}, Phase::Stls);
            return pop3Login();
        case Phase::Stls:
            if (!ok)
                return fail(QStringLiteral("probe.tls.starttls"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The server refused STLS: %1")
                                .arg(line));
            endStep(true);
            return startTls();
        case Phase::User:
            if (!ok)
                return fail(QStringLiteral("probe.auth"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The server refused USER: %1")
                                .arg(line));
            endStep(true);
            return sendLine(QCoreApplication::translate("maildeck::compat::Probe", "PASS"),
                            QStringLiteral("PASS ") + spec.password,
                            QStringLiteral("PASS ") + kMasked, Phase::Pass);
        case Phase::Pass:
            if (!ok)
                return fail(QStringLiteral("probe.auth"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The login was refused: %1")
                                .arg(line));
            endStep(true);
            return sendLine(QCoreApplication::translate("maildeck::compat::Probe", "QUIT"),
                            QStringLiteral("QUIT"), {}, Phase::Pop3Quit);
        case Phase::Pop3Quit:
            endStep(ok);
            return succeed();
        default:
            return fail(QStringLiteral("probe.garbage"),
                        QCoreApplication::translate("maildeck::compat::Probe",
                                                    "Unexpected reply from the server: %1")
                            .arg(line));
        }
    }

    void sendLine(const QString &title, const QString &command, const QString &shown, Phase next) {
        begin(title, shown.isEmpty() ? command : shown, command.toUtf8() + "\r\n", next);
    }

    void pop3Login() {
        if (spec.user.isEmpty())
            return sendLine(QCoreApplication::translate("maildeck::compat::Probe", "QUIT"),
                            QStringLiteral("QUIT"), {}, Phase::Pop3Quit);
        sendLine(QCoreApplication::translate("maildeck::compat::Probe", "USER"),
                 QStringLiteral("USER ") + spec.user, {}, Phase::User);
    }

    // --- IMAP ---

    void imapCommand(const QString &title, const QString &command, const QString &shown,
                     Phase next) {
        tag = QStringLiteral("A%1").arg(++tagCounter);
        const QString line = tag + QLatin1Char(' ') + command;
        begin(title, shown.isEmpty() ? line : tag + QLatin1Char(' ') + shown,
              line.toUtf8() + "\r\n", next);
    }

    void imapLine(const QString &line) {
        if (phase == Phase::Greeting) {
            if (line.startsWith(QLatin1String("* OK")) ||
                line.startsWith(QLatin1String("* PREAUTH"))) {
                endStep(true);
                return imapCommand(
                    QCoreApplication::translate("maildeck::compat::Probe", "Capabilities"),
                    QStringLiteral("CAPABILITY"), {}, Phase::Capability);
            }
            if (line.startsWith(QLatin1String("* BYE")))
                return fail(QStringLiteral("probe.rejected"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The server refused the connection: %1")
                                .arg(line));
            return fail(QStringLiteral("probe.garbage"),
                        QCoreApplication::translate("maildeck::compat::Probe",
                                                    "The server's reply is not IMAP: \"%1\".")
                            .arg(line.left(200)));
        }
        if (line.startsWith(QLatin1String("* "))) {
            if (line.startsWith(QLatin1String("* CAPABILITY "), Qt::CaseInsensitive))
                capabilities = line.mid(13).toUpper().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            return; // untagged data, wait for the tagged reply
        }
        if (line.startsWith(QLatin1String("+")))
            return fail(
                QStringLiteral("probe.garbage"),
                QCoreApplication::translate("maildeck::compat::Probe",
                                            "Unexpected continuation request from the server: %1")
                    .arg(line));
        const QString status = imapTaggedStatus(line, tag);
        if (status.isEmpty())
            return fail(QStringLiteral("probe.garbage"),
                        QCoreApplication::translate("maildeck::compat::Probe",
                                                    "The server's reply is not IMAP: \"%1\".")
                            .arg(line.left(200)));
        const bool ok = status == QLatin1String("OK");
        switch (phase) {
        case Phase::Capability:
            if (!ok)
                return fail(QStringLiteral("probe.rejected"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The server refused CAPABILITY: %1")
                                .arg(line));
            endStep(true);
            if (spec.tls == ProbeTls::StartTls && !encrypted) {
                if (!capabilities.contains(QLatin1String("STARTTLS"))) {
                    begin(QCoreApplication::translate("maildeck::compat::Probe", "STARTTLS"), {},
                          {}, Phase::ImapStartTls);
                    return fail(QStringLiteral("probe.tls.starttls"),
                                QCoreApplication::translate(
                                    "maildeck::compat::Probe",
                                    "The server does not offer STARTTLS on port %1.")
                                    .arg(spec.port));
                }
                return imapCommand(
                    QCoreApplication::translate("maildeck::compat::Probe", "STARTTLS"),
                    QStringLiteral("STARTTLS"), {}, Phase::ImapStartTls);
            }
            return imapLogin();
        case Phase::ImapStartTls:
            if (!ok)
                return fail(QStringLiteral("probe.tls.starttls"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The server refused STARTTLS: %1")
                                .arg(line));
            endStep(true);
            return startTls();
        case Phase::Login:
            if (!ok)
                return fail(QStringLiteral("probe.auth"),
                            QCoreApplication::translate("maildeck::compat::Probe",
                                                        "The login was refused: %1")
                                .arg(line));
            endStep(true);
            return imapCommand(QCoreApplication::translate("maildeck::compat::Probe", "LOGOUT"),
                               QStringLiteral("LOGOUT"), {}, Phase::Logout);
        case Phase::Logout:
            endStep(ok);
            return succeed();
        default:
            return fail(QStringLiteral("probe.garbage"),
                        QCoreApplication::translate("maildeck::compat::Probe",
                                                    "Unexpected reply from the server: %1")
                            .arg(line));
        }
    }

    void imapLogin() {
        if (spec.user.isEmpty())
            return imapCommand(QCoreApplication::translate("maildeck::compat::Probe", "LOGOUT"),
                               QStringLiteral("LOGOUT"), {}, Phase::Logout);
        const std::optional<QString> user = imapQuote(spec.user);
        const std::optional<QString> password = imapQuote(spec.password);
        if (!user || !password) {
            begin(QCoreApplication::translate("maildeck::compat::Probe", "Login"), {}, {},
                  Phase::Login);
            return fail(QStringLiteral("probe.auth"),
                        QCoreApplication::translate(
                            "maildeck::compat::Probe",
                            "The user name or password contains a line break, which IMAP LOGIN "
                            "cannot send."));
        }
        imapCommand(QCoreApplication::translate("maildeck::compat::Probe", "Login"),
                    QStringLiteral("LOGIN %1 %2").arg(*user, *password),
                    QStringLiteral("LOGIN %1 %2").arg(*user, kMasked), Phase::Login);
    }
};

Probe::Probe(QObject *parent)
    : QObject(parent)
    , m_state(new State) {
    m_state->q = this;
    m_state->timer.setSingleShot(true);
    connect(&m_state->timer, &QTimer::timeout, this, [this] { m_state->onTimeout(); });
}

Probe::~Probe() {
    if (m_state->socket) {
        m_state->socket->disconnect(this);
        m_state->socket->abort();
        delete m_state->socket;
    }
    delete m_state;
}

bool Probe::isRunning() const {
    return m_state->running;
}

void Probe::start(const ProbeSpec &spec) {
    State *s = m_state;
    if (s->running)
        return;
    s->spec = spec;
    if (s->spec.timeoutMs <= 0)
        s->spec.timeoutMs = 10000;
    s->result = {};
    s->buffer.clear();
    s->encrypted = false;
    s->afterTls = false;
    s->extensions.clear();
    s->capabilities.clear();
    s->tagCounter = 0;
    s->rcptIndex = 0;
    s->running = true;

    s->socket = new QSslSocket;
    s->socket->setProxy(QNetworkProxy::NoProxy);
    s->socket->setReadBufferSize(0);
    const QString target = QStringLiteral("%1:%2").arg(spec.host).arg(spec.port);
    s->begin(QCoreApplication::translate("maildeck::compat::Probe", "Connect"), target, {},
             Phase::Connecting);
    if (!spec.sourceAddress.isEmpty()) {
        const QHostAddress local(spec.sourceAddress);
        if (local.isNull() || !s->socket->bind(local, 0)) {
            const QString why =
                local.isNull()
                    ? QCoreApplication::translate("maildeck::compat::Probe", "not an IP address")
                    : s->socket->errorString();
            s->stepReply << why;
            // Report asynchronously: start() never emits finished before returning.
            QTimer::singleShot(0, this, [s, why, address = spec.sourceAddress] {
                s->fail(QStringLiteral("probe.bind"),
                        QCoreApplication::translate("maildeck::compat::Probe",
                                                    "Cannot use %1 as the local address: %2")
                            .arg(address, why));
            });
            return;
        }
    }
    // Connected only now: a failed bind() reports through errorOccurred too.
    connect(s->socket, &QSslSocket::connected, this, [s] {
        if (s->running)
            s->onConnected();
    });
    connect(s->socket, &QSslSocket::encrypted, this, [s] {
        if (s->running)
            s->onEncrypted();
    });
    connect(s->socket, &QSslSocket::sslErrors, this,
            [s](const QList<QSslError> &errors) { s->onSslErrors(errors); });
    connect(s->socket, &QSslSocket::errorOccurred, this,
            [s](QAbstractSocket::SocketError error) { s->onError(error); });
    connect(s->socket, &QSslSocket::readyRead, this, [s] { s->onReadyRead(); });

    s->socket->connectToHost(spec.host, spec.port);
}

void Probe::cancel() {
    if (!m_state->running)
        return;
    m_state->fail(
        QStringLiteral("probe.cancelled"),
        QCoreApplication::translate("maildeck::compat::Probe", "The probe was cancelled."));
}

ProbeResult runProbeBlocking(const ProbeSpec &spec) {
    Probe probe;
    ProbeResult result;
    QEventLoop loop;
    QObject::connect(&probe, &Probe::finished, &loop, [&](const ProbeResult &r) {
        result = r;
        loop.quit();
    });
    probe.start(spec);
    if (probe.isRunning())
        loop.exec();
    return result;
}

} // namespace maildeck::compat
