#include "core/config/ChangeSetRunner.h"

#include "core/ssh/SshSession.h"
#include "core/ssh/Sudo.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QJsonDocument>
#include <QPromise>

namespace maildeck::config {

namespace {

QString q(const QString &s) {
    return Sudo::shellQuote(s);
}

// The script's fixed part: helpers every step uses. Each writes the step's output to $OUT.
const char kScriptHead[] = R"SH(
PATH="$PATH:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"; export PATH
umask 077
trap '' HUP PIPE
J="$RUN/journal"
OUT="$RUN/out"
mkdir "$RUN/started" 2>/dev/null || exit 0
echo $$ > "$RUN/pid"
INSTALLED=0
STEP=
# One journal line; the text with backslashes doubled and line ends as \n (last 4000 bytes).
enc() { tail -c 4000 | tr -d '\r' | sed 's/\\/\\\\/g' | awk '{ printf "%s%s", (NR > 1 ? "\\n" : ""), $0 }'; }
j() { printf '%s\n' "$1" >> "$J"; }
begin() { STEP=$1; : > "$OUT"; j "$1 begin"; }
ok() { j "$STEP ok $(enc < "$OUT")"; }
fail() { j "$STEP fail $( { printf '%s\n' "$1"; cat "$OUT"; } | enc)"; }
cancelled() { [ -e "$RUN/cancel" ]; }
sha() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum < "$1" | cut -d ' ' -f 1
  elif command -v sha256 >/dev/null 2>&1; then sha256 -q < "$1"
  else openssl dgst -sha256 -r < "$1" | cut -d ' ' -f 1; fi
}
# stdin to stdout with every occurrence of the literal string $1 replaced by $2.
repl() {
  F="$1" T="$2" awk 'BEGIN { f = ENVIRON["F"]; t = ENVIRON["T"] }
    { s = $0; o = ""; while (f != "" && (i = index(s, f)) > 0) { o = o substr(s, 1, i - 1) t; s = substr(s, i + length(f)) } print o s }'
}
run() { sh -c "$1" > "$OUT" 2>&1; }
verify() { # live file, sha256 it must have
  [ -f "$1" ] && [ "$(sha "$1")" = "$2" ]
}
stage_copy() { # live dir, staged dir, 1 = rewrite absolute references to the live dir
  rm -rf "$2" && mkdir -p "$RUN/stage" && cp -a "$1" "$2" > "$OUT" 2>&1 || return 1
  [ "$3" = 1 ] || return 0
  grep -rlF -- "$1/" "$2" 2>/dev/null | while IFS= read -r f; do
    repl "$1/" "$2/" < "$f" > "$f.maildeck-rw" && cat "$f.maildeck-rw" > "$f"; rm -f "$f.maildeck-rw"
  done
}
stage_write() { # new content, staged file, live dir, staged dir, 1 = rewrite
  if [ "$5" = 1 ]; then repl "$3/" "$4/" < "$1" > "$2"; else cat "$1" > "$2"; fi
}
write_temp() { # live file, temp file, new content, its sha256
  rm -f "$2" && cp -p "$1" "$2" && cat "$3" > "$2" && [ "$(sha "$2")" = "$4" ]
}
validate() { # command, baseline command ("" = no warnings check), staged dir, live dir
  sh -c "$1" > "$RUN/stdout" 2> "$OUT" || { tail -c 2000 "$RUN/stdout" >> "$OUT"; return 1; }
  [ -n "$2" ] || return 0
  sh -c "$2" > /dev/null 2> "$RUN/base"
  grep -i 'warning' "$RUN/base" > "$RUN/base.w"
  grep -i 'warning' "$OUT" | repl "$3" "$4" > "$RUN/new.w"
  if grep -vxF -f "$RUN/base.w" "$RUN/new.w" > "$RUN/added.w"; then
    { printf '%s\n' "$NEWWARN"; cat "$RUN/added.w"; } >> "$OUT"
    return 1
  fi
  return 0
}
check() { # command, 1 = compare stdout with $3; tries for up to 10 s (services starting)
  n=0
  while :; do
    if [ "$2" = 1 ]; then
      got=$(sh -c "$1" 2> "$OUT") && printf '%s\n' "$got" >> "$OUT" && [ "$got" = "$3" ] && return 0
    else
      run "$1" && return 0
    fi
    n=$((n + 1))
    # A running check waits up to 10 s for a restarting service; a value does not change.
    if [ "$2" = 1 ]; then [ $n -ge 3 ] && return 1; else [ $n -ge 20 ] && return 1; fi
    sleep 0.5 2>/dev/null || sleep 1
  done
}
finish() { # applied | rolled-back | failed
  j "done $1"
  if [ -f "$RUN/record-$1.json" ]; then
    cp "$RUN/record-$1.json" "$HIST/$ID.json.tmp" && mv -f "$HIST/$ID.json.tmp" "$HIST/$ID.json"
  fi
  cp "$J" "$HIST/$ID.journal.tmp" && mv -f "$HIST/$ID.journal.tmp" "$HIST/$ID.journal"
  rm -rf "$RUN"
  exit 0
}
)SH";

QStringList substituted(const QStringList &argv, const QString &stage, const QString &temp) {
    QStringList out;
    for (QString a : argv) {
        a.replace(QLatin1String("{stage}"), stage);
        if (!temp.isEmpty())
            a.replace(QLatin1String("{temp}"), temp);
        out.append(a);
    }
    return out;
}

QString line(const QStringList &argv) {
    PlannedCommand c;
    c.argv = argv;
    return c.shellLine();
}

const FileEdit *editFor(const ChangeSet &cs, const QString &path) {
    for (const FileEdit &e : cs.edits()) {
        if (e.path == path)
            return &e;
    }
    return nullptr;
}

QString decodeJournalText(const QByteArray &raw) {
    const QString s = QString::fromUtf8(raw);
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i) == QLatin1Char('\\') && i + 1 < s.size()) {
            const QChar n = s.at(++i);
            out.append(n == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : n);
        } else {
            out.append(s.at(i));
        }
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------

QString ChangeSetRunner::runDirFor(const ServiceControl &control, const QString &id) {
    return control.changeHistoryDir() + QStringLiteral("/run/") + id;
}

QByteArray ChangeSetRunner::transactionScript(const ChangeSet &cs, const ServiceControl &control,
                                              const QString &runDir) {
    const QString stage = runDir + QStringLiteral("/stage");
    QString s = QStringLiteral("#!/bin/sh\n# MailDeck change set %1 (generated: runs detached, "
                               "writes its journal)\n")
                    .arg(cs.id());
    s += QStringLiteral("RUN=%1\nHIST=%2\nID=%3\nNEWWARN=%4\n")
             .arg(q(runDir), q(control.changeHistoryDir()), q(cs.id()), q(tr("New warnings:")));
    s += QString::fromUtf8(kScriptHead);

    const QList<FileEdit> &edits = cs.edits();
    auto contentOf = [&](const QString &path) {
        for (qsizetype i = 0; i < edits.size(); ++i) {
            if (edits.at(i).path == path)
                return q(runDir + QStringLiteral("/new-") + QString::number(i));
        }
        return QString();
    };

    // Cleanup before anything is installed: temp files and the staging directory.
    s += QStringLiteral("cleanup() {\n  rm -rf \"$RUN/stage\"\n");
    for (const FileEdit &e : edits)
        s += QStringLiteral("  rm -f %1\n").arg(q(e.tempPath));
    s += QStringLiteral("}\n");

    // Rollback: every installed file back from its backup (copy next to it, atomic rename).
    const QList<PlanStep> steps = cs.steps();
    const QList<PlanStep> rollback = cs.rollbackSteps();
    s += QStringLiteral("rollback() {\n  RB=0\n");
    for (qsizetype i = 0; i < rollback.size(); ++i) {
        const PlanStep &st = rollback.at(i);
        const QString idx = QString::number(steps.size() + i);
        const QString cmd = q(st.command ? st.command->shellLine() : QStringLiteral("true"));
        const QString body = st.kind == PlanStep::Kind::PostCheck
                                 ? QStringLiteral("check %1 0").arg(cmd)
                                 : QStringLiteral("run %1").arg(cmd);
        s += QStringLiteral("  begin %1\n  if %2; then ok; else fail %3; RB=1; fi\n")
                 .arg(idx, body, q(st.description));
    }
    s += QStringLiteral("  cleanup\n  if [ $RB = 0 ]; then finish rolled-back; else finish "
                        "failed; fi\n}\n");
    s += QStringLiteral("stop() {\n  if [ \"$INSTALLED\" = 1 ]; then rollback; else cleanup; "
                        "finish failed; fi\n}\n");
    s += QStringLiteral(": > \"$J\"\n");

    const QString cancelledText = q(tr("Cancelled."));
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const PlanStep &st = steps.at(i);
        const FileEdit *e = editFor(cs, st.path);
        QString body;
        QString failText = st.description;
        switch (st.kind) {
        case PlanStep::Kind::VerifyUnchanged:
            body = QStringLiteral("verify %1 %2").arg(q(e->path), q(e->oldSha256));
            failText = tr("%1 was changed on the server since it was read; nothing was changed.")
                           .arg(e->path);
            break;
        case PlanStep::Kind::Stage: {
            const bool dovecot = e->kind == ConfigFileKind::Dovecot;
            const QString root = ChangeSet::configRootFor(*e);
            const QString stageDir =
                substituted({ChangeSet::stageDirFor(*e)}, stage, {}).constFirst();
            if (st.command) {
                body = QStringLiteral("stage_copy %1 %2 %3")
                           .arg(q(root), q(stageDir),
                                dovecot ? QStringLiteral("1") : QStringLiteral("0"));
            } else {
                body =
                    QStringLiteral("stage_write %1 %2 %3 %4 %5")
                        .arg(contentOf(e->path),
                             q(substituted({ChangeSet::stagedPathFor(*e)}, stage, {}).constFirst()),
                             q(root), q(stageDir),
                             dovecot ? QStringLiteral("1") : QStringLiteral("0"));
            }
            break;
        }
        case PlanStep::Kind::WriteTemp:
            body = QStringLiteral("write_temp %1 %2 %3 %4")
                       .arg(q(e->path), q(e->tempPath), contentOf(e->path),
                            q(ChangeSet::sha256Hex(e->newContent)));
            break;
        case PlanStep::Kind::Validate: {
            const PlannedCommand &c = *st.command;
            const QString temp = e ? e->tempPath : QString();
            const QString cmd = line(substituted(c.argv, stage, temp));
            QString base, stageDir, root;
            if (c.failOnNewWarnings && !c.baselineArgv.isEmpty()) {
                base = line(substituted(c.baselineArgv, stage, temp));
                if (e) {
                    stageDir = substituted({ChangeSet::stageDirFor(*e)}, stage, {}).constFirst();
                    root = ChangeSet::configRootFor(*e);
                }
            }
            body =
                QStringLiteral("validate %1 %2 %3 %4").arg(q(cmd), q(base), q(stageDir), q(root));
            failText = tr("Validation failed: %1").arg(st.description);
            break;
        }
        case PlanStep::Kind::Backup:
        case PlanStep::Kind::Reload:
            body = QStringLiteral("run %1").arg(q(st.command->shellLine()));
            break;
        case PlanStep::Kind::Install:
            s += QStringLiteral("INSTALLED=1\n");
            body = QStringLiteral("run %1").arg(q(st.command->shellLine()));
            break;
        case PlanStep::Kind::PostCheck: {
            const PlannedCommand &c = *st.command;
            body = c.expectStdout ? QStringLiteral("check %1 1 %2")
                                        .arg(q(c.shellLine()), q(c.expectStdout->trimmed()))
                                  : QStringLiteral("check %1 0").arg(q(c.shellLine()));
            break;
        }
        }
        s += QStringLiteral("begin %1\nif cancelled; then fail %2; stop; fi\n"
                            "if %3; then ok; else fail %4; stop; fi\n")
                 .arg(QString::number(i), cancelledText, body, q(failText));
    }
    s += QStringLiteral("cleanup\nfinish applied\n");
    return s.toUtf8();
}

ChangeSetRunner::JournalLine ChangeSetRunner::parseJournalLine(const QByteArray &raw) {
    JournalLine l;
    QByteArray text = raw;
    if (text.endsWith('\n'))
        text.chop(1);
    if (text.startsWith("done ")) {
        l.kind = JournalLine::Kind::Done;
        l.text = QString::fromUtf8(text.mid(5));
        return l;
    }
    const qsizetype sp1 = text.indexOf(' ');
    if (sp1 <= 0)
        return l;
    bool ok = false;
    l.index = text.left(sp1).toInt(&ok);
    if (!ok || l.index < 0)
        return {};
    qsizetype sp2 = text.indexOf(' ', sp1 + 1);
    const QByteArray word = text.mid(sp1 + 1, sp2 < 0 ? -1 : sp2 - sp1 - 1);
    if (word == "begin")
        l.kind = JournalLine::Kind::Begin;
    else if (word == "ok")
        l.kind = JournalLine::Kind::Ok;
    else if (word == "fail")
        l.kind = JournalLine::Kind::Fail;
    else
        return {};
    if (sp2 > 0)
        l.text = decodeJournalText(text.mid(sp2 + 1));
    return l;
}

// ---------------------------------------------------------------------------------------------

struct ChangeSetRunner::Run {
    ChangeSet changeSet;
    QList<PlanStep> steps; // steps() then rollbackSteps()
    qsizetype stepCount = 0;
    QString runDir;
    std::shared_ptr<QPromise<Result<ChangeSet>>> promise;
    QList<QPair<QString, QByteArray>> uploads;
    bool started = false;   // the start command was sent
    bool cancelled = false; // cancel() was called
    bool lost = false;      // the connection dropped; polling until it is back
    bool done = false;
    qint64 offset = 0; // journal bytes read
    QByteArray partial;
    QString firstFailure;
    QElapsedTimer sinceContact; // since the last successful poll
    QElapsedTimer sinceStart;   // since the start command
    int starts = 0;
    bool polling = false;
};

ChangeSetRunner::ChangeSetRunner(SshSession *session, const ServiceControl &control,
                                 QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_control(control) {}

ChangeSetRunner::~ChangeSetRunner() {
    if (m_run && !m_run->done) {
        m_run->promise->addResult(Result<ChangeSet>(Error{
            QStringLiteral("changeset.runner.gone"),
            tr("MailDeck stopped following the change; its outcome is in the server's history."),
            {}}));
        m_run->promise->finish();
    }
}

bool ChangeSetRunner::isRunning() const {
    return m_run && !m_run->done;
}

QList<PlanStep> ChangeSetRunner::journalSteps() const {
    return m_run ? m_run->steps : QList<PlanStep>{};
}

QFuture<Result<ChangeSet>> ChangeSetRunner::apply(const ChangeSet &changeSet) {
    return resume(changeSet, false);
}

QFuture<Result<ChangeSet>> ChangeSetRunner::resume(const ChangeSet &changeSet) {
    return resume(changeSet, true);
}

QFuture<Result<ChangeSet>> ChangeSetRunner::resume(const ChangeSet &changeSet, bool onlyFollow) {
    auto promise = std::make_shared<QPromise<Result<ChangeSet>>>();
    promise->start();
    QFuture<Result<ChangeSet>> future = promise->future();
    if (isRunning() || !m_session) {
        promise->addResult(Result<ChangeSet>(
            Error{QStringLiteral("changeset.runner.busy"),
                  m_session ? tr("Another change is being applied.") : tr("Not connected."),
                  {}}));
        promise->finish();
        return future;
    }
    m_run = std::make_unique<Run>();
    Run &r = *m_run;
    r.changeSet = changeSet;
    r.steps = changeSet.steps();
    r.stepCount = r.steps.size();
    r.steps += changeSet.rollbackSteps();
    r.runDir = runDirFor(m_control, changeSet.id());
    r.promise = promise;
    if (onlyFollow) {
        r.started = true;
        r.starts = 1;
        r.sinceStart.start();
        r.sinceContact.start();
        poll();
        return future;
    }

    // The records the script puts into the history (it picks one by outcome).
    ChangeSet record = changeSet;
    record.setAuthor(
        QStringLiteral("%1@%2").arg(m_session->remoteUser(), QHostInfo::localHostName()));
    r.changeSet.setAuthor(record.author());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < changeSet.edits().size(); ++i)
        r.uploads.append({QStringLiteral("new-%1").arg(i), changeSet.edits().at(i).newContent});
    record.setState(ChangeSet::State::Applied, now);
    r.uploads.append({QStringLiteral("record-applied.json"),
                      QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact)});
    record.setState(
        ChangeSet::State::RolledBack, now,
        tr("A step failed after the files were replaced; the old files were put back."));
    r.uploads.append({QStringLiteral("record-rolled-back.json"),
                      QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact)});
    record.setState(ChangeSet::State::Failed, now,
                    tr("A check failed before anything was replaced; nothing was changed."));
    r.uploads.append({QStringLiteral("record-failed.json"),
                      QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact)});
    r.uploads.append(
        {QStringLiteral("script.sh"), transactionScript(changeSet, m_control, r.runDir)});

    upload(0);
    return future;
}

// One command: the root-only directories, every file from one stdin stream (cut out of a
// bundle file by offset), and their sha256 sums, which must be what was sent.
void ChangeSetRunner::upload(int) {
    Run &r = *m_run;
    const QString hist = m_control.changeHistoryDir();
    const QString bundle = q(r.runDir + QStringLiteral("/bundle"));
    QString cmd = QStringLiteral("umask 077 && install -d -m 700 %1 %2 && install -d -m 700 %3 && "
                                 "cat > %4 || exit 1\n")
                      .arg(q(hist), q(hist + QStringLiteral("/run")), q(r.runDir), bundle);
    cmd += QStringLiteral(
        "sha() { if command -v sha256sum >/dev/null 2>&1; then sha256sum < \"$1\" | cut -d ' ' "
        "-f 1; elif command -v sha256 >/dev/null 2>&1; then sha256 -q < \"$1\"; else openssl "
        "dgst -sha256 -r < \"$1\" | cut -d ' ' -f 1; fi; }\n");
    QByteArray data;
    QStringList expected;
    for (const auto &[name, content] : std::as_const(r.uploads)) {
        const QString path = q(r.runDir + QLatin1Char('/') + name);
        cmd += QStringLiteral("tail -c +%1 %2 | head -c %3 > %4 && sha %4 || exit 1\n")
                   .arg(QString::number(data.size() + 1), bundle, QString::number(content.size()),
                        path);
        data += content;
        expected.append(ChangeSet::sha256Hex(content));
    }
    cmd += QStringLiteral("rm -f %1\n").arg(bundle);
    ExecOptions opts;
    opts.privileged = true;
    opts.stdinData = data;
    m_session->runCommand(cmd, opts).then(this, [this, expected](Result<CommandOutput> out) {
        if (!m_run || m_run->done)
            return;
        Run &r = *m_run;
        const QStringList got =
            out ? out->stdoutText().split(QLatin1Char('\n'), Qt::SkipEmptyParts) : QStringList();
        if (!out || !out->succeeded() || got != expected) {
            fail(Error{QStringLiteral("changeset.upload"),
                       tr("Uploading the new files to the server failed; nothing was changed."),
                       out ? out->stderrText() : out.error().message});
            return;
        }
        if (r.cancelled) {
            ExecOptions rm;
            rm.privileged = true;
            m_session->runCommand(QStringLiteral("rm -rf ") + q(r.runDir), rm);
            finish(QStringLiteral("cancelled"));
            return;
        }
        startScript();
    });
}

void ChangeSetRunner::startScript() {
    Run &r = *m_run;
    const QString script = q(r.runDir + QStringLiteral("/script.sh"));
    const QString log = q(r.runDir + QStringLiteral("/script.log"));
    // Detached: its own session, no terminal, stdio to a file, so a dropped SSH connection
    // (and the sshd processes dying with it) does not stop it. mkdir "started" in the script
    // makes a second start a no-op.
    const QString cmd =
        QStringLiteral("cd / && if command -v setsid >/dev/null 2>&1; then setsid nohup sh %1 "
                       "</dev/null >>%2 2>&1 & else nohup sh %1 </dev/null >>%2 2>&1 & fi")
            .arg(script, log);
    ExecOptions opts;
    opts.privileged = true;
    r.started = true;
    ++r.starts;
    r.sinceStart.start();
    r.sinceContact.start();
    m_session->runCommand(cmd, opts).then(this, [this](Result<CommandOutput>) {
        // Whether or not the answer arrived (the connection may drop right now), the journal
        // tells what happened.
        if (m_run && !m_run->done && !m_run->polling)
            poll();
    });
}

void ChangeSetRunner::cancel() {
    if (!isRunning())
        return;
    m_run->cancelled = true;
    if (m_run->started && m_session) {
        ExecOptions opts;
        opts.privileged = true;
        m_session->runCommand(QStringLiteral("[ -d %1 ] && touch %1/cancel").arg(q(m_run->runDir)),
                              opts);
    }
}

void ChangeSetRunner::poll() {
    if (!m_run || m_run->done || !m_session)
        return;
    Run &r = *m_run;
    r.polling = true;
    const QString journal = q(r.runDir + QStringLiteral("/journal"));
    const QString kept = q(m_control.changeHistoryDir() + QLatin1Char('/') + r.changeSet.id() +
                           QStringLiteral(".journal"));
    const QString cmd = QStringLiteral("f=%1; [ -f \"$f\" ] || f=%2; [ -f \"$f\" ] || exit 3; "
                                       "tail -c +%3 \"$f\"")
                            .arg(journal, kept, QString::number(r.offset + 1));
    ExecOptions opts;
    opts.privileged = true;
    opts.timeoutMs = 15000;
    m_session->runCommand(cmd, opts).then(this, [this](Result<CommandOutput> out) {
        if (!m_run || m_run->done)
            return;
        Run &r = *m_run;
        r.polling = false;
        if (!out) {
            pollFailed(out.error());
            return;
        }
        r.sinceContact.start();
        if (r.lost) {
            r.lost = false;
            Q_EMIT reconnected();
        }
        if (out->exitStatus == 3) {
            // No journal yet: the start may have been lost with the connection.
            if (r.sinceStart.elapsed() > 5000 && r.starts < 3 && !r.cancelled) {
                startScript();
                return;
            }
            if (r.sinceStart.elapsed() > 30000) {
                fail(Error{QStringLiteral("changeset.start"),
                           tr("The change could not be started on the server."),
                           {}});
                return;
            }
        } else if (out->succeeded()) {
            r.offset += out->stdOut.size();
            handleJournal(out->stdOut);
            if (r.done)
                return;
        }
        QTimer::singleShot(m_pollMs, this, &ChangeSetRunner::poll);
    });
}

void ChangeSetRunner::pollFailed(const Error &error) {
    Run &r = *m_run;
    if (!r.lost) {
        r.lost = true;
        Q_EMIT connectionLost();
    }
    if (r.sinceContact.elapsed() > m_reconnectTimeoutMs) {
        fail(Error{QStringLiteral("changeset.unknown"),
                   tr("The connection to the server was lost while the change was being applied. "
                      "It goes on on the server; its outcome will be in the change history."),
                   error.message});
        return;
    }
    // The session reconnects on the next command.
    QTimer::singleShot(std::max(m_pollMs, 500), this, &ChangeSetRunner::poll);
}

void ChangeSetRunner::handleJournal(const QByteArray &data) {
    Run &r = *m_run;
    r.partial += data;
    qsizetype nl;
    while (!r.done && (nl = r.partial.indexOf('\n')) >= 0) {
        const QByteArray raw = r.partial.left(nl);
        r.partial.remove(0, nl + 1);
        const JournalLine l = parseJournalLine(raw);
        const bool known = l.index >= 0 && l.index < r.steps.size();
        switch (l.kind) {
        case JournalLine::Kind::Begin:
            if (known) {
                if (l.index == r.stepCount)
                    Q_EMIT rollingBack(r.firstFailure);
                Q_EMIT stepStarted(l.index, r.steps.at(l.index));
            }
            break;
        case JournalLine::Kind::Ok:
            if (known)
                Q_EMIT stepFinished(l.index, true, l.text);
            break;
        case JournalLine::Kind::Fail:
            if (r.firstFailure.isEmpty())
                r.firstFailure = l.text;
            if (known)
                Q_EMIT stepFinished(l.index, false, l.text);
            break;
        case JournalLine::Kind::Done:
            finish(l.text);
            break;
        case JournalLine::Kind::Invalid:
            break;
        }
    }
}

void ChangeSetRunner::finish(const QString &outcome) {
    Run &r = *m_run;
    r.done = true;
    ChangeSet cs = r.changeSet;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (outcome == QLatin1String("applied")) {
        cs.setState(ChangeSet::State::Applied, now);
    } else if (outcome == QLatin1String("rolled-back")) {
        cs.setState(ChangeSet::State::RolledBack, now,
                    tr("The change was undone: %1").arg(r.firstFailure));
    } else if (outcome == QLatin1String("cancelled")) {
        cs.setState(ChangeSet::State::Failed, now, tr("Cancelled; nothing was changed."));
    } else {
        cs.setState(ChangeSet::State::Failed, now,
                    r.firstFailure.isEmpty() ? tr("The change failed.") : r.firstFailure);
    }
    r.promise->addResult(Result<ChangeSet>(cs));
    r.promise->finish();
    Q_EMIT finished(cs);
}

void ChangeSetRunner::fail(const Error &error) {
    Run &r = *m_run;
    r.done = true;
    r.promise->addResult(Result<ChangeSet>(error));
    r.promise->finish();
}

} // namespace maildeck::config
