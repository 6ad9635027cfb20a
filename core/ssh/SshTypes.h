#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <atomic>
#include <memory>

namespace maildeck {

struct ServerProfile;

// How to reach one SSH server. Holds no secret.
struct SshConfig {
    QString profileName;       // for prompts and keychain keys
    QString host;              // a name, an address, or a ~/.ssh/config Host alias
    quint16 port = 22;         // 0: from ~/.ssh/config or 22
    QString user;              // empty: from ~/.ssh/config or the local user
    QString identityFile;      // empty: ~/.ssh/config's IdentityFile and OpenSSH's defaults
    QString knownHostsFile;    // empty: ~/.ssh/known_hosts
    QString sshConfigFile;     // empty: ~/.ssh/config; "none": read no config file
    QString sshDir;            // empty: ~/.ssh (default keys)
    bool useAgent = true;      // try ssh-agent when SSH_AUTH_SOCK is set
    bool keysOnly = false;     // public keys only (agent, key files): never a password prompt
    int timeoutSeconds = 15;   // TCP connect and every server round trip
    int keepaliveSeconds = 30; // idle this long: probe; no answer in timeoutSeconds = dropped

    static SshConfig fromProfile(const ServerProfile &profile);
};

enum class SshState {
    Disconnected,
    Connecting,           // TCP, key exchange
    AwaitingHostKeyTrust, // unknown host key: waiting for trustHostKey()
    Authenticating,
    Connected,
    Failed,
};

// The result of a finished command.
struct CommandOutput {
    QByteArray stdOut;
    QByteArray stdErr;
    int exitStatus = -1; // the remote exit status; -1 when killed by a signal
    QString exitSignal;  // e.g. "TERM" when killed by a signal

    bool succeeded() const { return exitStatus == 0; }
    QString stdoutText() const { return QString::fromUtf8(stdOut); }
    QString stderrText() const { return QString::fromUtf8(stdErr); }
};

// Stops a running SSH operation (a command, an SFTP read or write). Give a copy to the operation
// (ExecOptions::cancel, readFile/writeFile), keep one, call cancel() from any thread: the operation
// stops at its next poll or chunk and its future finishes with the error "ssh.cancelled". Copies
// share one flag; a default-constructed token is a fresh one that nobody has cancelled.
class CancelToken {
public:
    CancelToken()
        : m_flag(std::make_shared<std::atomic<bool>>(false)) {}
    void cancel() const { m_flag->store(true); }
    bool isCancelled() const { return m_flag->load(); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

struct ExecOptions {
    QByteArray stdinData;       // written to the command's stdin, then EOF (unless keepStdinOpen)
    bool keepStdinOpen = false; // SshProcess::write() feeds more
    bool privileged = false;    // run as root: direct for root, else sudo (asks once per session)
    int timeoutMs = 0;          // 0: none; else the command is cancelled after this time
    CancelToken cancel;         // cancel(): the command is stopped, the result is ssh.cancelled
};

// A file or directory on the server (SFTP).
struct RemoteFileInfo {
    enum class Type { File, Directory, Symlink, Other };
    QString name; // the entry's name (list) or the path (stat)
    Type type = Type::Other;
    qint64 size = 0;
    quint32 permissions = 0; // mode bits, e.g. 0644
    quint32 uid = 0;
    quint32 gid = 0;
    QString owner;
    QString group;
    QDateTime modified;
};

} // namespace maildeck
