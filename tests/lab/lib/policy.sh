# shellcheck shell=bash
# The lab's policy service on 127.0.0.1:$LAB_POLICY_PORT in iRedAPD's role. iRedAPD is not in
# Debian, so tests/lab/iredapd/lab-policyd.py (a stand-in, not iRedAPD) runs instead, reading
# its settings in iRedAPD's layout under $LAB_IREDAPD_DIR (the role of /opt/iredapd):
#   libs/default_settings.py   copied from tests/lab/iredapd/ on every up (never edited, as on a server)
#   settings.py                written on the first up like the iRedMail installer writes it;
#                              edits survive down/up, `lab reset` restores it
# SPF records for CHECK_SPF_IF_LOGIN_MISMATCH come from the lab DNS zone ($LAB_DNS_ZONE).
# Log: $LAB_IREDAPD_LOG. Settings are re-read on SIGHUP (lab_policy_reload) or restart
# (lab_policy_restart).

# shellcheck source=lib/mailcommon.sh
source "$(dirname "${BASH_SOURCE[0]}")/mailcommon.sh"

LAB_POLICY_PIDFILE=$LAB_ROOT/run/iredapd.pid

lab_policy_up() {
  mkdir -p "$LAB_IREDAPD_DIR/libs" "$(dirname "$LAB_IREDAPD_LOG")" "$LAB_ROOT/run"
  install -m 0400 "$LAB_SRC/iredapd/default_settings.py" "$LAB_IREDAPD_DIR/libs/default_settings.py"
  : >"$LAB_IREDAPD_DIR/libs/__init__.py"
  [ -f "$LAB_IREDAPD_DIR/settings.py" ] || _lab_policy_write_settings
  if [ -n "$(lab_sync_vmail_password '^(vmail_db_password = ")(.*)(")$' "$LAB_IREDAPD_DIR/settings.py")" ] &&
    lab_policy_status; then
    lab_policy_reload
  fi
  lab_policy_status && return 0
  # The zone file is written by lab_dns_up; the stand-in reads it only when it checks SPF.
  /usr/bin/python3 "$LAB_SRC/iredapd/lab-policyd.py" --dir "$LAB_IREDAPD_DIR" --log "$LAB_IREDAPD_LOG" \
    --pid-file "$LAB_POLICY_PIDFILE" --zone "$LAB_DNS_ZONE" --mlmmj-spool "$LAB_MLMMJ_SPOOL" \
    --hostname "$LAB_HOSTNAME" || lab_die "the iRedAPD stand-in did not start (settings: $LAB_IREDAPD_DIR/settings.py)"
  lab_wait_port "$LAB_POLICY_PORT" 20 || lab_die "the iRedAPD stand-in does not answer on port $LAB_POLICY_PORT"
}

lab_policy_down() {
  lab_stop_pidfile "$LAB_POLICY_PIDFILE"
}

# Back to the settings.py the installer writes (`lab reset`), read by a fresh start.
lab_policy_reset() {
  rm -f "$LAB_IREDAPD_DIR/settings.py"
  lab_policy_restart
}

lab_policy_status() {
  lab_pid_alive "$LAB_POLICY_PIDFILE"
}

# What `systemctl restart iredapd` does on a server: settings.py is read again.
lab_policy_restart() {
  lab_policy_down
  lab_policy_up
}

# Re-reads settings.py without a restart (the stand-in re-executes both settings files on SIGHUP).
lab_policy_reload() {
  lab_policy_status || lab_die "the iRedAPD stand-in is not running"
  kill -HUP "$(cat "$LAB_POLICY_PIDFILE")"
}

_lab_policy_write_settings() {
  local dbpw
  dbpw=$(lab_vmail_db_password)
  [ -n "$dbpw" ] || lab_die "no password in $LAB_ROOT/root/.my.cnf-vmail"
  cat >"$LAB_IREDAPD_DIR/settings.py" <<EOF
from libs.default_settings import *

# Listen address and port. (lab: $LAB_POLICY_PORT in the role of 7777)
listen_address = "127.0.0.1"
listen_port = "$LAB_POLICY_PORT"

# Run as a low privileged user. (lab: the stand-in keeps running as root)
run_as_user = "iredapd"

# SRS (not served by the lab's stand-in)
srs_forward_port = "7778"
srs_reverse_port = "7779"
srs_domain = "$LAB_HOSTNAME"
srs_secrets = []

# Log level: info, debug.
log_level = "info"

# Backend: ldap, mysql, pgsql.
backend = "mysql"

# Enabled plugins. (lab: iRedMail's list without "greylisting", so test mail is not deferred)
plugins = ["reject_null_sender", "wblist_rdns", "reject_sender_login_mismatch", "throttle", "amavisd_wblist", "sql_alias_access_policy", "sql_ml_access_policy"]

# For SQL (MySQL/MariaDB/PostgreSQL) backends, used to query mail accounts.
vmail_db_server = "127.0.0.1"
vmail_db_port = "$LAB_DB_PORT"
vmail_db_name = "vmail"
vmail_db_user = "vmail"
vmail_db_password = "$dbpw"

# mlmmjadmin integration. (lab: no mlmmjadmin; the stand-in reads subscribers.d/ directly)
mlmmjadmin_api_endpoint = "http://127.0.0.1:7790/api"
mlmmjadmin_api_auth_token = ""

SQL_DB_DRIVER = 'pymysql'

# lab: as on the server of the SPF story (older iRedAPD releases defaulted to False): a host
# listed in a local domain's SPF record must still authenticate to send as that domain.
# The story's fix is to set it to True and restart iredapd.
CHECK_SPF_IF_LOGIN_MISMATCH = False
EOF
  chmod 0400 "$LAB_IREDAPD_DIR/settings.py"
}
