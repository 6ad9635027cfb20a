#include "core/ssh/SshSession.h"

#include "core/common/Logging.h"
#include "core/profiles/ServerProfile.h"
#include "core/ssh/Prompter.h"
#include "core/ssh/SshWorker_p.h"

#include <QCoreApplication>
#include <QThread>

#include <fcntl.h>
#include <functional>
#include <type_traits>

namespace maildeck {

namespace {
// Runs f(worker) in the worker thread; its result fulfils the returned future. If the worker is
// gone before the job runs, the future is cancelled (never left hanging).
// A job may take (SshWorker &, const std::function<bool()> &cancelled) to stop early when the
// caller cancels the future (long transfers check it between chunks).
template <class T, class F> QFuture<T> postJob(SshWorker *worker, F f) {
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    QFuture<T> future = promise->future();
    QMetaObject::invokeMethod(
        worker,
        [worker, promise, f = std::move(f)]() mutable {
            if (promise->isCanceled()) {
                promise->finish();
                return;
            }
            if constexpr (std::is_invocable_v<F &, SshWorker &, const std::function<bool()> &>) {
                const std::function<bool()> cancelled = [promise] {
                    return promise->isCanceled();
                };
                promise->addResult(f(*worker, cancelled));
            } else {
                promise->addResult(f(*worker));
            }
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}
} // namespace

Prompter::~Prompter() = default;

SshConfig SshConfig::fromProfile(const ServerProfile &profile) {
    SshConfig c;
    c.profileName = profile.name;
    c.host = profile.host;
    // 22 is the profile's default: let ~/.ssh/config's Port apply then (as `ssh` without -p).
    c.port = profile.port == 22 ? 0 : profile.port;
    c.user = profile.user;
    c.identityFile = profile.identityFile;
    c.knownHostsFile = profile.knownHostsFile;
    return c;
}

// ---------------------------------------------------------------------------------------------

SshProcess::SshProcess(SshSession *session, quint64 id)
    : QObject(session)
    , m_session(session)
    , m_id(id) {}

SshProcess::~SshProcess() {
    if (m_running && m_session)
        m_session->cancelProcess(m_id);
}

void SshProcess::write(const QByteArray &data) {
    if (m_running && m_session)
        m_session->writeProcess(m_id, data, false);
}

void SshProcess::closeStdin() {
    if (m_running && m_session)
        m_session->writeProcess(m_id, {}, true);
}

void SshProcess::cancel() {
    if (!m_running)
        return;
    m_running = false;
    if (m_session)
        m_session->cancelProcess(m_id);
    Q_EMIT failed(Error{QStringLiteral("ssh.cancelled"), tr("The command was cancelled."), {}});
}

// ---------------------------------------------------------------------------------------------

SshSession::SshSession(const SshConfig &config, Prompter *prompter, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_shared(std::make_shared<SshShared>()) {
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("ssh:") + config.host);
    m_worker = new SshWorker(config, prompter, m_shared);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SshWorker::stateChanged, this, &SshSession::onWorkerState,
            Qt::QueuedConnection);
    connect(m_worker, &SshWorker::processEvent, this, &SshSession::onProcessEvent,
            Qt::QueuedConnection);
    connect(m_worker, &SshWorker::connectionLost, this, &SshSession::connectionLost,
            Qt::QueuedConnection);
    connect(m_worker, &SshWorker::checkingHostKey, this, &SshSession::checkingHostKey,
            Qt::QueuedConnection);
    connect(
        m_worker, &SshWorker::authenticating, this,
        [this](const QString &user, const QString &host, int method, const QString &keyFile) {
            Q_EMIT authenticating(user, host, AuthMethod(method), keyFile);
        },
        Qt::QueuedConnection);
    connect(
        m_worker, &SshWorker::secretAccepted, this,
        [this](int kind, const QString &keyFile) {
            Q_EMIT secretAccepted(SecretRequest::Kind(kind), keyFile);
        },
        Qt::QueuedConnection);
    m_thread->start();
}

SshSession::~SshSession() {
    m_worker->cancelPrompts(); // atomic: a pending prompt wait ends now
    QThread *thread = m_thread;
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker] {
            w->shutdown();
            w->thread()->quit();
        },
        Qt::QueuedConnection);
    // shutdown() only closes sockets; it cannot block for long. Should it (a blocking libssh call
    // in progress, bounded by the session timeout), the thread cleans up after itself.
    if (thread->wait(3000)) {
        delete thread;
    } else {
        qCWarning(lcSsh) << "SSH worker still busy at destruction; it will finish on its own";
        connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    }
}

template <class F> void SshSession::post(F &&f) {
    QMetaObject::invokeMethod(m_worker, std::forward<F>(f), Qt::QueuedConnection);
}

QString SshSession::remoteUser() const {
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->remoteUser;
}

void SshSession::onWorkerState(int state, const QString &remoteUser) {
    Q_UNUSED(remoteUser)
    m_state = SshState(state);
    Q_EMIT stateChanged(m_state);
}

QFuture<Status> SshSession::connectToHost() {
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> f = promise->future();
    post([w = m_worker, promise, attempt = ++m_connectAttempt] {
        w->connectToHost(promise, attempt);
    });
    return f;
}

HostKeyInfo SshSession::pendingHostKey() const {
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->pendingHostKey;
}

QFuture<Status> SshSession::trustHostKey() {
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> f = promise->future();
    post([w = m_worker, promise, attempt = ++m_connectAttempt] {
        w->trustHostKey(promise, attempt);
    });
    return f;
}

void SshSession::cancelConnect() {
    // Atomic, seen by the worker while it is busy in the connect loop or waiting for a prompt.
    m_shared->connectCancelledUpTo.store(m_connectAttempt);
}

void SshSession::disconnectFromHost() {
    m_worker->cancelPrompts();
    post([w = m_worker] { w->disconnectFromHost(); });
}

QFuture<Result<CommandOutput>> SshSession::runCommand(const QString &command,
                                                      const ExecOptions &options) {
    auto promise = std::make_shared<QPromise<Result<CommandOutput>>>();
    promise->start();
    QFuture<Result<CommandOutput>> f = promise->future();
    const quint64 id = m_nextId++;
    post([w = m_worker, id, command, options, promise] {
        w->startExec(id, command, options, promise);
    });
    return f;
}

SshProcess *SshSession::startCommand(const QString &command, const ExecOptions &options) {
    const quint64 id = m_nextId++;
    auto *process = new SshProcess(this, id);
    m_processes.insert(id, process);
    post([w = m_worker, id, command, options] { w->startExec(id, command, options, nullptr); });
    return process;
}

void SshSession::onProcessEvent(quint64 id, int kind, const QByteArray &data, int exitStatus,
                                const Error &error) {
    QPointer<SshProcess> p = m_processes.value(id);
    if (!p || !p->m_running) {
        if (kind == SshWorker::Finished || kind == SshWorker::Failed)
            m_processes.remove(id);
        return;
    }
    switch (kind) {
    case SshWorker::Stdout:
        Q_EMIT p->stdoutData(data);
        break;
    case SshWorker::Stderr:
        Q_EMIT p->stderrData(data);
        break;
    case SshWorker::Finished:
        m_processes.remove(id);
        p->m_running = false;
        Q_EMIT p->finished(exitStatus);
        break;
    case SshWorker::Failed:
        m_processes.remove(id);
        p->m_running = false;
        Q_EMIT p->failed(error);
        break;
    }
}

void SshSession::cancelProcess(quint64 id) {
    m_processes.remove(id);
    post([w = m_worker, id] { w->cancelExec(id); });
}

void SshSession::writeProcess(quint64 id, const QByteArray &data, bool closeStdin) {
    post([w = m_worker, id, data, closeStdin] { w->writeExec(id, data, closeStdin); });
}

void SshSession::forgetSudoPassword() {
    post([w = m_worker] { w->forgetSudoPassword(); });
}

QFuture<Result<quint16>> SshSession::startLocalForward(const QString &remoteHost,
                                                       quint16 remotePort) {
    auto promise = std::make_shared<QPromise<Result<quint16>>>();
    promise->start();
    QFuture<Result<quint16>> f = promise->future();
    post([w = m_worker, remoteHost, remotePort, promise] {
        w->startForward(remoteHost, remotePort, promise);
    });
    return f;
}

void SshSession::stopLocalForward(quint16 localPort) {
    post([w = m_worker, localPort] { w->stopForward(localPort); });
}

// ---------------------------------------------------------------------------------------------
// SFTP (blocking libssh calls, in the worker thread)

namespace {
RemoteFileInfo toInfo(sftp_attributes a, const QString &name) {
    RemoteFileInfo info;
    info.name = name;
    switch (a->type) {
    case SSH_FILEXFER_TYPE_REGULAR:
        info.type = RemoteFileInfo::Type::File;
        break;
    case SSH_FILEXFER_TYPE_DIRECTORY:
        info.type = RemoteFileInfo::Type::Directory;
        break;
    case SSH_FILEXFER_TYPE_SYMLINK:
        info.type = RemoteFileInfo::Type::Symlink;
        break;
    default:
        info.type = RemoteFileInfo::Type::Other;
    }
    info.size = qint64(a->size);
    info.permissions = a->permissions & 07777;
    info.uid = a->uid;
    info.gid = a->gid;
    if (a->owner)
        info.owner = QString::fromUtf8(a->owner);
    if (a->group)
        info.group = QString::fromUtf8(a->group);
    info.modified = QDateTime::fromSecsSinceEpoch(qint64(a->mtime));
    return info;
}
} // namespace

QFuture<Result<QByteArray>> SshSession::readFile(const QString &path, qint64 maxBytes,
                                                 const CancelToken &cancel) {
    return postJob<Result<QByteArray>>(
        m_worker,
        [path, maxBytes, cancel](SshWorker &w,
                                 const std::function<bool()> &cancelled) -> Result<QByteArray> {
            if (cancel.isCancelled())
                return Error{QStringLiteral("ssh.cancelled"), tr("Reading was cancelled."), {}};
            Result<sftp_session> s = w.sftp();
            if (!s.ok())
                return s.error();
            const QByteArray p = path.toUtf8();
            sftp_file file = sftp_open(*s, p.constData(), O_RDONLY, 0);
            if (!file)
                return w.sftpError(tr("Reading"), path);
            QByteArray data;
            char buf[32 * 1024];
            for (;;) {
                if (cancelled() || cancel.isCancelled()) {
                    sftp_close(file);
                    return Error{QStringLiteral("ssh.cancelled"), tr("Reading was cancelled."), {}};
                }
                const ssize_t n = sftp_read(file, buf, sizeof buf);
                if (n < 0) {
                    Error e = w.sftpError(tr("Reading"), path);
                    sftp_close(file);
                    return e;
                }
                if (n == 0)
                    break;
                data.append(buf, qsizetype(n));
                if (data.size() > maxBytes) {
                    sftp_close(file);
                    return Error{QStringLiteral("sftp.toolarge"),
                                 tr("%1 is larger than %2 bytes.").arg(path).arg(maxBytes),
                                 {}};
                }
            }
            sftp_close(file);
            return data;
        });
}

QFuture<Status> SshSession::writeFile(const QString &path, const QByteArray &data, quint32 mode,
                                      const CancelToken &cancel) {
    return postJob<Status>(
        m_worker,
        [path, data, mode, cancel](SshWorker &w, const std::function<bool()> &cancelled) -> Status {
            if (cancel.isCancelled())
                return Error{QStringLiteral("ssh.cancelled"), tr("Writing was cancelled."), {}};
            Result<sftp_session> s = w.sftp();
            if (!s.ok())
                return s.error();
            const QByteArray p = path.toUtf8();
            sftp_file file =
                sftp_open(*s, p.constData(), O_WRONLY | O_CREAT | O_TRUNC, mode_t(mode));
            if (!file)
                return w.sftpError(tr("Writing"), path);
            qsizetype off = 0;
            while (off < data.size()) {
                if (cancelled() || cancel.isCancelled()) {
                    sftp_close(file);
                    return Error{QStringLiteral("ssh.cancelled"), tr("Writing was cancelled."), {}};
                }
                const size_t chunk = size_t(std::min<qsizetype>(32 * 1024, data.size() - off));
                const ssize_t n = sftp_write(file, data.constData() + off, chunk);
                if (n <= 0) {
                    Error e = w.sftpError(tr("Writing"), path);
                    sftp_close(file);
                    return e;
                }
                off += n;
            }
            if (sftp_close(file) != SSH_OK)
                return w.sftpError(tr("Writing"), path);
            return {};
        });
}

QFuture<Result<RemoteFileInfo>> SshSession::stat(const QString &path) {
    return postJob<Result<RemoteFileInfo>>(
        m_worker, [path](SshWorker &w) -> Result<RemoteFileInfo> {
            Result<sftp_session> s = w.sftp();
            if (!s.ok())
                return s.error();
            const QByteArray p = path.toUtf8();
            sftp_attributes a = sftp_stat(*s, p.constData());
            if (!a)
                return w.sftpError(tr("Reading the attributes of"), path);
            RemoteFileInfo info = toInfo(a, path);
            sftp_attributes_free(a);
            return info;
        });
}

QFuture<Status> SshSession::rename(const QString &from, const QString &to) {
    return postJob<Status>(m_worker, [from, to](SshWorker &w) -> Status {
        Result<sftp_session> s = w.sftp();
        if (!s.ok())
            return s.error();
        const QByteArray a = from.toUtf8();
        const QByteArray b = to.toUtf8();
        if (sftp_rename(*s, a.constData(), b.constData()) != SSH_OK)
            return w.sftpError(tr("Renaming"), from);
        return {};
    });
}

QFuture<Status> SshSession::remove(const QString &path) {
    return postJob<Status>(m_worker, [path](SshWorker &w) -> Status {
        Result<sftp_session> s = w.sftp();
        if (!s.ok())
            return s.error();
        const QByteArray p = path.toUtf8();
        sftp_attributes a = sftp_lstat(*s, p.constData());
        if (!a)
            return w.sftpError(tr("Removing"), path);
        const bool dir = a->type == SSH_FILEXFER_TYPE_DIRECTORY;
        sftp_attributes_free(a);
        const int rc = dir ? sftp_rmdir(*s, p.constData()) : sftp_unlink(*s, p.constData());
        if (rc != SSH_OK)
            return w.sftpError(tr("Removing"), path);
        return {};
    });
}

QFuture<Status> SshSession::makeDirectory(const QString &path, quint32 mode) {
    return postJob<Status>(m_worker, [path, mode](SshWorker &w) -> Status {
        Result<sftp_session> s = w.sftp();
        if (!s.ok())
            return s.error();
        const QByteArray p = path.toUtf8();
        if (sftp_mkdir(*s, p.constData(), mode_t(mode)) != SSH_OK)
            return w.sftpError(tr("Creating the directory"), path);
        return {};
    });
}

QFuture<Result<QList<RemoteFileInfo>>> SshSession::listDirectory(const QString &path) {
    return postJob<Result<QList<RemoteFileInfo>>>(
        m_worker, [path](SshWorker &w) -> Result<QList<RemoteFileInfo>> {
            Result<sftp_session> s = w.sftp();
            if (!s.ok())
                return s.error();
            const QByteArray p = path.toUtf8();
            sftp_dir dir = sftp_opendir(*s, p.constData());
            if (!dir)
                return w.sftpError(tr("Listing"), path);
            QList<RemoteFileInfo> out;
            while (sftp_attributes a = sftp_readdir(*s, dir)) {
                const QString name = QString::fromUtf8(a->name);
                if (name != QLatin1String(".") && name != QLatin1String(".."))
                    out << toInfo(a, name);
                sftp_attributes_free(a);
            }
            const bool eof = sftp_dir_eof(dir);
            sftp_closedir(dir);
            if (!eof)
                return w.sftpError(tr("Listing"), path);
            return out;
        });
}

} // namespace maildeck
