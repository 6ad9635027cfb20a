// The read side against the lab's seeded vmail database: what the domain, mailbox, alias and
// list tabs show must match the seed manifest (tests/lab/seed).

#include "VmailTestDb.h"

#include "core/db/AliasRepository.h"
#include "core/db/DomainRepository.h"
#include "core/db/EmailAddress.h"
#include "core/db/MailboxRepository.h"
#include "core/db/MailingListRepository.h"
#include "core/db/PasswordHash.h"
#include "core/db/SqlSupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

using namespace maildeck::db;

class TestDbRead : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void domainsMatchSeed();
    void idnDomainShownInUnicode();
    void mailboxesOfDomain();
    void weakHashesFlagged();
    void forwardingsAndCopies();
    void aliasesOfDomain();
    void catchAllAndAliasDomain();
    void mailingLists();
    void everySeededPasswordVerifies();
    void missingRowsAreNotFound();
    void datesReadAsStored();
    void indexHintFallsBack();

private:
    QSqlDatabase m_db;
    QJsonObject m_manifest;
};

// The lists the seed made, without those a concurrently running tst_mailinglists is testing.
static QList<MailingListRow> seededOnly(const QList<MailingListRow> &rows) {
    QList<MailingListRow> seeded;
    for (const MailingListRow &r : rows)
        if (!r.address.startsWith(u"mdtest-"_qs))
            seeded << r;
    return seeded;
}

void TestDbRead::initTestCase() {
    LAB_REQUIRE();
    m_db = VmailTestDb::open(QStringLiteral("read"));
    QVERIFY2(m_db.isOpen(), qPrintable(m_db.lastError().text()));
    m_manifest = LabEnv::manifest();
    QVERIFY(!m_manifest.isEmpty());
}

void TestDbRead::cleanupTestCase() {
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("read"));
}

void TestDbRead::domainsMatchSeed() {
    auto domains = DomainRepository::list(m_db);
    QVERIFY2(domains.ok(), qPrintable(domains.ok() ? QString() : domains.error().detail));
    QHash<QString, DomainSummary> byName;
    for (const DomainSummary &d : *domains)
        byName.insert(d.domain, d);
    for (const QJsonValue &v : m_manifest.value(u"domains"_qs).toArray()) {
        const QJsonObject d = v.toObject();
        const QString name = d.value(u"domain"_qs).toString();
        QVERIFY2(byName.contains(name), qPrintable(name));
        const DomainSummary &s = byName[name];
        QCOMPARE(s.mailboxCount, d.value(u"mailboxes"_qs).toArray().size());
        QCOMPARE(s.active, d.value(u"active"_qs).toBool());
        QCOMPARE(s.description, d.value(u"description"_qs).toString());
        QCOMPARE(s.aliasDomainCount, d.value(u"alias_domains"_qs).toArray().size());
        QVERIFY(!s.version.isEmpty());
        // Quota allocated = sum of the mailboxes' MB quotas (unlimited ones counted apart).
        qint64 sum = 0;
        int unlimited = 0;
        for (const QJsonValue &m : m_manifest.value(u"mailboxes"_qs).toArray()) {
            const QJsonObject box = m.toObject();
            if (box.value(u"domain"_qs).toString() != name)
                continue;
            const qint64 q = box.value(u"quota_mb"_qs).toInteger();
            sum += q;
            unlimited += q == 0 ? 1 : 0;
        }
        QCOMPARE(s.quotaAllocatedMb, sum);
        QCOMPARE(s.unlimitedMailboxes, unlimited);
        QVERIFY(s.quotaUsedBytes.has_value()); // the lab has the used_quota table
    }
    // Totals over the seeded domains only: the write tests run at the same time in their own
    // domains, and tst_mailinglists makes "mdtest-" lists inside example01.test.
    int aliases = 0, lists = 0;
    for (const QJsonValue &v : m_manifest.value(u"domains"_qs).toArray()) {
        const QString name = v.toObject().value(u"domain"_qs).toString();
        aliases += byName[name].aliasCount;
        auto rows = MailingListRepository::listForDomain(m_db, name);
        QVERIFY(rows.ok());
        lists += int(seededOnly(*rows).size());
    }
    QCOMPARE(aliases, m_manifest.value(u"aliases"_qs).toArray().size());
    QCOMPARE(lists, m_manifest.value(u"maillists"_qs).toArray().size());
}

void TestDbRead::idnDomainShownInUnicode() {
    const QString idnUser =
        m_manifest.value(u"examples"_qs).toObject().value(u"idn_user"_qs).toString();
    const QString domain = idnUser.mid(idnUser.indexOf(u'@') + 1);
    auto d = DomainRepository::get(m_db, domain);
    QVERIFY(d.ok());
    QVERIFY(d->domain.startsWith(u"xn--"_qs));
    QCOMPARE(DomainName::displayOf(d->domain), u"日本語.test"_qs);
    auto boxes = MailboxRepository::listForDomain(m_db, domain);
    QVERIFY(boxes.ok());
    bool found = false;
    for (const MailboxRow &m : *boxes)
        found = found || m.username == idnUser;
    QVERIFY(found);
    QCOMPARE(EmailAddress::displayOf(idnUser),
             QString(idnUser.left(idnUser.indexOf(u'@')) + u"@日本語.test"_qs));
}

void TestDbRead::mailboxesOfDomain() {
    auto boxes = MailboxRepository::listForDomain(m_db, u"example01.test"_qs);
    QVERIFY(boxes.ok());
    QHash<QString, QJsonObject> seed;
    for (const QJsonValue &m : m_manifest.value(u"mailboxes"_qs).toArray())
        seed.insert(m.toObject().value(u"email"_qs).toString(), m.toObject());
    int expected = 0;
    for (const QJsonObject &m : std::as_const(seed))
        expected += m.value(u"domain"_qs).toString() == u"example01.test"_qs ? 1 : 0;
    QCOMPARE(boxes->size(), expected);
    for (const MailboxRow &m : *boxes) {
        QVERIFY(seed.contains(m.username));
        const QJsonObject s = seed.value(m.username);
        QCOMPARE(m.quotaMb, s.value(u"quota_mb"_qs).toInteger());
        QCOMPARE(m.name, s.value(u"name"_qs).toString());
        QCOMPARE(m.active, s.value(u"active"_qs).toBool());
        QCOMPARE(m.domain, u"example01.test"_qs);
        QCOMPARE(m.homeDirectory(), s.value(u"home"_qs).toString());
        QVERIFY(!m.version.isEmpty());
        QVERIFY(m.services.contains(u"imapsecured"_qs));
    }
    auto one = MailboxRepository::get(m_db, u"postmaster@example01.test"_qs);
    QVERIFY(one.ok());
    QVERIFY(one->isGlobalAdmin);
}

void TestDbRead::weakHashesFlagged() {
    const QJsonObject ex = m_manifest.value(u"examples"_qs).toObject();
    const QStringList weakUsers = {ex.value(u"md5crypt_user"_qs).toString(),
                                   ex.value(u"md5crypt_bare_user"_qs).toString()};
    for (const QString &user : weakUsers) {
        auto m = MailboxRepository::get(m_db, user);
        QVERIFY2(m.ok(), qPrintable(user));
        QCOMPARE(m->passwordScheme, u"MD5-CRYPT"_qs);
        QVERIFY(m->passwordWeak);
    }
    auto strong = MailboxRepository::get(m_db, ex.value(u"ssha512_user"_qs).toString());
    QVERIFY(strong.ok());
    QCOMPARE(strong->passwordScheme, u"SSHA512"_qs);
    QVERIFY(!strong->passwordWeak);
    auto bcrypt = MailboxRepository::get(m_db, ex.value(u"bcrypt_user"_qs).toString());
    QVERIFY(bcrypt.ok());
    QCOMPARE(bcrypt->passwordScheme, u"BLF-CRYPT"_qs);
}

void TestDbRead::forwardingsAndCopies() {
    for (const QJsonValue &v : m_manifest.value(u"forwardings"_qs).toArray()) {
        const QJsonObject f = v.toObject();
        const QString user = f.value(u"address"_qs).toString();
        QStringList to;
        for (const QJsonValue &t : f.value(u"to"_qs).toArray())
            to << t.toString();
        to.sort();
        auto m = MailboxRepository::get(m_db, user);
        QVERIFY(m.ok());
        QCOMPARE(m->forwardTo, to);
        QCOMPARE(m->keepsLocalCopy, f.value(u"keep_local_copy"_qs).toBool());
        auto fw = AliasRepository::getForwarding(m_db, user);
        QVERIFY(fw.ok());
        QCOMPARE(fw->destinations, to);
        QCOMPARE(fw->keepLocalCopy, f.value(u"keep_local_copy"_qs).toBool());
        // The alias tab lists it under its domain.
        auto all = AliasRepository::listForDomain(m_db, user.mid(user.indexOf(u'@') + 1));
        QVERIFY(all.ok());
        bool listed = false;
        for (const UserForwarding &uf : all->forwardings) {
            if (uf.address == user) {
                listed = true;
                QCOMPARE(uf.destinations, to);
                QCOMPARE(uf.keepLocalCopy, f.value(u"keep_local_copy"_qs).toBool());
                QCOMPARE(uf.version, fw->version);
            }
        }
        QVERIFY(listed);
    }
}

void TestDbRead::aliasesOfDomain() {
    for (const QJsonValue &v : m_manifest.value(u"aliases"_qs).toArray()) {
        const QJsonObject a = v.toObject();
        const QString address = a.value(u"address"_qs).toString();
        auto all = AliasRepository::listForDomain(m_db, a.value(u"domain"_qs).toString());
        QVERIFY(all.ok());
        const AliasAccount *found = nullptr;
        for (const AliasAccount &acc : all->accounts) {
            if (acc.address == address)
                found = &acc;
        }
        QVERIFY2(found, qPrintable(address));
        QStringList members;
        for (const QJsonValue &m : a.value(u"members"_qs).toArray())
            members << m.toString();
        members.sort();
        QCOMPARE(found->members, members);
        QCOMPARE(found->name, a.value(u"name"_qs).toString());
        QCOMPARE(found->accessPolicy, a.value(u"accesspolicy"_qs).toString());
        auto one = AliasRepository::getAlias(m_db, address);
        QVERIFY(one.ok());
        QCOMPARE(one->version, found->version);
    }
    auto ex2 = AliasRepository::listForDomain(m_db, u"example02.test"_qs);
    QVERIFY(ex2.ok());
    QStringList userAliases;
    for (const UserAliasAddress &ua : ex2->userAliases)
        userAliases << ua.alias + u"->"_qs + ua.target;
    for (const QJsonValue &v : m_manifest.value(u"alias_addresses"_qs).toArray()) {
        const QJsonObject o = v.toObject();
        QVERIFY(userAliases.contains(o.value(u"address"_qs).toString() + u"->"_qs +
                                     o.value(u"target"_qs).toString()));
    }
}

void TestDbRead::catchAllAndAliasDomain() {
    for (const QJsonValue &v : m_manifest.value(u"catchalls"_qs).toArray()) {
        const QJsonObject c = v.toObject();
        auto catchAll = AliasRepository::getCatchAll(m_db, c.value(u"domain"_qs).toString());
        QVERIFY(catchAll.ok());
        QCOMPARE(catchAll->destinations, QStringList{c.value(u"target"_qs).toString()});
    }
    for (const QJsonValue &v : m_manifest.value(u"alias_domains"_qs).toArray()) {
        const QJsonObject o = v.toObject();
        auto all = AliasRepository::listForDomain(m_db, o.value(u"target_domain"_qs).toString());
        QVERIFY(all.ok());
        QCOMPARE(all->aliasDomains.size(), 1);
        QCOMPARE(all->aliasDomains.first().aliasDomain, o.value(u"alias_domain"_qs).toString());
    }
    auto none = AliasRepository::getCatchAll(m_db, u"example01.test"_qs);
    QVERIFY(none.ok());
    QVERIFY(none->destinations.isEmpty());
}

void TestDbRead::mailingLists() {
    for (const QJsonValue &v : m_manifest.value(u"maillists"_qs).toArray()) {
        const QJsonObject l = v.toObject();
        auto rows = MailingListRepository::listForDomain(m_db, l.value(u"domain"_qs).toString());
        QVERIFY(rows.ok());
        const QList<MailingListRow> lists = seededOnly(*rows);
        QCOMPARE(lists.size(), 1);
        const MailingListRow &row = lists.first();
        QCOMPARE(row.address, l.value(u"address"_qs).toString());
        QCOMPARE(row.transport, l.value(u"transport"_qs).toString());
        QCOMPARE(row.mlid, l.value(u"mlid"_qs).toString());
        QCOMPARE(row.accessPolicy, l.value(u"accesspolicy"_qs).toString());
        QVERIFY(row.hasForwardingRow);
        QStringList owners;
        for (const QJsonValue &o : l.value(u"owners"_qs).toArray())
            owners << o.toString();
        owners.sort();
        QCOMPARE(row.owners, owners);
        QCOMPARE(MailingListRepository::transportFor(row.address), row.transport);
    }
}

// Every seeded password form (iRedAdmin SSHA512, doveadm SSHA512, vpopmail $1$ with and
// without {CRYPT}, bcrypt $2b$/$2y$, SHA512-CRYPT, {CRYPT}$6$) verifies with MailDeck.
void TestDbRead::everySeededPasswordVerifies() {
    QHash<QString, QString> passwords;
    for (const QJsonValue &m : m_manifest.value(u"mailboxes"_qs).toArray())
        passwords.insert(m.toObject().value(u"email"_qs).toString(),
                         m.toObject().value(u"password"_qs).toString());
    QSqlQuery q(m_db);
    QVERIFY(q.exec(u"SELECT username, password FROM mailbox WHERE domain NOT LIKE "
                   "'%.dbtest.maildeck.test'"_qs));
    int checked = 0;
    QSet<QString> schemes;
    while (q.next()) {
        const QString user = q.value(0).toString();
        const QString hash = q.value(1).toString();
        if (!passwords.contains(user))
            continue;
        auto ok = PasswordHash::verify(hash, passwords.value(user));
        QVERIFY2(ok.ok(), qPrintable(user + u": "_qs + (ok.ok() ? QString() : ok.error().message)));
        QVERIFY2(ok.value(), qPrintable(user));
        QVERIFY(!PasswordHash::verify(hash, passwords.value(user) + u"!"_qs).value());
        schemes.insert(PasswordHash::classify(hash).scheme);
        ++checked;
    }
    QCOMPARE(checked, passwords.size());
    QVERIFY(schemes.contains(u"MD5-CRYPT"_qs));
    QVERIFY(schemes.contains(u"BLF-CRYPT"_qs));
    QVERIFY(schemes.contains(u"SHA512-CRYPT"_qs));
    QVERIFY(schemes.contains(u"SSHA512"_qs));
}

void TestDbRead::missingRowsAreNotFound() {
    QCOMPARE(DomainRepository::get(m_db, u"no-such-domain.test"_qs).error().code,
             u"db.notfound"_qs);
    QCOMPARE(MailboxRepository::get(m_db, u"nobody@example01.test"_qs).error().code,
             u"db.notfound"_qs);
    QCOMPARE(AliasRepository::getAlias(m_db, u"nobody@example01.test"_qs).error().code,
             u"db.notfound"_qs);
    QCOMPARE(MailingListRepository::get(m_db, u"nobody@example01.test"_qs).error().code,
             u"db.notfound"_qs);
    auto empty = MailboxRepository::listForDomain(m_db, u"x'); DROP TABLE mailbox; --"_qs);
    QVERIFY(empty.ok());
    QVERIFY(empty->isEmpty());
}

// The repositories read DATETIMEs as text (no local-time round trip); the values must be what
// the driver's own DATETIME reading gives, taken as UTC.
void TestDbRead::datesReadAsStored() {
    QSqlQuery q(m_db);
    QVERIFY(q.exec(u"SELECT username, domain, created, modified, passwordlastchange FROM mailbox "
                   "ORDER BY username LIMIT 50"_qs));
    int checked = 0;
    while (q.next()) {
        auto rows = MailboxRepository::listForDomain(m_db, q.value(1).toString());
        QVERIFY(rows.ok());
        const MailboxRow *row = nullptr;
        for (const MailboxRow &m : *rows)
            if (m.username == q.value(0).toString())
                row = &m;
        QVERIFY2(row, qPrintable(q.value(0).toString()));
        QCOMPARE(row->created, Sql::fromSqlDateTime(q.value(2)));
        QCOMPARE(row->modified, Sql::fromSqlDateTime(q.value(3)));
        QCOMPARE(row->passwordLastChange, Sql::fromSqlDateTime(q.value(4)));
        QVERIFY(row->created.isValid());
        QCOMPARE(row->created.timeSpec(), Qt::UTC);
        ++checked;
    }
    QVERIFY(checked > 0);
    QVERIFY(q.exec(u"SELECT address, domain, created, modified FROM alias LIMIT 20"_qs));
    while (q.next()) {
        auto all = AliasRepository::listForDomain(m_db, q.value(1).toString());
        QVERIFY(all.ok());
        bool found = false;
        for (const AliasAccount &a : all->accounts) {
            if (a.address != q.value(0).toString())
                continue;
            found = true;
            QCOMPARE(a.created, Sql::fromSqlDateTime(q.value(2)));
            QCOMPARE(a.modified, Sql::fromSqlDateTime(q.value(3)));
        }
        QVERIFY2(found, qPrintable(q.value(0).toString()));
    }
}

// FORCE INDEX on a server without that index runs the query without the hint.
void TestDbRead::indexHintFallsBack() {
    const QString sql = u"SELECT COUNT(*) FROM mailbox/*index*/ WHERE domain = ?"_qs;
    const QString domain =
        m_manifest.value(u"domains"_qs).toArray().first()[u"domain"_qs].toString();
    auto plain = Sql::scalar(m_db, QString(sql).remove(u"/*index*/"_qs), {domain}, u"count"_qs);
    QVERIFY(plain.ok());
    auto forced = Sql::execForcingIndex(m_db, sql, u"domain"_qs, {domain}, u"count"_qs);
    QVERIFY(forced.ok());
    QVERIFY(forced.value().next());
    QCOMPARE(forced.value().value(0).toInt(), plain->toInt());
    auto missing = Sql::execForcingIndex(m_db, sql, u"no_such_index_md"_qs, {domain}, u"count"_qs);
    QVERIFY2(missing.ok(), qPrintable(missing.ok() ? QString() : missing.error().detail));
    QVERIFY(missing.value().next());
    QCOMPARE(missing.value().value(0).toInt(), plain->toInt());
    // Other errors are not retried.
    auto broken = Sql::execForcingIndex(m_db, u"SELECT nonsense_column FROM mailbox/*index*/"_qs,
                                        u"no_such_index_md"_qs, {}, u"count"_qs);
    QVERIFY(!broken.ok());
}

QTEST_GUILESS_MAIN(TestDbRead)
#include "tst_db_read.moc"
