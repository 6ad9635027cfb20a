#include "app/cli/CliConfigCommands.h"

#include "app/cli/CliCompatCommands.h"

#include "app/cli/CliConnection.h"
#include "core/config/ChangeHistory.h"
#include "core/config/ChangeSetRunner.h"
#include "core/profiles/ServerProfile.h"
#include "core/session/ServerConnection.h"

#include <QJsonArray>
#include <QJsonObject>

namespace maildeck::cli {

using namespace maildeck::config;

namespace {

QString stateText(ChangeSet::State s) {
    switch (s) {
    case ChangeSet::State::Planned:
        return Cli::tr("planned");
    case ChangeSet::State::Applied:
        return Cli::tr("applied");
    case ChangeSet::State::Failed:
        return Cli::tr("failed");
    case ChangeSet::State::RolledBack:
        return Cli::tr("rolled back");
    }
    return {};
}

// The JSON key of a state ("applied", "rolled-back"), as in the history records.
QString stateKey(ChangeSet::State s) {
    switch (s) {
    case ChangeSet::State::Planned:
        return QStringLiteral("planned");
    case ChangeSet::State::Applied:
        return QStringLiteral("applied");
    case ChangeSet::State::Failed:
        return QStringLiteral("failed");
    case ChangeSet::State::RolledBack:
        return QStringLiteral("rolled-back");
    }
    return {};
}

int configHistory(Context &c) {
    if (!c.args.isEmpty())
        return usageError(Cli::tr("config history takes no arguments."));
    CliSession session(c);
    if (const int code = session.open(); code != ExitOk)
        return code;
    ChangeHistory history(session.ssh(), ServiceControl::fromProfile(session.profile()));
    const auto list = session.await(history.list());
    if (!list)
        return session.cancelled();
    if (!*list)
        return reportError(list->error());
    if (c.isSet("json")) {
        QJsonArray rows;
        for (const HistoryEntry &e : list->value()) {
            rows.append(QJsonObject{
                {QStringLiteral("id"), e.id},
                {QStringLiteral("title"), e.title},
                {QStringLiteral("created"), e.createdUtc.toString(Qt::ISODate)},
                {QStringLiteral("finished"), e.finishedUtc.toString(Qt::ISODate)},
                {QStringLiteral("state"), stateKey(e.state)},
                {QStringLiteral("author"), e.author},
                {QStringLiteral("files"), QJsonArray::fromStringList(e.paths)},
            });
        }
        printJson(QJsonDocument(rows));
        return ExitOk;
    }
    for (const HistoryEntry &e : list->value()) {
        out() << e.id << '\t' << e.createdUtc.toString(Qt::ISODate) << '\t' << stateText(e.state)
              << '\t' << e.title << '\t' << e.paths.join(QLatin1Char(' ')) << Qt::endl;
    }
    return ExitOk;
}

int configShow(Context &c) {
    if (c.args.size() != 1)
        return usageError(Cli::tr("config show takes exactly one change set id."));
    CliSession session(c);
    if (const int code = session.open(); code != ExitOk)
        return code;
    ChangeHistory history(session.ssh(), ServiceControl::fromProfile(session.profile()));
    const auto cs = session.await(history.load(c.args.first()));
    if (!cs)
        return session.cancelled();
    if (!*cs)
        return reportError(cs->error());
    const ChangeSet &set = cs->value();
    if (c.isSet("json")) {
        QJsonObject o = set.toJson();
        o.insert(QStringLiteral("diff"), QString::fromUtf8(set.unifiedDiff()));
        printJson(QJsonDocument(o));
        return ExitOk;
    }
    out() << Cli::tr("Change set %1: %2").arg(set.id(), set.title()) << Qt::endl;
    out() << Cli::tr("Created %1, %2 %3 by %4")
                 .arg(set.createdUtc().toString(Qt::ISODate), stateText(set.state()),
                      set.finishedUtc().toString(Qt::ISODate), set.author())
          << Qt::endl;
    if (!set.note().isEmpty())
        out() << set.note() << Qt::endl;
    out() << Qt::endl;
    out().flush();
    writeStdout(set.unifiedDiff());
    return ExitOk;
}

int configRevert(Context &c) {
    if (c.args.size() != 1)
        return usageError(Cli::tr("config revert takes exactly one change set id."));
    CliSession session(c);
    if (const int code = session.open(); code != ExitOk)
        return code;
    const ServiceControl control = ServiceControl::fromProfile(session.profile());
    ChangeHistory history(session.ssh(), control);
    const auto plan = session.await(history.planRevert(c.args.first()));
    if (!plan)
        return session.cancelled();
    if (!*plan)
        return reportError(plan->error());
    ChangeSetRunner runner(session.ssh(), control);
    QObject::connect(&runner, &ChangeSetRunner::stepFinished, &runner,
                     [&runner](int index, bool ok, const QString &output) {
                         const QList<PlanStep> steps = runner.journalSteps();
                         if (index < 0 || index >= steps.size())
                             return;
                         err() << (ok ? QStringLiteral("ok    ") : QStringLiteral("FAILED "))
                               << steps.at(index).description << Qt::endl;
                         if (!ok && !output.trimmed().isEmpty())
                             err() << "       " << output.trimmed() << Qt::endl;
                     });
    QObject::connect(&runner, &ChangeSetRunner::connectionLost, &runner, [] {
        err() << Cli::tr("The connection was lost; reconnecting to follow the change…") << Qt::endl;
    });
    const auto result = session.await(runner.apply(plan->value()));
    if (!result) {
        runner.cancel();
        return session.cancelled();
    }
    if (!*result)
        return reportError(result->error());
    const ChangeSet &done = result->value();
    if (done.state() == ChangeSet::State::Applied) {
        out()
            << Cli::tr("Reverted change set %1 (new change set %2).").arg(c.args.first(), done.id())
            << Qt::endl;
        return ExitOk;
    }
    err() << Cli::tr("Not reverted (%1): %2").arg(stateText(done.state()), done.note()) << Qt::endl;
    return ExitFailed;
}

} // namespace

std::vector<Command> configCommands() {
    // One row per command; `config where` and others are added here.
    return {
        {QStringLiteral("config where"),
         QStringLiteral("--profile NAME dovecot|postfix SETTING [--protocol P] [--remote IP] "
                        "[--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Print a setting's effective value and every file and line that "
                           "sets it, with the value doveconf -n / postconf -n reports."),
         configWhere},
        {QStringLiteral("config history"), QStringLiteral("--profile NAME [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "List the configuration changes MailDeck made on the server."),
         configHistory},
        {QStringLiteral("config show"), QStringLiteral("--profile NAME ID [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Show one configuration change: its diff and outcome."),
         configShow},
        {QStringLiteral("config revert"), QStringLiteral("--profile NAME ID"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Undo an applied configuration change (refused if the files changed "
                           "since)."),
         configRevert},
    };
}

} // namespace maildeck::cli
