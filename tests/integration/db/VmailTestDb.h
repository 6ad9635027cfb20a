#pragma once

// Helpers for the vmail integration tests: connections to the lab's MariaDB (as vmailadmin,
// as the console uses it, and as vmail, as Postfix and Dovecot read it), the lab's Postfix
// lookup queries run verbatim, and unique names for the test's own domains.

#include "common/LabEnv.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QtTest/QTest>

namespace VmailTestDb {

// Opens a QMYSQL connection to the lab's vmail database. `who`: "admin" (vmailadmin) or
// "vmail" (the read-only account of Postfix and Dovecot).
inline QSqlDatabase open(const QString &connectionName,
                         const QString &who = QStringLiteral("admin")) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), connectionName);
    db.setHostName(QStringLiteral("127.0.0.1"));
    db.setPort(LabEnv::port("LAB_DB_PORT"));
    db.setDatabaseName(LabEnv::value("LAB_DB_NAME").isEmpty() ? QStringLiteral("vmail")
                                                              : LabEnv::value("LAB_DB_NAME"));
    if (who == QLatin1String("vmail")) {
        db.setUserName(LabEnv::value("LAB_DB_VMAIL_USER"));
        db.setPassword(LabEnv::value("LAB_DB_VMAIL_PASSWORD"));
    } else {
        db.setUserName(LabEnv::value("LAB_DB_ADMIN_USER"));
        db.setPassword(LabEnv::value("LAB_DB_ADMIN_PASSWORD"));
    }
    db.open();
    return db;
}

// A unique, valid domain name for this test run: t<time><random>-<tag>.dbtest.maildeck.test
inline QString uniqueDomain(const QString &tag) {
    return QStringLiteral("t%1%2-%3.dbtest.maildeck.test")
        .arg(QDateTime::currentMSecsSinceEpoch() % 100000000)
        .arg(QRandomGenerator::global()->bounded(1000))
        .arg(tag);
}

// Runs one of the lab's Postfix MySQL lookup tables (etc/postfix/mysql/<file>) for `key`, the
// way Postfix expands it: %s = key, %u = local part, %d = domain, %% = %. The values are
// bound, not pasted.
inline QStringList postfixLookup(QSqlDatabase &db, const QString &file, const QString &key) {
    QFile cf(LabEnv::value("LAB_POSTFIX_CONFIG_DIR") + QStringLiteral("/mysql/") + file);
    if (!cf.open(QIODevice::ReadOnly))
        return {QStringLiteral("<no such map file>")};
    QString query;
    for (const QString &line : QString::fromUtf8(cf.readAll()).split(QLatin1Char('\n'))) {
        static const QRegularExpression re(QStringLiteral("^\\s*query\\s*=\\s*(.*)$"));
        const auto m = re.match(line);
        if (m.hasMatch())
            query = m.captured(1);
    }
    const qsizetype at = key.lastIndexOf(QLatin1Char('@'));
    const QString local = at < 0 ? QString() : key.left(at);
    const QString domain = at < 0 ? key : key.mid(at + 1);
    QString sql;
    QVariantList binds;
    for (qsizetype i = 0; i < query.size(); ++i) {
        if (query.mid(i, 4) == QLatin1String("'%s'")) {
            sql += QLatin1Char('?');
            binds << key;
            i += 3;
        } else if (query.mid(i, 4) == QLatin1String("'%u'")) {
            sql += QLatin1Char('?');
            binds << local;
            i += 3;
        } else if (query.mid(i, 4) == QLatin1String("'%d'")) {
            sql += QLatin1Char('?');
            binds << domain;
            i += 3;
        } else if (query.mid(i, 2) == QLatin1String("%%")) {
            sql += QLatin1Char('%');
            i += 1;
        } else {
            sql += query.at(i);
        }
    }
    QSqlQuery q(db);
    if (!q.prepare(sql))
        return {QStringLiteral("<prepare failed: %1>").arg(q.lastError().text())};
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return {QStringLiteral("<exec failed: %1>").arg(q.lastError().text())};
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    out.sort();
    return out;
}

inline int count(QSqlDatabase &db, const QString &sql, const QVariantList &binds = {}) {
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}

inline bool execSql(QSqlDatabase &db, const QString &sql, const QVariantList &binds = {}) {
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    return q.exec();
}

// `doveadm auth test` against the lab's Dovecot: true when the password is accepted.
inline bool dovecotAuth(const QString &user, const QString &password, QString *output = nullptr) {
    QProcess p;
    p.start(QStringLiteral("doveadm"),
            {QStringLiteral("-c"), LabEnv::value("LAB_DOVECOT_CONFIG"), QStringLiteral("auth"),
             QStringLiteral("test"), user, password});
    p.waitForFinished(30000);
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    if (output)
        *output = out;
    return p.exitCode() == 0 && out.contains(QLatin1String("auth succeeded"));
}

} // namespace VmailTestDb
