#include "core/lists/MlmmjScripts.h"

#include "core/ssh/Sudo.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace maildeck::lists {

namespace {

QString q(const QString &s) {
    return Sudo::shellQuote(s);
}

QString localOf(const QString &address) {
    return address.left(address.lastIndexOf(QLatin1Char('@')));
}

QString domainOf(const QString &address) {
    return address.mid(address.lastIndexOf(QLatin1Char('@')) + 1);
}

QString sha256(const QByteArray &data) {
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

// Writes `data` to `target` from base64 (no here-doc: any byte is safe).
QString writeFile(const QByteArray &data, const QString &target) {
    if (data.isEmpty())
        return QStringLiteral(": > %1").arg(target);
    return QStringLiteral("printf '%s' %1 | base64 -d > %2")
        .arg(q(QString::fromLatin1(data.toBase64())), target);
}

const char *const kSubDirs[] = {
    "archive",    "bounce",        "control", "digesters.d",     "incoming",
    "moderation", "nomailsubs.d",  "queue",   "queue/discarded", "requeue",
    "subconf",    "subscribers.d", "text",    "unsubconf"};

QString kindFlag(SubscriberKind kind) {
    switch (kind) {
    case SubscriberKind::Digest:
        return QStringLiteral(" -d");
    case SubscriberKind::NoMail:
        return QStringLiteral(" -n");
    case SubscriberKind::Normal:
        break;
    }
    return {};
}

// Holds mlmmj's own locks on the letter files of $k while a bulk change reads and replaces them,
// so that an mlmmj-sub / mlmmj-unsub running meanwhile (a subscription by mail) waits instead of
// writing into a file that is about to be replaced. mlmmj (1.2 to 1.4) takes an fcntl write lock
// on "<dir>/.<c>.lock" and then on "<dir>/<c>" for the letter <c> it changes; flock(1) and Perl's
// flock are a different kind of lock on Linux, so Python's fcntl.lockf (always present: iRedAPD
// and mlmmjadmin are Python 3) takes them. It locks the letters of the existing files and of the
// addresses in $t/in, in sorted order (mlmmj holds one letter at a time: no deadlock), prints
// "locked", and keeps the locks until its stdin (fd 7 of the script) closes — explicitly, or
// when the script exits by any path. It runs as the list's owner, as mlmmj does, so that the
// lock files it creates are ones mlmmj can open; like mlmmj it removes them when done.
const char kHoldLetterLocks[] = R"PY(
import fcntl, os, sys
k = os.fsencode(sys.argv[1])
st = os.stat(k)
letters = {n for n in os.listdir(k) if not n.startswith(b".") and os.path.isfile(os.path.join(k, n))}
with open(sys.argv[2], "rb") as f:
    letters.update(line[:1] for line in f if line.strip())
if os.geteuid() == 0 and st.st_uid != 0:
    os.setgid(st.st_gid)
    os.setuid(st.st_uid)
held = []
for c in sorted(letters):
    name = os.path.join(k, b"." + c + b".lock")
    fd = os.open(name, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.lockf(fd, fcntl.LOCK_EX)
    held.append((name, fd))
    path = os.path.join(k, c)
    if os.path.isfile(path):
        fd = os.open(path, os.O_RDWR)
        fcntl.lockf(fd, fcntl.LOCK_EX)
        held.append((None, fd))
print("locked", flush=True)
sys.stdin.buffer.read()
for name, fd in reversed(held):
    if name is not None:
        try:  # mlmmj unlinks the lock file by name too, maybe already ours
            os.unlink(name)
        except FileNotFoundError:
            pass
    os.close(fd)
)PY";

// Backup of the three subscriber directories in $t, and restore().
const char kSubscriberBackup[] =
    "t=\"$d/.maildeck-$token\"\n"
    "mkdir -m 0700 \"$t\" || exit 5\n"
    "cp -pR \"$d/subscribers.d\" \"$d/digesters.d\" \"$d/nomailsubs.d\" \"$t/\" || "
    "{ rm -rf \"$t\"; echo 'cannot back up the subscribers' >&2; exit 5; }\n"
    "restore() {\n"
    "  for k in subscribers.d digesters.d nomailsubs.d; do\n"
    "    rm -rf \"$d/$k.maildeck-old\"\n"
    "    mv -T \"$d/$k\" \"$d/$k.maildeck-old\" && mv -T \"$t/$k\" \"$d/$k\" && "
    "rm -rf \"$d/$k.maildeck-old\"\n"
    "  done\n"
    "  rm -rf \"$t\"\n"
    "}\n";

QString listPrelude(const MlmmjPaths &paths, const QString &address, const QString &token) {
    return QStringLiteral("set -u\nd=%1\ntoken=%2\n"
                          "[ -d \"$d/control\" ] || { echo \"no list directory $d\" >&2; "
                          "exit 3; }\n")
        .arg(q(paths.listDir(address)), q(token));
}

} // namespace

QString MlmmjPaths::listDir(const QString &address) const {
    return spool + QLatin1Char('/') + domainOf(address) + QLatin1Char('/') + localOf(address);
}

QString MlmmjScripts::subdir(SubscriberKind kind) {
    switch (kind) {
    case SubscriberKind::Digest:
        return QStringLiteral("digesters.d");
    case SubscriberKind::NoMail:
        return QStringLiteral("nomailsubs.d");
    case SubscriberKind::Normal:
        break;
    }
    return QStringLiteral("subscribers.d");
}

QString MlmmjScripts::readControl(const QString &listDir) {
    return QStringLiteral("set -u\nd=%1\n"
                          "[ -d \"$d/control\" ] || { echo \"no list directory $d\" >&2; "
                          "exit 3; }\n"
                          "cd \"$d/control\" || exit 4\n"
                          "for f in *; do\n"
                          "  [ -f \"$f\" ] || continue\n"
                          "  printf '%s\\n%s\\n' \"$f\" \"$(wc -c < \"$f\")\"\n"
                          "  cat -- \"$f\" || exit 4\n"
                          "done\n")
        .arg(q(listDir));
}

Result<ControlFiles> MlmmjScripts::parseControl(const QByteArray &out) {
    ControlFiles files;
    qsizetype pos = 0;
    auto bad = [] {
        return Error{QStringLiteral("list.parse"),
                     QCoreApplication::translate("MlmmjScripts",
                                                 "The server's answer about the list's control "
                                                 "files could not be read."),
                     {}};
    };
    while (pos < out.size()) {
        const qsizetype nl1 = out.indexOf('\n', pos);
        if (nl1 < 0)
            return bad();
        const QString name = QString::fromUtf8(out.mid(pos, nl1 - pos));
        const qsizetype nl2 = out.indexOf('\n', nl1 + 1);
        if (nl2 < 0)
            return bad();
        bool ok = false;
        const qint64 size = out.mid(nl1 + 1, nl2 - nl1 - 1).trimmed().toLongLong(&ok);
        if (!ok || size < 0 || nl2 + 1 + size > out.size())
            return bad();
        files.insert(name, out.mid(nl2 + 1, size));
        pos = nl2 + 1 + size;
    }
    return files;
}

QString MlmmjScripts::create(const MlmmjPaths &paths, const QString &address,
                             const ControlChanges &control, const QString &token) {
    QString s = QStringLiteral("set -u\ns=%1\ndom=%2\nd=\"$s/$dom\"/%3\n"
                               "t=\"$s/$dom/.maildeck-new-\"%3-%4\nskel=%5\n")
                    .arg(q(paths.spool), q(domainOf(address)), q(localOf(address)), q(token),
                         q(paths.textSkel + QLatin1Char('/') + paths.language));
    s += QStringLiteral(
        "[ -d \"$s\" ] || { echo \"no mlmmj spool directory $s\" >&2; exit 4; }\n"
        "[ -e \"$d\" ] && { echo \"$d exists already\" >&2; exit 21; }\n"
        "[ -d \"$skel\" ] || { echo \"no list texts in $skel\" >&2; exit 4; }\n"
        "own=$(stat -c %u:%g \"$s\") || exit 4\n"
        "newdom=\n"
        "fail() { rm -rf \"$t\"; [ -n \"$newdom\" ] && rmdir \"$s/$dom\" 2>/dev/null; "
        "echo \"$1\" >&2; exit 5; }\n"
        "if [ ! -d \"$s/$dom\" ]; then mkdir -m 0700 \"$s/$dom\" && chown \"$own\" \"$s/$dom\" "
        "|| fail \"cannot create $s/$dom\"; newdom=1; fi\n"
        "mkdir -m 0700 \"$t\" || fail \"cannot create $t\"\n");
    for (const char *sub : kSubDirs)
        s += QStringLiteral("mkdir -m 0700 \"$t/%1\" || fail 'cannot create %1'\n")
                 .arg(QLatin1String(sub));
    s += QStringLiteral(": > \"$t/index\" || fail 'cannot create index'\n"
                        "cp \"$skel\"/* \"$t/text/\" || fail 'cannot copy the list texts'\n");
    for (auto it = control.constBegin(); it != control.constEnd(); ++it) {
        if (!it.value())
            continue;
        s += writeFile(*it.value(), QStringLiteral("\"$t/control/\"") + q(it.key())) +
             QStringLiteral(" || fail 'cannot write control/%1'\n").arg(it.key());
    }
    s += QStringLiteral(
        "chown -R \"$own\" \"$t\" || fail 'cannot change the owner'\n"
        "[ -e \"$d\" ] && fail \"$d exists already\"\n"
        "mv -nT \"$t\" \"$d\" || fail \"cannot rename to $d\"\n"
        "[ -e \"$t\" ] && { rm -rf \"$t\"; echo \"$d exists already\" >&2; exit 21; }\n"
        "exit 0\n");
    return s;
}

QString MlmmjScripts::applyControl(const QString &listDir, const ControlFiles &current,
                                   const ControlChanges &changes, const QString &token) {
    QString s = QStringLiteral("set -u\nd=%1\nc=\"$d/control\"\nt=\"$d/.maildeck-\"%2\n"
                               "[ -d \"$c\" ] || { echo \"no list directory $d\" >&2; exit 3; }\n"
                               "h() { if [ -f \"$1\" ]; then sha256sum < \"$1\" | cut -d' ' -f1; "
                               "else echo absent; fi; }\n")
                    .arg(q(listDir), q(token));
    // 1. nothing changed since it was read
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const auto was = current.constFind(it.key());
        const QString expected =
            was == current.constEnd() ? QStringLiteral("absent") : sha256(*was);
        s += QStringLiteral("[ \"$(h \"$c\"/%1)\" = %2 ] || { echo 'changed meanwhile: %3' >&2; "
                            "exit 20; }\n")
                 .arg(q(it.key()), expected, it.key());
    }
    // 2. stage the new files and back up the old ones
    s += QStringLiteral("own=$(stat -c %u:%g \"$c\") || exit 4\n"
                        "rm -rf \"$t\"; mkdir -m 0700 \"$t\" || exit 5\n"
                        "fail() { echo \"$1\" >&2; rm -rf \"$t\"; exit 5; }\n");
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const QString name = q(it.key());
        if (it.value())
            s += writeFile(*it.value(), QStringLiteral("\"$t/new.\"") + name) +
                 QStringLiteral(" && chown \"$own\" \"$t/new.\"%1 && chmod 0644 \"$t/new.\"%1 || "
                                "fail 'cannot stage %2'\n")
                     .arg(name, it.key());
        s += QStringLiteral("if [ -f \"$c/\"%1 ]; then cp -p \"$c/\"%1 \"$t/old.\"%1 || "
                            "fail 'cannot back up %2'; fi\n")
                 .arg(name, it.key());
    }
    // 3. apply; on failure put back what was there
    const QStringList names = changes.keys();
    s += QStringLiteral("rollback() {\n");
    for (const QString &n : std::as_const(names))
        s +=
            QStringLiteral("  if [ -f \"$t/old.\"%1 ]; then cp -p \"$t/old.\"%1 \"$c/\"%1.maildeck "
                           "&& mv -fT \"$c/\"%1.maildeck \"$c/\"%1; else [ -f \"$c/\"%1 ] && "
                           "rm -f \"$c/\"%1; fi\n")
                .arg(q(n));
    s += QStringLiteral("  rm -rf \"$t\"\n}\n");
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const QString name = q(it.key());
        if (it.value())
            s += QStringLiteral("mv -fT \"$t/new.\"%1 \"$c/\"%1 || { echo 'cannot write "
                                "control/%2' >&2; rollback; exit 6; }\n")
                     .arg(name, it.key());
        else
            s += QStringLiteral("if [ -e \"$c/\"%1 ] || [ -L \"$c/\"%1 ]; then rm -f \"$c/\"%1 || "
                                "{ echo 'cannot remove control/%2' >&2; rollback; exit 6; }; fi\n")
                     .arg(name, it.key());
    }
    return s;
}

QString MlmmjScripts::commitBackup(const QString &listDir, const QString &token) {
    return QStringLiteral("rm -rf %1/.maildeck-%2").arg(q(listDir), q(token));
}

QString MlmmjScripts::restoreBackup(const QString &listDir, const QStringList &files,
                                    const QString &token) {
    QString s = QStringLiteral("set -u\nd=%1\nc=\"$d/control\"\nt=\"$d/.maildeck-\"%2\n"
                               "[ -d \"$t\" ] || exit 0\nrc=0\n")
                    .arg(q(listDir), q(token));
    for (const QString &n : files)
        s += QStringLiteral(
                 "if [ -f \"$t/old.\"%1 ]; then cp -p \"$t/old.\"%1 \"$c/\"%1.maildeck && "
                 "mv -fT \"$c/\"%1.maildeck \"$c/\"%1 || rc=6; else [ -f \"$c/\"%1 ] && "
                 "{ rm -f \"$c/\"%1 || rc=6; }; fi\n")
                 .arg(q(n));
    s += QStringLiteral("[ $rc = 0 ] && rm -rf \"$t\"\nexit $rc\n");
    return s;
}

QString MlmmjScripts::detach(const MlmmjPaths &paths, const QString &address,
                             const QString &token) {
    return QStringLiteral("set -u\nd=%1\nh=%2/.maildeck-del-%3-%4\n"
                          "[ -d \"$d/control\" ] || { echo \"no list directory $d\" >&2; "
                          "exit 3; }\n"
                          "mv -T \"$d\" \"$h\" || exit 5\n")
        .arg(q(paths.listDir(address)), q(paths.spool + QLatin1Char('/') + domainOf(address)),
             q(localOf(address)), q(token));
}

QString MlmmjScripts::undoRemoval(const MlmmjPaths &paths, const QString &address,
                                  const QString &token) {
    return QStringLiteral("set -u\nd=%1\nh=%2/.maildeck-del-%3-%4\n"
                          "[ -d \"$h\" ] || exit 0\n[ -e \"$d\" ] && exit 21\n"
                          "mv -nT \"$h\" \"$d\" && [ ! -e \"$h\" ]\n")
        .arg(q(paths.listDir(address)), q(paths.spool + QLatin1Char('/') + domainOf(address)),
             q(localOf(address)), q(token));
}

QString MlmmjScripts::finishRemoval(const MlmmjPaths &paths, const QString &address,
                                    const QString &token, bool archive) {
    QString s = QStringLiteral("set -u\nh=%1/.maildeck-del-%2-%3\n[ -d \"$h\" ] || exit 0\n")
                    .arg(q(paths.spool + QLatin1Char('/') + domainOf(address)), q(localOf(address)),
                         q(token));
    if (!archive)
        return s + QStringLiteral("rm -rf \"$h\"\n");
    // mlmmjadmin: <archive>/<domain>/<listname>-YYYYmmddHHMMSS (UTC), a second stamp if taken.
    s += QStringLiteral("a=%1/%2\nown=$(stat -c %u:%g \"$h\") || exit 4\n"
                        "if [ ! -d \"$a\" ]; then mkdir -p -m 0700 \"$a\" && chown \"$own\" \"$a\" "
                        "|| exit 5; fi\n"
                        "ts=$(date -u +-%Y%m%d%H%M%S)\n"
                        "n=\"$a\"/%3$ts\n[ -e \"$n\" ] && n=\"$n$ts\"\n"
                        "mv -T \"$h\" \"$n\" || exit 5\necho \"$n\"\n")
             .arg(q(paths.archiveDir()), q(domainOf(address)), q(localOf(address)));
    return s;
}

QString MlmmjScripts::inventory(const MlmmjPaths &paths, const QString &address) {
    return listPrelude(paths, address, QString()) +
           QStringLiteral("echo \"files $(find \"$d\" -type f | wc -l)\"\n"
                          "echo \"kbytes $(du -sk \"$d\" | cut -f1)\"\n"
                          "echo \"normal $(%1/mlmmj-list -L \"$d\" -s -c 2>/dev/null || echo 0)\"\n"
                          "echo \"digest $(%1/mlmmj-list -L \"$d\" -d -c 2>/dev/null || echo 0)\"\n"
                          "echo \"nomail $(%1/mlmmj-list -L \"$d\" -n -c 2>/dev/null || echo 0)\"\n"
                          "echo \"archived $(find \"$d/archive\" -type f | wc -l)\"\n")
               .arg(q(paths.bin));
}

QMap<QString, qint64> MlmmjScripts::parseCounts(const QByteArray &out) {
    QMap<QString, qint64> counts;
    const QList<QByteArray> rows = out.split('\n');
    for (const QByteArray &row : rows) {
        const QList<QByteArray> parts = row.simplified().split(' ');
        if (parts.size() == 2)
            counts.insert(QString::fromLatin1(parts.at(0)), parts.at(1).toLongLong());
    }
    return counts;
}

QMap<QString, qint64> MlmmjScripts::parseInventory(const QByteArray &out) {
    return parseCounts(out);
}

QString MlmmjScripts::countSubscribers(const MlmmjPaths &paths, const QString &domain) {
    return QStringLiteral("set -u\n"
                          "cd %1 2>/dev/null || exit 0\n"
                          "for l in */; do\n"
                          "  l=${l%/}\n"
                          "  [ -d \"$l/control\" ] || continue\n"
                          "  c=\n"
                          "  for k in subscribers.d digesters.d nomailsubs.d; do\n"
                          "    n=0\n"
                          "    if [ -d \"$l/$k\" ]; then\n"
                          "      n=$(find \"$l/$k\" -mindepth 1 -maxdepth 1 -type f ! -name '.*' "
                          "-exec awk 'NF { n++ } END { print n + 0 }' {} +) || :\n"
                          "    fi\n"
                          "    c=\"$c ${n:-0}\"\n"
                          "  done\n"
                          "  printf '%s%s\\n' \"$l\" \"$c\"\n"
                          "done\n")
        .arg(q(paths.spool + QLatin1Char('/') + domain));
}

QMap<QString, MlmmjScripts::SubscriberCount>
MlmmjScripts::parseSubscriberCounts(const QByteArray &out, const QString &domain) {
    QMap<QString, SubscriberCount> counts;
    const QList<QByteArray> rows = out.split('\n');
    for (const QByteArray &row : rows) {
        const QList<QByteArray> parts = row.simplified().split(' ');
        if (parts.size() != 4)
            continue;
        SubscriberCount c;
        bool ok1 = false, ok2 = false, ok3 = false;
        c.normal = parts.at(1).toLongLong(&ok1);
        c.digest = parts.at(2).toLongLong(&ok2);
        c.nomail = parts.at(3).toLongLong(&ok3);
        if (ok1 && ok2 && ok3)
            counts.insert(QString::fromUtf8(parts.at(0)).toLower() + QLatin1Char('@') + domain, c);
    }
    return counts;
}

QString MlmmjScripts::listSubscribers(const MlmmjPaths &paths, const QString &address) {
    return listPrelude(paths, address, QString()) +
           QStringLiteral("set -e\n"
                          "echo '#normal'; %1/mlmmj-list -L \"$d\" -s\n"
                          "echo '#digest'; %1/mlmmj-list -L \"$d\" -d\n"
                          "echo '#nomail'; %1/mlmmj-list -L \"$d\" -n\n")
               .arg(q(paths.bin));
}

QMap<SubscriberKind, QStringList> MlmmjScripts::parseSubscribers(const QByteArray &out) {
    QMap<SubscriberKind, QStringList> result{
        {SubscriberKind::Normal, {}}, {SubscriberKind::Digest, {}}, {SubscriberKind::NoMail, {}}};
    SubscriberKind current = SubscriberKind::Normal;
    bool inSection = false;
    const QList<QByteArray> rows = out.split('\n');
    for (const QByteArray &raw : rows) {
        const QByteArray row = raw.trimmed();
        if (row == "#normal") {
            current = SubscriberKind::Normal;
            inSection = true;
        } else if (row == "#digest") {
            current = SubscriberKind::Digest;
            inSection = true;
        } else if (row == "#nomail") {
            current = SubscriberKind::NoMail;
            inSection = true;
        } else if (inSection && !row.isEmpty()) {
            result[current] << QString::fromUtf8(row);
        }
    }
    return result;
}

QString MlmmjScripts::exportSubscribers(const MlmmjPaths &paths, const QString &address,
                                        SubscriberKind kind) {
    return listPrelude(paths, address, QString()) +
           QStringLiteral("%1/mlmmj-list -L \"$d\"%2\n")
               .arg(q(paths.bin),
                    kind == SubscriberKind::Normal ? QStringLiteral(" -s") : kindFlag(kind));
}

QString MlmmjScripts::subscribe(const MlmmjPaths &paths, const QString &address,
                                SubscriberKind kind, bool welcome, const QString &token) {
    // -f: no moderation, -q: no owner notice, -s: quiet when already subscribed; -c: welcome.
    return listPrelude(paths, address, token) + QLatin1String(kSubscriberBackup) +
           QStringLiteral("while IFS= read -r a; do\n"
                          "  [ -n \"$a\" ] || continue\n"
                          "  %1/mlmmj-sub -L \"$d\" -a \"$a\" -f -q -s%2%3 > \"$t/out\" 2>&1 || "
                          "{ echo \"mlmmj-sub failed for $a: $(cat \"$t/out\")\" >&2; restore; "
                          "exit 6; }\n"
                          "done\nrm -rf \"$t\"\n")
               .arg(q(paths.bin), kindFlag(kind), welcome ? QStringLiteral(" -c") : QString());
}

QString MlmmjScripts::unsubscribe(const MlmmjPaths &paths, const QString &address,
                                  std::optional<SubscriberKind> kind, const QString &token) {
    QString flag; // none: every version
    if (kind)
        flag = *kind == SubscriberKind::Normal ? QStringLiteral(" -N") : kindFlag(*kind);
    return listPrelude(paths, address, token) + QLatin1String(kSubscriberBackup) +
           QStringLiteral("while IFS= read -r a; do\n"
                          "  [ -n \"$a\" ] || continue\n"
                          "  %1/mlmmj-unsub -L \"$d\" -a \"$a\" -q -s%2 > \"$t/out\" 2>&1 || "
                          "{ echo \"mlmmj-unsub failed for $a: $(cat \"$t/out\")\" >&2; restore; "
                          "exit 6; }\n"
                          "done\nrm -rf \"$t\"\n")
               .arg(q(paths.bin), flag);
}

namespace {

// Common part of the bulk scripts: $k (the kind's directory), $t (work dir), the input in
// $t/in, the letter files to install in $t/final, apply() with backups in $t/old.
QString bulkPrelude(const MlmmjPaths &paths, const QString &address, SubscriberKind kind,
                    const QString &token) {
    return listPrelude(paths, address, token) + QStringLiteral("locker=") +
           q(QString::fromLatin1(kHoldLetterLocks)) + QLatin1Char('\n') +
           QStringLiteral(
               "k=\"$d\"/%1\nt=\"$d/.maildeck-$token\"\n"
               "[ -d \"$k\" ] || { echo \"no directory $k\" >&2; exit 4; }\n"
               "own=$(stat -c %u:%g \"$k\") || exit 4\n"
               "rm -rf \"$t\"; mkdir -m 0700 \"$t\" \"$t/final\" \"$t/old\" || exit 5\n"
               "fail() { echo \"$1\" >&2; rm -rf \"$t\"; exit 5; }\n"
               "cat > \"$t/in\" || fail 'cannot read the addresses'\n"
               "mkfifo \"$t/lock.release\" \"$t/lock.ready\" || fail 'cannot lock'\n"
               "python3 -c \"$locker\" \"$k\" \"$t/in\" < \"$t/lock.release\" > \"$t/lock.ready\" "
               "2> \"$t/lock.err\" &\n"
               "exec 7> \"$t/lock.release\"\n"
               "read -r ready < \"$t/lock.ready\" || ready=\n"
               "[ \"$ready\" = locked ] || fail \"cannot take mlmmj's locks on the subscriber "
               "files: "
               "$(cat \"$t/lock.err\" 2>/dev/null | tail -n 1)\"\n"
               "apply() {\n"
               "  for f in \"$t/final\"/*; do\n"
               "    [ -f \"$f\" ] || continue\n"
               "    c=${f##*/}\n"
               "    if [ -f \"$k/$c\" ]; then cp -p \"$k/$c\" \"$t/old/$c\" || return 1; "
               "chmod --reference=\"$k/$c\" \"$f\" || return 1; "
               "else : > \"$t/old/$c.absent\"; chmod 0600 \"$f\"; fi\n"
               "    chown \"$own\" \"$f\" || return 1\n"
               "  done\n"
               "  for f in \"$t/final\"/*; do\n"
               "    [ -f \"$f\" ] || continue\n"
               "    mv -fT \"$f\" \"$k/${f##*/}\" || return 1\n"
               "  done\n"
               "}\n"
               "rollback() {\n"
               "  for f in \"$t/old\"/*; do\n"
               "    [ -f \"$f\" ] || continue\n"
               "    c=${f##*/}\n"
               "    case $c in *.absent) rm -f \"$k/${c%.absent}\" ;; "
               "*) cp -p \"$f\" \"$k/$c.maildeck\" && mv -fT \"$k/$c.maildeck\" "
               "\"$k/$c\" ;; esac\n"
               "  done\n"
               "  rm -rf \"$t\"\n"
               "}\n")
               .arg(q(MlmmjScripts::subdir(kind)));
}

QString otherKinds(SubscriberKind kind) {
    QStringList dirs;
    for (SubscriberKind k :
         {SubscriberKind::Normal, SubscriberKind::Digest, SubscriberKind::NoMail})
        if (k != kind)
            dirs << QStringLiteral("\"$d\"/") + MlmmjScripts::subdir(k) + QStringLiteral("/*");
    return dirs.join(QLatin1Char(' '));
}

} // namespace

QString MlmmjScripts::bulkAdd(const MlmmjPaths &paths, const QString &address, SubscriberKind kind,
                              const QString &token) {
    return bulkPrelude(paths, address, kind, token) +
           QStringLiteral(
               "cat \"$k\"/* > \"$t/have\" 2>/dev/null; : >> \"$t/have\"\n"
               "cat %1 > \"$t/other\" 2>/dev/null; : >> \"$t/other\"\n"
               "mkdir \"$t/new\" || fail 'cannot stage'\n"
               "awk -v dir=\"$t/new\" -v counts=\"$t/counts\" '\n"
               "  FILENAME == ARGV[1] { have[$0] = 1; next }\n"
               "  FILENAME == ARGV[2] { other[$0] = 1; next }\n"
               "  $0 == \"\" || ($0 in have) { next }\n"
               "  ($0 in other) { if (!($0 in seen)) elsewhere++; seen[$0] = 1; next }\n"
               "  { have[$0] = 1; print $0 >> (dir \"/\" substr($0, 1, 1)); added++ }\n"
               "  END { printf \"added %d\\nelsewhere %d\\n\", added, elsewhere > counts }\n"
               "' \"$t/have\" \"$t/other\" \"$t/in\" || fail 'cannot merge the addresses'\n"
               "for f in \"$t/new\"/*; do\n"
               "  [ -f \"$f\" ] || continue\n"
               "  c=${f##*/}\n"
               "  { if [ -f \"$k/$c\" ]; then awk 1 \"$k/$c\"; fi; cat \"$f\"; } > \"$t/final/$c\" "
               "|| fail 'cannot stage'\n"
               "done\n"
               "apply || { echo 'cannot write the subscriber files' >&2; rollback; exit 6; }\n"
               "exec 7>&-\nwait\ncat \"$t/counts\"\nrm -rf \"$t\"\n")
               .arg(otherKinds(kind));
}

QString MlmmjScripts::bulkRemove(const MlmmjPaths &paths, const QString &address,
                                 SubscriberKind kind, const QString &token) {
    return bulkPrelude(paths, address, kind, token) +
           QStringLiteral(
               "set -- \"$k\"/*\n"
               "[ -f \"$1\" ] || { echo 'removed 0'; rm -rf \"$t\"; exit 0; }\n"
               "awk -v dir=\"$t/final\" -v counts=\"$t/counts\" '\n"
               "  FILENAME == ARGV[1] { gone[$0] = 1; next }\n"
               "  FNR == 1 { if (out != \"\") close(out); c = FILENAME; sub(/.*\\//, \"\", c);\n"
               "             out = dir \"/\" c; printf \"\" > out }\n"
               "  ($0 in gone) { removed++; changed[c] = 1; next }\n"
               "  { print $0 > out }\n"
               "  END { if (out != \"\") close(out);\n"
               "        for (x in changed) print x > (dir \"/.changed\");\n"
               "        printf \"removed %d\\n\", removed > counts }\n"
               "' \"$t/in\" \"$@\" || fail 'cannot filter the addresses'\n"
               "for f in \"$t/final\"/*; do\n"
               "  [ -f \"$f\" ] || continue\n"
               "  grep -qxF \"${f##*/}\" \"$t/final/.changed\" 2>/dev/null || rm -f \"$f\"\n"
               "done\n"
               "rm -f \"$t/final/.changed\"\n"
               "apply || { echo 'cannot write the subscriber files' >&2; rollback; "
               "exit 6; }\n"
               "exec 7>&-\nwait\ncat \"$t/counts\"\nrm -rf \"$t\"\n");
}

} // namespace maildeck::lists
