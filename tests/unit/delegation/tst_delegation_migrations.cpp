#include "core/delegation/Migrations.h"

#include <QRegularExpression>
#include <QtTest/QTest>

using maildeck::delegation::Migration;
using maildeck::delegation::Migrations;

class TestDelegationMigrations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void split() {
        const QString text = QStringLiteral("-- header comment\n"
                                            "-- more\n"
                                            "CREATE TABLE a (x INT)\n"
                                            "$$\n"
                                            "\n"
                                            "-- a comment before the procedure\n"
                                            "CREATE PROCEDURE p()\n"
                                            "BEGIN\n"
                                            "  SELECT 1; SELECT '$$';\n"
                                            "END\n"
                                            "  $$  \r\n"
                                            "$$\n"
                                            "-- trailing comment only\n");
        const QStringList statements = Migrations::splitStatements(text);
        QCOMPARE(statements.size(), 2);
        QCOMPARE(statements.at(0), QStringLiteral("CREATE TABLE a (x INT)"));
        QVERIFY(statements.at(1).startsWith(QLatin1String("CREATE PROCEDURE p()")));
        QVERIFY(statements.at(1).contains(QLatin1String("SELECT 1; SELECT '$$';")));
        QVERIFY(statements.at(1).endsWith(QLatin1String("END")));
    }

    void parseName_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("version");
        QTest::newRow("ok") << QStringLiteral("001_schema.sql") << 1;
        QTest::newRow("ok 12") << QStringLiteral("012_more_things.sql") << 12;
        QTest::newRow("no number") << QStringLiteral("schema.sql") << -1;
        QTest::newRow("two digits") << QStringLiteral("01_schema.sql") << -1;
        QTest::newRow("upper") << QStringLiteral("001_Schema.sql") << -1;
        QTest::newRow("zero") << QStringLiteral("000_zero.sql") << -1;
        QTest::newRow("other ext") << QStringLiteral("001_schema.txt") << -1;
    }
    void parseName() {
        QFETCH(QString, file);
        QFETCH(int, version);
        auto m = Migrations::parse(file, QByteArrayLiteral("SELECT 1\n"));
        if (version < 0) {
            QVERIFY(!m.ok());
        } else {
            QVERIFY(m.ok());
            QCOMPARE(m->version, version);
            QCOMPARE(m->checksum.size(), 64);
        }
    }

    void emptyRefused() {
        QVERIFY(!Migrations::parse(QStringLiteral("001_x.sql"), QByteArrayLiteral("-- only\n")));
    }

    void ordering() {
        auto make = [](int v) {
            Migration m;
            m.version = v;
            m.fileName = QStringLiteral("%1_x.sql").arg(v, 3, 10, QLatin1Char('0'));
            m.statements = {QStringLiteral("SELECT 1")};
            return m;
        };
        auto ok = Migrations::ordered({make(3), make(1), make(2)});
        QVERIFY(ok.ok());
        QCOMPARE(ok->at(0).version, 1);
        QCOMPARE(ok->at(2).version, 3);
        auto gap = Migrations::ordered({make(1), make(3)});
        QVERIFY(!gap.ok());
        QCOMPARE(gap.error().code, QStringLiteral("delegation.migration.sequence"));
        QVERIFY(!Migrations::ordered({make(1), make(1)}).ok());
        QVERIFY(!Migrations::ordered({make(2)}).ok());
    }

    // The embedded migrations: in order, and every object created with the locked definer and
    // SQL SECURITY DEFINER; no dynamic SQL; no statement that would touch vmail's structure.
    void embedded() {
        auto all = Migrations::load();
        QVERIFY2(all.ok(), all.ok() ? "" : qPrintable(all.error().message));
        QVERIFY(all->size() >= 2);
        static const QRegularExpression create(
            QStringLiteral("^CREATE\\s+(DEFINER=\\S+\\s+)?(SQL SECURITY \\w+\\s+)?"
                           "(PROCEDURE|FUNCTION|VIEW)"));
        int routines = 0;
        for (const Migration &m : *all) {
            for (const QString &s : m.statements) {
                const QString upper = s.toUpper();
                QVERIFY2(!upper.contains(QLatin1String("PREPARE ")) &&
                             !upper.contains(QLatin1String("EXECUTE IMMEDIATE")),
                         qPrintable(s.left(80)));
                QVERIFY2(!QRegularExpression(QStringLiteral("(ALTER|DROP|CREATE|TRUNCATE|RENAME)"
                                                            "\\s+TABLE\\s+(IF NOT EXISTS\\s+)?"
                                                            "`?vmail`?\\."),
                                             QRegularExpression::CaseInsensitiveOption)
                              .match(s)
                              .hasMatch(),
                         qPrintable(s.left(80)));
                if (create.match(s).hasMatch()) {
                    ++routines;
                    QVERIFY2(s.contains(QLatin1String("DEFINER=`maildeck_definer`@`localhost`")),
                             qPrintable(s.left(80)));
                    QVERIFY2(s.contains(QLatin1String("SQL SECURITY DEFINER")),
                             qPrintable(s.left(80)));
                    QVERIFY2(s.contains(QLatin1String("maildeck_delegation.")),
                             qPrintable(s.left(80)));
                }
            }
        }
        QVERIFY(routines > 20);
    }
};

QTEST_GUILESS_MAIN(TestDelegationMigrations)
#include "tst_delegation_migrations.moc"
