// The change-set plan: what runs in which order, backups, validation per file kind, reloads per
// service manager, rollback, diffs, JSON history and revert.

#include "ConfigTestUtil.h"
#include "core/config/ChangeSet.h"
#include "core/config/DovecotConfig.h"
#include "core/config/PostfixMainCf.h"

#include <QJsonDocument>
#include <QProcess>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::config;
using configtest::readFixture;
using configtest::S;
using configtest::SL;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 27), QTime(19, 5, 7), Qt::UTC);

ChangeSet storyPlan() {
    // The Windows Live Mail story: ssl = required -> yes where it takes effect, plus a Postfix
    // edit.
    const QByteArray ssl = readFixture(S("dovecot-debian/etc/dovecot/conf.d/10-ssl.conf"));
    const QByteArray main = readFixture(S("postfix/main.cf"));
    const QByteArray newSsl =
        *dovecotSetValue(ssl, S("/etc/dovecot/conf.d/10-ssl.conf"), 6, S("ssl"), S("yes"));
    const QByteArray newMain =
        *PostfixMainCf::parse(main)->withParameter(S("smtpd_helo_required"), S("no"));
    const Result<ChangeSet> cs = ChangeSet::plan(
        S("Allow Windows Live Mail 2012"),
        {{S("/etc/dovecot/conf.d/10-ssl.conf"), ConfigFileKind::Dovecot, ssl, newSsl,
          S("ssl = yes")},
         {S("/etc/postfix/main.cf"), ConfigFileKind::PostfixMain, main, newMain,
          S("smtpd_helo_required = no")},
         {S("/etc/postfix/master.cf"), ConfigFileKind::PostfixMaster, "x", "x", S("unchanged")}},
        ServiceManager::Systemd, kNow);
    if (!cs.ok())
        qFatal("plan failed: %s", qPrintable(cs.error().message));
    return cs.value();
}

} // namespace

class TestChangeSet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void planBasics();
    void stepOrder();
    void validationPerKind_data();
    void validationPerKind();
    void reloadPerManager_data();
    void reloadPerManager();
    void rollback();
    void diffShowsOnlyTheChange();
    void jsonRoundTrip();
    void jsonDamaged_data();
    void jsonDamaged();
    void revert();
    void refusals();
    void shellQuoting_data();
    void shellQuoting();
};

void TestChangeSet::planBasics() {
    const ChangeSet cs = storyPlan();
    QCOMPARE(cs.edits().size(), 2); // the unchanged master.cf is left out
    QCOMPARE(cs.services(), SL({"dovecot", "postfix"}));
    const FileEdit &e = cs.edits().first();
    QCOMPARE(e.backupPath, S("/etc/dovecot/conf.d/10-ssl.conf.maildeck-20261127T190507.bak"));
    QVERIFY(e.tempPath.startsWith(S("/etc/dovecot/conf.d/10-ssl.conf.maildeck-tmp-")));
    QVERIFY(!e.tempPath.endsWith(S(".conf"))); // never matched by "!include conf.d/*.conf"
    QCOMPARE(e.oldSha256, ChangeSet::sha256Hex(e.oldContent));
    QCOMPARE(
        ChangeSet::backupPathFor(S("/opt/iredapd/settings.py"), kNow.toOffsetFromUtc(9 * 3600)),
        S("/opt/iredapd/settings.py.maildeck-20261127T190507.bak"));
    QCOMPARE(cs.state(), ChangeSet::State::Planned);
}

void TestChangeSet::stepOrder() {
    const QList<PlanStep> steps = storyPlan().steps();
    QList<PlanStep::Kind> kinds;
    for (const PlanStep &s : steps) {
        if (kinds.isEmpty() || kinds.last() != s.kind)
            kinds.append(s.kind);
    }
    using K = PlanStep::Kind;
    // Nothing live is touched before every validation has passed.
    QCOMPARE(kinds, (QList<K>{K::VerifyUnchanged, K::Stage, K::WriteTemp, K::Validate, K::Backup,
                              K::Install, K::Reload, K::PostCheck}));
    for (const PlanStep &s : steps)
        QVERIFY2(!s.description.isEmpty(), "every step says what it does");
    // Dovecot is staged as its whole config directory.
    bool stagedDovecot = false;
    for (const PlanStep &s : steps) {
        if (s.kind == K::Stage && s.command &&
            s.command->argv == SL({"cp", "-a", "/etc/dovecot", "{stage}/dovecot"}))
            stagedDovecot = true;
    }
    QVERIFY(stagedDovecot);
}

void TestChangeSet::validationPerKind_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("first");
    QTest::addColumn<QStringList>("baseline");
    QTest::newRow("main.cf") << S("/etc/postfix/main.cf") << int(ConfigFileKind::PostfixMain)
                             << SL({"postconf", "-c", "{stage}/postfix", "-n"})
                             << SL({"postconf", "-c", "/etc/postfix", "-n"});
    QTest::newRow("master.cf, FreeBSD path")
        << S("/usr/local/etc/postfix/master.cf") << int(ConfigFileKind::PostfixMaster)
        << SL({"postconf", "-c", "{stage}/postfix", "-n"})
        << SL({"postconf", "-c", "/usr/local/etc/postfix", "-n"});
    QTest::newRow("dovecot conf.d")
        << S("/etc/dovecot/conf.d/10-auth.conf") << int(ConfigFileKind::Dovecot)
        << SL({"doveconf", "-c", "{stage}/dovecot/dovecot.conf", "-n"})
        << SL({"doveconf", "-c", "/etc/dovecot/dovecot.conf", "-n"});
    QTest::newRow("settings.py")
        << S("/opt/iredapd/settings.py") << int(ConfigFileKind::IredapdSettings)
        << SL({"python3", "-c",
               "import ast,sys; ast.parse(open(sys.argv[1],'rb').read(), sys.argv[1])", "{temp}"})
        << QStringList();
}

void TestChangeSet::validationPerKind() {
    QFETCH(QString, path);
    QFETCH(int, kind);
    QFETCH(QStringList, first);
    QFETCH(QStringList, baseline);
    FileEdit e;
    e.path = path;
    e.kind = ConfigFileKind(kind);
    const QList<PlannedCommand> cmds = ChangeSet::validationCommands(e);
    QVERIFY(!cmds.isEmpty());
    QCOMPARE(cmds.first().argv, first);
    QCOMPARE(cmds.first().baselineArgv, baseline);
    QCOMPARE(cmds.first().failOnNewWarnings, !baseline.isEmpty());
    QCOMPARE(cmds.first().forPath, path);
    if (e.kind == ConfigFileKind::PostfixMain)
        QCOMPARE(cmds.at(1).argv, SL({"postfix", "-c", "{stage}/postfix", "check"}));
}

void TestChangeSet::reloadPerManager_data() {
    QTest::addColumn<int>("manager");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QStringList>("reload");
    QTest::addColumn<QStringList>("active");
    QTest::newRow("systemd postfix")
        << int(ServiceManager::Systemd) << S("postfix") << SL({"systemctl", "reload", "postfix"})
        << SL({"systemctl", "is-active", "postfix"});
    QTest::newRow("systemd iredapd restarts")
        << int(ServiceManager::Systemd) << S("iredapd") << SL({"systemctl", "restart", "iredapd"})
        << SL({"systemctl", "is-active", "iredapd"});
    QTest::newRow("FreeBSD dovecot")
        << int(ServiceManager::FreeBsdRc) << S("dovecot") << SL({"service", "dovecot", "reload"})
        << SL({"service", "dovecot", "status"});
    QTest::newRow("OpenBSD iredapd")
        << int(ServiceManager::OpenBsdRcctl) << S("iredapd") << SL({"rcctl", "restart", "iredapd"})
        << SL({"rcctl", "check", "iredapd"});
}

void TestChangeSet::reloadPerManager() {
    QFETCH(int, manager);
    QFETCH(QString, service);
    QFETCH(QStringList, reload);
    QFETCH(QStringList, active);
    QCOMPARE(ChangeSet::reloadCommand(service, ServiceManager(manager)).argv, reload);
    QCOMPARE(ChangeSet::isActiveCommand(service, ServiceManager(manager)).argv, active);
}

void TestChangeSet::rollback() {
    const ChangeSet cs = storyPlan();
    const QList<PlanStep> steps = cs.rollbackSteps();
    QCOMPARE(steps.at(0).command->argv,
             SL({"cp", "-p", "/etc/dovecot/conf.d/10-ssl.conf.maildeck-20261127T190507.bak",
                 cs.edits().at(0).tempPath.toUtf8().constData()}));
    QCOMPARE(steps.at(1).command->argv,
             SL({"mv", "-f", cs.edits().at(0).tempPath.toUtf8().constData(),
                 "/etc/dovecot/conf.d/10-ssl.conf"}));
    QCOMPARE(steps.at(1).kind, PlanStep::Kind::Install);
    QCOMPARE(steps.last().kind, PlanStep::Kind::PostCheck);
}

void TestChangeSet::diffShowsOnlyTheChange() {
    const ChangeSet cs = storyPlan();
    const QByteArray diff = cs.unifiedDiff();
    QVERIFY(diff.startsWith(
        "--- a/etc/dovecot/conf.d/10-ssl.conf\n+++ b/etc/dovecot/conf.d/10-ssl.conf\n"));
    QVERIFY(diff.contains("\n-ssl = required\n+ssl = yes\n"));
    QVERIFY(diff.contains("\n-smtpd_helo_required = yes\n+smtpd_helo_required = no\n"));
    int minus = 0, plus = 0;
    for (const QByteArray &line : diff.split('\n')) {
        if (line.startsWith("-") && !line.startsWith("---"))
            ++minus;
        if (line.startsWith("+") && !line.startsWith("+++"))
            ++plus;
    }
    QCOMPARE(minus, 2);
    QCOMPARE(plus, 2);
}

void TestChangeSet::jsonRoundTrip() {
    ChangeSet cs = storyPlan();
    PlannedCommand proof;
    proof.argv = SL({"doveconf", "-h", "ssl"});
    proof.expectStdout = S("yes");
    proof.purpose = S("ssl is yes");
    cs.addPostCheck(proof);
    cs.setState(ChangeSet::State::Applied, kNow.addSecs(30), S("ok"));
    cs.setOrigin(S("compat/wlm2012/192.0.2.7"));
    const QByteArray json = QJsonDocument(cs.toJson()).toJson();
    const Result<ChangeSet> back = ChangeSet::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    QCOMPARE(back->id(), cs.id());
    QCOMPARE(back->title(), cs.title());
    QCOMPARE(back->origin(), S("compat/wlm2012/192.0.2.7"));
    QCOMPARE(back->createdUtc(), cs.createdUtc());
    QCOMPARE(back->state(), ChangeSet::State::Applied);
    QCOMPARE(back->finishedUtc(), kNow.addSecs(30));
    QCOMPARE(back->edits().size(), 2);
    QCOMPARE(back->edits().at(1).newContent, cs.edits().at(1).newContent);
    QCOMPARE(back->edits().at(1).oldContent, cs.edits().at(1).oldContent);
    QCOMPARE(back->validations(), cs.validations());
    QCOMPARE(back->reloads(), cs.reloads());
    QCOMPARE(back->postChecks(), cs.postChecks());
    QCOMPARE(back->unifiedDiff(), cs.unifiedDiff());
    QCOMPARE(QJsonDocument(back->toJson()).toJson(), json);
}

void TestChangeSet::jsonDamaged_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("format") << S("format") << QJsonValue(2);
    QTest::newRow("state") << S("state") << QJsonValue(S("weird"));
    QTest::newRow("created") << S("created") << QJsonValue(S("yesterday"));
    QTest::newRow("edit content vs hash") << S("edit.new") << QJsonValue(S("eA=="));
    QTest::newRow("edit base64") << S("edit.old") << QJsonValue(S("!!"));
    QTest::newRow("edit relative path") << S("edit.path") << QJsonValue(S("etc/passwd"));
}

void TestChangeSet::jsonDamaged() {
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QJsonObject o = storyPlan().toJson();
    if (key.startsWith(S("edit."))) {
        QJsonArray edits = o.value(S("edits")).toArray();
        QJsonObject e = edits.at(0).toObject();
        e.insert(key.mid(5), value);
        edits.replace(0, e);
        o.insert(S("edits"), edits);
    } else {
        o.insert(key, value);
    }
    const Result<ChangeSet> back = ChangeSet::fromJson(o);
    QVERIFY(!back.ok());
    QCOMPARE(back.error().code, S("changeset.json.invalid"));
}

void TestChangeSet::revert() {
    ChangeSet cs = storyPlan();
    cs.setOrigin(S("compat/scanner/192.0.2.9"));
    const Result<ChangeSet> r = cs.reverted(kNow.addSecs(3600));
    QVERIFY(r.ok());
    // A revert is not the fix: looking for "the fix still applied" must not find it.
    QCOMPARE(r->origin(), S("revert:compat/scanner/192.0.2.9"));
    QCOMPARE(r->revertOf(), cs.id());
    QCOMPARE(ChangeSet::fromJson(r->toJson()).value().revertOf(), cs.id());
    QVERIFY(storyPlan().reverted(kNow).value().origin().isEmpty());
    QCOMPARE(r->edits().size(), 2);
    QCOMPARE(r->edits().at(0).oldContent, cs.edits().at(0).newContent);
    QCOMPARE(r->edits().at(0).newContent, cs.edits().at(0).oldContent);
    QCOMPARE(r->edits().at(0).oldSha256, ChangeSet::sha256Hex(cs.edits().at(0).newContent));
    QCOMPARE(r->edits().at(0).backupPath,
             S("/etc/dovecot/conf.d/10-ssl.conf.maildeck-20261127T200507.bak"));
    QVERIFY(r->unifiedDiff().contains("\n-ssl = yes\n+ssl = required\n"));
    QVERIFY(r->id() != cs.id());
}

void TestChangeSet::refusals() {
    QCOMPARE(ChangeSet::plan(S("t"), {{S("/a"), ConfigFileKind::Other, "x", "x", {}}},
                             ServiceManager::Systemd, kNow)
                 .error()
                 .code,
             S("changeset.empty"));
    QCOMPARE(ChangeSet::plan(S("t"), {{S("a.conf"), ConfigFileKind::Other, "x", "y", {}}},
                             ServiceManager::Systemd, kNow)
                 .error()
                 .code,
             S("changeset.path"));
    QCOMPARE(ChangeSet::plan(S("t"), {{S("/etc/../etc/x"), ConfigFileKind::Other, "x", "y", {}}},
                             ServiceManager::Systemd, kNow)
                 .error()
                 .code,
             S("changeset.path"));
    QCOMPARE(ChangeSet::plan(S("t"),
                             {{S("/a"), ConfigFileKind::Other, "x", "y", {}},
                              {S("/a"), ConfigFileKind::Other, "x", "z", {}}},
                             ServiceManager::Systemd, kNow)
                 .error()
                 .code,
             S("changeset.path.twice"));
}

void TestChangeSet::shellQuoting_data() {
    QTest::addColumn<QStringList>("argv");
    QTest::newRow("plain") << SL({"systemctl", "reload", "postfix"});
    QTest::newRow("quotes and substitutions")
        << SL({"a'b", "$(id)", "`id`", "; rm -rf /", "\"x\"", "\\", ""});
    QTest::newRow("newline and glob") << SL({"line1\nline2", "*", "~"});
    QTest::newRow("unicode") << SL({"/etc/メール/x.conf"});
}

void TestChangeSet::shellQuoting() {
    // /bin/sh gets back exactly the arguments, one by one.
    QFETCH(QStringList, argv);
    PlannedCommand c;
    c.argv = argv;
    QProcess sh;
    sh.start(S("/bin/sh"),
             {S("-c"), S("for a in ") + c.shellLine() + S("; do printf '%s\\0' \"$a\"; done")});
    QVERIFY(sh.waitForFinished(10000));
    QList<QByteArray> got = sh.readAllStandardOutput().split('\0');
    got.removeLast();
    QStringList out;
    for (const QByteArray &g : got)
        out.append(QString::fromUtf8(g));
    QCOMPARE(out, argv);
}

QTEST_GUILESS_MAIN(TestChangeSet)
#include "tst_changeset.moc"
