// MlmmjScripts: parsing the remote scripts' output; the operations' shape (fixed bodies, the
// parameters only in the arguments); and real runs of the bodies with /bin/sh against a spool in
// a temporary directory (mlmmj's own tools replaced by stubs that log their arguments).

#include "core/lists/MlmmjScripts.h"
#include "core/ssh/Sudo.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace maildeck;
using namespace maildeck::lists;

namespace {

// Every operation, built from one set of values.
struct Values {
    MlmmjPaths paths;
    QString address, domain, token, controlName;
    QByteArray content;
};

QList<ListOp> allOps(const Values &v) {
    const ControlChanges control{{v.controlName, v.content}};
    const ControlFiles current{{v.controlName, v.content + "old"}};
    return {MlmmjScripts::readControl(v.address),
            MlmmjScripts::create(v.address, control, v.token),
            MlmmjScripts::applyControl(v.address, current, control, v.token),
            MlmmjScripts::commitBackup(v.address, v.token),
            MlmmjScripts::restoreBackup(v.address, {v.controlName}, v.token),
            MlmmjScripts::discard(v.address),
            MlmmjScripts::detach(v.address, v.token),
            MlmmjScripts::undoRemoval(v.address, v.token),
            MlmmjScripts::finishRemoval(v.address, v.token, true),
            MlmmjScripts::inventory(v.address),
            MlmmjScripts::countSubscribers(v.domain),
            MlmmjScripts::listSubscribers(v.address),
            MlmmjScripts::exportSubscribers(v.address, SubscriberKind::Digest),
            MlmmjScripts::subscribe(v.address, SubscriberKind::NoMail, true, v.token),
            MlmmjScripts::unsubscribe(v.address, std::nullopt, v.token),
            MlmmjScripts::bulkAdd(v.address, SubscriberKind::Normal, v.token),
            MlmmjScripts::bulkRemove(v.address, SubscriberKind::Digest, v.token)};
}

QString argumentsPart(const MlmmjPaths &paths, const ListOp &op) {
    QStringList words;
    for (const QString &a : MlmmjScripts::commonArgs(paths) + QStringList{op.target} + op.args)
        words << Sudo::shellQuote(a);
    return words.join(QLatin1Char(' '));
}

QString sha256(const QByteArray &data) {
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

struct Run {
    int exit = -1;
    QByteArray out, err;
};

} // namespace

class TestMlmmjScripts : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    MlmmjPaths m_paths;
    QString m_log; // what the mlmmj stubs were called with

    QString path(const QString &rel) const { return m_tmp.path() + QLatin1Char('/') + rel; }

    static void writeFile(const QString &name, const QByteArray &data,
                          QFile::Permissions perms = QFile::ReadOwner | QFile::WriteOwner) {
        QFile f(name);
        QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(name));
        f.write(data);
        f.close();
        f.setPermissions(perms);
    }
    static QByteArray readFile(const QString &name) {
        QFile f(name);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
    }

    // The operation as MailingLists runs it (rootCommand under a shell), locally.
    Run run(const ListOp &op, const QByteArray &in = {}) {
        QProcess p;
        p.setWorkingDirectory(m_tmp.path());
        p.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), MlmmjScripts::rootCommand(m_paths, op)});
        p.write(in);
        p.closeWriteChannel();
        Run r;
        if (!p.waitForFinished(60000))
            return r;
        r.exit = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    // No file named like an injected command anywhere under the temporary directory.
    bool nothingExecuted() const {
        QDirIterator it(m_tmp.path(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            if (it.next().endsWith(QLatin1String("/pwned")))
                return false;
        return true;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        // Parameters with spaces, quotes and command substitutions: they must stay data.
        const QString root = m_tmp.path() + QStringLiteral("/it's $(touch pwned) `touch pwned`");
        QVERIFY(QDir().mkpath(root + QStringLiteral("/spool")));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/skel/en")));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/bin")));
        writeFile(root + QStringLiteral("/skel/en/listhelp"), "help\n");
        m_log = m_tmp.path() + QStringLiteral("/stub.log");
        const QByteArray stub =
            "#!/bin/sh\nprintf '%s' \"${0##*/}\" >> " + Sudo::shellQuote(m_log).toUtf8() +
            "\nfor a in \"$@\"; do printf ' %s' \"$a\" >> " + Sudo::shellQuote(m_log).toUtf8() +
            "; done\necho >> " + Sudo::shellQuote(m_log).toUtf8() + "\n";
        const auto exec = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
        for (const char *tool : {"mlmmj-sub", "mlmmj-unsub", "mlmmj-list"})
            writeFile(root + QStringLiteral("/bin/") + QLatin1String(tool), stub, exec);
        m_paths.spool = root + QStringLiteral("/spool");
        m_paths.archive = root + QStringLiteral("/archive");
        m_paths.bin = root + QStringLiteral("/bin");
        m_paths.textSkel = root + QStringLiteral("/skel");
        m_paths.language = QStringLiteral("en");
    }

    void parseControl_data() {
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("count");
        QTest::newRow("nothing") << QByteArray() << true << 0;
        QTest::newRow("one empty file") << QByteArray("tocc\n0\n") << true << 1;
        QTest::newRow("two files")
            << QByteArray("owner\n14\na@example.com\nprefix\n3\n[a]") << true << 2;
        QTest::newRow("content with framing-like lines")
            << QByteArray("footer_text\n8\nx\n5\nabc\ntocc\n0\n") << true << 2;
        QTest::newRow("BSD wc pads with spaces")
            << QByteArray("prefix\n       3\n[a]") << true << 1;
        QTest::newRow("truncated") << QByteArray("owner\n13\na@exa") << false << 0;
        QTest::newRow("no size") << QByteArray("owner\n") << false << 0;
        QTest::newRow("bad size") << QByteArray("owner\nx\n") << false << 0;
    }
    void parseControl() {
        QFETCH(QByteArray, out);
        QFETCH(bool, ok);
        QFETCH(int, count);
        auto r = MlmmjScripts::parseControl(out);
        QCOMPARE(r.ok(), ok);
        if (ok)
            QCOMPARE(r->size(), count);
    }

    void parseControlContent() {
        auto r = MlmmjScripts::parseControl(QByteArray("footer_text\n8\nx\n5\nabc\ntocc\n0\n"));
        QVERIFY(r.ok());
        QCOMPARE(r->value(QStringLiteral("footer_text")), QByteArray("x\n5\nabc\n"));
        QVERIFY(r->contains(QStringLiteral("tocc")));
        QCOMPARE(r->value(QStringLiteral("tocc")), QByteArray());
    }

    void parseSubscribers() {
        const QByteArray out = "#normal\na@example.com\nb@example.com\n#digest\n#nomail\n"
                               "c@example.com\n";
        const auto kinds = MlmmjScripts::parseSubscribers(out);
        QCOMPARE(kinds.value(SubscriberKind::Normal),
                 (QStringList{QStringLiteral("a@example.com"), QStringLiteral("b@example.com")}));
        QVERIFY(kinds.value(SubscriberKind::Digest).isEmpty());
        QCOMPARE(kinds.value(SubscriberKind::NoMail), QStringList{QStringLiteral("c@example.com")});
    }

    void parseCounts() {
        const auto c = MlmmjScripts::parseCounts("added 10000\nelsewhere 3\nnoise\n");
        QCOMPARE(c.value(QStringLiteral("added")), 10000);
        QCOMPARE(c.value(QStringLiteral("elsewhere")), 3);
        QCOMPARE(c.size(), 2);
    }

    void listDir() {
        MlmmjPaths p;
        QCOMPARE(p.listDir(QStringLiteral("news@example.com")),
                 QStringLiteral("/var/vmail/mlmmj/example.com/news"));
        QCOMPARE(p.archiveDir(), QStringLiteral("/var/vmail/mlmmj-archive"));
    }

    // ---- the operations' shape

    void everyOpHasABody() {
        const QStringList names = MlmmjScripts::opNames();
        QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), names.size());
        for (const QString &n : names) {
            const QString b = MlmmjScripts::body(n);
            QVERIFY2(!b.isEmpty(), qPrintable(n));
            QVERIFY2(b.startsWith(QStringLiteral("set -u\nspool=$1 archive=$2 bin=$3 skel=$4 "
                                                 "target=$5; shift 5\n")),
                     qPrintable(n));
            QVERIFY2(!b.contains(QStringLiteral("eval")), qPrintable(n));
        }
        QVERIFY(MlmmjScripts::body(QStringLiteral("nosuchop")).isEmpty());
        // The builders use exactly these names.
        QSet<QString> built;
        for (const ListOp &op : allOps(Values{{},
                                              QStringLiteral("a@b.c"),
                                              QStringLiteral("b.c"),
                                              QStringLiteral("t"),
                                              QStringLiteral("x"),
                                              "y"}))
            built.insert(op.name);
        QCOMPARE(built, QSet<QString>(names.begin(), names.end()));
    }

    void bodiesAreFixed() {
        Values a;
        a.address = QStringLiteral("alphalist@alphadom.example");
        a.domain = QStringLiteral("alphadom.example");
        a.token = QStringLiteral("alphatok1");
        a.controlName = QStringLiteral("prefix");
        a.content = "[ALPHACONTENT]";
        a.paths.spool = QStringLiteral("/srv/ALPHASPOOL");
        a.paths.archive = QStringLiteral("/srv/ALPHAARCH");
        a.paths.bin = QStringLiteral("/opt/ALPHABIN");
        a.paths.textSkel = QStringLiteral("/opt/ALPHASKEL");
        a.paths.language = QStringLiteral("alphalang");
        Values b;
        b.address = QStringLiteral("bravo-x.y@bravo.example.org");
        b.domain = QStringLiteral("bravo.example.org");
        b.token = QStringLiteral("zz9");
        b.controlName = QStringLiteral("footer_text");
        b.content = "it's \"$(rm -rf /)\"\n`x`";
        b.paths.spool = QStringLiteral("/var/it's here/mlmmj");
        b.paths.bin = QStringLiteral("/usr/local/bin");
        b.paths.textSkel = QStringLiteral("/usr/local/share/mlmmj/text.skel");
        b.paths.language = QStringLiteral("ja");

        const QList<ListOp> opsA = allOps(a);
        const QList<ListOp> opsB = allOps(b);
        QCOMPARE(opsA.size(), opsB.size());
        const QStringList distinctive{QStringLiteral("ALPHA"),
                                      QStringLiteral("alpha"),
                                      QStringLiteral("bravo"),
                                      QStringLiteral("zz9"),
                                      QStringLiteral("it's here"),
                                      QStringLiteral("rm -rf /"),
                                      QString::fromLatin1(a.content.toBase64()),
                                      QString::fromLatin1(b.content.toBase64()),
                                      QStringLiteral("/usr/local")};
        for (qsizetype i = 0; i < opsA.size(); ++i) {
            const ListOp &x = opsA.at(i);
            const ListOp &y = opsB.at(i);
            QCOMPARE(x.name, y.name);
            const QString body = MlmmjScripts::body(x.name);
            for (const QString &v : distinctive)
                QVERIFY2(!body.contains(v), qPrintable(x.name + QStringLiteral(": ") + v));
            const QString prefix = QStringLiteral("sh -c ") + Sudo::shellQuote(body) +
                                   QStringLiteral(" 'maildeck-list-") + x.name +
                                   QStringLiteral("' ");
            const QString cx = MlmmjScripts::rootCommand(a.paths, x);
            const QString cy = MlmmjScripts::rootCommand(b.paths, y);
            QVERIFY2(cx.startsWith(prefix), qPrintable(x.name));
            QVERIFY2(cy.startsWith(prefix), qPrintable(x.name));
            QCOMPARE(cx.mid(prefix.size()), argumentsPart(a.paths, x));
            QCOMPARE(cy.mid(prefix.size()), argumentsPart(b.paths, y));
            QVERIFY(cx != cy);
        }
    }

    void commonArgs() {
        MlmmjPaths p;
        QCOMPARE(MlmmjScripts::commonArgs(p),
                 (QStringList{
                     QStringLiteral("/var/vmail/mlmmj"), QStringLiteral("/var/vmail/mlmmj-archive"),
                     QStringLiteral("/usr/bin"), QStringLiteral("/usr/share/mlmmj/text.skel/en")}));
    }

    void argumentShapes() {
        const QString l = QStringLiteral("news@example.com");
        const QString t = QStringLiteral("tok");
        const ListOp c = MlmmjScripts::create(l,
                                              {{QStringLiteral("tocc"), QByteArray()},
                                               {QStringLiteral("prefix"), QByteArray("[n]")},
                                               {QStringLiteral("noarchive"), std::nullopt}},
                                              t);
        QCOMPARE(c.target, l);
        QCOMPARE(c.args, (QStringList{t, QStringLiteral("prefix"), QStringLiteral("W25d"),
                                      QStringLiteral("tocc"), QString()}));

        const ControlFiles current{{QStringLiteral("prefix"), QByteArray("[old]")}};
        const ControlChanges changes{{QStringLiteral("prefix"), QByteArray("[new]")},
                                     {QStringLiteral("noarchive"), std::nullopt},
                                     {QStringLiteral("footer"), QByteArray()}};
        QCOMPARE(MlmmjScripts::applyControl(l, current, changes, t).args,
                 (QStringList{t, QStringLiteral("footer"), QStringLiteral("absent"), QString(),
                              QStringLiteral("noarchive"), QStringLiteral("absent"),
                              QStringLiteral("-"), QStringLiteral("prefix"), sha256("[old]"),
                              QString::fromLatin1(QByteArray("[new]").toBase64())}));

        QCOMPARE(MlmmjScripts::restoreBackup(l, {QStringLiteral("a"), QStringLiteral("b")}, t).args,
                 (QStringList{t, QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(MlmmjScripts::finishRemoval(l, t, false).args,
                 (QStringList{t, QStringLiteral("delete")}));
        QCOMPARE(MlmmjScripts::finishRemoval(l, t, true).args,
                 (QStringList{t, QStringLiteral("archive")}));
        QCOMPARE(MlmmjScripts::countSubscribers(QStringLiteral("example.com")).target,
                 QStringLiteral("example.com"));
        QVERIFY(MlmmjScripts::countSubscribers(QStringLiteral("example.com")).args.isEmpty());
        QCOMPARE(MlmmjScripts::exportSubscribers(l, SubscriberKind::NoMail).args,
                 QStringList{QStringLiteral("nomail")});
        QCOMPARE(MlmmjScripts::subscribe(l, SubscriberKind::Digest, false, t).args,
                 (QStringList{QStringLiteral("digest"), QStringLiteral("0"), t}));
        QCOMPARE(MlmmjScripts::subscribe(l, SubscriberKind::Normal, true, t).args,
                 (QStringList{QStringLiteral("normal"), QStringLiteral("1"), t}));
        QCOMPARE(MlmmjScripts::unsubscribe(l, std::nullopt, t).args,
                 (QStringList{QStringLiteral("any"), t}));
        QCOMPARE(MlmmjScripts::unsubscribe(l, SubscriberKind::Normal, t).args,
                 (QStringList{QStringLiteral("normal"), t}));
        QCOMPARE(MlmmjScripts::bulkAdd(l, SubscriberKind::NoMail, t).args,
                 (QStringList{QStringLiteral("nomail"), t}));
        QCOMPARE(MlmmjScripts::bulkRemove(l, SubscriberKind::Digest, t).args,
                 (QStringList{QStringLiteral("digest"), t}));
        QVERIFY(MlmmjScripts::discard(l).args.isEmpty());
        QCOMPARE(MlmmjScripts::detach(l, t).args, QStringList{t});
    }

    // ---- real runs

    void runCreateAndReadControl() {
        const QString l = QStringLiteral("news@example.com");
        const QString dir = m_paths.listDir(l);
        QCOMPARE(run(MlmmjScripts::readControl(l)).exit, MlmmjScripts::ExitNoList);

        const QByteArray nasty = "[news]\nit's \"$(touch pwned)\" `touch pwned` $HOME\\n\n";
        const ControlChanges control{{QStringLiteral("prefix"), nasty},
                                     {QStringLiteral("owner"), QByteArray("boss@example.com\n")},
                                     {QStringLiteral("tocc"), QByteArray()},
                                     {QStringLiteral("noarchive"), std::nullopt}};
        Run r = run(MlmmjScripts::create(l, control, QStringLiteral("t1")));
        QVERIFY2(r.exit == 0, r.err.constData());
        QCOMPARE(readFile(dir + QStringLiteral("/control/prefix")), nasty);
        QCOMPARE(readFile(dir + QStringLiteral("/control/owner")),
                 QByteArray("boss@example.com\n"));
        QCOMPARE(readFile(dir + QStringLiteral("/control/tocc")), QByteArray());
        QVERIFY(!QFile::exists(dir + QStringLiteral("/control/noarchive")));
        QCOMPARE(readFile(dir + QStringLiteral("/text/listhelp")), QByteArray("help\n"));
        QVERIFY(QFile::exists(dir + QStringLiteral("/index")));
        for (const char *sub : {"subscribers.d", "digesters.d", "nomailsubs.d", "queue/discarded",
                                "archive", "moderation"})
            QVERIFY2(QFileInfo(dir + QLatin1Char('/') + QLatin1String(sub)).isDir(), sub);
        QVERIFY(nothingExecuted());
        // nothing staged left beside it
        QCOMPARE(QDir(m_paths.spool + QStringLiteral("/example.com"))
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("news")});

        r = run(MlmmjScripts::readControl(l));
        QCOMPARE(r.exit, 0);
        auto files = MlmmjScripts::parseControl(r.out);
        QVERIFY(files.ok());
        QCOMPARE(files->size(), 3);
        QCOMPARE(files->value(QStringLiteral("prefix")), nasty);
        QCOMPARE(files->value(QStringLiteral("tocc")), QByteArray());

        r = run(MlmmjScripts::create(l, control, QStringLiteral("t2")));
        QCOMPARE(r.exit, MlmmjScripts::ExitExists);
    }

    void runApplyControl() {
        const QString l = QStringLiteral("news@example.com");
        const QString c = m_paths.listDir(l) + QStringLiteral("/control/");
        auto files = MlmmjScripts::parseControl(run(MlmmjScripts::readControl(l)).out);
        QVERIFY(files.ok());
        const ControlFiles before = files.value();
        const ControlChanges changes{{QStringLiteral("prefix"), QByteArray("[new] $(touch pwned)")},
                                     {QStringLiteral("tocc"), std::nullopt},
                                     {QStringLiteral("footer_text"), QByteArray("bye\n")}};
        Run r = run(MlmmjScripts::applyControl(l, before, changes, QStringLiteral("a1")));
        QVERIFY2(r.exit == 0, r.err.constData());
        QCOMPARE(readFile(c + QStringLiteral("prefix")), QByteArray("[new] $(touch pwned)"));
        QCOMPARE(readFile(c + QStringLiteral("footer_text")), QByteArray("bye\n"));
        QVERIFY(!QFile::exists(c + QStringLiteral("tocc")));
        QVERIFY(nothingExecuted());

        // Stale `current`: exit 20, nothing changed, nothing staged.
        const ControlChanges again{{QStringLiteral("prefix"), QByteArray("[other]")}};
        r = run(MlmmjScripts::applyControl(l, before, again, QStringLiteral("a2")));
        QCOMPARE(r.exit, MlmmjScripts::ExitConflict);
        QCOMPARE(readFile(c + QStringLiteral("prefix")), QByteArray("[new] $(touch pwned)"));
        QVERIFY(!QFile::exists(m_paths.listDir(l) + QStringLiteral("/.maildeck-a2")));

        // The backup of a1 puts everything back.
        r = run(MlmmjScripts::restoreBackup(l, changes.keys(), QStringLiteral("a1")));
        QVERIFY2(r.exit == 0, r.err.constData());
        QCOMPARE(readFile(c + QStringLiteral("prefix")), before.value(QStringLiteral("prefix")));
        QCOMPARE(readFile(c + QStringLiteral("tocc")), QByteArray());
        QVERIFY(!QFile::exists(c + QStringLiteral("footer_text")));
        QVERIFY(!QFile::exists(m_paths.listDir(l) + QStringLiteral("/.maildeck-a1")));

        // Apply then commit: the backup goes.
        r = run(MlmmjScripts::applyControl(l, before, again, QStringLiteral("a3")));
        QVERIFY2(r.exit == 0, r.err.constData());
        QVERIFY(QFile::exists(m_paths.listDir(l) + QStringLiteral("/.maildeck-a3")));
        QCOMPARE(run(MlmmjScripts::commitBackup(l, QStringLiteral("a3"))).exit, 0);
        QVERIFY(!QFile::exists(m_paths.listDir(l) + QStringLiteral("/.maildeck-a3")));
        QCOMPARE(readFile(c + QStringLiteral("prefix")), QByteArray("[other]"));

        QCOMPARE(run(MlmmjScripts::applyControl(QStringLiteral("none@example.com"), before, again,
                                                QStringLiteral("a4")))
                     .exit,
                 MlmmjScripts::ExitNoList);
    }

    void runSubscribersWithStubs() {
        const QString l = QStringLiteral("news@example.com");
        const QString d = m_paths.listDir(l);
        QFile::remove(m_log);
        Run r = run(MlmmjScripts::subscribe(l, SubscriberKind::Digest, true, QStringLiteral("s1")),
                    "a@example.com\n\nb@example.com\n");
        QVERIFY2(r.exit == 0, r.err.constData());
        r = run(MlmmjScripts::unsubscribe(l, std::nullopt, QStringLiteral("s2")),
                "a@example.com\n");
        QVERIFY2(r.exit == 0, r.err.constData());
        r = run(MlmmjScripts::unsubscribe(l, SubscriberKind::Normal, QStringLiteral("s3")),
                "a@example.com\n");
        QVERIFY2(r.exit == 0, r.err.constData());
        r = run(MlmmjScripts::exportSubscribers(l, SubscriberKind::NoMail));
        QVERIFY2(r.exit == 0, r.err.constData());
        const QByteArray dd = d.toUtf8();
        QCOMPARE(readFile(m_log), "mlmmj-sub -L " + dd + " -a a@example.com -f -q -s -d -c\n" +
                                      "mlmmj-sub -L " + dd + " -a b@example.com -f -q -s -d -c\n" +
                                      "mlmmj-unsub -L " + dd + " -a a@example.com -q -s\n" +
                                      "mlmmj-unsub -L " + dd + " -a a@example.com -q -s -N\n" +
                                      "mlmmj-list -L " + dd + " -n\n");
        QVERIFY(!QFile::exists(d + QStringLiteral("/.maildeck-s1")));
        QCOMPARE(run(MlmmjScripts::subscribe(QStringLiteral("none@example.com"),
                                             SubscriberKind::Normal, false, QStringLiteral("s4")),
                     "a@example.com\n")
                     .exit,
                 MlmmjScripts::ExitNoList);
    }

    void runBulkAndCount() {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("no python3 for the lock helper");
        const QString l = QStringLiteral("news@example.com");
        const QString d = m_paths.listDir(l);
        writeFile(d + QStringLiteral("/digesters.d/c"), "c@example.com\n");
        Run r = run(MlmmjScripts::bulkAdd(l, SubscriberKind::Normal, QStringLiteral("b1")),
                    "a@example.com\nb@example.com\nc@example.com\naa@example.com\n");
        QVERIFY2(r.exit == 0, r.err.constData());
        auto counts = MlmmjScripts::parseCounts(r.out);
        QCOMPARE(counts.value(QStringLiteral("added")), 3);
        QCOMPARE(counts.value(QStringLiteral("elsewhere")), 1);
        QCOMPARE(readFile(d + QStringLiteral("/subscribers.d/a")),
                 QByteArray("a@example.com\naa@example.com\n"));

        r = run(MlmmjScripts::countSubscribers(QStringLiteral("example.com")));
        QCOMPARE(r.exit, 0);
        const auto sc = MlmmjScripts::parseSubscriberCounts(r.out, QStringLiteral("example.com"));
        QCOMPARE(sc.size(), 1);
        QCOMPARE(sc.value(l).normal, 3);
        QCOMPARE(sc.value(l).digest, 1);
        QCOMPARE(sc.value(l).nomail, 0);

        r = run(MlmmjScripts::bulkRemove(l, SubscriberKind::Normal, QStringLiteral("b2")),
                "aa@example.com\nzz@example.com\n");
        QVERIFY2(r.exit == 0, r.err.constData());
        QCOMPARE(MlmmjScripts::parseCounts(r.out).value(QStringLiteral("removed")), 1);
        QCOMPARE(readFile(d + QStringLiteral("/subscribers.d/a")), QByteArray("a@example.com\n"));
        QVERIFY(!QFile::exists(d + QStringLiteral("/.maildeck-b2")));

        r = run(MlmmjScripts::countSubscribers(QStringLiteral("nosuch.example")));
        QCOMPARE(r.exit, 0);
        QVERIFY(r.out.isEmpty());
    }

    void runInventoryAndRemoval() {
        const QString l = QStringLiteral("news@example.com");
        const QString d = m_paths.listDir(l);
        const QString del = m_paths.spool + QStringLiteral("/example.com/.maildeck-del-news-r1");
        Run r = run(MlmmjScripts::inventory(l));
        QVERIFY2(r.exit == 0, r.err.constData());
        const auto inv = MlmmjScripts::parseInventory(r.out);
        QVERIFY(inv.value(QStringLiteral("files")) > 3);
        QVERIFY(inv.contains(QStringLiteral("kbytes")));
        QCOMPARE(inv.value(QStringLiteral("archived")), 0);

        QCOMPARE(run(MlmmjScripts::detach(l, QStringLiteral("r1"))).exit, 0);
        QVERIFY(!QFile::exists(d));
        QVERIFY(QFileInfo(del + QStringLiteral("/control")).isDir());
        QCOMPARE(run(MlmmjScripts::detach(l, QStringLiteral("r1"))).exit, MlmmjScripts::ExitNoList);
        QCOMPARE(run(MlmmjScripts::inventory(l)).exit, MlmmjScripts::ExitNoList);
        QCOMPARE(run(MlmmjScripts::undoRemoval(l, QStringLiteral("r1"))).exit, 0);
        QVERIFY(QFileInfo(d + QStringLiteral("/control")).isDir());
        QVERIFY(!QFile::exists(del));
        QCOMPARE(run(MlmmjScripts::undoRemoval(l, QStringLiteral("r1"))).exit, 0); // nothing aside

        // Archive: <archive>/<domain>/<name>-<UTC stamp>, printed.
        QCOMPARE(run(MlmmjScripts::detach(l, QStringLiteral("r2"))).exit, 0);
        r = run(MlmmjScripts::finishRemoval(l, QStringLiteral("r2"), true));
        QVERIFY2(r.exit == 0, r.err.constData());
        const QString archived = QString::fromUtf8(r.out).trimmed();
        QVERIFY2(archived.startsWith(m_paths.archiveDir() + QStringLiteral("/example.com/news-")),
                 qPrintable(archived));
        QVERIFY(QFileInfo(archived + QStringLiteral("/control")).isDir());
        QVERIFY(!QFile::exists(d));
        QVERIFY(nothingExecuted());
    }

    void runDiscardAndDelete() {
        const QString l = QStringLiteral("gone@example.com");
        const QString d = m_paths.listDir(l);
        QCOMPARE(run(MlmmjScripts::create(l, {{QStringLiteral("owner"), QByteArray("x\n")}},
                                          QStringLiteral("c1")))
                     .exit,
                 0);
        QVERIFY(QFile::exists(d));
        QCOMPARE(run(MlmmjScripts::discard(l)).exit, 0);
        QVERIFY(!QFile::exists(d));
        QCOMPARE(run(MlmmjScripts::discard(l)).exit, MlmmjScripts::ExitNoList);

        QCOMPARE(run(MlmmjScripts::create(l, {}, QStringLiteral("c2"))).exit, 0);
        QCOMPARE(run(MlmmjScripts::detach(l, QStringLiteral("r3"))).exit, 0);
        QCOMPARE(run(MlmmjScripts::finishRemoval(l, QStringLiteral("r3"), false)).exit, 0);
        QVERIFY(!QFile::exists(d));
        QVERIFY(
            !QFile::exists(m_paths.spool + QStringLiteral("/example.com/.maildeck-del-gone-r3")));
        QVERIFY(nothingExecuted());
    }
};

QTEST_GUILESS_MAIN(TestMlmmjScripts)
#include "tst_mlmmjscripts.moc"
