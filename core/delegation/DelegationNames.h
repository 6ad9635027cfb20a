#pragma once

// Names, credentials and SQL quoting for the server-side delegation (pure, no database).
//
//   QString user = DelegationNames::accountNameFor(QStringLiteral("jane@example.com"));
//   // "md_jane_3f1a9c": the MariaDB account of that domain admin, created at every host of
//   // DelegationNames::accountHosts() (localhost, 127.0.0.1, ::1)
//   QString pw = DelegationNames::generatePassword();          // 32 random letters and digits
//   QString hash = DelegationNames::nativePasswordHash(pw);    // "*6C8989366EAF75BB…"
//   QString sql = QStringLiteral("ALTER USER %1 IDENTIFIED BY PASSWORD %2")
//                     .arg(DelegationNames::accountSpec(user, host),
//                          DelegationNames::quoteString(hash));
//
// Account names are `md_` + at most 21 characters of the admin's local part (a-z, 0-9, _)
// + `_` + 6 hex digits of SHA-256(admin username): at most 31 characters, unique in practice,
// and safe to paste into SQL after isValidAccountName(). Passwords go to the server only as a
// mysql_native_password hash (IDENTIFIED BY PASSWORD), never in clear text, so that neither the
// general log nor the process list can show them.

#include <QString>
#include <QStringList>

namespace maildeck::delegation {

class DelegationNames {
public:
    static QString schemaName() { return QStringLiteral("maildeck_delegation"); }
    // The locked account that owns the views and procedures.
    static QString definerUser() { return QStringLiteral("maildeck_definer"); }
    static QString definerHost() { return QStringLiteral("localhost"); }
    // The hosts a delegated admin's account exists at: the SSH forward arrives from the
    // loopback address, which the server names "localhost" unless skip_name_resolve is on.
    static QStringList accountHosts();

    static constexpr int MaxAccountNameLength = 31;
    static QString accountNameFor(const QString &adminUsername);
    static bool isValidAccountName(const QString &name);
    // A name for a SQL object of this schema (view, procedure): lower-case letters, digits, _.
    static bool isValidObjectName(const QString &name);

    // Cryptographically random, letters and digits only (log2(62) ≈ 5.95 bits per character).
    static QString generatePassword(int length = 32);
    // MariaDB's mysql_native_password hash: "*" + upper hex of SHA1(SHA1(password)).
    static QString nativePasswordHash(const QString &password);

    // A SQL string literal: single quotes doubled, backslashes doubled (safe with and without
    // NO_BACKSLASH_ESCAPES for the characters used here), NUL refused by the caller's checks.
    static QString quoteString(const QString &text);
    // 'user'@'host' with both parts quoted.
    static QString accountSpec(const QString &user, const QString &host);
};

} // namespace maildeck::delegation
