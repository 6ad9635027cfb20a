# shellcheck shell=bash
# mlmmj in the lab: the seeded mailing lists on disk where iRedMail keeps them
# ($LAB_MLMMJ_SPOOL/<domain>/<list>, owner mlmmj:mlmmj, mode 0700), made with mlmmj-make-ml and
# then given the control files mlmmjadmin writes on create (facts/iredmail.md 5.1-5.2).
# The lists' SQL rows (maillists, forwardings is_maillist=1, maillist_owners) come from the seed;
# the subscribers live only on disk, as on iRedMail, and come from the seed manifest.
# Postfix delivers to a list through the `mlmmj` pipe (master.cf) which runs
# $LAB_ROOT/usr/bin/mlmmj-amime-receive (iRedMail: /usr/bin/mlmmj-amime-receive); mlmmj sends
# posts back into Postfix on 127.0.0.1:$LAB_MLMMJ_REINJECT_PORT (control/smtpport).
#
# mlmmj has no daemon here (iRedMail runs mlmmj-maintd from cron), so "up" means: `up` was
# called and not `down` since (a marker in run/), and the spool, the receive script and every
# seeded list directory exist.

# shellcheck source=lib/mailcommon.sh
source "$(dirname "${BASH_SOURCE[0]}")/mailcommon.sh"

LAB_MLMMJ_AMIME_RECEIVE=$LAB_ROOT/usr/bin/mlmmj-amime-receive
LAB_MLMMJ_MARKER=$LAB_ROOT/run/mlmmj.up

lab_mlmmj_up() {
  _lab_mlmmj_spool
  local line
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    _lab_mlmmj_make_list "$line"
  done < <(_lab_mlmmj_seed_lists)
  mkdir -p "$(dirname "$LAB_MLMMJ_MARKER")"
  : >"$LAB_MLMMJ_MARKER"
}

lab_mlmmj_down() {
  rm -f "$LAB_MLMMJ_MARKER" # nothing of mlmmj runs; the lists stay on disk
  # MailDeck's list agent, when a test installed it and did not remove it (started in the
  # background: the lab has no systemd).
  local pidfile=/usr/local/lib/maildeck/list-agent/list-agent.pid
  if [ -f "$pidfile" ]; then kill "$(cat "$pidfile")" 2>/dev/null || true; fi
}

lab_mlmmj_status() {
  [ -f "$LAB_MLMMJ_MARKER" ] && [ -x "$LAB_MLMMJ_AMIME_RECEIVE" ] && [ -d "$LAB_MLMMJ_SPOOL" ] || return 1
  local domain name
  while IFS='|' read -r _ domain name _; do
    [ -n "$name" ] || continue
    [ -f "$LAB_MLMMJ_SPOOL/$domain/$name/control/listaddress" ] || return 1
  done < <(_lab_mlmmj_seed_lists)
}

# Back to the seed: every seeded list is made again from scratch.
lab_mlmmj_reset() {
  local domain name
  while IFS='|' read -r _ domain name _; do
    [ -n "$name" ] && rm -rf "${LAB_MLMMJ_SPOOL:?}/$domain/$name"
  done < <(_lab_mlmmj_seed_lists)
  lab_mlmmj_up
}

_lab_mlmmj_spool() {
  install -d -m 0700 -o mlmmj -g mlmmj "$LAB_MLMMJ_SPOOL" "$LAB_ROOT/var/vmail/mlmmj-archive"
  install -d -m 0755 "$(dirname "$LAB_MLMMJ_AMIME_RECEIVE")"
  install -m 0550 -o mlmmj -g mlmmj "$LAB_SRC/mlmmj/mlmmj-amime-receive" "$LAB_MLMMJ_AMIME_RECEIVE"
}

# One line per seeded list: address|domain|listname|name|owners|moderators|subscribers
# (lists comma-separated), read from the seed manifest.
_lab_mlmmj_seed_lists() {
  [ -r "$LAB_SEED_MANIFEST" ] || lab_die "no seed manifest at $LAB_SEED_MANIFEST"
  /usr/bin/python3 - "$LAB_SEED_MANIFEST" <<'EOF'
import json, sys
for ml in json.load(open(sys.argv[1], encoding='utf-8')).get('maillists', []):
    print('|'.join([ml['address'], ml['domain'], ml['listname'], ml.get('name', ''),
                    ','.join(ml.get('owners', [])), ','.join(ml.get('moderators', [])),
                    ','.join(ml.get('subscribers', []))]))
EOF
}

_lab_mlmmj_make_list() {
  local address domain name title owners moderators subscribers dir c s
  IFS='|' read -r address domain name title owners moderators subscribers <<<"$1"
  dir=$LAB_MLMMJ_SPOOL/$domain/$name
  [ -f "$dir/control/listaddress" ] && return 0
  [ -n "$owners" ] || owners=postmaster@$domain
  [ -n "$moderators" ] || moderators=postmaster@$domain # mlmmjadmin's default

  install -d -m 0700 -o mlmmj -g mlmmj "$LAB_MLMMJ_SPOOL/$domain"
  # mlmmj-make-ml asks for the domain, the owner, the texts' language and whether to chown.
  printf '%s\n%s\nen\ny\n' "$domain" "${owners%%,*}" |
    mlmmj-make-ml -L "$name" -s "$LAB_MLMMJ_SPOOL/$domain" -c mlmmj:mlmmj >/dev/null 2>&1 ||
    lab_die "mlmmj-make-ml failed for $address"
  [ -f "$dir/control/listaddress" ] || lab_die "mlmmj-make-ml did not make $dir"

  # What mlmmjadmin writes on create (MLMMJ_DEFAULT_PROFILE_SETTINGS + iRedMail's smtp_port):
  : >"$dir/index"
  tr ',' '\n' <<<"$owners" >"$dir/control/owner"
  tr ',' '\n' <<<"$moderators" >"$dir/control/moderators"
  echo "$address" >"$dir/control/listaddress"
  echo "$title" >"$dir/control/name"
  for c in tocc subonlypost noget subonlyget ifmodsendonlymodmoderate; do : >"$dir/control/$c"; done
  # lab: posts go straight back to Postfix's re-injection port (iRedMail: 10027, Amavisd's
  # MLMMJ policy bank, which passes them on to 10028).
  echo "$LAB_MLMMJ_REINJECT_PORT" >"$dir/control/smtpport"
  cat >"$dir/control/customheaders" <<EOF
Precedence: bulk
List-Id: <$address>
Reply-To: $address
List-Post: <mailto:$address>
List-Subscribe: <mailto:$name+subscribe@$domain?subject=Subscribe>
List-Unsubscribe: <mailto:$name+unsubscribe@$domain?subject=Unsubscribe>
EOF
  # Subscribers: subscribers.d/<first character>, one address per line.
  if [ -n "$subscribers" ]; then
    while IFS= read -r s; do
      [ -n "$s" ] && echo "$s" >>"$dir/subscribers.d/${s:0:1}"
    done < <(tr ',' '\n' <<<"$subscribers")
  fi
  chown -R mlmmj:mlmmj "$dir"
  chmod 0700 "$dir"
}
