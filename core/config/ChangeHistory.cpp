#include "core/config/ChangeHistory.h"

#include "core/config/ChangeSetRunner.h"
#include "core/ssh/SshSession.h"
#include "core/ssh/Sudo.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QPromise>
#include <QRegularExpression>

#include <algorithm>
#include <memory>

namespace maildeck::config {

namespace {

template <class T> QFuture<Result<T>> ready(Result<T> r) {
    QPromise<Result<T>> p;
    p.start();
    p.addResult(std::move(r));
    p.finish();
    return p.future();
}

Error readError(const QString &detail) {
    return Error{QStringLiteral("changeset.history.read"),
                 QCoreApplication::translate("maildeck::config::ChangeHistory",
                                             "Could not read the change history on the server."),
                 detail};
}

// The note of a recorded change set with the failed steps of its journal.
QString failuresOf(const QByteArray &journal) {
    QStringList out;
    for (const QByteArray &raw : journal.split('\n')) {
        const ChangeSetRunner::JournalLine l = ChangeSetRunner::parseJournalLine(raw);
        if (l.kind == ChangeSetRunner::JournalLine::Kind::Fail)
            out.append(l.text.trimmed());
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

ChangeHistory::ChangeHistory(SshSession *session, const ServiceControl &control, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_control(control) {}

bool ChangeHistory::isValidId(const QString &id) {
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F-]{8,64}$"));
    return re.match(id).hasMatch();
}

QFuture<Result<QList<HistoryEntry>>> ChangeHistory::list() {
    if (!m_session)
        return ready<QList<HistoryEntry>>(readError(QStringLiteral("no session")));
    const QString dir = Sudo::shellQuote(m_control.changeHistoryDir());
    // One record after the other, separated by a line with the ASCII record separator.
    const QString cmd =
        QStringLiteral("[ -d %1 ] || exit 0; for f in %1/*.json; do [ -f \"$f\" ] || continue; "
                       "cat \"$f\"; printf '\\n\\036\\n'; done")
            .arg(dir);
    ExecOptions opts;
    opts.privileged = true;
    return m_session->runCommand(cmd, opts).then(
        this, [](Result<CommandOutput> out) -> Result<QList<HistoryEntry>> {
            if (!out)
                return readError(out.error().message);
            if (!out->succeeded())
                return readError(out->stderrText());
            QList<HistoryEntry> entries;
            for (const QByteArray &chunk : out->stdOut.split('\036')) {
                const QByteArray json = chunk.trimmed();
                if (json.isEmpty())
                    continue;
                const Result<ChangeSet> cs =
                    ChangeSet::fromJson(QJsonDocument::fromJson(json).object());
                if (!cs)
                    continue; // a damaged record does not hide the others
                HistoryEntry e;
                e.id = cs->id();
                e.title = cs->title();
                e.origin = cs->origin();
                e.revertOf = cs->revertOf();
                e.createdUtc = cs->createdUtc();
                e.finishedUtc = cs->finishedUtc();
                e.state = cs->state();
                e.author = cs->author();
                for (const FileEdit &edit : cs->edits())
                    e.paths.append(edit.path);
                entries.append(e);
            }
            std::sort(entries.begin(), entries.end(),
                      [](const HistoryEntry &a, const HistoryEntry &b) {
                          return a.createdUtc > b.createdUtc;
                      });
            QHash<QString, QString> revertedBy;
            for (const HistoryEntry &e : std::as_const(entries)) {
                if (!e.revertOf.isEmpty() && e.state == ChangeSet::State::Applied)
                    revertedBy.insert(e.revertOf, e.id);
            }
            for (HistoryEntry &e : entries)
                e.revertedBy = revertedBy.value(e.id);
            return entries;
        });
}

QFuture<Result<ChangeSet>> ChangeHistory::load(const QString &id) {
    if (!isValidId(id))
        return ready<ChangeSet>(Error{QStringLiteral("changeset.history.id"),
                                      tr("\"%1\" is not a change set id.").arg(id),
                                      {}});
    if (!m_session)
        return ready<ChangeSet>(readError(QStringLiteral("no session")));
    const QString base = m_control.changeHistoryDir() + QLatin1Char('/') + id;
    const QString cmd = QStringLiteral("[ -f %1 ] || exit 3; cat %1; printf '\\036'; cat %2 "
                                       "2>/dev/null; true")
                            .arg(Sudo::shellQuote(base + QStringLiteral(".json")),
                                 Sudo::shellQuote(base + QStringLiteral(".journal")));
    ExecOptions opts;
    opts.privileged = true;
    return m_session->runCommand(cmd, opts).then(
        this, [id](Result<CommandOutput> out) -> Result<ChangeSet> {
            if (!out)
                return readError(out.error().message);
            if (out->exitStatus == 3)
                return Error{QStringLiteral("changeset.history.missing"),
                             tr("The server's change history has no change set %1.").arg(id),
                             {}};
            if (!out->succeeded())
                return readError(out->stderrText());
            const qsizetype sep = out->stdOut.indexOf('\036');
            Result<ChangeSet> cs =
                ChangeSet::fromJson(QJsonDocument::fromJson(out->stdOut.left(sep)).object());
            if (!cs)
                return cs;
            const QString failures = failuresOf(sep >= 0 ? out->stdOut.mid(sep + 1) : QByteArray());
            if (!failures.isEmpty() && cs->state() != ChangeSet::State::Applied) {
                ChangeSet c = std::move(cs).value();
                c.setState(c.state(), c.finishedUtc(),
                           c.note().isEmpty() ? failures : c.note() + QLatin1Char('\n') + failures);
                return c;
            }
            return cs;
        });
}

QFuture<Result<ChangeSet>> ChangeHistory::planRevert(const QString &id) {
    auto promise = std::make_shared<QPromise<Result<ChangeSet>>>();
    promise->start();
    QFuture<Result<ChangeSet>> future = promise->future();
    load(id).then(this, [this, promise](Result<ChangeSet> cs) {
        auto done = [promise](Result<ChangeSet> r) {
            promise->addResult(std::move(r));
            promise->finish();
        };
        if (!cs)
            return done(cs);
        if (cs->state() != ChangeSet::State::Applied)
            return done(Error{
                QStringLiteral("changeset.revert.state"),
                tr("Change set %1 was not applied; there is nothing to revert.").arg(cs->id()),
                {}});
        Result<ChangeSet> rev = cs->reverted(QDateTime::currentDateTimeUtc());
        if (!rev || !m_session)
            return done(rev);
        // Each file must still hold exactly what the change set wrote.
        QString cmd;
        for (const FileEdit &e : rev->edits()) {
            cmd += QStringLiteral("printf '%s ' %1; { [ -f %1 ] && { sha256sum < %1 2>/dev/null "
                                  "|| sha256 -q < %1; } || echo missing; } | cut -d ' ' -f 1; ")
                       .arg(Sudo::shellQuote(e.path));
        }
        ExecOptions opts;
        opts.privileged = true;
        m_session->runCommand(cmd, opts).then(this, [done, rev](Result<CommandOutput> out) {
            if (!out)
                return done(readError(out.error().message));
            QStringList changed;
            const QList<QByteArray> lines = out->stdOut.split('\n');
            const QList<FileEdit> &edits = rev->edits();
            for (qsizetype i = 0; i < edits.size(); ++i) {
                const QByteArray got = i < lines.size()
                                           ? lines.at(i).mid(lines.at(i).lastIndexOf(' ') + 1)
                                           : QByteArray();
                if (QString::fromLatin1(got) != edits.at(i).oldSha256)
                    changed.append(edits.at(i).path);
            }
            if (!changed.isEmpty())
                return done(
                    Error{QStringLiteral("changeset.revert.changed"),
                          tr("Not reverted: %1 was changed on the server after this change set "
                             "(it no longer holds what the change set wrote).")
                              .arg(changed.join(QStringLiteral(", "))),
                          {}});
            done(rev);
        });
    });
    return future;
}

} // namespace maildeck::config
