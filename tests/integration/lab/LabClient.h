#pragma once

// A small line-protocol client for the lab's mail services (SMTP, POP3, IMAP, the policy
// service), for integration tests only: blocking calls with timeouts on a QSslSocket.
//
// TLS: the lab's certificate is self-signed. The client accepts exactly that certificate
// (same SHA-256 digest as $LAB_TLS_CERT) and no other: any TLS error with a different peer
// certificate fails the handshake.
//
// Source address: clients that must look external bind 127.0.0.2-5 (Linux routes all of
// 127/8 to lo); Postfix's mynetworks and Dovecot's "secured" (local) shortcut only cover
// 127.0.0.1.

#include "common/LabEnv.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QString>
#include <QStringList>

namespace LabClient {

// The loopback addresses the traffic script also uses (tests/lab/lib/common.sh).
inline QString clientAddress(const char *name, const char *fallback) {
    const QString v = LabEnv::value(name);
    return v.isEmpty() ? QString::fromLatin1(fallback) : v;
}
inline QString outsideMta() { return clientAddress("LAB_CLIENT_MTA", "127.0.0.2"); }
inline QString webServer() { return clientAddress("LAB_CLIENT_WEB", "127.0.0.3"); }
inline QString homePc() { return clientAddress("LAB_CLIENT_PC", "127.0.0.5"); }

// SHA-256 digest of the lab's certificate ($LAB_TLS_CERT), empty if unreadable.
inline QByteArray labCertDigest() {
    QFile f(LabEnv::value("LAB_TLS_CERT"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const auto certs = QSslCertificate::fromData(f.readAll(), QSsl::Pem);
    return certs.isEmpty() ? QByteArray() : certs.first().digest(QCryptographicHash::Sha256);
}

class Connection {
public:
    enum class Tls { None, Implicit };

    Connection() {
        QObject::connect(&m_socket, &QSslSocket::sslErrors, &m_socket,
                         [this](const QList<QSslError> &errors) { acceptLabCertOnly(errors); });
    }

    // Connects to 127.0.0.1:port from `source` (empty: any), with TLS from the start if asked.
    bool open(quint16 port, const QString &source = {}, Tls tls = Tls::None) {
        if (!source.isEmpty() && !m_socket.bind(QHostAddress(source), 0)) {
            m_error = QStringLiteral("bind %1: %2").arg(source, m_socket.errorString());
            return false;
        }
        m_socket.setPeerVerifyName(LabEnv::value("LAB_HOSTNAME"));
        if (tls == Tls::Implicit)
            m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        else
            m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        const bool ok = tls == Tls::Implicit ? m_socket.waitForEncrypted(10000)
                                             : m_socket.waitForConnected(10000);
        if (!ok)
            m_error = m_socket.errorString();
        return ok;
    }

    // STARTTLS / STLS after the server said yes.
    bool startTls() {
        m_socket.startClientEncryption();
        if (!m_socket.waitForEncrypted(10000)) {
            m_error = m_socket.errorString();
            return false;
        }
        return true;
    }

    bool encrypted() const { return m_socket.isEncrypted(); }
    QString error() const { return m_error; }

    void send(const QByteArray &line) {
        m_socket.write(QByteArray(line + "\r\n"));
        m_socket.flush();
    }

    // One line without CR LF; empty with error() set on timeout or close.
    QByteArray readLine(int timeoutMs = 30000) {
        while (!m_socket.canReadLine()) {
            if (!m_socket.waitForReadyRead(timeoutMs)) {
                m_error = QStringLiteral("no line from the server: %1").arg(m_socket.errorString());
                const QByteArray rest = m_socket.readAll(); // a last line without CR LF
                return rest.trimmed();
            }
        }
        return m_socket.readLine().trimmed();
    }

    // An SMTP reply: all its lines ("250-..." continuation, "250 ..." last); returns the last.
    QByteArray smtpReply(QByteArrayList *all = nullptr) {
        QByteArray line;
        do {
            line = readLine();
            if (all)
                all->append(line);
        } while (line.size() > 3 && line.at(3) == '-');
        return line;
    }

    QByteArray smtpCommand(const QByteArray &command) {
        send(command);
        return smtpReply();
    }

    // An IMAP command with tag `tag`; returns the tagged answer line.
    QByteArray imapCommand(const QByteArray &tag, const QByteArray &command) {
        send(QByteArray(tag + ' ' + command));
        const QByteArray prefix = tag + ' ';
        QByteArray line;
        do {
            line = readLine();
        } while (!line.isEmpty() && !line.startsWith(prefix));
        return line;
    }

    QSslSocket &socket() { return m_socket; }

private:
    void acceptLabCertOnly(const QList<QSslError> &errors) {
        const QByteArray want = labCertDigest();
        const QByteArray got = m_socket.peerCertificate().digest(QCryptographicHash::Sha256);
        if (want.isEmpty() || got != want)
            return; // not the lab's certificate: the handshake fails
        for (const QSslError &e : errors) {
            switch (e.error()) {
            case QSslError::SelfSignedCertificate:
            case QSslError::SelfSignedCertificateInChain:
            case QSslError::HostNameMismatch:
                break;
            default:
                return;
            }
        }
        m_socket.ignoreSslErrors();
    }

    QSslSocket m_socket;
    QString m_error;
};

// IMAP quoted string ("..." with \ and " escaped).
inline QByteArray imapQuote(const QString &s) {
    QByteArray raw = s.toUtf8();
    raw.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + raw + '"';
}

} // namespace LabClient
