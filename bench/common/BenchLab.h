#pragma once

// Shared helpers of the lab benchmarks (bench/connect, bench/data): the lab's environment, a
// ServerConnection profile for the lab's root account, an `ssh -L` baseline tunnel, shell
// commands read fully through a pipe, and medians. Header-only; benchmarks only.

#include "core/common/Result.h"
#include "core/profiles/ServerProfile.h"
#include "core/ssh/Prompter.h"
#include "core/ssh/SshTypes.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFuture>
#include <QString>
#include <QThread>

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <vector>

namespace bench {

inline QString env(const char *name) {
    return qEnvironmentVariable(name);
}

// True when something accepts TCP connections on 127.0.0.1:port.
inline bool portOpen(quint16 port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

// A port nobody listens on right now (the kernel's choice).
inline quint16 freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

// The lab's LAB_* variables: from the environment, or from `tests/lab/lab env` of this source
// tree. False (with a message) when the lab is not running.
inline bool requireLab(const char *sourceDir) {
    if (env("LAB_ROOT").isEmpty()) {
        const QByteArray cmd = QByteArray(sourceDir) + "/tests/lab/lab env 2>/dev/null";
        if (std::FILE *p = ::popen(cmd.constData(), "r")) {
            char line[4096];
            while (std::fgets(line, sizeof line, p)) {
                QByteArray l = QByteArray(line).trimmed();
                const qsizetype eq = l.indexOf('=');
                if (!l.startsWith("LAB_") || eq < 0)
                    continue;
                QByteArray v = l.mid(eq + 1);
                if (v.size() >= 2 && v.startsWith('\'') && v.endsWith('\''))
                    v = v.mid(1, v.size() - 2);
                qputenv(l.left(eq).constData(), v);
            }
            ::pclose(p);
        }
    }
    const quint16 ssh = quint16(qEnvironmentVariableIntValue("LAB_SSH_PORT"));
    const quint16 db = quint16(qEnvironmentVariableIntValue("LAB_DB_PORT"));
    if (env("LAB_ROOT").isEmpty() || ssh == 0 || !portOpen(ssh) || db == 0 || !portOpen(db)) {
        std::fprintf(stderr,
                     "The lab is not running (its sshd and MariaDB do not answer): start it with "
                     "`./dev lab up`, then run this benchmark again.\n");
        return false;
    }
    return true;
}

// No prompt is expected (known host key, key file without passphrase, password from a file);
// any question is answered "cancel" and counted.
class RefusingPrompter : public maildeck::Prompter {
public:
    int asked = 0;
    void askSecret(const maildeck::SecretRequest &, SecretReply reply) override {
        ++asked;
        reply(std::nullopt);
    }
    void confirmHostKey(const maildeck::HostKeyInfo &, const QString &, TrustReply reply) override {
        ++asked;
        reply(false);
    }
};

// The lab's root account, tunnel route, database password from a server file.
inline maildeck::ServerProfile labProfile(const QString &name, const QString &dbName,
                                          const QString &dbUser, const QString &dbCnf) {
    maildeck::ServerProfile p;
    p.name = name;
    p.host = QStringLiteral("127.0.0.1");
    p.port = quint16(qEnvironmentVariableIntValue("LAB_SSH_PORT"));
    p.user = QStringLiteral("root");
    p.identityFile = env("LAB_ROOT_KEY");
    p.knownHostsFile = env("LAB_KNOWN_HOSTS");
    p.dbRoute = maildeck::DbRoute::Tunnel;
    p.dbHost = QStringLiteral("127.0.0.1");
    p.dbPort = quint16(qEnvironmentVariableIntValue("LAB_DB_PORT"));
    p.dbName = dbName;
    p.dbUser = dbUser;
    p.dbCredentials = maildeck::DbCredentialSource::ServerFile;
    p.dbCredentialsFile = dbCnf;
    p.paths.mlmmjSpool = env("LAB_MLMMJ_SPOOL");
    return p;
}

// No ~/.ssh/config, no agent, default keys from an empty directory: only the profile's key.
inline maildeck::SshConfig labSshConfig(const maildeck::ServerProfile &p, const QString &sshDir) {
    maildeck::SshConfig c = maildeck::SshConfig::fromProfile(p);
    c.sshConfigFile = QStringLiteral("none");
    c.sshDir = sshDir;
    c.useAgent = false;
    c.timeoutSeconds = 20;
    return c;
}

// Waits for a future while running the event loop (a benchmark's main thread only).
template <class T> std::optional<T> await(QFuture<T> future, int timeoutMs = 300000) {
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!future.isFinished())
            QThread::usleep(200);
    }
    if (!future.isFinished() || future.isCanceled() || future.resultCount() == 0)
        return std::nullopt;
    return future.result();
}

template <class R> QByteArray why(const R &r) {
    if (r.ok())
        return {};
    return (r.error().code + QStringLiteral(": ") + r.error().message + QLatin1Char(' ') +
            r.error().detail)
        .toLocal8Bit();
}

inline QByteArray shellQuote(const QString &s) {
    QByteArray q = s.toLocal8Bit();
    q.replace('\'', "'\\''");
    return '\'' + q + '\'';
}

// The stock OpenSSH client forwarding localPort to host:port on the server, like an admin's
// `ssh -N -L`: only the lab's root key, the lab's known_hosts, no config file, no agent.
class SshForward {
public:
    SshForward() = default;
    SshForward(const SshForward &) = delete;
    SshForward &operator=(const SshForward &) = delete;
    ~SshForward() { stop(); }

    // Starts ssh and returns at once; ready() tells when the local port accepts connections.
    bool start(quint16 localPort, quint16 remotePort) {
        m_port = localPort;
        const QByteArray fwd =
            QByteArray::number(localPort) + ":127.0.0.1:" + QByteArray::number(remotePort);
        const QByteArray key = env("LAB_ROOT_KEY").toLocal8Bit();
        const QByteArray kh = "UserKnownHostsFile=" + env("LAB_KNOWN_HOSTS").toLocal8Bit();
        const QByteArray port = env("LAB_SSH_PORT").toLocal8Bit();
        m_pid = ::fork();
        if (m_pid == 0) {
            ::unsetenv("SSH_AUTH_SOCK");
            const int devNull = ::open("/dev/null", O_RDWR);
            ::dup2(devNull, 0);
            ::dup2(devNull, 1);
            ::execlp("ssh", "ssh", "-F", "/dev/null", "-i", key.constData(), "-o",
                     "IdentitiesOnly=yes", "-o", kh.constData(), "-o", "BatchMode=yes", "-o",
                     "StrictHostKeyChecking=yes", "-o", "ExitOnForwardFailure=yes", "-p",
                     port.constData(), "-N", "-L", fwd.constData(), "root@127.0.0.1",
                     static_cast<char *>(nullptr));
            ::_exit(127);
        }
        return m_pid > 0;
    }
    // A connection master (`ssh -M -S path -N`) for multiplexed `ssh -S path host cmd` runs:
    // OpenSSH's own way to run commands over one open connection. Ready when the socket exists.
    bool startMaster(const QByteArray &controlPath) {
        m_control = controlPath;
        const QByteArray key = env("LAB_ROOT_KEY").toLocal8Bit();
        const QByteArray kh = "UserKnownHostsFile=" + env("LAB_KNOWN_HOSTS").toLocal8Bit();
        const QByteArray port = env("LAB_SSH_PORT").toLocal8Bit();
        m_pid = ::fork();
        if (m_pid == 0) {
            ::unsetenv("SSH_AUTH_SOCK");
            const int devNull = ::open("/dev/null", O_RDWR);
            ::dup2(devNull, 0);
            ::dup2(devNull, 1);
            ::execlp("ssh", "ssh", "-F", "/dev/null", "-i", key.constData(), "-o",
                     "IdentitiesOnly=yes", "-o", kh.constData(), "-o", "BatchMode=yes", "-o",
                     "StrictHostKeyChecking=yes", "-p", port.constData(), "-M", "-S",
                     controlPath.constData(), "-N", "root@127.0.0.1", static_cast<char *>(nullptr));
            ::_exit(127);
        }
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            if (::access(controlPath.constData(), F_OK) == 0)
                return true;
            ::usleep(1000);
        }
        return false;
    }
    // `ssh -S path root@lab COMMAND` through the master.
    QByteArray multiplexed(const QByteArray &command) const {
        return "ssh -F /dev/null -o BatchMode=yes -S '" + m_control + "' -p " +
               env("LAB_SSH_PORT").toLocal8Bit() + " root@127.0.0.1 " + command;
    }

    // Polls the local port (every 1 ms) until it accepts a connection; false on ssh's exit or
    // after timeoutMs.
    bool waitReady(int timeoutMs = 20000) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (portOpen(m_port))
                return true;
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                return false;
            }
            ::usleep(1000);
        }
        return false;
    }
    void stop() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            int status = 0;
            ::waitpid(m_pid, &status, 0);
        }
        m_pid = -1;
    }
    quint16 port() const { return m_port; }

private:
    pid_t m_pid = -1;
    quint16 m_port = 0;
    QByteArray m_control;
};

// Runs a shell command, reads its stdout fully through a pipe; wall seconds and bytes.
struct PipeRun {
    double seconds = 0;
    qint64 bytes = 0;
    qint64 lines = 0;
    int exitCode = -1;
    QByteArray head; // the first 4 KB of the output, for checks
};

inline PipeRun runPipe(const QByteArray &command) {
    PipeRun r;
    QElapsedTimer t;
    t.start();
    std::FILE *p = ::popen(command.constData(), "r");
    if (!p)
        return r;
    static char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) {
        r.bytes += qint64(n);
        r.lines += std::count(buf, buf + n, '\n');
        if (r.head.size() < 4096)
            r.head.append(buf, qsizetype(std::min<size_t>(n, size_t(4096 - r.head.size()))));
    }
    const int status = ::pclose(p);
    r.seconds = double(t.nsecsElapsed()) / 1e9;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// Median and 90th percentile (nearest rank) of a sample.
inline double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    std::size_t rank = std::size_t(p * double(v.size()) + 0.999999);
    rank = std::clamp<std::size_t>(rank, 1, v.size());
    return v[rank - 1];
}
inline double median(const std::vector<double> &v) {
    if (v.empty())
        return 0;
    std::vector<double> s = v;
    std::sort(s.begin(), s.end());
    const std::size_t n = s.size();
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

} // namespace bench
