#include "core/delegation/DomainAdmins.h"

#include "core/db/EmailAddress.h"
#include "core/db/SqlSupport.h"
#include "core/delegation/AuditLog.h"
#include "core/delegation/DelegatedAccounts.h"
#include "core/delegation/DelegationNames.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

namespace maildeck::delegation {

using db::Sql;

namespace {

bool auditAvailable(QSqlDatabase &db) {
    auto n = Sql::scalar(db,
                         QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES "
                                        "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'audit_log'"),
                         {DelegationNames::schemaName()}, QStringLiteral("check audit log"), 0);
    return n && n.value().toInt() > 0;
}

Status audit(QSqlDatabase &db, const QString &action, const QString &admin, const QString &domain,
             const QJsonObject &before, const QJsonObject &after) {
    if (!auditAvailable(db))
        return Status::success();
    return AuditLog::record(db, action, admin, domain, admin, before, after);
}

Result<QString> normalisedAdmin(const QString &input) {
    auto address = db::EmailAddress::parse(input);
    if (!address)
        return address.error();
    return address->toStorage();
}

Result<int> count(QSqlDatabase &db, const QString &sql, const QVariantList &values,
                  const QString &what) {
    auto n = Sql::scalar(db, sql, values, what, 0);
    if (!n)
        return n.error();
    return n.value().toInt();
}

struct AdminKind {
    bool standalone = false;
    bool mailbox = false;
    bool global = false;
};

Result<AdminKind> kindOf(QSqlDatabase &db, const QString &admin) {
    AdminKind kind;
    auto a = count(db, QStringLiteral("SELECT COUNT(*) FROM vmail.admin WHERE username = ?"),
                   {admin}, DomainAdmins::tr("look up the admin"));
    if (!a)
        return a.error();
    auto m = count(db,
                   QStringLiteral("SELECT COUNT(*) FROM vmail.mailbox WHERE username = ? AND "
                                  "(isadmin = 1 OR isglobaladmin = 1)"),
                   {admin}, DomainAdmins::tr("look up the admin"));
    if (!m)
        return m.error();
    auto g = count(db,
                   QStringLiteral("SELECT COUNT(*) FROM vmail.domain_admins WHERE username = ? "
                                  "AND domain = 'ALL'"),
                   {admin}, DomainAdmins::tr("look up the admin"));
    if (!g)
        return g.error();
    kind.standalone = a.value() > 0;
    kind.mailbox = !kind.standalone && m.value() > 0;
    kind.global = g.value() > 0;
    return kind;
}

Result<AdminKind> requireDomainAdmin(QSqlDatabase &db, const QString &admin) {
    auto kind = kindOf(db, admin);
    if (!kind)
        return kind.error();
    if (kind->global)
        return Error{QStringLiteral("delegation.admin.global"),
                     DomainAdmins::tr("%1 is a global admin; MailDeck does not change global "
                                      "admins here.")
                         .arg(admin),
                     {}};
    if (!kind->standalone && !kind->mailbox)
        return Error{QStringLiteral("delegation.admin.notfound"),
                     DomainAdmins::tr("%1 is not a domain admin.").arg(admin),
                     {}};
    return kind;
}

Result<QStringList> existingDomains(QSqlDatabase &db, const QStringList &input) {
    QStringList out;
    for (const QString &d : input) {
        auto name = db::DomainName::parse(d);
        if (!name)
            return name.error();
        auto n = count(db, QStringLiteral("SELECT COUNT(*) FROM vmail.domain WHERE domain = ?"),
                       {name->toStorage()}, DomainAdmins::tr("look up the domain"));
        if (!n)
            return n.error();
        if (n.value() == 0)
            return Error{
                QStringLiteral("delegation.domain.notfound"),
                DomainAdmins::tr("There is no domain %1 on this server.").arg(name->toDisplay()),
                {}};
        if (!out.contains(name->toStorage()))
            out << name->toStorage();
    }
    out.sort();
    return out;
}

Status insertDomainRows(QSqlDatabase &db, const QString &admin, const QStringList &domains,
                        const QString &now) {
    for (const QString &domain : domains) {
        auto q = Sql::exec(db,
                           QStringLiteral("INSERT INTO vmail.domain_admins (username, domain, "
                                          "created, active) VALUES (?, ?, ?, 1)"),
                           {admin, domain, now}, DomainAdmins::tr("give the domain"));
        if (!q)
            return q.error();
    }
    return Status::success();
}

} // namespace

Status DomainAdmins::create(QSqlDatabase &db, const NewDomainAdmin &input) {
    auto admin = normalisedAdmin(input.username);
    if (!admin)
        return admin.error();
    const QString adminDomain = admin->section(QLatin1Char('@'), 1);
    auto local = count(db,
                       QStringLiteral("SELECT (SELECT COUNT(*) FROM vmail.domain WHERE domain = ?) "
                                      "+ (SELECT COUNT(*) FROM vmail.alias_domain WHERE "
                                      "alias_domain = ?)"),
                       {adminDomain, adminDomain}, tr("check the admin's domain"));
    if (!local)
        return local.error();
    if (local.value() > 0)
        return Error{QStringLiteral("delegation.admin.local_domain"),
                     tr("A standalone admin's address must not be in a domain of this server "
                        "(iRedAdmin refuses it). Use a mail user of the domain instead "
                        "(promote the mailbox), or an outside address."),
                     {}};
    static const QRegularExpression languageRe(
        QRegularExpression::anchoredPattern(QStringLiteral("([a-z]{2}(_[A-Z]{2})?)?")));
    if (!languageRe.match(input.language).hasMatch())
        return Error{QStringLiteral("delegation.admin.language"),
                     tr("The language must look like en_US."),
                     {}};
    auto domains = existingDomains(db, input.domains);
    if (!domains)
        return domains.error();
    Result<QString> hash = input.passwordHash.isEmpty()
                               ? db::PasswordHash::generate(input.scheme, input.password)
                               : db::PasswordHash::normaliseImported(input.passwordHash);
    if (!hash)
        return hash.error();

    db::Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto exists = count(db,
                        QStringLiteral("SELECT (SELECT COUNT(*) FROM vmail.admin WHERE username = "
                                       "?) + (SELECT COUNT(*) FROM vmail.domain_admins WHERE "
                                       "username = ?)"),
                        {*admin, *admin}, tr("check the admin"));
    if (!exists)
        return exists.error();
    if (exists.value() > 0)
        return Error{QStringLiteral("delegation.admin.exists"),
                     tr("There is already an admin %1.").arg(*admin),
                     {}};
    const QString now = Sql::toSqlDateTime(Sql::nowUtc());
    auto q =
        Sql::exec(db,
                  QStringLiteral("INSERT INTO vmail.admin (username, name, password, "
                                 "language, passwordlastchange, created, active) "
                                 "VALUES (?, ?, ?, ?, ?, ?, 1)"),
                  {*admin, input.name, *hash, input.language, now, now}, tr("create the admin"));
    if (!q)
        return q.error();
    if (Status s = insertDomainRows(db, *admin, *domains, now); !s)
        return s;
    if (Status s =
            audit(db, QStringLiteral("admin.create"), *admin, {}, {},
                  QJsonObject{{QStringLiteral("username"), *admin},
                              {QStringLiteral("name"), input.name},
                              {QStringLiteral("domains"), QJsonArray::fromStringList(*domains)}});
        !s)
        return s;
    return tx.commit();
}

Status DomainAdmins::promoteMailbox(QSqlDatabase &db, const QString &mailbox,
                                    const QStringList &domainList) {
    auto admin = normalisedAdmin(mailbox);
    if (!admin)
        return admin.error();
    auto domains = existingDomains(db, domainList);
    if (!domains)
        return domains.error();
    db::Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto kind = kindOf(db, *admin);
    if (!kind)
        return kind.error();
    if (kind->global || kind->standalone)
        return Error{QStringLiteral("delegation.admin.exists"),
                     tr("%1 is already an admin.").arg(*admin),
                     {}};
    auto q = Sql::exec(db,
                       QStringLiteral("UPDATE vmail.mailbox SET isadmin = 1, isglobaladmin = 0, "
                                      "modified = ? WHERE username = ?"),
                       {Sql::toSqlDateTime(Sql::nowUtc()), *admin}, tr("make the user an admin"));
    if (!q)
        return q.error();
    if (q.value().numRowsAffected() == 0)
        return Error{QStringLiteral("delegation.admin.notfound"),
                     tr("There is no mailbox %1.").arg(*admin),
                     {}};
    for (const QString &domain : *domains) {
        auto held = count(db,
                          QStringLiteral("SELECT COUNT(*) FROM vmail.domain_admins WHERE "
                                         "username = ? AND domain = ?"),
                          {*admin, domain}, tr("check the admin's domains"));
        if (!held)
            return held.error();
        if (held.value() == 0)
            if (Status s =
                    insertDomainRows(db, *admin, {domain}, Sql::toSqlDateTime(Sql::nowUtc()));
                !s)
                return s;
    }
    if (Status s =
            audit(db, QStringLiteral("admin.promote_mailbox"), *admin, {}, {},
                  QJsonObject{{QStringLiteral("domains"), QJsonArray::fromStringList(*domains)}});
        !s)
        return s;
    return tx.commit();
}

Status DomainAdmins::grantDomain(QSqlDatabase &db, const QString &adminInput,
                                 const QString &domainInput) {
    auto admin = normalisedAdmin(adminInput);
    if (!admin)
        return admin.error();
    auto domains = existingDomains(db, {domainInput});
    if (!domains)
        return domains.error();
    const QString domain = domains->first();
    db::Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto kind = requireDomainAdmin(db, *admin);
    if (!kind)
        return kind.error();
    auto held = count(db,
                      QStringLiteral("SELECT COUNT(*) FROM vmail.domain_admins WHERE username = ? "
                                     "AND domain = ?"),
                      {*admin, domain}, tr("check the admin's domains"));
    if (!held)
        return held.error();
    if (held.value() > 0)
        return Status::success();
    if (Status s = insertDomainRows(db, *admin, {domain}, Sql::toSqlDateTime(Sql::nowUtc())); !s)
        return s;
    if (kind->mailbox) {
        auto q =
            Sql::exec(db, QStringLiteral("UPDATE vmail.mailbox SET isadmin = 1 WHERE username = ?"),
                      {*admin}, tr("give the domain"));
        if (!q)
            return q.error();
    }
    if (Status s = audit(db, QStringLiteral("admin.grant_domain"), *admin, domain, {},
                         QJsonObject{{QStringLiteral("domain"), domain}});
        !s)
        return s;
    return tx.commit();
}

Status DomainAdmins::revokeDomain(QSqlDatabase &db, const QString &adminInput,
                                  const QString &domainInput) {
    auto admin = normalisedAdmin(adminInput);
    if (!admin)
        return admin.error();
    auto domainName = db::DomainName::parse(domainInput);
    if (!domainName)
        return domainName.error();
    const QString domain = domainName->toStorage();
    db::Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto kind = requireDomainAdmin(db, *admin);
    if (!kind)
        return kind.error();
    auto q = Sql::exec(db,
                       QStringLiteral("DELETE FROM vmail.domain_admins WHERE username = ? AND "
                                      "domain = ?"),
                       {*admin, domain}, tr("take the domain away"));
    if (!q)
        return q.error();
    if (q.value().numRowsAffected() == 0)
        return Status::success();
    if (kind->mailbox) {
        auto left = count(db,
                          QStringLiteral("SELECT COUNT(*) FROM vmail.domain_admins WHERE "
                                         "username = ?"),
                          {*admin}, tr("take the domain away"));
        if (!left)
            return left.error();
        if (left.value() == 0) {
            auto u = Sql::exec(db,
                               QStringLiteral("UPDATE vmail.mailbox SET isadmin = 0 WHERE "
                                              "username = ?"),
                               {*admin}, tr("take the domain away"));
            if (!u)
                return u.error();
        }
    }
    if (Status s = audit(db, QStringLiteral("admin.revoke_domain"), *admin, domain,
                         QJsonObject{{QStringLiteral("domain"), domain}}, {});
        !s)
        return s;
    return tx.commit();
}

Status DomainAdmins::setActive(QSqlDatabase &db, const QString &adminInput, bool active) {
    auto admin = normalisedAdmin(adminInput);
    if (!admin)
        return admin.error();
    {
        db::Transaction tx(db);
        if (Status s = tx.begin(); !s)
            return s;
        auto kind = requireDomainAdmin(db, *admin);
        if (!kind)
            return kind.error();
        const QString now = Sql::toSqlDateTime(Sql::nowUtc());
        if (kind->standalone) {
            auto q = Sql::exec(db,
                               QStringLiteral("UPDATE vmail.admin SET active = ?, modified = ? "
                                              "WHERE username = ?"),
                               {active ? 1 : 0, now, *admin}, tr("change the admin"));
            if (!q)
                return q.error();
        }
        auto q = Sql::exec(db,
                           QStringLiteral("UPDATE vmail.domain_admins SET active = ?, modified = ? "
                                          "WHERE username = ?"),
                           {active ? 1 : 0, now, *admin}, tr("change the admin"));
        if (!q)
            return q.error();
        if (Status s =
                audit(db, active ? QStringLiteral("admin.enable") : QStringLiteral("admin.disable"),
                      *admin, {}, {}, {});
            !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
    }
    if (!auditAvailable(db))
        return Status::success();
    auto account = DelegatedAccounts::forAdmin(db, *admin);
    if (!account)
        return account.error();
    if (account.value())
        return DelegatedAccounts::setEnabled(db, account.value()->dbUser, active);
    return Status::success();
}

Status DomainAdmins::remove(QSqlDatabase &db, const QString &adminInput) {
    auto admin = normalisedAdmin(adminInput);
    if (!admin)
        return admin.error();
    {
        db::Transaction tx(db);
        if (Status s = tx.begin(); !s)
            return s;
        auto kind = requireDomainAdmin(db, *admin);
        if (!kind)
            return kind.error();
        auto q = Sql::exec(db, QStringLiteral("DELETE FROM vmail.domain_admins WHERE username = ?"),
                           {*admin}, tr("delete the admin"));
        if (!q)
            return q.error();
        if (kind->standalone) {
            auto d = Sql::exec(db, QStringLiteral("DELETE FROM vmail.admin WHERE username = ?"),
                               {*admin}, tr("delete the admin"));
            if (!d)
                return d.error();
        }
        auto u = Sql::exec(db,
                           QStringLiteral("UPDATE vmail.mailbox SET isadmin = 0, isglobaladmin = 0 "
                                          "WHERE username = ?"),
                           {*admin}, tr("delete the admin"));
        if (!u)
            return u.error();
        if (Status s = audit(db, QStringLiteral("admin.delete"), *admin, {},
                             QJsonObject{{QStringLiteral("username"), *admin}}, {});
            !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
    }
    if (!auditAvailable(db))
        return Status::success();
    auto account = DelegatedAccounts::forAdmin(db, *admin);
    if (!account)
        return account.error();
    if (account.value())
        return DelegatedAccounts::remove(db, account.value()->dbUser);
    return Status::success();
}

Result<QList<DomainAdminInfo>> DomainAdmins::list(QSqlDatabase &db) {
    auto q = Sql::exec(
        db,
        QStringLiteral("SELECT da.username, COALESCE(a.name, m.name, ''), COALESCE(a.language, "
                       "m.language, ''), "
                       "MIN(da.active) AND COALESCE(a.active, m.active, 1), a.username IS NULL, "
                       "GROUP_CONCAT(da.domain ORDER BY da.domain SEPARATOR ','), "
                       "COALESCE(a.created, MIN(da.created)) "
                       "FROM vmail.domain_admins da "
                       "LEFT JOIN vmail.admin a ON a.username = da.username "
                       "LEFT JOIN vmail.mailbox m ON m.username = da.username "
                       "WHERE da.username NOT IN (SELECT g.username FROM vmail.domain_admins g "
                       "WHERE g.domain = 'ALL') "
                       "GROUP BY da.username ORDER BY da.username"),
        {}, tr("list the domain admins"));
    if (!q)
        return q.error();
    QList<DomainAdminInfo> out;
    while (q.value().next()) {
        DomainAdminInfo info;
        info.username = q.value().value(0).toString();
        info.name = q.value().value(1).toString();
        info.language = q.value().value(2).toString();
        info.active = q.value().value(3).toInt() == 1;
        info.isMailbox = q.value().value(4).toInt() == 1;
        info.domains = q.value().value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        info.created = Sql::fromSqlDateTime(q.value().value(6));
        out << info;
    }
    return out;
}

} // namespace maildeck::delegation
