#pragma once

// The repositories' delegated path: the same row types as core/db/*Repository, read from the
// views maildeck_delegation.v_* and written through the procedures (DelegatedCalls), for a
// connection opened with a domain admin's own account (AccessScope::isDelegated). The
// repositories call these at the top of their functions, so the UI keeps one path:
//
//   auto domains = DomainRepository::list(db);   // global: vmail.domain; delegated: v_domains
//
// The server decides what is allowed; a refused call comes back as the procedure's Error
// ("delegation.denied", "delegation.limit", …). Changes the delegated path has no procedure for
// (domains, alias domains, catch-all, per-user alias addresses, mail services) fail with
// "delegation.not_offered"; the UI does not offer them in the first place.

#include "core/common/Result.h"
#include "core/db/VmailTypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>

namespace maildeck::db {
struct NewMailbox;
struct MailboxEdit;
struct MailboxPage;
struct AliasPage;
struct DomainCounts;
struct DomainQuota;
struct NewMailingList;
struct EnsureListOutcome;
} // namespace maildeck::db

namespace maildeck::delegation {

class DelegatedData {
    Q_DECLARE_TR_FUNCTIONS(DelegatedData)

public:
    static Result<QList<db::DomainSummary>> domains(QSqlDatabase &db);
    static Result<db::DomainSummary> domain(QSqlDatabase &db, const QString &domain);
    // The stages of DomainRepository::listRows() / listCounts() / listQuotas().
    static Result<QHash<QString, db::DomainCounts>> domainCounts(QSqlDatabase &db);
    static Result<QHash<QString, db::DomainQuota>> domainQuotas(QSqlDatabase &db);

    static Result<QList<db::MailboxRow>> mailboxes(QSqlDatabase &db, const QString &domain);
    static Result<db::MailboxRow> mailbox(QSqlDatabase &db, const QString &username);
    // The pages of MailboxRepository::listPage() / AliasRepository::listAliasPage(), cut from
    // the whole (a domain admin's domains are small enough to read whole).
    static Result<db::MailboxPage> mailboxPage(QSqlDatabase &db, const QString &domain,
                                               const QString &after, int limit, bool countTotal);
    static Result<db::AliasPage> aliasPage(QSqlDatabase &db, const QString &domain,
                                           const QString &after, int limit, bool countTotal);
    static Status createMailbox(QSqlDatabase &db, const db::NewMailbox &mailbox);
    static Status updateMailbox(QSqlDatabase &db, const db::MailboxRow &current,
                                const db::MailboxEdit &edit);
    static Status setMailboxActive(QSqlDatabase &db, const QString &username, bool active);

    static Result<db::DomainAliases> aliases(QSqlDatabase &db, const QString &domain);
    static Result<db::AliasAccount> alias(QSqlDatabase &db, const QString &address);
    static Status createAlias(QSqlDatabase &db, const QString &address, const QString &name,
                              const QString &accessPolicy, const QStringList &members);
    static Status updateAlias(QSqlDatabase &db, const db::AliasAccount &current,
                              const QString &name, const QString &accessPolicy, bool active,
                              const QStringList &members);
    static Status setAliasModerators(QSqlDatabase &db, const db::AliasAccount &current,
                                     const QStringList &moderators);
    static Result<db::UserForwarding> forwarding(QSqlDatabase &db, const QString &username);
    static Status setForwarding(QSqlDatabase &db, const db::UserForwarding &current,
                                const QStringList &destinations, bool keepLocalCopy);

    static Result<QList<db::MailingListRow>> mailingLists(QSqlDatabase &db, const QString &domain);
    static Result<db::MailingListRow> mailingList(QSqlDatabase &db, const QString &address);
    // MailingListRepository's writes. Each procedure commits on its own: a create that fails
    // part-way deletes the rows it made; an update is checked against `current` first.
    static Result<db::EnsureListOutcome> ensureMailingListRows(QSqlDatabase &db,
                                                               const db::NewMailingList &list);
    static Status updateMailingListRows(QSqlDatabase &db, const db::MailingListRow &current,
                                        const db::NewMailingList &edit);
    static Status removeMailingListRows(QSqlDatabase &db, const QString &address);
};

} // namespace maildeck::delegation
