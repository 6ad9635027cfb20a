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

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

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
    if (!done.isEmpty())
        out() << done << Qt::endl;
    return ExitOk;
}

// The new password: --password-file FILE, --password-stdin, or asked twice on a terminal.
Result<QString> newPassword(Context &c, const QString &address) {
    if (auto given = passwordFromOptions(c))
        return *given;
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

int aliasSet(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("alias set"), &code))
        return code;
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    if (!c.isSet("name") && !c.isSet("access-policy") && !c.isSet("moderator"))
        return usageError(
            Cli::tr("alias set needs --name, --access-policy or --moderator (nothing to change)."));
    const std::optional<QString> name =
        c.isSet("name") ? std::optional<QString>(c.value("name")) : std::nullopt;
    const std::optional<QString> policy =
        c.isSet("access-policy") ? std::optional<QString>(c.value("access-policy")) : std::nullopt;
    // --moderator '' (once, empty) clears the moderators.
    std::optional<QStringList> moderators;
    if (c.isSet("moderator")) {
        QStringList given = c.values("moderator");
        given.removeAll(QString());
        const auto normalised = AliasRepository::normaliseModerators(given);
        if (!normalised) // bad input: exit 2 like every other
            return reportError(Error{QStringLiteral("cli.input.moderator"),
                                     normalised.error().message, normalised.error().detail});
        moderators = *normalised;
    }
    // Read and write in one transaction; each repository call checks the version as well.
    auto job = [a = *address, name, policy, moderators](QSqlDatabase &db) -> Status {
        auto current = AliasRepository::getAlias(db, a);
        if (!current)
            return current.error();
        if (name || policy) {
            if (Status s = AliasRepository::updateAlias(db, *current, name.value_or(current->name),
                                                        policy.value_or(current->accessPolicy),
                                                        current->active, current->members);
                !s)
                return s;
            current = AliasRepository::getAlias(db, a);
            if (!current)
                return current.error();
        }
        if (moderators)
            return AliasRepository::setAliasModerators(db, *current, *moderators);
        return Status::success();
    };
    return runWrite(c, job, Cli::tr("Changed alias %1.").arg(EmailAddress::displayOf(*address)));
}

int aliasSetActive(Context &c, bool active) {
    int code = 0;
    if (!argCount(c, 1, active ? QStringLiteral("alias enable") : QStringLiteral("alias disable"),
                  &code))
        return code;
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    auto job = [a = *address, active](QSqlDatabase &db) -> Status {
        auto current = AliasRepository::getAlias(db, a);
        if (!current)
            return current.error();
        return AliasRepository::updateAlias(db, *current, current->name, current->accessPolicy,
                                            active, current->members);
    };
    return runWrite(c, job,
                    (active ? Cli::tr("Enabled alias %1.") : Cli::tr("Disabled alias %1."))
                        .arg(EmailAddress::displayOf(*address)));
}

// ----- alias-domain ---------------------------------------------------------------------------

int aliasDomainList(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("alias-domain list"), &code))
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
                for (const AliasDomain &a : aliases.aliasDomains)
                    array.append(QJsonObject{
                        {QStringLiteral("alias_domain"), a.aliasDomain},
                        {QStringLiteral("display"), DomainName::displayOf(a.aliasDomain)},
                        {QStringLiteral("target_domain"), a.targetDomain},
                        {QStringLiteral("active"), a.active}});
                return printJson(QJsonDocument(array));
            }
            QList<QStringList> rows;
            for (const AliasDomain &a : aliases.aliasDomains)
                rows << QStringList{a.aliasDomain, a.targetDomain, yesNo(a.active)};
            printTable({QStringLiteral("alias_domain"), QStringLiteral("target_domain"),
                        QStringLiteral("active")},
                       rows);
        });
}

int aliasDomainAdd(Context &c) {
    int code = 0;
    if (!argCount(c, 2, QStringLiteral("alias-domain add"), &code))
        return code;
    const auto alias = storageDomain(c.args.at(0));
    if (!alias)
        return reportError(alias.error());
    const auto target = storageDomain(c.args.at(1));
    if (!target)
        return reportError(target.error());
    return runWrite(
        c,
        [a = *alias, t = *target](QSqlDatabase &db) {
            return AliasRepository::createAliasDomain(db, a, t);
        },
        Cli::tr("Mail to %1 now goes to %2.")
            .arg(DomainName::displayOf(*alias), DomainName::displayOf(*target)));
}

int aliasDomainRemove(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("alias-domain remove"), &code))
        return code;
    const auto alias = storageDomain(c.args.first());
    if (!alias)
        return reportError(alias.error());
    return runWrite(
        c, [a = *alias](QSqlDatabase &db) { return AliasRepository::removeAliasDomain(db, a); },
        Cli::tr("Removed the alias domain %1.").arg(DomainName::displayOf(*alias)));
}

// ----- catchall -------------------------------------------------------------------------------

int catchAllShow(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("catchall show"), &code))
        return code;
    const auto domain = storageDomain(c.args.first());
    if (!domain)
        return reportError(domain.error());
    const bool json = c.isSet("json");
    return runRead<CatchAll>(
        c, [d = *domain](QSqlDatabase &db) { return AliasRepository::getCatchAll(db, d); },
        [json](const CatchAll &a) {
            if (json)
                return printJson(QJsonDocument(QJsonObject{
                    {QStringLiteral("domain"), a.domain},
                    {QStringLiteral("destinations"), QJsonArray::fromStringList(a.destinations)},
                    {QStringLiteral("active"), a.active}}));
            printFields({{"domain", a.domain},
                         {"destinations", a.destinations.join(QLatin1Char(','))},
                         {"active", yesNo(a.active)}});
        });
}

int catchAllSet(Context &c, bool clear) {
    if (clear ? c.args.size() != 1 : c.args.size() < 2)
        return usageError(clear ? Cli::tr("catchall clear takes the domain.")
                                : Cli::tr("catchall set needs the domain and at least one "
                                          "address."));
    const auto domain = storageDomain(c.args.first());
    if (!domain)
        return reportError(domain.error());
    QStringList destinations;
    for (const QString &input : c.args.mid(1)) {
        const auto a = storageAddress(input);
        if (!a)
            return reportError(a.error());
        destinations << *a;
    }
    auto job = [d = *domain, destinations](QSqlDatabase &db) -> Status {
        auto current = AliasRepository::getCatchAll(db, d);
        if (!current)
            return current.error();
        return AliasRepository::setCatchAll(db, *current, destinations);
    };
    return runWrite(c, job,
                    (clear ? Cli::tr("Removed the catch-all of %1.")
                           : Cli::tr("Mail to unknown addresses in %1 now goes to %n "
                                     "address(es).",
                                     nullptr, int(destinations.size())))
                        .arg(DomainName::displayOf(*domain)));
}

// ----- mailbox alias --------------------------------------------------------------------------

QString domainOfAddress(const QString &address) {
    return address.mid(address.lastIndexOf(QLatin1Char('@')) + 1);
}

int mailboxAliasList(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("mailbox alias list"), &code))
        return code;
    const auto mailbox = storageAddress(c.args.first());
    if (!mailbox)
        return reportError(mailbox.error());
    const bool json = c.isSet("json");
    using Aliases = QList<UserAliasAddress>;
    return runRead<Aliases>(
        c,
        [m = *mailbox](QSqlDatabase &db) -> Result<Aliases> {
            // The mailbox must exist: an empty list then means "none".
            if (auto box = MailboxRepository::get(db, m); !box)
                return box.error();
            auto all = AliasRepository::listForDomain(db, domainOfAddress(m));
            if (!all)
                return all.error();
            Aliases mine;
            for (const UserAliasAddress &a : all->userAliases)
                if (a.target == m)
                    mine << a;
            return mine;
        },
        [json](const Aliases &aliases) {
            if (json) {
                QJsonArray array;
                for (const UserAliasAddress &a : aliases)
                    array.append(
                        QJsonObject{{QStringLiteral("address"), a.alias},
                                    {QStringLiteral("display"), EmailAddress::displayOf(a.alias)},
                                    {QStringLiteral("mailbox"), a.target},
                                    {QStringLiteral("active"), a.active}});
                return printJson(QJsonDocument(array));
            }
            QList<QStringList> rows;
            for (const UserAliasAddress &a : aliases)
                rows << QStringList{a.alias, yesNo(a.active)};
            printTable({QStringLiteral("address"), QStringLiteral("active")}, rows);
        });
}

int mailboxAliasChange(Context &c, bool add) {
    if (c.args.size() < 2)
        return usageError(add ? Cli::tr("mailbox alias add needs the mailbox and at least one "
                                        "alias address.")
                              : Cli::tr("mailbox alias remove needs the mailbox and at least "
                                        "one alias address."));
    const auto mailbox = storageAddress(c.args.first());
    if (!mailbox)
        return reportError(mailbox.error());
    QStringList aliases;
    for (const QString &input : c.args.mid(1)) {
        const auto a = storageAddress(input);
        if (!a)
            return reportError(a.error());
        // As the mailbox tab lists them: alias addresses live in the mailbox's own domain.
        if (domainOfAddress(*a) != domainOfAddress(*mailbox))
            return reportError(Error{
                QStringLiteral("cli.input.alias"),
                Cli::tr("%1 is not in the domain of %2: an alias address of a mailbox is in its "
                        "domain (for other domains use an alias domain or an alias account).")
                    .arg(EmailAddress::displayOf(*a), EmailAddress::displayOf(*mailbox)),
                {}});
        if (*a == *mailbox)
            return reportError(
                Error{QStringLiteral("cli.input.alias"),
                      Cli::tr("%1 is the mailbox's own address.").arg(EmailAddress::displayOf(*a)),
                      {}});
        if (!aliases.contains(*a))
            aliases << *a;
    }
    // All in one transaction: one bad address and nothing is changed.
    auto job = [m = *mailbox, aliases, add](QSqlDatabase &db) -> Status {
        if (add) {
            for (const QString &a : aliases)
                if (Status s = AliasRepository::addUserAlias(db, a, m); !s)
                    return s;
            return Status::success();
        }
        auto all = AliasRepository::listForDomain(db, domainOfAddress(m));
        if (!all)
            return all.error();
        for (const QString &a : aliases) {
            const bool mine = std::any_of(
                all->userAliases.begin(), all->userAliases.end(),
                [&](const UserAliasAddress &u) { return u.alias == a && u.target == m; });
            if (!mine)
                return Error{QStringLiteral("db.notfound"),
                             Cli::tr("%1 is not an alias address of %2; nothing was changed.")
                                 .arg(EmailAddress::displayOf(a), EmailAddress::displayOf(m)),
                             {}};
            if (Status s = AliasRepository::removeUserAlias(db, a); !s)
                return s;
        }
        return Status::success();
    };
    return runWrite(
        c, job,
        (add ? Cli::tr("Added %n alias address(es) to %1.", nullptr, int(aliases.size()))
             : Cli::tr("Removed %n alias address(es) from %1.", nullptr, int(aliases.size())))
            .arg(EmailAddress::displayOf(*mailbox)));
}

// ----- domain set, mailbox set, mailbox import ------------------------------------------------

Error badSet(const QString &message) {
    return Error{QStringLiteral("cli.input.set"), message, {}};
}

// --set NAME=VALUE, split; `names` lists what the command knows (for the message).
Result<QList<std::pair<QString, QString>>> assignments(Context &c, const QStringList &names) {
    QList<std::pair<QString, QString>> out;
    for (const QString &a : c.values("set")) {
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        const QString name = a.left(eq).trimmed().toLower();
        if (eq <= 0 || !names.contains(name))
            return badSet(Cli::tr("--set %1: write NAME=VALUE with NAME one of %2.")
                              .arg(a.left(60), names.join(QStringLiteral(", "))));
        out.append({name, a.mid(eq + 1)});
    }
    return out;
}

Result<qint64> numberValue(const QString &name, const QString &value, qint64 minimum) {
    bool ok = false;
    const qint64 n = value.trimmed().toLongLong(&ok);
    if (!ok || n < minimum)
        return badSet(Cli::tr("--set %1: \"%2\" is not a number of at least %3.")
                          .arg(name, value.left(40))
                          .arg(minimum));
    return n;
}

int domainSet(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("domain set"), &code))
        return code;
    const auto domain = storageDomain(c.args.first());
    if (!domain)
        return reportError(domain.error());
    const QStringList names = {QStringLiteral("description"), QStringLiteral("mailboxes"),
                               QStringLiteral("aliases"),     QStringLiteral("maillists"),
                               QStringLiteral("maxquota"),    QStringLiteral("default_user_quota"),
                               QStringLiteral("transport")};
    auto set = assignments(c, names);
    if (!set)
        return reportError(set.error());
    if (set->isEmpty() && !c.isSet("name"))
        return usageError(Cli::tr("domain set needs --name or --set NAME=VALUE."));
    // Checked before connecting: the edit as a function of the row read in the transaction.
    QList<std::pair<QString, qint64>> numbers;
    for (const auto &[name, value] : *set) {
        if (name == QLatin1String("description") || name == QLatin1String("transport"))
            continue;
        auto n = numberValue(name, value, name == QLatin1String("mailboxes") ? -1 : 0);
        if (!n)
            return reportError(n.error());
        numbers.append({name, *n});
    }
    auto job = [d = *domain, set = *set, numbers,
                name = c.isSet("name") ? std::optional<QString>(c.value("name"))
                                       : std::nullopt](QSqlDatabase &db) -> Status {
        auto current = DomainRepository::get(db, d);
        if (!current)
            return current.error();
        DomainEdit edit;
        edit.description = name.value_or(current->description);
        edit.active = current->active;
        edit.mailboxLimit = current->mailboxLimit;
        edit.aliasLimit = current->aliasLimit;
        edit.listLimit = current->listLimit;
        edit.maxQuotaMb = current->maxQuotaMb;
        for (const auto &[key, value] : set) {
            if (key == QLatin1String("description"))
                edit.description = value;
            else if (key == QLatin1String("transport"))
                edit.transport = value.trimmed();
        }
        for (const auto &[key, n] : numbers) {
            if (key == QLatin1String("mailboxes"))
                edit.mailboxLimit = int(n);
            else if (key == QLatin1String("aliases"))
                edit.aliasLimit = int(n);
            else if (key == QLatin1String("maillists"))
                edit.listLimit = int(n);
            else if (key == QLatin1String("maxquota"))
                edit.maxQuotaMb = n;
            else if (key == QLatin1String("default_user_quota"))
                edit.defaultUserQuotaMb = n;
        }
        return DomainRepository::update(db, *current, edit);
    };
    return runWrite(c, job, Cli::tr("Changed domain %1.").arg(DomainName::displayOf(*domain)));
}

int mailboxSet(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("mailbox set"), &code))
        return code;
    const auto address = storageAddress(c.args.first());
    if (!address)
        return reportError(address.error());
    QStringList names = {QStringLiteral("name"),       QStringLiteral("language"),
                         QStringLiteral("quota"),      QStringLiteral("employeeid"),
                         QStringLiteral("department"), QStringLiteral("allow_nets")};
    for (const QString &service : mailboxServiceColumns())
        names << QStringLiteral("enable") + service;
    auto set = assignments(c, names);
    if (!set)
        return reportError(set.error());
    if (set->isEmpty() && !c.isSet("name") && !c.isSet("quota"))
        return usageError(Cli::tr("mailbox set needs --name, --quota or --set NAME=VALUE."));
    QList<std::pair<QString, QString>> changes = *set;
    if (c.isSet("name"))
        changes.append({QStringLiteral("name"), c.value("name")});
    if (c.isSet("quota"))
        changes.append({QStringLiteral("quota"), c.value("quota")});
    std::optional<qint64> quota;
    QMap<QString, bool> services;
    for (const auto &[name, value] : changes) {
        if (name == QLatin1String("quota")) {
            auto n = numberValue(name, value, 0);
            if (!n)
                return reportError(n.error());
            quota = *n;
        } else if (name.startsWith(QLatin1String("enable"))) {
            const QString v = value.trimmed();
            if (v != QLatin1String("0") && v != QLatin1String("1"))
                return reportError(
                    badSet(Cli::tr("--set %1: use 1 (enabled) or 0 (disabled).").arg(name)));
            services.insert(name.mid(6), v == QLatin1String("1"));
        }
    }
    auto job = [a = *address, changes, quota, services](QSqlDatabase &db) -> Status {
        auto current = MailboxRepository::get(db, a);
        if (!current)
            return current.error();
        MailboxEdit edit;
        edit.name = current->name;
        edit.language = current->language;
        edit.quotaMb = quota.value_or(current->quotaMb);
        edit.active = current->active;
        edit.employeeId = current->employeeId;
        edit.department = current->department;
        edit.services = services;
        edit.allowNets = current->allowNets;
        for (const auto &[key, value] : changes) {
            if (key == QLatin1String("name"))
                edit.name = value;
            else if (key == QLatin1String("language"))
                edit.language = value.trimmed();
            else if (key == QLatin1String("employeeid"))
                edit.employeeId = value;
            else if (key == QLatin1String("department"))
                edit.department = value;
            else if (key == QLatin1String("allow_nets")) // empty: NULL, no restriction
                edit.allowNets = value.trimmed().isEmpty()
                                     ? std::nullopt
                                     : std::optional<QString>(value.trimmed());
        }
        return MailboxRepository::update(db, *current, edit);
    };
    return runWrite(c, job, Cli::tr("Changed mailbox %1.").arg(EmailAddress::displayOf(*address)));
}

int mailboxImport(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("mailbox import"), &code))
        return code;
    const QString path = c.args.first();
    QFile file(path);
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : file.open(QIODevice::ReadOnly);
    if (!opened)
        return reportError(Error{QStringLiteral("cli.input.file"),
                                 Cli::tr("Cannot read %1: %2").arg(path, file.errorString()),
                                 {}});
    const QString csv = QString::fromUtf8(file.readAll());
    const auto scheme = schemeOption(c);
    if (!scheme)
        return reportError(scheme.error());
    // Each line's problem on stderr; the whole file or nothing (one transaction).
    auto lineErrors = std::make_shared<QList<LineError>>();
    auto created = std::make_shared<int>(0);
    const int result = runPasswordWrite(
        c, *scheme,
        [csv, lineErrors, created](QSqlDatabase &db, PasswordScheme s) -> Status {
            auto r = MailboxRepository::bulkCreate(db, csv, s);
            if (!r)
                return r.error();
            *lineErrors = r->errors;
            *created = r->created;
            if (!r->errors.isEmpty())
                return Error{QStringLiteral("cli.input.csv"),
                             Cli::tr("%n line(s) of the file are wrong; no mailbox was created.",
                                     nullptr, int(r->errors.size())),
                             {}};
            return Status::success();
        },
        QString());
    for (const LineError &e : std::as_const(*lineErrors))
        err() << Cli::tr("line %1: %2: %3").arg(e.line).arg(e.field, e.message) << Qt::endl;
    if (result == ExitOk)
        out() << Cli::tr("Created %n mailbox(es).", nullptr, *created) << Qt::endl;
    return result;
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
        {QStringLiteral("domain set"), QStringLiteral("DOMAIN [--name TEXT] [--set NAME=VALUE]..."),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Change a domain: NAME is description, mailboxes, aliases, maillists "
                           "(limits: 0 unlimited, mailboxes -1 none), maxquota, "
                           "default_user_quota (MB) or transport."),
         domainSet},
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
        {QStringLiteral("mailbox set"),
         QStringLiteral("ADDRESS [--name TEXT] [--quota MB] [--set NAME=VALUE]..."),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Change a mailbox: NAME is name, language, quota (MB), employeeid, "
                           "department, allow_nets (empty: no restriction) or an enable* "
                           "column (1 or 0), e.g. enableimap=0."),
         mailboxSet},
        {QStringLiteral("mailbox import"), QStringLiteral("FILE [--scheme SCHEME]"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Create the mailboxes of a CSV file ('-': stdin; columns address, "
                           "password, name, quota, language): all of them or none."),
         mailboxImport},
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
        {QStringLiteral("alias set"),
         QStringLiteral("ADDRESS [--name TEXT] [--access-policy POLICY] "
                        "[--moderator ADDRESS|*@DOMAIN]..."),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Change an alias account: name, who may send (public, domain, "
                           "subdomain, membersonly, moderatorsonly, membersandmoderatorsonly), "
                           "moderators (replaced; --moderator '' clears them)."),
         aliasSet},
        {QStringLiteral("alias disable"), QStringLiteral("ADDRESS"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Disable an alias account."),
         [](Context &c) {
             return aliasSetActive(c, false);
         }},
        {QStringLiteral("alias enable"), QStringLiteral("ADDRESS"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Enable an alias account."),
         [](Context &c) {
             return aliasSetActive(c, true);
         }},
        {QStringLiteral("alias-domain list"), QStringLiteral("DOMAIN [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "List the alias domains whose mail goes to DOMAIN."),
         aliasDomainList},
        {QStringLiteral("alias-domain add"), QStringLiteral("ALIAS-DOMAIN TARGET-DOMAIN"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Make ALIAS-DOMAIN an alias domain: mail to x@ALIAS-DOMAIN goes to "
                           "x@TARGET-DOMAIN."),
         aliasDomainAdd},
        {QStringLiteral("alias-domain remove"), QStringLiteral("ALIAS-DOMAIN"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Remove an alias domain."), aliasDomainRemove},
        {QStringLiteral("catchall show"), QStringLiteral("DOMAIN [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Show where mail to unknown addresses of a domain goes."),
         catchAllShow},
        {QStringLiteral("catchall set"), QStringLiteral("DOMAIN ADDRESS..."),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Send mail to unknown addresses of a domain to these addresses "
                           "(replaces the catch-all)."),
         [](Context &c) {
             return catchAllSet(c, false);
         }},
        {QStringLiteral("catchall clear"), QStringLiteral("DOMAIN"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Remove the catch-all of a domain."),
         [](Context &c) {
             return catchAllSet(c, true);
         }},
        {QStringLiteral("mailbox alias list"), QStringLiteral("MAILBOX [--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "List the alias addresses of a mailbox."),
         mailboxAliasList},
        {QStringLiteral("mailbox alias add"), QStringLiteral("MAILBOX ADDRESS..."),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Add alias addresses to a mailbox (mail to them is delivered to it; "
                           "it may send as them)."),
         [](Context &c) {
             return mailboxAliasChange(c, true);
         }},
        {QStringLiteral("mailbox alias remove"), QStringLiteral("MAILBOX ADDRESS..."),
         QT_TRANSLATE_NOOP("MaildeckCli", "Remove alias addresses from a mailbox."),
         [](Context &c) {
             return mailboxAliasChange(c, false);
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
