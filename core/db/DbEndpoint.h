#pragma once

#include <QString>

namespace maildeck {

// Where the DB worker connects: for the tunnel route 127.0.0.1 and the forward's local port;
// for the direct route the profile's host and port (with TLS when the profile says so).
// Holds the password in memory only; never store or log it.
struct DbEndpoint {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 3306;
    QString user;
    QString password;
    QString database = QStringLiteral("vmail");
    bool tls = false;
    QString tlsCaFile; // with tls: the CA certificate that signed the server's certificate
    int connectTimeoutSeconds = 10;
    int readTimeoutSeconds = 120; // a single read from the server; long reports may need more
};

} // namespace maildeck
