// No secret in settings, logs or error texts. Against the lab and a real Secret Service (./dev
// test runs inside dbus-run-session with an unlocked gnome-keyring): a password login whose
// password is remembered in the keychain (own service name), a DB password remembered too, a
// failed login with a wrong password and a failed sudo. Every Qt log line (all maildeck
// categories at debug level), every Error message and detail, and the settings file (own file)
// are then searched for each password. The search itself is checked on a planted secret.

#include "../ssh/TestPrompter.h"
#include "common/LabEnv.h"
#include "core/db/DbWorker.h"
#include "core/profiles/ProfileStore.h"
#include "core/secrets/SecretStore.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"

#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace maildeck;
using Kind = SecretRequest::Kind;

namespace {
QMutex g_mutex;
QByteArray g_log;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &ctx, const QString &msg) {
    {
        QMutexLocker lock(&g_mutex);
        g_log += QByteArray(ctx.category ? ctx.category : "") + ": " + msg.toUtf8() + '\n';
    }
    if (type != QtDebugMsg) // keep the test output short
        g_previous(type, ctx, msg);
}

// The secrets found in `text` (raw UTF-8, and as QSettings/URL escaping would write them).
QStringList leaks(const QByteArray &text, const QStringList &secrets) {
    QStringList found;
    for (const QString &s : secrets) {
        const QByteArray raw = s.toUtf8();
        if (raw.isEmpty())
            continue;
        if (text.contains(raw) || text.contains(raw.toPercentEncoding()) ||
            text.contains(raw.toBase64()))
            found << s;
    }
    return found;
}

QString tag() {
    return QString::number(QRandomGenerator::global()->generate(), 36);
}
} // namespace

class TestNoSecrets : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_knownHosts;
    QString m_settingsFile;
    const QString m_tag = tag();
    const QString m_service = QStringLiteral("MailDeck-test-") + m_tag;
    const QString m_profileName = QStringLiteral("nosecret-") + m_tag;
    const QString m_wrongPassword = QStringLiteral("Wr0ng-") + tag() + tag();
    const QString m_wrongSudo = QStringLiteral("Sud0-") + tag() + tag();
    QStringList m_errors; // every Error message and detail seen

    ServerProfile adminProfile(const QString &name) const {
        ServerProfile p;
        p.name = name;
        p.host = QStringLiteral("127.0.0.1");
        p.port = LabEnv::port("LAB_SSH_PORT");
        p.user = LabEnv::value("LAB_ADMIN_USER");
        p.knownHostsFile = m_knownHosts; // no identity file: password login
        p.dbPort = LabEnv::port("LAB_DB_PORT");
        p.dbName = LabEnv::value("LAB_DB_NAME");
        p.dbUser = LabEnv::value("LAB_DB_ADMIN_USER");
        p.dbCredentials = DbCredentialSource::Keychain;
        p.flavour = ServerFlavour::Lab;
        p.flavourConfirmed = true;
        return p;
    }
    SshConfig sshConfig(const ServerProfile &p) const {
        SshConfig c = SshConfig::fromProfile(p);
        c.sshConfigFile = QStringLiteral("none");
        c.sshDir = m_tmp.path() + QStringLiteral("/dotssh");
        c.useAgent = false;
        c.timeoutSeconds = 10;
        return c;
    }
    void record(const Error &e) { m_errors << e.code << e.message << e.detail; }
    void watch(ServerConnection &conn) {
        connect(&conn, &ServerConnection::stateChanged, this,
                [this](ServerConnection::State, const Error &e) { record(e); });
        connect(&conn, &ServerConnection::progress, this,
                [this](ServerConnection::Step, const QString &text) { m_errors << text; });
    }
    QStringList secrets() const {
        return {LabEnv::value("LAB_ADMIN_PASSWORD"), LabEnv::value("LAB_DB_ADMIN_PASSWORD"),
                m_wrongPassword, m_wrongSudo};
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        QVERIFY(m_tmp.isValid());
        m_knownHosts = m_tmp.filePath(QStringLiteral("known_hosts"));
        m_settingsFile = m_tmp.filePath(QStringLiteral("maildeck.ini"));
        QVERIFY(QFile::copy(LabEnv::value("LAB_KNOWN_HOSTS"), m_knownHosts));
        QFile(m_knownHosts).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        SecretStore probe(nullptr, m_service);
        auto r = awaitFuture(probe.read(QStringLiteral("probe"), QStringLiteral("probe")), 20000);
        QVERIFY(r);
        if (r->state == SecretLookup::State::NoKeychain ||
            r->state == SecretLookup::State::Failed) {
            if (LabEnv::required())
                QFAIL(qPrintable(QStringLiteral("no keychain under ./dev test: ") + r->message));
            QSKIP("no Secret Service on this session bus (run inside dbus-run-session with "
                  "gnome-keyring)");
        }
        g_previous = qInstallMessageHandler(capture);
        QLoggingCategory::setFilterRules(QStringLiteral("maildeck.*.debug=true"));
    }

    // The search finds a secret where one is (else a passing test would prove nothing).
    void searchFindsAPlantedSecret() {
        QFile scratch(m_tmp.filePath(QStringLiteral("scratch.ini")));
        QVERIFY(scratch.open(QIODevice::WriteOnly));
        scratch.write("[profiles]\nx\\host=h\nx\\note=" +
                      LabEnv::value("LAB_ADMIN_PASSWORD").toUtf8() + "\n");
        scratch.close();
        QVERIFY(scratch.open(QIODevice::ReadOnly));
        QCOMPARE(leaks(scratch.readAll(), secrets()),
                 QStringList{LabEnv::value("LAB_ADMIN_PASSWORD")});
        QCOMPARE(leaks("error: " + m_wrongSudo.toUtf8().toPercentEncoding(), secrets()),
                 QStringList{m_wrongSudo});
        QVERIFY(leaks("nothing here", secrets()).isEmpty());
    }

    void rememberedPasswordLogin() {
        ProfileStore store(m_settingsFile);
        const ServerProfile p = adminProfile(m_profileName);
        store.save(p);
        SecretStore keychain(nullptr, m_service);
        TestPrompter prompter;
        prompter.answer(Kind::Password, LabEnv::value("LAB_ADMIN_PASSWORD"), true);
        prompter.answer(Kind::DbPassword, LabEnv::value("LAB_DB_ADMIN_PASSWORD"), true);
        {
            ServerConnection conn(p, sshConfig(p), &prompter);
            conn.setSecretStore(&keychain);
            watch(conn);
            auto st = awaitFuture(conn.connectToServer(), 30000);
            QVERIFY(st);
            record(st->ok() ? Error{} : st->error());
            QVERIFY2(st->ok(), why(*st).constData());
            QCOMPARE(prompter.count(Kind::Password), 1);
            QCOMPARE(prompter.count(Kind::DbPassword), 1);
            store.markUsed(p.name);
            store.save(conn.profile());
        }
        // Both went to the keychain (and only there).
        QTRY_VERIFY_WITH_TIMEOUT(
            awaitFuture(keychain.read(m_profileName, SecretStore::sshPasswordKind()))->found(),
            10000);
        QCOMPARE(awaitFuture(keychain.read(m_profileName, SecretStore::sshPasswordKind()))->secret,
                 LabEnv::value("LAB_ADMIN_PASSWORD"));
        QTRY_VERIFY_WITH_TIMEOUT(
            awaitFuture(keychain.read(m_profileName, SecretStore::dbPasswordKind()))->found(),
            10000);
        // The next connect takes them from the keychain: no prompt.
        TestPrompter silent;
        ServerConnection again(p, sshConfig(p), &silent);
        again.setSecretStore(&keychain);
        watch(again);
        auto st = awaitFuture(again.connectToServer(), 30000);
        QVERIFY(st && st->ok());
        QVERIFY(silent.requests.isEmpty());

        // A failed sudo (three wrong passwords) on that session.
        TestPrompter sudoPrompter;
        for (int i = 0; i < 3; ++i)
            sudoPrompter.answer(Kind::SudoPassword, m_wrongSudo, true);
        ServerConnection sudoConn(p, sshConfig(p), &sudoPrompter);
        sudoConn.setSecretStore(&keychain);
        watch(sudoConn);
        QVERIFY(awaitFuture(sudoConn.connectToServer(), 30000)->ok());
        ExecOptions priv;
        priv.privileged = true;
        auto r = awaitFuture(sudoConn.ssh()->runCommand(QStringLiteral("id -u"), priv), 60000);
        QVERIFY(r && !r->ok());
        record(r->error());
        QCOMPARE(r->error().code, QStringLiteral("ssh.sudo.wrongpassword"));
        QCOMPARE(sudoPrompter.count(Kind::SudoPassword), 3);
        auto p2 = awaitFuture(sudoConn.readPrivilegedFile(LabEnv::value("LAB_DB_ADMIN_CNF")),
                              30000); // asks again: nothing scripted, cancelled
        QVERIFY(p2 && !p2->ok());
        record(p2->error());
    }

    void wrongPasswordLogin() {
        const ServerProfile p = adminProfile(m_profileName + QStringLiteral("-wrong"));
        ProfileStore(m_settingsFile).save(p);
        SecretStore keychain(nullptr, m_service);
        TestPrompter prompter;
        for (int i = 0; i < 3; ++i)
            prompter.answer(Kind::Password, m_wrongPassword, true);
        ServerConnection conn(p, sshConfig(p), &prompter);
        conn.setSecretStore(&keychain);
        watch(conn);
        auto st = awaitFuture(conn.connectToServer(), 60000);
        QVERIFY(st && !st->ok());
        record(st->error());
        QCOMPARE(st->error().code, QStringLiteral("ssh.auth.denied"));
        QVERIFY(prompter.count(Kind::Password) >= 1);
        // A wrong password is not remembered.
        QTest::qWait(300);
        QVERIFY(!awaitFuture(keychain.read(p.name, SecretStore::sshPasswordKind()))->found());
    }

    void noSecretAnywhere() {
        qInstallMessageHandler(g_previous);
        QByteArray log;
        {
            QMutexLocker lock(&g_mutex);
            log = g_log;
        }
        QVERIFY(log.contains("maildeck.")); // the log was captured (debug level on)
        QVERIFY(log.size() > 500);
        QVERIFY2(leaks(log, secrets()).isEmpty(), "a secret reached the log");

        QVERIFY(m_errors.size() > 10);
        QVERIFY(m_errors.contains(QStringLiteral("ssh.auth.denied")));
        QVERIFY(m_errors.contains(QStringLiteral("ssh.sudo.wrongpassword")));
        QVERIFY2(leaks(m_errors.join(u'\n').toUtf8(), secrets()).isEmpty(),
                 "a secret reached an error text");

        QFile settings(m_settingsFile);
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray ini = settings.readAll();
        QVERIFY(ini.contains(m_profileName.toUtf8())); // the profiles are there
        QVERIFY2(leaks(ini, secrets()).isEmpty(), "a secret reached the settings file");
    }

    void cleanupTestCase() {
        if (g_previous)
            qInstallMessageHandler(g_previous);
        SecretStore keychain(nullptr, m_service);
        for (const QString &profile :
             QStringList{m_profileName, m_profileName + QStringLiteral("-wrong")})
            for (const QString &kind :
                 {SecretStore::sshPasswordKind(), SecretStore::dbPasswordKind(),
                  SecretStore::sudoPasswordKind()})
                awaitFuture(keychain.remove(profile, kind), 10000);
    }
};

QTEST_GUILESS_MAIN(TestNoSecrets)
#include "tst_nosecrets.moc"
