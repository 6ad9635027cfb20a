#include "core/delegation/DelegationSchema.h"

#include "core/common/Logging.h"
#include "core/db/SqlSupport.h"
#include "core/delegation/DelegatedAccounts.h"
#include "core/delegation/DelegationNames.h"
#include "core/delegation/ListAgent.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace maildeck::delegation {

using db::Sql;

namespace {

// Every routine is created under this sql_mode and character set: patterns in the procedures
// must not depend on the server's defaults (NO_BACKSLASH_ESCAPES, ANSI_QUOTES, …).
const char *const RoutineSqlMode = "STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,"
                                   "NO_ENGINE_SUBSTITUTION";

QString definerSpec() {
    return DelegationNames::accountSpec(DelegationNames::definerUser(),
                                        DelegationNames::definerHost());
}

bool schemaExists(QSqlDatabase &db) {
    auto n = Sql::scalar(db,
                         QStringLiteral("SELECT COUNT(*) FROM information_schema.SCHEMATA "
                                        "WHERE SCHEMA_NAME = ?"),
                         {DelegationNames::schemaName()}, QStringLiteral("check schema"), 0);
    return n && n.value().toInt() > 0;
}

bool versionTableExists(QSqlDatabase &db) {
    auto n = Sql::scalar(db,
                         QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES "
                                        "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'schema_version'"),
                         {DelegationNames::schemaName()}, QStringLiteral("check schema"), 0);
    return n && n.value().toInt() > 0;
}

// Restores the session's sql_mode when the install or upgrade is done.
class SessionModeGuard {
public:
    explicit SessionModeGuard(QSqlDatabase &db)
        : m_db(db) {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("SELECT @@SESSION.sql_mode")) && q.next())
            m_saved = q.value(0).toString();
        q.exec(QStringLiteral("SET SESSION sql_mode = '%1'").arg(QLatin1String(RoutineSqlMode)));
        q.exec(QStringLiteral("SET NAMES utf8mb4 COLLATE utf8mb4_general_ci"));
    }
    ~SessionModeGuard() {
        Sql::exec(m_db, QStringLiteral("SET SESSION sql_mode = ?"), {m_saved},
                  QStringLiteral("restore sql_mode"));
    }
    SessionModeGuard(const SessionModeGuard &) = delete;
    SessionModeGuard &operator=(const SessionModeGuard &) = delete;

private:
    QSqlDatabase &m_db;
    QString m_saved;
};

} // namespace

Status DelegationSchema::execDirect(QSqlDatabase &db, const QString &sql, const QString &what) {
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        qCDebug(lcDb) << "delegation statement failed:" << what
                      << query.lastError().nativeErrorCode();
        return Sql::errorFrom(query.lastError(), what);
    }
    return Status::success();
}

Error DelegationSchema::procedureError(const QSqlError &error, const QString &what) {
    static const QRegularExpression re(QStringLiteral("maildeck\\.([a-z_]+): ?(.*)$"));
    const auto match = re.match(error.databaseText());
    if (error.nativeErrorCode() == QLatin1String("1644") && match.hasMatch())
        return {QStringLiteral("delegation.") + match.captured(1),
                tr("Could not %1: the server refused it (%2).").arg(what, match.captured(2)),
                error.text()};
    return Sql::errorFrom(error, what);
}

Result<QStringList> DelegationSchema::publicProcedures(QSqlDatabase &db) {
    auto q = Sql::exec(db,
                       QStringLiteral("SELECT ROUTINE_NAME FROM information_schema.ROUTINES "
                                      "WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE = 'PROCEDURE' "
                                      "AND LEFT(ROUTINE_NAME, 4) <> 'int_' ORDER BY ROUTINE_NAME"),
                       {DelegationNames::schemaName()}, tr("list the delegation procedures"));
    if (!q)
        return q.error();
    QStringList names;
    while (q.value().next()) {
        const QString name = q.value().value(0).toString();
        if (DelegationNames::isValidObjectName(name))
            names << name;
    }
    return names;
}

Result<QStringList> DelegationSchema::publicViews(QSqlDatabase &db) {
    auto q = Sql::exec(db,
                       QStringLiteral("SELECT TABLE_NAME FROM information_schema.TABLES "
                                      "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'VIEW' "
                                      "AND LEFT(TABLE_NAME, 2) = 'v_' ORDER BY TABLE_NAME"),
                       {DelegationNames::schemaName()}, tr("list the delegation views"));
    if (!q)
        return q.error();
    QStringList names;
    while (q.value().next()) {
        const QString name = q.value().value(0).toString();
        if (DelegationNames::isValidObjectName(name))
            names << name;
    }
    return names;
}

Result<SchemaStatus> DelegationSchema::status(QSqlDatabase &db) {
    auto migrations = Migrations::load();
    if (!migrations)
        return migrations.error();
    SchemaStatus st;
    st.latestVersion = migrations->isEmpty() ? 0 : migrations->last().version;
    auto definer = Sql::scalar(db,
                               QStringLiteral("SELECT COUNT(*) FROM mysql.user "
                                              "WHERE User = ? AND Host = ?"),
                               {DelegationNames::definerUser(), DelegationNames::definerHost()},
                               tr("check the delegation account"), 0);
    if (!definer)
        return definer.error();
    st.definerExists = definer.value().toInt() > 0;
    auto anonymous =
        Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = ''"), {},
                    tr("check the server's accounts"), 0);
    if (!anonymous)
        return anonymous.error();
    st.anonymousAccounts = anonymous.value().toInt();
    if (!schemaExists(db) || !versionTableExists(db))
        return st;
    auto q = Sql::exec(db,
                       QStringLiteral("SELECT version, name, checksum, applied_at, applied_by "
                                      "FROM maildeck_delegation.schema_version ORDER BY version"),
                       {}, tr("read the delegation schema version"));
    if (!q)
        return q.error();
    while (q.value().next()) {
        AppliedMigration a;
        a.version = q.value().value(0).toInt();
        a.name = q.value().value(1).toString();
        a.checksum = q.value().value(2).toString().toLatin1();
        a.appliedAt = Sql::fromSqlDateTime(q.value().value(3));
        a.appliedBy = q.value().value(4).toString();
        st.applied << a;
        st.installedVersion = std::max(st.installedVersion, a.version);
    }
    return st;
}

Status DelegationSchema::preflight(QSqlDatabase &db) {
    auto anonymous =
        Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM mysql.user WHERE User = ''"), {},
                    tr("check the server's accounts"), 0);
    if (!anonymous)
        return anonymous.error();
    if (anonymous.value().toInt() > 0)
        return Error{QStringLiteral("delegation.anonymous_accounts"),
                     tr("The database server has anonymous accounts (''@host). With them a "
                        "client could pose as a domain admin's account name. Remove them first "
                        "(mariadb-secure-installation does), then install delegation."),
                     {}};
    const QStringList tables = {QStringLiteral("domain"),
                                QStringLiteral("domain_admins"),
                                QStringLiteral("admin"),
                                QStringLiteral("mailbox"),
                                QStringLiteral("forwardings"),
                                QStringLiteral("alias"),
                                QStringLiteral("alias_domain"),
                                QStringLiteral("maillists"),
                                QStringLiteral("moderators"),
                                QStringLiteral("maillist_owners"),
                                QStringLiteral("deleted_mailboxes"),
                                QStringLiteral("used_quota"),
                                QStringLiteral("recipient_bcc_user"),
                                QStringLiteral("sender_bcc_user")};
    for (const QString &table : tables) {
        auto n = Sql::scalar(db,
                             QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES "
                                            "WHERE TABLE_SCHEMA = 'vmail' AND TABLE_NAME = ?"),
                             {table}, tr("check the vmail database"), 0);
        if (!n)
            return n.error();
        if (n.value().toInt() == 0)
            return Error{QStringLiteral("delegation.vmail_missing"),
                         tr("The vmail database has no table %1; this does not look like an "
                            "iRedMail server with MariaDB.")
                             .arg(table),
                         {}};
    }
    return Status::success();
}

Status DelegationSchema::apply(QSqlDatabase &db, const Migration &migration) {
    for (qsizetype i = 0; i < migration.statements.size(); ++i) {
        QSqlQuery query(db);
        if (!query.exec(migration.statements.at(i))) {
            const QSqlError e = query.lastError();
            return Error{QStringLiteral("delegation.migration.failed"),
                         tr("Installing step %1 of the delegation schema failed at statement %2: "
                            "%3")
                             .arg(migration.fileName)
                             .arg(i + 1)
                             .arg(e.databaseText()),
                         e.text()};
        }
    }
    auto recorded =
        Sql::exec(db,
                  QStringLiteral("INSERT INTO maildeck_delegation.schema_version "
                                 "(version, name, checksum, applied_at, applied_by) "
                                 "VALUES (?, ?, ?, UTC_TIMESTAMP(), CURRENT_USER())"),
                  {migration.version, migration.name, QString::fromLatin1(migration.checksum)},
                  tr("record the delegation schema version"));
    if (!recorded)
        return recorded.error();
    qCInfo(lcDb) << "delegation schema: applied" << migration.fileName;
    return Status::success();
}

Status DelegationSchema::install(QSqlDatabase &db, int targetVersion) {
    if (Status pre = preflight(db); !pre)
        return pre;
    auto st = status(db);
    if (!st)
        return st.error();
    if (st->installedVersion > 0)
        return upgrade(db, targetVersion);

    const bool leftover = schemaExists(db);
    {
        SessionModeGuard mode(db);
        if (!leftover) {
            if (Status s = execDirect(db,
                                      QStringLiteral("CREATE DATABASE maildeck_delegation "
                                                     "CHARACTER SET utf8mb4 COLLATE "
                                                     "utf8mb4_general_ci"),
                                      tr("create the delegation schema"));
                !s)
                return s;
        }
        Status s = execDirect(db,
                              QStringLiteral("CREATE TABLE IF NOT EXISTS "
                                             "maildeck_delegation.schema_version ("
                                             "version INT NOT NULL PRIMARY KEY, "
                                             "name VARCHAR(64) NOT NULL, "
                                             "checksum CHAR(64) CHARACTER SET ascii NOT NULL, "
                                             "applied_at DATETIME NOT NULL, "
                                             "applied_by VARCHAR(255) NOT NULL DEFAULT '') "
                                             "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"),
                              tr("create the delegation schema"));
        // The definer never logs in: locked, with a random password nobody keeps.
        const QString hash =
            DelegationNames::nativePasswordHash(DelegationNames::generatePassword(40));
        if (s && !st->definerExists)
            s = execDirect(db,
                           QStringLiteral("CREATE USER %1 IDENTIFIED BY PASSWORD %2 ACCOUNT LOCK")
                               .arg(definerSpec(), DelegationNames::quoteString(hash)),
                           tr("create the delegation account"));
        else if (s)
            s = execDirect(db, QStringLiteral("ALTER USER %1 ACCOUNT LOCK").arg(definerSpec()),
                           tr("lock the delegation account"));
        if (!s) {
            uninstall(db);
            return s;
        }
    }
    Status up = upgrade(db, targetVersion);
    if (!up) {
        uninstall(db); // a fresh install is all-or-nothing
        return up;
    }
    return Status::success();
}

Status DelegationSchema::upgrade(QSqlDatabase &db, int targetVersion) {
    auto migrations = Migrations::load();
    if (!migrations)
        return migrations.error();
    auto st = status(db);
    if (!st)
        return st.error();
    if (!schemaExists(db) || !versionTableExists(db) || !st->definerExists)
        return Error{QStringLiteral("delegation.not_installed"),
                     tr("Delegation is not installed on this server."),
                     {}};
    const int latest = migrations->last().version;
    const int target = targetVersion < 0 ? latest : std::min(targetVersion, latest);
    if (st->installedVersion > latest)
        return Error{QStringLiteral("delegation.newer"),
                     tr("The server's delegation schema (version %1) is newer than this "
                        "MailDeck knows (version %2). Update MailDeck.")
                         .arg(st->installedVersion)
                         .arg(latest),
                     {}};
    for (const AppliedMigration &applied : st->applied) {
        if (applied.version < 1 || applied.version > latest ||
            migrations->at(applied.version - 1).checksum != applied.checksum)
            return Error{QStringLiteral("delegation.migration.modified"),
                         tr("The delegation schema step %1 on the server differs from the one "
                            "this MailDeck carries. Reinstall delegation.")
                             .arg(applied.version),
                         {}};
    }
    {
        SessionModeGuard mode(db);
        for (const Migration &m : *migrations) {
            if (m.version <= st->installedVersion || m.version > target)
                continue;
            if (Status s = apply(db, m); !s)
                return s;
        }
    }
    return syncGrants(db);
}

Status DelegationSchema::uninstall(QSqlDatabase &db) {
    if (schemaExists(db)) {
        auto tables = Sql::scalar(db,
                                  QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES "
                                                 "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = "
                                                 "'account_map'"),
                                  {DelegationNames::schemaName()}, tr("check schema"), 0);
        if (tables && tables.value().toInt() > 0) {
            auto accounts = DelegatedAccounts::list(db);
            if (!accounts)
                return accounts.error();
            for (const DelegatedAccount &a : accounts.value())
                if (Status s = DelegatedAccounts::remove(db, a.dbUser); !s)
                    return s;
        }
        // The list agent's account would be useless without the schema (its program on the
        // server is removed over SSH: ListAgent::remove).
        if (Status s = ListAgent::dropDbAccount(db); !s)
            return s;
        if (Status s = execDirect(db, QStringLiteral("DROP DATABASE maildeck_delegation"),
                                  tr("remove the delegation schema"));
            !s)
            return s;
    }
    return execDirect(db, QStringLiteral("DROP USER IF EXISTS %1").arg(definerSpec()),
                      tr("remove the delegation account"));
}

Status DelegationSchema::syncGrants(QSqlDatabase &db) {
    auto accounts = DelegatedAccounts::list(db);
    if (!accounts)
        return accounts.error();
    for (const DelegatedAccount &a : accounts.value())
        if (Status s = DelegatedAccounts::applyGrants(db, a.dbUser); !s)
            return s;
    return Status::success();
}

} // namespace maildeck::delegation
