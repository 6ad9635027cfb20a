#pragma once

// The delegated admin's side: typed calls of the server's procedures and reads of its views
// (maildeck_delegation.*), on a QSqlDatabase opened with the admin's own MariaDB account
// (through the SSH forward). The server decides what is allowed; these functions only shape
// the calls, hash passwords on this side (core/db/PasswordHash: the clear password never
// leaves the desktop) and turn the server's refusals into Error values.
//
//   auto domains = DelegatedCalls::myDomains(db);              // ["example.com", …]
//   Status s = DelegatedCalls::createMailbox(db, QStringLiteral("john@example.com"),
//                                            password, QStringLiteral("John"), 1024);
//   if (!s && s.error().code == QLatin1String("delegation.denied")) …   // not your domain
//
// Error codes: "delegation.denied", "delegation.invalid", "delegation.not_found",
// "delegation.exists", "delegation.limit", "delegation.protected" (from the server), the
// EmailAddress/PasswordHash codes for input refused before calling, and "db.*".

#include "core/common/Result.h"
#include "core/db/PasswordHash.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace maildeck::delegation {

class DelegatedCalls {
    Q_DECLARE_TR_FUNCTIONS(DelegatedCalls)

public:
    // The domains the server lets this account manage (view v_domains), sorted.
    static Result<QStringList> myDomains(QSqlDatabase &db);
    // The iRedMail admin behind this account (view v_me); empty when not mapped or disabled.
    static Result<QString> whoAmI(QSqlDatabase &db);

    static Status createMailbox(QSqlDatabase &db, const QString &address, const QString &password,
                                const QString &name, qint64 quotaMb,
                                db::PasswordScheme scheme = db::PasswordScheme::Ssha512);
    static Status updateMailbox(QSqlDatabase &db, const QString &address, const QString &name,
                                const QString &language, bool active);
    static Status setQuota(QSqlDatabase &db, const QString &address, qint64 quotaMb);
    static Status setPassword(QSqlDatabase &db, const QString &address, const QString &password,
                              db::PasswordScheme scheme = db::PasswordScheme::Ssha512);
    static Status deleteMailbox(QSqlDatabase &db, const QString &address, int keepDays = 0);

    static Status addForwarding(QSqlDatabase &db, const QString &address,
                                const QString &destination);
    static Status removeForwarding(QSqlDatabase &db, const QString &address,
                                   const QString &destination);
    static Status setKeepLocalCopy(QSqlDatabase &db, const QString &address, bool keep);

    static Status createAlias(QSqlDatabase &db, const QString &address, const QString &name,
                              const QString &accessPolicy = QStringLiteral("public"));
    static Status updateAlias(QSqlDatabase &db, const QString &address, const QString &name,
                              const QString &accessPolicy, bool active);
    static Status deleteAlias(QSqlDatabase &db, const QString &address);
    static Status addAliasMember(QSqlDatabase &db, const QString &alias, const QString &member);
    static Status removeAliasMember(QSqlDatabase &db, const QString &alias, const QString &member);

    static Status createMailingList(QSqlDatabase &db, const QString &address, const QString &name,
                                    const QString &accessPolicy, qint64 maxMessageSize);
    static Status updateMailingList(QSqlDatabase &db, const QString &address, const QString &name,
                                    const QString &description, const QString &accessPolicy,
                                    qint64 maxMessageSize, bool active);
    static Status deleteMailingList(QSqlDatabase &db, const QString &address);
    static Status addModerator(QSqlDatabase &db, const QString &address, const QString &moderator);
    static Status removeModerator(QSqlDatabase &db, const QString &address,
                                  const QString &moderator);
    static Status addListOwner(QSqlDatabase &db, const QString &list, const QString &owner);
    static Status removeListOwner(QSqlDatabase &db, const QString &list, const QString &owner);

    // Calls maildeck_delegation.<procedure>(args…) with bound values.
    static Status call(QSqlDatabase &db, const QString &procedure, const QVariantList &args,
                       const QString &what);
};

} // namespace maildeck::delegation
