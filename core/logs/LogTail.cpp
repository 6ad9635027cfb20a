#include "core/logs/LogTail.h"

#include "core/ssh/SshSession.h"
#include "core/ssh/Sudo.h"

#include <QProcess>

#include <algorithm>

namespace maildeck::logs {

namespace {

// The server side. Arguments: path, inode, offset (0 0: no position), backfill seconds,
// poll milliseconds, history bytes already received (a reconnect during the backfill skips
// them). It writes records to stdout, each a header line and, for data, a payload:
//   D <inode> <offset> <length>\n<bytes>   bytes of the file with that inode at that offset
//   B <length>\n<bytes>                    history from a rotated (maybe gzipped) file
//   P <inode> <offset>                     following starts here (no data before it is sent)
//   R <inode>                              the log was renamed away; now following this inode
//   T <inode>                              the log was truncated (copytruncate); offset is 0
//   E                                      caught up with the end of the live file
//   G <text>                               a resume could not find the rotated file's rest
//   W <text>                               a warning (the file is missing for now)
//   K                                      keep-alive, so a dead channel ends the program
//   F <text>                               fatal; the program exits with status 3
// After a rename it keeps draining the old file for two seconds: syslog daemons write to the
// renamed file until they are told to reopen.
constexpr char kTailProgram[] = R"PY(
import gzip, os, stat, sys, time
path = sys.argv[1]; ino0 = int(sys.argv[2]); off0 = int(sys.argv[3])
back = int(sys.argv[4]); poll = max(int(sys.argv[5]), 10) / 1000.0; skip = int(sys.argv[6])
out = sys.stdout.buffer
CH = 256 * 1024
def hdr(s):
    out.write(s.encode('utf-8', 'replace') + b'\n')
def fatal(msg):
    hdr('F ' + msg.replace('\n', ' ')); out.flush(); sys.exit(3)
def pump(f, ino, off):
    while True:
        b = f.read(CH)
        if not b:
            return off
        hdr('D %d %d %d' % (ino, off, len(b))); out.write(b); off += len(b)
d = os.path.dirname(path) or '.'; base = os.path.basename(path)
def rotated_set():
    try:
        names = os.listdir(d)
    except OSError as e:
        fatal('cannot list %s: %s' % (d, e.strerror))
    r = []
    for n in names:
        if n == base or not n.startswith(base) or n[len(base)] not in '.-_':
            continue
        p = os.path.join(d, n)
        try:
            st = os.stat(p)
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            r.append((st.st_mtime, p, st))
    r.sort()
    return r
def open_live():
    try:
        f = open(path, 'rb')
    except FileNotFoundError:
        return None, 0
    except OSError as e:
        fatal('cannot read %s: %s' % (path, e.strerror))
    return f, os.fstat(f.fileno()).st_ino
def is_gzip(p):
    with open(p, 'rb') as g:
        return g.read(2) == b'\x1f\x8b'
f, ino = open_live(); off = 0
if ino0:
    if f and ino == ino0:
        off = off0
        if os.fstat(f.fileno()).st_size < off0:
            hdr('T %d' % ino); off = 0
        f.seek(off)
    else:
        rest = None
        for _, p, st in rotated_set():
            if st.st_ino == ino0:
                rest = p
        if rest and not is_gzip(rest):
            with open(rest, 'rb') as g:
                if os.fstat(g.fileno()).st_size >= off0:
                    g.seek(off0); pump(g, ino0, off0)
                else:
                    hdr('G %s is shorter than the last position' % rest)
        else:
            hdr('G the rotated log with the last position is gone or compressed')
        if f:
            hdr('R %d' % ino)
elif back > 0:
    cutoff = time.time() - back
    for mtime, p, st in rotated_set():
        if mtime < cutoff or (f and st.st_ino == ino):
            continue
        try:
            g = gzip.open(p, 'rb') if is_gzip(p) else open(p, 'rb')
            with g:
                while True:
                    b = g.read(CH)
                    if not b:
                        break
                    if skip >= len(b):
                        skip -= len(b); continue
                    b = b[skip:]; skip = 0
                    hdr('B %d' % len(b)); out.write(b)
        except (OSError, EOFError) as e:
            hdr('W cannot read %s: %s' % (p, e))
    if f:
        hdr('P %d 0' % ino)
elif f:
    off = os.fstat(f.fileno()).st_size; f.seek(off); hdr('P %d %d' % (ino, off))
if f:
    off = pump(f, ino, off)
hdr('E'); out.flush()
old = None; warned = False; idle = time.time()
while True:
    time.sleep(poll)
    if os.getppid() == 1:
        sys.exit(0)
    wrote = False
    if f:
        n = pump(f, ino, off); wrote = n != off; off = n
    if old:
        n = pump(old[0], old[1], old[2]); wrote = wrote or n != old[2]
        old = (old[0], old[1], n, old[3])
        if time.time() > old[3]:
            old[0].close(); old = None
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        fatal('cannot stat %s: %s' % (path, e.strerror))
    if st is None:
        if not warned:
            hdr('W %s is missing' % path); warned = True; wrote = True
    elif f is None:
        f, ino = open_live(); off = 0; warned = False
        if f:
            hdr('R %d' % ino); off = pump(f, ino, 0); wrote = True
    elif st.st_ino != ino:
        off = pump(f, ino, off)
        if old:
            old[0].close()
        old = (f, ino, off, time.time() + 2.0)
        f, ino = open_live(); off = 0; warned = False
        if f:
            hdr('R %d' % ino); off = pump(f, ino, 0)
        wrote = True
    elif st.st_size < off:
        hdr('T %d' % ino); f.seek(0); off = pump(f, ino, 0); wrote = True
    if wrote:
        idle = time.time()
    elif time.time() - idle > 5:
        hdr('K'); idle = time.time(); wrote = True
    if wrote:
        out.flush()
)PY";

// A line the server never ends (a binary file, a runaway writer) is cut here, not buffered on.
constexpr qsizetype kMaxCarry = 4 * 1024 * 1024;

bool isPermanent(const Error &error) {
    return error.code.startsWith(QLatin1String("ssh.hostkey")) ||
           error.code.startsWith(QLatin1String("ssh.auth")) ||
           error.code == QLatin1String("ssh.cancelled");
}

} // namespace

LogTail::LogTail(SshSession *session, TailOptions options, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_options(std::move(options)) {
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &LogTail::launch);
}

LogTail::LogTail(TailOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_local(true) {
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &LogTail::launch);
}

LogTail::~LogTail() {
    stop();
}

void LogTail::start(const TailPosition &from) {
    stop();
    m_position = from;
    m_started = true;
    m_reconnectDelayMs = 0;
    m_carry.clear();
    m_backfillCarry.clear();
    m_backfillBytes = 0;
    m_caughtUp = false;
    setState(from.isValid() || m_options.backfillSeconds <= 0 ? State::Starting
                                                              : State::Backfilling);
    launch();
}

void LogTail::stop() {
    m_started = false;
    m_reconnectTimer.stop();
    endProcess();
    m_buffer.clear();
    if (m_state != State::Failed)
        setState(State::Idle);
}

void LogTail::launch() {
    if (!m_started)
        return;
    m_buffer.clear();
    m_stderr.clear();
    // A partial line is read again from the position: what was carried is dropped.
    m_carry.clear();
    const QStringList arguments = {
        m_options.path,
        QString::number(m_position.inode),
        QString::number(m_position.offset),
        QString::number(m_position.isValid() ? 0 : m_options.backfillSeconds),
        QString::number(m_options.pollMs),
        QString::number(m_backfillBytes)};
    if (m_local) {
        launchLocal(arguments);
        return;
    }
    if (!m_session) {
        setState(State::Failed);
        Q_EMIT failed({QStringLiteral("logs.tail.session"), tr("The SSH session is gone."), {}});
        return;
    }
    QString command =
        QStringLiteral("python3 -c ") + Sudo::shellQuote(QString::fromLatin1(kTailProgram));
    for (const QString &argument : arguments)
        command += QLatin1Char(' ') + Sudo::shellQuote(argument);
    ExecOptions exec;
    exec.privileged = m_options.privileged;
    m_process = m_session->startCommand(command, exec);
    connect(m_process, &SshProcess::stdoutData, this, &LogTail::onStdout);
    connect(m_process, &SshProcess::stderrData, this, [this](const QByteArray &chunk) {
        if (m_stderr.size() < 8192)
            m_stderr += chunk;
    });
    connect(m_process, &SshProcess::failed, this, &LogTail::onProcessFailed);
    connect(m_process, &SshProcess::finished, this, &LogTail::onProcessFinished);
}

void LogTail::launchLocal(const QStringList &arguments) {
    auto *process = new QProcess(this);
    m_localProcess = process;
    connect(process, &QProcess::readyReadStandardOutput, this,
            [this, process] { onStdout(process->readAllStandardOutput()); });
    connect(process, &QProcess::readyReadStandardError, this, [this, process] {
        const QByteArray chunk = process->readAllStandardError();
        if (m_stderr.size() < 8192)
            m_stderr += chunk;
    });
    connect(process, &QProcess::finished, this, [this, process](int code, QProcess::ExitStatus) {
        process->deleteLater();
        if (m_localProcess == process)
            m_localProcess = nullptr;
        onProcessFinished(code);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        const QString why = process->errorString();
        stop();
        setState(State::Failed);
        Q_EMIT failed({QStringLiteral("logs.tail.python"),
                       tr("python3 is needed to follow a log file and was not found."), why});
    });
    process->start(QStringLiteral("python3"),
                   QStringList{QStringLiteral("-c"), QString::fromLatin1(kTailProgram)} +
                       arguments);
}

void LogTail::endProcess() {
    if (m_process) {
        m_process->disconnect(this);
        m_process->cancel();
        m_process->deleteLater();
        m_process = nullptr;
    }
    if (QProcess *process = m_localProcess) {
        m_localProcess = nullptr;
        process->disconnect(this);
        process->kill();
        process->waitForFinished(1000);
        process->deleteLater();
    }
}

void LogTail::onStdout(const QByteArray &chunk) {
    m_buffer += chunk;
    if (!parseRecords()) {
        const QString detail = QString::fromUtf8(m_buffer.left(200));
        stop();
        setState(State::Failed);
        Q_EMIT failed({QStringLiteral("logs.tail.protocol"),
                       tr("The log reader on the server sent something unexpected."), detail});
    }
}

// Decodes every complete record in m_buffer; false on a malformed one.
bool LogTail::parseRecords() {
    qsizetype pos = 0;
    bool ok = true;
    while (pos < m_buffer.size()) {
        const qsizetype nl = m_buffer.indexOf('\n', pos);
        if (nl < 0)
            break;
        if (nl - pos > 4096) {
            ok = false;
            break;
        }
        const QByteArray header = m_buffer.mid(pos, nl - pos);
        const QList<QByteArray> f = header.split(' ');
        const char kind = header.isEmpty() ? '\0' : header.at(0);
        const QString text = QString::fromUtf8(header.mid(2));
        if (kind == 'D' || kind == 'B') {
            const bool isData = kind == 'D';
            if (f.size() != (isData ? 4 : 2)) {
                ok = false;
                break;
            }
            const qsizetype length = f.last().toLongLong(&ok);
            if (!ok || length < 0)
                break;
            if (m_buffer.size() - (nl + 1) < length)
                break; // the payload is still on its way
            const QByteArray payload = m_buffer.mid(nl + 1, length);
            pos = nl + 1 + length;
            if (isData) {
                bool okInode = false, okOffset = false;
                const quint64 inode = f.at(1).toULongLong(&okInode);
                const quint64 offset = f.at(2).toULongLong(&okOffset);
                if (!okInode || !okOffset)
                    return false;
                deliverData(inode, offset, !m_caughtUp, payload);
            } else {
                m_backfillBytes += quint64(payload.size());
                m_backfillCarry += payload;
                const qsizetype last = m_backfillCarry.lastIndexOf('\n');
                if (last >= 0) {
                    m_bytesDelivered += quint64(last + 1);
                    Q_EMIT linesArrived(m_backfillCarry.left(last + 1), true);
                    m_backfillCarry.remove(0, last + 1);
                }
            }
            continue;
        }
        pos = nl + 1;
        switch (kind) {
        case 'P':
        case 'R':
        case 'T': {
            bool okInode = false, okOffset = true;
            const quint64 inode = f.value(1).toULongLong(&okInode);
            const quint64 offset = kind == 'P' ? f.value(2).toULongLong(&okOffset) : 0;
            if (!okInode || !okOffset)
                return false;
            if (kind == 'R') {
                // Keep the renamed file's partial line: it is still being drained.
                const QByteArray oldCarry = m_carry.value(m_position.inode);
                m_carry.clear();
                if (!oldCarry.isEmpty())
                    m_carry.insert(m_position.inode, oldCarry);
            } else {
                m_carry.remove(inode);
            }
            m_position = {inode, offset};
            if (kind != 'P')
                Q_EMIT rotated(kind == 'T');
            break;
        }
        case 'E':
            if (!m_backfillCarry.isEmpty()) {
                // A rotated file's last line without its newline.
                m_bytesDelivered += quint64(m_backfillCarry.size());
                Q_EMIT linesArrived(m_backfillCarry + '\n', true);
                m_backfillCarry.clear();
            }
            m_reconnectDelayMs = 0;
            setState(State::Following);
            if (!m_caughtUp) {
                m_caughtUp = true;
                Q_EMIT backfillFinished();
            }
            break;
        case 'G':
            Q_EMIT gap(text);
            break;
        case 'W':
        case 'K':
            break;
        case 'F': {
            stop();
            setState(State::Failed);
            Q_EMIT failed({QStringLiteral("logs.tail.read"),
                           tr("The server cannot follow %1.").arg(m_options.path), text});
            return true;
        }
        default:
            return false;
        }
    }
    if (ok)
        m_buffer.remove(0, pos);
    return ok;
}

void LogTail::deliverData(quint64 inode, quint64 offset, bool backfill, const QByteArray &data) {
    QByteArray &carry = m_carry[inode];
    const bool current = inode == m_position.inode;
    if (current && offset != m_position.offset + quint64(carry.size())) {
        // Cannot happen with a well-behaved server side; never glue unrelated bytes together.
        carry.clear();
    }
    carry += data;
    qsizetype last = carry.lastIndexOf('\n');
    if (last < 0 && carry.size() > kMaxCarry) {
        carry += '\n'; // cut a line that never ends
        last = carry.size() - 1;
    }
    if (last < 0)
        return;
    const QByteArray lines = carry.left(last + 1);
    carry.remove(0, last + 1);
    if (current)
        m_position.offset = offset + quint64(data.size()) - quint64(carry.size());
    m_bytesDelivered += quint64(lines.size());
    Q_EMIT linesArrived(lines, backfill);
}

void LogTail::onProcessFailed(const Error &error) {
    if (m_process) {
        m_process->deleteLater();
        m_process = nullptr;
    }
    if (!m_started)
        return;
    if (isPermanent(error)) {
        stop();
        setState(State::Failed);
        Q_EMIT failed(error);
        return;
    }
    scheduleReconnect(error);
}

void LogTail::onProcessFinished(int exitStatus) {
    if (m_process) {
        m_process->deleteLater();
        m_process = nullptr;
    }
    if (!m_started || m_state == State::Failed)
        return;
    const QString detail = QString::fromUtf8(m_stderr).trimmed();
    if (exitStatus == 127) {
        stop();
        setState(State::Failed);
        Q_EMIT failed({QStringLiteral("logs.tail.python"),
                       tr("The server has no python3, which MailDeck needs to follow its log."),
                       detail});
        return;
    }
    // Killed on the server (an sshd restart, a kill): follow on from the position.
    scheduleReconnect({QStringLiteral("logs.tail.ended"),
                       tr("The log reader on the server stopped (exit status %1).").arg(exitStatus),
                       detail});
}

void LogTail::scheduleReconnect(const Error &why) {
    ++m_reconnects;
    setState(State::Reconnecting);
    Q_EMIT interrupted(why);
    m_reconnectDelayMs = m_reconnectDelayMs == 0
                             ? 200
                             : std::min(m_reconnectDelayMs * 2, m_options.maxReconnectDelayMs);
    m_reconnectTimer.start(m_reconnectDelayMs);
}

void LogTail::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace maildeck::logs
