// SecretStore against a real Secret Service (./dev test runs inside dbus-run-session with an
// unlocked gnome-keyring; by hand: dbus-run-session -- sh -c 'echo -n pw |
// gnome-keyring-daemon --unlock --components=secrets >/dev/null; ./tst_secretstore').

#include "../ssh/TestPrompter.h"
#include "common/LabEnv.h"
#include "core/secrets/SecretStore.h"

#include <QRandomGenerator>
#include <QtTest/QTest>

using namespace maildeck;

class TestSecretStore : public QObject {
    Q_OBJECT
    QString m_profile = QStringLiteral("test-%1").arg(QRandomGenerator::global()->generate());

private Q_SLOTS:
    void initTestCase() {
        SecretStore store;
        auto r = awaitFuture(store.read(m_profile, QStringLiteral("probe")), 20000);
        QVERIFY(r);
        if (r->state == SecretLookup::State::NoKeychain ||
            r->state == SecretLookup::State::Failed) {
            if (LabEnv::required())
                QFAIL(qPrintable(QStringLiteral("no keychain under ./dev test: ") + r->message));
            QSKIP("no Secret Service on this session bus (run inside dbus-run-session with "
                  "gnome-keyring)");
        }
    }

    void key() {
        QCOMPARE(SecretStore::key(QStringLiteral("mx"), QStringLiteral("db-password")),
                 QStringLiteral("profile/mx/db-password"));
    }

    void roundTrip() {
        SecretStore store;
        const QString kind = SecretStore::dbPasswordKind();
        auto missing = awaitFuture(store.read(m_profile, kind));
        QVERIFY(missing);
        QCOMPARE(missing->state, SecretLookup::State::NotFound);

        const QString secret = QStringLiteral("pä$$ \"wörd\" 🔑");
        auto w = awaitFuture(store.write(m_profile, kind, secret));
        QVERIFY(w);
        QVERIFY2(w->ok(), why(*w).constData());
        auto found = awaitFuture(store.read(m_profile, kind));
        QVERIFY(found);
        QCOMPARE(found->state, SecretLookup::State::Found);
        QCOMPARE(found->secret, secret);

        // Another profile does not see it.
        auto other = awaitFuture(store.read(m_profile + QStringLiteral("-other"), kind));
        QCOMPARE(other->state, SecretLookup::State::NotFound);

        auto overwrite = awaitFuture(store.write(m_profile, kind, QStringLiteral("new")));
        QVERIFY(overwrite && overwrite->ok());
        QCOMPARE(awaitFuture(store.read(m_profile, kind))->secret, QStringLiteral("new"));

        QVERIFY(awaitFuture(store.remove(m_profile, kind))->ok());
        QCOMPARE(awaitFuture(store.read(m_profile, kind))->state, SecretLookup::State::NotFound);
        QVERIFY(awaitFuture(store.remove(m_profile, kind))->ok()); // absent: still fine
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
