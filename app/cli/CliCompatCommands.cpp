#include "app/cli/CliCompatCommands.h"

#include "app/cli/CliConnection.h"
#include "core/compat/Diagnosis.h"
#include "core/compat/Probe.h"
#include "core/config/ChangeHistory.h"
#include "core/config/ChangeSetRunner.h"
#include "core/config/ServerConfigReader.h"
#include "core/config/ServiceControl.h"
#include "core/profiles/ServerProfile.h"
#include "core/ssh/SshSession.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSslCertificate>

namespace maildeck::cli {

using namespace maildeck::compat;
using namespace maildeck::config;

namespace {

std::optional<ServerConfigSnapshot> readSnapshot(CliSession &session, int *code) {
    ServerConfigReader reader(session.ssh(), session.profile().paths);
    if (session.verbose()) {
        QObject::connect(
            &reader, &ServerConfigReader::progress, [](int done, int total, const QString &what) {
                err() << QStringLiteral("[%1/%2] ").arg(done).arg(total) << what << Qt::endl;
            });
    }
    auto r = session.await(reader.read());
    if (!r) {
        reader.cancel();
        *code = session.cancelled();
        return std::nullopt;
    }
    if (!r->ok()) {
        *code = reportError(r->error());
        return std::nullopt;
    }
    for (const QString &p : r->value().problems)
        err() << Cli::tr("warning: %1").arg(p) << Qt::endl;
    return r->value();
}

QJsonObject locationJson(const ConfigLocation &l) {
    return {{QStringLiteral("file"), l.file}, {QStringLiteral("line"), l.line}};
}

} // namespace

int configWhere(Context &c) {
    if (c.args.size() != 2)
        return usageError(Cli::tr("config where needs: dovecot|postfix SETTING"));
    const QString component = c.args.at(0);
    if (component != QLatin1String("dovecot") && component != QLatin1String("postfix"))
        return usageError(Cli::tr("Unknown component '%1' (dovecot or postfix).").arg(component));
    CliSession session(c);
    if (const int code = session.open(); code != ExitOk)
        return code;
    int code = ExitOk;
    const auto snapshot = readSnapshot(session, &code);
    if (!snapshot)
        return code;
    SettingReport rep;
    if (component == QLatin1String("dovecot")) {
        DovecotClient client;
        client.protocol = c.value("protocol");
        client.remoteIp = c.value("remote");
        rep = dovecotWhere(*snapshot, c.args.at(1), client);
    } else {
        rep = postfixWhere(*snapshot, c.args.at(1));
    }
    if (c.isSet("json")) {
        QJsonArray places;
        for (const SettingPlace &p : rep.places) {
            QJsonObject o = locationJson(p.where);
            o.insert(QStringLiteral("scope"), p.scope);
            o.insert(QStringLiteral("value"), p.value);
            o.insert(QStringLiteral("effective"), p.effective);
            o.insert(QStringLiteral("overridden"), p.overridden);
            o.insert(QStringLiteral("applies"), p.applies);
            places.append(o);
        }
        QJsonObject o{{QStringLiteral("component"), rep.component},
                      {QStringLiteral("setting"), rep.setting},
                      {QStringLiteral("places"), places}};
        o.insert(QStringLiteral("effective"),
                 rep.effectiveValue ? QJsonValue(*rep.effectiveValue) : QJsonValue());
        o.insert(QStringLiteral("reported_by"), rep.reportedBy);
        o.insert(QStringLiteral("reported"),
                 rep.reportedValue ? QJsonValue(*rep.reportedValue) : QJsonValue());
        o.insert(QStringLiteral("disagrees"), rep.disagrees());
        printJson(QJsonDocument(o));
        return ExitOk;
    }
    out() << rep.setting << QStringLiteral(" = ")
          << (rep.effectiveValue ? *rep.effectiveValue : Cli::tr("(not set: the default)"))
          << Qt::endl;
    for (const SettingPlace &p : rep.places) {
        QString mark;
        if (p.effective)
            mark = Cli::tr("effective");
        else if (p.overridden)
            mark = Cli::tr("overridden");
        else if (!p.applies)
            mark = Cli::tr("does not apply");
        out() << QStringLiteral("  ") << p.where.toString() << QLatin1Char('\t')
              << (p.scope.isEmpty() ? QStringLiteral("-") : p.scope) << QLatin1Char('\t') << p.value
              << QLatin1Char('\t') << mark << Qt::endl;
    }
    if (rep.reportedValue) {
        out() << rep.reportedBy << QStringLiteral(": ")
              << (rep.reportedValue->isEmpty() ? Cli::tr("(not listed: the default)")
                                               : *rep.reportedValue)
              << Qt::endl;
        if (rep.disagrees())
            out() << Cli::tr("warning: the files and %1 disagree").arg(rep.reportedBy) << Qt::endl;
    }
    return ExitOk;
}

namespace {

struct CompatInput {
    ClientProfile profile;
    ClientParams params;
};

std::optional<CompatInput> compatInput(Context &c, int *code) {
    const auto profile = ClientProfile::byKey(c.value("client"));
    if (!profile) {
        QStringList keys;
        for (const ClientProfile &p : ClientProfile::all())
            keys << p.key;
        *code =
            usageError(Cli::tr("--client must be one of: %1").arg(keys.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    CompatInput in{*profile, profile->exampleParams()};
    if (c.isSet("ip"))
        in.params.clientIp = c.value("ip");
    if (c.isSet("helo"))
        in.params.heloName = c.value("helo");
    if (c.isSet("login"))
        in.params.user = c.value("login");
    if (c.isSet("sender"))
        in.params.sender = c.value("sender");
    if (c.isSet("recipient"))
        in.params.recipient = c.value("recipient");
    return in;
}

QJsonObject probeJson(const ProbeSpec &p) {
    return {{QStringLiteral("describe"), p.describe()},
            {QStringLiteral("port"), p.port},
            {QStringLiteral("source"), p.sourceAddress}};
}

void printDiagnosis(const Diagnosis &d, bool json) {
    if (json) {
        QJsonArray blockers;
        for (const Blocker &b : d.blockers) {
            QJsonArray also;
            for (const ConfigLocation &l : b.alsoSetIn)
                also.append(locationJson(l));
            QJsonObject o{{QStringLiteral("id"), b.id},
                          {QStringLiteral("component"), b.component},
                          {QStringLiteral("setting"), b.setting},
                          {QStringLiteral("value"), b.effectiveValue},
                          {QStringLiteral("also_set_in"), also},
                          {QStringLiteral("explanation"), b.explanation},
                          {QStringLiteral("log"), QJsonArray::fromStringList(b.logProof)}};
            if (b.where)
                o.insert(QStringLiteral("where"), locationJson(*b.where));
            blockers.append(o);
        }
        QJsonArray options;
        for (const FixOption &o : d.options) {
            QJsonArray files;
            for (const ChangeSet::Input &in : o.edits)
                files.append(in.path);
            QJsonArray probes;
            for (const ProbeSpec &p : o.probes)
                probes.append(probeJson(p));
            options.append(QJsonObject{{QStringLiteral("rank"), o.rank},
                                       {QStringLiteral("id"), o.id},
                                       {QStringLiteral("title"), o.title},
                                       {QStringLiteral("security_cost"), o.securityCost},
                                       {QStringLiteral("recommended"), o.recommended},
                                       {QStringLiteral("changes_server"), o.changesServer()},
                                       {QStringLiteral("files"), files},
                                       {QStringLiteral("probes"), probes}});
        }
        printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("client"), d.profile.key},
                        {QStringLiteral("ip"), d.params.clientIp},
                        {QStringLiteral("passes"), d.passes},
                        {QStringLiteral("blockers"), blockers},
                        {QStringLiteral("options"), options},
                        {QStringLiteral("notes"), QJsonArray::fromStringList(d.notes)}}));
        return;
    }
    out() << d.profile.name() << QStringLiteral(" (") << d.params.clientIp << QStringLiteral(")")
          << Qt::endl;
    for (const Blocker &b : d.blockers) {
        out() << Cli::tr("Blocked by %1 %2 = %3").arg(b.component, b.setting, b.effectiveValue);
        out() << QStringLiteral(" (")
              << (b.where ? b.where->toString() : Cli::tr("default, not set in any file"))
              << QStringLiteral(")") << Qt::endl;
        for (const ConfigLocation &l : b.alsoSetIn)
            out() << QStringLiteral("    ") << Cli::tr("also set in %1").arg(l.toString())
                  << Qt::endl;
        out() << QStringLiteral("    ") << b.explanation << Qt::endl;
        for (const QString &l : b.logProof)
            out() << QStringLiteral("    log: ") << l << Qt::endl;
    }
    for (const FixOption &o : d.options) {
        out() << QStringLiteral("[%1] ").arg(o.rank) << o.title
              << (o.recommended ? Cli::tr(" (recommended)") : QString()) << Qt::endl;
        out() << QStringLiteral("    ") << Cli::tr("Cost: %1").arg(o.securityCost) << Qt::endl;
        for (const ChangeSet::Input &in : o.edits)
            out() << QStringLiteral("    ") << Cli::tr("changes %1").arg(in.summary) << Qt::endl;
    }
    for (const QString &n : d.notes)
        out() << Cli::tr("note: %1").arg(n) << Qt::endl;
}

std::optional<Diagnosis> runDiagnosis(CliSession &session, const CompatInput &in, int *code) {
    const auto snapshot = readSnapshot(session, code);
    if (!snapshot)
        return std::nullopt;
    QStringList logLines;
    if (auto lines = session.await(
            fetchClientLogLines(session.ssh(), session.profile().paths, in.params.clientIp));
        lines && lines->ok())
        logLines = lines->value();
    auto d = diagnose(*snapshot, in.profile, in.params, logLines, session.profile());
    if (!d) {
        *code = reportError(d.error());
        return std::nullopt;
    }
    return d.value();
}

bool runProbes(const QList<ProbeSpec> &probes, const QString &password,
               const QList<QSslCertificate> &cas, QJsonArray *json) {
    bool all = true;
    for (ProbeSpec p : probes) {
        if (!p.user.isEmpty())
            p.password = password;
        p.caCertificates = cas;
        const ProbeResult r = runProbeBlocking(p);
        all = all && r.passed;
        if (json) {
            json->append(QJsonObject{{QStringLiteral("probe"), p.describe()},
                                     {QStringLiteral("passed"), r.passed},
                                     {QStringLiteral("failure"), r.failure},
                                     {QStringLiteral("last_reply"), r.lastReply}});
        } else {
            out() << (r.passed ? Cli::tr("probe passed: %1") : Cli::tr("probe failed: %1"))
                         .arg(p.describe());
            if (!r.passed)
                out() << QStringLiteral(" — ") << r.failure;
            out() << Qt::endl;
        }
    }
    return all;
}

int compatCheck(Context &c) {
    int code = ExitOk;
    const auto in = compatInput(c, &code);
    if (!in)
        return code;
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const auto d = runDiagnosis(session, *in, &code);
    if (!d)
        return code;
    printDiagnosis(*d, c.isSet("json"));
    return ExitOk;
}

QList<QSslCertificate> caFromOptions(Context &c) {
    if (!c.isSet("ca-file"))
        return {};
    return QSslCertificate::fromPath(c.value("ca-file"));
}

// Applies a plan through the runner; prints the steps; returns the final change set.
std::optional<ChangeSet> applyPlan(CliSession &session, const ChangeSet &plan, int *code) {
    ChangeSetRunner runner(session.ssh(), ServiceControl::fromProfile(session.profile()));
    QObject::connect(&runner, &ChangeSetRunner::stepFinished,
                     [&runner](int index, bool ok, const QString &output) {
                         const QList<PlanStep> steps = runner.journalSteps();
                         const QString what = index >= 0 && index < steps.size()
                                                  ? steps.at(index).description
                                                  : QString::number(index);
                         err() << (ok ? QStringLiteral("  ok   ") : QStringLiteral("  FAIL "))
                               << what;
                         if (!ok && !output.trimmed().isEmpty())
                             err() << QStringLiteral(": ") << output.trimmed();
                         err() << Qt::endl;
                     });
    auto r = session.await(runner.apply(plan));
    if (!r) {
        runner.cancel();
        *code = session.cancelled();
        return std::nullopt;
    }
    if (!r->ok()) {
        *code = reportError(r->error());
        return std::nullopt;
    }
    return r->value();
}

int compatApply(Context &c) {
    int code = ExitOk;
    const auto in = compatInput(c, &code);
    if (!in)
        return code;
    bool ok = false;
    const int n = c.value("option").toInt(&ok);
    if (!ok || n < 1)
        return usageError(Cli::tr("compat apply needs --option N (see compat check)."));
    QString password;
    if (const auto pw = passwordFromOptions(c)) {
        if (!pw->ok())
            return reportError(pw->error());
        password = pw->value();
    }
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const auto d = runDiagnosis(session, *in, &code);
    if (!d)
        return code;
    if (d->passes) {
        out() << Cli::tr("Passes, no change needed.") << Qt::endl;
        return runProbes(d->probes, password, caFromOptions(c), nullptr) ? ExitOk : ExitFailed;
    }
    if (n > d->options.size())
        return usageError(
            Cli::tr("There is no option %1 (1 to %2).").arg(n).arg(d->options.size()));
    const FixOption &option = d->options.at(n - 1);
    out() << option.title << Qt::endl;
    if (!option.changesServer()) {
        out() << Cli::tr("Nothing to change on the server: tell the user to change the client.")
              << Qt::endl;
        return runProbes(option.probes, password, caFromOptions(c), nullptr) ? ExitOk : ExitFailed;
    }
    auto plan = ChangeSet::plan(option.changeTitle, option.edits,
                                ServiceControl::fromProfile(session.profile()),
                                QDateTime::currentDateTimeUtc());
    if (!plan)
        return reportError(plan.error());
    plan.value().setOrigin(option.changeOrigin);
    for (const PlannedCommand &check : option.postChecks)
        plan.value().addPostCheck(check);
    out() << QString::fromUtf8(plan->unifiedDiff());
    const auto result = applyPlan(session, *plan, &code);
    if (!result)
        return code;
    if (result->state() != ChangeSet::State::Applied) {
        err() << Cli::tr("Not applied: %1").arg(result->note()) << Qt::endl;
        return ExitFailed;
    }
    out() << Cli::tr("Applied change set %1.").arg(result->id()) << Qt::endl;
    return runProbes(option.probes, password, caFromOptions(c), nullptr) ? ExitOk : ExitFailed;
}

int compatRollback(Context &c) {
    int code = ExitOk;
    const auto in = compatInput(c, &code);
    if (!in)
        return code;
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const ServiceControl control = ServiceControl::fromProfile(session.profile());
    ChangeHistory history(session.ssh(), control);
    const auto list = session.await(history.list());
    if (!list)
        return session.cancelled();
    if (!list->ok())
        return reportError(list->error());
    // The newest change set still applied that a fix for this client made (whatever the
    // language it was planned in: the origin is not translated).
    const QString origin = maildeck::compat::changeOrigin(in->profile, in->params.clientIp);
    QString id;
    for (const HistoryEntry &e : list->value()) { // newest first
        if (e.origin == origin && e.state == ChangeSet::State::Applied && e.revertedBy.isEmpty()) {
            id = e.id;
            break;
        }
    }
    if (id.isEmpty()) {
        err() << Cli::tr("No applied change set for %1 at %2.")
                     .arg(in->profile.name(), in->params.clientIp)
              << Qt::endl;
        return ExitFailed;
    }
    const auto revert = session.await(history.planRevert(id));
    if (!revert)
        return session.cancelled();
    if (!revert->ok())
        return reportError(revert->error());
    const auto result = applyPlan(session, revert->value(), &code);
    if (!result)
        return code;
    if (result->state() != ChangeSet::State::Applied) {
        err() << Cli::tr("Not reverted: %1").arg(result->note()) << Qt::endl;
        return ExitFailed;
    }
    out() << Cli::tr("Reverted change set %1.").arg(id) << Qt::endl;
    return ExitOk;
}

} // namespace

std::vector<Command> compatCommands() {
    return {
        {QStringLiteral("compat check"),
         QStringLiteral("--client PROFILE [--ip A] [--helo H] [--login U] [--sender S] "
                        "[--recipient R] [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Show what blocks a mail client (setting, file:line, log proof) and "
                           "the fixes ranked from narrowest to broadest."),
         compatCheck},
        {QStringLiteral("compat apply"),
         QStringLiteral("--client PROFILE --option N [--ip A] [--helo H] [--login U] "
                        "[--sender S] [--recipient R] [--password-stdin] [--ca-file F]"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Apply fix N as a reversible change set, then run the probes that "
                           "prove it."),
         compatApply},
        {QStringLiteral("compat rollback"), QStringLiteral("--client PROFILE [--ip A]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Revert the last change set applied for this client."),
         compatRollback},
    };
}

const QList<QCommandLineOption> &compatOptions() {
    static const QList<QCommandLineOption> options = {
        {QStringLiteral("client"),
         Cli::tr("compat: the client profile (wlm2012, old-phone, scanner, web-server, "
                 "thunderbird)."),
         QStringLiteral("profile")},
        {QStringLiteral("option"), Cli::tr("compat apply: the number of the fix to apply."),
         QStringLiteral("N")},
        {QStringLiteral("ip"), Cli::tr("compat: the client's IP address."),
         QStringLiteral("address")},
        {QStringLiteral("helo"), Cli::tr("compat: the client's HELO name."),
         QStringLiteral("name")},
        {QStringLiteral("login"), Cli::tr("compat: the login name the client uses."),
         QStringLiteral("address")},
        {QStringLiteral("sender"), Cli::tr("compat: the envelope sender the client uses."),
         QStringLiteral("address")},
        {QStringLiteral("recipient"), Cli::tr("compat: a recipient for the SMTP probe."),
         QStringLiteral("address")},
        {QStringLiteral("ca-file"),
         Cli::tr("compat apply: trust the server certificates signed by the CA in FILE (PEM) "
                 "for the probes."),
         QStringLiteral("file")},
        {QStringLiteral("protocol"),
         Cli::tr("config where: the Dovecot protocol filter (imap, pop3, …)."),
         QStringLiteral("name")},
        {QStringLiteral("remote"),
         Cli::tr("config where: the client address for Dovecot's "
                 "remote filters."),
         QStringLiteral("address")},
    };
    return options;
}

} // namespace maildeck::cli
