// Dovecot: the configuration tree as Dovecot reads it, where each value comes from, edits,
// doveconf -n cross-checks, versions and the 2.3 -> 2.4 renames.

#include "ConfigTestUtil.h"
#include "core/config/DovecotConfig.h"

#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::config;
using configtest::changedLines;
using configtest::readFixture;
using configtest::S;
using configtest::SL;

namespace {

const QString kDebianRoot = configtest::fixtureDir() + QStringLiteral("/dovecot-debian");
const QString kIredmailRoot = configtest::fixtureDir() + QStringLiteral("/dovecot-iredmail");
const QString kMain = QStringLiteral("/etc/dovecot/dovecot.conf");

Result<DovecotConfig> loadDebian() {
    return DovecotConfig::load(kMain, ConfigFileAccess::local(kDebianRoot));
}

Result<DovecotConfig> loadMemory(const QHash<QString, QByteArray> &files) {
    return DovecotConfig::load(kMain, ConfigFileAccess::inMemory(files));
}

using FileMap = QHash<QString, QByteArray>;

} // namespace

class TestDovecotConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void storyTrapSsl();
    void storyTrapPlaintext();
    void effective_data();
    void effective();
    void filesInIncludeOrder();
    void iredmailSingleFile();
    void globs();
    void perProtocolResolve();
    void resolveForClient_data();
    void resolveForClient();
    void syntax_data();
    void syntax();
    void broken_data();
    void broken();
    void hugeLinesAndGarbage();
    void editAtLocation_data();
    void editAtLocation();
    void editStaleLineFails();
    void everyEditIsLocal();
    void hostileValues_data();
    void hostileValues();
    void removeAndAppend();
    void doveconfOutputAndCrossCheck();
    void version_data();
    void version();
    void renames();
};

void TestDovecotConfig::storyTrapSsl() {
    // ssl = required is in dovecot.conf AND conf.d/10-ssl.conf; the include comes after the
    // line in dovecot.conf, so 10-ssl.conf's is the one that takes effect.
    const Result<DovecotConfig> cfg = loadDebian();
    QVERIFY2(cfg.ok(), qPrintable(cfg.ok() ? QString() : cfg.error().message));
    const std::optional<DovecotSetting> ssl = cfg->setting(S("ssl"));
    QVERIFY(ssl);
    QCOMPARE(ssl->value(), S("required"));
    QCOMPARE(ssl->effective.where, (ConfigLocation{S("/etc/dovecot/conf.d/10-ssl.conf"), 6}));
    QCOMPARE(ssl->overridden.size(), 1);
    QCOMPARE(ssl->overridden.first().where, (ConfigLocation{kMain, 12}));
    QCOMPARE(ssl->locations().size(), 2);
    // Editing the effective place is what changes Dovecot's view.
    const QByteArray tenSsl = readFixture(S("dovecot-debian/etc/dovecot/conf.d/10-ssl.conf"));
    const Result<QByteArray> edited = dovecotSetValue(
        tenSsl, ssl->effective.where.file, ssl->effective.where.line, S("ssl"), S("yes"));
    QVERIFY(edited.ok());
    QCOMPARE(changedLines(tenSsl, *edited), SL({"-ssl = required", "+ssl = yes"}));
    QHash<QString, QByteArray> files;
    for (const QString &f : cfg->files())
        files.insert(f, readFixture(S("dovecot-debian") + f));
    files.insert(S("/etc/dovecot/conf.d/10-ssl.conf"), *edited);
    const Result<DovecotConfig> after = loadMemory(files);
    QVERIFY(after.ok());
    QCOMPARE(after->setting(S("ssl"))->value(), S("yes"));
}

void TestDovecotConfig::storyTrapPlaintext() {
    // disable_plaintext_auth: conf.d/10-auth.conf says no, dovecot.conf says yes after the include.
    const Result<DovecotConfig> cfg = loadDebian();
    QVERIFY(cfg.ok());
    const std::optional<DovecotSetting> s = cfg->setting(S("disable_plaintext_auth"));
    QVERIFY(s);
    QCOMPARE(s->value(), S("yes"));
    QCOMPARE(s->effective.where, (ConfigLocation{kMain, 28}));
    QCOMPARE(s->overridden.first().where,
             (ConfigLocation{S("/etc/dovecot/conf.d/10-auth.conf"), 7}));
}

void TestDovecotConfig::effective_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("scope");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::newRow("global") << S("protocols") << QStringList() << S("imap pop3 lmtp") << kMain << 7;
    QTest::newRow("file reference")
        << S("ssl_cert") << QStringList() << S("/etc/dovecot/private/dovecot.pem")
        << S("/etc/dovecot/conf.d/10-ssl.conf") << 9;
    QTest::newRow("nested service")
        << S("port") << SL({"service pop3-login", "inet_listener pop3s"}) << S("995")
        << S("/etc/dovecot/conf.d/10-master.conf") << 16;
    QTest::newRow("unix_listener path as name")
        << S("mode")
        << SL({"service auth", "unix_listener /var/spool/postfix/private/dovecot-auth"})
        << S("0666") << S("/etc/dovecot/conf.d/10-master.conf") << 23;
    QTest::newRow("self reference expanded")
        << S("mail_plugins") << SL({"protocol pop3"}) << S("quota")
        << S("/etc/dovecot/conf.d/20-pop3.conf") << 7;
    QTest::newRow("from an include of an include")
        << S("driver") << SL({"passdb"}) << S("pam")
        << S("/etc/dovecot/conf.d/auth-system.conf.ext") << 4;
}

void TestDovecotConfig::effective() {
    QFETCH(QString, key);
    QFETCH(QStringList, scope);
    QFETCH(QString, value);
    QFETCH(QString, file);
    QFETCH(int, line);
    const Result<DovecotConfig> cfg = loadDebian();
    QVERIFY(cfg.ok());
    const std::optional<DovecotSetting> s = cfg->setting(key, scope);
    QVERIFY(s);
    QCOMPARE(s->value(), value);
    QCOMPARE(s->effective.where, (ConfigLocation{file, line}));
}

void TestDovecotConfig::filesInIncludeOrder() {
    const Result<DovecotConfig> cfg = loadDebian();
    QVERIFY(cfg.ok());
    // Globs are sorted; !include_try of missing files is silent; includes are relative.
    QCOMPARE(cfg->files(),
             SL({"/etc/dovecot/dovecot.conf", "/etc/dovecot/conf.d/10-auth.conf",
                 "/etc/dovecot/conf.d/auth-system.conf.ext", "/etc/dovecot/conf.d/10-mail.conf",
                 "/etc/dovecot/conf.d/10-master.conf", "/etc/dovecot/conf.d/10-ssl.conf",
                 "/etc/dovecot/conf.d/20-pop3.conf"}));
}

void TestDovecotConfig::iredmailSingleFile() {
    const Result<DovecotConfig> cfg =
        DovecotConfig::load(kMain, ConfigFileAccess::local(kIredmailRoot));
    QVERIFY2(cfg.ok(), qPrintable(cfg.ok() ? QString() : cfg.error().message));
    QCOMPARE(cfg->files().size(), 1);
    QCOMPARE(cfg->setting(S("ssl"))->effective.where.line, 17);
    QCOMPARE(cfg->setting(S("disable_plaintext_auth"))->effective.where.line, 24);
    // Two unnamed passdb blocks stay apart.
    QCOMPARE(cfg->setting(S("driver"), SL({"passdb"}))->value(), S("sql"));
    QCOMPARE(cfg->setting(S("driver"), SL({"passdb[2]"}))->value(), S("passwd-file"));
    QCOMPARE(cfg->setting(S("mail_plugins"), SL({"protocol imap"}))->value(),
             S("quota mailbox_alias acl last_login imap_quota imap_acl"));
    // The LAN exception is found as a place that sets the key too.
    const QList<DovecotSetting> all = cfg->everywhere(S("disable_plaintext_auth"));
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(1).effective.scope, SL({"remote 192.168.10.0/24"}));
    QCOMPARE(all.at(1).value(), S("no"));
    QVERIFY(cfg->warnings().isEmpty());
}

void TestDovecotConfig::globs() {
    // Sorted by name, no dot files, relative to the including file's directory, absolute too.
    const FileMap files = {
        {kMain, "!include conf.d/*.conf\n!include_try /etc/dovecot/iredmail/*.conf\n"},
        {S("/etc/dovecot/conf.d/20-b.conf"), "k = b\n"},
        {S("/etc/dovecot/conf.d/10-a.conf"), "k = a\n!include ../extra/x?.ext\n"},
        {S("/etc/dovecot/conf.d/.hidden.conf"), "k = hidden\n"},
        {S("/etc/dovecot/conf.d/30-c.conf.bak"), "k = backup\n"},
        {S("/etc/dovecot/extra/x1.ext"), "e = 1\n"},
        {S("/etc/dovecot/iredmail/z.conf"), "k = iredmail\n"},
    };
    const Result<DovecotConfig> cfg = loadMemory(files);
    QVERIFY2(cfg.ok(), qPrintable(cfg.ok() ? QString() : cfg.error().message));
    QCOMPARE(cfg->files(), SL({"/etc/dovecot/dovecot.conf", "/etc/dovecot/conf.d/10-a.conf",
                               "/etc/dovecot/extra/x1.ext", "/etc/dovecot/conf.d/20-b.conf",
                               "/etc/dovecot/iredmail/z.conf"}));
    const std::optional<DovecotSetting> k = cfg->setting(S("k"));
    QCOMPARE(k->value(), S("iredmail"));
    QCOMPARE(k->locations().size(), 3);
}

void TestDovecotConfig::perProtocolResolve() {
    const QHash<QString, QByteArray> files = {
        {kMain, "ssl = required\nprotocol pop3 {\n  ssl = yes\n}\nprotocol imap {\n}\n"}};
    const Result<DovecotConfig> cfg = loadMemory(files);
    QVERIFY(cfg.ok());
    QCOMPARE(cfg->resolve(S("ssl"), SL({"protocol pop3"}))->value(), S("yes"));
    QCOMPARE(cfg->resolve(S("ssl"), SL({"protocol pop3"}))->effective.where.line, 3);
    QCOMPARE(cfg->resolve(S("ssl"), SL({"protocol imap"}))->value(), S("required"));
    QCOMPARE(cfg->resolve(S("ssl"))->value(), S("required"));
    QVERIFY(!cfg->resolve(S("nosuch"), SL({"protocol imap"})));
}

void TestDovecotConfig::resolveForClient_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("remote");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("line");
    QTest::newRow("LAN client: the remote exception")
        << S("disable_plaintext_auth") << S("pop3") << S("192.168.10.7") << S("no") << 97;
    QTest::newRow("outside client: global")
        << S("disable_plaintext_auth") << S("pop3") << S("203.0.113.9") << S("yes") << 24;
    QTest::newRow("no address: global")
        << S("disable_plaintext_auth") << S("imap") << S("") << S("yes") << 24;
    QTest::newRow("protocol section") << S("mail_plugins") << S("pop3") << S("203.0.113.9")
                                      << S("quota mailbox_alias acl last_login") << 86;
    QTest::newRow("other protocol: global") << S("mail_plugins") << S("sieve") << S("203.0.113.9")
                                            << S("quota mailbox_alias acl last_login") << 33;
    QTest::newRow("service settings are not filters")
        << S("port") << S("pop3") << S("1.2.3.4") << S("") << 0;
}

void TestDovecotConfig::resolveForClient() {
    QFETCH(QString, key);
    QFETCH(QString, protocol);
    QFETCH(QString, remote);
    QFETCH(QString, value);
    QFETCH(int, line);
    const Result<DovecotConfig> cfg =
        DovecotConfig::load(kMain, ConfigFileAccess::local(kIredmailRoot));
    QVERIFY(cfg.ok());
    const std::optional<DovecotSetting> s =
        cfg->resolveFor(key, {protocol, remote, S("10.0.0.1"), {}});
    QCOMPARE(s ? s->value() : QString(), value);
    QCOMPARE(s ? s->effective.where.line : 0, line);
    // Nested filters and the most specific network.
    const Result<DovecotConfig> nested =
        loadMemory({{kMain, "ssl = required\nremote 10.0.0.0/8 {\n  ssl = yes\n}\nremote "
                            "10.1.0.0/16 {\n  ssl = no\n}\n"
                            "protocol imap {\n  remote 10.0.0.0/8 {\n    ssl = yes\n  }\n}\n"}});
    QVERIFY(nested.ok());
    QCOMPARE(nested->resolveFor(S("ssl"), {S("pop3"), S("10.1.2.3"), {}, {}})->effective.where.line,
             6);
    QCOMPARE(nested->resolveFor(S("ssl"), {S("pop3"), S("10.2.2.3"), {}, {}})->effective.where.line,
             3);
    QCOMPARE(nested->resolveFor(S("ssl"), {S("imap"), S("10.1.2.3"), {}, {}})->effective.where.line,
             6);
    QCOMPARE(nested->resolveFor(S("ssl"), {S("imap"), S("10.2.2.3"), {}, {}})->effective.where.line,
             10);
    QCOMPARE(nested->resolveFor(S("ssl"), {S("imap"), S("::1"), {}, {}})->effective.where.line, 1);
}

void TestDovecotConfig::syntax_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expanded");
    QTest::newRow("double quotes")
        << QByteArray("k = \"a # b\"\n") << S("k") << S("a # b") << S("a # b");
    QTest::newRow("single quotes, escapes")
        << QByteArray("k = 'x\\'y\\\\z'\n") << S("k") << S("x'y\\z") << S("x'y\\z");
    QTest::newRow("comment after blank")
        << QByteArray("k = v # note\n") << S("k") << S("v") << S("v");
    QTest::newRow("ambiguous #") << QByteArray("k = a#b\n") << S("k") << S("a") << S("a");
    QTest::newRow("backslash continuation")
        << QByteArray("k = plain \\\n   login\n") << S("k") << S("plain login") << S("plain login");
    QTest::newRow("no blanks around =") << QByteArray("k=v\n") << S("k") << S("v") << S("v");
    QTest::newRow("other variable: -n keeps, -x expands")
        << QByteArray("ssl = required\nk = $ssl x\n") << S("k") << S("$ssl x") << S("required x");
    QTest::newRow("quoted: never expanded")
        << QByteArray("ssl = required\nk = \"$ssl\"\n") << S("k") << S("$ssl") << S("$ssl");
    QTest::newRow("self reference")
        << QByteArray("k = a\nk = $k b\n") << S("k") << S("a b") << S("a b");
    QTest::newRow("$ENV kept") << QByteArray("k = $ENV:HOME\n") << S("k") << S("$ENV:HOME")
                               << S("$ENV:HOME");
    QTest::newRow("CRLF") << QByteArray("k = v\r\n") << S("k") << S("v") << S("v");
    QTest::newRow("empty value") << QByteArray("k =\n") << S("k") << S("") << S("");
    QTest::newRow("UTF-8") << QByteArray("login_greeting = サーバ準備完了\n") << S("login_greeting")
                           << S("サーバ準備完了") << S("サーバ準備完了");
}

void TestDovecotConfig::syntax() {
    QFETCH(QByteArray, content);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, expanded);
    const Result<DovecotConfig> cfg = loadMemory({{kMain, content}});
    QVERIFY2(cfg.ok(), qPrintable(cfg.ok() ? QString() : cfg.error().message));
    const std::optional<DovecotSetting> s = cfg->setting(key);
    QVERIFY(s);
    QCOMPARE(s->value(), value);
    QCOMPARE(s->effective.expandedValue, expanded);
    if (qstrcmp(QTest::currentDataTag(), "ambiguous #") == 0)
        QVERIFY(!cfg->warnings().isEmpty());
}

void TestDovecotConfig::broken_data() {
    QTest::addColumn<FileMap>("files");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("where");
    QTest::newRow("unterminated section")
        << FileMap{{kMain, "a = 1\nprotocol pop3 {\n  ssl = yes\n"}} << S("config.dovecot.brace")
        << S("/etc/dovecot/dovecot.conf:2");
    QTest::newRow("unexpected }") << FileMap{{kMain, "a = 1\n}\n"}} << S("config.dovecot.brace")
                                  << S("/etc/dovecot/dovecot.conf:2");
    QTest::newRow("missing {") << FileMap{{kMain, "\nfoo bar baz\n"}} << S("config.dovecot.syntax")
                               << S("/etc/dovecot/dovecot.conf:2");
    QTest::newRow("garbage after {")
        << FileMap{{kMain, "protocol pop3 { ssl = yes }\n"}} << S("config.dovecot.syntax")
        << S("/etc/dovecot/dovecot.conf:1");
    QTest::newRow("include loop") << FileMap{{kMain, "!include a.conf\n"},
                                             {S("/etc/dovecot/a.conf"),
                                              "x = 1\n!include dovecot.conf\n"}}
                                  << S("config.dovecot.include.loop") << S("/etc/dovecot/a.conf:2");
    QTest::newRow("self include") << FileMap{{kMain, "\n!include_try dovecot.conf\n"}}
                                  << S("config.dovecot.include.loop")
                                  << S("/etc/dovecot/dovecot.conf:2");
    QTest::newRow("missing !include")
        << FileMap{{kMain, "a = 1\n!include local.conf\n"}} << S("config.dovecot.include.missing")
        << S("/etc/dovecot/dovecot.conf:2");
    QTest::newRow("!include glob matching nothing")
        << FileMap{{kMain, "!include conf.d/*.conf\n"}} << S("config.dovecot.include.missing")
        << S("/etc/dovecot/dovecot.conf:1");
    QTest::newRow("section open across include end")
        << FileMap{{kMain, "!include a.conf\n"}, {S("/etc/dovecot/a.conf"), "\n\nplugin {\n"}}
        << S("config.dovecot.brace") << S("/etc/dovecot/a.conf:3");
    QTest::newRow("NUL byte") << FileMap{{kMain, QByteArray("a = 1\nb = \0\n", 12)}}
                              << S("config.dovecot.nul") << S("/etc/dovecot/dovecot.conf:2");
    QTest::newRow("main file missing")
        << FileMap{} << S("config.dovecot.read") << S("/etc/dovecot/dovecot.conf");
}

void TestDovecotConfig::broken() {
    QFETCH(FileMap, files);
    QFETCH(QString, code);
    QFETCH(QString, where);
    const Result<DovecotConfig> cfg = loadMemory(files);
    QVERIFY(!cfg.ok());
    QCOMPARE(cfg.error().code, code);
    QVERIFY2(cfg.error().message.startsWith(where + S(": ")), qPrintable(cfg.error().message));
}

void TestDovecotConfig::hugeLinesAndGarbage() {
    // A 10 KB value and invalid UTF-8 are read without trouble.
    QByteArray content = "k = " + QByteArray(10240, 'v') + "\n";
    content += "g = \xff\xfe\x80 x\n";
    content += "!include_try /nonexistent/*.conf\n";
    const Result<DovecotConfig> cfg = loadMemory({{kMain, content}});
    QVERIFY(cfg.ok());
    QCOMPARE(cfg->setting(S("k"))->value().size(), 10240);
    QVERIFY(cfg->setting(S("g")));
    // Random bytes never crash the parser (they may or may not parse).
    quint32 seed = 12345;
    for (int round = 0; round < 300; ++round) {
        QByteArray junk;
        for (int i = 0; i < 200; ++i) {
            seed = seed * 1103515245u + 12345u;
            static const char alphabet[] = "ab =\n{}#\"'\\$<!include_try \t\r\x01\xff";
            junk.append(alphabet[(seed >> 16) % (sizeof(alphabet) - 1)]);
        }
        const Result<DovecotConfig> r = loadMemory({{kMain, junk}});
        if (!r.ok())
            QVERIFY(r.error().message.startsWith(S("/etc/dovecot/")));
    }
}

void TestDovecotConfig::editAtLocation_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("# c\nssl = required # why\nx = 1\n") << 2 << S("ssl")
                           << S("yes") << QByteArray("# c\nssl = yes # why\nx = 1\n");
    QTest::newRow("inside a section, indent kept")
        << QByteArray("protocol pop3 {\n    ssl=required\n}\n") << 2 << S("ssl") << S("yes")
        << QByteArray("protocol pop3 {\n    ssl=yes\n}\n");
    QTest::newRow("quoted old value")
        << QByteArray("k = \"a b\"\n") << 1 << S("k") << S("c") << QByteArray("k = c\n");
    QTest::newRow("continuation lines")
        << QByteArray("auth_mechanisms = plain \\\n  login\nx = 1\n") << 1 << S("auth_mechanisms")
        << S("plain") << QByteArray("auth_mechanisms = plain\nx = 1\n");
    QTest::newRow("empty old value")
        << QByteArray("k =\n") << 1 << S("k") << S("v") << QByteArray("k = v\n");
    QTest::newRow("CRLF kept") << QByteArray("a = 1\r\nk = v\r\n") << 2 << S("k") << S("w")
                               << QByteArray("a = 1\r\nk = w\r\n");
    QTest::newRow("no terminator")
        << QByteArray("k = v") << 1 << S("k") << S("w") << QByteArray("k = w");
    QTest::newRow("file reference replaced by text")
        << QByteArray("ssl_cert = </a.pem\n") << 1 << S("ssl_cert") << S("/b.pem")
        << QByteArray("ssl_cert = /b.pem\n");
}

void TestDovecotConfig::editAtLocation() {
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    const Result<QByteArray> edited = dovecotSetValue(content, S("f.conf"), line, key, value);
    QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : edited.error().message));
    QCOMPARE(*edited, expected);
}

void TestDovecotConfig::editStaleLineFails() {
    const QByteArray content = "a = 1\nssl = required\n";
    QVERIFY(!dovecotSetValue(content, S("f"), 1, S("ssl"), S("yes")).ok());
    QVERIFY(!dovecotSetValue(content, S("f"), 9, S("ssl"), S("yes")).ok());
    const Result<QByteArray> r = dovecotSetValue(content, S("f"), 1, S("ssl"), S("yes"));
    QCOMPARE(r.error().code, S("config.dovecot.stale"));
    QVERIFY(r.error().message.startsWith(S("f:1: ")));
}

void TestDovecotConfig::everyEditIsLocal() {
    // Every assignment of the Debian tree, edited at its file and line: one line changes, and
    // the tree reads back with only that assignment different.
    const Result<DovecotConfig> cfg = loadDebian();
    QVERIFY(cfg.ok());
    FileMap files;
    for (const QString &f : cfg->files())
        files.insert(f, readFixture(S("dovecot-debian") + f));
    const QList<DovecotAssignment> before = cfg->assignments();
    for (int i = 0; i < before.size(); ++i) {
        const DovecotAssignment &a = before.at(i);
        const QByteArray content = files.value(a.where.file);
        const Result<QByteArray> edited =
            dovecotSetValue(content, a.where.file, a.where.line, a.key, S("x y"));
        QVERIFY2(edited.ok(), qPrintable(a.where.toString()));
        QCOMPARE(changedLines(content, *edited).size(), 2);
        FileMap changed = files;
        changed.insert(a.where.file, *edited);
        const Result<DovecotConfig> after = loadMemory(changed);
        QVERIFY(after.ok());
        QCOMPARE(after->assignments().size(), before.size());
        for (int j = 0; j < before.size(); ++j) {
            QCOMPARE(after->assignments().at(j).where, before.at(j).where);
            if (j == i)
                QCOMPARE(after->assignments().at(j).rawValue, S("x y"));
            else if (!before.at(j).rawValue.contains(QLatin1Char('$')))
                QCOMPARE(after->assignments().at(j).value, before.at(j).value);
        }
    }
}

void TestDovecotConfig::hostileValues_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("newline + include") << S("yes\n!include /etc/shadow") << false;
    QTest::newRow("CR") << S("yes\r}") << false;
    QTest::newRow("closing brace") << S("} ssl = no") << true;
    QTest::newRow("comment") << S("yes # and more") << true;
    QTest::newRow("variable") << S("$ssl_key") << true;
    QTest::newRow("file include") << S("</etc/shadow") << true;
    QTest::newRow("quotes and backslashes") << S("a\"b\\\"c'd\\") << true;
    QTest::newRow("leading blanks") << S("  x  ") << true;
    QTest::newRow("!include as value") << S("!include /etc/shadow") << true;
    QTest::newRow("10 KB") << QString(10240, QLatin1Char('z')) << true;
}

void TestDovecotConfig::hostileValues() {
    // Whatever the value, it reads back as exactly that text of exactly one setting.
    QFETCH(QString, value);
    QFETCH(bool, accepted);
    const QByteArray content = "protocol pop3 {\n  login_greeting = hi\n}\nssl = yes\n";
    const Result<QByteArray> edited =
        dovecotSetValue(content, kMain, 2, S("login_greeting"), value);
    QCOMPARE(edited.ok(), accepted);
    if (!accepted)
        return;
    const Result<DovecotConfig> cfg = loadMemory({{kMain, *edited}});
    QVERIFY2(cfg.ok(), qPrintable(cfg.ok() ? QString() : cfg.error().message));
    QCOMPARE(cfg->assignments().size(), 2);
    const std::optional<DovecotSetting> s =
        cfg->setting(S("login_greeting"), SL({"protocol pop3"}));
    QVERIFY(s);
    QCOMPARE(s->value(), value);
    QCOMPARE(s->effective.expandedValue, value);
    QVERIFY(!s->effective.fileRef);
    QCOMPARE(cfg->setting(S("ssl"))->value(), S("yes"));
}

void TestDovecotConfig::removeAndAppend() {
    const QByteArray content = "a = 1\nk = x \\\n  y\nb = 2\n";
    const Result<QByteArray> removed = dovecotRemoveSetting(content, S("f"), 2, S("k"));
    QVERIFY(removed.ok());
    QCOMPARE(*removed, QByteArray("a = 1\nb = 2\n"));
    const Result<QByteArray> appended =
        dovecotAppendSetting("a = 1", S("f"), S("ssl"), S("required"));
    QVERIFY(appended.ok());
    QCOMPARE(*appended, QByteArray("a = 1\nssl = required\n"));
    QVERIFY(!dovecotAppendSetting("plugin {\n", S("f"), S("ssl"), S("yes")).ok());
    QVERIFY(!dovecotAppendSetting("", S("f"), S("bad key"), S("yes")).ok());
    QVERIFY(!dovecotAppendSetting("", S("f"), S("k\nx"), S("yes")).ok());
}

void TestDovecotConfig::doveconfOutputAndCrossCheck() {
    const QByteArray out = "# 2.3.19.1 (9b53102964): /etc/dovecot/dovecot.conf\n"
                           "# Pigeonhole version 0.5.19 (4eae2f79)\n"
                           "# OS: Linux 6.1.0 x86_64 Debian 12.11\n"
                           "auth_mechanisms = plain login\n"
                           "login_greeting = \"Ready # here\"\n"
                           "protocols = imap pop3\n"
                           "ssl = required\n"
                           "ssl_cert = </etc/dovecot/private/dovecot.pem\n"
                           "ssl_key = # hidden, use -P to show it\n"
                           "protocol pop3 {\n"
                           "  mail_plugins = quota\n"
                           "}\n";
    const Result<DovecotConfig> theirs = DovecotConfig::parseText(out);
    QVERIFY2(theirs.ok(), qPrintable(theirs.ok() ? QString() : theirs.error().message));
    QCOMPARE(theirs->version().major, 2);
    QCOMPARE(theirs->version().minor, 3);
    QCOMPARE(theirs->hiddenKeys(), SL({"ssl_key"}));
    QCOMPARE(theirs->setting(S("login_greeting"))->value(), S("Ready # here"));

    const Result<DovecotConfig> ours = loadDebian();
    QVERIFY(ours.ok());
    const QList<DovecotDifference> diffs = crossCheck(*ours, *theirs);
    QHash<QString, DovecotDifference> byPath;
    for (const DovecotDifference &d : diffs)
        byPath.insert(d.path, d);
    QCOMPARE(byPath.value(S("protocols")).kind, DovecotDifference::Kind::ValueDiffers);
    QCOMPARE(byPath.value(S("protocols")).computed, S("imap pop3 lmtp"));
    QCOMPARE(byPath.value(S("protocols")).doveconf, S("imap pop3"));
    QCOMPARE(byPath.value(S("protocols")).where->line, 7);
    QCOMPARE(byPath.value(S("login_greeting")).kind, DovecotDifference::Kind::OnlyDoveconf);
    QCOMPARE(byPath.value(S("listen")).kind, DovecotDifference::Kind::OnlyComputed);
    QVERIFY(!byPath.contains(S("ssl")));
    QVERIFY(!byPath.contains(S("ssl_cert")));
    QVERIFY(!byPath.contains(S("ssl_key"))); // hidden by doveconf: not compared
    QVERIFY(!byPath.contains(S("protocol pop3/mail_plugins")));
}

void TestDovecotConfig::version_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor");
    QTest::addColumn<bool>("is24");
    QTest::newRow("dovecot --version") << QByteArray("2.3.19.1 (9b53102964)\n") << 2 << 3 << false;
    QTest::newRow("doveconf header 2.4")
        << QByteArray("# 2.4.1-4 (7d8c0e5759): /etc/dovecot/dovecot.conf\n# OS: x\n") << 2 << 4
        << true;
    QTest::newRow("garbage") << QByteArray("doveconf: Fatal: nope\n") << 0 << 0 << false;
    QTest::newRow("empty") << QByteArray() << 0 << 0 << false;
}

void TestDovecotConfig::version() {
    QFETCH(QByteArray, text);
    QFETCH(int, major);
    QFETCH(int, minor);
    QFETCH(bool, is24);
    const DovecotVersion v = DovecotVersion::parse(text);
    QCOMPARE(v.major, major);
    QCOMPARE(v.minor, minor);
    QCOMPARE(v.atLeast(2, 4), is24);
    // A 2.4 file says so itself.
    const Result<DovecotConfig> cfg =
        loadMemory({{kMain, "dovecot_config_version = 2.4.0\nauth_allow_cleartext = no\n"}});
    QVERIFY(cfg->version().atLeast(2, 4));
}

void TestDovecotConfig::renames() {
    const DovecotVersion v23 = DovecotVersion::parse("2.3.19.1");
    const DovecotVersion v24 = DovecotVersion::parse("2.4.1");
    QCOMPARE(dovecotName(S("disable_plaintext_auth"), v23), S("disable_plaintext_auth"));
    QCOMPARE(dovecotName(S("disable_plaintext_auth"), v24), S("auth_allow_cleartext"));
    QCOMPARE(dovecotValue(S("disable_plaintext_auth"), S("yes"), v24), S("no"));
    QCOMPARE(dovecotValue(S("disable_plaintext_auth"), S("no"), v24), S("yes"));
    QCOMPARE(dovecotValue(S("disable_plaintext_auth"), S("no"), v23), S("no"));
    QCOMPARE(dovecotName(S("ssl"), v24), S("ssl"));
    QCOMPARE(dovecotName(S("ssl_min_protocol"), v24), S("ssl_min_protocol"));
    QCOMPARE(dovecotName(S("ssl_cert"), v24), S("ssl_server_cert_file"));
    QCOMPARE(dovecotValue(S("ssl_cert"), S("</etc/ssl/certs/iRedMail.crt"), v24),
             S("/etc/ssl/certs/iRedMail.crt"));
    QCOMPARE(dovecotValue(S("ssl_prefer_server_ciphers"), S("yes"), v24), S("server"));
    QVERIFY(!dovecotValue(S("verbose_ssl"), S("yes"), v24));
    QCOMPARE(dovecotName23(S("auth_allow_cleartext")), S("disable_plaintext_auth"));
    QCOMPARE(dovecotName23(S("ssl_server_key_file")), S("ssl_key"));
    QCOMPARE(dovecotName23(S("protocols")), S("protocols"));
}

QTEST_GUILESS_MAIN(TestDovecotConfig)
#include "tst_dovecotconfig.moc"
