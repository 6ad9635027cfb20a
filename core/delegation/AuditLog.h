#pragma once

// The delegation audit log (maildeck_delegation.audit_log): one row per change made through
// the delegated path (written by the procedures, in the same transaction as the change) and
// per change of the global admin to domain admins and their accounts (written by
// DomainAdmins / DelegatedAccounts).
//
//   AuditFilter f;  f.adminUsername = QStringLiteral("jane@partner.test");
//   f.from = QDateTime::currentDateTimeUtc().addDays(-7);
//   auto rows = AuditLog::list(db, f);    // newest first
//   for (const AuditEntry &e : *rows) { e.at; e.action; e.object; e.beforeJson; e.afterJson; }
//
// Synchronous, on a privileged QSqlDatabase (the global admin's). A delegated admin reads only
// their own rows, through the view maildeck_delegation.v_audit_log.

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace maildeck::delegation {

struct AuditEntry {
    qint64 id = 0;
    QDateTime at;          // UTC, microseconds
    QString dbUser;        // the MariaDB account that made the change (md_…, or root for the
                           // global admin's own changes)
    QString client;        // USER() as connected: user@host
    QString adminUsername; // the iRedMail admin concerned
    QString domain;
    QString action;     // "mailbox.create", "alias.member_add", "admin.grant_domain", …
    QString object;     // the address or name changed
    QString beforeJson; // empty when there was no "before" (creation)
    QString afterJson;  // empty when there is no "after" (deletion)

    QJsonObject before() const;
    QJsonObject after() const;
};

struct AuditFilter {
    QString adminUsername; // exact; empty: all
    QString domain;        // exact; empty: all
    QString action;        // exact or a prefix ending in "." ("mailbox."); empty: all
    QDateTime from;        // inclusive; invalid: no lower bound
    QDateTime to;          // exclusive; invalid: no upper bound
    qint64 beforeId = 0;   // paging: only rows with id < beforeId (0: from the newest)
    int limit = 500;       // 1…10000
};

class AuditLog {
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    static Result<QList<AuditEntry>> list(QSqlDatabase &db, const AuditFilter &filter);

    // Records a global admin's change; call inside the transaction of that change.
    static Status record(QSqlDatabase &db, const QString &action, const QString &adminUsername,
                         const QString &domain, const QString &object, const QJsonObject &before,
                         const QJsonObject &after);
};

} // namespace maildeck::delegation
