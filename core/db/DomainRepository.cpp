#include "core/db/DomainRepository.h"

#include "core/db/EmailAddress.h"
#include "core/db/SqlSupport.h"
#include "core/db/VmailSettings.h"
#include "core/delegation/AccessScope.h"
#include "core/delegation/DelegatedData.h"

namespace maildeck::db {

namespace {

// Columns of `domain` that make up a domain's version.
const QString kDomainColumns = QStringLiteral(
    "d.domain, d.description, d.active, d.backupmx, d.transport, d.mailboxes, d.aliases, "
    "d.maillists, d.maxquota, d.settings, d.created, d.modified");

QByteArray domainVersion(const QSqlQuery &q) {
    QStringList parts;
    for (int i = 0; i < 12; ++i) {
        const QVariant value = q.value(i); // once: each value() converts the field anew
        parts << (value.isNull() ? QStringLiteral("\x01NULL") : value.toString());
    }
    return Sql::version(parts);
}

QString summarySql(bool withUsedQuota, bool oneDomain) {
    // The mailbox sums need every mailbox row (quota is in no index): one grouped pass. The other
    // counts are correlated subqueries on each table's INDEX (domain) / (target_domain), about
    // twice as fast on 2 000 domains and 200 000 aliases as grouping those tables as well.
    QString sql = QStringLiteral("SELECT ") + kDomainColumns +
                  QStringLiteral(", COALESCE(m.n, 0), COALESCE(m.q, 0), COALESCE(m.unl, 0), "
                                 "(SELECT COUNT(*) FROM alias a WHERE a.domain = d.domain), "
                                 "(SELECT COUNT(*) FROM maillists l WHERE l.domain = d.domain), "
                                 "(SELECT COUNT(*) FROM alias_domain ad "
                                 "WHERE ad.target_domain = d.domain)");
    sql += withUsedQuota ? QStringLiteral(", COALESCE((SELECT SUM(u.bytes) FROM used_quota u "
                                          "WHERE u.domain = d.domain), 0)")
                         : QStringLiteral(", NULL");
    sql += QStringLiteral(
        " FROM domain d"
        " LEFT JOIN (SELECT domain, COUNT(*) AS n, SUM(quota) AS q, SUM(quota = 0) AS unl"
        "   FROM mailbox");
    // One domain: group only its mailboxes (binds the domain twice).
    if (oneDomain)
        sql += QStringLiteral(" WHERE domain = ?");
    sql += QStringLiteral(" GROUP BY domain) m ON m.domain = d.domain");
    if (oneDomain)
        sql += QStringLiteral(" WHERE d.domain = ?");
    sql += QStringLiteral(" ORDER BY d.domain");
    return sql;
}

// The `domain` columns (kDomainColumns) and the version.
DomainSummary domainFrom(const QSqlQuery &q) {
    DomainSummary d;
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
    d.version = domainVersion(q);
    return d;
}

DomainSummary summaryFrom(const QSqlQuery &q) {
    DomainSummary d = domainFrom(q);
    d.mailboxCount = q.value(12).toInt();
    d.quotaAllocatedMb = q.value(13).toLongLong();
    d.unlimitedMailboxes = q.value(14).toInt();
    d.aliasCount = q.value(15).toInt();
    d.listCount = q.value(16).toInt();
    d.aliasDomainCount = q.value(17).toInt();
    if (!q.value(18).isNull())
        d.quotaUsedBytes = q.value(18).toLongLong();
    return d;
}

// A table the deletion touches, with the condition that selects the domain's rows.
struct PlanEntry {
    QString table;
    QString where;             // SQL with ? placeholders
    int bindCount = 1;         // how many times the domain (or its LIKE pattern) is bound
    bool like = false;         // bind "%@domain" (escaped) instead of the domain
    bool likeAndExact = false; // bind domain then "%@domain"
    QString display;
    bool optional = false; // Dovecot-managed tables that may be absent or renamed
};

QList<PlanEntry> planEntries() {
    const auto e = [](const char *table, const char *where, const char *display) {
        PlanEntry entry;
        entry.table = QLatin1String(table);
        entry.where = QLatin1String(where);
        entry.display = QLatin1String(display);
        return entry;
    };
    QList<PlanEntry> list;
    list << e("domain", "domain = ?", "domain = %1");
    list << e("mailbox", "domain = ?", "domain = %1");
    list << e("alias", "domain = ?", "domain = %1");
    list << e("forwardings", "domain = ?", "domain = %1");
    list << e("moderators", "domain = ?", "domain = %1");
    list << e("maillists", "domain = ?", "domain = %1");
    list << e("maillist_owners", "domain = ?", "domain = %1");
    PlanEntry admins =
        e("domain_admins", "domain = ? OR username LIKE ?", "domain = %1 or username = *@%1");
    admins.likeAndExact = true;
    list << admins;
    PlanEntry aliasDomains =
        e("alias_domain", "alias_domain = ? OR target_domain = ?", "alias_domain or target = %1");
    aliasDomains.bindCount = 2;
    list << aliasDomains;
    list << e("sender_bcc_domain", "domain = ?", "domain = %1");
    list << e("recipient_bcc_domain", "domain = ?", "domain = %1");
    list << e("sender_bcc_user", "domain = ?", "domain = %1");
    list << e("recipient_bcc_user", "domain = ?", "domain = %1");
    PlanEntry relay = e("sender_relayhost", "account = CONCAT('@', ?) OR account LIKE ?",
                        "account = @%1 or *@%1");
    relay.likeAndExact = true;
    list << relay;
    PlanEntry used = e("used_quota", "domain = ?", "domain = %1");
    used.optional = true;
    list << used;
    PlanEntry lastLogin = e("last_login", "domain = ?", "domain = %1");
    lastLogin.optional = true;
    list << lastLogin;
    PlanEntry share =
        e("share_folder", "from_user LIKE ? OR to_user LIKE ?", "from_user or to_user = *@%1");
    share.like = true;
    share.bindCount = 2;
    share.optional = true;
    list << share;
    PlanEntry anyone = e("anyone_shares", "from_user LIKE ?", "from_user = *@%1");
    anyone.like = true;
    anyone.optional = true;
    list << anyone;
    return list;
}

QVariantList bindsFor(const PlanEntry &entry, const QString &domain) {
    const QString pattern = QStringLiteral("%@") + Sql::escapeLike(domain);
    QVariantList binds;
    if (entry.likeAndExact)
        return {domain, pattern};
    for (int i = 0; i < entry.bindCount; ++i)
        binds << (entry.like ? QVariant(pattern) : QVariant(domain));
    return binds;
}

Result<DeletionPlan> buildPlan(QSqlDatabase &db, const QString &domain) {
    DeletionPlan plan;
    plan.domain = domain;
    for (const PlanEntry &entry : planEntries()) {
        if (entry.optional && !Sql::tableExists(db, entry.table))
            continue;
        auto count = Sql::scalar(db,
                                 QStringLiteral("SELECT COUNT(*) FROM ") + entry.table +
                                     QStringLiteral(" WHERE ") + entry.where,
                                 bindsFor(entry, domain),
                                 DomainRepository::tr("count the rows of %1").arg(entry.table), 0);
        if (!count)
            return count.error();
        plan.tables.append({entry.table, entry.display.arg(domain), count.value().toInt()});
    }
    auto boxes = Sql::exec(db,
                           QStringLiteral("SELECT username FROM mailbox WHERE domain = ? "
                                          "ORDER BY username"),
                           {domain}, DomainRepository::tr("list the mailboxes"));
    if (!boxes)
        return boxes.error();
    while (boxes.value().next())
        plan.mailboxes << boxes.value().value(0).toString();
    auto lists = Sql::exec(db,
                           QStringLiteral("SELECT address FROM maillists WHERE domain = ? "
                                          "ORDER BY address"),
                           {domain}, DomainRepository::tr("list the mailing lists"));
    if (!lists)
        return lists.error();
    while (lists.value().next())
        plan.mailingLists << lists.value().value(0).toString();

    // References from other domains stay: they then point outside this server.
    struct Ref {
        const char *table;
        const char *where;
        const char *display;
    };
    const Ref refs[] = {
        {"forwardings", "dest_domain = ? AND domain <> ?", "forwarding to *@%1 from other domains"},
        {"moderators", "dest_domain = ? AND domain <> ?", "moderator *@%1 in other domains"},
        {"maillist_owners", "dest_domain = ? AND domain <> ?", "list owner *@%1 in other domains"},
    };
    for (const Ref &ref : refs) {
        auto count = Sql::scalar(
            db,
            QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(ref.table) +
                QStringLiteral(" WHERE ") + QLatin1String(ref.where),
            {domain, domain}, DomainRepository::tr("count references to the domain"), 0);
        if (!count)
            return count.error();
        if (count.value().toInt() > 0)
            plan.keptReferences.append({QLatin1String(ref.table),
                                        QLatin1String(ref.display).arg(domain),
                                        count.value().toInt()});
    }
    return plan;
}

} // namespace

int DeletionPlan::totalRows() const {
    int total = 0;
    for (const TableRows &t : tables)
        total += t.rows;
    return total;
}

Result<QList<DomainSummary>> DomainRepository::list(QSqlDatabase &db) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::domains(db);
    const bool usedQuota = Sql::tableExists(db, QStringLiteral("used_quota"));
    auto query = Sql::exec(db, summarySql(usedQuota, false), {}, tr("list the domains"));
    if (!query)
        return query.error();
    QList<DomainSummary> domains;
    while (query.value().next())
        domains.append(summaryFrom(query.value()));
    return domains;
}

Result<QList<DomainSummary>> DomainRepository::listRows(QSqlDatabase &db) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::domains(db);
    auto query = Sql::exec(db,
                           QStringLiteral("SELECT ") + kDomainColumns +
                               QStringLiteral(" FROM domain d ORDER BY d.domain"),
                           {}, tr("list the domains"));
    if (!query)
        return query.error();
    QList<DomainSummary> domains;
    while (query.value().next())
        domains.append(domainFrom(query.value()));
    return domains;
}

Result<QHash<QString, DomainCounts>> DomainRepository::listCounts(QSqlDatabase &db) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::domainCounts(db);
    // Correlated counts on each table's INDEX (domain) / (target_domain): index-only, no row is
    // read (on 2 000 domains, 200 000 mailboxes and aliases ~15x faster than grouping mailbox,
    // which reads every row for the quota sums).
    auto query =
        Sql::exec(db,
                  QStringLiteral("SELECT d.domain, "
                                 "(SELECT COUNT(*) FROM mailbox m WHERE m.domain = d.domain), "
                                 "(SELECT COUNT(*) FROM alias a WHERE a.domain = d.domain), "
                                 "(SELECT COUNT(*) FROM maillists l WHERE l.domain = d.domain), "
                                 "(SELECT COUNT(*) FROM alias_domain ad "
                                 "WHERE ad.target_domain = d.domain) FROM domain d"),
                  {}, tr("count the mailboxes and aliases"));
    if (!query)
        return query.error();
    QHash<QString, DomainCounts> counts;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        counts.insert(q.value(0).toString(), {q.value(1).toInt(), q.value(2).toInt(),
                                              q.value(3).toInt(), q.value(4).toInt()});
    }
    return counts;
}

Result<QHash<QString, DomainQuota>> DomainRepository::listQuotas(QSqlDatabase &db) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::domainQuotas(db);
    const QString what = tr("sum up the quotas");
    const bool usedQuota = Sql::tableExists(db, QStringLiteral("used_quota"));
    QHash<QString, DomainQuota> quotas;
    auto domains = Sql::exec(db, QStringLiteral("SELECT domain FROM domain"), {}, what);
    if (!domains)
        return domains.error();
    while (domains.value().next()) {
        DomainQuota &q = quotas[domains.value().value(0).toString()];
        if (usedQuota)
            q.usedBytes = 0;
    }
    // One pass over the mailbox rows (quota is in no index).
    auto sums = Sql::exec(db,
                          QStringLiteral("SELECT domain, SUM(quota), SUM(quota = 0) FROM mailbox "
                                         "GROUP BY domain"),
                          {}, what);
    if (!sums)
        return sums.error();
    while (sums.value().next()) {
        auto it = quotas.find(sums.value().value(0).toString());
        if (it == quotas.end())
            continue; // mailboxes of a domain that has no row
        it->allocatedMb = sums.value().value(1).toLongLong();
        it->unlimitedMailboxes = sums.value().value(2).toInt();
    }
    if (usedQuota) {
        auto used = Sql::exec(db,
                              QStringLiteral("SELECT domain, SUM(bytes) FROM used_quota "
                                             "GROUP BY domain"),
                              {}, what);
        if (!used)
            return used.error();
        while (used.value().next()) {
            auto it = quotas.find(used.value().value(0).toString());
            if (it != quotas.end())
                it->usedBytes = used.value().value(1).toLongLong();
        }
    }
    return quotas;
}

void DomainRepository::apply(DomainSummary &summary, const DomainCounts &counts) {
    summary.mailboxCount = counts.mailboxes;
    summary.aliasCount = counts.aliases;
    summary.listCount = counts.lists;
    summary.aliasDomainCount = counts.aliasDomains;
}

void DomainRepository::apply(DomainSummary &summary, const DomainQuota &quota) {
    summary.quotaAllocatedMb = quota.allocatedMb;
    summary.unlimitedMailboxes = quota.unlimitedMailboxes;
    summary.quotaUsedBytes = quota.usedBytes;
}

Result<DomainSummary> DomainRepository::get(QSqlDatabase &db, const QString &domain) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::domain(db, domain);
    const bool usedQuota = Sql::tableExists(db, QStringLiteral("used_quota"));
    auto query =
        Sql::exec(db, summarySql(usedQuota, true), {domain, domain}, tr("read the domain"));
    if (!query)
        return query.error();
    if (!query.value().next())
        return Sql::notFound(tr("The domain %1").arg(DomainName::displayOf(domain)));
    return summaryFrom(query.value());
}

Status DomainRepository::create(QSqlDatabase &db, const QString &domainInput,
                                const QString &description, const QString &transport) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::AccessScope::notOffered(tr("create domains"));
    auto name = DomainName::parse(domainInput);
    if (!name)
        return name.error();
    const QString domain = name->toStorage();
    const QString what = tr("create the domain %1").arg(name->toDisplay());

    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto exists =
        Sql::scalar(db,
                    QStringLiteral("SELECT (SELECT COUNT(*) FROM domain WHERE domain = ?) + "
                                   "(SELECT COUNT(*) FROM alias_domain WHERE alias_domain = ?)"),
                    {domain, domain}, what, 0);
    if (!exists)
        return exists.error();
    if (exists.value().toInt() > 0)
        return Error{QStringLiteral("db.duplicate"),
                     tr("The domain %1 already exists (as a domain or an alias domain).")
                         .arg(name->toDisplay()),
                     {}};
    auto insert = Sql::exec(
        db,
        QStringLiteral("INSERT INTO domain (domain, transport, active, created, description) "
                       "VALUES (?, ?, 1, ?, ?)"),
        {domain, transport.isEmpty() ? QStringLiteral("dovecot") : transport,
         Sql::toSqlDateTime(Sql::nowUtc()), description},
        what);
    if (!insert)
        return insert.error();
    return tx.commit();
}

Status DomainRepository::update(QSqlDatabase &db, const DomainSummary &current,
                                const DomainEdit &edit) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::AccessScope::notOffered(tr("change a domain's settings and limits"));
    const QString shown = DomainName::displayOf(current.domain);
    const QString what = tr("change the domain %1").arg(shown);
    if (edit.mailboxLimit < -1 || edit.aliasLimit < 0 || edit.listLimit < 0 ||
        edit.maxQuotaMb < 0 || (edit.defaultUserQuotaMb && *edit.defaultUserQuotaMb < 0))
        return Error{QStringLiteral("db.invalid"),
                     tr("Limits must be 0 (unlimited) or a positive number; the mailbox limit "
                        "may also be -1 (no new mailboxes)."),
                     {}};
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto row = Sql::exec(db,
                         QStringLiteral("SELECT ") + kDomainColumns +
                             QStringLiteral(" FROM domain d WHERE d.domain = ? FOR UPDATE"),
                         {current.domain}, what);
    if (!row)
        return row.error();
    if (!row.value().next())
        return Sql::notFound(tr("The domain %1").arg(shown));
    if (domainVersion(row.value()) != current.version)
        return Sql::conflict(tr("The domain %1").arg(shown));
    const QDateTime oldModified = Sql::fromSqlDateTime(row.value().value(11));

    VmailSettings settings = VmailSettings::parse(row.value().value(9).toString());
    if (edit.defaultUserQuotaMb) {
        settings.set(QStringLiteral("default_user_quota"),
                     *edit.defaultUserQuotaMb > 0 ? QString::number(*edit.defaultUserQuotaMb)
                                                  : QString());
    }
    QDateTime modified = Sql::nowUtc();
    if (oldModified.isValid() && modified <= oldModified)
        modified = oldModified.addSecs(1); // every write changes the version
    const QString transport =
        edit.transport.isEmpty() ? row.value().value(4).toString() : edit.transport;
    const QString settingsText = settings.toString();
    auto update = Sql::exec(
        db,
        QStringLiteral("UPDATE domain SET description = ?, active = ?, mailboxes = ?, "
                       "aliases = ?, maillists = ?, maxquota = ?, transport = ?, settings = ?, "
                       "modified = ? WHERE domain = ?"),
        {edit.description, edit.active ? 1 : 0, edit.mailboxLimit, edit.aliasLimit, edit.listLimit,
         edit.maxQuotaMb, transport, settingsText.isEmpty() ? Sql::null() : settingsText,
         Sql::toSqlDateTime(modified), current.domain},
        what);
    if (!update)
        return update.error();
    return tx.commit();
}

Status DomainRepository::setActive(QSqlDatabase &db, const QString &domain, bool active) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::AccessScope::notOffered(tr("enable or disable a domain"));
    const QString what = active ? tr("enable the domain %1").arg(DomainName::displayOf(domain))
                                : tr("disable the domain %1").arg(DomainName::displayOf(domain));
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto exists = Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM domain WHERE domain = ?"),
                              {domain}, what, 0);
    if (!exists)
        return exists.error();
    if (exists.value().toInt() == 0)
        return Sql::notFound(tr("The domain %1").arg(DomainName::displayOf(domain)));
    // As iRedAdmin: only the domain row changes; Postfix and Dovecot join on domain.active.
    auto update = Sql::exec(db, QStringLiteral("UPDATE domain SET active = ? WHERE domain = ?"),
                            {active ? 1 : 0, domain}, what);
    if (!update)
        return update.error();
    return tx.commit();
}

Result<DeletionPlan> DomainRepository::planDeletion(QSqlDatabase &db, const QString &domain) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::AccessScope::notOffered(tr("delete domains"));
    auto exists = Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM domain WHERE domain = ?"),
                              {domain}, tr("read the domain"), 0);
    if (!exists)
        return exists.error();
    if (exists.value().toInt() == 0)
        return Sql::notFound(tr("The domain %1").arg(DomainName::displayOf(domain)));
    return buildPlan(db, domain);
}

Status DomainRepository::remove(QSqlDatabase &db, const DeletionPlan &plan,
                                const DomainDeleteOptions &options) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::AccessScope::notOffered(tr("delete domains"));
    const QString domain = plan.domain;
    const QString shown = DomainName::displayOf(domain);
    const QString what = tr("delete the domain %1").arg(shown);
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto lock =
        Sql::exec(db, QStringLiteral("SELECT domain FROM domain WHERE domain = ? FOR UPDATE"),
                  {domain}, what);
    if (!lock)
        return lock.error();
    if (!lock.value().next())
        return Sql::notFound(tr("The domain %1").arg(shown));

    auto now = buildPlan(db, domain);
    if (!now)
        return now.error();
    bool same = now->tables.size() == plan.tables.size() && now->mailboxes == plan.mailboxes &&
                now->mailingLists == plan.mailingLists;
    for (qsizetype i = 0; same && i < now->tables.size(); ++i)
        same = now->tables[i].table == plan.tables[i].table &&
               now->tables[i].rows == plan.tables[i].rows;
    if (!same)
        return Sql::conflict(tr("The domain %1").arg(shown));

    // Keep a record of the maildirs, as iRedAdmin does (its cron job removes them later).
    QVariant deleteDate = Sql::null();
    if (options.keepMailboxDays > 0)
        deleteDate = Sql::nowUtc().date().addDays(options.keepMailboxDays).toString(Qt::ISODate);
    auto record = Sql::exec(
        db,
        QStringLiteral("INSERT INTO deleted_mailboxes (username, maildir, domain, admin, "
                       "delete_date) SELECT username, CONCAT(storagebasedirectory, '/', "
                       "storagenode, '/', maildir), domain, ?, ? FROM mailbox WHERE domain = ?"),
        {options.adminName, deleteDate, domain}, what);
    if (!record)
        return record.error();

    for (const PlanEntry &entry : planEntries()) {
        if (entry.optional && !Sql::tableExists(db, entry.table))
            continue;
        auto del = Sql::exec(db,
                             QStringLiteral("DELETE FROM ") + entry.table +
                                 QStringLiteral(" WHERE ") + entry.where,
                             bindsFor(entry, domain), what);
        if (!del)
            return del.error();
    }
    return tx.commit();
}

} // namespace maildeck::db
