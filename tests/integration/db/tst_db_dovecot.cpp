// Passwords MailDeck writes are accepted by the lab's real Dovecot (which reads the same
// mailbox row through its passdb query), old ones stop working after a change, and migrated
// vpopmail MD5-crypt hashes keep working on Dovecot 2.3.

#include "VmailTestDb.h"

#include "core/db/DomainRepository.h"
#include "core/db/MailboxRepository.h"
#include "core/db/PasswordHash.h"

#include <QStandardPaths>

using namespace maildeck::db;
using maildeck::Status;
using VmailTestDb::dovecotAuth;

#define QVERIFY_OK(expr)                                                                           \
    do {                                                                                           \
        const auto result_ = (expr);                                                               \
        QVERIFY2(result_.ok(), qPrintable(result_.ok() ? QString()                                 \
                                                       : result_.error().code + u": "_qs +         \
                                                             result_.error().message));            \
    } while (false)

class TestDbDovecot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void newMailboxLogsIn_data();
    void newMailboxLogsIn();
    void changedPasswordReplacesOld();
    void migratedMd5CryptStillLogsIn();
    void disabledMailboxCannotLogIn();

private:
    QString mailbox(const QString &local, const QString &password,
                    PasswordScheme scheme = PasswordScheme::Ssha512);

    QSqlDatabase m_db;
    QString m_domain;
};

void TestDbDovecot::initTestCase() {
    LAB_REQUIRE();
    if (QStandardPaths::findExecutable(u"doveadm"_qs).isEmpty() ||
        LabEnv::value("LAB_DOVECOT_CONFIG").isEmpty()) {
        if (LabEnv::required())
            QFAIL("doveadm or LAB_DOVECOT_CONFIG is missing");
        QSKIP("doveadm is not installed");
    }
    m_db = VmailTestDb::open(u"dovecot"_qs);
    QVERIFY2(m_db.isOpen(), qPrintable(m_db.lastError().text()));
    m_domain = VmailTestDb::uniqueDomain(u"dovecot"_qs);
    QVERIFY_OK(DomainRepository::create(m_db, m_domain, u"MailDeck Dovecot test"_qs));
}

void TestDbDovecot::cleanupTestCase() {
    if (m_db.isOpen() && !m_domain.isEmpty()) {
        auto plan = DomainRepository::planDeletion(m_db, m_domain);
        QVERIFY_OK(plan);
        QVERIFY_OK(DomainRepository::remove(m_db, *plan));
        VmailTestDb::execSql(m_db, u"DELETE FROM deleted_mailboxes WHERE domain = ?"_qs,
                             {m_domain});
    }
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"dovecot"_qs);
}

QString TestDbDovecot::mailbox(const QString &local, const QString &password,
                               PasswordScheme scheme) {
    NewMailbox n;
    n.address = local + u"@"_qs + m_domain;
    n.password = password;
    n.scheme = scheme;
    Status s = MailboxRepository::create(m_db, n);
    if (!s)
        qWarning() << s.error().message << s.error().detail;
    return n.address;
}

void TestDbDovecot::newMailboxLogsIn_data() {
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QString>("password");
    QTest::newRow("SSHA512") << int(PasswordScheme::Ssha512) << u"Dove-cot 1"_qs;
    QTest::newRow("BLF-CRYPT") << int(PasswordScheme::BlfCrypt) << u"Dove-cot 2"_qs;
    QTest::newRow("SHA512-CRYPT") << int(PasswordScheme::Sha512Crypt) << u"Dove-cot 3"_qs;
    QTest::newRow("unicode password") << int(PasswordScheme::Ssha512) << u"パスワード-ü"_qs;
    QTest::newRow("sql in password")
        << int(PasswordScheme::Ssha512) << u"x'); DROP TABLE mailbox;--"_qs;
}

void TestDbDovecot::newMailboxLogsIn() {
    QFETCH(int, scheme);
    QFETCH(QString, password);
    const QString user =
        mailbox(u"login"_qs + QString::number(scheme) + QString::number(qHash(password) % 1000),
                password, PasswordScheme(scheme));
    QVERIFY(MailboxRepository::get(m_db, user).ok());
    QString out;
    QVERIFY2(dovecotAuth(user, password, &out), qPrintable(out));
    QVERIFY2(!dovecotAuth(user, password + u"x"_qs, &out), qPrintable(out));
}

void TestDbDovecot::changedPasswordReplacesOld() {
    const QString user = mailbox(u"changer"_qs, u"old-password-1"_qs);
    QVERIFY(dovecotAuth(user, u"old-password-1"_qs));
    QVERIFY_OK(
        MailboxRepository::setPassword(m_db, user, u"new-password-2"_qs, PasswordScheme::BlfCrypt));
    QString out;
    QVERIFY2(dovecotAuth(user, u"new-password-2"_qs, &out), qPrintable(out));
    QVERIFY(!dovecotAuth(user, u"old-password-1"_qs));
    auto m = MailboxRepository::get(m_db, user);
    QCOMPARE(m->passwordScheme, u"BLF-CRYPT"_qs);
    QVERIFY(qAbs(m->passwordLastChange.secsTo(QDateTime::currentDateTimeUtc())) < 300);
}

void TestDbDovecot::migratedMd5CryptStillLogsIn() {
    // vpopmail's MySQL stored MD5-crypt; imported as it came (bare) it gets {CRYPT} prefixed.
    NewMailbox n;
    n.address = u"vpop@"_qs + m_domain;
    n.passwordHash = u"$1$abcdefgh$KJTKo1JC7CvwWuhngVsGU0"_qs; // "vpop mail"
    QVERIFY_OK(MailboxRepository::create(m_db, n));
    QString out;
    QVERIFY2(dovecotAuth(n.address, u"vpop mail"_qs, &out), qPrintable(out));
    auto m = MailboxRepository::get(m_db, n.address);
    // Dovecot 2.3 accepts it, but it is flagged for 2.4.
    QVERIFY(m->passwordWeak);
}

void TestDbDovecot::disabledMailboxCannotLogIn() {
    const QString user = mailbox(u"sleeper"_qs, u"pw-sleep"_qs);
    QVERIFY(dovecotAuth(user, u"pw-sleep"_qs));
    QVERIFY_OK(MailboxRepository::setActive(m_db, user, false));
    QVERIFY(!dovecotAuth(user, u"pw-sleep"_qs));
    QVERIFY_OK(MailboxRepository::setActive(m_db, user, true));
    QVERIFY(dovecotAuth(user, u"pw-sleep"_qs));
    QVERIFY_OK(DomainRepository::setActive(m_db, m_domain, false));
    QVERIFY(!dovecotAuth(user, u"pw-sleep"_qs));
    QVERIFY_OK(DomainRepository::setActive(m_db, m_domain, true));
}

QTEST_GUILESS_MAIN(TestDbDovecot)
#include "tst_db_dovecot.moc"
