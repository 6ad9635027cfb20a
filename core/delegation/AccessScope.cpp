#include "core/delegation/AccessScope.h"

#include "core/db/SqlSupport.h"

#include <QHash>
#include <QMutex>
#include <QSqlQuery>

namespace maildeck::delegation {

namespace {

QMutex g_mutex;
QHash<QString, ScopeInfo> g_scopes; // by connectionKey()

QString connectionKey(const QSqlDatabase &db) {
    return db.connectionName() + QLatin1Char('\x1f') + db.userName() + QLatin1Char('\x1f') +
           db.hostName() + QLatin1Char('\x1f') + QString::number(db.port());
}

bool readable(QSqlDatabase &db, const QString &sql, QSqlError *error, QSqlQuery *out = nullptr) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        *error = q.lastError();
        return false;
    }
    if (out)
        *out = std::move(q);
    return true;
}

bool isConnectionFailure(const QSqlError &error) {
    const int code = error.nativeErrorCode().toInt();
    return code == 2006 || code == 2013 || code == 2002 || code == 2003 || code == 2055;
}

} // namespace

Result<ScopeInfo> AccessScope::detect(QSqlDatabase &db) {
    ScopeInfo info;
    QSqlError error;
    if (readable(db, QStringLiteral("SELECT 1 FROM vmail.domain LIMIT 0"), &error)) {
        info.access = Access::Global;
    } else {
        if (isConnectionFailure(error))
            return db::Sql::errorFrom(error, tr("find out what this account may manage"));
        QSqlQuery me;
        if (readable(db,
                     QStringLiteral("SELECT admin_username, db_user FROM maildeck_delegation.v_me"),
                     &error, &me)) {
            info.access = Access::Delegated;
            if (me.next()) {
                info.adminUsername = me.value(0).toString();
                info.dbUser = me.value(1).toString();
            }
        } else if (isConnectionFailure(error)) {
            return db::Sql::errorFrom(error, tr("find out what this account may manage"));
        }
    }
    QMutexLocker lock(&g_mutex);
    g_scopes.insert(connectionKey(db), info);
    return info;
}

ScopeInfo AccessScope::of(QSqlDatabase &db) {
    {
        QMutexLocker lock(&g_mutex);
        auto it = g_scopes.constFind(connectionKey(db));
        if (it != g_scopes.constEnd())
            return *it;
    }
    auto detected = detect(db);
    return detected ? *detected : ScopeInfo{};
}

void AccessScope::forget(QSqlDatabase &db) {
    QMutexLocker lock(&g_mutex);
    g_scopes.remove(connectionKey(db));
}

Error AccessScope::notOffered(const QString &what) {
    return Error{QStringLiteral("delegation.not_offered"),
                 tr("A domain administrator cannot %1; ask the server's administrator.").arg(what),
                 {}};
}

} // namespace maildeck::delegation
