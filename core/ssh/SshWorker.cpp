#include "core/common/Logging.h"
#include "core/common/WorkerThreadExit.h"
#include "core/ssh/AuthPlan.h"
#include "core/ssh/SshWorker_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <condition_variable>
#include <fcntl.h>
#include <mutex>
#include <poll.h>

namespace maildeck {

namespace {

constexpr int kReadChunk = 64 * 1024;
constexpr qint64 kSocketBacklog = 4 * 1024 * 1024; // stop reading the channel above this
// sshd allows MaxSessions (default 10) session channels per connection; SFTP and the keepalive
// probe use one each. More commands wait in a queue.
constexpr size_t kMaxExecChannels = 7;

QString homeSshDir(const SshConfig &config) {
    if (!config.sshDir.isEmpty())
        return config.sshDir;
    return QDir::homePath() + QStringLiteral("/.ssh");
}

QString expandHome(const QString &path) {
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

// Answers of the person, handed from the prompter's thread to the worker.
struct PromptState {
    std::mutex mutex;
    std::condition_variable cv;
    bool done = false;
    std::optional<SecretAnswer> answer;

    void set(std::optional<SecretAnswer> a) {
        std::lock_guard lock(mutex);
        if (done)
            return;
        done = true;
        answer = std::move(a);
        cv.notify_all();
    }
};
// Whoever drops the last reference without answering cancels: a destroyed prompter, a discarded
// queued call or a reply function that is never called can never leave the worker waiting.
struct PromptGuard {
    std::shared_ptr<PromptState> state = std::make_shared<PromptState>();
    ~PromptGuard() { state->set(std::nullopt); }
};

// Called by libssh when it wants a key's passphrase: we never let it ask (OpenSSL would read the
// terminal); we note that a passphrase is needed and ask the person ourselves.
int noPassphraseCallback(const char *, char *, size_t, int, int, void *userdata) {
    *static_cast<bool *>(userdata) = true;
    return -1;
}

void wipe(QByteArray &secret) {
    secret.fill('\0');
    secret.clear();
}

} // namespace

SshWorker::SshWorker(const SshConfig &config, Prompter *prompter, std::shared_ptr<SshShared> shared)
    : m_config(config)
    , m_prompter(prompter)
    , m_shared(std::move(shared))
    , m_pumpTimer(this)
    , m_keepaliveTimer(this) {
    m_pumpTimer.setInterval(10);
    connect(&m_pumpTimer, &QTimer::timeout, this, &SshWorker::pump);
    if (m_config.keepaliveSeconds > 0) {
        m_keepaliveTimer.setInterval(m_config.keepaliveSeconds * 1000);
        connect(&m_keepaliveTimer, &QTimer::timeout, this, &SshWorker::keepalive);
    }
}

SshWorker::~SshWorker() {
    shutdown();
    if (QThread::currentThread() == thread()) // deleted through QThread::finished, in its thread
        releaseWorkerThreadCryptoState();
}

void SshWorker::shutdown() {
    m_shuttingDown = true;
    m_cancelPrompt = true;
    const Error closed{QStringLiteral("ssh.closed"), tr("The SSH session was closed."), {}};
    failAll(closed);
    for (auto &[port, fwd] : m_forwards)
        delete fwd.server;
    m_forwards.clear();
    freeSession();
    wipe(m_password);
    wipe(m_sudoPassword);
    for (auto &[path, pass] : m_passphrases)
        wipe(pass);
    m_passphrases.clear();
}

void SshWorker::setState(SshState state) {
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(int(state), m_user);
}

Error SshWorker::sshError(const QString &code, const QString &message) const {
    Error e{code, message, {}};
    if (m_session)
        e.detail = QString::fromUtf8(ssh_get_error(m_session));
    return e;
}

void SshWorker::freeSession() {
    m_pumpTimer.stop();
    m_keepaliveTimer.stop();
    delete m_notifier;
    m_notifier = nullptr;
    if (m_event && m_session)
        ssh_event_remove_session(m_event, m_session);
    if (m_event)
        ssh_event_free(m_event);
    m_event = nullptr;
    if (m_sftp)
        sftp_free(m_sftp);
    m_sftp = nullptr;
    if (m_session) {
        if (ssh_is_connected(m_session))
            ssh_disconnect(m_session);
        ssh_free(m_session);
    }
    m_session = nullptr;
}

// ---------------------------------------------------------------------------------------------
// Connecting

void SshWorker::connectToHost(std::shared_ptr<QPromise<Status>> promise, quint64 attempt) {
    m_cancelPrompt = false;
    m_connectAttempt = attempt;
    Status st = connectCancelled() ? Status(cancelledError()) : connectSteps();
    const bool cancelled = promise->isCanceled() || connectCancelled();
    m_connectAttempt = 0;
    if (cancelled) {
        // Nothing stays half open: no session, no host key waiting for trust.
        disconnectFromHost();
        st = cancelledError();
    }
    promise->addResult(st);
    promise->finish();
}

bool SshWorker::connectCancelled() const {
    return m_connectAttempt != 0 && m_connectAttempt <= m_shared->connectCancelledUpTo.load();
}

Error SshWorker::cancelledError() const {
    return Error{QStringLiteral("ssh.cancelled"), tr("Connecting was cancelled."), {}};
}

// TCP connect and key exchange, non-blocking so that a cancel is noticed within milliseconds (a
// blocking ssh_connect() waits the whole timeout on a server that accepts and says nothing).
Status SshWorker::connectTcp(const QString &hostName, unsigned int port) {
    ssh_set_blocking(m_session, 0);
    QElapsedTimer timer;
    timer.start();
    const qint64 limitMs = qint64(m_config.timeoutSeconds) * 1000;
    int rc = SSH_AGAIN;
    while ((rc = ssh_connect(m_session)) == SSH_AGAIN) {
        if (connectCancelled())
            return cancelledError();
        if (limitMs > 0 && timer.elapsed() > limitMs)
            return Error{
                QStringLiteral("ssh.connect"),
                tr("ssh: connect to host %1 port %2: Connection timed out").arg(hostName).arg(port),
                {}};
        const socket_t fd = ssh_get_fd(m_session);
        if (fd != SSH_INVALID_SOCKET) {
            pollfd p{fd, POLLIN, 0};
            ::poll(&p, 1, 20);
        } else {
            QThread::msleep(5);
        }
    }
    ssh_set_blocking(m_session, 1);
    if (rc != SSH_OK)
        return sshError(QStringLiteral("ssh.connect"),
                        tr("ssh: connect to host %1 port %2: %3")
                            .arg(hostName)
                            .arg(port)
                            .arg(QString::fromUtf8(ssh_get_error(m_session))));
    return {};
}

Status SshWorker::connectSteps() {
    freeSession();
    setState(SshState::Connecting);
    m_session = ssh_new();
    if (!m_session) {
        setState(SshState::Failed);
        return Error{QStringLiteral("ssh.internal"), tr("Could not create an SSH session."), {}};
    }
    const QByteArray host = m_config.host.toUtf8();
    ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData());
    const QString sshDir = homeSshDir(m_config);
    const QByteArray sshDirBytes = QFile::encodeName(sshDir);
    ssh_options_set(m_session, SSH_OPTIONS_SSH_DIR, sshDirBytes.constData());
    if (m_config.sshConfigFile != QLatin1String("none")) {
        const QString file = m_config.sshConfigFile.isEmpty() ? sshDir + QStringLiteral("/config")
                                                              : expandHome(m_config.sshConfigFile);
        if (QFileInfo::exists(file)) {
            const QByteArray f = QFile::encodeName(file);
            if (ssh_options_parse_config(m_session, f.constData()) != SSH_OK)
                qCWarning(lcSsh) << "could not parse" << file;
        }
    }
    bool no = false;
    ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &no);
    if (m_config.port != 0) {
        unsigned int port = m_config.port;
        ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    }
    if (!m_config.user.isEmpty()) {
        const QByteArray user = m_config.user.toUtf8();
        ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData());
    }
    QString knownHosts = expandHome(m_config.knownHostsFile);
    if (knownHosts.isEmpty())
        knownHosts = sshDir + QStringLiteral("/known_hosts");
    const QByteArray kh = QFile::encodeName(knownHosts);
    ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, kh.constData());
    long timeout = m_config.timeoutSeconds;
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeout);

    char *effHost = nullptr;
    ssh_options_get(m_session, SSH_OPTIONS_HOST, &effHost);
    const QString hostName = effHost ? QString::fromUtf8(effHost) : m_config.host;
    ssh_string_free_char(effHost);
    unsigned int effPort = 22;
    ssh_options_get_port(m_session, &effPort);

    qCInfo(lcSsh) << "connecting to" << hostName << "port" << effPort;
    if (Status c = connectTcp(hostName, effPort); !c.ok()) {
        freeSession();
        setState(SshState::Failed);
        return c;
    }
    char *effUser = nullptr;
    ssh_options_get(m_session, SSH_OPTIONS_USER, &effUser);
    m_user = effUser ? QString::fromUtf8(effUser) : QString();
    ssh_string_free_char(effUser);
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->remoteUser = m_user;
    }

    m_hostKey = HostKeyInfo{};
    m_hostKey.host = hostName;
    m_hostKey.port = quint16(effPort);
    m_hostKey.knownHostsFile = knownHosts;
    if (connectCancelled()) {
        freeSession();
        setState(SshState::Failed);
        return cancelledError();
    }
    Status st = checkHostKey();
    if (!st.ok()) {
        if (st.error().code != QLatin1String("ssh.hostkey.unknown")) {
            freeSession();
            setState(SshState::Failed);
        }
        return st;
    }
    st = authenticate();
    if (!st.ok()) {
        freeSession();
        setState(SshState::Failed);
        return st;
    }
    m_everAuthenticated = true;
    armIo();
    setState(SshState::Connected);
    qCInfo(lcSsh) << "connected to" << hostName << "as" << m_user;
    return {};
}

Status SshWorker::checkHostKey() {
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(m_session, &key) != SSH_OK)
        return sshError(QStringLiteral("ssh.hostkey.error"),
                        tr("The server did not send a host key."));
    unsigned char *hash = nullptr;
    size_t hlen = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hlen) == SSH_OK) {
        char *fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hlen);
        m_hostKey.fingerprint = QString::fromLatin1(fp);
        ssh_string_free_char(fp);
        ssh_clean_pubkey_hash(&hash);
    }
    m_hostKey.keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
    ssh_key_free(key);
    Q_EMIT checkingHostKey(m_hostKey.hostPort(), m_hostKey.keyType, m_hostKey.fingerprint);

    KnownHostState state = KnownHostState::Error;
    switch (ssh_session_is_known_server(m_session)) {
    case SSH_KNOWN_HOSTS_OK:
        state = KnownHostState::Known;
        break;
    case SSH_KNOWN_HOSTS_CHANGED:
        state = KnownHostState::Changed;
        break;
    case SSH_KNOWN_HOSTS_OTHER:
        state = KnownHostState::Other;
        break;
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        state = KnownHostState::Unknown;
        break;
    case SSH_KNOWN_HOSTS_ERROR:
        state = KnownHostState::Error;
        break;
    }
    const HostKeyDecision d =
        HostKeyPolicy::decide(state, m_hostKey, QString::fromUtf8(ssh_get_error(m_session)));
    switch (d.action) {
    case HostKeyDecision::Proceed:
        return {};
    case HostKeyDecision::AskUser: {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->pendingHostKey = m_hostKey;
        lock.unlock();
        setState(SshState::AwaitingHostKeyTrust);
        return d.error;
    }
    case HostKeyDecision::Refuse:
        qCWarning(lcSsh) << "host key refused for" << m_hostKey.hostPort() << d.error.code;
        return d.error;
    }
    return d.error;
}

void SshWorker::trustHostKey(std::shared_ptr<QPromise<Status>> promise, quint64 attempt) {
    m_connectAttempt = attempt;
    auto done = [&](Status st) {
        if (promise->isCanceled() || connectCancelled()) {
            disconnectFromHost();
            st = cancelledError();
        }
        m_connectAttempt = 0;
        promise->addResult(st);
        promise->finish();
    };
    if (m_state != SshState::AwaitingHostKeyTrust || !m_session) {
        done(Error{QStringLiteral("ssh.hostkey.nothing"),
                   tr("There is no host key waiting to be trusted. Connect first."),
                   {}});
        return;
    }
    if (ssh_session_update_known_hosts(m_session) != SSH_OK) {
        Error e = sshError(QStringLiteral("ssh.hostkey.write"),
                           tr("Could not write the host key to %1.").arg(m_hostKey.knownHostsFile));
        freeSession();
        setState(SshState::Failed);
        done(e);
        return;
    }
    qCInfo(lcSsh) << "trusted host key" << m_hostKey.fingerprint << "for" << m_hostKey.hostPort();
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->pendingHostKey = HostKeyInfo{};
    }
    m_cancelPrompt = false;
    Status st;
    if (ssh_is_connected(m_session)) {
        st = authenticate();
        if (st.ok()) {
            m_everAuthenticated = true;
            armIo();
            setState(SshState::Connected);
        } else {
            freeSession();
            setState(SshState::Failed);
        }
    } else {
        st = connectSteps(); // the server gave up waiting; the key is known now
    }
    done(st);
}

void SshWorker::disconnectFromHost(const Error &reason) {
    const Error e = reason.code.isEmpty()
                        ? Error{QStringLiteral("ssh.closed"), tr("The SSH session was closed."), {}}
                        : reason;
    failAll(e);
    freeSession();
    setState(SshState::Disconnected);
}

Status SshWorker::ensureConnected() {
    if (m_shuttingDown)
        return Error{QStringLiteral("ssh.closed"), tr("The SSH session was closed."), {}};
    if (m_state == SshState::Connected && m_session && ssh_is_connected(m_session))
        return {};
    if (m_state == SshState::AwaitingHostKeyTrust)
        return Error{QStringLiteral("ssh.hostkey.unknown"),
                     tr("The host key of %1 has not been trusted yet.").arg(m_hostKey.hostPort()),
                     {}};
    if (m_state == SshState::Connected) {
        // Noticed only now: report it, then reconnect below.
        connectionBroke(Error{QStringLiteral("ssh.connection.lost"),
                              tr("The connection to %1 was lost.").arg(m_hostKey.hostPort()),
                              {}});
    }
    m_cancelPrompt = false;
    Status st = connectSteps();
    return st;
}

// ---------------------------------------------------------------------------------------------
// Authentication

std::optional<SecretAnswer> SshWorker::ask(SecretRequest request) {
    if (!m_prompter || m_cancelPrompt || connectCancelled())
        return std::nullopt;
    request.profileName = m_config.profileName;
    std::shared_ptr<PromptState> state;
    {
        auto guard = std::make_shared<PromptGuard>();
        state = guard->state;
        QPointer<Prompter> prompter = m_prompter;
        QMetaObject::invokeMethod(
            prompter.data(),
            [prompter, request, guard]() {
                if (!prompter)
                    return;
                prompter->askSecret(request, [guard](std::optional<SecretAnswer> a) {
                    guard->state->set(std::move(a));
                });
            },
            Qt::QueuedConnection);
    }
    std::unique_lock lock(state->mutex);
    while (!state->done) {
        state->cv.wait_for(lock, std::chrono::milliseconds(50));
        if ((m_cancelPrompt || connectCancelled()) && !state->done)
            return std::nullopt;
    }
    return state->answer;
}

namespace {
enum class Step { Success, Next, Partial };
}

Status SshWorker::authenticate() {
    setState(SshState::Authenticating);
    int rc = ssh_userauth_none(m_session, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return sshError(
            QStringLiteral("ssh.auth.error"),
            tr("Authentication failed: %1").arg(QString::fromUtf8(ssh_get_error(m_session))));
    int methods = ssh_userauth_list(m_session, nullptr);

    const bool agent = m_config.useAgent && !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK");
    QStringList keyFiles;
    if (!m_config.identityFile.isEmpty()) {
        keyFiles << expandHome(m_config.identityFile);
    } else {
        char *first = nullptr;
        if (ssh_options_get(m_session, SSH_OPTIONS_IDENTITY, &first) == SSH_OK && first) {
            QString f = expandHome(QString::fromUtf8(first));
            f.replace(QStringLiteral("%d"), homeSshDir(m_config));
            keyFiles << f;
        }
        ssh_string_free_char(first);
        for (const QString &f : AuthPlan::defaultIdentityFiles(homeSshDir(m_config)))
            if (!keyFiles.contains(f))
                keyFiles << f;
    }
    QStringList existing;
    for (const QString &f : keyFiles)
        if (QFileInfo(f).isFile())
            existing << f;

    // Partial success (multi-factor) restarts the plan with the methods still allowed.
    for (int round = 0; round < 4; ++round) {
        const int offered = m_config.keysOnly ? (methods & ServerAuthMethods::PublicKey) : methods;
        const QList<AuthMethod> steps = AuthPlan::steps(offered, agent, !existing.isEmpty());
        bool partial = false;
        for (AuthMethod step : steps) {
            if (connectCancelled())
                return cancelledError();
            if (m_cancelPrompt)
                return Error{QStringLiteral("ssh.auth.cancelled"), tr("Login was cancelled."), {}};
            if (step != AuthMethod::PublicKey)
                Q_EMIT authenticating(m_user, m_hostKey.host, int(step), {});
            Status st;
            switch (step) {
            case AuthMethod::Agent: {
                rc = ssh_userauth_agent(m_session, nullptr);
                if (rc == SSH_AUTH_SUCCESS)
                    return {};
                if (rc == SSH_AUTH_PARTIAL)
                    partial = true;
                break;
            }
            case AuthMethod::PublicKey:
                for (const QString &file : existing) {
                    if (connectCancelled())
                        return cancelledError();
                    Q_EMIT authenticating(m_user, m_hostKey.host, int(step), file);
                    bool tried = false;
                    st = authWithKeyFile(file, &tried);
                    if (st.ok())
                        return {};
                    if (st.error().code == QLatin1String("ssh.auth.partial")) {
                        partial = true;
                        break;
                    }
                    if (st.error().code != QLatin1String("ssh.auth.next"))
                        return st;
                }
                break;
            case AuthMethod::Password:
                st = authPassword(methods);
                if (st.ok())
                    return {};
                if (st.error().code == QLatin1String("ssh.auth.partial"))
                    partial = true;
                else if (st.error().code != QLatin1String("ssh.auth.next"))
                    return st;
                break;
            case AuthMethod::KeyboardInteractive:
                st = authKeyboardInteractive(methods);
                if (st.ok())
                    return {};
                if (st.error().code == QLatin1String("ssh.auth.partial"))
                    partial = true;
                else if (st.error().code != QLatin1String("ssh.auth.next"))
                    return st;
                break;
            }
            if (!ssh_is_connected(m_session))
                return sshError(QStringLiteral("ssh.auth.disconnected"),
                                tr("The server closed the connection during login: %1")
                                    .arg(QString::fromUtf8(ssh_get_error(m_session))));
            if (partial)
                break;
        }
        if (!partial)
            break;
        methods = ssh_userauth_list(m_session, nullptr);
    }
    return Error{QStringLiteral("ssh.auth.denied"),
                 QStringLiteral("%1@%2: ").arg(m_user, m_hostKey.host) +
                     AuthPlan::permissionDenied(methods),
                 {}};
}

Status SshWorker::authWithKeyFile(const QString &path, bool *tried) {
    const Error next{QStringLiteral("ssh.auth.next"), {}, {}};
    const QByteArray pubPath = QFile::encodeName(path + QStringLiteral(".pub"));
    ssh_key pub = nullptr;
    if (QFileInfo::exists(path + QStringLiteral(".pub")) &&
        ssh_pki_import_pubkey_file(pubPath.constData(), &pub) == SSH_OK) {
        const int rc = ssh_userauth_try_publickey(m_session, nullptr, pub);
        ssh_key_free(pub);
        if (rc == SSH_AUTH_ERROR)
            return sshError(QStringLiteral("ssh.auth.error"), tr("Public key login failed."));
        if (rc != SSH_AUTH_SUCCESS)
            return next; // the server would not accept this key: do not ask its passphrase
    }
    *tried = true;
    const QByteArray file = QFile::encodeName(path);
    ssh_key priv = nullptr;
    auto cached = m_passphrases.find(path);
    int rc = SSH_ERROR;
    bool needsPassphrase = false;
    if (cached != m_passphrases.end())
        rc = ssh_pki_import_privkey_file(file.constData(), cached->second.constData(), nullptr,
                                         nullptr, &priv);
    else
        rc = ssh_pki_import_privkey_file(file.constData(), nullptr, noPassphraseCallback,
                                         &needsPassphrase, &priv);
    if (rc == SSH_EOF)
        return next; // missing or unreadable
    if (rc != SSH_OK) {
        if (cached != m_passphrases.end()) {
            wipe(cached->second);
            m_passphrases.erase(cached);
            needsPassphrase = true;
        }
        if (!needsPassphrase) {
            qCInfo(lcSsh) << "could not load key" << path;
            return next;
        }
        for (int attempt = 1; attempt <= 3 && rc != SSH_OK; ++attempt) {
            SecretRequest req;
            req.kind = SecretRequest::Kind::KeyPassphrase;
            req.account = m_user + QLatin1Char('@') + m_hostKey.host;
            req.keyFile = path;
            req.attempt = attempt;
            req.mayRemember = true;
            req.prompt = tr("Enter passphrase for key '%1':").arg(path);
            std::optional<SecretAnswer> a = ask(req);
            if (!a)
                return Error{QStringLiteral("ssh.auth.cancelled"), tr("Login was cancelled."), {}};
            QByteArray pass = a->secret.toUtf8();
            a->secret.fill(QChar(0));
            rc = ssh_pki_import_privkey_file(file.constData(), pass.constData(), nullptr, nullptr,
                                             &priv);
            if (rc == SSH_OK) {
                m_passphrases[path] = pass;
                Q_EMIT secretAccepted(int(SecretRequest::Kind::KeyPassphrase), path);
            } else {
                wipe(pass);
            }
        }
        if (rc != SSH_OK)
            return next;
    }
    rc = ssh_userauth_publickey(m_session, nullptr, priv);
    ssh_key_free(priv);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_PARTIAL)
        return Error{QStringLiteral("ssh.auth.partial"), {}, {}};
    if (rc == SSH_AUTH_ERROR)
        return sshError(QStringLiteral("ssh.auth.error"), tr("Public key login failed."));
    return next;
}

Status SshWorker::authPassword(int methods) {
    Q_UNUSED(methods)
    for (int attempt = 1; attempt <= 3; ++attempt) {
        QByteArray pw;
        if (attempt == 1 && !m_password.isEmpty()) {
            pw = m_password;
        } else {
            SecretRequest req;
            req.kind = SecretRequest::Kind::Password;
            req.account = m_user + QLatin1Char('@') + m_hostKey.host;
            req.attempt = attempt;
            req.mayRemember = true;
            req.prompt = tr("%1@%2's password:").arg(m_user, m_hostKey.host);
            std::optional<SecretAnswer> a = ask(req);
            if (!a)
                return Error{QStringLiteral("ssh.auth.cancelled"), tr("Login was cancelled."), {}};
            pw = a->secret.toUtf8();
            a->secret.fill(QChar(0));
        }
        const int rc = ssh_userauth_password(m_session, nullptr, pw.constData());
        if (rc == SSH_AUTH_SUCCESS || rc == SSH_AUTH_PARTIAL) {
            m_password = pw;
            Q_EMIT secretAccepted(int(SecretRequest::Kind::Password), {});
            return rc == SSH_AUTH_SUCCESS
                       ? Status{}
                       : Status{Error{QStringLiteral("ssh.auth.partial"), {}, {}}};
        }
        wipe(pw);
        wipe(m_password);
        if (rc == SSH_AUTH_ERROR || !ssh_is_connected(m_session))
            return sshError(QStringLiteral("ssh.auth.disconnected"),
                            tr("The server closed the connection during login: %1")
                                .arg(QString::fromUtf8(ssh_get_error(m_session))));
    }
    return Error{QStringLiteral("ssh.auth.next"), {}, {}};
}

Status SshWorker::authKeyboardInteractive(int methods) {
    Q_UNUSED(methods)
    for (int attempt = 1; attempt <= 3; ++attempt) {
        int rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
        bool usedCached = false;
        while (rc == SSH_AUTH_INFO) {
            const QString instruction =
                QString::fromUtf8(ssh_userauth_kbdint_getinstruction(m_session));
            const int n = ssh_userauth_kbdint_getnprompts(m_session);
            for (int i = 0; i < n; ++i) {
                char echo = 0;
                const QString prompt =
                    QString::fromUtf8(ssh_userauth_kbdint_getprompt(m_session, unsigned(i), &echo));
                QByteArray answer;
                if (!echo && AuthPlan::isPasswordPrompt(prompt) && !m_password.isEmpty() &&
                    attempt == 1 && !usedCached) {
                    answer = m_password;
                    usedCached = true;
                } else {
                    SecretRequest req;
                    req.kind = AuthPlan::isPasswordPrompt(prompt) && !echo
                                   ? SecretRequest::Kind::Password
                                   : SecretRequest::Kind::KeyboardInteractive;
                    req.account = m_user + QLatin1Char('@') + m_hostKey.host;
                    req.prompt = prompt.isEmpty()
                                     ? tr("%1@%2's password:").arg(m_user, m_hostKey.host)
                                     : prompt;
                    req.instruction = instruction;
                    req.echo = echo != 0;
                    req.attempt = attempt;
                    req.mayRemember = req.kind == SecretRequest::Kind::Password;
                    std::optional<SecretAnswer> a = ask(req);
                    if (!a)
                        return Error{
                            QStringLiteral("ssh.auth.cancelled"), tr("Login was cancelled."), {}};
                    answer = a->secret.toUtf8();
                    a->secret.fill(QChar(0));
                    if (req.kind == SecretRequest::Kind::Password)
                        m_password = answer;
                }
                ssh_userauth_kbdint_setanswer(m_session, unsigned(i), answer.constData());
                wipe(answer);
            }
            rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
        }
        if ((rc == SSH_AUTH_SUCCESS || rc == SSH_AUTH_PARTIAL) && !m_password.isEmpty())
            Q_EMIT secretAccepted(int(SecretRequest::Kind::Password), {});
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_PARTIAL)
            return Error{QStringLiteral("ssh.auth.partial"), {}, {}};
        wipe(m_password);
        if (rc == SSH_AUTH_ERROR || !ssh_is_connected(m_session))
            return sshError(QStringLiteral("ssh.auth.disconnected"),
                            tr("The server closed the connection during login: %1")
                                .arg(QString::fromUtf8(ssh_get_error(m_session))));
    }
    return Error{QStringLiteral("ssh.auth.next"), {}, {}};
}

// ---------------------------------------------------------------------------------------------
// I/O loop: one notifier on the session's socket plus a short timer while channels are open.

void SshWorker::armIo() {
    if (!m_session)
        return;
    if (!m_event) {
        m_event = ssh_event_new();
        ssh_event_add_session(m_event, m_session);
    }
    if (!m_notifier) {
        const socket_t fd = ssh_get_fd(m_session);
        if (fd >= 0) {
            m_notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
            connect(m_notifier, &QSocketNotifier::activated, this, &SshWorker::pump);
        }
    }
    if (!m_execs.empty() || !m_bridges.empty()) {
        if (!m_pumpTimer.isActive())
            m_pumpTimer.start();
    }
    if (m_config.keepaliveSeconds > 0 && !m_keepaliveTimer.isActive())
        m_keepaliveTimer.start();
    m_lastTraffic.start();
}

void SshWorker::pump() {
    if (!m_session)
        return;
    if (m_event)
        ssh_event_dopoll(m_event, 0);
    if (!ssh_is_connected(m_session)) {
        connectionBroke(sshError(QStringLiteral("ssh.connection.lost"),
                                 tr("The connection to %1 was lost.").arg(m_hostKey.hostPort())));
        return;
    }
    pumpExec();
    if (!m_session)
        return;
    if (!m_pendingExecs.empty() && m_execs.size() < kMaxExecChannels)
        QMetaObject::invokeMethod(this, &SshWorker::startPendingExecs, Qt::QueuedConnection);
    pumpBridges();
    if (!m_session)
        return;
    if (!ssh_is_connected(m_session)) {
        connectionBroke(sshError(QStringLiteral("ssh.connection.lost"),
                                 tr("The connection to %1 was lost.").arg(m_hostKey.hostPort())));
        return;
    }
    if (m_execs.empty() && m_bridges.empty())
        m_pumpTimer.stop();
}

void SshWorker::pumpExec() {
    char *buf = m_buffer.data();
    const Error cancelled{QStringLiteral("ssh.cancelled"), tr("The command was cancelled."), {}};
    for (auto it = m_pendingExecs.begin(); it != m_pendingExecs.end();) {
        auto next = std::next(it);
        if (it->options.cancel.isCancelled()) {
            PendingExec p = std::move(*it);
            m_pendingExecs.erase(it);
            if (p.promise) {
                p.promise->addResult(Result<CommandOutput>(cancelled));
                p.promise->finish();
            } else {
                Q_EMIT processEvent(p.id, Failed, {}, -1, cancelled);
            }
        }
        it = next;
    }
    for (auto it = m_execs.begin(); it != m_execs.end();) {
        ExecOp &op = *it;
        auto next = std::next(it);
        if (op.cancel.isCancelled()) {
            finishExec(it, &cancelled);
            it = next;
            continue;
        }
        if (op.promise && op.promise->isCanceled()) {
            const Error e{QStringLiteral("ssh.cancelled"), tr("The command was cancelled."), {}};
            finishExec(it, &e);
            it = next;
            continue;
        }
        if (op.timeoutMs > 0 && op.started.elapsed() > op.timeoutMs) {
            const Error e{QStringLiteral("ssh.timeout"),
                          tr("The command did not finish within %1 seconds and was stopped.")
                              .arg(op.timeoutMs / 1000.0),
                          {}};
            finishExec(it, &e);
            it = next;
            continue;
        }
        bool failed = false;
        for (int isStderr = 0; isStderr < 2; ++isStderr) {
            for (;;) {
                const int n = ssh_channel_read_nonblocking(op.channel, buf, kReadChunk, isStderr);
                if (n > 0) {
                    m_lastTraffic.start();
                    const QByteArray chunk(buf, n);
                    if (op.promise) {
                        (isStderr ? op.output.stdErr : op.output.stdOut) += chunk;
                    } else {
                        Q_EMIT processEvent(op.id, isStderr ? Stderr : Stdout, chunk, 0, {});
                    }
                    continue;
                }
                if (n == SSH_ERROR)
                    failed = true;
                break;
            }
        }
        if (failed && ssh_is_connected(m_session)) {
            const Error e =
                sshError(QStringLiteral("ssh.channel"), tr("Reading the command's output failed."));
            finishExec(it, &e);
        } else if (!failed &&
                   (ssh_channel_is_eof(op.channel) || ssh_channel_is_closed(op.channel))) {
            finishExec(it, nullptr);
        }
        it = next;
    }
}

void SshWorker::finishExec(std::list<ExecOp>::iterator it, const Error *error) {
    ExecOp &op = *it;
    if (!error) {
        op.output.exitStatus = ssh_channel_get_exit_status(op.channel);
    } else if (ssh_channel_is_open(op.channel)) {
        ssh_channel_request_send_signal(op.channel, "TERM");
    }
    if (ssh_channel_is_open(op.channel))
        ssh_channel_close(op.channel);
    ssh_channel_free(op.channel);
    op.channel = nullptr;
    if (op.promise) {
        if (error)
            op.promise->addResult(Result<CommandOutput>(*error));
        else
            op.promise->addResult(Result<CommandOutput>(std::move(op.output)));
        op.promise->finish();
    } else if (error) {
        Q_EMIT processEvent(op.id, Failed, {}, -1, *error);
    } else {
        Q_EMIT processEvent(op.id, Finished, {}, op.output.exitStatus, {});
    }
    m_execs.erase(it);
}

void SshWorker::pumpBridges() {
    char *buf = m_buffer.data();
    for (auto it = m_bridges.begin(); it != m_bridges.end();) {
        auto next = std::next(it);
        Bridge &b = *it;
        bool close = false;
        while (b.socket->bytesToWrite() < kSocketBacklog) {
            const int n = ssh_channel_read_nonblocking(b.channel, buf, kReadChunk, 0);
            if (n > 0) {
                m_lastTraffic.start();
                b.socket->write(buf, n);
                continue;
            }
            if (n == SSH_ERROR || n == SSH_EOF)
                close = true;
            break;
        }
        if (close || ssh_channel_is_eof(b.channel) || ssh_channel_is_closed(b.channel))
            closeBridge(it);
        it = next;
    }
}

void SshWorker::closeBridge(std::list<Bridge>::iterator it) {
    Bridge &b = *it;
    if (b.channel) {
        if (ssh_channel_is_open(b.channel) && ssh_is_connected(m_session)) {
            ssh_channel_send_eof(b.channel);
            ssh_channel_close(b.channel);
        }
        ssh_channel_free(b.channel);
        b.channel = nullptr;
    }
    QTcpSocket *socket = b.socket;
    socket->disconnect(this);
    // Let the client read what is still buffered, then close.
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
    if (socket->state() == QAbstractSocket::UnconnectedState)
        socket->deleteLater();
    m_bridges.erase(it);
}

void SshWorker::failAll(const Error &error) {
    while (!m_pendingExecs.empty()) {
        PendingExec p = std::move(m_pendingExecs.front());
        m_pendingExecs.pop_front();
        if (p.promise) {
            p.promise->addResult(Result<CommandOutput>(error));
            p.promise->finish();
        } else {
            Q_EMIT processEvent(p.id, Failed, {}, -1, error);
        }
    }
    while (!m_execs.empty()) {
        ExecOp &op = m_execs.front();
        if (op.channel)
            ssh_channel_free(op.channel);
        op.channel = nullptr;
        if (op.promise) {
            op.promise->addResult(Result<CommandOutput>(error));
            op.promise->finish();
        } else {
            Q_EMIT processEvent(op.id, Failed, {}, -1, error);
        }
        m_execs.pop_front();
    }
    while (!m_bridges.empty()) {
        Bridge &b = m_bridges.front();
        if (b.channel)
            ssh_channel_free(b.channel);
        b.socket->disconnect(this);
        b.socket->abort();
        b.socket->deleteLater();
        m_bridges.pop_front();
    }
}

void SshWorker::connectionBroke(const Error &error) {
    qCWarning(lcSsh) << "connection lost:" << error.message << error.detail;
    failAll(error);
    freeSession();
    setState(SshState::Disconnected);
    Q_EMIT connectionLost(error);
}

Error SshWorker::lostOrError(const QString &what) {
    if (m_session && !ssh_is_connected(m_session)) {
        Error e = sshError(QStringLiteral("ssh.connection.lost"),
                           tr("The connection to %1 was lost.").arg(m_hostKey.hostPort()));
        connectionBroke(e);
        return e;
    }
    return sshError(QStringLiteral("ssh.channel"), what);
}

void SshWorker::keepalive() {
    if (!m_session || m_state != SshState::Connected)
        return;
    if (m_lastTraffic.isValid() && m_lastTraffic.elapsed() < m_config.keepaliveSeconds * 1000 / 2)
        return;
    // Opening and closing a session channel is a request the server must answer: if it does not
    // within the timeout, the connection is dead (a hung server, a dropped NAT mapping).
    ssh_channel ch = ssh_channel_new(m_session);
    const int rc = ch ? ssh_channel_open_session(ch) : SSH_ERROR;
    if (rc == SSH_OK) {
        ssh_channel_close(ch);
        ssh_channel_free(ch);
        m_lastTraffic.start();
        return;
    }
    if (ch)
        ssh_channel_free(ch);
    {
        connectionBroke(
            sshError(QStringLiteral("ssh.connection.lost"),
                     tr("The server %1 did not answer for %2 seconds; the connection was closed.")
                         .arg(m_hostKey.hostPort())
                         .arg(m_config.timeoutSeconds)));
    }
}

// ---------------------------------------------------------------------------------------------
// Exec

void SshWorker::startExec(quint64 id, const QString &command, const ExecOptions &options,
                          ExecPromise promise) {
    auto fail = [&](const Error &e) {
        if (promise) {
            promise->addResult(Result<CommandOutput>(e));
            promise->finish();
        } else {
            Q_EMIT processEvent(id, Failed, {}, -1, e);
        }
    };
    if (promise && promise->isCanceled()) {
        promise->finish();
        return;
    }
    if (options.cancel.isCancelled())
        return fail(Error{QStringLiteral("ssh.cancelled"), tr("The command was cancelled."), {}});
    if (m_execs.size() >= kMaxExecChannels) {
        m_pendingExecs.push_back(PendingExec{id, command, options, promise});
        return;
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        Status st = ensureConnected();
        if (!st.ok())
            return fail(st.error());
        QString actual = command;
        QByteArray input;
        if (options.privileged) {
            Sudo::Mode mode = Sudo::Mode::Direct;
            st = ensureSudo(&mode);
            if (!st.ok())
                return fail(st.error());
            actual = privilegedCommand(command, mode, &input);
        }
        input += options.stdinData;
        ssh_channel ch = ssh_channel_new(m_session);
        if (!ch || ssh_channel_open_session(ch) != SSH_OK) {
            if (ch)
                ssh_channel_free(ch);
            wipe(input);
            if (!ssh_is_connected(m_session) && attempt == 0) {
                // Nothing was sent: reconnect and try once more.
                connectionBroke(
                    sshError(QStringLiteral("ssh.connection.lost"),
                             tr("The connection to %1 was lost.").arg(m_hostKey.hostPort())));
                continue;
            }
            return fail(lostOrError(tr("Could not open a channel on the server.")));
        }
        const QByteArray cmd = actual.toUtf8();
        if (ssh_channel_request_exec(ch, cmd.constData()) != SSH_OK) {
            ssh_channel_free(ch);
            wipe(input);
            return fail(lostOrError(tr("The server refused to run the command.")));
        }
        if (!input.isEmpty() &&
            ssh_channel_write(ch, input.constData(), uint32_t(input.size())) == SSH_ERROR) {
            ssh_channel_free(ch);
            wipe(input);
            return fail(lostOrError(tr("Could not send input to the command.")));
        }
        wipe(input);
        if (!options.keepStdinOpen)
            ssh_channel_send_eof(ch);
        ExecOp op;
        op.id = id;
        op.channel = ch;
        op.promise = promise;
        op.timeoutMs = options.timeoutMs;
        op.cancel = options.cancel;
        op.started.start();
        m_execs.push_back(std::move(op));
        armIo();
        pump();
        return;
    }
}

void SshWorker::startPendingExecs() {
    while (!m_pendingExecs.empty() && m_execs.size() < kMaxExecChannels && !m_shuttingDown) {
        PendingExec p = std::move(m_pendingExecs.front());
        m_pendingExecs.pop_front();
        startExec(p.id, p.command, p.options, p.promise);
    }
}

void SshWorker::cancelExec(quint64 id) {
    for (auto it = m_pendingExecs.begin(); it != m_pendingExecs.end(); ++it) {
        if (it->id == id) {
            m_pendingExecs.erase(it);
            return;
        }
    }
    for (auto it = m_execs.begin(); it != m_execs.end(); ++it) {
        if (it->id == id) {
            const Error e{QStringLiteral("ssh.cancelled"), tr("The command was cancelled."), {}};
            finishExec(it, &e);
            return;
        }
    }
}

void SshWorker::writeExec(quint64 id, const QByteArray &data, bool closeStdin) {
    for (auto &op : m_execs) {
        if (op.id != id)
            continue;
        if (!data.isEmpty())
            ssh_channel_write(op.channel, data.constData(), uint32_t(data.size()));
        if (closeStdin)
            ssh_channel_send_eof(op.channel);
        return;
    }
}

Result<CommandOutput> SshWorker::execBlocking(const QString &command, const QByteArray &stdinData) {
    ssh_channel ch = ssh_channel_new(m_session);
    if (!ch || ssh_channel_open_session(ch) != SSH_OK) {
        if (ch)
            ssh_channel_free(ch);
        return lostOrError(tr("Could not open a channel on the server."));
    }
    const QByteArray cmd = command.toUtf8();
    if (ssh_channel_request_exec(ch, cmd.constData()) != SSH_OK) {
        ssh_channel_free(ch);
        return lostOrError(tr("The server refused to run the command."));
    }
    if (!stdinData.isEmpty())
        ssh_channel_write(ch, stdinData.constData(), uint32_t(stdinData.size()));
    ssh_channel_send_eof(ch);
    CommandOutput out;
    char buf[4096];
    QElapsedTimer timer;
    timer.start();
    while (!ssh_channel_is_eof(ch) && !ssh_channel_is_closed(ch)) {
        int n = ssh_channel_read_timeout(ch, buf, sizeof buf, 0, 100);
        if (n > 0)
            out.stdOut.append(buf, n);
        int m = ssh_channel_read_nonblocking(ch, buf, sizeof buf, 1);
        if (m > 0)
            out.stdErr.append(buf, m);
        if (n == SSH_ERROR || m == SSH_ERROR) {
            ssh_channel_free(ch);
            return lostOrError(tr("Reading the command's output failed."));
        }
        if (timer.elapsed() > m_config.timeoutSeconds * 1000) {
            ssh_channel_free(ch);
            return Error{
                QStringLiteral("ssh.timeout"),
                tr("The server did not answer within %1 seconds.").arg(m_config.timeoutSeconds),
                {}};
        }
    }
    for (int s = 0; s < 2; ++s) {
        int n;
        while ((n = ssh_channel_read_nonblocking(ch, buf, sizeof buf, s)) > 0)
            (s ? out.stdErr : out.stdOut).append(buf, n);
    }
    out.exitStatus = ssh_channel_get_exit_status(ch);
    ssh_channel_close(ch);
    ssh_channel_free(ch);
    return out;
}

void SshWorker::forgetSudoPassword() {
    wipe(m_sudoPassword);
    if (m_sudoMode == int(Sudo::Mode::WithPassword))
        m_sudoMode = -1;
}

Status SshWorker::ensureSudo(Sudo::Mode *mode) {
    if (m_user == QLatin1String("root")) {
        *mode = Sudo::Mode::Direct;
        return {};
    }
    if (m_sudoMode == int(Sudo::Mode::NonInteractive) ||
        (m_sudoMode == int(Sudo::Mode::WithPassword) && !m_sudoPassword.isEmpty())) {
        *mode = Sudo::Mode(m_sudoMode);
        return {};
    }
    Result<CommandOutput> probe =
        execBlocking(Sudo::wrap(Sudo::Mode::NonInteractive, QStringLiteral("true")), {});
    if (!probe.ok())
        return probe.error();
    const QString who = m_user + QLatin1Char('@') + m_hostKey.host;
    auto outcomeError = [&](Sudo::Outcome o, const QByteArray &err) -> std::optional<Error> {
        switch (o) {
        case Sudo::Outcome::NotAllowed:
            return Error{QStringLiteral("ssh.sudo.denied"),
                         tr("%1 may not use sudo on this server. Ask its administrator, or "
                            "connect as root.")
                             .arg(who),
                         QString::fromUtf8(err)};
        case Sudo::Outcome::NoSudo:
            return Error{QStringLiteral("ssh.sudo.missing"),
                         tr("sudo is not installed on %1. Connect as root.").arg(m_hostKey.host),
                         QString::fromUtf8(err)};
        default:
            return std::nullopt;
        }
    };
    Sudo::Outcome o = Sudo::classify(probe->exitStatus, probe->stdErr);
    if (o == Sudo::Outcome::Ran) {
        m_sudoMode = int(Sudo::Mode::NonInteractive);
        *mode = Sudo::Mode::NonInteractive;
        return {};
    }
    if (auto e = outcomeError(o, probe->stdErr))
        return *e;
    for (int attempt = 1; attempt <= 3; ++attempt) {
        SecretRequest req;
        req.kind = SecretRequest::Kind::SudoPassword;
        req.account = who;
        req.attempt = attempt;
        req.mayRemember = true;
        req.prompt = tr("[sudo] password for %1 on %2:").arg(m_user, m_hostKey.host);
        std::optional<SecretAnswer> a = ask(req);
        if (!a)
            return Error{QStringLiteral("ssh.sudo.cancelled"),
                         tr("The command needs root rights and the sudo password was not given."),
                         {}};
        QByteArray pw = a->secret.toUtf8();
        a->secret.fill(QChar(0));
        QByteArray input = pw + '\n';
        Result<CommandOutput> check =
            execBlocking(Sudo::wrap(Sudo::Mode::WithPassword, QStringLiteral("true")), input);
        wipe(input);
        if (!check.ok()) {
            wipe(pw);
            return check.error();
        }
        o = Sudo::classify(check->exitStatus, check->stdErr);
        if (o == Sudo::Outcome::Ran) {
            m_sudoPassword = pw;
            Q_EMIT secretAccepted(int(SecretRequest::Kind::SudoPassword), {});
            m_sudoMode = int(Sudo::Mode::WithPassword);
            *mode = Sudo::Mode::WithPassword;
            return {};
        }
        wipe(pw);
        if (auto e = outcomeError(o, check->stdErr))
            return *e;
    }
    return Error{QStringLiteral("ssh.sudo.wrongpassword"),
                 tr("sudo: 3 incorrect password attempts for %1.").arg(who),
                 {}};
}

QString SshWorker::privilegedCommand(const QString &command, Sudo::Mode mode,
                                     QByteArray *stdinPrefix) {
    if (mode == Sudo::Mode::WithPassword)
        *stdinPrefix = m_sudoPassword + '\n';
    return Sudo::wrap(mode, command);
}

// ---------------------------------------------------------------------------------------------
// Local port forwarding

void SshWorker::startForward(const QString &host, quint16 port,
                             std::shared_ptr<QPromise<Result<quint16>>> promise) {
    Status st = ensureConnected();
    if (!st.ok()) {
        promise->addResult(Result<quint16>(st.error()));
        promise->finish();
        return;
    }
    auto *server = new QTcpServer(this);
    if (!server->listen(QHostAddress::LocalHost, 0)) {
        const Error e{QStringLiteral("ssh.forward.listen"),
                      tr("Could not listen on 127.0.0.1: %1").arg(server->errorString()),
                      {}};
        delete server;
        promise->addResult(Result<quint16>(e));
        promise->finish();
        return;
    }
    const quint16 localPort = server->serverPort();
    m_forwards[localPort] = Forward{server, host, port};
    connect(server, &QTcpServer::newConnection, this,
            [this, localPort] { onNewConnection(localPort); });
    qCInfo(lcSsh) << "forwarding 127.0.0.1:" << localPort << "to" << host << port;
    promise->addResult(Result<quint16>(localPort));
    promise->finish();
}

void SshWorker::stopForward(quint16 localPort) {
    auto f = m_forwards.find(localPort);
    if (f == m_forwards.end())
        return;
    delete f->second.server;
    m_forwards.erase(f);
    for (auto it = m_bridges.begin(); it != m_bridges.end();) {
        auto next = std::next(it);
        if (it->localPort == localPort)
            closeBridge(it);
        it = next;
    }
}

void SshWorker::onNewConnection(quint16 localPort) {
    auto f = m_forwards.find(localPort);
    if (f == m_forwards.end())
        return;
    const Forward fwd = f->second;
    while (QTcpSocket *socket = fwd.server->nextPendingConnection()) {
        socket->setParent(this);
        ssh_channel ch = nullptr;
        for (int attempt = 0; attempt < 2 && !ch; ++attempt) {
            if (!ensureConnected().ok())
                break;
            ch = ssh_channel_new(m_session);
            const QByteArray host = fwd.host.toUtf8();
            if (ch && ssh_channel_open_forward(ch, host.constData(), fwd.port, "127.0.0.1",
                                               socket->peerPort()) != SSH_OK) {
                qCWarning(lcSsh) << "direct-tcpip to" << fwd.host << fwd.port
                                 << "refused:" << ssh_get_error(m_session);
                ssh_channel_free(ch);
                ch = nullptr;
                if (ssh_is_connected(m_session))
                    break;
                connectionBroke(
                    sshError(QStringLiteral("ssh.connection.lost"),
                             tr("The connection to %1 was lost.").arg(m_hostKey.hostPort())));
            }
        }
        if (!ch) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_bridges.push_back(Bridge{socket, ch, localPort, false});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onSocketReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, this,
                [this, socket] { onSocketClosed(socket); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this] {
            if (!m_pumpTimer.isActive() && !m_bridges.empty())
                m_pumpTimer.start();
        });
        if (socket->bytesAvailable() > 0)
            onSocketReadable(socket);
    }
    armIo();
}

void SshWorker::onSocketReadable(QTcpSocket *socket) {
    for (auto it = m_bridges.begin(); it != m_bridges.end(); ++it) {
        if (it->socket != socket)
            continue;
        const QByteArray data = socket->readAll();
        if (!data.isEmpty() &&
            ssh_channel_write(it->channel, data.constData(), uint32_t(data.size())) == SSH_ERROR) {
            qCWarning(lcSsh) << "tunnel write failed:" << ssh_get_error(m_session);
            closeBridge(it);
            if (m_session && !ssh_is_connected(m_session))
                connectionBroke(
                    sshError(QStringLiteral("ssh.connection.lost"),
                             tr("The connection to %1 was lost.").arg(m_hostKey.hostPort())));
            return;
        }
        m_lastTraffic.start();
        return;
    }
}

void SshWorker::onSocketClosed(QTcpSocket *socket) {
    for (auto it = m_bridges.begin(); it != m_bridges.end(); ++it) {
        if (it->socket == socket) {
            closeBridge(it);
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// SFTP

Result<sftp_session> SshWorker::sftp() {
    Status st = ensureConnected();
    if (!st.ok())
        return st.error();
    if (!m_sftp) {
        m_sftp = sftp_new(m_session);
        if (!m_sftp || sftp_init(m_sftp) != SSH_OK) {
            Error e = sshError(QStringLiteral("sftp.init"),
                               tr("The server does not offer SFTP (the sftp subsystem)."));
            if (m_sftp)
                sftp_free(m_sftp);
            m_sftp = nullptr;
            return e;
        }
    }
    return m_sftp;
}

Error SshWorker::sftpError(const QString &what, const QString &path) {
    if (m_session && !ssh_is_connected(m_session))
        return lostOrError(what);
    const int code = m_sftp ? sftp_get_error(m_sftp) : SSH_FX_FAILURE;
    switch (code) {
    case SSH_FX_NO_SUCH_FILE:
    case SSH_FX_NO_SUCH_PATH:
        return Error{QStringLiteral("sftp.notfound"),
                     tr("%1: %2: No such file or directory").arg(what, path),
                     {}};
    case SSH_FX_PERMISSION_DENIED:
        return Error{
            QStringLiteral("sftp.permission"), tr("%1: %2: Permission denied").arg(what, path), {}};
    case SSH_FX_FILE_ALREADY_EXISTS:
        return Error{QStringLiteral("sftp.exists"), tr("%1: %2: File exists").arg(what, path), {}};
    default:
        return sshError(QStringLiteral("sftp.failure"), tr("%1: %2 failed").arg(what, path));
    }
}

} // namespace maildeck
