#include "app/cli/CliListCommands.h"

#include "app/cli/CliConnection.h"
#include "app/cli/CliDataCommands.h"
#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "core/db/MailingListRepository.h"
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
        const auto outcome = session.await(subscribe ? lists.importSubscribers(address, *members)
                                                     : lists.removeSubscribers(address, *members));
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
    const auto status = session.await(subscribe ? lists.subscribe(address, *members)
                                                : lists.unsubscribe(address, *members));
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
        {QStringLiteral("list delete"), QStringLiteral("ADDRESS"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Delete a list: its rows, and its directory to mlmmj's archive."),
         listDelete},
        {QStringLiteral("list subscribe"), QStringLiteral("ADDRESS MEMBER...|--from-file FILE"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Subscribe addresses to a list (FILE: one a line, '-' for stdin)."),
         [](Context &c) {
             return listSubscribe(c, true);
         }},
        {QStringLiteral("list unsubscribe"), QStringLiteral("ADDRESS MEMBER...|--from-file FILE"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Unsubscribe addresses from a list."),
         [](Context &c) {
             return listSubscribe(c, false);
         }},
        {QStringLiteral("list members"), QStringLiteral("ADDRESS [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Show the subscribers of a list."), listMembers},
    };
}

} // namespace maildeck::cli
