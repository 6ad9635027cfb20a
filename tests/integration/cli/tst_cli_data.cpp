// maildeck-cli's data and list commands against the lab (see CliLab.h), in a domain the test
// makes with "domain add" and removes with "domain delete --yes": a mailbox made by the CLI logs
// in to Dovecot, passwords change, alias members are the rows the repository reads,.
// The list commands: tst_cli_lists.

#include "CliLab.h"

#include "core/db/AliasRepository.h"

using namespace maildeck::db;

class TestCliData : public CliLab {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        setUp(QStringLiteral("cli-data"));
        const Run r = lab({QStringLiteral("domain"), QStringLiteral("add"), m_domain,
                           QStringLiteral("--name"), QStringLiteral("maildeck-cli test")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        m_domainMade = true;
        QCOMPARE(VmailTestDb::count(m_db,
                                    QStringLiteral("SELECT COUNT(*) FROM domain WHERE domain = ?"),
                                    {m_domain}),
                 1);
    }

    void cleanupTestCase() {
        if (m_domainMade) {
            const Run r = lab({QStringLiteral("domain"), QStringLiteral("delete"), m_domain,
                               QStringLiteral("--yes")});
            QVERIFY2(r.code == 0, qPrintable(r.describe()));
            QCOMPARE(VmailTestDb::count(
                         m_db, QStringLiteral("SELECT COUNT(*) FROM domain WHERE domain = ?"),
                         {m_domain}),
                     0);
            VmailTestDb::execSql(
                m_db, QStringLiteral("DELETE FROM deleted_mailboxes WHERE domain = ?"), {m_domain});
        }
        closeDb(QStringLiteral("cli-data"));
    }

    void mailboxLogsInAndPasswordChanges() {
        if (QStandardPaths::findExecutable(QStringLiteral("doveadm")).isEmpty()) {
            if (LabEnv::required())
                QFAIL("doveadm is missing");
            QSKIP("doveadm is not installed");
        }
        const QString box = addr(QStringLiteral("box"));
        const QString first = QStringLiteral("Cli-%1-first!").arg(m_tag);
        const QString second = QStringLiteral("Cli-%1-second?").arg(m_tag);
        const QString file = writeFile(QStringLiteral("pw"), first.toUtf8() + '\n');
        Run r = lab({QStringLiteral("mailbox"), QStringLiteral("add"), box,
                     QStringLiteral("--name"), QStringLiteral("CLI Box"), QStringLiteral("--quota"),
                     QStringLiteral("250"), QStringLiteral("--password-file"), file});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QVERIFY(!r.outText().contains(first) && !r.errText().contains(first));
        QString why;
        QVERIFY2(VmailTestDb::dovecotAuth(box, first, &why), qPrintable(why));
        QCOMPARE(VmailTestDb::count(
                     m_db, QStringLiteral("SELECT quota FROM mailbox WHERE username = ?"), {box}),
                 250);

        r = lab({QStringLiteral("mailbox"), QStringLiteral("passwd"), box,
                 QStringLiteral("--password-stdin")},
                second.toUtf8() + '\n');
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QVERIFY2(VmailTestDb::dovecotAuth(box, second, &why), qPrintable(why));
        QVERIFY(!VmailTestDb::dovecotAuth(box, first));

        // A disabled mailbox cannot log in; enabled again, it can.
        r = lab({QStringLiteral("mailbox"), QStringLiteral("disable"), box});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QVERIFY(!VmailTestDb::dovecotAuth(box, second));
        r = lab({QStringLiteral("mailbox"), QStringLiteral("enable"), box});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QVERIFY2(VmailTestDb::dovecotAuth(box, second, &why), qPrintable(why));

        // Listed as the repository reads it.
        r = lab({QStringLiteral("mailbox"), QStringLiteral("list"), m_domain,
                 QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        const QJsonArray boxes = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(boxes.size(), 1);
        QCOMPARE(boxes.first()[QStringLiteral("username")].toString(), box);
        QCOMPARE(boxes.first()[QStringLiteral("name")].toString(), QStringLiteral("CLI Box"));
        QCOMPARE(boxes.first()[QStringLiteral("password_scheme")].toString(),
                 QStringLiteral("SSHA512"));

        // Bad input: exit 2 with core's message, nothing written, nothing asked.
        r = lab({QStringLiteral("mailbox"), QStringLiteral("add"),
                 QStringLiteral("clitest\"x@") + m_domain, QStringLiteral("--password-stdin")},
                "whatever\n");
        QCOMPARE(r.code, 2);
        QVERIFY(!r.err.isEmpty());
        r = lab({QStringLiteral("mailbox"), QStringLiteral("add"), addr(QStringLiteral("nopw"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.errText().contains(QStringLiteral("--password-file")), qPrintable(r.describe()));
        r = lab({QStringLiteral("mailbox"), QStringLiteral("add"), addr(QStringLiteral("q")),
                 QStringLiteral("--quota"), QStringLiteral("lots"),
                 QStringLiteral("--password-stdin")},
                "x\n");
        QCOMPARE(r.code, 2);
        QCOMPARE(VmailTestDb::count(m_db,
                                    QStringLiteral("SELECT COUNT(*) FROM mailbox WHERE domain = ?"),
                                    {m_domain}),
                 1);
        // An existing mailbox: the operation fails (1).
        r = lab({QStringLiteral("mailbox"), QStringLiteral("add"), box,
                 QStringLiteral("--password-stdin")},
                "again\n");
        QCOMPARE(r.code, 1);
    }

    void aliasMembers() {
        const QString one = addr(QStringLiteral("m1"));
        const QString two = addr(QStringLiteral("m2"));
        for (const QString &m : {one, two}) {
            const Run r = lab({QStringLiteral("mailbox"), QStringLiteral("add"), m,
                               QStringLiteral("--password-stdin")},
                              "Member-pass-1\n");
            QVERIFY2(r.code == 0, qPrintable(r.describe()));
        }
        const QString alias = addr(QStringLiteral("alias"));
        Run r = lab({QStringLiteral("alias"), QStringLiteral("add"), alias,
                     QStringLiteral("--name"), QStringLiteral("CLI alias"), one});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        r = lab({QStringLiteral("alias"), QStringLiteral("members"), QStringLiteral("add"), alias,
                 two, QStringLiteral("Someone@Example.ORG")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        auto read = AliasRepository::getAlias(m_db, alias);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
        QStringList expected{one, two, QStringLiteral("someone@example.org")};
        expected.sort();
        QCOMPARE(read->members, expected);
        QCOMPARE(read->name, QStringLiteral("CLI alias"));

        r = lab({QStringLiteral("alias"), QStringLiteral("members"), QStringLiteral("remove"),
                 alias, one});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        read = AliasRepository::getAlias(m_db, alias);
        QVERIFY(read.ok());
        expected.removeAll(one);
        QCOMPARE(read->members, expected);

        // A member in this server's domain that does not exist: input error, nothing changed.
        r = lab({QStringLiteral("alias"), QStringLiteral("members"), QStringLiteral("add"), alias,
                 addr(QStringLiteral("nobody"))});
        QCOMPARE(r.code, 2);
        QVERIFY(!r.err.isEmpty());
        QCOMPARE(AliasRepository::getAlias(m_db, alias)->members, expected);

        r = lab(
            {QStringLiteral("alias"), QStringLiteral("list"), m_domain, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        const QJsonArray aliases = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(aliases.size(), 1);
        QJsonArray members = aliases.first()[QStringLiteral("members")].toArray();
        QCOMPARE(members.toVariantList().size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(members.at(i).toString(), expected.at(i));

        // Per-user forwarding, with and without a local copy.
        r = lab({QStringLiteral("forward"), QStringLiteral("set"), one,
                 QStringLiteral("Out@Example.ORG"), QStringLiteral("--keep-copy")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        auto forwarding = AliasRepository::getForwarding(m_db, one);
        QVERIFY(forwarding.ok());
        QCOMPARE(forwarding->destinations, QStringList{QStringLiteral("out@example.org")});
        QVERIFY(forwarding->keepLocalCopy);
        r = lab({QStringLiteral("forward"), QStringLiteral("clear"), one});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        forwarding = AliasRepository::getForwarding(m_db, one);
        QVERIFY(forwarding.ok());
        QVERIFY(forwarding->destinations.isEmpty());
        QVERIFY(forwarding->keepLocalCopy);

        r = lab({QStringLiteral("alias"), QStringLiteral("delete"), alias});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QVERIFY(!AliasRepository::getAlias(m_db, alias).ok());
    }

    // domain set, mailbox set, mailbox import: what the domain and mailbox editors and the CSV
    // import do, by column name; checked in the rows; bad input exits 2 and changes nothing.
    void domainAndMailboxSettingsAndImport() {
        Run r = lab({QStringLiteral("domain"), QStringLiteral("set"), m_domain,
                     QStringLiteral("--name"), QStringLiteral("CLI domain"),
                     QStringLiteral("--set"), QStringLiteral("mailboxes=50"),
                     QStringLiteral("--set"), QStringLiteral("maxquota=2048"),
                     QStringLiteral("--set"), QStringLiteral("default_user_quota=300")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(VmailTestDb::count(m_db,
                                    QStringLiteral("SELECT COUNT(*) FROM domain WHERE domain = ? "
                                                   "AND description = 'CLI domain' AND mailboxes "
                                                   "= 50 AND maxquota = 2048 AND settings LIKE "
                                                   "'%default_user_quota:300;%'"),
                                    {m_domain}),
                 1);
        for (const QString &bad : {QStringLiteral("mailboxes=-2"), QStringLiteral("nosuch=1"),
                                   QStringLiteral("aliases=many")}) {
            r = lab({QStringLiteral("domain"), QStringLiteral("set"), m_domain,
                     QStringLiteral("--set"), bad});
            QVERIFY2(r.code == 2, qPrintable(bad + u'\n' + r.describe()));
        }
        QCOMPARE(VmailTestDb::count(m_db,
                                    QStringLiteral("SELECT mailboxes FROM domain WHERE domain = ?"),
                                    {m_domain}),
                 50);

        // Two mailboxes from CSV on stdin; the default quota applies where none is given.
        const QString one = addr(QStringLiteral("csv1"));
        const QString two = addr(QStringLiteral("csv2"));
        const QByteArray csv = "address,password,name,quota\n" + one.toUtf8() +
                               ",Csv-secret-1x,One,100\n" + two.toUtf8() + ",Csv-secret-2x,Two,\n";
        r = lab({QStringLiteral("mailbox"), QStringLiteral("import"), QStringLiteral("-")}, csv);
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(VmailTestDb::count(
                     m_db, QStringLiteral("SELECT quota FROM mailbox WHERE username = ?"), {one}),
                 100);
        QCOMPARE(VmailTestDb::count(
                     m_db, QStringLiteral("SELECT quota FROM mailbox WHERE username = ?"), {two}),
                 300);
        QCOMPARE(VmailTestDb::count(m_db,
                                    QStringLiteral("SELECT COUNT(*) FROM forwardings WHERE "
                                                   "address = ? AND forwarding = ? AND "
                                                   "is_forwarding = 1"),
                                    {one, one}),
                 1);
        // One bad line: nothing created, the line named on stderr.
        const QString three = addr(QStringLiteral("csv3"));
        r = lab({QStringLiteral("mailbox"), QStringLiteral("import"),
                 writeFile(QStringLiteral("bad.csv"),
                           "address,password\n" + three.toUtf8() +
                               ",Csv-secret-3x\nnot an address,Csv-secret-4x\n")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.errText().contains(QStringLiteral("line 3")), qPrintable(r.describe()));
        QCOMPARE(
            VmailTestDb::count(
                m_db, QStringLiteral("SELECT COUNT(*) FROM mailbox WHERE username = ?"), {three}),
            0);

        r = lab({QStringLiteral("mailbox"), QStringLiteral("set"), one, QStringLiteral("--quota"),
                 QStringLiteral("512"), QStringLiteral("--set"), QStringLiteral("enablepop3=0"),
                 QStringLiteral("--set"), QStringLiteral("enablepop3secured=0"),
                 QStringLiteral("--set"), QStringLiteral("allow_nets=10.0.0.0/24"),
                 QStringLiteral("--set"), QStringLiteral("department=Sales")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(VmailTestDb::count(m_db,
                                    QStringLiteral("SELECT COUNT(*) FROM mailbox WHERE username = "
                                                   "? AND quota = 512 AND enablepop3 = 0 AND "
                                                   "enablepop3secured = 0 AND enableimap = 1 AND "
                                                   "allow_nets = '10.0.0.0/24' AND department = "
                                                   "'Sales' AND name = 'One'"),
                                    {one}),
                 1);
        // allow_nets empty: NULL, never '' (facts §1.3).
        r = lab({QStringLiteral("mailbox"), QStringLiteral("set"), one, QStringLiteral("--set"),
                 QStringLiteral("allow_nets=")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(VmailTestDb::count(m_db,
                                    QStringLiteral("SELECT COUNT(*) FROM mailbox WHERE username = "
                                                   "? AND allow_nets IS NULL"),
                                    {one}),
                 1);
        for (const QString &bad : {QStringLiteral("enableimap=yes"), QStringLiteral("quota=-1"),
                                   QStringLiteral("password=x")}) {
            r = lab({QStringLiteral("mailbox"), QStringLiteral("set"), one, QStringLiteral("--set"),
                     bad});
            QVERIFY2(r.code == 2, qPrintable(bad + u'\n' + r.describe()));
        }
        QCOMPARE(VmailTestDb::count(
                     m_db, QStringLiteral("SELECT quota FROM mailbox WHERE username = ?"), {one}),
                 512);
    }

    void domainListAndUsage() {
        Run r = lab({QStringLiteral("domain"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        bool found = false;
        for (const QJsonValue &d : QJsonDocument::fromJson(r.out).array())
            found = found || d[QStringLiteral("domain")].toString() == m_domain;
        QVERIFY(found);
        r = lab({QStringLiteral("domain"), QStringLiteral("list")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QVERIFY(r.outText().startsWith(QStringLiteral("domain\t")));
        QVERIFY(r.outText().contains(QLatin1Char('\n') + m_domain + QLatin1Char('\t')));

        // Usage errors exit 2 without connecting.
        r = cli({QStringLiteral("sql")});
        QCOMPARE(r.code, 2);
        r = cli({QStringLiteral("exec"), QStringLiteral("true")});
        QCOMPARE(r.code, 2); // no --profile
        r = lab({QStringLiteral("domain"), QStringLiteral("add"), QStringLiteral("bad domain!")});
        QCOMPARE(r.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliData)
#include "tst_cli_data.moc"
