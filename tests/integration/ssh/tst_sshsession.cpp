// SshSession and DbWorker against the lab's real sshd and MariaDB.

#include "TestPrompter.h"
#include "common/LabEnv.h"
#include "core/db/DbWorker.h"
#include "core/ssh/SshSession.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <csignal>
#include <memory>

using namespace maildeck;
using Kind = SecretRequest::Kind;

class TestSshSession : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_knownHosts;

    SshConfig config(const QString &user, const QString &key = {}) const {
        SshConfig c;
        c.profileName = QStringLiteral("lab");
        c.host = QStringLiteral("127.0.0.1");
        c.port = LabEnv::port("LAB_SSH_PORT");
        c.user = user;
        c.identityFile = key;
        c.knownHostsFile = m_knownHosts;
        c.sshConfigFile = QStringLiteral("none");
        c.sshDir = m_tmp.path() + QStringLiteral("/dotssh"); // no default keys here
        c.useAgent = false;
        c.timeoutSeconds = 10;
        return c;
    }
    SshConfig rootConfig() const {
        return config(QStringLiteral("root"), LabEnv::value("LAB_ROOT_KEY"));
    }
    SshConfig adminConfig() const {
        return config(LabEnv::value("LAB_ADMIN_USER"), LabEnv::value("LAB_ADMIN_KEY"));
    }

    static Status connectOk(SshSession &s) {
        auto st = awaitFuture(s.connectToHost());
        if (!st)
            return Error{QStringLiteral("test.timeout"), QStringLiteral("connect timed out"), {}};
        return *st;
    }
    static CommandOutput run(SshSession &s, const QString &cmd, ExecOptions o = {}) {
        auto r = awaitFuture(s.runCommand(cmd, o));
        if (!r) {
            qWarning("command timed out: %s", qPrintable(cmd));
            return {};
        }
        if (!r->ok()) {
            qWarning("command failed: %s: %s", qPrintable(cmd), why(*r).constData());
            return {};
        }
        return r->value();
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        QVERIFY(m_tmp.isValid());
        m_knownHosts = m_tmp.path() + QStringLiteral("/known_hosts");
        QFile::remove(m_knownHosts);
        QVERIFY(QFile::copy(LabEnv::value("LAB_KNOWN_HOSTS"), m_knownHosts));
        QFile(m_knownHosts).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }

    void keyLoginAsRoot() {
        SshSession s(rootConfig());
        QSignalSpy states(&s, &SshSession::stateChanged);
        const Status st = connectOk(s);
        QVERIFY2(st.ok(), why(st).constData());
        QTRY_COMPARE(s.state(), SshState::Connected);
        QCOMPARE(s.remoteUser(), QStringLiteral("root"));
        QCOMPARE(run(s, QStringLiteral("id -un")).stdOut, QByteArray("root\n"));
    }

    void keyLoginAsAdmin() {
        SshSession s(adminConfig());
        const Status st = connectOk(s);
        QVERIFY2(st.ok(), why(st).constData());
        QCOMPARE(run(s, QStringLiteral("id -un")).stdoutText().trimmed(),
                 LabEnv::value("LAB_ADMIN_USER"));
    }

    void encryptedKeyAsksPassphrase() {
        TestPrompter prompter;
        prompter.answer(Kind::KeyPassphrase, QStringLiteral("wrong passphrase"));
        prompter.answer(Kind::KeyPassphrase, LabEnv::value("LAB_ADMIN_KEY_PASSPHRASE"));
        SshSession s(
            config(LabEnv::value("LAB_ADMIN_USER"), LabEnv::value("LAB_ADMIN_KEY_ENCRYPTED")),
            &prompter);
        const Status st = connectOk(s);
        QVERIFY2(st.ok(), why(st).constData());
        QCOMPARE(prompter.count(Kind::KeyPassphrase), 2);
        QCOMPARE(prompter.requests.at(0).keyFile, LabEnv::value("LAB_ADMIN_KEY_ENCRYPTED"));
        QCOMPARE(prompter.requests.at(1).attempt, 2);
        QCOMPARE(prompter.count(Kind::Password), 0);
    }

    void passwordLogin() {
        TestPrompter prompter;
        prompter.answer(Kind::Password, LabEnv::value("LAB_ADMIN_PASSWORD"));
        SshSession s(config(LabEnv::value("LAB_ADMIN_USER")), &prompter);
        const Status st = connectOk(s);
        QVERIFY2(st.ok(), why(st).constData());
        QCOMPARE(prompter.count(Kind::Password), 1);
        QVERIFY(prompter.requests.at(0).prompt.contains(
            QStringLiteral("mdadmin@127.0.0.1's password")));
    }

    void wrongPasswordMessage() {
        TestPrompter prompter;
        for (int i = 0; i < 3; ++i)
            prompter.answer(Kind::Password, QStringLiteral("not-the-password-%1").arg(i));
        SshSession s(config(LabEnv::value("LAB_ADMIN_USER")), &prompter);
        const Status st = connectOk(s);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("ssh.auth.denied"));
        QVERIFY2(st.error().message.contains(QStringLiteral(
                     "Permission denied (publickey,password,keyboard-interactive).")),
                 why(st).constData());
        QCOMPARE(prompter.count(Kind::Password), 3);
        QVERIFY(!st.error().message.contains(QStringLiteral("not-the-password")));
    }

    void cancelledPasswordPrompt() {
        TestPrompter prompter; // nothing scripted: cancels
        SshSession s(config(LabEnv::value("LAB_ADMIN_USER")), &prompter);
        const Status st = connectOk(s);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("ssh.auth.cancelled"));
    }

    void unknownHostKeyAsksAndTrusts() {
        const QString file = m_tmp.path() + QStringLiteral("/known_hosts_empty");
        QFile::remove(file);
        SshConfig c = rootConfig();
        c.knownHostsFile = file;
        SshSession s(c);
        Status st = connectOk(s);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("ssh.hostkey.unknown"));
        QTRY_COMPARE(s.state(), SshState::AwaitingHostKeyTrust);
        const HostKeyInfo key = s.pendingHostKey();
        QVERIFY2(key.fingerprint.startsWith(QStringLiteral("SHA256:")),
                 qPrintable(key.fingerprint));
        QVERIFY(!key.keyType.isEmpty());
        QCOMPARE(key.hostPort(),
                 QStringLiteral("[127.0.0.1]:%1").arg(LabEnv::port("LAB_SSH_PORT")));
        QVERIFY(st.error().message.contains(key.fingerprint));
        // Not connected until trusted: commands fail and nothing is written.
        auto r = awaitFuture(s.runCommand(QStringLiteral("true")));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().code, QStringLiteral("ssh.hostkey.unknown"));
        QVERIFY(!QFile::exists(file) || QFile(file).size() == 0);

        st = *awaitFuture(s.trustHostKey());
        QVERIFY2(st.ok(), why(st).constData());
        QCOMPARE(run(s, QStringLiteral("echo ok")).stdOut, QByteArray("ok\n"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains(
            QStringLiteral("[127.0.0.1]:%1").arg(LabEnv::port("LAB_SSH_PORT")).toLatin1()));

        // The next session knows the key.
        SshSession again(c);
        st = connectOk(again);
        QVERIFY2(st.ok(), why(st).constData());
    }

    void hashedKnownHosts() {
        // OpenSSH's HashKnownHosts form ("|1|salt|hash type key") is read as well.
        const QString file = m_tmp.path() + QStringLiteral("/known_hosts_hashed");
        QFile::remove(file);
        QVERIFY(QFile::copy(m_knownHosts, file));
        QFile(file).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-H"), QStringLiteral("-f"), file});
        QVERIFY(keygen.waitForFinished(10000));
        QCOMPARE(keygen.exitCode(), 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        QVERIFY(content.startsWith("|1|"));
        QVERIFY(!content.contains("127.0.0.1"));
        SshConfig c = rootConfig();
        c.knownHostsFile = file;
        SshSession s(c);
        const Status st = connectOk(s);
        QVERIFY2(st.ok(), why(st).constData());
    }

    void changedHostKeyRefused() {
        // A known_hosts line for the lab's address with another ed25519 key (the root client key
        // stands in for "some other server's key").
        QFile pub(LabEnv::value("LAB_ROOT_KEY") + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QList<QByteArray> parts = pub.readAll().trimmed().split(' ');
        const QString file = m_tmp.path() + QStringLiteral("/known_hosts_changed");
        QFile kh(file);
        QVERIFY(kh.open(QIODevice::WriteOnly | QIODevice::Truncate));
        kh.write("[127.0.0.1]:" + QByteArray::number(LabEnv::port("LAB_SSH_PORT")) + ' ' +
                 parts.at(0) + ' ' + parts.at(1) + '\n');
        kh.close();

        TestPrompter prompter;
        prompter.answer(Kind::Password, LabEnv::value("LAB_ADMIN_PASSWORD"));
        SshConfig c = config(LabEnv::value("LAB_ADMIN_USER"));
        c.knownHostsFile = file;
        SshSession s(c, &prompter);
        const Status st = connectOk(s);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("ssh.hostkey.changed"));
        QVERIFY(
            st.error().message.contains(QStringLiteral("REMOTE HOST IDENTIFICATION HAS CHANGED")));
        QVERIFY(st.error().message.contains(QStringLiteral("ssh-keygen -f")));
        QVERIFY(prompter.requests.isEmpty()); // nothing was sent: no password asked
        QTRY_COMPARE(s.state(), SshState::Failed);
        QVERIFY(s.pendingHostKey().fingerprint.isEmpty());
    }

    void execOutputAndExitStatus() {
        SshSession s(rootConfig());
        QVERIFY(connectOk(s).ok());
        const CommandOutput out =
            run(s, QStringLiteral("echo out; echo err >&2; printf 'ä\\n'; exit 3"));
        QCOMPARE(out.stdOut, QByteArray("out\n") + QStringLiteral("ä\n").toUtf8());
        QCOMPARE(out.stdErr, QByteArray("err\n"));
        QCOMPARE(out.exitStatus, 3);

        ExecOptions in;
        in.stdinData = QByteArray("line1\nline2\n");
        QCOMPARE(run(s, QStringLiteral("wc -l"), in).stdoutText().trimmed(), QStringLiteral("2"));

        // Streaming.
        SshProcess *p = s.startCommand(
            QStringLiteral("for i in 1 2 3; do echo $i; sleep 0.1; done; echo e >&2"));
        QSignalSpy out1(p, &SshProcess::stdoutData);
        QSignalSpy err1(p, &SshProcess::stderrData);
        QSignalSpy fin(p, &SshProcess::finished);
        QVERIFY(fin.wait(10000));
        QCOMPARE(fin.at(0).at(0).toInt(), 0);
        QByteArray all;
        for (const auto &args : out1)
            all += args.at(0).toByteArray();
        QCOMPARE(all, QByteArray("1\n2\n3\n"));
        QVERIFY(out1.count() >= 2); // arrived in pieces
        QCOMPARE(err1.count(), 1);

        // Cancel a long command.
        auto f = s.runCommand(QStringLiteral("sleep 30"));
        QTest::qWait(200);
        f.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
        // Timeout.
        ExecOptions t;
        t.timeoutMs = 300;
        auto r = awaitFuture(s.runCommand(QStringLiteral("sleep 30"), t), 5000);
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().code, QStringLiteral("ssh.timeout"));
        // Still usable.
        QCOMPARE(run(s, QStringLiteral("echo still")).stdOut, QByteArray("still\n"));
    }

    void manyConcurrentCommands() {
        SshSession s(rootConfig());
        QVERIFY(connectOk(s).ok());
        QList<QFuture<Result<CommandOutput>>> futures;
        for (int i = 0; i < 50; ++i)
            futures << s.runCommand(QStringLiteral("echo %1").arg(i));
        for (int i = 0; i < 50; ++i) {
            auto r = awaitFuture(futures[i]);
            QVERIFY(r && r->ok());
            QCOMPARE(r->value().stdoutText().trimmed(), QString::number(i));
        }
    }

    void sudoWithPasswordAsAdmin() {
        TestPrompter prompter;
        prompter.answer(Kind::SudoPassword, QStringLiteral("wrong sudo password"));
        prompter.answer(Kind::SudoPassword, LabEnv::value("LAB_ADMIN_PASSWORD"));
        SshSession s(adminConfig(), &prompter);
        QVERIFY(connectOk(s).ok());
        ExecOptions priv;
        priv.privileged = true;
        auto r = awaitFuture(s.runCommand(QStringLiteral("id -u"), priv));
        QVERIFY(r);
        QVERIFY2(r->ok(), why(*r).constData());
        QCOMPARE(r->value().stdOut, QByteArray("0\n"));
        QCOMPARE(prompter.count(Kind::SudoPassword), 2);
        // Once per session; stdin of the command is its own (the password never reaches it).
        priv.stdinData = "data\n";
        r = awaitFuture(s.runCommand(QStringLiteral("cat"), priv));
        QVERIFY(r && r->ok());
        QCOMPARE(r->value().stdOut, QByteArray("data\n"));
        r = awaitFuture(
            s.runCommand(QStringLiteral("cat %1").arg(LabEnv::value("LAB_DB_ADMIN_CNF")), priv));
        QVERIFY(r && r->ok());
        QVERIFY(r->value().stdOut.contains("[client]"));
        QCOMPARE(prompter.count(Kind::SudoPassword), 2);
        // Without privileged, the admin cannot read it.
        r = awaitFuture(
            s.runCommand(QStringLiteral("cat %1").arg(LabEnv::value("LAB_DB_ADMIN_CNF"))));
        QVERIFY(r && r->ok());
        QVERIFY(r->value().exitStatus != 0);
    }

    void sudoCancelled() {
        TestPrompter prompter;
        SshSession s(adminConfig(), &prompter);
        QVERIFY(connectOk(s).ok());
        ExecOptions priv;
        priv.privileged = true;
        auto r = awaitFuture(s.runCommand(QStringLiteral("id -u"), priv));
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().code, QStringLiteral("ssh.sudo.cancelled"));
    }

    void sftpRoundTrip() {
        SshSession s(adminConfig());
        QVERIFY(connectOk(s).ok());
        const QString dir =
            QStringLiteral("/tmp/maildeck-sftp-%1").arg(QRandomGenerator::global()->generate());
        Status st = *awaitFuture(s.makeDirectory(dir, 0700));
        QVERIFY2(st.ok(), why(st).constData());
        QByteArray data(10 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < data.size(); i += 4)
            *reinterpret_cast<quint32 *>(data.data() + i) = QRandomGenerator::global()->generate();
        const QString tmpFile = dir + QStringLiteral("/file.tmp");
        const QString file = dir + QStringLiteral("/file ü.bin");
        st = *awaitFuture(s.writeFile(tmpFile, data, 0600));
        QVERIFY2(st.ok(), why(st).constData());
        st = *awaitFuture(s.rename(tmpFile, file));
        QVERIFY2(st.ok(), why(st).constData());
        auto info = *awaitFuture(s.stat(file));
        QVERIFY(info.ok());
        QCOMPARE(info->size, data.size());
        QCOMPARE(info->permissions, 0600u);
        QCOMPARE(info->type, RemoteFileInfo::Type::File);
        auto back = *awaitFuture(s.readFile(file));
        QVERIFY(back.ok());
        QVERIFY(back.value() == data);
        auto list = *awaitFuture(s.listDirectory(dir));
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().name, QStringLiteral("file ü.bin"));
        auto missing = *awaitFuture(s.readFile(dir + QStringLiteral("/nope")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("sftp.notfound"));
        auto denied = *awaitFuture(s.readFile(LabEnv::value("LAB_DB_ADMIN_CNF")));
        QVERIFY(!denied.ok());
        QVERIFY(*&denied.error().code == QStringLiteral("sftp.permission") ||
                denied.error().code == QStringLiteral("sftp.notfound"));
        QVERIFY(awaitFuture(s.remove(file))->ok());
        QVERIFY(awaitFuture(s.remove(dir))->ok());
    }

    void tunnelCarriesMariaDb() {
        SshSession s(adminConfig());
        QVERIFY(connectOk(s).ok());
        auto port = *awaitFuture(
            s.startLocalForward(QStringLiteral("127.0.0.1"), LabEnv::port("LAB_DB_PORT")));
        QVERIFY2(port.ok(), why(port).constData());
        DbEndpoint ep;
        ep.port = port.value();
        ep.user = LabEnv::value("LAB_DB_ADMIN_USER");
        ep.password = LabEnv::value("LAB_DB_ADMIN_PASSWORD");
        ep.database = LabEnv::value("LAB_DB_NAME");

        DbEndpoint direct = ep;
        direct.port = LabEnv::port("LAB_DB_PORT");
        DbWorker directDb;
        QVERIFY(awaitFuture(directDb.open(direct))->ok());
        auto countJob = [](QSqlDatabase &db) -> Result<int> {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM vmail.domain")) || !q.next())
                return Error{QStringLiteral("test"), q.lastError().text(), {}};
            return q.value(0).toInt();
        };
        auto expected = *awaitFuture(directDb.run(countJob));
        QVERIFY(expected.ok());
        QVERIFY(expected.value() > 0);

        DbWorker db;
        Status st = *awaitFuture(db.open(ep));
        QVERIFY2(st.ok(), why(st).constData());
        auto count = *awaitFuture(db.run(countJob));
        QVERIFY2(count.ok(), why(count).constData());
        QCOMPARE(count.value(), expected.value());

        // utf8mb4 end to end.
        auto emoji = *awaitFuture(db.run([](QSqlDatabase &d) -> Result<QString> {
            QSqlQuery q(d);
            if (!q.exec(QStringLiteral("SELECT 'サーバ名 📨', CHAR_LENGTH('📨')")) || !q.next())
                return Error{QStringLiteral("test"), q.lastError().text(), {}};
            if (q.value(1).toInt() != 1)
                return Error{QStringLiteral("test"), QStringLiteral("not utf8mb4"), {}};
            return q.value(0).toString();
        }));
        QVERIFY2(emoji.ok(), why(emoji).constData());
        QCOMPARE(emoji.value(), QStringLiteral("サーバ名 📨"));

        // Several connections at once with large results.
        std::vector<std::unique_ptr<DbWorker>> workers;
        QList<QFuture<Result<qint64>>> big;
        for (int i = 0; i < 4; ++i) {
            workers.push_back(std::make_unique<DbWorker>());
            workers.back()->open(ep);
            big << workers.back()->run([](QSqlDatabase &d) -> Result<qint64> {
                QSqlQuery q(d);
                q.setForwardOnly(true);
                if (!q.exec(QStringLiteral("SELECT seq, REPEAT('x', 400) FROM seq_1_to_40000")))
                    return Error{QStringLiteral("test"), q.lastError().text(), {}};
                qint64 bytes = 0;
                while (q.next())
                    bytes += q.value(1).toString().size();
                return bytes;
            });
        }
        for (auto &f : big) {
            auto r = awaitFuture(f, 120000);
            QVERIFY(r);
            QVERIFY2(r->ok(), why(*r).constData());
            QCOMPARE(r->value(), qint64(40000) * 400);
        }

        // A transaction: open inside the job, rolled back when the job fails.
        auto tx = *awaitFuture(db.runInTransaction([](QSqlDatabase &d) -> Status {
            QSqlQuery q(d);
            if (!q.exec(QStringLiteral("SELECT @@in_transaction")) || !q.next() ||
                q.value(0).toInt() != 1)
                return Error{QStringLiteral("test.notx"), QStringLiteral("no transaction"), {}};
            return Error{QStringLiteral("test.abort"), QStringLiteral("abort"), {}};
        }));
        QCOMPARE(tx.error().code, QStringLiteral("test.abort"));
        auto rows = *awaitFuture(db.run([](QSqlDatabase &d) -> Result<int> {
            QSqlQuery q(d);
            if (!q.exec(QStringLiteral("SELECT @@in_transaction")) || !q.next())
                return Error{QStringLiteral("test"), q.lastError().text(), {}};
            return q.value(0).toInt();
        }));
        QVERIFY2(rows.ok(), why(rows).constData());
        QCOMPARE(rows.value(), 0);
    }

    void sshConfigHostAlias() {
        // ~/.ssh/config: Host alias, HostName, Port, User, IdentityFile.
        const QString cfgFile = m_tmp.path() + QStringLiteral("/ssh_config");
        QFile cfg(cfgFile);
        QVERIFY(cfg.open(QIODevice::WriteOnly | QIODevice::Truncate));
        cfg.write(QStringLiteral("Host otherhost\n  HostName 192.0.2.1\n\n"
                                 "Host labalias\n  HostName 127.0.0.1\n  Port %1\n  User %2\n"
                                 "  IdentityFile %3\n")
                      .arg(LabEnv::port("LAB_SSH_PORT"))
                      .arg(LabEnv::value("LAB_ADMIN_USER"), LabEnv::value("LAB_ADMIN_KEY"))
                      .toUtf8());
        cfg.close();
        SshConfig c = config(QString());
        c.host = QStringLiteral("labalias");
        c.port = 0;
        c.sshConfigFile = cfgFile;
        SshSession s(c);
        const Status st = connectOk(s);
        QVERIFY2(st.ok(), why(st).constData());
        QCOMPARE(s.remoteUser(), LabEnv::value("LAB_ADMIN_USER"));
        QCOMPARE(run(s, QStringLiteral("id -un")).stdoutText().trimmed(),
                 LabEnv::value("LAB_ADMIN_USER"));
    }

    void hungServerTimesOut() {
        SshConfig c = rootConfig();
        c.timeoutSeconds = 3;
        c.keepaliveSeconds = 2;
        SshSession s(c);
        QVERIFY(connectOk(s).ok());
        QSignalSpy lost(&s, &SshSession::connectionLost);
        const qint64 pid = run(s, QStringLiteral("echo $PPID")).stdoutText().trimmed().toLongLong();
        QVERIFY(pid > 1);
        auto inFlight = s.runCommand(QStringLiteral("sleep 60"));
        QTest::qWait(300);
        QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0); // the server hangs
        QElapsedTimer timer;
        timer.start();
        auto r = awaitFuture(inFlight, 20000);
        ::kill(pid_t(pid), SIGCONT);
        ::kill(pid_t(pid), SIGTERM);
        QVERIFY(r);
        QVERIFY(!r->ok());
        QCOMPARE(r->error().code, QStringLiteral("ssh.connection.lost"));
        QVERIFY2(r->error().message.contains(QStringLiteral("did not answer")),
                 qPrintable(r->error().message));
        QVERIFY(timer.elapsed() < 12000);
        QTRY_COMPARE(lost.count(), 1);
        // The next operation reconnects.
        QCOMPARE(run(s, QStringLiteral("echo back")).stdOut, QByteArray("back\n"));
    }

    void droppedConnectionReconnects() {
        SshSession s(rootConfig());
        QVERIFY(connectOk(s).ok());
        QSignalSpy lost(&s, &SshSession::connectionLost);
        auto port = *awaitFuture(
            s.startLocalForward(QStringLiteral("127.0.0.1"), LabEnv::port("LAB_DB_PORT")));
        QVERIFY(port.ok());
        DbEndpoint ep;
        ep.port = port.value();
        ep.user = LabEnv::value("LAB_DB_ADMIN_USER");
        ep.password = LabEnv::value("LAB_DB_ADMIN_PASSWORD");
        DbWorker db;
        QVERIFY(awaitFuture(db.open(ep))->ok());
        auto countJob = [](QSqlDatabase &d) -> Result<int> {
            QSqlQuery q(d);
            if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM vmail.domain")) || !q.next())
                return Error{QStringLiteral("db.connection"), q.lastError().text(), {}};
            return q.value(0).toInt();
        };
        QVERIFY(awaitFuture(db.run(countJob))->ok());

        // The shell's parent is this connection's sshd process.
        const qint64 pid = run(s, QStringLiteral("echo $PPID")).stdoutText().trimmed().toLongLong();
        QVERIFY(pid > 1);
        auto inFlight = s.runCommand(QStringLiteral("sleep 60"));
        QTest::qWait(300);
        QCOMPARE(::kill(pid_t(pid), SIGTERM), 0);
        auto r = awaitFuture(inFlight, 15000);
        QVERIFY(r);
        QVERIFY(!r->ok());
        QCOMPARE(r->error().code, QStringLiteral("ssh.connection.lost"));
        QVERIFY(r->error().message.contains(QStringLiteral("lost")));
        QTRY_COMPARE(lost.count(), 1);
        QTRY_COMPARE(s.state(), SshState::Disconnected);

        // The next operation reconnects.
        QCOMPARE(run(s, QStringLiteral("echo back")).stdOut, QByteArray("back\n"));
        QCOMPARE(s.state(), SshState::Connected);
        // And the database through the same forward reconnects too.
        auto count = awaitFuture(db.run(countJob));
        QVERIFY(count);
        QVERIFY2(count->ok(), why(*count).constData());
    }
};

QTEST_GUILESS_MAIN(TestSshSession)
#include "tst_sshsession.moc"
