#include "app/cli/CliLogCommands.h"

#include "app/cli/CliConnection.h"
#include "core/logs/EventStore.h"
#include "core/logs/LogFeed.h"
#include "core/logs/LogIngest.h"
#include "core/logs/LogTail.h"
#include "core/logs/RejectSummary.h"
#include "core/logs/RejectTally.h"
#include "core/profiles/ServerProfile.h"
#include "core/ssh/SshSession.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace maildeck::cli {

using namespace maildeck::logs;

namespace {

struct TopDimension {
    const char *key; // JSON key and text heading id
    Dimension dimension;
    const char *title; // untranslated (context MaildeckCli)
};

const TopDimension kTop[] = {
    {"client_ip", Dimension::ClientIp, QT_TRANSLATE_NOOP("MaildeckCli", "Top client addresses")},
    {"relay_group", Dimension::RelayGroup, QT_TRANSLATE_NOOP("MaildeckCli", "Top relay networks")},
    {"sender_domain", Dimension::SenderDomain,
     QT_TRANSLATE_NOOP("MaildeckCli", "Top sender domains")},
    {"recipient", Dimension::Recipient, QT_TRANSLATE_NOOP("MaildeckCli", "Top recipients")},
    {"helo", Dimension::Helo, QT_TRANSLATE_NOOP("MaildeckCli", "Top HELO names")},
    {"user", Dimension::User, QT_TRANSLATE_NOOP("MaildeckCli", "Top login names")},
};

QString view(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString timeText(const EventStore &store, std::uint32_t row) {
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(store.timeMs(row), Qt::OffsetFromUTC,
                                                       store.utcOffsetMin(row) * 60);
    return t.toString(Qt::ISODate);
}

QJsonObject eventJson(const EventStore &store, std::uint32_t row) {
    const EventRecord r = store.record(row);
    QJsonObject o{{QStringLiteral("time"), timeText(store, row)},
                  {QStringLiteral("class"), view(reasonId(r.reason))},
                  {QStringLiteral("program"), r.program},
                  {QStringLiteral("server"), r.server}};
    const auto add = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    if (r.smtpCode)
        o.insert(QStringLiteral("code"), r.smtpCode);
    add("enhanced_code", r.enhancedCode);
    add("client_host", r.clientHost);
    add("client_ip", r.clientIp);
    add("sender", r.sender);
    add("recipient", r.recipient);
    add("helo", r.helo);
    add("user", r.user);
    add("object", r.object);
    add("text", r.text);
    return o;
}

QString eventText(const EventStore &store, std::uint32_t row) {
    const EventRecord r = store.record(row);
    QStringList parts{timeText(store, row), view(reasonId(r.reason))};
    if (r.smtpCode)
        parts << QString::number(r.smtpCode) +
                     (r.enhancedCode.isEmpty() ? QString() : QLatin1Char(' ') + r.enhancedCode);
    if (!r.clientIp.isEmpty())
        parts << QStringLiteral("client=%1[%2]").arg(r.clientHost, r.clientIp);
    if (!r.sender.isEmpty())
        parts << QStringLiteral("from=<%1>").arg(r.sender);
    if (!r.recipient.isEmpty())
        parts << QStringLiteral("to=<%1>").arg(r.recipient);
    if (!r.helo.isEmpty())
        parts << QStringLiteral("helo=<%1>").arg(r.helo);
    if (!r.user.isEmpty())
        parts << QStringLiteral("user=<%1>").arg(r.user);
    return parts.join(QLatin1String("  "));
}

// What the summary prints: lines, events, rejects, the count per class and the top entries per
// dimension (kTop's order), from the store (a live tail) or from a tally (files).
struct Report {
    IngestStats stats;
    std::vector<GroupCount> classes;
    std::vector<std::vector<GroupCount>> tops;
};

Report reportOf(const EventStore &store, const IngestStats &stats, std::size_t top) {
    SummaryRequest request;
    for (const TopDimension &d : kTop)
        request.tops.emplace_back(d.dimension, top);
    RejectSummary summary = RejectSummary::compute(store, nullptr, request);
    return {stats, std::move(summary.classes), std::move(summary.tops)};
}

Report reportOf(const RejectTally &tally, const IngestStats &stats, std::size_t top) {
    Report report{stats, tally.top(Dimension::Reason, 0), {}};
    for (const TopDimension &d : kTop)
        report.tops.push_back(tally.top(d.dimension, top));
    return report;
}

void printSummary(const Report &summary, bool json) {
    const IngestStats &stats = summary.stats;
    if (json) {
        QJsonObject classObject;
        for (const GroupCount &g : summary.classes)
            classObject.insert(g.key, qint64(g.count));
        QJsonObject topObject;
        for (std::size_t i = 0; i < std::size(kTop); ++i) {
            QJsonArray entries;
            for (const GroupCount &g : summary.tops[i])
                if (!g.key.isEmpty())
                    entries.append(QJsonObject{{QStringLiteral("key"), g.key},
                                               {QStringLiteral("count"), qint64(g.count)}});
            topObject.insert(QLatin1String(kTop[i].key), entries);
        }
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("lines"), qint64(stats.lines)},
                                            {QStringLiteral("events"), qint64(stats.events)},
                                            {QStringLiteral("rejects"), qint64(stats.rejects)},
                                            {QStringLiteral("unparsed"), qint64(stats.unparsed)},
                                            {QStringLiteral("classes"), classObject},
                                            {QStringLiteral("top"), topObject}}));
        return;
    }
    out() << Cli::tr("%1 lines, %2 events, %3 rejects, %4 unparsed")
                 .arg(stats.lines)
                 .arg(stats.events)
                 .arg(stats.rejects)
                 .arg(stats.unparsed)
          << '\n';
    out() << '\n' << Cli::tr("Events per class") << '\n';
    for (const GroupCount &g : summary.classes)
        out() << QStringLiteral("  %1  %2").arg(g.count, 9).arg(g.key) << '\n';
    for (std::size_t i = 0; i < std::size(kTop); ++i) {
        const auto &groups = summary.tops[i];
        if (groups.empty() || (groups.size() == 1 && groups.front().key.isEmpty()))
            continue;
        out() << '\n' << QCoreApplication::translate("MaildeckCli", kTop[i].title) << '\n';
        for (const GroupCount &g : groups)
            if (!g.key.isEmpty())
                out() << QStringLiteral("  %1  %2").arg(g.count, 9).arg(g.key) << '\n';
    }
    out().flush();
}

void printEvents(const EventStore &store, std::uint32_t first, std::uint32_t count, bool json) {
    for (std::uint32_t row = first; row < first + count; ++row) {
        if (json)
            out() << QString::fromUtf8(
                         QJsonDocument(eventJson(store, row)).toJson(QJsonDocument::Compact))
                  << '\n';
        else
            out() << eventText(store, row) << '\n';
    }
    out().flush();
}

// Runs the tail until it has caught up (backfill done) or, with follow, until Ctrl+C or a failure.
int runTail(LogTail &tail, EventStore &store, LogFeed &feed, bool follow, bool json,
            std::size_t top, CliSession *session) {
    QEventLoop loop;
    int code = ExitOk;
    bool caughtUp = false;
    QObject::connect(&tail, &LogTail::failed, &loop, [&](const Error &e) {
        code = reportError(e);
        loop.quit();
    });
    QObject::connect(&tail, &LogTail::backfillFinished, &loop, [&] {
        caughtUp = true;
        printSummary(reportOf(store, feed.stats(), top), json);
        if (!follow)
            loop.quit();
    });
    QObject::connect(&feed, &LogFeed::rowsAppended, &loop,
                     [&](std::uint32_t first, std::uint32_t count, bool backfill) {
                         if (follow && caughtUp && !backfill)
                             printEvents(store, first, count, json);
                     });
    QObject::connect(&tail, &LogTail::interrupted, &loop, [](const Error &e) {
        err() << Cli::tr("Connection interrupted (%1); resuming…").arg(e.message) << '\n';
        err().flush();
    });
    if (session)
        QObject::connect(session, &CliSession::interruptRequested, &loop, [&] {
            code = follow ? ExitOk : session->cancelled();
            loop.quit();
        });
    tail.start();
    loop.exec();
    tail.stop();
    return code;
}

int rejectsCommand(Context &c) {
    const bool json = c.isSet("json");
    const bool follow = c.isSet("follow");
    std::size_t top = 10;
    if (c.isSet("top")) {
        bool ok = false;
        const int n = c.value("top").toInt(&ok);
        if (!ok || n < 1 || n > 10000)
            return usageError(Cli::tr("--top takes a number from 1 to 10000."));
        top = std::size_t(n);
    }
    double sinceHours = -1;
    if (c.isSet("since")) {
        bool ok = false;
        sinceHours = c.value("since").toDouble(&ok);
        if (!ok || sinceHours < 0 || sinceHours > 24 * 366)
            return usageError(Cli::tr("--since takes a number of hours (0 to 8784)."));
    }
    const bool fromServer = c.parser.isSet(QStringLiteral("profile"));
    if (fromServer == !c.args.isEmpty())
        return usageError(Cli::tr("rejects reads either log files or a server (--profile), not "
                                  "both and not neither."));

    if (fromServer) {
        CliSession session(c);
        if (const int code = session.open(ExitConnection); code != ExitOk)
            return code;
        const QString path = session.profile().paths.mailLog;
        if (path.isEmpty())
            return usageError(Cli::tr("The profile names no mail log (profile add --mail-log)."));
        // The server's UTC offset, for syslog timestamps that carry none.
        int offsetMinutes = 0;
        if (auto r = session.await(session.ssh()->runCommand(QStringLiteral("date +%z")));
            r && r->ok()) {
            const QString z = r->value().stdoutText().trimmed();
            if (z.size() == 5)
                offsetMinutes = (z.mid(1, 2).toInt() * 60 + z.mid(3, 2).toInt()) *
                                (z.startsWith(QLatin1Char('-')) ? -1 : 1);
        }
        TailOptions options{path};
        options.backfillSeconds = qint64((sinceHours < 0 ? 24 : sinceHours) * 3600);
        LogTail tail(session.ssh(), options);
        EventStore store;
        LogFeed feed(store, &tail, session.profile().name, offsetMinutes);
        return runTail(tail, store, feed, follow, json, top, &session);
    }

    QStringList files;
    for (const QString &f : c.args) {
        if (!QFileInfo(f).isFile())
            return usageError(Cli::tr("%1 is not a readable file.").arg(f));
        files << f;
    }
    if (follow) {
        if (files.size() != 1)
            return usageError(Cli::tr("--follow takes one log file."));
        TailOptions options{QFileInfo(files.first()).absoluteFilePath()};
        options.backfillSeconds = qint64((sinceHours < 0 ? 24 * 366 : sinceHours) * 3600) + 1;
        LogTail tail(options);
        EventStore store;
        LogFeed feed(store, &tail, QFileInfo(files.first()).fileName(),
                     QDateTime::currentDateTime().offsetFromUtc() / 60);
        return runTail(tail, store, feed, true, json, top, nullptr);
    }
    // Files: counted, not stored (RejectTally) — the report needs no rows, and a log of
    // millions of lines is read on every core in a fraction of the store's memory.
    TallyOptions options;
    options.localOffsetMinutes = QDateTime::currentDateTime().offsetFromUtc() / 60;
    const auto tallied = tallyHistory(orderRotatedSet(files), options);
    if (!tallied.ok())
        return reportError(tallied.error());
    printSummary(reportOf(*tallied.value().tally, tallied.value().stats, top), json);
    return ExitOk;
}

} // namespace

const QList<QCommandLineOption> &logOptions() {
    static const QList<QCommandLineOption> options = {
        {QStringLiteral("follow"),
         Cli::tr("rejects: after the summary, print each new event as it is logged (Ctrl+C "
                 "ends).")},
        {QStringLiteral("since"),
         Cli::tr("rejects --profile: read the rotated logs of the last HOURS first (default 24)."),
         QStringLiteral("hours")},
        {QStringLiteral("top"), Cli::tr("rejects: entries per top list (default 10)."),
         QStringLiteral("n")},
    };
    return options;
}

std::vector<Command> logCommands() {
    return {
        {QStringLiteral("rejects"),
         QStringLiteral("[--json] [--follow] [--since HOURS] [--top N] FILE…|--profile NAME"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Classify the rejects of a mail log: counts per class, top talkers "
                           "(files, also rotated and .gz, or the server's live log)."),
         rejectsCommand},
    };
}

} // namespace maildeck::cli
