// Connection benchmark (issue 3): connect time (TCP + key exchange + auth + tunnel + first query)
// and tunnel throughput (rows/s of a 100 000-row SELECT), MailDeck's ServerConnection/DbWorker
// against the stock `ssh -N -L` + `mysql` client doing the same steps, in the same run, on the
// lab (tests/lab). Prints medians, p90 and ratios; asserts nothing.
//
//   bench_connect [--runs N] [--rows N]

#include "bench/common/BenchLab.h"
#include "core/db/DbWorker.h"
#include "core/db/SqlSupport.h"
#include "core/session/MyCnf.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QMap>
#include <QMetaEnum>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace maildeck;

namespace {

struct Sample {
    double total = 0;
    QMap<QString, double> steps; // step name -> seconds since start when it was announced
};

// One MailDeck connect: from nothing to the first `SELECT 1` result. Nullopt on failure.
std::optional<Sample> mailDeckConnect(const ServerProfile &p, const SshConfig &c) {
    bench::RefusingPrompter prompter;
    Sample s;
    QElapsedTimer t;
    t.start();
    auto conn = std::make_unique<ServerConnection>(p, c, &prompter);
    const QMetaEnum steps = QMetaEnum::fromType<ServerConnection::Step>();
    QObject::connect(conn.get(), &ServerConnection::progress, conn.get(),
                     [&](ServerConnection::Step step, const QString &) {
                         const char *key = steps.valueToKey(int(step));
                         s.steps.insert(QString::fromLatin1(key ? key : "?"),
                                        double(t.nsecsElapsed()) / 1e9);
                     });
    auto st = bench::await(conn->connectToServer(), 60000);
    if (!st || !st->ok()) {
        std::fprintf(stderr, "MailDeck connect failed: %s\n",
                     st ? bench::why(*st).constData() : "timeout");
        return std::nullopt;
    }
    auto one = bench::await(conn->db()->run([](QSqlDatabase &db) -> Result<int> {
        auto q = db::Sql::exec(db, QStringLiteral("SELECT 1"), {}, QStringLiteral("select 1"));
        if (!q)
            return q.error();
        if (!q.value().next())
            return Error{QStringLiteral("bench"), QStringLiteral("no row"), {}};
        return q.value().value(0).toInt();
    }));
    s.total = double(t.nsecsElapsed()) / 1e9;
    if (!one || !one->ok() || one->value() != 1) {
        std::fprintf(stderr, "MailDeck SELECT 1 failed: %s\n",
                     one ? bench::why(*one).constData() : "timeout");
        return std::nullopt;
    }
    conn.reset(); // not timed
    return s;
}

QByteArray mysqlCommand(const QString &cnf, quint16 port, const QByteArray &sql) {
    // The lab's client file (host/port/user/password); host and port on the command line win.
    return "mysql --defaults-file=" + bench::shellQuote(cnf) + " -h127.0.0.1 -P" +
           QByteArray::number(port) + " -B -N -e " + bench::shellQuote(QString::fromUtf8(sql)) +
           ' ' + bench::shellQuote(bench::env("LAB_DB_NAME"));
}

// One baseline connect: `ssh -N -L` started, port polled until it accepts, `mysql -e 'SELECT 1'`.
std::optional<double> baselineConnect(const QString &cnf) {
    const quint16 port = bench::freePort();
    bench::SshForward fwd;
    QElapsedTimer t;
    t.start();
    if (!fwd.start(port, quint16(qEnvironmentVariableIntValue("LAB_DB_PORT"))) ||
        !fwd.waitReady()) {
        std::fprintf(stderr, "ssh -L did not come up\n");
        return std::nullopt;
    }
    const bench::PipeRun r = bench::runPipe(mysqlCommand(cnf, port, "SELECT 1") + " 2>&1");
    const double total = double(t.nsecsElapsed()) / 1e9;
    if (r.exitCode != 0 || r.head.trimmed() != "1") {
        std::fprintf(stderr, "mysql through ssh -L failed: %s\n", r.head.constData());
        return std::nullopt;
    }
    return total;
}

struct Throughput {
    double seconds = 0;
    qint64 rows = 0;
    qint64 chars = 0;
};

QString throughputSql(int rows) {
    return QStringLiteral("SELECT seq, CONCAT('user', seq, '@example.test'), REPEAT('x', 40), "
                          "seq * 3 FROM seq_1_to_%1")
        .arg(rows);
}

// Every row read into QStrings through the DbWorker (db::Sql::exec, as the repositories do).
std::optional<Throughput> mailDeckRows(DbWorker *db, int rows) {
    const QString sql = throughputSql(rows);
    QElapsedTimer t;
    t.start();
    auto r = bench::await(db->run([sql](QSqlDatabase &d) -> Result<Throughput> {
        auto q = db::Sql::exec(d, sql, {}, QStringLiteral("throughput"));
        if (!q)
            return q.error();
        Throughput out;
        QSqlQuery &query = q.value();
        while (query.next()) {
            for (int i = 0; i < 4; ++i)
                out.chars += query.value(i).toString().size();
            ++out.rows;
        }
        return out;
    }));
    if (!r || !r->ok()) {
        std::fprintf(stderr, "MailDeck SELECT failed: %s\n",
                     r ? bench::why(*r).constData() : "timeout");
        return std::nullopt;
    }
    Throughput out = r->value();
    out.seconds = double(t.nsecsElapsed()) / 1e9;
    return out;
}

void line(const char *name, const std::vector<double> &v, double ref) {
    const double med = bench::median(v), p90 = bench::percentile(v, 0.9);
    std::printf("  %-44s median %7.1f ms   p90 %7.1f ms   ratio %5.2fx\n", name, med * 1e3,
                p90 * 1e3, ref > 0 ? med / ref : 0.0);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        QStringLiteral("maildeck.*.info=false\nmaildeck.*.debug=false"));
    int runs = 10;
    int rows = 100000;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--rows") && i + 1 < argc)
            rows = std::max(1, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: %s [--runs N] [--rows N]\n", argv[0]);
            return 2;
        }
    }
    if (!bench::requireLab(MAILDECK_SOURCE_DIR))
        return 1;
    std::setvbuf(stdout, nullptr, _IOLBF, 0);

    QTemporaryDir tmp;
    const QString cnf = bench::env("LAB_DB_ADMIN_CNF");
    const ServerProfile profile =
        bench::labProfile(QStringLiteral("bench-connect"), bench::env("LAB_DB_NAME"),
                          bench::env("LAB_DB_ADMIN_USER"), cnf);
    const SshConfig ssh = bench::labSshConfig(profile, tmp.path() + QStringLiteral("/dotssh"));

    std::printf("MailDeck connection benchmark against the lab (sshd 127.0.0.1:%d, MariaDB "
                "127.0.0.1:%d on the server side)\n",
                profile.port, profile.dbPort);
    std::printf(
        "What each side does:\n"
        "  MailDeck: ServerConnection::connectToServer() (libssh: TCP, key exchange, host key\n"
        "    checked against known_hosts, public-key auth as root; reads the DB password from\n"
        "    %s on the server over an SSH exec; local forward to 127.0.0.1:%d; QMYSQL\n"
        "    handshake through it) + DbWorker::run(SELECT 1) until its result is back.\n"
        "  Baseline: `ssh -F /dev/null -i KEY -o BatchMode=yes -N -L P:127.0.0.1:%d root@lab`\n"
        "    started, P polled every 1 ms until it accepts, then `mysql --defaults-file=LOCAL\n"
        "    -h127.0.0.1 -P P -e 'SELECT 1'` (process start, handshake, query). The baseline\n"
        "    reads the password from a local file, MailDeck fetches it from the server (one\n"
        "    more SSH round trip); both pay a fresh process/connection each run.\n"
        "  Runs alternate MailDeck/baseline so both see the same machine load.\n\n",
        qPrintable(cnf), profile.dbPort, profile.dbPort);

    // ---- connect ----
    std::vector<double> md, base;
    QMap<QString, std::vector<double>> stepTimes;
    // one warm-up of each (page cache, sshd's first fork), not counted
    if (!mailDeckConnect(profile, ssh) || !baselineConnect(cnf))
        return 1;
    for (int i = 0; i < runs; ++i) {
        auto s = mailDeckConnect(profile, ssh);
        auto b = baselineConnect(cnf);
        if (!s || !b)
            return 1;
        md.push_back(s->total);
        base.push_back(*b);
        for (auto it = s->steps.cbegin(); it != s->steps.cend(); ++it)
            stepTimes[it.key()].push_back(it.value());
    }
    const double baseMed = bench::median(base);
    std::printf("Connect to first query, %d runs each (ratio = median / baseline median):\n", runs);
    line("ssh -N -L + mysql -e 'SELECT 1' (baseline)", base, baseMed);
    line("MailDeck ServerConnection + SELECT 1", md, baseMed);
    std::printf("  MailDeck steps (median time since start when each step began):");
    std::vector<std::pair<double, QString>> order;
    for (auto it = stepTimes.cbegin(); it != stepTimes.cend(); ++it)
        order.emplace_back(bench::median(it.value()), it.key());
    std::sort(order.begin(), order.end());
    for (const auto &[t, name] : order)
        std::printf(" %s %.1f ms;", qPrintable(name), t * 1e3);
    std::printf(" result %.1f ms\n\n", bench::median(md) * 1e3);

    // ---- throughput ----
    bench::RefusingPrompter prompter;
    ServerConnection conn(profile, ssh, &prompter);
    auto st = bench::await(conn.connectToServer(), 60000);
    if (!st || !st->ok()) {
        std::fprintf(stderr, "MailDeck connect failed: %s\n",
                     st ? bench::why(*st).constData() : "timeout");
        return 1;
    }
    bench::SshForward fwd;
    const quint16 port = bench::freePort();
    if (!fwd.start(port, profile.dbPort) || !fwd.waitReady()) {
        std::fprintf(stderr, "ssh -L did not come up\n");
        return 1;
    }
    // The same query without a tunnel, to separate the tunnel's cost from the client's.
    DbWorker direct;
    {
        QFile f(cnf);
        if (!f.open(QIODevice::ReadOnly))
            return 1;
        auto c = MyCnf::parse(f.readAll(), cnf);
        if (!c) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(cnf));
            return 1;
        }
        DbEndpoint e;
        e.host = QStringLiteral("127.0.0.1");
        e.port = profile.dbPort;
        e.user = c->user.isEmpty() ? profile.dbUser : c->user;
        e.password = c->password;
        e.database = profile.dbName;
        auto o = bench::await(direct.open(e));
        if (!o || !o->ok()) {
            std::fprintf(stderr, "direct DB open failed\n");
            return 1;
        }
    }

    // ---- one command over an open SSH connection (what the DB password step does) ----
    {
        bench::SshForward master;
        const QByteArray control = (tmp.path() + QStringLiteral("/cm.sock")).toLocal8Bit();
        if (!master.startMaster(control)) {
            std::fprintf(stderr, "ssh -M did not come up\n");
            return 1;
        }
        std::vector<double> mdExec, baseExec;
        const QString catCnf = QStringLiteral("cat -- '") + cnf + QLatin1Char('\'');
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            auto out = bench::await(conn.ssh()->runCommand(catCnf));
            mdExec.push_back(double(t.nsecsElapsed()) / 1e9);
            if (!out || !out->ok() || out->value().exitStatus != 0) {
                std::fprintf(stderr, "MailDeck exec failed\n");
                return 1;
            }
            const bench::PipeRun r = bench::runPipe(master.multiplexed(catCnf.toLocal8Bit()));
            if (r.exitCode != 0) {
                std::fprintf(stderr, "ssh -S exec failed\n");
                return 1;
            }
            baseExec.push_back(r.seconds);
        }
        master.stop();
        std::printf("One command on an open connection (`cat` of the DB client file), %d runs:\n",
                    runs);
        const double ref = bench::median(baseExec);
        line("ssh -S master root@lab cat (baseline)", baseExec, ref);
        line("MailDeck SshSession::runCommand", mdExec, ref);
        std::printf("\n");
    }

    const QByteArray sql = throughputSql(rows).toUtf8();
    const QByteArray viaTunnel = mysqlCommand(cnf, port, sql);
    const QByteArray directCmd = mysqlCommand(cnf, profile.dbPort, sql);
    const int tRuns = 3;
    std::vector<double> mdT, mdD, baseNull, basePipe, baseDirect;
    qint64 mdRows = 0, pipeLines = 0;
    for (int i = 0; i < tRuns; ++i) {
        auto a = mailDeckRows(conn.db(), rows);
        auto d = mailDeckRows(&direct, rows);
        if (!a || !d)
            return 1;
        mdT.push_back(a->seconds);
        mdD.push_back(d->seconds);
        mdRows = a->rows;
        const bench::PipeRun n = bench::runPipe(
            "sh -c " + bench::shellQuote(QString::fromUtf8(viaTunnel + " > /dev/null")));
        const bench::PipeRun p = bench::runPipe(viaTunnel);
        const bench::PipeRun pd = bench::runPipe(directCmd);
        if (n.exitCode != 0 || p.exitCode != 0 || pd.exitCode != 0) {
            std::fprintf(stderr, "mysql %s failed\n", sql.constData());
            return 1;
        }
        baseNull.push_back(n.seconds);
        basePipe.push_back(p.seconds);
        baseDirect.push_back(pd.seconds);
        pipeLines = p.lines;
    }
    std::printf("Throughput: %s\n  (%lld rows MailDeck, %lld lines mysql; median of %d; ratio = "
                "MailDeck rows/s / baseline rows/s)\n",
                sql.constData(), static_cast<long long>(mdRows), static_cast<long long>(pipeLines),
                tRuns);
    auto tp = [&](const char *name, const std::vector<double> &v, double refRate) {
        const double rate = double(rows) / bench::median(v);
        std::printf("  %-52s %8.1f ms  %10.0f rows/s", name, bench::median(v) * 1e3, rate);
        if (refRate > 0)
            std::printf("   ratio %5.2fx", rate / refRate);
        std::printf("\n");
        return rate;
    };
    const double rNull = tp("baseline: mysql -B -N via ssh -L > /dev/null", baseNull, 0);
    const double rPipe = tp("baseline: mysql -B -N via ssh -L, pipe read fully", basePipe, 0);
    tp("MailDeck: DbWorker via libssh tunnel, rows -> QString", mdT, rPipe);
    std::printf("  (vs the /dev/null baseline: %.2fx)\n",
                double(rows) / bench::median(mdT) / rNull);
    std::printf("Without a tunnel (reference: the client alone):\n");
    const double rDirect = tp("baseline: mysql -B -N direct, pipe read fully", baseDirect, 0);
    tp("MailDeck: DbWorker direct, rows -> QString", mdD, rDirect);
    std::printf("\nNotes: mysql includes its process start and login in every run (a few ms);\n"
                "MailDeck's figure is the query on an open connection (the usual case in the "
                "app).\n");
    fwd.stop();
    return 0;
}
