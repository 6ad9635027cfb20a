// Alias moderators against the lab's MariaDB: AliasRepository::setAliasModerators writes the
// `moderators` rows as iRedAdmin(-Pro) and the iRedMail docs do (address, moderator, domain of
// the alias, dest_domain of the moderator), replaces the set in one transaction, refuses a stale
// version and a bad entry without writing anything, and the alias's deletion removes the rows.
// Works in a domain of its own (*.dbtest.maildeck.test) and deletes it.

#include "VmailTestDb.h"

#include "core/db/AliasRepository.h"
#include "core/db/DomainRepository.h"
#include "core/db/MailboxRepository.h"

#include <QSqlError>

using namespace maildeck;
using namespace maildeck::db;
using VmailTestDb::count;

class TestDbModerators : public QObject {
    Q_OBJECT

    QSqlDatabase m_db;
    QString m_domain;

    // The moderator rows of `alias` as "moderator|domain|dest_domain", sorted.
    QStringList rows(const QString &alias) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT moderator, domain, dest_domain FROM moderators "
                                 "WHERE address = ? ORDER BY moderator"));
        q.addBindValue(alias);
        if (!q.exec())
            return {QStringLiteral("<query failed>")};
        QStringList out;
        while (q.next())
            out << q.value(0).toString() + QLatin1Char('|') + q.value(1).toString() +
                       QLatin1Char('|') + q.value(2).toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        m_db = VmailTestDb::open(QStringLiteral("moderators"));
        QVERIFY2(m_db.isOpen(), qPrintable(m_db.lastError().text()));
        m_domain = VmailTestDb::uniqueDomain(QStringLiteral("mod"));
        Status s = DomainRepository::create(m_db, m_domain, QStringLiteral("MailDeck moderators"));
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
    }

    void cleanupTestCase() {
        if (m_db.isOpen() && !m_domain.isEmpty()) {
            auto plan = DomainRepository::planDeletion(m_db, m_domain);
            if (plan)
                QVERIFY(DomainRepository::remove(m_db, *plan).ok());
            QCOMPARE(count(m_db, QStringLiteral("SELECT COUNT(*) FROM moderators WHERE domain = ?"),
                           {m_domain}),
                     0);
        }
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("moderators"));
    }

    void writesRowsAsIRedAdmin() {
        const QString alias = QStringLiteral("board@") + m_domain;
        QVERIFY(AliasRepository::createAlias(m_db, alias, QStringLiteral("Board"), {},
                                             QStringLiteral("moderatorsonly"))
                    .ok());
        auto current = AliasRepository::getAlias(m_db, alias);
        QVERIFY(current.ok());
        QVERIFY(current->moderators.isEmpty());

        const QString chair = QStringLiteral("chair@") + m_domain;
        Status s =
            AliasRepository::setAliasModerators(m_db, *current,
                                                {QStringLiteral(" Boss@Example.ORG "), chair,
                                                 QStringLiteral("*@partner.example"), chair});
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        QCOMPARE(rows(alias),
                 QStringList({QStringLiteral("*@partner.example|%1|partner.example").arg(m_domain),
                              QStringLiteral("boss@example.org|%1|example.org").arg(m_domain),
                              QStringLiteral("chair@%1|%1|%1").arg(m_domain)}));

        // The read side sees them, and the version moved on.
        auto after = AliasRepository::getAlias(m_db, alias);
        QVERIFY(after.ok());
        QCOMPARE(after->moderators.size(), 3);
        QVERIFY(after->version != current->version);

        // A stale version (another console changed them) is refused, nothing written.
        Status stale = AliasRepository::setAliasModerators(m_db, *current, {chair});
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, QStringLiteral("db.conflict"));
        QCOMPARE(rows(alias).size(), 3);

        // A bad entry is refused before anything is written.
        Status bad =
            AliasRepository::setAliasModerators(m_db, *after, {chair, QStringLiteral("no at")});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QStringLiteral("alias.moderator"));
        QCOMPARE(rows(alias).size(), 3);

        // Replacing the set keeps what stays, removes the others, adds the new one.
        const QString deputy = QStringLiteral("deputy@") + m_domain;
        QVERIFY(AliasRepository::setAliasModerators(m_db, *after, {chair, deputy}).ok());
        QCOMPARE(rows(alias), QStringList({QStringLiteral("chair@%1|%1|%1").arg(m_domain),
                                           QStringLiteral("deputy@%1|%1|%1").arg(m_domain)}));

        // Inside a caller's transaction that rolls back, nothing stays.
        auto now = AliasRepository::getAlias(m_db, alias);
        QVERIFY(now.ok());
        QVERIFY(m_db.transaction());
        QVERIFY(AliasRepository::setAliasModerators(m_db, *now, {}).ok());
        QCOMPARE(rows(alias).size(), 0);
        QVERIFY(m_db.rollback());
        QCOMPARE(rows(alias).size(), 2);

        // Deleting the alias deletes its moderators.
        QVERIFY(AliasRepository::removeAlias(m_db, alias).ok());
        QCOMPARE(rows(alias).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDbModerators)
#include "tst_db_moderators.moc"
