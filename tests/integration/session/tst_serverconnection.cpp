// ServerConnection against the lab: SSH, DB password from the server's my.cnf or the keychain,
// the tunnel, the DB worker, host-key trust through the prompter, a dropped connection.

#include "../ssh/TestPrompter.h"
#include "common/LabEnv.h"
#include "core/db/DbWorker.h"
#include "core/secrets/SecretStore.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"

#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <csignal>

using namespace maildeck;
using Kind = SecretRequest::Kind;

namespace {
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;
void recordMessage(QtMsgType type, const QMessageLogContext &ctx, const QString &msg) {
    {
        QMutexLocker lock(&g_logMutex);
        g_log << msg;
    }
    g_previous(type, ctx, msg);
}

Result<int> countDomains(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM vmail.domain")) || !q.next())
        return Error{QStringLiteral("db.connection"), q.lastError().text(), {}};
    return q.value(0).toInt();
}
} // namespace

class TestServerConnection : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_knownHosts;
    QString m_profileName = QStringLiteral("lab-%1").arg(QRandomGenerator::global()->generate());

    ServerProfile profile(const QString &user, const QString &key) const {
        ServerProfile p;
        p.name = m_profileName;
        p.host = QStringLiteral("127.0.0.1");
        p.port = LabEnv::port("LAB_SSH_PORT");
        p.user = user;
        p.identityFile = key;
        p.knownHostsFile = m_knownHosts;
        p.dbRoute = DbRoute::Tunnel;
        p.dbHost = QStringLiteral("127.0.0.1");
        p.dbPort = LabEnv::port("LAB_DB_PORT");
        p.dbName = LabEnv::value("LAB_DB_NAME");
        p.dbUser = LabEnv::value("LAB_DB_ADMIN_USER");
        p.dbCredentials = DbCredentialSource::ServerFile;
        p.dbCredentialsFile = LabEnv::value("LAB_DB_ADMIN_CNF");
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
    ServerProfile rootProfile() const {
        return profile(QStringLiteral("root"), LabEnv::value("LAB_ROOT_KEY"));
    }
    ServerProfile adminProfile() const {
        return profile(LabEnv::value("LAB_ADMIN_USER"), LabEnv::value("LAB_ADMIN_KEY"));
    }
    static bool keychainUsable() {
        SecretStore store;
        auto r = awaitFuture(store.read(QStringLiteral("probe"), QStringLiteral("probe")), 20000);
        return r && (r->state == SecretLookup::State::Found ||
                     r->state == SecretLookup::State::NotFound);
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        g_previous = qInstallMessageHandler(recordMessage);
        QLoggingCategory::setFilterRules(QStringLiteral("maildeck.*.debug=true"));
        m_knownHosts = m_tmp.path() + QStringLiteral("/known_hosts");
        QVERIFY(QFile::copy(LabEnv::value("LAB_KNOWN_HOSTS"), m_knownHosts));
        QFile(m_knownHosts).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }

    void cleanupTestCase() {
        if (!g_previous)
            return;
        qInstallMessageHandler(g_previous);
        // No secret in any log line.
        const QStringList secrets{LabEnv::value("LAB_ADMIN_PASSWORD"),
                                  LabEnv::value("LAB_DB_ADMIN_PASSWORD"),
                                  LabEnv::value("LAB_ADMIN_KEY_PASSPHRASE")};
        QMutexLocker lock(&g_logMutex);
        QVERIFY(!g_log.isEmpty());
        for (const QString &line : std::as_const(g_log))
            for (const QString &s : secrets)
                QVERIFY2(s.isEmpty() || !line.contains(s), "a secret reached the log");
    }

    void serverFileAsRoot() {
        TestPrompter prompter;
        const ServerProfile p = rootProfile();
        ServerConnection conn(p, sshConfig(p), &prompter);
        QSignalSpy states(&conn, &ServerConnection::stateChanged);
        QSignalSpy steps(&conn, &ServerConnection::progress);
        auto st = awaitFuture(conn.connectToServer());
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        QCOMPARE(conn.state(), ServerConnection::State::Connected);
        QVERIFY(conn.tunnelPort() != 0);
        QVERIFY(prompter.requests.isEmpty());
        QVERIFY(steps.count() >= 4);
        auto count = awaitFuture(conn.db()->run(countDomains));
        QVERIFY(count && count->ok());
        QVERIFY(count->value() > 0);
        // The same session carries exec as well.
        auto out = awaitFuture(conn.ssh()->runCommand(QStringLiteral("hostname")));
        QVERIFY(out && out->ok());
    }

    void serverFileAsAdminWithSudo() {
        TestPrompter prompter;
        prompter.answer(Kind::SudoPassword, LabEnv::value("LAB_ADMIN_PASSWORD"));
        const ServerProfile p = adminProfile();
        ServerConnection conn(p, sshConfig(p), &prompter);
        auto st = awaitFuture(conn.connectToServer());
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        QCOMPARE(prompter.count(Kind::SudoPassword), 1);
        auto count = awaitFuture(conn.db()->run(countDomains));
        QVERIFY(count && count->ok());
        // Privileged reads reuse the sudo password of this session.
        auto file = awaitFuture(conn.readPrivilegedFile(LabEnv::value("LAB_DB_ADMIN_CNF")));
        QVERIFY(file && file->ok());
        QCOMPARE(prompter.count(Kind::SudoPassword), 1);
    }

    void missingServerFile() {
        TestPrompter prompter;
        ServerProfile p = rootProfile();
        p.dbCredentialsFile = QStringLiteral("/nonexistent/.my.cnf");
        ServerConnection conn(p, sshConfig(p), &prompter);
        auto st = awaitFuture(conn.connectToServer());
        QVERIFY(st && !st->ok());
        QCOMPARE(st->error().code, QStringLiteral("session.read"));
        QVERIFY(st->error().message.contains(QStringLiteral("/nonexistent/.my.cnf")));
        QCOMPARE(conn.state(), ServerConnection::State::Failed);
    }

    void unknownHostKeyThroughPrompter() {
        const QString empty = m_tmp.path() + QStringLiteral("/kh_empty");
        {
            TestPrompter prompter; // refuses
            ServerProfile p = rootProfile();
            p.knownHostsFile = empty;
            ServerConnection conn(p, sshConfig(p), &prompter);
            auto st = awaitFuture(conn.connectToServer());
            QVERIFY(st && !st->ok());
            QCOMPARE(st->error().code, QStringLiteral("ssh.hostkey.rejected"));
            QCOMPARE(prompter.hostKeys.size(), 1);
            QVERIFY(prompter.hostKeys.first().fingerprint.startsWith(QStringLiteral("SHA256:")));
            QVERIFY(
                prompter.hostKeyMessages.first().contains(prompter.hostKeys.first().fingerprint));
        }
        {
            TestPrompter prompter;
            prompter.trustHostKeys = true;
            ServerProfile p = rootProfile();
            p.knownHostsFile = empty;
            ServerConnection conn(p, sshConfig(p), &prompter);
            auto st = awaitFuture(conn.connectToServer());
            QVERIFY(st);
            QVERIFY2(st->ok(), why(*st).constData());
            QCOMPARE(prompter.hostKeys.size(), 1);
        }
        {
            TestPrompter prompter; // asked once: known now
            ServerProfile p = rootProfile();
            p.knownHostsFile = empty;
            ServerConnection conn(p, sshConfig(p), &prompter);
            auto st = awaitFuture(conn.connectToServer());
            QVERIFY(st && st->ok());
            QCOMPARE(prompter.hostKeys.size(), 0);
        }
    }

    void keychainDbPassword() {
        if (!keychainUsable()) {
            if (LabEnv::required())
                QFAIL("no keychain under ./dev test");
            QSKIP("no Secret Service on this session bus");
        }
        SecretStore store;
        awaitFuture(store.remove(m_profileName, SecretStore::dbPasswordKind()));
        ServerProfile p = rootProfile();
        p.dbCredentials = DbCredentialSource::Keychain;
        {
            TestPrompter prompter;
            prompter.answer(Kind::DbPassword, QStringLiteral("wrong"), false);
            prompter.answer(Kind::DbPassword, LabEnv::value("LAB_DB_ADMIN_PASSWORD"), true);
            ServerConnection conn(p, sshConfig(p), &prompter);
            auto st = awaitFuture(conn.connectToServer());
            QVERIFY(st);
            QVERIFY2(st->ok(), why(*st).constData());
            QCOMPARE(prompter.count(Kind::DbPassword), 2);
            QVERIFY(prompter.requests.at(0).mayRemember);
            QCOMPARE(prompter.requests.at(1).attempt, 2);
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            awaitFuture(store.read(m_profileName, SecretStore::dbPasswordKind()))->secret,
            LabEnv::value("LAB_DB_ADMIN_PASSWORD"), 10000);
        {
            TestPrompter prompter; // nothing to answer: the keychain has it
            ServerConnection conn(p, sshConfig(p), &prompter);
            auto st = awaitFuture(conn.connectToServer());
            QVERIFY(st);
            QVERIFY2(st->ok(), why(*st).constData());
            QCOMPARE(prompter.requests.size(), 0);
        }
        QVERIFY(awaitFuture(store.remove(m_profileName, SecretStore::dbPasswordKind()))->ok());
    }

    void droppedConnectionReconnects() {
        TestPrompter prompter;
        const ServerProfile p = rootProfile();
        ServerConnection conn(p, sshConfig(p), &prompter);
        QSignalSpy states(&conn, &ServerConnection::stateChanged);
        auto st = awaitFuture(conn.connectToServer());
        QVERIFY(st && st->ok());
        auto pidOut = awaitFuture(conn.ssh()->runCommand(QStringLiteral("echo $PPID")));
        QVERIFY(pidOut && pidOut->ok());
        const pid_t pid = pid_t(pidOut->value().stdoutText().trimmed().toLongLong());
        QVERIFY(pid > 1);
        QCOMPARE(::kill(pid, SIGTERM), 0);
        QTRY_COMPARE_WITH_TIMEOUT(conn.state(), ServerConnection::State::ConnectionLost, 15000);
        QCOMPARE(states.last().at(1).value<Error>().code, QStringLiteral("ssh.connection.lost"));
        // Next use: the DB job reconnects the tunnel (and SSH under it).
        auto count = awaitFuture(conn.db()->run(countDomains));
        QVERIFY(count);
        QVERIFY2(count->ok(), why(*count).constData());
        QTRY_COMPARE(conn.state(), ServerConnection::State::Connected);
    }
};

QTEST_GUILESS_MAIN(TestServerConnection)
#include "tst_serverconnection.moc"
