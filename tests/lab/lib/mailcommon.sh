# shellcheck shell=bash
# Helpers shared by the lab's mail services (postfix.sh, dovecot.sh, policy.sh, mlmmj.sh).
# Sourced after common.sh (which has lab_pid_alive, lab_stop_pidfile); defines no service.

# The vmail DB user's password, from the my.cnf-style file the MariaDB part writes
# (the same shape as iRedMail's /root/.my.cnf-vmail).
lab_vmail_db_password() {
  local f=${LAB_DB_VMAIL_CNF:-$LAB_ROOT/root/.my.cnf-vmail}
  [ -r "$f" ] || lab_die "missing $f (MariaDB must be up first)"
  sed -n 's/^[[:space:]]*password[[:space:]]*=[[:space:]]*//p' "$f" | head -n1 | sed 's/^"\(.*\)"$/\1/; s/^'"'"'\(.*\)'"'"'$/\1/'
}

# Runs one SQL statement as the read-only vmail user; prints tab-separated rows, no header.
lab_vmail_sql() {
  MYSQL_PWD=$(lab_vmail_db_password) mysql --no-defaults -h 127.0.0.1 -P "$LAB_DB_PORT" -u vmail \
    --batch --skip-column-names vmail -e "$1" || lab_die "SQL as vmail failed: $1"
}

# Puts the current vmail DB password into generated config files that were written once (the
# password may have been made again since, e.g. after the secrets were removed). Prints the
# files it changed. Usage: lab_sync_vmail_password 'REGEX (prefix)(password)(suffix)' FILE...
lab_sync_vmail_password() {
  local pattern=$1
  shift
  /usr/bin/python3 - "$(lab_vmail_db_password)" "$pattern" "$@" <<'EOF'
import re, sys
pw, pattern, files = sys.argv[1], re.compile(sys.argv[2], re.M), sys.argv[3:]
for path in files:
    with open(path, encoding='utf-8') as f:
        text = f.read()
    new = pattern.sub(lambda m: m.group(1) + pw + m.group(3), text)
    if new != text:
        with open(path, 'w', encoding='utf-8') as f:
            f.write(new)
        print(path)
EOF
}

# The first hosted domain of the seed (example01.test): its SPF record lists the web server.
# Taken from the seed's manifest, not from the database: tests add domains of their own while
# the lab runs (clitest-….maildeck.test sorts before example01.test).
lab_first_domain() {
  local d
  d=$(/usr/bin/python3 -c 'import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
print(sorted(x["domain"] for x in m["domains"] if x.get("active", True))[0])' "$LAB_SEED_MANIFEST" 2>/dev/null) ||
    d=$(lab_vmail_sql "SELECT domain FROM domain WHERE backupmx=0 AND active=1 ORDER BY domain LIMIT 1")
  [ -n "$d" ] || lab_die "no domain in the vmail database"
  echo "$d"
}

# The self-signed certificate Postfix and Dovecot share, as iRedMail's iRedMail.crt/.key.
lab_mail_cert() {
  local dh=$LAB_ROOT/etc/ssl/dh2048_param.pem
  mkdir -p "$(dirname "$LAB_TLS_CERT")" "$(dirname "$LAB_TLS_KEY")"
  chmod 0700 "$(dirname "$LAB_TLS_KEY")"
  # iRedMail's DH parameter file; Debian's Dovecot ships a good one.
  [ -s "$dh" ] || cp /usr/share/dovecot/dh.pem "$dh"
  [ -s "$LAB_TLS_CERT" ] && [ -s "$LAB_TLS_KEY" ] && return 0
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=$LAB_HOSTNAME" \
    -addext "subjectAltName=DNS:$LAB_HOSTNAME,IP:127.0.0.1" \
    -keyout "$LAB_TLS_KEY" -out "$LAB_TLS_CERT" >/dev/null 2>&1 || lab_die "openssl could not make the lab certificate"
  chmod 0600 "$LAB_TLS_KEY"
  chmod 0644 "$LAB_TLS_CERT"
}
