// maildeck-cli's list commands against the lab (see CliLab.h), in a domain of the test's own
// (made and removed with core's repositories): a list is created, gets 2 000 subscribers from a
// file and mlmmj-list on the server prints exactly those; unsubscribe, bad input, delete.

#include "CliLab.h"

#include "core/db/DomainRepository.h"
#include "core/db/MailboxRepository.h"

using namespace maildeck::db;

class TestCliLists : public CliLab {
    Q_OBJECT

    QString m_owner;

private Q_SLOTS:
    void initTestCase() {
        setUp(QStringLiteral("cli-lists"));
        maildeck::Status s =
            DomainRepository::create(m_db, m_domain, QStringLiteral("maildeck-cli lists"));
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        m_domainMade = true;
        // The list's owner must exist in the list's domain.
        NewMailbox owner;
        owner.address = m_owner = addr(QStringLiteral("owner"));
        owner.password = QStringLiteral("Owner-pass-1");
        s = MailboxRepository::create(m_db, owner);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
    }

    void cleanupTestCase() {
        if (m_domainMade) {
            auto plan = DomainRepository::planDeletion(m_db, m_domain);
            QVERIFY(plan.ok());
            QVERIFY(DomainRepository::remove(m_db, *plan).ok());
            VmailTestDb::execSql(
                m_db, QStringLiteral("DELETE FROM deleted_mailboxes WHERE domain = ?"), {m_domain});
        }
        closeDb(QStringLiteral("cli-lists"));
    }

    void listWithTwoThousandSubscribers() {
        const QString list = addr(QStringLiteral("list"));
        Run r =
            lab({QStringLiteral("list"), QStringLiteral("create"), list, QStringLiteral("--name"),
                 QStringLiteral("CLI list"), QStringLiteral("--owner"), m_owner});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(
            VmailTestDb::count(
                m_db, QStringLiteral("SELECT COUNT(*) FROM maillists WHERE address = ?"), {list}),
            1);

        QStringList members;
        QByteArray file = "# subscribers\n";
        for (int i = 0; i < 2000; ++i) {
            members << QStringLiteral("sub%1-%2@example.org")
                           .arg(i, 4, 10, QLatin1Char('0'))
                           .arg(m_tag);
            file += members.last().toUtf8() + '\n';
        }
        members.sort();
        const QString path = writeFile(QStringLiteral("subscribers.txt"), file);
        r = lab({QStringLiteral("list"), QStringLiteral("subscribe"), list,
                 QStringLiteral("--from-file"), path});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QVERIFY2(r.errText().contains(QStringLiteral("2000")),
                 qPrintable(r.describe())); // progress

        const QString dir = LabEnv::value("LAB_MLMMJ_SPOOL") + QLatin1Char('/') + m_domain +
                            QStringLiteral("/clitest-list-") + m_tag;
        r = lab({QStringLiteral("exec"), QStringLiteral("--sudo"),
                 QStringLiteral("mlmmj-list -L '%1'").arg(dir)});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QStringList listed = r.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        listed.sort();
        QCOMPARE(listed.size(), members.size());
        QCOMPARE(listed, members);

        r = lab({QStringLiteral("list"), QStringLiteral("members"), list});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QStringList shown = r.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        shown.sort();
        QCOMPARE(shown, members);

        // From stdin, one more; unsubscribe two.
        const QString extra = QStringLiteral("extra-%1@example.org").arg(m_tag);
        r = lab({QStringLiteral("list"), QStringLiteral("subscribe"), list,
                 QStringLiteral("--from-file"), QStringLiteral("-")},
                extra.toUtf8() + '\n');
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        r = lab({QStringLiteral("list"), QStringLiteral("unsubscribe"), list, members.at(0),
                 members.at(1)});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        r = lab(
            {QStringLiteral("list"), QStringLiteral("members"), list, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        const QJsonArray normal =
            QJsonDocument::fromJson(r.out).object()[QStringLiteral("normal")].toArray();
        QCOMPARE(normal.size(), 2000 - 2 + 1);
        QVERIFY(normal.contains(extra));
        QVERIFY(!normal.contains(members.at(0)));

        // A bad address in the file: exit 2, nothing sent.
        const QString bad = writeFile(QStringLiteral("bad.txt"),
                                      "ok-" + m_tag.toUtf8() + "@example.org\nnot an address\n");
        r = lab({QStringLiteral("list"), QStringLiteral("subscribe"), list,
                 QStringLiteral("--from-file"), bad});
        QCOMPARE(r.code, 2);

        r = lab({QStringLiteral("list"), QStringLiteral("delete"), list});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        r = lab({QStringLiteral("exec"), QStringLiteral("--sudo"),
                 QStringLiteral("test -e '%1'").arg(dir)});
        QCOMPARE(r.code, 1);
        QCOMPARE(
            VmailTestDb::count(
                m_db, QStringLiteral("SELECT COUNT(*) FROM maillists WHERE address = ?"), {list}),
            0);
        QCOMPARE(
            VmailTestDb::count(
                m_db, QStringLiteral("SELECT COUNT(*) FROM forwardings WHERE address = ?"), {list}),
            0);
    }
};

QTEST_GUILESS_MAIN(TestCliLists)
#include "tst_cli_lists.moc"
