#include "app/cli/CliListCommands.h"

#include "app/cli/CliConnection.h"
#include "app/cli/CliDataCommands.h"
#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "core/db/MailingListRepository.h"
#include "core/lists/ListParameters.h"
#include "core/lists/MailingLists.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace maildeck::cli {

using namespace maildeck::lists;
using maildeck::db::EmailAddress;

namespace {

QString shown(const QString &address) {
    return EmailAddress::displayOf(address);
}

// The list address (first argument) in storage form, or the exit code of a bad one.
bool listAddress(Context &c, QString *address, int *code) {
    if (c.args.isEmpty()) {
        *code = usageError(Cli::tr("The list address is missing."));
        return false;
    }
    const auto parsed = storageAddress(c.args.first());
    if (!parsed) {
        *code = reportError(parsed.error());
        return false;
    }
    *address = *parsed;
    return true;
}

// Addresses one a line from FILE ('-': stdin); blank lines and # comments are skipped.
Result<QStringList> readAddressFile(const QString &path) {
    QFile file(path);
    const bool ok = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                               : file.open(QIODevice::ReadOnly);
    if (!ok)
        return Error{QStringLiteral("cli.input.file"),
                     Cli::tr("Cannot read %1: %2").arg(path, file.errorString()),
                     {}};
    QStringList addresses;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            addresses << line;
    }
    return addresses;
}

// MEMBER… or --from-file FILE, validated by core before anything is sent.
Result<QStringList> membersFrom(Context &c, bool *fromFile) {
    QStringList input = c.args.mid(1);
    *fromFile = c.isSet("from-file");
    if (*fromFile) {
        if (!input.isEmpty())
            return Error{QStringLiteral("cli.input.members"),
                         Cli::tr("Give the members either as arguments or with --from-file, not "
                                 "both."),
                         {}};
        auto read = readAddressFile(c.value("from-file"));
        if (!read)
            return read.error();
        input = *read;
        err() << Cli::tr("Read %n address(es) from %1.", nullptr, int(input.size()))
                     .arg(c.value("from-file"))
              << Qt::endl;
    }
    if (input.isEmpty())
        return Error{QStringLiteral("cli.input.members"),
                     Cli::tr("No member address given (arguments or --from-file FILE)."),
                     {}};
    return MailingLists::normaliseMembers(input);
}

int listList(Context &c) {
    if (c.args.size() != 1)
        return usageError(Cli::tr("list list takes the domain."));
    const auto domain = db::DomainName::parse(c.args.first());
    if (!domain)
        return reportError(domain.error());
    CliSession session(c);
    if (const int code = session.open(); code != ExitOk)
        return code;
    const auto result =
        session.await(session.db()->run([d = domain->toStorage()](QSqlDatabase &sql) {
            return db::MailingListRepository::listForDomain(sql, d);
        }));
    if (!result)
        return session.cancelled();
    if (!result->ok())
        return reportError(result->error());
    if (c.isSet("json")) {
        QJsonArray array;
        for (const db::MailingListRow &l : result->value())
            array.append(QJsonObject{
                {QStringLiteral("address"), l.address},
                {QStringLiteral("display"), shown(l.address)},
                {QStringLiteral("name"), l.name},
                {QStringLiteral("description"), l.description},
                {QStringLiteral("access_policy"), l.accessPolicy},
                {QStringLiteral("max_message_size"), l.maxMessageSize},
                {QStringLiteral("mlid"), l.mlid},
                {QStringLiteral("active"), l.active},
                {QStringLiteral("owners"), QJsonArray::fromStringList(l.owners)},
                {QStringLiteral("moderators"), QJsonArray::fromStringList(l.moderators)},
            });
        printJson(QJsonDocument(array));
        return ExitOk;
    }
    out() << "address\tactive\taccess_policy\towners\tname\n";
    for (const db::MailingListRow &l : result->value())
        out() << l.address << '\t' << (l.active ? 1 : 0) << '\t' << l.accessPolicy << '\t'
              << l.owners.join(QLatin1Char(',')) << '\t' << l.name << '\n';
    out().flush();
    return ExitOk;
}

int listCreate(Context &c) {
    int code = 0;
    QString address;
    if (!listAddress(c, &address, &code))
        return code;
    if (c.args.size() != 1)
        return usageError(Cli::tr("list create takes the list address only."));
    ListSettings settings = ListSettings::defaultsFor(address);
    settings.name = c.value("name");
    // Like mlmmjadmin: postmaster@<domain> owns and moderates unless told otherwise; the
    // owners given moderate too unless moderators are given.
    if (c.isSet("owner"))
        settings.owners = settings.moderators = c.values("owner");
    if (c.isSet("moderator"))
        settings.moderators = c.values("moderator");
    const auto normalised = ListSettings::normalised(settings);
    if (!normalised)
        return reportError(normalised.error());
    CliSession session(c);
    if (const int openCode = session.open(); openCode != ExitOk)
        return openCode;
    MailingLists lists(session.connection());
    const auto status = session.await(lists.create(*normalised, c.value("description")));
    if (!status)
        return session.cancelled();
    if (!status->ok())
        return reportError(status->error());
    out() << Cli::tr("Created list %1.").arg(shown(address)) << Qt::endl;
    return ExitOk;
}

int listDelete(Context &c) {
    int code = 0;
    QString address;
    if (!listAddress(c, &address, &code))
        return code;
    if (c.args.size() != 1)
        return usageError(Cli::tr("list delete takes the list address only."));
    CliSession session(c);
    if (const int openCode = session.open(); openCode != ExitOk)
        return openCode;
    MailingLists lists(session.connection());
    const auto plan = session.await(lists.planRemoval(address));
    if (!plan)
        return session.cancelled();
    if (!plan->ok())
        return reportError(plan->error());
    if (session.verbose())
        for (const QString &line : plan->value().summary())
            err() << line << Qt::endl;
    const auto status = session.await(lists.remove(plan->value()));
    if (!status)
        return session.cancelled();
    if (!status->ok())
        return reportError(status->error());
    out() << Cli::tr("Deleted list %1.").arg(shown(address)) << Qt::endl;
    return ExitOk;
}

int listSubscribe(Context &c, bool subscribe) {
    int code = 0;
    QString address;
    if (!listAddress(c, &address, &code))
        return code;
    // --kind: normal (default), digest or nomail, as the subscribers dialog offers them.
    SubscriberKind kind = SubscriberKind::Normal;
    if (c.isSet("kind")) {
        const QString k = c.value("kind").trimmed().toLower();
        if (k == QLatin1String("digest"))
            kind = SubscriberKind::Digest;
        else if (k == QLatin1String("nomail"))
            kind = SubscriberKind::NoMail;
        else if (k != QLatin1String("normal"))
            return usageError(
                Cli::tr("--kind must be normal, digest or nomail, not \"%1\".").arg(k.left(40)));
    }
    bool fromFile = false;
    const auto members = membersFrom(c, &fromFile);
    if (!members)
        return reportError(members.error());
    CliSession session(c);
    if (const int openCode = session.open(); openCode != ExitOk)
        return openCode;
    MailingLists lists(session.connection());
    if (fromFile) {
        // Many addresses: one command, streamed on stdin, merged in one pass.
        err() << (subscribe
                      ? Cli::tr("Subscribing %n address(es) to %1…", nullptr, int(members->size()))
                      : Cli::tr("Unsubscribing %n address(es) from %1…", nullptr,
                                int(members->size())))
                     .arg(shown(address))
              << Qt::endl;
        const auto outcome =
            session.await(subscribe ? lists.importSubscribers(address, *members, kind)
                                    : lists.removeSubscribers(address, *members, kind));
        if (!outcome)
            return session.cancelled();
        if (!outcome->ok())
            return reportError(outcome->error());
        const BulkOutcome &o = outcome->value();
        if (subscribe)
            err() << Cli::tr("%1 subscribed, %2 already subscribed, %3 left in another "
                             "subscription kind.")
                         .arg(o.changed)
                         .arg(o.unchanged)
                         .arg(o.elsewhere)
                  << Qt::endl;
        else
            err() << Cli::tr("%1 unsubscribed, %2 were not subscribed.")
                         .arg(o.changed)
                         .arg(o.unchanged)
                  << Qt::endl;
        return ExitOk;
    }
    const auto status = session.await(
        subscribe ? lists.subscribe(address, *members, kind)
                  : lists.unsubscribe(address, *members,
                                      c.isSet("kind") ? std::optional<SubscriberKind>(kind)
                                                      : std::nullopt));
    if (!status)
        return session.cancelled();
    if (!status->ok())
        return reportError(status->error());
    out() << (subscribe
                  ? Cli::tr("Subscribed %n address(es) to %1.", nullptr, int(members->size()))
                  : Cli::tr("Unsubscribed %n address(es) from %1.", nullptr, int(members->size())))
                 .arg(shown(address))
          << Qt::endl;
    return ExitOk;
}

int listMembers(Context &c) {
    int code = 0;
    QString address;
    if (!listAddress(c, &address, &code))
        return code;
    if (c.args.size() != 1)
        return usageError(Cli::tr("list members takes the list address only."));
    CliSession session(c);
    if (const int openCode = session.open(); openCode != ExitOk)
        return openCode;
    MailingLists lists(session.connection());
    const auto result = session.await(lists.subscribers(address));
    if (!result)
        return session.cancelled();
    if (!result->ok())
        return reportError(result->error());
    const Subscribers &s = result->value();
    if (c.isSet("json")) {
        printJson(QJsonDocument(QJsonObject{
            {QStringLiteral("normal"), QJsonArray::fromStringList(s.normal)},
            {QStringLiteral("digest"), QJsonArray::fromStringList(s.digest)},
            {QStringLiteral("nomail"), QJsonArray::fromStringList(s.nomail)},
        }));
        return ExitOk;
    }
    for (const QString &m : s.normal)
        out() << m << '\n';
    for (const QString &m : s.digest)
        out() << m << "\tdigest\n";
    for (const QString &m : s.nomail)
        out() << m << "\tnomail\n";
    out().flush();
    return ExitOk;
}

QString postPolicyName(ListSettings::Posting posting) {
    switch (posting) {
    case ListSettings::Posting::Anyone:
        return QStringLiteral("anyone");
    case ListSettings::Posting::SubscribersOnly:
        return QStringLiteral("subscribers");
    case ListSettings::Posting::ModeratorsOnly:
        return QStringLiteral("moderators");
    }
    return {};
}

int listShow(Context &c) {
    int code = 0;
    QString address;
    if (!listAddress(c, &address, &code))
        return code;
    if (c.args.size() != 1)
        return usageError(Cli::tr("list show takes the list address only."));
    CliSession session(c);
    if (const int openCode = session.open(); openCode != ExitOk)
        return openCode;
    MailingLists lists(session.connection());
    const auto result = session.await(lists.read(address));
    if (!result)
        return session.cancelled();
    if (!result->ok())
        return reportError(result->error());
    const ListState &state = result->value();
    const QString description = state.row ? state.row->description : QString();
    const QList<std::pair<QString, QString>> values = ListParameters::values(state.settings);
    if (c.isSet("json")) {
        QJsonObject settings;
        for (const auto &[name, value] : values)
            settings.insert(name, value);
        QJsonObject o{
            {QStringLiteral("address"), state.address},
            {QStringLiteral("display"), shown(state.address)},
            {QStringLiteral("directory"), state.directory},
            {QStringLiteral("description"), description},
            {QStringLiteral("post_policy"), postPolicyName(state.settings.posting)},
            {QStringLiteral("has_rows"), state.row.has_value()},
            {QStringLiteral("settings"), settings},
        };
        if (state.row) {
            o.insert(QStringLiteral("mlid"), state.row->mlid);
            o.insert(QStringLiteral("active"), state.row->active);
        }
        printJson(QJsonDocument(o));
        return ExitOk;
    }
    out() << "address=" << state.address << '\n'
          << "directory=" << state.directory << '\n'
          << "description=" << description << '\n'
          << "post_policy=" << postPolicyName(state.settings.posting) << '\n'
          << "has_rows=" << (state.row ? 1 : 0) << '\n';
    for (const auto &[name, value] : values)
        out() << name << '=' << QString(value).replace(QLatin1Char('\n'), QLatin1String("\\n"))
              << '\n';
    out().flush();
    return ExitOk;
}

int listSet(Context &c) {
    int code = 0;
    QString address;
    if (!listAddress(c, &address, &code))
        return code;
    if (c.args.size() != 1)
        return usageError(Cli::tr("list set takes the list address and options only."));
    if (!c.isSet("name") && !c.isSet("description") && !c.isSet("post-policy") &&
        !c.isSet("owner") && !c.isSet("moderator") && !c.isSet("set"))
        return usageError(Cli::tr("list set needs at least one of --name, --description, "
                                  "--post-policy, --owner, --moderator, --set NAME=VALUE."));
    std::optional<ListSettings::Posting> posting;
    if (c.isSet("post-policy")) {
        const QString policy = c.value("post-policy").trimmed().toLower();
        for (auto p : {ListSettings::Posting::Anyone, ListSettings::Posting::SubscribersOnly,
                       ListSettings::Posting::ModeratorsOnly})
            if (policy == postPolicyName(p))
                posting = p;
        if (!posting)
            return usageError(
                Cli::tr("--post-policy must be anyone, subscribers or moderators, not \"%1\".")
                    .arg(policy.left(40)));
    }
    CliSession session(c);
    if (const int openCode = session.open(); openCode != ExitOk)
        return openCode;
    MailingLists lists(session.connection());
    const auto state = session.await(lists.read(address));
    if (!state)
        return session.cancelled();
    if (!state->ok())
        return reportError(state->error());
    // The list as read, then the options in this order: --set, the named options.
    ListSettings s = state->value().settings;
    for (const QString &assignment : c.values("set"))
        if (Status st = ListParameters::applyAssignment(s, assignment); !st)
            return reportError(st.error());
    if (c.isSet("name"))
        s.name = c.value("name");
    if (posting)
        s.posting = *posting;
    if (c.isSet("owner"))
        s.owners = c.values("owner");
    if (c.isSet("moderator")) {
        s.moderators = c.values("moderator");
        s.moderators.removeAll(QString());
    }
    std::optional<QString> description;
    if (c.isSet("description")) {
        description = c.value("description");
        if (description->contains(QLatin1Char('\n')) || description->size() > 1000)
            return usageError(Cli::tr("--description: one line of at most 1000 characters."));
    }
    const auto normalised = ListSettings::normalised(s);
    if (!normalised)
        return reportError(normalised.error());
    // Files and rows, all or nothing; a change by someone else since the read is refused.
    const auto status = session.await(lists.update(state->value(), *normalised, description));
    if (!status)
        return session.cancelled();
    if (!status->ok())
        return reportError(status->error());
    out() << Cli::tr("Changed list %1.").arg(shown(address)) << Qt::endl;
    return ExitOk;
}

} // namespace

std::vector<Command> listCommands() {
    return {
        {QStringLiteral("list list"), QStringLiteral("DOMAIN [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "List the mailing lists of a domain."), listList},
        {QStringLiteral("list create"),
         QStringLiteral("ADDRESS [--name TEXT] [--description TEXT] [--owner ADDRESS]... "
                        "[--moderator ADDRESS]..."),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Create an mlmmj list: its directory on the server and its rows."),
         listCreate},
        {QStringLiteral("list show"), QStringLiteral("ADDRESS [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Show a list's description and every setting, by mlmmjadmin's "
                           "parameter names (the names list set --set takes)."),
         listShow},
        {QStringLiteral("list set"),
         QStringLiteral("ADDRESS [--name TEXT] [--description TEXT] "
                        "[--post-policy anyone|subscribers|moderators] [--owner ADDRESS]... "
                        "[--moderator ADDRESS]... [--set NAME=VALUE]..."),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Change a list after it was created: control files and rows, all or "
                           "nothing; --owner and --moderator replace the owners and moderators."),
         listSet},
        {QStringLiteral("list delete"), QStringLiteral("ADDRESS"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Delete a list: its rows, and its directory to mlmmj's archive."),
         listDelete},
        {QStringLiteral("list subscribe"),
         QStringLiteral("ADDRESS MEMBER...|--from-file FILE [--kind normal|digest|nomail]"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Subscribe addresses to a list (FILE: one a line, '-' for stdin)."),
         [](Context &c) {
             return listSubscribe(c, true);
         }},
        {QStringLiteral("list unsubscribe"),
         QStringLiteral("ADDRESS MEMBER...|--from-file FILE [--kind normal|digest|nomail]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Unsubscribe addresses from a list."),
         [](Context &c) {
             return listSubscribe(c, false);
         }},
        {QStringLiteral("list members"), QStringLiteral("ADDRESS [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Show the subscribers of a list."), listMembers},
    };
}

} // namespace maildeck::cli
