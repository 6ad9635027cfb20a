# Shared settings of the MailDeck lab. Sourced by tests/lab/lab and every tests/lab/lib/*.sh.
# All state lives under LAB_ROOT; every service listens on 127.0.0.1 only.

LAB_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)   # tests/lab in the checkout
LAB_ROOT=${MAILDECK_LAB_ROOT:-/var/lib/maildeck-lab}

# Fixed high loopback ports (below Linux's ephemeral range 32768+), in the roles of the real ones.
LAB_SSH_PORT=10022
LAB_DB_PORT=10306
LAB_SMTP_PORT=10025        # Postfix postscreen/smtpd, role of 25
LAB_SUBMISSION_PORT=10587  # role of 587
LAB_SMTPS_PORT=10465       # role of 465
LAB_POP3_PORT=10110
LAB_POP3S_PORT=10995
LAB_IMAP_PORT=10143
LAB_IMAPS_PORT=10993
LAB_POLICY_PORT=10777      # iRedAPD stand-in, role of 7777

LAB_DB_SOCKET=$LAB_ROOT/mysql/mysqld.sock
LAB_MAILLOG=$LAB_ROOT/var/log/mail.log
LAB_DOVECOT_LOG_DIR=$LAB_ROOT/var/log/dovecot
LAB_IREDAPD_LOG=$LAB_ROOT/var/log/iredapd/iredapd.log
LAB_POSTFIX_CONFIG_DIR=$LAB_ROOT/etc/postfix
LAB_DOVECOT_CONFIG=$LAB_ROOT/etc/dovecot/dovecot.conf
LAB_IREDAPD_DIR=$LAB_ROOT/opt/iredapd
LAB_VMAIL_DIR=$LAB_ROOT/var/vmail
LAB_MLMMJ_SPOOL=$LAB_ROOT/var/vmail/mlmmj

LAB_HOSTNAME=mx.lab.maildeck.test   # the lab server's myhostname
LAB_ADMIN_USER=mdadmin              # SSH admin: key + password, sudo with password
LAB_KEYS_DIR=$LAB_ROOT/keys         # client keys and known_hosts for MailDeck and tests

lab_log() { printf 'lab: %s\n' "$*" >&2; }
lab_die() { printf 'lab: error: %s\n' "$*" >&2; exit 1; }

# Waits until a TCP port on 127.0.0.1 accepts connections (or gives up after $2 seconds).
lab_wait_port() {
  local port=$1 timeout=${2:-30} i
  for ((i = 0; i < timeout * 10; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
