#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

namespace maildeck {

// Credentials from a MySQL/MariaDB option file such as iRedMail's /root/.my.cnf-vmailadmin:
//   [client]
//   host=127.0.0.1
//   user=vmailadmin
//   password="secret"
// Pure parser, unit-tested. Follows the option-file rules of MariaDB: `#` and `;` start a
// comment line, keys ignore `-`/`_` differences, values may be quoted with ' or " (then
// backslash escapes \n \t \r \b \s \\ \" \' apply), an unquoted value ends at ` #`.
struct MyCnfCredentials {
    QString user;
    QString password;
    QString host;
    quint16 port = 0;
    QString socket;
    QString database;
    bool hasPassword = false;
};

class MyCnf {
public:
    // Reads the [client] group (and [mysql], [client-server], [client-mariadb] as the client
    // tools do; later groups override earlier ones in file order). Fails (without any secret in
    // the message) when no password is found.
    static Result<MyCnfCredentials> parse(const QByteArray &text, const QString &fileName = {});
};

} // namespace maildeck
