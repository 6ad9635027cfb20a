#include "core/ssh/HostKey.h"

#include <QtTest/QTest>

using namespace maildeck;

class TestHostKeyPolicy : public QObject {
    Q_OBJECT
private:
    static HostKeyInfo key(quint16 port = 10022) {
        HostKeyInfo k;
        k.host = QStringLiteral("127.0.0.1");
        k.port = port;
        k.keyType = QStringLiteral("ssh-ed25519");
        k.fingerprint = QStringLiteral("SHA256:abcDEF0123456789abcDEF0123456789abcDEF01234");
        k.knownHostsFile = QStringLiteral("/home/u/.ssh/known_hosts");
        return k;
    }

private Q_SLOTS:
    void hostPort_data() {
        QTest::addColumn<quint16>("port");
        QTest::addColumn<QString>("expected");
        QTest::newRow("22") << quint16(22) << QStringLiteral("127.0.0.1");
        QTest::newRow("other") << quint16(10022) << QStringLiteral("[127.0.0.1]:10022");
    }
    void hostPort() {
        QFETCH(quint16, port);
        QFETCH(QString, expected);
        QCOMPARE(key(port).hostPort(), expected);
    }

    void keyTypeLabel_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("label");
        QTest::newRow("ed25519") << QStringLiteral("ssh-ed25519") << QStringLiteral("ED25519");
        QTest::newRow("ecdsa") << QStringLiteral("ecdsa-sha2-nistp256") << QStringLiteral("ECDSA");
        QTest::newRow("rsa") << QStringLiteral("ssh-rsa") << QStringLiteral("RSA");
        QTest::newRow("rsa-sha2") << QStringLiteral("rsa-sha2-512") << QStringLiteral("RSA");
    }
    void keyTypeLabel() {
        QFETCH(QString, type);
        QFETCH(QString, label);
        HostKeyInfo k = key();
        k.keyType = type;
        QCOMPARE(k.keyTypeLabel(), label);
    }

    void knownProceeds() {
        const auto d = HostKeyPolicy::decide(KnownHostState::Known, key());
        QCOMPARE(d.action, HostKeyDecision::Proceed);
        QVERIFY(d.error.code.isEmpty());
    }

    void unknownAsksWithFingerprint() {
        const auto d = HostKeyPolicy::decide(KnownHostState::Unknown, key());
        QCOMPARE(d.action, HostKeyDecision::AskUser);
        QCOMPARE(d.error.code, QStringLiteral("ssh.hostkey.unknown"));
        QVERIFY(d.error.message.contains(key().fingerprint));
        QVERIFY(d.error.message.contains(QStringLiteral("ED25519 key fingerprint is")));
        QVERIFY(d.error.message.contains(QStringLiteral("[127.0.0.1]:10022")));
    }

    void changedRefusesAndExplains() {
        const auto d = HostKeyPolicy::decide(KnownHostState::Changed, key());
        QCOMPARE(d.action, HostKeyDecision::Refuse);
        QCOMPARE(d.error.code, QStringLiteral("ssh.hostkey.changed"));
        QVERIFY(d.error.message.contains(QStringLiteral("REMOTE HOST IDENTIFICATION HAS CHANGED")));
        QVERIFY(d.error.message.contains(QStringLiteral("man-in-the-middle")));
        QVERIFY(d.error.message.contains(key().fingerprint));
        // How to fix it: the exact command for this file and host.
        QVERIFY(d.error.message.contains(
            QStringLiteral("ssh-keygen -f '/home/u/.ssh/known_hosts' -R '[127.0.0.1]:10022'")));
    }

    void otherTypeRefuses() {
        const auto d = HostKeyPolicy::decide(KnownHostState::Other, key());
        QCOMPARE(d.action, HostKeyDecision::Refuse);
        QCOMPARE(d.error.code, QStringLiteral("ssh.hostkey.othertype"));
        QVERIFY(d.error.message.contains(key().fingerprint));
        QVERIFY(d.error.message.contains(QStringLiteral("ssh-keygen")));
    }

    void unreadableRefuses() {
        const auto d =
            HostKeyPolicy::decide(KnownHostState::Error, key(), QStringLiteral("EACCES"));
        QCOMPARE(d.action, HostKeyDecision::Refuse);
        QCOMPARE(d.error.code, QStringLiteral("ssh.hostkey.error"));
        QCOMPARE(d.error.detail, QStringLiteral("EACCES"));
    }
};

QTEST_GUILESS_MAIN(TestHostKeyPolicy)
#include "tst_hostkeypolicy.moc"
