// The lab's Postfix behaves like iRedMail's towards outside clients: mail for a seeded alias is
// accepted and delivered to its members through Dovecot, an unknown user is refused with
// 550 5.1.1, relaying is refused on the SMTP port, submission demands TLS before AUTH and then
// accepts a seeded user.

#include "LabClient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QThread>
#include <QUuid>
#include <QtTest/QTest>

using LabClient::Connection;

namespace {

QJsonObject mailboxOf(const QJsonObject &manifest, const QString &email) {
    for (const QJsonValue &v : manifest.value(u"mailboxes"_qs).toArray())
        if (v.toObject().value(u"email"_qs).toString() == email)
            return v.toObject();
    return {};
}

// Waits (up to 20 s) until the mail log has a line matching `re`; returns it.
QString waitForLogLine(const QRegularExpression &re) {
    QDeadlineTimer deadline(20000);
    do {
        QFile f(LabEnv::value("LAB_MAILLOG"));
        if (f.open(QIODevice::ReadOnly)) {
            const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
            for (const QString &line : lines)
                if (re.match(line).hasMatch())
                    return line;
        }
        QThread::msleep(200);
    } while (!deadline.hasExpired());
    return {};
}

} // namespace

class TestLabPostfix : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acceptsMailForSeededAlias();
    void rejectsUnknownUser();
    void refusesRelayOnSmtpPort();
    void submissionRequiresTlsThenAcceptsSeededUser();

private:
    // Opens an SMTP session from `source` to `portVar` and says EHLO.
    bool greet(Connection &c, const char *portVar, const QString &source, const QByteArray &helo);

    QJsonObject m_manifest;
    QString m_alias;
    QStringList m_aliasMembers;
    QString m_user;
    QString m_userPassword;
    QString m_domain;
};

void TestLabPostfix::initTestCase() {
    LAB_REQUIRE();
    m_manifest = LabEnv::manifest();
    QVERIFY2(!m_manifest.isEmpty(), "the seed manifest is not readable");
    QStringList hosted;
    for (const QJsonValue &d : m_manifest.value(u"domains"_qs).toArray())
        hosted << d.toObject().value(u"domain"_qs).toString();
    // An alias whose members are all hosted here, so every copy is delivered locally.
    for (const QJsonValue &v : m_manifest.value(u"aliases"_qs).toArray()) {
        const QJsonObject a = v.toObject();
        QStringList members;
        for (const QJsonValue &mv : a.value(u"members"_qs).toArray())
            members << mv.toString();
        const bool local = !members.isEmpty() && std::all_of(members.cbegin(), members.cend(),
            [&](const QString &m) { return hosted.contains(m.section(u'@', 1)); });
        if (local && a.value(u"active"_qs).toBool(true)) {
            m_alias = a.value(u"address"_qs).toString();
            m_aliasMembers = members;
            break;
        }
    }
    QVERIFY2(!m_alias.isEmpty(), "no seeded alias with only local members");
    m_user = m_manifest.value(u"examples"_qs).toObject().value(u"ssha512_user"_qs).toString();
    m_userPassword = mailboxOf(m_manifest, m_user).value(u"password"_qs).toString();
    QVERIFY(!m_userPassword.isEmpty());
    m_domain = m_user.section(u'@', 1);
}

bool TestLabPostfix::greet(Connection &c, const char *portVar, const QString &source,
                           const QByteArray &helo) {
    if (!c.open(LabEnv::port(portVar), source))
        return false;
    if (!c.smtpReply().startsWith("220 "))
        return false;
    return c.smtpCommand("EHLO " + helo).startsWith("250 ");
}

void TestLabPostfix::acceptsMailForSeededAlias() {
    Connection c;
    QVERIFY2(greet(c, "LAB_SMTP_PORT", LabClient::outsideMta(), "mail.partner.test"),
             qPrintable(c.error()));
    QCOMPARE(c.smtpCommand("MAIL FROM:<newsletter@partner.test>").left(3), QByteArray("250"));
    const QByteArray rcpt = c.smtpCommand("RCPT TO:<" + m_alias.toUtf8() + ">");
    QVERIFY2(rcpt.startsWith("250"), rcpt.constData());
    QVERIFY(c.smtpCommand("DATA").startsWith("354"));
    const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    c.send("From: <newsletter@partner.test>\r\nTo: <" + m_alias.toUtf8() +
           ">\r\nSubject: tst_lab_postfix " + id + "\r\nMessage-ID: <" + id +
           "@partner.test>\r\n\r\nHello from the MailDeck lab test.\r\n.");
    const QByteArray queued = c.smtpReply();
    QVERIFY2(queued.startsWith("250 2.0.0 Ok: queued as "), queued.constData());
    const QString qid = QString::fromLatin1(queued.mid(queued.lastIndexOf(' ') + 1));
    c.smtpCommand("QUIT");

    // Every member gets a copy through the `dovecot` transport (iRedMail's LDA pipe).
    for (const QString &member : std::as_const(m_aliasMembers)) {
        const QRegularExpression re(QStringLiteral("%1: to=<%2>, orig_to=<%3>, relay=dovecot, .*status=sent")
                                        .arg(qid, QRegularExpression::escape(member),
                                             QRegularExpression::escape(m_alias)));
        QVERIFY2(!waitForLogLine(re).isEmpty(), qPrintable(u"no delivery to "_qs + member));
    }
}

void TestLabPostfix::rejectsUnknownUser() {
    Connection c;
    QVERIFY2(greet(c, "LAB_SMTP_PORT", LabClient::outsideMta(), "mail.partner.test"),
             qPrintable(c.error()));
    QVERIFY(c.smtpCommand("MAIL FROM:<newsletter@partner.test>").startsWith("250"));
    const QByteArray to = "nosuchuser-" + QUuid::createUuid().toByteArray(QUuid::Id128).left(8) + "@" +
                          m_domain.toUtf8();
    const QByteArray reply = c.smtpCommand("RCPT TO:<" + to + ">");
    QVERIFY2(reply.startsWith(QByteArray("550 5.1.1 <" + to + ">: Recipient address rejected: User unknown")),
             reply.constData());
    c.smtpCommand("QUIT");
    QVERIFY(!waitForLogLine(QRegularExpression(QStringLiteral("NOQUEUE: reject: RCPT from .*: 550 5.1.1 <%1>")
                                                   .arg(QRegularExpression::escape(QString::fromUtf8(to)))))
                 .isEmpty());
}

void TestLabPostfix::refusesRelayOnSmtpPort() {
    Connection c;
    QVERIFY2(greet(c, "LAB_SMTP_PORT", LabClient::outsideMta(), "mail.partner.test"),
             qPrintable(c.error()));
    QVERIFY(c.smtpCommand("MAIL FROM:<newsletter@partner.test>").startsWith("250"));
    const QByteArray reply = c.smtpCommand("RCPT TO:<someone@elsewhere.example>");
    QVERIFY2(reply.startsWith("454 4.7.1 <someone@elsewhere.example>: Relay access denied"),
             reply.constData());
    c.smtpCommand("QUIT");
}

void TestLabPostfix::submissionRequiresTlsThenAcceptsSeededUser() {
    Connection c;
    QVERIFY2(greet(c, "LAB_SUBMISSION_PORT", LabClient::homePc(), "wlm-pc.partner.test"),
             qPrintable(c.error()));
    // smtpd_tls_security_level=encrypt: nothing but STARTTLS before TLS.
    const QByteArray early = c.smtpCommand("MAIL FROM:<" + m_user.toUtf8() + ">");
    QVERIFY2(early.startsWith("530 5.7.0"), early.constData());
    QVERIFY(c.smtpCommand("STARTTLS").startsWith("220"));
    QVERIFY2(c.startTls(), qPrintable(c.error()));
    QByteArrayList ehlo;
    c.send("EHLO wlm-pc.partner.test");
    QVERIFY(c.smtpReply(&ehlo).startsWith("250 "));
    QVERIFY2(ehlo.join('\n').contains("AUTH PLAIN LOGIN"), ehlo.join('\n').constData());

    const QByteArray wrong = QByteArray('\0' + m_user.toUtf8() + '\0' + "not-the-password").toBase64();
    const QByteArray refused = c.smtpCommand("AUTH PLAIN " + wrong);
    QVERIFY2(refused.startsWith("535 5.7.8"), refused.constData());

    const QByteArray right = QByteArray('\0' + m_user.toUtf8() + '\0' + m_userPassword.toUtf8()).toBase64();
    const QByteArray ok = c.smtpCommand("AUTH PLAIN " + right);
    QVERIFY2(ok.startsWith("235 2.7.0"), ok.constData());
    QVERIFY(c.smtpCommand("MAIL FROM:<" + m_user.toUtf8() + ">").startsWith("250"));
    const QByteArray rcpt = c.smtpCommand("RCPT TO:<someone@elsewhere.example>");
    QVERIFY2(rcpt.startsWith("250"), rcpt.constData()); // authenticated users may relay
    c.smtpCommand("RSET");
    c.smtpCommand("QUIT");
}

QTEST_GUILESS_MAIN(TestLabPostfix)
#include "tst_lab_postfix.moc"
