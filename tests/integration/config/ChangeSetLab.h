#pragma once

// Shared by the change-set lab tests: an SSH session to the lab as root, the lab's
// ServiceControl, local checks of the lab's files (the tests run on the lab machine as root) and
// putting files back byte-identical.

#include "common/LabConfigLock.h"
#include "common/LabEnv.h"
#include "core/config/ChangeHistory.h"
#include "core/config/ChangeSetRunner.h"
#include "core/config/ServiceControl.h"
#include "core/ssh/SshSession.h"
#include "integration/ssh/TestPrompter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

namespace labcs {

using namespace maildeck;
using namespace maildeck::config;

inline QString env(const char *name) {
    return LabEnv::value(name);
}

inline QString mainCf() {
    return env("LAB_POSTFIX_CONFIG_DIR") + QStringLiteral("/main.cf");
}
inline QString dovecotConf() {
    return env("LAB_DOVECOT_CONFIG");
}
inline QString settingsPy() {
    return env("LAB_IREDAPD_DIR") + QStringLiteral("/settings.py");
}
inline QString historyDir() {
    return env("LAB_ROOT") + QStringLiteral("/var/lib/maildeck/changes");
}

// The lab profile's paths, as tests/lab/lab registers them.
inline ServiceControl labControl() {
    ServerPaths p = ServerPaths::defaultsFor(ServerFlavour::Lab);
    p.postfixConfigDir = env("LAB_POSTFIX_CONFIG_DIR");
    p.dovecotConfig = env("LAB_DOVECOT_CONFIG");
    p.iredapdSettings = settingsPy();
    p.postfixCommand = QStringLiteral("postfix -c ") + p.postfixConfigDir;
    p.dovecotCommand = QStringLiteral("dovecot -c ") + p.dovecotConfig;
    p.iredapdRestartCommand =
        QStringLiteral("kill -HUP \"$(cat %1)\"").arg(env("LAB_POLICY_PIDFILE"));
    p.iredapdStatusCommand = QStringLiteral("kill -0 \"$(cat %1)\"").arg(env("LAB_POLICY_PIDFILE"));
    p.changeHistoryDir = historyDir();
    return ServiceControl(ServerFlavour::Lab, p);
}

inline SshConfig rootConfig(const QString &sshDir) {
    SshConfig c;
    c.profileName = QStringLiteral("lab");
    c.host = QStringLiteral("127.0.0.1");
    c.port = LabEnv::port("LAB_SSH_PORT");
    c.user = QStringLiteral("root");
    c.identityFile = env("LAB_ROOT_KEY");
    c.knownHostsFile = env("LAB_KNOWN_HOSTS");
    c.sshConfigFile = QStringLiteral("none");
    c.sshDir = sshDir;
    c.useAgent = false;
    c.timeoutSeconds = 10;
    return c;
}

inline QByteArray readLocal(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QString sha(const QByteArray &d) {
    return QString::fromLatin1(QCryptographicHash::hash(d, QCryptographicHash::Sha256).toHex());
}

// Runs a local command (the lab's binaries), returns exit status; output in *out.
inline int sh(const QString &cmd, QByteArray *out = nullptr) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), cmd});
    if (!p.waitForFinished(30000))
        return -1;
    if (out)
        *out = p.readAll().trimmed();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

inline QString q(const QString &s) {
    QString o = s;
    o.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + o + QLatin1Char('\'');
}

inline bool postfixRuns() {
    return sh(QStringLiteral("postfix -c %1 status").arg(q(env("LAB_POSTFIX_CONFIG_DIR")))) == 0;
}
inline bool dovecotRuns() {
    return sh(QStringLiteral("kill -0 \"$(cat %1/run/dovecot/master.pid)\"")
                  .arg(env("LAB_ROOT"))) == 0;
}
inline bool iredapdRuns() {
    return sh(QStringLiteral("kill -0 \"$(cat %1)\"").arg(env("LAB_POLICY_PIDFILE"))) == 0;
}

// Puts a file back byte-identical (keeping its inode's mode and owner) and reloads its service.
inline void restore(const QString &path, const QByteArray &content) {
    if (readLocal(path) == content)
        return;
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(content);
    f.close();
    if (path == mainCf())
        sh(QStringLiteral("postfix -c %1 reload").arg(q(env("LAB_POSTFIX_CONFIG_DIR"))));
    else if (path == settingsPy())
        sh(QStringLiteral("kill -HUP \"$(cat %1)\"").arg(env("LAB_POLICY_PIDFILE")));
    else
        sh(QStringLiteral("dovecot -c %1 reload").arg(q(env("LAB_DOVECOT_CONFIG"))));
}

// Files MailDeck left next to a live file: temp files always count, backups when asked.
inline QStringList leftovers(const QString &path, bool withBackups) {
    const QFileInfo fi(path);
    QStringList out;
    for (const QString &name : QDir(fi.absolutePath()).entryList(QDir::Files | QDir::Hidden)) {
        if (!name.startsWith(fi.fileName() + QStringLiteral(".maildeck-")))
            continue;
        if (name.endsWith(QStringLiteral(".bak")) && !withBackups)
            continue;
        out.append(name);
    }
    return out;
}

inline void removeBackups(const QString &path) {
    const QFileInfo fi(path);
    for (const QString &name : leftovers(path, true))
        QFile::remove(fi.absolutePath() + QLatin1Char('/') + name);
}

// Waits for an apply (event loop running).
inline std::optional<Result<ChangeSet>> applyAndWait(ChangeSetRunner &runner, const ChangeSet &cs,
                                                     int timeoutMs = 60000) {
    return awaitFuture(runner.apply(cs), timeoutMs);
}

// The outcome the script wrote ("applied", "rolled-back", "failed"), from the kept journal.
inline QString journalOutcome(const QString &id) {
    const QList<QByteArray> lines =
        readLocal(historyDir() + QLatin1Char('/') + id + QStringLiteral(".journal"))
            .trimmed()
            .split('\n');
    if (lines.isEmpty() || !lines.last().startsWith("done "))
        return {};
    return QString::fromUtf8(lines.last().mid(5));
}

inline QString stateKey(ChangeSet::State s) {
    switch (s) {
    case ChangeSet::State::Applied:
        return QStringLiteral("applied");
    case ChangeSet::State::RolledBack:
        return QStringLiteral("rolled-back");
    case ChangeSet::State::Failed:
        return QStringLiteral("failed");
    case ChangeSet::State::Planned:
        break;
    }
    return QStringLiteral("planned");
}

inline QString randomTag() {
    return QString::number(QRandomGenerator::global()->bounded(100000, 999999));
}

} // namespace labcs
