#include "core/session/ServerConnection.h"

#include "core/common/Logging.h"
#include "core/db/DbWorker.h"
#include "core/secrets/SecretStore.h"
#include "core/session/MyCnf.h"
#include "core/ssh/Prompter.h"
#include "core/ssh/SshSession.h"
#include "core/ssh/Sudo.h"

#include <QCoreApplication>
#include <QPromise>

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
// the keychain; otherwise (or when that one was wrong) it asks the person, and stores the answer
// in the keychain only when they asked for it.
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
        QPointer<SecretStore> store = m_store;
        const QString profile = m_profile;
        m_ui->askSecret(request, [reply, store, profile, kind](std::optional<SecretAnswer> a) {
            if (a && a->remember && store && !kind.isEmpty()) {
                // Stored from the store's thread (the keychain jobs need its event loop).
                const QString secret = a->secret;
                QMetaObject::invokeMethod(store.data(), [store, profile, kind, secret] {
                    if (store)
                        store->write(profile, kind, secret);
                });
            }
            reply(std::move(a));
        });
    }

private:
    QPointer<Prompter> m_ui;
    QPointer<SecretStore> m_store;
    QString m_profile;
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
    }
    stepSsh();
    return f;
}

void ServerConnection::disconnectFromServer() {
    if (m_db)
        m_db->close();
    if (m_ssh)
        m_ssh->disconnectFromHost();
    if (m_connectPromise)
        fail(Error{QStringLiteral("session.cancelled"), tr("Connecting was cancelled."), {}});
    setState(State::Disconnected);
}

void ServerConnection::stepSsh() {
    Q_EMIT progress(Step::Ssh, tr("Connecting to %1…").arg(m_profile.host));
    m_ssh->connectToHost().then(this, [this](Status st) {
        if (!m_connectPromise)
            return;
        if (st.ok())
            return stepDbPassword();
        if (st.error().code == QLatin1String("ssh.hostkey.unknown"))
            return stepHostKey();
        fail(st.error());
    });
}

void ServerConnection::stepHostKey() {
    const HostKeyInfo key = m_ssh->pendingHostKey();
    Q_EMIT progress(Step::HostKey, tr("Checking the identity of %1…").arg(key.hostPort()));
    if (!m_prompter) {
        fail(HostKeyPolicy::decide(KnownHostState::Unknown, key).error);
        return;
    }
    QPointer<ServerConnection> self = this;
    m_prompter->confirmHostKey(
        key, HostKeyPolicy::decide(KnownHostState::Unknown, key).error.message,
        [self, key](bool trust) {
            QMetaObject::invokeMethod(self.data(), [self, key, trust] {
                if (!self || !self->m_connectPromise)
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
                self->m_ssh->trustHostKey().then(self.data(), [self](Status st) {
                    if (!self || !self->m_connectPromise)
                        return;
                    if (!st.ok())
                        return self->fail(st.error());
                    self->stepDbPassword();
                });
            });
        });
}

QFuture<Result<QByteArray>> ServerConnection::readPrivilegedFile(const QString &path) {
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

void ServerConnection::stepDbPassword() {
    Q_EMIT progress(Step::DbPassword, tr("Getting the database password…"));
    m_endpoint = DbEndpoint{};
    m_endpoint.user = m_profile.dbUser;
    m_endpoint.database = m_profile.dbName;
    if (m_profile.dbCredentials == DbCredentialSource::ServerFile) {
        readPrivilegedFile(m_profile.dbCredentialsFile).then(this, [this](Result<QByteArray> r) {
            if (!m_connectPromise)
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
        .then(this, [this](SecretLookup l) {
            if (!m_connectPromise)
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
    m_prompter->askSecret(req, [self, attempt](std::optional<SecretAnswer> a) {
        QMetaObject::invokeMethod(self.data(), [self, attempt, a] {
            if (!self || !self->m_connectPromise)
                return;
            if (!a)
                return self->fail(Error{
                    QStringLiteral("session.cancelled"), tr("Connecting was cancelled."), {}});
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
        return stepDatabase(1);
    }
    if (m_tunnelPort != 0) { // reconnecting: the forward still listens
        m_endpoint.host = QStringLiteral("127.0.0.1");
        m_endpoint.port = m_tunnelPort;
        return stepDatabase(1);
    }
    Q_EMIT progress(Step::Tunnel, tr("Opening the tunnel to the database…"));
    m_ssh->startLocalForward(m_profile.dbHost, m_profile.dbPort)
        .then(this, [this](Result<quint16> r) {
            if (!m_connectPromise)
                return;
            if (!r.ok())
                return fail(r.error());
            m_tunnelPort = r.value();
            m_endpoint.host = QStringLiteral("127.0.0.1");
            m_endpoint.port = m_tunnelPort;
            stepDatabase(1);
        });
}

void ServerConnection::stepDatabase(int attempt) {
    Q_EMIT progress(Step::Database, tr("Opening the database %1…").arg(m_endpoint.database));
    if (!m_db)
        m_db = new DbWorker(this);
    m_db->open(m_endpoint).then(this, [this, attempt](Status st) {
        if (!m_connectPromise)
            return;
        if (st.ok()) {
            if (m_rememberDbPassword && m_profile.dbCredentials == DbCredentialSource::Keychain)
                m_secrets->write(m_profile.name, SecretStore::dbPasswordKind(),
                                 m_endpoint.password);
            m_rememberDbPassword = false;
            return finishOk();
        }
        // A wrong password from the keychain or the person: ask (again), three times in all.
        if (st.error().code == QLatin1String("db.denied") &&
            m_profile.dbCredentials == DbCredentialSource::Keychain && attempt < 3)
            return askDbPassword(attempt + 1);
        fail(st.error());
    });
}

void ServerConnection::finishOk() {
    Q_EMIT progress(Step::Done, tr("Connected."));
    setState(State::Connected);
    if (m_connectPromise) {
        auto p = std::move(m_connectPromise);
        p->addResult(Status());
        p->finish();
    }
}

} // namespace maildeck
