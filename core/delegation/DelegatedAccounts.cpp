#include "core/delegation/DelegatedAccounts.h"

#include "core/common/Logging.h"
#include "core/db/EmailAddress.h"
#include "core/db/SqlSupport.h"
#include "core/delegation/AuditLog.h"
#include "core/delegation/DelegationNames.h"
#include "core/delegation/DelegationSchema.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace maildeck::delegation {

using db::Sql;

namespace {

Error badName(const QString &dbUser) {
    return {QStringLiteral("delegation.account.name"),
            DelegatedAccounts::tr("%1 is not a MailDeck delegated account name.").arg(dbUser),
            {}};
}

Status requireInstalled(QSqlDatabase &db) {
    auto n = Sql::scalar(db,
                         QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES "
                                        "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'account_map'"),
                         {DelegationNames::schemaName()},
                         DelegatedAccounts::tr("check the delegation schema"), 0);
    if (!n)
        return n.error();
    if (n.value().toInt() == 0)
        return Error{QStringLiteral("delegation.not_installed"),
                     DelegatedAccounts::tr("Delegation is not installed on this server."),
                     {}};
    return Status::success();
}

// Hosts at which `dbUser` exists, with their lock state.
Result<QList<QPair<QString, bool>>> existingHosts(QSqlDatabase &db, const QString &dbUser) {
    auto q = Sql::exec(db,
                       QStringLiteral("SELECT Host, COALESCE(JSON_EXTRACT(Priv, "
                                      "'$.account_locked'), 'false') FROM mysql.global_priv "
                                      "WHERE User = ? ORDER BY Host"),
                       {dbUser}, DelegatedAccounts::tr("read the database accounts"));
    if (!q)
        return q.error();
    QList<QPair<QString, bool>> hosts;
    while (q.value().next())
        hosts.append({q.value().value(0).toString(),
                      q.value().value(1).toString() == QLatin1String("true")});
    return hosts;
}

QString specs(const QString &dbUser, const QStringList &hosts) {
    QStringList out;
    for (const QString &host : hosts)
        out << DelegationNames::accountSpec(dbUser, host);
    return out.join(QLatin1String(", "));
}

Result<QString> adminOf(QSqlDatabase &db, const QString &dbUser) {
    auto admin = Sql::scalar(db,
                             QStringLiteral("SELECT admin_username FROM "
                                            "maildeck_delegation.account_map WHERE db_user = ?"),
                             {dbUser}, DelegatedAccounts::tr("read the account mapping"));
    if (!admin)
        return admin.error();
    if (admin.value().isNull())
        return Error{QStringLiteral("delegation.account.notfound"),
                     DelegatedAccounts::tr("There is no delegated account %1.").arg(dbUser),
                     {}};
    return admin.value().toString();
}

} // namespace

Status DelegatedAccounts::applyGrants(QSqlDatabase &db, const QString &dbUser) {
    if (!DelegationNames::isValidAccountName(dbUser))
        return badName(dbUser);
    auto hosts = existingHosts(db, dbUser);
    if (!hosts)
        return hosts.error();
    QStringList hostNames;
    for (const auto &h : hosts.value())
        hostNames << h.first;
    if (hostNames.isEmpty())
        return Status::success();
    auto procedures = DelegationSchema::publicProcedures(db);
    if (!procedures)
        return procedures.error();
    auto views = DelegationSchema::publicViews(db);
    if (!views)
        return views.error();
    const QString to = specs(dbUser, hostNames);
    if (Status s = DelegationSchema::execDirect(
            db, QStringLiteral("REVOKE ALL PRIVILEGES, GRANT OPTION FROM %1").arg(to),
            tr("reset the account's privileges"));
        !s)
        return s;
    for (const QString &p : procedures.value())
        if (Status s = DelegationSchema::execDirect(
                db,
                QStringLiteral("GRANT EXECUTE ON PROCEDURE maildeck_delegation.`%1` TO %2")
                    .arg(p, to),
                tr("grant the delegation procedures"));
            !s)
            return s;
    for (const QString &v : views.value())
        if (Status s = DelegationSchema::execDirect(
                db, QStringLiteral("GRANT SELECT ON maildeck_delegation.`%1` TO %2").arg(v, to),
                tr("grant the delegation views"));
            !s)
            return s;
    return Status::success();
}

Result<AccountCredentials> DelegatedAccounts::create(QSqlDatabase &db,
                                                     const QString &adminUsername) {
    if (Status s = requireInstalled(db); !s)
        return s.error();
    auto address = db::EmailAddress::parse(adminUsername);
    if (!address)
        return address.error();
    const QString admin = address->toStorage();

    auto known = Sql::scalar(db,
                             QStringLiteral("SELECT (SELECT COUNT(*) FROM vmail.admin WHERE "
                                            "username = ?) + (SELECT COUNT(*) FROM vmail.mailbox "
                                            "WHERE username = ? AND isadmin = 1)"),
                             {admin, admin}, tr("look up the admin"), 0);
    if (!known)
        return known.error();
    auto global = Sql::scalar(db,
                              QStringLiteral("SELECT COUNT(*) FROM vmail.domain_admins WHERE "
                                             "username = ? AND domain = 'ALL'"),
                              {admin}, tr("look up the admin"), 0);
    if (!global)
        return global.error();
    if (known.value().toInt() == 0 || global.value().toInt() > 0)
        return Error{QStringLiteral("delegation.admin.notfound"),
                     tr("%1 is not a domain admin (global admins do not get a delegated "
                        "account).")
                         .arg(admin),
                     {}};
    auto existing = forAdmin(db, admin);
    if (!existing)
        return existing.error();
    const QString dbUser = DelegationNames::accountNameFor(admin);
    auto hosts = existingHosts(db, dbUser);
    if (!hosts)
        return hosts.error();
    if (existing.value().has_value() || !hosts.value().isEmpty())
        return Error{QStringLiteral("delegation.account.exists"),
                     tr("%1 already has a database account.").arg(admin),
                     {}};

    AccountCredentials creds{dbUser, DelegationNames::generatePassword()};
    const QString hash = DelegationNames::nativePasswordHash(creds.password);
    auto undo = [&] {
        for (const QString &host : DelegationNames::accountHosts())
            DelegationSchema::execDirect(db,
                                         QStringLiteral("DROP USER IF EXISTS %1")
                                             .arg(DelegationNames::accountSpec(dbUser, host)),
                                         tr("remove the database account"));
        Sql::exec(db,
                  QStringLiteral("DELETE FROM maildeck_delegation.account_map WHERE db_user = ?"),
                  {dbUser}, tr("remove the account mapping"));
    };
    {
        db::Transaction tx(db);
        if (Status s = tx.begin(); !s)
            return s.error();
        auto mapped = Sql::exec(db,
                                QStringLiteral("INSERT INTO maildeck_delegation.account_map "
                                               "(db_user, admin_username, active, created, "
                                               "modified) VALUES (?, ?, 1, UTC_TIMESTAMP(), "
                                               "UTC_TIMESTAMP())"),
                                {dbUser, admin}, tr("map the database account"));
        if (!mapped)
            return mapped.error();
        if (Status s = AuditLog::record(db, QStringLiteral("account.create"), admin, {}, dbUser, {},
                                        QJsonObject{{QStringLiteral("db_user"), dbUser}});
            !s)
            return s.error();
        if (Status s = tx.commit(); !s)
            return s.error();
    }
    for (const QString &host : DelegationNames::accountHosts()) {
        Status s = DelegationSchema::execDirect(
            db,
            QStringLiteral("CREATE USER %1 IDENTIFIED BY PASSWORD %2 WITH MAX_USER_CONNECTIONS 10")
                .arg(DelegationNames::accountSpec(dbUser, host),
                     DelegationNames::quoteString(hash)),
            tr("create the database account"));
        if (!s) {
            undo();
            return s.error();
        }
    }
    if (Status s = applyGrants(db, dbUser); !s) {
        undo();
        return s.error();
    }
    qCInfo(lcDb) << "delegation: created account" << dbUser << "for" << admin;
    return creds;
}

Status DelegatedAccounts::setEnabled(QSqlDatabase &db, const QString &dbUser, bool enabled) {
    if (!DelegationNames::isValidAccountName(dbUser))
        return badName(dbUser);
    auto admin = adminOf(db, dbUser);
    if (!admin)
        return admin.error();
    {
        db::Transaction tx(db);
        if (Status s = tx.begin(); !s)
            return s;
        auto q = Sql::exec(db,
                           QStringLiteral("UPDATE maildeck_delegation.account_map SET active = ?, "
                                          "modified = UTC_TIMESTAMP() WHERE db_user = ?"),
                           {enabled ? 1 : 0, dbUser}, tr("change the account mapping"));
        if (!q)
            return q.error();
        if (Status s = AuditLog::record(
                db, enabled ? QStringLiteral("account.enable") : QStringLiteral("account.disable"),
                admin.value(), {}, dbUser, {}, {});
            !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
    }
    auto hosts = existingHosts(db, dbUser);
    if (!hosts)
        return hosts.error();
    for (const auto &h : hosts.value())
        if (Status s = DelegationSchema::execDirect(
                db,
                QStringLiteral("ALTER USER %1 ACCOUNT %2")
                    .arg(DelegationNames::accountSpec(dbUser, h.first),
                         enabled ? QStringLiteral("UNLOCK") : QStringLiteral("LOCK")),
                tr("lock or unlock the database account"));
            !s)
            return s;
    if (!enabled)
        return killSessions(db, dbUser);
    return Status::success();
}

Result<QString> DelegatedAccounts::rotatePassword(QSqlDatabase &db, const QString &dbUser) {
    if (!DelegationNames::isValidAccountName(dbUser))
        return badName(dbUser);
    auto admin = adminOf(db, dbUser);
    if (!admin)
        return admin.error();
    auto hosts = existingHosts(db, dbUser);
    if (!hosts)
        return hosts.error();
    const QString password = DelegationNames::generatePassword();
    const QString hash = DelegationNames::nativePasswordHash(password);
    for (const auto &h : hosts.value())
        if (Status s = DelegationSchema::execDirect(
                db,
                QStringLiteral("ALTER USER %1 IDENTIFIED BY PASSWORD %2")
                    .arg(DelegationNames::accountSpec(dbUser, h.first),
                         DelegationNames::quoteString(hash)),
                tr("change the account's password"));
            !s)
            return s.error();
    if (Status s = AuditLog::record(db, QStringLiteral("account.rotate_password"), admin.value(),
                                    {}, dbUser, {}, {});
        !s)
        return s.error();
    return password;
}

Status DelegatedAccounts::remove(QSqlDatabase &db, const QString &dbUser) {
    if (!DelegationNames::isValidAccountName(dbUser))
        return badName(dbUser);
    auto admin = adminOf(db, dbUser);
    const QString adminName = admin ? admin.value() : QString();
    // First the mapping (the procedures refuse at once), then the accounts and their sessions.
    {
        db::Transaction tx(db);
        if (Status s = tx.begin(); !s)
            return s;
        auto q = Sql::exec(db,
                           QStringLiteral("DELETE FROM maildeck_delegation.account_map "
                                          "WHERE db_user = ?"),
                           {dbUser}, tr("remove the account mapping"));
        if (!q)
            return q.error();
        if (Status s = AuditLog::record(db, QStringLiteral("account.delete"), adminName, {}, dbUser,
                                        QJsonObject{{QStringLiteral("db_user"), dbUser}}, {});
            !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
    }
    auto hosts = existingHosts(db, dbUser);
    if (!hosts)
        return hosts.error();
    for (const auto &h : hosts.value())
        if (Status s = DelegationSchema::execDirect(
                db,
                QStringLiteral("DROP USER IF EXISTS %1")
                    .arg(DelegationNames::accountSpec(dbUser, h.first)),
                tr("remove the database account"));
            !s)
            return s;
    return killSessions(db, dbUser);
}

Status DelegatedAccounts::killSessions(QSqlDatabase &db, const QString &dbUser) {
    if (!DelegationNames::isValidAccountName(dbUser))
        return badName(dbUser);
    auto q = Sql::exec(db,
                       QStringLiteral("SELECT ID FROM information_schema.PROCESSLIST "
                                      "WHERE USER = ?"),
                       {dbUser}, tr("list the account's sessions"));
    if (!q)
        return q.error();
    QList<qint64> ids;
    while (q.value().next())
        ids << q.value().value(0).toLongLong();
    for (qint64 id : ids) {
        // The session may have ended meanwhile (error 1094): that is what we want anyway.
        QSqlQuery kill(db);
        kill.exec(QStringLiteral("KILL CONNECTION %1").arg(id));
    }
    return Status::success();
}

Result<QList<DelegatedAccount>> DelegatedAccounts::list(QSqlDatabase &db) {
    if (Status s = requireInstalled(db); !s)
        return s.error();
    auto q = Sql::exec(db,
                       QStringLiteral("SELECT db_user, admin_username, active, created, modified "
                                      "FROM maildeck_delegation.account_map ORDER BY "
                                      "admin_username"),
                       {}, tr("list the delegated accounts"));
    if (!q)
        return q.error();
    QList<DelegatedAccount> out;
    while (q.value().next()) {
        DelegatedAccount a;
        a.dbUser = q.value().value(0).toString();
        a.adminUsername = q.value().value(1).toString();
        a.enabled = q.value().value(2).toInt() == 1;
        a.created = Sql::fromSqlDateTime(q.value().value(3));
        a.modified = Sql::fromSqlDateTime(q.value().value(4));
        out << a;
    }
    for (DelegatedAccount &a : out) {
        auto hosts = existingHosts(db, a.dbUser);
        if (!hosts)
            return hosts.error();
        bool allLocked = !hosts.value().isEmpty();
        for (const auto &h : hosts.value()) {
            a.hosts << h.first;
            allLocked = allLocked && h.second;
        }
        a.locked = allLocked;
    }
    return out;
}

Result<std::optional<DelegatedAccount>> DelegatedAccounts::forAdmin(QSqlDatabase &db,
                                                                    const QString &adminUsername) {
    auto all = list(db);
    if (!all)
        return all.error();
    const QString wanted = adminUsername.trimmed().toLower();
    for (const DelegatedAccount &a : all.value())
        if (a.adminUsername == wanted)
            return std::optional<DelegatedAccount>(a);
    return std::optional<DelegatedAccount>();
}

} // namespace maildeck::delegation
