#pragma once

#include "core/common/Result.h"
#include "core/config/ChangeSet.h"
#include "core/config/ServiceControl.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace maildeck {
class SshSession;
}

namespace maildeck::config {

// Applies a ChangeSet on the server through an SshSession, all-or-nothing, without blocking the
// calling (GUI) thread:
//
//   auto *runner = new ChangeSetRunner(conn->ssh(), ServiceControl::fromProfile(profile), this);
//   connect(runner, &ChangeSetRunner::stepStarted, this, &Page::markRunning);
//   connect(runner, &ChangeSetRunner::stepFinished, this, &Page::markDone);
//   runner->apply(changeSet).then(this, [](Result<ChangeSet> r) { … r->state() … });
//
// How: the new contents and one generated POSIX sh transaction script are uploaded (privileged
// `cat >`, sha256 checked) to a root-only staging directory "<changeHistoryDir>/run/<id>". The
// script is started detached (setsid nohup), so a dropped SSH connection does not stop it. In
// order it verifies every live file still has oldSha256, stages and validates the new files,
// writes the temp files (mode/owner of the live file), backs up, installs (atomic mv), reloads
// and post-checks; any failure after the first install puts the backups back (atomic mv) and
// reloads again. It appends `<index> begin|ok|fail <text>` lines to "<run dir>/journal" and ends
// with `done applied|rolled-back|failed`; it writes the history record
// "<changeHistoryDir>/<id>.json" (and "<id>.journal") itself.
//
// Journal indexes: 0 … steps().size()-1 are ChangeSet::steps(); steps().size() + i is
// ChangeSet::rollbackSteps()[i].
//
// The runner polls the journal (~100 ms) and emits stepStarted/stepFinished. After a dropped
// connection it reconnects (the session does that on the next command) and reads the same
// journal on, so the final state is always the script's. cancel() before the first Install
// stops cleanly (nothing changed, state Failed "cancelled"); after it, it asks the script to
// roll back (state RolledBack).
class ChangeSetRunner : public QObject {
    Q_OBJECT
public:
    ChangeSetRunner(SshSession *session, const ServiceControl &control, QObject *parent = nullptr);
    ~ChangeSetRunner() override;

    // Starts applying (one apply per runner at a time: a second call while running fails with
    // "changeset.runner.busy"). The result is the change set with state Applied, Failed or
    // RolledBack and a note (what failed, the command's stderr). An error result means the
    // outcome could not be learnt (e.g. the server stayed unreachable): the journal on the
    // server still has it — resume(id) reads it later.
    QFuture<Result<ChangeSet>> apply(const ChangeSet &changeSet);
    // Follows a change set whose script already runs or ran (e.g. after the app restarted).
    QFuture<Result<ChangeSet>> resume(const ChangeSet &changeSet);
    void cancel();

    bool isRunning() const;
    // The steps of the change set being applied (journal index order, rollback steps after).
    QList<PlanStep> journalSteps() const;

    // How long the runner keeps trying to reconnect after the connection dropped (default 60 s).
    void setReconnectTimeout(int ms) { m_reconnectTimeoutMs = ms; }
    void setPollInterval(int ms) { m_pollMs = ms; }

    // The run directory of a change set on the server.
    static QString runDirFor(const ServiceControl &control, const QString &id);
    // The generated transaction script (pure; tests check its quoting). runDir holds
    // "new-<n>" (edit n's content), "script.sh", "journal", "stage/".
    static QByteArray transactionScript(const ChangeSet &changeSet, const ServiceControl &control,
                                        const QString &runDir);

    // One parsed journal line.
    struct JournalLine {
        enum class Kind { Begin, Ok, Fail, Done, Invalid };
        Kind kind = Kind::Invalid;
        int index = -1;
        QString text; // the step's output or message; for Done: "applied" / "rolled-back" / …
    };
    static JournalLine parseJournalLine(const QByteArray &line);

Q_SIGNALS:
    void stepStarted(int index, const maildeck::config::PlanStep &step);
    void stepFinished(int index, bool ok, const QString &output);
    void rollingBack(const QString &reason);
    void connectionLost();
    void reconnected();
    void finished(const maildeck::config::ChangeSet &result);

private:
    struct Run;
    QFuture<Result<ChangeSet>> resume(const ChangeSet &changeSet, bool onlyFollow);
    void upload(int n);
    void startScript();
    void poll();
    void handleJournal(const QByteArray &data);
    void finish(const QString &outcome);
    void fail(const Error &error);
    void pollFailed(const Error &error);

    QPointer<SshSession> m_session;
    ServiceControl m_control;
    std::unique_ptr<Run> m_run;
    int m_reconnectTimeoutMs = 60000;
    int m_pollMs = 100;
};

} // namespace maildeck::config
