#pragma once

#include <QString>
#include <QStringList>

namespace maildeck {

// How MailDeck reaches the server's MariaDB.
enum class DbRoute {
    Tunnel, // through the SSH session to dbHost:dbPort as seen from the server (iRedMail default)
    Direct, // straight from the desktop to dbHost:dbPort (with TLS when dbTls is set)
};

// Where the DB password comes from. Never from the settings file.
enum class DbCredentialSource {
    Keychain,   // the OS keychain (QtKeychain), asked for once when missing
    ServerFile, // a my.cnf-style file on the server read over SSH (iRedMail's
                // /root/.my.cnf-vmailadmin)
};

// Whose connection a profile is: the server's global admin (SSH login with sudo, my.cnf, server
// detection), or a per-domain admin reaching only the delegated database through a forward-only
// SSH account (key auth, no command, no sudo; DB password from the keychain).
enum class ProfileRole { Global, Delegated };

QString roleKey(ProfileRole role);                               // "global", "delegated"
ProfileRole roleFromKey(const QString &key, bool *ok = nullptr); // unknown: Global, ok=false

// The server's flavour decides default log and config paths and service commands.
enum class ServerFlavour { Debian, Rhel, FreeBsd, OpenBsd, Lab };

QString flavourKey(ServerFlavour flavour);
ServerFlavour flavourFromKey(const QString &key, bool *ok = nullptr);

// Paths on the server and the commands to reload its services.
struct ServerPaths {
    QString mailLog;
    QString postfixConfigDir;
    QString dovecotConfig;
    QString dovecotLogDir;
    QString iredapdSettings;
    QString mlmmjSpool;
    QString postfixCommand; // e.g. "postfix" or "postfix -c /etc/postfix"
    QString dovecotCommand; // e.g. "dovecot" or "dovecot -c /path/dovecot.conf"
    QString sshdConfig;     // the sshd_config checked for forward-only accounts
    // Shell command that restarts iRedAPD (empty: the service manager's restart).
    QString iredapdRestartCommand;
    // Shell command that exits 0 while iRedAPD runs (empty: the service manager's check).
    QString iredapdStatusCommand;
    // Root-only directory of MailDeck's change history (config/ChangeHistory).
    QString changeHistoryDir;

    static ServerPaths defaultsFor(ServerFlavour flavour);
};

// The shape of one server connection. Holds no secret: passwords and passphrases live in the
// keychain under keys derived from the profile name.
struct ServerProfile {
    QString name;
    QString host;
    quint16 port = 22;
    QString user = QStringLiteral("root");
    QString identityFile;   // empty: ssh-agent / ~/.ssh defaults
    QString knownHostsFile; // empty: ~/.ssh/known_hosts
    DbRoute dbRoute = DbRoute::Tunnel;
    QString dbHost = QStringLiteral("127.0.0.1");
    quint16 dbPort = 3306;
    QString dbName = QStringLiteral("vmail");
    QString dbUser = QStringLiteral("vmailadmin");
    bool dbTls = false;
    QString dbTlsCaFile; // with dbTls: PEM CA file for the server certificate; empty: system CAs
    DbCredentialSource dbCredentials = DbCredentialSource::Keychain;
    QString dbCredentialsFile = QStringLiteral("/root/.my.cnf-vmailadmin");
    ServerFlavour flavour = ServerFlavour::Debian;
    ServerPaths paths = ServerPaths::defaultsFor(ServerFlavour::Debian);
    // The admin accepted or set the flavour and paths. While false, ServerConnection detects the
    // server's OS on connect (ServerConnection::serverDetected) for the admin to confirm.
    bool flavourConfirmed = false;
    ProfileRole role = ProfileRole::Global;
    QString delegatedAdmin; // role Delegated: the iRedMail admin this profile logs in as

    // Empty when the profile can be used; otherwise what is wrong, for a person.
    QString validationError() const;
};

} // namespace maildeck
