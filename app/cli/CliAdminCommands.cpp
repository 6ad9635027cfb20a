#include "app/cli/CliAdminCommands.h"

#include "app/cli/CliConnection.h"
#include "core/db/DbWorker.h"
#include "core/delegation/DelegatedAccounts.h"
#include "core/delegation/DelegationDbAccount.h"
#include "core/delegation/DelegationSchema.h"
#include "core/delegation/DomainAdmins.h"
#include "core/delegation/ForwardOnlyAccount.h"
#include "core/delegation/ListAgent.h"
#include "core/profiles/ConnectionFile.h"
#include "core/profiles/ProfileStore.h"
#include "core/session/ServerConnection.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace maildeck::cli {

using namespace maildeck::delegation;

namespace {

bool argCount(Context &c, qsizetype count, const QString &words, int *code) {
    if (c.args.size() == count)
        return true;
    *code = usageError(Cli::tr("%1 takes %n argument(s).", nullptr, int(count)).arg(words));
    return false;
}

ForwardOnlyOptions forwardOptions(Context &c, const ServerProfile &profile) {
    ForwardOnlyOptions o = ForwardOnlyOptions::forProfile(profile);
    if (c.isSet("sshd-config"))
        o.sshdConfig = c.value("sshd-config");
    return o;
}

// Connects, runs the DB job as one transaction, prints `done`.
int runDbWrite(Context &c, const std::function<Status(QSqlDatabase &)> &job, const QString &done) {
    CliSession session(c);
    if (const int code = session.open(); code != ExitOk)
        return code;
    const auto status = session.await(session.db()->run(job));
    if (!status)
        return session.cancelled();
    if (!status->ok())
        return reportError(status->error());
    out() << done << Qt::endl;
    return ExitOk;
}

Result<QString> readPassword(Context &c) {
    if (auto given = passwordFromOptions(c))
        return *given;
    return Error{QStringLiteral("cli.input.password"),
                 Cli::tr("The admin needs a password: pass --password-file FILE or "
                         "--password-stdin."),
                 {}};
}

int adminInstall(Context &c) {
    int code = 0;
    if (!argCount(c, 0, QStringLiteral("admin install"), &code))
        return code;
    return runDbWrite(
        c, [](QSqlDatabase &db) { return DelegationSchema::install(db); },
        Cli::tr("The server-side part of delegation is installed and up to date."));
}

int adminList(Context &c) {
    int code = 0;
    if (!argCount(c, 0, QStringLiteral("admin list"), &code))
        return code;
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const auto admins =
        session.await(session.db()->run([](QSqlDatabase &db) { return DomainAdmins::list(db); }));
    if (!admins)
        return session.cancelled();
    if (!admins->ok())
        return reportError(admins->error());
    // The MariaDB accounts (absent while the delegation schema is not installed).
    const auto accounts = session.await(
        session.db()->run([](QSqlDatabase &db) { return DelegatedAccounts::list(db); }));
    QHash<QString, DelegatedAccount> byAdmin;
    if (accounts && accounts->ok())
        for (const DelegatedAccount &a : accounts->value())
            byAdmin.insert(a.adminUsername.toLower(), a);
    if (c.isSet("json")) {
        QJsonArray rows;
        for (const DomainAdminInfo &a : admins->value()) {
            const DelegatedAccount acc = byAdmin.value(a.username.toLower());
            rows.append(QJsonObject{
                {QStringLiteral("username"), a.username},
                {QStringLiteral("name"), a.name},
                {QStringLiteral("active"), a.active},
                {QStringLiteral("mailbox"), a.isMailbox},
                {QStringLiteral("domains"), QJsonArray::fromStringList(a.domains)},
                {QStringLiteral("dbUser"), acc.dbUser},
                {QStringLiteral("dbEnabled"), !acc.dbUser.isEmpty() && acc.enabled && !acc.locked},
            });
        }
        printJson(QJsonDocument(rows));
        return ExitOk;
    }
    out() << "username\tname\tactive\tdomains\tdb_user" << '\n';
    for (const DomainAdminInfo &a : admins->value())
        out() << a.username << '\t' << a.name << '\t' << (a.active ? '1' : '0') << '\t'
              << a.domains.join(QLatin1Char(',')) << '\t'
              << byAdmin.value(a.username.toLower()).dbUser << '\n';
    out().flush();
    return ExitOk;
}

int adminCreate(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("admin create"), &code))
        return code;
    const auto password = readPassword(c);
    if (!password)
        return reportError(password.error());
    NewDomainAdmin a;
    a.username = c.args.first();
    a.name = c.value("name");
    a.password = *password;
    a.domains = c.values("domain");
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const auto created = session.await(
        session.db()->run([a](QSqlDatabase &db) { return DomainAdmins::create(db, a); }));
    if (!created)
        return session.cancelled();
    if (!created->ok())
        return reportError(created->error());
    out() << Cli::tr("Created the domain admin %1.").arg(a.username) << Qt::endl;
    if (c.isSet("no-db-account"))
        return ExitOk;
    const auto creds = session.await(session.db()->run(
        [a](QSqlDatabase &db) { return DelegatedAccounts::create(db, a.username); }));
    if (!creds)
        return session.cancelled();
    if (!creds->ok()) {
        err() << Cli::tr("The admin's database account was not created:") << Qt::endl;
        return reportError(creds->error());
    }
    // Shown once: MailDeck keeps it nowhere. The domain admin types it at the first connect.
    out() << "db_user=" << creds->value().dbUser << '\n'
          << "db_password=" << creds->value().password << Qt::endl;
    return ExitOk;
}

int adminGrant(Context &c) {
    int code = 0;
    if (!argCount(c, 2, QStringLiteral("admin grant"), &code))
        return code;
    const QString admin = c.args[0], domain = c.args[1];
    return runDbWrite(
        c,
        [admin, domain](QSqlDatabase &db) { return DomainAdmins::grantDomain(db, admin, domain); },
        Cli::tr("%1 now manages %2.").arg(admin, domain));
}

int adminRevoke(Context &c) {
    int code = 0;
    if (!argCount(c, 2, QStringLiteral("admin revoke"), &code))
        return code;
    const QString admin = c.args[0], domain = c.args[1];
    return runDbWrite(
        c,
        [admin, domain](QSqlDatabase &db) { return DomainAdmins::revokeDomain(db, admin, domain); },
        Cli::tr("%1 no longer manages %2.").arg(admin, domain));
}

// The forward-only account of `admin`, if any (nullopt also on Ctrl+C: check interrupted()).
std::optional<Result<std::optional<ForwardOnlyAccountInfo>>>
sshAccount(CliSession &session, Context &c, const QString &admin) {
    return session.await(
        ForwardOnlyAccounts::info(session.ssh(), admin, forwardOptions(c, session.profile())));
}

int adminSetActive(Context &c, bool active) {
    int code = 0;
    if (!argCount(c, 1, active ? QStringLiteral("admin enable") : QStringLiteral("admin disable"),
                  &code))
        return code;
    const QString admin = c.args.first();
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const auto st = session.await(session.db()->run(
        [admin, active](QSqlDatabase &db) { return DomainAdmins::setActive(db, admin, active); }));
    if (!st)
        return session.cancelled();
    if (!st->ok())
        return reportError(st->error());
    const auto account = sshAccount(session, c, admin);
    if (!account)
        return session.cancelled();
    if (!account->ok())
        return reportError(account->error());
    if (account->value()) {
        const auto ssh = session.await(ForwardOnlyAccounts::setEnabled(
            session.ssh(), admin, active, forwardOptions(c, session.profile())));
        if (!ssh)
            return session.cancelled();
        if (!ssh->ok())
            return reportError(ssh->error());
    }
    out() << (active ? Cli::tr("Enabled the domain admin %1.").arg(admin)
                     : Cli::tr("Disabled the domain admin %1; their open sessions were ended.")
                           .arg(admin))
          << Qt::endl;
    return ExitOk;
}

int adminDisable(Context &c) {
    return adminSetActive(c, false);
}
int adminEnable(Context &c) {
    return adminSetActive(c, true);
}

int adminDelete(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("admin delete"), &code))
        return code;
    if (!c.isSet("yes"))
        return usageError(Cli::tr("admin delete removes the admin, their database account and "
                                  "their SSH account: add --yes."));
    const QString admin = c.args.first();
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const auto account = sshAccount(session, c, admin);
    if (!account)
        return session.cancelled();
    if (!account->ok())
        return reportError(account->error());
    if (account->value()) {
        const auto removed = session.await(ForwardOnlyAccounts::remove(
            session.ssh(), admin, forwardOptions(c, session.profile())));
        if (!removed)
            return session.cancelled();
        if (!removed->ok())
            return reportError(removed->error());
    }
    const auto st = session.await(
        session.db()->run([admin](QSqlDatabase &db) { return DomainAdmins::remove(db, admin); }));
    if (!st)
        return session.cancelled();
    if (!st->ok())
        return reportError(st->error());
    out() << Cli::tr("Deleted the domain admin %1.").arg(admin) << Qt::endl;
    return ExitOk;
}

Result<QString> readKeyFile(Context &c) {
    if (!c.isSet("key"))
        return Error{QStringLiteral("cli.input.key"),
                     Cli::tr("Give the admin's public key: --key FILE (the .pub file)."),
                     {}};
    QFile file(c.value("key"));
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            QStringLiteral("cli.input.key"),
            Cli::tr("Cannot read the key file %1: %2").arg(file.fileName(), file.errorString()),
            {}};
    const QString text = QString::fromUtf8(file.read(20000)).trimmed();
    const auto key = ForwardOnlyAccounts::parsePublicKey(text);
    if (!key)
        return Error{QStringLiteral("cli.input.key"), key.error().message, {}};
    return text;
}

int sshAccountCreate(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("admin ssh-account create"), &code))
        return code;
    const auto key = readKeyFile(c);
    if (!key)
        return reportError(key.error());
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    ForwardOnlySpec spec;
    spec.adminUsername = c.args.first();
    spec.publicKey = *key;
    spec.dbHost = session.profile().dbHost;
    spec.dbPort = session.profile().dbPort;
    const auto created = session.await(
        ForwardOnlyAccounts::create(session.ssh(), spec, forwardOptions(c, session.profile())));
    if (!created)
        return session.cancelled();
    if (!created->ok())
        return reportError(created->error());
    const ForwardOnlyAccountInfo &i = created->value();
    out() << Cli::tr("Created the forward-only SSH account %1 (forwards to %2 only).")
                 .arg(i.systemUser, i.permitOpen)
          << '\n'
          << "ssh_user=" << i.systemUser << '\n'
          << "key=" << i.keyType << ' ' << i.keyFingerprint << Qt::endl;
    return ExitOk;
}

int sshPrepareServer(Context &c) {
    int code = 0;
    if (!argCount(c, 0, QStringLiteral("admin ssh-account prepare-server"), &code))
        return code;
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const ForwardOnlyOptions options = forwardOptions(c, session.profile());
    const auto added = session.await(ForwardOnlyAccounts::prepareSshd(session.ssh(), options));
    if (!added)
        return session.cancelled();
    if (!added->ok())
        return reportError(added->error());
    out() << (added->value()
                  ? Cli::tr("Added MailDeck's block for forward-only accounts to %1 and reloaded "
                            "sshd.")
                        .arg(options.sshdConfig)
                  : Cli::tr("%1 already has MailDeck's block for forward-only accounts.")
                        .arg(options.sshdConfig))
          << Qt::endl;
    return ExitOk;
}

int dbAccountSetUp(Context &c) {
    int code = 0;
    if (!argCount(c, 0, QStringLiteral("admin db-account setup"), &code))
        return code;
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const auto profile =
        session.await(DelegationDbAccount::setUp(session.ssh(), session.profile()));
    if (!profile)
        return session.cancelled();
    if (!profile->ok())
        return reportError(profile->error());
    c.profiles.save(profile->value());
    out() << Cli::tr("The database account %1 is ready (password in %2 on the server); profile "
                     "%3 now uses it.")
                 .arg(DelegationDbAccount::userName(), profile->value().dbCredentialsFile,
                      profile->value().name)
          << Qt::endl;
    return ExitOk;
}

int listAgentInstall(Context &c) {
    int code = 0;
    if (!argCount(c, 0, QStringLiteral("admin list-agent install"), &code))
        return code;
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const auto installed = session.await(ListAgent::install(session.connection()));
    if (!installed)
        return session.cancelled();
    if (!installed->ok())
        return reportError(installed->error());
    out() << Cli::tr("The list agent is installed and running: per-domain admins can manage the "
                     "mailing lists of their domains.")
          << Qt::endl;
    return ExitOk;
}

int listAgentStatus(Context &c) {
    int code = 0;
    if (!argCount(c, 0, QStringLiteral("admin list-agent status"), &code))
        return code;
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const auto state = session.await(ListAgent::state(session.connection()));
    if (!state)
        return session.cancelled();
    if (!state->ok())
        return reportError(state->error());
    const ListAgentState &st = state->value();
    if (!st.installed) {
        out() << Cli::tr("The list agent is not installed.") << Qt::endl;
        return ExitFailed;
    }
    out() << (st.running
                  ? Cli::tr("The list agent runs (%1).").arg(st.manager)
                  : Cli::tr("The list agent is installed but not running (%1).").arg(st.manager))
          << '\n'
          << (st.upToDate ? Cli::tr("Its files are this MailDeck's (%1).").arg(st.version)
                          : Cli::tr("Its files (%1) are not this MailDeck's (%2): run admin "
                                    "list-agent install.")
                                .arg(st.version, ListAgent::filesVersion()))
          << Qt::endl;
    return st.running && st.upToDate ? ExitOk : ExitFailed;
}

int listAgentRemove(Context &c) {
    int code = 0;
    if (!argCount(c, 0, QStringLiteral("admin list-agent remove"), &code))
        return code;
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const auto removed = session.await(ListAgent::remove(session.connection()));
    if (!removed)
        return session.cancelled();
    if (!removed->ok())
        return reportError(removed->error());
    out() << Cli::tr("The list agent is removed: per-domain admins can no longer change mailing "
                     "lists.")
          << Qt::endl;
    return ExitOk;
}

int sshAccountShow(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("admin ssh-account show"), &code))
        return code;
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const auto account = sshAccount(session, c, c.args.first());
    if (!account)
        return session.cancelled();
    if (!account->ok())
        return reportError(account->error());
    if (!account->value()) {
        err() << Cli::tr("%1 has no forward-only SSH account.").arg(c.args.first()) << Qt::endl;
        return ExitFailed;
    }
    const ForwardOnlyAccountInfo &i = *account->value();
    out() << "ssh_user=" << i.systemUser << '\n'
          << "home=" << i.home << '\n'
          << "enabled=" << (i.enabled ? '1' : '0') << '\n'
          << "permit_open=" << i.permitOpen << '\n'
          << "key=" << i.keyType << ' ' << i.keyFingerprint << Qt::endl;
    return ExitOk;
}

int sshAccountRotate(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("admin ssh-account rotate-key"), &code))
        return code;
    const auto key = readKeyFile(c);
    if (!key)
        return reportError(key.error());
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const auto st = session.await(ForwardOnlyAccounts::rotateKey(
        session.ssh(), c.args.first(), *key, forwardOptions(c, session.profile())));
    if (!st)
        return session.cancelled();
    if (!st->ok())
        return reportError(st->error());
    out() << Cli::tr("Replaced the key of %1's SSH account.").arg(c.args.first()) << Qt::endl;
    return ExitOk;
}

int sshAccountRemove(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("admin ssh-account remove"), &code))
        return code;
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const auto st = session.await(ForwardOnlyAccounts::remove(
        session.ssh(), c.args.first(), forwardOptions(c, session.profile())));
    if (!st)
        return session.cancelled();
    if (!st->ok())
        return reportError(st->error());
    out() << Cli::tr("Removed %1's SSH account.").arg(c.args.first()) << Qt::endl;
    return ExitOk;
}

int exportConnection(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("admin export-connection"), &code))
        return code;
    if (!c.isSet("out"))
        return usageError(Cli::tr("admin export-connection needs --out FILE."));
    const QString admin = c.args.first();
    CliSession session(c);
    if (const int open = session.open(); open != ExitOk)
        return open;
    const ForwardOnlyOptions options = forwardOptions(c, session.profile());
    const auto account = sshAccount(session, c, admin);
    if (!account)
        return session.cancelled();
    if (!account->ok())
        return reportError(account->error());
    if (!account->value()) {
        err() << Cli::tr("%1 has no forward-only SSH account yet: run admin ssh-account create "
                         "first.")
                     .arg(admin)
              << Qt::endl;
        return ExitFailed;
    }
    const auto dbAccount = session.await(session.db()->run(
        [admin](QSqlDatabase &db) { return DelegatedAccounts::forAdmin(db, admin); }));
    if (!dbAccount)
        return session.cancelled();
    if (!dbAccount->ok())
        return reportError(dbAccount->error());
    if (!dbAccount->value()) {
        err() << Cli::tr("%1 has no database account.").arg(admin) << Qt::endl;
        return ExitFailed;
    }
    const auto keys = session.await(ForwardOnlyAccounts::serverHostKeys(session.ssh(), options));
    if (!keys)
        return session.cancelled();
    if (!keys->ok())
        return reportError(keys->error());
    // The type the other side's libssh prefers when it is pinned: ed25519, then ECDSA, then RSA.
    ServerHostKey chosen = keys->value().first();
    for (const char *type : {"ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"}) {
        const auto it = std::find_if(
            keys->value().begin(), keys->value().end(),
            [type](const ServerHostKey &k) { return k.key.type == QLatin1String(type); });
        if (it != keys->value().end()) {
            chosen = *it;
            break;
        }
    }
    const auto file = ConnectionFile::forDelegatedAdmin(
        session.profile(), chosen.key.type, chosen.key.base64(), admin,
        account->value()->systemUser, dbAccount->value()->dbUser);
    if (!file)
        return reportError(file.error());
    if (const Status st = file->writeFile(c.value("out")); !st.ok())
        return reportError(st.error());
    out() << Cli::tr("Wrote the connection file %1 (host key %2 %3).")
                 .arg(c.value("out"), chosen.key.type, chosen.key.fingerprint)
          << Qt::endl;
    return ExitOk;
}

int profileImport(Context &c) {
    int code = 0;
    if (!argCount(c, 1, QStringLiteral("profile import"), &code))
        return code;
    const auto file = ConnectionFile::readFile(c.args.first());
    if (!file)
        return reportError(file.error());
    ConnectionImportOptions o;
    o.profileName = c.value("profile-name");
    o.identityFile = c.value("identity-file");
    o.knownHostsFile = c.value("known-hosts");
    o.overwrite = c.isSet("overwrite");
    const auto profile = ConnectionFile::importInto(c.profiles, *file, o);
    if (!profile)
        return reportError(profile.error());
    out() << Cli::tr("Imported the profile '%1' (%2 as %3@%4; host key %5 pinned).")
                 .arg(profile->name, file->adminUsername, file->sshUser, file->sshHost,
                      file->hostKeyFingerprint)
          << Qt::endl;
    return ExitOk;
}

} // namespace

const QList<QCommandLineOption> &adminOptions() {
    static const QList<QCommandLineOption> options = {
        {QStringLiteral("domain"),
         Cli::tr("admin create: a domain the admin manages (repeat for more)."),
         QStringLiteral("domain")},
        {QStringLiteral("no-db-account"),
         Cli::tr("admin create: do not create the admin's MariaDB account.")},
        {QStringLiteral("key"),
         Cli::tr("admin ssh-account create/rotate-key: the admin's public key file (.pub)."),
         QStringLiteral("file")},
        {QStringLiteral("sshd-config"),
         Cli::tr("admin ssh-account: the server's sshd_config (default: the profile's)."),
         QStringLiteral("path")},
        {QStringLiteral("out"), Cli::tr("admin export-connection: the file to write."),
         QStringLiteral("file")},
        {QStringLiteral("profile-name"),
         Cli::tr("profile import: the new profile's name (default: the file's suggestion)."),
         QStringLiteral("name")},
        {QStringLiteral("overwrite"),
         Cli::tr("profile import: replace a profile of the same name.")},
    };
    return options;
}

std::vector<Command> adminCommands() {
    return {
        {QStringLiteral("admin install"), QString(),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Install or upgrade the server-side part of delegation (its own schema "
                           "beside vmail; needs a privileged database account)."),
         adminInstall},
        {QStringLiteral("admin db-account setup"), QString(),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Create MailDeck's database account for managing delegation (over SSH "
                           "as root; only the privileges delegation needs) and use it in the "
                           "profile."),
         dbAccountSetUp},
        {QStringLiteral("admin list"), QStringLiteral("[--json]"),
         QT_TRANSLATE_NOOP("MaildeckCli", "List the per-domain admins and their domains."),
         adminList},
        {QStringLiteral("admin create"),
         QStringLiteral("ADMIN [--name TEXT] --password-file FILE|--password-stdin --domain "
                        "DOMAIN…"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Create a per-domain admin and their MariaDB account (its password "
                           "is printed once)."),
         adminCreate},
        {QStringLiteral("admin grant"), QStringLiteral("ADMIN DOMAIN"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Let a per-domain admin manage one more domain."),
         adminGrant},
        {QStringLiteral("admin revoke"), QStringLiteral("ADMIN DOMAIN"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Take a domain away from a per-domain admin."),
         adminRevoke},
        {QStringLiteral("admin disable"), QStringLiteral("ADMIN"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Disable a per-domain admin: database account locked, SSH key set "
                           "aside, open sessions ended."),
         adminDisable},
        {QStringLiteral("admin enable"), QStringLiteral("ADMIN"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Enable a disabled per-domain admin again."),
         adminEnable},
        {QStringLiteral("admin delete"), QStringLiteral("ADMIN --yes"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Delete a per-domain admin with their database and SSH accounts."),
         adminDelete},
        {QStringLiteral("admin list-agent install"), QString(),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Install (or upgrade) and start the server's list agent, through which "
                           "per-domain admins manage their mailing lists (over SSH as root)."),
         listAgentInstall},
        {QStringLiteral("admin list-agent status"), QString(),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Say whether the list agent is installed, running and up to date."),
         listAgentStatus},
        {QStringLiteral("admin list-agent remove"), QString(),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Stop the list agent and remove its files and database account."),
         listAgentRemove},
        {QStringLiteral("admin ssh-account prepare-server"), QStringLiteral("[--sshd-config PATH]"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Add MailDeck's sshd block for forward-only accounts (no Unix-socket "
                           "forwarding, no pty, no tunnel) and reload sshd."),
         sshPrepareServer},
        {QStringLiteral("admin ssh-account create"), QStringLiteral("ADMIN --key FILE"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Create the admin's forward-only SSH account (database port only)."),
         sshAccountCreate},
        {QStringLiteral("admin ssh-account show"), QStringLiteral("ADMIN"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Show the admin's forward-only SSH account."),
         sshAccountShow},
        {QStringLiteral("admin ssh-account rotate-key"), QStringLiteral("ADMIN --key FILE"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Replace the key of the admin's SSH account (open sessions end)."),
         sshAccountRotate},
        {QStringLiteral("admin ssh-account remove"), QStringLiteral("ADMIN"),
         QT_TRANSLATE_NOOP("MaildeckCli", "Remove the admin's forward-only SSH account."),
         sshAccountRemove},
        {QStringLiteral("admin export-connection"), QStringLiteral("ADMIN --out FILE"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Write the connection file for a per-domain admin (no secret "
                           "inside)."),
         exportConnection},
        {QStringLiteral("profile import"),
         QStringLiteral("FILE [--profile-name NAME] [--identity-file KEY] [--known-hosts FILE]"),
         QT_TRANSLATE_NOOP("MaildeckCli",
                           "Create a profile from a connection file, pinning the server's host "
                           "key."),
         profileImport},
    };
}

} // namespace maildeck::cli
