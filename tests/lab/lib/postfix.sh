# shellcheck shell=bash
# Postfix of the lab: a private instance (`postfix -c $LAB_POSTFIX_CONFIG_DIR`) configured the way
# the iRedMail installer configures /etc/postfix (samples/postfix/main.cf + main.cf.mysql +
# main.cf.dovecot + main.cf.postscreen, master.cf additions, mysql/*.cf lookups), with lab paths
# and ports. Lines that differ from iRedMail on purpose say "lab:" in the generated files.
#
# DNS: every daemon that may resolve names runs chrooted in the queue directory, which has no
# etc/resolv.conf, so glibc asks 127.0.0.1:53: the lab DNS (lib/dns.sh, started before Postfix).
# Postfix never asks the machine's resolver and the answers are the same on every run.
#
# The config files are written on the first `up` only; later edits (by MailDeck's tests) survive
# down/up, and `lab reset` starts over.

# shellcheck source=lib/mailcommon.sh
source "$(dirname "${BASH_SOURCE[0]}")/mailcommon.sh"

lab_postfix_up() {
  lab_mail_cert
  [ -f "$LAB_POSTFIX_CONFIG_DIR/main.cf" ] || _lab_postfix_write_config
  _lab_postfix_chroot_files
  local changed
  changed=$(lab_sync_vmail_password '^(password\s*=\s*)(.*)()$' "$LAB_POSTFIX_CONFIG_DIR"/mysql/*.cf)
  if [ -n "$changed" ] && lab_postfix_status; then
    postfix -c "$LAB_POSTFIX_CONFIG_DIR" reload >/dev/null 2>&1 || lab_die "postfix reload failed"
  fi
  if ! postfix -c "$LAB_POSTFIX_CONFIG_DIR" status >/dev/null 2>&1; then
    # `check` also creates missing queue directories with the right owners.
    postfix -c "$LAB_POSTFIX_CONFIG_DIR" check || lab_die "postfix check failed"
    postfix -c "$LAB_POSTFIX_CONFIG_DIR" start >/dev/null 2>&1 \
      || lab_die "postfix did not start (try: postconf -c $LAB_POSTFIX_CONFIG_DIR maillog_file=/dev/stdout)"
  fi
  lab_wait_port "$LAB_SMTP_PORT" 30 || lab_die "postfix does not answer on port $LAB_SMTP_PORT"
  lab_wait_port "$LAB_SUBMISSION_PORT" 10 || lab_die "postfix does not answer on port $LAB_SUBMISSION_PORT"
  lab_wait_port "$LAB_SMTPS_PORT" 10 || lab_die "postfix does not answer on port $LAB_SMTPS_PORT"
}

lab_postfix_down() {
  if [ -f "$LAB_POSTFIX_CONFIG_DIR/main.cf" ] && postfix -c "$LAB_POSTFIX_CONFIG_DIR" status >/dev/null 2>&1; then
    postfix -c "$LAB_POSTFIX_CONFIG_DIR" stop >/dev/null 2>&1 || true
  fi
}

# Back to the generated configuration and an empty queue (`lab reset`).
lab_postfix_reset() {
  _lab_postfix_write_config
  postsuper -c "$LAB_POSTFIX_CONFIG_DIR" -d ALL >/dev/null 2>&1 || true
  if lab_postfix_status; then
    postfix -c "$LAB_POSTFIX_CONFIG_DIR" reload >/dev/null 2>&1 || lab_die "postfix reload failed"
  else
    lab_postfix_up
  fi
}

lab_postfix_status() {
  [ -f "$LAB_POSTFIX_CONFIG_DIR/main.cf" ] \
    && postfix -c "$LAB_POSTFIX_CONFIG_DIR" status >/dev/null 2>&1
}

# --- Postfix configuration -------------------------------------------------------------------

# Files Postfix's chrooted daemons need. iRedMail copies /etc/{hosts,resolv.conf,localtime,services}
# into the chroot; the lab copies only localtime and services and deliberately leaves resolv.conf,
# hosts and nsswitch.conf out: without them glibc asks the name server on 127.0.0.1:53, which is
# the lab DNS, and `postfix check` has no "differ" warnings to give.
_lab_postfix_chroot_files() {
  local etc=$LAB_POSTFIX_QUEUE_DIR/etc
  mkdir -p "$etc"
  rm -f "$etc/resolv.conf" "$etc/hosts" "$etc/nsswitch.conf"
  cp -f /etc/services "$etc/services"
  [ -e /etc/localtime ] && cp -fL /etc/localtime "$etc/localtime"
  return 0
}

_lab_postfix_write_config() {
  local dir=$LAB_POSTFIX_CONFIG_DIR dbpw first
  dbpw=$(lab_vmail_db_password)
  [ -n "$dbpw" ] || lab_die "no password in $LAB_ROOT/root/.my.cnf-vmail"
  first=$(lab_first_domain)
  mkdir -p "$dir/mysql" "$LAB_POSTFIX_QUEUE_DIR" "$LAB_ROOT/var/lib/postfix" "$(dirname "$LAB_MAILLOG")"
  chown postfix:root "$LAB_ROOT/var/lib/postfix"
  chmod 0700 "$LAB_ROOT/var/lib/postfix"

  cat >"$dir/main.cf" <<EOF
# Postfix main.cf of the MailDeck lab, shaped like the one the iRedMail installer writes.
# "lab:" marks deliberate differences.

# --------------------
# INSTALL-TIME CONFIGURATION INFORMATION
#
# lab: queue and data directories of this private instance (postfix -c $dir).
queue_directory = $LAB_POSTFIX_QUEUE_DIR
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
data_directory = $LAB_ROOT/var/lib/postfix
mail_owner = postfix
sendmail_path = /usr/sbin/sendmail
newaliases_path = /usr/bin/newaliases
mailq_path = /usr/bin/mailq
setgid_group = postdrop

# lab: Postfix writes its own log file (no syslog daemon in the lab).
maillog_file = $LAB_MAILLOG
maillog_file_prefixes = /var, /dev/stdout, $LAB_ROOT

# --------------------
# CUSTOM SETTINGS
#
compatibility_level = 3.6
unknown_local_recipient_reject_code = 550
biff = no
swap_bangpath = no
allow_percent_hack = no
allow_min_user = no
disable_vrfy_command = yes
smtputf8_enable = no
smtpd_discard_ehlo_keywords = chunking

# lab: IPv4 on loopback only (iRedMail: all interfaces).
inet_protocols = ipv4
inet_interfaces = 127.0.0.1

# TLS: the lab's self-signed certificate in iRedMail's file names.
smtpd_tls_key_file = $LAB_TLS_KEY
smtpd_tls_cert_file = $LAB_TLS_CERT
smtpd_tls_CAfile = $LAB_TLS_CERT
smtpd_tls_CApath = $(dirname "$LAB_TLS_CERT")
smtpd_tls_protocols = !SSLv2 !SSLv3 !TLSv1 !TLSv1.1
smtpd_tls_mandatory_protocols = !SSLv2 !SSLv3 !TLSv1 !TLSv1.1
smtp_tls_protocols = !SSLv2 !SSLv3 !TLSv1 !TLSv1.1
smtp_tls_mandatory_protocols = !SSLv2 !SSLv3 !TLSv1 !TLSv1.1
lmtp_tls_protocols = !SSLv2 !SSLv3 !TLSv1 !TLSv1.1
lmtp_tls_mandatory_protocols = !SSLv2 !SSLv3 !TLSv1 !TLSv1.1
smtpd_tls_dh1024_param_file = $LAB_ROOT/etc/ssl/dh2048_param.pem
tls_random_source = dev:/dev/urandom
smtp_tls_loglevel = 1
smtpd_tls_loglevel = 1
smtpd_tls_security_level = may
smtp_tls_security_level = may
smtp_tls_CApath = $(dirname "$LAB_TLS_CERT")
smtp_tls_CAfile = \$smtpd_tls_CAfile
smtp_tls_note_starttls_offer = yes

enable_long_queue_ids = yes
smtpd_reject_unlisted_recipient = yes
smtpd_reject_unlisted_sender = yes

header_checks = pcre:$dir/header_checks
body_checks = pcre:$dir/body_checks.pcre
smtpd_command_filter = pcre:$dir/command_filter.pcre

# HELO restriction
smtpd_helo_required = yes
smtpd_helo_restrictions =
    permit_mynetworks
    permit_sasl_authenticated
    check_helo_access pcre:$dir/helo_access.pcre
    reject_non_fqdn_helo_hostname
    reject_unknown_helo_hostname

# Sender restrictions
smtpd_sender_restrictions =
    reject_non_fqdn_sender
    reject_unlisted_sender
    permit_mynetworks
    permit_sasl_authenticated
    check_sender_access pcre:$dir/sender_access.pcre
    reject_unknown_sender_domain

# Recipient restrictions (lab: iRedAPD stand-in on $LAB_POLICY_PORT, quota-status on $LAB_QUOTA_STATUS_PORT)
smtpd_recipient_restrictions =
    reject_non_fqdn_recipient
    reject_unlisted_recipient
    check_policy_service inet:127.0.0.1:$LAB_POLICY_PORT
    permit_mynetworks
    permit_sasl_authenticated
    reject_unauth_destination
    check_policy_service inet:127.0.0.1:$LAB_QUOTA_STATUS_PORT

# END-OF-MESSAGE restrictions
smtpd_end_of_data_restrictions =
    check_policy_service inet:127.0.0.1:$LAB_POLICY_PORT

# Data restrictions
smtpd_data_restrictions = reject_unauth_pipelining

proxy_read_maps = \$canonical_maps \$lmtp_generic_maps \$local_recipient_maps \$mydestination \$mynetworks \$recipient_bcc_maps \$recipient_canonical_maps \$relay_domains \$relay_recipient_maps \$relocated_maps \$sender_bcc_maps \$sender_canonical_maps \$smtp_generic_maps \$smtpd_sender_login_maps \$transport_maps \$virtual_alias_domains \$virtual_alias_maps \$virtual_mailbox_domains \$virtual_mailbox_maps \$smtpd_sender_restrictions \$sender_dependent_relayhost_maps

enable_original_recipient = no

# Virtual support.
virtual_minimum_uid = 2000
virtual_uid_maps = static:2000
virtual_gid_maps = static:2000
virtual_mailbox_base = $LAB_VMAIL_DIR
virtual_alias_domains =

# hostname
myhostname = $LAB_HOSTNAME
myorigin = $LAB_HOSTNAME
mydomain = $LAB_HOSTNAME

# Note: additional IP addresses/networks listed in mynetworks should be listed in iRedAPD
# setting 'MYNETWORKS' (in $LAB_IREDAPD_DIR/settings.py) too.
# lab: 127.0.0.1 only; the traffic script sends from 127.0.0.2-5 to look like outside clients.
mynetworks = 127.0.0.1/32

mydestination = \$myhostname, localhost, localhost.localdomain
alias_maps = hash:$dir/aliases
alias_database = hash:$dir/aliases
message_size_limit = 15728640
recipient_delimiter = +
show_user_unknown_table_name = no

#
# Lookup virtual mail accounts
#
transport_maps =
    proxy:mysql:$dir/mysql/transport_maps_user.cf
    proxy:mysql:$dir/mysql/transport_maps_maillist.cf
    proxy:mysql:$dir/mysql/transport_maps_domain.cf

sender_dependent_relayhost_maps =
    proxy:mysql:$dir/mysql/sender_dependent_relayhost_maps.cf

# Lookup table with the SASL login names that own the sender (MAIL FROM) addresses.
smtpd_sender_login_maps =
    proxy:mysql:$dir/mysql/sender_login_maps.cf

virtual_mailbox_domains =
    proxy:mysql:$dir/mysql/virtual_mailbox_domains.cf

relay_domains =
    \$mydestination
    proxy:mysql:$dir/mysql/relay_domains.cf

virtual_mailbox_maps =
    proxy:mysql:$dir/mysql/virtual_mailbox_maps.cf

virtual_alias_maps =
    proxy:mysql:$dir/mysql/virtual_alias_maps.cf
    proxy:mysql:$dir/mysql/domain_alias_maps.cf
    proxy:mysql:$dir/mysql/catchall_maps.cf
    proxy:mysql:$dir/mysql/domain_alias_catchall_maps.cf

sender_bcc_maps =
    proxy:mysql:$dir/mysql/sender_bcc_maps_user.cf
    proxy:mysql:$dir/mysql/sender_bcc_maps_domain.cf

recipient_bcc_maps =
    proxy:mysql:$dir/mysql/recipient_bcc_maps_user.cf
    proxy:mysql:$dir/mysql/recipient_bcc_maps_domain.cf

#
# Dovecot SASL support.
#
smtpd_sasl_type = dovecot
smtpd_sasl_path = private/dovecot-auth
virtual_transport = dovecot
dovecot_destination_recipient_limit = 1

#
# mlmmj
#
mlmmj_destination_recipient_limit = 1

#
# Postscreen
#
postscreen_greet_action = drop
postscreen_blacklist_action = drop
postscreen_dnsbl_action = drop
postscreen_dnsbl_threshold = 2
# lab: these lists are asked through the lab DNS, which knows none of them.
postscreen_dnsbl_sites =
    zen.spamhaus.org=127.0.0.[2..11]*3
    b.barracudacentral.org=127.0.0.2*2
postscreen_dnsbl_reply_map = texthash:$dir/postscreen_dnsbl_reply
postscreen_access_list = permit_mynetworks cidr:$dir/postscreen_access.cidr
postscreen_dnsbl_whitelist_threshold = -2
EOF

  # master.cf: Debian's stock services with iRedMail's edits (postscreen on the SMTP port,
  # smtpd pass, tlsproxy, dnsblog, submission, smtps, dovecot and mlmmj pipes, mlmmj re-injection).
  # lab: listeners on 127.0.0.1 high ports; every daemon that may use DNS is chrooted (column 5)
  # so it reads the lab's resolv.conf; no Amavisd, so no content_filter and no 10024-10027.
  cat >"$dir/master.cf" <<EOF
# Postfix master.cf of the MailDeck lab (Debian's services + iRedMail's additions).
# ==========================================================================
# service type  private unpriv  chroot  wakeup  maxproc command + args
#               (yes)   (yes)   (no)    (never) (100)
# ==========================================================================
#smtp      inet  n       -       y       -       -       smtpd
127.0.0.1:$LAB_SMTP_PORT inet n - y       -       1       postscreen
smtpd     pass  -       -       y       -       -       smtpd
dnsblog   unix  -       -       y       -       0       dnsblog
tlsproxy  unix  -       -       y       -       0       tlsproxy
pickup    unix  n       -       y       60      1       pickup
cleanup   unix  n       -       y       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       y       1000?   1       tlsmgr
rewrite   unix  -       -       y       -       -       trivial-rewrite
bounce    unix  -       -       y       -       0       bounce
defer     unix  -       -       y       -       0       bounce
trace     unix  -       -       y       -       0       bounce
verify    unix  -       -       y       -       1       verify
flush     unix  n       -       y       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       y       -       -       smtp
relay     unix  -       -       y       -       -       smtp
        -o syslog_name=postfix/\$service_name
showq     unix  n       -       y       -       -       showq
error     unix  -       -       y       -       -       error
retry     unix  -       -       y       -       -       error
discard   unix  -       -       y       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       y       -       -       lmtp
anvil     unix  -       -       y       -       1       anvil
scache    unix  -       -       y       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd

# Submission, port 587 (lab: $LAB_SUBMISSION_PORT), force TLS connection.
127.0.0.1:$LAB_SUBMISSION_PORT inet n - y - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject

# smtps, port 465 (lab: $LAB_SMTPS_PORT), force SSL connection.
127.0.0.1:$LAB_SMTPS_PORT inet n - y - - smtpd
  -o syslog_name=postfix/smtps
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject

# Use dovecot's \`deliver\` program as LDA.
# lab: -c names the lab's dovecot.conf (the system's /etc/dovecot is not used).
dovecot unix    -       n       n       -       -      pipe
    flags=DRh user=vmail:vmail argv=/usr/lib/dovecot/deliver -c $LAB_DOVECOT_CONFIG -f \${sender} -d \${user}@\${domain} -m \${extension}

# mlmmj - mailing list manager
# \${nexthop} is '%d/%u' in transport ('mlmmj:%d/%u')
# lab: the receive script is under the lab root (iRedMail: /usr/bin/mlmmj-amime-receive).
mlmmj   unix  -       n       n       -       -       pipe
    flags=ORhu user=mlmmj:mlmmj argv=$LAB_ROOT/usr/bin/mlmmj-amime-receive -L $LAB_MLMMJ_SPOOL/\${nexthop}

# smtp port used by mlmmj to re-inject scanned email back to Postfix, with
# address mapping support
127.0.0.1:$LAB_MLMMJ_REINJECT_PORT inet n  -   y   -   -  smtpd
    -o syslog_name=postfix/$LAB_MLMMJ_REINJECT_PORT
    -o content_filter=
    -o mynetworks_style=host
    -o mynetworks=127.0.0.0/8
    -o local_header_rewrite_clients=
    -o local_recipient_maps=
    -o relay_recipient_maps=
    -o strict_rfc821_envelopes=yes
    -o smtp_tls_security_level=none
    -o smtpd_tls_security_level=none
    -o smtpd_restriction_classes=
    -o smtpd_delay_reject=no
    -o smtpd_client_restrictions=permit_mynetworks,reject
    -o smtpd_helo_restrictions=
    -o smtpd_sender_restrictions=
    -o smtpd_recipient_restrictions=permit_mynetworks,reject
    -o smtpd_end_of_data_restrictions=
    -o smtpd_error_sleep_time=0
    -o smtpd_soft_error_limit=1001
    -o smtpd_hard_error_limit=1000
    -o smtpd_client_connection_count_limit=0
    -o smtpd_client_connection_rate_limit=0
    -o receive_override_options=no_header_body_checks,no_unknown_recipient_checks
EOF

  _lab_postfix_mysql_cf "$dbpw"

  # Small tables: iRedMail ships helo_access.pcre and command_filter.pcre with rules, the others
  # empty. The lab's helo_access.pcre keeps the rules that matter for its traffic.
  cat >"$dir/helo_access.pcre" <<'EOF'
# check_helo_access rules (a short form of iRedMail's helo_access.pcre).
# Names nobody should use in HELO.
/^(localhost)$/ REJECT ACCESS DENIED. Your email was rejected because the sending mail server does not identify itself correctly (${1})
/^(localhost\.localdomain)$/ REJECT ACCESS DENIED. Your email was rejected because the sending mail server does not identify itself correctly (${1})
/(\.local)$/ REJECT ACCESS DENIED. Your email was rejected because the sending mail server does not identify itself correctly (${1})
# A bare IP address instead of an address literal [x.x.x.x].
/^([0-9\.]+)$/ REJECT ACCESS DENIED. Your email was rejected because the sending mail server sent non RFC compliant HELO identity (${1})
# Address literals are fine.
/^\[(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\]$/ OK
EOF
  cat >"$dir/command_filter.pcre" <<'EOF'
# Work around clients that send `RCPT TO:<'user@domain'>` (Outlook 2003/2007).
/^(RCPT\s+TO:\s*<)'([^[:space:]]+)'(>.*)/   $1$2$3
EOF
  : >"$dir/sender_access.pcre"
  : >"$dir/header_checks"
  : >"$dir/body_checks.pcre"
  : >"$dir/postscreen_dnsbl_reply"
  printf '# Rules are evaluated in the order as specified.\n#1.2.3.4 permit\n#2.3.4.5 reject\n\n# Permit local clients\n127.0.0.0/8 permit\n' \
    >"$dir/postscreen_access.cidr"
  # iRedMail's aliases: system accounts go to root, root to the first domain's postmaster.
  printf 'postmaster: root\nnobody: root\nvmail: root\nroot: postmaster@%s\n' "$first" >"$dir/aliases"
  postalias -c "$dir" "hash:$dir/aliases"

  chown root:postfix "$dir"/mysql/*.cf
  chmod 0640 "$dir"/mysql/*.cf
}

# The SQL lookup tables under mysql/, with iRedMail's queries (facts/iredmail.md 7.3).
_lab_postfix_mysql_cf() {
  local dbpw=$1 dir=$LAB_POSTFIX_CONFIG_DIR/mysql name query
  while IFS='|' read -r name query; do
    [ -n "$name" ] || continue
    printf 'hosts       = 127.0.0.1:%s\nuser        = vmail\npassword    = %s\ndbname      = vmail\nquery       = %s\n' \
      "$LAB_DB_PORT" "$dbpw" "$query" >"$dir/$name.cf"
  done <<'EOF'
virtual_mailbox_domains|SELECT domain FROM domain WHERE domain='%s' AND backupmx=0 AND active=1 UNION SELECT alias_domain.alias_domain FROM alias_domain,domain WHERE alias_domain.alias_domain='%s' AND alias_domain.active=1 AND alias_domain.target_domain=domain.domain AND domain.active=1 AND domain.backupmx=0
relay_domains|SELECT domain FROM domain WHERE domain='%s' AND backupmx=1 AND active=1 LIMIT 1
virtual_mailbox_maps|SELECT CONCAT(mailbox.storagenode, '/', mailbox.maildir, '/Maildir/') FROM mailbox,domain WHERE mailbox.username='%s' AND mailbox.active=1 AND mailbox.enabledeliver=1 AND domain.domain = mailbox.domain AND domain.active=1
virtual_alias_maps|SELECT forwardings.forwarding FROM forwardings, domain WHERE forwardings.address='%s' AND forwardings.domain=domain.domain AND forwardings.active=1 AND domain.backupmx=0 AND domain.active=1
domain_alias_maps|SELECT forwardings.forwarding FROM forwardings,alias_domain,domain WHERE alias_domain.alias_domain='%d' AND forwardings.address=CONCAT('%u', '@', alias_domain.target_domain) AND alias_domain.target_domain=domain.domain AND forwardings.active=1 AND alias_domain.active=1 AND domain.backupmx=0
catchall_maps|SELECT forwardings.forwarding FROM forwardings,domain WHERE forwardings.address='%d' AND forwardings.address=domain.domain AND forwardings.active=1 AND domain.active=1 AND domain.backupmx=0 AND '%u' NOT LIKE '%%+%%'
domain_alias_catchall_maps|SELECT forwardings.forwarding FROM forwardings,alias_domain,domain WHERE alias_domain.alias_domain='%d' AND forwardings.address=alias_domain.target_domain AND alias_domain.target_domain=domain.domain AND forwardings.active=1 AND alias_domain.active=1
transport_maps_user|SELECT mailbox.transport FROM mailbox,domain WHERE mailbox.username='%s' AND mailbox.domain='%d' AND mailbox.domain=domain.domain AND mailbox.transport<>'' AND mailbox.active=1 AND mailbox.enabledeliver=1 AND domain.backupmx=0 AND domain.active=1
transport_maps_maillist|SELECT maillists.transport FROM maillists,domain WHERE maillists.address='%s' AND maillists.active=1 AND maillists.domain=domain.domain AND domain.active=1
transport_maps_domain|SELECT transport FROM domain WHERE domain='%s' AND active=1
sender_dependent_relayhost_maps|SELECT relayhost FROM sender_relayhost WHERE account='%s' LIMIT 1
sender_login_maps|SELECT mailbox.username FROM mailbox,domain WHERE mailbox.username='%s' AND mailbox.domain='%d' AND mailbox.domain=domain.domain AND mailbox.enablesmtp=1 AND mailbox.active=1 AND domain.backupmx=0 AND domain.active=1
sender_bcc_maps_user|SELECT bcc_address FROM sender_bcc_user WHERE username='%s' AND active=1
sender_bcc_maps_domain|SELECT bcc_address FROM sender_bcc_domain WHERE domain='%d' AND active=1
recipient_bcc_maps_user|SELECT bcc_address FROM recipient_bcc_user WHERE username='%s' AND active=1
recipient_bcc_maps_domain|SELECT bcc_address FROM recipient_bcc_domain WHERE domain='%d' AND active=1
EOF
}
