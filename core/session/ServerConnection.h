#pragma once

#include "core/common/Result.h"
#include "core/db/DbEndpoint.h"
#include "core/profiles/ServerProfile.h"
#include "core/ssh/SshTypes.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

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
class ServerConnection : public QObject {
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Failed, ConnectionLost };
    Q_ENUM(State)
    enum class Step { Ssh, HostKey, DbPassword, Tunnel, Database, Done };
    Q_ENUM(Step)

    ServerConnection(const ServerProfile &profile, Prompter *prompter, QObject *parent = nullptr);
    // With SSH settings beyond the profile (tests: another ~/.ssh, no agent, no ssh config).
    ServerConnection(const ServerProfile &profile, const SshConfig &ssh, Prompter *prompter,
                     QObject *parent = nullptr);
    ~ServerConnection() override;

    // Uses this keychain wrapper instead of an own one (the app shares one).
    void setSecretStore(SecretStore *store);

    QFuture<Status> connectToServer();
    void disconnectFromServer();

    State state() const { return m_state; }
    Error lastError() const { return m_lastError; }
    const ServerProfile &profile() const { return m_profile; }
    SshSession *ssh() const { return m_ssh; }           // valid after connectToServer() was called
    DbWorker *db() const { return m_db; }               // valid once Connected
    quint16 tunnelPort() const { return m_tunnelPort; } // Tunnel route: the local port

    // Reads a file on the server as root when needed (direct for root, sudo otherwise).
    QFuture<Result<QByteArray>> readPrivilegedFile(const QString &path);

Q_SIGNALS:
    void stateChanged(maildeck::ServerConnection::State state, const maildeck::Error &error);
    void progress(maildeck::ServerConnection::Step step, const QString &text);

private:
    void setState(State state, const Error &error = {});
    void fail(const Error &error);
    void stepSsh();
    void stepHostKey();
    void stepDbPassword();
    void askDbPassword(int attempt);
    void stepTunnel();
    void stepDatabase(int attempt);
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
    std::shared_ptr<QPromise<Status>> m_connectPromise;
};

} // namespace maildeck
