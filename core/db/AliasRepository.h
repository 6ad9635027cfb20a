#pragma once

// Aliases of the vmail database (facts/iredmail.md §1.2, §1.4, §1.5, §2.4): alias accounts and
// their members, per-user forwardings, per-user alias addresses, alias domains, catch-all.
//
//   auto aliases = AliasRepository::listForDomain(db, QStringLiteral("example.com"));
//   for (const AliasAccount &a : aliases->accounts) { a.address; a.members; }
//   for (const UserForwarding &f : aliases->forwardings) { f.address; f.destinations; }
//   aliases->catchAll.destinations; aliases->aliasDomains;
//
// Destinations in a domain of this server must exist there (mailbox, alias or list); outside
// addresses are only checked for syntax. Every write is one transaction; edits carry the
// record's version and fail with "db.conflict" when it is stale.

#include "core/common/Result.h"
#include "core/db/VmailTypes.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace maildeck::db {

// One chunk of a domain's alias accounts, in address order (AliasRepository::listAliasPage()).
struct AliasPage {
    QList<AliasAccount> accounts;
    QString last;      // address of the last account: `after` for the next page
    bool more = false; // accounts.size() == limit: a further page may follow
    int total = -1;    // the domain's number of alias accounts, when asked for; else -1
};

class AliasRepository {
    Q_DECLARE_TR_FUNCTIONS(AliasRepository)

public:
    static Result<DomainAliases> listForDomain(QSqlDatabase &db, const QString &domain);
    // listForDomain() in parts, for loading a large domain bit by bit. listAliasPage(): at most
    // `limit` alias accounts whose address sorts after `after` ("" = from the start), with
    // members, moderators and version as listForDomain() gives them (keyset pagination on the
    // stock INDEX (domain), which InnoDB extends with the primary key address). listRoutes():
    // everything else (forwardings, alias addresses, alias domains, catch-all); its
    // `accounts` stays empty.
    static Result<AliasPage> listAliasPage(QSqlDatabase &db, const QString &domain,
                                           const QString &after, int limit,
                                           bool countTotal = false);
    static Result<DomainAliases> listRoutes(QSqlDatabase &db, const QString &domain);

    // Access policies iRedAPD knows for alias accounts.
    static QStringList accessPolicies();

    // Alias accounts (table `alias` + forwardings is_list=1).
    static Result<AliasAccount> getAlias(QSqlDatabase &db, const QString &address);
    static Status createAlias(QSqlDatabase &db, const QString &address, const QString &name,
                              const QStringList &members, const QString &accessPolicy = {});
    // Replaces name, policy, active and the member set.
    static Status updateAlias(QSqlDatabase &db, const AliasAccount &current, const QString &name,
                              const QString &accessPolicy, bool active, const QStringList &members);
    static Status removeAlias(QSqlDatabase &db, const QString &address);
    // Replaces the moderators of an alias account (table `moderators`: address, moderator,
    // domain, dest_domain, as iRedAdmin-Pro writes them). Each entry is an address or iRedAPD's
    // "*@domain" wildcard (syntax only: moderators may be outside this server). "db.conflict"
    // when `current` is stale; "alias.moderator" for a bad entry.
    static Status setAliasModerators(QSqlDatabase &db, const AliasAccount &current,
                                     const QStringList &moderators);
    // Normalises moderator entries (storage form, deduplicated in order, "*@domain" allowed).
    static Result<QStringList> normaliseModerators(const QStringList &input);

    // Per-user forwarding. keepLocalCopy keeps the self row (address = forwarding = user);
    // without it Postfix forwards only and no copy stays in the mailbox.
    static Result<UserForwarding> getForwarding(QSqlDatabase &db, const QString &username);
    static Status setForwarding(QSqlDatabase &db, const UserForwarding &current,
                                const QStringList &destinations, bool keepLocalCopy);

    // Per-user alias addresses (is_alias=1): mail to `alias` is delivered to `target`.
    static Status addUserAlias(QSqlDatabase &db, const QString &alias, const QString &target);
    static Status removeUserAlias(QSqlDatabase &db, const QString &alias);

    // Alias domains: mail to x@aliasDomain goes to x@targetDomain.
    static Status createAliasDomain(QSqlDatabase &db, const QString &aliasDomain,
                                    const QString &targetDomain);
    static Status removeAliasDomain(QSqlDatabase &db, const QString &aliasDomain);

    // Catch-all of a domain; an empty list removes it.
    static Result<CatchAll> getCatchAll(QSqlDatabase &db, const QString &domain);
    static Status setCatchAll(QSqlDatabase &db, const CatchAll &current,
                              const QStringList &destinations);

    // Parses, normalises and de-duplicates addresses; those in a domain of this server must
    // exist. `field` names the field in messages ("member", "forwarding address").
    static Result<QStringList> normaliseDestinations(QSqlDatabase &db, const QStringList &input,
                                                     const QString &field);
    // Whether an address is used by a mailbox, an alias account, a forwarding or a list.
    static Result<bool> addressInUse(QSqlDatabase &db, const QString &address);
};

} // namespace maildeck::db
