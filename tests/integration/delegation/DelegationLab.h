#pragma once

// Helpers for the delegation integration tests: a privileged connection (root over the lab's
// unix socket), connections and `mysql` command-line runs with a delegated admin's own
// credentials (TCP 127.0.0.1:LAB_DB_PORT), and fingerprints of vmail rows to prove that
// nothing outside the admin's domains changed.

#include "common/LabEnv.h"

#include <QJsonArray>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace DelegationLab {

inline QSqlDatabase openRoot(const QString &connectionName) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), connectionName);
    db.setUserName(QStringLiteral("root"));
    db.setConnectOptions(QStringLiteral("UNIX_SOCKET=") + LabEnv::value("LAB_DB_SOCKET"));
    db.open();
    return db;
}

// A delegated admin's own connection, as MailDeck would make it through the SSH forward.
inline QSqlDatabase openAs(const QString &connectionName, const QString &user,
                           const QString &password) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), connectionName);
    db.setHostName(QStringLiteral("127.0.0.1"));
    db.setPort(LabEnv::port("LAB_DB_PORT"));
    db.setUserName(user);
    db.setPassword(password);
    db.open();
    return db;
}

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
    bool ok() const { return exitCode == 0; }
};

// `mysql -h127.0.0.1 -P… -u… --batch -e sql`; the password goes through MYSQL_PWD so it shows
// in no process list.
inline CliResult mysqlCli(const QString &user, const QString &password, const QString &sql) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MYSQL_PWD"), password);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("mysql"),
            {QStringLiteral("-h127.0.0.1"), QStringLiteral("-P") + LabEnv::value("LAB_DB_PORT"),
             QStringLiteral("-u") + user, QStringLiteral("--batch"),
             QStringLiteral("--skip-column-names"),
             QStringLiteral("--default-character-set=utf8mb4"), QStringLiteral("-e"), sql});
    CliResult r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timeout");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// A SQL string literal for the mysql client (default sql_mode: backslash escapes).
inline QString literal(const QString &text) {
    QString out = QStringLiteral("'");
    for (QChar c : text) {
        if (c == QLatin1Char('\''))
            out += QStringLiteral("''");
        else if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else if (c == QChar(0))
            out += QStringLiteral("\\0");
        else
            out += c;
    }
    return out + QLatin1Char('\'');
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

inline bool exec(QSqlDatabase &db, const QString &sql, const QVariantList &binds = {},
                 QString *error = nullptr) {
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    const bool ok = q.exec();
    if (!ok && error)
        *error = q.lastError().text();
    return ok;
}

inline QStringList seedDomains() {
    QStringList out;
    const QJsonArray domains = LabEnv::manifest().value(QStringLiteral("domains")).toArray();
    for (const auto &d : domains)
        out << d.toObject().value(QStringLiteral("domain")).toString();
    return out;
}

// Per vmail table: row count and a checksum of every column of the rows that belong to
// `domains` (rows of other domains pointing into them, such as a forwarding to an address there,
// belong to the other domain; Dovecot-managed tables — used_quota, last_login, share_folder,
// anyone_shares — are left out: the lab's Dovecot writes them whenever another test logs in).
inline QMap<QString, QString> fingerprint(QSqlDatabase &root, const QStringList &domains) {
    QMap<QString, QString> out;
    QStringList quoted;
    for (const QString &d : domains)
        quoted << literal(d);
    const QString scope = QLatin1Char('(') + quoted.join(QLatin1Char(',')) + QLatin1Char(')');
    QSqlQuery tables(root);
    tables.exec(QStringLiteral("SELECT TABLE_NAME FROM information_schema.TABLES WHERE "
                               "TABLE_SCHEMA = 'vmail' AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1"));
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const QString &table : names) {
        if (table == QLatin1String("used_quota") || table == QLatin1String("last_login") ||
            table == QLatin1String("share_folder") || table == QLatin1String("anyone_shares"))
            continue;
        QSqlQuery cols(root);
        cols.exec(QStringLiteral("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE "
                                 "TABLE_SCHEMA = 'vmail' AND TABLE_NAME = '%1' ORDER BY "
                                 "ORDINAL_POSITION")
                      .arg(table));
        QStringList columns;
        while (cols.next())
            columns << QStringLiteral("COALESCE(`%1`, '<NULL>')").arg(cols.value(0).toString());
        QString filter;
        if (table == QLatin1String("domain_admins"))
            filter = QStringLiteral("domain IN %1 OR SUBSTRING_INDEX(username, '@', -1) IN %1")
                         .arg(scope);
        else if (table == QLatin1String("admin"))
            filter = QStringLiteral("SUBSTRING_INDEX(username, '@', -1) IN %1 OR username IN "
                                    "('globaladmin@maildeck.test')")
                         .arg(scope);
        else if (table == QLatin1String("alias_domain"))
            filter = QStringLiteral("target_domain IN %1 OR alias_domain IN %1").arg(scope);
        else if (table == QLatin1String("sender_relayhost"))
            filter = QStringLiteral("SUBSTRING_INDEX(account, '@', -1) IN %1").arg(scope);
        else
            filter = QStringLiteral("domain IN %1").arg(scope);
        QSqlQuery q(root);
        const QString sql = QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS(0x1f, "
                                           "%1))), 0), COALESCE(BIT_XOR(CRC32(CONCAT_WS(0x1e, "
                                           "%1))), 0) FROM vmail.`%2` WHERE %3")
                                .arg(columns.join(QLatin1String(", ")), table, filter);
        if (!q.exec(sql) || !q.next()) {
            out.insert(table, QStringLiteral("error: ") + q.lastError().text());
            continue;
        }
        out.insert(table,
                   QStringLiteral("%1/%2/%3")
                       .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString()));
    }
    return out;
}

// The structure of the vmail schema (every table's definition without its AUTO_INCREMENT
// counter, and its triggers, views and routines) and the grants of iRedMail's own accounts:
// what installing and removing delegation must never change. Unlike row checksums of shared
// domains, this is not disturbed by other tests writing rows at the same time.
inline QMap<QString, QString> structure(QSqlDatabase &root) {
    QMap<QString, QString> out;
    QSqlQuery tables(root);
    tables.exec(QStringLiteral("SELECT TABLE_NAME FROM information_schema.TABLES WHERE "
                               "TABLE_SCHEMA = 'vmail' ORDER BY 1"));
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    static const QRegularExpression counter(QStringLiteral(" AUTO_INCREMENT=\\d+"));
    for (const QString &table : names) {
        QSqlQuery q(root);
        if (q.exec(QStringLiteral("SHOW CREATE TABLE vmail.`%1`").arg(table)) && q.next())
            out.insert(QStringLiteral("table ") + table, q.value(1).toString().remove(counter));
        else
            out.insert(QStringLiteral("table ") + table, QStringLiteral("error"));
    }
    for (const QString &sql :
         {QStringLiteral("SELECT GROUP_CONCAT(TRIGGER_NAME, ACTION_STATEMENT ORDER BY 1) FROM "
                         "information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'vmail'"),
          QStringLiteral("SELECT GROUP_CONCAT(ROUTINE_NAME ORDER BY 1) FROM "
                         "information_schema.ROUTINES WHERE ROUTINE_SCHEMA = 'vmail'"),
          QStringLiteral("SELECT GROUP_CONCAT(CONCAT_WS('|', Host, User, Db, Select_priv, "
                         "Insert_priv, Update_priv, Delete_priv) ORDER BY 1) FROM mysql.db "
                         "WHERE Db = 'vmail'"),
          QStringLiteral("SELECT GROUP_CONCAT(CONCAT_WS('|', Host, User, Table_name, Table_priv) "
                         "ORDER BY 1) FROM mysql.tables_priv WHERE Db = 'vmail' AND User <> "
                         "'maildeck_definer'")}) {
        QSqlQuery q(root);
        out.insert(sql.left(40),
                   q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("error"));
    }
    return out;
}

// Checksums of the seed rows the attacks aim at (the admin's own seed rows, another domain's
// mailbox, the global admins), row by row. Other tests add rows to the seed domains while
// this one runs, so the seed is checked object by object, not table by table.
inline QMap<QString, QString> seedObjects(QSqlDatabase &root) {
    const QStringList queries = {
        QStringLiteral("SELECT * FROM vmail.domain WHERE domain IN ('example01.test', "
                       "'example02.test', 'example03.test') ORDER BY domain"),
        QStringLiteral("SELECT * FROM vmail.mailbox WHERE username IN "
                       "('ursularobinson@example01.test', 'postmaster@example01.test', "
                       "'isaacbernard@example02.test') ORDER BY username"),
        QStringLiteral("SELECT * FROM vmail.forwardings WHERE address IN "
                       "('ursularobinson@example01.test', 'postmaster@example01.test', "
                       "'isaacbernard@example02.test') ORDER BY id"),
        QStringLiteral("SELECT * FROM vmail.domain_admins WHERE username IN "
                       "('postmaster@example01.test', 'isaacbernard@example02.test', "
                       "'globaladmin@maildeck.test') ORDER BY username, domain"),
        QStringLiteral("SELECT * FROM vmail.admin WHERE username = 'globaladmin@maildeck.test'"),
        QStringLiteral("SELECT * FROM vmail.alias WHERE domain IN ('example01.test', "
                       "'example02.test') AND address NOT LIKE 'mdtest%' ORDER BY address"),
    };
    QMap<QString, QString> out;
    for (const QString &sql : queries) {
        QSqlQuery q(root);
        QStringList rows;
        if (!q.exec(sql)) {
            out.insert(sql, QStringLiteral("error: ") + q.lastError().text());
            continue;
        }
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values << (q.value(i).isNull() ? QStringLiteral("<NULL>") : q.value(i).toString());
            rows << values.join(QLatin1Char(0x1f));
        }
        out.insert(sql.left(60), QString::number(rows.size()) + QLatin1Char(':') +
                                     QString::number(qHash(rows.join(QLatin1Char('\n')))));
    }
    return out;
}

// Differences between two fingerprints, for a readable failure message.
inline QString diff(const QMap<QString, QString> &a, const QMap<QString, QString> &b) {
    QStringList out;
    for (auto it = a.cbegin(); it != a.cend(); ++it)
        if (b.value(it.key()) != it.value())
            out << it.key() + QLatin1Char(':') + it.value() + QStringLiteral(" -> ") +
                       b.value(it.key());
    for (auto it = b.cbegin(); it != b.cend(); ++it)
        if (!a.contains(it.key()))
            out << it.key() + QStringLiteral(": new");
    return out.join(QLatin1String("; "));
}

} // namespace DelegationLab
