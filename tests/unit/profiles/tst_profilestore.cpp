#include "core/profiles/ProfileStore.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace maildeck;

class TestProfileStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripKeepsEveryField() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        ServerProfile p;
        p.name = QStringLiteral("mx1 (production)");
        p.host = QStringLiteral("mx1.example.jp");
        p.port = 2222;
        p.user = QStringLiteral("admin");
        p.identityFile = QStringLiteral("/home/a/.ssh/id_ed25519");
        p.knownHostsFile = QStringLiteral("/tmp/kh");
        p.dbRoute = DbRoute::Direct;
        p.dbPort = 13306;
        p.dbTls = true;
        p.dbTlsCaFile = QStringLiteral("/etc/maildeck/db-ca.pem");
        p.dbCredentials = DbCredentialSource::ServerFile;
        p.dbCredentialsFile = QStringLiteral("/root/.my.cnf-vmailadmin");
        p.flavour = ServerFlavour::Rhel;
        p.paths = ServerPaths::defaultsFor(ServerFlavour::Rhel);
        p.paths.iredapdSettings = QStringLiteral("/srv/iredapd/settings.py");
        ProfileStore(file).save(p);

        const auto loaded = ProfileStore(file).load(p.name);
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->host, p.host);
        QCOMPARE(loaded->port, p.port);
        QCOMPARE(loaded->user, p.user);
        QCOMPARE(loaded->identityFile, p.identityFile);
        QCOMPARE(loaded->knownHostsFile, p.knownHostsFile);
        QCOMPARE(loaded->dbRoute, DbRoute::Direct);
        QCOMPARE(loaded->dbPort, quint16(13306));
        QVERIFY(loaded->dbTls);
        QCOMPARE(loaded->dbTlsCaFile, QStringLiteral("/etc/maildeck/db-ca.pem"));
        QCOMPARE(loaded->dbCredentials, DbCredentialSource::ServerFile);
        QCOMPARE(loaded->flavour, ServerFlavour::Rhel);
        QCOMPARE(loaded->paths.mailLog, QStringLiteral("/var/log/maillog"));
        QCOMPARE(loaded->paths.iredapdSettings, QStringLiteral("/srv/iredapd/settings.py"));
        QVERIFY(!loaded->flavourConfirmed); // not set: the flavour is detected on connect

        p.flavourConfirmed = true;
        ProfileStore(file).save(p);
        QVERIFY(ProfileStore(file).load(p.name)->flavourConfirmed);
    }

    void settingsFileHoldsNoSecret() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        ServerProfile p;
        p.name = QStringLiteral("a");
        p.host = QStringLiteral("h");
        ProfileStore(file).save(p);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().toLower().contains("password="));
    }

    void recentIsMostRecentFirstAndBounded() {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("s.ini")));
        for (int i = 0; i < ProfileStore::kRecentLimit + 3; ++i) {
            ServerProfile p;
            p.name = QStringLiteral("p%1").arg(i);
            p.host = QStringLiteral("h");
            store.save(p);
            store.markUsed(p.name);
        }
        const QStringList recent = store.recent();
        QCOMPARE(recent.size(), ProfileStore::kRecentLimit);
        QCOMPARE(recent.first(), QStringLiteral("p%1").arg(ProfileStore::kRecentLimit + 2));
        QVERIFY(store.remove(recent.first()));
        QVERIFY(
            !store.recent().contains(QStringLiteral("p%1").arg(ProfileStore::kRecentLimit + 2)));
    }

    void unknownAndUnstorableNames() {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("s.ini")));
        QVERIFY(!store.load(QStringLiteral("missing")).has_value());
        QVERIFY(!store.load(QStringLiteral("a/b")).has_value());
        QVERIFY(!store.remove(QStringLiteral("missing")));
    }

    void validation() {
        ServerProfile p;
        QVERIFY(!p.validationError().isEmpty());
        p.name = QStringLiteral("x");
        QVERIFY(!p.validationError().isEmpty());
        p.host = QStringLiteral("h");
        QVERIFY(p.validationError().isEmpty());
        p.dbPort = 0;
        QVERIFY(!p.validationError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
