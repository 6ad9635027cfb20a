// maildeck-cli exec and sql against the lab (see CliLab.h): output, exit statuses, host-key
// trust without a terminal, Ctrl+C, SQL through the tunnel compared with the test's own reading.

#include "CliLab.h"

#include "core/db/DomainRepository.h"

class TestCliRemote : public CliLab {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        setUp(QStringLiteral("cli-remote"));
        // A domain of its own for the SQL checks (made by core, not by the command under test).
        const maildeck::Status made = maildeck::db::DomainRepository::create(
            m_db, m_domain, QStringLiteral("maildeck-cli sql"));
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
        m_domainMade = true;
    }

    void cleanupTestCase() {
        if (m_domainMade) {
            auto plan = maildeck::db::DomainRepository::planDeletion(m_db, m_domain);
            QVERIFY(plan.ok());
            QVERIFY(maildeck::db::DomainRepository::remove(m_db, *plan).ok());
        }
        closeDb(QStringLiteral("cli-remote"));
    }

    void execOutputAndStatus() {
        Run r = lab({QStringLiteral("exec"), QStringLiteral("echo hello")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(r.out, QByteArray("hello\n"));
        QCOMPARE(r.err, QByteArray());

        r = lab({QStringLiteral("exec"), QStringLiteral("echo out; echo err >&2; exit 3")});
        QCOMPARE(r.code, 3);
        QCOMPARE(r.out, QByteArray("out\n"));
        QCOMPARE(r.err, QByteArray("err\n"));

        // Words after exec are the remote command, options included (joined as ssh joins them).
        r = lab({QStringLiteral("exec"), QStringLiteral("--"), QStringLiteral("ls"),
                 QStringLiteral("-d"), QStringLiteral("/")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(r.out, QByteArray("/\n"));

        r = lab({QStringLiteral("exec"), QStringLiteral("--sudo"), QStringLiteral("id -u")});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(r.out, QByteArray("0\n"));

        // stdin goes to the command (it is not a terminal here).
        r = lab({QStringLiteral("exec"), QStringLiteral("wc -c")}, "abcd");
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(r.out.trimmed(), QByteArray("4"));

        // A large output arrives whole and in order.
        r = lab({QStringLiteral("exec"), QStringLiteral("seq 1 200000")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.count('\n'), 200000);
        QVERIFY(r.out.endsWith("\n199999\n200000\n"));

        // No such profile: a connection error, 255 as ssh.
        r = cli({QStringLiteral("--profile"), QStringLiteral("nosuch"), QStringLiteral("exec"),
                 QStringLiteral("true")});
        QCOMPARE(r.code, 255);
        QVERIFY(r.errText().contains(QStringLiteral("nosuch")));
        // Progress only with --verbose, and on stderr.
        r = lab({QStringLiteral("--verbose"), QStringLiteral("exec"), QStringLiteral("true")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(!r.err.isEmpty(), "--verbose printed no progress");
    }

    void ctrlCCancels() {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(MAILDECK_CLI),
                {QStringLiteral("--settings"), m_settings, QStringLiteral("--profile"),
                 QStringLiteral("lab"), QStringLiteral("exec"),
                 QStringLiteral("echo started; sleep 30; echo never")});
        QVERIFY(p.waitForStarted(10000));
        p.closeWriteChannel();
        QByteArray got;
        QDeadlineTimer deadline(30000);
        while (!got.contains("started") && !deadline.hasExpired() && p.state() == QProcess::Running)
            if (p.waitForReadyRead(1000))
                got += p.readAllStandardOutput();
        QVERIFY2(got.contains("started"), p.readAllStandardError().constData());
        QElapsedTimer timer;
        timer.start();
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        QVERIFY2(timer.elapsed() < 5000, "Ctrl+C took too long");
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        got += p.readAllStandardOutput();
        QVERIFY(!got.contains("never"));
    }

    void unknownHostKeyNeedsConsent() {
        const QString empty = writeFile(QStringLiteral("known_hosts_empty"), QByteArray());
        addProfile(QStringLiteral("fresh"), empty);
        const QStringList exec = {QStringLiteral("--profile"), QStringLiteral("fresh"),
                                  QStringLiteral("exec"), QStringLiteral("echo in")};
        Run r = cli(exec);
        QCOMPARE(r.code, 255);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.errText().contains(QStringLiteral("--accept-new-host-key")),
                 qPrintable(r.describe()));
        QVERIFY2(r.errText().contains(QStringLiteral("SHA256:")), qPrintable(r.describe()));
        QFile file(empty);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray()); // nothing written
        file.close();

        r = cli(QStringList{QStringLiteral("--accept-new-host-key")} + exec);
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(r.out, QByteArray("in\n"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains(
            QByteArray(QByteArray("[127.0.0.1]:") + LabEnv::value("LAB_SSH_PORT").toUtf8())));
        file.close();
        // Known now: no flag needed.
        r = cli(exec);
        QVERIFY2(r.code == 0, qPrintable(r.describe()));

        // A changed key is refused even with --accept-new-host-key.
        const QString keyFile = m_tmp.path() + QStringLiteral("/otherkey");
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                      QStringLiteral("-N"), QString(), QStringLiteral("-f"), keyFile});
        QVERIFY(keygen.waitForFinished(30000) && keygen.exitCode() == 0);
        QFile pub(keyFile + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        const QList<QByteArray> parts = pub.readAll().split(' ');
        QVERIFY(parts.size() >= 2);
        QByteArray line = "[127.0.0.1]:" + LabEnv::value("LAB_SSH_PORT").toUtf8() + ' ' + parts[0] +
                          ' ' + parts[1] + '\n';
        // Every key type the server has, replaced by the wrong ed25519 key.
        writeFile(QStringLiteral("known_hosts_empty"), line);
        r = cli(QStringList{QStringLiteral("--accept-new-host-key")} + exec);
        QCOMPARE(r.code, 255);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(!r.err.isEmpty(), "no message for a changed host key");
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), line); // left as it was
    }

    void secretsWithoutATerminal() {
        // The admin account: a passphrase-protected key, sudo with a password.
        const QString passphrase = LabEnv::value("LAB_ADMIN_KEY_PASSPHRASE");
        const QString sudoPassword = LabEnv::value("LAB_ADMIN_PASSWORD");
        const Run added = cli({QStringLiteral("profile"),
                               QStringLiteral("add"),
                               QStringLiteral("admin"),
                               QStringLiteral("--host"),
                               QStringLiteral("127.0.0.1"),
                               QStringLiteral("--port"),
                               LabEnv::value("LAB_SSH_PORT"),
                               QStringLiteral("--user"),
                               LabEnv::value("LAB_ADMIN_USER"),
                               QStringLiteral("--identity-file"),
                               LabEnv::value("LAB_ADMIN_KEY_ENCRYPTED"),
                               QStringLiteral("--known-hosts"),
                               knownHostsCopy(QStringLiteral("kh_admin")),
                               QStringLiteral("--flavour"),
                               QStringLiteral("lab"),
                               QStringLiteral("--db-port"),
                               LabEnv::value("LAB_DB_PORT"),
                               QStringLiteral("--db-user"),
                               LabEnv::value("LAB_DB_ADMIN_USER"),
                               QStringLiteral("--db-credentials-file"),
                               LabEnv::value("LAB_DB_ADMIN_CNF")});
        QVERIFY2(added.code == 0, qPrintable(added.describe()));
        const QStringList exec = {QStringLiteral("--profile"), QStringLiteral("admin"),
                                  QStringLiteral("exec"), QStringLiteral("--sudo"),
                                  QStringLiteral("id -u")};
        // No terminal, no --secret-file: refused with a message naming the option.
        Run r = cli(exec);
        QCOMPARE(r.code, 255);
        QVERIFY2(r.errText().contains(QStringLiteral("--secret-file")), qPrintable(r.describe()));

        const QByteArray secrets = "key-passphrase=" + passphrase.toUtf8() +
                                   "\nsudo-password=" + sudoPassword.toUtf8() + '\n';
        const QString file = writeFile(QStringLiteral("secrets"), secrets);
        r = cli(QStringList{QStringLiteral("--secret-file"), file} + exec);
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QCOMPARE(r.out, QByteArray("0\n"));
        QVERIFY(!r.outText().contains(passphrase) && !r.errText().contains(passphrase));
        QVERIFY(!r.outText().contains(sudoPassword) && !r.errText().contains(sudoPassword));

        // A secret file others may read is refused before anything is sent.
        QFile(file).setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                   QFile::ReadOther);
        r = cli(QStringList{QStringLiteral("--secret-file"), file} + exec);
        QCOMPARE(r.code, 2);
        QVERIFY(!r.errText().contains(passphrase));
    }

    void sqlThroughTheTunnel() {
        const QString statement =
            QStringLiteral("SELECT domain, description, active, created, NULL AS nothing, "
                           "'a\\tb' AS tabbed FROM domain WHERE domain = '%1'")
                .arg(m_domain);
        Run r = lab({QStringLiteral("sql"), statement});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QSqlQuery q(m_db);
        QVERIFY(q.exec(statement) && q.next());
        const QString expected =
            QStringLiteral("domain\tdescription\tactive\tcreated\tnothing\ttabbed\n%1\t%2\t%3\t%"
                           "4\tNULL\ta\\tb\n")
                .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(r.outText(), expected);

        r = lab({QStringLiteral("sql"), QStringLiteral("--json"), statement});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        const QJsonArray rows = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.first().toObject();
        QCOMPARE(row.value(QStringLiteral("domain")).toString(), m_domain);
        QCOMPARE(row.value(QStringLiteral("active")).toInteger(), q.value(2).toLongLong());
        QVERIFY(row.value(QStringLiteral("nothing")).isNull());
        QCOMPARE(row.value(QStringLiteral("tabbed")).toString(), QStringLiteral("a\tb"));

        r = lab({QStringLiteral("sql"),
                 QStringLiteral("UPDATE domain SET description = 'cli' WHERE domain = '%1'")
                     .arg(m_domain)});
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
        QVERIFY2(r.outText().startsWith(QStringLiteral("1 ")), qPrintable(r.describe()));

        r = lab({QStringLiteral("sql"), QStringLiteral("SELECT * FROM clitest_no_such_table")});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.errText().contains(QStringLiteral("clitest_no_such_table")) &&
                     r.errText().contains(QStringLiteral("doesn't exist")),
                 qPrintable(r.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCliRemote)
#include "tst_cli_remote.moc"
