#pragma once

// The SQL rows of mlmmj mailing lists (facts/iredmail.md §1.6–1.8, §5.4): `maillists`, the
// forwardings marker row (is_maillist=1), `maillist_owners`, `moderators`. The list directory
// on the server is core/lists' business.
//
//   auto lists = MailingListRepository::listForDomain(db, QStringLiteral("example.com"));
//   NewMailingList l; l.address = "news@example.com"; l.owners = {"boss@example.com"};
//   auto outcome = MailingListRepository::ensureRows(db, l);   // inserts only missing rows
//
// ensureRows() never double-inserts: where mlmmjadmin's bk_iredmail_sql backend (or
// iRedAdmin-Pro) already wrote some rows, it adds only what is missing and keeps the mlid.

#include "core/common/Result.h"
#include "core/db/VmailTypes.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace maildeck::db {

struct NewMailingList {
    QString address;
    QString name;
    QString description;
    QString accessPolicy;      // "", membersonly, moderatorsonly, …
    qint64 maxMessageSize = 0; // bytes, 0 = no limit
    bool isNewsletter = false;
    QStringList owners;
    QStringList moderators;
};

struct EnsureListOutcome {
    bool insertedList = false;       // the maillists row was new
    bool insertedForwarding = false; // the is_maillist marker was new
    int ownersAdded = 0;
    int moderatorsAdded = 0;
    QString mlid;
};

class MailingListRepository {
    Q_DECLARE_TR_FUNCTIONS(MailingListRepository)

public:
    static Result<QList<MailingListRow>> listForDomain(QSqlDatabase &db, const QString &domain);
    static Result<MailingListRow> get(QSqlDatabase &db, const QString &address);

    // "mlmmj:<domain>/<listname>"
    static QString transportFor(const QString &address);

    static Result<EnsureListOutcome> ensureRows(QSqlDatabase &db, const NewMailingList &list);
    // Name, description, policy, size, owners and moderators; "db.conflict" when stale.
    static Status update(QSqlDatabase &db, const MailingListRow &current,
                         const NewMailingList &edit);
    // Deletes every row of the list, also the owners and moderators that mlmmjadmin leaves.
    static Status removeRows(QSqlDatabase &db, const QString &address);
};

} // namespace maildeck::db
