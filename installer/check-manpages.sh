#!/bin/sh
# check-manpages.sh MAILDECK_CLI MAN_DIR
# The man pages format without a groff warning, and maildeck-cli.1 names every command that
# "maildeck-cli --help" lists (a command added to the CLI needs a line in its man page).
set -eu
cli=$1 dir=$2
status=0
for page in "$dir"/*.1; do
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null) || {
    echo "$page: man failed"; status=1; }
  if [ -n "$warnings" ]; then
    echo "$page: groff warnings:"; echo "$warnings"; status=1
  fi
done
# The command lines of --help: "  profile add NAME ..." after "Commands:", up to the usage part.
commands=$(LANGUAGE=en LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen "$cli" --help | sed -n '/^Commands:/,/^$/p' |
  grep -E '^  [a-z]' | sed -E 's/^  //; s/ [A-Z-].*$//; s/ \[.*$//')
[ -n "$commands" ] || { echo "no commands found in '$cli --help'"; exit 1; }
echo "$commands" | while IFS= read -r command; do
  if ! grep -q -- "$command" "$dir/maildeck-cli.1"; then
    echo "maildeck-cli.1 does not mention the command '$command'"; exit 1
  fi
done || status=1
exit $status
