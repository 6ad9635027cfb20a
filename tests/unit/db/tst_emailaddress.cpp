#include "core/db/EmailAddress.h"

#include <QtTest/QTest>

using namespace maildeck::db;

class TestEmailAddress : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void domains_data();
    void domains();
    void display();
    void limits();
};

void TestEmailAddress::valid_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("storage");
    QTest::addColumn<QString>("display");

    QTest::newRow("plain") << u"john@example.com"_qs << u"john@example.com"_qs
                           << u"john@example.com"_qs;
    QTest::newRow("upper case") << u"John.Doe@Example.COM"_qs << u"john.doe@example.com"_qs
                                << u"john.doe@example.com"_qs;
    QTest::newRow("surrounding space")
        << u"  a@b.example \t"_qs << u"a@b.example"_qs << u"a@b.example"_qs;
    QTest::newRow("plus and equals")
        << u"a+tag=x@example.com"_qs << u"a+tag=x@example.com"_qs << u"a+tag=x@example.com"_qs;
    QTest::newRow("idn unicode") << u"taro@日本語.test"_qs << u"taro@xn--wgv71a119e.test"_qs
                                 << u"taro@日本語.test"_qs;
    QTest::newRow("idn punycode") << u"taro@XN--WGV71A119E.test"_qs
                                  << u"taro@xn--wgv71a119e.test"_qs << u"taro@日本語.test"_qs;
    QTest::newRow("german") << u"x@Bücher.example"_qs << u"x@xn--bcher-kva.example"_qs
                            << u"x@bücher.example"_qs;
    QTest::newRow("sql words are fine")
        << u"select-drop@example.com"_qs << u"select-drop@example.com"_qs
        << u"select-drop@example.com"_qs;
    QTest::newRow("double hyphen in local part")
        << u"a--b@example.com"_qs << u"a--b@example.com"_qs << u"a--b@example.com"_qs;
    QTest::newRow("64 char local part") << QString(QString(64, u'a') + u"@example.com"_qs)
                                        << QString(QString(64, u'a') + u"@example.com"_qs)
                                        << QString(QString(64, u'a') + u"@example.com"_qs);
}

void TestEmailAddress::valid() {
    QFETCH(QString, input);
    QFETCH(QString, storage);
    QFETCH(QString, display);
    auto address = EmailAddress::parse(input);
    QVERIFY2(address.ok(), qPrintable(address.ok() ? QString() : address.error().message));
    QCOMPARE(address->toStorage(), storage);
    QCOMPARE(address->toDisplay(), display);
    QCOMPARE(EmailAddress::displayOf(storage), display);
}

void TestEmailAddress::invalid_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions"); // a word the message must contain

    QTest::newRow("empty") << QString() << u"address.empty"_qs << u"empty"_qs;
    QTest::newRow("only spaces") << u"   "_qs << u"address.empty"_qs << u"empty"_qs;
    QTest::newRow("no at") << u"john.example.com"_qs << u"address.malformed"_qs << u"@"_qs;
    QTest::newRow("two ats") << u"a@b@example.com"_qs << u"address.malformed"_qs
                             << u"more than one"_qs;
    QTest::newRow("empty local") << u"@example.com"_qs << u"address.local"_qs << u"empty"_qs;
    QTest::newRow("empty domain") << u"john@"_qs << u"address.domain"_qs << u"empty"_qs;
    QTest::newRow("single quote") << u"o'brien@example.com"_qs << u"address.quotes"_qs
                                  << u"quotes"_qs;
    QTest::newRow("double quote") << u"\"john\"@example.com"_qs << u"address.quotes"_qs
                                  << u"quotes"_qs;
    QTest::newRow("backtick") << u"a`b@example.com"_qs << u"address.quotes"_qs << u"quotes"_qs;
    QTest::newRow("sql injection")
        << u"x'); DROP TABLE mailbox; --@example.com"_qs << u"address.quotes"_qs << u"quotes"_qs;
    QTest::newRow("semicolon") << u"a;b@example.com"_qs << u"address.sql"_qs << u";"_qs;
    QTest::newRow("backslash") << u"a\\b@example.com"_qs << u"address.sql"_qs << u"\\"_qs;
    QTest::newRow("percent") << u"a%b@example.com"_qs << u"address.sql"_qs << u"%"_qs;
    QTest::newRow("comment") << u"a/*x*/@example.com"_qs << u"address.sql"_qs << u"/"_qs;
    QTest::newRow("newline") << u"a\nb@example.com"_qs << u"address.control"_qs << u"control"_qs;
    QTest::newRow("tab inside") << u"a\tb@example.com"_qs << u"address.control"_qs << u"control"_qs;
    QTest::newRow("nul") << QString(u"a"_qs + QChar(0) + u"b@example.com"_qs)
                         << u"address.control"_qs << u"control"_qs;
    QTest::newRow("zero width space") << QString(u"a"_qs + QChar(0x200B) + u"b@example.com"_qs)
                                      << u"address.control"_qs << u"control"_qs;
    QTest::newRow("rtl override") << QString(u"a"_qs + QChar(0x202E) + u"b@example.com"_qs)
                                  << u"address.control"_qs << u"control"_qs;
    QTest::newRow("inner space") << u"john doe@example.com"_qs << u"address.space"_qs
                                 << u"spaces"_qs;
    QTest::newRow("leading dot") << u".john@example.com"_qs << u"address.local"_qs << u"dot"_qs;
    QTest::newRow("double dot") << u"jo..hn@example.com"_qs << u"address.local"_qs << u"dot"_qs;
    QTest::newRow("unicode local part")
        << u"太郎@example.com"_qs << u"address.local"_qs << u"not allowed"_qs;
    QTest::newRow("angle brackets") << u"<john@example.com>"_qs << u"address.local"_qs << u"<"_qs;
    QTest::newRow("local 65") << QString(QString(65, u'a') + u"@example.com"_qs)
                              << u"address.toolong"_qs << u"64"_qs;
    QTest::newRow("address 255") << QString(QString(64, u'a') + u"@"_qs + QString(63, u'b') +
                                            u"."_qs + QString(63, u'c') + u"."_qs +
                                            QString(63, u'd') + u".example"_qs)
                                 << u"address.toolong"_qs << u"254"_qs;
    QTest::newRow("10 KB") << QString(10240, u'a') << u"address.toolong"_qs << u"254"_qs;
    QTest::newRow("10 KB with at")
        << QString(QString(5000, u'x') + u"@"_qs + QString(5000, u'y') + u".com"_qs)
        << u"address.toolong"_qs << u"254"_qs;
    QTest::newRow("no tld") << u"john@localhost"_qs << u"address.domain"_qs << u"two parts"_qs;
    QTest::newRow("ip literal") << u"john@[127.0.0.1]"_qs << u"address.domain"_qs << u"["_qs;
    QTest::newRow("ip address") << u"john@127.0.0.1"_qs << u"address.domain"_qs << u"number"_qs;
    QTest::newRow("underscore domain")
        << u"john@ex_ample.com"_qs << u"address.domain"_qs << u"_"_qs;
    QTest::newRow("hyphen label") << u"john@-example.com"_qs << u"address.domain"_qs
                                  << u"hyphen"_qs;
    QTest::newRow("trailing dot") << u"john@example.com."_qs << u"address.domain"_qs << u"dot"_qs;
    QTest::newRow("label 64") << QString(u"j@"_qs + QString(64, u'a') + u".com"_qs)
                              << u"address.domain"_qs << u"63"_qs;
}

void TestEmailAddress::invalid() {
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    auto address = EmailAddress::parse(input);
    QVERIFY(!address.ok());
    QCOMPARE(address.error().code, code);
    QVERIFY2(address.error().message.contains(mentions, Qt::CaseInsensitive),
             qPrintable(address.error().message));
    QVERIFY(address.error().message.size() < 400); // never echoes a 10 KB input
}

void TestEmailAddress::domains_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("storage"); // empty: invalid
    QTest::newRow("simple") << u"Example.COM"_qs << u"example.com"_qs;
    QTest::newRow("japanese") << u"日本語.test"_qs << u"xn--wgv71a119e.test"_qs;
    QTest::newRow("punycode kept") << u"xn--wgv71a119e.test"_qs << u"xn--wgv71a119e.test"_qs;
    QTest::newRow("subdomain") << u"mail.sub.example.org"_qs << u"mail.sub.example.org"_qs;
    QTest::newRow("253") << QString(QString(63, u'a') + u"."_qs + QString(63, u'b') + u"."_qs +
                                    QString(63, u'c') + u"."_qs + QString(61, u'd'))
                         << QString(QString(63, u'a') + u"."_qs + QString(63, u'b') + u"."_qs +
                                    QString(63, u'c') + u"."_qs + QString(61, u'd'));
    QTest::newRow("254") << QString(QString(63, u'a') + u"."_qs + QString(63, u'b') + u"."_qs +
                                    QString(63, u'c') + u"."_qs + QString(62, u'd'))
                         << QString();
    QTest::newRow("single label") << u"com"_qs << QString();
    QTest::newRow("with at") << u"a@example.com"_qs << QString();
    QTest::newRow("quote") << u"exa'mple.com"_qs << QString();
    QTest::newRow("semicolon") << u"example.com;drop"_qs << QString();
    QTest::newRow("10 KB") << QString(10240, u'x') << QString();
}

void TestEmailAddress::domains() {
    QFETCH(QString, input);
    QFETCH(QString, storage);
    auto name = DomainName::parse(input);
    if (storage.isEmpty()) {
        QVERIFY(!name.ok());
        QVERIFY(name.error().code.startsWith(u"domain."_qs));
        QVERIFY(!name.error().message.isEmpty());
    } else {
        QVERIFY2(name.ok(), qPrintable(name.ok() ? QString() : name.error().message));
        QCOMPARE(name->toStorage(), storage);
    }
}

void TestEmailAddress::display() {
    QCOMPARE(DomainName::displayOf(u"xn--wgv71a119e.test"_qs), u"日本語.test"_qs);
    QCOMPARE(DomainName::displayOf(u"example.com"_qs), u"example.com"_qs);
    QCOMPARE(EmailAddress::displayOf(u"taro.yamada@xn--wgv71a119e.test"_qs),
             u"taro.yamada@日本語.test"_qs);
    QCOMPARE(EmailAddress::displayOf(u"example03.test"_qs), u"example03.test"_qs); // catch-all
}

void TestEmailAddress::limits() {
    QCOMPARE(EmailAddress::MaxLocalLength, 64);
    QCOMPARE(EmailAddress::MaxLength, 254);
    QCOMPARE(DomainName::MaxLength, 253);
    // Exactly 254 is accepted.
    const QString local(64, u'a');
    const QString domain =
        QString(63, u'b') + u"."_qs + QString(63, u'c') + u"."_qs + QString(57, u'd') + u".com"_qs;
    const QString address = local + u"@"_qs + domain;
    QCOMPARE(address.size(), 254);
    auto parsed = EmailAddress::parse(address);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
}

QTEST_GUILESS_MAIN(TestEmailAddress)
#include "tst_emailaddress.moc"
