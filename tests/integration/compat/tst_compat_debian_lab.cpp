// The story's trap on a live Dovecot with a Debian-style configuration tree: the test builds
// dovecot.conf + conf.d/ (the fixture tests/unit/config/fixtures/dovecot-debian, where
// `ssl = required` is set in dovecot.conf and again in conf.d/10-ssl.conf, and
// `disable_plaintext_auth` in conf.d/10-auth.conf and again at the end of dovecot.conf) and
// runs a second, real Dovecot on it beside the lab's. MailDeck reads the tree over SSH, finds
// each setting in both files and says which one takes effect (doveconf agrees); the global fix
// for Windows Live Mail edits the lines that take effect and only those; a POP3 probe fails
// before, passes after; the revert from the history gives every file back byte for byte and the
// probe fails again.

#include "CompatLab.h"

#include <QDirIterator>
#include <QTcpServer>
#include <QTcpSocket>

namespace {

quint16 freePort() {
    QTcpServer s;
    return s.listen(QHostAddress::LocalHost, 0) ? s.serverPort() : 0;
}

bool writeText(const QString &path, const QByteArray &content) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// Every file of the tree by path (the conf.d files and dovecot.conf; not the TLS material).
QHash<QString, QByteArray> treeFiles(const QString &dir) {
    QHash<QString, QByteArray> out;
    QDirIterator it(dir, {QStringLiteral("*.conf"), QStringLiteral("*.ext")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out.insert(path, readLocal(path));
    }
    return out;
}

} // namespace

class TestCompatDebianLab : public QObject {
    Q_OBJECT
    CompatLab m_lab;
    QString m_root;     // $LAB_ROOT/debian-<tag>: etc/dovecot, run, state, home, spool
    QString m_etc;      // <root>/etc/dovecot
    QString m_conf;     // <etc>/dovecot.conf
    quint16 m_pop3 = 0; // the Debian instance's POP3 port
    bool m_started = false;

    ServerPaths paths() const {
        ServerPaths p = m_lab.server().paths;
        p.dovecotConfig = m_conf;
        p.dovecotCommand = QStringLiteral("dovecot -c ") + m_conf;
        p.dovecotLogDir = m_root;
        return p;
    }
    ServiceControl control() const { return ServiceControl(ServerFlavour::Lab, paths()); }

    QString doveconf(const QString &setting) const {
        QByteArray out;
        sh(QStringLiteral("doveconf -c %1 -h %2").arg(q(m_conf), setting), &out);
        return QString::fromUtf8(out).trimmed();
    }

    // The fixture tree with its /etc/dovecot and /var/spool/postfix paths moved under m_root,
    // the TLS files where Debian keeps them, and what a second instance needs in local.conf
    // (its own base_dir and ports). Authentication is a passwd-file with the lab user.
    void buildTree() {
        const QString fixture = QStringLiteral(
            MAILDECK_SOURCE_DIR "/tests/unit/config/fixtures/dovecot-debian/etc/dovecot");
        QDirIterator it(fixture, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString src = it.next();
            QByteArray content = readLocal(src);
            content.replace("/etc/dovecot", m_etc.toUtf8());
            content.replace("/var/spool/postfix", (m_root + QStringLiteral("/spool")).toUtf8());
            QVERIFY(writeText(m_etc + src.mid(fixture.size()), content));
        }
        QVERIFY(QDir().mkpath(m_etc + QStringLiteral("/private")));
        QVERIFY(QFile::copy(env("LAB_TLS_CERT"), m_etc + QStringLiteral("/private/dovecot.pem")));
        QVERIFY(QFile::copy(env("LAB_TLS_KEY"), m_etc + QStringLiteral("/private/dovecot.key")));
        QVERIFY(writeText(m_etc + QStringLiteral("/conf.d/auth-system.conf.ext"),
                          QStringLiteral("# The test's users (Debian's PAM would need system "
                                         "accounts).\npassdb {\n  driver = passwd-file\n  args = "
                                         "scheme=PLAIN username_format=%u %1/users\n}\nuserdb {\n"
                                         "  driver = static\n  args = uid=vmail gid=vmail "
                                         "home=%2/home/%u\n}\n")
                              .arg(m_etc, m_root)
                              .toUtf8()));
        QVERIFY(writeText(m_etc + QStringLiteral("/users"),
                          (m_lab.m_user + QStringLiteral(":{PLAIN}") + m_lab.m_password +
                           QStringLiteral("::::::\n"))
                              .toUtf8()));
        QVERIFY(writeText(
            m_etc + QStringLiteral("/local.conf"),
            QStringLiteral("# A second instance beside the lab's Dovecot.\n"
                           "base_dir = %1/run\nstate_dir = %1/state\nlog_path = %1/dovecot.log\n"
                           "listen = 127.0.0.1\n"
                           "service imap-login {\n  inet_listener imap {\n    port = 0\n  }\n"
                           "  inet_listener imaps {\n    port = 0\n  }\n}\n"
                           "service pop3-login {\n  inet_listener pop3 {\n    port = %2\n  }\n"
                           "  inet_listener pop3s {\n    port = 0\n  }\n}\n")
                .arg(m_root)
                .arg(m_pop3)
                .toUtf8()));
        QDir().mkpath(m_root + QStringLiteral("/run"));
        QDir().mkpath(m_root + QStringLiteral("/state"));
        QDir().mkpath(m_root + QStringLiteral("/spool/private"));
        QDir().mkpath(m_root + QStringLiteral("/home"));
        QCOMPARE(sh(QStringLiteral("chown vmail:vmail %1/home && chmod 0755 %2")
                        .arg(q(m_root), q(m_root))),
                 0);
        // The auth process reads the users as "dovecot" (Dovecot's default_internal_user).
        sh(QStringLiteral("chmod 0600 %1/private/dovecot.key && chown root:dovecot %1/users && "
                          "chmod 0640 %1/users")
               .arg(q(m_etc)));
    }

    bool waitForPort(quint16 port) {
        for (int i = 0; i < 100; ++i) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            if (s.waitForConnected(200))
                return true;
            QTest::qWait(100);
        }
        return false;
    }

    ProbeResult probeExpecting(ProbeSpec spec, bool pass) {
        spec.host = QStringLiteral("127.0.0.1");
        spec.port = m_pop3;
        return m_lab.probeExpecting(spec, pass);
    }

private Q_SLOTS:
    void initTestCase() {
        m_lab.init();
        if (QTest::currentTestFailed())
            return;
        m_root = env("LAB_ROOT") + QStringLiteral("/debian-") +
                 QString::number(QRandomGenerator::global()->bounded(1000000));
        m_etc = m_root + QStringLiteral("/etc/dovecot");
        m_conf = m_etc + QStringLiteral("/dovecot.conf");
        m_pop3 = freePort();
        QVERIFY(m_pop3 != 0);
        buildTree();
        if (QTest::currentTestFailed())
            return;
        QByteArray out;
        QVERIFY2(sh(QStringLiteral("dovecot -c %1 2>&1").arg(q(m_conf)), &out) == 0,
                 out.constData());
        m_started = true;
        QVERIFY2(waitForPort(m_pop3),
                 qPrintable(QString::fromUtf8(readLocal(m_root + QStringLiteral("/dovecot.log")))));
    }

    void trapFoundAndFixedWhereItTakesEffect() {
        const QString ssl10 = m_etc + QStringLiteral("/conf.d/10-ssl.conf");
        const QString auth10 = m_etc + QStringLiteral("/conf.d/10-auth.conf");
        ServerConfigReader reader(m_lab.m_ssh.get(), paths());
        const auto snapshot = awaitFuture(reader.read(), 60000);
        QVERIFY(snapshot && snapshot->ok());
        QVERIFY(snapshot->value().dovecot);

        // Both settings are found in both files; the effective ones agree with doveconf.
        const ClientProfile wlm = ClientProfile::of(ClientKind::WindowsLiveMail2012);
        ClientParams params = wlm.exampleParams();
        params.clientIp = env("LAB_CLIENT_PC");
        params.user = m_lab.m_user;
        const auto d = diagnose(snapshot->value(), wlm, params, {}, m_lab.server());
        QVERIFY2(d, d ? "" : qPrintable(d.error().message));
        QVERIFY(!d->passes);
        const Blocker *ssl = nullptr;
        const Blocker *plaintext = nullptr;
        for (const Blocker &b : d->blockers) {
            if (b.id == QLatin1String("dovecot.ssl-required"))
                ssl = &b;
            if (b.id == QLatin1String("dovecot.plaintext-auth"))
                plaintext = &b;
        }
        QVERIFY(ssl && ssl->where && plaintext && plaintext->where);
        QCOMPARE(ssl->where->toString(), ssl10 + QStringLiteral(":6"));
        QVERIFY(ssl->alsoSetIn.contains(ConfigLocation{m_conf, 12}));
        QCOMPARE(plaintext->where->toString(), m_conf + QStringLiteral(":28"));
        QVERIFY(plaintext->alsoSetIn.contains(ConfigLocation{auth10, 7}));
        QCOMPARE(doveconf(QStringLiteral("ssl")), QStringLiteral("required"));
        QCOMPARE(doveconf(QStringLiteral("disable_plaintext_auth")), QStringLiteral("yes"));

        const FixOption *global = nullptr;
        for (const FixOption &o : d->options) {
            if (o.id == QLatin1String("wlm.global"))
                global = &o;
        }
        QVERIFY(global);
        QVERIFY(!global->probes.isEmpty());
        QStringList edited;
        for (const ChangeSet::Input &in : global->edits)
            edited << in.path;
        edited.sort();
        QCOMPARE(edited, QStringList({ssl10, m_conf})); // sorted: ".../conf.d" < ".../dovecot.conf"

        const QHash<QString, QByteArray> before = treeFiles(m_etc);
        const auto guard = qScopeGuard([&before] {
            for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
                if (readLocal(it.key()) != it.value())
                    writeText(it.key(), it.value()); // a failed check: the tree is removed anyway
                removeBackups(it.key());
            }
        });
        const ProbeSpec pop3 = global->probes.first();
        QVERIFY(pop3.protocol == ProbeProtocol::Pop3);
        QVERIFY(!probeExpecting(pop3, false).passed);

        auto plan = ChangeSet::plan(global->changeTitle, global->edits, control(),
                                    QDateTime::currentDateTimeUtc());
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
        plan.value().setOrigin(global->changeOrigin);
        for (const PlannedCommand &check : global->postChecks)
            plan.value().addPostCheck(check);
        ChangeSetRunner runner(m_lab.m_ssh.get(), control());
        const auto applied = applyAndWait(runner, *plan, 120000);
        QVERIFY(applied && applied->ok());
        QVERIFY2(applied->value().state() == ChangeSet::State::Applied,
                 qPrintable(applied->value().note()));

        // The lines that take effect changed, the overridden ones did not; Dovecot agrees.
        const QList<QByteArray> mainLines = readLocal(m_conf).split('\n');
        QCOMPARE(mainLines.at(11), QByteArray("ssl = required")); // line 12, overridden
        QCOMPARE(mainLines.at(27), QByteArray("disable_plaintext_auth = no"));
        QCOMPARE(readLocal(auth10), before.value(auth10));
        QCOMPARE(doveconf(QStringLiteral("ssl")), QStringLiteral("yes"));
        QCOMPARE(doveconf(QStringLiteral("disable_plaintext_auth")), QStringLiteral("no"));
        const ProbeResult after = probeExpecting(pop3, true);
        QVERIFY2(after.passed,
                 qPrintable(CompatLab::dump(after) + QLatin1Char('\n') +
                            QString::fromUtf8(
                                readLocal(m_root + QStringLiteral("/dovecot.log")).right(3000))));

        // Revert from the history: byte for byte, and the probe fails again.
        ChangeHistory history(m_lab.m_ssh.get(), control());
        const auto revert = awaitFuture(history.planRevert(applied->value().id()), 30000);
        QVERIFY(revert && revert->ok());
        ChangeSetRunner back(m_lab.m_ssh.get(), control());
        const auto reverted = applyAndWait(back, revert->value(), 120000);
        QVERIFY(reverted && reverted->ok());
        QVERIFY2(reverted->value().state() == ChangeSet::State::Applied,
                 qPrintable(reverted->value().note()));
        const QHash<QString, QByteArray> now = treeFiles(m_etc);
        QCOMPARE(now.keys().size(), before.keys().size());
        for (auto it = before.constBegin(); it != before.constEnd(); ++it)
            QVERIFY2(sha(now.value(it.key())) == sha(it.value()), qPrintable(it.key()));
        QVERIFY(!probeExpecting(pop3, false).passed);
        QCOMPARE(doveconf(QStringLiteral("ssl")), QStringLiteral("required"));
    }

    void cleanupTestCase() {
        if (m_started)
            sh(QStringLiteral("dovecot -c %1 stop").arg(q(m_conf)));
        if (!m_root.isEmpty() && m_root.contains(QStringLiteral("/debian-")))
            QDir(m_root).removeRecursively();
    }
};

QTEST_GUILESS_MAIN(TestCompatDebianLab)
#include "tst_compat_debian_lab.moc"
