#pragma once

// Per-domain admins as iRedAdmin-Pro keeps them (facts/iredmail.md §2.3, §4): a standalone
// admin is a row in vmail.admin plus one vmail.domain_admins row per managed domain; a mail
// user made domain admin gets mailbox.isadmin=1 plus the same domain_admins rows. Each call is
// one transaction (with its audit row when delegation is installed); the admin's MariaDB
// account (DelegatedAccounts) follows: disabling locks it, deleting drops it.
//
//   NewDomainAdmin a;
//   a.username = QStringLiteral("jane@partner.test");   // not in a local domain (as iRedAdmin)
//   a.name = QStringLiteral("Jane");  a.password = secret;  a.domains = {"example.com"};
//   Status s = DomainAdmins::create(db, a);
//   DomainAdmins::grantDomain(db, a.username, QStringLiteral("example.org"));
//   DomainAdmins::revokeDomain(db, a.username, QStringLiteral("example.com"));
//   DomainAdmins::setActive(db, a.username, false);
//   DomainAdmins::remove(db, a.username);
//
// Global admins (a domain_admins row 'ALL') are never changed here.
// Error codes: "delegation.admin.exists", "delegation.admin.notfound",
// "delegation.admin.global", "delegation.admin.local_domain", "delegation.domain.notfound",
// "delegation.admin.language", plus EmailAddress/DomainName/PasswordHash and "db.*" codes.

#include "core/common/Result.h"
#include "core/db/PasswordHash.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace maildeck::delegation {

struct NewDomainAdmin {
    QString username; // the admin's login address
    QString name;
    QString password; // plain text, hashed with `scheme`
    db::PasswordScheme scheme = db::PasswordScheme::Ssha512;
    QString passwordHash; // instead of `password`: a ready-made hash
    QString language = QStringLiteral("en_US");
    QStringList domains;
};

struct DomainAdminInfo {
    QString username;
    QString name;
    QString language;
    bool active = true;
    bool isMailbox = false; // a mail user with isadmin=1 (else a vmail.admin row)
    QStringList domains;    // sorted
    QDateTime created;      // UTC
};

class DomainAdmins {
    Q_DECLARE_TR_FUNCTIONS(DomainAdmins)

public:
    static Status create(QSqlDatabase &db, const NewDomainAdmin &admin);
    // Makes an existing mail user a domain admin of `domains`.
    static Status promoteMailbox(QSqlDatabase &db, const QString &mailbox,
                                 const QStringList &domains);
    static Status grantDomain(QSqlDatabase &db, const QString &admin, const QString &domain);
    // A mail user left without domains loses isadmin (iRedAdmin:
    // revoke_admin_privilege_if_no_managed_domains).
    static Status revokeDomain(QSqlDatabase &db, const QString &admin, const QString &domain);
    static Status setActive(QSqlDatabase &db, const QString &admin, bool active);
    // Removes the admin rows (a mail user keeps the mailbox, with isadmin=0) and the account.
    static Status remove(QSqlDatabase &db, const QString &admin);
    // Normal domain admins (not global ones), with their domains.
    static Result<QList<DomainAdminInfo>> list(QSqlDatabase &db);
};

} // namespace maildeck::delegation
