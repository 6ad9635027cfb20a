// maildeck-cli's alias-domain, catchall, mailbox alias and alias set/enable/disable commands
// against the lab (see CliLab.h), in a domain the test makes with "domain add" and removes with
// "domain delete --yes". Each command is checked by the rows it leaves in the lab's vmail
// database (read with the test's own connection) and, for alias domains, catch-all and alias
// addresses, by what the lab's Postfix answers to RCPT TO.

#include "../lab/LabClient.h"
#include "CliLab.h"

using LabClient::Connection;

class TestCliAliases : public CliLab {
    Q_OBJECT

    QString m_box;
    QString m_aliasDomain;

    // What Postfix answers to RCPT TO:<address> from an outside MTA (the last reply line).
    QByteArray rcpt(const QString &address) {
        Connection c;
        if (!c.open(LabEnv::port("LAB_SMTP_PORT"), LabClient::outsideMta()))
            return "connect: " + c.error().toUtf8();
        if (!c.smtpReply().startsWith("220 "))
            return "no greeting";
        if (!c.smtpCommand("EHLO mail.partner.test").startsWith("250 "))
            return "EHLO refused";
        if (!c.smtpCommand("MAIL FROM:<news@partner.test>").startsWith("250"))
            return "MAIL FROM refused";
        const QByteArray reply = c.smtpCommand("RCPT TO:<" + address.toUtf8() + ">");
        c.smtpCommand("QUIT");
        return reply;
    }

    int rows(const QString &sql, const QVariantList &binds) {
        return VmailTestDb::count(m_db, sql, binds);
    }

private Q_SLOTS:
    void initTestCase() {
        setUp(QStringLiteral("cli-aliases"));
        m_aliasDomain = QStringLiteral("clitest-alias-%1.maildeck.test").arg(m_tag);
        // Leftovers of earlier runs that died before their cleanup.
        VmailTestDb::execSql(m_db,
                             QStringLiteral("DELETE FROM alias_domain WHERE alias_domain LIKE "
                                            "'clitest-alias-%.maildeck.test' AND target_domain "
                                            "NOT IN (SELECT domain FROM domain)"));
        Run r = lab({QStringLiteral("domain"), QStringLiteral("add"), m_domain});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        m_domainMade = true;
        m_box = addr(QStringLiteral("box"));
        const QString pw = writeFile(QStringLiteral("pw"), "Cli-aliases-" + m_tag.toUtf8() + "\n");
        r = lab({QStringLiteral("mailbox"), QStringLiteral("add"), m_box,
                 QStringLiteral("--password-file"), pw});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
    }

    void cleanupTestCase() {
        if (m_domainMade) {
            lab({QStringLiteral("alias-domain"), QStringLiteral("remove"), m_aliasDomain});
            const Run r = lab({QStringLiteral("domain"), QStringLiteral("delete"), m_domain,
                               QStringLiteral("--yes")});
            QVERIFY2(r.code == 0, qPrintable(r.describe()));
            VmailTestDb::execSql(
                m_db, QStringLiteral("DELETE FROM deleted_mailboxes WHERE domain = ?"), {m_domain});
            QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM alias_domain WHERE alias_domain = ? "
                                         "OR target_domain = ?"),
                          {m_aliasDomain, m_domain}),
                     0);
        }
        closeDb(QStringLiteral("cli-aliases"));
    }

    void aliasDomain() {
        const QString viaAlias = m_box.section(QLatin1Char('@'), 0, 0) + u'@' + m_aliasDomain;
        // Each RCPT below names another address: an smtpd process keeps the last address
        // resolution it asked trivial-rewrite for, so asking again for the same address in the
        // same process would get the answer from before the change.
        QByteArray reply = rcpt(QStringLiteral("before-%1@%2").arg(m_tag, m_aliasDomain));
        QVERIFY2(reply.contains("Relay access denied"), reply.constData()); // not a domain here

        Run r =
            lab({QStringLiteral("alias-domain"), QStringLiteral("add"), m_aliasDomain, m_domain});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM alias_domain WHERE alias_domain = ? AND "
                                     "target_domain = ? AND active = 1"),
                      {m_aliasDomain, m_domain}),
                 1);
        r = lab({QStringLiteral("alias-domain"), QStringLiteral("list"), m_domain,
                 QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        const QJsonArray listed = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0)[QStringLiteral("alias_domain")].toString(), m_aliasDomain);
        QCOMPARE(listed.at(0)[QStringLiteral("target_domain")].toString(), m_domain);

        // Postfix: the mailbox's local part at the alias domain is accepted; an unknown one not.
        reply = rcpt(viaAlias);
        QVERIFY2(reply.startsWith("250"), reply.constData());
        reply = rcpt(QStringLiteral("nobody-%1@%2").arg(m_tag, m_aliasDomain));
        QVERIFY2(reply.startsWith("550 5.1.1"), reply.constData());

        // Twice, a loop, a target that is not a domain here: refused, nothing written.
        r = lab({QStringLiteral("alias-domain"), QStringLiteral("add"), m_aliasDomain, m_domain});
        QCOMPARE(r.code, 1);
        r = lab({QStringLiteral("alias-domain"), QStringLiteral("add"), m_domain, m_domain});
        QCOMPARE(r.code, 2);
        r = lab({QStringLiteral("alias-domain"), QStringLiteral("add"), m_aliasDomain,
                 QStringLiteral("not a domain")});
        QCOMPARE(r.code, 2);
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM alias_domain WHERE alias_domain = ? OR "
                                     "alias_domain = ?"),
                      {m_aliasDomain, m_domain}),
                 1);

        r = lab({QStringLiteral("alias-domain"), QStringLiteral("remove"), m_aliasDomain});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM alias_domain WHERE alias_domain = ?"),
                      {m_aliasDomain}),
                 0);
        reply = rcpt(QStringLiteral("after-%1@%2").arg(m_tag, m_aliasDomain));
        QVERIFY2(reply.contains("Relay access denied"), reply.constData()); // not a domain here
        r = lab({QStringLiteral("alias-domain"), QStringLiteral("remove"), m_aliasDomain});
        QCOMPARE(r.code, 1); // not there any more
    }

    void catchAll() {
        const QString unknown = QStringLiteral("nobody-%1@%2").arg(m_tag, m_domain);
        QByteArray reply = rcpt(unknown);
        QVERIFY2(reply.startsWith("550 5.1.1"), reply.constData());

        Run r = lab({QStringLiteral("catchall"), QStringLiteral("set"), m_domain, m_box});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        // The row iRedMail's docs write: address = the bare domain, no flag.
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM forwardings WHERE address = ? AND "
                                     "forwarding = ? AND domain = ? AND dest_domain = ? AND "
                                     "is_forwarding = 0 AND is_alias = 0 AND is_list = 0 AND "
                                     "is_maillist = 0 AND active = 1"),
                      {m_domain, m_box, m_domain, m_domain}),
                 1);
        r = lab({QStringLiteral("catchall"), QStringLiteral("show"), m_domain,
                 QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(QJsonDocument::fromJson(r.out)[QStringLiteral("destinations")].toArray(),
                 QJsonArray{m_box});
        reply = rcpt(unknown);
        QVERIFY2(reply.startsWith("250"), reply.constData());

        // A destination here that does not exist: refused, the catch-all stays as it was.
        r = lab({QStringLiteral("catchall"), QStringLiteral("set"), m_domain,
                 addr(QStringLiteral("missing"))});
        QVERIFY(r.code != 0);
        QCOMPARE(
            rows(QStringLiteral("SELECT COUNT(*) FROM forwardings WHERE address = ?"), {m_domain}),
            1);

        r = lab({QStringLiteral("catchall"), QStringLiteral("clear"), m_domain});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(
            rows(QStringLiteral("SELECT COUNT(*) FROM forwardings WHERE address = ?"), {m_domain}),
            0);
        reply = rcpt(unknown);
        QVERIFY2(reply.startsWith("550 5.1.1"), reply.constData());
    }

    void mailboxAliases() {
        const QString a1 = addr(QStringLiteral("a1"));
        const QString a2 = addr(QStringLiteral("a2"));
        QByteArray reply = rcpt(a1);
        QVERIFY2(reply.startsWith("550 5.1.1"), reply.constData());

        Run r = lab({QStringLiteral("mailbox"), QStringLiteral("alias"), QStringLiteral("add"),
                     m_box, a1, a2});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        for (const QString &a : {a1, a2})
            QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM forwardings WHERE address = ? AND "
                                         "forwarding = ? AND domain = ? AND dest_domain = ? AND "
                                         "is_alias = 1 AND is_forwarding = 0 AND is_list = 0 AND "
                                         "is_maillist = 0 AND active = 1"),
                          {a, m_box, m_domain, m_domain}),
                     1);
        reply = rcpt(a1);
        QVERIFY2(reply.startsWith("250"), reply.constData());

        r = lab({QStringLiteral("mailbox"), QStringLiteral("alias"), QStringLiteral("list"), m_box,
                 QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QStringList listed;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            listed << v[QStringLiteral("address")].toString();
        listed.sort();
        QCOMPARE(listed, (QStringList{a1, a2}));

        // One address in use (a1) among new ones: nothing is added.
        const QString a3 = addr(QStringLiteral("a3"));
        r = lab({QStringLiteral("mailbox"), QStringLiteral("alias"), QStringLiteral("add"), m_box,
                 a3, a1});
        QVERIFY(r.code != 0);
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM forwardings WHERE address = ?"), {a3}),
                 0);
        // Another domain, the mailbox itself: usage errors.
        r = lab({QStringLiteral("mailbox"), QStringLiteral("alias"), QStringLiteral("add"), m_box,
                 QStringLiteral("x-%1@example.org").arg(m_tag)});
        QCOMPARE(r.code, 2);
        r = lab({QStringLiteral("mailbox"), QStringLiteral("alias"), QStringLiteral("add"), m_box,
                 m_box});
        QCOMPARE(r.code, 2);

        // Not an alias of this mailbox: refused, nothing removed.
        r = lab({QStringLiteral("mailbox"), QStringLiteral("alias"), QStringLiteral("remove"),
                 m_box, a1, a3});
        QCOMPARE(r.code, 1);
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM forwardings WHERE address = ?"), {a1}),
                 1);
        r = lab({QStringLiteral("mailbox"), QStringLiteral("alias"), QStringLiteral("remove"),
                 m_box, a1, a2});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM forwardings WHERE address IN (?, ?)"),
                      {a1, a2}),
                 0);
        reply = rcpt(a1);
        QVERIFY2(reply.startsWith("550 5.1.1"), reply.constData());
    }

    void aliasSettings() {
        const QString team = addr(QStringLiteral("team"));
        Run r = lab({QStringLiteral("alias"), QStringLiteral("add"), team, m_box});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        r = lab({QStringLiteral("alias"), QStringLiteral("set"), team, QStringLiteral("--name"),
                 QStringLiteral("Team"), QStringLiteral("--access-policy"),
                 QStringLiteral("moderatorsonly"), QStringLiteral("--moderator"),
                 QStringLiteral("*@Bücher.example"), QStringLiteral("--moderator"), m_box});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM alias WHERE address = ? AND name = ? "
                                     "AND accesspolicy = 'moderatorsonly' AND active = 1"),
                      {team, QStringLiteral("Team")}),
                 1);
        // The wildcard is stored in punycode, as iRedAPD compares it.
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM moderators WHERE address = ? AND "
                                     "moderator = ? AND domain = ?"),
                      {team, QStringLiteral("*@xn--bcher-kva.example"), m_domain}),
                 1);
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM moderators WHERE address = ?"), {team}),
                 2);
        // The members are untouched.
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM forwardings WHERE address = ? AND "
                                     "forwarding = ? AND is_list = 1"),
                      {team, m_box}),
                 1);

        // Bad input: exit 2, nothing changed.
        r = lab({QStringLiteral("alias"), QStringLiteral("set"), team,
                 QStringLiteral("--access-policy"), QStringLiteral("everybody")});
        QCOMPARE(r.code, 2);
        r = lab({QStringLiteral("alias"), QStringLiteral("set"), team,
                 QStringLiteral("--moderator"), QStringLiteral("*@not a domain")});
        QCOMPARE(r.code, 2);
        r = lab({QStringLiteral("alias"), QStringLiteral("set"), team});
        QCOMPARE(r.code, 2);
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM moderators WHERE address = ?"), {team}),
                 2);

        // --moderator '' clears; disable / enable.
        r = lab({QStringLiteral("alias"), QStringLiteral("set"), team,
                 QStringLiteral("--moderator"), QString()});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(rows(QStringLiteral("SELECT COUNT(*) FROM moderators WHERE address = ?"), {team}),
                 0);
        r = lab({QStringLiteral("alias"), QStringLiteral("disable"), team});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(rows(QStringLiteral("SELECT active FROM alias WHERE address = ?"), {team}), 0);
        r = lab({QStringLiteral("alias"), QStringLiteral("enable"), team});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(rows(QStringLiteral("SELECT active FROM alias WHERE address = ?"), {team}), 1);
        r = lab({QStringLiteral("alias"), QStringLiteral("delete"), team});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCliAliases)
#include "tst_cli_aliases.moc"
