// The server's list agent (resources/delegation/maildeck-list-agent.py) as installed by
// ListAgent::files(): its argument checks on hostile jobs (run with the real python3, the
// agent's own check_job), the shape of what MailDeck sends, and the install files.

#include "core/delegation/ListAgent.h"
#include "core/lists/ListSettings.h"
#include "core/lists/MlmmjScripts.h"
#include "core/profiles/ServerProfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace maildeck;
using namespace maildeck::delegation;
using lists::ListOp;
using lists::MlmmjScripts;

namespace {

QString b64(const QByteArray &data) {
    return QString::fromLatin1(data.toBase64());
}

struct Case {
    const char *why;
    QString op;
    QString target;
    QStringList args;
    bool accepted;
};

} // namespace

class TestListAgent : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // Runs the agent's check_job on each case; returns "ok" or "refused: why" per case.
    QStringList check(const QList<Case> &cases) {
        QJsonArray jobs;
        for (const Case &c : cases)
            jobs.append(QJsonObject{{QStringLiteral("op"), c.op},
                                    {QStringLiteral("target"), c.target},
                                    {QStringLiteral("args"), QJsonArray::fromStringList(c.args)}});
        const QString program = QStringLiteral(R"PY(
import importlib.machinery, importlib.util, json, os, sys
d = sys.argv[1]
loader = importlib.machinery.SourceFileLoader("agent", os.path.join(d, "maildeck-list-agent"))
spec = importlib.util.spec_from_loader("agent", loader)
agent = importlib.util.module_from_spec(spec)
loader.exec_module(agent)
conf = json.load(open(os.path.join(d, "list-agent.conf")))
for job in json.load(sys.stdin):
    try:
        agent.check_job(job["op"], job["target"], job["args"], conf)
        print("ok")
    except agent.BadJob as e:
        print("refused: %s" % e)
)PY");
        QProcess p;
        p.start(QStringLiteral("python3"), {QStringLiteral("-c"), program, m_dir.path()});
        p.write(QJsonDocument(jobs).toJson());
        p.closeWriteChannel();
        if (!p.waitForFinished(30000) || p.exitCode() != 0)
            return {QString::fromUtf8(p.readAllStandardError())};
        return QString::fromUtf8(p.readAllStandardOutput())
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        ServerProfile profile;
        profile.dbHost = QStringLiteral("127.0.0.1");
        profile.dbPort = 3306;
        const auto files = ListAgent::files(profile, QStringLiteral("Secret123"));
        for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
            QDir().mkpath(QFileInfo(m_dir.filePath(it.key())).path());
            QFile f(m_dir.filePath(it.key()));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(it.value());
        }
        // The smtpport the installer reads from the server's lists.
        QFile conf(m_dir.filePath(QStringLiteral("list-agent.conf")));
        QVERIFY(conf.open(QIODevice::ReadWrite));
        QJsonObject o = QJsonDocument::fromJson(conf.readAll()).object();
        o.insert(QStringLiteral("smtpport"), QStringLiteral("10028"));
        conf.resize(0);
        conf.write(QJsonDocument(o).toJson());
    }

    void installFiles() {
        ServerProfile profile;
        profile.dbHost = QStringLiteral("127.0.0.1");
        profile.dbPort = 3307;
        const auto files = ListAgent::files(profile, QStringLiteral("pw"));
        QVERIFY(files.value(QStringLiteral("maildeck-list-agent"))
                    .startsWith("#!/usr/bin/env python3"));
        const QByteArray cnf = files.value(QStringLiteral("list-agent.my.cnf"));
        QVERIFY(cnf.contains("user=maildeck_listagent\n"));
        QVERIFY(cnf.contains("password=pw\n"));
        QVERIFY(cnf.contains("port=3307\n"));
        // One script per operation, each MlmmjScripts' fixed body.
        for (const QString &op : MlmmjScripts::opNames())
            QCOMPARE(files.value(QStringLiteral("list-ops/%1.sh").arg(op)),
                     MlmmjScripts::body(op).toUtf8());
        const QJsonObject conf =
            QJsonDocument::fromJson(files.value(QStringLiteral("list-agent.conf"))).object();
        const QJsonArray control = conf.value(QStringLiteral("control_files")).toArray();
        QVERIFY(control.contains(QStringLiteral("prefix")));
        QVERIFY(control.contains(QStringLiteral("owner")));
        QVERIFY(!control.contains(QStringLiteral("relayhost")));
        QVERIFY(!control.contains(QStringLiteral("smtpport")));
        QVERIFY(!control.contains(QStringLiteral("smtphelo")));
        // The version changes with the scripts, not with the password.
        QCOMPARE(files.value(QStringLiteral("VERSION")).trimmed(),
                 ListAgent::filesVersion().toUtf8());
        // Framing: name, mode, size, bytes — the secret file 0600.
        const QByteArray framed = ListAgent::frame(files);
        QVERIFY(framed.contains("list-agent.my.cnf\n0600\n"));
        QVERIFY(framed.contains("maildeck-list-agent\n0700\n"));
    }

    // What MailDeck itself sends passes the agent's checks.
    void mailDecksOwnJobsPass() {
        const QString list = QStringLiteral("news@example.com");
        lists::ListSettings s = lists::ListSettings::defaultsFor(list);
        s.owners = {QStringLiteral("boss@example.com")};
        s.subjectPrefix = QStringLiteral("[news] $(reboot)");
        const auto control = lists::ListSettings::toControlFiles(s);
        lists::ControlFiles current;
        current.insert(QStringLiteral("prefix"), QByteArray("[old]\n"));
        lists::ControlChanges changes;
        changes.insert(QStringLiteral("prefix"), QByteArray("[new]\n"));
        changes.insert(QStringLiteral("notmetoo"), std::nullopt);
        const QList<ListOp> ops{
            MlmmjScripts::readControl(list),
            MlmmjScripts::create(list, control, QStringLiteral("k1")),
            MlmmjScripts::applyControl(list, current, changes, QStringLiteral("k2")),
            MlmmjScripts::commitBackup(list, QStringLiteral("k2")),
            MlmmjScripts::restoreBackup(list, {QStringLiteral("prefix")}, QStringLiteral("k2")),
            MlmmjScripts::discard(list),
            MlmmjScripts::detach(list, QStringLiteral("k3")),
            MlmmjScripts::undoRemoval(list, QStringLiteral("k3")),
            MlmmjScripts::finishRemoval(list, QStringLiteral("k3"), true),
            MlmmjScripts::inventory(list),
            MlmmjScripts::countSubscribers(QStringLiteral("example.com")),
            MlmmjScripts::listSubscribers(list),
            MlmmjScripts::exportSubscribers(list, lists::SubscriberKind::Digest),
            MlmmjScripts::subscribe(list, lists::SubscriberKind::NoMail, true, QStringLiteral("a")),
            MlmmjScripts::unsubscribe(list, std::nullopt, QStringLiteral("b")),
            MlmmjScripts::bulkAdd(list, lists::SubscriberKind::Normal, QStringLiteral("c")),
            MlmmjScripts::bulkRemove(list, lists::SubscriberKind::Normal, QStringLiteral("d")),
        };
        QList<Case> cases;
        for (const ListOp &op : ops)
            cases.append({"MailDeck's own", op.name, op.target, op.args, true});
        const QStringList out = check(cases);
        QCOMPARE(out.size(), cases.size());
        for (qsizetype i = 0; i < cases.size(); ++i)
            QVERIFY2(out.at(i) == QLatin1String("ok"),
                     qPrintable(cases.at(i).op + QStringLiteral(": ") + out.at(i)));
    }

    // Hostile jobs (a domain admin writing to list_jobs by hand): refused.
    void hostileJobsRefused() {
        const QString list = QStringLiteral("news@example.com");
        const QList<Case> cases{
            {"unknown op", QStringLiteral("shell"), list, {}, false},
            {"op with a path", QStringLiteral("../../bin/sh"), list, {}, false},
            {"target with a path",
             QStringLiteral("readControl"),
             QStringLiteral("../x@example.com"),
             {},
             false},
            {"target domain with a path",
             QStringLiteral("readControl"),
             QStringLiteral("x@example.com/../../etc"),
             {},
             false},
            {"target upper case",
             QStringLiteral("readControl"),
             QStringLiteral("News@example.com"),
             {},
             false},
            {"target with a space",
             QStringLiteral("readControl"),
             QStringLiteral("a b@example.com"),
             {},
             false},
            {"target with a newline",
             QStringLiteral("readControl"),
             QStringLiteral("a@example.com\nb@x.com"),
             {},
             false},
            {"countSubscribers on an address", QStringLiteral("countSubscribers"), list, {}, false},
            {"countSubscribers on ..",
             QStringLiteral("countSubscribers"),
             QStringLiteral(".."),
             {},
             false},
            {"extra argument", QStringLiteral("readControl"), list, {QStringLiteral("x")}, false},
            {"token with a slash",
             QStringLiteral("detach"),
             list,
             {QStringLiteral("../../x")},
             false},
            {"token too long",
             QStringLiteral("detach"),
             list,
             {QString(17, QLatin1Char('a'))},
             false},
            {"token with a quote",
             QStringLiteral("commitBackup"),
             list,
             {QStringLiteral("a'b")},
             false},
            {"removal mode",
             QStringLiteral("finishRemoval"),
             list,
             {QStringLiteral("k"), QStringLiteral("rm -rf /")},
             false},
            {"kind",
             QStringLiteral("bulkAdd"),
             list,
             {QStringLiteral("../subscribers.d"), QStringLiteral("k")},
             false},
            {"any kind for subscribe",
             QStringLiteral("subscribe"),
             list,
             {QStringLiteral("any"), QStringLiteral("0"), QStringLiteral("k")},
             false},
            {"flag",
             QStringLiteral("subscribe"),
             list,
             {QStringLiteral("normal"), QStringLiteral("yes"), QStringLiteral("k")},
             false},
            {"control name with a path",
             QStringLiteral("create"),
             list,
             {QStringLiteral("k"), QStringLiteral("../../../etc/cron.d/x"), b64("x")},
             false},
            {"relay host",
             QStringLiteral("create"),
             list,
             {QStringLiteral("k"), QStringLiteral("relayhost"), b64("evil.example\n")},
             false},
            {"HELO",
             QStringLiteral("applyControl"),
             list,
             {QStringLiteral("k"), QStringLiteral("smtphelo"), QStringLiteral("absent"),
              b64("x\n")},
             false},
            {"smtp port by update",
             QStringLiteral("applyControl"),
             list,
             {QStringLiteral("k"), QStringLiteral("smtpport"), QStringLiteral("absent"),
              b64("25\n")},
             false},
            {"unmanaged control file",
             QStringLiteral("applyControl"),
             list,
             {QStringLiteral("k"), QStringLiteral("bouncelife"), QStringLiteral("absent"),
              b64("1\n")},
             false},
            {"another list's address",
             QStringLiteral("create"),
             list,
             {QStringLiteral("k"), QStringLiteral("listaddress"), b64("ceo@victim.example\n")},
             false},
            {"bad base64",
             QStringLiteral("create"),
             list,
             {QStringLiteral("k"), QStringLiteral("prefix"), QStringLiteral("$(reboot)")},
             false},
            {"NUL in content",
             QStringLiteral("create"),
             list,
             {QStringLiteral("k"), QStringLiteral("prefix"), b64(QByteArray("a\0b", 3))},
             false},
            {"odd pairs",
             QStringLiteral("create"),
             list,
             {QStringLiteral("k"), QStringLiteral("prefix")},
             false},
            {"bad hash",
             QStringLiteral("applyControl"),
             list,
             {QStringLiteral("k"), QStringLiteral("prefix"), QStringLiteral("x"), b64("a\n")},
             false},
            {"restore name with a path",
             QStringLiteral("restoreBackup"),
             list,
             {QStringLiteral("k"), QStringLiteral("../../x")},
             false},
            {"a fair job",
             QStringLiteral("applyControl"),
             list,
             {QStringLiteral("k"), QStringLiteral("prefix"), QStringLiteral("absent"),
              b64("[x]\n")},
             true},
        };
        const QStringList out = check(cases);
        QCOMPARE(out.size(), cases.size());
        int refused = 0;
        for (qsizetype i = 0; i < cases.size(); ++i) {
            const bool ok = out.at(i) == QLatin1String("ok");
            QVERIFY2(ok == cases.at(i).accepted, qPrintable(QString::fromLatin1(cases.at(i).why) +
                                                            QStringLiteral(": ") + out.at(i)));
            refused += ok ? 0 : 1;
        }
        qInfo("list agent: %d hostile jobs, %d refused", int(cases.size() - 1), refused);
    }
};

QTEST_GUILESS_MAIN(TestListAgent)
#include "tst_list_agent.moc"
