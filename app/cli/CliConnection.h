#pragma once

// The command line's connection to a server: the profile from ProfileStore, core's
// ServerConnection (exactly as the desktop application uses it) and a Prompter for a terminal.
//
//   CliSession session(context);
//   if (const int code = session.open(); code != ExitOk)
//       return code;                                  // the message is printed already
//   auto rows = session.await(session.db()->run(job)); // std::nullopt: Ctrl+C
//
// Secrets: core looks in the keychain first; what is not there is asked on the terminal without
// echo when stdin is a terminal, else read from --secret-file FILE (lines "kind=secret", the
// file readable by its owner only), else the command fails with a message naming that option.
// Unknown host keys: asked y/N on a terminal; without one refused unless --accept-new-host-key.
// Changed host keys: always refused (core's message). Ctrl+C cancels cleanly (exit 130).

#include "app/cli/CliSupport.h"
#include "core/ssh/Prompter.h"

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QMap>
#include <QObject>

#include <optional>

class QSocketNotifier;

namespace maildeck {
class DbWorker;
class ServerConnection;
class SshSession;
struct ServerProfile;
} // namespace maildeck

namespace maildeck::cli {

class TerminalPrompter : public Prompter {
    Q_OBJECT
public:
    TerminalPrompter(bool acceptNewHostKey, const QMap<QString, QString> &fileSecrets,
                     QObject *parent = nullptr);

    void askSecret(const SecretRequest &request, SecretReply reply) override;
    void confirmHostKey(const HostKeyInfo &info, const QString &message, TrustReply reply) override;

    // Why the last question could not be answered (no terminal, no --secret-file entry); empty
    // when the person answered or cancelled.
    QString failure() const { return m_failure; }

    // The --secret-file kind of a request: ssh-password, key-passphrase, sudo-password,
    // db-password.
    static QString fileKind(const SecretRequest &request);
    // Reads "kind=secret" lines; refuses a file that others may read.
    static Result<QMap<QString, QString>> readSecretFile(const QString &path);
    // Whether stdin is a terminal (questions are asked there).
    static bool interactive();
    // One line from the terminal, echo off unless `echo`; std::nullopt on EOF or Ctrl+C.
    static std::optional<QString> readLine(bool echo);

private:
    bool m_acceptNewHostKey = false;
    QMap<QString, QString> m_fileSecrets;
    QString m_failure;
};

class CliSession : public QObject {
    Q_OBJECT
public:
    explicit CliSession(Context &context, QObject *parent = nullptr);
    ~CliSession() override;

    // Loads the profile named by --profile and connects (SSH, the database). Returns ExitOk or
    // the exit code to end with (`failureCode` when connecting failed); messages are printed.
    int open(int failureCode = ExitFailed);

    ServerConnection *connection() const { return m_connection; }
    SshSession *ssh() const;
    DbWorker *db() const;
    const ServerProfile &profile() const;
    bool interrupted() const { return m_interrupted; }
    bool verbose() const { return m_verbose; }

    // Runs the event loop until the future is finished or Ctrl+C is pressed (then nullopt).
    template <class T> std::optional<T> await(QFuture<T> future) {
        if (!future.isFinished() && !m_interrupted) {
            QEventLoop loop;
            QFutureWatcher<T> watcher;
            connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
            connect(this, &CliSession::interruptRequested, &loop, &QEventLoop::quit);
            watcher.setFuture(future);
            loop.exec();
        }
        if (m_interrupted || !future.isFinished() || future.resultCount() == 0)
            return std::nullopt;
        return future.result();
    }

    // Prints "Cancelled." and returns ExitInterrupted.
    int cancelled();

Q_SIGNALS:
    void interruptRequested();

private:
    void onSignal();

    Context &m_context;
    TerminalPrompter *m_prompter = nullptr;
    ServerConnection *m_connection = nullptr;
    QSocketNotifier *m_signalNotifier = nullptr;
    bool m_interrupted = false;
    bool m_verbose = false;
};

} // namespace maildeck::cli
