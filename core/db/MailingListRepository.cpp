#include "core/db/MailingListRepository.h"

#include "core/db/AliasRepository.h"
#include "core/db/EmailAddress.h"
#include "core/db/SqlSupport.h"
#include "core/delegation/AccessScope.h"
#include "core/delegation/DelegatedData.h"

#include <QHash>
#include <QSet>
#include <QUuid>

namespace maildeck::db {

namespace {

QString domainOf(const QString &address) {
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? address : address.mid(at + 1);
}

Error invalid(const QString &code, const QString &message) {
    return Error{code, message, {}};
}

const QString kListColumns = QStringLiteral(
    "l.address, l.domain, l.name, l.description, l.transport, l.accesspolicy, l.maxmsgsize, "
    "l.mlid, l.is_newsletter, l.active, l.created, l.modified, l.settings");
constexpr int kListColumnCount = 13;

QStringList rowStrings(const QSqlQuery &q, int count) {
    QStringList parts;
    for (int i = 0; i < count; ++i)
        parts << (q.value(i).isNull() ? QStringLiteral("\x01NULL") : q.value(i).toString());
    return parts;
}

MailingListRow listFrom(const QSqlQuery &q) {
    MailingListRow l;
    l.address = q.value(0).toString();
    l.domain = q.value(1).toString();
    l.name = q.value(2).toString();
    l.description = q.value(3).toString();
    l.transport = q.value(4).toString();
    l.accessPolicy = q.value(5).toString();
    l.maxMessageSize = q.value(6).toLongLong();
    l.mlid = q.value(7).toString();
    l.isNewsletter = q.value(8).toInt() != 0;
    l.active = q.value(9).toInt() != 0;
    l.created = Sql::fromSqlDateTime(q.value(10));
    l.modified = Sql::fromSqlDateTime(q.value(11));
    return l;
}

QByteArray listVersion(const QStringList &row, const MailingListRow &l) {
    QStringList parts = row;
    parts << QStringLiteral("\x01owners") << l.owners << QStringLiteral("\x01moderators")
          << l.moderators;
    return Sql::version(parts);
}

Result<QList<MailingListRow>> readLists(QSqlDatabase &db, const QString &where,
                                        const QVariantList &binds, bool lock) {
    const QString what = MailingListRepository::tr("read the mailing lists");
    auto q = Sql::exec(db,
                       QStringLiteral("SELECT ") + kListColumns +
                           QStringLiteral(", (SELECT COUNT(*) FROM forwardings f WHERE "
                                          "f.address = l.address AND f.is_maillist = 1) "
                                          "FROM maillists l WHERE ") +
                           where + QStringLiteral(" ORDER BY l.address") +
                           (lock ? QStringLiteral(" FOR UPDATE") : QString()),
                       binds, what);
    if (!q)
        return q.error();
    QList<MailingListRow> lists;
    QHash<QString, QStringList> rows;
    while (q.value().next()) {
        MailingListRow l = listFrom(q.value());
        l.hasForwardingRow = q.value().value(kListColumnCount).toInt() > 0;
        rows.insert(l.address, rowStrings(q.value(), kListColumnCount + 1));
        lists.append(l);
    }
    if (lists.isEmpty())
        return lists;
    // Owners and moderators of the same lists (by domain, or of the one list).
    const bool byDomain = where.startsWith(QLatin1String("l.domain"));
    const QString filter = byDomain ? QStringLiteral("domain = ?") : QStringLiteral("address = ?");
    QHash<QString, QStringList> owners, moderators;
    auto o =
        Sql::exec(db, QStringLiteral("SELECT address, owner FROM maillist_owners WHERE ") + filter,
                  binds, what);
    if (!o)
        return o.error();
    while (o.value().next())
        owners[o.value().value(0).toString()] << o.value().value(1).toString();
    auto m =
        Sql::exec(db, QStringLiteral("SELECT address, moderator FROM moderators WHERE ") + filter,
                  binds, what);
    if (!m)
        return m.error();
    while (m.value().next())
        moderators[m.value().value(0).toString()] << m.value().value(1).toString();
    for (MailingListRow &l : lists) {
        l.owners = owners.value(l.address);
        l.owners.sort();
        l.moderators = moderators.value(l.address);
        l.moderators.sort();
        l.version = listVersion(rows.value(l.address), l);
    }
    return lists;
}

// Owners and moderators: syntax-checked; addresses in the list's own domain must exist (as
// mlmmjadmin skips those that do not).
Result<QStringList> normalisePeople(QSqlDatabase &db, const QStringList &input,
                                    const QString &field) {
    return AliasRepository::normaliseDestinations(db, input, field);
}

Status addPeople(QSqlDatabase &db, const char *table, const char *column, const QString &list,
                 const QStringList &people, const QStringList &existing, int *added,
                 const QString &what) {
    const QString sql = QStringLiteral("INSERT INTO ") + QLatin1String(table) +
                        QStringLiteral(" (address, ") + QLatin1String(column) +
                        QStringLiteral(", domain, dest_domain) VALUES (?, ?, ?, ?)");
    for (const QString &person : people) {
        if (existing.contains(person))
            continue;
        auto insert = Sql::exec(db, sql, {list, person, domainOf(list), domainOf(person)}, what);
        if (!insert)
            return insert.error();
        if (added)
            ++*added;
    }
    return Status::success();
}

Status removePeople(QSqlDatabase &db, const char *table, const char *column, const QString &list,
                    const QStringList &keep, const QStringList &existing, const QString &what) {
    const QString sql = QStringLiteral("DELETE FROM ") + QLatin1String(table) +
                        QStringLiteral(" WHERE address = ? AND ") + QLatin1String(column) +
                        QStringLiteral(" = ?");
    for (const QString &person : existing) {
        if (keep.contains(person))
            continue;
        auto del = Sql::exec(db, sql, {list, person}, what);
        if (!del)
            return del.error();
    }
    return Status::success();
}

} // namespace

QString MailingListRepository::transportFor(const QString &address) {
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return QStringLiteral("mlmmj:") + address.mid(at + 1) + QLatin1Char('/') + address.left(at);
}

Result<QList<MailingListRow>> MailingListRepository::listForDomain(QSqlDatabase &db,
                                                                   const QString &domain) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::mailingLists(db, domain);
    return readLists(db, QStringLiteral("l.domain = ?"), {domain}, false);
}

Result<MailingListRow> MailingListRepository::get(QSqlDatabase &db, const QString &address) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::mailingList(db, address);
    auto lists = readLists(db, QStringLiteral("l.address = ?"), {address}, false);
    if (!lists)
        return lists.error();
    if (lists->isEmpty())
        return Sql::notFound(tr("The mailing list %1").arg(EmailAddress::displayOf(address)));
    return lists->first();
}

Result<EnsureListOutcome> MailingListRepository::ensureRows(QSqlDatabase &db,
                                                            const NewMailingList &list) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::ensureMailingListRows(db, list);
    auto address = EmailAddress::parse(list.address);
    if (!address)
        return address.error();
    const QString stored = address->toStorage();
    const QString domain = address->domain().toStorage();
    const QString what = tr("create the mailing list %1").arg(address->toDisplay());
    if (list.maxMessageSize < 0)
        return invalid(QStringLiteral("list.size"),
                       tr("The maximum message size must be 0 (no limit) or a number of "
                          "bytes."));
    EnsureListOutcome outcome;
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s.error();
    auto dom = Sql::exec(db,
                         QStringLiteral("SELECT maillists FROM domain WHERE domain = ? "
                                        "FOR UPDATE"),
                         {domain}, what);
    if (!dom)
        return dom.error();
    if (!dom.value().next())
        return invalid(
            QStringLiteral("db.notfound"),
            tr("The domain %1 does not exist on this server.").arg(address->domain().toDisplay()));
    const int limit = dom.value().value(0).toInt();

    // What exists already: the list row, its marker, anything else using the address.
    auto state = Sql::exec(db,
                           QStringLiteral("SELECT (SELECT mlid FROM maillists WHERE address = ?), "
                                          "(SELECT COUNT(*) FROM forwardings WHERE address = ? AND "
                                          "is_maillist = 1), "
                                          "(SELECT COUNT(*) FROM forwardings WHERE address = ? AND "
                                          "is_maillist = 0), "
                                          "(SELECT COUNT(*) FROM mailbox WHERE username = ?) + "
                                          "(SELECT COUNT(*) FROM alias WHERE address = ?), "
                                          "(SELECT COUNT(*) FROM maillists WHERE domain = ?)"),
                           {stored, stored, stored, stored, stored, domain}, what);
    if (!state)
        return state.error();
    state.value().next();
    const QVariant mlid = state.value().value(0);
    const bool hasMarker = state.value().value(1).toInt() > 0;
    const int otherRows = state.value().value(2).toInt();
    const int otherAccounts = state.value().value(3).toInt();
    const int listsInDomain = state.value().value(4).toInt();
    if (otherAccounts > 0 || otherRows > 0)
        return invalid(QStringLiteral("db.duplicate"),
                       tr("The address %1 is already used by a mailbox, an alias or a "
                          "forwarding.")
                           .arg(address->toDisplay()));
    auto owners = normalisePeople(db, list.owners, tr("Owner"));
    if (!owners)
        return owners.error();
    auto moderators = normalisePeople(db, list.moderators, tr("Moderator"));
    if (!moderators)
        return moderators.error();

    const QString now = Sql::toSqlDateTime(Sql::nowUtc());
    if (mlid.isNull()) {
        if (limit > 0 && listsInDomain >= limit)
            return invalid(QStringLiteral("db.limit"),
                           tr("The domain %1 already has %2 of at most %3 mailing lists.")
                               .arg(address->domain().toDisplay())
                               .arg(listsInDomain)
                               .arg(limit));
        outcome.mlid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto insert = Sql::exec(
            db,
            QStringLiteral("INSERT INTO maillists (active, address, domain, name, description, "
                           "transport, mlid, maxmsgsize, accesspolicy, is_newsletter, created, "
                           "modified) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {stored, domain, list.name, list.description, transportFor(stored), outcome.mlid,
             list.maxMessageSize, list.accessPolicy, list.isNewsletter ? 1 : 0, now, now},
            what);
        if (!insert)
            return insert.error();
        outcome.insertedList = true;
    } else {
        outcome.mlid = mlid.toString();
    }
    if (!hasMarker) {
        auto marker = Sql::exec(db,
                                QStringLiteral("INSERT INTO forwardings (active, is_maillist, "
                                               "address, forwarding, domain, dest_domain) "
                                               "VALUES (1, 1, ?, ?, ?, ?)"),
                                {stored, stored, domain, domain}, what);
        if (!marker)
            return marker.error();
        outcome.insertedForwarding = true;
    }
    auto existingOwners = Sql::exec(
        db, QStringLiteral("SELECT owner FROM maillist_owners WHERE address = ?"), {stored}, what);
    if (!existingOwners)
        return existingOwners.error();
    QStringList haveOwners;
    while (existingOwners.value().next())
        haveOwners << existingOwners.value().value(0).toString();
    auto existingMods = Sql::exec(
        db, QStringLiteral("SELECT moderator FROM moderators WHERE address = ?"), {stored}, what);
    if (!existingMods)
        return existingMods.error();
    QStringList haveMods;
    while (existingMods.value().next())
        haveMods << existingMods.value().value(0).toString();
    if (Status s = addPeople(db, "maillist_owners", "owner", stored, owners.value(), haveOwners,
                             &outcome.ownersAdded, what);
        !s)
        return s.error();
    if (Status s = addPeople(db, "moderators", "moderator", stored, moderators.value(), haveMods,
                             &outcome.moderatorsAdded, what);
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return outcome;
}

Status MailingListRepository::update(QSqlDatabase &db, const MailingListRow &current,
                                     const NewMailingList &edit) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::updateMailingListRows(db, current, edit);
    const QString shown = EmailAddress::displayOf(current.address);
    const QString what = tr("change the mailing list %1").arg(shown);
    if (edit.maxMessageSize < 0)
        return invalid(QStringLiteral("list.size"),
                       tr("The maximum message size must be 0 (no limit) or a number of "
                          "bytes."));
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto now = readLists(db, QStringLiteral("l.address = ?"), {current.address}, true);
    if (!now)
        return now.error();
    if (now->isEmpty())
        return Sql::notFound(tr("The mailing list %1").arg(shown));
    const MailingListRow row = now->first();
    if (row.version != current.version)
        return Sql::conflict(tr("The mailing list %1").arg(shown));
    auto owners = normalisePeople(db, edit.owners, tr("Owner"));
    if (!owners)
        return owners.error();
    auto moderators = normalisePeople(db, edit.moderators, tr("Moderator"));
    if (!moderators)
        return moderators.error();
    QDateTime modified = Sql::nowUtc();
    if (row.modified.isValid() && modified <= row.modified)
        modified = row.modified.addSecs(1);
    auto update =
        Sql::exec(db,
                  QStringLiteral("UPDATE maillists SET name = ?, description = ?, "
                                 "accesspolicy = ?, maxmsgsize = ?, is_newsletter = ?, "
                                 "modified = ? WHERE address = ?"),
                  {edit.name, edit.description, edit.accessPolicy, edit.maxMessageSize,
                   edit.isNewsletter ? 1 : 0, Sql::toSqlDateTime(modified), current.address},
                  what);
    if (!update)
        return update.error();
    if (Status s = removePeople(db, "maillist_owners", "owner", current.address, owners.value(),
                                row.owners, what);
        !s)
        return s;
    if (Status s = addPeople(db, "maillist_owners", "owner", current.address, owners.value(),
                             row.owners, nullptr, what);
        !s)
        return s;
    if (Status s = removePeople(db, "moderators", "moderator", current.address, moderators.value(),
                                row.moderators, what);
        !s)
        return s;
    if (Status s = addPeople(db, "moderators", "moderator", current.address, moderators.value(),
                             row.moderators, nullptr, what);
        !s)
        return s;
    return tx.commit();
}

Status MailingListRepository::removeRows(QSqlDatabase &db, const QString &address) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::removeMailingListRows(db, address);
    const QString what = tr("delete the mailing list %1").arg(EmailAddress::displayOf(address));
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto exists = Sql::scalar(db,
                              QStringLiteral("SELECT (SELECT COUNT(*) FROM maillists WHERE "
                                             "address = ?) + (SELECT COUNT(*) FROM forwardings "
                                             "WHERE address = ? AND is_maillist = 1)"),
                              {address, address}, what, 0);
    if (!exists)
        return exists.error();
    if (exists.value().toInt() == 0)
        return Sql::notFound(tr("The mailing list %1").arg(EmailAddress::displayOf(address)));
    const char *statements[] = {
        "DELETE FROM maillists WHERE address = ?",
        "DELETE FROM forwardings WHERE address = ? AND is_maillist = 1",
        "DELETE FROM maillist_owners WHERE address = ?",
        "DELETE FROM moderators WHERE address = ?",
    };
    for (const char *sql : statements) {
        auto del = Sql::exec(db, QLatin1String(sql), {address}, what);
        if (!del)
            return del.error();
    }
    return tx.commit();
}

} // namespace maildeck::db
