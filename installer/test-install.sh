#!/usr/bin/env bash
# test-install.sh MAILDECK.deb
#
# Installs a MailDeck package into a clean Debian 12 root made by debootstrap, lets apt resolve
# its Depends from the Debian archive, and runs the installed programs there: the proof that the
# package's Depends are complete and its files are where the desktop looks for them.
#
# Needs root (debootstrap, chroot, mounting /proc) and HTTP to the Debian archive. What it
# downloads is kept under $MAILDECK_CHROOT_CACHE (default /var/cache/maildeck):
#   debootstrap-bookworm-minbase-<arch>.tgz   the base system's .debs (debootstrap --make-tarball)
#   root-bookworm-minbase-<arch>.tar         the root debootstrap made from it, before anything
#                                             else was installed (unpacking it takes seconds;
#                                             debootstrap's own unpack and configure a minute)
#   apt-archives/                             the .debs apt fetched for MailDeck's Depends
# so only the first run downloads much (apt's lists, ~10 MB, are fetched on each run). The
# tarball is made again when it is older than 30 days, and the root from it. Environment: MAILDECK_DEBIAN_MIRROR (default
# http://deb.debian.org/debian), MAILDECK_DEBIAN_SECURITY (http://deb.debian.org/debian-security),
# MAILDECK_CHROOT_TMPFS=0 builds the root on disk instead of a tmpfs (which needs ~600 MB of
# memory and spares the disk dpkg's many syncs), MAILDECK_KEEP_CHROOT=1 leaves the root in place
# for a look inside.
set -euo pipefail

[ $# = 1 ] || { echo "usage: $0 MAILDECK.deb" >&2; exit 2; }
deb=$(realpath "$1")
[ -f "$deb" ] || { echo "test-install: no such package: $deb" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "test-install: must run as root (debootstrap, chroot, mount)" >&2; exit 1; }
for tool in debootstrap chroot dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "test-install: $tool is missing (apt-get install debootstrap)" >&2; exit 1; }
done

suite=bookworm
arch=$(dpkg --print-architecture)
mirror=${MAILDECK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${MAILDECK_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}
cache=${MAILDECK_CHROOT_CACHE:-/var/cache/maildeck}
tarball=$cache/debootstrap-$suite-minbase-$arch.tgz
mkdir -p "$cache/apt-archives"

started=$SECONDS
step() { printf 'test-install: [%4ds] %s\n' $((SECONDS - started)) "$*"; }
fail() { printf 'test-install: FAIL: %s\n' "$*" >&2; exit 1; }

root=$(mktemp -d /var/tmp/maildeck-chroot.XXXXXX)
on_tmpfs=
cleanup() {
  local rc=$?
  if [ -n "${MAILDECK_KEEP_CHROOT:-}" ]; then
    echo "test-install: the root stays in $root (MAILDECK_KEEP_CHROOT; umount -R it when done)"
    exit $rc
  fi
  # Unmount everything below the root (and the root's tmpfs) before anything is removed.
  local mounts m
  mounts=$(findmnt -rn -o TARGET | grep -F "$root/" | sort -r || true)
  for m in $mounts; do umount "$m" 2>/dev/null || umount -l "$m" || true; done
  [ -z "$on_tmpfs" ] || umount "$root" 2>/dev/null || umount -l "$root" || true
  if findmnt -rn -o TARGET | grep -qF "$root"; then
    echo "test-install: something is still mounted at $root; not removing it" >&2
  else
    rm -rf --one-file-system "$root"
  fi
  exit $rc
}
trap cleanup EXIT
if [ "${MAILDECK_CHROOT_TMPFS:-1}" != 0 ]; then
  mount -t tmpfs -o size=3g,mode=0755 maildeck-chroot "$root"
  on_tmpfs=1
fi
trap 'exit 130' INT TERM

in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

# 1. The base system: a minbase debootstrap from the cached tarball (made once).
if [ -n "$(find "$tarball" -mtime +30 2>/dev/null)" ]; then
  step "the debootstrap tarball is older than 30 days: making it again"
  rm -f "$tarball"
fi
if [ ! -s "$tarball" ]; then
  step "making the debootstrap tarball $tarball (downloads the base system once)"
  work=$(mktemp -d /var/tmp/maildeck-debootstrap.XXXXXX)
  if ! debootstrap --variant=minbase --make-tarball="$tarball.tmp" "$suite" "$work" "$mirror" \
      >"$cache/debootstrap-make-tarball.log" 2>&1; then
    rm -rf "$work" "$tarball.tmp"
    tail -n 20 "$cache/debootstrap-make-tarball.log" >&2
    fail "debootstrap --make-tarball failed (log: $cache/debootstrap-make-tarball.log)"
  fi
  rm -rf "$work"
  mv "$tarball.tmp" "$tarball"
fi
# The pristine base root (nothing of MailDeck's Depends in it, so apt still has to resolve them
# all from the archive): unpacked from its own tar when that is newer than the tarball.
base=$cache/root-$suite-minbase-$arch.tar
if [ -s "$base" ] && [ "$base" -nt "$tarball" ]; then
  step "unpacking the cached base root $(basename "$base") into $root"
  tar --numeric-owner -xpf "$base" -C "$root" || fail "could not unpack $base"
else
  step "debootstrap $suite (minbase) into $root from the cached tarball"
  if ! debootstrap --variant=minbase --unpack-tarball="$tarball" "$suite" "$root" "$mirror" \
      >"$root.debootstrap.log" 2>&1; then
    tail -n 20 "$root.debootstrap.log" >&2
    fail "debootstrap failed (log: $root.debootstrap.log)"
  fi
  rm -f "$root.debootstrap.log"
  step "keeping the base root as $base for the next runs"
  partial=$(mktemp "$base.XXXXXX")
  tar --numeric-owner --one-file-system -cpf "$partial" -C "$root" . && mv "$partial" "$base" ||
    { rm -f "$partial"; echo "test-install: could not keep the base root (continuing)" >&2; }
fi

mount -t proc proc "$root/proc"
# No service may start inside the root.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
# A throw-away root needs no fsync after every file dpkg writes.
echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/maildeck-unsafe-io"
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF
# The .debs apt fetched in earlier runs; hard links where the file system allows.
copy_debs() {
  local f
  for f in "$1"/*.deb; do
    [ -e "$f" ] || continue
    ln -f "$f" "$2/" 2>/dev/null || cp -f "$f" "$2/"
  done
}
copy_debs "$cache/apt-archives" "$root/var/cache/apt/archives"

# 2. apt resolves the package's Depends from the archive and installs it.
step "apt-get update"
in_root apt-get update -q >"$root/apt-update.log" 2>&1 || { cat "$root/apt-update.log" >&2; fail "apt-get update failed"; }
cp "$deb" "$root/tmp/"
package=$(dpkg-deb -f "$deb" Package)
step "apt-get install ./$(basename "$deb") (Depends: $(dpkg-deb -f "$deb" Depends))"
if ! in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" >"$root/apt-install.log" 2>&1; then
  tail -n 30 "$root/apt-install.log" >&2
  fail "apt-get install of the package failed"
fi
grep -E '^(Need to get|After this operation)' "$root/apt-install.log" | sed 's/^/test-install:         /' || true
# Keep what apt fetched for the next run, without the versions the archive no longer has.
in_root apt-get autoclean -q >/dev/null
rm -f "$cache"/apt-archives/*.deb
copy_debs "$root/var/cache/apt/archives" "$cache/apt-archives"
in_root apt-get check -q >/dev/null || fail "apt-get check: broken dependencies after the install"

# Every alternative of Recommends exists in the archive (qt6-translations-l10n, ...).
recommends=$(dpkg-deb -f "$deb" Recommends)
if [ -n "$recommends" ]; then
  IFS=',' read -ra groups <<<"$recommends"
  for group in "${groups[@]}"; do
    found=
    IFS='|' read -ra alternatives <<<"$group"
    for alternative in "${alternatives[@]}"; do
      name=$(echo "$alternative" | sed -E 's/\(.*\)//; s/[[:space:]]//g')
      in_root apt-cache show "$name" >/dev/null 2>&1 && found=1
    done
    [ -n "$found" ] || fail "Recommends '$group': not in the archive"
  done
  step "Recommends are all in the archive: $recommends"
fi

# 3. The installed programs run.
step "running the installed programs"
upstream_version=$(dpkg-deb -f "$deb" Version | sed -E 's/-[^-]*$//')
out=$(in_root QT_QPA_PLATFORM=offscreen maildeck --version 2>&1) || fail "maildeck --version exited non-zero: $out"
echo "  \$ maildeck --version"; echo "$out" | sed 's/^/    /'
echo "$out" | grep -qF "$upstream_version" || fail "maildeck --version does not say $upstream_version"
out=$(in_root maildeck-cli --help 2>&1) || fail "maildeck-cli --help exited non-zero: $out"
echo "  \$ maildeck-cli --help | head -n 5"; echo "$out" | head -n 5 | sed 's/^/    /'
echo "$out" | grep -q 'profile add' || fail "maildeck-cli --help does not list 'profile add'"
out=$(in_root maildeck-cli --version 2>&1) || fail "maildeck-cli --version exited non-zero: $out"
echo "$out" | grep -qF "$upstream_version" || fail "maildeck-cli --version does not say $upstream_version"
# The core at work: a profile written and read back through the installed CLI.
in_root maildeck-cli --settings /tmp/t.conf profile add box --host mail.example.org --flavour debian >/dev/null ||
  fail "maildeck-cli profile add failed"
in_root maildeck-cli --settings /tmp/t.conf profile list | grep -q '^box' || fail "maildeck-cli profile list lost the profile"

# The plugins Qt loads at run time (invisible to dpkg-shlibdeps) are there, and their libraries too.
qtplugins=$(cd "$root" && ls -d usr/lib/*/qt6/plugins | head -n 1)
[ -n "$qtplugins" ] || fail "no Qt plugin directory in the root"
qtplugins=/$qtplugins
for plugin in platforms/libqxcb.so platforms/libqoffscreen.so sqldrivers/libqsqlmysql.so \
              iconengines/libqsvgicon.so imageformats/libqsvg.so; do
  [ -f "$root$qtplugins/$plugin" ] || fail "Qt plugin $plugin is not installed (a Depends is missing)"
  missing=$(in_root ldd "$qtplugins/$plugin" | grep 'not found' || true)
  [ -z "$missing" ] || fail "Qt plugin $plugin misses libraries: $missing"
done
for binary in /usr/bin/maildeck /usr/bin/maildeck-cli; do
  missing=$(in_root ldd "$binary" | grep 'not found' || true)
  [ -z "$missing" ] || fail "$binary misses libraries: $missing"
done

# The desktop integration files are in place.
for file in /usr/share/applications/org.maildeck.MailDeck.desktop \
            /usr/share/metainfo/org.maildeck.MailDeck.metainfo.xml \
            /usr/share/icons/hicolor/scalable/apps/org.maildeck.MailDeck.svg \
            /usr/share/icons/hicolor/16x16/apps/org.maildeck.MailDeck.png \
            /usr/share/icons/hicolor/256x256/apps/org.maildeck.MailDeck.png \
            /usr/share/man/man1/maildeck.1.gz /usr/share/man/man1/maildeck-cli.1.gz \
            /usr/share/doc/maildeck/copyright /usr/share/doc/maildeck/changelog.Debian.gz; do
  [ -s "$root$file" ] || fail "$file is not installed"
done

# 4. The package leaves cleanly.
in_root dpkg --purge "$package" >/dev/null || fail "dpkg --purge $package failed"
[ ! -e "$root/usr/bin/maildeck" ] || fail "/usr/bin/maildeck is still there after the purge"

step "PASS: $(basename "$deb") installs into a clean Debian 12 root and runs"
