#pragma once

// maildeck-cli as a script uses it: the built binary (MAILDECK_CLI) run with QProcess against the
// lab, with a profile in a temporary settings file, stdin not a terminal. What it does is checked
// with the test's own tools: its own QSqlDatabase, core's repositories, doveadm, mlmmj-list.

#include "../db/VmailTestDb.h"
#include "common/LabEnv.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <csignal>

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    QString describe() const {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
            .arg(code)
            .arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(err.left(2000)));
    }
};

class CliLab : public QObject {

protected:
    QTemporaryDir m_tmp;
    QString m_settings;
    QString m_tag = QString::number(QRandomGenerator::global()->bounded(100000000));
    QString m_domain;
    QSqlDatabase m_db;
    bool m_domainMade = false;
    QString m_language = QStringLiteral("en"); // LANGUAGE of the next runs

    // No ~/.ssh, no agent, English messages (unless m_language says otherwise).
    QProcessEnvironment environment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_tmp.path() + QStringLiteral("/home"));
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), m_language);
        return env;
    }

    // maildeck-cli with the test's settings file; stdin is a pipe (not a terminal).
    Run cli(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 120000) {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(MAILDECK_CLI),
                QStringList{QStringLiteral("--settings"), m_settings} + args);
        if (!p.waitForStarted(10000))
            return {};
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        Run r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = "timed out";
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    Run lab(const QStringList &args, const QByteArray &input = {}) {
        return cli(QStringList{QStringLiteral("--profile"), QStringLiteral("lab")} + args, input);
    }
    QString addr(const QString &local) const {
        return QStringLiteral("clitest-%1-%2@%3").arg(local, m_tag, m_domain);
    }
    void addProfile(const QString &name, const QString &knownHosts, const QStringList &extra = {}) {
        const Run r = cli(QStringList{QStringLiteral("profile"),
                                      QStringLiteral("add"),
                                      name,
                                      QStringLiteral("--host"),
                                      QStringLiteral("127.0.0.1"),
                                      QStringLiteral("--port"),
                                      LabEnv::value("LAB_SSH_PORT"),
                                      QStringLiteral("--user"),
                                      QStringLiteral("root"),
                                      QStringLiteral("--identity-file"),
                                      LabEnv::value("LAB_ROOT_KEY"),
                                      QStringLiteral("--known-hosts"),
                                      knownHosts,
                                      QStringLiteral("--db-port"),
                                      LabEnv::value("LAB_DB_PORT"),
                                      QStringLiteral("--db-user"),
                                      LabEnv::value("LAB_DB_ADMIN_USER"),
                                      QStringLiteral("--db-credentials-file"),
                                      LabEnv::value("LAB_DB_ADMIN_CNF"),
                                      QStringLiteral("--flavour"),
                                      QStringLiteral("lab"),
                                      QStringLiteral("--mlmmj-spool"),
                                      LabEnv::value("LAB_MLMMJ_SPOOL")} +
                          extra);
        QVERIFY2(r.code == 0, qPrintable(r.describe()));
    }
    // The lab's known_hosts copied (the CLI may write to it).
    QString knownHostsCopy(const QString &name) {
        const QString path = m_tmp.path() + QLatin1Char('/') + name;
        QFile::remove(path);
        if (!QFile::copy(LabEnv::value("LAB_KNOWN_HOSTS"), path))
            return {};
        QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }
    QString writeFile(const QString &name, const QByteArray &data) {
        const QString path = m_tmp.path() + QLatin1Char('/') + name;
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(data);
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    // The settings file with the profile "lab", and the test's own database connection.
    void setUp(const QString &connectionName) {
        LAB_REQUIRE();
        QVERIFY(m_tmp.isValid());
        QVERIFY(QDir().mkpath(m_tmp.path() + QStringLiteral("/home")));
        m_settings = m_tmp.path() + QStringLiteral("/settings.conf");
        m_domain = QStringLiteral("clitest-%1.maildeck.test").arg(m_tag);
        m_db = VmailTestDb::open(connectionName);
        QVERIFY2(m_db.isOpen(), qPrintable(m_db.lastError().text()));
        addProfile(QStringLiteral("lab"), knownHostsCopy(QStringLiteral("known_hosts")));
    }
    void closeDb(const QString &connectionName) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
    }
};
