#include "app/cli/CliConnection.h"

#include "core/profiles/ProfileStore.h"
#include "core/secrets/SecretStore.h"
#include "core/session/ServerConnection.h"
#include "core/ssh/SshSession.h"

#include <QFile>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

namespace maildeck::cli {

namespace {

int g_signalPipe[2] = {-1, -1};

extern "C" void onSigint(int) {
    const char byte = 1;
    const int saved = errno;
    if (g_signalPipe[0] >= 0) [[maybe_unused]]
        const auto written = ::write(g_signalPipe[0], &byte, 1);
    errno = saved;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// TerminalPrompter

TerminalPrompter::TerminalPrompter(bool acceptNewHostKey, const QMap<QString, QString> &fileSecrets,
                                   QObject *parent)
    : Prompter(parent)
    , m_acceptNewHostKey(acceptNewHostKey)
    , m_fileSecrets(fileSecrets) {}

bool TerminalPrompter::interactive() {
    return ::isatty(STDIN_FILENO) == 1;
}

std::optional<QString> TerminalPrompter::readLine(bool echo) {
    termios saved{};
    const bool tty = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty && !echo) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= tcflag_t(ECHONL);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    bool ok = true;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n == 1) {
            if (c == '\n')
                break;
            line.append(c);
            continue;
        }
        ok = false; // EOF, or EINTR: Ctrl+C (SIGINT is handled without SA_RESTART)
        break;
    }
    if (tty && !echo)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (!ok) {
        if (!echo)
            err() << Qt::endl;
        return std::nullopt;
    }
    if (line.endsWith('\r'))
        line.chop(1);
    QString text = QString::fromUtf8(line);
    line.fill('\0');
    return text;
}

QString TerminalPrompter::fileKind(const SecretRequest &request) {
    switch (request.kind) {
    case SecretRequest::Kind::Password:
    case SecretRequest::Kind::KeyboardInteractive:
        return SecretStore::sshPasswordKind();
    case SecretRequest::Kind::KeyPassphrase:
        return QStringLiteral("key-passphrase");
    case SecretRequest::Kind::SudoPassword:
        return SecretStore::sudoPasswordKind();
    case SecretRequest::Kind::DbPassword:
        return SecretStore::dbPasswordKind();
    }
    return {};
}

Result<QMap<QString, QString>> TerminalPrompter::readSecretFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cli.input.secretfile"),
                     Cli::tr("Cannot read the secret file %1: %2").arg(path, file.errorString()),
                     {}};
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (file.permissions() & others)
        return Error{QStringLiteral("cli.input.secretfile"),
                     Cli::tr("The secret file %1 may be read by others; make it readable by you "
                             "only (chmod 600).")
                         .arg(path),
                     {}};
    static const QStringList kinds = {
        QStringLiteral("ssh-password"), QStringLiteral("key-passphrase"),
        QStringLiteral("sudo-password"), QStringLiteral("db-password")};
    QMap<QString, QString> secrets;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith('#'))
            continue;
        const qsizetype eq = line.indexOf('=');
        const QString kind = eq < 0 ? QString() : QString::fromUtf8(line.left(eq)).trimmed();
        if (!kinds.contains(kind))
            return Error{QStringLiteral("cli.input.secretfile"),
                         Cli::tr("%1 line %2: expected kind=secret with kind one of %3.")
                             .arg(path)
                             .arg(i + 1)
                             .arg(kinds.join(QStringLiteral(", "))),
                         {}};
        secrets.insert(kind, QString::fromUtf8(line.mid(eq + 1)));
    }
    return secrets;
}

void TerminalPrompter::askSecret(const SecretRequest &request, SecretReply reply) {
    m_failure.clear();
    const QString kind = fileKind(request);
    if (request.attempt == 1 && m_fileSecrets.contains(kind))
        return reply(SecretAnswer{m_fileSecrets.value(kind), false});
    if (!interactive()) {
        QString asked = request.prompt.trimmed();
        if (asked.endsWith(QLatin1Char(':')))
            asked.chop(1);
        m_failure = request.attempt > 1
                        ? Cli::tr("The %1 given was not accepted.").arg(kind)
                        : Cli::tr("Cannot ask \"%1\": stdin is not a terminal. Put the secret in a "
                                  "file readable only by you as a line \"%2=…\" and pass "
                                  "--secret-file FILE, or store it in the keychain.")
                              .arg(asked, kind);
        return reply(std::nullopt);
    }
    if (request.attempt > 1)
        err() << Cli::tr("That was not accepted; try again.") << Qt::endl;
    if (!request.instruction.isEmpty())
        err() << request.instruction << Qt::endl;
    QString prompt = request.prompt;
    if (!prompt.endsWith(QLatin1Char(' ')))
        prompt += QLatin1Char(' ');
    err() << prompt;
    err().flush();
    const std::optional<QString> secret = readLine(request.echo);
    if (!secret)
        return reply(std::nullopt);
    bool remember = false;
    if (request.mayRemember) {
        err() << Cli::tr("Remember it in the keychain? [y/N] ");
        err().flush();
        const std::optional<QString> answer = readLine(true);
        remember = answer && answer->trimmed().startsWith(QLatin1Char('y'), Qt::CaseInsensitive);
    }
    reply(SecretAnswer{*secret, remember});
}

void TerminalPrompter::confirmHostKey(const HostKeyInfo &info, const QString &message,
                                      TrustReply reply) {
    m_failure.clear();
    if (m_acceptNewHostKey) {
        err() << Cli::tr("Warning: adding the %1 key %2 of %3 to %4.")
                     .arg(info.keyTypeLabel(), info.fingerprint, info.hostPort(),
                          info.knownHostsFile)
              << Qt::endl;
        return reply(true);
    }
    if (!interactive()) {
        m_failure = Cli::tr("The host key of %1 is not known (%2 key %3). Nothing was sent. "
                            "Check the fingerprint, then connect once from a terminal or pass "
                            "--accept-new-host-key.")
                        .arg(info.hostPort(), info.keyTypeLabel(), info.fingerprint);
        return reply(false);
    }
    err() << message << Qt::endl;
    if (!message.contains(info.fingerprint))
        err() << Cli::tr("%1 key fingerprint is %2.").arg(info.keyTypeLabel(), info.fingerprint)
              << Qt::endl;
    err() << Cli::tr("Trust this key and continue connecting? [y/N] ");
    err().flush();
    const std::optional<QString> answer = readLine(true);
    reply(answer && answer->trimmed().startsWith(QLatin1Char('y'), Qt::CaseInsensitive));
}

// ---------------------------------------------------------------------------------------------
// CliSession

CliSession::CliSession(Context &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_verbose(context.isSet("verbose")) {
    if (g_signalPipe[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        struct sigaction action {};
        action.sa_handler = onSigint;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0; // no SA_RESTART: a blocked terminal read returns
        ::sigaction(SIGINT, &action, nullptr);
    }
    if (g_signalPipe[1] >= 0) {
        m_signalNotifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, this);
        connect(m_signalNotifier, &QSocketNotifier::activated, this, &CliSession::onSignal);
    }
}

CliSession::~CliSession() {
    delete m_connection; // the database first, then SSH (ServerConnection's own order)
    m_connection = nullptr;
}

void CliSession::onSignal() {
    char buffer[16];
    [[maybe_unused]] const auto n = ::read(g_signalPipe[1], buffer, sizeof buffer);
    if (m_interrupted)
        return;
    m_interrupted = true;
    // A second Ctrl+C ends the program at once.
    ::signal(SIGINT, SIG_DFL);
    Q_EMIT interruptRequested();
    if (m_connection)
        m_connection->cancelConnect(); // a no-op once connected
}

int CliSession::cancelled() {
    err() << Cli::tr("Cancelled.") << Qt::endl;
    return ExitInterrupted;
}

SshSession *CliSession::ssh() const {
    return m_connection ? m_connection->ssh() : nullptr;
}

DbWorker *CliSession::db() const {
    return m_connection ? m_connection->db() : nullptr;
}

const ServerProfile &CliSession::profile() const {
    return m_connection->profile();
}

int CliSession::open(int failureCode) {
    if (!m_context.isSet("profile"))
        return usageError(Cli::tr("This command needs a server: add --profile NAME."));
    const QString name = m_context.value("profile");
    const std::optional<ServerProfile> profile = m_context.profiles.load(name);
    if (!profile) {
        err() << Cli::tr("No profile named '%1'.").arg(name) << Qt::endl;
        return failureCode;
    }
    QMap<QString, QString> fileSecrets;
    if (m_context.isSet("secret-file")) {
        auto secrets = TerminalPrompter::readSecretFile(m_context.value("secret-file"));
        if (!secrets)
            return usageError(secrets.error().message);
        fileSecrets = secrets.value();
    }
    m_prompter = new TerminalPrompter(m_context.isSet("accept-new-host-key"), fileSecrets, this);
    m_connection = new ServerConnection(*profile, m_prompter, this);
    if (m_verbose)
        connect(m_connection, &ServerConnection::progress, this,
                [](ServerConnection::Step, const QString &text) { err() << text << Qt::endl; });

    const std::optional<Status> status = await(m_connection->connectToServer());
    if (m_interrupted)
        return cancelled();
    if (!status) {
        err() << Cli::tr("Connecting to %1 gave no answer.").arg(profile->host) << Qt::endl;
        return failureCode;
    }
    if (!status->ok()) {
        const QString why = m_prompter->failure();
        err() << (why.isEmpty() ? status->error().message : why) << Qt::endl;
        return failureCode;
    }
    return ExitOk;
}

} // namespace maildeck::cli
