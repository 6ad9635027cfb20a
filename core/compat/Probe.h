#pragma once

// A real protocol conversation from the desktop with one mail service (SMTP, POP3 or IMAP), step
// by step, to prove that a client with a given shape (port, TLS, HELO name, source address,
// login) gets through — or to show exactly where it does not.

#include "core/profiles/ServerProfile.h"

#include <QList>
#include <QObject>
#include <QSsl>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <optional>

namespace maildeck::compat {

enum class ProbeProtocol { Smtp, Pop3, Imap };

// None: plain text all the way; StartTls: STARTTLS / STLS / IMAP STARTTLS after the greeting
// (required: the probe fails when the server does not offer it); Implicit: TLS from the first byte.
enum class ProbeTls { None, StartTls, Implicit };

QString protocolName(ProbeProtocol protocol); // "SMTP", "POP3", "IMAP"

// One conversation with one service.
struct ProbeSpec {
    ProbeProtocol protocol = ProbeProtocol::Smtp;
    QString host;
    quint16 port = 0;
    ProbeTls tls = ProbeTls::None;
    // Force exactly this TLS version (e.g. QSsl::TlsV1_0, QSsl::TlsV1_2). Unset: the client's
    // default (TLS 1.2 or later). Old versions lower OpenSSL's security level on this socket only.
    std::optional<QSsl::SslProtocol> tlsVersion;
    QString sourceAddress; // bind the local side before connecting (lab clients 127.0.0.2-.6)
    QString heloName;      // SMTP: EHLO name as sent (may be non-FQDN); empty: "maildeck.invalid"
    QString user;          // login (AUTH PLAIN/LOGIN, POP3 USER/PASS, IMAP LOGIN); empty: none
    QString password;
    QString mailFrom;   // SMTP: MAIL FROM after EHLO/AUTH (empty with rcptTo: "<>")
    QStringList rcptTo; // SMTP: RCPT TO each; then RSET + QUIT, never DATA
    QList<QSslCertificate> caCertificates; // extra trust anchors (lab CA); system CAs otherwise
    QString peerName;                      // TLS name to verify; empty: host
    int timeoutMs = 10000;                 // per step (connect, each reply, handshake)

    // For a person, translated: "POP3 USER/PASS on 110 (plain) from 127.0.0.5".
    QString describe() const;
};

// One step of the conversation. `sent` is what the probe wrote (the password and AUTH
// credentials masked as "********"), `reply` the server's complete (multi-line) reply.
struct ProbeStep {
    QString title; // translated, e.g. "EHLO", "STARTTLS", "TLS handshake", "Login"
    QString sent;
    QString reply;
    bool ok = false;
};

struct ProbeResult {
    bool passed = false;
    QList<ProbeStep> steps;
    QString failure; // translated reason of the first failing step; empty when passed
    // Stable code of the failure: "probe.connect", "probe.bind", "probe.timeout", "probe.closed",
    // "probe.network", "probe.garbage", "probe.line-too-long", "probe.reply-too-long",
    // "probe.tls.handshake", "probe.tls.certificate", "probe.tls.starttls", "probe.auth",
    // "probe.auth.unavailable", "probe.rejected", "probe.cancelled".
    QString failureCode;
    int smtpCode = 0;     // SMTP: code of the last reply read (e.g. 535, 554)
    QString enhancedCode; // SMTP: enhanced status code of the last reply (e.g. "5.7.8")
    QString lastReply;    // the last complete reply read (any protocol)
    QString tlsProtocol;  // negotiated, e.g. "TLSv1.3"; empty without TLS
    QString tlsCipher;    // negotiated cipher name
    QString localAddress; // the local side as the server saw it
    quint16 localPort = 0;
};

// Runs one probe asynchronously on the caller's thread (no nested event loop). Emits stepDone for
// every finished step (synchronously: do not delete the probe there, use deleteLater), then
// finished exactly once, queued (also after cancel(); deleting the probe from finished is safe).
// start() while running is ignored.
class Probe : public QObject {
    Q_OBJECT
public:
    explicit Probe(QObject *parent = nullptr);
    ~Probe() override;

    void start(const ProbeSpec &spec);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void stepDone(const maildeck::compat::ProbeStep &step);
    void finished(const maildeck::compat::ProbeResult &result);

private:
    struct State;
    State *m_state = nullptr;
};

// For the CLI and tests: runs the probe in its own event loop and returns the result.
ProbeResult runProbeBlocking(const ProbeSpec &spec);

// The port a client uses for a standard port on this server: the lab flavour listens on
// 10000+port (10025, 10587, 10465, 10110, 10995, 10143, 10993); every other flavour on the port.
quint16 servicePort(const ServerProfile &profile, quint16 standardPort);

// --- Reply parsing (public for tests and for the diagnosis) ---

// An SMTP reply: "250-first\r\n250 last" -> code 250, lines without the code, enhanced code
// from the last line when present ("5.7.1").
struct SmtpReply {
    int code = 0;
    QString enhancedCode;
    QStringList lines;    // text after "NNN-"/"NNN "
    QString text() const; // lines joined by "\n"
};

// Feeds raw lines (without CRLF); returns true once a complete reply was read into `reply`.
// Malformed lines set `error` (translated) and return true.
class SmtpReplyParser {
public:
    bool feed(const QString &line);
    const SmtpReply &reply() const { return m_reply; }
    QString error() const { return m_error; }
    void reset();

private:
    SmtpReply m_reply;
    QString m_error;
};

// POP3: "+OK ..." -> Ok, "-ERR ..." -> Err, anything else -> Garbage.
enum class Pop3Status { Ok, Err, Garbage };
Pop3Status parsePop3Status(const QString &line);

// IMAP: a tagged line "A1 OK ..." for tag "A1" -> "OK"/"NO"/"BAD"; an untagged or other tag's
// line -> empty.
QString imapTaggedStatus(const QString &line, const QString &tag);

// IMAP quoted string: "ab\"c\\d" with surrounding quotes. Returns nullopt for strings IMAP
// cannot quote (CR, LF, NUL) — those need a literal, which the probe does not send.
std::optional<QString> imapQuote(const QString &text);

// The maximum reply line length the probe accepts (longer: a failed step, not unbounded memory).
constexpr int kProbeMaxLineLength = 8192;
// The maximum number of lines of one reply (more: a failed step, "probe.reply-too-long").
constexpr int kProbeMaxReplyLines = 1000;

} // namespace maildeck::compat
