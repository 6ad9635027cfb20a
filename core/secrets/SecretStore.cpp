#include "core/secrets/SecretStore.h"

#include "core/common/Logging.h"

#include <QPromise>
#include <qt6keychain/keychain.h>

#include <memory>

namespace maildeck {

namespace {
bool isUnavailable(QKeychain::Error e) {
    return e == QKeychain::NoBackendAvailable || e == QKeychain::NotImplemented;
}
} // namespace

SecretStore::SecretStore(QObject *parent, const QString &service)
    : QObject(parent)
    , m_service(service) {}

QString SecretStore::key(const QString &profile, const QString &kind) {
    return QStringLiteral("profile/") + profile + QLatin1Char('/') + kind;
}

// Jobs have no parent: QtKeychain's libsecret backend calls back into a job after its operation
// ends, so a job must never be deleted early (it deletes itself when finished). If the store is
// gone by then, the connection is gone too and the future is cancelled.
QFuture<SecretLookup> SecretStore::read(const QString &profile, const QString &kind) {
    auto promise = std::make_shared<QPromise<SecretLookup>>();
    promise->start();
    QFuture<SecretLookup> f = promise->future();
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key(profile, kind));
    connect(job, &QKeychain::Job::finished, this, [this, promise, job](QKeychain::Job *) {
        SecretLookup r;
        const QKeychain::Error e = job->error();
        if (e == QKeychain::NoError) {
            r.state = SecretLookup::State::Found;
            r.secret = job->textData();
        } else if (e == QKeychain::EntryNotFound) {
            r.state = SecretLookup::State::NotFound;
        } else if (isUnavailable(e)) {
            m_unavailable = true;
            r.state = SecretLookup::State::NoKeychain;
            r.message = tr("No keychain is available on this desktop: MailDeck asks for passwords "
                           "each time and stores none.");
        } else {
            r.state = SecretLookup::State::Failed;
            r.message = tr("The keychain did not give the password: %1").arg(job->errorString());
        }
        qCDebug(lcProfiles) << "keychain read" << job->key() << "state" << int(r.state);
        promise->addResult(r);
        promise->finish();
    });
    job->start();
    return f;
}

QFuture<Status> SecretStore::write(const QString &profile, const QString &kind,
                                   const QString &secret) {
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> f = promise->future();
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key(profile, kind));
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, promise, job](QKeychain::Job *) {
        const QKeychain::Error e = job->error();
        if (e == QKeychain::NoError) {
            promise->addResult(Status());
        } else if (isUnavailable(e)) {
            m_unavailable = true;
            promise->addResult(Status(Error{QStringLiteral("secrets.nokeychain"),
                                            tr("No keychain is available on this desktop; the "
                                               "password was not stored."),
                                            job->errorString()}));
        } else {
            promise->addResult(Status(
                Error{QStringLiteral("secrets.write"),
                      tr("The keychain did not store the password: %1").arg(job->errorString()),
                      {}}));
        }
        promise->finish();
    });
    job->start();
    return f;
}

QFuture<Status> SecretStore::remove(const QString &profile, const QString &kind) {
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> f = promise->future();
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key(profile, kind));
    connect(job, &QKeychain::Job::finished, this, [this, promise, job](QKeychain::Job *) {
        const QKeychain::Error e = job->error();
        if (e == QKeychain::NoError || e == QKeychain::EntryNotFound) {
            promise->addResult(Status());
        } else if (isUnavailable(e)) {
            m_unavailable = true;
            promise->addResult(Status()); // nothing can be stored there, so nothing is left
        } else {
            promise->addResult(Status(
                Error{QStringLiteral("secrets.delete"),
                      tr("The keychain did not delete the password: %1").arg(job->errorString()),
                      {}}));
        }
        promise->finish();
    });
    job->start();
    return f;
}

} // namespace maildeck
