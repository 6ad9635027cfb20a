// The client-compatibility fixes on the lab (CompatLab.h): reading the server's configuration
// over SSH, Windows Live Mail (POP3 plaintext), the web server sending as the own domain
// (iRedAPD), and Thunderbird, which passes with no change.

#include "integration/compat/CompatLab.h"

class TestCompatLab : public QObject {
    Q_OBJECT
    CompatLab m_lab;

private Q_SLOTS:
    void initTestCase() { m_lab.init(); }

    void readerMatchesServerTools() {
        const auto s = m_lab.readSnapshot();
        QVERIFY(s);
        // Every file read has the sha256 of the live file.
        QVERIFY(s->files.size() >= 5);
        for (const SnapshotFile &f : s->files)
            QCOMPARE(f.sha256, sha(readLocal(f.path)));
        QVERIFY(s->files.contains(env("LAB_DOVECOT_CONFIG")));
        QVERIFY(s->files.contains(QFileInfo(env("LAB_DOVECOT_CONFIG")).absolutePath() +
                                  QStringLiteral("/iredmail/wlm-story.conf")));
        QVERIFY(!s->doveconfN.isEmpty());
        QVERIFY(!s->postconfN.isEmpty());
        QVERIFY(!s->postconfServices.isEmpty());
        // The story: ssl = yes for the home PC from the include, required for everyone else,
        // and doveconf agrees with the parsed tree.
        DovecotClient pc;
        pc.protocol = QStringLiteral("pop3");
        pc.remoteIp = env("LAB_CLIENT_PC");
        const SettingReport forPc = dovecotWhere(*s, QStringLiteral("ssl"), pc);
        QCOMPARE(forPc.effectiveValue, std::optional<QString>(u"yes"_qs));
        QVERIFY(forPc.places.constLast().where.file.endsWith(QLatin1String("wlm-story.conf")));
        QVERIFY(!forPc.disagrees());
        const SettingReport global = dovecotWhere(*s, QStringLiteral("ssl"));
        QCOMPARE(global.effectiveValue, std::optional<QString>(u"required"_qs));
        QVERIFY2(!global.disagrees(), qPrintable(global.reportedValue.value_or(QString())));
        const SettingReport helo = postfixWhere(*s, QStringLiteral("smtpd_helo_required"));
        QCOMPARE(helo.effectiveValue, std::optional<QString>(u"yes"_qs));
        QCOMPARE(helo.reportedValue, std::optional<QString>(u"yes"_qs));
        for (const ConfigDisagreement &dis : s->disagreements)
            qInfo("disagreement: %s", qPrintable(dis.text()));
    }

    void readerCancel() {
        ServerConfigReader reader(m_lab.m_ssh.get(), m_lab.server().paths);
        const auto future = reader.read();
        QVERIFY(reader.isRunning());
        reader.cancel();
        QVERIFY(!reader.isRunning());
        const auto r = awaitFuture(future, 10000);
        QVERIFY(r);
        QVERIFY(!r->ok());
        QCOMPARE(r->error().code, QStringLiteral("config.read.cancelled"));
        // The reader works again after a cancel.
        const auto again = awaitFuture(reader.read(), 60000);
        QVERIFY(again && again->ok());
    }

    void windowsLiveMail() {
        ClientParams p = ClientProfile::of(ClientKind::WindowsLiveMail2012).exampleParams();
        p.clientIp = env("LAB_CLIENT_PC");
        p.user = m_lab.m_user;
        m_lab.runCase(ClientKind::WindowsLiveMail2012, p, QStringLiteral("wlm.remote-plaintext"));
    }

    void webServer() {
        ClientParams p = ClientProfile::of(ClientKind::ExternalWebServer).exampleParams();
        p.clientIp = env("LAB_CLIENT_WEB");
        p.sender = m_lab.m_localSender;
        p.recipient = m_lab.m_user;
        m_lab.runCase(ClientKind::ExternalWebServer, p, QStringLiteral("web.spf"));
    }

    void thunderbirdPasses() {
        LabConfigLock lock;
        QVERIFY2(lock.isLocked(), qPrintable(lock.error()));
        const auto snapshot = m_lab.readSnapshot();
        QVERIFY(snapshot);
        ClientParams p = ClientProfile::of(ClientKind::ModernThunderbird).exampleParams();
        p.clientIp = env("LAB_CLIENT_MTA");
        p.user = m_lab.m_user;
        p.sender = m_lab.m_user;
        p.recipient = m_lab.m_localSender;
        const auto d = diagnose(*snapshot, ClientProfile::of(ClientKind::ModernThunderbird), p, {},
                                m_lab.server());
        QVERIFY(d);
        QVERIFY(d->passes);
        QVERIFY(d->options.isEmpty());
        QCOMPARE(d->probes.size(), 2);
        for (const ProbeSpec &spec : d->probes) {
            const ProbeResult r = m_lab.probe(spec);
            QVERIFY2(r.passed, qPrintable(CompatLab::dump(r)));
        }
    }
};

QTEST_GUILESS_MAIN(TestCompatLab)
#include "tst_compat_lab.moc"
