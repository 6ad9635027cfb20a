// Postfix main.cf / master.cf: reading as written, effective values, byte-preserving edits.

#include "ConfigTestUtil.h"
#include "core/config/PostfixMainCf.h"
#include "core/config/PostfixMasterCf.h"

#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::config;
using configtest::changedLines;
using configtest::readFixture;
using configtest::S;
using configtest::SL;

class TestPostfixConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void effectiveValues_data();
    void effectiveValues();
    void lastAssignmentWins();
    void expansion_data();
    void expansion();
    void setParameter_data();
    void setParameter();
    void removeParameter();
    void everyEditIsLocal();
    void randomBytesNeverCrash();
    void brokenMainCf_data();
    void brokenMainCf();
    void hostileValues_data();
    void hostileValues();
    void postconfOutput();

    void masterServices();
    void masterSetOption_data();
    void masterSetOption();
    void masterRemoveOption_data();
    void masterRemoveOption();
    void masterBroken_data();
    void masterBroken();
    void postconfMandP();
};

void TestPostfixConfig::effectiveValues_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("line");
    QTest::newRow("simple") << S("myhostname") << S("mx.example.com") << 21;
    QTest::newRow("reference kept raw")
        << S("mydestination") << S("$myhostname, localhost, localhost.localdomain") << 26;
    QTest::newRow("continuation joined")
        << S("smtpd_helo_restrictions")
        << S("permit_mynetworks permit_sasl_authenticated check_helo_access "
             "pcre:/etc/postfix/helo_access.pcre reject_non_fqdn_helo_hostname "
             "reject_unknown_helo_hostname")
        << 43;
    QTest::newRow("indented comment skipped inside continuation")
        << S("smtpd_recipient_restrictions")
        << S("reject_non_fqdn_recipient reject_unlisted_recipient check_policy_service "
             "inet:127.0.0.1:7777 permit_mynetworks permit_sasl_authenticated "
             "reject_unauth_destination check_policy_service inet:127.0.0.1:12340")
        << 58;
    QTest::newRow("empty value") << S("relayhost") << S("") << 27;
    QTest::newRow("hyphenated name")
        << S("smtp-amavis_destination_recipient_limit") << S("1") << 85;
    QTest::newRow("last of two wins") << S("message_size_limit") << S("26214400") << 96;
}

void TestPostfixConfig::effectiveValues() {
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(int, line);
    const Result<PostfixMainCf> cf =
        PostfixMainCf::parse(readFixture(QStringLiteral("postfix/main.cf")));
    QVERIFY2(cf.ok(), qPrintable(cf.ok() ? QString() : cf.error().message));
    const std::optional<PostfixParameter> p = cf->effective(name);
    QVERIFY(p);
    QCOMPARE(p->value, value);
    QCOMPARE(p->firstLine, line);
    QCOMPARE(cf->values().value(name), value);
}

void TestPostfixConfig::lastAssignmentWins() {
    const Result<PostfixMainCf> cf = PostfixMainCf::parse(
        readFixture(QStringLiteral("postfix/main.cf")), QStringLiteral("/etc/postfix/main.cf"));
    QVERIFY(cf.ok());
    const QList<PostfixParameter> all = cf->assignments(QStringLiteral("message_size_limit"));
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).firstLine, 34);
    QCOMPARE(all.at(1).firstLine, 96);
    QCOMPARE(cf->warnings().size(), 1);
    QVERIFY(cf->warnings().first().startsWith(QStringLiteral("/etc/postfix/main.cf:96: ")));
    QVERIFY(!cf->effective(QStringLiteral("smtpd_client_restrictions")));
}

void TestPostfixConfig::expansion_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expanded");
    QTest::newRow("plain") << S("a b") << S("a b");
    QTest::newRow("$name") << S("$myhostname, localhost") << S("mx.example.com, localhost");
    QTest::newRow("${name}") << S("${myhostname}x") << S("mx.example.comx");
    QTest::newRow("$(name)") << S("$(myhostname)") << S("mx.example.com");
    QTest::newRow("nested") << S("$mydestination")
                            << S("mx.example.com, localhost, localhost.localdomain");
    QTest::newRow("unknown kept") << S("$nosuch and ${nosuch}") << S("$nosuch and ${nosuch}");
    QTest::newRow("$$ literal") << S("a$$b") << S("a$b");
    QTest::newRow("?x set") << S("${myhostname?yes}") << S("yes");
    QTest::newRow("?{x} set") << S("${myhostname?{a, b}}") << S("a, b");
    QTest::newRow(":x set") << S("${myhostname:no}") << S("");
    QTest::newRow(":x empty") << S("${relayhost:direct}") << S("direct");
    QTest::newRow("loop terminates") << S("$loop_a") << S("$loop_a");
    QTest::newRow("unterminated brace") << S("${myhostname") << S("${myhostname");
    QTest::newRow("lone dollar") << S("cost $") << S("cost $");
}

void TestPostfixConfig::expansion() {
    QFETCH(QString, value);
    QFETCH(QString, expanded);
    const QMap<QString, QString> params = {
        {QStringLiteral("myhostname"), QStringLiteral("mx.example.com")},
        {QStringLiteral("mydestination"),
         QStringLiteral("$myhostname, localhost, localhost.localdomain")},
        {QStringLiteral("relayhost"), QString()},
        {QStringLiteral("loop_a"), QStringLiteral("$loop_b")},
        {QStringLiteral("loop_b"), QStringLiteral("$loop_a")},
    };
    const auto lookup = [&](const QString &n) -> std::optional<QString> {
        if (params.contains(n))
            return params.value(n);
        return std::nullopt;
    };
    const QString out = expandPostfixValue(value, lookup);
    if (qstrcmp(QTest::currentDataTag(), "loop terminates") == 0)
        QVERIFY(out.startsWith(QLatin1Char('$'))); // any finite result is fine
    else
        QCOMPARE(out, expanded);
}

void TestPostfixConfig::setParameter_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("changed");
    QTest::newRow("one-line value")
        << S("smtpd_helo_required") << S("no")
        << SL({"-smtpd_helo_required = yes", "+smtpd_helo_required = no"});
    QTest::newRow("edits the effective of two")
        << S("message_size_limit") << S("52428800")
        << SL({"-message_size_limit = 26214400", "+message_size_limit = 52428800"});
    QTest::newRow("empty value gets one")
        << S("relayhost") << S("[smtp.example.net]:587")
        << SL({"-relayhost =", "+relayhost = [smtp.example.net]:587"});
    QTest::newRow("multi-line value replaced")
        << S("smtpd_helo_restrictions") << S("permit_mynetworks, permit_sasl_authenticated")
        << SL({"-smtpd_helo_restrictions =", "-    permit_mynetworks",
               "-    permit_sasl_authenticated",
               "-    check_helo_access pcre:/etc/postfix/helo_access.pcre",
               "-    reject_non_fqdn_helo_hostname", "-    reject_unknown_helo_hostname",
               "+smtpd_helo_restrictions = permit_mynetworks, permit_sasl_authenticated"});
    QTest::newRow("absent: appended") << S("smtpd_client_restrictions") << S("permit_mynetworks")
                                      << SL({"+smtpd_client_restrictions = permit_mynetworks"});
    QTest::newRow("value with # is literal")
        << S("smtpd_banner") << S("$myhostname #1 ESMTP")
        << SL({"-smtpd_banner = $myhostname ESMTP", "+smtpd_banner = $myhostname #1 ESMTP"});
    QTest::newRow("non-ASCII value")
        << S("smtpd_banner") << S("メール ESMTP")
        << SL({"-smtpd_banner = $myhostname ESMTP", "+smtpd_banner = メール ESMTP"});
}

void TestPostfixConfig::setParameter() {
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QStringList, changed);
    const QByteArray original = readFixture(QStringLiteral("postfix/main.cf"));
    const Result<PostfixMainCf> cf = PostfixMainCf::parse(original);
    QVERIFY(cf.ok());
    const Result<QByteArray> edited = cf->withParameter(name, value);
    QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : edited.error().message));
    QCOMPARE(changedLines(original, *edited), changed);
    // The edit reads back as the effective value, and setting it again changes nothing.
    const Result<PostfixMainCf> again = PostfixMainCf::parse(*edited);
    QVERIFY(again.ok());
    QCOMPARE(again->effective(name)->value, value);
    QCOMPARE(*again->withParameter(name, value), *edited);
}

void TestPostfixConfig::removeParameter() {
    const QByteArray original = readFixture(QStringLiteral("postfix/main.cf"));
    const Result<PostfixMainCf> cf = PostfixMainCf::parse(original);
    QVERIFY(cf.ok());
    // Both assignments go, else the earlier one would come back to life.
    Result<QByteArray> edited = cf->withoutParameter(QStringLiteral("message_size_limit"));
    QVERIFY(edited.ok());
    QCOMPARE(changedLines(original, *edited),
             (SL({"-message_size_limit = 15728640", "-message_size_limit = 26214400"})));
    // A multi-line statement goes with its continuation lines, but not the comment inside it.
    edited = cf->withoutParameter(QStringLiteral("smtpd_recipient_restrictions"));
    QVERIFY(edited.ok());
    const QStringList changed = changedLines(original, *edited);
    QCOMPARE(changed.size(), 8);
    QVERIFY(!changed.contains(QStringLiteral("-    # Dovecot quota-status service")));
    QVERIFY(
        !PostfixMainCf::parse(*edited)->effective(QStringLiteral("smtpd_recipient_restrictions")));
    // Absent: unchanged.
    QCOMPARE(*cf->withoutParameter(QStringLiteral("nosuch")), original);
}

void TestPostfixConfig::everyEditIsLocal() {
    // For every parameter of the fixture: the edit touches only that statement's lines, and
    // every other parameter keeps its value.
    const QByteArray original = readFixture(S("postfix/main.cf"));
    const Result<PostfixMainCf> cf = PostfixMainCf::parse(original);
    for (const PostfixParameter &p : cf->entries()) {
        const std::optional<PostfixParameter> eff = cf->effective(p.name);
        const Result<QByteArray> edited = cf->withParameter(p.name, S("edited-value"));
        QVERIFY(edited.ok());
        const QStringList changed = changedLines(original, *edited);
        const int removed = int(eff->physicalLines.size());
        QCOMPARE(changed.size(), removed + 1);
        QVERIFY(changed.contains(S("+") + p.name + S(" = edited-value")));
        QVERIFY(!changed.contains(S("-    # Dovecot quota-status service")));
        const Result<PostfixMainCf> again = PostfixMainCf::parse(*edited);
        QMap<QString, QString> expected = cf->values();
        expected.insert(p.name, S("edited-value"));
        QCOMPARE(again->values(), expected);
    }
    // The same for every -o override of master.cf.
    const QByteArray master = readFixture(S("postfix/master.cf"));
    const Result<PostfixMasterCf> m = PostfixMasterCf::parse(master);
    for (const MasterService &s : m->services()) {
        for (const MasterOption &o : s.options) {
            const Result<QByteArray> edited = m->withOption(s.service, s.type, o.name, S("v2"));
            QVERIFY(edited.ok());
            const QStringList changed = changedLines(master, *edited);
            QCOMPARE(changed.size(), s.option(o.name) == S("v2") ? 0 : 2);
            const Result<PostfixMasterCf> again = PostfixMasterCf::parse(*edited);
            QCOMPARE(again->service(s.service, s.type)->option(o.name), S("v2"));
            QCOMPARE(again->services().size(), m->services().size());
        }
    }
}

void TestPostfixConfig::randomBytesNeverCrash() {
    quint32 seed = 777;
    static const char alphabet[] = "ab =\n\t #${}()-o\r\x01\xff";
    for (int round = 0; round < 500; ++round) {
        QByteArray junk;
        for (int i = 0; i < 120; ++i) {
            seed = seed * 1103515245u + 12345u;
            junk.append(alphabet[(seed >> 16) % (sizeof(alphabet) - 1)]);
        }
        const Result<PostfixMainCf> cf = PostfixMainCf::parse(junk);
        if (cf.ok()) {
            for (const PostfixParameter &p : cf->entries()) {
                (void)cf->expandedValue(p.name);
                if (PostfixMainCf::isValidName(p.name))
                    QVERIFY(cf->withParameter(p.name, S("x")).ok());
                QVERIFY(cf->withoutParameter(p.name).ok());
            }
        } else {
            QVERIFY(cf.error().message.startsWith(S("main.cf:")));
        }
        const Result<PostfixMasterCf> m = PostfixMasterCf::parse(junk);
        if (m.ok()) {
            for (const MasterService &s : m->services()) {
                (void)m->withOption(s.service, s.type, S("x"), S("1"));
                (void)m->withoutOption(s.service, s.type, S("x"));
            }
        }
    }
}

void TestPostfixConfig::brokenMainCf_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("where");
    QTest::newRow("no =") << QByteArray("a = 1\nthis is not a parameter\n")
                          << "config.postfix.syntax"
                          << "main.cf:2";
    QTest::newRow("leading continuation")
        << QByteArray("  orphan\na = 1\n") << "config.postfix.continuation" << S("main.cf:1");
    QTest::newRow("space in name") << QByteArray("\nmy name = x\n") << "config.postfix.name"
                                   << "main.cf:2";
    QTest::newRow("NUL byte") << QByteArray("a = 1\nb = x\0y\n", 13) << "config.postfix.nul"
                              << "main.cf:2";
}

void TestPostfixConfig::brokenMainCf() {
    QFETCH(QByteArray, content);
    QFETCH(QString, code);
    QFETCH(QString, where);
    const Result<PostfixMainCf> cf = PostfixMainCf::parse(content);
    QVERIFY(!cf.ok());
    QCOMPARE(cf.error().code, code);
    QVERIFY2(cf.error().message.startsWith(where + QStringLiteral(": ")),
             qPrintable(cf.error().message));
}

void TestPostfixConfig::hostileValues_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("newline injection")
        << S("relayhost") << S("x\nsmtpd_relay_restrictions = permit") << false;
    QTest::newRow("CR injection") << S("relayhost") << S("x\rmynetworks = 0.0.0.0/0") << false;
    QTest::newRow("NUL") << S("relayhost")
                         << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << false;
    QTest::newRow("name with =") << S("a=b") << S("x") << false;
    QTest::newRow("name with newline") << S("a\nb") << S("x") << false;
    QTest::newRow("name with space") << S("a b") << S("x") << false;
    QTest::newRow("empty name") << S("") << S("x") << false;
    QTest::newRow("10 KB value") << S("smtpd_banner") << QString(10240, QLatin1Char('x')) << true;
}

void TestPostfixConfig::hostileValues() {
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, accepted);
    const QByteArray original = readFixture(QStringLiteral("postfix/main.cf"));
    const Result<PostfixMainCf> cf = PostfixMainCf::parse(original);
    const Result<QByteArray> edited = cf->withParameter(name, value);
    QCOMPARE(edited.ok(), accepted);
    if (accepted) {
        const Result<PostfixMainCf> again = PostfixMainCf::parse(*edited);
        QVERIFY(again.ok());
        QCOMPARE(again->entries().size(), cf->entries().size());
        QCOMPARE(again->effective(name)->value, value);
    }
}

void TestPostfixConfig::postconfOutput() {
    const QByteArray out = "alias_maps = hash:/etc/postfix/aliases\nmydestination = $myhostname, "
                           "localhost\nrelayhost =\n";
    const Result<QMap<QString, QString>> m = parsePostconfOutput(out);
    QVERIFY(m.ok());
    QCOMPARE(m->size(), 3);
    QCOMPARE(m->value(QStringLiteral("mydestination")), QStringLiteral("$myhostname, localhost"));
    QCOMPARE(m->value(QStringLiteral("relayhost")), QString());
    QVERIFY(!parsePostconfOutput("garbage line\n").ok());
}

void TestPostfixConfig::masterServices() {
    const Result<PostfixMasterCf> cf =
        PostfixMasterCf::parse(readFixture(QStringLiteral("postfix/master.cf")));
    QVERIFY2(cf.ok(), qPrintable(cf.ok() ? QString() : cf.error().message));
    const std::optional<MasterService> sub =
        cf->service(QStringLiteral("submission"), QStringLiteral("inet"));
    QVERIFY(sub);
    QCOMPARE(sub->command, QStringLiteral("smtpd"));
    QCOMPARE(sub->privateField, QStringLiteral("n"));
    QCOMPARE(sub->chroot, QStringLiteral("n"));
    QCOMPARE(sub->options.size(), 5);
    QCOMPARE(sub->option(QStringLiteral("smtpd_tls_security_level")), QStringLiteral("encrypt"));
    QCOMPARE(sub->option(QStringLiteral("smtpd_client_restrictions")),
             QStringLiteral("permit_sasl_authenticated,reject"));
    QCOMPARE(sub->firstLine, 16);
    QCOMPARE(sub->lastLine, 21);
    const std::optional<MasterService> smtps =
        cf->service(QStringLiteral("465"), QStringLiteral("inet"));
    QVERIFY(smtps);
    QCOMPARE(smtps->option(QStringLiteral("smtpd_tls_wrappermode")), QStringLiteral("yes"));
    // Two "smtp" services of different types.
    QCOMPARE(cf->service(QStringLiteral("smtp"), QStringLiteral("inet"))->command,
             QStringLiteral("postscreen"));
    QCOMPARE(cf->service(QStringLiteral("smtp"), QStringLiteral("unix"))->command,
             QStringLiteral("smtp"));
    // An empty override.
    QCOMPARE(cf->service(QStringLiteral("127.0.0.1:10025"), QStringLiteral("inet"))
                 ->option(QStringLiteral("content_filter")),
             QString());
    QCOMPARE(cf->service(QStringLiteral("127.0.0.1:10025"), QStringLiteral("inet"))->options.size(),
             22);
    // pipe arguments are arguments, not options.
    const std::optional<MasterService> dovecot =
        cf->service(QStringLiteral("dovecot"), QStringLiteral("unix"));
    QVERIFY(dovecot);
    QCOMPARE(dovecot->command, QStringLiteral("pipe"));
    QVERIFY(dovecot->options.isEmpty());
    QVERIFY(dovecot->arguments.contains(QStringLiteral("${user}@${domain}")));
    QCOMPARE(cf->service(QStringLiteral("postlog"), QStringLiteral("unix-dgram"))->command,
             QStringLiteral("postlogd"));
    QVERIFY(!cf->service(QStringLiteral("628"), QStringLiteral("inet"))); // commented out
    QVERIFY(cf->warnings().isEmpty());
}

void TestPostfixConfig::masterSetOption_data() {
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("changed");
    QTest::newRow("change in place")
        << S("submission") << S("inet") << S("smtpd_tls_security_level") << S("may")
        << SL({"-  -o smtpd_tls_security_level=encrypt", "+  -o smtpd_tls_security_level=may"});
    QTest::newRow("add after last line, same indent")
        << S("submission") << S("inet") << S("smtpd_helo_restrictions")
        << S("permit_sasl_authenticated,reject")
        << SL({"+  -o smtpd_helo_restrictions=permit_sasl_authenticated,reject"});
    QTest::newRow("add to a one-line service")
        << S("cleanup") << S("unix") << S("header_checks") << S("") << SL({"+  -o header_checks="});
    QTest::newRow("value with blanks gets braces")
        << S("465") << S("inet") << S("smtpd_client_restrictions")
        << S("permit_sasl_authenticated, reject")
        << SL({"-  -o smtpd_client_restrictions=permit_sasl_authenticated,reject",
               "+  -o { smtpd_client_restrictions = permit_sasl_authenticated, reject }"});
    QTest::newRow("wider indent kept")
        << S("smtp-amavis") << S("unix") << S("smtp_tls_security_level") << S("none")
        << SL({"+    -o smtp_tls_security_level=none"});
}

void TestPostfixConfig::masterSetOption() {
    QFETCH(QString, service);
    QFETCH(QString, type);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QStringList, changed);
    const QByteArray original = readFixture(QStringLiteral("postfix/master.cf"));
    const Result<PostfixMasterCf> cf = PostfixMasterCf::parse(original);
    QVERIFY(cf.ok());
    const Result<QByteArray> edited = cf->withOption(service, type, name, value);
    QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : edited.error().message));
    QCOMPARE(changedLines(original, *edited), changed);
    const Result<PostfixMasterCf> again = PostfixMasterCf::parse(*edited);
    QVERIFY(again.ok());
    QCOMPARE(again->service(service, type)->option(name), value);
    QCOMPARE(again->services().size(), cf->services().size());
}

void TestPostfixConfig::masterRemoveOption_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("own line removed")
        << QByteArray("a inet n - n - - smtpd\n  -o x=1\n  -o y=2\nb unix - - n - - smtp\n")
        << QByteArray("a inet n - n - - smtpd\n  -o y=2\nb unix - - n - - smtp\n");
    QTest::newRow("on the command line") << QByteArray("a inet n - n - - smtpd -o x=1 -o y=2\n")
                                         << QByteArray("a inet n - n - - smtpd -o y=2\n");
    QTest::newRow("braced") << QByteArray("a inet n - n - - smtpd\n  -o { x = 1 2 }\n  -o y=2\n")
                            << QByteArray("a inet n - n - - smtpd\n  -o y=2\n");
    QTest::newRow("twice, both go")
        << QByteArray("a inet n - n - - smtpd\r\n  -o x=1\r\n  -o x=2\r\n")
        << QByteArray("a inet n - n - - smtpd\r\n");
    QTest::newRow("no terminator at EOF")
        << QByteArray("a inet n - n - - smtpd\n  -o y=2\n  -o x=1")
        << QByteArray("a inet n - n - - smtpd\n  -o y=2\n");
}

void TestPostfixConfig::masterRemoveOption() {
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, expected);
    const Result<PostfixMasterCf> cf = PostfixMasterCf::parse(content);
    QVERIFY(cf.ok());
    const Result<QByteArray> edited =
        cf->withoutOption(QStringLiteral("a"), QStringLiteral("inet"), QStringLiteral("x"));
    QVERIFY(edited.ok());
    QCOMPARE(*edited, expected);
}

void TestPostfixConfig::masterBroken_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("code");
    QTest::newRow("too few fields")
        << QByteArray("# c\nsmtp inet n - y\n") << "config.master.fields";
    QTest::newRow("unclosed brace")
        << QByteArray("a inet n - n - - smtpd\n  -o { x = 1\n") << "config.master.brace";
    QTest::newRow("orphan continuation")
        << QByteArray("  -o x=1\n") << "config.master.continuation";
    QTest::newRow("NUL") << QByteArray("a inet n - n - - smtpd\0\n", 24) << "config.master.nul";
}

void TestPostfixConfig::masterBroken() {
    QFETCH(QByteArray, content);
    QFETCH(QString, code);
    const Result<PostfixMasterCf> cf = PostfixMasterCf::parse(content);
    QVERIFY(!cf.ok());
    QCOMPARE(cf.error().code, code);
    QVERIFY2(cf.error().message.startsWith(QStringLiteral("master.cf:")),
             qPrintable(cf.error().message));
    // Edits on a missing service and hostile option values fail cleanly.
    const Result<PostfixMasterCf> ok = PostfixMasterCf::parse("a inet n - n - - smtpd\n");
    QVERIFY(!ok->withOption(QStringLiteral("b"), QStringLiteral("inet"), QStringLiteral("x"),
                            QStringLiteral("1"))
                 .ok());
    QVERIFY(!ok->withOption(QStringLiteral("a"), QStringLiteral("inet"), QStringLiteral("x"),
                            QStringLiteral("1\n  -o y=2"))
                 .ok());
    QVERIFY(!ok->withOption(QStringLiteral("a"), QStringLiteral("inet"), QStringLiteral("x"),
                            QStringLiteral("1 }"))
                 .ok());
    QVERIFY(!ok->withOption(QStringLiteral("a"), QStringLiteral("inet"), QStringLiteral("x y"),
                            QStringLiteral("1"))
                 .ok());
}

void TestPostfixConfig::postconfMandP() {
    const QByteArray m =
        "smtp       inet  n       -       y       -       1       postscreen\nsubmission inet  n   "
        "    -       n       -       -       smtpd -o syslog_name=postfix/submission -o "
        "smtpd_tls_security_level=encrypt\n";
    const Result<QList<MasterService>> services = parsePostconfM(m);
    QVERIFY(services.ok());
    QCOMPARE(services->size(), 2);
    QCOMPARE(services->at(1).option(QStringLiteral("smtpd_tls_security_level")),
             QStringLiteral("encrypt"));
    const Result<QList<MasterOverride>> p =
        parsePostconfP("submission/inet/syslog_name = "
                       "postfix/submission\n127.0.0.1:10025/inet/content_filter =\n");
    QVERIFY(p.ok());
    QCOMPARE(p->size(), 2);
    QCOMPARE(p->at(1).service, QStringLiteral("127.0.0.1:10025"));
    QCOMPARE(p->at(1).value, QString());
    QVERIFY(!parsePostconfP("nonsense\n").ok());
}

QTEST_GUILESS_MAIN(TestPostfixConfig)
#include "tst_postfixconfig.moc"
