#!/usr/bin/env python3
"""Generates the lab's seed data: SQL rows for the iRedMail `vmail` database and a JSON
manifest that tests read (every mailbox with its plaintext password, every alias, list, admin).

The output is deterministic: a fixed random seed, fixed timestamps and self-made salts, so the
same arguments always give byte-identical files (tests may rely on the passwords).

The rows are written the way iRedMail's own tools write them (see /work/shared/facts/iredmail.md):
  * the installer's first domain and its postmaster (global admin, maildir without timestamp);
  * mailboxes as iRedAdmin creates them: a `mailbox` row plus the `forwardings` self row
    (is_forwarding=1), maildir `<domain>/<c1>/<c2>/<c3>/<user>-YYYY.MM.DD.HH.MM.SS/`;
  * what the free edition lacks, as the docs' SQL does it: alias accounts (`alias` + members
    with is_list=1), per-user forwardings (with and without the self row = local copy),
    per-user alias addresses (is_alias=1), an alias domain, a catch-all;
  * one mlmmj list as mlmmjadmin's bk_iredmail_sql writes it (`maillists`, the is_maillist=1
    row, `maillist_owners`); its directory on disk is made by tests/lab/lib/mlmmj.sh;
  * password hashes in every scheme a migrated iRedMail server holds.

Usage: generate_seed.py --out DIR --storage-base PATH [--storage-node vmail1] [--hostname H]
Writes DIR/seed.sql, DIR/manifest.json and DIR/maildirs/ (files to copy under
<storage-base>/<storage-node>/, e.g. the installer's welcome mails of the postmaster).
"""

import argparse
import base64
import datetime
import hashlib
import json
import os
import random
import uuid
import warnings

with warnings.catch_warnings():
    # crypt is deprecated (removed in 3.13) but present in Debian 12's Python 3.11; it wraps
    # libxcrypt, which makes the same $1$/$2b$/$2y$/$6$ strings as Dovecot and iRedAdmin.
    warnings.simplefilter("ignore", DeprecationWarning)
    import crypt

SEED = 20240611
DOMAIN_COUNT = 20
USERS_PER_DOMAIN = 20
IDN_UNICODE = "日本語.test"  # the one internationalised domain, stored as punycode
BASE_TIME = datetime.datetime(2024, 6, 1, 9, 0, 0)
CRYPT_ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
PASSWORD_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"

FIRST_NAMES = [
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
    "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter",
    "yvonne", "zoe", "oscar", "quentin", "ursula", "xavier", "beth", "chris", "diana",
    "edgar", "fiona", "george", "hannah", "isaac", "julia", "kevin", "laura", "martin",
    "nora", "paul", "rita",
]
LAST_NAMES = [
    "smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies", "robinson",
    "wright", "thompson", "evans", "walker", "white", "roberts", "green", "hall", "wood",
    "jackson", "clarke", "muller", "schmidt", "rossi", "garcia", "martin", "bernard", "dubois",
    "nakamura", "kim", "nguyen",
]
# (romaji user part, display name) for the Japanese domain
JAPANESE_USERS = [
    ("taro.yamada", "山田 太郎"), ("hanako.sato", "佐藤 花子"), ("ichiro.suzuki", "鈴木 一郎"),
    ("yuki.takahashi", "高橋 由紀"), ("kenji.tanaka", "田中 健二"), ("akiko.watanabe", "渡辺 明子"),
    ("hiroshi.ito", "伊藤 博"), ("naoko.kobayashi", "小林 直子"), ("daisuke.kato", "加藤 大輔"),
    ("emi.yoshida", "吉田 恵美"), ("shota.yamaguchi", "山口 翔太"), ("mai.matsumoto", "松本 舞"),
    ("ryo.inoue", "井上 亮"), ("kaori.kimura", "木村 香織"), ("takeshi.hayashi", "林 武"),
    ("yui.shimizu", "清水 結衣"), ("sho.yamazaki", "山崎 翔"), ("rin.mori", "森 凛"),
    ("kazuki.abe", "阿部 和樹"), ("aoi.ikeda", "池田 葵"),
]


# --------------------------------------------------------------------------- password hashes

class Hasher:
    """Makes each stored form of password hash iRedMail meets, with salts from our own RNG."""

    def __init__(self, rng):
        self.rng = rng

    def _salt(self, n, alphabet=CRYPT_ALPHABET):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def ssha512(self, pw, salt_len=8):
        # iRedAdmin: 8-byte salt; `doveadm pw -s SSHA512` (installer, Roundcube): 4 bytes.
        salt = bytes(self.rng.getrandbits(8) for _ in range(salt_len))
        digest = hashlib.sha512(pw.encode() + salt).digest()
        return "{SSHA512}" + base64.b64encode(digest + salt).decode()

    def md5_crypt(self, pw):
        # vpopmail's MySQL backend kept crypt(3) MD5 strings: $1$<8-char salt>$<22 chars>.
        return crypt.crypt(pw, "$1$" + self._salt(8))

    def sha512_crypt(self, pw):
        return crypt.crypt(pw, "$6$" + self._salt(16))

    def bcrypt(self, pw, prefix, cost):
        # The 22nd salt character only carries 2 bits; pick one whose unused bits are zero so
        # the stored salt is canonical (bcrypt implementations would otherwise normalise it).
        salt = self._salt(21, CRYPT_ALPHABET) + self.rng.choice(".Oeu")
        h = crypt.crypt(pw, "%s%02d$%s" % (prefix, cost, salt))
        if not h or not h.startswith(prefix):
            raise SystemExit("libxcrypt could not make a %s hash" % prefix)
        return h

    def make(self, pw, form):
        """Returns (scheme, stored hash) for one of the stored forms named in FORMS."""
        if form == "{SSHA512}":
            return "SSHA512", self.ssha512(pw)
        if form == "{SSHA512}/doveadm":
            return "SSHA512", self.ssha512(pw, salt_len=4)
        if form == "{CRYPT}$1$":
            return "MD5-CRYPT", "{CRYPT}" + self.md5_crypt(pw)
        if form == "$1$":
            return "MD5-CRYPT", self.md5_crypt(pw)
        if form == "{CRYPT}$2b$":
            return "BLF-CRYPT", "{CRYPT}" + self.bcrypt(pw, "$2b$", 12)
        if form == "{BLF-CRYPT}$2y$":
            return "BLF-CRYPT", "{BLF-CRYPT}" + self.bcrypt(pw, "$2y$", 5)
        if form == "{SHA512-CRYPT}$6$":
            return "SHA512-CRYPT", "{SHA512-CRYPT}" + self.sha512_crypt(pw)
        if form == "{CRYPT}$6$":
            return "SHA512-CRYPT", "{CRYPT}" + self.sha512_crypt(pw)
        raise ValueError(form)


# Stored forms, with where each comes from (also written to the manifest).
FORMS = {
    "{SSHA512}": "iRedAdmin (DEFAULT_PASSWORD_SCHEME = 'SSHA512', 8-byte salt)",
    "{SSHA512}/doveadm": "doveadm pw -s SSHA512 (installer, Roundcube password plugin; 4-byte salt)",
    "{CRYPT}$1$": "vpopmail MD5-crypt migrated with {CRYPT} prepended, as the iRedMail docs advise",
    "$1$": "vpopmail MD5-crypt migrated as it came (no prefix; Dovecot's default scheme CRYPT)",
    "{CRYPT}$2b$": "iRedAdmin BCRYPT (python bcrypt, cost 12)",
    "{BLF-CRYPT}$2y$": "doveadm pw -s BLF-CRYPT (cost 5)",
    "{SHA512-CRYPT}$6$": "doveadm pw -s SHA512-CRYPT",
    "{CRYPT}$6$": "crypt(3) SHA-512 with a {CRYPT} prefix (migrated from /etc/shadow-style stores)",
}


# --------------------------------------------------------------------------- helpers

def sql_str(value):
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    s = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return "'" + s + "'"


def insert(table, row):
    cols = ", ".join("`%s`" % c for c in row)
    vals = ", ".join(sql_str(v) for v in row.values())
    return "INSERT INTO `%s` (%s) VALUES (%s);" % (table, cols, vals)


def ts(dt):
    return dt.strftime("%Y-%m-%d %H:%M:%S")


def hashed_maildir(user, domain, created, installer=False):
    """maildir column as iRedAdmin (timestamped) or the installer (no timestamp) writes it."""
    user = user.lower()
    if installer:
        # conf/core hash_maildir: short names repeat the last character.
        chars = [user[0], user[1] if len(user) > 1 else user[0], user[2] if len(user) > 2 else user[-1]]
        stamp = ""
    else:
        # iRedAdmin libs/iredutils.py generate_maildir_path: short names padded with '_'.
        chars = [user[0], user[1] if len(user) > 1 else "_", user[2] if len(user) > 2 else "_"]
        stamp = created.strftime("-%Y.%m.%d.%H.%M.%S")
    chars = ["_" if c in ".~" else c for c in chars]
    return "%s/%s/%s/%s/%s%s/" % (domain, chars[0], chars[1], chars[2], user, stamp)


# --------------------------------------------------------------------------- the data

class Seed:
    def __init__(self, storage_base, storage_node, hostname):
        self.rng = random.Random(SEED)
        self.hasher = Hasher(random.Random(SEED + 1))
        self.storage_base = storage_base.rstrip("/")
        self.storage_node = storage_node
        self.hostname = hostname
        self.sql = []
        self.domains = []
        self.mailboxes = []
        self.by_email = {}
        self.aliases = []
        self.forwardings = []
        self.alias_addresses = []
        self.alias_domains = []
        self.catchalls = []
        self.maillists = []
        self.admins = []
        self.maildir_files = []  # (relative path under storage node, bytes)
        self.examples = {}

    # ---- primitives

    def password(self):
        return "".join(self.rng.choice(PASSWORD_ALPHABET) for _ in range(12))

    def forwarding_row(self, address, forwarding, flag):
        row = {
            "address": address,
            "forwarding": forwarding,
            "domain": address.split("@")[-1],
            "dest_domain": forwarding.split("@")[-1],
        }
        if flag:
            row[flag] = 1
        row["active"] = 1
        self.sql.append(insert("forwardings", row))

    def add_domain(self, domain, unicode_name, description, created, settings=None,
                   installer=False):
        row = {"domain": domain, "transport": "dovecot"}
        if settings:
            row["settings"] = settings
        row.update({"active": 1, "created": ts(created), "description": description})
        if installer:
            # samples/mysql/sql/add_first_domain_and_user.sql
            row = {"domain": domain, "transport": "dovecot", "settings": settings,
                   "created": ts(created), "description": description}
        self.sql.append(insert("domain", row))
        entry = {"domain": domain, "unicode": unicode_name, "description": description,
                 "transport": "dovecot", "settings": settings or "", "active": True,
                 "created": ts(created), "mailboxes": [], "catchall": None,
                 "alias_domains": []}
        self.domains.append(entry)
        return entry

    def add_mailbox(self, dom, user, name, form, quota_mb, created, installer=False,
                    password=None, language="en_US", active=True, disabled=()):
        email = "%s@%s" % (user, dom["domain"])
        pw = password or self.password()
        scheme, hashed = self.hasher.make(pw, form)
        maildir = hashed_maildir(user, dom["domain"], created, installer)
        if installer:
            # samples/mysql/sql/add_first_domain_and_user.sql (other columns: DDL defaults)
            row = {"username": email, "password": hashed, "name": name, "maildir": maildir,
                   "quota": quota_mb, "domain": dom["domain"], "isadmin": 0,
                   "isglobaladmin": 1, "created": ts(created)}
        else:
            # iRedAdmin add_user_from_form
            row = {"domain": dom["domain"], "username": email, "password": hashed,
                   "name": name, "quota": quota_mb, "storagebasedirectory": self.storage_base,
                   "storagenode": self.storage_node, "maildir": maildir, "language": language,
                   "passwordlastchange": ts(created), "created": ts(created),
                   "active": 1 if active else 0}
            for svc in disabled:
                row["enable" + svc] = 0
        self.sql.append(insert("mailbox", row))
        self.forwarding_row(email, email, "is_forwarding")
        mb = {
            "email": email, "domain": dom["domain"], "name": name, "password": pw,
            "scheme": scheme, "stored_as": form.split("/")[0], "hash": hashed,
            "hash_origin": FORMS[form], "quota_mb": quota_mb, "language": language,
            "maildir": maildir,
            "home": "%s/%s/%s" % (self.storage_base, self.storage_node, maildir),
            "active": active, "disabled_services": list(disabled),
            "is_global_admin": installer, "is_domain_admin": False,
            "keeps_local_copy": True, "forwards_to": [], "alias_addresses": [],
            "seed_messages": 0, "created": ts(created),
        }
        self.mailboxes.append(mb)
        self.by_email[email] = mb
        dom["mailboxes"].append(email)
        return mb

    # ---- the whole data set

    def build(self):
        self.sql.append("SET NAMES utf8mb4;")
        self.sql.append("USE vmail;")
        self.sql.append("START TRANSACTION;")
        idn_ascii = IDN_UNICODE.encode("idna").decode("ascii")
        names = ["example%02d.test" % i for i in range(1, DOMAIN_COUNT)] + [idn_ascii]

        for di, domain in enumerate(names):
            n = di + 1
            created = BASE_TIME + datetime.timedelta(days=di)
            first = di == 0
            if domain == idn_ascii:
                dom = self.add_domain(domain, IDN_UNICODE, "日本語ドメイン (IDN)", created,
                                      settings="default_user_quota:2048;")
            elif first:
                dom = self.add_domain(domain, domain, "Example %02d (first domain)" % n,
                                      created, settings="default_user_quota:1024;",
                                      installer=True)
            else:
                settings = "default_user_quota:1024;" if n % 3 == 0 else None
                dom = self.add_domain(domain, domain, "Example %02d" % n, created, settings)
            self.add_users(dom, n, created, first, domain == idn_ascii)

        self.add_routing(names, idn_ascii)
        self.add_maillist()
        self.add_admins()
        self.sql.append("COMMIT;")

    def scheme_forms(self, n):
        """Stored password forms for the 20 users of domain number n (1-based)."""
        rng = self.rng
        forms = []
        for i in range(USERS_PER_DOMAIN):
            if n <= 5:  # migrated from qmail+vpopmail: MD5-crypt, a few since changed
                r = rng.random()
                forms.append("$1$" if r < 0.15 else "{SSHA512}" if r > 0.8 else "{CRYPT}$1$")
            elif n <= 7:  # bcrypt (BSD installs default to BCRYPT)
                forms.append("{CRYPT}$2b$" if i < 2 else "{BLF-CRYPT}$2y$")
            elif n <= 9:
                forms.append("{CRYPT}$6$" if i % 4 == 3 else "{SHA512-CRYPT}$6$")
            else:
                forms.append("{SSHA512}/doveadm" if i % 5 == 4 else "{SSHA512}")
        return forms

    def add_users(self, dom, n, created, first, idn):
        rng = self.rng
        forms = self.scheme_forms(n)
        used = set()
        people = []
        if idn:
            people = list(JAPANESE_USERS)
        else:
            if first:
                people.append(("postmaster", "Postmaster"))
            if n == 2:
                people += [("k", "K (one-letter user)"), ("jo", "Jo (two-letter user)")]
            if n == 11:
                people.append(("zoe.emoji", "Zoë 🚀 Test"))
            while len(people) < USERS_PER_DOMAIN:
                f, l = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
                style = rng.randrange(4)
                user = [f, "%s.%s" % (f, l), "%s.%s" % (f[0], l), f + l][style]
                if user in used or user == "postmaster":
                    continue
                used.add(user)
                people.append((user, "%s %s" % (f.capitalize(), l.capitalize())))
        for i, (user, name) in enumerate(people):
            t = created + datetime.timedelta(hours=1, minutes=7 * i, seconds=13 * i)
            quota = rng.choice([0, 512, 1024, 1024, 1024, 2048, 5120])
            installer = first and user == "postmaster"
            form = forms[i]
            password = None
            language = "ja_JP" if idn else "en_US"
            if installer:
                form, quota, language = "{SSHA512}/doveadm", 1024, ""
            if idn and i == 1:
                password = "パスワード-" + self.password()[:6]  # non-ASCII password
            active, disabled = True, ()
            if n == 4 and i == 7:
                active = False
            if n == 4 and i == 8:
                disabled = ("imap", "imapsecured")
            mb = self.add_mailbox(dom, user, name, form, quota, t, installer=installer,
                                  password=password, language=language, active=active,
                                  disabled=disabled)
            if installer:
                self.add_welcome_mails(mb, t)

    def add_welcome_mails(self, mb, t):
        # The installer drops three welcome mails into the postmaster's Maildir/new.
        subjects = [("details.eml", "Details of this iRedMail installation"),
                    ("links.eml", "Useful resources for iRedMail administrator"),
                    ("mua.eml", "How to configure your mail client applications (MUA)")]
        for k, (fname, subject) in enumerate(subjects):
            body = (
                "From: root@%s\nTo: %s\nDate: %s +0000\nSubject: %s\n"
                "Message-ID: <welcome-%d@%s>\nMIME-Version: 1.0\n"
                "Content-Type: text/plain; charset=utf-8\n\n"
                "This is the lab's copy of the iRedMail installer's %s.\n"
            ) % (self.hostname, mb["email"], t.strftime("%a, %d %b %Y %H:%M:%S"), subject, k,
                 self.hostname, fname)
            data = body.encode()
            stamp = int(t.replace(tzinfo=datetime.timezone.utc).timestamp()) + k
            fn = "%d.M%dP%d.%s,S=%d,W=%d" % (stamp, k, 1000 + k, self.hostname, len(data),
                                           len(data) + body.count("\n"))
            self.maildir_files.append((mb["maildir"] + "Maildir/new/" + fn, data))
        mb["seed_messages"] = len(subjects)

    def pick(self, domain, index):
        return self.by_email[[d for d in self.domains if d["domain"] == domain][0]["mailboxes"][index]]

    def add_routing(self, names, idn_ascii):
        t = ts(BASE_TIME + datetime.timedelta(days=30))
        d2, d3, d4, d5, d10 = names[1], names[2], names[3], names[4], names[9]

        # Alias accounts ("unsubscribable lists"): alias row + members with is_list=1.
        def alias(address, name, policy, members, moderators=()):
            dom = address.split("@")[1]
            self.sql.append(insert("alias", {"address": address, "name": name,
                                             "accesspolicy": policy, "domain": dom,
                                             "created": t, "active": 1}))
            for m in members:
                self.forwarding_row(address, m, "is_list")
            for m in moderators:
                self.sql.append(insert("moderators", {"address": address, "moderator": m,
                                                      "domain": dom,
                                                      "dest_domain": m.split("@")[1]}))
            self.aliases.append({"address": address, "name": name, "accesspolicy": policy,
                                 "domain": dom, "members": list(members),
                                 "moderators": list(moderators), "active": True})

        sales = [self.pick(d2, i)["email"] for i in (3, 4, 5)] + ["partner@external.test"]
        alias("sales@" + d2, "Sales team", "public", sales)
        alias("info@" + d3, "Information", "domain",
              [self.pick(d3, 0)["email"], self.pick(d2, 6)["email"]])
        alias("all@" + d10, "Everyone at %s" % d10, "membersonly",
              [self.by_email[e]["email"] for e in self.domain_entry(d10)["mailboxes"]],
              moderators=[self.pick(d10, 0)["email"]])
        alias("team@" + idn_ascii, "チーム", "public",
              [self.pick(idn_ascii, i)["email"] for i in (0, 1, 2)])
        alias("empty@" + d4, "Alias without members", "public", [])

        # Per-user forwardings. Keeping the self row keeps a local copy.
        def forward(mb, targets, keep_copy):
            for target in targets:
                self.forwarding_row(mb["email"], target, "is_forwarding")
            if not keep_copy:
                self.sql.append("DELETE FROM forwardings WHERE address=%s AND forwarding=%s;"
                                % (sql_str(mb["email"]), sql_str(mb["email"])))
            mb["forwards_to"] = list(targets)
            mb["keeps_local_copy"] = keep_copy
            self.forwardings.append({"address": mb["email"], "to": list(targets),
                                     "keep_local_copy": keep_copy})

        keep = self.pick(d5, 2)
        forward(keep, [self.pick(d3, 5)["email"]], True)
        nocopy = self.pick(d5, 3)
        forward(nocopy, [self.pick(d10, 5)["email"]], False)
        external = self.pick(names[11], 4)
        forward(external, ["someone@external.test", self.pick(names[11], 5)["email"]], True)

        # Per-user alias addresses (is_alias=1): mail to the alias reaches the user, who may
        # also send as it (iRedAPD).
        def user_alias(address, mb):
            self.forwarding_row(address, mb["email"], "is_alias")
            mb["alias_addresses"].append(address)
            self.alias_addresses.append({"address": address, "target": mb["email"]})

        target = self.pick(d2, 7)
        user_alias("helpdesk@" + d2, target)
        user_alias(target["email"].split("@")[0] + ".alt@" + d2, target)

        # One alias domain: x@alias02.test -> x@example02.test.
        self.sql.append(insert("alias_domain", {"alias_domain": "alias02.test",
                                                "target_domain": d2, "created": t,
                                                "active": 1}))
        self.alias_domains.append({"alias_domain": "alias02.test", "target_domain": d2})
        self.domain_entry(d2)["alias_domains"].append("alias02.test")

        # One catch-all: address is the bare domain, no flag set.
        catch = self.pick(d3, 1)
        self.forwarding_row(d3, catch["email"], None)
        self.catchalls.append({"domain": d3, "target": catch["email"]})
        self.domain_entry(d3)["catchall"] = catch["email"]

        self.examples.update({
            "forward_keep_copy_user": keep["email"],
            "forward_no_copy_user": nocopy["email"],
            "forward_external_user": external["email"],
            "user_with_alias_addresses": target["email"],
            "catchall_domain": d3,
            "alias_domain": "alias02.test",
        })

    def domain_entry(self, domain):
        return [d for d in self.domains if d["domain"] == domain][0]

    def add_maillist(self):
        # mlmmjadmin backends/bk_iredmail_sql.add_maillist (what iRedAdmin-Pro also writes).
        domain = self.domains[0]["domain"]
        listname = "announce"
        address = "%s@%s" % (listname, domain)
        mlid = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        owner = "postmaster@" + domain
        self.sql.append(insert("maillists", {
            "active": 1, "address": address, "domain": domain, "name": "Announcements",
            "transport": "mlmmj:%s/%s" % (domain, listname), "mlid": mlid, "maxmsgsize": 0,
            "accesspolicy": "membersonly"}))
        self.forwarding_row(address, address, "is_maillist")
        self.sql.append(insert("maillist_owners", {"address": address, "owner": owner,
                                                   "domain": domain, "dest_domain": domain}))
        dom = self.domain_entry(domain)
        subscribers = [dom["mailboxes"][i] for i in (1, 2, 3, 4, 5)]
        subscribers.append(self.domains[1]["mailboxes"][0])
        self.maillists.append({
            "address": address, "domain": domain, "listname": listname,
            "name": "Announcements", "transport": "mlmmj:%s/%s" % (domain, listname),
            "mlid": mlid, "accesspolicy": "membersonly", "maxmsgsize": 0,
            "owners": [owner], "moderators": [],
            "subscribers": subscribers,
            "note": "SQL rows only; the list directory is made on disk by lib/mlmmj.sh",
        })

    def add_admins(self):
        t = ts(BASE_TIME)
        pm = self.by_email["postmaster@" + self.domains[0]["domain"]]
        # The installer's global admin: the first mail user with isglobaladmin=1 + 'ALL'.
        self.sql.append(insert("domain_admins", {"username": pm["email"], "domain": "ALL",
                                                 "created": t}))
        self.admins.append({"username": pm["email"], "kind": "mailbox", "domains": ["ALL"],
                            "password": pm["password"], "scheme": pm["scheme"],
                            "hash": pm["hash"]})

        # A standalone global admin as free iRedAdmin creates one (domain must not be local).
        pw = self.password()
        scheme, hashed = self.hasher.make(pw, "{SSHA512}")
        user = "globaladmin@maildeck.test"
        self.sql.append(insert("admin", {"username": user, "name": "Global Admin",
                                         "password": hashed, "language": "en_US",
                                         "passwordlastchange": t, "created": t, "active": 1}))
        self.sql.append(insert("domain_admins", {"username": user, "domain": "ALL",
                                                 "created": t, "active": 1}))
        self.admins.append({"username": user, "kind": "standalone", "domains": ["ALL"],
                            "password": pw, "scheme": scheme, "hash": hashed})

        # A normal (per-domain) admin the iRedAdmin-Pro way: mailbox isadmin=1 + one
        # domain_admins row per managed domain.
        d2, d3 = self.domains[1]["domain"], self.domains[2]["domain"]
        mgr = self.by_email[self.domains[1]["mailboxes"][2]]
        self.sql.append("UPDATE mailbox SET isadmin=1, isglobaladmin=0 WHERE username=%s;"
                        % sql_str(mgr["email"]))
        for d in (d2, d3):
            self.sql.append(insert("domain_admins", {"username": mgr["email"], "domain": d,
                                                     "created": t, "active": 1}))
        mgr["is_domain_admin"] = True
        self.admins.append({"username": mgr["email"], "kind": "mailbox", "domains": [d2, d3],
                            "password": mgr["password"], "scheme": mgr["scheme"],
                            "hash": mgr["hash"]})

    # ---- output

    def manifest(self):
        def first(pred):
            return next(m["email"] for m in self.mailboxes if pred(m))

        normal = lambda m: (m["active"] and not m["disabled_services"] and m["keeps_local_copy"]
                            and not m["forwards_to"] and not m["is_global_admin"]
                            and not m["is_domain_admin"])
        ex = {
            "ssha512_user": first(lambda m: normal(m) and m["stored_as"] == "{SSHA512}"),
            "md5crypt_user": first(lambda m: normal(m) and m["stored_as"] == "{CRYPT}$1$"),
            "md5crypt_bare_user": first(lambda m: normal(m) and m["stored_as"] == "$1$"),
            "bcrypt_user": first(lambda m: normal(m) and m["stored_as"] == "{BLF-CRYPT}$2y$"),
            "bcrypt_crypt_prefix_user": first(lambda m: normal(m) and m["stored_as"] == "{CRYPT}$2b$"),
            "sha512crypt_user": first(lambda m: normal(m) and m["stored_as"] == "{SHA512-CRYPT}$6$"),
            "sha512crypt_crypt_prefix_user": first(lambda m: normal(m) and m["stored_as"] == "{CRYPT}$6$"),
            "idn_user": first(lambda m: normal(m) and m["domain"].startswith("xn--")),
            "non_ascii_password_user": first(lambda m: not m["password"].isascii()),
            "inactive_user": first(lambda m: not m["active"]),
            "imap_disabled_user": first(lambda m: "imap" in m["disabled_services"]),
            "installer_postmaster": first(lambda m: m["is_global_admin"]),
            "domain_admin": first(lambda m: m["is_domain_admin"]),
        }
        ex.update(self.examples)
        return {
            "format": 1,
            "generator": "tests/lab/seed/generate_seed.py",
            "random_seed": SEED,
            "hostname": self.hostname,
            "storage": {"base": self.storage_base, "node": self.storage_node,
                        "real_iredmail_default_base": "/var/vmail"},
            "password_forms": FORMS,
            "counts": {"domains": len(self.domains), "mailboxes": len(self.mailboxes),
                       "aliases": len(self.aliases), "maillists": len(self.maillists)},
            "examples": ex,
            "domains": self.domains,
            "mailboxes": self.mailboxes,
            "aliases": self.aliases,
            "forwardings": self.forwardings,
            "alias_addresses": self.alias_addresses,
            "alias_domains": self.alias_domains,
            "catchalls": self.catchalls,
            "maillists": self.maillists,
            "admins": self.admins,
        }

    def write(self, out):
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "seed.sql"), "w", encoding="utf-8") as f:
            f.write("-- Generated by tests/lab/seed/generate_seed.py; do not edit.\n")
            f.write("\n".join(self.sql) + "\n")
        with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
            json.dump(self.manifest(), f, ensure_ascii=False, indent=1)
            f.write("\n")
        root = os.path.join(out, "maildirs")
        for rel, data in self.maildir_files:
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--storage-base", required=True,
                    help="mailbox.storagebasedirectory (a real server: /var/vmail)")
    ap.add_argument("--storage-node", default="vmail1")
    ap.add_argument("--hostname", default="mx.lab.maildeck.test")
    args = ap.parse_args()
    seed = Seed(args.storage_base, args.storage_node, args.hostname)
    seed.build()
    seed.write(args.out)


if __name__ == "__main__":
    main()
