#include "core/delegation/DelegatedData.h"

#include "core/db/AliasRepository.h"
#include "core/db/DomainRepository.h"
#include "core/db/EmailAddress.h"
#include "core/db/MailboxRepository.h"
#include "core/db/MailingListRepository.h"
#include "core/db/PasswordHash.h"
#include "core/db/SqlSupport.h"
#include "core/delegation/AccessScope.h"
#include "core/delegation/DelegatedCalls.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

namespace maildeck::delegation {

using db::Sql;

namespace {

QStringList rowStrings(const QSqlQuery &q, int count) {
    QStringList parts;
    for (int i = 0; i < count; ++i) {
        const QVariant v = q.value(i);
        parts << (v.isNull() ? QStringLiteral("\x01NULL") : v.toString());
    }
    return parts;
}

QString domainSql(bool oneDomain) {
    QString sql = QStringLiteral(
        "SELECT d.domain, d.description, d.active, d.backupmx, d.transport, d.mailboxes, "
        "d.aliases, d.maillists, d.maxquota, d.settings, d.created, d.modified, "
        "(SELECT COUNT(*) FROM maildeck_delegation.v_mailboxes m WHERE m.domain = d.domain), "
        "(SELECT COALESCE(SUM(m.quota), 0) FROM maildeck_delegation.v_mailboxes m "
        " WHERE m.domain = d.domain), "
        "(SELECT COUNT(*) FROM maildeck_delegation.v_mailboxes m WHERE m.domain = d.domain "
        " AND m.quota = 0), "
        "(SELECT COUNT(*) FROM maildeck_delegation.v_aliases a WHERE a.domain = d.domain), "
        "(SELECT COUNT(*) FROM maildeck_delegation.v_maillists l WHERE l.domain = d.domain), "
        "(SELECT COUNT(*) FROM maildeck_delegation.v_alias_domains ad "
        " WHERE ad.target_domain = d.domain), "
        "(SELECT COALESCE(SUM(u.bytes), 0) FROM maildeck_delegation.v_used_quota u "
        " WHERE u.domain = d.domain) "
        "FROM maildeck_delegation.v_domains d");
    if (oneDomain)
        sql += QStringLiteral(" WHERE d.domain = ?");
    return sql + QStringLiteral(" ORDER BY d.domain");
}

db::DomainSummary domainFrom(const QSqlQuery &q) {
    db::DomainSummary d;
    d.domain = q.value(0).toString();
    d.description = q.value(1).toString();
    d.active = q.value(2).toInt() != 0;
    d.backupMx = q.value(3).toInt() != 0;
    d.transport = q.value(4).toString();
    d.mailboxLimit = q.value(5).toInt();
    d.aliasLimit = q.value(6).toInt();
    d.listLimit = q.value(7).toInt();
    d.maxQuotaMb = q.value(8).toLongLong();
    d.settings = q.value(9).toString();
    d.created = Sql::fromSqlDateTime(q.value(10));
    d.modified = Sql::fromSqlDateTime(q.value(11));
    d.version = Sql::version(rowStrings(q, 12));
    d.mailboxCount = q.value(12).toInt();
    d.quotaAllocatedMb = q.value(13).toLongLong();
    d.unlimitedMailboxes = q.value(14).toInt();
    d.aliasCount = q.value(15).toInt();
    d.listCount = q.value(16).toInt();
    d.aliasDomainCount = q.value(17).toInt();
    d.quotaUsedBytes = q.value(18).toLongLong();
    return d;
}

// The mail services v_mailboxes shows (a subset of db::mailboxServiceColumns()).
QStringList viewServices() {
    static const QStringList inView{QStringLiteral("smtp"),
                                    QStringLiteral("smtpsecured"),
                                    QStringLiteral("pop3"),
                                    QStringLiteral("pop3secured"),
                                    QStringLiteral("imap"),
                                    QStringLiteral("imapsecured"),
                                    QStringLiteral("deliver"),
                                    QStringLiteral("managesieve"),
                                    QStringLiteral("managesievesecured"),
                                    QStringLiteral("sogo")};
    QStringList out;
    for (const QString &s : db::mailboxServiceColumns())
        if (inView.contains(s))
            out << s;
    return out;
}

// The columns of v_mailboxes in MailboxRow order; the view has no password, only its scheme.
QString mailboxSql(const QString &where) {
    QString sql = QStringLiteral(
        "SELECT m.username, m.domain, m.name, m.language, m.quota, m.active, m.isadmin, "
        "m.isglobaladmin, m.employeeid, m.department, m.storagebasedirectory, m.storagenode, "
        "m.maildir, m.mailboxformat, m.mailboxfolder, m.transport, m.allow_nets, m.settings, "
        "m.created, m.modified, m.password_scheme, m.passwordlastchange, u.bytes, u.messages");
    for (const QString &service : viewServices())
        sql += QStringLiteral(", m.`enable") + service + QLatin1Char('`');
    return sql +
           QStringLiteral(" FROM maildeck_delegation.v_mailboxes m"
                          " LEFT JOIN maildeck_delegation.v_used_quota u"
                          " ON u.username = m.username WHERE ") +
           where + QStringLiteral(" ORDER BY m.username");
}

db::MailboxRow mailboxFrom(const QSqlQuery &q) {
    db::MailboxRow m;
    m.username = q.value(0).toString();
    m.domain = q.value(1).toString();
    m.name = q.value(2).toString();
    m.language = q.value(3).toString();
    m.quotaMb = q.value(4).toLongLong();
    m.active = q.value(5).toInt() != 0;
    m.isAdmin = q.value(6).toInt() != 0;
    m.isGlobalAdmin = q.value(7).toInt() != 0;
    m.employeeId = q.value(8).toString();
    m.department = q.value(9).toString();
    m.storageBaseDirectory = q.value(10).toString();
    m.storageNode = q.value(11).toString();
    m.maildir = q.value(12).toString();
    m.mailboxFormat = q.value(13).toString();
    m.mailboxFolder = q.value(14).toString();
    m.transport = q.value(15).toString();
    if (!q.value(16).isNull())
        m.allowNets = q.value(16).toString();
    m.settings = q.value(17).toString();
    m.created = Sql::fromSqlDateTime(q.value(18));
    m.modified = Sql::fromSqlDateTime(q.value(19));
    // The view gives the scheme's name only; classify a stand-in hash of that scheme.
    const QString scheme = q.value(20).toString();
    const db::SchemeInfo info =
        db::PasswordHash::classify(QLatin1Char('{') + scheme + QLatin1Char('}'));
    m.passwordScheme = info.scheme.isEmpty() ? scheme : info.scheme;
    m.passwordWeak = info.weak;
    m.passwordLastChange = Sql::fromSqlDateTime(q.value(21));
    if (!q.value(22).isNull())
        m.usedBytes = q.value(22).toLongLong();
    if (!q.value(23).isNull())
        m.usedMessages = q.value(23).toLongLong();
    const QStringList services = viewServices();
    for (int i = 0; i < services.size(); ++i)
        m.services.insert(services[i], q.value(24 + i).toInt() != 0);
    QStringList parts = rowStrings(q, 20);
    for (int i = 0; i < services.size(); ++i)
        parts << q.value(24 + i).toString();
    m.version = Sql::version(parts);
    return m;
}

Result<QList<db::MailboxRow>> readMailboxes(QSqlDatabase &db, const QString &where,
                                            const QString &value) {
    const QString what = DelegatedData::tr("list the mailboxes");
    auto q = Sql::exec(db, mailboxSql(where), {value}, what);
    if (!q)
        return q.error();
    QList<db::MailboxRow> rows;
    while (q.value().next())
        rows.append(mailboxFrom(q.value()));
    const QString fwhere = where == QLatin1String("m.domain = ?") ? QStringLiteral("domain = ?")
                                                                  : QStringLiteral("address = ?");
    auto f = Sql::exec(db,
                       QStringLiteral("SELECT address, forwarding FROM "
                                      "maildeck_delegation.v_forwardings WHERE is_forwarding = 1 "
                                      "AND ") +
                           fwhere,
                       {value}, what);
    if (!f)
        return f.error();
    QHash<QString, QStringList> forwards;
    while (f.value().next())
        forwards[f.value().value(0).toString()] << f.value().value(1).toString();
    for (db::MailboxRow &m : rows) {
        bool self = false;
        for (const QString &t : forwards.value(m.username)) {
            if (t == m.username)
                self = true;
            else
                m.forwardTo << t;
        }
        m.forwardTo.sort();
        m.keepsLocalCopy = self || m.forwardTo.isEmpty();
    }
    return rows;
}

Result<QList<db::AliasAccount>> readAliases(QSqlDatabase &db, const QString &filter,
                                            const QString &value) {
    const QString what = DelegatedData::tr("read the aliases");
    auto q = Sql::exec(db,
                       QStringLiteral("SELECT address, domain, name, accesspolicy, active, "
                                      "created, modified FROM maildeck_delegation.v_aliases "
                                      "WHERE ") +
                           filter + QStringLiteral(" ORDER BY address"),
                       {value}, what);
    if (!q)
        return q.error();
    QList<db::AliasAccount> out;
    QHash<QString, QStringList> rows;
    while (q.value().next()) {
        db::AliasAccount a;
        a.address = q.value().value(0).toString();
        a.domain = q.value().value(1).toString();
        a.name = q.value().value(2).toString();
        a.accessPolicy = q.value().value(3).toString();
        a.active = q.value().value(4).toInt() != 0;
        a.created = Sql::fromSqlDateTime(q.value().value(5));
        a.modified = Sql::fromSqlDateTime(q.value().value(6));
        rows.insert(a.address, rowStrings(q.value(), 7));
        out.append(a);
    }
    if (out.isEmpty())
        return out;
    QHash<QString, QStringList> members, moderators;
    auto m = Sql::exec(db,
                       QStringLiteral("SELECT address, forwarding FROM "
                                      "maildeck_delegation.v_forwardings WHERE is_list = 1 AND ") +
                           filter,
                       {value}, what);
    if (!m)
        return m.error();
    while (m.value().next())
        members[m.value().value(0).toString()] << m.value().value(1).toString();
    auto mod = Sql::exec(db,
                         QStringLiteral("SELECT address, moderator FROM "
                                        "maildeck_delegation.v_moderators WHERE ") +
                             filter,
                         {value}, what);
    if (!mod)
        return mod.error();
    while (mod.value().next())
        moderators[mod.value().value(0).toString()] << mod.value().value(1).toString();
    for (db::AliasAccount &a : out) {
        a.members = members.value(a.address);
        a.members.sort();
        a.moderators = moderators.value(a.address);
        a.moderators.sort();
        QStringList parts = rows.value(a.address);
        parts << QStringLiteral("\x01members") << a.members << QStringLiteral("\x01moderators")
              << a.moderators;
        a.version = Sql::version(parts);
    }
    return out;
}

Result<QStringList> normalise(const QStringList &input) {
    QStringList out;
    for (const QString &raw : input) {
        if (raw.trimmed().isEmpty())
            continue;
        auto address = db::EmailAddress::parse(raw.trimmed());
        if (!address)
            return address.error();
        const QString stored = address->toStorage();
        if (!out.contains(stored))
            out << stored;
    }
    return out;
}

// Adds and removes members one by one through the procedures.
Status applyDiff(QSqlDatabase &db, const QString &address, QStringList before, QStringList after,
                 Status (*add)(QSqlDatabase &, const QString &, const QString &),
                 Status (*remove)(QSqlDatabase &, const QString &, const QString &)) {
    for (const QString &gone : before) {
        if (!after.contains(gone)) {
            if (Status s = remove(db, address, gone); !s)
                return s;
        }
    }
    for (const QString &added : after) {
        if (!before.contains(added)) {
            if (Status s = add(db, address, added); !s)
                return s;
        }
    }
    return Status::success();
}

} // namespace

Result<QList<db::DomainSummary>> DelegatedData::domains(QSqlDatabase &db) {
    auto q = Sql::exec(db, domainSql(false), {}, tr("list your domains"));
    if (!q)
        return q.error();
    QList<db::DomainSummary> out;
    while (q.value().next())
        out.append(domainFrom(q.value()));
    return out;
}

Result<db::DomainSummary> DelegatedData::domain(QSqlDatabase &db, const QString &domain) {
    auto q = Sql::exec(db, domainSql(true), {domain}, tr("read the domain"));
    if (!q)
        return q.error();
    if (!q.value().next())
        return Sql::notFound(tr("The domain %1").arg(db::DomainName::displayOf(domain)));
    return domainFrom(q.value());
}

Result<QHash<QString, db::DomainCounts>> DelegatedData::domainCounts(QSqlDatabase &db) {
    auto all = domains(db);
    if (!all)
        return all.error();
    QHash<QString, db::DomainCounts> out;
    for (const db::DomainSummary &d : std::as_const(*all))
        out.insert(d.domain, {d.mailboxCount, d.aliasCount, d.listCount, d.aliasDomainCount});
    return out;
}

Result<QHash<QString, db::DomainQuota>> DelegatedData::domainQuotas(QSqlDatabase &db) {
    auto all = domains(db);
    if (!all)
        return all.error();
    QHash<QString, db::DomainQuota> out;
    for (const db::DomainSummary &d : std::as_const(*all))
        out.insert(d.domain, {d.quotaAllocatedMb, d.unlimitedMailboxes, d.quotaUsedBytes});
    return out;
}

Result<QList<db::MailboxRow>> DelegatedData::mailboxes(QSqlDatabase &db, const QString &domain) {
    return readMailboxes(db, QStringLiteral("m.domain = ?"), domain);
}

Result<db::MailboxRow> DelegatedData::mailbox(QSqlDatabase &db, const QString &username) {
    auto rows = readMailboxes(db, QStringLiteral("m.username = ?"), username);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Sql::notFound(tr("The mailbox %1").arg(db::EmailAddress::displayOf(username)));
    return rows->first();
}

Result<db::MailboxPage> DelegatedData::mailboxPage(QSqlDatabase &db, const QString &domain,
                                                   const QString &after, int limit,
                                                   bool countTotal) {
    auto all = mailboxes(db, domain);
    if (!all)
        return all.error();
    db::MailboxPage page;
    limit = std::max(1, limit);
    if (countTotal)
        page.total = int(all->size());
    for (const db::MailboxRow &m : std::as_const(*all)) {
        if (m.username > after && page.rows.size() < limit)
            page.rows.append(m);
    }
    page.more = page.rows.size() >= limit;
    if (!page.rows.isEmpty())
        page.last = page.rows.last().username;
    return page;
}

Result<db::AliasPage> DelegatedData::aliasPage(QSqlDatabase &db, const QString &domain,
                                               const QString &after, int limit, bool countTotal) {
    auto all = readAliases(db, QStringLiteral("domain = ?"), domain);
    if (!all)
        return all.error();
    db::AliasPage page;
    limit = std::max(1, limit);
    if (countTotal)
        page.total = int(all->size());
    for (const db::AliasAccount &a : std::as_const(*all)) {
        if (a.address > after && page.accounts.size() < limit)
            page.accounts.append(a);
    }
    page.more = page.accounts.size() >= limit;
    if (!page.accounts.isEmpty())
        page.last = page.accounts.last().address;
    return page;
}

Status DelegatedData::createMailbox(QSqlDatabase &db, const db::NewMailbox &mailbox) {
    if (!mailbox.disabledServices.isEmpty())
        return AccessScope::notOffered(tr("turn off mail services"));
    if (!mailbox.passwordHash.isEmpty())
        return AccessScope::notOffered(tr("store a ready-made password hash"));
    Status s = DelegatedCalls::createMailbox(db, mailbox.address, mailbox.password, mailbox.name,
                                             mailbox.quotaMb.value_or(0), mailbox.scheme);
    // The editors show a taken address at the address field, as for the global path.
    if (!s && s.error().code == QLatin1String("delegation.exists"))
        return Error{QStringLiteral("db.duplicate"), s.error().message, s.error().detail};
    return s;
}

Status DelegatedData::updateMailbox(QSqlDatabase &db, const db::MailboxRow &current,
                                    const db::MailboxEdit &edit) {
    auto now = mailbox(db, current.username);
    if (!now)
        return now.error();
    if (now->version != current.version)
        return Sql::conflict(
            tr("The mailbox %1").arg(db::EmailAddress::displayOf(current.username)));
    for (auto it = edit.services.constBegin(); it != edit.services.constEnd(); ++it) {
        if (current.services.value(it.key(), it.value()) != it.value())
            return AccessScope::notOffered(tr("change the mail services"));
    }
    if (edit.allowNets != current.allowNets || edit.employeeId != current.employeeId ||
        edit.department != current.department)
        return AccessScope::notOffered(
            tr("change the employee ID, department or allowed networks"));
    if (edit.name != current.name || edit.language != current.language ||
        edit.active != current.active) {
        if (Status s = DelegatedCalls::updateMailbox(db, current.username, edit.name, edit.language,
                                                     edit.active);
            !s)
            return s;
    }
    if (edit.quotaMb != current.quotaMb)
        return DelegatedCalls::setQuota(db, current.username, edit.quotaMb);
    return Status::success();
}

Status DelegatedData::setMailboxActive(QSqlDatabase &db, const QString &username, bool active) {
    auto now = mailbox(db, username);
    if (!now)
        return now.error();
    return DelegatedCalls::updateMailbox(db, username, now->name, now->language, active);
}

Result<db::DomainAliases> DelegatedData::aliases(QSqlDatabase &db, const QString &domain) {
    const QString what = tr("list the aliases of %1").arg(db::DomainName::displayOf(domain));
    db::DomainAliases result;
    auto accounts = readAliases(db, QStringLiteral("domain = ?"), domain);
    if (!accounts)
        return accounts.error();
    result.accounts = accounts.value();

    auto f = Sql::exec(db,
                       QStringLiteral("SELECT address, forwarding, active, is_forwarding, "
                                      "is_alias, is_list, is_maillist FROM "
                                      "maildeck_delegation.v_forwardings WHERE domain = ? "
                                      "ORDER BY address, forwarding"),
                       {domain}, what);
    if (!f)
        return f.error();
    QMap<QString, db::UserForwarding> forwards;
    QHash<QString, QStringList> versions;
    QSet<QString> selfRows;
    while (f.value().next()) {
        const QString address = f.value().value(0).toString();
        const QString target = f.value().value(1).toString();
        const bool active = f.value().value(2).toInt() != 0;
        if (f.value().value(3).toInt() != 0) {
            db::UserForwarding &uf = forwards[address];
            uf.address = address;
            uf.active = active;
            versions[address] << target + QLatin1Char('/') + f.value().value(2).toString();
            if (target == address)
                selfRows.insert(address);
            else
                uf.destinations << target;
        } else if (f.value().value(4).toInt() != 0) {
            result.userAliases.append({address, target, active});
        } else if (f.value().value(5).toInt() == 0 && f.value().value(6).toInt() == 0 &&
                   address == domain) {
            result.catchAll.destinations << target;
            result.catchAll.active = active;
        }
    }
    for (auto it = forwards.begin(); it != forwards.end(); ++it) {
        if (it->destinations.isEmpty())
            continue;
        it->keepLocalCopy = selfRows.contains(it.key());
        QStringList sorted = versions.value(it.key());
        sorted.sort();
        it->version = Sql::version(sorted);
        result.forwardings.append(*it);
    }
    result.catchAll.domain = domain;
    result.catchAll.destinations.sort();
    result.catchAll.version = Sql::version(result.catchAll.destinations);

    auto ad = Sql::exec(db,
                        QStringLiteral("SELECT alias_domain, target_domain, active, created, "
                                       "modified FROM maildeck_delegation.v_alias_domains "
                                       "WHERE target_domain = ? ORDER BY alias_domain"),
                        {domain}, what);
    if (!ad)
        return ad.error();
    while (ad.value().next())
        result.aliasDomains.append({ad.value().value(0).toString(), ad.value().value(1).toString(),
                                    ad.value().value(2).toInt() != 0,
                                    Sql::fromSqlDateTime(ad.value().value(3)),
                                    Sql::fromSqlDateTime(ad.value().value(4))});
    return result;
}

Result<db::AliasAccount> DelegatedData::alias(QSqlDatabase &db, const QString &address) {
    auto rows = readAliases(db, QStringLiteral("address = ?"), address);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Sql::notFound(tr("The alias %1").arg(db::EmailAddress::displayOf(address)));
    return rows->first();
}

Status DelegatedData::createAlias(QSqlDatabase &db, const QString &address, const QString &name,
                                  const QString &accessPolicy, const QStringList &members) {
    auto parsed = db::EmailAddress::parse(address);
    if (!parsed)
        return parsed.error();
    auto wanted = normalise(members);
    if (!wanted)
        return wanted.error();
    const QString stored = parsed->toStorage();
    if (Status s = DelegatedCalls::createAlias(
            db, stored, name, accessPolicy.isEmpty() ? QStringLiteral("public") : accessPolicy);
        !s)
        return s;
    for (const QString &member : *wanted) {
        if (Status s = DelegatedCalls::addAliasMember(db, stored, member); !s)
            return s;
    }
    return Status::success();
}

Status DelegatedData::updateAlias(QSqlDatabase &db, const db::AliasAccount &current,
                                  const QString &name, const QString &accessPolicy, bool active,
                                  const QStringList &members) {
    auto now = alias(db, current.address);
    if (!now)
        return now.error();
    if (now->version != current.version)
        return Sql::conflict(tr("The alias %1").arg(db::EmailAddress::displayOf(current.address)));
    auto wanted = normalise(members);
    if (!wanted)
        return wanted.error();
    if (name != current.name || accessPolicy != current.accessPolicy || active != current.active) {
        if (Status s = DelegatedCalls::updateAlias(db, current.address, name, accessPolicy, active);
            !s)
            return s;
    }
    return applyDiff(db, current.address, current.members, *wanted, &DelegatedCalls::addAliasMember,
                     &DelegatedCalls::removeAliasMember);
}

Status DelegatedData::setAliasModerators(QSqlDatabase &db, const db::AliasAccount &current,
                                         const QStringList &moderators) {
    auto now = alias(db, current.address);
    if (!now)
        return now.error();
    if (now->version != current.version)
        return Sql::conflict(tr("The alias %1").arg(db::EmailAddress::displayOf(current.address)));
    return applyDiff(db, current.address, current.moderators, moderators,
                     &DelegatedCalls::addModerator, &DelegatedCalls::removeModerator);
}

Result<db::UserForwarding> DelegatedData::forwarding(QSqlDatabase &db, const QString &username) {
    const QString what = tr("read the forwarding of %1").arg(db::EmailAddress::displayOf(username));
    auto box = mailbox(db, username);
    if (!box)
        return box.error();
    auto f = Sql::exec(db,
                       QStringLiteral("SELECT forwarding, active FROM "
                                      "maildeck_delegation.v_forwardings WHERE address = ? AND "
                                      "is_forwarding = 1 ORDER BY forwarding"),
                       {username}, what);
    if (!f)
        return f.error();
    db::UserForwarding uf;
    uf.address = username;
    uf.active = box->active;
    QStringList versions;
    bool self = false;
    while (f.value().next()) {
        const QString target = f.value().value(0).toString();
        versions << target + QLatin1Char('/') + f.value().value(1).toString();
        if (target == username)
            self = true;
        else
            uf.destinations << target;
    }
    uf.keepLocalCopy = self || uf.destinations.isEmpty();
    versions.sort();
    uf.version = Sql::version(versions);
    return uf;
}

Status DelegatedData::setForwarding(QSqlDatabase &db, const db::UserForwarding &current,
                                    const QStringList &destinations, bool keepLocalCopy) {
    auto now = forwarding(db, current.address);
    if (!now)
        return now.error();
    if (now->version != current.version)
        return Sql::conflict(
            tr("The forwarding of %1").arg(db::EmailAddress::displayOf(current.address)));
    auto wanted = normalise(destinations);
    if (!wanted)
        return wanted.error();
    wanted.value().removeAll(current.address);
    if (Status s = applyDiff(db, current.address, current.destinations, *wanted,
                             &DelegatedCalls::addForwarding, &DelegatedCalls::removeForwarding);
        !s)
        return s;
    if (keepLocalCopy != current.keepLocalCopy)
        return DelegatedCalls::setKeepLocalCopy(db, current.address, keepLocalCopy);
    return Status::success();
}

Result<QList<db::MailingListRow>> DelegatedData::mailingLists(QSqlDatabase &db,
                                                              const QString &domain) {
    const QString what = tr("read the mailing lists");
    auto q = Sql::exec(db,
                       QStringLiteral("SELECT l.address, l.domain, l.name, l.description, "
                                      "l.transport, l.accesspolicy, l.maxmsgsize, l.mlid, "
                                      "l.is_newsletter, l.active, l.created, l.modified, "
                                      "l.settings, (SELECT COUNT(*) FROM "
                                      "maildeck_delegation.v_forwardings f WHERE f.address = "
                                      "l.address AND f.is_maillist = 1) FROM "
                                      "maildeck_delegation.v_maillists l WHERE l.domain = ? OR "
                                      "l.address = ? ORDER BY l.address"),
                       {domain, domain}, what);
    if (!q)
        return q.error();
    QList<db::MailingListRow> lists;
    while (q.value().next()) {
        db::MailingListRow l;
        l.address = q.value().value(0).toString();
        l.domain = q.value().value(1).toString();
        l.name = q.value().value(2).toString();
        l.description = q.value().value(3).toString();
        l.transport = q.value().value(4).toString();
        l.accessPolicy = q.value().value(5).toString();
        l.maxMessageSize = q.value().value(6).toLongLong();
        l.mlid = q.value().value(7).toString();
        l.isNewsletter = q.value().value(8).toInt() != 0;
        l.active = q.value().value(9).toInt() != 0;
        l.created = Sql::fromSqlDateTime(q.value().value(10));
        l.modified = Sql::fromSqlDateTime(q.value().value(11));
        l.hasForwardingRow = q.value().value(13).toInt() > 0;
        l.version = Sql::version(rowStrings(q.value(), 14));
        lists.append(l);
    }
    for (db::MailingListRow &l : lists) {
        auto o = Sql::exec(db,
                           QStringLiteral("SELECT owner FROM maildeck_delegation.v_maillist_owners "
                                          "WHERE address = ?"),
                           {l.address}, what);
        if (!o)
            return o.error();
        while (o.value().next())
            l.owners << o.value().value(0).toString();
        l.owners.sort();
        auto m = Sql::exec(db,
                           QStringLiteral("SELECT moderator FROM maildeck_delegation.v_moderators "
                                          "WHERE address = ?"),
                           {l.address}, what);
        if (!m)
            return m.error();
        while (m.value().next())
            l.moderators << m.value().value(0).toString();
        l.moderators.sort();
    }
    return lists;
}

Result<db::MailingListRow> DelegatedData::mailingList(QSqlDatabase &db, const QString &address) {
    auto lists = mailingLists(db, address);
    if (!lists)
        return lists.error();
    for (const db::MailingListRow &l : *lists) {
        if (l.address == address)
            return l;
    }
    return Sql::notFound(tr("The mailing list %1").arg(db::EmailAddress::displayOf(address)));
}

namespace {

// Adds what `wanted` has and `present` lacks, then removes the reverse, through the procedures.
Status syncPeople(QSqlDatabase &db, const QString &list, const QStringList &wanted,
                  const QStringList &present,
                  Status (*add)(QSqlDatabase &, const QString &, const QString &),
                  Status (*remove)(QSqlDatabase &, const QString &, const QString &)) {
    for (const QString &p : wanted)
        if (!present.contains(p))
            if (Status s = add(db, list, p); !s)
                return s;
    for (const QString &p : present)
        if (!wanted.contains(p))
            if (Status s = remove(db, list, p); !s)
                return s;
    return Status::success();
}

QStringList storedPeople(const QStringList &input) {
    QStringList out;
    for (const QString &raw : input) {
        auto a = db::EmailAddress::parse(raw);
        const QString stored = a ? a->toStorage() : raw.trimmed();
        if (!stored.isEmpty() && !out.contains(stored))
            out << stored;
    }
    return out;
}

} // namespace

Result<db::EnsureListOutcome> DelegatedData::ensureMailingListRows(QSqlDatabase &db,
                                                                   const db::NewMailingList &list) {
    auto address = db::EmailAddress::parse(list.address);
    if (!address)
        return address.error();
    const QString stored = address->toStorage();
    db::EnsureListOutcome outcome;
    auto existing = mailingList(db, stored);
    if (!existing && existing.error().code != QStringLiteral("db.notfound"))
        return existing.error();
    db::MailingListRow row;
    if (existing) {
        row = existing.value();
    } else {
        if (Status s = DelegatedCalls::createMailingList(db, stored, list.name, list.accessPolicy,
                                                         list.maxMessageSize);
            !s)
            return s.error();
        outcome.insertedList = outcome.insertedForwarding = true;
        // maillist_create has no description; maillist_update sets it.
        Status described =
            list.description.isEmpty()
                ? Status::success()
                : DelegatedCalls::updateMailingList(db, stored, list.name, list.description,
                                                    list.accessPolicy, list.maxMessageSize, true);
        auto created =
            described ? mailingList(db, stored) : Result<db::MailingListRow>(described.error());
        if (!created) {
            DelegatedCalls::deleteMailingList(db, stored);
            return created.error();
        }
        row = created.value();
    }
    const QStringList owners = storedPeople(list.owners);
    const QStringList moderators = storedPeople(list.moderators);
    Status s = syncPeople(db, stored, owners + row.owners, row.owners,
                          &DelegatedCalls::addListOwner, &DelegatedCalls::removeListOwner);
    if (s)
        s = syncPeople(db, stored, moderators + row.moderators, row.moderators,
                       &DelegatedCalls::addModerator, &DelegatedCalls::removeModerator);
    if (!s) {
        // Each procedure commits on its own: take back the rows this call made.
        if (outcome.insertedList)
            DelegatedCalls::deleteMailingList(db, stored);
        return s.error();
    }
    for (const QString &o : owners)
        outcome.ownersAdded += row.owners.contains(o) ? 0 : 1;
    for (const QString &m : moderators)
        outcome.moderatorsAdded += row.moderators.contains(m) ? 0 : 1;
    outcome.mlid = row.mlid;
    return outcome;
}

Status DelegatedData::updateMailingListRows(QSqlDatabase &db, const db::MailingListRow &current,
                                            const db::NewMailingList &edit) {
    auto now = mailingList(db, current.address);
    if (!now)
        return now.error();
    if (now->version != current.version)
        return Sql::conflict(
            tr("The mailing list %1").arg(db::EmailAddress::displayOf(current.address)));
    if (Status s =
            DelegatedCalls::updateMailingList(db, current.address, edit.name, edit.description,
                                              edit.accessPolicy, edit.maxMessageSize, now->active);
        !s)
        return s;
    if (Status s = syncPeople(db, current.address, storedPeople(edit.owners), now->owners,
                              &DelegatedCalls::addListOwner, &DelegatedCalls::removeListOwner);
        !s)
        return s;
    return syncPeople(db, current.address, storedPeople(edit.moderators), now->moderators,
                      &DelegatedCalls::addModerator, &DelegatedCalls::removeModerator);
}

Status DelegatedData::removeMailingListRows(QSqlDatabase &db, const QString &address) {
    return DelegatedCalls::deleteMailingList(db, address);
}

} // namespace maildeck::delegation
