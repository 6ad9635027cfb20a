// The lab's Dovecot authenticates seeded users through iRedMail's SQL passdb: a real IMAP login
// over TLS works for every password form in the seed (SSHA512, MD5-crypt with and without
// {CRYPT}, BLF-CRYPT, bcrypt under {CRYPT}, SHA512-CRYPT, ...), a wrong password and an
// inactive user are refused, the enable<service> columns decide as on Dovecot 2.3.19, and POP3 without TLS on the plain port is refused
// as `ssl = required` / `disable_plaintext_auth = yes` demand, with the log lines of the
// Windows Live Mail story.

#include "LabClient.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QtTest/QTest>

using LabClient::Connection;
using LabClient::imapQuote;

namespace {

QJsonObject mailboxOf(const QJsonObject &manifest, const QString &email) {
    for (const QJsonValue &v : manifest.value(u"mailboxes"_qs).toArray())
        if (v.toObject().value(u"email"_qs).toString() == email)
            return v.toObject();
    return {};
}

qint64 sizeOf(const QString &path) { return QFileInfo(path).size(); }

// Waits (up to 15 s) until `path` has, after byte `from`, a line matching `re`; returns it.
QString waitForLine(const QString &path, qint64 from, const QRegularExpression &re) {
    QDeadlineTimer deadline(15000);
    do {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.seek(from)) {
            for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n'))
                if (re.match(line).hasMatch())
                    return line;
        }
        QThread::msleep(200);
    } while (!deadline.hasExpired());
    return {};
}

} // namespace

class TestLabDovecot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void imapsLoginEachPasswordForm_data();
    void imapsLoginEachPasswordForm();
    void imapStarttlsLogin();
    void refusedLogins_data();
    void refusedLogins();
    void pop3PlaintextRefused();
    void pop3PlaintextSaslRefusedAsInTheStory();
    void pop3sLogin();

private:
    // LOGIN over IMAPS from an outside address; returns the tagged answer.
    QByteArray imapsLogin(const QString &user, const QString &password);

    QJsonObject m_manifest;
    QString m_dovecotLog;
};

void TestLabDovecot::initTestCase() {
    LAB_REQUIRE();
    m_manifest = LabEnv::manifest();
    QVERIFY2(!m_manifest.isEmpty(), "the seed manifest is not readable");
    m_dovecotLog = LabEnv::value("LAB_DOVECOT_LOG_DIR") + u"/dovecot.log"_qs;
    QVERIFY2(QFile::exists(m_dovecotLog), qPrintable(m_dovecotLog));
}

QByteArray TestLabDovecot::imapsLogin(const QString &user, const QString &password) {
    Connection c;
    if (!c.open(LabEnv::port("LAB_IMAPS_PORT"), LabClient::outsideMta(), Connection::Tls::Implicit))
        return "connect: " + c.error().toUtf8();
    const QByteArray greeting = c.readLine();
    if (!greeting.startsWith("* OK"))
        return "greeting: " + greeting;
    const QByteArray answer = c.imapCommand("a", "LOGIN " + imapQuote(user) + ' ' + imapQuote(password));
    c.imapCommand("z", "LOGOUT");
    return answer;
}

// One active, IMAP-enabled mailbox for each form a password is stored in.
void TestLabDovecot::imapsLoginEachPasswordForm_data() {
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QSet<QString> seen;
    for (const QJsonValue &v : m_manifest.value(u"mailboxes"_qs).toArray()) {
        const QJsonObject b = v.toObject();
        const QString form = b.value(u"stored_as"_qs).toString();
        if (seen.contains(form) || !b.value(u"active"_qs).toBool() ||
            !b.value(u"disabled_services"_qs).toArray().isEmpty())
            continue;
        seen.insert(form);
        QTest::newRow(qPrintable(u"stored as "_qs + form))
            << b.value(u"email"_qs).toString() << b.value(u"password"_qs).toString();
    }
    const QString jp = m_manifest.value(u"examples"_qs).toObject().value(u"non_ascii_password_user"_qs).toString();
    if (!jp.isEmpty())
        QTest::newRow("non-ASCII password, IDN domain")
            << jp << mailboxOf(m_manifest, jp).value(u"password"_qs).toString();
}

void TestLabDovecot::imapsLoginEachPasswordForm() {
    QFETCH(QString, user);
    QFETCH(QString, password);
    const QByteArray answer = imapsLogin(user, password);
    QVERIFY2(answer.startsWith("a OK"), answer.constData());
    const QByteArray wrong = imapsLogin(user, password + u"-wrong"_qs);
    QVERIFY2(wrong.startsWith("a NO"), wrong.constData());
}

void TestLabDovecot::imapStarttlsLogin() {
    const QString user = m_manifest.value(u"examples"_qs).toObject().value(u"md5crypt_user"_qs).toString();
    const QString password = mailboxOf(m_manifest, user).value(u"password"_qs).toString();
    Connection c;
    QVERIFY2(c.open(LabEnv::port("LAB_IMAP_PORT"), LabClient::outsideMta()), qPrintable(c.error()));
    const QByteArray greeting = c.readLine();
    QVERIFY2(greeting.contains("LOGINDISABLED"), greeting.constData()); // no LOGIN before TLS
    QVERIFY(c.imapCommand("s", "STARTTLS").startsWith("s OK"));
    QVERIFY2(c.startTls(), qPrintable(c.error()));
    const QByteArray answer = c.imapCommand("a", "LOGIN " + imapQuote(user) + ' ' + imapQuote(password));
    QVERIFY2(answer.startsWith("a OK"), answer.constData());
    c.imapCommand("z", "LOGOUT");
}

void TestLabDovecot::refusedLogins_data() {
    QTest::addColumn<QString>("user");
    QTest::addColumn<bool>("refused");
    const QJsonObject ex = m_manifest.value(u"examples"_qs).toObject();
    QTest::newRow("inactive mailbox") << ex.value(u"inactive_user"_qs).toString() << true;
    // iRedMail's passdb query checks `enable%Ls%Lc`. On Dovecot 2.3.19 %Lc is "tls" for a TLS
    // connection, "secured" for a trusted one (and for Postfix's SASL over TLS) and empty
    // otherwise, so an IMAPS login checks `enableimaptls`: IMAP is off for TLS clients only if
    // that column is 0 too.
    const QString noImap = ex.value(u"imap_disabled_user"_qs).toString();
    const QJsonArray off = mailboxOf(m_manifest, noImap).value(u"disabled_services"_qs).toArray();
    QTest::newRow("IMAP disabled") << noImap << off.contains(u"imaptls"_qs);
}

void TestLabDovecot::refusedLogins() {
    QFETCH(QString, user);
    QFETCH(bool, refused);
    QVERIFY(!user.isEmpty());
    const QString password = mailboxOf(m_manifest, user).value(u"password"_qs).toString();
    const QByteArray answer = imapsLogin(user, password);
    QVERIFY2(answer.startsWith(refused ? "a NO" : "a OK"), answer.constData());
}

// USER/PASS on the plain POP3 port from an outside address: refused before the password is
// checked (ssl = required), logged as an auth failure without TLS.
void TestLabDovecot::pop3PlaintextRefused() {
    const QString user = m_manifest.value(u"examples"_qs).toObject().value(u"ssha512_user"_qs).toString();
    const QString password = mailboxOf(m_manifest, user).value(u"password"_qs).toString();
    const qint64 from = sizeOf(m_dovecotLog);
    Connection c;
    QVERIFY2(c.open(LabEnv::port("LAB_POP3_PORT"), LabClient::outsideMta()), qPrintable(c.error()));
    QVERIFY(c.readLine().startsWith("+OK"));
    c.send("USER " + user.toUtf8());
    const QByteArray refused = c.readLine();
    QVERIFY2(refused.startsWith("-ERR [AUTH] Plaintext authentication disallowed"), refused.constData());
    c.send("PASS " + password.toUtf8());
    QVERIFY(c.readLine().startsWith("-ERR"));
    c.send("QUIT");
    c.readLine();
    const QRegularExpression re(QStringLiteral("pop3-login: Info: Disconnected: .*\\(auth failed, \\d+ attempts.*rip=%1, ")
                                    .arg(QRegularExpression::escape(LabClient::outsideMta())));
    QVERIFY2(!waitForLine(m_dovecotLog, from, re).isEmpty(), "no auth-failed line in dovecot.log");
}

// AUTH PLAIN on port 110 from the story's home PC, for which the lab reproduces the story's
// effective `ssl = yes` + `disable_plaintext_auth = yes` (etc/dovecot/iredmail/wlm-story.conf).
void TestLabDovecot::pop3PlaintextSaslRefusedAsInTheStory() {
    const QString user = m_manifest.value(u"examples"_qs).toObject().value(u"ssha512_user"_qs).toString();
    const QString password = mailboxOf(m_manifest, user).value(u"password"_qs).toString();
    const qint64 from = sizeOf(m_dovecotLog);
    Connection c;
    QVERIFY2(c.open(LabEnv::port("LAB_POP3_PORT"), LabClient::homePc()), qPrintable(c.error()));
    QVERIFY(c.readLine().startsWith("+OK"));
    c.send("AUTH PLAIN " + QByteArray('\0' + user.toUtf8() + '\0' + password.toUtf8()).toBase64());
    const QByteArray refused = c.readLine();
    QVERIFY2(refused.startsWith("-ERR"), refused.constData());
    c.send("QUIT");
    c.readLine();
    const QRegularExpression re(QStringLiteral("pop3-login: Info: Disconnected: .*\\(tried to use disallowed plaintext auth\\).*rip=%1, ")
                                    .arg(QRegularExpression::escape(LabClient::homePc())));
    QVERIFY2(!waitForLine(m_dovecotLog, from, re).isEmpty(),
             "no 'tried to use disallowed plaintext auth' line in dovecot.log");
}

void TestLabDovecot::pop3sLogin() {
    const QString user = m_manifest.value(u"examples"_qs).toObject().value(u"sha512crypt_user"_qs).toString();
    const QString password = mailboxOf(m_manifest, user).value(u"password"_qs).toString();
    Connection c;
    QVERIFY2(c.open(LabEnv::port("LAB_POP3S_PORT"), LabClient::outsideMta(), Connection::Tls::Implicit),
             qPrintable(c.error()));
    QVERIFY(c.readLine().startsWith("+OK"));
    c.send("USER " + user.toUtf8());
    QVERIFY(c.readLine().startsWith("+OK"));
    c.send("PASS " + password.toUtf8());
    const QByteArray answer = c.readLine();
    QVERIFY2(answer.startsWith("+OK Logged in"), answer.constData());
    c.send("QUIT");
    c.readLine();
}

QTEST_GUILESS_MAIN(TestLabDovecot)
#include "tst_lab_dovecot.moc"
