#include "core/ssh/Sudo.h"

#include <QtTest/QTest>

using namespace maildeck;

class TestSudo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quote_data() {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("'abc'");
        QTest::newRow("space") << QStringLiteral("a b") << QStringLiteral("'a b'");
        QTest::newRow("quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
        QTest::newRow("dollar") << QStringLiteral("$HOME `x`") << QStringLiteral("'$HOME `x`'");
        QTest::newRow("empty") << QString() << QStringLiteral("''");
    }
    void quote() {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(Sudo::shellQuote(in), out);
    }

    void wrap() {
        const QString cmd = QStringLiteral("cat '/root/.my.cnf'");
        QCOMPARE(Sudo::wrap(Sudo::Mode::Direct, cmd), cmd);
        QCOMPARE(Sudo::wrap(Sudo::Mode::NonInteractive, cmd),
                 QStringLiteral("LC_ALL=C sudo -n -- sh -c 'cat '\\''/root/.my.cnf'\\'''"));
        // -S reads the password from stdin, -p '' prints no prompt, -k always asks, so the
        // password line is always consumed by sudo and never reaches the command.
        QCOMPARE(Sudo::wrap(Sudo::Mode::WithPassword, QStringLiteral("id -u")),
                 QStringLiteral("LC_ALL=C sudo -S -k -p '' -- sh -c 'id -u'"));
    }

    void classify_data() {
        QTest::addColumn<int>("exit");
        QTest::addColumn<QByteArray>("err");
        QTest::addColumn<int>("outcome");
        QTest::newRow("ok") << 0 << QByteArray() << int(Sudo::Outcome::Ran);
        QTest::newRow("command failed")
            << 1 << QByteArray("cat: x: No such file or directory\n") << int(Sudo::Outcome::Ran);
        QTest::newRow("needs password") << 1 << QByteArray("sudo: a password is required\n")
                                        << int(Sudo::Outcome::PasswordRequired);
        QTest::newRow("wrong password (1.9)")
            << 1
            << QByteArray("Sorry, try again.\nsudo: no password was provided\nsudo: 1 incorrect "
                          "password attempt\n")
            << int(Sudo::Outcome::WrongPassword);
        QTest::newRow("not in sudoers")
            << 1
            << QByteArray("mdadmin is not in the sudoers file.  This incident will be reported.\n")
            << int(Sudo::Outcome::NotAllowed);
        QTest::newRow("not allowed (1.9)")
            << 1
            << QByteArray(
                   "Sorry, user bob is not allowed to execute '/bin/sh -c id' as root on mx.\n")
            << int(Sudo::Outcome::NotAllowed);
        QTest::newRow("may not run") << 1 << QByteArray("Sorry, user bob may not run sudo on mx.\n")
                                     << int(Sudo::Outcome::NotAllowed);
        QTest::newRow("no sudo") << 127 << QByteArray("sh: 1: sudo: not found\n")
                                 << int(Sudo::Outcome::NoSudo);
    }
    void classify() {
        QFETCH(int, exit);
        QFETCH(QByteArray, err);
        QFETCH(int, outcome);
        QCOMPARE(int(Sudo::classify(exit, err)), outcome);
    }

    void strip() {
        QCOMPARE(Sudo::stripSudoNoise("Sorry, try again.\nreal error\n"),
                 QByteArray("real error\n"));
        QCOMPARE(Sudo::stripSudoNoise("[sudo] password for x: \nout"), QByteArray("out"));
    }
};

QTEST_GUILESS_MAIN(TestSudo)
#include "tst_sudo.moc"
