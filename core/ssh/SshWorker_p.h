#pragma once

// Internal: the object that owns a libssh session, living in the session's worker thread.
// Everything here runs in that thread only.

#include "core/ssh/HostKey.h"
#include "core/ssh/Prompter.h"
#include "core/ssh/SshTypes.h"
#include "core/ssh/Sudo.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QTimer>

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <atomic>
#include <functional>
#include <list>
#include <map>
#include <memory>

class QSocketNotifier;
class QTcpServer;
class QTcpSocket;

namespace maildeck {

// State both threads read.
struct SshShared {
    QMutex mutex;
    HostKeyInfo pendingHostKey;
    QString remoteUser;
    // Connect attempts are numbered (1, 2, …) by SshSession; cancelConnect() stores the number of
    // the latest one here, and every attempt up to it stops at its next poll.
    std::atomic<quint64> connectCancelledUpTo{0};
};

class SshWorker : public QObject {
    Q_OBJECT
public:
    enum ProcessEventKind { Stdout, Stderr, Finished, Failed };

    SshWorker(const SshConfig &config, Prompter *prompter, std::shared_ptr<SshShared> shared);
    ~SshWorker() override;

    // attempt: the number SshSession gave this connect (see SshShared::connectCancelledUpTo).
    void connectToHost(std::shared_ptr<QPromise<Status>> promise, quint64 attempt);
    void trustHostKey(std::shared_ptr<QPromise<Status>> promise, quint64 attempt);
    void disconnectFromHost(const Error &reason = {});
    void shutdown();
    void cancelPrompts() { m_cancelPrompt = true; }

    using ExecPromise = std::shared_ptr<QPromise<Result<CommandOutput>>>;
    void startExec(quint64 id, const QString &command, const ExecOptions &options,
                   ExecPromise promise);
    void cancelExec(quint64 id);
    void writeExec(quint64 id, const QByteArray &data, bool closeStdin);
    void forgetSudoPassword();

    void startForward(const QString &host, quint16 port,
                      std::shared_ptr<QPromise<Result<quint16>>> promise);
    void stopForward(quint16 localPort);

    // SFTP: runs `job` with a ready SFTP session (after ensureConnected()).
    Result<sftp_session> sftp();
    Status ensureConnected();
    Error sftpError(const QString &what, const QString &path);
    Error lostOrError(const QString &what);

Q_SIGNALS:
    void stateChanged(int state, const QString &remoteUser);
    void processEvent(quint64 id, int kind, const QByteArray &data, int exitStatus,
                      const maildeck::Error &error);
    void connectionLost(const maildeck::Error &error);
    // While connecting: the server's host key is being checked; then each login method tried
    // (method: an AuthMethod value; keyFile: for AuthMethod::PublicKey).
    void checkingHostKey(const QString &hostPort, const QString &keyType,
                         const QString &fingerprint);
    void authenticating(const QString &user, const QString &host, int method,
                        const QString &keyFile);
    // A secret the person gave proved right (kind: SecretRequest::Kind; keyFile: passphrases).
    void secretAccepted(int kind, const QString &keyFile);

private:
    struct ExecOp {
        quint64 id = 0;
        ssh_channel channel = nullptr;
        ExecPromise promise; // null: streamed through processEvent
        CommandOutput output;
        QElapsedTimer started;
        int timeoutMs = 0;
        CancelToken cancel;
        bool stdoutEof = false;
        bool stderrEof = false;
    };
    struct Bridge {
        QTcpSocket *socket = nullptr;
        ssh_channel channel = nullptr;
        quint16 localPort = 0;
        bool closing = false;
    };
    struct Forward {
        QTcpServer *server = nullptr;
        QString host;
        quint16 port = 0;
    };

    Status connectSteps();
    Status connectTcp(const QString &hostName, unsigned int port);
    bool connectCancelled() const;
    Error cancelledError() const;
    Status checkHostKey();
    Status authenticate();
    Status authWithKeyFile(const QString &path, bool *tried);
    Status authPassword(int methods);
    Status authKeyboardInteractive(int methods);
    std::optional<SecretAnswer> ask(SecretRequest request);
    void setState(SshState state);
    Error sshError(const QString &code, const QString &message) const;
    void freeSession();
    void connectionBroke(const Error &error);
    void failAll(const Error &error);
    void armIo();
    void pump();
    void pumpExec();
    void pumpBridges();
    void finishExec(std::list<ExecOp>::iterator it, const Error *error);
    void closeBridge(std::list<Bridge>::iterator it);
    void onNewConnection(quint16 localPort);
    void onSocketReadable(QTcpSocket *socket);
    void onSocketClosed(QTcpSocket *socket);
    void keepalive();
    Result<CommandOutput> execBlocking(const QString &command, const QByteArray &stdinData);
    Status ensureSudo(Sudo::Mode *mode);
    QString privilegedCommand(const QString &command, Sudo::Mode mode, QByteArray *stdinPrefix);

    SshConfig m_config;
    QPointer<Prompter> m_prompter;
    std::shared_ptr<SshShared> m_shared;
    ssh_session m_session = nullptr;
    sftp_session m_sftp = nullptr;
    SshState m_state = SshState::Disconnected;
    bool m_everAuthenticated = false;
    bool m_shuttingDown = false;
    quint64 m_connectAttempt = 0; // of the connectToHost()/trustHostKey() running; 0: none
    QString m_user;
    HostKeyInfo m_hostKey; // the key of the current/last connection
    QByteArray m_password; // secrets given in this session (memory only)
    std::map<QString, QByteArray> m_passphrases;
    QByteArray m_sudoPassword;
    int m_sudoMode = -1; // -1 unknown, else Sudo::Mode
    QSocketNotifier *m_notifier = nullptr;
    ssh_event m_event = nullptr;
    QTimer m_pumpTimer;
    QTimer m_keepaliveTimer;
    QElapsedTimer m_lastTraffic;
    std::list<ExecOp> m_execs;
    struct PendingExec {
        quint64 id;
        QString command;
        ExecOptions options;
        ExecPromise promise;
    };
    std::list<PendingExec> m_pendingExecs; // beyond the server's MaxSessions (default 10)
    void startPendingExecs();
    std::list<Bridge> m_bridges;
    std::map<quint16, Forward> m_forwards;
    std::atomic<bool> m_cancelPrompt{false};
    QByteArray m_buffer{64 * 1024, Qt::Uninitialized};
};

} // namespace maildeck
