#pragma once

#include "core/common/Result.h"
#include "core/profiles/ServerProfile.h"

#include <QCoreApplication>
#include <QFuture>
#include <QString>
#include <QStringList>

namespace maildeck {
class SshSession;
}

namespace maildeck::delegation {

// The MariaDB account the global admin works through once delegation is used.
//
// iRedMail's `vmailadmin` may only read and write `vmail`; installing the delegation schema and
// making per-admin accounts needs more (CREATE USER, GRANT, DEFINER of another account, KILL of
// a revoked admin's sessions). Root's password lives in /root/.my.cnf, which MailDeck does not
// use for daily work. Instead, set up once over SSH (root through sudo), MailDeck creates
// `maildeck_admin` with exactly what delegation needs — not root's rights: no other database,
// no FILE/SUPER/SHUTDOWN/RELOAD, no privileges it could give away beyond its own — and keeps its
// password on the server in a root-only option file beside iRedMail's (`/root/.my.cnf-maildeck`),
// so any desktop of the global admin reads it as it reads `.my.cnf-vmailadmin`.
class DelegationDbAccount {
    Q_DECLARE_TR_FUNCTIONS(maildeck::delegation::DelegationDbAccount)
public:
    static QString userName() { return QStringLiteral("maildeck_admin"); }
    // Beside the profile's credentials file: "/root/.my.cnf-vmailadmin" ->
    // "/root/.my.cnf-maildeck".
    static QString credentialsFileFor(const ServerProfile &profile);
    // The option file root's `mysql` client reads ("/root/.my.cnf" on iRedMail); when it is
    // missing, root logs in by unix socket (Debian's MariaDB default).
    static QString rootCredentialsFileFor(const ServerProfile &profile);

    // The statements that create or refresh the account (idempotent). `passwordHash` is the
    // mysql_native_password hash; the plain password never appears in SQL or on a command line.
    static QStringList setUpStatements(const QString &passwordHash, const QString &vmailDb);
    // The privileged shell script run over SSH. Its stdin carries the SQL, a marker line and the
    // option file's text (secrets never go on a command line, where `ps` shows them): the SQL
    // runs through root's client, the option file is written atomically (0400); a new account
    // is dropped again when any statement fails.
    static QString setUpScript(const ServerProfile &profile);

    // The profile switched to the account: dbUser and the server-side credentials file.
    static ServerProfile profileUsing(const ServerProfile &profile);
    // True when the profile already works through the account.
    static bool isUsedBy(const ServerProfile &profile);

    // Creates the account (or re-applies its privileges, keeping the password written in the
    // server's option file when there is one) and returns the profile that uses it. `ssh` must be
    // the global admin's session (root or sudo).
    static QFuture<Result<ServerProfile>> setUp(SshSession *ssh, const ServerProfile &profile);
};

} // namespace maildeck::delegation
