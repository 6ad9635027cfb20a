#pragma once

// Installs, upgrades and removes the server-side part of delegation: the schema
// `maildeck_delegation` beside `vmail` (its tables, SQL SECURITY DEFINER views and procedures,
// see resources/delegation/*.sql) and the locked account `maildeck_definer`@`localhost` that
// owns them. Nothing here writes to `vmail`; uninstall() leaves `vmail` exactly as it was.
//
// Synchronous, on a QSqlDatabase opened as a privileged account (root, or one with
// CREATE USER, GRANT OPTION and SET USER/SUPER); run it on the DB worker thread.
//
//   auto st = DelegationSchema::status(db);       // installedVersion 0 = not installed
//   if (st->installedVersion < st->latestVersion)
//       Status s = DelegationSchema::install(db);  // fresh install or upgrade to the latest
//   DelegationSchema::uninstall(db);               // drops the delegated accounts too
//
// DDL cannot be rolled back in MariaDB: a failed fresh install is undone by uninstalling; a
// failed upgrade stops at the failing migration (recorded versions stay exact) and reports it.
//
// Error codes: "delegation.anonymous_accounts" (the server has ''@host accounts, under which a
// client could claim any user name in USER()), "delegation.vmail_missing", "delegation.newer"
// (the server's schema is newer than this MailDeck), "delegation.migration.modified",
// "delegation.migration.failed", "delegation.not_installed", plus Sql::errorFrom's "db.*".

#include "core/common/Result.h"
#include "core/delegation/Migrations.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>

namespace maildeck::delegation {

struct AppliedMigration {
    int version = 0;
    QString name;
    QByteArray checksum;
    QDateTime appliedAt; // UTC
    QString appliedBy;
};

struct SchemaStatus {
    int installedVersion = 0; // 0: not installed
    int latestVersion = 0;    // what this MailDeck carries
    bool definerExists = false;
    int anonymousAccounts = 0; // ''@host accounts: delegation is unsafe while there are any
    QList<AppliedMigration> applied;
    bool upToDate() const { return installedVersion == latestVersion; }
};

class DelegationSchema {
    Q_DECLARE_TR_FUNCTIONS(DelegationSchema)

public:
    static Result<SchemaStatus> status(QSqlDatabase &db);
    // Checks the server before installing: no anonymous accounts, the vmail tables present.
    static Status preflight(QSqlDatabase &db);
    // Fresh install (or upgrade when installed) up to `targetVersion` (-1: the latest).
    static Status install(QSqlDatabase &db, int targetVersion = -1);
    static Status upgrade(QSqlDatabase &db, int targetVersion = -1);
    // Drops every delegated account in the mapping, the definer and the schema.
    static Status uninstall(QSqlDatabase &db);
    // Re-applies the grants of every mapped account (after an upgrade changed the objects).
    static Status syncGrants(QSqlDatabase &db);

    // The public objects a delegated account may use: procedures without the `int_` prefix
    // and views named `v_*`.
    static Result<QStringList> publicProcedures(QSqlDatabase &db);
    static Result<QStringList> publicViews(QSqlDatabase &db);

    // An error of a delegation procedure ("maildeck.<code>: text", SQLSTATE 45000) as an Error
    // with code "delegation.<code>"; other errors as Sql::errorFrom.
    static Error procedureError(const QSqlError &error, const QString &what);

    // Runs one statement without preparing it (DDL, CREATE PROCEDURE, GRANT).
    static Status execDirect(QSqlDatabase &db, const QString &sql, const QString &what);

private:
    static Status apply(QSqlDatabase &db, const Migration &migration);
};

} // namespace maildeck::delegation
