#pragma once

// Small helpers shared by the vmail repositories: prepared statements with positional
// bindings, SQL errors turned into Error values, UTC timestamps as iRedAdmin writes them,
// version tokens, and an all-or-nothing transaction guard.
//
// Everything here is synchronous and works on the QSqlDatabase passed in; the caller (the
// DB worker thread) owns the connection.

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

#include <functional>

namespace maildeck::db {

class Sql {
    Q_DECLARE_TR_FUNCTIONS(Sql)

public:
    // Prepares `sql` (with `?` placeholders), binds `values` in order and executes it. Never
    // builds SQL from values. `what` names the action for the error message ("list domains").
    // A null QString is bound as '' (iRedMail's columns are NOT NULL DEFAULT ''); bind
    // Sql::null() for SQL NULL.
    static Result<QSqlQuery> exec(QSqlDatabase &db, const QString &sql, const QVariantList &values,
                                  const QString &what);

    // Like exec(), for a SELECT whose `sql` holds the marker "/*index*/" right after a table
    // name: runs it with FORCE INDEX (`index`) there, and without the hint should the server
    // have no such index (error 1176; the stock iRedMail schema has it, a customised one may
    // not). MariaDB picks a full scan over INDEX (domain) once a domain holds a tenth of the
    // rows, which is 4x slower than the index for one large domain.
    static Result<QSqlQuery> execForcingIndex(QSqlDatabase &db, const QString &sql,
                                              const QString &index, const QVariantList &values,
                                              const QString &what);

    // Error codes: "db.duplicate" (1062), "db.locked" (1205/1213), "db.connection"
    // (2006/2013/…), "db.denied" (1142/1044/1045), otherwise "db.query".
    static Error errorFrom(const QSqlError &error, const QString &what);

    // First column of the first row, or `fallback` when there is no row.
    static Result<QVariant> scalar(QSqlDatabase &db, const QString &sql, const QVariantList &values,
                                   const QString &what, const QVariant &fallback = {});

    // Whether a table exists in the connection's current database.
    static bool tableExists(QSqlDatabase &db, const QString &table);

    // Current time in UTC, seconds precision; replaceable in tests.
    static QDateTime nowUtc();
    static void setClockForTesting(std::function<QDateTime()> clock);
    // 'YYYY-MM-DD HH:MM:SS' as iRedAdmin writes (iredutils.get_gmttime()).
    static QString toSqlDateTime(const QDateTime &utc);
    // A DATETIME column read through QMYSQL, taken as UTC.
    static QDateTime fromSqlDateTime(const QVariant &value);
    // A DATETIME column selected as text (dateTimeText()), taken as UTC; parsed without going
    // through local time, which costs a time-zone lookup per value in the driver.
    static QDateTime fromSqlDateTimeText(const QVariant &value);
    // `column` as 'YYYY-MM-DD HH:MM:SS' text, for fromSqlDateTimeText().
    static QString dateTimeText(const QString &column);

    // An opaque version token of a row (hash of its values in order).
    static QByteArray version(const QStringList &values);

    // Escapes % _ and \ for a LIKE pattern (with the default escape character).
    static QString escapeLike(const QString &text);

    // SQL NULL as a bound value.
    static QVariant null() { return QVariant(); }

    static Error notFound(const QString &what);
    static Error conflict(const QString &what);
};

// All-or-nothing: begins a transaction (or a savepoint when the connection is already inside
// one, so that a caller's transaction still decides) and rolls back on destruction unless
// commit() succeeded.
class Transaction {
    Q_DECLARE_TR_FUNCTIONS(Transaction)

public:
    explicit Transaction(QSqlDatabase &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Status begin();
    Status commit();
    void rollback();

private:
    QSqlDatabase &m_db;
    QString m_savepoint;
    bool m_open = false;
};

} // namespace maildeck::db
