// Mail-log benchmark: generate a deterministic, realistic Postfix/Dovecot/iRedAPD-style log, then
// time MailDeck's classification — `maildeck-cli rejects --json` (counts per class and top
// talkers, what cron and the baselines' users run) and the reject-log view's load (parse + store
// + group-bys + pattern detection + filters) — against `grep -c` (the floor), pflogsumm and lnav
// on the same file, in the same run, and check that the counts agree. Baseline commands are the
// ones in shared/facts/logs.md §4.6 / §6.
//
//   bench_logs [--lines N] [--keep] [--dir DIR] [--reuse] [--no-baselines] [--cli PATH]

#include "core/logs/EventStore.h"
#include "core/logs/LogIngest.h"
#include "core/logs/PatternDetector.h"
#include "core/logs/RejectSummary.h"

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace maildeck::logs;

namespace {

// ---------------------------------------------------------------------------------------------
// Generator

struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    unsigned below(unsigned n) { return static_cast<unsigned>(next() % n); }
    bool chance(unsigned percent) { return below(100) < percent; }
};

const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char *const kWords[] = {
    "sakura",    "example", "mail",   "tokyo", "osaka",  "shop",   "news", "cloud",  "office",
    "kobayashi", "tanaka",  "green",  "blue",  "market", "travel", "bank", "school", "design",
    "music",     "print",   "health", "food",  "auto",   "home",   "tech"};
const char *const kTlds[] = {"jp",    "co.jp", "com", "net", "org", "ne.jp",
                             "or.jp", "info",  "biz", "cn",  "ru"};
const char *const kLocal[] = {"info",    "sales",  "taro",   "hanako", "admin",
                              "support", "yamada", "suzuki", "news",   "bob"};

struct Gen {
    Rng rng{42};
    std::string line;
    std::int64_t t = 0; // seconds since epoch (local server time, no TZ)

    void word(std::string &s) { s += kWords[rng.below(sizeof kWords / sizeof *kWords)]; }
    std::string domain() {
        std::string d;
        word(d);
        if (rng.chance(40)) {
            d += '-';
            word(d);
        }
        d += '.';
        d += kTlds[rng.below(sizeof kTlds / sizeof *kTlds)];
        return d;
    }
    std::string randomDomain() {
        static const char consonants[] = "bcdfghjklmnpqrstvwxz";
        static const char vowels[] = "aeiouy";
        std::string d;
        const unsigned n = 9 + rng.below(8);
        for (unsigned i = 0; i < n; ++i)
            d += rng.chance(22) ? vowels[rng.below(6)] : consonants[rng.below(20)];
        d += rng.chance(70) ? ".jp" : ".com";
        return d;
    }
    std::string local() { return kLocal[rng.below(sizeof kLocal / sizeof *kLocal)]; }
    std::string localRcpt() { return "user" + std::to_string(rng.below(400)) + "@example.jp"; }
    std::string ip() {
        return std::to_string(1 + rng.below(222)) + '.' + std::to_string(rng.below(256)) + '.' +
               std::to_string(rng.below(256)) + '.' + std::to_string(1 + rng.below(254));
    }
    std::string host() {
        switch (rng.below(6)) {
        case 0:
            return "unknown";
        case 1:
            return "mail-" + std::string(rng.chance(50) ? "oi1" : "yw1") + "-f" +
                   std::to_string(rng.below(250)) + ".google.com";
        default:
            return (rng.chance(50) ? "mx" : "smtp") + std::to_string(rng.below(20)) + '.' +
                   domain();
        }
    }
    void stamp() {
        t += rng.below(3); // ~1 line per second on average
        const std::int64_t days = t / 86400;
        const int secs = static_cast<int>(t % 86400);
        // days from 2026-08-01 (a fixed month keeps the generator simple: ~17 days at 1.5 M lines)
        const int day = 1 + static_cast<int>(days % 28);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s %2d %02d:%02d:%02d mx1 ", kMonths[7], day, secs / 3600,
                      (secs / 60) % 60, secs % 60);
        line = buf;
    }
    void pid(const char *prog) {
        line += prog;
        line += '[';
        line += std::to_string(1000 + rng.below(30000));
        line += "]: ";
    }
    static std::string qid(Rng &r) {
        static const char hex[] = "0123456789ABCDEF";
        std::string q;
        for (int i = 0; i < 10; ++i)
            q += hex[r.below(16)];
        return q;
    }
    void smtpdReject(const std::string &h, const std::string &addr, const char *codes,
                     const std::string &object, const char *text, const std::string &from,
                     const std::string &to, const std::string &helo, bool withObject = true) {
        pid("postfix/smtpd");
        line += "NOQUEUE: reject: RCPT from " + h + '[' + addr + "]: " + codes + ' ';
        if (withObject)
            line += '<' + object + ">: ";
        line += text;
        line += "; from=<" + from + "> to=<" + to + "> proto=ESMTP helo=<" + helo + '>';
    }

    // One line; returns it (without '\n').
    const std::string &next() {
        stamp();
        const unsigned r = rng.below(1000);
        if (r < 500) {
            noise();
        } else if (r < 800) {
            reject(r - 500);
        } else if (r < 870) {
            postscreen();
        } else if (r < 940) {
            sasl();
        } else {
            dovecot();
        }
        return line;
    }

    void noise() {
        const std::string h = host(), a = ip();
        switch (rng.below(8)) {
        case 0:
            pid("postfix/smtpd");
            line += "connect from " + h + '[' + a + ']';
            break;
        case 1:
            pid("postfix/smtpd");
            line += "disconnect from " + h + '[' + a +
                    "] ehlo=1 mail=1 rcpt=0/1 data=0/1 quit=1 commands=3/5";
            break;
        case 2:
            pid("postfix/qmgr");
            line += qid(rng) + ": from=<" + local() + '@' + domain() +
                    ">, size=" + std::to_string(1000 + rng.below(90000)) +
                    ", nrcpt=1 (queue active)";
            break;
        case 3:
            pid("postfix/smtp");
            line += qid(rng) + ": to=<" + local() + '@' + domain() + ">, relay=" + h + '[' + a +
                    "]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 OK "
                    "queued as " +
                    qid(rng) + ')';
            break;
        case 4:
            pid("postfix/cleanup");
            line += qid(rng) + ": message-id=<" + std::to_string(rng.next() % 100000000) + '@' +
                    domain() + '>';
            break;
        case 5:
            pid("postfix/postscreen");
            line += "CONNECT from [" + a + "]:" + std::to_string(1024 + rng.below(60000)) +
                    " to [192.0.2.1]:25";
            break;
        case 6:
            line += "dovecot: imap-login: Login: user=<" + localRcpt() +
                    ">, method=PLAIN, rip=" + a +
                    ", lip=192.0.2.1, mpid=" + std::to_string(rng.below(60000)) +
                    ", TLS, session=<AbCdEf" + std::to_string(rng.below(1000)) + '>';
            break;
        default:
            pid("postfix/smtpd");
            line += qid(rng) + ": client=" + h + '[' + a + ']';
            break;
        }
    }

    void reject(unsigned r) {
        const std::string a = ip();
        if (r < 70) {
            // the story: yahoo relays delivering for random, non-existent sender domains
            const std::string h =
                "mta" + std::to_string(100 + rng.below(300)) + ".mail.bbt.yahoo.co.jp";
            const std::string s = local() + '@' + randomDomain();
            smtpdReject(
                h, "182.22." + std::to_string(rng.below(64)) + '.' + std::to_string(rng.below(256)),
                "450 4.1.8", s, "Sender address rejected: Domain not found", s, localRcpt(), h);
        } else if (r < 100) {
            const std::string h = host(), s = local() + '@' + domain();
            smtpdReject(h, a, "450 4.1.8", s, "Sender address rejected: Domain not found", s,
                        localRcpt(), h);
        } else if (r < 160) {
            const std::string h = host(),
                              rc = "nobody" + std::to_string(rng.below(5000)) + "@example.jp";
            smtpdReject(h, a, "550 5.1.1", rc,
                        "Recipient address rejected: User unknown in virtual mailbox table",
                        local() + '@' + domain(), rc, h);
        } else if (r < 200) {
            const std::string t =
                "Service unavailable; Client host [" + a +
                "] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/" + a;
            smtpdReject("unknown", a, "554 5.7.1", "", t.c_str(), local() + '@' + domain(),
                        localRcpt(), "x" + domain(), false);
        } else if (r < 220) {
            const std::string helo = "WIN-" + std::to_string(rng.below(100000));
            smtpdReject("pc" + std::to_string(rng.below(50)) + ".example.jp", a, "504 5.5.2", helo,
                        "Helo command rejected: need fully-qualified hostname",
                        local() + "@example.jp", local() + '@' + domain(), helo);
        } else if (r < 235) {
            const std::string helo = "pc" + std::to_string(rng.below(50)) + ".office.local";
            smtpdReject("unknown", a, "450 4.7.1", helo, "Helo command rejected: Host not found",
                        local() + "@example.jp", local() + '@' + domain(), helo);
        } else if (r < 255) {
            const std::string rc = local() + '@' + domain();
            smtpdReject(host(), a, "454 4.7.1", rc, "Relay access denied", local() + '@' + domain(),
                        rc, "h." + domain());
        } else if (r < 265) {
            const std::string rc = localRcpt();
            smtpdReject("web01.example.org", "198.51.100.20", "554 5.7.1", rc,
                        "Recipient address rejected: SMTP AUTH is required for users under this "
                        "sender domain",
                        "www@example.jp", rc, "web01.example.org");
        } else if (r < 280) {
            const std::string h = host(), rc = localRcpt();
            smtpdReject(
                h, a, "451 4.7.1", rc,
                "Recipient address rejected: Intentional policy rejection, please try again later",
                local() + '@' + domain(), rc, h);
        } else if (r < 292) {
            pid("postfix/smtpd");
            line += "NOQUEUE: reject: RCPT from unknown[" + a +
                    "]: 450 4.7.25 Client host rejected: cannot find your hostname, [" + a +
                    "]; from=<" + local() + '@' + domain() + "> to=<" + localRcpt() +
                    "> proto=ESMTP helo=<x." + domain() + '>';
        } else if (r < 296) {
            pid("postfix/cleanup");
            const std::string h = host();
            line += qid(rng) + ": reject: header Subject: You have won a prize from " + h + '[' +
                    a + "]; from=<" + local() + '@' + domain() + "> to=<" + localRcpt() +
                    "> proto=ESMTP helo=<" + h + ">: 5.7.1 Spam subject";
        } else {
            pid("postfix/smtpd");
            const std::string h = host();
            line += "NOQUEUE: milter-reject: RCPT from " + h + '[' + a +
                    "]: 550 5.7.1 Command rejected; from=<" + local() + '@' + domain() + "> to=<" +
                    localRcpt() + "> proto=ESMTP helo=<" + h + '>';
        }
    }

    void postscreen() {
        const std::string a = ip();
        const std::string port = std::to_string(1024 + rng.below(60000));
        pid("postfix/postscreen");
        switch (rng.below(5)) {
        case 0:
            line += "NOQUEUE: reject: RCPT from [" + a + "]:" + port +
                    ": 550 5.7.1 Service unavailable; client [" + a +
                    "] blocked using zen.spamhaus.org; from=<" + local() + '@' + domain() +
                    ">, to=<" + localRcpt() + ">, proto=ESMTP, helo=<" + domain() + '>';
            break;
        case 1:
            line += "PREGREET 11 after 0.0" + std::to_string(1 + rng.below(9)) + " from [" + a +
                    "]:" + port + ": EHLO " + domain() + "\\r\\n";
            break;
        case 2:
            line += "DNSBL rank " + std::to_string(1 + rng.below(5)) + " for [" + a + "]:" + port;
            break;
        case 3:
            line += "HANGUP after 0." + std::to_string(rng.below(10)) + " from [" + a +
                    "]:" + port + " in tests after SMTP handshake";
            break;
        default:
            line += "PASS OLD [" + a + "]:" + port;
            break;
        }
    }

    void sasl() {
        const std::string a = "203.0.113." + std::to_string(rng.below(40));
        pid(rng.chance(50) ? "postfix/submission/smtpd" : "postfix/smtpd");
        switch (rng.below(3)) {
        case 0:
            line += "warning: unknown[" + a + "]: SASL LOGIN authentication failed: UGFzc3dvcmQ6";
            break;
        case 1:
            line += "warning: unknown[" + a +
                    "]: SASL LOGIN authentication failed: (reason unavailable), sasl_username=" +
                    localRcpt();
            break;
        default:
            line += "lost connection after AUTH from unknown[" + a + ']';
            break;
        }
    }

    void dovecot() {
        const std::string a = ip();
        switch (rng.below(4)) {
        case 0:
            line +=
                "dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<" +
                localRcpt() + ">, method=PLAIN, rip=" + a +
                ", lip=192.0.2.1, TLS, session=<AbCdEf12>";
            break;
        case 1:
            line += "dovecot: imap-login: Login aborted: Connection closed (auth failed, 1 "
                    "attempts in 2 secs) (auth_failed): user=<" +
                    localRcpt() + ">, method=PLAIN, rip=" + a +
                    ", lip=192.0.2.1, TLS, session=<AbCdEf12>";
            break;
        case 2:
            line += "dovecot: pop3-login: Disconnected (tried to use disallowed plaintext auth): "
                    "user=<>, rip=" +
                    a + ", lip=192.0.2.1, session=<AbCdEf12>";
            break;
        default:
            line +=
                "dovecot: imap-login: Disconnected (no auth attempts in 0 secs): user=<>, rip=" +
                a + ", lip=192.0.2.1, session=<AbCdEf12>";
            break;
        }
    }
};

bool generate(const QString &path, std::uint64_t lines) {
    std::FILE *f = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!f)
        return false;
    std::vector<char> buf(1 << 20);
    std::setvbuf(f, buf.data(), _IOFBF, buf.size());
    Gen g;
    for (std::uint64_t i = 0; i < lines; ++i) {
        const std::string &l = g.next();
        std::fwrite(l.data(), 1, l.size(), f);
        std::fputc('\n', f);
    }
    return std::fclose(f) == 0;
}

// ---------------------------------------------------------------------------------------------
// Running the baselines

struct Run {
    double seconds = 0;
    double cpuSeconds = 0; // user + system of the command and its children
    long maxRssKb = 0;
    int exitCode = -1;
    QByteArray out;
};

// Runs the command through a script under /usr/bin/time: a fork of this (large) process would
// report the parent's pages as the child's max RSS, time's own fresh child does not.
Run runShell(const QString &command, const QString &outFile) {
    Run run;
    const QString script = outFile + QStringLiteral(".sh");
    const QString rssFile = outFile + QStringLiteral(".rss");
    {
        QFile f(script);
        if (!f.open(QIODevice::WriteOnly))
            return run;
        f.write((command + QStringLiteral(" > '") + outFile + QStringLiteral("' 2>/dev/null\n"))
                    .toLocal8Bit());
    }
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = fork();
    if (pid == 0) {
        const QByteArray s = QFile::encodeName(script);
        const QByteArray r = QFile::encodeName(rssFile);
        execl("/usr/bin/time", "time", "-f", "%M", "-o", r.constData(), "/bin/sh", s.constData(),
              static_cast<char *>(nullptr));
        _exit(127);
    }
    int status = 0;
    struct rusage ru {};
    wait4(pid, &status, 0, &ru);
    run.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    run.cpuSeconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                     static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    QFile rss(rssFile);
    if (rss.open(QIODevice::ReadOnly))
        run.maxRssKb = rss.readAll().trimmed().split('\n').last().toLong();
    QFile f(outFile);
    if (f.open(QIODevice::ReadOnly))
        run.out = f.readAll();
    return run;
}

bool haveTool(const char *name) {
    const QByteArray cmd = QByteArray("command -v ") + name + " >/dev/null 2>&1";
    return std::system(cmd.constData()) == 0;
}

long long firstNumber(const QByteArray &text) {
    const QByteArray t = text.trimmed();
    qsizetype i = 0;
    while (i < t.size() && !(t[i] >= '0' && t[i] <= '9'))
        ++i;
    qsizetype j = i;
    while (j < t.size() && t[j] >= '0' && t[j] <= '9')
        ++j;
    return i < j ? t.mid(i, j - i).toLongLong() : -1;
}

double selfCpuSeconds() {
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

long selfMaxRssKb() {
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

// MailDeck's wall and CPU time, for the ratios: wall time is what the goals name (MailDeck
// uses every core, the baselines one); CPU time (user + system) is the figure that holds when
// the box is shared with other work. g_md*: maildeck-cli rejects; g_viewWall: the view's load.
double g_mdWall = 0, g_mdCpu = 0, g_viewWall = 0;

// The quick commands (maildeck-cli, grep) run this often and their fastest run counts; the
// baselines that take minutes run once (their noise is small against their time).
constexpr int kQuickRuns = 3;

void row(const char *name, double seconds, double cpu, long rssKb, std::uint64_t lines,
         const QByteArray &result) {
    std::printf("  %-36s %7.3f s %7.3f s %8.1f MB %9.0f %7.1fx %7.1fx %7.1fx   %s\n", name, seconds,
                cpu, rssKb / 1024.0, cpu > 0 ? static_cast<double>(lines) / cpu : 0.0,
                g_mdWall > 0 ? seconds / g_mdWall : 0.0, g_mdCpu > 0 ? cpu / g_mdCpu : 0.0,
                g_viewWall > 0 ? seconds / g_viewWall : 0.0, result.constData());
}

// `maildeck-cli rejects --json`'s report.
struct CliReport {
    Run run;
    long long lines = -1, rejects = -1;
    QJsonObject classes, top;
};

CliReport runCli(const QString &cli, const QString &log, const QString &outFile) {
    CliReport r;
    r.run = runShell(QStringLiteral("'%1' rejects --json --top 10 '%2'").arg(cli, log), outFile);
    const QJsonObject o = QJsonDocument::fromJson(r.run.out).object();
    r.lines = o.value(QStringLiteral("lines")).toInteger(-1);
    r.rejects = o.value(QStringLiteral("rejects")).toInteger(-1);
    r.classes = o.value(QStringLiteral("classes")).toObject();
    r.top = o.value(QStringLiteral("top")).toObject();
    return r;
}

// The CLI's classes and top lists equal the store's over the same file (RejectTally's promise,
// checked at scale): prints the differences, returns how many there were.
int compareWithStore(const CliReport &cli, const EventStore &store) {
    int differences = 0;
    QJsonObject classes;
    for (const GroupCount &g : store.groupBy(Dimension::Reason, nullptr, 0))
        classes.insert(g.key, qint64(g.count));
    if (classes != cli.classes) {
        ++differences;
        std::printf("  classes DIFFER\n");
    }
    const std::pair<const char *, Dimension> dims[] = {{"client_ip", Dimension::ClientIp},
                                                       {"relay_group", Dimension::RelayGroup},
                                                       {"sender_domain", Dimension::SenderDomain},
                                                       {"recipient", Dimension::Recipient},
                                                       {"helo", Dimension::Helo},
                                                       {"user", Dimension::User}};
    for (const auto &[key, dim] : dims) {
        QJsonArray expected;
        for (const GroupCount &g : store.groupBy(dim, nullptr, 10))
            expected.append(QJsonObject{{QStringLiteral("key"), g.key},
                                        {QStringLiteral("count"), qint64(g.count)}});
        if (expected != cli.top.value(QLatin1String(key)).toArray()) {
            ++differences;
            std::printf("  top %s DIFFERS\n", key);
        }
    }
    return differences;
}

} // namespace

int main(int argc, char **argv) {
    std::uint64_t lines = 1500000;
    bool keep = false;
    bool baselines = true;
    bool reuse = false; // keep an existing generated file (same --dir, same --lines)
    QString dirArg;
    QString cli = QStringLiteral(MAILDECK_CLI_PATH);
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--lines") && i + 1 < argc)
            lines = std::strtoull(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--keep"))
            keep = true;
        else if (!std::strcmp(argv[i], "--reuse"))
            reuse = true;
        else if (!std::strcmp(argv[i], "--no-baselines"))
            baselines = false;
        else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc)
            dirArg = QString::fromLocal8Bit(argv[++i]);
        else if (!std::strcmp(argv[i], "--cli") && i + 1 < argc)
            cli = QString::fromLocal8Bit(argv[++i]);
        else {
            std::fprintf(stderr,
                         "usage: %s [--lines N] [--keep] [--dir DIR] [--reuse] [--no-baselines] "
                         "[--cli PATH]\n",
                         argv[0]);
            return 2;
        }
    }

    QTemporaryDir tmp;
    tmp.setAutoRemove(!keep);
    const QString dir = dirArg.isEmpty() ? tmp.path() : dirArg;
    QDir().mkpath(dir);
    const QString log = dir + QStringLiteral("/mail.log");

    std::printf("MailDeck mail-log benchmark\n");
    QElapsedTimer timer;
    timer.start();
    if (!(reuse && QFileInfo::exists(log)) && !generate(log, lines)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(log));
        return 1;
    }
    const qint64 size = QFileInfo(log).size();
    std::printf("generated %" PRIu64 " lines, %.1f MB in %.2f s: %s%s\n", lines, size / 1048576.0,
                timer.nsecsElapsed() / 1e9, qPrintable(log), keep ? " (kept)" : "");
    // warm the page cache for everybody
    runShell(QStringLiteral("wc -l '%1'").arg(log), dir + QStringLiteral("/warm.txt"));

    // ---- MailDeck ----
    // The classification users run: a process of its own, timed like the baselines.
    // Best of three: it takes a few seconds at most, less than this VM's noise.
    CliReport cliReport = runCli(cli, log, dir + QStringLiteral("/cli.json"));
    for (int i = 1; i < kQuickRuns; ++i) {
        CliReport again = runCli(cli, log, dir + QStringLiteral("/cli.json"));
        if (again.run.seconds < cliReport.run.seconds)
            cliReport = std::move(again);
    }
    if (cliReport.run.exitCode != 0 || cliReport.rejects < 0) {
        std::fprintf(stderr, "%s rejects failed (exit %d)\n", qPrintable(cli),
                     cliReport.run.exitCode);
        return 1;
    }
    std::printf("\nmaildeck-cli rejects --json: %.3f s wall, %.3f s CPU, max RSS %.1f MB; %lld "
                "lines, %lld 'reject:' lines\n",
                cliReport.run.seconds, cliReport.run.cpuSeconds, cliReport.run.maxRssKb / 1024.0,
                cliReport.lines, cliReport.rejects);

    if (std::getenv("MAILDECK_BENCH_BREAKDOWN")) {
        // Where the CPU goes: splitting and parsing alone, without the store.
        QFile f(log);
        if (f.open(QIODevice::ReadOnly)) {
            LineSplitter splitter;
            LineParser parser;
            parser.time().setReference(
                QDateTime(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(), 0);
            std::uint64_t events = 0;
            const double c0 = selfCpuSeconds();
            QByteArray chunk;
            while (!(chunk = f.read(1 << 20)).isEmpty())
                splitter.feed(chunk.constData(), std::size_t(chunk.size()),
                              [&](std::string_view line, std::uint64_t) {
                                  events += parser.parse(line).status == ParseStatus::Event;
                              });
            std::printf("  breakdown: split+parse only %.3f s CPU (%" PRIu64 " events)\n",
                        selfCpuSeconds() - c0, events);
        }
    }
    const long rssBefore = selfMaxRssKb();
    EventStore store;
    HistoryOptions opt;
    opt.referenceUtcMs = QDateTime(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    timer.restart();
    const double cpu0 = selfCpuSeconds();
    const auto loaded = loadHistory({log}, store, opt);
    const double tParse = timer.nsecsElapsed() / 1e9;
    const double cpuParse = selfCpuSeconds() - cpu0;
    const long rssLoaded = selfMaxRssKb();
    const double cpuG0 = selfCpuSeconds();
    if (!loaded.ok()) {
        std::fprintf(stderr, "load failed: %s\n", qPrintable(loaded.error().detail));
        return 1;
    }
    // What `maildeck-cli rejects` and the view's panels compute (RejectSummary: two threads).
    timer.restart();
    SummaryRequest request;
    request.tops = {{Dimension::RelayGroup, 10},
                    {Dimension::SenderDomain, 10},
                    {Dimension::Recipient, 10},
                    {Dimension::ClientIp, 10}};
    request.relaysPerReason = 5;
    request.patterns = true;
    const RejectSummary summary = RejectSummary::compute(store, nullptr, request);
    const double tSummary = timer.nsecsElapsed() / 1e9;
    const double cpuSummary = selfCpuSeconds() - cpuG0;
    const long rssSummary = selfMaxRssKb();
    const auto &byReason = summary.classes;
    const auto &byRelay = summary.tops[0];
    const auto &bySender = summary.tops[1];
    const auto &byRcpt = summary.tops[2];
    const auto &byIp = summary.tops[3];
    const auto &relaysPerReason = summary.relaysPerReason;
    const auto &findings = summary.findings;
    const double mdCpu = selfCpuSeconds() - cpu0;

    EventFilter fr;
    fr.reasons = {ReasonClass::SenderUnknownDomain};
    timer.restart();
    const auto rowsReason = store.select(fr);
    const double tFilterReason = timer.nsecsElapsed() / 1e9;
    EventFilter ft;
    ft.text = QStringLiteral("yahoo");
    timer.restart();
    const auto rowsText = store.select(ft);
    const double tFilterText = timer.nsecsElapsed() / 1e9;
    EventFilter fd;
    fd.senderDomain = QStringLiteral("jp");
    fd.client = QStringLiteral("182.22.0.0/16");
    timer.restart();
    const auto rowsDomain = store.select(fd);
    const double tFilterDomain = timer.nsecsElapsed() / 1e9;
    const long rssAfter = selfMaxRssKb();
    if (std::getenv("MAILDECK_BENCH_BREAKDOWN")) {
        // Where the memory goes: distinct string ids per column and the pool's size.
        const auto distinct = [&](auto get) {
            std::vector<std::uint8_t> seen(store.strings().size(), 0);
            std::size_t n = 0, bytes = 0;
            for (std::uint32_t r = 0; r < store.size(); ++r) {
                const std::uint32_t id = get(r);
                if (id < seen.size() && !seen[id]) {
                    seen[id] = 1;
                    ++n;
                    bytes += store.str(id).size();
                }
            }
            std::printf("    %zu distinct, %.1f MB of text\n", n, bytes / 1048576.0);
        };
        std::printf("  breakdown: %u rows, %u strings, pool %.1f MB, VmRSS now: ", store.size(),
                    store.strings().size(), store.strings().bytesUsed() / 1048576.0);
        std::fflush(stdout);
        std::system(qPrintable(QStringLiteral("grep VmRSS /proc/%1/status").arg(getpid())));
        std::printf("   sender:");
        distinct([&](std::uint32_t r) { return store.strings().find(store.sender(r)); });
        std::printf("   recipient:");
        distinct([&](std::uint32_t r) { return store.strings().find(store.recipient(r)); });
        std::printf("   text:");
        distinct([&](std::uint32_t r) { return store.strings().find(store.text(r)); });
        std::printf("   object:");
        distinct([&](std::uint32_t r) { return store.strings().find(store.object(r)); });
        std::printf("   helo:");
        distinct([&](std::uint32_t r) { return store.strings().find(store.helo(r)); });
        std::printf("   host:");
        distinct([&](std::uint32_t r) { return store.clientHostId(r); });
        std::printf("   user:");
        distinct([&](std::uint32_t r) { return store.strings().find(store.user(r)); });
        std::size_t ownObject = 0, withUser = 0;
        for (std::uint32_t r = 0; r < store.size(); ++r) {
            const std::string_view o = store.object(r);
            ownObject +=
                !o.empty() && o != store.sender(r) && o != store.recipient(r) && o != store.helo(r);
            withUser += !store.user(r).empty();
        }
        std::printf("   rows whose object is not the sender, recipient or HELO: %zu; with a user: "
                    "%zu\n",
                    ownObject, withUser);
    }
    const double mdTotal = tParse + tSummary;

    std::uint64_t milter = 0;
    for (std::uint32_t r = 0; r < store.size(); ++r)
        milter += (store.kinds(r) & EventKind::MilterReject) ? 1 : 0;

    const int cliDifferences = compareWithStore(cliReport, store);
    std::printf("  maildeck-cli's classes and top lists vs the store's: %s\n",
                cliDifferences ? "DIFFER" : "equal");

    std::printf(
        "\nMailDeck view: %" PRIu64 " lines, %" PRIu64 " events, %" PRIu64
        " 'reject:' lines, %" PRIu64 " milter-reject, %" PRIu64 " ignored, %" PRIu64 " unparsed\n",
        loaded->lines, loaded->events, loaded->rejects, milter, loaded->ignored, loaded->unparsed);
    std::printf(
        "  parse+store          %7.3f s wall, %.3f s CPU  (%.0f lines/s, %.0f MB/s of CPU time)\n",
        tParse, cpuParse, loaded->lines / cpuParse, size / 1048576.0 / cpuParse);
    std::printf("  summary: 5 group-bys, relays per reason, patterns (%zu findings) %7.3f s wall, "
                "%.3f s CPU (max RSS %.1f MB)\n",
                findings.size(), tSummary, cpuSummary, rssSummary / 1024.0);
    std::printf("  filter reason        %7.1f ms -> %zu rows of %u events\n", tFilterReason * 1e3,
                rowsReason.size(), store.size());
    std::printf("  filter free text     %7.1f ms -> %zu rows\n", tFilterText * 1e3,
                rowsText.size());
    std::printf("  filter domain+CIDR   %7.1f ms -> %zu rows\n", tFilterDomain * 1e3,
                rowsDomain.size());
    std::printf("  store memory (est.)  %7.1f MB; process max RSS %.1f MB (before load %.1f MB, "
                "after load %.1f MB); log %.1f MB\n",
                store.memoryBytes() / 1048576.0, rssAfter / 1024.0, rssBefore / 1024.0,
                rssLoaded / 1024.0, size / 1048576.0);
    std::printf("  top reasons:");
    for (std::size_t i = 0; i < byReason.size() && i < 6; ++i)
        std::printf(" %s=%llu", qPrintable(byReason[i].key),
                    static_cast<unsigned long long>(byReason[i].count));
    std::printf("\n  top relay groups:");
    for (std::size_t i = 0; i < byRelay.size() && i < 3; ++i)
        std::printf(" %s=%llu", qPrintable(byRelay[i].key),
                    static_cast<unsigned long long>(byRelay[i].count));
    std::printf(
        "\n  top sender domain: %s; top recipient: %s; top client: %s; reasons with relays: %zu\n",
        bySender.empty() ? "-" : qPrintable(bySender[0].key),
        byRcpt.empty() ? "-" : qPrintable(byRcpt[0].key),
        byIp.empty() ? "-" : qPrintable(byIp[0].key), relaysPerReason.size());
    for (const PatternFinding &f : findings) {
        if (f.kind == QLatin1String("relay.random_sender_domains")) {
            std::printf("  finding: %s %s: %llu events, %u distinct sender domains, %u "
                        "random-looking (e.g. %s)\n",
                        qPrintable(f.kind), qPrintable(f.subject),
                        static_cast<unsigned long long>(f.events), f.distinct, f.randomLooking,
                        qPrintable(f.examples.value(0)));
            break;
        }
    }

    if (!baselines)
        return 0;

    // ---- baselines ----
    g_mdWall = cliReport.run.seconds;
    g_mdCpu = cliReport.run.cpuSeconds;
    g_viewWall = mdTotal;
    std::printf("\nSame file, same run. Ratios = tool time / maildeck-cli rejects' time (%.3f s "
                "wall, %.3f s CPU); \"view x\" = tool wall / the view's load (parse + store + "
                "group-bys + patterns, %.3f s wall):\n",
                g_mdWall, g_mdCpu, mdTotal);
    std::printf("  %-36s %9s %9s %11s %9s %8s %8s %8s   %s\n", "tool", "wall", "CPU", "max RSS",
                "lines/CPUs", "wall x", "CPU x", "view x", "result");
    row("maildeck-cli rejects --json", cliReport.run.seconds, cliReport.run.cpuSeconds,
        cliReport.run.maxRssKb, loaded->lines,
        QByteArray::number(cliReport.rejects) + " reject: lines");
    row("MailDeck view: store + summary", mdTotal, mdCpu, rssAfter, loaded->lines,
        QByteArray::number(static_cast<qulonglong>(loaded->rejects)) + " reject: lines");
    const QString out = dir + QStringLiteral("/out.txt");
    const QString q = QStringLiteral("'") + log + QStringLiteral("'");

    long long grepCount = -1;
    {
        Run r = runShell(QStringLiteral("LC_ALL=C grep -c ': reject: ' ") + q, out);
        for (int i = 1; i < kQuickRuns; ++i) // best of three, as maildeck-cli
            if (Run again = runShell(QStringLiteral("LC_ALL=C grep -c ': reject: ' ") + q, out);
                again.seconds < r.seconds)
                r = again;
        grepCount = firstNumber(r.out);
        row("grep -c ': reject: ' (floor)", r.seconds, r.cpuSeconds, r.maxRssKb, loaded->lines,
            QByteArray::number(grepCount) + " lines");
    }
    long long pflogExact = -1;
    std::vector<std::pair<QByteArray, long long>> pflogReasons; // pflogsumm's label, total
    if (haveTool("pflogsumm")) {
        const Run r1 = runShell(QStringLiteral("pflogsumm -q --detail 0 ") + q +
                                    QStringLiteral(" | grep ' rejected ('"),
                                out);
        row("pflogsumm -q --detail 0", r1.seconds, r1.cpuSeconds, r1.maxRssKb, loaded->lines,
            r1.out.trimmed().simplified());
        // One "N<TAB>reason" line per (total: N) of the reject detail section.
        const Run r2 = runShell(
            QStringLiteral("pflogsumm -q --detail 0 --reject-detail 1 ") + q +
                QStringLiteral(" | awk '/^message reject detail/{f=1;next} /^message (reject "
                               "warning|hold|discard) detail/{f=0} "
                               "f && match($0,/\\(total: [0-9]+\\)/){n=substr($0,RSTART+8,"
                               "RLENGTH-9); l=substr($0,1,RSTART-1); sub(/^ +/,\"\",l); "
                               "sub(/ *\\(top [0-9]+\\) *$/,\"\",l); sub(/ +$/,\"\",l); "
                               "print n \"\\t\" l}'"),
            out);
        pflogExact = 0;
        for (const QByteArray &line : r2.out.split('\n')) {
            const qsizetype tab = line.indexOf('\t');
            if (tab <= 0)
                continue;
            pflogReasons.emplace_back(line.mid(tab + 1), line.left(tab).toLongLong());
            pflogExact += pflogReasons.back().second;
        }
        row("pflogsumm --reject-detail (exact)", r2.seconds, r2.cpuSeconds, r2.maxRssKb,
            loaded->lines, QByteArray::number(pflogExact) + " rejects");
    } else {
        std::printf("  pflogsumm: not installed\n");
    }
    long long lnavCount = -1;
    if (haveTool("lnav")) {
        const QString home = dir + QStringLiteral("/lnav-home");
        QDir().mkpath(home);
        const Run r1 = runShell(
            QStringLiteral("HOME='%1' lnav -n -c ';SELECT count(*) AS rejects FROM syslog_log "
                           "WHERE log_body LIKE \"%%reject: %%\"' -c ':write-csv-to -' ")
                    .arg(home)
                    .replace(QStringLiteral("%%"), QStringLiteral("%")) +
                q,
            out);
        lnavCount = firstNumber(r1.out.mid(r1.out.indexOf('\n') + 1));
        row("lnav SQL count", r1.seconds, r1.cpuSeconds, r1.maxRssKb, loaded->lines,
            QByteArray::number(lnavCount) + " LIKE '%reject: %'");
        const Run r2 =
            runShell(QStringLiteral("HOME='") + home +
                         QStringLiteral("' lnav -n -c \";SELECT regexp_match('reject: .+? from "
                                        "\\S+: \\d{3} [45]\\.\\d{1,3}\\.\\d{1,3} "
                                        "(?:<[^>]*>: )?([^;\\[]+?)(?:, \\[[^\\]]*\\])?;', "
                                        "log_body) AS reason, count(*) AS n FROM "
                                        "syslog_log WHERE log_body LIKE '%reject: %' GROUP BY "
                                        "reason ORDER BY n DESC\" -c "
                                        "':write-csv-to -' ") +
                         q,
                     out);
        row("lnav SQL GROUP BY reason", r2.seconds, r2.cpuSeconds, r2.maxRssKb, loaded->lines,
            QByteArray::number(std::max<qsizetype>(r2.out.count('\n') - 1, 0)) + " reason rows");
    } else {
        std::printf("  lnav: not installed\n");
    }

    std::printf("\nReject counts (must agree):\n");
    std::printf("  MailDeck 'reject:' events            %" PRIu64 "\n", loaded->rejects);
    std::printf("  maildeck-cli rejects                 %lld  %s\n", cliReport.rejects,
                cliReport.rejects == static_cast<long long>(loaded->rejects) ? "agrees"
                                                                             : "DIFFERS");
    std::printf("  grep -c ': reject: '                 %lld  %s\n", grepCount,
                grepCount == static_cast<long long>(loaded->rejects) ? "agrees" : "DIFFERS");
    if (pflogExact >= 0)
        std::printf("  pflogsumm reject-detail totals       %lld  %s\n", pflogExact,
                    pflogExact == static_cast<long long>(loaded->rejects) ? "agrees" : "DIFFERS");
    if (lnavCount >= 0)
        std::printf("  lnav LIKE '%%reject: %%' (incl. milter-reject) %lld vs MailDeck "
                    "reject+milter %" PRIu64 "  %s\n",
                    lnavCount, loaded->rejects + milter,
                    lnavCount == static_cast<long long>(loaded->rejects + milter) ? "agrees"
                                                                                  : "DIFFERS");
    if (!pflogReasons.empty()) {
        // pflogsumm's buckets are message texts; MailDeck's are classes. Postfix rejects only
        // (EventKind::Reject), per class, summed over the classes that make each bucket.
        EventFilter rejectsOnly;
        rejectsOnly.kindsAny = EventKind::Reject;
        const auto rejectRows = store.select(rejectsOnly);
        std::vector<long long> perClass(kReasonClassCount, 0);
        for (const GroupCount &g : store.groupBy(Dimension::Reason, &rejectRows, 0))
            perClass[g.id] = static_cast<long long>(g.count);
        struct Bucket {
            const char *label; // a substring of pflogsumm's label
            std::vector<const char *> classes;
        };
        const std::vector<Bucket> buckets = {
            {"Helo command rejected: Host not found", {"helo.unknown_host"}},
            {"Helo command rejected: need fully-qualified hostname", {"helo.non_fqdn"}},
            {"Intentional policy rejection", {"policy.greylisted", "policy.iredapd.greylisting"}},
            {"SMTP AUTH is required", {"policy.iredapd.smtp_auth_required"}},
            {"User unknown in virtual mailbox table", {"recipient.unknown_user"}},
            {"Relay access denied", {"relay.denied"}},
            {"Sender address rejected: Domain not found", {"sender.unknown_domain"}},
            {"blocked using",
             {"rbl.client", "rbl.sender", "rbl.helo", "rbl.recipient", "postscreen.dnsbl"}},
            {"cannot find your hostname", {"client.unknown_hostname"}},
            {"header", {"content.check"}},
        };
        std::printf("\nPer reason (pflogsumm --reject-detail '(total: N)' vs MailDeck classes, "
                    "'reject:' events):\n");
        long long mapped = 0;
        for (const auto &[label, total] : pflogReasons) {
            const Bucket *b = nullptr;
            for (const Bucket &c : buckets)
                if (label.contains(c.label))
                    b = &c;
            long long md = 0;
            QByteArray names;
            if (b) {
                for (const char *c : b->classes) {
                    if (const auto r = reasonFromId(c)) {
                        md += perClass[static_cast<std::size_t>(*r)];
                        if (perClass[static_cast<std::size_t>(*r)])
                            names += QByteArray(names.isEmpty() ? "" : "+") + c;
                    }
                }
            }
            mapped += md;
            std::printf("  %-58s %8lld  %-34s %8lld  %s\n", label.left(58).constData(), total,
                        b ? names.constData() : "(no mapping)", md,
                        md == total ? "agrees" : "DIFFERS");
        }
        std::printf("  %-58s %8lld  %-34s %8lld  %s\n", "all", pflogExact, "", mapped,
                    mapped == pflogExact ? "agrees" : "DIFFERS");
    }
    std::printf("\nGoals: within 3x of grep, >=20x faster than pflogsumm --reject-detail, >=5x "
                "faster than lnav GROUP BY, "
                "peak memory < 1/4 of the log (%.0f MB), filter 1M events < 50 ms.\n",
                size / 4.0 / 1048576.0);
    return 0;
}
