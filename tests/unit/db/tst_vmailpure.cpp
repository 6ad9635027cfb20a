#include "core/db/MailboxRepository.h"
#include "core/db/MailingListRepository.h"
#include "core/db/SqlSupport.h"
#include "core/db/VmailSettings.h"

#include <QTimeZone>
#include <QtTest/QTest>

using namespace maildeck::db;

class TestVmailPure : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void maildir_data();
    void maildir();
    void settings();
    void settingsRefuseSeparators();
    void transport();
    void sqlHelpers();
    void homeDirectory();
};

void TestVmailPure::maildir_data() {
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("expected");
    const QString ts = u"-2026.05.14.10.20.30/"_qs;
    QTest::newRow("john") << u"john@example.com"_qs << QString(u"example.com/j/o/h/john"_qs + ts);
    QTest::newRow("upper") << u"John@Example.com"_qs << QString(u"example.com/j/o/h/john"_qs + ts);
    QTest::newRow("one char") << u"a@example.com"_qs << QString(u"example.com/a/_/_/a"_qs + ts);
    QTest::newRow("two chars") << u"ab@example.com"_qs << QString(u"example.com/a/b/_/ab"_qs + ts);
    QTest::newRow("dots") << u"j.doe@example.com"_qs << QString(u"example.com/j/_/d/j.doe"_qs + ts);
    QTest::newRow("idn domain") << u"taro@xn--wgv71a119e.test"_qs
                                << QString(u"xn--wgv71a119e.test/t/a/r/taro"_qs + ts);
}

void TestVmailPure::maildir() {
    QFETCH(QString, username);
    QFETCH(QString, expected);
    const QDateTime when(QDate(2026, 5, 14), QTime(10, 20, 30), QTimeZone::utc());
    QCOMPARE(MailboxRepository::generateMaildir(username, when), expected);
}

void TestVmailPure::settings() {
    VmailSettings s =
        VmailSettings::parse(u"default_user_quota:1024;disabled_mail_services:pop3,imap;"_qs);
    QCOMPARE(s.value(u"default_user_quota"_qs), u"1024"_qs);
    QCOMPARE(s.list(u"disabled_mail_services"_qs), (QStringList{u"pop3"_qs, u"imap"_qs}));
    QVERIFY(s.setList(u"disabled_mail_services"_qs, {u"smtp"_qs, u"imap"_qs, u"imap"_qs}));
    QCOMPARE(s.toString(), u"default_user_quota:1024;disabled_mail_services:imap,smtp;"_qs);
    QVERIFY(s.set(u"default_user_quota"_qs, QString())); // empty removes
    QCOMPARE(s.toString(), u"disabled_mail_services:imap,smtp;"_qs);
    QCOMPARE(VmailSettings::parse(QString()).toString(), QString());
}

void TestVmailPure::settingsRefuseSeparators() {
    VmailSettings s;
    QVERIFY(!s.set(u"timezone"_qs, u"a:b"_qs));
    QVERIFY(!s.set(u"timezone"_qs, u"a;b"_qs));
    QVERIFY(!s.set(u"a:b"_qs, u"x"_qs));
    QVERIFY(!s.setList(u"x"_qs, {u"a,b"_qs}));
    QCOMPARE(s.toString(), QString());
}

void TestVmailPure::transport() {
    QCOMPARE(MailingListRepository::transportFor(u"news@example.com"_qs),
             u"mlmmj:example.com/news"_qs);
}

void TestVmailPure::sqlHelpers() {
    QCOMPARE(Sql::escapeLike(u"a_b%c\\d"_qs), u"a\\_b\\%c\\\\d"_qs);
    QCOMPARE(Sql::toSqlDateTime(QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc())),
             u"2026-01-02 03:04:05"_qs);
    // A DATETIME read back is taken as UTC whatever the local zone.
    const QDateTime read = Sql::fromSqlDateTime(QVariant(u"2026-01-02 03:04:05"_qs));
    QCOMPARE(read.timeSpec(), Qt::UTC);
    QCOMPARE(read.time(), QTime(3, 4, 5));
    // The text form (CAST(… AS CHAR)) gives the same value without a local-time round trip.
    QCOMPARE(Sql::fromSqlDateTimeText(QVariant(u"2026-01-02 03:04:05"_qs)), read);
    QCOMPARE(Sql::fromSqlDateTimeText(QVariant(u"2026-03-29 02:30:00"_qs)),
             QDateTime(QDate(2026, 3, 29), QTime(2, 30), QTimeZone::utc()));
    QVERIFY(!Sql::fromSqlDateTimeText(QVariant(u"0000-00-00 00:00:00"_qs)).isValid());
    QVERIFY(!Sql::fromSqlDateTimeText(QVariant()).isValid());
    QVERIFY(!Sql::fromSqlDateTimeText(QVariant(u"2026-02-30 00:00:00"_qs)).isValid());
    QCOMPARE(Sql::fromSqlDateTimeText(QVariant(u"2026-01-02 03:04:05.250"_qs)), read);
    QVERIFY(Sql::version({u"a"_qs, u"bc"_qs}) != Sql::version({u"ab"_qs, u"c"_qs}));
    Sql::setClockForTesting(
        [] { return QDateTime(QDate(2030, 1, 1), QTime(0, 0, 0, 500), QTimeZone::utc()); });
    QCOMPARE(Sql::nowUtc(), QDateTime(QDate(2030, 1, 1), QTime(0, 0, 0), QTimeZone::utc()));
    Sql::setClockForTesting({});
}

void TestVmailPure::homeDirectory() {
    MailboxRow m;
    m.storageBaseDirectory = u"/var/vmail"_qs;
    m.storageNode = u"vmail1"_qs;
    m.maildir = u"example.com/j/o/h/John-2026.05.14.10.20.30/"_qs;
    QCOMPARE(m.homeDirectory(),
             u"/var/vmail/vmail1/example.com/j/o/h/john-2026.05.14.10.20.30/"_qs);
}

QTEST_GUILESS_MAIN(TestVmailPure)
#include "tst_vmailpure.moc"
