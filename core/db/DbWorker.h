#pragma once

#include "core/common/Result.h"
#include "core/db/DbEndpoint.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QSqlDatabase>

#include <concepts>
#include <functional>
#include <memory>
#include <type_traits>

class QThread;

namespace maildeck {

namespace detail {
class DbContext;
}

// One database connection, owned by one worker thread. Jobs are plain synchronous functions
// `Result<X> f(QSqlDatabase &)` (or `Status f(QSqlDatabase &)`) run in that thread, one after
// another, in the order they were submitted; results come back as QFutures:
//
//   auto worker = new DbWorker(this);
//   worker->open(endpoint).then(this, [](Status s) { … });
//   worker->run([](QSqlDatabase &db) { return DomainRepository::list(db); })
//       .then(this, [this](Result<QList<DomainSummary>> r) { … });
//   worker->runInTransaction([=](QSqlDatabase &db) { return MailboxRepository::create(db, …); });
//
// A lost connection (MariaDB 2006/2013, or a dropped SSH tunnel) is reopened once; run() then
// repeats the job (so use it for reads and for jobs that are safe to repeat), runInTransaction()
// repeats only when the connection was found dead before the transaction began.
class DbWorker : public QObject {
    Q_OBJECT
public:
    explicit DbWorker(QObject *parent = nullptr);
    ~DbWorker() override; // closes the connection; waits at most ~3 s for a running job

    // Opens (or reopens with new settings) the connection in the worker thread.
    QFuture<Status> open(const DbEndpoint &endpoint);
    QFuture<Status> close();

    enum class Retry { IfConnectionLost, Never };

    template <class T>
    QFuture<Result<T>> run(std::function<Result<T>(QSqlDatabase &)> job,
                           Retry retry = Retry::IfConnectionLost) {
        return submit<Result<T>>(std::move(job), false, retry);
    }
    template <class F>
    requires std::invocable<F &, QSqlDatabase &>
    auto run(F job, Retry retry = Retry::IfConnectionLost)
        -> QFuture<std::invoke_result_t<F &, QSqlDatabase &>> {
        using R = std::invoke_result_t<F &, QSqlDatabase &>;
        return submit<R>(std::function<R(QSqlDatabase &)>(std::move(job)), false, retry);
    }

    // BEGIN; job; COMMIT when it returned ok, ROLLBACK otherwise (and on a failed COMMIT).
    template <class T>
    QFuture<Result<T>> runInTransaction(std::function<Result<T>(QSqlDatabase &)> job) {
        return submit<Result<T>>(std::move(job), true, Retry::Never);
    }
    template <class F>
    requires std::invocable<F &, QSqlDatabase &>
    auto runInTransaction(F job) -> QFuture<std::invoke_result_t<F &, QSqlDatabase &>> {
        using R = std::invoke_result_t<F &, QSqlDatabase &>;
        return submit<R>(std::function<R(QSqlDatabase &)>(std::move(job)), true, Retry::Never);
    }

    // Whether an error means the connection (not the statement) failed.
    static bool isConnectionError(const Error &error);

private:
    // Steps run in the worker thread; each returns an Error with an empty code on success.
    // They get the context, never `this`: a job may outlive the DbWorker by a little.
    using Ctx = detail::DbContext;
    static Error prepare(Ctx *ctx); // open if needed
    static Error begin(Ctx *ctx);   // start a transaction (reopen once if dead)
    static Error finishTransaction(Ctx *ctx, bool commit);   // commit or roll back
    static Error reopenIfDead(Ctx *ctx, const Error &error); // empty code: reopened, may repeat
    static QSqlDatabase &database(Ctx *ctx);
    void post(std::function<void()> task);

    template <class R>
    QFuture<R> submit(std::function<R(QSqlDatabase &)> job, bool transaction, Retry retry) {
        auto promise = std::make_shared<QPromise<R>>();
        promise->start();
        QFuture<R> future = promise->future();
        post([ctx = m_context, promise, job = std::move(job), transaction, retry]() {
            if (promise->isCanceled()) {
                promise->finish();
                return;
            }
            auto deliver = [&](R r) {
                promise->addResult(std::move(r));
                promise->finish();
            };
            Error e = prepare(ctx);
            if (!e.code.isEmpty())
                return deliver(R(e));
            if (transaction) {
                e = begin(ctx);
                if (!e.code.isEmpty())
                    return deliver(R(e));
                R r = job(database(ctx));
                e = finishTransaction(ctx, r.ok());
                if (r.ok() && !e.code.isEmpty())
                    return deliver(R(e));
                return deliver(std::move(r));
            }
            R r = job(database(ctx));
            if (!r.ok() && retry == Retry::IfConnectionLost) {
                e = reopenIfDead(ctx, r.error());
                if (e.code.isEmpty())
                    r = job(database(ctx));
            }
            deliver(std::move(r));
        });
        return future;
    }

    QThread *m_thread = nullptr;
    detail::DbContext *m_context = nullptr; // lives in m_thread
};

} // namespace maildeck
