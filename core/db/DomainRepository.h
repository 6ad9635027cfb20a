#pragma once

// Domains of the vmail database (facts/iredmail.md §1.1, §2.1).
//
//   QSqlDatabase &db = …;                       // opened by the DB worker, database `vmail`
//   auto domains = DomainRepository::list(db);   // Result<QList<DomainSummary>>
//   if (!domains) showError(domains.error().message);
//   for (const DomainSummary &d : *domains) …   // d.domain is punycode: DomainName::toDisplay()
//
// Writes are one transaction each and write the rows as iRedAdmin does.

#include "core/common/Result.h"
#include "core/db/VmailTypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>

namespace maildeck::db {

// What a domain deletion removes: the number of rows per table, shown to the admin first.
struct DeletionPlan {
    struct TableRows {
        QString table;
        QString condition; // e.g. "domain = example.com" (for display only)
        int rows = 0;
    };
    QString domain;
    QList<TableRows> tables;         // rows that will be deleted (tables with 0 rows included)
    QStringList mailboxes;           // their maildirs go to deleted_mailboxes
    QStringList mailingLists;        // the lists' directories on disk are not removed here
    QList<TableRows> keptReferences; // rows in other domains that point into this domain
    int totalRows() const;
};

struct DomainDeleteOptions {
    QString adminName; // recorded in deleted_mailboxes.admin
    // Days until iRedAdmin's cron job may remove the maildirs; 0 = keep forever (NULL).
    int keepMailboxDays = 0;
};

// The fields of a domain a console edits.
struct DomainEdit {
    QString description;
    bool active = true;
    int mailboxLimit = 0; // 0 unlimited, -1 no new mailboxes, N > 0 at most N
    int aliasLimit = 0;
    int listLimit = 0;
    qint64 maxQuotaMb = 0;
    QString transport;                        // empty: leave as is
    std::optional<qint64> defaultUserQuotaMb; // settings default_user_quota
};

// The domain list in stages, for a server with many domains: the rows first (listRows()), then
// the counts (listCounts(), index-only), then the quota sums (listQuotas(), which must read
// every mailbox row: quota is in no index). Together they give what list() gives.
struct DomainCounts {
    int mailboxes = 0;
    int aliases = 0;
    int lists = 0;
    int aliasDomains = 0;
};
struct DomainQuota {
    qint64 allocatedMb = 0;
    int unlimitedMailboxes = 0;
    std::optional<qint64> usedBytes; // empty without a used_quota table
};

class DomainRepository {
    Q_DECLARE_TR_FUNCTIONS(DomainRepository)

public:
    // All domains with their counts, sorted by name.
    static Result<QList<DomainSummary>> list(QSqlDatabase &db);
    // The stages of list(): rows without counts (counts 0, quotaUsedBytes empty); then the
    // counts and the quota sums of every domain, by domain name.
    static Result<QList<DomainSummary>> listRows(QSqlDatabase &db);
    static Result<QHash<QString, DomainCounts>> listCounts(QSqlDatabase &db);
    static Result<QHash<QString, DomainQuota>> listQuotas(QSqlDatabase &db);
    // Puts counts / quota sums into a summary, as list() would have filled it.
    static void apply(DomainSummary &summary, const DomainCounts &counts);
    static void apply(DomainSummary &summary, const DomainQuota &quota);
    // One domain (with counts); "db.notfound" when missing.
    static Result<DomainSummary> get(QSqlDatabase &db, const QString &domain);

    // INSERT INTO domain (domain, transport, active, created, description): the name must not
    // exist as a domain or an alias domain. `transport` empty: "dovecot".
    static Status create(QSqlDatabase &db, const QString &domain, const QString &description,
                         const QString &transport = {});
    // Updates the editable fields; fails with "db.conflict" when `current.version` is stale.
    static Status update(QSqlDatabase &db, const DomainSummary &current, const DomainEdit &edit);
    static Status setActive(QSqlDatabase &db, const QString &domain, bool active);

    // What delete() will remove.
    static Result<DeletionPlan> planDeletion(QSqlDatabase &db, const QString &domain);
    // Deletes the domain and every row that belongs to it, including the rows iRedAdmin leaves
    // behind (maillists, maillist_owners, sender_relayhost, last_login, share_folder,
    // anyone_shares). Fails with "db.conflict" if the rows changed since `plan` was made.
    static Status remove(QSqlDatabase &db, const DeletionPlan &plan,
                         const DomainDeleteOptions &options = {});
};

} // namespace maildeck::db
