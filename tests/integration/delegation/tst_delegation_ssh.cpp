// The per-domain admin's way in, against the lab's real sshd and MariaDB: MailDeck's core makes a
// domain admin, their md_… account and their forward-only SSH account (through the global admin's
// session); then the real `ssh`, `sftp`, `scp` and `mysql` clients with the admin's own key try
// every way out — all refused except the forward to the database port, through which the
// admin's own MariaDB account sees only their domains. A connection file exported from the
// server and imported in one step gives a ServerConnection that connects without a host-key
// question and sees exactly the granted domains. Disabling ends an open forward; rotating the
// key locks out the old one; removing leaves nothing behind.

#include "DelegationLab.h"
#include "common/LabEnv.h"

#include "../ssh/TestPrompter.h"

#include "core/db/DbWorker.h"
#include "core/delegation/DelegatedAccounts.h"
#include "core/delegation/DelegatedCalls.h"
#include "core/delegation/DelegationDbAccount.h"
#include "core/delegation/DelegationSchema.h"
#include "core/delegation/DomainAdmins.h"
#include "core/delegation/ForwardOnlyAccount.h"
#include "core/delegation/ListAgent.h"
#include "core/lists/MailingLists.h"
#include "core/profiles/ConnectionFile.h"
#include "core/profiles/ProfileStore.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::delegation;
using namespace DelegationLab;

namespace {

struct Run {
    int exitCode = -1; // -1: still running when stopped (or crashed)
    bool finished = false;
    QByteArray out;
    QByteArray err;
};

// Runs a program; stops it after timeoutMs.
Run runProgram(const QString &program, const QStringList &args, const QByteArray &input = {},
               int timeoutMs = 15000, const QProcessEnvironment &env = {}) {
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(5000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(3000);
    }
    r.exitCode = r.finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

quint16 freePort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// Connects to 127.0.0.1:port and collects what arrives within waitMs (after sending `hello`).
QByteArray probe(quint16 port, const QByteArray &hello = {}, int waitMs = 2500) {
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(3000))
        return {};
    if (!hello.isEmpty())
        s.write(hello);
    QByteArray got;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < waitMs && s.state() == QAbstractSocket::ConnectedState) {
        if (s.waitForReadyRead(100))
            got += s.readAll();
        if (!got.isEmpty() && hello.isEmpty())
            break;
    }
    got += s.readAll();
    return got;
}

// Waits until something listens on 127.0.0.1:port (a forward set up by ssh -L / -D).
bool waitListening(quint16 port, QProcess &ssh, int timeoutMs = 10000) {
    if (!ssh.waitForStarted(5000))
        return false;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs && ssh.state() == QProcess::Running) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(200)) {
            s.abort();
            return true;
        }
        QTest::qWait(100);
    }
    return false;
}

} // namespace

class TestDelegationSsh : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QSqlDatabase m_root;
    QString m_tag;
    QString m_admin;
    QString m_domainA, m_domainB;
    QString m_key, m_key2; // private key files (.pub beside them)
    QString m_knownHosts;
    QString m_sysUser;
    AccountCredentials m_creds;
    ForwardOnlyOptions m_options;
    bool m_installedHere = false;
    SshSession *m_global = nullptr;
    TestPrompter m_globalPrompter;

    struct Matrix {
        int attempts = 0;
        int refused = 0;
        QStringList succeeded;
    } m_matrix;

    ServerProfile globalProfile() const {
        ServerProfile p;
        p.name = QStringLiteral("delegssh-global-") + m_tag;
        p.host = QStringLiteral("127.0.0.1");
        p.port = LabEnv::port("LAB_SSH_PORT");
        p.user = QStringLiteral("root");
        p.identityFile = LabEnv::value("LAB_ROOT_KEY");
        p.knownHostsFile = m_knownHosts;
        p.dbHost = QStringLiteral("127.0.0.1");
        p.dbPort = LabEnv::port("LAB_DB_PORT");
        p.dbName = LabEnv::value("LAB_DB_NAME");
        p.flavour = ServerFlavour::Lab;
        p.paths = ServerPaths::defaultsFor(ServerFlavour::Lab);
        p.paths.sshdConfig = LabEnv::value("LAB_SSHD_CONFIG");
        p.flavourConfirmed = true;
        return p;
    }
    SshConfig sshConfigFor(const ServerProfile &p) const {
        SshConfig c = SshConfig::fromProfile(p);
        c.sshConfigFile = QStringLiteral("none");
        c.sshDir = m_tmp.path() + QStringLiteral("/dotssh");
        c.useAgent = false;
        c.timeoutSeconds = 10;
        return c;
    }

    // ssh options every client run uses: only this key, only the lab's pinned host key.
    QStringList sshBase(const QString &key) const {
        return {QStringLiteral("-F"), QStringLiteral("/dev/null"),
                QStringLiteral("-i"), key,
                QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes"),
                QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + m_knownHosts,
                QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=yes"),
                QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
                QStringLiteral("-o"), QStringLiteral("ConnectTimeout=10")};
    }
    // ssh [base] [options] -p PORT user@127.0.0.1 [command]
    QStringList sshArgs(const QStringList &options, const QString &key = {},
                        const QString &command = {}) const {
        QStringList args =
            sshBase(key.isEmpty() ? m_key : key) + options +
            QStringList{QStringLiteral("-p"), LabEnv::value("LAB_SSH_PORT"), target()};
        if (!command.isEmpty())
            args << command;
        return args;
    }
    QString target() const { return m_sysUser + QStringLiteral("@127.0.0.1"); }

    void attempt(const QString &name, bool refused, const QByteArray &detail) {
        ++m_matrix.attempts;
        if (refused)
            ++m_matrix.refused;
        else
            m_matrix.succeeded << name;
        qInfo().noquote() << (refused ? "refused:  " : "SUCCEEDED:") << name << "|"
                          << QString::fromUtf8(detail.simplified().left(160));
    }

    // `ssh -W host:port`: the forward refused by sshd (nothing from the target, sshd's refusal).
    void attemptStdioForward(const QString &name, const QString &hostPort) {
        const Run r =
            runProgram(QStringLiteral("ssh"), sshArgs({QStringLiteral("-W"), hostPort}), {}, 4000);
        const bool refused =
            r.out.isEmpty() && r.err.contains("administratively prohibited") && r.exitCode != 0;
        attempt(name, refused, r.err + r.out.left(40));
    }

    // `ssh -N -L local:spec`, then a connection to the local port: refused when nothing arrives.
    void attemptLocalForward(const QString &name, const QString &spec,
                             const QByteArray &hello = {}) {
        const quint16 port = freePort();
        QProcess ssh;
        ssh.start(QStringLiteral("ssh"),
                  sshArgs({QStringLiteral("-N"), QStringLiteral("-L"),
                           QStringLiteral("127.0.0.1:%1:%2").arg(port).arg(spec)}));
        QByteArray got;
        if (waitListening(port, ssh))
            got = probe(port, hello);
        ssh.kill();
        ssh.waitForFinished(3000);
        const QByteArray err = ssh.readAllStandardError();
        attempt(name, got.isEmpty(), got.isEmpty() ? err : got);
    }

    // `ssh -N -R spec` with ExitOnForwardFailure: refused when ssh gives up.
    void attemptRemoteForward(const QString &name, const QString &spec) {
        const Run r = runProgram(
            QStringLiteral("ssh"),
            sshArgs({QStringLiteral("-N"), QStringLiteral("-o"),
                     QStringLiteral("ExitOnForwardFailure=yes"), QStringLiteral("-R"), spec}),
            {}, 6000);
        attempt(name, r.finished && r.exitCode != 0, r.err);
    }

    // A command's marker must never appear: "42MDK" is only printed if a shell computed it.
    void attemptCommand(const QString &name, const QStringList &options, const QString &command,
                        const QByteArray &input, const QProcessEnvironment &env = {}) {
        const Run r =
            runProgram(QStringLiteral("ssh"), sshArgs(options, {}, command), input, 8000, env);
        const bool refused =
            !r.out.contains("42MDK") && !r.out.contains("uid=") && !r.err.contains("42MDK");
        attempt(name, refused, r.err + r.out);
    }

    void removeSystemUserLeftovers() {
        // Earlier runs' admins: their forward-only accounts through MailDeck (it removes only
        // accounts it made), then the rows.
        QSqlQuery q(m_root);
        q.exec(QStringLiteral("SELECT username FROM vmail.admin WHERE username LIKE "
                              "'%@partner-delegssh.test'"));
        QStringList old;
        while (q.next())
            old << q.value(0).toString();
        // Forward-only accounts whose admin row is gone already (named in their GECOS field).
        const QString passwd =
            QString::fromUtf8(runProgram(QStringLiteral("getent"), {QStringLiteral("passwd")}).out);
        for (const QString &line : passwd.split(QLatin1Char('\n'))) {
            const QString gecos = line.section(QLatin1Char(':'), 4, 4);
            if (gecos.startsWith(QLatin1String("MailDeck forward-only ")) &&
                gecos.endsWith(QLatin1String("@partner-delegssh.test")))
                old << gecos.mid(22);
        }
        old.removeDuplicates();
        for (const QString &admin : old) {
            if (m_global)
                awaitFuture(ForwardOnlyAccounts::remove(m_global, admin, m_options), 30000);
            DomainAdmins::remove(m_root, admin);
        }
        exec(m_root, QStringLiteral("DELETE FROM vmail.domain_admins WHERE domain LIKE "
                                    "'%.delegssh.maildeck.test'"));
        exec(m_root, QStringLiteral(
                         "DELETE FROM vmail.domain WHERE domain LIKE '%.delegssh.maildeck.test'"));
    }

    QByteArray passwdEntry(const QString &user) const {
        return runProgram(QStringLiteral("getent"), {QStringLiteral("passwd"), user}).out;
    }

private Q_SLOTS:
    // The admin's profile as the connection file import makes it on their own desktop.
    ServerProfile importedProfile(const QString &name) {
        auto keys = awaitFuture(ForwardOnlyAccounts::serverHostKeys(m_global, m_options));
        if (!keys || !keys->ok())
            return {};
        const ServerHostKey *ed = nullptr;
        for (const ServerHostKey &k : keys->value())
            if (k.key.type == QLatin1String("ssh-ed25519"))
                ed = &k;
        if (!ed)
            return {};
        auto file = ConnectionFile::forDelegatedAdmin(
            globalProfile(), ed->key.type, ed->key.base64(), m_admin, m_sysUser, m_creds.dbUser);
        if (!file)
            return {};
        ProfileStore store(m_tmp.filePath(name + QStringLiteral("-settings.ini")));
        ConnectionImportOptions o;
        o.identityFile = m_key;
        o.knownHostsFile = m_tmp.filePath(name + QStringLiteral("_known_hosts"));
        auto profile = ConnectionFile::importInto(store, *file, o);
        return profile ? profile.value() : ServerProfile{};
    }

    static QString firstSeedList() {
        const QJsonArray lists = LabEnv::manifest().value(QStringLiteral("maillists")).toArray();
        return lists.isEmpty()
                   ? QStringLiteral("announce@example01.test")
                   : lists.first().toObject().value(QStringLiteral("address")).toString();
    }

    void initTestCase() {
        LAB_REQUIRE();
        QVERIFY(m_tmp.isValid());
        m_tag = QStringLiteral("s%1%2")
                    .arg(QDateTime::currentMSecsSinceEpoch() % 100000000)
                    .arg(QRandomGenerator::global()->bounded(1000));
        m_admin = m_tag + QStringLiteral("@partner-delegssh.test");
        m_domainA = m_tag + QStringLiteral("-a.delegssh.maildeck.test");
        m_domainB = m_tag + QStringLiteral("-b.delegssh.maildeck.test");
        m_sysUser = ForwardOnlyAccounts::systemUserFor(m_admin);
        m_options.sshdConfig = LabEnv::value("LAB_SSHD_CONFIG");
        m_knownHosts = m_tmp.filePath(QStringLiteral("known_hosts"));
        QVERIFY(QFile::copy(LabEnv::value("LAB_KNOWN_HOSTS"), m_knownHosts));
        QFile(m_knownHosts).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        QDir().mkpath(m_tmp.filePath(QStringLiteral("dotssh")));

        m_root = openRoot(QStringLiteral("delegssh-root"));
        QVERIFY2(m_root.isOpen(), qPrintable(m_root.lastError().text()));
        auto st = DelegationSchema::status(m_root);
        QVERIFY(st.ok());
        if (st->installedVersion < st->latestVersion) {
            m_installedHere = st->installedVersion == 0;
            const Status s = DelegationSchema::install(m_root);
            QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message + s.error().detail));
        }

        // The global admin's own SSH session (root with the lab's key: no sudo question).
        const ServerProfile g = globalProfile();
        m_global = new SshSession(sshConfigFor(g), &m_globalPrompter, this);
        auto c = awaitFuture(m_global->connectToHost(), 30000);
        QVERIFY(c);
        QVERIFY2(c->ok(), why(*c).constData());
        removeSystemUserLeftovers();

        // The admin's own key pairs.
        m_key = m_tmp.filePath(QStringLiteral("admin_ed25519"));
        m_key2 = m_tmp.filePath(QStringLiteral("admin2_ed25519"));
        for (const QString &k : {m_key, m_key2}) {
            const Run r =
                runProgram(QStringLiteral("ssh-keygen"),
                           {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                            QStringLiteral("-N"), QString(), QStringLiteral("-C"),
                            QStringLiteral("jane@laptop"), QStringLiteral("-f"), k});
            QCOMPARE(r.exitCode, 0);
        }

        // Domains, the admin (domain A only) and their MariaDB account.
        for (const QString &d : {m_domainA, m_domainB}) {
            QString error;
            QVERIFY2(
                exec(m_root,
                     QStringLiteral("INSERT INTO vmail.domain (domain, description, transport, "
                                    "created, active) VALUES (?, 'delegssh', 'dovecot', "
                                    "NOW(), 1)"),
                     {d}, &error),
                qPrintable(error));
        }
        NewDomainAdmin a;
        a.username = m_admin;
        a.name = QStringLiteral("Jane");
        a.password = QStringLiteral("Secret-1-") + m_tag;
        a.domains = {m_domainA};
        const Status made = DomainAdmins::create(m_root, a);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
        auto creds = DelegatedAccounts::create(m_root, m_admin);
        QVERIFY2(creds.ok(), creds.ok() ? "" : qPrintable(creds.error().message));
        m_creds = creds.value();
        QCOMPARE(m_creds.dbUser, m_sysUser);
    }

    // sshd settings that would break or weaken the account are found, and nothing is made.
    void badSshdSettingsAreReported() {
        QFile lab(LabEnv::value("LAB_SSHD_CONFIG"));
        QVERIFY(lab.open(QIODevice::ReadOnly));
        QByteArray base = lab.readAll();
        // Without MailDeck's block (an earlier run may have added it to the lab's file); the
        // bad settings first (sshd takes the first value it reads).
        const qsizetype block = base.indexOf("# BEGIN MailDeck forward-only accounts");
        if (block >= 0)
            base.truncate(block);
        const QString bad = m_tmp.filePath(QStringLiteral("sshd_config_bad"));
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("DisableForwarding yes\nAllowUsers root mdadmin\nPermitOpen 127.0.0.1:25\n" +
                  base);
        out.close();
        ForwardOnlyOptions o = m_options;
        o.sshdConfig = bad;
        auto problems = awaitFuture(ForwardOnlyAccounts::checkSshd(
            m_global, m_sysUser, QStringLiteral("127.0.0.1"), LabEnv::port("LAB_DB_PORT"), o));
        QVERIFY(problems && problems->ok());
        QStringList settings;
        for (const SshdProblem &p : problems->value())
            settings << p.setting;
        QVERIFY2(settings.contains(QStringLiteral("disableforwarding")),
                 qPrintable(settings.join(QLatin1Char(','))));
        QVERIFY(settings.contains(QStringLiteral("allowusers")));
        QVERIFY(settings.contains(QStringLiteral("permitopen")));
        QVERIFY(settings.contains(QStringLiteral("allowstreamlocalforwarding"))); // no block yet

        ForwardOnlySpec spec;
        spec.adminUsername = m_admin;
        QFile pub(m_key + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        spec.publicKey = QString::fromUtf8(pub.readAll());
        spec.dbPort = LabEnv::port("LAB_DB_PORT");
        auto created = awaitFuture(ForwardOnlyAccounts::create(m_global, spec, o));
        QVERIFY(created && !created->ok());
        QCOMPARE(created->error().code, QStringLiteral("delegation.ssh.sshd_config"));
        QVERIFY(created->error().message.contains(QStringLiteral("DisableForwarding")));
        QVERIFY(passwdEntry(m_sysUser).isEmpty());
    }

    void createForwardOnlyAccount() {
        // MailDeck's sshd block (no Unix-socket forwarding etc.); idempotent.
        auto prepared = awaitFuture(ForwardOnlyAccounts::prepareSshd(m_global, m_options), 30000);
        QVERIFY(prepared);
        QVERIFY2(prepared->ok(), why(*prepared).constData());
        auto again = awaitFuture(ForwardOnlyAccounts::prepareSshd(m_global, m_options), 30000);
        QVERIFY(again && again->ok());
        QCOMPARE(again->value(), false);
        auto problems = awaitFuture(
            ForwardOnlyAccounts::checkSshd(m_global, m_sysUser, QStringLiteral("127.0.0.1"),
                                           LabEnv::port("LAB_DB_PORT"), m_options));
        QVERIFY(problems && problems->ok());
        QVERIFY(problems->value().isEmpty());

        ForwardOnlySpec spec;
        spec.adminUsername = m_admin;
        QFile pub(m_key + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        spec.publicKey = QString::fromUtf8(pub.readAll());
        spec.dbHost = QStringLiteral("127.0.0.1");
        spec.dbPort = LabEnv::port("LAB_DB_PORT");
        auto created = awaitFuture(ForwardOnlyAccounts::create(m_global, spec, m_options), 30000);
        QVERIFY(created);
        QVERIFY2(created->ok(), why(*created).constData());
        QCOMPARE(created->value().systemUser, m_sysUser);

        // A second create is refused and leaves the first intact.
        auto twice = awaitFuture(ForwardOnlyAccounts::create(m_global, spec, m_options), 30000);
        QVERIFY(twice && !twice->ok());
        QCOMPARE(twice->error().code, QStringLiteral("delegation.ssh.exists"));

        // The user: nologin, locked password, root-owned home and key file (StrictModes).
        const QStringList pw =
            QString::fromUtf8(passwdEntry(m_sysUser)).trimmed().split(QLatin1Char(':'));
        QCOMPARE(pw.size(), 7);
        QCOMPARE(pw[6], QStringLiteral("/usr/sbin/nologin"));
        QVERIFY(pw[4].startsWith(QStringLiteral("MailDeck forward-only ")));
        const Run shadow =
            runProgram(QStringLiteral("getent"), {QStringLiteral("shadow"), m_sysUser});
        QVERIFY(shadow.out.split(':').value(1).startsWith('!'));
        const QString home = pw[5];
        const QStringList paths = {home, home + QStringLiteral("/.ssh"),
                                   home + QStringLiteral("/.ssh/authorized_keys")};
        for (const QString &path : paths) {
            const QFileInfo fi(path);
            QVERIFY2(fi.exists(), qPrintable(path));
            QCOMPARE(fi.ownerId(), 0u);
            QVERIFY(!(fi.permissions() & (QFile::WriteGroup | QFile::WriteOther)));
        }
        QFile ak(home + QStringLiteral("/.ssh/authorized_keys"));
        QVERIFY(ak.open(QIODevice::ReadOnly));
        const QByteArray line = ak.readAll();
        QVERIFY(line.startsWith(QByteArray("restrict,port-forwarding,permitopen=\"127.0.0.1:" +
                                           LabEnv::value("LAB_DB_PORT").toLatin1() + "\",")));
        QCOMPARE(line.count('\n'), 1);

        auto info = awaitFuture(ForwardOnlyAccounts::info(m_global, m_admin, m_options));
        QVERIFY(info && info->ok() && info->value().has_value());
        QVERIFY(info->value()->enabled);
        QCOMPARE(info->value()->keyFingerprint, created->value().keyFingerprint);
        QCOMPARE(info->value()->permitOpen,
                 QStringLiteral("127.0.0.1:") + LabEnv::value("LAB_DB_PORT"));
    }

    // Every way out but the database forward is refused.
    void sshMatrix() {
        const QString db = LabEnv::value("LAB_DB_PORT");
        // Positive control first: the permitted forward works (MariaDB's greeting arrives).
        const Run ok = runProgram(
            QStringLiteral("ssh"),
            sshArgs({QStringLiteral("-W"), QStringLiteral("127.0.0.1:") + db}), {}, 3000);
        QVERIFY2(ok.out.contains("MariaDB") || ok.out.contains("mysql_native_password"),
                 ok.err.constData());

        const QByteArray shellInput = "echo $((40+2))MDK\nid\nexit\n";
        attemptCommand(QStringLiteral("command"), {}, QStringLiteral("echo $((40+2))MDK; id"), {});
        attemptCommand(QStringLiteral("login shell"), {QStringLiteral("-T")}, {}, shellInput);
        attemptCommand(QStringLiteral("shell with pty (-tt)"), {QStringLiteral("-tt")}, {},
                       shellInput);
        attemptCommand(QStringLiteral("command with pty"), {QStringLiteral("-tt")},
                       QStringLiteral("id; echo $((40+2))MDK"), {});
        attemptCommand(QStringLiteral("subsystem sftp (-s)"), {QStringLiteral("-s")},
                       QStringLiteral("sftp"), QByteArray(9, '\0'));
        {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":97"));
            attemptCommand(QStringLiteral("X11 forwarding (-X) + command"), {QStringLiteral("-X")},
                           QStringLiteral("echo $((40+2))MDK $DISPLAY"), {}, env);
        }
        {
            // A real agent to forward.
            const QString sock = m_tmp.filePath(QStringLiteral("agent.sock"));
            QProcess agent;
            agent.start(QStringLiteral("ssh-agent"),
                        {QStringLiteral("-D"), QStringLiteral("-a"), sock});
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(sock), 5000);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("SSH_AUTH_SOCK"), sock);
            attemptCommand(QStringLiteral("agent forwarding (-A) + command"),
                           {QStringLiteral("-A")},
                           QStringLiteral("echo $((40+2))MDK $SSH_AUTH_SOCK; ssh-add -l"), {}, env);
            agent.kill();
            agent.waitForFinished(3000);
        }
        {
            const Run r =
                runProgram(QStringLiteral("sftp"),
                           sshBase(m_key) + QStringList{QStringLiteral("-b"), QStringLiteral("-"),
                                                        QStringLiteral("-P"),
                                                        LabEnv::value("LAB_SSH_PORT"), target()},
                           "ls /\nget /etc/hostname " +
                               m_tmp.filePath(QStringLiteral("sftp.out")).toUtf8() + "\n");
            attempt(QStringLiteral("sftp"),
                    r.exitCode != 0 &&
                        !QFileInfo::exists(m_tmp.filePath(QStringLiteral("sftp.out"))),
                    r.err);
        }
        for (const bool legacy : {false, true}) {
            const QString dest = m_tmp.filePath(legacy ? QStringLiteral("scp-legacy.out")
                                                       : QStringLiteral("scp.out"));
            QStringList args = sshBase(m_key);
            if (legacy)
                args << QStringLiteral("-O");
            args << QStringLiteral("-P") << LabEnv::value("LAB_SSH_PORT")
                 << target() + QStringLiteral(":/etc/hostname") << dest;
            const Run r = runProgram(QStringLiteral("scp"), args);
            attempt(legacy ? QStringLiteral("scp -O (scp protocol)")
                           : QStringLiteral("scp (sftp protocol)"),
                    r.exitCode != 0 && !QFileInfo::exists(dest), r.err);
        }

        attemptStdioForward(QStringLiteral("-W the lab's sshd 127.0.0.1:") +
                                LabEnv::value("LAB_SSH_PORT"),
                            QStringLiteral("127.0.0.1:") + LabEnv::value("LAB_SSH_PORT"));
        attemptStdioForward(QStringLiteral("-W SMTP 127.0.0.1:") + LabEnv::value("LAB_SMTP_PORT"),
                            QStringLiteral("127.0.0.1:") + LabEnv::value("LAB_SMTP_PORT"));
        attemptStdioForward(QStringLiteral("-W 127.0.0.1:25"), QStringLiteral("127.0.0.1:25"));
        attemptStdioForward(QStringLiteral("-W 127.0.0.1:3306"), QStringLiteral("127.0.0.1:3306"));
        attemptStdioForward(QStringLiteral("-W the DB port by the name localhost"),
                            QStringLiteral("localhost:") + db);
        attemptStdioForward(QStringLiteral("-W the DB port at 127.0.0.2"),
                            QStringLiteral("127.0.0.2:") + db);
        attemptStdioForward(QStringLiteral("-W the DB port at [::1]"),
                            QStringLiteral("[::1]:") + db);
        attemptStdioForward(QStringLiteral("-W the DB port at 0.0.0.0"),
                            QStringLiteral("0.0.0.0:") + db);

        attemptLocalForward(QStringLiteral("-L to the lab's sshd"),
                            QStringLiteral("127.0.0.1:") + LabEnv::value("LAB_SSH_PORT"));
        attemptLocalForward(QStringLiteral("-L to IMAP"),
                            QStringLiteral("127.0.0.1:") + LabEnv::value("LAB_IMAP_PORT"));
        {
            // A Unix socket anyone may use: only sshd's AllowStreamLocalForwarding (MailDeck's
            // block) can refuse it.
            QLocalServer open;
            open.setSocketOptions(QLocalServer::WorldAccessOption);
            const QString path = QStringLiteral("/tmp/mdk-open-%1.sock").arg(m_tag);
            QLocalServer::removeServer(path);
            QVERIFY(open.listen(path));
            connect(&open, &QLocalServer::newConnection, &open, [&open] {
                while (QLocalSocket *c = open.nextPendingConnection())
                    c->write("HELLO-FROM-UNIX-SOCKET\n");
            });
            attemptLocalForward(QStringLiteral("-L to a world-writable Unix socket"), path);
            open.close();
        }
        {
            // -D (SOCKS): ask for the lab's sshd; a refused channel gives no success reply.
            const quint16 port = freePort();
            QProcess ssh;
            ssh.start(QStringLiteral("ssh"), sshArgs({QStringLiteral("-N"), QStringLiteral("-D"),
                                                      QStringLiteral("127.0.0.1:%1").arg(port)}));
            QByteArray got, greeting;
            if (waitListening(port, ssh)) {
                QTcpSocket s;
                s.connectToHost(QHostAddress::LocalHost, port);
                if (s.waitForConnected(3000)) {
                    s.write(QByteArray::fromHex("050100"));
                    s.waitForReadyRead(3000);
                    greeting = s.readAll();
                    const quint16 p = LabEnv::port("LAB_SSH_PORT");
                    QByteArray req = QByteArray::fromHex("050100017f000001");
                    req.append(char(p >> 8)).append(char(p & 0xff));
                    s.write(req);
                    if (s.waitForReadyRead(3000))
                        got = s.readAll();
                    QTest::qWait(500);
                    got += s.readAll();
                }
            }
            ssh.kill();
            ssh.waitForFinished(3000);
            // A success reply is 05 00 …; then the sshd banner would follow.
            // The local SOCKS handshake must have worked (05 00), else the attempt proves nothing.
            const bool refused = greeting == QByteArray::fromHex("0500") &&
                                 !(got.size() >= 2 && got[1] == 0) && !got.contains("SSH-2.0");
            attempt(QStringLiteral("-D SOCKS to the lab's sshd"), refused,
                    greeting.toHex() + ' ' + got.toHex());
        }

        attemptRemoteForward(QStringLiteral("-R 127.0.0.1:0 (any port)"),
                             QStringLiteral("127.0.0.1:0:127.0.0.1:22"));
        attemptRemoteForward(QStringLiteral("-R 127.0.0.1:1 (the permitlisten port)"),
                             QStringLiteral("127.0.0.1:1:127.0.0.1:22"));
        attemptRemoteForward(QStringLiteral("-R 0.0.0.0:20999"),
                             QStringLiteral("0.0.0.0:20999:127.0.0.1:22"));
        {
            const QString sock = QStringLiteral("/tmp/mdk-%1.sock").arg(m_tag);
            attemptRemoteForward(QStringLiteral("-R Unix socket"),
                                 sock + QStringLiteral(":127.0.0.1:22"));
            QVERIFY(!QFileInfo::exists(sock));
        }
        {
            const Run r = runProgram(QStringLiteral("ssh"),
                                     sshArgs({QStringLiteral("-N"), QStringLiteral("-o"),
                                              QStringLiteral("ExitOnForwardFailure=yes"),
                                              QStringLiteral("-w"), QStringLiteral("any")}),
                                     {}, 6000);
            attempt(QStringLiteral("-w tunnel device"), r.finished && r.exitCode != 0, r.err);
        }
        {
            QStringList args = sshBase(m_key);
            args << QStringLiteral("-o") << QStringLiteral("PubkeyAuthentication=no")
                 << QStringLiteral("-o")
                 << QStringLiteral("PreferredAuthentications=password,keyboard-interactive")
                 << QStringLiteral("-p") << LabEnv::value("LAB_SSH_PORT") << target()
                 << QStringLiteral("true");
            const Run r = runProgram(QStringLiteral("ssh"), args);
            attempt(QStringLiteral("password login"),
                    r.exitCode == 255 && r.err.contains("Permission denied"), r.err);
        }
        {
            QStringList args = sshBase(m_key);
            args << QStringLiteral("-p") << LabEnv::value("LAB_SSH_PORT")
                 << QStringLiteral("root@127.0.0.1") << QStringLiteral("id");
            const Run r = runProgram(QStringLiteral("ssh"), args);
            attempt(QStringLiteral("the admin's key as root"),
                    r.exitCode == 255 && !r.out.contains("uid="), r.err);
        }

        // The permitted forward, with the real mysql client and the md_ account.
        {
            const quint16 port = freePort();
            QProcess ssh;
            ssh.start(QStringLiteral("ssh"),
                      sshArgs({QStringLiteral("-N"), QStringLiteral("-L"),
                               QStringLiteral("127.0.0.1:%1:127.0.0.1:%2").arg(port).arg(db)}));
            QVERIFY(waitListening(port, ssh));
            auto mysql = [&](const QString &sql) {
                QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                env.insert(QStringLiteral("MYSQL_PWD"), m_creds.password);
                return runProgram(QStringLiteral("mysql"),
                                  {QStringLiteral("-h127.0.0.1"), QStringLiteral("-P%1").arg(port),
                                   QStringLiteral("-u") + m_creds.dbUser, QStringLiteral("--batch"),
                                   QStringLiteral("--skip-column-names"), QStringLiteral("-e"),
                                   sql},
                                  {}, 15000, env);
            };
            const Run mine = mysql(
                QStringLiteral("SELECT domain FROM maildeck_delegation.v_domains ORDER BY domain"));
            QVERIFY2(mine.exitCode == 0, mine.err.constData());
            QCOMPARE(QString::fromUtf8(mine.out).trimmed(), m_domainA);
            const Run vmail = mysql(QStringLiteral("SELECT COUNT(*) FROM vmail.domain"));
            attempt(QStringLiteral("mysql through the forward: SELECT vmail.domain"),
                    vmail.exitCode != 0 && vmail.err.contains("denied"), vmail.err);
            ssh.kill();
            ssh.waitForFinished(3000);
        }

        qInfo().noquote() << QStringLiteral("ssh attempts %1, refused %2")
                                 .arg(m_matrix.attempts)
                                 .arg(m_matrix.refused);
        QVERIFY2(m_matrix.succeeded.isEmpty(),
                 qPrintable(m_matrix.succeeded.join(QStringLiteral(", "))));
        QCOMPARE(m_matrix.refused, m_matrix.attempts);
        QVERIFY(m_matrix.attempts >= 25);
    }

    // Exported by the global admin, imported in one step; connects without a host-key question
    // and sees exactly the granted domains (also after a grant and a revoke).
    void importedConnectionFileConnects() {
        auto keys = awaitFuture(ForwardOnlyAccounts::serverHostKeys(m_global, m_options));
        QVERIFY(keys && keys->ok());
        const ServerHostKey *ed = nullptr;
        for (const ServerHostKey &k : keys->value())
            if (k.key.type == QLatin1String("ssh-ed25519"))
                ed = &k;
        QVERIFY(ed);
        // The same key the lab's known_hosts holds (what the global admin's session trusted).
        QFile lab(LabEnv::value("LAB_KNOWN_HOSTS"));
        QVERIFY(lab.open(QIODevice::ReadOnly));
        QVERIFY(lab.readAll().contains(ed->key.base64().toLatin1()));

        auto file = ConnectionFile::forDelegatedAdmin(
            globalProfile(), ed->key.type, ed->key.base64(), m_admin, m_sysUser, m_creds.dbUser);
        QVERIFY2(file.ok(), why(file).constData());
        const QString path = m_tmp.filePath(QStringLiteral("jane.maildeck-connection.json"));
        QVERIFY(file->writeFile(path).ok());
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray text = written.readAll();
        QVERIFY(!text.contains(m_creds.password.toUtf8()));

        // The other desktop: its own settings and an empty known_hosts.
        auto read = ConnectionFile::readFile(path);
        QVERIFY2(read.ok(), why(read).constData());
        ProfileStore store(m_tmp.filePath(QStringLiteral("jane-settings.ini")));
        ConnectionImportOptions o;
        o.identityFile = m_key;
        o.knownHostsFile = m_tmp.filePath(QStringLiteral("jane_known_hosts"));
        auto profile = ConnectionFile::importInto(store, *read, o);
        QVERIFY2(profile.ok(), why(profile).constData());
        QCOMPARE(profile->role, ProfileRole::Delegated);

        {
            // Keys only: with a key the server does not know, no password is ever asked (the lab's
            // sshd offers password and keyboard-interactive logins too).
            ServerProfile wrongKey = *profile;
            wrongKey.identityFile = m_key2;
            TestPrompter asks;
            asks.answer(SecretRequest::Kind::Password, QStringLiteral("guess"));
            ServerConnection refused(wrongKey, sshConfigFor(wrongKey), &asks);
            auto st = awaitFuture(refused.connectToServer(), 60000);
            QVERIFY(st && !st->ok());
            QCOMPARE(asks.count(SecretRequest::Kind::Password), 0);
            QCOMPARE(asks.count(SecretRequest::Kind::KeyboardInteractive), 0);
            QCOMPARE(asks.hostKeys.size(), 0);
        }

        TestPrompter prompter;
        prompter.trustHostKeys = false; // a question would fail the connect
        prompter.answer(SecretRequest::Kind::DbPassword, m_creds.password);
        ServerConnection conn(*profile, sshConfigFor(*profile), &prompter);
        auto st = awaitFuture(conn.connectToServer(), 60000);
        QVERIFY(st);
        if (!st->ok())
            for (const auto &r : prompter.requests)
                qInfo() << "asked" << int(r.kind) << r.prompt << r.attempt;
        QVERIFY2(st->ok(), why(*st).constData());
        QCOMPARE(prompter.hostKeys.size(), 0);
        QCOMPARE(prompter.count(SecretRequest::Kind::SudoPassword), 0);
        QCOMPARE(prompter.count(SecretRequest::Kind::Password), 0);
        QCOMPARE(prompter.count(SecretRequest::Kind::DbPassword), 1);
        QCOMPARE(conn.delegatedAdmin(), m_admin);
        QVERIFY(!conn.detectedServer().has_value());

        auto myDomains = [&conn] {
            return awaitFuture(
                conn.db()->run([](QSqlDatabase &db) { return DelegatedCalls::myDomains(db); }));
        };
        auto d = myDomains();
        QVERIFY(d && d->ok());
        QCOMPARE(d->value(), QStringList{m_domainA});
        QVERIFY(DomainAdmins::grantDomain(m_root, m_admin, m_domainB).ok());
        d = myDomains();
        QVERIFY(d && d->ok());
        QCOMPARE(d->value(), (QStringList{m_domainA, m_domainB}));
        QVERIFY(DomainAdmins::revokeDomain(m_root, m_admin, m_domainB).ok());
        d = myDomains();
        QVERIFY(d && d->ok());
        QCOMPARE(d->value(), QStringList{m_domainA});

        // No command on a delegated connection, even if asked.
        auto file2 = awaitFuture(conn.readPrivilegedFile(QStringLiteral("/etc/hostname")));
        QVERIFY(file2 && !file2->ok());
        QCOMPARE(file2->error().code, QStringLiteral("session.delegated"));
        auto cmd = awaitFuture(conn.ssh()->runCommand(QStringLiteral("echo $((40+2))MDK")));
        QVERIFY(cmd);
        QVERIFY(!cmd->ok() || !cmd->value().stdOut.contains("42MDK"));
        conn.disconnectFromServer();
    }

    // A command as root on the lab (the global admin's session): its stdout.
    QByteArray rootRun(const QString &command) {
        ExecOptions o;
        o.privileged = true;
        auto r = awaitFuture(m_global->runCommand(command, o), 30000);
        if (!r || !r->ok())
            return QByteArray("<failed>");
        return r->value().stdOut;
    }

    // Mailing lists through the list agent: the global admin installs it (with MailDeck's own
    // database account, over SSH as root), then the domain admin's own connection — SSH forward
    // only, no command — creates a list in its domain, subscribes, edits, removes; lists of
    // other domains, server settings and a revoked domain are refused; every change is audited.
    void delegatedAdminManagesMailingLists() {
        const QString spool = LabEnv::value("LAB_MLMMJ_SPOOL");
        ServerProfile g = globalProfile();
        g.paths.mlmmjSpool = spool;
        g.dbUser = LabEnv::value("LAB_DB_ADMIN_USER");
        g.dbCredentials = DbCredentialSource::ServerFile;
        g.dbCredentialsFile = LabEnv::value("LAB_DB_ADMIN_CNF");
        auto withAccount = awaitFuture(DelegationDbAccount::setUp(m_global, g), 60000);
        QVERIFY(withAccount);
        QVERIFY2(withAccount->ok(), why(*withAccount).constData());
        TestPrompter globalAsks;
        ServerConnection global(withAccount->value(), sshConfigFor(withAccount->value()),
                                &globalAsks);
        auto gs = awaitFuture(global.connectToServer(), 60000);
        QVERIFY(gs);
        QVERIFY2(gs->ok(), why(*gs).constData());

        auto installed = awaitFuture(ListAgent::install(&global), 120000);
        QVERIFY(installed);
        QVERIFY2(installed->ok(), why(*installed).constData());
        auto state = awaitFuture(ListAgent::state(&global), 30000);
        QVERIFY(state && state->ok());
        QVERIFY(state->value().installed);
        QVERIFY(state->value().running);
        QVERIFY(state->value().upToDate);
        QCOMPARE(state->value().manager, QStringLiteral("background"));
        // Installing again replaces it (a new password, the old agent stopped first).
        installed = awaitFuture(ListAgent::install(&global), 120000);
        QVERIFY2(installed && installed->ok(), installed ? why(*installed).constData() : "");

        // The domain admin's own connection.
        TestPrompter prompter;
        prompter.trustHostKeys = false;
        prompter.answer(SecretRequest::Kind::DbPassword, m_creds.password);
        const ServerProfile d = importedProfile(QStringLiteral("lists"));
        ServerConnection conn(d, sshConfigFor(d), &prompter);
        auto st = awaitFuture(conn.connectToServer(), 60000);
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        lists::MailingLists mine(&conn);

        const QString list = QStringLiteral("team-news@") + m_domainA;
        const QString dir = spool + QLatin1Char('/') + m_domainA + QStringLiteral("/team-news");
        lists::ListSettings s = lists::ListSettings::defaultsFor(list);
        s.owners = {QStringLiteral("jane@partner-delegssh.test")};
        auto created = awaitFuture(mine.create(s, QStringLiteral("Team news")), 60000);
        QVERIFY(created);
        QVERIFY2(created->ok(), why(*created).constData());
        QCOMPARE(rootRun(QStringLiteral("cat %1/control/listaddress").arg(dir)).trimmed(),
                 list.toUtf8());
        // The SMTP port is the server's (the agent's setting), as the seeded lists have it.
        const QByteArray seedPort =
            rootRun(QStringLiteral("cat %1/*/*/control/smtpport | head -n 1").arg(spool)).trimmed();
        QVERIFY(!seedPort.isEmpty());
        QCOMPARE(rootRun(QStringLiteral("cat %1/control/smtpport").arg(dir)).trimmed(), seedPort);
        QCOMPARE(rootRun(QStringLiteral("stat -c %U %1").arg(dir)).trimmed(),
                 rootRun(QStringLiteral("stat -c %U %1").arg(spool)).trimmed());
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM vmail.maillists WHERE address "
                                      "= ? AND description = 'Team news'"),
                       {list}),
                 1);

        // Subscribers, read back through the agent and with mlmmj's own tool.
        const QStringList members{QStringLiteral("a1@outside-delegssh.test"),
                                  QStringLiteral("b2@outside-delegssh.test")};
        auto sub = awaitFuture(mine.subscribe(list, members), 60000);
        QVERIFY2(sub && sub->ok(), sub ? why(*sub).constData() : "");
        auto subs = awaitFuture(mine.subscribers(list), 60000);
        QVERIFY(subs && subs->ok());
        QStringList normal = subs->value().normal;
        normal.sort();
        QCOMPARE(normal, members);
        QCOMPARE(rootRun(QStringLiteral("/usr/bin/mlmmj-list -L %1 | sort").arg(dir)),
                 members.join(QLatin1Char('\n')).toUtf8() + '\n');
        auto counts = awaitFuture(mine.subscriberCounts(m_domainA), 60000);
        QVERIFY(counts && counts->ok());
        QCOMPARE(counts->value().value(list).normal, 2);

        // Settings: the prefix changes; a server setting (relay host) is refused, nothing moves.
        auto read = awaitFuture(mine.read(list), 60000);
        QVERIFY2(read && read->ok(), read ? why(*read).constData() : "");
        lists::ListSettings edited = read->value().settings;
        edited.subjectPrefix = QStringLiteral("[tn]");
        auto upd = awaitFuture(mine.update(read->value(), edited), 60000);
        QVERIFY2(upd && upd->ok(), upd ? why(*upd).constData() : "");
        QCOMPARE(rootRun(QStringLiteral("cat %1/control/prefix").arg(dir)).trimmed(),
                 QByteArray("[tn]"));
        read = awaitFuture(mine.read(list), 60000);
        QVERIFY(read && read->ok());
        edited = read->value().settings;
        edited.relayHost = QStringLiteral("relay.evil.test");
        upd = awaitFuture(mine.update(read->value(), edited), 60000);
        QVERIFY(upd && !upd->ok());
        QVERIFY2(upd->error().detail.contains(QLatin1String("server setting")),
                 qPrintable(upd->error().message + QLatin1Char('|') + upd->error().detail));
        QCOMPARE(
            rootRun(QStringLiteral("test -e %1/control/relayhost && echo yes || echo no").arg(dir))
                .trimmed(),
            QByteArray("no"));

        // Other domains' lists: refused by the database before any agent sees them.
        const QStringList others{QStringLiteral("news@") + m_domainB, firstSeedList(),
                                 QStringLiteral("x@") + m_domainB};
        for (const QString &other : others) {
            auto r = awaitFuture(mine.read(other), 60000);
            QVERIFY(r && !r->ok());
            QVERIFY2(r->error().message.contains(QLatin1String("not delegated")) ||
                         r->error().detail.contains(QLatin1String("not delegated")),
                     qPrintable(other + QStringLiteral(": ") + r->error().message));
            auto u = awaitFuture(mine.unsubscribe(other, {QStringLiteral("a@b.test")}), 60000);
            QVERIFY(u && !u->ok());
        }
        // A hand-made job with a path in it: the agent refuses its shape (exit 64).
        auto forged = awaitFuture(conn.db()->run([&](QSqlDatabase &db) {
            lists::ListOp op{QStringLiteral("finishRemoval"),
                             list,
                             {QStringLiteral("../../etc"), QStringLiteral("delete")}};
            return ListAgent::runJob(db, op);
        }),
                                  60000);
        QVERIFY(forged && forged->ok());
        QCOMPARE(forged->value().exitStatus, 64);
        QVERIFY(rootRun(QStringLiteral("test -d %1 && echo yes").arg(dir)).startsWith("yes"));

        // A revoked domain: the next job is refused.
        QVERIFY(DomainAdmins::revokeDomain(m_root, m_admin, m_domainA).ok());
        auto revoked =
            awaitFuture(mine.subscribe(list, {QStringLiteral("c3@outside.test")}), 60000);
        QVERIFY(revoked && !revoked->ok());
        QVERIFY(DomainAdmins::grantDomain(m_root, m_admin, m_domainA).ok());

        // Removal: archived as mlmmjadmin does, rows gone.
        auto plan = awaitFuture(mine.planRemoval(list), 60000);
        QVERIFY2(plan && plan->ok(), plan ? why(*plan).constData() : "");
        QCOMPARE(plan->value().subscribers, 2);
        auto removed = awaitFuture(mine.remove(plan->value()), 60000);
        QVERIFY2(removed && removed->ok(), removed ? why(*removed).constData() : "");
        QCOMPARE(rootRun(QStringLiteral("test -e %1 && echo yes || echo no").arg(dir)).trimmed(),
                 QByteArray("no"));
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM vmail.maillists WHERE address "
                                      "= ?"),
                       {list}),
                 0);

        // Audited: each change asked for and done.
        const int audited =
            count(m_root,
                  QStringLiteral("SELECT COUNT(*) FROM maildeck_delegation.audit_log "
                                 "WHERE admin_username = ? AND object = ? AND action "
                                 "LIKE 'maillist.files.%.done'"),
                  {m_admin, list});
        QVERIFY2(audited >= 5, qPrintable(QString::number(audited)));

        // The agent gone: a clear message, not a hang.
        auto gone = awaitFuture(ListAgent::remove(&global), 60000);
        QVERIFY2(gone && gone->ok(), gone ? why(*gone).constData() : "");
        QElapsedTimer t;
        t.start();
        auto down = awaitFuture(mine.subscriberCounts(m_domainA), 60000);
        QVERIFY(down && !down->ok());
        QCOMPARE(down->error().code, QStringLiteral("delegation.listagent.down"));
        QVERIFY(t.elapsed() < 20000);
        conn.disconnectFromServer();
        global.disconnectFromServer();
    }

    // Disabling ends an open forward at once and refuses new logins; enabling restores them.
    void disableEndsOpenForward() {
        const QString db = LabEnv::value("LAB_DB_PORT");
        const quint16 port = freePort();
        QProcess ssh;
        ssh.start(QStringLiteral("ssh"),
                  sshArgs({QStringLiteral("-N"), QStringLiteral("-L"),
                           QStringLiteral("127.0.0.1:%1:127.0.0.1:%2").arg(port).arg(db)}));
        QVERIFY(waitListening(port, ssh));
        QVERIFY(!probe(port).isEmpty()); // MariaDB's greeting through the forward

        auto off =
            awaitFuture(ForwardOnlyAccounts::setEnabled(m_global, m_admin, false, m_options));
        QVERIFY(off);
        QVERIFY2(off->ok(), why(*off).constData());
        QTRY_VERIFY_WITH_TIMEOUT(ssh.state() == QProcess::NotRunning, 10000);
        QVERIFY(probe(port, {}, 500).isEmpty());
        const Run again = runProgram(
            QStringLiteral("ssh"),
            sshArgs({QStringLiteral("-W"), QStringLiteral("127.0.0.1:") + db}), {}, 5000);
        QVERIFY(again.out.isEmpty());
        QVERIFY(again.err.contains("Permission denied"));
        auto info = awaitFuture(ForwardOnlyAccounts::info(m_global, m_admin, m_options));
        QVERIFY(info && info->ok() && info->value() && !info->value()->enabled);

        auto on = awaitFuture(ForwardOnlyAccounts::setEnabled(m_global, m_admin, true, m_options));
        QVERIFY(on && on->ok());
        const Run back = runProgram(
            QStringLiteral("ssh"),
            sshArgs({QStringLiteral("-W"), QStringLiteral("127.0.0.1:") + db}), {}, 3000);
        QVERIFY2(back.out.contains("MariaDB") || back.out.contains("mysql_native_password"),
                 back.err.constData());
    }

    void rotateKeyLocksOutTheOldKey() {
        const QString db = LabEnv::value("LAB_DB_PORT");
        QFile pub(m_key2 + QStringLiteral(".pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        auto st = awaitFuture(ForwardOnlyAccounts::rotateKey(
            m_global, m_admin, QString::fromUtf8(pub.readAll()), m_options));
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        const Run oldKey = runProgram(
            QStringLiteral("ssh"),
            sshArgs({QStringLiteral("-W"), QStringLiteral("127.0.0.1:") + db}, m_key), {}, 5000);
        QVERIFY(oldKey.err.contains("Permission denied"));
        const Run newKey = runProgram(
            QStringLiteral("ssh"),
            sshArgs({QStringLiteral("-W"), QStringLiteral("127.0.0.1:") + db}, m_key2), {}, 3000);
        QVERIFY2(newKey.out.contains("MariaDB") || newKey.out.contains("mysql_native_password"),
                 newKey.err.constData());
        // The new key is just as restricted.
        const Run cmd = runProgram(QStringLiteral("ssh"),
                                   sshArgs({}, m_key2, QStringLiteral("echo $((40+2))MDK")));
        QVERIFY(!cmd.out.contains("42MDK"));
    }

    void removeLeavesNothing() {
        const QString home =
            QString::fromUtf8(passwdEntry(m_sysUser)).trimmed().section(QLatin1Char(':'), 5, 5);
        QVERIFY(!home.isEmpty());
        auto st = awaitFuture(ForwardOnlyAccounts::remove(m_global, m_admin, m_options), 30000);
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        QVERIFY(passwdEntry(m_sysUser).isEmpty());
        QVERIFY(runProgram(QStringLiteral("getent"), {QStringLiteral("group"), m_sysUser})
                    .out.isEmpty());
        QVERIFY(!QFileInfo::exists(home));
        auto info = awaitFuture(ForwardOnlyAccounts::info(m_global, m_admin, m_options));
        QVERIFY(info && info->ok() && !info->value().has_value());
        auto twice = awaitFuture(ForwardOnlyAccounts::remove(m_global, m_admin, m_options));
        QVERIFY(twice && !twice->ok());
        QCOMPARE(twice->error().code, QStringLiteral("delegation.ssh.notfound"));
        // Accounts MailDeck did not make are never touched.
        auto foreign =
            awaitFuture(ForwardOnlyAccounts::remove(m_global, QStringLiteral("root"), m_options));
        QVERIFY(foreign && !foreign->ok());
    }

    void cleanupTestCase() {
        if (!m_root.isOpen())
            return;
        if (m_global && !m_admin.isEmpty())
            awaitFuture(ForwardOnlyAccounts::remove(m_global, m_admin, m_options), 30000);
        if (!m_admin.isEmpty())
            DomainAdmins::remove(m_root, m_admin);
        for (const QString &d : {m_domainA, m_domainB}) {
            exec(m_root, QStringLiteral("DELETE FROM vmail.domain_admins WHERE domain = ?"), {d});
            exec(m_root, QStringLiteral("DELETE FROM vmail.domain WHERE domain = ?"), {d});
        }
        if (m_installedHere) {
            const Status s = DelegationSchema::uninstall(m_root);
            QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        }
        if (!m_sysUser.isEmpty())
            QVERIFY(passwdEntry(m_sysUser).isEmpty());
        QCOMPARE(count(m_root,
                       QStringLiteral("SELECT COUNT(*) FROM vmail.admin WHERE username = ?"),
                       {m_admin}),
                 0);
        delete m_global;
        m_global = nullptr;
    }
};

QTEST_GUILESS_MAIN(TestDelegationSsh)
#include "tst_delegation_ssh.moc"
