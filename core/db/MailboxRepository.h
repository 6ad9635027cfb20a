#pragma once

// Mailboxes of the vmail database (facts/iredmail.md §1.3, §1.20, §1.21, §2.2).
//
//   auto boxes = MailboxRepository::listForDomain(db, QStringLiteral("example.com"));
//   for (const MailboxRow &m : *boxes) { m.username; m.quotaMb; m.usedBytes; m.passwordWeak; }
//
//   NewMailbox n;  n.address = "john@example.com"; n.password = "…"; n.quotaMb = 1024;
//   Status s = MailboxRepository::create(db, n);   // mailbox row + forwardings self row
//
// Every write is one transaction. Edits carry the row's version: a stale edit fails with
// "db.conflict" instead of overwriting someone else's change.

#include "core/common/Result.h"
#include "core/db/PasswordHash.h"
#include "core/db/VmailTypes.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QVariant>

namespace maildeck::db {

struct NewMailbox {
    QString address;      // any case, Unicode or punycode domain
    QString password;     // plain text; hashed with `scheme`
    QString passwordHash; // instead of `password`: a ready-made hash (migration, e.g. $1$…)
    PasswordScheme scheme = PasswordScheme::Ssha512;
    QString name;
    QString language;              // e.g. "en_US"; empty: column default
    std::optional<qint64> quotaMb; // empty: the domain's default_user_quota, else 0
    QStringList disabledServices;  // e.g. {"pop3", "pop3secured"}: enable<svc> = 0
    QString storageBaseDirectory;  // empty: the column's DEFAULT (the installer's value)
    QString storageNode;           // empty: the column's DEFAULT
    QString maildir;               // empty: generated as iRedAdmin does
};

// The editable profile of a mailbox.
struct MailboxEdit {
    QString name;
    QString language;
    qint64 quotaMb = 0;
    bool active = true;
    QString employeeId;
    QString department;
    QMap<QString, bool> services;     // only the keys present are changed
    std::optional<QString> allowNets; // empty optional: NULL (no restriction)
};

struct MailboxDeleteOptions {
    QString adminName;
    int keepMailboxDays = 0; // 0: keep the maildir forever (delete_date NULL)
};

// One line of a bulk import that could not be used.
struct LineError {
    int line = 0; // 1-based line number in the file
    QString field;
    QString message;
};

// One chunk of a domain's mailboxes, in username order (see MailboxRepository::listPage()).
struct MailboxPage {
    QList<MailboxRow> rows;
    QString last;      // username of the last row: `after` for the next page
    bool more = false; // rows.size() == limit: a further page may follow
    int total = -1;    // the domain's number of mailboxes, when asked for; else -1
};

struct BulkCreateResult {
    int created = 0;
    QList<LineError> errors; // non-empty: nothing was created
};

class MailboxRepository {
    Q_DECLARE_TR_FUNCTIONS(MailboxRepository)

public:
    static Result<QList<MailboxRow>> listForDomain(QSqlDatabase &db, const QString &domain);
    static Result<MailboxRow> get(QSqlDatabase &db, const QString &username);
    // At most `limit` mailboxes of `domain` whose username sorts after `after` ("" = from the
    // start), in the order of listForDomain() and with the same per-row data (forwardings,
    // services, quota, version). Keyset pagination on the stock INDEX (domain), which InnoDB
    // extends with the primary key (username): a range read with no filesort and no OFFSET, so
    // each page costs about the same wherever it starts. `countTotal`: also count the domain's
    // mailboxes (the same index, no row read).
    static Result<MailboxPage> listPage(QSqlDatabase &db, const QString &domain,
                                        const QString &after, int limit, bool countTotal = false);

    // iRedAdmin's maildir path: <domain>/<c1>/<c2>/<c3>/<user>-YYYY.MM.DD.HH.MM.SS/
    // (facts §1.21; 1- and 2-character names padded with '_', '.' and '~' become '_').
    static QString generateMaildir(const QString &username, const QDateTime &when);

    static Status create(QSqlDatabase &db, const NewMailbox &mailbox);
    static Status update(QSqlDatabase &db, const MailboxRow &current, const MailboxEdit &edit);
    // Hashes `password` with `scheme`, sets passwordlastchange (UTC).
    static Status setPassword(QSqlDatabase &db, const QString &username, const QString &password,
                              PasswordScheme scheme = PasswordScheme::Ssha512);
    static Status setPasswordHash(QSqlDatabase &db, const QString &username, const QString &hash);
    // mailbox.active and the user's forwardings rows, as iRedAdmin's set_account_status.
    static Status setActive(QSqlDatabase &db, const QString &username, bool active);
    // Deletes the mailbox and every row that refers to it (iRedAdmin's delete_users plus the
    // rows it leaves behind: maillist_owners, sender_relayhost, last_login, share_folder,
    // anyone_shares).
    static Status remove(QSqlDatabase &db, const QString &username,
                         const MailboxDeleteOptions &options = {});

    // CSV with a header line naming the columns: address (or email, username), password,
    // name, quota (MB), language. Either every line is created, or none: `errors` says which
    // lines are wrong.
    static Result<BulkCreateResult> bulkCreate(QSqlDatabase &db, const QString &csv,
                                               PasswordScheme scheme = PasswordScheme::Ssha512);

    // The stored password of a mailbox, to put back on undo (never shown or logged).
    struct StoredPassword {
        QString hash;
        QVariant lastChange; // passwordlastchange as stored (may be NULL)
    };
    static Result<StoredPassword> storedPassword(QSqlDatabase &db, const QString &username);
    // Puts `previous` back, only while the hash is still `expectedHash` (else "db.conflict").
    static Status restorePassword(QSqlDatabase &db, const QString &username,
                                  const QString &expectedHash, const StoredPassword &previous);
};

} // namespace maildeck::db
