#include "core/db/SqlSupport.h"

#include "core/common/Logging.h"

#include <QCryptographicHash>

#include <atomic>

namespace maildeck::db {

namespace {

std::function<QDateTime()> &clockHook() {
    static std::function<QDateTime()> hook;
    return hook;
}

std::atomic<quint64> g_savepointCounter{0};

} // namespace

Result<QSqlQuery> Sql::exec(QSqlDatabase &db, const QString &sql, const QVariantList &values,
                            const QString &what) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return errorFrom(query.lastError(), what);
    for (const QVariant &value : values) {
        // A null QString means "" here (the NOT NULL DEFAULT '' columns); SQL NULL is written
        // only for an invalid QVariant, i.e. Sql::null().
        if (value.metaType() == QMetaType::fromType<QString>() && value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
    if (!query.exec()) {
        qCDebug(lcDb) << "statement failed:" << what << query.lastError().nativeErrorCode();
        return errorFrom(query.lastError(), what);
    }
    return query;
}

Result<QSqlQuery> Sql::execForcingIndex(QSqlDatabase &db, const QString &sql, const QString &index,
                                        const QVariantList &values, const QString &what) {
    const QString marker = QStringLiteral("/*index*/");
    QString forced = sql;
    forced.replace(marker, QStringLiteral(" FORCE INDEX (") + index + QLatin1Char(')'));
    auto query = exec(db, forced, values, what);
    if (query || query.error().detail.indexOf(QLatin1String("MariaDB error 1176:")) != 0)
        return query;
    qCDebug(lcDb) << "no index" << index << "- querying without the hint:" << what;
    QString plain = sql;
    plain.remove(marker);
    return exec(db, plain, values, what);
}

Error Sql::errorFrom(const QSqlError &error, const QString &what) {
    const QString native = error.nativeErrorCode();
    const QString detail = native.isEmpty()
                               ? error.text()
                               : QStringLiteral("MariaDB error %1: %2").arg(native, error.text());
    if (native == QLatin1String("1062"))
        return {QStringLiteral("db.duplicate"),
                tr("Could not %1: the address or name already exists.").arg(what), detail};
    if (native == QLatin1String("1205") || native == QLatin1String("1213"))
        return {QStringLiteral("db.locked"),
                tr("Could not %1: another session is changing the same rows. Try again.").arg(what),
                detail};
    if (native == QLatin1String("1142") || native == QLatin1String("1044") ||
        native == QLatin1String("1045") || native == QLatin1String("1143"))
        return {QStringLiteral("db.denied"),
                tr("Could not %1: the database account is not allowed to do this.").arg(what),
                detail};
    if (native == QLatin1String("2006") || native == QLatin1String("2013") ||
        native == QLatin1String("2002") || native == QLatin1String("2003") ||
        error.type() == QSqlError::ConnectionError)
        return {QStringLiteral("db.connection"),
                tr("Could not %1: the connection to the database was lost.").arg(what), detail};
    return {QStringLiteral("db.query"),
            tr("Could not %1: the database refused the request.").arg(what), detail};
}

Result<QVariant> Sql::scalar(QSqlDatabase &db, const QString &sql, const QVariantList &values,
                             const QString &what, const QVariant &fallback) {
    auto query = exec(db, sql, values, what);
    if (!query)
        return query.error();
    if (query.value().next())
        return query.value().value(0);
    return fallback;
}

bool Sql::tableExists(QSqlDatabase &db, const QString &table) {
    auto count = scalar(db,
                        QStringLiteral("SELECT COUNT(*) FROM information_schema.tables "
                                       "WHERE table_schema = DATABASE() AND table_name = ?"),
                        {table}, QStringLiteral("check table"), 0);
    return count && count.value().toInt() > 0;
}

QDateTime Sql::nowUtc() {
    QDateTime now = clockHook() ? clockHook()() : QDateTime::currentDateTimeUtc();
    now = now.toUTC();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    return now;
}

void Sql::setClockForTesting(std::function<QDateTime()> clock) {
    clockHook() = std::move(clock);
}

QString Sql::toSqlDateTime(const QDateTime &utc) {
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QDateTime Sql::fromSqlDateTime(const QVariant &value) {
    if (value.isNull())
        return {};
    QDateTime dt = value.toDateTime();
    if (!dt.isValid()) {
        dt = QDateTime::fromString(value.toString(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (!dt.isValid())
            return {};
    }
    // The column holds a wall-clock value written as UTC; do not let the driver's local time
    // zone shift it.
    return QDateTime(dt.date(), dt.time(), Qt::UTC);
}

QDateTime Sql::fromSqlDateTimeText(const QVariant &value) {
    if (value.isNull())
        return {};
    const QString text = value.toString();
    // 'YYYY-MM-DD HH:MM:SS' (possibly with a fraction, ignored).
    if (text.size() < 19 || text.at(4) != QLatin1Char('-') || text.at(7) != QLatin1Char('-') ||
        text.at(10) != QLatin1Char(' ') || text.at(13) != QLatin1Char(':') ||
        text.at(16) != QLatin1Char(':'))
        return fromSqlDateTime(value);
    auto number = [&text](int from, int length, bool *ok) {
        int n = 0;
        for (int i = from; i < from + length; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c < u'0' || c > u'9') {
                *ok = false;
                return 0;
            }
            n = n * 10 + int(c - u'0');
        }
        return n;
    };
    bool ok = true;
    const QDate date(number(0, 4, &ok), number(5, 2, &ok), number(8, 2, &ok));
    const QTime time(number(11, 2, &ok), number(14, 2, &ok), number(17, 2, &ok));
    if (!ok || !date.isValid() || !time.isValid())
        return {}; // e.g. '0000-00-00 00:00:00', which the driver also reads as invalid
    return QDateTime(date, time, Qt::UTC);
}

QString Sql::dateTimeText(const QString &column) {
    return QStringLiteral("CAST(") + column + QStringLiteral(" AS CHAR)");
}

QByteArray Sql::version(const QStringList &values) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &value : values) {
        const QByteArray utf8 = value.toUtf8();
        const QByteArray length = QByteArray::number(utf8.size());
        hash.addData(length);
        hash.addData(QByteArrayView(":"));
        hash.addData(utf8);
    }
    return hash.result().toHex().left(32);
}

QString Sql::escapeLike(const QString &text) {
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

Error Sql::notFound(const QString &what) {
    return {QStringLiteral("db.notfound"), tr("%1 does not exist (any more).").arg(what), {}};
}

Error Sql::conflict(const QString &what) {
    return {QStringLiteral("db.conflict"),
            tr("%1 was changed by someone else since you opened it. Reload it and apply your "
               "change again.")
                .arg(what),
            {}};
}

Transaction::Transaction(QSqlDatabase &db)
    : m_db(db) {}

Transaction::~Transaction() {
    if (m_open)
        rollback();
}

Status Transaction::begin() {
    // MariaDB (>= 10.3) tells whether a transaction is already open; inside one, use a
    // savepoint so that the outer transaction still decides.
    bool nested = false;
    {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("SELECT @@in_transaction")) && query.next())
            nested = query.value(0).toInt() == 1;
    }
    if (nested) {
        m_savepoint = QStringLiteral("maildeck_sp_%1").arg(++g_savepointCounter);
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("SAVEPOINT ") + m_savepoint))
            return Sql::errorFrom(query.lastError(), tr("start a transaction"));
    } else if (!m_db.transaction()) {
        return Sql::errorFrom(m_db.lastError(), tr("start a transaction"));
    }
    m_open = true;
    return Status::success();
}

Status Transaction::commit() {
    if (!m_open)
        return Error{QStringLiteral("db.transaction"), tr("No transaction is open."), {}};
    if (!m_savepoint.isEmpty()) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint)) {
            Error error = Sql::errorFrom(query.lastError(), tr("save the change"));
            rollback();
            return error;
        }
    } else if (!m_db.commit()) {
        Error error = Sql::errorFrom(m_db.lastError(), tr("save the change"));
        rollback();
        return error;
    }
    m_open = false;
    return Status::success();
}

void Transaction::rollback() {
    if (!m_open)
        return;
    m_open = false;
    if (!m_savepoint.isEmpty()) {
        QSqlQuery query(m_db);
        query.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_savepoint);
        return;
    }
    if (!m_db.rollback())
        qCWarning(lcDb) << "rollback failed:" << m_db.lastError().nativeErrorCode();
}

} // namespace maildeck::db
