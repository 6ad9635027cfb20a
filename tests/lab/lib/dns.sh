# shellcheck shell=bash
# The lab DNS: tests/lab/dns/lab-dns.py on 127.0.0.1:53 (UDP), authoritative for the names in
# $LAB_DNS_ZONE and NXDOMAIN for everything else. Only Postfix's chrooted daemons ask it (their
# chroot has no resolv.conf, so glibc's default name server 127.0.0.1 is used); nothing in the
# lab asks the machine's resolver. The iRedAPD stand-in reads SPF TXT records from the same file.
#
# The zone is rewritten on every `up` from the vmail database, so domains added since get
# records too; the DNS re-reads the file when it changes (lab_dns_zone can be called any time).

# shellcheck source=lib/mailcommon.sh
source "$(dirname "${BASH_SOURCE[0]}")/mailcommon.sh"

LAB_DNS_PIDFILE=$LAB_ROOT/run/lab-dns.pid

lab_dns_up() {
  mkdir -p "$(dirname "$LAB_DNS_ZONE")" "$LAB_ROOT/run"
  lab_dns_zone
  lab_dns_status && return 0
  /usr/bin/python3 "$LAB_SRC/dns/lab-dns.py" --listen "$LAB_DNS_ADDR" --port 53 --zone "$LAB_DNS_ZONE" \
    --pid-file "$LAB_DNS_PIDFILE" || lab_die "the lab DNS did not start on $LAB_DNS_ADDR:53 (is another DNS server there?)"
  local i
  for ((i = 0; i < 50; i++)); do lab_dns_status && return 0; sleep 0.1; done
  lab_die "the lab DNS did not write its pid file"
}

lab_dns_down() {
  lab_stop_pidfile "$LAB_DNS_PIDFILE"
}

lab_dns_reset() {
  lab_dns_zone
}

lab_dns_status() {
  lab_pid_alive "$LAB_DNS_PIDFILE"
}

# Zone: the lab's own names, every seeded domain (MX + SPF), and the outside hosts the traffic
# script plays (their addresses are LAB_CLIENT_* in common.sh).
lab_dns_zone() {
  local first domains d
  domains=$(lab_vmail_sql "SELECT domain FROM domain UNION SELECT alias_domain FROM alias_domain ORDER BY 1")
  first=$(lab_first_domain)
  {
    echo "# MailDeck lab DNS zone, written by tests/lab/lib/dns.sh (format: tests/lab/dns/lab-dns.py)"
    echo "$LAB_HOSTNAME A 127.0.0.1"
    echo "1.0.0.127.in-addr.arpa PTR $LAB_HOSTNAME"
    echo "# Seeded domains: mail goes to the lab server. SPF lists it, and for the first domain"
    echo "# also the web server of the SPF story ($LAB_CLIENT_WEB)."
    for d in $domains; do
      echo "$d MX 10 $LAB_HOSTNAME"
      if [ "$d" = "$first" ]; then
        echo "$d TXT \"v=spf1 mx ip4:$LAB_CLIENT_WEB -all\""
      else
        echo "$d TXT \"v=spf1 mx -all\""
      fi
    done
    echo "www.$first A $LAB_CLIENT_WEB"
    echo "$(_lab_ptr_name "$LAB_CLIENT_WEB") PTR www.$first"
    echo "# The outside world of the traffic script."
    echo "partner.test MX 10 mail.partner.test"
    echo "partner.test TXT \"v=spf1 ip4:$LAB_CLIENT_MTA -all\""
    echo "mail.partner.test A $LAB_CLIENT_MTA"
    echo "$(_lab_ptr_name "$LAB_CLIENT_MTA") PTR mail.partner.test"
    echo "wlm-pc.partner.test A $LAB_CLIENT_PC"
    echo "yahoo.co.jp MX 10 mx.mail.yahoo.co.jp"
    echo "mx.mail.yahoo.co.jp A $LAB_CLIENT_YAHOO"
    echo "*.mail.bbt.yahoo.co.jp A $LAB_CLIENT_YAHOO"
    echo "$(_lab_ptr_name "$LAB_CLIENT_YAHOO") PTR mta123.mail.bbt.yahoo.co.jp"
  } >"$LAB_DNS_ZONE.tmp"
  mv -f "$LAB_DNS_ZONE.tmp" "$LAB_DNS_ZONE"
}

_lab_ptr_name() {
  local a b c d
  IFS=. read -r a b c d <<<"$1"
  echo "$d.$c.$b.$a.in-addr.arpa"
}
