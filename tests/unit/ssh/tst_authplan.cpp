#include "core/ssh/AuthPlan.h"

#include <QtTest/QTest>

using namespace maildeck;

class TestAuthPlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void steps_data() {
        using S = ServerAuthMethods;
        QTest::addColumn<int>("methods");
        QTest::addColumn<bool>("agent");
        QTest::addColumn<bool>("keys");
        QTest::addColumn<QList<AuthMethod>>("expected");
        QTest::newRow("everything")
            << (S::PublicKey | S::Password | S::Interactive) << true << true
            << QList<AuthMethod>{AuthMethod::Agent, AuthMethod::PublicKey, AuthMethod::Password};
        QTest::newRow("no agent") << (S::PublicKey | S::Password) << false << true
                                  << QList<AuthMethod>{AuthMethod::PublicKey, AuthMethod::Password};
        QTest::newRow("no keys") << (S::PublicKey | S::Password) << false << false
                                 << QList<AuthMethod>{AuthMethod::Password};
        QTest::newRow("key only server")
            << S::PublicKey << true << false << QList<AuthMethod>{AuthMethod::Agent};
        QTest::newRow("kbd-int without password")
            << (S::PublicKey | S::Interactive) << false << true
            << QList<AuthMethod>{AuthMethod::PublicKey, AuthMethod::KeyboardInteractive};
        QTest::newRow("nothing usable") << S::HostBased << true << true << QList<AuthMethod>{};
    }
    void steps() {
        QFETCH(int, methods);
        QFETCH(bool, agent);
        QFETCH(bool, keys);
        QFETCH(QList<AuthMethod>, expected);
        QCOMPARE(AuthPlan::steps(methods, agent, keys), expected);
    }

    void permissionDenied_data() {
        using S = ServerAuthMethods;
        QTest::addColumn<int>("methods");
        QTest::addColumn<QString>("message");
        QTest::newRow("key+password") << (S::Password | S::PublicKey)
                                      << QStringLiteral("Permission denied (publickey,password).");
        QTest::newRow("all") << (S::Interactive | S::Password | S::PublicKey)
                             << QStringLiteral(
                                    "Permission denied (publickey,password,keyboard-interactive).");
        QTest::newRow("key") << int(S::PublicKey)
                             << QStringLiteral("Permission denied (publickey).");
        QTest::newRow("none") << 0 << QStringLiteral("Permission denied.");
    }
    void permissionDenied() {
        QFETCH(int, methods);
        QFETCH(QString, message);
        QCOMPARE(AuthPlan::permissionDenied(methods), message);
    }

    void defaultIdentities() {
        const QStringList files = AuthPlan::defaultIdentityFiles(QStringLiteral("/h/.ssh"));
        QCOMPARE(files.first(), QStringLiteral("/h/.ssh/id_rsa"));
        QVERIFY(files.contains(QStringLiteral("/h/.ssh/id_ed25519")));
        QVERIFY(files.indexOf(QStringLiteral("/h/.ssh/id_ecdsa")) <
                files.indexOf(QStringLiteral("/h/.ssh/id_ed25519")));
    }

    void passwordPrompt_data() {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<bool>("isPassword");
        QTest::newRow("pam") << QStringLiteral("Password: ") << true;
        QTest::newRow("user's") << QStringLiteral("mdadmin@mx's password:") << true;
        QTest::newRow("otp") << QStringLiteral("Verification code: ") << false;
    }
    void passwordPrompt() {
        QFETCH(QString, prompt);
        QFETCH(bool, isPassword);
        QCOMPARE(AuthPlan::isPasswordPrompt(prompt), isPassword);
    }
};

QTEST_GUILESS_MAIN(TestAuthPlan)
#include "tst_authplan.moc"
