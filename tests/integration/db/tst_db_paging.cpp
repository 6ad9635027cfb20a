// Chunked reads against the lab's real MariaDB: a domain with more rows than one chunk (a
// temporary domain with 1 200 mailboxes and 1 200 alias accounts, unique name, removed at the
// end) read page by page gives exactly the rows, in the same order and with the same per-row data
// (forwardings, services, quota, version token), as the full read; a page's version token works
// for the optimistic lock. Then the ui/domains models loading through a real DbWorker: every row
// arrives in chunks, a refresh picks up inserted, changed and deleted rows, and switching to
// another domain drops the old domain's late chunks.

#include "VmailTestDb.h"

#include "../ssh/TestPrompter.h"
#include "core/db/AliasRepository.h"
#include "core/db/DbWorker.h"
#include "core/db/DomainRepository.h"
#include "core/db/MailboxRepository.h"
#include "core/db/SqlSupport.h"
#include "ui/domains/AliasOverviewModel.h"
#include "ui/domains/DomainListModel.h"
#include "ui/domains/DomainPage.h"
#include "ui/domains/MailboxListModel.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::db;

namespace {

constexpr int kMailboxes = 1200;
constexpr int kAliases = 1200;
constexpr int kSmall = 7; // mailboxes of the second domain
const char *const kHash = "{SSHA512}LCeCMMJ3wNkgqHARbPRVtWzwiuGQOjf9BeSqfU6wjw7S2inWo6ZnOpnSQ6nwB5"
                          "ClPr+XZc6fwR4oRNlSnCsngex5ysk=";

// Local parts that sort differently byte-wise and in utf8mb4_general_ci, and a spread of names.
QString localPart(int i) {
    static const char *const stems[] = {"a.b", "a_b", "a-b", "ab", "Zed", "anna", "Ölaf", "x"};
    const QString stem = QString::fromUtf8(stems[i % 8]).toLower();
    if (stem.at(0).unicode() > 127) // mailbox usernames are ASCII
        return QStringLiteral("olaf%1").arg(i);
    return stem + QString::number(i);
}

bool exec(QSqlDatabase &db, const QString &sql, const QVariantList &binds = {}) {
    auto q = Sql::exec(db, sql, binds, QStringLiteral("test setup"));
    if (!q)
        qWarning("%s: %s", qPrintable(sql.left(80)), qPrintable(q.error().detail));
    return q.ok();
}

// Multi-row INSERTs, 200 rows a statement.
bool insertRows(QSqlDatabase &db, const QString &head, int columns,
                const QList<QVariantList> &rows) {
    for (qsizetype at = 0; at < rows.size(); at += 200) {
        QStringList groups;
        QVariantList binds;
        for (qsizetype r = at; r < std::min(rows.size(), at + 200); ++r) {
            QStringList marks;
            for (int c = 0; c < columns; ++c)
                marks << QStringLiteral("?");
            groups << QLatin1Char('(') + marks.join(QLatin1Char(',')) + QLatin1Char(')');
            binds << rows.at(r);
        }
        if (!exec(db, head + QStringLiteral(" VALUES ") + groups.join(QLatin1Char(',')), binds))
            return false;
    }
    return true;
}

bool removeDomain(QSqlDatabase &db, const QString &domain) {
    auto plan = DomainRepository::planDeletion(db, domain);
    if (!plan)
        return plan.error().code == QLatin1String("db.notfound");
    if (!DomainRepository::remove(db, *plan))
        return false;
    return exec(db, QStringLiteral("DELETE FROM deleted_mailboxes WHERE domain = ?"), {domain});
}

void compareMailbox(const MailboxRow &a, const MailboxRow &b) {
    QCOMPARE(a.username, b.username);
    QCOMPARE(a.domain, b.domain);
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.language, b.language);
    QCOMPARE(a.quotaMb, b.quotaMb);
    QCOMPARE(a.usedBytes, b.usedBytes);
    QCOMPARE(a.usedMessages, b.usedMessages);
    QCOMPARE(a.active, b.active);
    QCOMPARE(a.isAdmin, b.isAdmin);
    QCOMPARE(a.employeeId, b.employeeId);
    QCOMPARE(a.department, b.department);
    QCOMPARE(a.homeDirectory(), b.homeDirectory());
    QCOMPARE(a.mailboxFormat, b.mailboxFormat);
    QCOMPARE(a.transport, b.transport);
    QCOMPARE(a.allowNets, b.allowNets);
    QCOMPARE(a.settings, b.settings);
    QCOMPARE(a.services, b.services);
    QCOMPARE(a.passwordScheme, b.passwordScheme);
    QCOMPARE(a.passwordLastChange, b.passwordLastChange);
    QCOMPARE(a.created, b.created);
    QCOMPARE(a.modified, b.modified);
    QCOMPARE(a.forwardTo, b.forwardTo);
    QCOMPARE(a.keepsLocalCopy, b.keepsLocalCopy);
    QCOMPARE(a.version, b.version);
}

void compareAlias(const AliasAccount &a, const AliasAccount &b) {
    QCOMPARE(a.address, b.address);
    QCOMPARE(a.domain, b.domain);
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.accessPolicy, b.accessPolicy);
    QCOMPARE(a.active, b.active);
    QCOMPARE(a.members, b.members);
    QCOMPARE(a.moderators, b.moderators);
    QCOMPARE(a.created, b.created);
    QCOMPARE(a.modified, b.modified);
    QCOMPARE(a.version, b.version);
}

QStringList modelUsernames(const ui::MailboxListModel &model) {
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out << model.mailboxAt(i)->username;
    return out;
}

QStringList accountKeys(const ui::AliasOverviewModel &model) {
    QStringList out;
    const QModelIndex group = model.index(0, 0);
    for (int i = 0; i < model.rowCount(group); ++i)
        out << model.index(i, 0, group).data(ui::AliasOverviewModel::KeyRole).toString();
    return out;
}

} // namespace

class TestDbPaging : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void mailboxPagesEqualFullRead();
    void aliasPagesEqualFullRead();
    void pageVersionLocks();
    void mailboxModelLoadsInChunks();
    void mailboxModelRefresh();
    void domainSwitchDropsLateChunks();
    void aliasModelLoadsInChunks();
    void domainListInStages();
    void domainPageShowsProgressAndSwitches();

private:
    QSqlDatabase m_db;
    QString m_big;
    QString m_small;
    std::unique_ptr<DbWorker> m_worker;
};

void TestDbPaging::initTestCase() {
    LAB_REQUIRE();
    m_db = VmailTestDb::open(QStringLiteral("paging"));
    QVERIFY2(m_db.isOpen(), qPrintable(m_db.lastError().text()));
    // Leftovers of earlier runs that died before their cleanup.
    QSqlQuery old(m_db);
    QVERIFY(old.exec(QStringLiteral("SELECT domain FROM domain WHERE domain LIKE "
                                    "'t%-paging%.dbtest.maildeck.test'")));
    QStringList stale;
    while (old.next())
        stale << old.value(0).toString();
    for (const QString &d : std::as_const(stale))
        QVERIFY2(removeDomain(m_db, d), qPrintable(d));

    m_big = VmailTestDb::uniqueDomain(QStringLiteral("paging"));
    m_small = VmailTestDb::uniqueDomain(QStringLiteral("paging2"));
    QVERIFY(DomainRepository::create(m_db, m_big, QStringLiteral("paging test")));
    QVERIFY(DomainRepository::create(m_db, m_small, QStringLiteral("paging test 2")));

    const QString now = QStringLiteral("2024-06-01 10:00:00");
    QList<QVariantList> boxes, forwards, used, aliases, members, moderators;
    for (int i = 0; i < kMailboxes; ++i) {
        const QString user = localPart(i) + QLatin1Char('@') + m_big;
        boxes << QVariantList{user,
                              QString::fromLatin1(kHash),
                              QStringLiteral("User %1").arg(kMailboxes - i),
                              i % 3 ? QStringLiteral("en_US") : QStringLiteral("ja_JP"),
                              QStringLiteral("%1/u/%2/").arg(m_big).arg(i),
                              i % 5 ? 1024 : 0,
                              m_big,
                              i % 11 ? 1 : 0, // active
                              i % 13 ? 1 : 0, // enableimap
                              i % 17 ? Sql::null() : QVariant(QStringLiteral("10.0.0.0/8")),
                              i % 19 ? QString() : QStringLiteral("sales"),
                              now,
                              now};
        if (i % 7 != 3) // most keep the self row; some forward only
            forwards << QVariantList{user, user, m_big, m_big, 1, 0, 0};
        if (i % 7 == 3 || i % 10 == 0)
            forwards << QVariantList{user,  QStringLiteral("out%1@example.org").arg(i),
                                     m_big, QStringLiteral("example.org"),
                                     1,     0,
                                     0};
        if (i % 20 == 0)
            forwards << QVariantList{
                QStringLiteral("alt-%1@%2").arg(i).arg(m_big), user, m_big, m_big, 0, 1, 0};
        if (i % 2 == 0)
            used << QVariantList{user, qint64(i) * 1000003, i, m_big};
    }
    for (int i = 0; i < kAliases; ++i) {
        const QString alias = QStringLiteral("grp-") + localPart(i) + QLatin1Char('@') + m_big;
        aliases << QVariantList{alias,
                                QStringLiteral("Group %1").arg(i),
                                i % 4 ? QStringLiteral("public") : QStringLiteral("membersonly"),
                                m_big,
                                now,
                                now,
                                i % 9 ? 1 : 0};
        for (int m = 0; m < i % 4; ++m)
            members << QVariantList{alias, QStringLiteral("m%1-%2@example.net").arg(i).arg(m),
                                    m_big, QStringLiteral("example.net"),
                                    0,     0,
                                    1};
        if (i % 25 == 0)
            moderators << QVariantList{alias, QStringLiteral("boss@example.net"), m_big,
                                       QStringLiteral("example.net")};
    }
    QVERIFY(insertRows(m_db,
                       QStringLiteral("INSERT INTO mailbox (username, password, name, language, "
                                      "maildir, quota, domain, active, enableimap, allow_nets, "
                                      "department, created, modified)"),
                       13, boxes));
    QVERIFY(insertRows(m_db,
                       QStringLiteral("INSERT INTO forwardings (address, forwarding, domain, "
                                      "dest_domain, is_forwarding, is_alias, is_list)"),
                       7, forwards + members));
    if (Sql::tableExists(m_db, QStringLiteral("used_quota")))
        QVERIFY(insertRows(m_db,
                           QStringLiteral("INSERT INTO used_quota (username, bytes, messages, "
                                          "domain)"),
                           4, used));
    QVERIFY(insertRows(m_db,
                       QStringLiteral("INSERT INTO alias (address, name, accesspolicy, domain, "
                                      "created, modified, active)"),
                       7, aliases));
    QVERIFY(insertRows(m_db,
                       QStringLiteral("INSERT INTO moderators (address, moderator, domain, "
                                      "dest_domain)"),
                       4, moderators));
    QVERIFY(exec(m_db,
                 QStringLiteral("INSERT INTO forwardings (address, forwarding, domain, "
                                "dest_domain) VALUES (?, ?, ?, 'example.org')"),
                 {m_big, QStringLiteral("catchall@example.org"), m_big}));
    QList<QVariantList> small;
    for (int i = 0; i < kSmall; ++i)
        small << QVariantList{QString(QStringLiteral("s%1@").arg(i) + m_small),
                              QString::fromLatin1(kHash),
                              QStringLiteral("Small %1").arg(i),
                              QStringLiteral("en_US"),
                              QStringLiteral("%1/s%2/").arg(m_small).arg(i),
                              0,
                              m_small,
                              1,
                              1,
                              Sql::null(),
                              QString(),
                              now,
                              now};
    QVERIFY(insertRows(m_db,
                       QStringLiteral("INSERT INTO mailbox (username, password, name, language, "
                                      "maildir, quota, domain, active, enableimap, allow_nets, "
                                      "department, created, modified)"),
                       13, small));

    m_worker = std::make_unique<DbWorker>();
    DbEndpoint endpoint;
    endpoint.port = LabEnv::port("LAB_DB_PORT");
    endpoint.user = LabEnv::value("LAB_DB_ADMIN_USER");
    endpoint.password = LabEnv::value("LAB_DB_ADMIN_PASSWORD");
    endpoint.database = m_db.databaseName();
    auto opened = awaitFuture(m_worker->open(endpoint));
    QVERIFY(opened && opened->ok());
}

void TestDbPaging::cleanupTestCase() {
    m_worker.reset();
    if (!m_db.isOpen())
        return;
    for (const QString &d : {m_big, m_small})
        if (!d.isEmpty())
            QVERIFY2(removeDomain(m_db, d), qPrintable(d));
}

void TestDbPaging::init() {
    // The driver's complaints (a column read that is not in the result) are failures here.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QMYSQL|out of range")));
}

void TestDbPaging::mailboxPagesEqualFullRead() {
    auto full = MailboxRepository::listForDomain(m_db, m_big);
    QVERIFY(full);
    QCOMPARE(full->size(), kMailboxes);
    QList<MailboxRow> chunked;
    QString after;
    int pages = 0;
    for (;;) {
        auto page = MailboxRepository::listPage(m_db, m_big, after, 250, pages == 0);
        QVERIFY(page);
        if (pages == 0)
            QCOMPARE(page->total, kMailboxes);
        else
            QCOMPARE(page->total, -1);
        ++pages;
        chunked << page->rows;
        if (!page->more)
            break;
        QCOMPARE(page->rows.size(), 250);
        after = page->last;
        QVERIFY(pages < 100);
    }
    QCOMPARE(pages, 5); // 4 full pages and one of 200 rows
    QCOMPARE(chunked.size(), full->size());
    int forwarding = 0, noCopy = 0, withUsed = 0;
    for (qsizetype i = 0; i < full->size(); ++i) {
        compareMailbox(chunked.at(i), full->at(i));
        forwarding += full->at(i).forwardTo.isEmpty() ? 0 : 1;
        noCopy += full->at(i).keepsLocalCopy ? 0 : 1;
        withUsed += full->at(i).usedBytes ? 1 : 0;
    }
    // The data the comparison covered is varied, not all defaults.
    QVERIFY(forwarding > 100);
    QVERIFY(noCopy > 100);
    QVERIFY(!Sql::tableExists(m_db, QStringLiteral("used_quota")) || withUsed == kMailboxes / 2);
    // Past the end: nothing, not an error.
    auto none = MailboxRepository::listPage(m_db, m_big, chunked.last().username, 250);
    QVERIFY(none);
    QVERIFY(none->rows.isEmpty());
    QVERIFY(!none->more);
}

void TestDbPaging::aliasPagesEqualFullRead() {
    auto full = AliasRepository::listForDomain(m_db, m_big);
    QVERIFY(full);
    QCOMPARE(full->accounts.size(), kAliases);
    QList<AliasAccount> chunked;
    QString after;
    for (int pages = 0;; ++pages) {
        auto page = AliasRepository::listAliasPage(m_db, m_big, after, 500, pages == 0);
        QVERIFY(page);
        if (pages == 0)
            QCOMPARE(page->total, kAliases);
        chunked << page->accounts;
        if (!page->more)
            break;
        after = page->last;
        QVERIFY(pages < 100);
    }
    QCOMPARE(chunked.size(), full->accounts.size());
    int moderated = 0;
    for (qsizetype i = 0; i < chunked.size(); ++i) {
        compareAlias(chunked.at(i), full->accounts.at(i));
        moderated += chunked.at(i).moderators.isEmpty() ? 0 : 1;
    }
    QCOMPARE(moderated, kAliases / 25);

    auto routes = AliasRepository::listRoutes(m_db, m_big);
    QVERIFY(routes);
    QVERIFY(routes->accounts.isEmpty());
    QCOMPARE(routes->forwardings.size(), full->forwardings.size());
    QVERIFY(routes->forwardings.size() > 100);
    for (qsizetype i = 0; i < routes->forwardings.size(); ++i) {
        QCOMPARE(routes->forwardings.at(i).address, full->forwardings.at(i).address);
        QCOMPARE(routes->forwardings.at(i).destinations, full->forwardings.at(i).destinations);
        QCOMPARE(routes->forwardings.at(i).keepLocalCopy, full->forwardings.at(i).keepLocalCopy);
        QCOMPARE(routes->forwardings.at(i).version, full->forwardings.at(i).version);
    }
    QCOMPARE(routes->userAliases.size(), kMailboxes / 20);
    for (qsizetype i = 0; i < routes->userAliases.size(); ++i) {
        QCOMPARE(routes->userAliases.at(i).alias, full->userAliases.at(i).alias);
        QCOMPARE(routes->userAliases.at(i).target, full->userAliases.at(i).target);
    }
    QCOMPARE(routes->catchAll.destinations, QStringList{u"catchall@example.org"_qs});
    QCOMPARE(routes->catchAll.version, full->catchAll.version);
}

void TestDbPaging::pageVersionLocks() {
    auto page = MailboxRepository::listPage(m_db, m_big, QString(), 50);
    QVERIFY(page);
    const MailboxRow row = page->rows.at(17);
    MailboxEdit edit;
    edit.name = QStringLiteral("Edited from a page");
    edit.language = row.language;
    edit.quotaMb = row.quotaMb;
    edit.active = row.active;
    QVERIFY2(MailboxRepository::update(m_db, row, edit), "a page's version must be current");
    // The same (now stale) row again: refused, not overwritten.
    auto stale = MailboxRepository::update(m_db, row, edit);
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, u"db.conflict"_qs);
    auto fresh = MailboxRepository::get(m_db, row.username);
    QVERIFY(fresh);
    auto again = MailboxRepository::listPage(m_db, m_big, QString(), 50);
    QVERIFY(again);
    compareMailbox(again->rows.at(17), *fresh);
}

void TestDbPaging::mailboxModelLoadsInChunks() {
    ui::MailboxListModel model;
    model.setChunkSizes(100, 300);
    QSignalSpy progress(&model, &ui::MailboxListModel::loadProgress);
    QSignalSpy finished(&model, &ui::MailboxListModel::loadFinished);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.load(m_worker.get(), m_big);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(model.rowCount(), kMailboxes);
    // 100 + 300 + 300 + 300 + 200: five chunks, each appended, never a reset after the start.
    QCOMPARE(progress.size(), 5);
    QCOMPARE(progress.first().at(0).toInt(), 100);
    QCOMPARE(progress.first().at(1).toInt(), kMailboxes);
    QCOMPARE(progress.last().at(0).toInt(), kMailboxes);
    QCOMPARE(inserted.size(), 5);
    QCOMPARE(reset.size(), 1); // load() of a new domain clears first
    auto full = MailboxRepository::listForDomain(m_db, m_big);
    QVERIFY(full);
    for (qsizetype i = 0; i < full->size(); ++i) {
        const int row = model.rowOf(full->at(i).username);
        QVERIFY(row >= 0);
        compareMailbox(*model.mailboxAt(row), full->at(i));
    }
}

void TestDbPaging::mailboxModelRefresh() {
    ui::MailboxListModel model;
    model.setChunkSizes(100, 400);
    QSignalSpy finished(&model, &ui::MailboxListModel::loadFinished);
    model.load(m_worker.get(), m_big);
    QVERIFY(finished.wait(30000));
    const QString kept = model.mailboxAt(500)->username;
    const QString renamed = model.mailboxAt(900)->username;
    const QString removed = model.mailboxAt(1000)->username;
    const QPersistentModelIndex selected = model.index(500, 0);
    // Another console: one mailbox renamed, one deleted, one added.
    QVERIFY(exec(m_db,
                 QStringLiteral("UPDATE mailbox SET name = 'Renamed elsewhere' WHERE "
                                "username = ?"),
                 {renamed}));
    QVERIFY(MailboxRepository::remove(m_db, removed));
    const QString added = QStringLiteral("zz-new@") + m_big;
    QVERIFY(exec(m_db,
                 QStringLiteral("INSERT INTO mailbox (username, password, name, maildir, domain) "
                                "VALUES (?, ?, 'New', 'x/', ?)"),
                 {added, QString::fromLatin1(kHash), m_big}));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    finished.clear();
    model.load(m_worker.get(), m_big);
    QVERIFY(finished.wait(30000));
    QCOMPARE(reset.size(), 0); // a refresh keeps selection and scroll
    QCOMPARE(model.rowCount(), kMailboxes);
    QVERIFY(selected.isValid());
    QCOMPARE(model.mailboxAt(selected.row())->username, kept);
    QCOMPARE(model.rowOf(removed), -1);
    QVERIFY(model.rowOf(added) >= 0);
    QCOMPARE(model.mailboxAt(model.rowOf(renamed))->name, u"Renamed elsewhere"_qs);
    auto full = MailboxRepository::listForDomain(m_db, m_big);
    QVERIFY(full);
    QStringList expected;
    for (const MailboxRow &m : *full)
        expected << m.username;
    QStringList got = modelUsernames(model);
    got.sort();
    expected.sort();
    QCOMPARE(got, expected);
}

void TestDbPaging::domainSwitchDropsLateChunks() {
    ui::MailboxListModel model;
    ui::AliasOverviewModel aliases;
    model.setChunkSizes(50, 50); // many chunks of the large domain on their way
    aliases.setChunkSizes(50, 50);
    QSignalSpy finished(&model, &ui::MailboxListModel::loadFinished);
    QSignalSpy aliasesFinished(&aliases, &ui::AliasOverviewModel::loadFinished);
    QSignalSpy progress(&model, &ui::MailboxListModel::loadProgress);
    model.load(m_worker.get(), m_big);
    aliases.load(m_worker.get(), m_big);
    QVERIFY(progress.wait(30000)); // the first chunk of the large domain is in; the next one
    QVERIFY(model.rowCount() > 0); // is already queued in the worker and will still come back
    model.load(m_worker.get(), m_small);
    aliases.load(m_worker.get(), m_small);
    QCOMPARE(finished.size(), 1); // the old load ended, not complete
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().first().toBool(), true);
    QVERIFY(aliasesFinished.size() == 2 || aliasesFinished.wait(30000));
    // Let any chunk of the old domain still in the worker's queue come back.
    const auto drained = awaitFuture(m_worker->run([](QSqlDatabase &) { return Status(); }));
    QVERIFY(drained);
    QTest::qWait(100);
    QCOMPARE(model.rowCount(), kSmall);
    for (int i = 0; i < model.rowCount(); ++i)
        QCOMPARE(model.mailboxAt(i)->domain, m_small);
    QCOMPARE(aliases.rowCount(aliases.index(0, 0)), 0);
    QCOMPARE(aliases.aliases().catchAll.destinations, QStringList());
}

void TestDbPaging::aliasModelLoadsInChunks() {
    ui::AliasOverviewModel model;
    model.setChunkSizes(100, 400);
    QSignalSpy progress(&model, &ui::AliasOverviewModel::loadProgress);
    QSignalSpy finished(&model, &ui::AliasOverviewModel::loadFinished);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.load(m_worker.get(), m_big);
    QVERIFY(progress.wait(30000));
    // The first screenful is there before the rest.
    QCOMPARE(model.rowCount(model.index(0, 0)), 100);
    QVERIFY(model.index(0, 0).data().toString().contains(u"loading"_qs));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(progress.size(), 4); // 100 + 400 + 400 + 300
    QCOMPARE(reset.size(), 1);
    auto full = AliasRepository::listForDomain(m_db, m_big);
    QVERIFY(full);
    QStringList expected;
    for (const AliasAccount &a : full->accounts)
        expected << a.address;
    QCOMPARE(accountKeys(model), expected);
    for (qsizetype i = 0; i < full->accounts.size(); ++i)
        compareAlias(model.aliases().accounts.at(i), full->accounts.at(i));
    QCOMPARE(model.rowCount(model.index(1, 0)), int(full->forwardings.size()));
    QCOMPARE(model.rowCount(model.index(2, 0)), int(full->userAliases.size()));
    QCOMPARE(model.rowCount(model.index(4, 0)), 1); // the catch-all
    // A refresh after an alias is deleted elsewhere: gone, the rest kept, no reset.
    const QString gone = expected.at(700);
    QVERIFY(AliasRepository::removeAlias(m_db, gone));
    const QPersistentModelIndex keep = model.index(300, 0, model.index(0, 0));
    finished.clear();
    model.load(m_worker.get(), m_big);
    QVERIFY(finished.wait(30000));
    QCOMPARE(reset.size(), 1);
    expected.removeAt(700);
    QCOMPARE(accountKeys(model), expected);
    QVERIFY(keep.isValid());
    QCOMPARE(keep.data(ui::AliasOverviewModel::KeyRole).toString(), expected.at(300));
}

void TestDbPaging::domainListInStages() {
    auto full = DomainRepository::list(m_db);
    QVERIFY(full);
    auto rows = DomainRepository::listRows(m_db);
    QVERIFY(rows);
    auto counts = DomainRepository::listCounts(m_db);
    QVERIFY(counts);
    auto quotas = DomainRepository::listQuotas(m_db);
    QVERIFY(quotas);
    // Other tests create and delete their own domains meanwhile: compare the seeded domains
    // and this test's own.
    QHash<QString, DomainSummary> byName;
    for (const DomainSummary &f : *full)
        byName.insert(f.domain, f);
    int compared = 0;
    for (const DomainSummary &row : *rows) {
        if (row.domain != m_big && row.domain != m_small && !row.domain.startsWith(u"example"_qs))
            continue;
        QVERIFY(byName.contains(row.domain));
        DomainSummary d = row;
        const DomainSummary &f = byName[row.domain];
        ++compared;
        QCOMPARE(d.version, f.version);
        QCOMPARE(d.description, f.description);
        QCOMPARE(d.mailboxCount, 0); // not counted yet
        DomainRepository::apply(d, counts->value(d.domain));
        DomainRepository::apply(d, quotas->value(d.domain));
        QCOMPARE(d.mailboxCount, f.mailboxCount);
        QCOMPARE(d.aliasCount, f.aliasCount);
        QCOMPARE(d.listCount, f.listCount);
        QCOMPARE(d.aliasDomainCount, f.aliasDomainCount);
        QCOMPARE(d.quotaAllocatedMb, f.quotaAllocatedMb);
        QCOMPARE(d.unlimitedMailboxes, f.unlimitedMailboxes);
        QCOMPARE(d.quotaUsedBytes, f.quotaUsedBytes);
    }
    QVERIFY(compared >= 3);
    QCOMPARE(counts->value(m_big).mailboxes, kMailboxes);
    QCOMPARE(counts->value(m_small).mailboxes, kSmall);

    // The model: names first ("…" for the counts), then counts, then quotas.
    ui::DomainListModel model;
    model.setDomains(*rows, false);
    const int row = model.rowOf(m_big);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, ui::DomainListModel::MailboxesColumn).data().toString(), u"…"_qs);
    QSignalSpy countsLoaded(&model, &ui::DomainListModel::countsLoaded);
    QSignalSpy quotasLoaded(&model, &ui::DomainListModel::quotasLoaded);
    model.loadCounts(m_worker.get());
    QTRY_VERIFY_WITH_TIMEOUT(!countsLoaded.isEmpty(), 30000);
    QCOMPARE(model.index(row, ui::DomainListModel::MailboxesColumn).data().toString(),
             QString::number(kMailboxes));
    QVERIFY(quotasLoaded.size() == 1 || quotasLoaded.wait(30000));
    QVERIFY(model.index(row, ui::DomainListModel::QuotaColumn).data().toString() != u"…"_qs);
    QCOMPARE(model.domainAt(row)->quotaAllocatedMb, quotas->value(m_big).allocatedMb);
    QVERIFY(quotas->value(m_big).allocatedMb > 0);
}

void TestDbPaging::domainPageShowsProgressAndSwitches() {
    ui::DomainPage page;
    page.resize(900, 560);
    page.show();
    auto *model = page.findChild<ui::MailboxListModel *>();
    auto *view = page.findChild<QTableView *>(QStringLiteral("MailboxView"));
    auto *loadRow = page.findChild<QWidget *>(QStringLiteral("MailboxLoad"));
    QVERIFY(model && view && loadRow);
    auto *label = loadRow->findChild<QLabel *>();
    auto *cancel = loadRow->findChild<QPushButton *>();
    QVERIFY(label && cancel);
    QSignalSpy loaded(&page, &ui::DomainPage::mailboxesLoaded);
    // At the first chunk (300 of the 1 200): the rows are in the view, the tab says how far it
    // is, and the user switches to the other domain at once.
    bool checked = false;
    QString progressText;
    auto c = connect(model, &ui::MailboxListModel::loadProgress, this, [&](int done, int total) {
        if (checked)
            return;
        checked = true;
        QCOMPARE(done, ui::MailboxListModel::DefaultFirstChunk);
        QCOMPARE(total, kMailboxes);
        QCOMPARE(view->model()->rowCount(), done);
        QVERIFY(loadRow->isVisible());
        QVERIFY(cancel->isVisible());
        progressText = label->text();
        const QString dir = qEnvironmentVariable("MAILDECK_SCREENSHOTS");
        if (!dir.isEmpty() && QDir().mkpath(dir))
            page.grab().save(dir + QStringLiteral("/domainpage-loading.png"));
        page.showDomain(m_small, m_worker.get());
    });
    page.showDomain(m_big, m_worker.get());
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
    disconnect(c);
    QVERIFY(checked);
    QVERIFY2(progressText.contains(QLocale().toString(300)) &&
                 progressText.contains(QLocale().toString(kMailboxes)),
             qPrintable(progressText));
    QCOMPARE(loaded.size(), 1); // only the domain switched to finished
    QCOMPARE(loaded.first().first().toInt(), kSmall);
    const auto drained = awaitFuture(m_worker->run([](QSqlDatabase &) { return Status(); }));
    QVERIFY(drained);
    QTest::qWait(100);
    QCOMPARE(view->model()->rowCount(), kSmall);
    for (int i = 0; i < model->rowCount(); ++i)
        QCOMPARE(model->mailboxAt(i)->domain, m_small);
    QVERIFY(!loadRow->isVisible());
}

QTEST_MAIN(TestDbPaging)
#include "tst_db_paging.moc"
