#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class QProcess;

namespace maildeck {
class SshSession;
class SshProcess;
} // namespace maildeck

namespace maildeck::logs {

// Where a tail stands in the server's log: the file (by inode, which survives a rename) and the
// byte offset just after the last complete line delivered. Resuming from it after a dropped
// connection loses no line and repeats none.
struct TailPosition {
    quint64 inode = 0;
    quint64 offset = 0;
    bool isValid() const { return inode != 0; }
    bool operator==(const TailPosition &) const = default;
};

struct TailOptions {
    QString path;                   // the live log on the server, e.g. /var/log/mail.log
    qint64 backfillSeconds = 0;     // on start: rotated files (also .gz) newer than this, then the
                                    // live file from its first byte; 0: from the live file's end
    int pollMs = 100;               // how often the server side looks for new bytes and rotation
    bool privileged = false;        // read as root (sudo) when the SSH user may not read the log
    int maxReconnectDelayMs = 5000; // back-off ceiling between reconnect attempts
};

// Follows one log file with `tail -F` semantics — on the server over an SSH session, or a local
// file (the command line's `rejects --follow FILE`) — plus what
// tail cannot do: it resumes from an exact (inode, offset) after the connection drops, also when
// the file was rotated in between (the rotated file is found by its inode and read to its end
// first), and it backfills the last hours from the rotated set, gzip included.
//
// The server side is a small Python 3 program (python3 is on every iRedMail server: iRedAPD
// needs it) that polls the file, detects rotation by rename (inode change) and by copytruncate
// (size below the offset), and sends framed chunks; see LogTail.cpp for the protocol.
class LogTail : public QObject {
    Q_OBJECT
public:
    // Starting: until the server side has caught up with the end of the file (or, with a
    // backfill, Backfilling until then).
    enum class State { Idle, Starting, Backfilling, Following, Reconnecting, Failed };
    Q_ENUM(State)

    LogTail(SshSession *session, TailOptions options, QObject *parent = nullptr);
    // A local file, read by the same program run here (needs python3 on this machine).
    explicit LogTail(TailOptions options, QObject *parent = nullptr);
    ~LogTail() override;

    // Starts following: from `from` when valid (resume), else per options.backfillSeconds.
    void start(const TailPosition &from = {});
    void stop();

    State state() const { return m_state; }
    TailPosition position() const { return m_position; }
    const TailOptions &options() const { return m_options; }

    // Counters for the status line and the tests.
    quint64 bytesDelivered() const { return m_bytesDelivered; }
    int reconnects() const { return m_reconnects; }

Q_SIGNALS:
    // Complete lines, each ending in '\n', in the order the server wrote them. `backfill`: they
    // come from the history read at start (rotated or compressed files), not from the live tail.
    void linesArrived(const QByteArray &lines, bool backfill);
    void backfillFinished();
    // The log was rotated (renamed away, or truncated in place by copytruncate).
    void rotated(bool truncated);
    // A resume could not find the bytes between the old position and the new file (the rotated
    // file was compressed or removed while disconnected): some lines may be missing.
    void gap(const QString &why);
    void stateChanged(maildeck::logs::LogTail::State state);
    // The connection dropped; the tail reconnects on its own (error says why).
    void interrupted(const maildeck::Error &error);
    // It cannot go on (the file cannot be read, python3 missing, …). stop() and start() to retry.
    void failed(const maildeck::Error &error);

private:
    void launch();
    void onStdout(const QByteArray &chunk);
    void onProcessFailed(const Error &error);
    void onProcessFinished(int exitStatus);
    void launchLocal(const QStringList &arguments);
    void endProcess();
    bool parseRecords();
    void deliverData(quint64 inode, quint64 offset, bool backfill, const QByteArray &data);
    void setState(State state);
    void scheduleReconnect(const Error &why);

    QPointer<SshSession> m_session;
    TailOptions m_options;
    QPointer<SshProcess> m_process;
    QPointer<QProcess> m_localProcess;
    bool m_local = false;
    State m_state = State::Idle;
    TailPosition m_position;
    QByteArray m_buffer; // undecoded bytes from the server program
    QByteArray m_stderr;
    // Partial last line per file (a rotated file may still be drained while the new one grows).
    QHash<quint64, QByteArray> m_carry;
    QByteArray m_backfillCarry;
    quint64 m_backfillBytes = 0; // history bytes received (skipped again after a reconnect)
    bool m_caughtUp = false;     // the first "E": history done, live from here
    QTimer m_reconnectTimer;
    int m_reconnectDelayMs = 0;
    int m_reconnects = 0;
    quint64 m_bytesDelivered = 0;
    bool m_started = false;
};

} // namespace maildeck::logs
