// Cross-checks against the real tools: postconf and doveconf read the fixtures (and edits made
// by core/config) and must see the same effective values as MailDeck computes. Skipped only
// when the tools are not installed.

#include "ConfigTestUtil.h"
#include "core/config/DovecotConfig.h"
#include "core/config/PostfixMainCf.h"
#include "core/config/PostfixMasterCf.h"

#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::config;
using configtest::readFixture;
using configtest::S;
using configtest::SL;

namespace {

QString tool(const char *name) {
    QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
    if (path.isEmpty())
        path =
            QStandardPaths::findExecutable(QString::fromLatin1(name), {S("/usr/sbin"), S("/sbin")});
    return path;
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args) {
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool writeFile(const QString &path, const QByteArray &content) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size() || !f.flush())
        return false;
    // Postfix re-reads a main.cf modified within the last second (300 ms naps): date it back.
    return f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-60),
                         QFileDevice::FileModificationTime);
}

// Copies a fixture tree's etc/dovecot to dir, pointing absolute /etc/dovecot paths at the copy.
QString copyDovecotTree(const QString &fixture, const QString &dir) {
    const QString from = configtest::fixtureDir() + QLatin1Char('/') + fixture + S("/etc/dovecot");
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        QFile f(src);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QByteArray content = f.readAll();
        content.replace("/etc/dovecot", dir.toUtf8());
        content.replace("protocols = pop3 imap sieve lmtp",
                        "protocols = pop3 imap lmtp"); // no pigeonhole here
        if (!writeFile(dir + src.mid(from.size()), content))
            return {};
    }
    return dir + S("/dovecot.conf");
}

} // namespace

class TestConfigTools : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void postconfAgrees();
    void postconfSeesEdits_data();
    void postconfSeesEdits();
    void masterAgreesWithPostconfMandP();
    void doveconfAgrees_data();
    void doveconfAgrees();
    void doveconfSeesEdits_data();
    void doveconfSeesEdits();
};

void TestConfigTools::postconfAgrees() {
    const QString postconf = tool("postconf");
    if (postconf.isEmpty())
        QSKIP("postconf is not installed");
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(S("main.cf")), readFixture(S("postfix/main.cf"))));
    QVERIFY(writeFile(dir.filePath(S("master.cf")), readFixture(S("postfix/master.cf"))));
    const Run r = run(postconf, {S("-c"), dir.path(), S("-n")});
    QCOMPARE(r.exitCode, 0);
    const Result<QMap<QString, QString>> theirs = parsePostconfOutput(r.out);
    QVERIFY(theirs.ok());
    const QMap<QString, QString> ours =
        PostfixMainCf::parse(readFixture(S("postfix/main.cf")))->values();
    int compared = 0;
    for (auto it = theirs->cbegin(); it != theirs->cend(); ++it) {
        if (it.key() == QLatin1String("config_directory"))
            continue; // postconf adds it for -c
        QVERIFY2(ours.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(ours.value(it.key()), it.value());
        ++compared;
    }
    QVERIFY(compared > 50);
    // The duplicate is reported by postconf too.
    QVERIFY(r.err.contains("overriding earlier entry: message_size_limit=15728640"));
}

void TestConfigTools::postconfSeesEdits_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("multi-line to one")
        << S("smtpd_helo_restrictions") << S("permit_mynetworks, reject_non_fqdn_helo_hostname");
    QTest::newRow("duplicate's effective") << S("message_size_limit") << S("52428800");
    QTest::newRow("new") << S("smtpd_client_restrictions") << S("permit_mynetworks, reject");
    QTest::newRow("with # and $") << S("smtpd_banner") << S("$myhostname #1 ESMTP");
    QTest::newRow("10 KB") << S("smtpd_banner") << QString(10240, QLatin1Char('b'));
}

void TestConfigTools::postconfSeesEdits() {
    QFETCH(QString, name);
    QFETCH(QString, value);
    const QString postconf = tool("postconf");
    if (postconf.isEmpty())
        QSKIP("postconf is not installed");
    const Result<QByteArray> edited =
        PostfixMainCf::parse(readFixture(S("postfix/main.cf")))->withParameter(name, value);
    QVERIFY(edited.ok());
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(S("main.cf")), *edited));
    QVERIFY(writeFile(dir.filePath(S("master.cf")), readFixture(S("postfix/master.cf"))));
    const Run r = run(postconf, {S("-c"), dir.path(), S("-n"), name});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out).trimmed(), name + S(" = ") + value);
}

void TestConfigTools::masterAgreesWithPostconfMandP() {
    const QString postconf = tool("postconf");
    if (postconf.isEmpty())
        QSKIP("postconf is not installed");
    const QByteArray master = readFixture(S("postfix/master.cf"));
    const Result<PostfixMasterCf> ours = PostfixMasterCf::parse(master);
    QVERIFY(ours.ok());
    // An edit with blanks (braced form) and a removal, as the wizard would make them.
    const Result<QByteArray> edited =
        PostfixMasterCf::parse(*ours->withOption(S("submission"), S("inet"),
                                                 S("smtpd_client_restrictions"),
                                                 S("permit_sasl_authenticated, reject")))
            ->withoutOption(S("465"), S("inet"), S("content_filter"));
    QVERIFY(edited.ok());
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(S("main.cf")), readFixture(S("postfix/main.cf"))));
    QVERIFY(writeFile(dir.filePath(S("master.cf")), *edited));
    const Result<PostfixMasterCf> mine = PostfixMasterCf::parse(*edited);
    QVERIFY(mine.ok());

    const Run m = run(postconf, {S("-c"), dir.path(), S("-M")});
    QCOMPARE(m.exitCode, 0);
    const Result<QList<MasterService>> theirs = parsePostconfM(m.out);
    QVERIFY(theirs.ok());
    QCOMPARE(theirs->size(), mine->services().size());
    for (int i = 0; i < theirs->size(); ++i) {
        const MasterService &t = theirs->at(i);
        const MasterService &o = mine->services().at(i);
        QCOMPARE(t.key(), o.key());
        QCOMPARE(t.command, o.command);
        QCOMPARE(t.maxproc, o.maxproc);
        QCOMPARE(t.options.size(), o.options.size());
    }
    const Run p = run(postconf, {S("-c"), dir.path(), S("-P")});
    QCOMPARE(p.exitCode, 0);
    const Result<QList<MasterOverride>> overrides = parsePostconfP(p.out);
    QVERIFY(overrides.ok());
    int checked = 0;
    for (const MasterOverride &o : *overrides) {
        const std::optional<MasterService> s = mine->service(o.service, o.type);
        QVERIFY2(s, qPrintable(o.service + QLatin1Char('/') + o.type));
        QCOMPARE(s->option(o.name), std::optional<QString>(o.value));
        ++checked;
    }
    QVERIFY(checked > 40);
    QVERIFY(!mine->service(S("465"), S("inet"))->option(S("content_filter")));
}

void TestConfigTools::doveconfAgrees_data() {
    QTest::addColumn<QString>("fixture");
    QTest::newRow("Debian dovecot.conf + conf.d") << S("dovecot-debian");
    QTest::newRow("iRedMail single file") << S("dovecot-iredmail");
}

void TestConfigTools::doveconfAgrees() {
    QFETCH(QString, fixture);
    const QString doveconf = tool("doveconf");
    if (doveconf.isEmpty())
        QSKIP("doveconf is not installed");
    QTemporaryDir dir;
    const QString main = copyDovecotTree(fixture, dir.path());
    QVERIFY(!main.isEmpty());
    const Run r = run(doveconf, {S("-c"), main, S("-n")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Result<DovecotConfig> theirs = DovecotConfig::parseText(r.out);
    QVERIFY2(theirs.ok(), qPrintable(theirs.ok() ? QString() : theirs.error().message));
    QVERIFY(theirs->version().isValid());
    const Result<DovecotConfig> ours = DovecotConfig::load(main, ConfigFileAccess::local());
    QVERIFY2(ours.ok(), qPrintable(ours.ok() ? QString() : ours.error().message));
    int onlyComputed = 0;
    for (const DovecotDifference &d : crossCheck(*ours, *theirs)) {
        const QString text =
            d.path + S(": computed '") + d.computed + S("' doveconf '") + d.doveconf + S("'");
        // Values doveconf leaves out are at their defaults; anything else is a parser bug.
        QVERIFY2(d.kind == DovecotDifference::Kind::OnlyComputed, qPrintable(text));
        ++onlyComputed;
    }
    QVERIFY(onlyComputed < 15);
}

void TestConfigTools::doveconfSeesEdits_data() {
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << S("MailDeck ready");
    QTest::newRow("hash") << S("ready # not a comment");
    QTest::newRow("variable stays text") << S("$ssl_key");
    QTest::newRow("file include stays text") << S("</etc/shadow");
    QTest::newRow("quotes, backslashes, braces") << S("a\"b\\c'd } {");
    QTest::newRow("Japanese") << S("準備完了");
}

void TestConfigTools::doveconfSeesEdits() {
    QFETCH(QString, value);
    const QString doveconf = tool("doveconf");
    if (doveconf.isEmpty())
        QSKIP("doveconf is not installed");
    QTemporaryDir dir;
    const QString main = copyDovecotTree(S("dovecot-debian"), dir.path());
    QFile f(main);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray content = f.readAll();
    f.close();
    const Result<QByteArray> added =
        dovecotAppendSetting(content, main, S("login_greeting"), value);
    QVERIFY(added.ok());
    QVERIFY(writeFile(main, *added));
    const Run r = run(doveconf, {S("-c"), main, S("-h"), S("login_greeting")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromUtf8(r.out).chopped(1), value);
    // The story's fix at the effective place: doveconf agrees that ssl changed.
    const QString tenSsl = dir.filePath(S("conf.d/10-ssl.conf"));
    QFile s(tenSsl);
    QVERIFY(s.open(QIODevice::ReadOnly));
    const Result<QByteArray> sslEdit = dovecotSetValue(s.readAll(), tenSsl, 6, S("ssl"), S("yes"));
    s.close();
    QVERIFY(sslEdit.ok());
    QVERIFY(writeFile(tenSsl, *sslEdit));
    QCOMPARE(run(doveconf, {S("-c"), main, S("-h"), S("ssl")}).out, QByteArray("yes\n"));
}

QTEST_GUILESS_MAIN(TestConfigTools)
#include "tst_configtools.moc"
