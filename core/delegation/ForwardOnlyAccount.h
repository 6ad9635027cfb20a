#pragma once

// The SSH side of delegation: a forward-only system account per domain admin on the server,
// set up through the global admin's own SSH session (privileged commands: root directly, or sudo
// asked once through the session's Prompter).
//
// The account (name = DelegationNames::accountNameFor(admin), the same name as the admin's md_…
// MariaDB account) has the shell /usr/sbin/nologin, a locked password, a home directory owned by
// root (0755) under ForwardOnlyOptions::homeBase, and ~/.ssh/authorized_keys (root:root 0644,
// ~/.ssh root:root 0755: StrictModes accepts it and the user cannot change it) holding exactly
// one line:
//
//   restrict,port-forwarding,permitopen="127.0.0.1:3306",permitlisten="127.0.0.1:1",
//   command="/bin/false" ssh-ed25519 AAAA… maildeck:jane@partner.test
//
// `restrict` takes away pty, X11, agent forwarding and ~/.ssh/rc; `port-forwarding` gives back
// forwarding, which `permitopen` limits to the database and `permitlisten` to a privileged port
// an unprivileged user can never bind (so -R is always refused); `command` replaces any command,
// shell or subsystem (sftp) with one that does nothing.
//
// authorized_keys cannot stop one thing `port-forwarding` gives back: forwarding to Unix sockets
// (ssh -L port:/path/to.sock; permitopen covers TCP only). So sshd itself must say
// AllowStreamLocalForwarding no for these users: prepareSshd() appends the managed block
// sshdBlock() ("Match User md_*": no Unix-socket forwarding, no tunnel device, no pty, no agent or
// X11 forwarding, no GatewayPorts) to the sshd_config once, checks it with `sshd -t` (restoring
// the file when refused) and makes sshd reload it (SIGHUP to the PidFile's process).
//
// Before creating, the server's effective sshd settings for that user (`sshd -T -C user=…`, run as
// root) are checked: AllowTcpForwarding no/remote, DisableForwarding yes, a PermitOpen without
// the database, AllowStreamLocalForwarding not "no" (prepareSshd not done), AllowUsers/
// AllowGroups/DenyUsers/DenyGroups that shut the user out, an AuthorizedKeysFile without
// ~/.ssh/authorized_keys, PubkeyAuthentication no — each is reported as a problem (error
// "delegation.ssh.sshd_config", message lists them); nothing is created.
//
// create() is all-or-nothing: one script on the server; a failing step removes what the earlier
// steps made (user, group, home). Disable moves the key aside (authorized_keys.disabled) and ends
// the user's sshd sessions (open forwards drop at once); enable moves it back; rotateKey writes the
// new key (and ends sessions using the old one); remove ends sessions and deletes user and home.
//
//   ForwardOnlySpec spec;
//   spec.adminUsername = QStringLiteral("jane@partner.test");
//   spec.publicKey = QString::fromUtf8(keyFile.readAll());   // "ssh-ed25519 AAAA… comment"
//   spec.dbHost = profile.dbHost;  spec.dbPort = profile.dbPort;  // as seen from the server
//   ForwardOnlyAccounts::create(conn->ssh(), spec, ForwardOnlyOptions::forProfile(profile))
//       .then(this, [](Result<ForwardOnlyAccountInfo> r) { … });
//
// The futures finish in the session's thread; continuations without a context run there too.
// Error codes: "delegation.ssh.key" (the public key line), "delegation.ssh.name",
// "delegation.ssh.sshd_config", "delegation.ssh.exists" (a system user of that name not made by
// MailDeck), "delegation.ssh.notfound", "delegation.ssh.failed" (a step on the server failed;
// the message has its output), plus the session's "ssh.*" / "sudo.*" codes.

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace maildeck {
class SshSession;
struct ServerProfile;
} // namespace maildeck

namespace maildeck::delegation {

// One OpenSSH public key (authorized_keys / .pub format), validated.
struct SshPublicKey {
    QString type;        // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", …
    QByteArray blob;     // the decoded key blob
    QString comment;     // informative only; never written to the server as given
    QString fingerprint; // "SHA256:…" (base64 without padding), as ssh-keygen -l prints it

    QString base64() const { return QString::fromLatin1(blob.toBase64()); }
    QString line() const { return type + QLatin1Char(' ') + base64(); } // without comment
};

// Where things are on the server.
struct ForwardOnlyOptions {
    QString sshdBinary = QStringLiteral("/usr/sbin/sshd");
    QString sshdConfig = QStringLiteral("/etc/ssh/sshd_config");
    QString homeBase = QStringLiteral("/var/lib/maildeck-forward"); // homes: <homeBase>/<user>
    QString nologinShell = QStringLiteral("/usr/sbin/nologin");

    // The profile's ServerPaths::sshdConfig (the lab runs its own sshd_config).
    static ForwardOnlyOptions forProfile(const ServerProfile &profile);
};

struct ForwardOnlySpec {
    QString adminUsername; // the iRedMail domain admin
    QString publicKey;     // the admin's own public key, one line of a .pub file
    QString dbHost = QStringLiteral("127.0.0.1"); // as seen from the server: permitopen
    quint16 dbPort = 3306;
};

struct ForwardOnlyAccountInfo {
    QString systemUser; // e.g. "md_jane_3f1a9c"
    QString adminUsername;
    QString home;
    bool enabled = false;   // the key is active (not moved aside)
    QString keyType;        // of the authorized key
    QString keyFingerprint; // "SHA256:…"
    QString permitOpen;     // "127.0.0.1:3306"
};

// A problem in the server's sshd settings that would break (or silently weaken) the account.
struct SshdProblem {
    QString setting; // "allowtcpforwarding", "disableforwarding", "permitopen", …
    QString value;   // as sshd -T printed it
    QString message; // translated, for a person
};

// One host key of the server (from sshd -T's HostKey files' .pub), for the connection file.
struct ServerHostKey {
    SshPublicKey key;
    QString path; // the .pub file read
};

class ForwardOnlyAccounts {
    Q_DECLARE_TR_FUNCTIONS(ForwardOnlyAccounts)

public:
    // ---- pure ----
    // The system user of a domain admin (same as the MariaDB account name).
    static QString systemUserFor(const QString &adminUsername);
    static bool isValidSystemUser(const QString &name);
    // Parses one public key line ("type base64 [comment]"; options in front are refused).
    static Result<SshPublicKey> parsePublicKey(const QString &line);
    // The authorized_keys line written for the account.
    static QString authorizedKeysLine(const SshPublicKey &key, const QString &dbHost,
                                      quint16 dbPort, const QString &adminUsername);
    // "host:port" in permitopen form ("[::1]:3306" for IPv6 literals).
    static QString permitOpenTarget(const QString &dbHost, quint16 dbPort);
    // The sshd_config block prepareSshd() appends (with its BEGIN/END marker lines).
    static QString sshdBlock();
    // Problems in `sshd -T` output for this user and forward target (empty: fine).
    static QList<SshdProblem> checkSshdSettings(const QString &sshdTOutput,
                                                const QString &systemUser, const QString &dbHost,
                                                quint16 dbPort);

    // ---- on the server, through the global admin's session ----
    // The effective sshd settings for `systemUser` checked (see above).
    static QFuture<Result<QList<SshdProblem>>> checkSshd(SshSession *ssh, const QString &systemUser,
                                                         const QString &dbHost, quint16 dbPort,
                                                         const ForwardOnlyOptions &options = {});
    // Appends sshdBlock() to the sshd_config unless it is there, validates (sshd -t) and reloads
    // sshd. Result: true when the block was added now, false when it was there already.
    static QFuture<Result<bool>> prepareSshd(SshSession *ssh,
                                             const ForwardOnlyOptions &options = {});
    static QFuture<Result<ForwardOnlyAccountInfo>>
    create(SshSession *ssh, const ForwardOnlySpec &spec, const ForwardOnlyOptions &options = {});
    // std::nullopt when the admin has no forward-only account.
    static QFuture<Result<std::optional<ForwardOnlyAccountInfo>>>
    info(SshSession *ssh, const QString &adminUsername, const ForwardOnlyOptions &options = {});
    static QFuture<Status> setEnabled(SshSession *ssh, const QString &adminUsername, bool enabled,
                                      const ForwardOnlyOptions &options = {});
    static QFuture<Status> rotateKey(SshSession *ssh, const QString &adminUsername,
                                     const QString &publicKey,
                                     const ForwardOnlyOptions &options = {});
    // Ends the user's sessions, deletes the user, its group and home. Not found: an error.
    static QFuture<Status> remove(SshSession *ssh, const QString &adminUsername,
                                  const ForwardOnlyOptions &options = {});
    // The server's host keys (the HostKey files of the effective sshd settings).
    static QFuture<Result<QList<ServerHostKey>>>
    serverHostKeys(SshSession *ssh, const ForwardOnlyOptions &options = {});
};

} // namespace maildeck::delegation
