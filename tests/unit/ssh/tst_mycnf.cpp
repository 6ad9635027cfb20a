#include "core/session/MyCnf.h"

#include <QtTest/QTest>

using namespace maildeck;

class TestMyCnf : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");

        QTest::newRow("iredmail") << QByteArray(
                                         "[client]\nhost=127.0.0.1\nport=3306\nuser=vmailadmin\n"
                                         "password=\"Ab1+/=cD\"\n")
                                  << QStringLiteral("vmailadmin") << QStringLiteral("Ab1+/=cD")
                                  << QStringLiteral("127.0.0.1") << 3306;
        QTest::newRow("unquoted, spaces")
            << QByteArray("[client]\n user = root \n password = s3cr3t \n")
            << QStringLiteral("root") << QStringLiteral("s3cr3t") << QString() << 0;
        QTest::newRow("single quotes with # and ;")
            << QByteArray("[client]\nuser='a'\npassword='p#w;d \"x\"'\n") << QStringLiteral("a")
            << QStringLiteral("p#w;d \"x\"") << QString() << 0;
        QTest::newRow("double-quote escapes")
            << QByteArray("[client]\npassword=\"a\\\"b\\\\c\\sd\"\n") << QString()
            << QStringLiteral("a\"b\\c d") << QString() << 0;
        QTest::newRow("inline comment unquoted")
            << QByteArray("[client]\npassword=abc # the password\n") << QString()
            << QStringLiteral("abc") << QString() << 0;
        QTest::newRow("hash inside unquoted value")
            << QByteArray("[client]\npassword=ab#c\n") << QString() << QStringLiteral("ab#c")
            << QString() << 0;
        QTest::newRow("comment after quoted value")
            << QByteArray("[client]\npassword=\"x y\" # note\n") << QString()
            << QStringLiteral("x y") << QString() << 0;
        QTest::newRow("other groups ignored")
            << QByteArray(
                   "[mysqld]\npassword=server\n[client]\npassword=client\n[mysqldump]\nuser=dump\n")
            << QString() << QStringLiteral("client") << QString() << 0;
        QTest::newRow("comments, CRLF, dash keys")
            << QByteArray(
                   "# c\r\n; c\r\n[Client]\r\nuser=u\r\npassword=p\r\nsocket=/run/x.sock\r\n")
            << QStringLiteral("u") << QStringLiteral("p") << QString() << 0;
        QTest::newRow("utf-8") << QByteArray("[client]\npassword=\"パスワード\"\n") << QString()
                               << QStringLiteral("パスワード") << QString() << 0;
        QTest::newRow("empty password")
            << QByteArray("[client]\npassword=\n") << QString() << QString() << QString() << 0;
    }
    void parse() {
        QFETCH(QByteArray, text);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, host);
        QFETCH(int, port);
        const Result<MyCnfCredentials> r = MyCnf::parse(text);
        QVERIFY(r.ok());
        QCOMPARE(r->user, user);
        QCOMPARE(r->password, password);
        QCOMPARE(r->host, host);
        QCOMPARE(int(r->port), port);
    }

    void noPassword() {
        const auto r = MyCnf::parse("[client]\nuser=x\n[mysqld]\npassword=secret\n",
                                    QStringLiteral("/root/.my.cnf-vmailadmin"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("session.mycnf.nopassword"));
        QVERIFY(r.error().message.contains(QStringLiteral("/root/.my.cnf-vmailadmin")));
        QVERIFY(!r.error().message.contains(QStringLiteral("secret")));
    }
};

QTEST_GUILESS_MAIN(TestMyCnf)
#include "tst_mycnf.moc"
