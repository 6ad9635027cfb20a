#include "core/db/MailboxRepository.h"

#include "core/db/Csv.h"
#include "core/db/EmailAddress.h"
#include "core/db/SqlSupport.h"
#include "core/db/VmailSettings.h"
#include "core/delegation/AccessScope.h"
#include "core/delegation/DelegatedCalls.h"
#include "core/delegation/DelegatedData.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace maildeck::db {

QStringList mailboxServiceColumns() {
    static const QStringList columns = {
        QStringLiteral("smtp"),         QStringLiteral("smtpsecured"),
        QStringLiteral("pop3"),         QStringLiteral("pop3secured"),
        QStringLiteral("pop3tls"),      QStringLiteral("imap"),
        QStringLiteral("imapsecured"),  QStringLiteral("imaptls"),
        QStringLiteral("deliver"),      QStringLiteral("lda"),
        QStringLiteral("managesieve"),  QStringLiteral("managesievesecured"),
        QStringLiteral("sieve"),        QStringLiteral("sievesecured"),
        QStringLiteral("sievetls"),     QStringLiteral("internal"),
        QStringLiteral("doveadm"),      QStringLiteral("lib-storage"),
        QStringLiteral("quota-status"), QStringLiteral("indexer-worker"),
        QStringLiteral("lmtp"),         QStringLiteral("dsync"),
        QStringLiteral("sogo"),
    };
    return columns;
}

QString MailboxRow::homeDirectory() const {
    return (storageBaseDirectory + QLatin1Char('/') + storageNode + QLatin1Char('/') + maildir)
        .toLower();
}

namespace {

// `enable<svc>`, back-quoted: some names contain '-'. Only names from the whitelist.
QString serviceColumn(const QString &service) {
    return QStringLiteral("`enable") + service + QLatin1Char('`');
}

// `extra`: more columns after the used_quota ones (", (SELECT …)").
QString mailboxSelect(const QString &where, bool usedQuota, int limit = 0,
                      const QString &extra = {}) {
    QString sql = QStringLiteral(
        "SELECT m.username, m.domain, m.name, m.language, m.quota, m.active, m.isadmin, "
        "m.isglobaladmin, m.employeeid, m.department, m.storagebasedirectory, m.storagenode, "
        "m.maildir, m.mailboxformat, m.mailboxfolder, m.transport, m.allow_nets, m.settings, ");
    // DATETIMEs as text: see Sql::fromSqlDateTimeText().
    sql += Sql::dateTimeText(QStringLiteral("m.created")) + QStringLiteral(", ") +
           Sql::dateTimeText(QStringLiteral("m.modified")) + QStringLiteral(", m.password, ") +
           Sql::dateTimeText(QStringLiteral("m.passwordlastchange"));
    for (const QString &service : mailboxServiceColumns())
        sql += QStringLiteral(", m.") + serviceColumn(service);
    sql += usedQuota ? QStringLiteral(", u.bytes, u.messages") : QStringLiteral(", NULL, NULL");
    sql += extra + QStringLiteral(" FROM mailbox m/*index*/");
    if (usedQuota)
        sql += QStringLiteral(" LEFT JOIN used_quota u ON u.username = m.username");
    sql += QStringLiteral(" WHERE ") + where + QStringLiteral(" ORDER BY m.username");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT ") + QString::number(limit);
    return sql;
}

constexpr int kPasswordColumn = 20;
constexpr int kFirstServiceColumn = 22;

QByteArray mailboxVersion(const QSqlQuery &q) {
    // Every column the editor writes; not the password (changing it does not conflict with a
    // profile edit) and not used_quota (Dovecot updates it all the time).
    const int count = kFirstServiceColumn + int(mailboxServiceColumns().size());
    QStringList parts;
    parts.reserve(count);
    for (int i = 0; i < count; ++i) {
        if (i == kPasswordColumn || i == kPasswordColumn + 1)
            continue;
        const QVariant value = q.value(i); // once: each value() converts the field anew
        parts << (value.isNull() ? QStringLiteral("\x01NULL") : value.toString());
    }
    return Sql::version(parts);
}

// Rows mostly share the same few service settings: one shared (implicitly shared) map per
// combination instead of 23 insertions per row.
using ServiceMaps = QHash<quint32, QMap<QString, bool>>;

MailboxRow mailboxFrom(const QSqlQuery &q, ServiceMaps &serviceMaps) {
    MailboxRow m;
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
    m.created = Sql::fromSqlDateTimeText(q.value(18));
    m.modified = Sql::fromSqlDateTimeText(q.value(19));
    const SchemeInfo info = PasswordHash::classify(q.value(kPasswordColumn).toString());
    m.passwordScheme = info.scheme;
    m.passwordWeak = info.weak;
    m.passwordLastChange = Sql::fromSqlDateTimeText(q.value(kPasswordColumn + 1));
    const QStringList services = mailboxServiceColumns();
    static_assert(sizeof(quint32) * 8 > 23, "one bit per service");
    quint32 mask = 0;
    for (int i = 0; i < services.size(); ++i) {
        if (q.value(kFirstServiceColumn + i).toInt() != 0)
            mask |= 1u << i;
    }
    auto shared = serviceMaps.find(mask);
    if (shared == serviceMaps.end()) {
        QMap<QString, bool> map;
        for (int i = 0; i < services.size(); ++i)
            map.insert(services[i], (mask & (1u << i)) != 0);
        shared = serviceMaps.insert(mask, map);
    }
    m.services = shared.value();
    const int after = kFirstServiceColumn + int(services.size());
    if (!q.value(after).isNull())
        m.usedBytes = q.value(after).toLongLong();
    if (!q.value(after + 1).isNull())
        m.usedMessages = q.value(after + 1).toLongLong();
    m.version = mailboxVersion(q);
    return m;
}

void applyForwardings(QList<MailboxRow> &rows, const QHash<QString, QStringList> &forwards) {
    for (MailboxRow &m : rows) {
        const QStringList targets = forwards.value(m.username);
        bool self = false;
        for (const QString &t : targets) {
            if (t == m.username)
                self = true;
            else
                m.forwardTo << t;
        }
        m.forwardTo.sort();
        // No other destination: Postfix delivers locally whether or not the self row exists.
        m.keepsLocalCopy = self || m.forwardTo.isEmpty();
    }
}

Result<QHash<QString, QStringList>> forwardingsFor(QSqlDatabase &db, const QString &where,
                                                   const QVariantList &binds) {
    // INDEX (domain) or the unique (address, forwarding); MariaDB scans the whole table for
    // a large domain unless told.
    const QString index = where.startsWith(QLatin1String("domain")) ? QStringLiteral("domain")
                                                                    : QStringLiteral("address");
    auto q = Sql::execForcingIndex(db,
                                   QStringLiteral("SELECT address, forwarding FROM "
                                                  "forwardings/*index*/ WHERE is_forwarding = 1 "
                                                  "AND ") +
                                       where,
                                   index, binds, MailboxRepository::tr("read the forwardings"));
    if (!q)
        return q.error();
    QHash<QString, QStringList> map;
    while (q.value().next())
        map[q.value().value(0).toString()] << q.value().value(1).toString();
    return map;
}

Error withMessage(Error error, const QString &message) {
    error.message = message;
    return error;
}

Error invalid(const QString &code, const QString &message) {
    return Error{code, message, {}};
}

// The domain row a new mailbox needs, locked for the transaction.
struct DomainForCreate {
    int mailboxLimit = 0;
    qint64 maxQuotaMb = 0;
    VmailSettings settings;
    QSet<QString> reserved; // addresses created earlier in the same bulk import
};

Status createInTransaction(QSqlDatabase &db, const NewMailbox &input) {
    auto address = EmailAddress::parse(input.address);
    if (!address)
        return address.error();
    const QString username = address->toStorage();
    const QString domain = address->domain().toStorage();
    const QString shown = address->toDisplay();
    const QString what = MailboxRepository::tr("create the mailbox %1").arg(shown);

    auto dom = Sql::exec(db,
                         QStringLiteral("SELECT mailboxes, maxquota, settings FROM domain "
                                        "WHERE domain = ? FOR UPDATE"),
                         {domain}, what);
    if (!dom)
        return dom.error();
    if (!dom.value().next())
        return invalid(
            QStringLiteral("db.notfound"),
            MailboxRepository::tr("The domain %1 does not exist on this server. Create the domain "
                                  "first.")
                .arg(address->domain().toDisplay()));
    const int limit = dom.value().value(0).toInt();
    const qint64 maxQuotaMb = dom.value().value(1).toLongLong();
    const VmailSettings settings = VmailSettings::parse(dom.value().value(2).toString());

    // domain.mailboxes: 0 unlimited, -1 no new users, N > 0 at most N (facts §1.1).
    if (limit < 0)
        return invalid(QStringLiteral("db.limit"),
                       MailboxRepository::tr(
                           "The domain %1 does not allow new mailboxes (its mailbox limit is "
                           "-1).")
                           .arg(address->domain().toDisplay()));
    auto counts =
        Sql::exec(db,
                  QStringLiteral("SELECT (SELECT COUNT(*) FROM mailbox WHERE domain = ?), "
                                 "(SELECT COALESCE(SUM(quota), 0) FROM mailbox WHERE domain = ?), "
                                 "(SELECT COUNT(*) FROM mailbox WHERE username = ?) + "
                                 "(SELECT COUNT(*) FROM alias WHERE address = ?) + "
                                 "(SELECT COUNT(*) FROM forwardings WHERE address = ?) + "
                                 "(SELECT COUNT(*) FROM maillists WHERE address = ?)"),
                  {domain, domain, username, username, username, username}, what);
    if (!counts)
        return counts.error();
    counts.value().next();
    const int existing = counts.value().value(0).toInt();
    const qint64 allocated = counts.value().value(1).toLongLong();
    if (counts.value().value(2).toInt() > 0)
        return invalid(
            QStringLiteral("db.duplicate"),
            MailboxRepository::tr("The address %1 is already in use (by a mailbox, an alias, a "
                                  "forwarding or a mailing list).")
                .arg(shown));
    if (limit > 0 && existing >= limit)
        return invalid(
            QStringLiteral("db.limit"),
            MailboxRepository::tr("The domain %1 already has %2 of at most %3 mailboxes.")
                .arg(address->domain().toDisplay())
                .arg(existing)
                .arg(limit));

    qint64 quota = 0;
    if (input.quotaMb)
        quota = *input.quotaMb;
    else if (settings.contains(QStringLiteral("default_user_quota")))
        quota = settings.value(QStringLiteral("default_user_quota")).toLongLong();
    if (quota < 0)
        return invalid(
            QStringLiteral("mailbox.quota"),
            MailboxRepository::tr("The quota must be 0 (unlimited) or a number of megabytes."));
    const qint64 maxUser = settings.value(QStringLiteral("max_user_quota")).toLongLong();
    if (maxUser > 0 && (quota == 0 || quota > maxUser))
        return invalid(
            QStringLiteral("mailbox.quota"),
            MailboxRepository::tr("The quota may be at most %1 MB in this domain.").arg(maxUser));
    if (maxQuotaMb > 0 && quota > 0 && allocated + quota > maxQuotaMb)
        return invalid(QStringLiteral("mailbox.quota"),
                       MailboxRepository::tr(
                           "The domain's quota of %1 MB would be exceeded (%2 MB are already "
                           "given to mailboxes).")
                           .arg(maxQuotaMb)
                           .arg(allocated));

    QString hash;
    if (!input.passwordHash.isEmpty()) {
        auto imported = PasswordHash::normaliseImported(input.passwordHash);
        if (!imported)
            return imported.error();
        hash = imported.value();
    } else {
        if (input.password.isEmpty())
            return invalid(QStringLiteral("password.empty"),
                           MailboxRepository::tr("The password is empty."));
        const int minLen = settings.value(QStringLiteral("min_passwd_length")).toInt();
        const int maxLen = settings.value(QStringLiteral("max_passwd_length")).toInt();
        if (minLen > 0 && input.password.size() < minLen)
            return invalid(QStringLiteral("password.short"),
                           MailboxRepository::tr("The password must have at least %1 characters.")
                               .arg(minLen));
        if (maxLen > 0 && input.password.size() > maxLen)
            return invalid(
                QStringLiteral("password.long"),
                MailboxRepository::tr("The password may have at most %1 characters.").arg(maxLen));
        auto generated = PasswordHash::generate(input.scheme, input.password);
        if (!generated)
            return generated.error();
        hash = generated.value();
    }

    QStringList disabled = input.disabledServices;
    disabled << settings.list(QStringLiteral("disabled_mail_services"));
    disabled.removeDuplicates();
    const QStringList known = mailboxServiceColumns();
    for (const QString &service : disabled) {
        if (!known.contains(service))
            return invalid(QStringLiteral("mailbox.service"),
                           MailboxRepository::tr("Unknown mail service \"%1\".").arg(service));
    }

    const QString now = Sql::toSqlDateTime(Sql::nowUtc());
    QString maildir = input.maildir;
    if (maildir.isEmpty())
        maildir = MailboxRepository::generateMaildir(username, Sql::nowUtc());
    QString language = input.language;
    if (language.isEmpty())
        language = settings.value(QStringLiteral("default_language"));

    QStringList columns = {QStringLiteral("domain"),
                           QStringLiteral("username"),
                           QStringLiteral("password"),
                           QStringLiteral("name"),
                           QStringLiteral("quota"),
                           QStringLiteral("maildir"),
                           QStringLiteral("passwordlastchange"),
                           QStringLiteral("created"),
                           QStringLiteral("active")};
    QVariantList values = {domain, username, hash, input.name, quota, maildir, now, now, 1};
    if (!language.isEmpty()) {
        columns << QStringLiteral("language");
        values << language.left(5);
    }
    if (!input.storageBaseDirectory.isEmpty()) {
        columns << QStringLiteral("storagebasedirectory");
        values << input.storageBaseDirectory;
    }
    if (!input.storageNode.isEmpty()) {
        columns << QStringLiteral("storagenode");
        values << input.storageNode;
    }
    for (const QString &service : disabled) {
        columns << serviceColumn(service);
        values << 0;
    }
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    auto insert = Sql::exec(db,
                            QStringLiteral("INSERT INTO mailbox (") +
                                columns.join(QStringLiteral(", ")) + QStringLiteral(") VALUES (") +
                                marks.join(QStringLiteral(", ")) + QLatin1Char(')'),
                            values, what);
    if (!insert) {
        if (insert.error().code == QLatin1String("db.duplicate"))
            return withMessage(insert.error(),
                               MailboxRepository::tr("The address %1 already exists.").arg(shown));
        return insert.error();
    }
    // The self row: keeps a local copy once forwardings exist (facts §1.4).
    auto self = Sql::exec(db,
                          QStringLiteral("INSERT INTO forwardings (address, forwarding, domain, "
                                         "dest_domain, is_forwarding, active) "
                                         "VALUES (?, ?, ?, ?, 1, 1)"),
                          {username, username, domain, domain}, what);
    if (!self) {
        if (self.error().code == QLatin1String("db.duplicate"))
            return withMessage(self.error(),
                               MailboxRepository::tr("The address %1 already exists.").arg(shown));
        return self.error();
    }
    return Status::success();
}

Status requireMailbox(QSqlDatabase &db, const QString &username, const QString &what) {
    auto row = Sql::exec(db,
                         QStringLiteral("SELECT username FROM mailbox WHERE username = ? "
                                        "FOR UPDATE"),
                         {username}, what);
    if (!row)
        return row.error();
    if (!row.value().next())
        return Sql::notFound(
            MailboxRepository::tr("The mailbox %1").arg(EmailAddress::displayOf(username)));
    return Status::success();
}

} // namespace

Result<QList<MailboxRow>> MailboxRepository::listForDomain(QSqlDatabase &db,
                                                           const QString &domain) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::mailboxes(db, domain);
    const bool usedQuota = Sql::tableExists(db, QStringLiteral("used_quota"));
    auto q = Sql::execForcingIndex(db, mailboxSelect(QStringLiteral("m.domain = ?"), usedQuota),
                                   QStringLiteral("domain"), {domain}, tr("list the mailboxes"));
    if (!q)
        return q.error();
    QList<MailboxRow> rows;
    ServiceMaps serviceMaps;
    while (q.value().next())
        rows.append(mailboxFrom(q.value(), serviceMaps));
    auto forwards = forwardingsFor(db, QStringLiteral("domain = ?"), {domain});
    if (!forwards)
        return forwards.error();
    applyForwardings(rows, forwards.value());
    return rows;
}

Result<MailboxPage> MailboxRepository::listPage(QSqlDatabase &db, const QString &domain,
                                                const QString &after, int limit, bool countTotal) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::mailboxPage(db, domain, after, limit, countTotal);
    const QString what = tr("list the mailboxes");
    MailboxPage page;
    limit = std::max(1, limit);
    // Few statements (each is a round trip through the tunnel): the domain's count rides along
    // as an uncorrelated subquery (evaluated once, index-only), and used_quota is joined without
    // asking first whether the table exists (MariaDB error 1146: read again without it).
    const QString count =
        countTotal ? QStringLiteral(", (SELECT COUNT(*) FROM mailbox c WHERE c.domain = ?)")
                   : QString();
    QVariantList selectBinds;
    if (countTotal)
        selectBinds << domain;
    selectBinds << domain << after;
    // FORCE INDEX (domain): (domain, username) in InnoDB; without the hint MariaDB may scan the
    // table for a large domain (Sql::execForcingIndex()).
    const auto select = [&](bool usedQuota) {
        return Sql::execForcingIndex(
            db,
            mailboxSelect(QStringLiteral("m.domain = ? AND m.username > ?"), usedQuota, limit,
                          count),
            QStringLiteral("domain"), selectBinds, what);
    };
    auto q = select(true);
    if (!q && q.error().detail.startsWith(QLatin1String("MariaDB error 1146:")))
        q = select(false);
    if (!q)
        return q.error();
    ServiceMaps serviceMaps;
    const int countColumn = kFirstServiceColumn + int(mailboxServiceColumns().size()) + 2;
    while (q.value().next()) {
        if (countTotal && page.rows.isEmpty())
            page.total = q.value().value(countColumn).toInt();
        page.rows.append(mailboxFrom(q.value(), serviceMaps));
    }
    page.more = page.rows.size() >= limit;
    if (page.rows.isEmpty()) {
        if (countTotal) {
            auto total =
                Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM mailbox WHERE domain = ?"),
                            {domain}, what, 0);
            if (!total)
                return total.error();
            page.total = total.value().toInt();
        }
        return page;
    }
    page.last = page.rows.last().username;
    // The forwardings of these mailboxes only: the unique (address, forwarding) index, one
    // look-up per address.
    QStringList marks;
    QVariantList binds;
    marks.reserve(page.rows.size());
    binds.reserve(page.rows.size());
    for (const MailboxRow &m : std::as_const(page.rows)) {
        marks << QStringLiteral("?");
        binds << m.username;
    }
    auto forwards = forwardingsFor(
        db, QStringLiteral("address IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')'),
        binds);
    if (!forwards)
        return forwards.error();
    applyForwardings(page.rows, forwards.value());
    return page;
}

Result<MailboxRow> MailboxRepository::get(QSqlDatabase &db, const QString &username) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::mailbox(db, username);
    const bool usedQuota = Sql::tableExists(db, QStringLiteral("used_quota"));
    auto q = Sql::exec(db, mailboxSelect(QStringLiteral("m.username = ?"), usedQuota), {username},
                       tr("read the mailbox"));
    if (!q)
        return q.error();
    if (!q.value().next())
        return Sql::notFound(tr("The mailbox %1").arg(EmailAddress::displayOf(username)));
    ServiceMaps serviceMaps;
    QList<MailboxRow> rows{mailboxFrom(q.value(), serviceMaps)};
    auto forwards = forwardingsFor(db, QStringLiteral("address = ?"), {username});
    if (!forwards)
        return forwards.error();
    applyForwardings(rows, forwards.value());
    return rows.first();
}

QString MailboxRepository::generateMaildir(const QString &username, const QDateTime &when) {
    const QString mail = username.toLower();
    const qsizetype at = mail.lastIndexOf(QLatin1Char('@'));
    const QString user = at < 0 ? mail : mail.left(at);
    const QString domain = at < 0 ? QString() : mail.mid(at + 1);
    QString chars[3];
    for (int i = 0; i < 3; ++i) {
        QChar c = i < user.size() ? user.at(i) : QLatin1Char('_');
        if (c == QLatin1Char('.') || c == QLatin1Char('~'))
            c = QLatin1Char('_');
        chars[i] = c;
    }
    const QString stamp = when.toUTC().toString(QStringLiteral("yyyy.MM.dd.HH.mm.ss"));
    return domain + QLatin1Char('/') + chars[0] + QLatin1Char('/') + chars[1] + QLatin1Char('/') +
           chars[2] + QLatin1Char('/') + user + QLatin1Char('-') + stamp + QLatin1Char('/');
}

Status MailboxRepository::create(QSqlDatabase &db, const NewMailbox &mailbox) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::createMailbox(db, mailbox);
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    if (Status s = createInTransaction(db, mailbox); !s)
        return s;
    return tx.commit();
}

Status MailboxRepository::update(QSqlDatabase &db, const MailboxRow &current,
                                 const MailboxEdit &edit) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::updateMailbox(db, current, edit);
    const QString shown = EmailAddress::displayOf(current.username);
    const QString what = tr("change the mailbox %1").arg(shown);
    if (edit.quotaMb < 0)
        return invalid(QStringLiteral("mailbox.quota"),
                       tr("The quota must be 0 (unlimited) or a number of megabytes."));
    const QStringList known = mailboxServiceColumns();
    for (auto it = edit.services.cbegin(); it != edit.services.cend(); ++it) {
        if (!known.contains(it.key()))
            return invalid(QStringLiteral("mailbox.service"),
                           tr("Unknown mail service \"%1\".").arg(it.key()));
    }
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    const bool usedQuota = false;
    auto row = Sql::exec(db,
                         mailboxSelect(QStringLiteral("m.username = ?"), usedQuota) +
                             QStringLiteral(" FOR UPDATE"),
                         {current.username}, what);
    if (!row)
        return row.error();
    if (!row.value().next())
        return Sql::notFound(tr("The mailbox %1").arg(shown));
    if (mailboxVersion(row.value()) != current.version)
        return Sql::conflict(tr("The mailbox %1").arg(shown));
    const bool wasActive = row.value().value(5).toInt() != 0;
    QDateTime modified = Sql::nowUtc();
    const QDateTime oldModified = Sql::fromSqlDateTime(row.value().value(19));
    if (oldModified.isValid() && modified <= oldModified)
        modified = oldModified.addSecs(1);

    QString sql = QStringLiteral("UPDATE mailbox SET name = ?, language = ?, quota = ?, "
                                 "active = ?, employeeid = ?, department = ?, allow_nets = ?, "
                                 "modified = ?");
    QVariantList values = {edit.name,
                           edit.language.left(5),
                           edit.quotaMb,
                           edit.active ? 1 : 0,
                           edit.employeeId,
                           edit.department,
                           edit.allowNets && !edit.allowNets->trimmed().isEmpty()
                               ? QVariant(edit.allowNets->trimmed())
                               : Sql::null(),
                           Sql::toSqlDateTime(modified)};
    for (auto it = edit.services.cbegin(); it != edit.services.cend(); ++it) {
        sql += QStringLiteral(", ") + serviceColumn(it.key()) + QStringLiteral(" = ?");
        values << (it.value() ? 1 : 0);
    }
    sql += QStringLiteral(" WHERE username = ?");
    values << current.username;
    auto update = Sql::exec(db, sql, values, what);
    if (!update)
        return update.error();
    if (wasActive != edit.active) {
        auto fw = Sql::exec(db,
                            QStringLiteral("UPDATE forwardings SET active = ? WHERE address = ? "
                                           "OR forwarding = ?"),
                            {edit.active ? 1 : 0, current.username, current.username}, what);
        if (!fw)
            return fw.error();
    }
    return tx.commit();
}

Status MailboxRepository::setPassword(QSqlDatabase &db, const QString &username,
                                      const QString &password, PasswordScheme scheme) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedCalls::setPassword(db, username, password, scheme);
    if (password.isEmpty())
        return invalid(QStringLiteral("password.empty"), tr("The password is empty."));
    auto hash = PasswordHash::generate(scheme, password);
    if (!hash)
        return hash.error();
    return setPasswordHash(db, username, hash.value());
}

Status MailboxRepository::setPasswordHash(QSqlDatabase &db, const QString &username,
                                          const QString &hash) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::AccessScope::notOffered(tr("store a ready-made password hash"));
    const QString what = tr("change the password of %1").arg(EmailAddress::displayOf(username));
    if (!PasswordHash::classify(hash).recognised)
        return invalid(QStringLiteral("password.unsupported"),
                       tr("The password hash is not in a scheme MailDeck can verify."));
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    if (Status s = requireMailbox(db, username, what); !s)
        return s;
    auto update = Sql::exec(db,
                            QStringLiteral("UPDATE mailbox SET password = ?, "
                                           "passwordlastchange = ? WHERE username = ?"),
                            {hash, Sql::toSqlDateTime(Sql::nowUtc()), username}, what);
    if (!update)
        return update.error();
    return tx.commit();
}

Status MailboxRepository::setActive(QSqlDatabase &db, const QString &username, bool active) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedData::setMailboxActive(db, username, active);
    const QString shown = EmailAddress::displayOf(username);
    const QString what =
        active ? tr("enable the mailbox %1").arg(shown) : tr("disable the mailbox %1").arg(shown);
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    if (Status s = requireMailbox(db, username, what); !s)
        return s;
    auto box = Sql::exec(db, QStringLiteral("UPDATE mailbox SET active = ? WHERE username = ?"),
                         {active ? 1 : 0, username}, what);
    if (!box)
        return box.error();
    auto fw = Sql::exec(db, QStringLiteral("UPDATE forwardings SET active = ? WHERE address = ?"),
                        {active ? 1 : 0, username}, what);
    if (!fw)
        return fw.error();
    return tx.commit();
}

Status MailboxRepository::remove(QSqlDatabase &db, const QString &username,
                                 const MailboxDeleteOptions &options) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::DelegatedCalls::deleteMailbox(db, username, options.keepMailboxDays);
    const QString what = tr("delete the mailbox %1").arg(EmailAddress::displayOf(username));
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    if (Status s = requireMailbox(db, username, what); !s)
        return s;
    QVariant deleteDate = Sql::null();
    if (options.keepMailboxDays > 0)
        deleteDate = Sql::nowUtc().date().addDays(options.keepMailboxDays).toString(Qt::ISODate);
    auto record = Sql::exec(
        db,
        QStringLiteral("INSERT INTO deleted_mailboxes (username, maildir, domain, admin, "
                       "delete_date) SELECT username, CONCAT(storagebasedirectory, '/', "
                       "storagenode, '/', maildir), domain, ?, ? FROM mailbox WHERE username = ?"),
        {options.adminName, deleteDate, username}, what);
    if (!record)
        return record.error();

    struct Stmt {
        const char *sql;
        int binds;
        const char *optionalTable;
    };
    const Stmt statements[] = {
        {"DELETE FROM mailbox WHERE username = ?", 1, nullptr},
        {"DELETE FROM domain_admins WHERE username = ?", 1, nullptr},
        {"DELETE FROM recipient_bcc_user WHERE username = ?", 1, nullptr},
        {"DELETE FROM sender_bcc_user WHERE username = ?", 1, nullptr},
        {"DELETE FROM used_quota WHERE username = ?", 1, "used_quota"},
        {"DELETE FROM recipient_bcc_user WHERE bcc_address = ?", 1, nullptr},
        {"DELETE FROM sender_bcc_user WHERE bcc_address = ?", 1, nullptr},
        {"DELETE FROM recipient_bcc_domain WHERE bcc_address = ?", 1, nullptr},
        {"DELETE FROM sender_bcc_domain WHERE bcc_address = ?", 1, nullptr},
        {"DELETE FROM forwardings WHERE address = ? OR forwarding = ?", 2, nullptr},
        {"DELETE FROM moderators WHERE moderator = ?", 1, nullptr},
        // Left behind by iRedAdmin:
        {"DELETE FROM maillist_owners WHERE owner = ?", 1, nullptr},
        {"DELETE FROM sender_relayhost WHERE account = ?", 1, nullptr},
        {"DELETE FROM last_login WHERE username = ?", 1, "last_login"},
        {"DELETE FROM share_folder WHERE from_user = ? OR to_user = ?", 2, "share_folder"},
        {"DELETE FROM anyone_shares WHERE from_user = ?", 1, "anyone_shares"},
    };
    for (const Stmt &stmt : statements) {
        if (stmt.optionalTable && !Sql::tableExists(db, QLatin1String(stmt.optionalTable)))
            continue;
        QVariantList binds;
        for (int i = 0; i < stmt.binds; ++i)
            binds << username;
        auto del = Sql::exec(db, QLatin1String(stmt.sql), binds, what);
        if (!del)
            return del.error();
    }
    return tx.commit();
}

Result<BulkCreateResult> MailboxRepository::bulkCreate(QSqlDatabase &db, const QString &csv,
                                                       PasswordScheme scheme) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::AccessScope::notOffered(tr("import mailboxes from a file"));
    auto records = Csv::parse(csv);
    if (!records)
        return records.error();
    BulkCreateResult result;
    if (records->isEmpty())
        return result;

    // Header: which column is which.
    const CsvRecord header = records->first();
    int colAddress = -1, colPassword = -1, colName = -1, colQuota = -1, colLanguage = -1;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString h = header.fields[i].trimmed().toLower();
        if (h == QLatin1String("address") || h == QLatin1String("email") ||
            h == QLatin1String("username") || h == QLatin1String("mail"))
            colAddress = i;
        else if (h == QLatin1String("password"))
            colPassword = i;
        else if (h == QLatin1String("name") || h == QLatin1String("display name"))
            colName = i;
        else if (h == QLatin1String("quota") || h == QLatin1String("quota_mb") ||
                 h == QLatin1String("quota (mb)"))
            colQuota = i;
        else if (h == QLatin1String("language"))
            colLanguage = i;
    }
    if (colAddress < 0 || colPassword < 0)
        return Error{QStringLiteral("csv.header"),
                     tr("Line %1: the first line must name the columns, with at least "
                        "\"address\" and \"password\" (also possible: name, quota, language).")
                         .arg(header.line),
                     {}};

    QList<QPair<int, NewMailbox>> boxes;
    QSet<QString> seen;
    for (qsizetype r = 1; r < records->size(); ++r) {
        const CsvRecord &rec = records->at(r);
        const auto field = [&](int col) {
            return col >= 0 && col < rec.fields.size() ? rec.fields[col] : QString();
        };
        NewMailbox box;
        box.address = field(colAddress).trimmed();
        box.password = field(colPassword);
        box.name = field(colName).trimmed();
        box.language = field(colLanguage).trimmed();
        box.scheme = scheme;
        auto address = EmailAddress::parse(box.address);
        if (!address) {
            result.errors.append({rec.line, QStringLiteral("address"), address.error().message});
            continue;
        }
        if (seen.contains(address->toStorage())) {
            result.errors.append(
                {rec.line, QStringLiteral("address"),
                 tr("The address %1 appears twice in the file.").arg(address->toDisplay())});
            continue;
        }
        seen.insert(address->toStorage());
        if (box.password.isEmpty()) {
            result.errors.append(
                {rec.line, QStringLiteral("password"), tr("The password is empty.")});
            continue;
        }
        const QString quota = field(colQuota).trimmed();
        if (!quota.isEmpty()) {
            bool ok = false;
            const qint64 mb = quota.toLongLong(&ok);
            if (!ok || mb < 0) {
                result.errors.append({rec.line, QStringLiteral("quota"),
                                      tr("The quota \"%1\" is not a number of megabytes (0 = "
                                         "unlimited).")
                                          .arg(quota.left(32))});
                continue;
            }
            box.quotaMb = mb;
        }
        boxes.append({rec.line, box});
    }
    if (!result.errors.isEmpty())
        return result;

    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s.error();
    for (const auto &[line, box] : boxes) {
        if (Status s = createInTransaction(db, box); !s) {
            result.errors.append({line, QString(), s.error().message});
            if (s.error().code == QLatin1String("db.connection"))
                break;
        }
    }
    if (!result.errors.isEmpty()) {
        tx.rollback();
        return result;
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    result.created = int(boxes.size());
    return result;
}

Result<MailboxRepository::StoredPassword>
MailboxRepository::storedPassword(QSqlDatabase &db, const QString &username) {
    if (delegation::AccessScope::isDelegated(db))
        return StoredPassword{}; // the views never show a hash: no undo
    const QString what = tr("read the password of %1").arg(EmailAddress::displayOf(username));
    auto q = Sql::exec(db,
                       QStringLiteral("SELECT password, passwordlastchange FROM mailbox "
                                      "WHERE username = ?"),
                       {username}, what);
    if (!q)
        return q.error();
    if (!q.value().next())
        return Sql::notFound(tr("The mailbox %1").arg(EmailAddress::displayOf(username)));
    return StoredPassword{q.value().value(0).toString(), q.value().value(1)};
}

Status MailboxRepository::restorePassword(QSqlDatabase &db, const QString &username,
                                          const QString &expectedHash,
                                          const StoredPassword &previous) {
    if (delegation::AccessScope::isDelegated(db))
        return delegation::AccessScope::notOffered(tr("undo a password change"));
    const QString what = tr("restore the password of %1").arg(EmailAddress::displayOf(username));
    Transaction tx(db);
    if (Status s = tx.begin(); !s)
        return s;
    auto current = Sql::scalar(db,
                               QStringLiteral("SELECT password FROM mailbox WHERE username = ? "
                                              "FOR UPDATE"),
                               {username}, what);
    if (!current)
        return current.error();
    if (current.value().isNull())
        return Sql::notFound(tr("The mailbox %1").arg(EmailAddress::displayOf(username)));
    if (current.value().toString() != expectedHash)
        return Sql::conflict(tr("The password of %1").arg(EmailAddress::displayOf(username)));
    const QVariant lastChange =
        previous.lastChange.isNull()
            ? Sql::null()
            : QVariant(Sql::toSqlDateTime(Sql::fromSqlDateTime(previous.lastChange)));
    auto update = Sql::exec(db,
                            QStringLiteral("UPDATE mailbox SET password = ?, "
                                           "passwordlastchange = ? WHERE username = ?"),
                            {previous.hash, lastChange, username}, what);
    if (!update)
        return update.error();
    return tx.commit();
}

} // namespace maildeck::db
