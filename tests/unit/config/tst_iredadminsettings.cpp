// IredadminSettings: DEFAULT_PASSWORD_SCHEME read from iRedAdmin's settings.py text the way
// Python would (quotes, escapes, comments, the last assignment wins, indented lines ignored),
// and the SSHA512 fallback with a note for what MailDeck cannot write.

#include "core/session/IredadminSettings.h"

#include <QtTest/QtTest>

using namespace maildeck;

class TestIredadminSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void assignment_data() {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QString>("expected"); // "<none>" = no assignment
        const QString none = QStringLiteral("<none>");
        QTest::newRow("single quotes")
            << QByteArray("DEFAULT_PASSWORD_SCHEME = 'SSHA512'\n") << QStringLiteral("SSHA512");
        QTest::newRow("double quotes")
            << QByteArray("DEFAULT_PASSWORD_SCHEME=\"BCRYPT\"") << QStringLiteral("BCRYPT");
        QTest::newRow("trailing comment")
            << QByteArray("DEFAULT_PASSWORD_SCHEME = 'SSHA512'  # set by the installer\n")
            << QStringLiteral("SSHA512");
        QTest::newRow("hash inside quotes")
            << QByteArray("DEFAULT_PASSWORD_SCHEME = 'A#B'\n") << QStringLiteral("A#B");
        QTest::newRow("escaped quote")
            << QByteArray("DEFAULT_PASSWORD_SCHEME = 'it\\'s'\n") << QStringLiteral("it's");
        QTest::newRow("commented out") << QByteArray("# DEFAULT_PASSWORD_SCHEME = 'MD5'\n") << none;
        QTest::newRow("indented (inside a block)")
            << QByteArray("if True:\n    DEFAULT_PASSWORD_SCHEME = 'MD5'\n") << none;
        QTest::newRow("comparison is no assignment")
            << QByteArray("DEFAULT_PASSWORD_SCHEME == 'MD5'\n") << none;
        QTest::newRow("longer name is another variable")
            << QByteArray("DEFAULT_PASSWORD_SCHEME_OLD = 'MD5'\n") << none;
        QTest::newRow("last one wins") << QByteArray("DEFAULT_PASSWORD_SCHEME = 'SSHA'\nx = 1\n"
                                                     "DEFAULT_PASSWORD_SCHEME = 'SSHA512'\n")
                                       << QStringLiteral("SSHA512");
        QTest::newRow("bare value")
            << QByteArray("DEFAULT_PASSWORD_SCHEME = SCHEME # why\n") << QStringLiteral("SCHEME");
        QTest::newRow("CRLF line ends")
            << QByteArray("a = 1\r\nDEFAULT_PASSWORD_SCHEME = 'SSHA512'\r\n")
            << QStringLiteral("SSHA512");
        QTest::newRow("unterminated string")
            << QByteArray("DEFAULT_PASSWORD_SCHEME = 'SSHA\n") << none;
    }
    void assignment() {
        QFETCH(QByteArray, source);
        QFETCH(QString, expected);
        const auto value =
            IredadminSettings::assignment(source, QStringLiteral("DEFAULT_PASSWORD_SCHEME"));
        if (expected == QLatin1String("<none>"))
            QVERIFY2(!value, qPrintable(value.value_or(QString())));
        else
            QCOMPARE(value.value_or(QStringLiteral("<none>")), expected);
    }

    void schemes() {
        const QString path = QStringLiteral("/opt/www/iredadmin/settings.py");
        auto s =
            IredadminSettings::passwordSchemeFrom("DEFAULT_PASSWORD_SCHEME = 'BCRYPT'\n", path);
        QCOMPARE(s.scheme, db::PasswordScheme::BlfCrypt);
        QCOMPARE(s.configured, QStringLiteral("BCRYPT"));
        QCOMPARE(s.source, path);
        QVERIFY(s.note.isEmpty());

        s = IredadminSettings::passwordSchemeFrom("DEFAULT_PASSWORD_SCHEME = 'ssha512'\n", path);
        QCOMPARE(s.scheme, db::PasswordScheme::Ssha512);
        QVERIFY(s.note.isEmpty());

        s = IredadminSettings::passwordSchemeFrom("DEFAULT_PASSWORD_SCHEME = 'SHA512-CRYPT'", path);
        QCOMPARE(s.scheme, db::PasswordScheme::Sha512Crypt);

        // A scheme MailDeck does not write: SSHA512, and the note names the server's choice.
        s = IredadminSettings::passwordSchemeFrom("DEFAULT_PASSWORD_SCHEME = 'MD5'\n", path);
        QCOMPARE(s.scheme, db::PasswordScheme::Ssha512);
        QCOMPARE(s.configured, QStringLiteral("MD5"));
        QVERIFY(s.source.isEmpty());
        QVERIFY(s.note.contains(QLatin1String("MD5")));

        // No setting: iRedAdmin's own default (SSHA) is not written either.
        s = IredadminSettings::passwordSchemeFrom("webmaster = 'root@example.com'\n", path);
        QCOMPARE(s.scheme, db::PasswordScheme::Ssha512);
        QVERIFY(s.configured.isEmpty());
        QVERIFY(s.note.contains(path));
    }

    void defaultPathsStartWithLinux() {
        QCOMPARE(IredadminSettings::defaultPaths().value(0),
                 QStringLiteral("/opt/www/iredadmin/settings.py"));
    }

    void noConnectionFallsBack() {
        auto f = IredadminSettings::readPasswordScheme(nullptr);
        QVERIFY(f.isFinished());
        QCOMPARE(f.result().scheme, db::PasswordScheme::Ssha512);
        QVERIFY(!f.result().note.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIredadminSettings)
#include "tst_iredadminsettings.moc"
