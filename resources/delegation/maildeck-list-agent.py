#!/usr/bin/env python3
# maildeck-list-agent: runs domain admins' mailing-list jobs on an iRedMail server, as root.
#
# Installed by MailDeck (Domain Administrators > List Agent, or `maildeck-cli admin list-agent
# install`) into one directory with
#   list-agent.conf     JSON: spool, archive, bin, skel, smtpport (may be empty), mysql (client),
#                       control_files (the control files a domain admin may write)
#   list-agent.my.cnf   the agent's MariaDB account (root only): it may call the two
#                       maildeck_delegation.int_agent_* procedures and nothing else
#   list-ops/<op>.sh    the fixed scripts of MailDeck's mlmmj operations (core/lists/MlmmjScripts)
#
# The database decides who may ask for what (list_job_submit: the list is in a domain the
# caller holds, checked again when the job is taken). This program decides what reaches a
# script: never a path (the paths come from list-agent.conf), only the job's target — checked
# here again as a lower-case address (or domain) so it cannot leave the spool — and the
# operation's own arguments, each checked against the shape that operation takes. A control
# file a domain admin may not write (the relay host, the SMTP port and HELO: server settings)
# is refused; listaddress must be the list's own address. Anything else: exit status 64 and
# the reason, and the script does not run.
#
# Python 3.5+, standard library only (iRedMail's own tools are Python 3); the database is
# reached through the mysql client, as iRedMail's scripts do.

import argparse
import base64
import binascii
import fcntl
import json
import os
import re
import signal
import subprocess
import sys
import syslog
import time

EXIT_BAD_JOB = 64

ADDRESS = re.compile(
    r"^[a-z0-9_+=-]+(\.[a-z0-9_+=-]+)*@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
    r"(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")
TOKEN = re.compile(r"^[0-9a-z]{1,16}$")
SHA256 = re.compile(r"^([0-9a-f]{64}|absent)$")
CONTROL_NAME = re.compile(r"^[a-z_]{1,40}$")
BASE64 = re.compile(r"^[A-Za-z0-9+/]*={0,2}$")
KINDS = ("normal", "digest", "nomail")
# Server settings: the global admin's (core/lists/ListSettings: relayhost, smtphelo, smtpport).
FORBIDDEN_CONTROL = ("relayhost", "smtphelo", "smtpport")
MAX_CONTROL_BYTES = 1 << 20


def log(priority, message):
    # syslog where the server has one; stderr too (systemd's journal, or list-agent.log when
    # started in the background).
    syslog.syslog(priority, message)
    print(time.strftime("%Y-%m-%dT%H:%M:%S ") + message, file=sys.stderr, flush=True)


class BadJob(Exception):
    pass


def need(cond, why):
    if not cond:
        raise BadJob(why)


def token(v):
    need(TOKEN.match(v), "bad token")


def kind(v, allow_any=False):
    need(v in KINDS or (allow_any and v == "any"), "bad subscriber kind")


def control_name(v, conf):
    need(CONTROL_NAME.match(v), "bad control file name")
    need(v not in FORBIDDEN_CONTROL, "control/%s is a server setting: only the server's "
         "administrator changes it" % v)
    # The files MailDeck's list editor writes (ListSettings::managedFiles), from the installer.
    need(v in conf.get("control_files", ()), "control/%s is not a file MailDeck manages" % v)


def content(name, b64, target):
    need(len(b64) <= MAX_CONTROL_BYTES * 4 // 3 + 4 and BASE64.match(b64),
         "control/%s: bad content" % name)
    try:
        data = base64.b64decode(b64, validate=True)
    except (binascii.Error, ValueError):
        raise BadJob("control/%s: bad content" % name)
    need(b"\0" not in data, "control/%s: bad content" % name)
    if name == "listaddress":
        first = data.split(b"\n", 1)[0].strip()
        need(first == target.encode(), "control/listaddress must be the list's own address")
    return data


def check_create(args, target, conf):
    need(len(args) >= 1 and len(args) % 2 == 1, "create takes a token and name/content pairs")
    token(args[0])
    out = [args[0]]
    for name, b64 in zip(args[1::2], args[2::2]):
        if name == "smtpport":  # the server's reinjection port, set from the agent's config
            continue
        control_name(name, conf)
        content(name, b64, target)
        out += [name, b64]
    port = str(conf.get("smtpport") or "")
    if port:
        need(port.isdigit(), "the agent's smtpport setting is not a number")
        out += ["smtpport", base64.b64encode(port.encode() + b"\n").decode()]
    return out


def check_apply(args, target, conf):
    need(len(args) >= 1 and (len(args) - 1) % 3 == 0,
         "applyControl takes a token and name/hash/content triples")
    token(args[0])
    for name, sha, b64 in zip(args[1::3], args[2::3], args[3::3]):
        control_name(name, conf)
        need(SHA256.match(sha), "bad hash")
        if b64 != "-":
            content(name, b64, target)
    return args


def check_restore(args, target, conf):
    need(len(args) >= 1, "restoreBackup takes a token")
    token(args[0])
    for name in args[1:]:
        need(CONTROL_NAME.match(name), "bad control file name")
    return args


def fixed(*checks):
    def check(args, target, conf):
        need(len(args) == len(checks), "wrong number of arguments")
        for check_one, value in zip(checks, args):
            check_one(value)
        return args
    return check


def flag(v):
    need(v in ("0", "1"), "bad flag")


def removal(v):
    need(v in ("archive", "delete"), "bad removal mode")


# Operation -> argument check. The names and shapes are MlmmjScripts' (core/lists).
OPS = {
    "readControl": fixed(),
    "inventory": fixed(),
    "countSubscribers": fixed(),
    "listSubscribers": fixed(),
    "exportSubscribers": fixed(kind),
    "discard": fixed(),
    "create": check_create,
    "applyControl": check_apply,
    "commitBackup": fixed(token),
    "restoreBackup": check_restore,
    "detach": fixed(token),
    "undoRemoval": fixed(token),
    "finishRemoval": fixed(token, removal),
    "subscribe": fixed(kind, flag, token),
    "unsubscribe": fixed(lambda v: kind(v, allow_any=True), token),
    "bulkAdd": fixed(kind, token),
    "bulkRemove": fixed(kind, token),
}


def check_job(op, target, args, conf):
    need(op in OPS, "unknown operation")
    if op == "countSubscribers":
        need(ADDRESS.match("x@" + target), "bad domain")
    else:
        need(ADDRESS.match(target), "bad list address")
    need(isinstance(args, list) and all(isinstance(a, str) for a in args),
         "the arguments are not a list of strings")
    return OPS[op](args, target, conf)


class Agent:
    def __init__(self, directory):
        self.dir = directory
        with open(os.path.join(directory, "list-agent.conf")) as f:
            self.conf = json.load(f)
        self.ops = os.path.join(directory, "list-ops")
        self.mysql = [self.conf.get("mysql") or "mysql",
                      "--defaults-file=" + os.path.join(directory, "list-agent.my.cnf"),
                      "--batch", "--skip-column-names", "--raw"]
        self.stopping = False

    def sql(self, statement, stdin=None):
        if stdin is None:
            cmd = self.mysql + ["-e", statement]
        else:
            cmd = self.mysql
        r = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=120)
        if r.returncode != 0:
            raise RuntimeError(r.stderr.decode("utf-8", "replace").strip())
        return r.stdout

    def take(self):
        # One line of five tab-separated fields, the last ones possibly empty (keep their tabs).
        out = self.sql("CALL maildeck_delegation.int_agent_take_job()").rstrip(b"\r\n")
        if not out:
            return None
        fields = out.split(b"\t")
        if len(fields) != 5:
            raise RuntimeError("unexpected answer from int_agent_take_job")
        job_id = int(fields[0])
        op = fields[1].decode("ascii", "replace")
        target = fields[2].decode("utf-8", "replace")
        args_text = bytes.fromhex(fields[3].decode("ascii")).decode("utf-8", "replace")
        stdin = bytes.fromhex(fields[4].decode("ascii"))
        return job_id, op, target, args_text, stdin

    def finish(self, job_id, status, stdout, stderr):
        statement = ("CALL maildeck_delegation.int_agent_finish_job(%d, %d, UNHEX('%s'), "
                     "UNHEX('%s'));\n" % (job_id, status, stdout.hex(), stderr[:65536].hex()))
        self.sql(None, stdin=statement.encode("ascii"))

    def run_job(self, op, target, args_text, stdin):
        try:
            args = check_job(op, target, json.loads(args_text), self.conf)
        except BadJob as e:
            return EXIT_BAD_JOB, b"", ("refused by the list agent: %s\n" % e).encode()
        except ValueError:
            return EXIT_BAD_JOB, b"", b"refused by the list agent: the arguments are not JSON\n"
        script = os.path.join(self.ops, op + ".sh")
        common = [self.conf["spool"], self.conf["archive"], self.conf["bin"], self.conf["skel"],
                  target]
        try:
            r = subprocess.run(["/bin/sh", script] + common + args, input=stdin,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600,
                               cwd="/", env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
                                             "LC_ALL": "C"})
            return r.returncode, r.stdout, r.stderr
        except subprocess.TimeoutExpired:
            return 124, b"", b"the operation took longer than 10 minutes\n"
        except OSError as e:
            return 70, b"", ("cannot run %s: %s\n" % (script, e)).encode()

    def once(self):
        job = self.take()
        if job is None:
            return False
        job_id, op, target, args_text, stdin = job
        status, out, err = self.run_job(op, target, args_text, stdin)
        self.finish(job_id, status, out, err)
        log(syslog.LOG_INFO, "job %d: %s %s: exit %d" % (job_id, op, target, status))
        return True

    def loop(self, poll):
        failures = 0
        while not self.stopping:
            try:
                busy = self.once()
                failures = 0
            except Exception as e:  # the database away, a restart: keep trying, say so once
                failures += 1
                if failures == 1 or failures % 60 == 0:
                    log(syslog.LOG_WARNING, "cannot reach the job queue: %s" % e)
                busy = False
            if not busy:
                time.sleep(poll if failures == 0 else min(5.0, poll * (1 + failures)))


def main():
    parser = argparse.ArgumentParser(description="Runs MailDeck domain admins' mailing-list jobs.")
    parser.add_argument("--dir", default=os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--poll", type=float, default=0.2, help="seconds between looks when idle")
    parser.add_argument("--check", action="store_true",
                        help="check the configuration and the database account, then exit")
    options = parser.parse_args()
    syslog.openlog("maildeck-list-agent", syslog.LOG_PID, syslog.LOG_MAIL)
    agent = Agent(options.dir)
    if options.check:
        missing = [op for op in OPS if not os.path.isfile(os.path.join(agent.ops, op + ".sh"))]
        if missing:
            print("missing operation scripts: " + " ".join(missing), file=sys.stderr)
            return 1
        agent.sql("SELECT 1")
        print("ok")
        return 0
    # One agent per installation: a second one exits at once.
    lock = open(os.path.join(options.dir, "list-agent.lock"), "w")
    try:
        fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        print("another maildeck-list-agent runs from " + options.dir, file=sys.stderr)
        return 1

    def stop(signum, frame):
        agent.stopping = True
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log(syslog.LOG_INFO, "started (%s)" % options.dir)
    agent.loop(options.poll)
    return 0


if __name__ == "__main__":
    sys.exit(main())
