#pragma once

#include "core/common/Result.h"
#include "core/config/ChangeSet.h"
#include "core/config/ServiceControl.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>

namespace maildeck {
class SshSession;
}

namespace maildeck::config {

// One change set in the server's history (the short form list() gives).
struct HistoryEntry {
    QString id;
    QString title;
    QString origin;     // ChangeSet::origin (untranslated)
    QString revertOf;   // ChangeSet::revertOf
    QString revertedBy; // the applied change set that reverted this one (filled by list())
    QDateTime createdUtc;
    QDateTime finishedUtc;
    ChangeSet::State state = ChangeSet::State::Planned;
    QString author; // "mdadmin@desktop", as recorded
    QStringList paths;
};

// The change history on the server: "<changeHistoryDir>/<id>.json" (ChangeSet::toJson, written
// by the transaction script itself, root 0700 directory) plus "<id>.journal" (the steps). Read
// with privileged commands through the session. Every method returns at once.
class ChangeHistory : public QObject {
    Q_OBJECT
public:
    ChangeHistory(SshSession *session, const ServiceControl &control, QObject *parent = nullptr);

    // Newest first, with revertedBy filled in. An absent history directory is an empty history.
    QFuture<Result<QList<HistoryEntry>>> list();
    // The whole record (old/new contents, diff, state; the note includes the failed step).
    QFuture<Result<ChangeSet>> load(const QString &id);
    // The plan that undoes an applied change set (ChangeSet::reverted with this server's
    // commands). Refuses ("changeset.revert.changed") when a file no longer holds what the change
    // set wrote, and ("changeset.revert.state") when it was not applied. Apply the result with
    // ChangeSetRunner.
    QFuture<Result<ChangeSet>> planRevert(const QString &id);

    static bool isValidId(const QString &id);

private:
    QPointer<SshSession> m_session;
    ServiceControl m_control;
};

} // namespace maildeck::config
