#!/usr/bin/env python3
"""MailDeck lab DNS: a tiny authoritative-only DNS responder for the lab's chrooted Postfix.

Why it exists: the lab must never send traffic off the machine and must give the same answers
on every run. Postfix's chrooted daemons read their resolv.conf from the queue directory, and
that file points here. Every name listed in the zone file resolves; every other name gets
NXDOMAIN at once, so `reject_unknown_helo_hostname` says "Host not found" and
`reject_unknown_sender_domain` says "Domain not found" exactly as with a real resolver.

Zone file: one record per line, `<name> <TYPE> <data>`; lines starting with `#` are comments.
  TYPE is A, MX (`<preference> <host>`), TXT (the rest of the line, quotes optional), PTR.
  A name `*.example.test` answers for any name below example.test that has no records itself.
The file is re-read whenever it changes. UDP only (answers are small).

Usage: lab-dns.py --listen 127.0.0.153 --port 53 --zone FILE --pid-file FILE [--foreground]
"""

import argparse
import os
import signal
import socket
import struct
import sys

TYPES = {'A': 1, 'PTR': 12, 'MX': 15, 'TXT': 16}


class Zone:
    def __init__(self, path):
        self.path = path
        self.mtime = None
        self.records = {}  # name -> list of (type code, rdata bytes)

    def refresh(self):
        try:
            mtime = os.stat(self.path).st_mtime_ns
        except OSError:
            return
        if mtime == self.mtime:
            return
        records = {}
        with open(self.path, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith('#'):
                    continue
                parts = line.split(None, 2)
                if len(parts) < 3 or parts[1].upper() not in TYPES:
                    continue
                name, rtype, data = parts[0].lower().rstrip('.'), parts[1].upper(), parts[2].strip()
                records.setdefault(name, []).append((TYPES[rtype], encode_rdata(rtype, data)))
        self.records, self.mtime = records, mtime


def encode_name(name):
    out = b''
    for label in name.rstrip('.').split('.'):
        if label:
            raw = label.encode('idna') if not label.isascii() else label.encode()
            out += bytes([len(raw)]) + raw
    return out + b'\0'


def encode_rdata(rtype, data):
    if rtype == 'A':
        return socket.inet_aton(data)
    if rtype == 'PTR':
        return encode_name(data)
    if rtype == 'MX':
        pref, host = data.split(None, 1)
        return struct.pack('!H', int(pref)) + encode_name(host)
    # TXT: split into <=255-byte character strings
    text = data[1:-1] if len(data) >= 2 and data[0] == data[-1] == '"' else data
    raw = text.encode()
    chunks = [raw[i:i + 255] for i in range(0, len(raw), 255)] or [b'']
    return b''.join(bytes([len(c)]) + c for c in chunks)


def parse_question(packet):
    """Returns (id, flags, qname, qtype, qclass, end offset of the question) or None."""
    if len(packet) < 12:
        return None
    qid, flags, qdcount = struct.unpack('!HHH', packet[:6])
    if qdcount != 1 or flags & 0x8000:
        return None
    labels, pos = [], 12
    while True:
        if pos >= len(packet):
            return None
        length = packet[pos]
        pos += 1
        if length == 0:
            break
        if length & 0xC0 or pos + length > len(packet):
            return None
        labels.append(packet[pos:pos + length].decode('ascii', 'replace'))
        pos += length
    if pos + 4 > len(packet):
        return None
    qtype, qclass = struct.unpack('!HH', packet[pos:pos + 4])
    return qid, flags, '.'.join(labels).lower(), qtype, qclass, pos + 4


def answer(zone, packet):
    q = parse_question(packet)
    if q is None:
        return None
    qid, qflags, qname, qtype, qclass, qend = q
    zone.refresh()
    question = packet[12:qend]
    opcode = (qflags >> 11) & 0xF
    rd = qflags & 0x0100
    if opcode != 0:
        return struct.pack('!HHHHHH', qid, 0x8000 | rd | 4, 1, 0, 0, 0) + question  # NOTIMP
    records = zone.records.get(qname)
    labels = qname.split('.')
    for i in range(1, len(labels)):
        if records is not None:
            break
        records = zone.records.get('*.' + '.'.join(labels[i:]))
    if records is None:
        rcode, answers = 3, []  # NXDOMAIN
    else:
        rcode = 0
        answers = [(t, rdata) for t, rdata in records if t == qtype or qtype == 255]
    flags = 0x8000 | 0x0400 | rd | 0x0080 | rcode  # QR, AA, RD copied, RA
    out = struct.pack('!HHHHHH', qid, flags, 1, len(answers), 0, 0) + question
    for rtype, rdata in answers:
        out += b'\xc0\x0c' + struct.pack('!HHIH', rtype, 1, 300, len(rdata)) + rdata
    return out


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
    ap = argparse.ArgumentParser(description='MailDeck lab DNS responder')
    ap.add_argument('--listen', default='127.0.0.153')
    ap.add_argument('--port', type=int, default=53)
    ap.add_argument('--zone', required=True)
    ap.add_argument('--pid-file')
    ap.add_argument('--foreground', action='store_true')
    args = ap.parse_args()

    zone = Zone(args.zone)
    zone.refresh()
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.listen, args.port))  # bind before detaching so a failure is visible

    if not args.foreground:
        daemonize(args.pid_file, sock.fileno())
    elif args.pid_file:
        with open(args.pid_file, 'w') as f:
            f.write('%d\n' % os.getpid())

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    while True:
        try:
            packet, peer = sock.recvfrom(4096)
            reply = answer(zone, packet)
            if reply is not None:
                sock.sendto(reply, peer)
        except (OSError, ValueError, UnicodeError):
            continue


if __name__ == '__main__':
    main()
