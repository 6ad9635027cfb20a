#pragma once

#include "core/common/Result.h"
#include "core/ssh/AuthPlan.h"
#include "core/ssh/HostKey.h"
#include "core/ssh/Prompter.h"
#include "core/ssh/SshTypes.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

namespace maildeck {

class Prompter;
class SshWorker;
class SshSession;

// A running command with streamed output. Created by SshSession::startCommand; owned by the
// session unless reparented; delete it or call cancel() to stop the command.
class SshProcess : public QObject {
    Q_OBJECT
public:
    ~SshProcess() override;
    quint64 id() const { return m_id; }
    bool isRunning() const { return m_running; }

    void write(const QByteArray &data); // to the command's stdin (ExecOptions::keepStdinOpen)
    void closeStdin();
    void cancel(); // closes the channel; finished() is not emitted, failed() with ssh.cancelled

Q_SIGNALS:
    void stdoutData(const QByteArray &chunk);
    void stderrData(const QByteArray &chunk);
    void finished(int exitStatus);
    void failed(const maildeck::Error &error);

private:
    friend class SshSession;
    SshProcess(SshSession *session, quint64 id);
    QPointer<SshSession> m_session;
    quint64 m_id = 0;
    bool m_running = true;
};

// One SSH session to one server. A worker thread owns the libssh session (libssh is not
// thread-safe); every method here returns at once, results arrive through futures and signals.
// Use from one thread (normally the GUI's); tie continuations to a context object:
//   session->runCommand(u"uptime"_s).then(this, [this](Result<CommandOutput> r) { … });
// Operations on a dropped session reconnect first (same host key required, secrets given
// earlier in this session are reused, so no prompt unless something changed).
class SshSession : public QObject {
    Q_OBJECT
public:
    // prompter: asked for passphrases, passwords and the sudo password (may be null: then those
    // methods fail with ssh.auth.cancelled). It must live in this object's thread or longer.
    explicit SshSession(const SshConfig &config, Prompter *prompter = nullptr,
                        QObject *parent = nullptr);
    ~SshSession() override;

    const SshConfig &config() const { return m_config; }
    SshState state() const { return m_state; }
    bool isConnected() const { return m_state == SshState::Connected; }
    // Effective user after ~/.ssh/config (valid once connected).
    QString remoteUser() const;

    // TCP, key exchange, host-key check, authentication. Fails with ssh.hostkey.unknown when the
    // host key is not in known_hosts: then pendingHostKey() says what to show and
    // trustHostKey() writes it and goes on. Changed keys fail with ssh.hostkey.changed.
    QFuture<Status> connectToHost();
    HostKeyInfo pendingHostKey() const;
    QFuture<Status> trustHostKey();
    // Stops the connectToHost()/trustHostKey() in progress (TCP, key exchange, a prompt, between
    // login methods) within milliseconds: its future finishes with ssh.cancelled and the session
    // is closed. A later connectToHost() or operation connects anew.
    void cancelConnect();
    void disconnectFromHost();

    // Runs a shell command; collects its output.
    QFuture<Result<CommandOutput>> runCommand(const QString &command,
                                              const ExecOptions &options = {});
    // Runs a shell command with streamed output (signals of the returned object).
    SshProcess *startCommand(const QString &command, const ExecOptions &options = {});
    // Forgets the sudo password kept for this session.
    void forgetSudoPassword();

    // Listens on 127.0.0.1:<ephemeral>; each connection goes to remoteHost:remotePort as seen from
    // the server (direct-tcpip). Result: the local port.
    QFuture<Result<quint16>> startLocalForward(const QString &remoteHost, quint16 remotePort);
    void stopLocalForward(quint16 localPort);

    // SFTP as the SSH user (privileged files: runCommand with privileged = true). cancel stops a
    // transfer at the next 32 KiB chunk with ssh.cancelled (a partly written file stays).
    QFuture<Result<QByteArray>> readFile(const QString &path, qint64 maxBytes = 256 * 1024 * 1024,
                                         const CancelToken &cancel = {});
    QFuture<Status> writeFile(const QString &path, const QByteArray &data, quint32 mode = 0644,
                              const CancelToken &cancel = {});
    QFuture<Result<RemoteFileInfo>> stat(const QString &path);
    QFuture<Status> rename(const QString &from, const QString &to); // replaces `to`
    QFuture<Status> remove(const QString &path);
    QFuture<Status> makeDirectory(const QString &path, quint32 mode = 0755);
    QFuture<Result<QList<RemoteFileInfo>>> listDirectory(const QString &path);

Q_SIGNALS:
    void stateChanged(maildeck::SshState state);
    // The connection broke (network, server restart, keepalive timeout). In-flight operations
    // fail with ssh.connection.lost; the next operation reconnects.
    void connectionLost(const maildeck::Error &error);
    // While connecting (also a reconnect): the host key is being checked, then each login method
    // is tried (keyFile: the key file for AuthMethod::PublicKey, else empty).
    void checkingHostKey(const QString &hostPort, const QString &keyType,
                         const QString &fingerprint);
    void authenticating(const QString &user, const QString &host, maildeck::AuthMethod method,
                        const QString &keyFile);
    // A password, passphrase or sudo password from the Prompter was right (the server took it).
    // Only then may it be remembered: a wrong one never goes to the keychain.
    void secretAccepted(maildeck::SecretRequest::Kind kind, const QString &keyFile);

private:
    friend class SshProcess;
    void onWorkerState(int state, const QString &remoteUser);
    void onProcessEvent(quint64 id, int kind, const QByteArray &data, int exitStatus,
                        const maildeck::Error &error);
    void cancelProcess(quint64 id);
    void writeProcess(quint64 id, const QByteArray &data, bool closeStdin);
    template <class F> void post(F &&f);

    SshConfig m_config;
    SshState m_state = SshState::Disconnected;
    QString m_remoteUser;
    QThread *m_thread = nullptr;
    SshWorker *m_worker = nullptr;
    QHash<quint64, QPointer<SshProcess>> m_processes;
    std::shared_ptr<struct SshShared> m_shared;
    std::atomic<quint64> m_nextId{1};
    quint64 m_connectAttempt = 0; // numbers connectToHost()/trustHostKey() calls
};

} // namespace maildeck
