#include "app/cli/CliCommands.h"

#include "app/cli/CliAdminCommands.h"
#include "app/cli/CliCompatCommands.h"
#include "app/cli/CliConfigCommands.h"
#include "app/cli/CliDataCommands.h"
#include "app/cli/CliListCommands.h"
#include "app/cli/CliLogCommands.h"
#include "app/cli/CliRemoteCommands.h"
#include "app/cli/CliSupport.h"
#include "core/profiles/ProfileStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

namespace maildeck::cli {

namespace {

// Options of "profile add": every field of ServerProfile that an admin sets.
const QList<QCommandLineOption> &profileOptions() {
    static const QList<QCommandLineOption> options = {
        {QStringLiteral("host"), Cli::tr("SSH host name or address."), QStringLiteral("host")},
        {QStringLiteral("port"), Cli::tr("SSH port (default 22)."), QStringLiteral("port")},
        {QStringLiteral("user"), Cli::tr("SSH user (default root)."), QStringLiteral("user")},
        {QStringLiteral("identity-file"), Cli::tr("Private key file for SSH."),
         QStringLiteral("file")},
        {QStringLiteral("known-hosts"), Cli::tr("known_hosts file (default ~/.ssh/known_hosts)."),
         QStringLiteral("file")},
        {QStringLiteral("db-route"), Cli::tr("Database route: tunnel (default) or direct."),
         QStringLiteral("route")},
        {QStringLiteral("db-host"),
         Cli::tr("Database host as seen from the server (default 127.0.0.1)."),
         QStringLiteral("host")},
        {QStringLiteral("db-port"), Cli::tr("Database port (default 3306)."),
         QStringLiteral("port")},
        {QStringLiteral("db-name"), Cli::tr("Database name (default vmail)."),
         QStringLiteral("name")},
        {QStringLiteral("db-user"), Cli::tr("Database user (default vmailadmin)."),
         QStringLiteral("user")},
        {QStringLiteral("db-credentials-file"),
         Cli::tr("Read the database password from this my.cnf-style file on the server."),
         QStringLiteral("path")},
        {QStringLiteral("db-tls"), Cli::tr("With --db-route direct: require TLS to the database.")},
        {QStringLiteral("db-tls-ca"),
         Cli::tr("PEM file of the CA that signed the database server's certificate (implies "
                 "--db-tls; default: the system's CAs)."),
         QStringLiteral("file")},
        {QStringLiteral("flavour"),
         Cli::tr("Server flavour: debian, rhel, freebsd, openbsd or lab."),
         QStringLiteral("flavour")},
        {QStringLiteral("mail-log"), Cli::tr("Path of the mail log on the server."),
         QStringLiteral("path")},
        {QStringLiteral("postfix-config-dir"),
         Cli::tr("Postfix configuration directory on the server."), QStringLiteral("dir")},
        {QStringLiteral("dovecot-config"), Cli::tr("Path of dovecot.conf on the server."),
         QStringLiteral("path")},
        {QStringLiteral("dovecot-log-dir"), Cli::tr("Directory of Dovecot's logs on the server."),
         QStringLiteral("dir")},
        {QStringLiteral("iredapd-settings"),
         Cli::tr("Path of iRedAPD's settings.py on the server."), QStringLiteral("path")},
        {QStringLiteral("mlmmj-spool"), Cli::tr("mlmmj list directory on the server."),
         QStringLiteral("dir")},
        {QStringLiteral("postfix-command"), Cli::tr("Command that runs postfix on the server."),
         QStringLiteral("command")},
        {QStringLiteral("dovecot-command"), Cli::tr("Command that runs dovecot on the server."),
         QStringLiteral("command")},
        {QStringLiteral("iredapd-restart-command"),
         Cli::tr("Shell command that restarts iRedAPD (default: the service manager's)."),
         QStringLiteral("command")},
        {QStringLiteral("iredapd-status-command"),
         Cli::tr("Shell command that exits with 0 while iRedAPD runs (default: the service "
                 "manager's check)."),
         QStringLiteral("command")},
        {QStringLiteral("change-history-dir"),
         Cli::tr("Root-only directory of MailDeck's change history on the server."),
         QStringLiteral("dir")},
    };
    return options;
}

bool parsePort(const QString &text, quint16 &port) {
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value == 0 || value > 65535)
        return false;
    port = quint16(value);
    return true;
}

int profileAdd(Context &c) {
    if (c.args.size() != 1)
        return usageError(Cli::tr("profile add takes exactly one profile name."));
    QCommandLineParser &p = c.parser;
    ServerProfile profile;
    if (p.isSet(QStringLiteral("flavour"))) {
        bool ok = false;
        profile.flavour = flavourFromKey(p.value(QStringLiteral("flavour")), &ok);
        if (!ok)
            return usageError(
                Cli::tr("Unknown flavour '%1'.").arg(p.value(QStringLiteral("flavour"))));
        profile.paths = ServerPaths::defaultsFor(profile.flavour);
        profile.flavourConfirmed = true; // named by the admin: no detection on connect
    }
    profile.name = c.args.first();
    auto text = [&p](const char *name, QString &field) {
        if (p.isSet(QLatin1String(name)))
            field = p.value(QLatin1String(name));
    };
    text("host", profile.host);
    text("user", profile.user);
    text("identity-file", profile.identityFile);
    text("known-hosts", profile.knownHostsFile);
    text("db-host", profile.dbHost);
    text("db-name", profile.dbName);
    text("db-user", profile.dbUser);
    text("mail-log", profile.paths.mailLog);
    text("postfix-config-dir", profile.paths.postfixConfigDir);
    text("dovecot-config", profile.paths.dovecotConfig);
    text("dovecot-log-dir", profile.paths.dovecotLogDir);
    text("iredapd-settings", profile.paths.iredapdSettings);
    text("mlmmj-spool", profile.paths.mlmmjSpool);
    text("postfix-command", profile.paths.postfixCommand);
    text("dovecot-command", profile.paths.dovecotCommand);
    text("iredapd-restart-command", profile.paths.iredapdRestartCommand);
    text("iredapd-status-command", profile.paths.iredapdStatusCommand);
    text("change-history-dir", profile.paths.changeHistoryDir);
    if (p.isSet(QStringLiteral("port")) &&
        !parsePort(p.value(QStringLiteral("port")), profile.port))
        return usageError(Cli::tr("--port must be a number from 1 to 65535."));
    if (p.isSet(QStringLiteral("db-port")) &&
        !parsePort(p.value(QStringLiteral("db-port")), profile.dbPort))
        return usageError(Cli::tr("--db-port must be a number from 1 to 65535."));
    if (p.isSet(QStringLiteral("db-route"))) {
        const QString route = p.value(QStringLiteral("db-route"));
        if (route != QLatin1String("tunnel") && route != QLatin1String("direct"))
            return usageError(Cli::tr("--db-route must be 'tunnel' or 'direct'."));
        profile.dbRoute = route == QLatin1String("direct") ? DbRoute::Direct : DbRoute::Tunnel;
    }
    if (p.isSet(QStringLiteral("db-tls")) || p.isSet(QStringLiteral("db-tls-ca"))) {
        if (profile.dbRoute != DbRoute::Direct)
            return usageError(Cli::tr("--db-tls and --db-tls-ca need --db-route direct."));
        profile.dbTls = true;
        text("db-tls-ca", profile.dbTlsCaFile);
    }
    if (p.isSet(QStringLiteral("db-credentials-file"))) {
        profile.dbCredentials = DbCredentialSource::ServerFile;
        profile.dbCredentialsFile = p.value(QStringLiteral("db-credentials-file"));
    }
    if (profile.name.contains(QLatin1Char('/')) || profile.name.contains(QLatin1Char('\\')))
        return usageError(Cli::tr("A profile name cannot contain '/' or '\\'."));
    if (const QString problem = profile.validationError(); !problem.isEmpty())
        return usageError(problem);
    c.profiles.save(profile);
    out() << Cli::tr("Saved profile '%1'.").arg(profile.name) << Qt::endl;
    if (profile.dbRoute == DbRoute::Direct && !profile.dbTls)
        err() << Cli::tr("Warning: the database connection of '%1' is not encrypted (no "
                         "--db-tls); passwords and data cross the network in plain text.")
                     .arg(profile.name)
              << Qt::endl;
    return 0;
}

int profileList(Context &c) {
    for (const QString &name : c.profiles.names()) {
        const auto profile = c.profiles.load(name);
        out() << name << '\t' << profile->user << '@' << profile->host << ':' << profile->port
              << Qt::endl;
    }
    return 0;
}

int profileShow(Context &c) {
    if (c.args.size() != 1)
        return usageError(Cli::tr("profile show takes exactly one profile name."));
    const auto profile = c.profiles.load(c.args.first());
    if (!profile) {
        err() << Cli::tr("No profile named '%1'.").arg(c.args.first()) << Qt::endl;
        return 1;
    }
    const ServerProfile &p = *profile;
    auto line = [](const char *key, const QString &value) {
        out() << QLatin1String(key) << '=' << value << Qt::endl;
    };
    line("name", p.name);
    line("host", p.host);
    line("port", QString::number(p.port));
    line("user", p.user);
    line("identity_file", p.identityFile);
    line("known_hosts", p.knownHostsFile);
    line("db_route",
         p.dbRoute == DbRoute::Direct ? QStringLiteral("direct") : QStringLiteral("tunnel"));
    line("db_host", p.dbHost);
    line("db_port", QString::number(p.dbPort));
    line("db_name", p.dbName);
    line("db_user", p.dbUser);
    line("db_tls", p.dbTls ? QStringLiteral("yes") : QStringLiteral("no"));
    line("db_tls_ca", p.dbTlsCaFile);
    line("db_credentials", p.dbCredentials == DbCredentialSource::ServerFile
                               ? QStringLiteral("server-file:") + p.dbCredentialsFile
                               : QStringLiteral("keychain"));
    line("flavour", flavourKey(p.flavour));
    line("mail_log", p.paths.mailLog);
    line("postfix_config_dir", p.paths.postfixConfigDir);
    line("dovecot_config", p.paths.dovecotConfig);
    line("iredapd_settings", p.paths.iredapdSettings);
    line("mlmmj_spool", p.paths.mlmmjSpool);
    return 0;
}

int profileRemove(Context &c) {
    if (c.args.size() != 1)
        return usageError(Cli::tr("profile remove takes exactly one profile name."));
    if (!c.profiles.remove(c.args.first())) {
        err() << Cli::tr("No profile named '%1'.").arg(c.args.first()) << Qt::endl;
        return 1;
    }
    out() << Cli::tr("Removed profile '%1'.").arg(c.args.first()) << Qt::endl;
    return 0;
}

// The command table: each command group adds its commands here.
const std::vector<Command> &commands() {
    static const std::vector<Command> table = [] {
        std::vector<Command> all = {
            {QStringLiteral("profile add"), QStringLiteral("NAME --host HOST [options]"),
             QT_TRANSLATE_NOOP("MaildeckCli", "Create or replace a server profile."), profileAdd},
            {QStringLiteral("profile list"), QString(),
             QT_TRANSLATE_NOOP("MaildeckCli", "List the server profiles."), profileList},
            {QStringLiteral("profile show"), QStringLiteral("NAME"),
             QT_TRANSLATE_NOOP("MaildeckCli", "Show one server profile."), profileShow},
            {QStringLiteral("profile remove"), QStringLiteral("NAME"),
             QT_TRANSLATE_NOOP("MaildeckCli", "Remove a server profile."), profileRemove},
        };
        for (auto group :
             {remoteCommands(), dataCommands(), listCommands(), adminCommands(), logCommands(),
              configCommands(), compatCommands()})
            all.insert(all.end(), group.begin(), group.end());
        return all;
    }();
    return table;
}

// Options of the commands that work on a server.
const QList<QCommandLineOption> &serverOptions() {
    static const QList<QCommandLineOption> options = {
        {QStringLiteral("verbose"), Cli::tr("Report the connection's progress on stderr.")},
        {QStringLiteral("accept-new-host-key"),
         Cli::tr("Trust an unknown host key without asking (a changed key is always refused).")},
        {QStringLiteral("secret-file"),
         Cli::tr("Read missing passwords and passphrases from FILE (lines kind=secret; kinds "
                 "ssh-password, key-passphrase, sudo-password, db-password); only its owner may "
                 "read it."),
         QStringLiteral("file")},
        {QStringLiteral("sudo"), Cli::tr("exec: run the command as root (sudo unless the SSH user "
                                         "is root).")},
        {QStringLiteral("no-stdin"),
         Cli::tr("exec: do not pass stdin to the command (like ssh -n).")},
        {QStringLiteral("json"), Cli::tr("Print JSON instead of tab-separated text.")},
        {QStringLiteral("name"),
         Cli::tr("Display name (domain add, mailbox add, alias add, alias set, list create, list "
                 "set)."),
         QStringLiteral("text")},
        {QStringLiteral("description"), Cli::tr("Description of a list (list create, list set)."),
         QStringLiteral("text")},
        {QStringLiteral("owner"),
         Cli::tr("Owner of a list (repeat for more; list create: default postmaster of the "
                 "list's domain; list set: replaces the owners)."),
         QStringLiteral("address")},
        {QStringLiteral("moderator"),
         Cli::tr("Moderator of a list or an alias (repeat for more; list create: default the "
                 "owners; list set, alias set: replaces the moderators; alias set also takes "
                 "*@DOMAIN)."),
         QStringLiteral("address")},
        {QStringLiteral("access-policy"),
         Cli::tr("alias set: who may send to the alias (public, domain, subdomain, membersonly, "
                 "moderatorsonly, membersandmoderatorsonly)."),
         QStringLiteral("policy")},
        {QStringLiteral("post-policy"),
         Cli::tr("list set: who may post (anyone, subscribers, moderators)."),
         QStringLiteral("policy")},
        {QStringLiteral("kind"),
         Cli::tr("list subscribe/unsubscribe: the subscription kind (normal, digest, nomail; "
                 "unsubscribe without it: from every kind)."),
         QStringLiteral("kind")},
        {QStringLiteral("set"),
         Cli::tr("domain set, mailbox set, list set: change one setting by its name (repeat "
                 "for more; list settings by mlmmjadmin's names, as list show prints them)."),
         QStringLiteral("name=value")},
        {QStringLiteral("quota"), Cli::tr("Mailbox quota in megabytes (0: unlimited)."),
         QStringLiteral("MB")},
        {QStringLiteral("password-file"),
         Cli::tr("Read the mailbox's new password from the first line of FILE."),
         QStringLiteral("file")},
        {QStringLiteral("password-stdin"),
         Cli::tr("Read the mailbox's new password from the first line of stdin.")},
        {QStringLiteral("scheme"),
         Cli::tr("Password scheme: SSHA512, BLF-CRYPT or SHA512-CRYPT (default: iRedAdmin's "
                 "DEFAULT_PASSWORD_SCHEME on the server, else SSHA512)."),
         QStringLiteral("scheme")},
        {QStringLiteral("keep-copy"), Cli::tr("forward set: keep a copy in the mailbox.")},
        {QStringLiteral("from-file"),
         Cli::tr("list subscribe/unsubscribe: addresses one a line from FILE ('-': stdin)."),
         QStringLiteral("file")},
        {QStringLiteral("yes"), Cli::tr("domain delete: really delete.")},
    };
    return options;
}

// Whether the first command word is "exec": its arguments are the remote command, options
// included, so the parser stops at the first positional argument.
bool isExec(const QStringList &arguments, const QList<QCommandLineOption> &options) {
    QStringList valued;
    for (const QCommandLineOption &option : options)
        if (!option.valueName().isEmpty())
            valued << option.names();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--"))
            return i + 1 < arguments.size() && arguments.at(i + 1) == QLatin1String("exec");
        if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            const QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
            if (!name.contains(QLatin1Char('=')) && valued.contains(name))
                ++i; // its value
            continue;
        }
        return a == QLatin1String("exec");
    }
    return false;
}

QString commandHelp() {
    QString text = Cli::tr("Commands:") + QLatin1Char('\n');
    for (const Command &command : commands()) {
        text += QStringLiteral("  ") + command.words;
        if (!command.synopsis.isEmpty())
            text += QLatin1Char(' ') + command.synopsis;
        text += QStringLiteral("\n      ") + Cli::tr(command.summary) + QLatin1Char('\n');
    }
    return text;
}

} // namespace

int run(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("MailDeck command line: manage iRedMail servers from a terminal.") +
        QStringLiteral("\n\n") + commandHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 Cli::tr("The command to run (see above)."));
    const QCommandLineOption settingsOption(
        QStringLiteral("settings"), Cli::tr("Use this settings file instead of the user's."),
        QStringLiteral("file"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           Cli::tr("The server profile to work on."),
                                           QStringLiteral("name"));
    parser.addOption(settingsOption);
    parser.addOption(profileOption);
    parser.addOptions(profileOptions());
    parser.addOptions(serverOptions());
    parser.addOptions(adminOptions());
    parser.addOptions(logOptions());
    parser.addOptions(compatOptions());
    QList<QCommandLineOption> all =
        profileOptions() + serverOptions() + adminOptions() + logOptions() + compatOptions();
    all << settingsOption << profileOption;
    if (isExec(arguments, all))
        parser.setOptionsAfterPositionalArgumentsMode(
            QCommandLineParser::ParseAsPositionalArguments);
    // A bad option is a usage error (exit 2), like every other.
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help-all")))
        parser.process(arguments); // prints the help with Qt's options and exits
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    // Core's log lines go to stderr only with --verbose: without it stderr carries the
    // command's messages alone (for exec: the remote command's stderr, unchanged).
    QLoggingCategory::setFilterRules(
        parser.isSet(QStringLiteral("verbose"))
            ? QStringLiteral("maildeck.*.info=true")
            : QStringLiteral("maildeck.*.debug=false\nmaildeck.*.info=false\n"
                             "maildeck.*.warning=false"));

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(Cli::tr("No command given."));

    ProfileStore profiles =
        parser.isSet(settingsOption) ? ProfileStore(parser.value(settingsOption)) : ProfileStore();
    // The longest matching command words win ("profile add" before "profile").
    const Command *match = nullptr;
    qsizetype matchedWords = 0;
    for (const Command &command : commands()) {
        const QStringList words = command.words.split(QLatin1Char(' '));
        if (positional.size() >= words.size() && positional.mid(0, words.size()) == words &&
            words.size() > matchedWords) {
            match = &command;
            matchedWords = words.size();
        }
    }
    if (!match)
        return usageError(Cli::tr("Unknown command '%1'.").arg(positional.join(QLatin1Char(' '))));
    Context context{parser, positional.mid(matchedWords), profiles};
    return match->handler(context);
}

} // namespace maildeck::cli
