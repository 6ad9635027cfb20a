#include "core/db/AliasRepository.h"

#include "core/db/EmailAddress.h"
#include "core/db/SqlSupport.h"
#include "core/delegation/AccessScope.h"
#include "core/delegation/DelegatedCalls.h"
#include "core/delegation/DelegatedData.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace maildeck::db {

namespace {

QString domainOf(const QString &address) {
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? address : address.mid(at + 1);
}

Error invalid(const QString &code, const QString &message) {
    return Error{code, message, {}};
}

QDateTime bumpedModified(const QVariant &old) {
    QDateTime modified = Sql::nowUtc();
    const QDateTime previous = Sql::fromSqlDateTime(old);
    if (previous.isValid() && modified <= previous)
        modified = previous.addSecs(1);
    return modified;
}

// Version of an alias account: its row, its members and moderators.
QByteArray aliasVersion(const QStringList &row, QStringList members, QStringList moderators) {
    members.sort();
    moderators.sort();
    QStringList parts = row;
    parts << QStringLiteral("\x01members") << members << QStringLiteral("\x01moderators")
          << moderators;
    return Sql::version(parts);
}

QStringList rowStrings(const QSqlQuery &q, int count) {
    QStringList parts;
    for (int i = 0; i < count; ++i) {
        const QVariant value = q.value(i); // once: each value() converts the field anew
        parts << (value.isNull() ? QStringLiteral("\x01NULL") : value.toString());
    }
    return parts;
}

Result<QStringList> column(QSqlDatabase &db, const QString &sql, const QVariantList &binds,
                           const QString &what) {
    auto q = Sql::exec(db, sql, binds, what);
    if (!q)
        return q.error();
    QStringList out;
    while (q.value().next())
        out << q.value().value(0).toString();
    out.sort();
    return out;
}

Result<bool> isLocalDomain(QSqlDatabase &db, const QString &domain) {
    auto count = Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM domain WHERE domain = ?"),
                             {domain}, AliasRepository::tr("check the domain"), 0);
    if (!count)
        return count.error();
    return count.value().toInt() > 0;
}

// DATETIMEs as text: see Sql::fromSqlDateTimeText().
const QString kAliasColumns = QStringLiteral("address, domain, name, accesspolicy, active, ") +
                              Sql::dateTimeText(QStringLiteral("created")) + QStringLiteral(", ") +
                              Sql::dateTimeText(QStringLiteral("modified"));

AliasAccount aliasFrom(const QSqlQuery &q) {
    AliasAccount a;
    a.address = q.value(0).toString();
    a.domain = q.value(1).toString();
    a.name = q.value(2).toString();
    a.accessPolicy = q.value(3).toString();
    a.active = q.value(4).toInt() != 0;
    a.created = Sql::fromSqlDateTimeText(q.value(5));
    a.modified = Sql::fromSqlDateTimeText(q.value(6));
    return a;
}

Status insertForwardings(QSqlDatabase &db, const QString &address, const QStringList &targets,
                         const char *flag, bool active, const QString &what) {
    const QString sql =
        QStringLiteral("INSERT INTO forwardings (address, forwarding, domain, dest_domain, ") +
        QLatin1String(flag) + QStringLiteral(", active) VALUES (?, ?, ?, ?, 1, ?)");
    for (const QString &target : targets) {
        auto insert = Sql::exec(
            db, sql, {address, target, domainOf(address), domainOf(target), active ? 1 : 0}, what);
        if (!insert)
            return insert.error();
    }
    return Status::success();
}

Result<AliasAccount> readAlias(QSqlDatabase &db, const QString &address, bool lock) {
    const QString what =
        AliasRepository::tr("read the alias %1").arg(EmailAddress::displayOf(address));
    auto q = Sql::exec(db,
                       QStringLiteral("SELECT ") + kAliasColumns +
                           QStringLiteral(" FROM alias WHERE address = ?") +
                           (lock ? QStringLiteral(" FOR UPDATE") : QString()),
                       {address}, what);
    if (!q)
        return q.error();
    if (!q.value().next())
        return Sql::notFound(
            AliasRepository::tr("The alias %1").arg(EmailAddress::displayOf(address)));
    AliasAccount alias = aliasFrom(q.value());
    const QStringList row = rowStrings(q.value(), 7);
    auto members = column(db,
                          QStringLiteral("SELECT forwarding FROM forwardings WHERE address = ? "
                                         "AND is_list = 1") +
                              (lock ? QStringLiteral(" FOR UPDATE") : QString()),
                          {address}, what);
    if (!members)
        return members.error();
    auto moderators = column(
        db, QStringLiteral("SELECT moderator FROM moderators WHERE address = ?"), {address}, what);
    if (!moderators)
        return moderators.error();
    alias.members = members.value();
    alias.moderators = moderators.value();
    alias.version = aliasVersion(row, alias.members, alias.moderators);
    return alias;
}

Result<UserForwarding> readForwarding(QSqlDatabase &db, const QString &username, bool lock) {
    const QString what =
        AliasRepository::tr("read the forwarding of %1").arg(EmailAddress::displayOf(username));
    auto box = Sql::exec(db,
                         QStringLiteral("SELECT active FROM mailbox WHERE username = ?") +
                             (lock ? QStringLiteral(" FOR UPDATE") : QString()),
                         {username}, what);
    if (!box)
        return box.error();
    if (!box.value().next())
        return Sql::notFound(
            AliasRepository::tr("The mailbox %1").arg(EmailAddress::displayOf(username)));
    UserForwarding f;
    f.address = username;
    f.active = box.value().value(0).toInt() != 0;
    auto q = Sql::exec(db,
                       QStringLiteral("SELECT forwarding, active FROM forwardings WHERE "
                                      "address = ? AND is_forwarding = 1") +
                           (lock ? QStringLiteral(" FOR UPDATE") : QString()),
                       {username}, what);
    if (!q)
        return q.error();
    bool self = false;
    QStringList all;
    while (q.value().next()) {
        const QString target = q.value().value(0).toString();
        all << target + QLatin1Char('/') + q.value().value(1).toString();
        if (target == username)
            self = true;
        else
            f.destinations << target;
    }
    f.destinations.sort();
    all.sort();
    f.keepLocalCopy = self || f.destinations.isEmpty();
    f.version = Sql::version(all);
    return f;
}

Result<CatchAll> readCatchAll(QSqlDatabase &db, const QString &domain, bool lock) {
    auto q = Sql::exec(
        db,
        QStringLiteral("SELECT forwarding, active FROM forwardings WHERE "
                       "address = ? AND is_list = 0 AND is_forwarding = 0 AND "
                       "is_alias = 0 AND is_maillist = 0") +
            (lock ? QStringLiteral(" FOR UPDATE") : QString()),
        {domain},
        AliasRepository::tr("read the catch-all of %1").arg(DomainName::displayOf(domain)));
    if (!q)
        return q.error();
    CatchAll c;
    c.domain = domain;
    QStringList all;
    while (q.value().next()) {
        c.destinations << q.value().value(0).toString();
        c.active = q.value().value(1).toInt() != 0;
        all << c.destinations.last() + QLatin1Char('/') + q.value().value(1).toString();
    }
    c.destinations.sort();
    all.sort();
    c.version = Sql::version(all);
    return c;
}

Status requireLocalDomain(QSqlDatabase &db, const QString &domain) {
    auto local = isLocalDomain(db, domain);
    if (!local)
        return local.error();
    if (!local.value())
        return invalid(QStringLiteral("db.notfound"),
                       AliasRepository::tr("The domain %1 does not exist on this server.")
                           .arg(DomainName::displayOf(domain)));
    return Status::success();
}

} // namespace

QStringList AliasRepository::accessPolicies() {
    return {QStringLiteral("public"),         QStringLiteral("domain"),
            QStringLiteral("subdomain"),      QStringLiteral("membersonly"),
            QStringLiteral("moderatorsonly"), QStringLiteral("membersandmoderatorsonly")};
}

Result<bool> AliasRepository::addressInUse(QSqlDatabase &db, const QString &address) {
    auto count = Sql::scalar(db,
                             QStringLiteral("SELECT (SELECT COUNT(*) FROM mailbox WHERE "
                                            "username = ?) + (SELECT COUNT(*) FROM alias WHERE "
                                            "address = ?) + (SELECT COUNT(*) FROM forwardings "
                                            "WHERE address = ?) + (SELECT COUNT(*) FROM "
                                            "maillists WHERE address = ?)"),
                             {address, address, address, address}, tr("check the address"), 0);
    if (!count)
        return count.error();
    return count.value().toInt() > 0;
}

Result<QStringList> AliasRepository::normaliseDestinations(QSqlDatabase &db,
                                                           const QStringList &input,
                                                           const QString &field) {
    QStringList out;
    QHash<QString, bool> localDomains;
    for (const QString &raw : input) {
        if (raw.trimmed().isEmpty())
            continue;
        auto address = EmailAddress::parse(raw);
        if (!address) {
            Error error = address.error();
            error.message =
                tr("%1 \"%2\": %3").arg(field, raw.left(80).simplified(), error.message);
            return error;
        }
        const QString stored = address->toStorage();
        if (out.contains(stored))
            continue;
        const QString domain = address->domain().toStorage();
        if (!localDomains.contains(domain)) {
            auto local = isLocalDomain(db, domain);
            if (!local)
                return local.error();
            localDomains.insert(domain, local.value());
        }
        if (localDomains.value(domain)) {
            auto used = addressInUse(db, stored);
            if (!used)
                return used.error();
            if (!used.value())
                return invalid(QStringLiteral("address.unknown"),
                               tr("%1 %2: the domain is on this server, but no mailbox, alias "
                                  "or list has this address.")
                                   .arg(field, address->toDisplay()));
        }
        out << stored;
    }
    out.sort();
    return out;
}

namespace {

// Alias accounts selected by `where` (on table `alias`, in address order, with `suffix` such as
// a LIMIT), with their members and moderators. `byDomain`: read the members and moderators of
// the whole domain (one pass over its rows); otherwise only those of the accounts read, by
// address (the unique (address, …) indexes).
// `extraColumn` (", (SELECT …)", its binds first in `binds`): one more column, whose value in
// the first row goes to `*extra`.
Result<QList<AliasAccount>> readAccounts(QSqlDatabase &db, const QString &domain,
                                         const QString &where, const QVariantList &binds,
                                         const QString &suffix, bool byDomain, const QString &what,
                                         const QString &extraColumn = {},
                                         QVariant *extra = nullptr) {
    // FORCE INDEX (domain): see Sql::execForcingIndex().
    const QString byDomainIndex = QStringLiteral("domain");
    auto accounts = Sql::execForcingIndex(db,
                                          QStringLiteral("SELECT ") + kAliasColumns + extraColumn +
                                              QStringLiteral(" FROM alias/*index*/ WHERE ") +
                                              where + QStringLiteral(" ORDER BY address") + suffix,
                                          byDomainIndex, binds, what);
    if (!accounts)
        return accounts.error();
    QList<AliasAccount> result;
    QHash<QString, QStringList> rows;
    while (accounts.value().next()) {
        if (extra && result.isEmpty())
            *extra = accounts.value().value(7);
        result.append(aliasFrom(accounts.value()));
        rows.insert(result.last().address, rowStrings(accounts.value(), 7));
    }
    QHash<QString, QStringList> members, moderators;
    if (byDomain || !result.isEmpty()) {
        QString memberWhere, moderatorWhere;
        QString memberIndex;
        QVariantList keys;
        if (byDomain) {
            memberWhere = QStringLiteral("domain = ?");
            moderatorWhere = memberWhere;
            memberIndex = byDomainIndex;
            keys = {domain};
        } else {
            QStringList marks;
            for (const AliasAccount &a : std::as_const(result)) {
                marks << QStringLiteral("?");
                keys << a.address;
            }
            memberWhere =
                QStringLiteral("address IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
            moderatorWhere = memberWhere;
            memberIndex = QStringLiteral("address"); // UNIQUE (address, forwarding)
        }
        auto m = Sql::execForcingIndex(db,
                                       QStringLiteral("SELECT address, forwarding FROM "
                                                      "forwardings/*index*/ WHERE ") +
                                           memberWhere + QStringLiteral(" AND is_list = 1"),
                                       memberIndex, keys, what);
        if (!m)
            return m.error();
        while (m.value().next())
            members[m.value().value(0).toString()] << m.value().value(1).toString();
        auto mod = Sql::exec(
            db, QStringLiteral("SELECT address, moderator FROM moderators WHERE ") + moderatorWhere,
            keys, what);
        if (!mod)
            return mod.error();
        while (mod.value().next())
            moderators[mod.value().value(0).toString()] << mod.value().value(1).toString();
    }
    for (AliasAccount &a : result) {
        a.members = members.value(a.address);
        a.members.sort();
        a.moderators = moderators.value(a.address);
        a.moderators.sort();
        a.version = aliasVersion(rows.value(a.address), a.members, a.moderators);
    }
    return result;
}

} // namespace

Result<DomainAliases> AliasRepository::listForDomain(QSqlDatabase &db, const QString &domain) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::aliases(db, domain);
    const QString what = tr("list the aliases of %1").arg(DomainName::displayOf(domain));
    auto accounts =
        readAccounts(db, domain, QStringLiteral("domain = ?"), {domain}, {}, true, what);
    if (!accounts)
        return accounts.error();
    auto result = listRoutes(db, domain);
    if (!result)
        return result.error();
    result.value().accounts = std::move(accounts).value();
    return result;
}

Result<AliasPage> AliasRepository::listAliasPage(QSqlDatabase &db, const QString &domain,
                                                 const QString &after, int limit, bool countTotal) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::aliasPage(db, domain, after, limit, countTotal);
    const QString what = tr("list the aliases of %1").arg(DomainName::displayOf(domain));
    AliasPage page;
    limit = std::max(1, limit);
    // The domain's count rides along with the first page (an uncorrelated subquery, evaluated
    // once, index-only): one round trip less through the tunnel.
    QVariantList binds;
    if (countTotal)
        binds << domain;
    binds << domain << after;
    QVariant total;
    auto accounts = readAccounts(
        db, domain, QStringLiteral("domain = ? AND address > ?"), binds,
        QStringLiteral(" LIMIT ") + QString::number(limit), false, what,
        countTotal ? QStringLiteral(", (SELECT COUNT(*) FROM alias c WHERE c.domain = ?)")
                   : QString(),
        countTotal ? &total : nullptr);
    if (!accounts)
        return accounts.error();
    page.accounts = std::move(accounts).value();
    if (countTotal && !page.accounts.isEmpty()) {
        page.total = total.toInt();
    } else if (countTotal) {
        auto count = Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM alias WHERE domain = ?"),
                                 {domain}, what, 0);
        if (!count)
            return count.error();
        page.total = count.value().toInt();
    }
    page.more = page.accounts.size() >= limit;
    if (!page.accounts.isEmpty())
        page.last = page.accounts.last().address;
    return page;
}

Result<DomainAliases> AliasRepository::listRoutes(QSqlDatabase &db, const QString &domain) {
    if (delegation::AccessScope::isDelegated(db)) {
        auto all = delegation::DelegatedData::aliases(db, domain);
        if (all)
            all.value().accounts.clear();
        return all;
    }
    const QString what = tr("list the aliases of %1").arg(DomainName::displayOf(domain));
    DomainAliases result;
    const QString byDomain = QStringLiteral("domain");

    // Per-user forwardings: only mailboxes that forward somewhere.
    auto f = Sql::execForcingIndex(db,
                                   QStringLiteral("SELECT f.address, f.forwarding, f.active FROM "
                                                  "forwardings f/*index*/ WHERE f.domain = ? AND "
                                                  "f.is_forwarding = 1 ORDER BY f.address, "
                                                  "f.forwarding"),
                                   byDomain, {domain}, what);
    if (!f)
        return f.error();
    QMap<QString, UserForwarding> forwards;
    QHash<QString, QStringList> versions;
    QSet<QString> selfRows;
    while (f.value().next()) {
        const QString address = f.value().value(0).toString();
        const QString target = f.value().value(1).toString();
        UserForwarding &uf = forwards[address];
        uf.address = address;
        uf.active = f.value().value(2).toInt() != 0;
        versions[address] << target + QLatin1Char('/') + f.value().value(2).toString();
        if (target == address)
            selfRows.insert(address);
        else
            uf.destinations << target;
    }
    for (auto it = forwards.begin(); it != forwards.end(); ++it) {
        if (it->destinations.isEmpty())
            continue; // only the self row: plain local delivery
        it->keepLocalCopy = selfRows.contains(it.key());
        QStringList sorted = versions.value(it.key());
        sorted.sort();
        it->version = Sql::version(sorted);
        result.forwardings.append(*it);
    }

    // No index hint: per-user alias rows are few, and MariaDB picks the stock INDEX (is_alias)
    // (or intersects it with INDEX (domain)); forcing INDEX (domain) read every forwardings row
    // of a large domain (~40x slower on 60 000 rows).
    auto ua = Sql::exec(db,
                        QStringLiteral("SELECT address, forwarding, active FROM forwardings "
                                       "WHERE domain = ? AND is_alias = 1 ORDER BY address"),
                        {domain}, what);
    if (!ua)
        return ua.error();
    while (ua.value().next())
        result.userAliases.append({ua.value().value(0).toString(), ua.value().value(1).toString(),
                                   ua.value().value(2).toInt() != 0});

    auto ad = Sql::exec(db,
                        QStringLiteral("SELECT alias_domain, target_domain, active, created, "
                                       "modified FROM alias_domain WHERE target_domain = ? "
                                       "ORDER BY alias_domain"),
                        {domain}, what);
    if (!ad)
        return ad.error();
    while (ad.value().next())
        result.aliasDomains.append({ad.value().value(0).toString(), ad.value().value(1).toString(),
                                    ad.value().value(2).toInt() != 0,
                                    Sql::fromSqlDateTime(ad.value().value(3)),
                                    Sql::fromSqlDateTime(ad.value().value(4))});

    auto catchAll = readCatchAll(db, domain, false);
    if (!catchAll)
        return catchAll.error();
    result.catchAll = catchAll.value();
    return result;
}

Result<AliasAccount> AliasRepository::getAlias(QSqlDatabase &db, const QString &address) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::alias(db, address);
    return readAlias(db, address, false);
}

Status AliasRepository::createAlias(QSqlDatabase &db, const QString &addressInput,
                                    const QString &name, const QStringList &membersInput,
                                    const QString &accessPolicy) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::createAlias(db, addressInput, name, accessPolicy,
                                                      membersInput);
    auto address = EmailAddress::parse(addressInput);
    if (!address)
        return address.error();
    if (!accessPolicy.isEmpty() && !accessPolicies().contains(accessPolicy))
        return invalid(QStringLiteral("alias.policy"),
                       tr("Unknown access policy \"%1\".").arg(accessPolicy.left(40)));
    const QString stored = address->toStorage();
    const QString domain = address->domain().toStorage();
    const QString what = tr("create the alias %1").arg(address->toDisplay());

    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto dom =
        Sql::exec(db, QStringLiteral("SELECT aliases FROM domain WHERE domain = ? FOR UPDATE"),
                  {domain}, what);
    if (!dom)
        return dom.error();
    if (!dom.value().next())
        return invalid(
            QStringLiteral("db.notfound"),
            tr("The domain %1 does not exist on this server.").arg(address->domain().toDisplay()));
    const int limit = dom.value().value(0).toInt();
    auto used = addressInUse(db, stored);
    if (!used)
        return used.error();
    if (used.value())
        return invalid(QStringLiteral("db.duplicate"),
                       tr("The address %1 is already in use (by a mailbox, an alias, a "
                          "forwarding or a mailing list).")
                           .arg(address->toDisplay()));
    if (limit > 0) {
        auto count = Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM alias WHERE domain = ?"),
                                 {domain}, what, 0);
        if (!count)
            return count.error();
        if (count.value().toInt() >= limit)
            return invalid(QStringLiteral("db.limit"),
                           tr("The domain %1 already has %2 of at most %3 aliases.")
                               .arg(address->domain().toDisplay())
                               .arg(count.value().toInt())
                               .arg(limit));
    }
    auto members = normaliseDestinations(db, membersInput, tr("Member"));
    if (!members)
        return members.error();
    if (members->contains(stored))
        return invalid(QStringLiteral("alias.loop"), tr("An alias cannot be its own member."));
    const QString now = Sql::toSqlDateTime(Sql::nowUtc());
    auto insert = Sql::exec(db,
                            QStringLiteral("INSERT INTO alias (address, name, accesspolicy, "
                                           "domain, created, modified, active) "
                                           "VALUES (?, ?, ?, ?, ?, ?, 1)"),
                            {stored, name, accessPolicy, domain, now, now}, what);
    if (!insert)
        return insert.error();
    if (Status s = insertForwardings(db, stored, members.value(), "is_list", true, what); !s)
        return s;
    return tx.commit();
}

Status AliasRepository::updateAlias(QSqlDatabase &db, const AliasAccount &current,
                                    const QString &name, const QString &accessPolicy, bool active,
                                    const QStringList &membersInput) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::updateAlias(db, current, name, accessPolicy, active,
                                                      membersInput);
    const QString shown = EmailAddress::displayOf(current.address);
    const QString what = tr("change the alias %1").arg(shown);
    if (!accessPolicy.isEmpty() && !accessPolicies().contains(accessPolicy))
        return invalid(QStringLiteral("alias.policy"),
                       tr("Unknown access policy \"%1\".").arg(accessPolicy.left(40)));
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto now = readAlias(db, current.address, true);
    if (!now)
        return now.error();
    if (now->version != current.version)
        return Sql::conflict(tr("The alias %1").arg(shown));
    auto members = normaliseDestinations(db, membersInput, tr("Member"));
    if (!members)
        return members.error();
    if (members->contains(current.address))
        return invalid(QStringLiteral("alias.loop"), tr("An alias cannot be its own member."));
    auto old = Sql::exec(db, QStringLiteral("SELECT modified FROM alias WHERE address = ?"),
                         {current.address}, what);
    if (!old)
        return old.error();
    old.value().next();
    auto update =
        Sql::exec(db,
                  QStringLiteral("UPDATE alias SET name = ?, accesspolicy = ?, "
                                 "active = ?, modified = ? WHERE address = ?"),
                  {name, accessPolicy, active ? 1 : 0,
                   Sql::toSqlDateTime(bumpedModified(old.value().value(0))), current.address},
                  what);
    if (!update)
        return update.error();
    // Members: remove those no longer wanted, add the new ones, set active on all.
    for (const QString &member : now->members) {
        if (members->contains(member))
            continue;
        auto del = Sql::exec(db,
                             QStringLiteral("DELETE FROM forwardings WHERE address = ? AND "
                                            "forwarding = ? AND is_list = 1"),
                             {current.address, member}, what);
        if (!del)
            return del.error();
    }
    QStringList added;
    for (const QString &member : members.value()) {
        if (!now->members.contains(member))
            added << member;
    }
    if (Status s = insertForwardings(db, current.address, added, "is_list", active, what); !s)
        return s;
    auto act = Sql::exec(db,
                         QStringLiteral("UPDATE forwardings SET active = ? WHERE address = ? AND "
                                        "is_list = 1"),
                         {active ? 1 : 0, current.address}, what);
    if (!act)
        return act.error();
    return tx.commit();
}

Result<QStringList> AliasRepository::normaliseModerators(const QStringList &input) {
    QStringList out;
    for (const QString &raw : input) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        QString stored;
        if (entry.startsWith(QLatin1String("*@"))) {
            auto domain = DomainName::parse(entry.mid(2));
            if (!domain)
                return invalid(
                    QStringLiteral("alias.moderator"),
                    tr("Moderator \"%1\": %2").arg(entry.left(80), domain.error().message));
            stored = QStringLiteral("*@") + domain->toStorage();
        } else {
            auto address = EmailAddress::parse(entry);
            if (!address)
                return invalid(
                    QStringLiteral("alias.moderator"),
                    tr("Moderator \"%1\": %2").arg(entry.left(80), address.error().message));
            stored = address->toStorage();
        }
        if (!out.contains(stored))
            out << stored;
    }
    return out;
}

Status AliasRepository::setAliasModerators(QSqlDatabase &db, const AliasAccount &current,
                                           const QStringList &input) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::setAliasModerators(db, current, input);
    const QString shown = EmailAddress::displayOf(current.address);
    const QString what = tr("change the moderators of %1").arg(shown);
    auto moderators = normaliseModerators(input);
    if (!moderators)
        return moderators.error();
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto now = readAlias(db, current.address, true);
    if (!now)
        return now.error();
    if (now->version != current.version)
        return Sql::conflict(tr("The alias %1").arg(shown));
    for (const QString &old : now->moderators) {
        if (moderators->contains(old))
            continue;
        auto del = Sql::exec(
            db, QStringLiteral("DELETE FROM moderators WHERE address = ? AND moderator = ?"),
            {current.address, old}, what);
        if (!del)
            return del.error();
    }
    for (const QString &moderator : moderators.value()) {
        if (now->moderators.contains(moderator))
            continue;
        auto insert = Sql::exec(
            db,
            QStringLiteral("INSERT INTO moderators (address, moderator, "
                           "domain, dest_domain) VALUES (?, ?, ?, ?)"),
            {current.address, moderator, domainOf(current.address), domainOf(moderator)}, what);
        if (!insert)
            return insert.error();
    }
    return tx.commit();
}

Status AliasRepository::removeAlias(QSqlDatabase &db, const QString &address) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedCalls::deleteAlias(db, address);
    const QString what = tr("delete the alias %1").arg(EmailAddress::displayOf(address));
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto now = readAlias(db, address, true);
    if (!now)
        return now.error();
    const char *statements[] = {
        "DELETE FROM alias WHERE address = ?",
        "DELETE FROM forwardings WHERE address = ?",
        "DELETE FROM moderators WHERE address = ?",
    };
    for (const char *sql : statements) {
        auto del = Sql::exec(db, QLatin1String(sql), {address}, what);
        if (!del)
            return del.error();
    }
    return tx.commit();
}

Result<UserForwarding> AliasRepository::getForwarding(QSqlDatabase &db, const QString &username) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::forwarding(db, username);
    return readForwarding(db, username, false);
}

Status AliasRepository::setForwarding(QSqlDatabase &db, const UserForwarding &current,
                                      const QStringList &destinationsInput, bool keepLocalCopy) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::setForwarding(db, current, destinationsInput,
                                                        keepLocalCopy);
    const QString user = current.address;
    const QString shown = EmailAddress::displayOf(user);
    const QString what = tr("change the forwarding of %1").arg(shown);
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto now = readForwarding(db, user, true);
    if (!now)
        return now.error();
    if (now->version != current.version)
        return Sql::conflict(tr("The forwarding of %1").arg(shown));
    auto destinations = normaliseDestinations(db, destinationsInput, tr("Forwarding address"));
    if (!destinations)
        return destinations.error();
    destinations.value().removeAll(user); // the self row is keepLocalCopy
    // Without any other destination the self row stays: it is how every mailbox starts.
    QStringList wanted = destinations.value();
    if (keepLocalCopy || wanted.isEmpty())
        wanted << user;

    auto existing = column(db,
                           QStringLiteral("SELECT forwarding FROM forwardings WHERE address = ? "
                                          "AND is_forwarding = 1"),
                           {user}, what);
    if (!existing)
        return existing.error();
    for (const QString &target : existing.value()) {
        if (wanted.contains(target))
            continue;
        auto del = Sql::exec(db,
                             QStringLiteral("DELETE FROM forwardings WHERE address = ? AND "
                                            "forwarding = ? AND is_forwarding = 1"),
                             {user, target}, what);
        if (!del)
            return del.error();
    }
    QStringList added;
    for (const QString &target : wanted) {
        if (!existing->contains(target))
            added << target;
    }
    if (Status s = insertForwardings(db, user, added, "is_forwarding", now->active, what); !s) {
        if (s.error().code == QLatin1String("db.duplicate"))
            return invalid(QStringLiteral("db.duplicate"),
                           tr("%1 already has a row for one of these addresses in another role "
                              "(alias member or list).")
                               .arg(shown));
        return s;
    }
    return tx.commit();
}

Status AliasRepository::addUserAlias(QSqlDatabase &db, const QString &aliasInput,
                                     const QString &targetInput) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::AccessScope::notOffered(tr("change alias addresses of users"));
    auto alias = EmailAddress::parse(aliasInput);
    if (!alias)
        return alias.error();
    auto target = EmailAddress::parse(targetInput);
    if (!target)
        return target.error();
    const QString what = tr("add the alias address %1").arg(alias->toDisplay());
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    if (Status s = requireLocalDomain(db, alias->domain().toStorage()); !s)
        return s;
    auto box = Sql::scalar(db, QStringLiteral("SELECT active FROM mailbox WHERE username = ?"),
                           {target->toStorage()}, what);
    if (!box)
        return box.error();
    if (box.value().isNull())
        return invalid(QStringLiteral("db.notfound"),
                       tr("The mailbox %1 does not exist.").arg(target->toDisplay()));
    auto used = addressInUse(db, alias->toStorage());
    if (!used)
        return used.error();
    if (used.value())
        return invalid(QStringLiteral("db.duplicate"),
                       tr("The address %1 is already in use (by a mailbox, an alias, a "
                          "forwarding or a mailing list).")
                           .arg(alias->toDisplay()));
    if (Status s = insertForwardings(db, alias->toStorage(), {target->toStorage()}, "is_alias",
                                     box.value().toInt() != 0, what);
        !s)
        return s;
    return tx.commit();
}

Status AliasRepository::removeUserAlias(QSqlDatabase &db, const QString &alias) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::AccessScope::notOffered(tr("change alias addresses of users"));
    const QString what = tr("remove the alias address %1").arg(EmailAddress::displayOf(alias));
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto del = Sql::exec(db,
                         QStringLiteral("DELETE FROM forwardings WHERE address = ? AND "
                                        "is_alias = 1"),
                         {alias}, what);
    if (!del)
        return del.error();
    if (del.value().numRowsAffected() == 0)
        return Sql::notFound(tr("The alias address %1").arg(EmailAddress::displayOf(alias)));
    return tx.commit();
}

Status AliasRepository::createAliasDomain(QSqlDatabase &db, const QString &aliasInput,
                                          const QString &targetInput) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::AccessScope::notOffered(tr("change alias domains"));
    auto alias = DomainName::parse(aliasInput);
    if (!alias)
        return alias.error();
    auto target = DomainName::parse(targetInput);
    if (!target)
        return target.error();
    if (alias.value() == target.value())
        return invalid(QStringLiteral("alias.loop"), tr("A domain cannot be an alias of itself."));
    const QString what = tr("create the alias domain %1").arg(alias->toDisplay());
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    if (Status s = requireLocalDomain(db, target->toStorage()); !s)
        return s;
    auto exists =
        Sql::scalar(db,
                    QStringLiteral("SELECT (SELECT COUNT(*) FROM domain WHERE domain = ?) + "
                                   "(SELECT COUNT(*) FROM alias_domain WHERE alias_domain = ?)"),
                    {alias->toStorage(), alias->toStorage()}, what, 0);
    if (!exists)
        return exists.error();
    if (exists.value().toInt() > 0)
        return invalid(QStringLiteral("db.duplicate"),
                       tr("The domain %1 already exists (as a domain or an alias domain).")
                           .arg(alias->toDisplay()));
    const QString now = Sql::toSqlDateTime(Sql::nowUtc());
    auto insert = Sql::exec(db,
                            QStringLiteral("INSERT INTO alias_domain (alias_domain, "
                                           "target_domain, created, modified, active) "
                                           "VALUES (?, ?, ?, ?, 1)"),
                            {alias->toStorage(), target->toStorage(), now, now}, what);
    if (!insert)
        return insert.error();
    return tx.commit();
}

Status AliasRepository::removeAliasDomain(QSqlDatabase &db, const QString &aliasDomain) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::AccessScope::notOffered(tr("change alias domains"));
    const QString what = tr("remove the alias domain %1").arg(DomainName::displayOf(aliasDomain));
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto del = Sql::exec(db, QStringLiteral("DELETE FROM alias_domain WHERE alias_domain = ?"),
                         {aliasDomain}, what);
    if (!del)
        return del.error();
    if (del.value().numRowsAffected() == 0)
        return Sql::notFound(tr("The alias domain %1").arg(DomainName::displayOf(aliasDomain)));
    return tx.commit();
}

Result<CatchAll> AliasRepository::getCatchAll(QSqlDatabase &db, const QString &domain) {
    if (delegation::AccessScope::isDelegated(db)) {
        auto all = delegation::DelegatedData::aliases(db, domain);
        if (!all)
            return all.error();
        return all->catchAll;
    }
    return readCatchAll(db, domain, false);
}

Status AliasRepository::setCatchAll(QSqlDatabase &db, const CatchAll &current,
                                    const QStringList &destinationsInput) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::AccessScope::notOffered(tr("change the catch-all address"));
    const QString domain = current.domain;
    const QString shown = DomainName::displayOf(domain);
    const QString what = tr("change the catch-all of %1").arg(shown);
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto lock =
        Sql::exec(db, QStringLiteral("SELECT domain FROM domain WHERE domain = ? FOR UPDATE"),
                  {domain}, what);
    if (!lock)
        return lock.error();
    if (!lock.value().next())
        return invalid(QStringLiteral("db.notfound"),
                       tr("The domain %1 does not exist on this server.").arg(shown));
    auto now = readCatchAll(db, domain, true);
    if (!now)
        return now.error();
    if (now->version != current.version)
        return Sql::conflict(tr("The catch-all of %1").arg(shown));
    auto destinations = normaliseDestinations(db, destinationsInput, tr("Catch-all address"));
    if (!destinations)
        return destinations.error();
    auto del = Sql::exec(db,
                         QStringLiteral("DELETE FROM forwardings WHERE address = ? AND "
                                        "is_list = 0 AND is_forwarding = 0 AND is_alias = 0 AND "
                                        "is_maillist = 0"),
                         {domain}, what);
    if (!del)
        return del.error();
    for (const QString &target : destinations.value()) {
        auto insert = Sql::exec(db,
                                QStringLiteral("INSERT INTO forwardings (address, forwarding, "
                                               "domain, dest_domain, active) "
                                               "VALUES (?, ?, ?, ?, 1)"),
                                {domain, target, domain, domainOf(target)}, what);
        if (!insert)
            return insert.error();
    }
    return tx.commit();
}

} // namespace maildeck::db
