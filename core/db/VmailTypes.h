#pragma once

// Plain value types for the rows of iRedMail's `vmail` database (facts/iredmail.md §1).
//
// Addresses and domain names are carried as stored: lower-case, punycode (ASCII). Use
// DomainName::toDisplay() / EmailAddress::toDisplay() to show them in Unicode.
//
// Each editable record carries a `version`: an opaque token computed from the row (and, for
// alias accounts and forwardings, its member rows) when it was read. Passing the record back to
// an update function makes the update fail with the code "db.conflict" when another console (or
// iRedAdmin, or Roundcube) changed the same row meanwhile: no lost update.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace maildeck::db {

// One row of `domain` with the counts the domain list shows.
struct DomainSummary {
    QString domain;      // punycode, lower case
    QString description; // iRedAdmin's "cn"
    bool active = true;
    bool backupMx = false;
    QString transport;
    int mailboxLimit = 0;  // domain.mailboxes: 0 unlimited, -1 no new users, N>0 limit
    int aliasLimit = 0;    // domain.aliases (Pro): 0 unlimited
    int listLimit = 0;     // domain.maillists (Pro): 0 unlimited
    qint64 maxQuotaMb = 0; // domain.maxquota, MB (facts §1.1, inferred)
    QString settings;      // raw `settings` column (facts §1.22); see VmailSettings
    QDateTime created;     // UTC
    QDateTime modified;    // UTC

    int mailboxCount = 0;
    int aliasCount = 0;                   // alias accounts (table `alias`)
    int listCount = 0;                    // mlmmj lists (table `maillists`)
    int aliasDomainCount = 0;             // alias domains pointing to this domain
    qint64 quotaAllocatedMb = 0;          // sum of mailbox.quota (MB) of mailboxes with a limit
    int unlimitedMailboxes = 0;           // mailboxes with quota 0 (= unlimited)
    std::optional<qint64> quotaUsedBytes; // sum of used_quota.bytes; empty if no such table
    QByteArray version;
};

// Which `enable*` columns of `mailbox` (facts §1.20). Keys are the column names without
// the "enable" prefix, e.g. "imapsecured", "lib-storage".
QStringList mailboxServiceColumns();

// One row of `mailbox` as the mailbox list and editor need it. The password hash itself is
// not carried to the UI; only its scheme and whether Dovecot 2.4 would refuse it.
struct MailboxRow {
    QString username; // user@domain, lower case, punycode domain
    QString domain;
    QString name;
    QString language;
    qint64 quotaMb = 0;              // 0 = unlimited (facts §1.3: megabytes)
    std::optional<qint64> usedBytes; // used_quota.bytes; empty when unknown
    std::optional<qint64> usedMessages;
    bool active = true;
    bool isAdmin = false;
    bool isGlobalAdmin = false;
    QString employeeId;
    QString department;
    QString storageBaseDirectory;
    QString storageNode;
    QString maildir;
    QString mailboxFormat;
    QString mailboxFolder;
    QString transport;
    std::optional<QString> allowNets; // NULL = no restriction (never "")
    QString settings;
    QMap<QString, bool> services; // "imap" -> enableimap=1, …
    QString passwordScheme;       // e.g. "SSHA512", "MD5-CRYPT"; see PasswordHash::classify
    bool passwordWeak = false;    // refused by Dovecot 2.4 without auth_allow_weak_schemes
    QDateTime passwordLastChange; // UTC
    QDateTime created;
    QDateTime modified;
    // From `forwardings`: where mail to this user goes besides the mailbox.
    QStringList forwardTo;      // is_forwarding rows other than the self row
    bool keepsLocalCopy = true; // the self row (address=forwarding=username) exists
    QByteArray version;

    // Dovecot's home directory: storagebasedirectory/storagenode/maildir (facts §1.21).
    QString homeDirectory() const;
};

// An alias account (table `alias`) with its members (forwardings, is_list=1).
struct AliasAccount {
    QString address;
    QString domain;
    QString name;
    QString accessPolicy; // public, domain, subdomain, membersonly, moderatorsonly, …
    bool active = true;
    QStringList members;    // sorted
    QStringList moderators; // sorted (table `moderators`)
    QDateTime created;
    QDateTime modified;
    QByteArray version;
};

// Per-user mail forwarding (forwardings, is_forwarding=1) of one mailbox.
struct UserForwarding {
    QString address;           // the mailbox
    QStringList destinations;  // excluding the self row, sorted
    bool keepLocalCopy = true; // the self row exists
    bool active = true;
    QByteArray version;
};

// A per-user alias address (forwardings, is_alias=1): mail to `alias` goes to `target`.
struct UserAliasAddress {
    QString alias;
    QString target;
    bool active = true;
};

// Table `alias_domain`.
struct AliasDomain {
    QString aliasDomain;
    QString targetDomain;
    bool active = true;
    QDateTime created;
    QDateTime modified;
};

// A domain catch-all: forwardings with address = bare domain, no flag.
struct CatchAll {
    QString domain;
    QStringList destinations; // sorted
    bool active = true;
    QByteArray version;
};

// Everything the alias tab of one domain shows.
struct DomainAliases {
    QList<AliasAccount> accounts;
    QList<UserForwarding> forwardings; // only mailboxes that forward somewhere or keep no copy
    QList<UserAliasAddress> userAliases;
    QList<AliasDomain> aliasDomains; // alias domains whose target is this domain
    CatchAll catchAll;               // destinations empty: no catch-all
};

// The SQL side of an mlmmj list (facts §1.8, §5.4).
struct MailingListRow {
    QString address;
    QString domain;
    QString name;
    QString description;
    QString transport; // mlmmj:<domain>/<listname>
    QString accessPolicy;
    qint64 maxMessageSize = 0; // bytes
    QString mlid;              // uuid4
    bool isNewsletter = false;
    bool active = true;
    bool hasForwardingRow = false; // forwardings is_maillist=1 marker exists
    QStringList owners;            // maillist_owners, sorted
    QStringList moderators;        // moderators, sorted
    QDateTime created;
    QDateTime modified;
    QByteArray version;
};

} // namespace maildeck::db
