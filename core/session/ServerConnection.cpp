#include "core/session/ServerConnection.h"

#include "core/common/Logging.h"
#include "core/db/DbWorker.h"
#include "core/delegation/DelegatedCalls.h"
#include "core/secrets/SecretStore.h"
#include "core/session/MyCnf.h"
#include "core/ssh/Prompter.h"
#include "core/ssh/SshSession.h"
#include "core/ssh/Sudo.h"

#include <QCoreApplication>
#include <QHash>
#include <QPromise>
#include <QThread>

namespace maildeck {

namespace {
QString kindKey(const SecretRequest &r) {
    switch (r.kind) {
    case SecretRequest::Kind::Password:
        return SecretStore::sshPasswordKind();
    case SecretRequest::Kind::KeyPassphrase:
        return SecretStore::keyPassphraseKind(r.keyFile);
    case SecretRequest::Kind::SudoPassword:
        return SecretStore::sudoPasswordKind();
    case SecretRequest::Kind::DbPassword:
        return SecretStore::dbPasswordKind();
    case SecretRequest::Kind::KeyboardInteractive:
        return {};
    }
    return {};
}
} // namespace

// Sits between the SSH session and the UI's prompter: on the first try of a secret it looks in
// the keychain; otherwise (or when that one was wrong) it asks the person. An answer they asked
// to remember is kept pending and goes to the keychain only once the server accepted it
// (SshSession::secretAccepted): a mistyped password is never stored.
class KeychainPrompter : public Prompter {
public:
    KeychainPrompter(Prompter *ui, SecretStore *store, const QString &profile, QObject *parent)
        : Prompter(parent)
        , m_ui(ui)
        , m_store(store)
        , m_profile(profile) {}

    void askSecret(const SecretRequest &request, SecretReply reply) override {
        const QString kind = kindKey(request);
        if (request.attempt == 1 && !kind.isEmpty() && m_store) {
            m_store->read(m_profile, kind).then(this, [this, request, reply](SecretLookup found) {
                if (found.found()) {
                    reply(SecretAnswer{found.secret, false});
                    return;
                }
                askPerson(request, reply, found.state != SecretLookup::State::NoKeychain);
            });
            return;
        }
        askPerson(request, reply, !m_store || !m_store->knownUnavailable());
    }

    void confirmHostKey(const HostKeyInfo &info, const QString &message,
                        TrustReply reply) override {
        if (!m_ui)
            return reply(false);
        m_ui->confirmHostKey(info, message, reply);
    }

    void askPerson(SecretRequest request, SecretReply reply, bool keychainUsable) {
        if (!m_ui)
            return reply(std::nullopt);
        const QString kind = kindKey(request);
        request.profileName = m_profile;
        request.mayRemember = request.mayRemember && keychainUsable && !kind.isEmpty() && m_store;
        QPointer<KeychainPrompter> self = this;
        m_ui->askSecret(request, [reply, self, kind](std::optional<SecretAnswer> a) {
            if (!kind.isEmpty()) {
                const std::optional<QString> keep =
                    a && a->remember ? std::optional<QString>(a->secret) : std::nullopt;
                auto note = [self, kind, keep] {
                    if (!self)
                        return;
                    if (keep)
                        self->m_pending.insert(kind, *keep);
                    else
                        self->m_pending.remove(kind);
                };
                // Before the worker goes on (it is waiting for `reply`), so that its
                // secretAccepted finds the entry.
                if (self && QThread::currentThread() == self->thread())
                    note();
                else
                    QMetaObject::invokeMethod(self.data(), note);
            }
            reply(std::move(a));
        });
    }

    // The server took the secret of this kind: store it if the person asked for that.
    void accepted(SecretRequest::Kind kind, const QString &keyFile) {
        SecretRequest r;
        r.kind = kind;
        r.keyFile = keyFile;
        const QString key = kindKey(r);
        auto it = m_pending.find(key);
        if (it == m_pending.end())
            return;
        const QString secret = *it;
        m_pending.erase(it);
        if (m_store)
            m_store->write(m_profile, key, secret);
    }

private:
    QPointer<Prompter> m_ui;
    QPointer<SecretStore> m_store;
    QString m_profile;
    QHash<QString, QString> m_pending; // kind key → secret to remember once accepted
};

ServerConnection::ServerConnection(const ServerProfile &profile, Prompter *prompter,
                                   QObject *parent)
    : ServerConnection(profile, SshConfig::fromProfile(profile), prompter, parent) {}

ServerConnection::ServerConnection(const ServerProfile &profile, const SshConfig &ssh,
                                   Prompter *prompter, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_sshConfig(ssh)
    , m_prompter(prompter) {
    m_secrets = new SecretStore(this);
    // A delegated admin's forward-only account takes its own key and nothing else.
    if (m_profile.role == ProfileRole::Delegated)
        m_sshConfig.keysOnly = true;
}

ServerConnection::~ServerConnection() {
    // The DB connection goes first (it may run through the tunnel), then SSH.
    delete m_db;
    m_db = nullptr;
    delete m_ssh;
    m_ssh = nullptr;
}

void ServerConnection::setSecretStore(SecretStore *store) {
    if (store)
        m_secrets = store;
}

void ServerConnection::setState(State state, const Error &error) {
    m_lastError = error;
    if (m_state == state && error.code.isEmpty())
        return;
    m_state = state;
    Q_EMIT stateChanged(state, error);
}

void ServerConnection::fail(const Error &error) {
    qCInfo(lcSsh) << "connection to profile" << m_profile.name << "failed:" << error.code;
    setState(State::Failed, error);
    if (m_connectPromise) {
        auto p = std::move(m_connectPromise);
        p->addResult(Status(error));
        p->finish();
    }
}

QFuture<Status> ServerConnection::connectToServer() {
    if (m_connectPromise)
        return m_connectPromise->future(); // already connecting
    m_connectPromise = std::make_shared<QPromise<Status>>();
    m_connectPromise->start();
    QFuture<Status> f = m_connectPromise->future();
    const QString invalid = m_profile.validationError();
    if (!invalid.isEmpty()) {
        fail(Error{QStringLiteral("profile.invalid"), invalid, {}});
        return f;
    }
    ++m_attempt;
    m_detected.reset();
    setState(State::Connecting);
    if (!m_ssh) {
        m_keychainPrompter = new KeychainPrompter(m_prompter, m_secrets, m_profile.name, this);
        m_ssh = new SshSession(m_sshConfig, m_keychainPrompter, this);
        connect(m_ssh, &SshSession::connectionLost, this, [this](const Error &e) {
            if (m_state == State::Connected)
                setState(State::ConnectionLost, e);
        });
        connect(m_ssh, &SshSession::stateChanged, this, [this](SshState s) {
            if (s == SshState::Connected && m_state == State::ConnectionLost)
                setState(State::Connected);
        });
        connect(m_ssh, &SshSession::secretAccepted, m_keychainPrompter,
                [p = m_keychainPrompter](SecretRequest::Kind kind, const QString &keyFile) {
                    p->accepted(kind, keyFile);
                });
        connect(m_ssh, &SshSession::checkingHostKey, this,
                [this](const QString &hostPort, const QString &keyType, const QString &fp) {
                    if (m_state == State::Connecting)
                        Q_EMIT progress(
                            Step::HostKey,
                            tr("Checking the host key of %1 (%2 %3)…").arg(hostPort, keyType, fp));
                });
        connect(m_ssh, &SshSession::authenticating, this,
                [this](const QString &user, const QString &host, AuthMethod method,
                       const QString &keyFile) {
                    if (m_state != State::Connecting)
                        return;
                    QString how;
                    switch (method) {
                    case AuthMethod::Agent:
                        how = tr("a key from ssh-agent");
                        break;
                    case AuthMethod::PublicKey:
                        how = tr("the key %1").arg(keyFile);
                        break;
                    case AuthMethod::Password:
                        how = tr("a password");
                        break;
                    case AuthMethod::KeyboardInteractive:
                        how = tr("keyboard-interactive login");
                        break;
                    }
                    Q_EMIT progress(Step::Auth,
                                    tr("Authenticating as %1@%2 with %3…").arg(user, host, how));
                });
    }
    stepSsh();
    return f;
}

bool ServerConnection::report(Step step, const QString &text) {
    const quint64 attempt = m_attempt;
    Q_EMIT progress(step, text);
    return isCurrent(attempt); // a slot may have cancelled
}

void ServerConnection::cancelConnect() {
    if (!m_connectPromise)
        return;
    ++m_attempt; // continuations of this attempt do nothing from now on
    qCInfo(lcSsh) << "connecting to profile" << m_profile.name << "cancelled";
    if (m_ssh) {
        m_ssh->cancelConnect(); // atomic: the worker leaves a TCP/kex wait or a prompt at once
        if (m_tunnelPort != 0)
            m_ssh->stopLocalForward(m_tunnelPort);
        m_ssh->disconnectFromHost();
    }
    m_tunnelPort = 0;
    delete m_db;
    m_db = nullptr;
    m_endpoint = DbEndpoint{};
    m_rememberDbPassword = false;
    const Error e{QStringLiteral("connect.cancelled"),
                  tr("Connecting to %1 was cancelled.").arg(m_profile.host),
                  {}};
    auto p = std::move(m_connectPromise);
    setState(State::Disconnected, e);
    p->addResult(Status(e));
    p->finish();
}

void ServerConnection::disconnectFromServer() {
    cancelConnect();
    if (m_db)
        m_db->close();
    if (m_ssh)
        m_ssh->disconnectFromHost();
    setState(State::Disconnected);
}

void ServerConnection::stepSsh() {
    if (!report(Step::Resolving, tr("Connecting to %1…").arg(m_profile.host)))
        return;
    m_ssh->connectToHost().then(this, [this, attempt = m_attempt](Status st) {
        if (!isCurrent(attempt))
            return;
        if (st.ok())
            return stepDetect();
        if (st.error().code == QLatin1String("ssh.hostkey.unknown"))
            return stepHostKey();
        fail(st.error());
    });
}

void ServerConnection::stepHostKey() {
    const HostKeyInfo key = m_ssh->pendingHostKey();
    if (!report(Step::HostKey, tr("Checking the identity of %1…").arg(key.hostPort())))
        return;
    if (!m_prompter) {
        fail(HostKeyPolicy::decide(KnownHostState::Unknown, key).error);
        return;
    }
    QPointer<ServerConnection> self = this;
    m_prompter->confirmHostKey(
        key, HostKeyPolicy::decide(KnownHostState::Unknown, key).error.message,
        [self, key, attempt = m_attempt](bool trust) {
            QMetaObject::invokeMethod(self.data(), [self, key, trust, attempt] {
                if (!self || !self->isCurrent(attempt))
                    return;
                if (!trust) {
                    self->m_ssh->disconnectFromHost();
                    self->fail(Error{QStringLiteral("ssh.hostkey.rejected"),
                                     tr("The host key of %1 was not trusted; nothing was sent to "
                                        "the server.")
                                         .arg(key.hostPort()),
                                     {}});
                    return;
                }
                self->m_ssh->trustHostKey().then(self.data(), [self, attempt](Status st) {
                    if (!self || !self->isCurrent(attempt))
                        return;
                    if (!st.ok())
                        return self->fail(st.error());
                    self->stepDetect();
                });
            });
        });
}

QFuture<Result<QByteArray>> ServerConnection::readPrivilegedFile(const QString &path) {
    if (m_profile.role == ProfileRole::Delegated) {
        QPromise<Result<QByteArray>> refused;
        refused.start();
        refused.addResult(
            Result<QByteArray>(Error{QStringLiteral("session.delegated"),
                                     tr("A delegated connection cannot read files on the server."),
                                     {}}));
        refused.finish();
        return refused.future();
    }
    // As the SSH user first (root, or a file the user may read); through sudo when refused.
    const QString cmd = QStringLiteral("cat -- ") + Sudo::shellQuote(path);
    auto promise = std::make_shared<QPromise<Result<QByteArray>>>();
    promise->start();
    QFuture<Result<QByteArray>> f = promise->future();
    auto deliver = [promise, path](Result<CommandOutput> r) {
        if (!r.ok())
            promise->addResult(Result<QByteArray>(r.error()));
        else if (r->exitStatus != 0)
            promise->addResult(Result<QByteArray>(Error{
                QStringLiteral("session.read"),
                tr("Could not read %1 on the server: %2").arg(path, r->stderrText().trimmed()),
                {}}));
        else
            promise->addResult(Result<QByteArray>(r->stdOut));
        promise->finish();
    };
    QPointer<SshSession> ssh = m_ssh;
    m_ssh->runCommand(cmd).then(this, [ssh, cmd, deliver](Result<CommandOutput> r) {
        if (ssh && r.ok() && r->exitStatus != 0 && ssh->remoteUser() != QLatin1String("root") &&
            r->stdErr.contains("Permission denied")) {
            ExecOptions o;
            o.privileged = true;
            ssh->runCommand(cmd, o).then(ssh.data(), deliver);
            return;
        }
        deliver(std::move(r));
    });
    return f;
}

void ServerConnection::stepDetect() {
    // A delegated connection runs no command on the server: its account allows none.
    if (m_profile.flavourConfirmed || m_profile.flavour == ServerFlavour::Lab ||
        m_profile.role == ProfileRole::Delegated)
        return stepDbPassword();
    m_ssh->runCommand(ServerDetection::probeCommand())
        .then(this, [this, attempt = m_attempt](Result<CommandOutput> r) {
            if (!isCurrent(attempt))
                return;
            if (!r.ok() || r->exitStatus != 0) {
                // Not worth failing the connect: the admin can still set the flavour by hand.
                qCWarning(lcSsh) << "server detection failed for profile" << m_profile.name
                                 << (r.ok() ? QString::number(r->exitStatus) : r.error().code);
            } else {
                m_detected = ServerDetection::fromProbeOutput(r->stdOut, m_profile.flavour);
                qCInfo(lcSsh) << "detected" << m_detected->summary << "flavour"
                              << flavourKey(m_detected->flavour) << "missing"
                              << m_detected->missingPaths;
                Q_EMIT serverDetected(*m_detected);
            }
            stepDbPassword();
        });
}

void ServerConnection::stepDbPassword() {
    if (!report(Step::DbPassword, tr("Getting the database password…")))
        return;
    m_endpoint = DbEndpoint{};
    m_endpoint.user = m_profile.dbUser;
    m_endpoint.database = m_profile.dbName;
    if (m_profile.dbCredentials == DbCredentialSource::ServerFile &&
        m_profile.role != ProfileRole::Delegated) {
        readPrivilegedFile(m_profile.dbCredentialsFile)
            .then(this, [this, attempt = m_attempt](Result<QByteArray> r) {
                if (!isCurrent(attempt))
                    return;
                if (!r.ok())
                    return fail(r.error());
                Result<MyCnfCredentials> c = MyCnf::parse(r.value(), m_profile.dbCredentialsFile);
                if (!c.ok())
                    return fail(c.error());
                if (!c->user.isEmpty())
                    m_endpoint.user = c->user;
                m_endpoint.password = c->password;
                stepTunnel();
            });
        return;
    }
    m_secrets->read(m_profile.name, SecretStore::dbPasswordKind())
        .then(this, [this, attempt = m_attempt](SecretLookup l) {
            if (!isCurrent(attempt))
                return;
            if (l.found()) {
                m_endpoint.password = l.secret;
                m_rememberDbPassword = false;
                return stepTunnel();
            }
            askDbPassword(1);
        });
}

void ServerConnection::askDbPassword(int attempt) {
    if (!m_prompter)
        return fail(Error{QStringLiteral("session.dbpassword.missing"),
                          tr("The database password is not in the keychain."),
                          {}});
    SecretRequest req;
    req.kind = SecretRequest::Kind::DbPassword;
    req.profileName = m_profile.name;
    req.account = m_endpoint.user;
    req.attempt = attempt;
    req.mayRemember = !m_secrets->knownUnavailable();
    req.prompt = tr("Password of the database user %1:").arg(m_endpoint.user);
    QPointer<ServerConnection> self = this;
    m_prompter->askSecret(req, [self, attempt, current = m_attempt](std::optional<SecretAnswer> a) {
        QMetaObject::invokeMethod(self.data(), [self, attempt, current, a] {
            if (!self || !self->isCurrent(current))
                return;
            if (!a)
                return self->fail(
                    Error{QStringLiteral("connect.cancelled"),
                          tr("Connecting to %1 was cancelled.").arg(self->m_profile.host),
                          {}});
            self->m_endpoint.password = a->secret;
            self->m_rememberDbPassword = a->remember;
            if (attempt == 1)
                self->stepTunnel();
            else
                self->stepDatabase(attempt);
        });
    });
}

void ServerConnection::stepTunnel() {
    if (m_profile.dbRoute == DbRoute::Direct) {
        m_endpoint.host = m_profile.dbHost;
        m_endpoint.port = m_profile.dbPort;
        m_endpoint.tls = m_profile.dbTls;
        m_endpoint.tlsCaFile = m_profile.dbTlsCaFile;
        return stepDatabase(1);
    }
    if (m_tunnelPort != 0) { // reconnecting: the forward still listens
        m_endpoint.host = QStringLiteral("127.0.0.1");
        m_endpoint.port = m_tunnelPort;
        return stepDatabase(1);
    }
    if (!report(Step::Tunnel, tr("Opening the tunnel to the database…")))
        return;
    m_ssh->startLocalForward(m_profile.dbHost, m_profile.dbPort)
        .then(this, [this, attempt = m_attempt](Result<quint16> r) {
            if (!isCurrent(attempt)) {
                if (r.ok() && m_ssh && r.value() != m_tunnelPort)
                    m_ssh->stopLocalForward(r.value()); // cancelled meanwhile: not left open
                return;
            }
            if (!r.ok())
                return fail(r.error());
            m_tunnelPort = r.value();
            m_endpoint.host = QStringLiteral("127.0.0.1");
            m_endpoint.port = m_tunnelPort;
            stepDatabase(1);
        });
}

void ServerConnection::stepDatabase(int attempt) {
    if (!report(Step::Database, tr("Opening the database %1…").arg(m_endpoint.database)))
        return;
    if (!m_db)
        m_db = new DbWorker(this);
    m_db->open(m_endpoint).then(this, [this, attempt, current = m_attempt](Status st) {
        if (!isCurrent(current))
            return;
        if (st.ok()) {
            if (m_rememberDbPassword && (m_profile.dbCredentials == DbCredentialSource::Keychain ||
                                         m_profile.role == ProfileRole::Delegated))
                m_secrets->write(m_profile.name, SecretStore::dbPasswordKind(),
                                 m_endpoint.password);
            m_rememberDbPassword = false;
            if (m_profile.role == ProfileRole::Delegated)
                return stepVerifyDelegated();
            return finishOk();
        }
        // A wrong password from the keychain or the person: ask (again), three times in all.
        if (st.error().code == QLatin1String("db.denied") &&
            (m_profile.dbCredentials == DbCredentialSource::Keychain ||
             m_profile.role == ProfileRole::Delegated) &&
            attempt < 3)
            return askDbPassword(attempt + 1);
        fail(st.error());
    });
}

void ServerConnection::stepVerifyDelegated() {
    if (!report(Step::Database, tr("Checking the delegated account %1…").arg(m_endpoint.user)))
        return;
    m_db->run([](QSqlDatabase &db) { return delegation::DelegatedCalls::whoAmI(db); })
        .then(this, [this, current = m_attempt](Result<QString> r) {
            if (!isCurrent(current))
                return;
            if (!r.ok())
                return fail(r.error());
            if (r.value().isEmpty())
                return fail(Error{QStringLiteral("session.delegated.unmapped"),
                                  tr("The database account %1 is not a delegated admin (or is "
                                     "disabled) on this server.")
                                      .arg(m_endpoint.user),
                                  {}});
            if (!m_profile.delegatedAdmin.isEmpty() &&
                r.value().compare(m_profile.delegatedAdmin, Qt::CaseInsensitive) != 0)
                return fail(Error{QStringLiteral("session.delegated.mismatch"),
                                  tr("The database account %1 belongs to the admin %2, not to %3.")
                                      .arg(m_endpoint.user, r.value(), m_profile.delegatedAdmin),
                                  {}});
            m_delegatedAdmin = r.value();
            finishOk();
        });
}

void ServerConnection::finishOk() {
    if (!report(Step::Done, tr("Connected.")))
        return;
    setState(State::Connected);
    if (m_connectPromise) {
        auto p = std::move(m_connectPromise);
        p->addResult(Status());
        p->finish();
    }
}

} // namespace maildeck
