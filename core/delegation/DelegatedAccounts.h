#pragma once

// The MariaDB accounts of domain admins. Each admin gets one account name (`md_…`, see
// DelegationNames) at the hosts localhost, 127.0.0.1 and ::1, with EXECUTE on the public
// procedures and SELECT on the public views of `maildeck_delegation` and nothing else: no
// privilege on `vmail`, `mysql` or any other schema. A row in maildeck_delegation.account_map
// ties the account to the iRedMail admin (vmail.admin or a mailbox with isadmin=1); the views
// and procedures look the caller up there on every statement.
//
// Synchronous, on a QSqlDatabase opened as a privileged account; the delegation schema must be
// installed (DelegationSchema::install).
//
//   auto creds = DelegatedAccounts::create(db, QStringLiteral("jane@partner.test"));
//   if (creds) show(creds->dbUser, creds->password);   // the only time the password is known
//   DelegatedAccounts::setEnabled(db, creds->dbUser, false); // ACCOUNT LOCK + mapping off +
//                                                            // open sessions killed
//   auto fresh = DelegatedAccounts::rotatePassword(db, creds->dbUser);
//   DelegatedAccounts::remove(db, creds->dbUser);
//
// CREATE USER and GRANT commit implicitly; create() undoes its partial work on failure.
// Passwords reach the server only as a mysql_native_password hash.
//
// Error codes: "delegation.account.name", "delegation.account.exists",
// "delegation.account.notfound", "delegation.admin.notfound", "delegation.not_installed",
// plus Sql::errorFrom's "db.*".

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace maildeck::delegation {

struct AccountCredentials {
    QString dbUser;
    QString password; // shown once to the global admin; never stored by MailDeck
};

struct DelegatedAccount {
    QString dbUser;
    QString adminUsername;
    bool enabled = true; // account_map.active
    bool locked = false; // ACCOUNT LOCK at every host
    QStringList hosts;   // hosts where the account exists
    QDateTime created;   // UTC
    QDateTime modified;  // UTC
};

class DelegatedAccounts {
    Q_DECLARE_TR_FUNCTIONS(DelegatedAccounts)

public:
    // `adminUsername` must be an admin in vmail.admin or a mailbox with isadmin=1 (a normal
    // domain admin); global admins ('ALL') are refused: they use their own account.
    static Result<AccountCredentials> create(QSqlDatabase &db, const QString &adminUsername);
    static Status setEnabled(QSqlDatabase &db, const QString &dbUser, bool enabled);
    static Result<QString> rotatePassword(QSqlDatabase &db, const QString &dbUser);
    static Status remove(QSqlDatabase &db, const QString &dbUser);
    static Result<QList<DelegatedAccount>> list(QSqlDatabase &db);
    static Result<std::optional<DelegatedAccount>> forAdmin(QSqlDatabase &db,
                                                            const QString &adminUsername);

    // Revokes everything from the account and grants exactly the public objects again.
    static Status applyGrants(QSqlDatabase &db, const QString &dbUser);
    // Ends the account's open connections (KILL CONNECTION), so a revocation cannot wait for
    // a client to reconnect.
    static Status killSessions(QSqlDatabase &db, const QString &dbUser);
};

} // namespace maildeck::delegation
