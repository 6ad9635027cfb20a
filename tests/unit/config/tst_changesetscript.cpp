// The transaction script ChangeSetRunner uploads: run here with /bin/sh on files in a temporary
// directory with hostile names and contents (quotes, $, backticks, newlines, spaces), the
// journal format, verify/rollback/cancel paths, and ServiceControl's commands per flavour.

#include "core/config/ChangeSetRunner.h"
#include "core/config/ServiceControl.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::config;

namespace {

QString S(const char *s) {
    return QString::fromUtf8(s);
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool writeAll(const QString &path, const QByteArray &data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// A directory layout like the runner's: <hist>/run/<id> with new-<n> and the records.
struct Harness {
    QTemporaryDir tmp;
    QString base; // holds the hostile-named config files
    QString hist; // change history dir
    ServiceControl control;

    Harness() {
        base = tmp.path() + S("/etc 'q' $x `y` \\z");
        hist = tmp.path() + S("/hist $(touch pwned) 'h'");
        QDir().mkpath(base);
        ServerPaths paths = ServerPaths::defaultsFor(ServerFlavour::Lab);
        paths.changeHistoryDir = hist;
        control = ServiceControl(ServerFlavour::Lab, paths);
    }

    // Writes the run directory as the runner uploads it and runs the script; returns the journal.
    QByteArray run(const ChangeSet &cs, bool cancelFirst = false) {
        const QString runDir = ChangeSetRunner::runDirFor(control, cs.id());
        if (!QDir().mkpath(runDir))
            return "mkpath failed";
        for (qsizetype i = 0; i < cs.edits().size(); ++i)
            writeAll(runDir + S("/new-") + QString::number(i), cs.edits().at(i).newContent);
        for (const char *outcome : {"applied", "rolled-back", "failed"})
            writeAll(runDir + S("/record-") + QString::fromLatin1(outcome) + S(".json"),
                     QJsonDocument(cs.toJson()).toJson(QJsonDocument::Compact));
        writeAll(runDir + S("/script.sh"), ChangeSetRunner::transactionScript(cs, control, runDir));
        if (cancelFirst)
            writeAll(runDir + S("/cancel"), {});
        QProcess sh;
        sh.setWorkingDirectory(tmp.path());
        sh.start(S("/bin/sh"), {runDir + S("/script.sh")});
        if (!sh.waitForFinished(30000))
            return "timeout";
        // The script removes its run directory and keeps the journal in the history.
        return readAll(hist + S("/") + cs.id() + S(".journal"));
    }
};

const QDateTime kNow = QDateTime(QDate(2026, 11, 28), QTime(4, 0, 0), Qt::UTC);

QByteArray lastLine(const QByteArray &journal) {
    const QList<QByteArray> lines = journal.trimmed().split('\n');
    return lines.isEmpty() ? QByteArray() : lines.last();
}

} // namespace

class TestChangeSetScript : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hostileNamesAndContent();
    void changedFileIsRefused();
    void failedPostCheckRollsBack();
    void cancelBeforeInstall();
    void journalParsing();
    void serviceCommandsPerFlavour();
    void revertKeepsTheServersCommands();
};

void TestChangeSetScript::hostileNamesAndContent() {
    Harness h;
    QVERIFY(h.tmp.isValid());
    const QString a = h.base + S("/main 'a' $HOME `id`.cf");
    const QString b = h.base + S("/b \"dq\" ; rm -rf x &.conf");
    const QByteArray oldA = "line1\nkeep\n";
    const QByteArray newA = "it's $HOME `id` $(id) \\n \"q\"\nsecond line\r\n\x01\xff end";
    const QByteArray oldB = "";
    const QByteArray newB = "'\n'\n";
    QVERIFY(writeAll(a, oldA));
    QVERIFY(writeAll(b, oldB));
    QFile::setPermissions(a, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    const QFile::Permissions modeBefore = QFile::permissions(a);
    Result<ChangeSet> cs = ChangeSet::plan(S("Hostile"),
                                           {{a, ConfigFileKind::Other, oldA, newA, S("a")},
                                            {b, ConfigFileKind::Other, oldB, newB, S("b")}},
                                           h.control, kNow);
    QVERIFY2(cs.ok(), cs.ok() ? "" : qPrintable(cs.error().message));
    const QByteArray journal = h.run(*cs);
    QCOMPARE(lastLine(journal), QByteArray("done applied"));
    QCOMPARE(readAll(a), newA);
    QCOMPARE(readAll(b), newB);
    // Mode kept, backups next to the files, no temp file left, nothing ran from a name.
    QCOMPARE(QFile::permissions(a), modeBefore);
    QVERIFY(!(modeBefore & QFile::ReadOther));
    QCOMPARE(readAll(cs->edits().at(0).backupPath), oldA);
    QVERIFY(!QFile::exists(cs->edits().at(0).tempPath));
    QVERIFY(!QFile::exists(cs->edits().at(1).tempPath));
    QVERIFY(!QFile::exists(h.tmp.path() + S("/pwned")));
    QVERIFY(!QDir(h.hist + S("/run/") + cs->id()).exists());
    const QJsonObject record =
        QJsonDocument::fromJson(readAll(h.hist + S("/") + cs->id() + S(".json"))).object();
    QCOMPARE(record.value(S("id")).toString(), cs->id());
    // Each step: begin then ok, in order.
    const QList<PlanStep> steps = cs->steps();
    int expected = 0;
    for (const QByteArray &raw : journal.split('\n')) {
        const auto l = ChangeSetRunner::parseJournalLine(raw);
        if (l.kind == ChangeSetRunner::JournalLine::Kind::Begin)
            QCOMPARE(l.index, expected);
        if (l.kind == ChangeSetRunner::JournalLine::Kind::Ok)
            QCOMPARE(l.index, expected++);
    }
    QCOMPARE(expected, int(steps.size()));
}

void TestChangeSetScript::changedFileIsRefused() {
    Harness h;
    const QString a = h.base + S("/x.cf");
    QVERIFY(writeAll(a, "old\n"));
    Result<ChangeSet> cs = ChangeSet::plan(
        S("t"), {{a, ConfigFileKind::Other, "old\n", "new\n", S("")}}, h.control, kNow);
    QVERIFY(cs.ok());
    QVERIFY(writeAll(a, "changed by someone else\n"));
    const QByteArray journal = h.run(*cs);
    QCOMPARE(lastLine(journal), QByteArray("done failed"));
    QVERIFY(journal.contains("0 fail "));
    QVERIFY(journal.contains("changed on the server since it was read"));
    QCOMPARE(readAll(a), QByteArray("changed by someone else\n"));
    QVERIFY(!QFile::exists(cs->edits().at(0).backupPath));
    QVERIFY(!QFile::exists(cs->edits().at(0).tempPath));
}

void TestChangeSetScript::failedPostCheckRollsBack() {
    Harness h;
    const QString a = h.base + S("/y.cf");
    QVERIFY(writeAll(a, "old\n"));
    Result<ChangeSet> plan = ChangeSet::plan(
        S("t"), {{a, ConfigFileKind::Other, "old\n", "new\n", S("")}}, h.control, kNow);
    QVERIFY(plan.ok());
    ChangeSet cs = *plan;
    PlannedCommand proof;
    proof.argv = {S("cat"), a};
    proof.expectStdout = S("something else");
    proof.purpose = S("proof");
    cs.addPostCheck(proof);
    const QByteArray journal = h.run(cs);
    QCOMPARE(lastLine(journal), QByteArray("done rolled-back"));
    QCOMPARE(readAll(a), QByteArray("old\n"));
    QVERIFY(!QFile::exists(cs.edits().at(0).tempPath));
    // The rollback steps follow the plan's steps in the journal.
    const qsizetype n = cs.steps().size();
    QVERIFY(journal.contains(QByteArray(QByteArray::number(n) + " begin")));
}

void TestChangeSetScript::cancelBeforeInstall() {
    Harness h;
    const QString a = h.base + S("/z.cf");
    QVERIFY(writeAll(a, "old\n"));
    Result<ChangeSet> cs = ChangeSet::plan(
        S("t"), {{a, ConfigFileKind::Other, "old\n", "new\n", S("")}}, h.control, kNow);
    QVERIFY(cs.ok());
    const QByteArray journal = h.run(*cs, true);
    QCOMPARE(lastLine(journal), QByteArray("done failed"));
    QCOMPARE(readAll(a), QByteArray("old\n"));
}

void TestChangeSetScript::journalParsing() {
    using K = ChangeSetRunner::JournalLine::Kind;
    auto l = ChangeSetRunner::parseJournalLine("12 fail first\\nsecond \\\\n\n");
    QCOMPARE(int(l.kind), int(K::Fail));
    QCOMPARE(l.index, 12);
    QCOMPARE(l.text, S("first\nsecond \\n"));
    QCOMPARE(int(ChangeSetRunner::parseJournalLine("3 begin").kind), int(K::Begin));
    QCOMPARE(int(ChangeSetRunner::parseJournalLine("done rolled-back").kind), int(K::Done));
    QCOMPARE(ChangeSetRunner::parseJournalLine("done rolled-back").text, S("rolled-back"));
    QCOMPARE(int(ChangeSetRunner::parseJournalLine("x begin").kind), int(K::Invalid));
    QCOMPARE(int(ChangeSetRunner::parseJournalLine("-1 ok").kind), int(K::Invalid));
    QCOMPARE(int(ChangeSetRunner::parseJournalLine("4 maybe").kind), int(K::Invalid));
}

void TestChangeSetScript::serviceCommandsPerFlavour() {
    ServerPaths lab = ServerPaths::defaultsFor(ServerFlavour::Lab);
    lab.postfixCommand = S("postfix -c /lab/etc/postfix");
    lab.dovecotCommand = S("dovecot -c /lab/etc/dovecot/dovecot.conf");
    lab.dovecotConfig = S("/lab/etc/dovecot/dovecot.conf");
    lab.iredapdRestartCommand = S("kill -HUP \"$(cat /lab/run/iredapd.pid)\"");
    const ServiceControl c(ServerFlavour::Lab, lab);
    QCOMPARE(int(c.manager()), int(ServiceManager::ProfileCommands));
    QCOMPARE(c.reloadCommand(S("postfix")).argv,
             QStringList({S("sh"), S("-c"), S("postfix -c /lab/etc/postfix reload")}));
    QCOMPARE(c.isActiveCommand(S("postfix")).argv,
             QStringList({S("sh"), S("-c"), S("postfix -c /lab/etc/postfix status")}));
    QCOMPARE(c.reloadCommand(S("iredapd")).argv,
             QStringList({S("sh"), S("-c"), lab.iredapdRestartCommand}));
    QVERIFY(c.isActiveCommand(S("dovecot"))
                .argv.last()
                .contains(S("doveconf -c '/lab/etc/dovecot/dovecot.conf' -h base_dir")));
    QCOMPARE(c.liveChecks(S("dovecot")).first().argv,
             QStringList({S("doveconf"), S("-c"), lab.dovecotConfig, S("-n")}));
    FileEdit e;
    e.path = S("/lab/etc/dovecot/iredmail/x.conf");
    e.kind = ConfigFileKind::Dovecot;
    QCOMPARE(c.validationCommands(e).first().argv,
             QStringList({S("doveconf"), S("-c"), S("{stage}/dovecot/dovecot.conf"), S("-n")}));
    QCOMPARE(c.validationCommands(e).first().baselineArgv,
             QStringList({S("doveconf"), S("-c"), lab.dovecotConfig, S("-n")}));
    e.path = S("/lab/etc/postfix/main.cf");
    e.kind = ConfigFileKind::PostfixMain;
    QCOMPARE(c.validationCommands(e).at(1).argv,
             QStringList({S("postfix"), S("-c"), S("{stage}/postfix"), S("check")}));
    QCOMPARE(c.validationCommands(e).at(1).baselineArgv,
             QStringList({S("postfix"), S("-c"), S("/lab/etc/postfix"), S("check")}));
    // The service managers.
    const ServiceControl fbsd(ServerFlavour::FreeBsd,
                              ServerPaths::defaultsFor(ServerFlavour::FreeBsd));
    QCOMPARE(fbsd.reloadCommand(S("dovecot")).argv,
             QStringList({S("service"), S("dovecot"), S("reload")}));
    QCOMPARE(fbsd.liveChecks(S("dovecot")).first().argv.at(2),
             S("/usr/local/etc/dovecot/dovecot.conf"));
    const ServiceControl rhel(ServerFlavour::Rhel, ServerPaths::defaultsFor(ServerFlavour::Rhel));
    QCOMPARE(rhel.reloadCommand(S("iredapd")).argv,
             QStringList({S("systemctl"), S("restart"), S("iredapd")}));
    QCOMPARE(rhel.changeHistoryDir(), S("/var/lib/maildeck/changes"));
    const ServiceControl obsd(ServerFlavour::OpenBsd,
                              ServerPaths::defaultsFor(ServerFlavour::OpenBsd));
    QCOMPARE(obsd.isActiveCommand(S("postfix")).argv,
             QStringList({S("rcctl"), S("check"), S("postfix")}));
}

void TestChangeSetScript::revertKeepsTheServersCommands() {
    Harness h;
    Result<ChangeSet> cs = ChangeSet::plan(
        S("t"),
        {{S("/lab/etc/postfix/main.cf"), ConfigFileKind::PostfixMain, "a = 1\n", "a = 2\n", S("")}},
        h.control, kNow);
    QVERIFY(cs.ok());
    ChangeSet applied = *cs;
    PlannedCommand proof;
    proof.argv = {S("postconf"), S("-h"), S("a")};
    proof.expectStdout = S("2");
    applied.addPostCheck(proof);
    const QJsonObject json = applied.toJson();
    Result<ChangeSet> back = ChangeSet::fromJson(json);
    QVERIFY(back.ok());
    Result<ChangeSet> rev = back->reverted(kNow.addSecs(60));
    QVERIFY(rev.ok());
    QCOMPARE(rev->reloads(), applied.reloads());
    QCOMPARE(rev->validations(), applied.validations());
    for (const PlannedCommand &c : rev->postChecks())
        QVERIFY(!c.expectStdout);
    QCOMPARE(rev->edits().first().newContent, QByteArray("a = 1\n"));
    QCOMPARE(rev->edits().first().oldSha256, ChangeSet::sha256Hex("a = 2\n"));
}

QTEST_GUILESS_MAIN(TestChangeSetScript)
#include "tst_changesetscript.moc"
