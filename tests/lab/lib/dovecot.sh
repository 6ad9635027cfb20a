# shellcheck shell=bash
# Dovecot of the lab: `dovecot -c $LAB_DOVECOT_CONFIG`, one dovecot.conf the way iRedMail writes
# it for Dovecot 2.3 (no conf.d), passdb/userdb SQL through dovecot-mysql.conf as the read-only
# `vmail` DB user with iRedMail's queries. Lines that differ from iRedMail say "lab:".
#
# Logging: iRedMail sends Dovecot to syslog (local5) and rsyslog splits it into
# /var/log/dovecot/{dovecot,imap,pop3,lda,sieve}.log. The lab has no syslog daemon, and Dovecot
# itself can only split by process kind where the process logs on its own: the LDA (started by
# Postfix's `dovecot` pipe) and lmtp (run with -L, as iRedMail does) write lda.log; everything
# else the Dovecot master starts (imap, pop3, their login processes, auth) writes dovecot.log.
# Dovecot's own file format is `Mmm dd HH:MM:SS imap-login: Info: ...` (no host, a level word),
# not the syslog form `Mmm dd HH:MM:SS host dovecot: imap-login: ...` of a real server.
#
# The config is written on the first `up` only (edits survive down/up; `lab reset` restores).
# etc/dovecot/iredmail/wlm-story.conf (picked up by iRedMail's `!include_try`) recreates the
# Windows Live Mail story for one client address; see the file.

# shellcheck source=lib/mailcommon.sh
source "$(dirname "${BASH_SOURCE[0]}")/mailcommon.sh"

LAB_DOVECOT_BASE_DIR=$LAB_ROOT/run/dovecot

lab_dovecot_up() {
  local p i
  lab_mail_cert
  _lab_dovecot_dirs
  [ -f "$LAB_DOVECOT_CONFIG" ] || _lab_dovecot_write_config
  if [ -n "$(lab_sync_vmail_password '^(connect = .* password=)(\S+)(.*)$' \
    "$(dirname "$LAB_DOVECOT_CONFIG")/dovecot-mysql.conf")" ] && lab_dovecot_status; then
    doveadm -c "$LAB_DOVECOT_CONFIG" reload >/dev/null 2>&1 || lab_die "dovecot reload failed"
  fi
  if ! lab_dovecot_status; then
    dovecot -c "$LAB_DOVECOT_CONFIG" || lab_die "dovecot did not start (see $LAB_DOVECOT_LOG_DIR/dovecot.log)"
  fi
  for p in "$LAB_IMAP_PORT" "$LAB_IMAPS_PORT" "$LAB_POP3_PORT" "$LAB_POP3S_PORT"; do
    lab_wait_port "$p" 20 || lab_die "dovecot does not answer on port $p"
  done
  # Postfix's SASL and LMTP clients need the sockets in its queue directory.
  for p in dovecot-auth dovecot-lmtp; do
    for ((i = 0; i < 50; i++)); do [ -S "$LAB_POSTFIX_QUEUE_DIR/private/$p" ] && break; sleep 0.1; done
    [ -S "$LAB_POSTFIX_QUEUE_DIR/private/$p" ] || lab_die "dovecot did not create private/$p"
  done
}

lab_dovecot_down() {
  lab_dovecot_status || return 0
  doveadm -c "$LAB_DOVECOT_CONFIG" stop >/dev/null 2>&1 || dovecot -c "$LAB_DOVECOT_CONFIG" stop >/dev/null 2>&1 || true
  local i
  for ((i = 0; i < 50; i++)); do lab_dovecot_status || return 0; sleep 0.1; done
  lab_stop_pidfile "$LAB_DOVECOT_BASE_DIR/master.pid"
}

# Back to the generated configuration (`lab reset`); the maildirs are the seed's business.
lab_dovecot_reset() {
  _lab_dovecot_write_config
  if lab_dovecot_status; then
    doveadm -c "$LAB_DOVECOT_CONFIG" reload >/dev/null 2>&1 || lab_die "dovecot reload failed"
  else
    lab_dovecot_up
  fi
}

lab_dovecot_status() {
  lab_pid_alive "$LAB_DOVECOT_BASE_DIR/master.pid"
}

_lab_dovecot_dirs() {
  mkdir -p "$(dirname "$LAB_DOVECOT_CONFIG")" "$LAB_DOVECOT_BASE_DIR" "$LAB_ROOT/var/lib/dovecot" \
    "$LAB_DOVECOT_LOG_DIR" "$LAB_POSTFIX_QUEUE_DIR/private" "$LAB_VMAIL_DIR/vmail1"
  # Mailboxes belong to vmail (uid/gid 2000) as on iRedMail; the LDA runs as vmail and appends
  # to lda.log.
  chown vmail:vmail "$LAB_VMAIL_DIR" "$LAB_VMAIL_DIR/vmail1"
  chmod 0755 "$LAB_VMAIL_DIR"
  chmod 0700 "$LAB_VMAIL_DIR/vmail1"
  touch "$LAB_DOVECOT_LOG_DIR/dovecot.log" "$LAB_DOVECOT_LOG_DIR/lda.log"
  chown vmail:vmail "$LAB_DOVECOT_LOG_DIR/lda.log"
}

_lab_dovecot_write_config() {
  local etc dbpw q=$LAB_POSTFIX_QUEUE_DIR
  etc=$(dirname "$LAB_DOVECOT_CONFIG")
  dbpw=$(lab_vmail_db_password)
  [ -n "$dbpw" ] || lab_die "no password in $LAB_ROOT/root/.my.cnf-vmail"

  cat >"$LAB_DOVECOT_CONFIG" <<EOF
# Dovecot 2.3 configuration of the MailDeck lab: one file, as iRedMail writes /etc/dovecot/dovecot.conf.
# "lab:" marks deliberate differences.

# lab: loopback only (iRedMail: * [::]).
listen = 127.0.0.1

# lab: private runtime and state directories (the system's /run/dovecot is not touched).
base_dir = $LAB_DOVECOT_BASE_DIR
state_dir = $LAB_ROOT/var/lib/dovecot

# lab: no acl (shared folders) and no last_login (needs the vmailadmin DB user).
mail_plugins = quota mailbox_alias mail_log notify

# Enabled mail protocols. lab: no sieve (Pigeonhole is not installed).
protocols = pop3 imap lmtp

# User/group who owns the message files:
mail_uid = 2000
mail_gid = 2000

# Assign uid to virtual users.
first_valid_uid = 2000
last_valid_uid = 2000

# Logging. lab: to files (iRedMail: syslog_facility = local5, split by rsyslog).
log_path = $LAB_DOVECOT_LOG_DIR/dovecot.log

# SSL: Global settings.
ssl_min_protocol = TLSv1.2
ssl = required
verbose_ssl = no
ssl_cert = <$LAB_TLS_CERT
ssl_key = <$LAB_TLS_KEY
ssl_dh = <$LAB_ROOT/etc/ssl/dh2048_param.pem
ssl_prefer_server_ciphers = yes

# With disable_plaintext_auth=yes AND ssl=required, STARTTLS is mandatory.
# Set disable_plaintext_auth=no AND ssl=yes to allow plain password transmitted
# insecurely.
disable_plaintext_auth = yes

# Mail location and mailbox format.
mail_location = maildir:%Lh/Maildir/:INDEX=%Lh/Maildir/

# Authentication mechanisms.
auth_mechanisms = PLAIN LOGIN

# Login log elements.
login_log_format_elements = user=<%u> method=%m rip=%r lip=%l mpid=%e %c %k session=<%{session}>

# Mail delivery log format
deliver_log_format = from=%{from}, envelope_sender=%{from_envelope}, subject=%{subject}, msgid=%m, size=%{size}, delivery_time=%{delivery_time}ms, %\$

service auth {
    unix_listener $q/private/dovecot-auth {
        user = postfix
        group = postfix
        mode = 0666
    }
    unix_listener auth-master {
        user = vmail
        group = vmail
        mode = 0666
    }
    unix_listener auth-userdb {
        user = vmail
        group = vmail
        mode = 0660
    }
}

# LMTP server (Local Mail Transfer Protocol).
service lmtp {
    user = vmail
    process_min_avail = 1
    executable = lmtp -L

    # lab: the socket only (iRedMail also listens on 127.0.0.1:24).
    unix_listener $q/private/dovecot-lmtp {
        user = postfix
        group = postfix
        mode = 0666
    }
}

# Virtual mail accounts.
userdb {
    args = $etc/dovecot-mysql.conf
    driver = sql
}
passdb {
    args = $etc/dovecot-mysql.conf
    driver = sql
}

# Master user.
auth_master_user_separator = *
passdb {
    driver = passwd-file
    args = $etc/dovecot-master-users
    master = yes
}

plugin {
    # lab: the "count" quota backend (iRedMail: dict in the vmail.used_quota table, which needs
    # the read-write vmailadmin DB user).
    quota = count:User quota
    quota_vsizes = yes
    quota_grace = 10%%

    # Used by quota-status service.
    quota_status_success = DUNNO
    quota_status_nouser = DUNNO
    quota_status_overquota = "552 5.2.2 Mailbox is full"

    mailbox_alias_old = Sent
    mailbox_alias_new = Sent Messages
    mailbox_alias_old2 = Sent
    mailbox_alias_new2 = Sent Items

    mail_log_events = delete undelete expunge copy mailbox_create mailbox_delete mailbox_rename
    mail_log_fields = uid box msgid size from subject flags
}

# Statistics: the mail processes (vmail, also the LDA Postfix starts) and auth (dovecot) write.
service stats {
    unix_listener stats-writer {
        user = vmail
        group = dovecot
        mode = 0660
    }
}

# quota-status policy service for Postfix (lab: port $LAB_QUOTA_STATUS_PORT, iRedMail: 12340).
service quota-status {
    executable = quota-status -p postfix
    client_limit = 1
    inet_listener {
        address = 127.0.0.1
        port = $LAB_QUOTA_STATUS_PORT
    }
}

protocol lda {
    mail_plugins = \$mail_plugins
    lda_mailbox_autocreate = yes
    lda_mailbox_autosubscribe = yes
    # lab: the LDA logs on its own, like iRedMail's lda.log.
    log_path = $LAB_DOVECOT_LOG_DIR/lda.log
}

protocol lmtp {
    mail_plugins = \$mail_plugins
    lmtp_save_to_detail_mailbox = yes
    recipient_delimiter = +
    # lab: lmtp runs with -L (logs on its own) and, as with iRedMail's rsyslog rule, into lda.log.
    log_path = $LAB_DOVECOT_LOG_DIR/lda.log
}

protocol imap {
    mail_plugins = \$mail_plugins imap_quota
    imap_client_workarounds = tb-extra-mailbox-sep
    mail_max_userip_connections = 30
}

protocol pop3 {
    mail_plugins = \$mail_plugins
    pop3_client_workarounds = outlook-no-nuls oe-ns-eoh
    pop3_uidl_format = %08Xu%08Xv
    mail_max_userip_connections = 30
}

# Login processes. lab: ports $LAB_IMAP_PORT/$LAB_IMAPS_PORT and $LAB_POP3_PORT/$LAB_POP3S_PORT
# (iRedMail: the defaults 143/993, 110/995).
service imap-login {
    inet_listener imap {
        port = $LAB_IMAP_PORT
    }
    inet_listener imaps {
        port = $LAB_IMAPS_PORT
        ssl = yes
    }
    service_count = 1
    process_limit = 500
}

service pop3-login {
    inet_listener pop3 {
        port = $LAB_POP3_PORT
    }
    inet_listener pop3s {
        port = $LAB_POP3S_PORT
        ssl = yes
    }
    service_count = 1
}

namespace inbox {
    type = private
    separator = /
    prefix =
    inbox = yes

    mailbox Sent {
        auto = subscribe
        special_use = \\Sent
    }
    mailbox "Sent Messages" {
        auto = no
        special_use = \\Sent
    }
    mailbox "Sent Items" {
        auto = no
        special_use = \\Sent
    }
    mailbox Drafts {
        auto = subscribe
        special_use = \\Drafts
    }
    mailbox Trash {
        auto = subscribe
        special_use = \\Trash
    }
    mailbox "Deleted Messages" {
        auto = no
        special_use = \\Trash
    }
    mailbox Junk {
        auto = subscribe
        special_use = \\Junk
    }
    mailbox Spam {
        auto = no
        special_use = \\Junk
    }
    mailbox "Junk E-mail" {
        auto = no
        special_use = \\Junk
    }
    mailbox Archive {
        auto = no
        special_use = \\Archive
    }
    mailbox Archives {
        auto = no
        special_use = \\Archive
    }
}

!include_try $etc/iredmail/*.conf
EOF

  # passdb/userdb: iRedMail's samples/dovecot/dovecot-sql.conf (Dovecot 2.3).
  cat >"$etc/dovecot-mysql.conf" <<EOF
driver = mysql
default_pass_scheme = CRYPT
connect = host=127.0.0.1 port=$LAB_DB_PORT dbname=vmail user=vmail password=$dbpw

# Required by doveadm tools which require to list all mail users.
iterate_query = SELECT username AS user FROM mailbox

password_query = SELECT mailbox.password, mailbox.allow_nets \\
        FROM mailbox,domain \\
       WHERE mailbox.username='%u' \\
             AND mailbox.\`enable%Ls%Lc\`=1 \\
             AND mailbox.active=1 \\
             AND mailbox.domain=domain.domain \\
             AND domain.backupmx=0 \\
             AND domain.active=1

user_query = SELECT \\
            LOWER('%u') AS master_user, \\
            LOWER(CONCAT(mailbox.storagebasedirectory, '/', mailbox.storagenode, '/', mailbox.maildir)) AS home, \\
            CONCAT(mailbox.mailboxformat, ':~/', mailbox.mailboxfolder) AS mail, \\
            CONCAT('*:bytes=', mailbox.quota*1048576) AS quota_rule \\
        FROM mailbox,domain \\
       WHERE mailbox.username='%u' \\
             AND mailbox.\`enable%Ls%Lc\`=1 \\
             AND mailbox.active=1 \\
             AND mailbox.domain=domain.domain \\
             AND domain.backupmx=0 \\
             AND domain.active=1
EOF
  : >"$etc/dovecot-master-users"
  mkdir -p "$etc/iredmail"
  cat >"$etc/iredmail/wlm-story.conf" <<EOF
# MailDeck lab: the Windows Live Mail story (DESIGN.md). On that server another file said
# "ssl = yes" while dovecot.conf said "ssl = required". With "disable_plaintext_auth = yes"
# a POP3 client that sends AUTH PLAIN or AUTH LOGIN on port 110 is then refused and logged as
# "Disconnected: ... (tried to use disallowed plaintext auth)" (with ssl = required the same
# client only gets "auth failed"). Here only the traffic script's home PC ($LAB_CLIENT_PC) sees
# that value; every other client gets iRedMail's ssl = required.
remote $LAB_CLIENT_PC {
    ssl = yes
}
EOF
  chown root:dovecot "$etc/dovecot-mysql.conf" "$etc/dovecot-master-users"
  chmod 0640 "$etc/dovecot-mysql.conf" "$etc/dovecot-master-users"
  chmod 0644 "$LAB_DOVECOT_CONFIG"
}
