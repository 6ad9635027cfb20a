#pragma once

#include "core/common/Result.h"
#include "core/db/DbEndpoint.h"
#include "core/profiles/ServerDetection.h"
#include "core/profiles/ServerProfile.h"
#include "core/ssh/SshTypes.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <optional>

namespace maildeck {

class DbWorker;
class Prompter;
class SecretStore;
class SshSession;
class KeychainPrompter;

// The one object per server the UI uses. Given a profile and the UI's Prompter it connects SSH
// (host-key trust asked once through Prompter::confirmHostKey), gets the database password (from
// the server's my.cnf file over SSH, or from the keychain / a prompt), starts the tunnel (or uses
// the direct route) and opens a DbWorker:
//
//   auto *conn = new ServerConnection(profile, prompter, this);
//   connect(conn, &ServerConnection::stateChanged, this, &Window::showState);
//   connect(conn, &ServerConnection::progress, this, &Window::showStep);
//   conn->connectToServer().then(this, [this, conn](Status s) {
//       if (!s) return banner(s.error());
//       conn->db()->run([](QSqlDatabase &db) { return DomainRepository::list(db); })
//           .then(this, [this](Result<QList<DomainSummary>> r) { … });
//       conn->ssh()->runCommand(QStringLiteral("postconf -n")).then(this, …);
//   });
//
// Passwords and passphrases the person types are offered to be remembered (SecretRequest::
// mayRemember); if they say so, they go to the keychain only, under "profile/<name>/<kind>".
// A dropped SSH connection is reported (stateChanged(ConnectionLost, error)); the next operation
// reconnects SSH (state back to Connected), and the DbWorker reopens its connection through the
// same local port. The Prompter must live in this object's thread (the GUI thread).
//
// Progress: progress(step, text) at each Step — Resolving (name lookup, TCP connect, key
// exchange), HostKey (checking it; again when the person is asked to trust it), Auth (once per
// login method tried, "as user@host with …"), DbPassword, Tunnel, Database, Done.
// cancelConnect() stops a connect at any step: the future finishes with "connect.cancelled", the
// SSH session is closed, the tunnel stopped, no DbWorker is left; connectToServer() works again.
//
// Flavour: when the profile's flavour is not confirmed (ServerProfile::flavourConfirmed false,
// and not the lab flavour), one command after login reads /etc/os-release, `uname -s` and which
// of the usual log and config paths exist; the result is detectedServer() and serverDetected().
// The profile is not changed: the UI shows the result, the admin accepts or corrects it and the
// UI saves the profile with flavourConfirmed = true.
//
// Role Delegated (ServerProfile::role, a per-domain admin's forward-only account): public-key
// login only (SshConfig::keysOnly), no command on the server (no detection, no my.cnf, no sudo),
// the tunnel to the permitted dbHost:dbPort, the md_… password from the keychain (asked once,
// remembered as for Keychain profiles), and after the database opened DelegatedCalls::whoAmI
// must name the profile's admin (else "session.delegated.unmapped" / ".mismatch").
class ServerConnection : public QObject {
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Failed, ConnectionLost };
    Q_ENUM(State)
    enum class Step { Resolving, HostKey, Auth, DbPassword, Tunnel, Database, Done };
    Q_ENUM(Step)

    ServerConnection(const ServerProfile &profile, Prompter *prompter, QObject *parent = nullptr);
    // With SSH settings beyond the profile (tests: another ~/.ssh, no agent, no ssh config).
    ServerConnection(const ServerProfile &profile, const SshConfig &ssh, Prompter *prompter,
                     QObject *parent = nullptr);
    ~ServerConnection() override;

    // Uses this keychain wrapper instead of an own one (the app shares one).
    void setSecretStore(SecretStore *store);

    QFuture<Status> connectToServer();
    // Stops connectToServer() in progress (no-op otherwise); see above.
    void cancelConnect();
    void disconnectFromServer();

    State state() const { return m_state; }
    Error lastError() const { return m_lastError; }
    const ServerProfile &profile() const { return m_profile; }
    SshSession *ssh() const { return m_ssh; }           // valid after connectToServer() was called
    DbWorker *db() const { return m_db; }               // valid once Connected
    quint16 tunnelPort() const { return m_tunnelPort; } // Tunnel route: the local port
    // The OS detection of this connect (set before Step::DbPassword), when it ran.
    const std::optional<DetectedServer> &detectedServer() const { return m_detected; }

    // Role Delegated: the iRedMail admin the server says this connection is (DelegatedCalls::
    // whoAmI, checked before Connected); empty otherwise.
    QString delegatedAdmin() const { return m_delegatedAdmin; }

    // Reads a file on the server as root when needed (direct for root, sudo otherwise).
    // Refused ("session.delegated") on a delegated connection.
    QFuture<Result<QByteArray>> readPrivilegedFile(const QString &path);

Q_SIGNALS:
    void stateChanged(maildeck::ServerConnection::State state, const maildeck::Error &error);
    void progress(maildeck::ServerConnection::Step step, const QString &text);
    // The OS detection finished (only for profiles whose flavour is not confirmed yet).
    void serverDetected(const maildeck::DetectedServer &server);

private:
    void setState(State state, const Error &error = {});
    void fail(const Error &error);
    void stepSsh();
    void stepHostKey();
    void stepDetect();
    bool report(Step step, const QString &text); // false: cancelled meanwhile
    bool isCurrent(quint64 attempt) const { return m_connectPromise && attempt == m_attempt; }
    void stepDbPassword();
    void askDbPassword(int attempt);
    void stepTunnel();
    void stepDatabase(int attempt);
    void stepVerifyDelegated();
    void finishOk();

    ServerProfile m_profile;
    SshConfig m_sshConfig;
    QPointer<Prompter> m_prompter;
    KeychainPrompter *m_keychainPrompter = nullptr;
    SecretStore *m_secrets = nullptr;
    SshSession *m_ssh = nullptr;
    DbWorker *m_db = nullptr;
    State m_state = State::Disconnected;
    Error m_lastError;
    DbEndpoint m_endpoint;
    bool m_rememberDbPassword = false;
    quint16 m_tunnelPort = 0;
    quint64 m_attempt = 0; // bumped by each connect and cancel: late continuations are ignored
    std::optional<DetectedServer> m_detected;
    QString m_delegatedAdmin;
    std::shared_ptr<QPromise<Status>> m_connectPromise;
};

} // namespace maildeck
