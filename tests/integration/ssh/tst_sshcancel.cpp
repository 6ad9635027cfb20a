// Cancelling SSH work against the lab: a connect to a server that accepts TCP and never speaks,
// a 50 MB SFTP read and write, a running `sleep 30`. Each ends within 2 s with ssh.cancelled and
// the session works for the next operation.

#include "TestPrompter.h"
#include "common/LabEnv.h"
#include "core/ssh/SshSession.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace maildeck;

namespace {
constexpr qint64 kBig = 50 * 1024 * 1024;
constexpr int kCancelLimitMs = 2000;

// Accepts connections and says nothing (an SSH port behind a broken proxy, a tarpit).
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

template <class T> qint64 waitMs(const QFuture<T> &f, int limitMs = 10000) {
    QElapsedTimer t;
    t.start();
    while (!f.isFinished() && t.elapsed() < limitMs)
        QTest::qWait(2);
    return t.elapsed();
}
} // namespace

class TestSshCancel : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_knownHosts;
    const QString m_tag = QString::number(QRandomGenerator::global()->generate(), 16);

    SshConfig rootConfig(quint16 port = 0) const {
        SshConfig c;
        c.profileName = QStringLiteral("lab");
        c.host = QStringLiteral("127.0.0.1");
        c.port = port ? port : LabEnv::port("LAB_SSH_PORT");
        c.user = QStringLiteral("root");
        c.identityFile = LabEnv::value("LAB_ROOT_KEY");
        c.knownHostsFile = m_knownHosts;
        c.sshConfigFile = QStringLiteral("none");
        c.sshDir = m_tmp.path() + QStringLiteral("/dotssh");
        c.useAgent = false;
        c.timeoutSeconds = 10;
        return c;
    }
    static void checkUsable(SshSession &s) {
        auto r = awaitFuture(s.runCommand(QStringLiteral("echo still-here")), 10000);
        QVERIFY(r);
        QVERIFY2(r->ok(), why(*r).constData());
        QCOMPARE(r->value().stdOut, QByteArray("still-here\n"));
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        QVERIFY(m_tmp.isValid());
        m_knownHosts = m_tmp.path() + QStringLiteral("/known_hosts");
        QVERIFY(QFile::copy(LabEnv::value("LAB_KNOWN_HOSTS"), m_knownHosts));
        QFile(m_knownHosts).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }

    void cancelConnectToSilentServer() {
        SilentServer server;
        QVERIFY(server.isListening());
        SshSession s(rootConfig(server.serverPort()));
        QFuture<Status> f = s.connectToHost();
        QTRY_VERIFY_WITH_TIMEOUT(!server.accepted.isEmpty(), 5000); // TCP is up, no banner
        QTest::qWait(200);
        QVERIFY(!f.isFinished()); // still waiting for the server's banner (timeout is 10 s)
        s.cancelConnect();
        const qint64 ms = waitMs(f);
        qInfo("cancelled within %lld ms", ms);
        QVERIFY2(ms < kCancelLimitMs, qPrintable(QString::number(ms)));
        QVERIFY(f.isFinished() && f.resultCount() == 1);
        QCOMPARE(f.result().error().code, QStringLiteral("ssh.cancelled"));
        QVERIFY(!f.result().error().message.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(s.state(), SshState::Disconnected, 2000);
        // The socket was closed: the silent server sees the end of the connection.
        QTRY_COMPARE_WITH_TIMEOUT(server.accepted.first()->state(),
                                  QAbstractSocket::UnconnectedState, 3000);
        // A new connect is a new attempt: the old cancel does not stop it.
        QFuture<Status> again = s.connectToHost();
        QTRY_VERIFY_WITH_TIMEOUT(server.accepted.size() == 2, 5000);
        QTest::qWait(100);
        QVERIFY(!again.isFinished());
        s.cancelConnect();
        QVERIFY(waitMs(again) < kCancelLimitMs);
        QCOMPARE(again.result().error().code, QStringLiteral("ssh.cancelled"));
    }

    void cancelledConnectThenConnectAgain() {
        SshSession s(rootConfig());
        QFuture<Status> f = s.connectToHost();
        s.cancelConnect(); // before the worker even started it
        QVERIFY(waitMs(f) < kCancelLimitMs);
        QCOMPARE(f.result().error().code, QStringLiteral("ssh.cancelled"));
        QElapsedTimer t;
        t.start();
        auto ok = awaitFuture(s.connectToHost(), 15000);
        qInfo("a connect took %lld ms", t.elapsed());
        QVERIFY(ok);
        QVERIFY2(ok->ok(), why(*ok).constData());
        checkUsable(s);
    }

    void cancelSftpRead() {
        SshSession s(rootConfig());
        const QString path = QStringLiteral("/tmp/md-cancel-read-%1").arg(m_tag);
        auto made = awaitFuture(
            s.runCommand(QStringLiteral("head -c %1 /dev/zero > %2").arg(kBig).arg(path)), 30000);
        QVERIFY(made && made->ok() && made->value().exitStatus == 0);
        CancelToken cancel;
        QFuture<Result<QByteArray>> f = s.readFile(path, kBig * 2, cancel);
        QTest::qWait(300);
        QVERIFY2(!f.isFinished(), "the 50 MB read finished before it could be cancelled");
        cancel.cancel();
        const qint64 ms = waitMs(f);
        qInfo("cancelled within %lld ms", ms);
        QVERIFY2(ms < kCancelLimitMs, qPrintable(QString::number(ms)));
        QCOMPARE(f.resultCount(), 1);
        QCOMPARE(f.result().error().code, QStringLiteral("ssh.cancelled"));
        // The session (and SFTP in it) goes on.
        checkUsable(s);
        auto small = awaitFuture(s.readFile(QStringLiteral("/etc/hostname")), 10000);
        QVERIFY(small && small->ok() && !small->value().isEmpty());
        // For scale: the whole read, uncancelled.
        QElapsedTimer whole;
        whole.start();
        auto full = awaitFuture(s.readFile(path, kBig * 2), 60000);
        QVERIFY(full && full->ok() && full->value().size() == kBig);
        qInfo("the whole 50 MB read takes %lld ms", whole.elapsed());
        QVERIFY(awaitFuture(s.remove(path), 10000)->ok());
        // A token cancelled before the operation starts: nothing is read.
        QFuture<Result<QByteArray>> pre = s.readFile(QStringLiteral("/etc/hostname"), 1024, cancel);
        QVERIFY(waitMs(pre) < kCancelLimitMs);
        QCOMPARE(pre.result().error().code, QStringLiteral("ssh.cancelled"));
    }

    void cancelSftpWrite() {
        SshSession s(rootConfig());
        QVERIFY(awaitFuture(s.connectToHost(), 15000)->ok());
        const QString path = QStringLiteral("/tmp/md-cancel-write-%1").arg(m_tag);
        const QByteArray data(kBig, 'x');
        CancelToken cancel;
        QFuture<Status> f = s.writeFile(path, data, 0600, cancel);
        QTest::qWait(300);
        QVERIFY2(!f.isFinished(), "the 50 MB write finished before it could be cancelled");
        cancel.cancel();
        const qint64 ms = waitMs(f);
        qInfo("cancelled within %lld ms", ms);
        QVERIFY2(ms < kCancelLimitMs, qPrintable(QString::number(ms)));
        QCOMPARE(f.resultCount(), 1);
        QCOMPARE(f.result().error().code, QStringLiteral("ssh.cancelled"));
        checkUsable(s);
        // Stopped part-way: the file is shorter than what was to be written.
        auto st = awaitFuture(s.stat(path), 10000);
        QVERIFY(st && st->ok());
        QVERIFY(st->value().size < kBig);
        QVERIFY(awaitFuture(s.remove(path), 10000)->ok());
    }

    void cancelRunningCommand() {
        SshSession s(rootConfig());
        QVERIFY(awaitFuture(s.connectToHost(), 15000)->ok());
        ExecOptions o;
        // The channel is closed and TERM requested (the lab's sshd runs without privilege
        // separation and refuses signals, so there the remote sleep runs out by itself).
        QFuture<Result<CommandOutput>> f = s.runCommand(QStringLiteral("sleep 30"), o);
        QTest::qWait(300);
        QVERIFY(!f.isFinished());
        o.cancel.cancel(); // the copy given to runCommand shares the flag
        const qint64 ms = waitMs(f);
        qInfo("cancelled within %lld ms", ms);
        QVERIFY2(ms < kCancelLimitMs, qPrintable(QString::number(ms)));
        QCOMPARE(f.resultCount(), 1);
        QCOMPARE(f.result().error().code, QStringLiteral("ssh.cancelled"));
        checkUsable(s);
        // A cancelled token stops a command before it starts.
        auto pre = awaitFuture(s.runCommand(QStringLiteral("echo never"), o), 5000);
        QVERIFY(pre && !pre->ok());
        QCOMPARE(pre->error().code, QStringLiteral("ssh.cancelled"));
    }

    void cancelQueuedCommand() {
        // Beyond the channel limit commands wait in a queue; a cancelled one leaves it.
        SshSession s(rootConfig());
        QVERIFY(awaitFuture(s.connectToHost(), 15000)->ok());
        QList<QFuture<Result<CommandOutput>>> busy;
        ExecOptions all;
        for (int i = 0; i < 8; ++i)
            busy << s.runCommand(QStringLiteral("sleep 30"), all);
        ExecOptions queued;
        auto q = s.runCommand(QStringLiteral("echo queued"), queued);
        QTest::qWait(300);
        queued.cancel.cancel();
        QVERIFY(waitMs(q) < kCancelLimitMs);
        QCOMPARE(q.result().error().code, QStringLiteral("ssh.cancelled"));
        all.cancel.cancel();
        for (auto &b : busy) {
            QVERIFY(waitMs(b) < kCancelLimitMs);
            QCOMPARE(b.result().error().code, QStringLiteral("ssh.cancelled"));
        }
        checkUsable(s);
    }
};

QTEST_GUILESS_MAIN(TestSshCancel)
#include "tst_sshcancel.moc"
