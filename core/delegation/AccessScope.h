#pragma once

// What the open database connection may do: the global admin's connection reads and writes the
// `vmail` tables; a per-domain admin's own MariaDB account (md_…, DelegatedAccounts) reads only
// the views maildeck_delegation.v_* and writes only through the procedures (DelegatedCalls).
//
//   auto scope = AccessScope::detect(db);            // on the DB worker, once after opening
//   if (AccessScope::isDelegated(db)) …              // the repositories route through
//                                                    // DelegatedData then
//
// Detection asks the server (no profile flag): Global when `vmail.domain` is readable,
// Delegated when `maildeck_delegation.v_me` is. The answer is remembered per connection (name,
// user, host, port), so a reopened connection with another account is detected again; of()
// detects on first use.

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

namespace maildeck::delegation {

enum class Access {
    Unknown,   // neither readable (no connection, or an account without rights)
    Global,    // the vmail tables
    Delegated, // only the delegation views and procedures
};

struct ScopeInfo {
    Access access = Access::Unknown;
    QString adminUsername; // Delegated: the iRedMail admin behind the account (v_me)
    QString dbUser;        // Delegated: the MariaDB account
};

class AccessScope {
    Q_DECLARE_TR_FUNCTIONS(AccessScope)

public:
    // Asks the server and remembers the answer for this connection. Errors only when the
    // connection itself failed.
    static Result<ScopeInfo> detect(QSqlDatabase &db);
    // The remembered answer; detects on first use. Unknown when neither is readable, and (not
    // remembered, so that the next call asks again) when the connection failed.
    static ScopeInfo of(QSqlDatabase &db);
    static bool isDelegated(QSqlDatabase &db) { return of(db).access == Access::Delegated; }
    static void forget(QSqlDatabase &db);

    // The error for a change the delegated path does not offer.
    static Error notOffered(const QString &what);
};

} // namespace maildeck::delegation
