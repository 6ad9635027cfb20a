#include "core/db/DbTlsProbe.h"

#include <QCoreApplication>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QtEndian>

namespace maildeck::db {

namespace {

// Capability flags of the MySQL client/server protocol.
constexpr quint32 kClientLongPassword = 0x00000001;
constexpr quint32 kClientProtocol41 = 0x00000200;
constexpr quint32 kClientSsl = 0x00000800;
constexpr quint32 kClientSecureConnection = 0x00008000;
constexpr quint8 kUtf8mb4GeneralCi = 45;

QString tr(const char *text) {
    return QCoreApplication::translate("maildeck::db", text); // lupdate's context for this file
}

Error error(const char *code, const QString &message, const QString &detail = {}) {
    return {QString::fromLatin1(code), message, detail};
}

// Reads one protocol packet (3-byte little-endian length, sequence number, payload).
bool readPacket(QSslSocket &socket, QByteArray &payload, int timeoutMs) {
    while (socket.bytesAvailable() < 4)
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    const QByteArray header = socket.peek(4);
    const qint64 length = quint8(header[0]) | quint8(header[1]) << 8 | quint8(header[2]) << 16;
    while (socket.bytesAvailable() < 4 + length)
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    socket.read(4);
    payload = socket.read(length);
    return true;
}

// The server's capability flags (lower 16 bits) from its initial handshake packet (protocol 10).
bool serverCapabilities(const QByteArray &greeting, quint32 &caps) {
    if (greeting.isEmpty() || quint8(greeting[0]) != 10)
        return false;
    const qsizetype versionEnd = greeting.indexOf('\0', 1);
    // version NUL, connection id (4), auth data part 1 (8), filler (1), capabilities (2)
    const qsizetype at = versionEnd + 1 + 4 + 8 + 1;
    if (versionEnd < 0 || greeting.size() < at + 2)
        return false;
    caps = qFromLittleEndian<quint16>(greeting.constData() + at);
    return true;
}

} // namespace

Status probeDbTls(const QString &host, quint16 port, const QString &caFile, int timeoutMs) {
    const QString where = QStringLiteral("%1:%2").arg(host).arg(port);
    if (!QSslSocket::supportsSsl())
        return error("db.tls.unsupported", tr("TLS is not available in this installation of Qt "
                                              "(no TLS backend); cannot verify %1.")
                                               .arg(where));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!caFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (cas.isEmpty())
            return error(
                "db.tls.cafile",
                tr("The CA file %1 could not be read or holds no PEM certificate.").arg(caFile));
        config.setCaCertificates(cas); // the profile's CA only, not the system's
    }
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);

    QSslSocket socket;
    socket.setSslConfiguration(config);
    socket.setPeerVerifyName(host);
    socket.connectToHost(host, port);
    if (!socket.waitForConnected(timeoutMs))
        return error(
            "db.connect",
            tr("Cannot connect to the database server at %1: %2").arg(where, socket.errorString()));
    QByteArray greeting;
    quint32 caps = 0;
    if (!readPacket(socket, greeting, timeoutMs))
        return error("db.connect", tr("%1 did not answer like a MariaDB/MySQL server.").arg(where));
    if (greeting.size() > 3 && quint8(greeting[0]) == 0xff) // ERR packet: code (2), message
        return error("db.connect", tr("Cannot connect to the database server at %1: %2")
                                       .arg(where, QString::fromUtf8(greeting.mid(3))));
    if (!serverCapabilities(greeting, caps))
        return error("db.connect", tr("%1 did not answer like a MariaDB/MySQL server.").arg(where));
    if (!(caps & kClientSsl))
        return error("db.tls.unsupported",
                     tr("The database server at %1 does not offer TLS, but the profile requires "
                        "it.")
                         .arg(where));

    QByteArray request(4 + 32, '\0');
    request[0] = 32; // payload length; sequence number 1 follows
    request[3] = 1;
    qToLittleEndian<quint32>(kClientLongPassword | kClientProtocol41 | kClientSsl |
                                 kClientSecureConnection,
                             request.data() + 4);
    qToLittleEndian<quint32>(16u * 1024 * 1024, request.data() + 8);
    request[12] = char(kUtf8mb4GeneralCi);
    socket.write(request);
    if (!socket.waitForBytesWritten(timeoutMs))
        return error(
            "db.connect",
            tr("Cannot connect to the database server at %1: %2").arg(where, socket.errorString()));

    socket.startClientEncryption();
    const bool encrypted = socket.waitForEncrypted(timeoutMs);
    QStringList problems;
    for (const QSslError &e : socket.sslHandshakeErrors())
        problems << e.errorString();
    socket.abort();
    if (encrypted)
        return {};
    if (problems.isEmpty())
        problems << socket.errorString();
    return error("db.tls.certificate",
                 tr("The database server's certificate is not valid for %1: %2")
                     .arg(host, problems.join(QStringLiteral("; "))),
                 where);
}

} // namespace maildeck::db
