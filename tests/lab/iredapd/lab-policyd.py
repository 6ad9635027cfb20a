#!/usr/bin/env python3
"""MailDeck lab stand-in for iRedAPD -- this is NOT iRedAPD.

iRedAPD (the Postfix policy daemon of iRedMail) is not packaged by Debian, so the MailDeck lab
runs this small policy service in its place. It keeps what MailDeck reads and explains:

* settings in iRedAPD's layout: <dir>/libs/default_settings.py, overridden by <dir>/settings.py
  (which starts with `from libs.default_settings import *`); both are executed like iRedAPD
  imports them, at start and again on SIGHUP;
* the Postfix policy protocol on `listen_address`:`listen_port`;
* the plugins `reject_null_sender` and `reject_sender_login_mismatch` with iRedAPD's rules and
  exact action texts (CHECK_FORGED_SENDER, ALLOWED_FORGED_SENDERS, CHECK_SPF_IF_LOGIN_MISMATCH,
  MYNETWORKS, ALLOWED_LOGIN_MISMATCH_SENDERS, ALLOWED_LOGIN_MISMATCH_STRICTLY,
  ALLOWED_LOGIN_MISMATCH_LIST_MEMBER); other plugins named in `plugins` are logged as skipped;
* one log line per request in iRedAPD's format, as rsyslog writes it to iredapd.log.

Lab differences: SPF records come from the lab DNS zone file (--zone, TXT/A/MX lines; no DNS
queries at all), list membership of mlmmj lists is read from the list's subscribers.d files
(--mlmmj-spool) instead of asking mlmmjadmin, and the daemon keeps running as root.

Usage: lab-policyd.py --dir IREDAPD_DIR --log FILE --pid-file FILE --zone FILE
                      [--mlmmj-spool DIR] [--hostname NAME] [--foreground]
"""

import argparse
import ipaddress
import os
import signal
import socketserver
import sys
import threading
import time

import pymysql

VERSION = 'maildeck-lab-stand-in'

# Texts from iRedAPD's libs/__init__.py SMTP_ACTIONS (facts/iredmail.md 6.4).
ACTIONS = {
    'default': 'DUNNO',
    'reject_null_sender': 'REJECT Policy rejection due to null sender',
    'reject_forged_sender': 'REJECT SMTP AUTH is required for users under this sender domain',
    'reject_sender_login_mismatch': 'REJECT Sender is not same as SMTP authenticate username',
}

# Plugins this stand-in implements, with iRedAPD's priorities (larger runs first).
PRIORITIES = {'reject_null_sender': 100, 'reject_sender_login_mismatch': 90}


class Daemon:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.settings = {}
        self.plugins = []
        self.short_host = (args.hostname or os.uname().nodename).split('.')[0]

    # --- settings, the iRedAPD way ----------------------------------------------------------

    def load_settings(self):
        """Executes libs/default_settings.py, then settings.py, into one namespace.

        Returns the lines to log about the plugins (logged by the caller, after the start line)."""
        d = self.args.dir
        ns = {}
        for mod in [m for m in sys.modules if m == 'libs' or m.startswith('libs.')]:
            del sys.modules[mod]  # so settings.py's `from libs.default_settings import *` re-reads
        if d not in sys.path:
            sys.path.insert(0, d)
        for path in (os.path.join(d, 'libs', 'default_settings.py'), os.path.join(d, 'settings.py')):
            with open(path, encoding='utf-8') as f:
                exec(compile(f.read(), path, 'exec'), ns)
        plugins, notes = [], []
        for name in ns.get('plugins', []):
            if name in PRIORITIES:
                plugins.append(name)
            else:
                notes.append('Plugin %s is not implemented by the MailDeck lab stand-in, skipped.' % name)
        plugins.sort(key=lambda p: PRIORITIES[p], reverse=True)
        notes += ['Loading plugin (priority: %d): %s' % (PRIORITIES[name], name) for name in plugins]
        with self.lock:
            self.settings, self.plugins = ns, plugins
        return notes

    def s(self, name, default=None):
        return self.settings.get(name, default)

    # --- logging like rsyslog's iredapd.log -------------------------------------------------

    def log(self, message, debug=False):
        if debug and str(self.s('log_level', 'info')).lower() != 'debug':
            return
        stamp = time.strftime('%b %e %H:%M:%S')
        line = '%s %s iredapd %s\n' % (stamp, self.short_host, message)
        with open(self.args.log, 'a', encoding='utf-8') as f:
            f.write(line)

    # --- the vmail database -------------------------------------------------------------------

    def db(self):
        return pymysql.connect(host=self.s('vmail_db_server', '127.0.0.1'),
                               port=int(self.s('vmail_db_port', 3306)),
                               user=self.s('vmail_db_user', 'vmail'),
                               password=self.s('vmail_db_password', ''),
                               database=self.s('vmail_db_name', 'vmail'),
                               connect_timeout=5, read_timeout=10, autocommit=True)

    @staticmethod
    def one(conn, sql, params):
        with conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchone()

    def is_local_domain(self, conn, domain):
        if not domain:
            return False
        return bool(self.one(conn, 'SELECT domain FROM domain WHERE domain=%s AND backupmx=0 AND active=1 '
                                   'UNION SELECT alias_domain FROM alias_domain WHERE alias_domain=%s AND active=1 '
                                   'LIMIT 1', (domain, domain)))

    # --- SPF from the lab zone file -----------------------------------------------------------

    def zone(self):
        records = {}
        try:
            with open(self.args.zone, encoding='utf-8') as f:
                for line in f:
                    line = line.strip()
                    if not line or line.startswith('#'):
                        continue
                    parts = line.split(None, 2)
                    if len(parts) == 3:
                        name, rtype, data = parts[0].lower().rstrip('.'), parts[1].upper(), parts[2].strip()
                        if rtype == 'TXT' and len(data) >= 2 and data[0] == data[-1] == '"':
                            data = data[1:-1]
                        records.setdefault((name, rtype), []).append(data)
        except OSError:
            pass
        return records

    def spf_networks(self, zone, domain, depth=0):
        """IP networks an SPF record allows (ip4/ip6/a/mx/include/redirect), as iRedAPD's dnsspf."""
        nets = []
        if depth > 10:
            return nets
        spf = [t for t in zone.get((domain, 'TXT'), []) if t.lower().startswith('v=spf1')]
        if not spf:
            return nets
        for term in spf[0].split()[1:]:
            term = term.lstrip('+')
            low = term.lower()
            try:
                if low.startswith('ip4:') or low.startswith('ip6:'):
                    nets.append(ipaddress.ip_network(term[4:], strict=False))
                elif low == 'a' or low.startswith('a:') or low.startswith('a/'):
                    host = term[2:].split('/')[0] if low.startswith('a:') else domain
                    nets += [ipaddress.ip_network(a) for a in zone.get((host.lower(), 'A'), [])]
                elif low == 'mx' or low.startswith('mx:') or low.startswith('mx/'):
                    host = term[3:].split('/')[0] if low.startswith('mx:') else domain
                    for mx in zone.get((host.lower(), 'MX'), []):
                        target = mx.split()[-1].lower().rstrip('.')
                        nets += [ipaddress.ip_network(a) for a in zone.get((target, 'A'), [])]
                elif low.startswith('include:'):
                    nets += self.spf_networks(zone, term[8:].lower(), depth + 1)
                elif low.startswith('redirect='):
                    nets += self.spf_networks(zone, term[9:].lower(), depth + 1)
            except ValueError:
                continue
        return nets

    def is_allowed_server_in_spf(self, domain, ip):
        try:
            addr = ipaddress.ip_address(ip)
        except ValueError:
            return False
        return any(addr in net for net in self.spf_networks(self.zone(), domain))

    # --- trusted clients (libs/utils.py is_trusted_client) ------------------------------------

    def is_trusted_client(self, ip):
        if ip in ('127.0.0.1', '::1'):
            return True
        for entry in self.s('MYNETWORKS', []) or []:
            entry = str(entry).strip()
            if entry == ip:
                return True
            if '*' in entry:
                want, have = entry.split('.'), ip.split('.')
                if len(want) == 4 and len(have) == 4 and all(w in ('*', h) for w, h in zip(want, have)):
                    return True
            elif '/' in entry:
                try:
                    if ipaddress.ip_address(ip) in ipaddress.ip_network(entry, strict=False):
                        return True
                except ValueError:
                    pass
        return False

    # --- plugins ------------------------------------------------------------------------------

    def plugin_reject_null_sender(self, req, conn):
        if req['sasl_username'] and not req['sender']:
            return ACTIONS['reject_null_sender']
        return ACTIONS['default']

    def plugin_reject_sender_login_mismatch(self, req, conn):
        sasl = req['sasl_username']
        sasl_user, _, sasl_domain = sasl.partition('@')
        sender = req['sender_without_ext']
        sender_name, _, sender_domain = sender.partition('@')
        if sasl and not sender:
            return ACTIONS['default']  # left to reject_null_sender

        if not sasl:
            if self.is_trusted_client(req['client_address']):
                self.log('Bypass trusted client.', debug=True)
                return ACTIONS['default']
            if not self.s('CHECK_FORGED_SENDER', True):
                return ACTIONS['default']
            allowed = self.s('ALLOWED_FORGED_SENDERS', []) or []
            if sender in allowed or sender_domain in allowed or sender_name + '@*' in allowed:
                self.log('Bypass allowed forged sender.', debug=True)
                return ACTIONS['default']
            local = sender_domain == req['recipient_domain'] or self.is_local_domain(conn, sender_domain)
            if not local:
                return ACTIONS['default']
            if self.s('CHECK_SPF_IF_LOGIN_MISMATCH', True):
                if self.is_allowed_server_in_spf(sender_domain, req['client_address']):
                    self.log('Sender server is listed in DNS SPF record, bypassed.', debug=True)
                    return ACTIONS['default']
            self.log('Sender is considered as forged, rejecting', debug=True)
            return ACTIONS['reject_forged_sender']

        if sender == sasl:
            return ACTIONS['default']
        allowed = self.s('ALLOWED_LOGIN_MISMATCH_SENDERS', []) or []
        strict = self.s('ALLOWED_LOGIN_MISMATCH_STRICTLY', True)
        list_member = self.s('ALLOWED_LOGIN_MISMATCH_LIST_MEMBER', False)
        if not (allowed or strict or list_member):
            return ACTIONS['reject_sender_login_mismatch']
        if allowed:
            if sasl in allowed or sasl_domain in allowed:
                return ACTIONS['default']
            if ('@' + sasl_domain in allowed or '@.' in allowed) and sasl_domain == sender_domain:
                return ACTIONS['default']
        real_sender = sender
        real_sasl = sasl
        if strict:
            if self.one(conn, 'SELECT address FROM forwardings WHERE address=%s AND forwarding=%s AND is_alias=1 LIMIT 1',
                        (sender, sasl)):
                return ACTIONS['default']
            if sender_domain != sasl_domain and self.one(
                    conn, 'SELECT alias_domain FROM alias_domain WHERE alias_domain=%s AND target_domain=%s LIMIT 1',
                    (sender_domain, sasl_domain)):
                real_sender = sender_name + '@' + sasl_domain
                if sender_name == sasl_user:
                    return ACTIONS['default']
        if list_member:
            if self.one(conn, 'SELECT forwarding FROM forwardings WHERE address=%s AND forwarding=%s AND is_list=1 '
                              'AND active=1 LIMIT 1', (real_sender, real_sasl)):
                return ACTIONS['default']
            if self.one(conn, 'SELECT id FROM maillists WHERE address=%s AND active=1 LIMIT 1', (real_sender,)):
                if self.is_mlmmj_subscriber(real_sender, sasl):
                    return ACTIONS['default']
        return ACTIONS['reject_sender_login_mismatch']

    def is_mlmmj_subscriber(self, listaddr, member):
        """The lab's answer to mlmmjadmin's has_subscriber: look in subscribers.d/."""
        if not self.args.mlmmj_spool:
            return False
        name, _, domain = listaddr.partition('@')
        path = os.path.join(self.args.mlmmj_spool, domain, name, 'subscribers.d', member[:1])
        try:
            with open(path, encoding='utf-8') as f:
                return member in (line.strip().lower() for line in f)
        except OSError:
            return False

    # --- one policy request -------------------------------------------------------------------

    def handle(self, attrs):
        start = time.time()
        req = {k: attrs.get(k, '') for k in ('protocol_state', 'sender', 'recipient', 'sasl_username',
                                             'client_address', 'client_name', 'reverse_client_name',
                                             'helo_name', 'encryption_protocol', 'encryption_cipher',
                                             'server_port', 'recipient_count', 'size')}
        for k in ('sender', 'recipient', 'sasl_username'):
            req[k] = req[k].lower()
        req['sender_without_ext'] = self.strip_ext(req['sender'])
        req['recipient_domain'] = req['recipient'].partition('@')[2]

        action = ACTIONS['default']
        if req['protocol_state'] == 'RCPT':
            conn = None
            try:
                conn = self.db()
                for name in self.plugins:
                    action = getattr(self, 'plugin_' + name)(req, conn)
                    if not action.startswith('DUNNO'):
                        break
            except pymysql.MySQLError as e:
                self.log('<!> Error while querying vmail database: %r' % (e,))
                action = ACTIONS['default']
            finally:
                if conn is not None:
                    conn.close()
        self.log_request(req, action, start, time.time())
        return action

    def strip_ext(self, mail):
        user, at, domain = mail.partition('@')
        if not at:
            return mail
        for d in self.s('RECIPIENT_DELIMITERS', ['+']) or []:
            if d and d in user:
                return user.split(d, 1)[0] + '@' + domain
        return mail

    def log_request(self, req, action, start, end):
        sasl, sender, rcpt = req['sasl_username'], req['sender'], req['recipient']
        if sasl:
            who = '%s => %s' % (sasl, rcpt) if sasl == sender else '%s => %s -> %s' % (sasl, sender, rcpt)
        else:
            who = '%s -> %s' % (sender, rcpt)
        took = '{:.4f}s'.format(end - start)
        ip = req['client_address']
        if req['protocol_state'] == 'RCPT':
            self.log('[%s] RCPT, %s, %s [sasl_username=%s, sender=%s, client_name=%s, reverse_client_name=%s, '
                     'helo=%s, encryption_protocol=%s, encryption_cipher=%s, server_port=%s, process_time=%s]'
                     % (ip, who, action, sasl, sender, req['client_name'], req['reverse_client_name'].strip('[]'),
                        req['helo_name'], req['encryption_protocol'], req['encryption_cipher'],
                        req['server_port'], took))
        else:
            self.log('[%s] %s, %s, %s [recipient_count=%s, size=%s, process_time=%s]'
                     % (ip, req['protocol_state'], who, action, req['recipient_count'] or 0, req['size'] or 0, took))


class PolicyHandler(socketserver.StreamRequestHandler):
    """Postfix policy delegation protocol: name=value lines, an empty line ends a request."""

    def handle(self):
        attrs = {}
        while True:
            line = self.rfile.readline()
            if not line:
                return
            line = line.decode('utf-8', 'replace').rstrip('\r\n')
            if line:
                name, _, value = line.partition('=')
                attrs[name] = value
                continue
            action = self.server.daemon.handle(attrs)
            self.wfile.write(('action=%s\n\n' % action).encode('utf-8'))
            self.wfile.flush()
            attrs = {}


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def daemonize(pid_file, keep_fd):
    if os.fork() > 0:
        os._exit(0)
    os.setsid()
    if os.fork() > 0:
        os._exit(0)
    os.chdir('/')
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    # Close what the starting shell left open (tests/lab/lab's lock file, for one).
    for name in os.listdir('/proc/self/fd'):
        fd = int(name)
        if fd > 2 and fd != keep_fd:
            try:
                os.close(fd)
            except OSError:
                pass
    with open(pid_file, 'w') as f:
        f.write('%d\n' % os.getpid())


def main():
    ap = argparse.ArgumentParser(description='MailDeck lab stand-in for iRedAPD (not iRedAPD)')
    ap.add_argument('--dir', required=True, help="iRedAPD's directory (settings.py, libs/default_settings.py)")
    ap.add_argument('--log', required=True)
    ap.add_argument('--pid-file', required=True)
    ap.add_argument('--zone', required=True, help='lab DNS zone file with the SPF TXT records')
    ap.add_argument('--mlmmj-spool')
    ap.add_argument('--hostname')
    ap.add_argument('--foreground', action='store_true')
    args = ap.parse_args()

    d = Daemon(args)
    notes = d.load_settings()
    server = Server((str(d.s('listen_address', '127.0.0.1')), int(d.s('listen_port', 7777))), PolicyHandler)
    server.daemon = d
    if not args.foreground:
        daemonize(args.pid_file, server.fileno())
    else:
        with open(args.pid_file, 'w') as f:
            f.write('%d\n' % os.getpid())
    d.log('Starting iRedAPD (version: %s, backend: %s), listening on %s:%s'
          % (VERSION, d.s('backend', 'mysql'), d.s('listen_address'), d.s('listen_port')))
    for note in notes:
        d.log(note)

    def reload(*_):
        try:
            for note in d.load_settings():
                d.log(note)
            d.log('Settings reloaded (SIGHUP).')
        except Exception as e:  # keep serving with the old settings
            d.log('<!> Error while reloading settings, keeping the old ones: %r' % (e,))

    signal.signal(signal.SIGHUP, reload)
    signal.signal(signal.SIGTERM, lambda *_: (d.log('Stopping iRedAPD.'), os._exit(0)))
    server.serve_forever()


if __name__ == '__main__':
    main()
