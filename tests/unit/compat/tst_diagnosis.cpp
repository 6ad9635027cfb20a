// Diagnosis of client profiles on configuration trees: the iRedMail single-file Dovecot config
// (lab style, with an include that gives one client another value), the Debian dovecot.conf +
// conf.d tree with the two-file "ssl = required" trap, Postfix main.cf/master.cf and iRedAPD's
// settings.py fixtures, and the stock trees installed on this machine by the packages.

#include "core/compat/Diagnosis.h"
#include "core/config/DovecotConfig.h"
#include "core/config/IredapdSettings.h"
#include "core/config/PostfixMainCf.h"
#include "core/config/ServerConfigReader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace maildeck;
using namespace maildeck::compat;
using namespace maildeck::config;

namespace {

QString fixtureDir() {
    return QStringLiteral(MAILDECK_SOURCE_DIR "/tests/unit/config/fixtures");
}

QByteArray fixture(const QString &relative) {
    QFile f(fixtureDir() + QLatin1Char('/') + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("fixture %s missing", qPrintable(relative));
    return f.readAll();
}

// Every file below fixtures/<tree>/ keyed by its server path ("/etc/dovecot/...").
void addTree(QHash<QString, QByteArray> &files, const QString &tree) {
    const QString root = fixtureDir() + QLatin1Char('/') + tree;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        files.insert(path.mid(root.size()), f.readAll());
    }
}

const QByteArray kWlmStory = "# another file sets ssl for one client\n"
                             "remote 127.0.0.5 {\n"
                             "    ssl = yes\n"
                             "}\n";

QHash<QString, QByteArray> iredmailFiles() {
    QHash<QString, QByteArray> files;
    addTree(files, QStringLiteral("dovecot-iredmail"));
    files.insert(QStringLiteral("/etc/dovecot/iredmail/wlm-story.conf"), kWlmStory);
    files.insert(QStringLiteral("/etc/postfix/main.cf"),
                 fixture(QStringLiteral("postfix/main.cf")));
    files.insert(QStringLiteral("/etc/postfix/master.cf"),
                 fixture(QStringLiteral("postfix/master.cf")));
    files.insert(QStringLiteral("/opt/iredapd/settings.py"),
                 fixture(QStringLiteral("iredapd/settings.py")));
    return files;
}

ServerConfigSnapshot snapshotOf(const QHash<QString, QByteArray> &files) {
    auto r = snapshotFromFiles(ServerPaths::defaultsFor(ServerFlavour::Debian), files);
    if (!r)
        qFatal("snapshot: %s", qPrintable(r.error().message));
    return *r;
}

const FixOption *optionById(const Diagnosis &d, const QString &id) {
    for (const FixOption &o : d.options) {
        if (o.id == id)
            return &o;
    }
    return nullptr;
}

const Blocker *blockerById(const Diagnosis &d, const QString &id) {
    for (const Blocker &b : d.blockers) {
        if (b.id == id)
            return &b;
    }
    return nullptr;
}

// The Dovecot tree after applying an option's edits.
DovecotConfig reload(const QHash<QString, QByteArray> &files, const FixOption &o) {
    QHash<QString, QByteArray> changed = files;
    for (const ChangeSet::Input &in : o.edits)
        changed.insert(in.path, in.newContent);
    auto r = DovecotConfig::load(QStringLiteral("/etc/dovecot/dovecot.conf"),
                                 ConfigFileAccess::inMemory(changed));
    if (!r)
        qFatal("reload: %s", qPrintable(r.error().message));
    return *r;
}

QString valueFor(const DovecotConfig &c, const QString &key, const QString &protocol,
                 const QString &ip) {
    DovecotClient client;
    client.protocol = protocol;
    client.remoteIp = ip;
    const auto s = c.resolveFor(key, client);
    return s ? s->value() : QString();
}

ClientParams params(ClientKind kind, const QString &ip) {
    ClientParams p = ClientProfile::of(kind).exampleParams();
    p.clientIp = ip;
    return p;
}

} // namespace

class TestDiagnosis : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void profiles() {
        QCOMPARE(ClientProfile::all().size(), 5);
        QSet<QString> keys;
        for (const ClientProfile &p : ClientProfile::all()) {
            QVERIFY(!p.name().isEmpty());
            QVERIFY(!p.description().isEmpty());
            QVERIFY(!p.accesses.isEmpty());
            keys.insert(p.key);
            QVERIFY(ClientProfile::byKey(p.key)->kind == p.kind);
        }
        QCOMPARE(keys.size(), 5);
        QVERIFY(!ClientProfile::byKey(QStringLiteral("nope")));
        QVERIFY(ClientProfile::of(ClientKind::WindowsLiveMail2012).needsLogin());
        QVERIFY(!ClientProfile::of(ClientKind::LanScanner).needsLogin());
    }

    void wlmOnIredmailSingleFile() {
        const auto files = iredmailFiles();
        const ServerConfigSnapshot s = snapshotOf(files);
        QVERIFY(s.dovecot);
        ClientParams p = params(ClientKind::WindowsLiveMail2012, QStringLiteral("127.0.0.5"));
        p.user = QStringLiteral("user@example.com");
        p.password = QStringLiteral("secret");
        const QStringList log{
            QStringLiteral("Nov 27 10:00:01 pop3-login: Info: Disconnected (tried to use "
                           "disallowed plaintext auth): user=<>, rip=127.0.0.5, lip=127.0.0.1"),
            QStringLiteral("Nov 27 10:00:02 pop3-login: Info: Disconnected (tried to use "
                           "disallowed plaintext auth): user=<>, rip=127.0.0.50, lip=127.0.0.1"),
        };
        auto r = diagnose(s, ClientProfile::of(ClientKind::WindowsLiveMail2012), p, log);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        const Diagnosis &d = *r;
        QVERIFY(!d.passes);
        QVERIFY(d.params.password.isEmpty()); // never kept
        // ssl = yes for this client (the include), so disable_plaintext_auth is what blocks.
        QVERIFY(!blockerById(d, QStringLiteral("dovecot.ssl-required")));
        const Blocker *b = blockerById(d, QStringLiteral("dovecot.plaintext-auth"));
        QVERIFY(b);
        QCOMPARE(b->effectiveValue, QStringLiteral("yes"));
        QCOMPARE(b->where->toString(), QStringLiteral("/etc/dovecot/dovecot.conf:24"));
        // The LAN exception also sets it (the other place), and only .5's log line is proof.
        QCOMPARE(b->alsoSetIn.size(), 1);
        QCOMPARE(b->alsoSetIn.first().line, 97);
        QCOMPARE(b->logProof.size(), 1);
        QVERIFY(b->logProof.first().contains(QLatin1String("rip=127.0.0.5,")));
        // HELO "HOME-PC" on port 25.
        QVERIFY(blockerById(d, QStringLiteral("postfix.helo-non-fqdn")));

        // Ranked: client side first (recommended, no change), then remote, protocol, global.
        QStringList ids;
        for (const FixOption &o : d.options)
            ids << o.id;
        QCOMPARE(ids, (QStringList{
                          QStringLiteral("wlm.client-ssl"), QStringLiteral("wlm.remote-plaintext"),
                          QStringLiteral("wlm.protocol-pop3"), QStringLiteral("wlm.global")}));
        QVERIFY(d.options.first().recommended);
        QVERIFY(!d.options.first().changesServer());
        for (int i = 0; i < d.options.size(); ++i)
            QCOMPARE(d.options.at(i).rank, i + 1);

        // remote: a block in the file that already holds this client's section.
        const FixOption *remote = optionById(d, QStringLiteral("wlm.remote-plaintext"));
        QCOMPARE(remote->edits.size(), 1);
        QCOMPARE(remote->edits.first().path,
                 QStringLiteral("/etc/dovecot/iredmail/wlm-story.conf"));
        QCOMPARE(remote->edits.first().oldContent, kWlmStory);
        QCOMPARE(remote->edits.first().newContent,
                 kWlmStory + "remote 127.0.0.5 {\n    disable_plaintext_auth = no\n}\n");
        const DovecotConfig after = reload(files, *remote);
        QCOMPARE(valueFor(after, QStringLiteral("disable_plaintext_auth"), QStringLiteral("pop3"),
                          QStringLiteral("127.0.0.5")),
                 QStringLiteral("no"));
        QCOMPARE(valueFor(after, QStringLiteral("disable_plaintext_auth"), QStringLiteral("pop3"),
                          QStringLiteral("127.0.0.6")),
                 QStringLiteral("yes"));
        QCOMPARE(remote->probes.size(), 1);
        QVERIFY(remote->probes.first().protocol == ProbeProtocol::Pop3);
        QCOMPARE(remote->probes.first().port, quint16(110));
        QCOMPARE(remote->probes.first().sourceAddress, QStringLiteral("127.0.0.5"));
        QVERIFY(remote->probes.first().password.isEmpty());
        QCOMPARE(remote->postChecks.first().expectStdout, std::optional<QString>(u"no"_qs));

        // global: the effective line, nothing else.
        const FixOption *global = optionById(d, QStringLiteral("wlm.global"));
        QCOMPARE(global->edits.size(), 1);
        const QStringList changed = [&] {
            QStringList out;
            const QList<QByteArray> a = global->edits.first().oldContent.split('\n');
            const QList<QByteArray> b = global->edits.first().newContent.split('\n');
            if (a.size() != b.size())
                return QStringList{QStringLiteral("line count differs")};
            for (int i = 0; i < a.size(); ++i) {
                if (a.at(i) != b.at(i))
                    out << QStringLiteral("%1:%2").arg(i + 1).arg(QString::fromUtf8(b.at(i)));
            }
            return out;
        }();
        QCOMPARE(changed, QStringList{QStringLiteral("24:disable_plaintext_auth = no")});
    }

    void wlmLanClientGetsSslRequired() {
        const ServerConfigSnapshot s = snapshotOf(iredmailFiles());
        auto r = diagnose(s, ClientProfile::of(ClientKind::WindowsLiveMail2012),
                          params(ClientKind::WindowsLiveMail2012, QStringLiteral("192.168.10.7")));
        QVERIFY(r);
        // The LAN exception allows plain text, but global ssl = required still refuses it.
        QVERIFY(!blockerById(*r, QStringLiteral("dovecot.plaintext-auth")));
        const Blocker *b = blockerById(*r, QStringLiteral("dovecot.ssl-required"));
        QVERIFY(b);
        QCOMPARE(b->where->line, 17);
        const FixOption *remote = optionById(*r, QStringLiteral("wlm.remote-plaintext"));
        QVERIFY(remote);
        // remote 192.168.10.7 gets both settings, in the main file (no section of its own yet).
        QCOMPARE(remote->edits.first().path, QStringLiteral("/etc/dovecot/dovecot.conf"));
        QVERIFY(remote->edits.first().newContent.endsWith(
            "remote 192.168.10.7 {\n    disable_plaintext_auth = no\n    ssl = yes\n}\n"));
    }

    void postfixWhereListsOverrides() {
        const ServerConfigSnapshot s = snapshotOf(iredmailFiles());
        const SettingReport rep = postfixWhere(s, QStringLiteral("smtpd_tls_security_level"));
        QVERIFY(rep.places.size() >= 2);
        // The submission override first (applies to that service only), main.cf's line last.
        QCOMPARE(rep.places.first().scope, QStringLiteral("submission/inet"));
        QCOMPARE(rep.places.first().value, QStringLiteral("encrypt"));
        QCOMPARE(rep.places.first().where.file, QStringLiteral("/etc/postfix/master.cf"));
        QCOMPARE(rep.places.first().where.line, 18);
        QVERIFY(!rep.places.first().applies);
        QVERIFY(rep.places.constLast().effective);
        QCOMPARE(rep.places.constLast().where.file, QStringLiteral("/etc/postfix/main.cf"));
        QCOMPARE(rep.effectiveValue, std::optional<QString>(rep.places.constLast().value));
        QVERIFY(!rep.reportedValue); // no postconf output given
    }

    void debianTreeTrap() {
        QHash<QString, QByteArray> files;
        addTree(files, QStringLiteral("dovecot-debian"));
        const ServerConfigSnapshot s = snapshotOf(files);
        QVERIFY(s.dovecot);
        // config where: both files, the effective one last.
        const SettingReport ssl = dovecotWhere(s, QStringLiteral("ssl"));
        QCOMPARE(ssl.effectiveValue, std::optional<QString>(u"required"_qs));
        QVERIFY(ssl.places.size() >= 2);
        QCOMPARE(ssl.places.constLast().where.toString(),
                 QStringLiteral("/etc/dovecot/conf.d/10-ssl.conf:6"));
        QVERIFY(ssl.places.constLast().effective);
        bool sawMain = false;
        for (const SettingPlace &pl : ssl.places) {
            if (pl.where.toString() == QLatin1String("/etc/dovecot/dovecot.conf:12")) {
                sawMain = true;
                QVERIFY(pl.overridden);
                QVERIFY(!pl.effective);
            }
        }
        QVERIFY(sawMain);

        auto r = diagnose(s, ClientProfile::of(ClientKind::WindowsLiveMail2012),
                          params(ClientKind::WindowsLiveMail2012, QStringLiteral("10.0.0.9")));
        QVERIFY(r);
        const Blocker *b = blockerById(*r, QStringLiteral("dovecot.ssl-required"));
        QVERIFY(b);
        QCOMPARE(b->where->toString(), QStringLiteral("/etc/dovecot/conf.d/10-ssl.conf:6"));
        QVERIFY(
            b->alsoSetIn.contains(ConfigLocation{QStringLiteral("/etc/dovecot/dovecot.conf"), 12}));
        const Blocker *dpa = blockerById(*r, QStringLiteral("dovecot.plaintext-auth"));
        QVERIFY(dpa);
        QCOMPARE(dpa->where->toString(), QStringLiteral("/etc/dovecot/dovecot.conf:28"));
        QVERIFY(dpa->alsoSetIn.contains(
            ConfigLocation{QStringLiteral("/etc/dovecot/conf.d/10-auth.conf"), 7}));

        // The global fix edits where each value takes effect, not the overridden lines.
        const FixOption *global = optionById(*r, QStringLiteral("wlm.global"));
        QVERIFY(global);
        QHash<QString, QByteArray> after;
        for (const ChangeSet::Input &in : global->edits)
            after.insert(in.path, in.newContent);
        QCOMPARE(after.size(), 2);
        QVERIFY(after.contains(QStringLiteral("/etc/dovecot/conf.d/10-ssl.conf")));
        QVERIFY(after.contains(QStringLiteral("/etc/dovecot/dovecot.conf")));
        const QList<QByteArray> mainLines =
            after.value(QStringLiteral("/etc/dovecot/dovecot.conf")).split('\n');
        QCOMPARE(mainLines.at(11), QByteArray("ssl = required")); // line 12 untouched
        QCOMPARE(mainLines.at(27), QByteArray("disable_plaintext_auth = no"));
        const DovecotConfig reloaded = reload(files, *global);
        QCOMPARE(valueFor(reloaded, QStringLiteral("ssl"), QStringLiteral("pop3"),
                          QStringLiteral("10.0.0.9")),
                 QStringLiteral("yes"));
        QCOMPARE(valueFor(reloaded, QStringLiteral("disable_plaintext_auth"),
                          QStringLiteral("pop3"), QStringLiteral("10.0.0.9")),
                 QStringLiteral("no"));
    }

    void thunderbirdPasses() {
        const ServerConfigSnapshot s = snapshotOf(iredmailFiles());
        auto r = diagnose(s, ClientProfile::of(ClientKind::ModernThunderbird),
                          params(ClientKind::ModernThunderbird, QStringLiteral("203.0.113.9")));
        QVERIFY(r);
        QVERIFY(r->passes);
        QVERIFY(r->blockers.isEmpty());
        QVERIFY(r->options.isEmpty());
        QCOMPARE(r->probes.size(), 2);
    }

    void webServerSendingAsOwnDomain() {
        const ServerConfigSnapshot s = snapshotOf(iredmailFiles());
        QVERIFY(s.iredapd);
        ClientParams p = params(ClientKind::ExternalWebServer, QStringLiteral("203.0.113.80"));
        p.sender = QStringLiteral("noreply@example.com");
        p.recipient = QStringLiteral("user@example.com");
        auto r = diagnose(s, ClientProfile::of(ClientKind::ExternalWebServer), p);
        QVERIFY(r);
        const Blocker *b = blockerById(*r, QStringLiteral("iredapd.smtp-auth-required"));
        QVERIFY(b);
        QCOMPARE(b->setting, QStringLiteral("CHECK_SPF_IF_LOGIN_MISMATCH"));
        QCOMPARE(b->where->file, QStringLiteral("/opt/iredapd/settings.py"));
        QStringList ids;
        for (const FixOption &o : r->options)
            ids << o.id;
        QCOMPARE(ids, (QStringList{QStringLiteral("web.client-auth"), QStringLiteral("web.spf"),
                                   QStringLiteral("web.mynetworks"),
                                   QStringLiteral("web.allowed-forged")}));
        for (const QString &id : ids.mid(1)) {
            const FixOption *o = optionById(*r, id);
            QCOMPARE(o->edits.size(), 1);
            auto parsed = IredapdSettings::parse(o->edits.first().newContent);
            QVERIFY(parsed);
            if (id == QLatin1String("web.spf"))
                QVERIFY(parsed->effective(QStringLiteral("CHECK_SPF_IF_LOGIN_MISMATCH"))
                            ->value.isTrue());
            if (id == QLatin1String("web.mynetworks"))
                QVERIFY(parsed->effective(QStringLiteral("MYNETWORKS"))
                            ->value.toStringList()
                            .contains(QStringLiteral("203.0.113.80")));
            if (id == QLatin1String("web.allowed-forged"))
                QCOMPARE(parsed->effective(QStringLiteral("ALLOWED_FORGED_SENDERS"))
                             ->value.toStringList(),
                         QStringList{QStringLiteral("noreply@example.com")});
            QCOMPARE(o->probes.first().mailFrom, p.sender);
            QVERIFY(o->probes.first().user.isEmpty());
        }
        // Allowed in ALLOWED_FORGED_SENDERS already: nothing blocks.
        QHash<QString, QByteArray> files = iredmailFiles();
        files[QStringLiteral("/opt/iredapd/settings.py")] +=
            "\nALLOWED_FORGED_SENDERS = ['noreply@example.com']\n";
        auto ok = diagnose(snapshotOf(files), ClientProfile::of(ClientKind::ExternalWebServer), p);
        QVERIFY(ok);
        QVERIFY(ok->passes);
    }

    void scannerTwoFiles() {
        const ServerConfigSnapshot s = snapshotOf(iredmailFiles());
        ClientParams p = params(ClientKind::LanScanner, QStringLiteral("192.168.1.50"));
        p.sender = QStringLiteral("scanner@example.com");
        p.recipient = QStringLiteral("someone@example.org");
        auto r = diagnose(s, ClientProfile::of(ClientKind::LanScanner), p);
        QVERIFY(r);
        QVERIFY(blockerById(*r, QStringLiteral("postfix.mynetworks")));
        const FixOption *o = optionById(*r, QStringLiteral("scanner.mynetworks"));
        QVERIFY(o);
        QCOMPARE(o->edits.size(), 2);
        for (const ChangeSet::Input &in : o->edits) {
            if (in.kind == ConfigFileKind::PostfixMain) {
                auto m = PostfixMainCf::parse(in.newContent);
                QVERIFY(m);
                QCOMPARE(m->effective(QStringLiteral("mynetworks"))->value,
                         QStringLiteral("127.0.0.1 [::1] 192.168.1.50/32"));
            } else {
                QVERIFY(in.kind == ConfigFileKind::IredapdSettings);
                auto py = IredapdSettings::parse(in.newContent);
                QVERIFY(py);
                QVERIFY(py->effective(QStringLiteral("MYNETWORKS"))
                            ->value.toStringList()
                            .contains(QStringLiteral("192.168.1.50")));
            }
        }
        QVERIFY(!o->securityCost.isEmpty());
        // Already trusted in both: passes.
        ClientParams local = p;
        local.clientIp = QStringLiteral("127.0.0.1");
        auto ok = diagnose(s, ClientProfile::of(ClientKind::LanScanner), local);
        QVERIFY(ok && ok->passes);
    }

    void oldPhone() {
        const auto files = iredmailFiles();
        const ServerConfigSnapshot s = snapshotOf(files);
        auto r = diagnose(s, ClientProfile::of(ClientKind::OldPhone),
                          params(ClientKind::OldPhone, QStringLiteral("198.51.100.7")));
        QVERIFY(r);
        const Blocker *b = blockerById(*r, QStringLiteral("dovecot.tls-min"));
        QVERIFY(b);
        QCOMPARE(b->effectiveValue, QStringLiteral("TLSv1.2"));
        QCOMPARE(b->where->line, 18);
        QVERIFY(blockerById(*r, QStringLiteral("postfix.smtpd_tls_mandatory_protocols")));
        const FixOption *remote = optionById(*r, QStringLiteral("phone.remote-tls10"));
        QVERIFY(remote);
        QVERIFY(remote->securityCost.contains(QLatin1String("SECLEVEL")));
        const DovecotConfig after = reload(files, *remote);
        QCOMPARE(valueFor(after, QStringLiteral("ssl_min_protocol"), QStringLiteral("imap"),
                          QStringLiteral("198.51.100.7")),
                 QStringLiteral("TLSv1"));
        QVERIFY(valueFor(after, QStringLiteral("ssl_cipher_list"), QStringLiteral("imap"),
                         QStringLiteral("198.51.100.7"))
                    .endsWith(QLatin1String(":@SECLEVEL=0")));
        QCOMPARE(valueFor(after, QStringLiteral("ssl_min_protocol"), QStringLiteral("imap"),
                          QStringLiteral("198.51.100.8")),
                 QStringLiteral("TLSv1.2"));
        QT_WARNING_PUSH
        QT_WARNING_DISABLE_DEPRECATED
        QCOMPARE(remote->probes.first().tlsVersion,
                 std::optional<QSsl::SslProtocol>(QSsl::TlsV1_0));
        QT_WARNING_POP
        const FixOption *sub = optionById(*r, QStringLiteral("phone.submission-tls10"));
        QVERIFY(sub);
        QVERIFY(sub->edits.first().kind == ConfigFileKind::PostfixMaster);
        auto master = PostfixMasterCf::parse(sub->edits.first().newContent);
        QVERIFY(master);
        QCOMPARE(master->service(QStringLiteral("submission"), QStringLiteral("inet"))
                     ->option(QStringLiteral("smtpd_tls_mandatory_protocols")),
                 std::optional<QString>(u"!SSLv2,!SSLv3"_qs));
        QVERIFY(optionById(*r, QStringLiteral("phone.global-tls10")));
    }

    void proofAndEvents() {
        const ClientProfile wlm = ClientProfile::of(ClientKind::WindowsLiveMail2012);
        ClientParams p;
        p.clientIp = QStringLiteral("10.1.2.3");
        const QStringList lines{
            QStringLiteral("pop3-login: Disconnected (tried to use disallowed plaintext auth): "
                           "rip=10.1.2.3, lip=10.0.0.1"),
            QStringLiteral("pop3-login: Disconnected (tried to use disallowed plaintext auth): "
                           "rip=10.1.2.33, lip=10.0.0.1"),
            QStringLiteral("pop3-login: Login: user=<a@b>, rip=10.1.2.3"),
        };
        QCOMPARE(proofLines(lines, wlm, p), QStringList{lines.first()});

        ClientEvent e;
        e.eventClass = QStringLiteral("policy.iredapd.smtp_auth_required");
        e.clientIp = QStringLiteral("203.0.113.80");
        e.sender = QStringLiteral("noreply@example.com");
        const auto picked = profileFromEvent(e);
        QVERIFY(picked);
        QVERIFY(picked->first.kind == ClientKind::ExternalWebServer);
        QCOMPARE(picked->second.clientIp, e.clientIp);
        QCOMPARE(picked->second.sender, e.sender);
        e.eventClass = QStringLiteral("dovecot.plaintext_disallowed");
        QVERIFY(profileFromEvent(e)->first.kind == ClientKind::WindowsLiveMail2012);
        e.eventClass = QStringLiteral("size.exceeded");
        QVERIFY(!profileFromEvent(e));

        QVERIFY(!diagnose(ServerConfigSnapshot{}, wlm, ClientParams{}));
    }

    void globQuoting() {
        QCOMPARE(shellGlobWord(QStringLiteral("/etc/dovecot/conf.d/*.conf")),
                 QStringLiteral("'/etc/dovecot/conf.d/'*'.conf'"));
        QCOMPARE(shellGlobWord(QStringLiteral("/a b/$(x)`y`/[0-9]?.conf")),
                 QStringLiteral("'/a b/$(x)`y`/'[0-9]?'.conf'"));
        QCOMPARE(shellGlobWord(QStringLiteral("/x/it's/[;rm]")),
                 QStringLiteral("'/x/it'\\''s/[;rm]'"));
    }

    void crossCheckReported() {
        QHash<QString, QByteArray> files = iredmailFiles();
        const QByteArray doveconf = "# 2.3.19.1 (9b53102964): /etc/dovecot/dovecot.conf\n"
                                    "ssl = yes\n";
        auto r = snapshotFromFiles(ServerPaths::defaultsFor(ServerFlavour::Debian), files, {}, {},
                                   doveconf);
        QVERIFY(r);
        bool found = false;
        for (const ConfigDisagreement &d : r->disagreements) {
            if (d.component == QLatin1String("dovecot") && d.setting == QLatin1String("ssl")) {
                found = true;
                QCOMPARE(d.computed, QStringLiteral("required"));
                QCOMPARE(d.reported, QStringLiteral("yes"));
            }
        }
        QVERIFY(found);
        const SettingReport rep = dovecotWhere(*r, QStringLiteral("ssl"));
        QVERIFY(rep.disagrees());
        QCOMPARE(r->dovecotVersion.minor, 3);
    }

    void stockDebianTrees() {
        if (!QFile::exists(QStringLiteral("/etc/dovecot/dovecot.conf")) ||
            !QFile::exists(QStringLiteral("/usr/share/postfix/main.cf.dist")))
            QSKIP("Debian's dovecot-core / postfix packages are not installed here");
        QHash<QString, QByteArray> files;
        for (const QString &dir :
             {QStringLiteral("/etc/dovecot"), QStringLiteral("/usr/share/dovecot/protocols.d")}) {
            QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                if (f.open(QIODevice::ReadOnly))
                    files.insert(path, f.readAll());
            }
        }
        QFile mainCf(QStringLiteral("/usr/share/postfix/main.cf.dist"));
        QVERIFY(mainCf.open(QIODevice::ReadOnly));
        files.insert(QStringLiteral("/etc/postfix/main.cf"), mainCf.readAll());
        QFile masterCf(QStringLiteral("/usr/share/postfix/master.cf.dist"));
        if (masterCf.open(QIODevice::ReadOnly))
            files.insert(QStringLiteral("/etc/postfix/master.cf"), masterCf.readAll());
        const ServerConfigSnapshot s = snapshotOf(files);
        QVERIFY(s.dovecot);
        QVERIFY(s.mainCf);
        const SettingReport ssl = dovecotWhere(s, QStringLiteral("ssl"));
        QCOMPARE(ssl.effectiveValue, std::optional<QString>(u"yes"_qs));
        QCOMPARE(ssl.places.constLast().where.file,
                 QStringLiteral("/etc/dovecot/conf.d/10-ssl.conf"));
        // Stock: disable_plaintext_auth is only a comment -> the default (yes) blocks WLM, and the
        // global fix appends to dovecot.conf.
        auto r = diagnose(s, ClientProfile::of(ClientKind::WindowsLiveMail2012),
                          params(ClientKind::WindowsLiveMail2012, QStringLiteral("10.0.0.9")));
        QVERIFY(r);
        const Blocker *b = blockerById(*r, QStringLiteral("dovecot.plaintext-auth"));
        QVERIFY(b);
        QVERIFY(!b->where);
        const FixOption *global = optionById(*r, QStringLiteral("wlm.global"));
        QVERIFY(global);
        QCOMPARE(global->edits.first().path, QStringLiteral("/etc/dovecot/dovecot.conf"));
        QVERIFY(global->edits.first().newContent.endsWith("disable_plaintext_auth = no\n"));
        const SettingReport helo = postfixWhere(s, QStringLiteral("smtpd_helo_required"));
        QVERIFY(!helo.effectiveValue); // main.cf.dist only documents it
    }
};

QTEST_GUILESS_MAIN(TestDiagnosis)
#include "tst_diagnosis.moc"
