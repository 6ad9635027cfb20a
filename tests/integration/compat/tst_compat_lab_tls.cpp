// The client-compatibility fixes on the lab (CompatLab.h) that need more of the services: the old
// phone's TLS 1.0 (Dovecot for its address, Postfix's submission port) and the LAN scanner
// (Postfix mynetworks and iRedAPD MYNETWORKS in one change set).

#include "integration/compat/CompatLab.h"

class TestCompatLabTls : public QObject {
    Q_OBJECT
    CompatLab m_lab;

private Q_SLOTS:
    void initTestCase() { m_lab.init(); }

    void oldPhone() {
        ClientParams p = ClientProfile::of(ClientKind::OldPhone).exampleParams();
        p.clientIp = QStringLiteral("127.0.0.6");
        p.user = m_lab.m_user;
        m_lab.runCase(ClientKind::OldPhone, p, QStringLiteral("phone.remote-tls10"));
    }

    void oldPhoneSubmission() {
        ClientParams p = ClientProfile::of(ClientKind::OldPhone).exampleParams();
        p.clientIp = QStringLiteral("127.0.0.6");
        p.user = m_lab.m_user;
        p.sender = m_lab.m_user;
        p.recipient = m_lab.m_localSender;
        m_lab.runCase(ClientKind::OldPhone, p, QStringLiteral("phone.submission-tls10"));
    }

    void scanner() {
        ClientParams p = ClientProfile::of(ClientKind::LanScanner).exampleParams();
        p.clientIp = QStringLiteral("127.0.0.6");
        p.sender = m_lab.m_localSender;
        p.recipient = QStringLiteral("someone@partner.test");
        m_lab.runCase(ClientKind::LanScanner, p, QStringLiteral("scanner.mynetworks"));
    }
};

QTEST_GUILESS_MAIN(TestCompatLabTls)
#include "tst_compat_lab_tls.moc"
