// The write side against the lab's real MariaDB, proved with the rows Postfix's own lookup
// queries return. Every test works in domains of its own (*.dbtest.maildeck.test) and deletes
// them; the seed stays as it was.

// Plain QString concatenation: the test builds many bound values with "+".
#undef QT_USE_QSTRINGBUILDER

#include "VmailTestDb.h"

#include "core/db/AliasRepository.h"
#include "core/db/DomainRepository.h"
#include "core/db/EmailAddress.h"
#include "core/db/MailboxRepository.h"
#include "core/db/MailingListRepository.h"
#include "core/db/PasswordHash.h"
#include "core/db/SqlSupport.h"

#include <QRegularExpression>
#include <QSqlRecord>
#include <QUuid>

using namespace maildeck::db;
using maildeck::Status;
using VmailTestDb::count;
using VmailTestDb::execSql;
using VmailTestDb::postfixLookup;

// Asserts success and shows the error otherwise.
#define QVERIFY_OK(expr)                                                                           \
    do {                                                                                           \
        const auto result_ = (expr);                                                               \
        QVERIFY2(result_.ok(), qPrintable(result_.ok() ? QString()                                 \
                                                       : result_.error().code + u": "_qs +         \
                                                             result_.error().message + u" / "_qs + \
                                                             result_.error().detail));             \
    } while (false)

class TestDbWrite : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void createDomain();
    void createDomainRejectsBadAndDuplicate();
    void mailboxRowsAsIRedAdminWrites();
    void quotaUnitsAndDefault();
    void selfRowKeepsLocalCopy();
    void duplicateAddressIsClear();
    void sqlInjectionStoredLiterally();
    void concurrentEditsDetected();
    void domainLimits();
    void weakImportedHashFlagged();
    void aliasesAndMembers();
    void userAliasCatchAllAliasDomain();
    void mailingListNoDoubleInsert();
    void bulkCsvAllOrNothing();
    void disableAndEnable();
    void deleteMailboxCleanly();
    void deleteDomainCleanly();
    void staleDeletionPlanRefused();
    void operationsNestInCallerTransaction();

private:
    QString newDomain(const QString &tag);
    QStringList rowsReferencing(const QString &domain);

    QSqlDatabase m_db;
    QSqlDatabase m_db2;   // a second console
    QSqlDatabase m_vmail; // what Postfix and Dovecot read with
    QStringList m_domains;
};

void TestDbWrite::initTestCase() {
    LAB_REQUIRE();
    m_db = VmailTestDb::open(u"write1"_qs);
    QVERIFY2(m_db.isOpen(), qPrintable(m_db.lastError().text()));
    m_db2 = VmailTestDb::open(u"write2"_qs);
    QVERIFY2(m_db2.isOpen(), qPrintable(m_db2.lastError().text()));
    m_vmail = VmailTestDb::open(u"postfix"_qs, u"vmail"_qs);
    QVERIFY2(m_vmail.isOpen(), qPrintable(m_vmail.lastError().text()));
    // Domains left by a crashed earlier run (older than an hour) are deleted the clean way.
    QSqlQuery stale(m_db);
    QVERIFY(stale.exec(u"SELECT domain FROM domain WHERE domain LIKE '%.dbtest.maildeck.test' "
                       "AND created < UTC_TIMESTAMP() - INTERVAL 1 HOUR"_qs));
    while (stale.next())
        m_domains << stale.value(0).toString();
}

void TestDbWrite::cleanupTestCase() {
    if (m_db.isOpen()) {
        for (const QString &domain : std::as_const(m_domains)) {
            auto plan = DomainRepository::planDeletion(m_db, domain);
            if (plan)
                DomainRepository::remove(m_db, *plan);
            execSql(m_db, u"DELETE FROM deleted_mailboxes WHERE domain = ?"_qs, {domain});
        }
        // Nothing of ours stays behind.
        for (const QString &domain : std::as_const(m_domains))
            QVERIFY2(rowsReferencing(domain).isEmpty(),
                     qPrintable(rowsReferencing(domain).join(u", "_qs)));
    }
    for (const char *name : {"write1", "write2", "postfix"}) {
        QSqlDatabase::database(QLatin1String(name), false).close();
    }
    m_db = m_db2 = m_vmail = QSqlDatabase();
    for (const char *name : {"write1", "write2", "postfix"})
        QSqlDatabase::removeDatabase(QLatin1String(name));
}

QString TestDbWrite::newDomain(const QString &tag) {
    const QString domain = VmailTestDb::uniqueDomain(tag);
    Status s = DomainRepository::create(m_db, domain, u"MailDeck test "_qs + tag);
    if (!s)
        qWarning() << s.error().message << s.error().detail;
    m_domains << domain;
    return domain;
}

// Rows in any vmail table that still refer to `domain`.
QStringList TestDbWrite::rowsReferencing(const QString &domain) {
    const QString like = u"%@"_qs + domain;
    struct Check {
        const char *table;
        const char *where;
    };
    const Check checks[] = {
        {"domain", "domain = ?"},
        {"mailbox", "domain = ? OR username LIKE ?"},
        {"alias", "domain = ? OR address LIKE ?"},
        {"forwardings", "domain = ? OR address LIKE ? OR dest_domain = ?"},
        {"moderators", "domain = ? OR address LIKE ?"},
        {"maillists", "domain = ? OR address LIKE ?"},
        {"maillist_owners", "domain = ? OR address LIKE ? OR owner LIKE ?"},
        {"domain_admins", "domain = ? OR username LIKE ?"},
        {"alias_domain", "alias_domain = ? OR target_domain = ?"},
        {"sender_bcc_user", "domain = ? OR username LIKE ?"},
        {"recipient_bcc_user", "domain = ? OR username LIKE ?"},
        {"sender_bcc_domain", "domain = ?"},
        {"recipient_bcc_domain", "domain = ?"},
        {"sender_relayhost", "account = CONCAT('@', ?) OR account LIKE ?"},
        {"used_quota", "domain = ? OR username LIKE ?"},
        {"last_login", "domain = ? OR username LIKE ?"},
        {"share_folder", "from_user LIKE ? OR to_user LIKE ?"},
        {"anyone_shares", "from_user LIKE ?"},
    };
    QStringList left;
    for (const Check &c : checks) {
        const QString where = QLatin1String(c.where);
        QVariantList binds;
        const QStringList parts = where.split(u" OR "_qs);
        for (const QString &p : parts)
            binds << (p.contains(u"LIKE"_qs) ? QVariant(like) : QVariant(domain));
        const int n = count(
            m_db, u"SELECT COUNT(*) FROM "_qs + QLatin1String(c.table) + u" WHERE "_qs + where,
            binds);
        if (n != 0)
            left << QStringLiteral("%1: %2").arg(QLatin1String(c.table)).arg(n);
    }
    return left;
}

void TestDbWrite::createDomain() {
    const QString domain = newDomain(u"create"_qs);
    auto d = DomainRepository::get(m_db, domain);
    QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
    QCOMPARE(d->transport, u"dovecot"_qs);
    QVERIFY(d->active);
    QCOMPARE(d->mailboxCount, 0);
    QCOMPARE(d->description, u"MailDeck test create"_qs);
    // created is UTC now (iRedAdmin: time.gmtime()).
    QVERIFY(qAbs(d->created.secsTo(QDateTime::currentDateTimeUtc())) < 300);
    // Postfix now accepts the domain.
    QCOMPARE(postfixLookup(m_vmail, u"virtual_mailbox_domains.cf"_qs, domain), QStringList{domain});
    // IDN: stored as punycode.
    const QString idn = u"テスト"_qs +
                        QString::number(QDateTime::currentMSecsSinceEpoch() % 100000) +
                        u".dbtest.maildeck.test"_qs;
    QVERIFY(DomainRepository::create(m_db, idn, u"idn"_qs).ok());
    const QString ace = DomainName::parse(idn)->toStorage();
    m_domains << ace;
    QVERIFY(ace.startsWith(u"xn--"_qs));
    QVERIFY(DomainRepository::get(m_db, ace).ok());
}

void TestDbWrite::createDomainRejectsBadAndDuplicate() {
    const QString domain = newDomain(u"dup"_qs);
    Status again = DomainRepository::create(m_db, domain.toUpper(), u"x"_qs);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, u"db.duplicate"_qs);
    QVERIFY(again.error().message.contains(domain));
    Status bad = DomainRepository::create(m_db, u"exa'mple.com; DROP TABLE domain"_qs, u"x"_qs);
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().code.startsWith(u"domain."_qs));
    // An alias domain's name cannot become a domain.
    Status alias = DomainRepository::create(m_db, u"alias02.test"_qs, u"x"_qs);
    QCOMPARE(alias.error().code, u"db.duplicate"_qs);
}

// The mailbox row MailDeck writes equals, column by column, the row iRedAdmin's
// add_user_from_form writes (facts §2.2), except the values that differ by nature.
void TestDbWrite::mailboxRowsAsIRedAdminWrites() {
    const QString domain = newDomain(u"rows"_qs);
    NewMailbox n;
    n.address = u"John.Doe@"_qs + domain.toUpper();
    n.password = u"pw-Rows-1"_qs;
    n.name = u"John Doe"_qs;
    n.quotaMb = 100;
    const QDateTime before = Sql::nowUtc();
    Status s = MailboxRepository::create(m_db, n);
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message + s.error().detail));
    const QString user = u"john.doe@"_qs + domain;

    // What iRedAdmin writes for the same action, by its documented SQL.
    const QString ref = u"ref.user@"_qs + domain;
    const QString now = Sql::toSqlDateTime(Sql::nowUtc());
    QVERIFY(execSql(m_db,
                    u"INSERT INTO mailbox (domain, username, password, name, quota, "
                    "storagebasedirectory, storagenode, maildir, language, passwordlastchange, "
                    "created, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, 1)"_qs,
                    {domain, ref, PasswordHash::generate(PasswordScheme::Ssha512, u"x"_qs).value(),
                     u"John Doe"_qs, 100, LabEnv::value("LAB_VMAIL_DIR"), u"vmail1"_qs,
                     MailboxRepository::generateMaildir(ref, Sql::nowUtc()), now, now}));
    QVERIFY(execSql(m_db,
                    u"INSERT INTO forwardings (address, forwarding, domain, dest_domain, "
                    "is_forwarding, active) VALUES (?, ?, ?, ?, 1, 1)"_qs,
                    {ref, ref, domain, domain}));

    QSqlQuery ours(m_db), theirs(m_db);
    QVERIFY(ours.exec(u"SELECT * FROM mailbox WHERE username = '"_qs + user + u"'"_qs));
    QVERIFY(theirs.exec(u"SELECT * FROM mailbox WHERE username = '"_qs + ref + u"'"_qs));
    QVERIFY(ours.next());
    QVERIFY(theirs.next());
    const QStringList differByNature = {u"username"_qs, u"password"_qs, u"maildir"_qs,
                                        u"passwordlastchange"_qs, u"created"_qs};
    const QSqlRecord rec = ours.record();
    for (int i = 0; i < rec.count(); ++i) {
        const QString column = rec.fieldName(i);
        if (differByNature.contains(column))
            continue;
        QVERIFY2(ours.value(i) == theirs.value(i) ||
                     (ours.value(i).isNull() && theirs.value(i).isNull()),
                 qPrintable(column + u": "_qs + ours.value(i).toString() + u" vs "_qs +
                            theirs.value(i).toString()));
    }
    // The values that differ by nature have the right shape.
    auto m = MailboxRepository::get(m_db, user);
    QVERIFY(m.ok());
    static const QRegularExpression maildir(
        u"^"_qs + QRegularExpression::escape(domain) +
        u"/j/o/h/john\\.doe-\\d{4}\\.\\d\\d\\.\\d\\d\\.\\d\\d\\.\\d\\d\\.\\d\\d/$"_qs);
    QVERIFY2(maildir.match(m->maildir).hasMatch(), qPrintable(m->maildir));
    QVERIFY(m->passwordLastChange >= before);
    QVERIFY(qAbs(m->passwordLastChange.secsTo(QDateTime::currentDateTimeUtc())) < 300);
    QCOMPARE(m->passwordScheme, u"SSHA512"_qs);
    QCOMPARE(m->storageBaseDirectory, LabEnv::value("LAB_VMAIL_DIR"));
    QCOMPARE(m->storageNode, u"vmail1"_qs);
    // The self row, exactly as iRedAdmin's.
    QCOMPARE(count(m_db,
                   u"SELECT COUNT(*) FROM forwardings WHERE address = ? AND forwarding = ? AND "
                   "domain = ? AND dest_domain = ? AND is_forwarding = 1 AND is_list = 0 AND "
                   "is_alias = 0 AND is_maillist = 0 AND active = 1"_qs,
                   {user, user, domain, domain}),
             1);
    // Postfix sees a mailbox.
    QCOMPARE(postfixLookup(m_vmail, u"virtual_mailbox_maps.cf"_qs, user),
             QStringList{u"vmail1/"_qs + m->maildir + u"/Maildir/"_qs});
    execSql(m_db, u"DELETE FROM mailbox WHERE username = ?"_qs, {ref});
    execSql(m_db, u"DELETE FROM forwardings WHERE address = ?"_qs, {ref});
}

void TestDbWrite::quotaUnitsAndDefault() {
    const QString domain = newDomain(u"quota"_qs);
    auto d = DomainRepository::get(m_db, domain);
    DomainEdit edit;
    edit.description = d->description;
    edit.defaultUserQuotaMb = 2048;
    QVERIFY(DomainRepository::update(m_db, *d, edit).ok());
    QCOMPARE(DomainRepository::get(m_db, domain)->settings, u"default_user_quota:2048;"_qs);

    NewMailbox a;
    a.address = u"q1@"_qs + domain;
    a.password = u"pw"_qs;
    a.quotaMb = 1024;
    QVERIFY_OK(MailboxRepository::create(m_db, a));
    NewMailbox b;
    b.address = u"q2@"_qs + domain;
    b.password = u"pw"_qs; // no quota: the domain's default_user_quota
    QVERIFY_OK(MailboxRepository::create(m_db, b));
    NewMailbox c;
    c.address = u"q3@"_qs + domain;
    c.password = u"pw"_qs;
    c.quotaMb = 0; // unlimited
    QVERIFY_OK(MailboxRepository::create(m_db, c));
    // Stored in MB, not bytes.
    QCOMPARE(count(m_db, u"SELECT quota FROM mailbox WHERE username = ?"_qs, {a.address}), 1024);
    QCOMPARE(count(m_db, u"SELECT quota FROM mailbox WHERE username = ?"_qs, {b.address}), 2048);
    QCOMPARE(count(m_db, u"SELECT quota FROM mailbox WHERE username = ?"_qs, {c.address}), 0);
    auto sum = DomainRepository::get(m_db, domain);
    QCOMPARE(sum->quotaAllocatedMb, 3072);
    QCOMPARE(sum->unlimitedMailboxes, 1);
    // Dovecot's user_query turns MB into bytes: 1024 MB = 1073741824 bytes.
    QProcess p;
    p.start(u"doveadm"_qs, {u"-c"_qs, LabEnv::value("LAB_DOVECOT_CONFIG"), u"user"_qs, a.address});
    QVERIFY(p.waitForFinished(30000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(out.contains(u"*:bytes=1073741824"_qs), qPrintable(out));
    // Negative quotas are refused.
    NewMailbox neg;
    neg.address = u"q4@"_qs + domain;
    neg.password = u"pw"_qs;
    neg.quotaMb = -5;
    QCOMPARE(MailboxRepository::create(m_db, neg).error().code, u"mailbox.quota"_qs);
}

// Without the self row a forwarding stops local delivery: Postfix's virtual_alias_maps then
// returns only the external address.
void TestDbWrite::selfRowKeepsLocalCopy() {
    const QString domain = newDomain(u"fwd"_qs);
    const QString user = u"alice@"_qs + domain;
    const QString other = u"bob@"_qs + domain;
    for (const QString &a : {user, other}) {
        NewMailbox n;
        n.address = a;
        n.password = u"pw"_qs;
        QVERIFY_OK(MailboxRepository::create(m_db, n));
    }
    // A new mailbox: Postfix rewrites the address to itself (local delivery).
    QCOMPARE(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, user), QStringList{user});

    auto fw = AliasRepository::getForwarding(m_db, user);
    QVERIFY(fw.ok());
    Status s =
        AliasRepository::setForwarding(m_db, *fw, {u"ext@elsewhere.example"_qs, other}, true);
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
    QCOMPARE(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, user),
             (QStringList{user, other, u"ext@elsewhere.example"_qs}));

    fw = AliasRepository::getForwarding(m_db, user);
    QVERIFY(fw->keepLocalCopy);
    QVERIFY(AliasRepository::setForwarding(m_db, *fw, {u"ext@elsewhere.example"_qs}, false).ok());
    // No copy stays: the mailbox itself is no longer a target.
    QCOMPARE(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, user),
             QStringList{u"ext@elsewhere.example"_qs});
    auto m = MailboxRepository::get(m_db, user);
    QVERIFY(!m->keepsLocalCopy);
    QCOMPARE(m->forwardTo, QStringList{u"ext@elsewhere.example"_qs});

    // Forwarding removed: the self row comes back even when "keep a copy" is off.
    fw = AliasRepository::getForwarding(m_db, user);
    QVERIFY(AliasRepository::setForwarding(m_db, *fw, {}, false).ok());
    QCOMPARE(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, user), QStringList{user});

    // A local destination that does not exist is refused before anything is written.
    fw = AliasRepository::getForwarding(m_db, user);
    Status bad = AliasRepository::setForwarding(m_db, *fw, {u"nobody@"_qs + domain}, true);
    QCOMPARE(bad.error().code, u"address.unknown"_qs);
    QCOMPARE(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, user), QStringList{user});
}

void TestDbWrite::duplicateAddressIsClear() {
    const QString domain = newDomain(u"dupaddr"_qs);
    NewMailbox n;
    n.address = u"carol@"_qs + domain;
    n.password = u"pw"_qs;
    QVERIFY_OK(MailboxRepository::create(m_db, n));
    n.address = u"CAROL@"_qs + domain;
    Status again = MailboxRepository::create(m_db, n);
    QCOMPARE(again.error().code, u"db.duplicate"_qs);
    QVERIFY(again.error().message.contains(u"carol@"_qs + domain));
    // An alias may not take a mailbox's address either.
    Status alias = AliasRepository::createAlias(m_db, u"carol@"_qs + domain, u"x"_qs, {});
    QCOMPARE(alias.error().code, u"db.duplicate"_qs);
    // MariaDB's own 1062 (the UNIQUE key of forwardings) becomes the same clear error.
    auto raw =
        Sql::exec(m_db,
                  u"INSERT INTO forwardings (address, forwarding, domain, dest_domain, "
                  "is_forwarding) VALUES (?, ?, ?, ?, 1)"_qs,
                  {u"carol@"_qs + domain, u"carol@"_qs + domain, domain, domain}, u"add a row"_qs);
    QVERIFY(!raw.ok());
    QCOMPARE(raw.error().code, u"db.duplicate"_qs);
    QVERIFY(raw.error().detail.contains(u"1062"_qs));
    QVERIFY(raw.error().message.contains(u"already exists"_qs));
}

void TestDbWrite::sqlInjectionStoredLiterally() {
    const QString domain = newDomain(u"inject"_qs);
    const QString evil = u"Robert'); DROP TABLE mailbox; -- \\ \" ` %_"_qs;
    const int mailboxesBefore = count(m_db, u"SELECT COUNT(*) FROM mailbox"_qs);
    NewMailbox n;
    n.address = u"bobby@"_qs + domain;
    n.password = evil; // passwords may contain anything
    n.name = evil;
    QVERIFY_OK(MailboxRepository::create(m_db, n));
    auto m = MailboxRepository::get(m_db, n.address);
    QVERIFY(m.ok());
    QCOMPARE(m->name, evil);
    QCOMPARE(count(m_db, u"SELECT COUNT(*) FROM mailbox"_qs), mailboxesBefore + 1);
    QSqlQuery q(m_db);
    q.prepare(u"SELECT password FROM mailbox WHERE username = ?"_qs);
    q.addBindValue(n.address);
    QVERIFY(q.exec() && q.next());
    QVERIFY(PasswordHash::verify(q.value(0).toString(), evil).value());
    // Descriptions, alias names: stored as typed.
    auto d = DomainRepository::get(m_db, domain);
    DomainEdit edit;
    edit.description = evil;
    QVERIFY(DomainRepository::update(m_db, *d, edit).ok());
    QCOMPARE(DomainRepository::get(m_db, domain)->description, evil);
    // Addresses with SQL metacharacters never get that far.
    n.address = u"x');DELETE FROM mailbox;--@"_qs + domain;
    QVERIFY(!MailboxRepository::create(m_db, n).ok());
    QCOMPARE(count(m_db, u"SELECT COUNT(*) FROM mailbox"_qs), mailboxesBefore + 1);
    // Lookups with hostile keys find nothing and break nothing.
    QVERIFY(MailboxRepository::listForDomain(m_db, u"' OR '1'='1"_qs)->isEmpty());
}

void TestDbWrite::concurrentEditsDetected() {
    const QString domain = newDomain(u"conc"_qs);
    // Domain: two consoles read the same version; the second save fails.
    auto first = DomainRepository::get(m_db, domain);
    auto second = DomainRepository::get(m_db2, domain);
    QVERIFY(first.ok() && second.ok());
    DomainEdit e1;
    e1.description = u"first console"_qs;
    QVERIFY(DomainRepository::update(m_db, *first, e1).ok());
    DomainEdit e2;
    e2.description = u"second console"_qs;
    Status stale = DomainRepository::update(m_db2, *second, e2);
    QCOMPARE(stale.error().code, u"db.conflict"_qs);
    QVERIFY(stale.error().message.contains(u"someone else"_qs));
    QCOMPARE(DomainRepository::get(m_db, domain)->description, u"first console"_qs);
    // Saving twice within the same second still changes the version.
    auto again = DomainRepository::get(m_db, domain);
    QVERIFY(DomainRepository::update(m_db, *again, e1).ok());
    QCOMPARE(DomainRepository::update(m_db, *again, e1).error().code, u"db.conflict"_qs);

    // Mailbox profile.
    NewMailbox n;
    n.address = u"dave@"_qs + domain;
    n.password = u"pw"_qs;
    QVERIFY_OK(MailboxRepository::create(m_db, n));
    auto m1 = MailboxRepository::get(m_db, n.address);
    auto m2 = MailboxRepository::get(m_db2, n.address);
    MailboxEdit me;
    me.name = u"Dave One"_qs;
    me.quotaMb = 10;
    QVERIFY(MailboxRepository::update(m_db, *m1, me).ok());
    me.name = u"Dave Two"_qs;
    QCOMPARE(MailboxRepository::update(m_db2, *m2, me).error().code, u"db.conflict"_qs);
    QCOMPARE(MailboxRepository::get(m_db, n.address)->name, u"Dave One"_qs);
    // A password change elsewhere (Roundcube) does not block a profile edit.
    auto m3 = MailboxRepository::get(m_db, n.address);
    QVERIFY(MailboxRepository::setPassword(m_db2, n.address, u"new-pw"_qs).ok());
    me.name = u"Dave Three"_qs;
    QVERIFY(MailboxRepository::update(m_db, *m3, me).ok());

    // Alias members: a member added by one console is not lost by the other's save.
    QVERIFY(AliasRepository::createAlias(m_db, u"team@"_qs + domain, u"Team"_qs, {n.address}).ok());
    auto a1 = AliasRepository::getAlias(m_db, u"team@"_qs + domain);
    auto a2 = AliasRepository::getAlias(m_db2, u"team@"_qs + domain);
    QVERIFY(AliasRepository::updateAlias(m_db, *a1, u"Team"_qs, {}, true,
                                         {n.address, u"x@external.example"_qs})
                .ok());
    QCOMPARE(AliasRepository::updateAlias(m_db2, *a2, u"Team"_qs, {}, true,
                                          {n.address, u"y@external.example"_qs})
                 .error()
                 .code,
             u"db.conflict"_qs);
    QCOMPARE(AliasRepository::getAlias(m_db, u"team@"_qs + domain)->members,
             (QStringList{n.address, u"x@external.example"_qs}));

    // Forwarding and catch-all.
    auto f1 = AliasRepository::getForwarding(m_db, n.address);
    auto f2 = AliasRepository::getForwarding(m_db2, n.address);
    QVERIFY(AliasRepository::setForwarding(m_db, *f1, {u"a@external.example"_qs}, true).ok());
    QCOMPARE(
        AliasRepository::setForwarding(m_db2, *f2, {u"b@external.example"_qs}, true).error().code,
        u"db.conflict"_qs);
    auto c1 = AliasRepository::getCatchAll(m_db, domain);
    auto c2 = AliasRepository::getCatchAll(m_db2, domain);
    QVERIFY(AliasRepository::setCatchAll(m_db, *c1, {n.address}).ok());
    QCOMPARE(AliasRepository::setCatchAll(m_db2, *c2, {u"z@external.example"_qs}).error().code,
             u"db.conflict"_qs);
}

// domain.mailboxes: 0 unlimited, -1 no new mailboxes, N > 0 at most N (facts §1.1).
void TestDbWrite::domainLimits() {
    const QString domain = newDomain(u"limit"_qs);
    auto d = DomainRepository::get(m_db, domain);
    DomainEdit edit;
    edit.description = d->description;
    edit.mailboxLimit = -1;
    QVERIFY(DomainRepository::update(m_db, *d, edit).ok());
    NewMailbox n;
    n.address = u"one@"_qs + domain;
    n.password = u"pw"_qs;
    Status refused = MailboxRepository::create(m_db, n);
    QCOMPARE(refused.error().code, u"db.limit"_qs);
    QVERIFY(refused.error().message.contains(u"-1"_qs));

    d = DomainRepository::get(m_db, domain);
    edit.mailboxLimit = 1;
    QVERIFY(DomainRepository::update(m_db, *d, edit).ok());
    QVERIFY_OK(MailboxRepository::create(m_db, n));
    n.address = u"two@"_qs + domain;
    QCOMPARE(MailboxRepository::create(m_db, n).error().code, u"db.limit"_qs);

    d = DomainRepository::get(m_db, domain);
    edit.mailboxLimit = 0;
    QVERIFY(DomainRepository::update(m_db, *d, edit).ok());
    QVERIFY_OK(MailboxRepository::create(m_db, n));
    QCOMPARE(DomainRepository::get(m_db, domain)->mailboxCount, 2);

    d = DomainRepository::get(m_db, domain);
    edit.mailboxLimit = -2;
    QCOMPARE(DomainRepository::update(m_db, *d, edit).error().code, u"db.invalid"_qs);
}

void TestDbWrite::weakImportedHashFlagged() {
    const QString domain = newDomain(u"weak"_qs);
    NewMailbox n;
    n.address = u"migrated@"_qs + domain;
    n.passwordHash = u"$1$abcdefgh$KJTKo1JC7CvwWuhngVsGU0"_qs; // vpopmail, password "vpop mail"
    QVERIFY_OK(MailboxRepository::create(m_db, n));
    QSqlQuery q(m_db);
    q.prepare(u"SELECT password FROM mailbox WHERE username = ?"_qs);
    q.addBindValue(n.address);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), u"{CRYPT}$1$abcdefgh$KJTKo1JC7CvwWuhngVsGU0"_qs);
    auto boxes = MailboxRepository::listForDomain(m_db, domain);
    QCOMPARE(boxes->size(), 1);
    QVERIFY(boxes->first().passwordWeak);
    QCOMPARE(boxes->first().passwordScheme, u"MD5-CRYPT"_qs);
    QVERIFY(PasswordHash::classify(q.value(0).toString())
                .explanation.contains(u"auth_allow_weak_schemes = yes"_qs));
    // Re-setting the password makes it strong.
    QVERIFY(MailboxRepository::setPassword(m_db, n.address, u"vpop mail"_qs).ok());
    QVERIFY(!MailboxRepository::get(m_db, n.address)->passwordWeak);
    // Garbage is not accepted as a hash.
    n.address = u"garbage@"_qs + domain;
    n.passwordHash = u"not-a-hash"_qs;
    QCOMPARE(MailboxRepository::create(m_db, n).error().code, u"password.unsupported"_qs);
}

void TestDbWrite::aliasesAndMembers() {
    const QString domain = newDomain(u"alias"_qs);
    const QString u1 = u"m1@"_qs + domain;
    NewMailbox n;
    n.address = u1;
    n.password = u"pw"_qs;
    QVERIFY_OK(MailboxRepository::create(m_db, n));
    const QString alias = u"staff@"_qs + domain;

    Status unknown =
        AliasRepository::createAlias(m_db, alias, u"Staff"_qs, {u1, u"ghost@"_qs + domain});
    QCOMPARE(unknown.error().code, u"address.unknown"_qs);
    QVERIFY(unknown.error().message.contains(u"ghost@"_qs + domain));
    Status badMember =
        AliasRepository::createAlias(m_db, alias, u"Staff"_qs, {u"a'b@x.example"_qs});
    QCOMPARE(badMember.error().code, u"address.quotes"_qs);
    QCOMPARE(count(m_db, u"SELECT COUNT(*) FROM alias WHERE address = ?"_qs, {alias}), 0);

    QVERIFY(AliasRepository::createAlias(m_db, alias, u"Staff"_qs,
                                         {u1, u"Partner@External.Example"_qs}, u"domain"_qs)
                .ok());
    QCOMPARE(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, alias),
             (QStringList{u1, u"partner@external.example"_qs}));
    QCOMPARE(count(m_db,
                   u"SELECT COUNT(*) FROM forwardings WHERE address = ? AND is_list = 1 AND "
                   "domain = ? AND dest_domain = 'external.example'"_qs,
                   {alias, domain}),
             1);
    auto a = AliasRepository::getAlias(m_db, alias);
    QCOMPARE(a->accessPolicy, u"domain"_qs);
    QVERIFY(
        AliasRepository::updateAlias(m_db, *a, u"Staff 2"_qs, u"membersonly"_qs, true, {u1}).ok());
    QCOMPARE(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, alias), QStringList{u1});
    QCOMPARE(AliasRepository::getAlias(m_db, alias)->name, u"Staff 2"_qs);
    // Disabled: Postfix no longer resolves it.
    a = AliasRepository::getAlias(m_db, alias);
    QVERIFY(
        AliasRepository::updateAlias(m_db, *a, u"Staff 2"_qs, u"membersonly"_qs, false, {u1}).ok());
    QVERIFY(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, alias).isEmpty());
    QVERIFY(AliasRepository::removeAlias(m_db, alias).ok());
    QVERIFY(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, alias).isEmpty());
    QCOMPARE(count(m_db, u"SELECT COUNT(*) FROM forwardings WHERE address = ?"_qs, {alias}), 0);
    QCOMPARE(AliasRepository::removeAlias(m_db, alias).error().code, u"db.notfound"_qs);
    // Domain alias limit.
    auto d = DomainRepository::get(m_db, domain);
    DomainEdit edit;
    edit.description = d->description;
    edit.aliasLimit = 1;
    QVERIFY(DomainRepository::update(m_db, *d, edit).ok());
    QVERIFY(AliasRepository::createAlias(m_db, u"a1@"_qs + domain, {}, {u1}).ok());
    QCOMPARE(AliasRepository::createAlias(m_db, u"a2@"_qs + domain, {}, {u1}).error().code,
             u"db.limit"_qs);
}

void TestDbWrite::userAliasCatchAllAliasDomain() {
    const QString domain = newDomain(u"catch"_qs);
    const QString user = u"owner@"_qs + domain;
    NewMailbox n;
    n.address = user;
    n.password = u"pw"_qs;
    QVERIFY_OK(MailboxRepository::create(m_db, n));

    // Per-user alias address.
    QVERIFY(AliasRepository::addUserAlias(m_db, u"boss@"_qs + domain, user).ok());
    QCOMPARE(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, u"boss@"_qs + domain),
             QStringList{user});
    QCOMPARE(AliasRepository::addUserAlias(m_db, u"boss@"_qs + domain, user).error().code,
             u"db.duplicate"_qs);

    // Catch-all: only for unknown local parts without '+'.
    auto c = AliasRepository::getCatchAll(m_db, domain);
    QVERIFY(AliasRepository::setCatchAll(m_db, *c, {user}).ok());
    QCOMPARE(postfixLookup(m_vmail, u"catchall_maps.cf"_qs, u"anything@"_qs + domain),
             QStringList{user});
    QCOMPARE(count(m_db,
                   u"SELECT COUNT(*) FROM forwardings WHERE address = ? AND is_forwarding = 0 "
                   "AND is_alias = 0 AND is_list = 0 AND is_maillist = 0"_qs,
                   {domain}),
             1);
    c = AliasRepository::getCatchAll(m_db, domain);
    QVERIFY(AliasRepository::setCatchAll(m_db, *c, {}).ok());
    QVERIFY(postfixLookup(m_vmail, u"catchall_maps.cf"_qs, u"anything@"_qs + domain).isEmpty());

    // Alias domain.
    const QString aliasDomain = u"ad-"_qs + domain;
    QVERIFY(AliasRepository::createAliasDomain(m_db, aliasDomain, domain).ok());
    m_domains << aliasDomain; // removed with its target, or here
    QCOMPARE(postfixLookup(m_vmail, u"virtual_mailbox_domains.cf"_qs, aliasDomain),
             QStringList{aliasDomain});
    QCOMPARE(postfixLookup(m_vmail, u"domain_alias_maps.cf"_qs, u"owner@"_qs + aliasDomain),
             QStringList{user});
    QCOMPARE(AliasRepository::createAliasDomain(m_db, aliasDomain, domain).error().code,
             u"db.duplicate"_qs);
    QCOMPARE(AliasRepository::createAliasDomain(m_db, domain, domain).error().code,
             u"alias.loop"_qs);
    QCOMPARE(DomainRepository::create(m_db, aliasDomain, {}).error().code, u"db.duplicate"_qs);
    QVERIFY(AliasRepository::removeAliasDomain(m_db, aliasDomain).ok());
    QVERIFY(postfixLookup(m_vmail, u"virtual_mailbox_domains.cf"_qs, aliasDomain).isEmpty());
    QVERIFY(AliasRepository::removeUserAlias(m_db, u"boss@"_qs + domain).ok());
    QVERIFY(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, u"boss@"_qs + domain).isEmpty());
}

// mlmmjadmin's bk_iredmail_sql (or iRedAdmin-Pro) may already have written the rows; MailDeck
// then adds only what is missing.
void TestDbWrite::mailingListNoDoubleInsert() {
    const QString domain = newDomain(u"list"_qs);
    const QString owner = u"listowner@"_qs + domain;
    NewMailbox n;
    n.address = owner;
    n.password = u"pw"_qs;
    QVERIFY_OK(MailboxRepository::create(m_db, n));

    // Fresh list.
    NewMailingList l;
    l.address = u"news@"_qs + domain;
    l.name = u"News"_qs;
    l.accessPolicy = u"membersonly"_qs;
    l.maxMessageSize = 1048576;
    l.owners = {owner};
    auto made = MailingListRepository::ensureRows(m_db, l);
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
    QVERIFY(made->insertedList);
    QVERIFY(made->insertedForwarding);
    QCOMPARE(made->ownersAdded, 1);
    QVERIFY(!QUuid::fromString(made->mlid).isNull());
    QCOMPARE(QUuid::fromString(made->mlid).version(), QUuid::Random);
    QCOMPARE(postfixLookup(m_vmail, u"transport_maps_maillist.cf"_qs, l.address),
             QStringList{u"mlmmj:"_qs + domain + u"/news"_qs});
    QCOMPARE(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, l.address),
             QStringList{l.address});
    // Twice: nothing doubles.
    auto again = MailingListRepository::ensureRows(m_db, l);
    QVERIFY(again.ok());
    QVERIFY(!again->insertedList && !again->insertedForwarding);
    QCOMPARE(again->ownersAdded, 0);
    QCOMPARE(again->mlid, made->mlid);

    // Rows written beforehand exactly as bk_iredmail_sql.add_maillist does.
    const QString list2 = u"dev@"_qs + domain;
    const QString mlid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(execSql(m_db,
                    u"INSERT INTO maillists (active, address, domain, name, transport, mlid, "
                    "maxmsgsize) VALUES (1, ?, ?, 'Dev', ?, ?, 0)"_qs,
                    {list2, domain, u"mlmmj:"_qs + domain + u"/dev"_qs, mlid}));
    QVERIFY(execSql(m_db,
                    u"INSERT INTO forwardings (active, is_maillist, address, forwarding, domain, "
                    "dest_domain) VALUES (1, 1, ?, ?, ?, ?)"_qs,
                    {list2, list2, domain, domain}));
    l.address = list2;
    auto existing = MailingListRepository::ensureRows(m_db, l);
    QVERIFY2(existing.ok(), qPrintable(existing.ok() ? QString() : existing.error().message));
    QVERIFY(!existing->insertedList);
    QVERIFY(!existing->insertedForwarding);
    QCOMPARE(existing->mlid, mlid);
    QCOMPARE(existing->ownersAdded, 1);
    QCOMPARE(count(m_db, u"SELECT COUNT(*) FROM maillists WHERE address = ?"_qs, {list2}), 1);
    QCOMPARE(count(m_db, u"SELECT COUNT(*) FROM forwardings WHERE address = ?"_qs, {list2}), 1);

    // The list tab shows both; an edit with a stale version fails.
    auto lists = MailingListRepository::listForDomain(m_db, domain);
    QCOMPARE(lists->size(), 2);
    auto row = MailingListRepository::get(m_db, list2);
    NewMailingList edit = l;
    edit.name = u"Developers"_qs;
    edit.owners = {};
    QVERIFY(MailingListRepository::update(m_db, *row, edit).ok());
    QCOMPARE(MailingListRepository::update(m_db, *row, edit).error().code, u"db.conflict"_qs);
    QCOMPARE(count(m_db, u"SELECT COUNT(*) FROM maillist_owners WHERE address = ?"_qs, {list2}), 0);

    // The address of a mailbox cannot become a list.
    l.address = owner;
    QCOMPARE(MailingListRepository::ensureRows(m_db, l).error().code, u"db.duplicate"_qs);

    // Removing cleans owners and moderators too (mlmmjadmin leaves them).
    QVERIFY(MailingListRepository::removeRows(m_db, u"news@"_qs + domain).ok());
    QCOMPARE(count(m_db,
                   u"SELECT (SELECT COUNT(*) FROM maillists WHERE address = ?) + (SELECT "
                   "COUNT(*) FROM forwardings WHERE address = ?) + (SELECT COUNT(*) FROM "
                   "maillist_owners WHERE address = ?)"_qs,
                   {u"news@"_qs + domain, u"news@"_qs + domain, u"news@"_qs + domain}),
             0);
    QVERIFY(
        postfixLookup(m_vmail, u"transport_maps_maillist.cf"_qs, u"news@"_qs + domain).isEmpty());
}

void TestDbWrite::bulkCsvAllOrNothing() {
    const QString domain = newDomain(u"bulk"_qs);
    const QString bad = u"address,password,name,quota\r\n"
                        "ok1@"_qs +
                        domain +
                        u",pw1,\"Doe, John\",100\r\n"
                        "ok2@"_qs +
                        domain +
                        u",\"p\"\"w\",Jane,\r\n"
                        "bad'one@"_qs +
                        domain +
                        u",pw,Bad,10\r\n"
                        "ok1@"_qs +
                        domain +
                        u",pw,Again,10\r\n"
                        "ok3@"_qs +
                        domain + u",pw,Quota,lots\r\n"_qs;
    auto result = MailboxRepository::bulkCreate(m_db, bad);
    QVERIFY(result.ok());
    QCOMPARE(result->created, 0);
    QCOMPARE(result->errors.size(), 3);
    QCOMPARE(result->errors[0].line, 4);
    QCOMPARE(result->errors[0].field, u"address"_qs);
    QCOMPARE(result->errors[1].line, 5);
    QCOMPARE(result->errors[2].line, 6);
    QCOMPARE(result->errors[2].field, u"quota"_qs);
    QCOMPARE(DomainRepository::get(m_db, domain)->mailboxCount, 0);

    // A line that fails only in the database (address already in use) rolls everything back.
    NewMailbox n;
    n.address = u"taken@"_qs + domain;
    n.password = u"pw"_qs;
    QVERIFY_OK(MailboxRepository::create(m_db, n));
    const QString clash = u"address,password\nfree1@"_qs + domain + u",pw\ntaken@"_qs + domain +
                          u",pw\nfree2@"_qs + domain + u",pw\n"_qs;
    result = MailboxRepository::bulkCreate(m_db, clash);
    QVERIFY(result.ok());
    QCOMPARE(result->created, 0);
    QCOMPARE(result->errors.size(), 1);
    QCOMPARE(result->errors[0].line, 3);
    QCOMPARE(DomainRepository::get(m_db, domain)->mailboxCount, 1);

    const QString good = u"email;password;name\n"
                         "ok1@"_qs +
                         domain +
                         u";pw1;\"Doe; John\"\n"
                         "ok2@"_qs +
                         domain + u";\"p\"\"w\";Jane\n"_qs;
    result = MailboxRepository::bulkCreate(m_db, good);
    QVERIFY(result.ok());
    QVERIFY2(result->errors.isEmpty(),
             qPrintable(result->errors.isEmpty() ? QString() : result->errors[0].message));
    QCOMPARE(result->created, 2);
    QCOMPARE(MailboxRepository::get(m_db, u"ok1@"_qs + domain)->name, u"Doe; John"_qs);
    QSqlQuery q(m_db);
    q.prepare(u"SELECT password FROM mailbox WHERE username = ?"_qs);
    q.addBindValue(u"ok2@"_qs + domain);
    QVERIFY(q.exec() && q.next());
    QVERIFY(PasswordHash::verify(q.value(0).toString(), u"p\"w"_qs).value());
    QCOMPARE(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, u"ok1@"_qs + domain),
             QStringList{u"ok1@"_qs + domain});

    auto header = MailboxRepository::bulkCreate(m_db, u"foo,bar\n1,2\n"_qs);
    QCOMPARE(header.error().code, u"csv.header"_qs);
}

void TestDbWrite::disableAndEnable() {
    const QString domain = newDomain(u"active"_qs);
    const QString user = u"eve@"_qs + domain;
    NewMailbox n;
    n.address = user;
    n.password = u"pw"_qs;
    QVERIFY_OK(MailboxRepository::create(m_db, n));
    QVERIFY(MailboxRepository::setActive(m_db, user, false).ok());
    QVERIFY(postfixLookup(m_vmail, u"virtual_mailbox_maps.cf"_qs, user).isEmpty());
    QVERIFY(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, user).isEmpty());
    QVERIFY(MailboxRepository::setActive(m_db, user, true).ok());
    QCOMPARE(postfixLookup(m_vmail, u"virtual_alias_maps.cf"_qs, user), QStringList{user});

    QVERIFY(DomainRepository::setActive(m_db, domain, false).ok());
    QVERIFY(postfixLookup(m_vmail, u"virtual_mailbox_domains.cf"_qs, domain).isEmpty());
    QVERIFY(postfixLookup(m_vmail, u"virtual_mailbox_maps.cf"_qs, user).isEmpty());
    QVERIFY(DomainRepository::setActive(m_db, domain, true).ok());
    QCOMPARE(postfixLookup(m_vmail, u"virtual_mailbox_domains.cf"_qs, domain), QStringList{domain});
    QCOMPARE(DomainRepository::setActive(m_db, u"nope.dbtest.maildeck.test"_qs, false).error().code,
             u"db.notfound"_qs);
}

void TestDbWrite::deleteMailboxCleanly() {
    const QString domain = newDomain(u"delbox"_qs);
    const QString user = u"gone@"_qs + domain;
    const QString keeper = u"keeper@"_qs + domain;
    for (const QString &a : {user, keeper}) {
        NewMailbox n;
        n.address = a;
        n.password = u"pw"_qs;
        QVERIFY_OK(MailboxRepository::create(m_db, n));
    }
    QVERIFY(AliasRepository::createAlias(m_db, u"grp@"_qs + domain, {}, {user, keeper}).ok());
    NewMailingList l;
    l.address = u"lst@"_qs + domain;
    l.owners = {user};
    QVERIFY(MailingListRepository::ensureRows(m_db, l).ok());
    QVERIFY(execSql(
        m_db,
        u"INSERT INTO sender_relayhost (account, relayhost) VALUES (?, '[relay.example]:587')"_qs,
        {user}));
    QVERIFY(execSql(m_db,
                    u"INSERT INTO last_login (username, domain, imap) VALUES (?, ?, 1700000000)"_qs,
                    {user, domain}));
    QVERIFY(execSql(m_db,
                    u"INSERT INTO share_folder (from_user, to_user, dummy) VALUES (?, ?, '1')"_qs,
                    {keeper, user}));
    QVERIFY(execSql(m_db,
                    u"INSERT INTO used_quota (username, bytes, messages) VALUES (?, 1234, 2)"_qs,
                    {user}));

    MailboxDeleteOptions options;
    options.adminName = u"maildeck-test"_qs;
    options.keepMailboxDays = 30;
    QVERIFY(MailboxRepository::remove(m_db, user, options).ok());
    for (const char *check :
         {"SELECT COUNT(*) FROM mailbox WHERE username = ?",
          "SELECT COUNT(*) FROM forwardings WHERE address = ? OR forwarding = ?",
          "SELECT COUNT(*) FROM maillist_owners WHERE owner = ?",
          "SELECT COUNT(*) FROM sender_relayhost WHERE account = ?",
          "SELECT COUNT(*) FROM last_login WHERE username = ?",
          "SELECT COUNT(*) FROM share_folder WHERE from_user = ? OR to_user = ?",
          "SELECT COUNT(*) FROM used_quota WHERE username = ?"}) {
        const QString sql = QLatin1String(check);
        QVariantList binds{user};
        if (sql.count(u'?') == 2)
            binds << user;
        QVERIFY2(count(m_db, sql, binds) == 0, check);
    }
    QCOMPARE(AliasRepository::getAlias(m_db, u"grp@"_qs + domain)->members, QStringList{keeper});
    // deleted_mailboxes keeps the absolute maildir and the date, as iRedAdmin writes it.
    QSqlQuery q(m_db);
    q.prepare(u"SELECT maildir, admin, delete_date FROM deleted_mailboxes WHERE username = ?"_qs);
    q.addBindValue(user);
    QVERIFY(q.exec() && q.next());
    QVERIFY(
        q.value(0).toString().startsWith(LabEnv::value("LAB_VMAIL_DIR") + u"/vmail1/"_qs + domain));
    QCOMPARE(q.value(1).toString(), u"maildeck-test"_qs);
    QCOMPARE(q.value(2).toDate(), QDate::currentDate().addDays(30));
    QCOMPARE(MailboxRepository::remove(m_db, user).error().code, u"db.notfound"_qs);
}

void TestDbWrite::deleteDomainCleanly() {
    const QString domain = newDomain(u"deldom"_qs);
    const QString other = newDomain(u"deldom-other"_qs);
    const QString user = u"u1@"_qs + domain;
    for (const QString &a : {user, QString(u"u2@"_qs + domain), QString(u"o1@"_qs + other)}) {
        NewMailbox n;
        n.address = a;
        n.password = u"pw"_qs;
        QVERIFY_OK(MailboxRepository::create(m_db, n));
    }
    QVERIFY(AliasRepository::createAlias(m_db, u"all@"_qs + domain, {}, {user}).ok());
    auto fw = AliasRepository::getForwarding(m_db, user);
    QVERIFY(AliasRepository::setForwarding(m_db, *fw, {u"o1@"_qs + other}, true).ok());
    auto c = AliasRepository::getCatchAll(m_db, domain);
    QVERIFY(AliasRepository::setCatchAll(m_db, *c, {user}).ok());
    QVERIFY(AliasRepository::createAliasDomain(m_db, u"ad-"_qs + domain, domain).ok());
    NewMailingList l;
    l.address = u"list@"_qs + domain;
    l.owners = {user};
    QVERIFY(MailingListRepository::ensureRows(m_db, l).ok());
    // A member in another domain points into this one: it stays, and the plan says so.
    QVERIFY(AliasRepository::createAlias(m_db, u"ext@"_qs + other, {}, {user}).ok());
    QVERIFY(execSql(m_db,
                    u"INSERT INTO sender_relayhost (account, relayhost) VALUES (?, '[r]:25')"_qs,
                    {u"@"_qs + domain}));
    QVERIFY(execSql(m_db, u"INSERT INTO last_login (username, domain, pop3) VALUES (?, ?, 1)"_qs,
                    {user, domain}));
    QVERIFY(execSql(m_db, u"INSERT INTO anyone_shares (from_user) VALUES (?)"_qs, {user}));
    QVERIFY(execSql(m_db, u"INSERT INTO domain_admins (username, domain) VALUES (?, ?)"_qs,
                    {user, other}));
    QVERIFY(execSql(
        m_db, u"INSERT INTO used_quota (username, bytes, messages) VALUES (?, 10, 1)"_qs, {user}));
    QVERIFY(execSql(m_db, u"INSERT INTO sender_bcc_domain (domain, bcc_address) VALUES (?, ?)"_qs,
                    {domain, user}));

    auto plan = DomainRepository::planDeletion(m_db, domain);
    QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
    QHash<QString, int> rows;
    for (const auto &t : plan->tables)
        rows.insert(t.table, t.rows);
    QCOMPARE(rows.value(u"domain"_qs), 1);
    QCOMPARE(rows.value(u"mailbox"_qs), 2);
    QCOMPARE(rows.value(u"alias"_qs), 1);
    // self rows (2) + forwarding (1) + alias member (1) + catch-all (1) + list marker (1)
    QCOMPARE(rows.value(u"forwardings"_qs), 6);
    QCOMPARE(rows.value(u"maillists"_qs), 1);
    QCOMPARE(rows.value(u"maillist_owners"_qs), 1);
    QCOMPARE(rows.value(u"alias_domain"_qs), 1);
    QCOMPARE(rows.value(u"sender_relayhost"_qs), 1);
    QCOMPARE(rows.value(u"last_login"_qs), 1);
    QCOMPARE(rows.value(u"anyone_shares"_qs), 1);
    QCOMPARE(rows.value(u"domain_admins"_qs), 1);
    QCOMPARE(rows.value(u"used_quota"_qs), 1);
    QCOMPARE(rows.value(u"sender_bcc_domain"_qs), 1);
    QCOMPARE(plan->mailboxes, (QStringList{user, u"u2@"_qs + domain}));
    QCOMPARE(plan->mailingLists, QStringList{u"list@"_qs + domain});
    QCOMPARE(plan->keptReferences.size(), 1);
    QCOMPARE(plan->keptReferences.first().table, u"forwardings"_qs);
    QVERIFY(plan->totalRows() >= 18);

    QVERIFY(DomainRepository::remove(m_db, *plan).ok());
    QVERIFY2(rowsReferencing(domain).filter(u"forwardings"_qs).size() == 1,
             qPrintable(rowsReferencing(domain).join(u", "_qs))); // ext@other's member row stays
    const QStringList left = rowsReferencing(domain);
    QCOMPARE(left, QStringList{u"forwardings: 1"_qs});
    QCOMPARE(count(m_db, u"SELECT COUNT(*) FROM alias_domain WHERE alias_domain = ?"_qs,
                   {u"ad-"_qs + domain}),
             0);
    QCOMPARE(count(m_db, u"SELECT COUNT(*) FROM deleted_mailboxes WHERE domain = ?"_qs, {domain}),
             2);
    QVERIFY(postfixLookup(m_vmail, u"virtual_mailbox_domains.cf"_qs, domain).isEmpty());
    // The other domain is untouched.
    QCOMPARE(DomainRepository::get(m_db, other)->mailboxCount, 1);
    // Tidy the kept reference so cleanup finds nothing.
    QVERIFY(AliasRepository::removeAlias(m_db, u"ext@"_qs + other).ok());
}

void TestDbWrite::staleDeletionPlanRefused() {
    const QString domain = newDomain(u"stale"_qs);
    auto plan = DomainRepository::planDeletion(m_db, domain);
    QVERIFY(plan.ok());
    NewMailbox n;
    n.address = u"late@"_qs + domain;
    n.password = u"pw"_qs;
    QVERIFY_OK(MailboxRepository::create(m_db2, n)); // another console adds a mailbox
    Status s = DomainRepository::remove(m_db, *plan);
    QCOMPARE(s.error().code, u"db.conflict"_qs);
    QCOMPARE(DomainRepository::get(m_db, domain)->mailboxCount, 1);
}

// A caller (the DB worker, a test) may wrap several operations in its own transaction: the
// operations then use savepoints, and the caller's rollback undoes them all.
void TestDbWrite::operationsNestInCallerTransaction() {
    const QString domain = VmailTestDb::uniqueDomain(u"nested"_qs);
    QVERIFY(m_db.transaction());
    QVERIFY(DomainRepository::create(m_db, domain, u"x"_qs).ok());
    NewMailbox n;
    n.address = u"in@"_qs + domain;
    n.password = u"pw"_qs;
    QVERIFY_OK(MailboxRepository::create(m_db, n));
    n.address = u"in@"_qs + domain;
    QVERIFY(!MailboxRepository::create(m_db, n).ok()); // fails, rolls back to its savepoint only
    QCOMPARE(count(m_db, u"SELECT COUNT(*) FROM mailbox WHERE domain = ?"_qs, {domain}), 1);
    QVERIFY(m_db.rollback());
    QCOMPARE(count(m_db, u"SELECT COUNT(*) FROM domain WHERE domain = ?"_qs, {domain}), 0);
    QCOMPARE(count(m_db, u"SELECT COUNT(*) FROM mailbox WHERE domain = ?"_qs, {domain}), 0);
}

QTEST_GUILESS_MAIN(TestDbWrite)
#include "tst_db_write.moc"
