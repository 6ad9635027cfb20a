#include "core/delegation/DelegationNames.h"

#include <QSet>
#include <QtTest/QTest>

using maildeck::delegation::DelegationNames;

class TestDelegationNames : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void accountName_data() {
        QTest::addColumn<QString>("admin");
        QTest::addColumn<QString>("stem");
        QTest::newRow("plain") << QStringLiteral("jane@partner.test") << QStringLiteral("md_jane_");
        QTest::newRow("dots") << QStringLiteral("J.Doe@Partner.test")
                              << QStringLiteral("md_j_doe_");
        QTest::newRow("symbols") << QStringLiteral("a+b=c-d@x.test")
                                 << QStringLiteral("md_a_b_c_d_");
        QTest::newRow("long") << QStringLiteral("averyveryverylongadminnamethatgoeson@x.test")
                              << QStringLiteral("md_averyveryverylongadmi_");
        QTest::newRow("no letters") << QStringLiteral("+++@x.test") << QStringLiteral("md_admin_");
        QTest::newRow("injection") << QStringLiteral("x'; DROP USER root; --@x.test")
                                   << QStringLiteral("md_x_drop_user_root_");
        QTest::newRow("unicode") << QStringLiteral("太郎@x.test") << QStringLiteral("md_admin_");
    }
    void accountName() {
        QFETCH(QString, admin);
        QFETCH(QString, stem);
        const QString name = DelegationNames::accountNameFor(admin);
        QVERIFY2(name.startsWith(stem), qPrintable(name));
        QCOMPARE(name.size(), stem.size() + 6);
        QVERIFY2(DelegationNames::isValidAccountName(name), qPrintable(name));
        QVERIFY(name.size() <= DelegationNames::MaxAccountNameLength);
        // Stable, and case-insensitive in the address.
        QCOMPARE(DelegationNames::accountNameFor(admin.toUpper()), name);
    }

    void distinctAdminsDistinctNames() {
        QCOMPARE_NE(DelegationNames::accountNameFor(QStringLiteral("jane@a.test")),
                    DelegationNames::accountNameFor(QStringLiteral("jane@b.test")));
    }

    void validAccountName_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ok") << QStringLiteral("md_jane_abcdef") << true;
        QTest::newRow("no prefix") << QStringLiteral("jane") << false;
        QTest::newRow("root") << QStringLiteral("root") << false;
        QTest::newRow("upper") << QStringLiteral("md_Jane") << false;
        QTest::newRow("quote") << QStringLiteral("md_x'") << false;
        QTest::newRow("backtick") << QStringLiteral("md_x`") << false;
        QTest::newRow("at") << QStringLiteral("md_x@localhost") << false;
        QTest::newRow("empty stem") << QStringLiteral("md_") << false;
        QTest::newRow("too long") << QStringLiteral("md_") + QString(29, QLatin1Char('a')) << false;
        QTest::newRow("newline") << QStringLiteral("md_x\n") << false;
    }
    void validAccountName() {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(DelegationNames::isValidAccountName(name), valid);
    }

    void objectNames() {
        QVERIFY(DelegationNames::isValidObjectName(QStringLiteral("mailbox_create")));
        QVERIFY(DelegationNames::isValidObjectName(QStringLiteral("v_domains")));
        QVERIFY(!DelegationNames::isValidObjectName(QStringLiteral("x`; DROP")));
        QVERIFY(!DelegationNames::isValidObjectName(QString()));
    }

    void passwords() {
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const QString pw = DelegationNames::generatePassword();
            QCOMPARE(pw.size(), 32);
            for (QChar c : pw)
                QVERIFY(c.isLetterOrNumber() && c.unicode() < 128);
            seen.insert(pw);
        }
        QCOMPARE(seen.size(), 200);
        QCOMPARE(DelegationNames::generatePassword(12).size(), 12);
    }

    void nativePasswordHash() {
        // SELECT PASSWORD('abc') on MariaDB.
        QCOMPARE(DelegationNames::nativePasswordHash(QStringLiteral("abc")),
                 QStringLiteral("*0D3CED9BEC10A777AEC23CCC353A8C08A633045E"));
    }

    void quoting_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("'abc'");
        QTest::newRow("quote") << QStringLiteral("a'b") << QStringLiteral("'a''b'");
        QTest::newRow("backslash") << QStringLiteral("a\\'") << QStringLiteral("'a\\\\'''");
        QTest::newRow("empty") << QString() << QStringLiteral("''");
    }
    void quoting() {
        QFETCH(QString, text);
        QFETCH(QString, quoted);
        QCOMPARE(DelegationNames::quoteString(text), quoted);
    }

    void accountSpec() {
        QCOMPARE(DelegationNames::accountSpec(QStringLiteral("md_a_123456"), QStringLiteral("::1")),
                 QStringLiteral("'md_a_123456'@'::1'"));
        QCOMPARE(DelegationNames::accountHosts(),
                 QStringList({QStringLiteral("localhost"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("::1")}));
    }
};

QTEST_GUILESS_MAIN(TestDelegationNames)
#include "tst_delegation_names.moc"
