// maildeck-cli as a user runs it: --version, --help, the profile commands and their errors.

#include "core/profiles/ProfileStore.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest/QtTest>

class TestCli : public QObject {
    Q_OBJECT

    struct Run {
        int exitCode;
        QString out;
        QString err;
    };

    Run cli(const QStringList &args, const QString &language = QStringLiteral("en")) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), language);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MAILDECK_CLI), args);
        if (!p.waitForFinished(30000))
            return {-1, {}, QStringLiteral("timeout")};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void versionAndHelp() {
        const Run version = cli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("MailDeck ")));
        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("profile add")));
    }

    // The CLI speaks the user's language (the same catalogue as the desktop application); the
    // command names and JSON keys stay as they are.
    void speaksTheUsersLanguage() {
        const Run en = cli({QStringLiteral("--help")});
        const Run ja = cli({QStringLiteral("--help")}, QStringLiteral("ja"));
        QCOMPARE(ja.exitCode, 0);
        QVERIFY(ja.out.contains(QStringLiteral("profile add")));
        QVERIFY(ja.out != en.out);
        static const QRegularExpression kana(QStringLiteral("[\\x{3040}-\\x{30ff}]"));
        QVERIFY2(!en.out.contains(kana), qPrintable(en.out.left(400)));
        QVERIFY2(ja.out.contains(kana), qPrintable(ja.out.left(400)));
        const Run wrong = cli({QStringLiteral("no-such-command")}, QStringLiteral("ja"));
        QVERIFY(wrong.exitCode != 0);
        QVERIFY2(wrong.err.contains(kana), qPrintable(wrong.err));
    }

    void profileLifecycle() {
        QTemporaryDir dir;
        const QString settings = dir.filePath(QStringLiteral("s.ini"));
        const QStringList base{QStringLiteral("--settings"), settings};
        Run r =
            cli(base + QStringList{QStringLiteral("profile"), QStringLiteral("add"),
                                   QStringLiteral("lab"), QStringLiteral("--host"),
                                   QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                   QStringLiteral("10022"), QStringLiteral("--flavour"),
                                   QStringLiteral("lab"), QStringLiteral("--db-credentials-file"),
                                   QStringLiteral("/x/.my.cnf-vmailadmin")});
        QCOMPARE(r.exitCode, 0);
        // A flavour named on the command line (as `lab up` does) counts as confirmed.
        QVERIFY(maildeck::ProfileStore(settings).load(QStringLiteral("lab"))->flavourConfirmed);
        r = cli(base + QStringList{QStringLiteral("profile"), QStringLiteral("show"),
                                   QStringLiteral("lab")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("port=10022")));
        QVERIFY(r.out.contains(QStringLiteral("db_credentials=server-file:/x/.my.cnf-vmailadmin")));
        r = cli(base + QStringList{QStringLiteral("profile"), QStringLiteral("list")});
        QVERIFY(r.out.startsWith(QStringLiteral("lab\troot@127.0.0.1:10022")));
        r = cli(base + QStringList{QStringLiteral("profile"), QStringLiteral("remove"),
                                   QStringLiteral("lab")});
        QCOMPARE(r.exitCode, 0);
        r = cli(base + QStringList{QStringLiteral("profile"), QStringLiteral("show"),
                                   QStringLiteral("lab")});
        QCOMPARE(r.exitCode, 1);
    }

    // --db-tls-ca sets TLS and the CA file; a direct route without TLS is saved with a warning;
    // TLS options without the direct route are refused.
    void dbTlsOptions() {
        QTemporaryDir dir;
        const QStringList base{QStringLiteral("--settings"), dir.filePath(QStringLiteral("s.ini"))};
        const QStringList add{QStringLiteral("profile"), QStringLiteral("add"),
                              QStringLiteral("--host"), QStringLiteral("h.example.org")};
        Run r = cli(base + add +
                    QStringList{QStringLiteral("tls"), QStringLiteral("--db-route"),
                                QStringLiteral("direct"), QStringLiteral("--db-tls-ca"),
                                QStringLiteral("/x/db-ca.pem")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.err.contains(QStringLiteral("not encrypted")));
        r = cli(base + QStringList{QStringLiteral("profile"), QStringLiteral("show"),
                                   QStringLiteral("tls")});
        QVERIFY(r.out.contains(QStringLiteral("db_tls=yes")));
        QVERIFY(r.out.contains(QStringLiteral("db_tls_ca=/x/db-ca.pem")));
        r = cli(base + add +
                QStringList{QStringLiteral("plain"), QStringLiteral("--db-route"),
                            QStringLiteral("direct")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("not encrypted")), qPrintable(r.err));
        r = cli(base + add + QStringList{QStringLiteral("tunnel"), QStringLiteral("--db-tls")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--db-route direct")));
    }

    void badUsageIsExplained_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("port out of range") << QStringList{
            QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("x"),
            QStringLiteral("--host"),  QStringLiteral("h"),   QStringLiteral("--port"),
            QStringLiteral("70000")};
        QTest::newRow("no host") << QStringList{QStringLiteral("profile"), QStringLiteral("add"),
                                                QStringLiteral("x")};
        QTest::newRow("slash in name")
            << QStringList{QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("a/b"),
                           QStringLiteral("--host"), QStringLiteral("h")};
        QTest::newRow("bad flavour") << QStringList{
            QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("x"),
            QStringLiteral("--host"),  QStringLiteral("h"),   QStringLiteral("--flavour"),
            QStringLiteral("windows")};
    }
    void badUsageIsExplained() {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        const Run r =
            cli(QStringList{QStringLiteral("--settings"), dir.filePath(QStringLiteral("s.ini"))} +
                args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.trimmed().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
