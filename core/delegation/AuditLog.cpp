#include "core/delegation/AuditLog.h"

#include "core/db/SqlSupport.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace maildeck::delegation {

using db::Sql;

namespace {

QJsonObject parseObject(const QString &json) {
    if (json.isEmpty())
        return {};
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QVariant jsonOrNull(const QJsonObject &object) {
    if (object.isEmpty())
        return QVariant(); // SQL NULL (Sql::exec binds an invalid QVariant as NULL)
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QJsonObject AuditEntry::before() const {
    return parseObject(beforeJson);
}

QJsonObject AuditEntry::after() const {
    return parseObject(afterJson);
}

Result<QList<AuditEntry>> AuditLog::list(QSqlDatabase &db, const AuditFilter &filter) {
    QString sql = QStringLiteral("SELECT id, at, db_user, client, admin_username, domain, action, "
                                 "object, before_json, after_json "
                                 "FROM maildeck_delegation.audit_log WHERE 1 = 1");
    QVariantList values;
    if (!filter.adminUsername.isEmpty()) {
        sql += QStringLiteral(" AND admin_username = ?");
        values << filter.adminUsername.trimmed().toLower();
    }
    if (!filter.domain.isEmpty()) {
        sql += QStringLiteral(" AND domain = ?");
        values << filter.domain.trimmed().toLower();
    }
    if (!filter.action.isEmpty()) {
        if (filter.action.endsWith(QLatin1Char('.'))) {
            sql += QStringLiteral(" AND action LIKE ?");
            values << QString(Sql::escapeLike(filter.action) + QLatin1Char('%'));
        } else {
            sql += QStringLiteral(" AND action = ?");
            values << filter.action;
        }
    }
    if (filter.from.isValid()) {
        sql += QStringLiteral(" AND at >= ?");
        values << filter.from.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    }
    if (filter.to.isValid()) {
        sql += QStringLiteral(" AND at < ?");
        values << filter.to.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    }
    if (filter.beforeId > 0) {
        sql += QStringLiteral(" AND id < ?");
        values << filter.beforeId;
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT %1").arg(std::clamp(filter.limit, 1, 10000));
    auto q = Sql::exec(db, sql, values, tr("read the audit log"));
    if (!q)
        return q.error();
    QList<AuditEntry> rows;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        AuditEntry e;
        e.id = r.value(0).toLongLong();
        QDateTime at = r.value(1).toDateTime();
        e.at = QDateTime(at.date(), at.time(), Qt::UTC);
        e.dbUser = r.value(2).toString();
        e.client = r.value(3).toString();
        e.adminUsername = r.value(4).toString();
        e.domain = r.value(5).toString();
        e.action = r.value(6).toString();
        e.object = r.value(7).toString();
        e.beforeJson = r.value(8).toString();
        e.afterJson = r.value(9).toString();
        rows << e;
    }
    return rows;
}

Status AuditLog::record(QSqlDatabase &db, const QString &action, const QString &adminUsername,
                        const QString &domain, const QString &object, const QJsonObject &before,
                        const QJsonObject &after) {
    auto q =
        Sql::exec(db,
                  QStringLiteral("INSERT INTO maildeck_delegation.audit_log (at, db_user, "
                                 "client, admin_username, domain, action, object, "
                                 "before_json, after_json) VALUES (UTC_TIMESTAMP(6), "
                                 "LEFT(USER(), CHAR_LENGTH(USER()) - CHAR_LENGTH(SUBSTRING_INDEX("
                                 "USER(), '@', -1)) - 1), USER(), ?, ?, ?, ?, ?, ?)"),
                  {adminUsername, domain, action, object, jsonOrNull(before), jsonOrNull(after)},
                  tr("write the audit log"));
    if (!q)
        return q.error();
    return Status::success();
}

} // namespace maildeck::delegation
