#pragma once

#include "core/common/Result.h"

#include <QString>

namespace maildeck::db {

// Checks, before the QMYSQL driver connects, that the database server at host:port speaks TLS
// with a certificate that chains to caFile (or to the system's CAs when caFile is empty) and is
// valid for host. MariaDB Connector/C 3.3 (Debian 12's libmariadb3) verifies the chain when given
// SSL_CA but never the host name, and Qt 6.4's QMYSQL cannot ask it to; so this probe speaks the
// MySQL handshake up to the SSLRequest packet, completes the TLS handshake with the host name as
// the peer's verify name, and closes. Blocking; runs in the database worker thread.
// Errors: db.tls.unsupported (server without TLS), db.tls.certificate (chain or name not valid),
// db.tls.cafile (CA file unreadable), db.connect (no connection or no MySQL greeting).
Status probeDbTls(const QString &host, quint16 port, const QString &caFile, int timeoutMs);

} // namespace maildeck::db
