#include "app/cli/CliDataCommands.h"

#include "app/cli/CliConnection.h"
#include "core/db/AliasRepository.h"
#include "core/db/DbWorker.h"
#include "core/db/DomainRepository.h"
#include "core/db/EmailAddress.h"
#include "core/db/MailboxRepository.h"
#include "core/db/PasswordHash.h"
#include "core/session/IredadminSettings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace maildeck::cli {

using namespace maildeck::db;

namespace {

using StatusJob = std::function<Status(QSqlDatabase &)>;

// Connects, runs `job` as one transaction, prints `done` on success.
int runWrite(Context &c, StatusJob job, const QString &done) {
    CliSession session(c);
    if (const int code = session.open(); code != ExitOk)
        return code;
    const std::optional<Status> status =
        session.await(session.db()->runInTransaction(std::move(job)));
    if (!status)
        return session.cancelled();
    if (!status->ok())
        return reportError(status->error());
    if (!done.isEmpty())
        out() << done << Qt::endl;
    return ExitOk;
}

// Connects, runs the read `job`, hands the value to `print`.
template <class T>
int runRead(Context &c, std::function<Result<T>(QSqlDatabase &)> job,
            const std::function<void(const T &)> &print) {
    CliSession session(c);
    if (const int code = session.open(); code != ExitOk)
        return code;
    const std::optional<Result<T>> result = session.await(session.db()->run(std::move(job)));
    if (!result)
        return session.cancelled();
    if (!result->ok())
        return reportError(result->error());
    print(result->value());
    out().flush();
    return ExitOk;
}

QString isoUtc(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString yesNo(bool value) {
    return value ? QStringLiteral("1") : QStringLiteral("0");
}

void printTable(const QStringList &header, const QList<QStringList> &rows) {
    out() << header.join(QLatin1Char('\t')) << '\n';
    for (const QStringList &row : rows)
        out() << row.join(QLatin1Char('\t')) << '\n';
}

void printFields(const QList<std::pair<const char *, QString>> &fields) {
    for (const auto &[key, value] : fields)
        out() << QLatin1String(key) << '=' << value << '\n';
}

// Exactly `count` positional arguments (after the command words).
bool argCount(Context &c, qsizetype count, const QString &words, int *code) {
    if (c.args.size() == count)
        return true;
    *code = usageError(Cli::tr("%1 takes %n argument(s).", nullptr, int(count)).arg(words));
    return false;
}

Result<QString> storageDomain(const QString &input) {
    auto name = DomainName::parse(input);
    if (!name)
        return name.error();
    return name->toStorage();
}

// --scheme; nullopt: the server's setting (iRedAdmin's DEFAULT_PASSWORD_SCHEME).
Result<std::optional<PasswordScheme>> schemeOption(Context &c) {
    if (!c.isSet("scheme"))
        return std::optional<PasswordScheme>();
    PasswordScheme scheme = PasswordScheme::Ssha512;
    if (!PasswordHash::schemeFromName(c.value("scheme"), &scheme))
        return Error{QStringLiteral("cli.input.scheme"),
                     Cli::tr("Unknown password scheme '%1': use SSHA512, BLF-CRYPT or "
                             "SHA512-CRYPT.")
                         .arg(c.value("scheme")),
                     {}};
    return std::optional<PasswordScheme>(scheme);
}

// Connects; hashes with --scheme or the server's scheme; runs `job` as one transaction.
int runPasswordWrite(Context &c, std::optional<PasswordScheme> scheme,
                     const std::function<Status(QSqlDatabase &, PasswordScheme)> &job,
                     const QString &done) {
    CliSession session(c);
    if (const int code = session.open(); code != ExitOk)
        return code;
    if (!scheme) {
        const auto setting =
            session.await(IredadminSettings::readPasswordScheme(session.connection()));
        if (!setting)
            return session.cancelled();
        scheme = setting->scheme;
        if (session.verbose())
            err() << (setting->note.isEmpty()
                          ? Cli::tr("Password scheme %1 (from %2).")
                                .arg(PasswordHash::schemeName(*scheme), setting->source)
                          : setting->note)
                  << Qt::endl;
    }
    const std::optional<Status> status = session.await(session.db()->runInTransaction(
        [job, s = *scheme](QSqlDatabase &db) { return job(db, s); }));
    if (!status)
        return session.cancelled();
    if (!status->ok())
        return reportError(status->error());
    out() << done << Qt::endl;
    return ExitOk;
}

// The new password: --password-file FILE, --password-stdin, or asked twice on a terminal.
Result<QString> newPassword(Context &c, const QString &address) {
    auto firstLine = [](QByteArray data) {
        const qsizetype end = data.indexOf('\n');
        if (end >= 0)
            data.truncate(end);
        if (data.endsWith('\r'))
            data.chop(1);
        return QString::fromUtf8(data);
    };
    if (c.isSet("password-file")) {
        QFile file(c.value("password-file"));
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("cli.input.password"),
                         Cli::tr("Cannot read the password file %1: %2")
                             .arg(file.fileName(), file.errorString()),
                         {}};
        return firstLine(file.readAll());
    }
    if (c.isSet("password-stdin")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return Error{QStringLiteral("cli.input.password"),
                         Cli::tr("Cannot read the password from stdin."),
                         {}};
        return firstLine(in.readLine());
    }
    if (!TerminalPrompter::interactive())
        return Error{QStringLiteral("cli.input.password"),
                     Cli::tr("A password is needed: pass --password-file FILE or "
                             "--password-stdin."),
                     {}};
    err() << Cli::tr("New password for %1: ").arg(address);
    err().flush();
    const std::optional<QString> first = TerminalPrompter::readLine(false);
    err() << Cli::tr("Repeat the password: ");
    err().flush();
    const std::optional<QString> second = first ? TerminalPrompter::readLine(false) : std::nullopt;
    if (!first || !second)
        return Error{QStringLiteral("cli.cancelled"), Cli::tr("Cancelled."), {}};
    if (*first != *second)
        return Error{QStringLiteral("cli.input.password"),
                     Cli::tr("The two passwords differ; nothing was changed."),
                     {}};
    return *first;
}

// ----- domain ---------------------------------------------------------------------------------

QJsonObject domainJson(const DomainSummary &d) {
    QJsonObject o{
        {QStringLiteral("domain"), d.domain},
        {QStringLiteral("display"), DomainName::displayOf(d.domain)},
        {QStringLiteral("description"), d.description},
        {QStringLiteral("active"), d.active},
        {QStringLiteral("backup_mx"), d.backupMx},
        {QStringLiteral("transport"), d.transport},
        {QStringLiteral("mailbox_limit"), d.mailboxLimit},
        {QStringLiteral("alias_limit"), d.aliasLimit},
        {QStringLiteral("list_limit"), d.listLimit},
        {QStringLiteral("max_quota_mb"), d.maxQuotaMb},
        {QStringLiteral("mailboxes"), d.mailboxCount},
        {QStringLiteral("aliases"), d.aliasCount},
        {QStringLiteral("lists"), d.listCount},
        {QStringLiteral("alias_domains"), d.aliasDomainCount},
        {QStringLiteral("quota_allocated_mb"), d.quotaAllocatedMb},
        {QStringLiteral("created"), isoUtc(d.created)},
        {QStringLiteral("modified"), isoUtc(d.modified)},
    };
    o.insert(QStringLiteral("quota_used_bytes"),
             d.quotaUsedBytes ? QJsonValue(*d.quotaUsedBytes) : QJsonValue(QJsonValue::Null));
    return o;
}

int domainList(Context &c) {
    int code = 0;
    if (!argCount(c, 0, QStringLiteral("domain list"), &code))
        return code;
    const bool json = c.isSet("json");
    return runRead<QList<DomainSummary>>(
        c, [](QSqlDatabase &db) { return DomainRepository::list(db); },
        [json](const QList<DomainSummary> &domains) {
            if (json) {
                QJsonArray array;
                for (const DomainSummary &d : domains)
                    array.append(domainJson(d));
                return printJson(QJsonDocument(array));
            }
            QList<QStringList> rows;
            for (const DomainSummary &d : domains)
                rows << QStringList{d.domain,
                                    yesNo(d.active),
                                    QString::number(d.mailboxCount),
                                    QString::number(d.aliasCount),
                                    QString::number(d.listCount),
                                    d.description};
            printTable({QStringLiteral("domain"), QStringLiteral("active"),
                        QStringLiteral("mailboxes"), QStringLiteral("aliases"),
                        QStringLiteral("lists"), QStringLiteral("description")},
                       rows);
        });
}

int domainShow(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("domain show"), &code))
        return code;
    const auto domain = storageDomain(c.args.first());
    if (!domain)
        return reportError(domain.error());
    const bool json = c.isSet("json");
    return runRead<DomainSummary>(
        c, [d = *domain](QSqlDatabase &db) { return DomainRepository::get(db, d); },
        [json](const DomainSummary &d) {
            const QJsonObject o = domainJson(d);
            if (json)
                return printJson(QJsonDocument(o));
            for (auto it = o.begin(); it != o.end(); ++it)
                out() << it.key() << '='
                      << (it->isBool() ? yesNo(it->toBool()) : it->toVariant().toString()) << '\n';
        });
}

int domainAdd(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("domain add"), &code))
        return code;
    const auto domain = storageDomain(c.args.first());
    if (!domain)
        return reportError(domain.error());
    return runWrite(
        c,
        [d = *domain, name = c.value("name")](QSqlDatabase &db) {
            return DomainRepository::create(db, d, name);
        },
        Cli::tr("Created domain %1.").arg(DomainName::displayOf(*domain)));
}

int domainSetActive(Context &c, bool active) {
    int code = 0;
    if (!argCount(c, 1, active ? QStringLiteral("domain enable") : QStringLiteral("domain disable"),
                  &code))
        return code;
    const auto domain = storageDomain(c.args.first());
    if (!domain)
        return reportError(domain.error());
    return runWrite(
        c,
        [d = *domain, active](QSqlDatabase &db) {
            return DomainRepository::setActive(db, d, active);
        },
        (active ? Cli::tr("Enabled domain %1.") : Cli::tr("Disabled domain %1."))
            .arg(DomainName::displayOf(*domain)));
}

int domainDelete(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("domain delete"), &code))
        return code;
    const auto domain = storageDomain(c.args.first());
    if (!domain)
        return reportError(domain.error());
    const bool confirmed = c.isSet("yes");
    CliSession session(c);
    if (const int openCode = session.open(); openCode != ExitOk)
        return openCode;
    // The plan and the deletion in one transaction: what is shown is what goes.
    auto job = [d = *domain, confirmed](QSqlDatabase &db) -> Result<DeletionPlan> {
        auto plan = DomainRepository::planDeletion(db, d);
        if (!plan || !confirmed)
            return plan;
        if (Status s = DomainRepository::remove(db, *plan); !s)
            return s.error();
        return plan;
    };
    const auto result = session.await(session.db()->runInTransaction(job));
    if (!result)
        return session.cancelled();
    if (!result->ok())
        return reportError(result->error());
    const DeletionPlan &plan = result->value();
    for (const DeletionPlan::TableRows &t : plan.tables)
        if (t.rows > 0)
            out() << t.table << '\t' << t.rows << '\n';
    if (!confirmed) {
        out().flush();
        err() << Cli::tr("Nothing was deleted: add --yes to delete domain %1 and the %n row(s) "
                         "above.",
                         nullptr, plan.totalRows())
                     .arg(DomainName::displayOf(*domain))
              << Qt::endl;
        return ExitFailed;
    }
    out() << Cli::tr("Deleted domain %1.").arg(DomainName::displayOf(*domain)) << Qt::endl;
    return ExitOk;
}

// ----- mailbox --------------------------------------------------------------------------------

QJsonObject mailboxJson(const MailboxRow &m) {
    QJsonObject services;
    for (auto it = m.services.begin(); it != m.services.end(); ++it)
        services.insert(it.key(), it.value());
    QJsonObject o{
        {QStringLiteral("username"), m.username},
        {QStringLiteral("display"), EmailAddress::displayOf(m.username)},
        {QStringLiteral("domain"), m.domain},
        {QStringLiteral("name"), m.name},
        {QStringLiteral("language"), m.language},
        {QStringLiteral("quota_mb"), m.quotaMb},
        {QStringLiteral("active"), m.active},
        {QStringLiteral("maildir"), m.maildir},
        {QStringLiteral("home"), m.homeDirectory()},
        {QStringLiteral("password_scheme"), m.passwordScheme},
        {QStringLiteral("password_weak"), m.passwordWeak},
        {QStringLiteral("password_last_change"), isoUtc(m.passwordLastChange)},
        {QStringLiteral("forward_to"), QJsonArray::fromStringList(m.forwardTo)},
        {QStringLiteral("keeps_local_copy"), m.keepsLocalCopy},
        {QStringLiteral("services"), services},
        {QStringLiteral("created"), isoUtc(m.created)},
        {QStringLiteral("modified"), isoUtc(m.modified)},
    };
    o.insert(QStringLiteral("used_bytes"),
             m.usedBytes ? QJsonValue(*m.usedBytes) : QJsonValue(QJsonValue::Null));
    return o;
}

int mailboxList(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("mailbox list"), &code))
        return code;
    const auto domain = storageDomain(c.args.first());
    if (!domain)
        return reportError(domain.error());
    const bool json = c.isSet("json");
    return runRead<QList<MailboxRow>>(
        c, [d = *domain](QSqlDatabase &db) { return MailboxRepository::listForDomain(db, d); },
        [json](const QList<MailboxRow> &boxes) {
            if (json) {
                QJsonArray array;
                for (const MailboxRow &m : boxes)
                    array.append(mailboxJson(m));
                return printJson(QJsonDocument(array));
            }
            QList<QStringList> rows;
            for (const MailboxRow &m : boxes)
                rows << QStringList{m.username,
                                    yesNo(m.active),
                                    QString::number(m.quotaMb),
                                    m.usedBytes ? QString::number(*m.usedBytes)
                                                : QStringLiteral("NULL"),
                                    m.passwordScheme,
                                    m.name};
            printTable({QStringLiteral("username"), QStringLiteral("active"),
                        QStringLiteral("quota_mb"), QStringLiteral("used_bytes"),
                        QStringLiteral("scheme"), QStringLiteral("name")},
                       rows);
        });
}

int mailboxShow(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("mailbox show"), &code))
        return code;
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    const bool json = c.isSet("json");
    return runRead<MailboxRow>(
        c, [a = *address](QSqlDatabase &db) { return MailboxRepository::get(db, a); },
        [json](const MailboxRow &m) {
            if (json)
                return printJson(QJsonDocument(mailboxJson(m)));
            printFields({{"username", m.username},
                         {"name", m.name},
                         {"active", yesNo(m.active)},
                         {"quota_mb", QString::number(m.quotaMb)},
                         {"used_bytes",
                          m.usedBytes ? QString::number(*m.usedBytes) : QStringLiteral("NULL")},
                         {"home", m.homeDirectory()},
                         {"password_scheme", m.passwordScheme},
                         {"password_weak", yesNo(m.passwordWeak)},
                         {"forward_to", m.forwardTo.join(QLatin1Char(','))},
                         {"keeps_local_copy", yesNo(m.keepsLocalCopy)}});
        });
}

int mailboxAdd(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("mailbox add"), &code))
        return code;
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    NewMailbox box;
    box.address = *address;
    box.name = c.value("name");
    if (c.isSet("quota")) {
        bool ok = false;
        const qint64 quota = c.value("quota").toLongLong(&ok);
        if (!ok || quota < 0)
            return usageError(Cli::tr("--quota must be a number of megabytes (0: unlimited)."));
        box.quotaMb = quota;
    }
    const auto scheme = schemeOption(c);
    if (!scheme)
        return reportError(scheme.error());
    const auto password = newPassword(c, EmailAddress::displayOf(*address));
    if (!password)
        return reportError(password.error());
    box.password = *password;
    return runPasswordWrite(
        c, *scheme,
        [box](QSqlDatabase &db, PasswordScheme s) {
            NewMailbox withScheme = box;
            withScheme.scheme = s;
            return MailboxRepository::create(db, withScheme);
        },
        Cli::tr("Created mailbox %1.").arg(EmailAddress::displayOf(*address)));
}

int mailboxPasswd(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("mailbox passwd"), &code))
        return code;
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    const auto scheme = schemeOption(c);
    if (!scheme)
        return reportError(scheme.error());
    const auto password = newPassword(c, EmailAddress::displayOf(*address));
    if (!password)
        return reportError(password.error());
    return runPasswordWrite(
        c, *scheme,
        [a = *address, p = *password](QSqlDatabase &db, PasswordScheme s) {
            return MailboxRepository::setPassword(db, a, p, s);
        },
        Cli::tr("Changed the password of %1.").arg(EmailAddress::displayOf(*address)));
}

int mailboxSetActive(Context &c, bool active) {
    int code = 0;
    if (!argCount(c, 1,
                  active ? QStringLiteral("mailbox enable") : QStringLiteral("mailbox disable"),
                  &code))
        return code;
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    return runWrite(
        c,
        [a = *address, active](QSqlDatabase &db) {
            return MailboxRepository::setActive(db, a, active);
        },
        (active ? Cli::tr("Enabled mailbox %1.") : Cli::tr("Disabled mailbox %1."))
            .arg(EmailAddress::displayOf(*address)));
}

int mailboxDelete(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("mailbox delete"), &code))
        return code;
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    return runWrite(
        c, [a = *address](QSqlDatabase &db) { return MailboxRepository::remove(db, a); },
        Cli::tr("Deleted mailbox %1.").arg(EmailAddress::displayOf(*address)));
}

// ----- alias ----------------------------------------------------------------------------------

QJsonObject aliasJson(const AliasAccount &a) {
    return QJsonObject{
        {QStringLiteral("address"), a.address},
        {QStringLiteral("display"), EmailAddress::displayOf(a.address)},
        {QStringLiteral("domain"), a.domain},
        {QStringLiteral("name"), a.name},
        {QStringLiteral("access_policy"), a.accessPolicy},
        {QStringLiteral("active"), a.active},
        {QStringLiteral("members"), QJsonArray::fromStringList(a.members)},
        {QStringLiteral("moderators"), QJsonArray::fromStringList(a.moderators)},
        {QStringLiteral("created"), isoUtc(a.created)},
        {QStringLiteral("modified"), isoUtc(a.modified)},
    };
}

int aliasList(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("alias list"), &code))
        return code;
    const auto domain = storageDomain(c.args.first());
    if (!domain)
        return reportError(domain.error());
    const bool json = c.isSet("json");
    return runRead<DomainAliases>(
        c, [d = *domain](QSqlDatabase &db) { return AliasRepository::listForDomain(db, d); },
        [json](const DomainAliases &aliases) {
            if (json) {
                QJsonArray array;
                for (const AliasAccount &a : aliases.accounts)
                    array.append(aliasJson(a));
                return printJson(QJsonDocument(array));
            }
            QList<QStringList> rows;
            for (const AliasAccount &a : aliases.accounts)
                rows << QStringList{a.address, yesNo(a.active), a.members.join(QLatin1Char(',')),
                                    a.name};
            printTable({QStringLiteral("address"), QStringLiteral("active"),
                        QStringLiteral("members"), QStringLiteral("name")},
                       rows);
        });
}

int aliasShow(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("alias show"), &code))
        return code;
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    const bool json = c.isSet("json");
    return runRead<AliasAccount>(
        c, [a = *address](QSqlDatabase &db) { return AliasRepository::getAlias(db, a); },
        [json](const AliasAccount &a) {
            if (json)
                return printJson(QJsonDocument(aliasJson(a)));
            printFields({{"address", a.address},
                         {"name", a.name},
                         {"active", yesNo(a.active)},
                         {"access_policy", a.accessPolicy},
                         {"members", a.members.join(QLatin1Char(','))},
                         {"moderators", a.moderators.join(QLatin1Char(','))}});
        });
}

int aliasAdd(Context &c) {
    if (c.args.isEmpty())
        return usageError(Cli::tr("alias add needs the alias address."));
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    return runWrite(
        c,
        [a = *address, name = c.value("name"), members = c.args.mid(1)](QSqlDatabase &db) {
            return AliasRepository::createAlias(db, a, name, members);
        },
        Cli::tr("Created alias %1.").arg(EmailAddress::displayOf(*address)));
}

int aliasDelete(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("alias delete"), &code))
        return code;
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    return runWrite(
        c, [a = *address](QSqlDatabase &db) { return AliasRepository::removeAlias(db, a); },
        Cli::tr("Deleted alias %1.").arg(EmailAddress::displayOf(*address)));
}

int aliasMembers(Context &c, bool add) {
    if (c.args.size() < 2)
        return usageError(
            add ? Cli::tr("alias members add needs the alias and at least one member.")
                : Cli::tr("alias members remove needs the alias and at least one "
                          "member."));
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    QStringList members;
    for (const QString &input : c.args.mid(1)) {
        const auto member = storageAddress(input);
        if (!member)
            return reportError(member.error());
        members << *member;
    }
    // Read and write in one transaction; updateAlias checks the version as well.
    auto job = [a = *address, members, add](QSqlDatabase &db) -> Status {
        auto current = AliasRepository::getAlias(db, a);
        if (!current)
            return current.error();
        QStringList next = current->members;
        for (const QString &m : members) {
            if (add && !next.contains(m))
                next << m;
            if (!add) {
                if (!next.contains(m))
                    return Error{QStringLiteral("cli.input.notmember"),
                                 Cli::tr("%1 is not a member of %2; nothing was changed.")
                                     .arg(EmailAddress::displayOf(m), EmailAddress::displayOf(a)),
                                 {}};
                next.removeAll(m);
            }
        }
        return AliasRepository::updateAlias(db, *current, current->name, current->accessPolicy,
                                            current->active, next);
    };
    return runWrite(c, job,
                    (add ? Cli::tr("Added %n member(s) to %1.", nullptr, int(members.size()))
                         : Cli::tr("Removed %n member(s) from %1.", nullptr, int(members.size())))
                        .arg(EmailAddress::displayOf(*address)));
}

// ----- forward --------------------------------------------------------------------------------

int forwardSet(Context &c, bool clear) {
    if (clear ? c.args.size() != 1 : c.args.size() < 2)
        return usageError(clear ? Cli::tr("forward clear takes the mailbox address.")
                                : Cli::tr("forward set needs the mailbox and at least one "
                                          "destination."));
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    const bool keepCopy = clear || c.isSet("keep-copy");
    auto job = [a = *address, destinations = c.args.mid(1), keepCopy](QSqlDatabase &db) -> Status {
        auto current = AliasRepository::getForwarding(db, a);
        if (!current)
            return current.error();
        return AliasRepository::setForwarding(db, *current, destinations, keepCopy);
    };
    return runWrite(
        c, job,
        (clear ? Cli::tr("%1 no longer forwards mail.") : Cli::tr("Mail to %1 is now forwarded."))
            .arg(EmailAddress::displayOf(*address)));
}

int forwardShow(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("forward show"), &code))
        return code;
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    const bool json = c.isSet("json");
    return runRead<UserForwarding>(
        c, [a = *address](QSqlDatabase &db) { return AliasRepository::getForwarding(db, a); },
        [json](const UserForwarding &f) {
            if (json)
                return printJson(QJsonDocument(QJsonObject{
                    {QStringLiteral("address"), f.address},
                    {QStringLiteral("destinations"), QJsonArray::fromStringList(f.destinations)},
                    {QStringLiteral("keep_local_copy"), f.keepLocalCopy},
                    {QStringLiteral("active"), f.active}}));
            printFields({{"address", f.address},
                         {"destinations", f.destinations.join(QLatin1Char(','))},
                         {"keep_local_copy", yesNo(f.keepLocalCopy)}});
        });
}

} // namespace

Result<QString> storageAddress(const QString &input) {
    auto address = EmailAddress::parse(input);
    if (!address)
        return address.error();
    return address->toStorage();
}

std::vector<Command> dataCommands() {
    return {
        {QStringLiteral("domain list"), QStringLiteral("[--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "List the domains with their counts."), domainList},
        {QStringLiteral("domain show"), QStringLiteral("DOMAIN [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Show one domain."), domainShow},
        {QStringLiteral("domain add"), QStringLiteral("DOMAIN [--name TEXT]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Create a domain."), domainAdd},
        {QStringLiteral("domain disable"), QStringLiteral("DOMAIN"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Disable a domain."),
         [](Context &c) {
             return domainSetActive(c, false);
         }},
        {QStringLiteral("domain enable"), QStringLiteral("DOMAIN"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Enable a domain."),
         [](Context &c) {
             return domainSetActive(c, true);
         }},
        {QStringLiteral("domain delete"), QStringLiteral("DOMAIN [--yes]"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Show what deleting a domain removes; with --yes, delete it."),
         domainDelete},
        {QStringLiteral("mailbox list"), QStringLiteral("DOMAIN [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "List the mailboxes of a domain."), mailboxList},
        {QStringLiteral("mailbox show"), QStringLiteral("ADDRESS [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Show one mailbox."), mailboxShow},
        {QStringLiteral("mailbox add"),
         QStringLiteral(
             "ADDRESS [--name TEXT] [--quota MB] [--password-file FILE|--password-stdin] "
             "[--scheme SCHEME]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Create a mailbox."), mailboxAdd},
        {QStringLiteral("mailbox passwd"),
         QStringLiteral("ADDRESS [--password-file FILE|--password-stdin] [--scheme SCHEME]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Change the password of a mailbox."), mailboxPasswd},
        {QStringLiteral("mailbox disable"), QStringLiteral("ADDRESS"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Disable a mailbox."),
         [](Context &c) {
             return mailboxSetActive(c, false);
         }},
        {QStringLiteral("mailbox enable"), QStringLiteral("ADDRESS"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Enable a mailbox."),
         [](Context &c) {
             return mailboxSetActive(c, true);
         }},
        {QStringLiteral("mailbox delete"), QStringLiteral("ADDRESS"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Delete a mailbox and every row that refers to it."),
         mailboxDelete},
        {QStringLiteral("alias list"), QStringLiteral("DOMAIN [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "List the alias accounts of a domain."), aliasList},
        {QStringLiteral("alias show"), QStringLiteral("ADDRESS [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Show one alias account."), aliasShow},
        {QStringLiteral("alias add"), QStringLiteral("ADDRESS [--name TEXT] [MEMBER...]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Create an alias account."), aliasAdd},
        {QStringLiteral("alias delete"), QStringLiteral("ADDRESS"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Delete an alias account."), aliasDelete},
        {QStringLiteral("alias members add"), QStringLiteral("ADDRESS MEMBER..."),
         QT_TRANSLATE_NOOP("MaildeckCli", "Add members to an alias account."),
         [](Context &c) {
             return aliasMembers(c, true);
         }},
        {QStringLiteral("alias members remove"), QStringLiteral("ADDRESS MEMBER..."),
         QT_TRANSLATE_NOOP("MaildeckCli", "Remove members from an alias account."),
         [](Context &c) {
             return aliasMembers(c, false);
         }},
        {QStringLiteral("forward show"), QStringLiteral("ADDRESS [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Show where mail to a mailbox is forwarded."),
         forwardShow},
        {QStringLiteral("forward set"), QStringLiteral("ADDRESS DEST... [--keep-copy]"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Forward mail to a mailbox; --keep-copy keeps a copy in the mailbox."),
         [](Context &c) {
             return forwardSet(c, false);
         }},
        {QStringLiteral("forward clear"), QStringLiteral("ADDRESS"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Stop forwarding mail to a mailbox."),
         [](Context &c) {
             return forwardSet(c, true);
         }},
    };
}

} // namespace maildeck::cli
