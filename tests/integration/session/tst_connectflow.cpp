// ServerConnection's connect flow against the lab: the steps reported, cancelling at each step
// (and against a server that accepts TCP and never speaks, and during a prompt nobody answers),
// connecting again afterwards, and the OS detection for profiles whose flavour is not confirmed.

#include "../ssh/TestPrompter.h"
#include "common/LabEnv.h"
#include "core/db/DbWorker.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace maildeck;
using Step = ServerConnection::Step;

namespace {
constexpr int kCancelLimitMs = 2000;

class SilentServer : public QTcpServer {
public:
    SilentServer() { listen(QHostAddress::LocalHost); }
    QList<QTcpSocket *> accepted;

protected:
    void incomingConnection(qintptr fd) override {
        auto *s = new QTcpSocket(this);
        s->setSocketDescriptor(fd);
        accepted << s;
    }
};

// A person who has not answered yet: the requests are kept, never replied to.
class HoldingPrompter : public TestPrompter {
public:
    void askSecret(const SecretRequest &request, SecretReply reply) override {
        requests.append(request);
        held.append(std::move(reply));
    }
    QList<SecretReply> held;
};

Result<int> one(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT 1")) || !q.next())
        return Error{QStringLiteral("db.connection"), q.lastError().text(), {}};
    return q.value(0).toInt();
}

qint64 waitMs(const QFuture<Status> &f, int limitMs = 10000) {
    QElapsedTimer t;
    t.start();
    while (!f.isFinished() && t.elapsed() < limitMs)
        QTest::qWait(2);
    return t.elapsed();
}
} // namespace

class TestConnectFlow : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_knownHosts;
    QString m_profileName = QStringLiteral("flow-%1").arg(QRandomGenerator::global()->generate());

    ServerProfile rootProfile() const {
        ServerProfile p;
        p.name = m_profileName;
        p.host = QStringLiteral("127.0.0.1");
        p.port = LabEnv::port("LAB_SSH_PORT");
        p.user = QStringLiteral("root");
        p.identityFile = LabEnv::value("LAB_ROOT_KEY");
        p.knownHostsFile = m_knownHosts;
        p.dbPort = LabEnv::port("LAB_DB_PORT");
        p.dbName = LabEnv::value("LAB_DB_NAME");
        p.dbUser = LabEnv::value("LAB_DB_ADMIN_USER");
        p.dbCredentials = DbCredentialSource::ServerFile;
        p.dbCredentialsFile = LabEnv::value("LAB_DB_ADMIN_CNF");
        p.flavour = ServerFlavour::Lab;
        p.paths = ServerPaths::defaultsFor(ServerFlavour::Lab);
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
    // After a cancel nothing is left: no DB worker, no tunnel, the SSH session closed.
    static void checkClosed(ServerConnection &conn, const QFuture<Status> &f,
                            bool byCancel = true) {
        QVERIFY(f.isFinished());
        QCOMPARE(f.resultCount(), 1);
        QCOMPARE(f.result().error().code, QStringLiteral("connect.cancelled"));
        QVERIFY(!f.result().error().message.isEmpty());
        QCOMPARE(conn.state(), ServerConnection::State::Disconnected);
        if (byCancel) // disconnectFromServer() ends with a plain Disconnected
            QCOMPARE(conn.lastError().code, QStringLiteral("connect.cancelled"));
        QVERIFY(conn.db() == nullptr);
        QCOMPARE(conn.tunnelPort(), quint16(0));
        if (conn.ssh())
            QTRY_VERIFY_WITH_TIMEOUT(conn.ssh()->state() == SshState::Disconnected ||
                                         conn.ssh()->state() == SshState::Failed,
                                     2000);
    }
    static void checkWorks(ServerConnection &conn) {
        auto st = awaitFuture(conn.connectToServer(), 30000);
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        QCOMPARE(conn.state(), ServerConnection::State::Connected);
        auto r = awaitFuture(conn.db()->run(one), 10000);
        QVERIFY(r && r->ok());
        QCOMPARE(r->value(), 1);
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        QVERIFY(m_tmp.isValid());
        m_knownHosts = m_tmp.path() + QStringLiteral("/known_hosts");
        QVERIFY(QFile::copy(LabEnv::value("LAB_KNOWN_HOSTS"), m_knownHosts));
        QFile(m_knownHosts).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }

    void stepsInOrder() {
        TestPrompter prompter;
        const ServerProfile p = rootProfile();
        ServerConnection conn(p, sshConfig(p), &prompter);
        QList<Step> steps;
        QStringList texts;
        connect(&conn, &ServerConnection::progress, this, [&](Step s, const QString &text) {
            steps << s;
            texts << text;
        });
        auto st = awaitFuture(conn.connectToServer(), 30000);
        QVERIFY(st && st->ok());
        // Every step, in the order of the enum (Auth may repeat: one per method tried).
        const QList<Step> all{Step::Resolving, Step::HostKey,  Step::Auth, Step::DbPassword,
                              Step::Tunnel,    Step::Database, Step::Done};
        for (Step s : all)
            QVERIFY2(steps.contains(s), qPrintable(QString::number(int(s))));
        for (qsizetype i = 1; i < steps.size(); ++i)
            QVERIFY2(int(steps[i - 1]) <= int(steps[i]), qPrintable(texts.join(u'|')));
        QCOMPARE(steps.first(), Step::Resolving);
        QCOMPARE(steps.last(), Step::Done);
        const QString auth = texts.at(steps.indexOf(Step::Auth));
        QVERIFY2(auth.contains(QStringLiteral("root@127.0.0.1")), qPrintable(auth));
        QVERIFY2(auth.contains(LabEnv::value("LAB_ROOT_KEY")), qPrintable(auth)); // the method
        QVERIFY(texts.at(steps.indexOf(Step::HostKey)).contains(QStringLiteral("SHA256:")));
        // A confirmed flavour: no detection.
        QVERIFY(!conn.detectedServer().has_value());
    }

    void detectsTheLabOnFirstConnect() {
        TestPrompter prompter;
        ServerProfile p = rootProfile();
        p.flavour = ServerFlavour::Rhel; // wrong on purpose: detection says Debian
        p.paths = ServerPaths::defaultsFor(ServerFlavour::Rhel);
        p.flavourConfirmed = false;
        ServerConnection conn(p, sshConfig(p), &prompter);
        QSignalSpy detected(&conn, &ServerConnection::serverDetected);
        QList<Step> steps;
        connect(&conn, &ServerConnection::progress, this, [&](Step s) { steps << s; });
        connect(&conn, &ServerConnection::serverDetected, this, [&] {
            QVERIFY(!steps.contains(Step::DbPassword)); // known before the DB step
        });
        auto st = awaitFuture(conn.connectToServer(), 30000);
        QVERIFY(st && st->ok());
        QCOMPARE(detected.count(), 1);
        QVERIFY(conn.detectedServer().has_value());
        const DetectedServer d = *conn.detectedServer();
        QCOMPARE(detected.at(0).at(0).value<DetectedServer>().summary, d.summary);
        // The lab runs on this Debian 12 machine.
        QVERIFY(d.recognised);
        QCOMPARE(d.flavour, ServerFlavour::Debian);
        QCOMPARE(d.summary, QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
        // Its logs and iRedAPD live under LAB_ROOT, not at Debian's paths: reported missing.
        QCOMPARE(d.paths.mailLog, QStringLiteral("/var/log/mail.log"));
        QVERIFY(d.missingPaths.contains(QStringLiteral("/var/log/mail.log")));
        QVERIFY(d.missingPaths.contains(QStringLiteral("/opt/iredapd/settings.py")));
        QVERIFY(d.notes.join(u'\n').contains(QStringLiteral("/var/log/mail.log")));
        // Exactly the defaults this machine lacks (the lab's sshd is on loopback).
        QStringList expectedMissing;
        const ServerPaths debian = ServerPaths::defaultsFor(ServerFlavour::Debian);
        for (const QString &path :
             {debian.mailLog, debian.postfixConfigDir, debian.dovecotConfig, debian.dovecotLogDir,
              debian.iredapdSettings, debian.mlmmjSpool})
            if (!QFile::exists(path) &&
                !(path == debian.mailLog && QFile::exists(QStringLiteral("/var/log/maillog"))))
                expectedMissing << path;
        QCOMPARE(d.missingPaths, expectedMissing);
        // The profile is not changed by the detection.
        QCOMPARE(conn.profile().flavour, ServerFlavour::Rhel);
        QVERIFY(!conn.profile().flavourConfirmed);
    }

    void cancelWhileTheServerSaysNothing() {
        SilentServer server;
        QVERIFY(server.isListening());
        TestPrompter prompter;
        ServerProfile p = rootProfile();
        p.port = server.serverPort();
        ServerConnection conn(p, sshConfig(p), &prompter);
        QSignalSpy steps(&conn, &ServerConnection::progress);
        for (int round = 1; round <= 2; ++round) {
            QFuture<Status> f = conn.connectToServer();
            QTRY_COMPARE_WITH_TIMEOUT(server.accepted.size(), round, 5000);
            QTest::qWait(150);
            QVERIFY(!f.isFinished());
            QCOMPARE(steps.last().at(0).value<Step>(), Step::Resolving);
            conn.cancelConnect();
            const qint64 ms = waitMs(f);
            qInfo("cancelled within %lld ms", ms);
            QVERIFY2(ms < kCancelLimitMs, qPrintable(QString::number(ms)));
            checkClosed(conn, f);
            QTRY_COMPARE_WITH_TIMEOUT(server.accepted.last()->state(),
                                      QAbstractSocket::UnconnectedState, 3000);
        }
        conn.cancelConnect(); // nothing in progress: no-op
        QCOMPARE(conn.state(), ServerConnection::State::Disconnected);
    }

    void cancelAtEachStep_data() {
        QTest::addColumn<int>("step");
        QTest::newRow("Resolving") << int(Step::Resolving);
        QTest::newRow("HostKey") << int(Step::HostKey);
        QTest::newRow("Auth") << int(Step::Auth);
        QTest::newRow("DbPassword") << int(Step::DbPassword);
        QTest::newRow("Tunnel") << int(Step::Tunnel);
        QTest::newRow("Database") << int(Step::Database);
        QTest::newRow("Done") << int(Step::Done);
    }
    void cancelAtEachStep() {
        QFETCH(int, step);
        TestPrompter prompter;
        const ServerProfile p = rootProfile();
        ServerConnection conn(p, sshConfig(p), &prompter);
        bool armed = true;
        auto c = connect(&conn, &ServerConnection::progress, this, [&](Step s) {
            if (armed && int(s) == step) {
                armed = false;
                conn.cancelConnect();
            }
        });
        QFuture<Status> f = conn.connectToServer();
        QVERIFY(waitMs(f, 30000) < 30000);
        QVERIFY(!armed); // the step was reached
        checkClosed(conn, f);
        // Nothing arrives late and changes the state.
        QTest::qWait(300);
        QCOMPARE(conn.state(), ServerConnection::State::Disconnected);
        disconnect(c);
        checkWorks(conn);
    }

    void cancelDuringAPasswordPrompt() {
        HoldingPrompter prompter;
        ServerProfile p = rootProfile();
        p.user = LabEnv::value("LAB_ADMIN_USER");
        p.identityFile.clear(); // no key: the password is asked
        ServerConnection conn(p, sshConfig(p), &prompter);
        QFuture<Status> f = conn.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(prompter.held.size(), 1, 10000);
        QCOMPARE(prompter.requests.first().kind, SecretRequest::Kind::Password);
        conn.cancelConnect();
        QVERIFY(waitMs(f) < kCancelLimitMs);
        checkClosed(conn, f);
        // The person answers late: ignored.
        prompter.held.first()(SecretAnswer{LabEnv::value("LAB_ADMIN_PASSWORD"), false});
        QTest::qWait(300);
        QCOMPARE(conn.state(), ServerConnection::State::Disconnected);
    }

    void disconnectWhileConnectingCancels() {
        SilentServer server;
        TestPrompter prompter;
        ServerProfile p = rootProfile();
        p.port = server.serverPort();
        ServerConnection conn(p, sshConfig(p), &prompter);
        QFuture<Status> f = conn.connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(server.accepted.size(), 1, 5000);
        conn.disconnectFromServer();
        QVERIFY(waitMs(f) < kCancelLimitMs);
        checkClosed(conn, f, false);
    }
};

QTEST_GUILESS_MAIN(TestConnectFlow)
#include "tst_connectflow.moc"
