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

# --- Mail services (lib/postfix.sh, dovecot.sh, policy.sh, mlmmj.sh) ---
LAB_TLS_CERT=$LAB_ROOT/etc/ssl/certs/iRedMail.crt   # self-signed for $LAB_HOSTNAME; tests pin it
LAB_TLS_KEY=$LAB_ROOT/etc/ssl/private/iRedMail.key
LAB_POSTFIX_QUEUE_DIR=$LAB_ROOT/var/spool/postfix   # also the chroot of Postfix's daemons
LAB_MLMMJ_REINJECT_PORT=10028  # role of iRedMail's 127.0.0.1:10028 where mlmmj posts re-enter Postfix
LAB_QUOTA_STATUS_PORT=10340    # Dovecot quota-status policy service, role of 12340
LAB_DNS_ADDR=127.0.0.1         # lab DNS on port 53 (tests/lab/dns); only the chrooted Postfix daemons ask it
LAB_DNS_ZONE=$LAB_ROOT/etc/dns/zone.txt   # its records; the iRedAPD stand-in reads SPF TXT here too
# Loopback addresses the traffic script sends from so that clients look external (mynetworks is
# 127.0.0.1/32 only, as on iRedMail). Their names are in the lab DNS.
LAB_CLIENT_MTA=127.0.0.2       # mail.partner.test: a normal outside MTA
LAB_CLIENT_WEB=127.0.0.3       # www.<first domain>: the SPF story's web server, in that domain's SPF
LAB_CLIENT_YAHOO=127.0.0.4     # mta123.mail.bbt.yahoo.co.jp: relays for random sender domains
LAB_CLIENT_PC=127.0.0.5        # no reverse name: a home PC running Windows Live Mail

# --- Core of the lab (tests/lab/lab, lib/accounts.sh, mariadb.sh, sshd.sh, seed.sh) ---
LAB_RUN_DIR=$LAB_ROOT/run              # pid files (and the lock of tests/lab/lab)
LAB_SECRETS_DIR=$LAB_ROOT/secrets      # generated passwords, one per file, mode 0600
LAB_LOG_DIR=$LAB_ROOT/var/log          # group adm, like /var/log: $LAB_ADMIN_USER reads it
LAB_DB_DIR=$LAB_ROOT/mysql             # datadir $LAB_DB_DIR/data; socket: LAB_DB_SOCKET
LAB_DB_NAME=vmail
LAB_DB_VMAIL_USER=vmail                # SELECT on vmail.*: Postfix maps, Dovecot passdb/userdb
LAB_DB_ADMIN_USER=vmailadmin           # SELECT,INSERT,DELETE,UPDATE on vmail.*
LAB_ROOT_HOME=$LAB_ROOT/root           # the lab's /root: .my.cnf, .my.cnf-vmail(admin), .iredmail/kv
LAB_DB_VMAIL_CNF=$LAB_ROOT_HOME/.my.cnf-vmail
LAB_DB_ADMIN_CNF=$LAB_ROOT_HOME/.my.cnf-vmailadmin
LAB_STORAGE_NODE=vmail1                # mailbox.storagenode; homes: $LAB_VMAIL_DIR/vmail1/<maildir>
LAB_VMAIL_UID=2000                     # iRedMail's vmail:vmail (used if 2000 is free)
LAB_SEED_DIR=$LAB_ROOT/seed            # seed.sql, manifest.json, maildirs/ (generate_seed.py)
LAB_SEED_MANIFEST=$LAB_SEED_DIR/manifest.json
LAB_SSHD_DIR=$LAB_ROOT/etc/ssh         # sshd_config, host keys, authorized_keys/<user>
LAB_ROOT_KEY=$LAB_KEYS_DIR/root_ed25519                  # root's client key (no passphrase)
LAB_ADMIN_KEY=$LAB_KEYS_DIR/mdadmin_ed25519              # mdadmin's client key (no passphrase)
LAB_ADMIN_KEY_ENCRYPTED=$LAB_KEYS_DIR/mdadmin_ed25519_passphrase  # passphrase-protected key
LAB_KNOWN_HOSTS=$LAB_KEYS_DIR/known_hosts                # [127.0.0.1]:LAB_SSH_PORT host keys

# Prints a generated secret (empty if it was never generated). Names: db_vmail, db_vmailadmin,
# admin_password, admin_key_passphrase.
lab_secret() { cat "$LAB_SECRETS_DIR/$1" 2>/dev/null || true; }

# Sets the password variables from the secrets (after `lab up` has made them).
lab_load_secrets() {
  LAB_DB_VMAIL_PASSWORD=$(lab_secret db_vmail)
  LAB_DB_ADMIN_PASSWORD=$(lab_secret db_vmailadmin)
  LAB_ADMIN_PASSWORD=$(lab_secret admin_password)
  LAB_ADMIN_KEY_PASSPHRASE=$(lab_secret admin_key_passphrase)
}

# True if the pid in file $1 belongs to a running process.
lab_pid_alive() {
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# Stops the process whose pid is in file $1 (TERM, then KILL after $2 seconds) and removes
# the file.
lab_stop_pidfile() {
  local file=$1 timeout=${2:-20} pid i
  pid=$(cat "$file" 2>/dev/null) || return 0
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < timeout * 10; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$file"
}
