// The direct database route with TLS against the lab's MariaDB (tests/lab/lib/mariadb.sh gives
// it a certificate for IP 127.0.0.1 only, signed by LAB_DB_TLS_CA; LAB_DB_TLS_WRONG_CA is an
// unrelated CA): the right CA connects encrypted; a wrong CA or a host name the certificate does
// not name is refused before any password is sent; ServerConnection passes the profile's CA.

#include "../ssh/TestPrompter.h"
#include "common/LabEnv.h"
#include "core/db/DbTlsProbe.h"
#include "core/db/DbWorker.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace maildeck;

namespace {
Result<QString> sslCipher(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) || !q.next())
        return Error{QStringLiteral("db.query"), q.lastError().text(), {}};
    return q.value(1).toString();
}

Result<int> countDomains(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM domain")) || !q.next())
        return Error{QStringLiteral("db.query"), q.lastError().text(), {}};
    return q.value(0).toInt();
}
} // namespace

class TestDbTls : public QObject {
    Q_OBJECT

    static DbEndpoint endpoint(const QString &host, const QString &caFile) {
        DbEndpoint e;
        e.host = host;
        e.port = LabEnv::port("LAB_DB_PORT");
        e.user = LabEnv::value("LAB_DB_ADMIN_USER");
        e.password = LabEnv::value("LAB_DB_ADMIN_PASSWORD");
        e.database = LabEnv::value("LAB_DB_NAME");
        e.tls = true;
        e.tlsCaFile = caFile;
        e.connectTimeoutSeconds = 5;
        return e;
    }

private Q_SLOTS:
    void initTestCase() {
        LAB_REQUIRE();
        QVERIFY2(QFile::exists(LabEnv::value("LAB_DB_TLS_CA")), "LAB_DB_TLS_CA: run lab up");
        QVERIFY(QFile::exists(LabEnv::value("LAB_DB_TLS_WRONG_CA")));
    }

    void rightCaConnectsEncrypted() {
        DbWorker worker;
        auto st = awaitFuture(
            worker.open(endpoint(QStringLiteral("127.0.0.1"), LabEnv::value("LAB_DB_TLS_CA"))));
        QVERIFY(st);
        QVERIFY2(st->ok(), why(*st).constData());
        auto cipher = awaitFuture(worker.run(sslCipher));
        QVERIFY(cipher && cipher->ok());
        QVERIFY2(!cipher->value().isEmpty(), "the session is not encrypted");
        auto count = awaitFuture(worker.run(countDomains));
        QVERIFY(count && count->ok());
        QVERIFY(count->value() > 0);
    }

    void wrongCaRefused() {
        DbWorker worker;
        auto st = awaitFuture(worker.open(
            endpoint(QStringLiteral("127.0.0.1"), LabEnv::value("LAB_DB_TLS_WRONG_CA"))));
        QVERIFY(st);
        QVERIFY(!st->ok());
        QCOMPARE(st->error().code, QStringLiteral("db.tls.certificate"));
        QVERIFY2(
            st->error().message.contains(QStringLiteral("certificate is not valid for 127.0.0.1")),
            qPrintable(st->error().message));
        // And the worker is not connected: a job fails rather than running in plain text.
        auto cipher = awaitFuture(worker.run(sslCipher));
        QVERIFY(cipher && !cipher->ok());
    }

    // The certificate names IP 127.0.0.1 only; "localhost" reaches the same server over TCP in
    // the probe, which must refuse by name (Connector/C would not check the name at all).
    void otherHostNameRefused() {
        DbWorker worker;
        auto st = awaitFuture(
            worker.open(endpoint(QStringLiteral("localhost"), LabEnv::value("LAB_DB_TLS_CA"))));
        QVERIFY(st);
        QVERIFY(!st->ok());
        QCOMPARE(st->error().code, QStringLiteral("db.tls.certificate"));
        QVERIFY2(
            st->error().message.contains(QStringLiteral("certificate is not valid for localhost")),
            qPrintable(st->error().message));
    }

    void unreadableCaRefused() {
        const Status st = db::probeDbTls(QStringLiteral("127.0.0.1"), LabEnv::port("LAB_DB_PORT"),
                                         QStringLiteral("/nonexistent/ca.pem"), 5000);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("db.tls.cafile"));
    }

    // A MariaDB without TLS: the lab has none, so this runs only when
    // MAILDECK_TEST_DB_NOTLS_PORT names a local MariaDB (on 127.0.0.1) started without --ssl-*.
    void serverWithoutTlsRefused() {
        const quint16 port = quint16(qEnvironmentVariableIntValue("MAILDECK_TEST_DB_NOTLS_PORT"));
        if (port == 0)
            QSKIP("set MAILDECK_TEST_DB_NOTLS_PORT to a local MariaDB port without TLS");
        const Status st =
            db::probeDbTls(QStringLiteral("127.0.0.1"), port, LabEnv::value("LAB_DB_TLS_CA"), 5000);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("db.tls.unsupported"));
    }

    // The whole connection: SSH first (ServerConnection always opens it), then the direct TLS
    // route with the profile's CA file.
    void serverConnectionDirectTls() {
        QTemporaryDir tmp;
        const QString knownHosts = tmp.path() + QStringLiteral("/known_hosts");
        QVERIFY(QFile::copy(LabEnv::value("LAB_KNOWN_HOSTS"), knownHosts));
        QFile(knownHosts).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        ServerProfile p;
        p.name = QStringLiteral("dbtls-%1").arg(QRandomGenerator::global()->generate());
        p.host = QStringLiteral("127.0.0.1");
        p.port = LabEnv::port("LAB_SSH_PORT");
        p.user = QStringLiteral("root");
        p.identityFile = LabEnv::value("LAB_ROOT_KEY");
        p.knownHostsFile = knownHosts;
        p.dbRoute = DbRoute::Direct;
        p.dbHost = QStringLiteral("127.0.0.1");
        p.dbPort = LabEnv::port("LAB_DB_PORT");
        p.dbName = LabEnv::value("LAB_DB_NAME");
        p.dbUser = LabEnv::value("LAB_DB_ADMIN_USER");
        p.dbCredentials = DbCredentialSource::ServerFile;
        p.dbCredentialsFile = LabEnv::value("LAB_DB_ADMIN_CNF");
        p.dbTls = true;
        p.dbTlsCaFile = LabEnv::value("LAB_DB_TLS_CA");
        SshConfig c = SshConfig::fromProfile(p);
        c.sshConfigFile = QStringLiteral("none");
        c.sshDir = tmp.path() + QStringLiteral("/dotssh");
        c.useAgent = false;
        c.timeoutSeconds = 10;

        TestPrompter prompter;
        {
            ServerConnection conn(p, c, &prompter);
            auto st = awaitFuture(conn.connectToServer());
            QVERIFY(st);
            QVERIFY2(st->ok(), why(*st).constData());
            QCOMPARE(conn.tunnelPort(), quint16(0)); // direct: no tunnel
            auto cipher = awaitFuture(conn.db()->run(sslCipher));
            QVERIFY(cipher && cipher->ok());
            QVERIFY(!cipher->value().isEmpty());
        }
        p.dbTlsCaFile = LabEnv::value("LAB_DB_TLS_WRONG_CA");
        ServerConnection conn(p, c, &prompter);
        auto st = awaitFuture(conn.connectToServer());
        QVERIFY(st);
        QVERIFY(!st->ok());
        QCOMPARE(st->error().code, QStringLiteral("db.tls.certificate"));
    }
};

QTEST_GUILESS_MAIN(TestDbTls)
#include "tst_db_tls.moc"
