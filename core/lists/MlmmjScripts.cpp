#include "core/lists/MlmmjScripts.h"

#include "core/ssh/Sudo.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>

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

QString base64(const QByteArray &data) {
    return QString::fromLatin1(data.toBase64());
}

QString kindWord(SubscriberKind kind) {
    switch (kind) {
    case SubscriberKind::Digest:
        return QStringLiteral("digest");
    case SubscriberKind::NoMail:
        return QStringLiteral("nomail");
    case SubscriberKind::Normal:
        break;
    }
    return QStringLiteral("normal");
}

ListOp makeOp(const QString &name, const QString &target, const QStringList &args = {}) {
    return ListOp{name, target, args};
}

// ---------------------------------------------------------------------------------------------
// The fixed bodies. Positional parameters: spool archive bin skel target, then the operation's
// arguments. Nothing in them depends on a parameter's value; every expansion is quoted and no
// argument is ever evaluated.

const char kCommon[] = R"SH(set -u
spool=$1 archive=$2 bin=$3 skel=$4 target=$5; shift 5
)SH";

// The list directory of the target address (storage form: <name>@<domain>).
const char kList[] = R"SH(dom="${target##*@}"
name="${target%@*}"
d="$spool/$dom/$name"
)SH";

const char kNeedList[] = R"SH([ -d "$d/control" ] || { echo "no list directory $d" >&2; exit 3; }
)SH";

// put <base64> <file>: the file holds the decoded bytes (no here-doc: any byte is safe).
const char kPut[] =
    R"SH(put() { if [ -n "$1" ]; then printf '%s' "$1" | base64 -d > "$2"; else : > "$2"; fi; }
)SH";

const char kReadControl[] = R"SH(cd "$d/control" || exit 4
for f in *; do
  [ -f "$f" ] || continue
  printf '%s\n%s\n' "$f" "$(wc -c < "$f")"
  cat -- "$f" || exit 4
done
)SH";

// token, then name base64 pairs.
const char kCreate[] = R"SH(token=$1
shift
[ "$(($# % 2))" -eq 0 ] || { echo 'the control files are not name, content pairs' >&2; exit 2; }
s=$spool
t="$s/$dom/.maildeck-new-$name-$token"
[ -d "$s" ] || { echo "no mlmmj spool directory $s" >&2; exit 4; }
[ -e "$d" ] && { echo "$d exists already" >&2; exit 21; }
[ -d "$skel" ] || { echo "no list texts in $skel" >&2; exit 4; }
own=$(stat -c %u:%g "$s") || exit 4
newdom=
fail() { rm -rf "$t"; [ -n "$newdom" ] && rmdir "$s/$dom" 2>/dev/null; echo "$1" >&2; exit 5; }
if [ ! -d "$s/$dom" ]; then mkdir -m 0700 "$s/$dom" && chown "$own" "$s/$dom" || fail "cannot create $s/$dom"; newdom=1; fi
mkdir -m 0700 "$t" || fail "cannot create $t"
for sub in archive bounce control digesters.d incoming moderation nomailsubs.d queue \
    queue/discarded requeue subconf subscribers.d text unsubconf; do
  mkdir -m 0700 "$t/$sub" || fail "cannot create $sub"
done
: > "$t/index" || fail 'cannot create index'
cp "$skel"/* "$t/text/" || fail 'cannot copy the list texts'
while [ $# -gt 0 ]; do
  put "$2" "$t/control/$1" || fail "cannot write control/$1"
  shift 2
done
chown -R "$own" "$t" || fail 'cannot change the owner'
[ -e "$d" ] && fail "$d exists already"
mv -nT "$t" "$d" || fail "cannot rename to $d"
[ -e "$t" ] && { rm -rf "$t"; echo "$d exists already" >&2; exit 21; }
exit 0
)SH";

// token, then name / expected sha256 or "absent" / base64 or "-" (delete) triples.
const char kApplyControl[] = R"SH(token=$1
shift
[ "$(($# % 3))" -eq 0 ] || { echo 'the changes are not name, hash, content triples' >&2; exit 2; }
c="$d/control"
t="$d/.maildeck-$token"
[ -d "$c" ] || { echo "no list directory $d" >&2; exit 3; }
h() { if [ -f "$1" ]; then sha256sum < "$1" | cut -d' ' -f1; else echo absent; fi; }
# 1. nothing changed since it was read
check() {
  while [ $# -gt 0 ]; do
    [ "$(h "$c/$1")" = "$2" ] || { echo "changed meanwhile: $1" >&2; exit 20; }
    shift 3
  done
}
check "$@"
# 2. stage the new files and back up the old ones
own=$(stat -c %u:%g "$c") || exit 4
rm -rf "$t"; mkdir -m 0700 "$t" || exit 5
fail() { echo "$1" >&2; rm -rf "$t"; exit 5; }
stage() {
  while [ $# -gt 0 ]; do
    if [ "$3" != - ]; then
      put "$3" "$t/new.$1" && chown "$own" "$t/new.$1" && chmod 0644 "$t/new.$1" || fail "cannot stage $1"
    fi
    if [ -f "$c/$1" ]; then cp -p "$c/$1" "$t/old.$1" || fail "cannot back up $1"; fi
    shift 3
  done
}
stage "$@"
# 3. apply; on failure put back what was there
rollback() {
  while [ $# -gt 0 ]; do
    if [ -f "$t/old.$1" ]; then cp -p "$t/old.$1" "$c/$1.maildeck" && mv -fT "$c/$1.maildeck" "$c/$1"; else [ -f "$c/$1" ] && rm -f "$c/$1"; fi
    shift 3
  done
  rm -rf "$t"
}
apply() {
  while [ $# -gt 0 ]; do
    if [ "$3" != - ]; then
      mv -fT "$t/new.$1" "$c/$1" || { echo "cannot write control/$1" >&2; return 1; }
    elif [ -e "$c/$1" ] || [ -L "$c/$1" ]; then
      rm -f "$c/$1" || { echo "cannot remove control/$1" >&2; return 1; }
    fi
    shift 3
  done
}
apply "$@" || { rollback "$@"; exit 6; }
exit 0
)SH";

const char kCommitBackup[] = R"SH(token=$1
rm -rf "$d/.maildeck-$token"
)SH";

// token, then the names of the control files to put back.
const char kRestoreBackup[] = R"SH(token=$1
shift
c="$d/control"
t="$d/.maildeck-$token"
[ -d "$t" ] || exit 0
rc=0
while [ $# -gt 0 ]; do
  n=$1
  if [ -f "$t/old.$n" ]; then cp -p "$t/old.$n" "$c/$n.maildeck" && mv -fT "$c/$n.maildeck" "$c/$n" || rc=6; else [ -f "$c/$n" ] && { rm -f "$c/$n" || rc=6; }; fi
  shift
done
[ "$rc" = 0 ] && rm -rf "$t"
exit "$rc"
)SH";

const char kDiscard[] = R"SH(rm -rf "$d"
)SH";

const char kDetach[] = R"SH(token=$1
h="$spool/$dom/.maildeck-del-$name-$token"
[ -d "$d/control" ] || { echo "no list directory $d" >&2; exit 3; }
mv -T "$d" "$h" || exit 5
)SH";

const char kUndoRemoval[] = R"SH(token=$1
h="$spool/$dom/.maildeck-del-$name-$token"
[ -d "$h" ] || exit 0
[ -e "$d" ] && exit 21
mv -nT "$h" "$d" && [ ! -e "$h" ]
)SH";

// token, "archive" or "delete". mlmmjadmin's archive: <archive>/<domain>/<listname>-
// YYYYmmddHHMMSS (UTC), a second stamp if taken.
const char kFinishRemoval[] = R"SH(token=$1 mode=$2
h="$spool/$dom/.maildeck-del-$name-$token"
[ -d "$h" ] || exit 0
case "$mode" in
  archive) ;;
  delete) rm -rf "$h"; exit ;;
  *) echo "unknown removal mode: $mode" >&2; exit 2 ;;
esac
a="$archive/$dom"
own=$(stat -c %u:%g "$h") || exit 4
if [ ! -d "$a" ]; then mkdir -p -m 0700 "$a" && chown "$own" "$a" || exit 5; fi
ts=$(date -u +-%Y%m%d%H%M%S)
n="$a/$name$ts"
[ -e "$n" ] && n="$n$ts"
mv -T "$h" "$n" || exit 5
echo "$n"
)SH";

const char kInventory[] = R"SH(echo "files $(find "$d" -type f | wc -l)"
echo "kbytes $(du -sk "$d" | cut -f1)"
echo "normal $("$bin/mlmmj-list" -L "$d" -s -c 2>/dev/null || echo 0)"
echo "digest $("$bin/mlmmj-list" -L "$d" -d -c 2>/dev/null || echo 0)"
echo "nomail $("$bin/mlmmj-list" -L "$d" -n -c 2>/dev/null || echo 0)"
echo "archived $(find "$d/archive" -type f | wc -l)"
)SH";

// The target is a domain.
const char kCountSubscribers[] = R"SH(cd "$spool/$target" 2>/dev/null || exit 0
for l in */; do
  l=${l%/}
  [ -d "$l/control" ] || continue
  c=
  for k in subscribers.d digesters.d nomailsubs.d; do
    n=0
    if [ -d "$l/$k" ]; then
      n=$(find "$l/$k" -mindepth 1 -maxdepth 1 -type f ! -name '.*' -exec awk 'NF { n++ } END { print n + 0 }' {} +) || :
    fi
    c="$c ${n:-0}"
  done
  printf '%s%s\n' "$l" "$c"
done
)SH";

const char kListSubscribers[] = R"SH(set -e
echo '#normal'; "$bin/mlmmj-list" -L "$d" -s
echo '#digest'; "$bin/mlmmj-list" -L "$d" -d
echo '#nomail'; "$bin/mlmmj-list" -L "$d" -n
)SH";

const char kExportSubscribers[] = R"SH(case "$kind" in
  normal) f=-s ;;
  digest) f=-d ;;
  nomail) f=-n ;;
  *) echo "unknown subscriber kind: $kind" >&2; exit 2 ;;
esac
"$bin/mlmmj-list" -L "$d" "$f"
)SH";

// -f: no moderation, -q: no owner notice, -s: quiet when already subscribed; -c: welcome.
const char kSubscribeFlags[] = R"SH(set -- -f -q -s
case "$kind" in
  normal) ;;
  digest) set -- "$@" -d ;;
  nomail) set -- "$@" -n ;;
  *) echo "unknown subscriber kind: $kind" >&2; exit 2 ;;
esac
if [ "$welcome" = 1 ]; then set -- "$@" -c; fi
)SH";

const char kSubscribeLoop[] = R"SH(while IFS= read -r a; do
  [ -n "$a" ] || continue
  "$bin/mlmmj-sub" -L "$d" -a "$a" "$@" > "$t/out" 2>&1 || { echo "mlmmj-sub failed for $a: $(cat "$t/out")" >&2; restore; exit 6; }
done
rm -rf "$t"
)SH";

// "any": every version.
const char kUnsubscribeFlags[] = R"SH(set -- -q -s
case "$kind" in
  any) ;;
  normal) set -- "$@" -N ;;
  digest) set -- "$@" -d ;;
  nomail) set -- "$@" -n ;;
  *) echo "unknown subscriber kind: $kind" >&2; exit 2 ;;
esac
)SH";

const char kUnsubscribeLoop[] = R"SH(while IFS= read -r a; do
  [ -n "$a" ] || continue
  "$bin/mlmmj-unsub" -L "$d" -a "$a" "$@" > "$t/out" 2>&1 || { echo "mlmmj-unsub failed for $a: $(cat "$t/out")" >&2; restore; exit 6; }
done
rm -rf "$t"
)SH";

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

// Common part of the bulk scripts: $k (the kind's directory), $o1 $o2 (the other kinds'),
// $t (work dir), the input in $t/in, the letter files to install in $t/final, apply() with
// backups in $t/old.
const char kBulkPrelude[] = R"SH(case "$kind" in
  normal) sub=subscribers.d o1=digesters.d o2=nomailsubs.d ;;
  digest) sub=digesters.d o1=subscribers.d o2=nomailsubs.d ;;
  nomail) sub=nomailsubs.d o1=subscribers.d o2=digesters.d ;;
  *) echo "unknown subscriber kind: $kind" >&2; exit 2 ;;
esac
k="$d/$sub"
t="$d/.maildeck-$token"
[ -d "$k" ] || { echo "no directory $k" >&2; exit 4; }
own=$(stat -c %u:%g "$k") || exit 4
rm -rf "$t"; mkdir -m 0700 "$t" "$t/final" "$t/old" || exit 5
fail() { echo "$1" >&2; rm -rf "$t"; exit 5; }
cat > "$t/in" || fail 'cannot read the addresses'
mkfifo "$t/lock.release" "$t/lock.ready" || fail 'cannot lock'
python3 -c "$locker" "$k" "$t/in" < "$t/lock.release" > "$t/lock.ready" 2> "$t/lock.err" &
exec 7> "$t/lock.release"
read -r ready < "$t/lock.ready" || ready=
[ "$ready" = locked ] || fail "cannot take mlmmj's locks on the subscriber files: $(cat "$t/lock.err" 2>/dev/null | tail -n 1)"
apply() {
  for f in "$t/final"/*; do
    [ -f "$f" ] || continue
    c=${f##*/}
    if [ -f "$k/$c" ]; then cp -p "$k/$c" "$t/old/$c" || return 1; chmod --reference="$k/$c" "$f" || return 1; else : > "$t/old/$c.absent"; chmod 0600 "$f"; fi
    chown "$own" "$f" || return 1
  done
  for f in "$t/final"/*; do
    [ -f "$f" ] || continue
    mv -fT "$f" "$k/${f##*/}" || return 1
  done
}
rollback() {
  for f in "$t/old"/*; do
    [ -f "$f" ] || continue
    c=${f##*/}
    case $c in *.absent) rm -f "$k/${c%.absent}" ;; *) cp -p "$f" "$k/$c.maildeck" && mv -fT "$k/$c.maildeck" "$k/$c" ;; esac
  done
  rm -rf "$t"
}
)SH";

const char kBulkAdd[] = R"SH(cat "$k"/* > "$t/have" 2>/dev/null; : >> "$t/have"
cat "$d/$o1"/* "$d/$o2"/* > "$t/other" 2>/dev/null; : >> "$t/other"
mkdir "$t/new" || fail 'cannot stage'
awk -v dir="$t/new" -v counts="$t/counts" '
  FILENAME == ARGV[1] { have[$0] = 1; next }
  FILENAME == ARGV[2] { other[$0] = 1; next }
  $0 == "" || ($0 in have) { next }
  ($0 in other) { if (!($0 in seen)) elsewhere++; seen[$0] = 1; next }
  { have[$0] = 1; print $0 >> (dir "/" substr($0, 1, 1)); added++ }
  END { printf "added %d\nelsewhere %d\n", added, elsewhere > counts }
' "$t/have" "$t/other" "$t/in" || fail 'cannot merge the addresses'
for f in "$t/new"/*; do
  [ -f "$f" ] || continue
  c=${f##*/}
  { if [ -f "$k/$c" ]; then awk 1 "$k/$c"; fi; cat "$f"; } > "$t/final/$c" || fail 'cannot stage'
done
apply || { echo 'cannot write the subscriber files' >&2; rollback; exit 6; }
exec 7>&-
wait
cat "$t/counts"
rm -rf "$t"
)SH";

const char kBulkRemove[] = R"SH(set -- "$k"/*
[ -f "$1" ] || { echo 'removed 0'; rm -rf "$t"; exit 0; }
awk -v dir="$t/final" -v counts="$t/counts" '
  FILENAME == ARGV[1] { gone[$0] = 1; next }
  FNR == 1 { if (out != "") close(out); c = FILENAME; sub(/.*\//, "", c);
             out = dir "/" c; printf "" > out }
  ($0 in gone) { removed++; changed[c] = 1; next }
  { print $0 > out }
  END { if (out != "") close(out);
        for (x in changed) print x > (dir "/.changed");
        printf "removed %d\n", removed > counts }
' "$t/in" "$@" || fail 'cannot filter the addresses'
for f in "$t/final"/*; do
  [ -f "$f" ] || continue
  grep -qxF "${f##*/}" "$t/final/.changed" 2>/dev/null || rm -f "$f"
done
rm -f "$t/final/.changed"
apply || { echo 'cannot write the subscriber files' >&2; rollback; exit 6; }
exec 7>&-
wait
cat "$t/counts"
rm -rf "$t"
)SH";

QString text(const char *s) {
    return QString::fromUtf8(s);
}

QHash<QString, QString> makeBodies() {
    const QString common = text(kCommon);
    const QString list = common + text(kList);
    const QString need = text(kNeedList);
    const QString locker =
        QStringLiteral("locker=") + q(text(kHoldLetterLocks)) + QLatin1Char('\n');
    QHash<QString, QString> b;
    b.insert(QStringLiteral("readControl"), list + need + text(kReadControl));
    b.insert(QStringLiteral("create"), list + text(kPut) + text(kCreate));
    b.insert(QStringLiteral("applyControl"), list + text(kPut) + text(kApplyControl));
    b.insert(QStringLiteral("commitBackup"), list + text(kCommitBackup));
    b.insert(QStringLiteral("restoreBackup"), list + text(kRestoreBackup));
    b.insert(QStringLiteral("discard"), list + need + text(kDiscard));
    b.insert(QStringLiteral("detach"), list + text(kDetach));
    b.insert(QStringLiteral("undoRemoval"), list + text(kUndoRemoval));
    b.insert(QStringLiteral("finishRemoval"), list + text(kFinishRemoval));
    b.insert(QStringLiteral("inventory"), list + need + text(kInventory));
    b.insert(QStringLiteral("countSubscribers"), common + text(kCountSubscribers));
    b.insert(QStringLiteral("listSubscribers"), list + need + text(kListSubscribers));
    b.insert(QStringLiteral("exportSubscribers"),
             list + QStringLiteral("kind=$1\n") + need + text(kExportSubscribers));
    b.insert(QStringLiteral("subscribe"), list + QStringLiteral("kind=$1 welcome=$2 token=$3\n") +
                                              need + text(kSubscribeFlags) +
                                              text(kSubscriberBackup) + text(kSubscribeLoop));
    b.insert(QStringLiteral("unsubscribe"), list + QStringLiteral("kind=$1 token=$2\n") + need +
                                                text(kUnsubscribeFlags) + text(kSubscriberBackup) +
                                                text(kUnsubscribeLoop));
    const QString bulk =
        list + QStringLiteral("kind=$1 token=$2\n") + need + locker + text(kBulkPrelude);
    b.insert(QStringLiteral("bulkAdd"), bulk + text(kBulkAdd));
    b.insert(QStringLiteral("bulkRemove"), bulk + text(kBulkRemove));
    return b;
}

const QHash<QString, QString> &bodies() {
    static const QHash<QString, QString> b = makeBodies();
    return b;
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

QStringList MlmmjScripts::opNames() {
    return {QStringLiteral("readControl"),
            QStringLiteral("create"),
            QStringLiteral("applyControl"),
            QStringLiteral("commitBackup"),
            QStringLiteral("restoreBackup"),
            QStringLiteral("discard"),
            QStringLiteral("detach"),
            QStringLiteral("undoRemoval"),
            QStringLiteral("finishRemoval"),
            QStringLiteral("inventory"),
            QStringLiteral("countSubscribers"),
            QStringLiteral("listSubscribers"),
            QStringLiteral("exportSubscribers"),
            QStringLiteral("subscribe"),
            QStringLiteral("unsubscribe"),
            QStringLiteral("bulkAdd"),
            QStringLiteral("bulkRemove")};
}

QString MlmmjScripts::body(const QString &name) {
    return bodies().value(name);
}

QStringList MlmmjScripts::commonArgs(const MlmmjPaths &paths) {
    return {paths.spool, paths.archiveDir(), paths.bin,
            paths.textSkel + QLatin1Char('/') + paths.language};
}

QString MlmmjScripts::rootCommand(const MlmmjPaths &paths, const ListOp &op) {
    QString script = body(op.name);
    if (script.isEmpty()) // a programming error: fail rather than do nothing
        script = QStringLiteral("echo \"unknown list operation $0\" >&2; exit 2");
    QStringList words{QStringLiteral("sh"), QStringLiteral("-c"), q(script),
                      q(QStringLiteral("maildeck-list-") + op.name)};
    const QStringList common = commonArgs(paths);
    for (const QString &a : common)
        words << q(a);
    words << q(op.target);
    for (const QString &a : op.args)
        words << q(a);
    return words.join(QLatin1Char(' '));
}

ListOp MlmmjScripts::readControl(const QString &address) {
    return makeOp(QStringLiteral("readControl"), address);
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

ListOp MlmmjScripts::create(const QString &address, const ControlChanges &control,
                            const QString &token) {
    QStringList args{token};
    for (auto it = control.constBegin(); it != control.constEnd(); ++it) // sorted by name
        if (it.value())
            args << it.key() << base64(*it.value());
    return makeOp(QStringLiteral("create"), address, args);
}

ListOp MlmmjScripts::applyControl(const QString &address, const ControlFiles &current,
                                  const ControlChanges &changes, const QString &token) {
    QStringList args{token};
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) { // sorted by name
        const auto was = current.constFind(it.key());
        args << it.key() << (was == current.constEnd() ? QStringLiteral("absent") : sha256(*was))
             << (it.value() ? base64(*it.value()) : QStringLiteral("-"));
    }
    return makeOp(QStringLiteral("applyControl"), address, args);
}

ListOp MlmmjScripts::commitBackup(const QString &address, const QString &token) {
    return makeOp(QStringLiteral("commitBackup"), address, {token});
}

ListOp MlmmjScripts::restoreBackup(const QString &address, const QStringList &files,
                                   const QString &token) {
    return makeOp(QStringLiteral("restoreBackup"), address, QStringList{token} + files);
}

ListOp MlmmjScripts::discard(const QString &address) {
    return makeOp(QStringLiteral("discard"), address);
}

ListOp MlmmjScripts::detach(const QString &address, const QString &token) {
    return makeOp(QStringLiteral("detach"), address, {token});
}

ListOp MlmmjScripts::undoRemoval(const QString &address, const QString &token) {
    return makeOp(QStringLiteral("undoRemoval"), address, {token});
}

ListOp MlmmjScripts::finishRemoval(const QString &address, const QString &token, bool archive) {
    return makeOp(QStringLiteral("finishRemoval"), address,
                  {token, archive ? QStringLiteral("archive") : QStringLiteral("delete")});
}

ListOp MlmmjScripts::inventory(const QString &address) {
    return makeOp(QStringLiteral("inventory"), address);
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

ListOp MlmmjScripts::countSubscribers(const QString &domain) {
    return makeOp(QStringLiteral("countSubscribers"), domain);
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

ListOp MlmmjScripts::listSubscribers(const QString &address) {
    return makeOp(QStringLiteral("listSubscribers"), address);
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

ListOp MlmmjScripts::exportSubscribers(const QString &address, SubscriberKind kind) {
    return makeOp(QStringLiteral("exportSubscribers"), address, {kindWord(kind)});
}

ListOp MlmmjScripts::subscribe(const QString &address, SubscriberKind kind, bool welcome,
                               const QString &token) {
    return makeOp(QStringLiteral("subscribe"), address,
                  {kindWord(kind), welcome ? QStringLiteral("1") : QStringLiteral("0"), token});
}

ListOp MlmmjScripts::unsubscribe(const QString &address, std::optional<SubscriberKind> kind,
                                 const QString &token) {
    return makeOp(QStringLiteral("unsubscribe"), address,
                  {kind ? kindWord(*kind) : QStringLiteral("any"), token});
}

ListOp MlmmjScripts::bulkAdd(const QString &address, SubscriberKind kind, const QString &token) {
    return makeOp(QStringLiteral("bulkAdd"), address, {kindWord(kind), token});
}

ListOp MlmmjScripts::bulkRemove(const QString &address, SubscriberKind kind, const QString &token) {
    return makeOp(QStringLiteral("bulkRemove"), address, {kindWord(kind), token});
}

} // namespace maildeck::lists
