#include "core/db/DbWorker.h"

#include "core/common/Logging.h"
#include "core/common/WorkerThreadExit.h"
#include "core/db/DbTlsProbe.h"
#include "core/db/SqlSupport.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

namespace maildeck {

namespace detail {

// Lives in the worker thread; owns the QSqlDatabase connection.
class DbContext : public QObject {
public:
    DbContext()
        : m_name(QStringLiteral("maildeck-db-%1").arg(++s_counter)) {}
    ~DbContext() override {
        closeDb();
        if (QThread::currentThread() == thread()) // deleted through QThread::finished
            releaseWorkerThreadCryptoState();
    }

    Error open(const DbEndpoint &endpoint) {
        m_endpoint = endpoint;
        m_haveEndpoint = true;
        return reopen();
    }

    Error reopen() {
        closeDb();
        if (!m_haveEndpoint)
            return {QStringLiteral("db.notopen"),
                    QCoreApplication::translate("DbWorker", "The database is not connected."),
                    {}};
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), m_name);
        if (!m_db.isValid())
            return {QStringLiteral("db.driver"),
                    QCoreApplication::translate(
                        "DbWorker", "The MariaDB/MySQL driver of Qt (QMYSQL) is not installed."),
                    {}};
        m_db.setHostName(m_endpoint.host);
        m_db.setPort(m_endpoint.port);
        m_db.setUserName(m_endpoint.user);
        m_db.setPassword(m_endpoint.password);
        m_db.setDatabaseName(m_endpoint.database);
        QStringList options{
            QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1").arg(m_endpoint.connectTimeoutSeconds),
            QStringLiteral("MYSQL_OPT_READ_TIMEOUT=%1").arg(m_endpoint.readTimeoutSeconds),
            QStringLiteral("MYSQL_OPT_WRITE_TIMEOUT=%1").arg(m_endpoint.readTimeoutSeconds),
        };
        if (m_endpoint.tls) {
            // Connector/C verifies the chain against SSL_CA but not the host name: the probe
            // checks both first. (CLIENT_SSL alone gives no encryption with Qt 6.4's QMYSQL.)
            const Status probe =
                db::probeDbTls(m_endpoint.host, m_endpoint.port, m_endpoint.tlsCaFile,
                               m_endpoint.connectTimeoutSeconds * 1000);
            if (!probe.ok()) {
                closeDb();
                return probe.error();
            }
            options << (m_endpoint.tlsCaFile.isEmpty()
                            ? QStringLiteral("SSL_CAPATH=/etc/ssl/certs")
                            : QStringLiteral("SSL_CA=") + m_endpoint.tlsCaFile);
        }
        m_db.setConnectOptions(options.join(QLatin1Char(';')));
        if (!m_db.open()) {
            const QSqlError err = m_db.lastError();
            Error e = db::Sql::errorFrom(
                err, QCoreApplication::translate("DbWorker", "connect to the database"));
            if (err.nativeErrorCode() == QLatin1String("1045"))
                e.message = QCoreApplication::translate(
                                "DbWorker", "Access denied for database user '%1' at %2:%3: "
                                            "check the database password.")
                                .arg(m_endpoint.user, m_endpoint.host)
                                .arg(m_endpoint.port);
            else if (err.nativeErrorCode() == QLatin1String("1049"))
                e.message =
                    QCoreApplication::translate("DbWorker", "The database '%1' does not exist.")
                        .arg(m_endpoint.database);
            e.code = e.code == QLatin1String("db.query") ? QStringLiteral("db.connect") : e.code;
            closeDb();
            return e;
        }
        QSqlQuery q(m_db);
        if (m_endpoint.tls) {
            // The driver falls back to plaintext silently when the server offers no TLS.
            QString cipher;
            if (q.exec(QStringLiteral("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) && q.next())
                cipher = q.value(1).toString();
            if (cipher.isEmpty()) {
                closeDb();
                return {QStringLiteral("db.tls.unencrypted"),
                        QCoreApplication::translate(
                            "DbWorker", "The connection to the database at %1:%2 is not "
                                        "encrypted, but the profile requires TLS.")
                            .arg(m_endpoint.host)
                            .arg(m_endpoint.port),
                        {}};
            }
            qCInfo(lcDb) << "database connection encrypted:" << cipher;
        }
        q.exec(QStringLiteral("SET NAMES utf8mb4"));
        qCInfo(lcDb) << "database connection open:" << m_endpoint.host << m_endpoint.port
                     << m_endpoint.database;
        return {};
    }

    void closeDb() {
        if (m_db.isValid()) {
            m_db.close();
            m_db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_name);
        }
    }

    bool alive() {
        if (!m_db.isValid() || !m_db.isOpen())
            return false;
        QSqlQuery q(m_db);
        return q.exec(QStringLiteral("SELECT 1"));
    }

    bool isOpen() const { return m_db.isValid() && m_db.isOpen(); }
    bool haveEndpoint() const { return m_haveEndpoint; }
    QSqlDatabase &db() { return m_db; }

private:
    static inline std::atomic<int> s_counter{0};
    QString m_name;
    QSqlDatabase m_db;
    DbEndpoint m_endpoint;
    bool m_haveEndpoint = false;
};

} // namespace detail

DbWorker::DbWorker(QObject *parent)
    : QObject(parent) {
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("db"));
    m_context = new detail::DbContext;
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
}

DbWorker::~DbWorker() {
    QThread *thread = m_thread;
    QMetaObject::invokeMethod(
        m_context, [ctx = m_context] { ctx->thread()->quit(); }, Qt::QueuedConnection);
    if (thread->wait(3000)) {
        delete thread;
    } else {
        qCWarning(lcDb) << "database job still running at destruction; it finishes on its own";
        connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    }
}

void DbWorker::post(std::function<void()> task) {
    QMetaObject::invokeMethod(m_context, std::move(task), Qt::QueuedConnection);
}

QFuture<Status> DbWorker::open(const DbEndpoint &endpoint) {
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> f = promise->future();
    post([ctx = m_context, endpoint, promise] {
        const Error e = ctx->open(endpoint);
        promise->addResult(e.code.isEmpty() ? Status() : Status(e));
        promise->finish();
    });
    return f;
}

QFuture<Status> DbWorker::close() {
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> f = promise->future();
    post([ctx = m_context, promise] {
        ctx->closeDb();
        promise->addResult(Status());
        promise->finish();
    });
    return f;
}

bool DbWorker::isConnectionError(const Error &error) {
    return error.code.startsWith(QLatin1String("db.connection"));
}

Error DbWorker::prepare(Ctx *ctx) {
    if (ctx->isOpen())
        return {};
    if (!ctx->haveEndpoint())
        return {QStringLiteral("db.notopen"),
                QCoreApplication::translate("DbWorker", "The database is not connected."),
                {}};
    return ctx->reopen();
}

Error DbWorker::begin(Ctx *ctx) {
    if (ctx->db().transaction())
        return {};
    Error e = db::Sql::errorFrom(ctx->db().lastError(),
                                 QCoreApplication::translate("DbWorker", "start a transaction"));
    // Nothing was sent yet: a dead connection may be reopened and the transaction begun again.
    if (isConnectionError(e) || !ctx->alive()) {
        e = ctx->reopen();
        if (!e.code.isEmpty())
            return e;
        if (ctx->db().transaction())
            return {};
        return db::Sql::errorFrom(ctx->db().lastError(),
                                  QCoreApplication::translate("DbWorker", "start a transaction"));
    }
    return e;
}

Error DbWorker::finishTransaction(Ctx *ctx, bool commit) {
    if (commit) {
        if (ctx->db().commit())
            return {};
        Error e = db::Sql::errorFrom(ctx->db().lastError(),
                                     QCoreApplication::translate("DbWorker", "save the change"));
        ctx->db().rollback();
        return e;
    }
    if (!ctx->db().rollback())
        qCWarning(lcDb) << "rollback failed:" << ctx->db().lastError().nativeErrorCode();
    return {};
}

Error DbWorker::reopenIfDead(Ctx *ctx, const Error &error) {
    if (!isConnectionError(error) && ctx->alive())
        return error; // a real failure of the statement: do not repeat
    qCInfo(lcDb) << "database connection lost; reopening";
    return ctx->reopen();
}

QSqlDatabase &DbWorker::database(Ctx *ctx) {
    return ctx->db();
}

} // namespace maildeck
