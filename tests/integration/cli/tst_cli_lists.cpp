// maildeck-cli's list commands against the lab (see CliLab.h), in a domain of the test's own
// (made and removed with core's repositories): a list is created, gets 2 000 subscribers from a
// file and mlmmj-list on the server prints exactly those; unsubscribe, bad input, delete; list
// set changes a list after creation (control files and rows).

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
    // list set after creation: description (maillists.description), who may post, a setting
    // by mlmmjadmin's name, moderators; the control files on the server and the rows change
    // together; bad input changes nothing.
    void listSettingsAfterCreation() {
        const QString list = addr(QStringLiteral("settings"));
        Run r = lab({QStringLiteral("list"), QStringLiteral("create"), list,
                     QStringLiteral("--owner"), m_owner});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        const QString description = QStringLiteral("Weekly news – für alle %1").arg(m_tag);
        r = lab({QStringLiteral("list"), QStringLiteral("set"), list, QStringLiteral("--name"),
                 QStringLiteral("CLI News"), QStringLiteral("--description"), description,
                 QStringLiteral("--post-policy"), QStringLiteral("moderators"),
                 QStringLiteral("--moderator"), m_owner, QStringLiteral("--set"),
                 QStringLiteral("subject_prefix=[cli]"), QStringLiteral("--set"),
                 QStringLiteral("disable_archive=yes")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(VmailTestDb::count(m_db,
                                    QStringLiteral("SELECT COUNT(*) FROM maillists WHERE address = "
                                                   "? AND description = ? AND name = ? AND "
                                                   "accesspolicy = 'moderatorsonly'"),
                                    {list, description, QStringLiteral("CLI News")}),
                 1);
        QCOMPARE(VmailTestDb::count(m_db,
                                    QStringLiteral("SELECT COUNT(*) FROM moderators WHERE address "
                                                   "= ? AND moderator = ?"),
                                    {list, m_owner}),
                 1);
        const QString control = LabEnv::value("LAB_MLMMJ_SPOOL") + QLatin1Char('/') + m_domain +
                                QStringLiteral("/clitest-settings-") + m_tag +
                                QStringLiteral("/control/");
        auto onServer = [&](const QString &command) {
            return lab({QStringLiteral("exec"), QStringLiteral("--sudo"), command});
        };
        r = onServer(QStringLiteral("cat '%1prefix'").arg(control));
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(r.outText().trimmed(), QStringLiteral("[cli]"));
        QCOMPARE(onServer(QStringLiteral("test -e '%1modonlypost'").arg(control)).code, 0);
        QCOMPARE(onServer(QStringLiteral("test -e '%1subonlypost'").arg(control)).code, 1);
        QCOMPARE(onServer(QStringLiteral("test -e '%1noarchive'").arg(control)).code, 0);
        r = onServer(QStringLiteral("cat '%1moderators'").arg(control));
        QCOMPARE(r.outText().trimmed(), m_owner);

        r = lab({QStringLiteral("list"), QStringLiteral("show"), list, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        const QJsonObject shown = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(shown[QStringLiteral("description")].toString(), description);
        QCOMPARE(shown[QStringLiteral("post_policy")].toString(), QStringLiteral("moderators"));
        const QJsonObject settings = shown[QStringLiteral("settings")].toObject();
        QCOMPARE(settings[QStringLiteral("only_moderator_can_post")].toString(),
                 QStringLiteral("yes"));
        QCOMPARE(settings[QStringLiteral("subject_prefix")].toString(), QStringLiteral("[cli]"));
        QCOMPARE(settings[QStringLiteral("disable_archive")].toString(), QStringLiteral("yes"));

        // Bad input: exit 2, nothing written.
        for (const QStringList &bad :
             {QStringList{QStringLiteral("--set"), QStringLiteral("no_such_setting=1")},
              QStringList{QStringLiteral("--set"), QStringLiteral("moderated=perhaps")},
              QStringList{QStringLiteral("--post-policy"), QStringLiteral("everyone")},
              QStringList{QStringLiteral("--set"), QStringLiteral("subject_prefix=[x]"),
                          QStringLiteral("--owner"), QStringLiteral("not an address")},
              QStringList{}}) {
            r = lab(QStringList{QStringLiteral("list"), QStringLiteral("set"), list} + bad);
            QVERIFY2(r.code == 2, qPrintable(bad.join(u' ') + u'\n' + r.describe()));
        }
        r = onServer(QStringLiteral("cat '%1prefix'").arg(control));
        QCOMPARE(r.outText().trimmed(), QStringLiteral("[cli]"));

        // Only the description: the row changes, the files stay.
        r = lab({QStringLiteral("list"), QStringLiteral("set"), list,
                 QStringLiteral("--description"), QString()});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(VmailTestDb::count(m_db,
                                    QStringLiteral("SELECT COUNT(*) FROM maillists WHERE address = "
                                                   "? AND description = '' AND accesspolicy = "
                                                   "'moderatorsonly'"),
                                    {list}),
                 1);

        // Digest subscribers, as the subscribers dialog adds them.
        const QString reader = QStringLiteral("digest-%1@example.org").arg(m_tag);
        r = lab({QStringLiteral("list"), QStringLiteral("subscribe"), list, reader,
                 QStringLiteral("--kind"), QStringLiteral("digest")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        r = lab(
            {QStringLiteral("list"), QStringLiteral("members"), list, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        const QJsonObject kinds = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(kinds[QStringLiteral("digest")].toArray(), QJsonArray{reader});
        QVERIFY(kinds[QStringLiteral("normal")].toArray().isEmpty());
        r = lab({QStringLiteral("list"), QStringLiteral("subscribe"), list, reader,
                 QStringLiteral("--kind"), QStringLiteral("weekly")});
        QCOMPARE(r.code, 2);

        r = lab({QStringLiteral("list"), QStringLiteral("delete"), list});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCliLists)
#include "tst_cli_lists.moc"
