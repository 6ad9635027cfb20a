// What MailDeck writes, seen by the lab's real Postfix and Dovecot over their own protocols:
// a new mailbox (and a migrated MD5-CRYPT one) logs in over IMAP and POP3, a changed password
// replaces the old one there, an alias made with the repository is accepted by Postfix and
// delivered into every member's Maildir, and a removed alias is rejected as unknown.

#include "../lab/LabClient.h"
#include "VmailTestDb.h"

#include "core/db/AliasRepository.h"
#include "core/db/DomainRepository.h"
#include "core/db/MailboxRepository.h"
#include "core/db/PasswordHash.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QThread>
#include <QUuid>
#include <QtTest/QTest>

using namespace maildeck;
using namespace maildeck::db;
using LabClient::Connection;

#define QVERIFY_OK(expr)                                                                           \
    do {                                                                                           \
        const auto &r_ = (expr);                                                                   \
        QVERIFY2(r_.ok(), qPrintable(r_.ok() ? QString() : r_.error().detail));                    \
    } while (false)

namespace {

// IMAP LOGIN over implicit TLS (993 style): true when the server says OK.
bool imapLogin(const QString &user, const QString &password) {
    Connection c;
    if (!c.open(LabEnv::port("LAB_IMAPS_PORT"), LabClient::homePc(), Connection::Tls::Implicit))
        return false;
    if (!c.readLine().startsWith("* OK"))
        return false;
    const QByteArray reply = c.imapCommand("a1", "LOGIN " + LabClient::imapQuote(user) + ' ' +
                                                     LabClient::imapQuote(password));
    c.imapCommand("a2", "LOGOUT");
    return reply.startsWith("a1 OK");
}

// POP3 USER/PASS over implicit TLS (995 style).
bool pop3Login(const QString &user, const QString &password) {
    Connection c;
    if (!c.open(LabEnv::port("LAB_POP3S_PORT"), LabClient::homePc(), Connection::Tls::Implicit))
        return false;
    if (!c.readLine().startsWith("+OK"))
        return false;
    c.send("USER " + user.toUtf8());
    if (!c.readLine().startsWith("+OK"))
        return false;
    c.send("PASS " + password.toUtf8());
    const bool ok = c.readLine().startsWith("+OK");
    c.send("QUIT");
    return ok;
}

// Waits (up to 30 s) for a line of the lab's mail log that matches `re`.
bool logHas(const QRegularExpression &re) {
    QDeadlineTimer deadline(30000);
    do {
        QFile f(LabEnv::value("LAB_MAILLOG"));
        if (f.open(QIODevice::ReadOnly) && re.match(QString::fromUtf8(f.readAll())).hasMatch())
            return true;
        QThread::msleep(200);
    } while (!deadline.hasExpired());
    return false;
}

// The messages (Maildir new/ and cur/ files; not Dovecot's index and cache files) below the
// domain's mail storage whose content contains `needle`.
QStringList filesContaining(const QString &domain, const QByteArray &needle) {
    QStringList found;
    const QString root =
        LabEnv::value("LAB_VMAIL_DIR") + u'/' + LabEnv::value("LAB_STORAGE_NODE") + u'/' + domain;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        const QString dir = it.fileInfo().dir().dirName();
        if (dir != QLatin1String("new") && dir != QLatin1String("cur"))
            continue;
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            found << f.fileName();
    }
    return found;
}

} // namespace

class TestDbDelivery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        m_db = VmailTestDb::open(QStringLiteral("delivery"));
        QVERIFY2(m_db.isOpen(), qPrintable(m_db.lastError().text()));
        m_domain = VmailTestDb::uniqueDomain(QStringLiteral("delivery"));
        QVERIFY_OK(DomainRepository::create(m_db, m_domain, QStringLiteral("MailDeck delivery")));
    }

    void cleanupTestCase() {
        if (m_db.isOpen() && !m_domain.isEmpty()) {
            auto plan = DomainRepository::planDeletion(m_db, m_domain);
            QVERIFY_OK(plan);
            QVERIFY_OK(DomainRepository::remove(m_db, *plan));
            VmailTestDb::execSql(
                m_db, QStringLiteral("DELETE FROM deleted_mailboxes WHERE domain = ?"), {m_domain});
        }
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("delivery"));
    }

    void newMailboxLogsInOverImapAndPop3() {
        NewMailbox n;
        n.address = QStringLiteral("reader@") + m_domain;
        n.password = QStringLiteral("Imap-Pop3 secret 1");
        QVERIFY_OK(MailboxRepository::create(m_db, n));
        QVERIFY(imapLogin(n.address, n.password));
        QVERIFY(pop3Login(n.address, n.password));
        QVERIFY(!imapLogin(n.address, n.password + u'x'));
        QVERIFY(!pop3Login(n.address, n.password + u'x'));

        // A changed password: the new one works over both protocols, the old one no more.
        const QString changed = QStringLiteral("Changed secret 2");
        QVERIFY_OK(
            MailboxRepository::setPassword(m_db, n.address, changed, PasswordScheme::BlfCrypt));
        QVERIFY(imapLogin(n.address, changed));
        QVERIFY(pop3Login(n.address, changed));
        QVERIFY(!imapLogin(n.address, n.password));
        QVERIFY(!pop3Login(n.address, n.password));
    }

    void migratedMd5CryptLogsIn() {
        NewMailbox n;
        n.address = QStringLiteral("vpop@") + m_domain;
        n.passwordHash = QStringLiteral("$1$abcdefgh$KJTKo1JC7CvwWuhngVsGU0"); // "vpop mail"
        QVERIFY_OK(MailboxRepository::create(m_db, n));
        QVERIFY(imapLogin(n.address, QStringLiteral("vpop mail")));
        QVERIFY(pop3Login(n.address, QStringLiteral("vpop mail")));
    }

    void aliasDeliversToEveryMemberThenIsGone() {
        QStringList members;
        for (const char *local : {"ann", "ben"}) {
            NewMailbox n;
            n.address = QLatin1String(local) + u'@' + m_domain;
            n.password = QStringLiteral("Member secret 3");
            QVERIFY_OK(MailboxRepository::create(m_db, n));
            members << n.address;
        }
        const QString alias = QStringLiteral("team@") + m_domain;
        QVERIFY_OK(AliasRepository::createAlias(m_db, alias, QStringLiteral("Team"), members));

        const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        Connection c;
        QVERIFY2(c.open(LabEnv::port("LAB_SMTP_PORT"), LabClient::outsideMta()),
                 qPrintable(c.error()));
        QVERIFY(c.smtpReply().startsWith("220 "));
        QVERIFY(c.smtpCommand("EHLO mail.partner.test").startsWith("250 "));
        QVERIFY(c.smtpCommand("MAIL FROM:<news@partner.test>").startsWith("250"));
        const QByteArray rcpt = c.smtpCommand("RCPT TO:<" + alias.toUtf8() + ">");
        QVERIFY2(rcpt.startsWith("250"), rcpt.constData());
        QVERIFY(c.smtpCommand("DATA").startsWith("354"));
        c.send("From: <news@partner.test>\r\nTo: <" + alias.toUtf8() + ">\r\nSubject: " + id +
               "\r\nMessage-ID: <" + id + "@partner.test>\r\n\r\nTo the team.\r\n.");
        const QByteArray queued = c.smtpReply();
        QVERIFY2(queued.startsWith("250 2.0.0 Ok: queued as "), queued.constData());
        c.smtpCommand("QUIT");
        const QString qid = QString::fromLatin1(queued.mid(queued.lastIndexOf(' ') + 1));
        for (const QString &m : std::as_const(members)) {
            QVERIFY2(
                logHas(QRegularExpression(QStringLiteral("%1: to=<%2>, orig_to=<%3>, .*status=sent")
                                              .arg(qid, QRegularExpression::escape(m),
                                                   QRegularExpression::escape(alias)))),
                qPrintable(QStringLiteral("no delivery to ") + m));
        }
        // One copy in each member's Maildir, none anywhere else.
        const QStringList files = filesContaining(m_domain, "Message-ID: <" + id);
        QCOMPARE(files.size(), 2);
        for (const QString &m : std::as_const(members)) {
            const QString local = m.section(u'@', 0, 0);
            QVERIFY2(std::any_of(files.cbegin(), files.cend(),
                                 [&](const QString &f) {
                                     return f.contains(u'/' + local) && f.contains(u"/Maildir/"_qs);
                                 }),
                     qPrintable(files.join(u", "_qs)));
        }

        // Removed: Postfix rejects the address as unknown.
        QVERIFY_OK(AliasRepository::removeAlias(m_db, alias));
        Connection again;
        QVERIFY(again.open(LabEnv::port("LAB_SMTP_PORT"), LabClient::outsideMta()));
        QVERIFY(again.smtpReply().startsWith("220 "));
        QVERIFY(again.smtpCommand("EHLO mail.partner.test").startsWith("250 "));
        QVERIFY(again.smtpCommand("MAIL FROM:<news@partner.test>").startsWith("250"));
        const QByteArray gone = again.smtpCommand("RCPT TO:<" + alias.toUtf8() + ">");
        QVERIFY2(gone.startsWith("550 5.1.1"), gone.constData());
        QVERIFY2(gone.contains("User unknown"), gone.constData());
        again.smtpCommand("QUIT");
    }

private:
    QSqlDatabase m_db;
    QString m_domain;
};

QTEST_GUILESS_MAIN(TestDbDelivery)
#include "tst_db_delivery.moc"
