// The global admin's database account for delegation, against the lab: set up over SSH as root
// (root's option file), the profile switched to it, then the whole delegation workflow through a
// real ServerConnection (SSH tunnel, password read from the server's option file) with nothing
// but that account — and what the account must not be able to do.
#include "../ssh/TestPrompter.h"
#include "DelegationLab.h"
#include "common/LabEnv.h"
#include "core/db/DbWorker.h"
#include "core/db/DomainRepository.h"
#include "core/delegation/AccessScope.h"
#include "core/delegation/DelegatedAccounts.h"
#include "core/delegation/DelegationDbAccount.h"
#include "core/delegation/DelegationNames.h"
#include "core/delegation/DelegationSchema.h"
#include "core/delegation/DomainAdmins.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::delegation;


class TestDelegationDbAccount : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_tag;
    QString m_knownHosts;
    QString m_optionFile;
    QByteArray m_optionFileBefore; // the lab's file before this run (restored at the end)
    bool m_hadOptionFile = false;
    bool m_installedHere = false;
    QString m_domain;
    QString m_admin;

    ServerProfile labProfile() const {
        ServerProfile p;
        p.name = QStringLiteral("dbaccount-") + m_tag;
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
    SshConfig sshConfigFor(const ServerProfile &p) const {
        SshConfig c = SshConfig::fromProfile(p);
        c.sshConfigFile = QStringLiteral("none");
        c.sshDir = m_tmp.path() + QStringLiteral("/dotssh");
        c.useAgent = false;
        c.timeoutSeconds = 10;
        return c;
    }
    static QByteArray readLocal(const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        QVERIFY(m_tmp.isValid());
        m_tag = QStringLiteral("%1").arg(QRandomGenerator::global()->generate() % 1000000, 6, 10,
                                         QLatin1Char('0'));
        m_knownHosts = LabEnv::value("LAB_KNOWN_HOSTS");
        m_optionFile = DelegationDbAccount::credentialsFileFor(labProfile());
        m_hadOptionFile = QFile::exists(m_optionFile);
        m_optionFileBefore = readLocal(m_optionFile);
        m_domain = QStringLiteral("dbacct-%1.test").arg(m_tag);
        m_admin = QStringLiteral("dbacct-%1@outside.test").arg(m_tag);
    }

    void pureParts() {
        ServerProfile p = labProfile();
        p.dbCredentialsFile = QStringLiteral("/root/.my.cnf-vmailadmin");
        QCOMPARE(DelegationDbAccount::credentialsFileFor(p),
                 QStringLiteral("/root/.my.cnf-maildeck"));
        QCOMPARE(DelegationDbAccount::rootCredentialsFileFor(p), QStringLiteral("/root/.my.cnf"));
        // A hostile path stays one quoted shell word; no secret is ever in the script.
        p.dbCredentialsFile = QStringLiteral("/srv/it's $(reboot)/.my.cnf-vmailadmin");
        const QString script = DelegationDbAccount::setUpScript(p);
        QVERIFY(script.contains(QStringLiteral("'/srv/it'\\''s $(reboot)/.my.cnf-maildeck'")));
        const QStringList sql = DelegationDbAccount::setUpStatements(
            QStringLiteral("*0123456789ABCDEF0123456789ABCDEF01234567"), QStringLiteral("vm`ail"));
        QVERIFY(sql.join(u'\n').contains(QStringLiteral("ON `vmail`.* TO")));
        QVERIFY(!sql.join(u'\n').contains(QStringLiteral("ON *.* TO 'maildeck_admin'@'localhost' "
                                                         "WITH GRANT OPTION")));
        const ServerProfile used = DelegationDbAccount::profileUsing(p);
        QCOMPARE(used.dbUser, DelegationDbAccount::userName());
        QCOMPARE(used.dbCredentials, DbCredentialSource::ServerFile);
        QVERIFY(DelegationDbAccount::isUsedBy(used));
        ServerProfile delegated = p;
        delegated.role = ProfileRole::Delegated;
        auto refused = awaitFuture(DelegationDbAccount::setUp(nullptr, delegated));
        QVERIFY(refused && !refused->ok());
    }

    void setUpOverSsh() {
        const ServerProfile before = labProfile();
        SshSession ssh(sshConfigFor(before));
        auto up = awaitFuture(ssh.connectToHost());
        QVERIFY(up && up->ok());
        auto profile = awaitFuture(DelegationDbAccount::setUp(&ssh, before));
        QVERIFY(profile);
        QVERIFY2(profile->ok(), why(*profile).constData());
        QCOMPARE(profile->value().dbUser, DelegationDbAccount::userName());
        QCOMPARE(profile->value().dbCredentialsFile, m_optionFile);
        QFileInfo info(m_optionFile);
        QVERIFY(info.exists());
        const int ownerGroupOther = 0x7077; // Qt's flags for rwx of owner, group and other
        QCOMPARE(int(info.permissions()) & ownerGroupOther, int(QFileDevice::ReadOwner)); // 0400
        QCOMPARE(info.ownerId(), 0u);
        const QByteArray first = readLocal(m_optionFile);
        QVERIFY(first.contains("user=maildeck_admin"));
        // Again: the same password (other desktops keep working), privileges re-applied.
        auto again = awaitFuture(DelegationDbAccount::setUp(&ssh, before));
        QVERIFY(again && again->ok());
        QCOMPARE(readLocal(m_optionFile), first);
    }

    void delegationWorkflowWithTheAccountOnly() {
        const ServerProfile profile = DelegationDbAccount::profileUsing(labProfile());
        TestPrompter prompter;
        ServerConnection conn(profile, sshConfigFor(profile), &prompter);
        auto st = awaitFuture(conn.connectToServer());
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        QCOMPARE(prompter.count(SecretRequest::Kind::DbPassword), 0); // read from the server
        DbWorker *db = conn.db();

        auto scope = awaitFuture(db->run([](QSqlDatabase &d) { return AccessScope::detect(d); }));
        QVERIFY(scope && scope->ok());
        QCOMPARE(scope->value().access, Access::Global);

        auto status =
            awaitFuture(db->run([](QSqlDatabase &d) { return DelegationSchema::status(d); }));
        QVERIFY(status && status->ok());
        m_installedHere = status->value().installedVersion == 0;
        auto installed =
            awaitFuture(db->run([](QSqlDatabase &d) { return DelegationSchema::install(d); }));
        QVERIFY(installed);
        QVERIFY2(installed->ok(), why(*installed).constData());

        const QString domain = m_domain, admin = m_admin;
        auto created = awaitFuture(db->run([domain](QSqlDatabase &d) {
            return db::DomainRepository::create(d, domain, QStringLiteral("db account test"));
        }));
        QVERIFY(created);
        QVERIFY2(created->ok(), why(*created).constData());
        auto adminMade = awaitFuture(db->run([admin, domain](QSqlDatabase &d) {
            NewDomainAdmin a;
            a.username = admin;
            a.name = QStringLiteral("DB account test");
            a.password = DelegationNames::generatePassword();
            a.domains = {domain};
            return DomainAdmins::create(d, a);
        }));
        QVERIFY(adminMade);
        QVERIFY2(adminMade->ok(), why(*adminMade).constData());
        auto account = awaitFuture(
            db->run([admin](QSqlDatabase &d) { return DelegatedAccounts::create(d, admin); }));
        QVERIFY(account);
        QVERIFY2(account->ok(), why(*account).constData());
        const AccountCredentials creds = account->value();

        // The delegated admin logs in; locking ends that open session (PROCESS + CONNECTION ADMIN).
        QSqlDatabase open =
            DelegationLab::openAs(QStringLiteral("dbacct-md"), creds.dbUser, creds.password);
        QVERIFY2(open.isOpen(), qPrintable(open.lastError().text()));
        auto locked = awaitFuture(db->run([u = creds.dbUser](QSqlDatabase &d) {
            return DelegatedAccounts::setEnabled(d, u, false);
        }));
        QVERIFY(locked);
        QVERIFY2(locked->ok(), why(*locked).constData());
        {
            QSqlQuery after(open);
            QVERIFY(!after.exec(QStringLiteral("SELECT 1")));
        }
        open = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("dbacct-md"));
        auto list =
            awaitFuture(db->run([](QSqlDatabase &d) { return DelegatedAccounts::list(d); }));
        QVERIFY(list && list->ok());
        bool seenLocked = false;
        for (const DelegatedAccount &a : list->value())
            if (a.dbUser == creds.dbUser)
                seenLocked = !a.enabled && a.locked;
        QVERIFY(seenLocked);

        // What the account must not do (each refused by the server).
        const QString user = DelegationDbAccount::userName();
        const QString password = [&] {
            QString pw;
            for (const QByteArray &line : readLocal(m_optionFile).split('\n'))
                if (line.startsWith("password="))
                    pw = QString::fromUtf8(line.mid(10, line.size() - 11));
            return pw;
        }();
        QVERIFY(!password.isEmpty());
        const QStringList refused = {
            QStringLiteral("SELECT authentication_string FROM mysql.user LIMIT 1"),
            QStringLiteral("SELECT * FROM mysql.db LIMIT 1"),
            QStringLiteral("CREATE DATABASE maildeck_other_%1").arg(m_tag),
            QStringLiteral("GRANT ALL PRIVILEGES ON *.* TO 'maildeck_admin'@'localhost'"),
            QStringLiteral("GRANT ALL PRIVILEGES ON vmail.* TO '%1'@'localhost'").arg(creds.dbUser),
            QStringLiteral("SELECT LOAD_FILE('/etc/shadow') IS NOT NULL OR 1/0"),
            QStringLiteral("SHUTDOWN"),
            QStringLiteral("FLUSH PRIVILEGES"),
            QStringLiteral("SET PASSWORD FOR 'root'@'localhost' = PASSWORD('x')"),
        };
        int refusedCount = 0;
        for (const QString &sql : refused) {
            const auto r = DelegationLab::mysqlCli(user, password, sql);
            if (r.ok() && !r.out.trimmed().isEmpty() && r.out.trimmed() != QLatin1String("NULL"))
                qWarning("allowed: %s -> %s", qPrintable(sql), qPrintable(r.out));
            else
                ++refusedCount;
            // LOAD_FILE without FILE returns NULL (then 1/0 is NULL too): nothing read.
            QVERIFY2(!r.ok() || r.out.trimmed().isEmpty() ||
                         r.out.trimmed() == QLatin1String("NULL"),
                     qPrintable(sql));
        }
        qInfo("maildeck_admin: %d of %d privileged attempts refused", refusedCount,
              int(refused.size()));

        // Clean up through the same account.
        auto removed = awaitFuture(
            db->run([admin](QSqlDatabase &d) { return DomainAdmins::remove(d, admin); }));
        QVERIFY(removed && removed->ok());
    }

    void cleanupTestCase() {
        if (!LabEnv::available())
            return;
        QSqlDatabase root = DelegationLab::openRoot(QStringLiteral("dbacct-root"));
        if (root.isOpen()) {
            QSqlQuery q(root);
            q.exec(QStringLiteral("SELECT db_user FROM maildeck_delegation.account_map WHERE "
                                  "admin_username = '%1'")
                       .arg(m_admin));
            QStringList users;
            while (q.next())
                users << q.value(0).toString();
            for (const QString &u : users) {
                DelegatedAccounts::remove(root, u);
            }
            DomainAdmins::remove(root, m_admin);
            if (auto plan = db::DomainRepository::planDeletion(root, m_domain))
                db::DomainRepository::remove(root, *plan);
            if (m_installedHere)
                DelegationSchema::uninstall(root);
        }
        root = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("dbacct-root"));
        // The account and its option file stay as a setup leaves them, unless this run made them.
        if (!m_hadOptionFile) {
            QFile::remove(m_optionFile);
            QSqlDatabase r2 = DelegationLab::openRoot(QStringLiteral("dbacct-root2"));
            QSqlQuery q(r2);
            for (const QString &h : DelegationNames::accountHosts())
                q.exec(QStringLiteral("DROP USER IF EXISTS ") +
                       DelegationNames::accountSpec(DelegationDbAccount::userName(), h));
            q = QSqlQuery();
            r2 = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("dbacct-root2"));
        }
    }
};

QTEST_GUILESS_MAIN(TestDelegationDbAccount)
#include "tst_delegation_dbaccount.moc"
