#!/usr/bin/env python3
"""Checks every password hash of the seed with Dovecot itself: `doveadm pw -t HASH -p PW`
for each mailbox and standalone admin in the manifest, and that a wrong password fails.

Usage: verify_hashes.py [MANIFEST]   (default: $LAB_SEED_MANIFEST)
Prints one line per failure and a summary; exit status 1 if anything failed.
Takes about ten seconds (a few bcrypt hashes have cost 12).
"""

import json
import os
import subprocess
import sys


def verify(hash_, password):
    r = subprocess.run(["doveadm", "pw", "-t", hash_, "-p", password],
                       capture_output=True, text=True)
    return r.returncode == 0 and "(verified)" in (r.stdout + r.stderr)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("LAB_SEED_MANIFEST")
    if not path:
        sys.exit("usage: verify_hashes.py MANIFEST (or set LAB_SEED_MANIFEST)")
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    accounts = [(m["email"], m["hash"], m["password"]) for m in manifest["mailboxes"]]
    accounts += [(a["username"], a["hash"], a["password"]) for a in manifest["admins"]
                 if a["kind"] == "standalone"]
    failed = 0
    for i, (who, hash_, password) in enumerate(accounts):
        if not verify(hash_, password):
            failed += 1
            print("FAIL %s: %s does not verify" % (who, hash_))
        # A wrong password must fail too (once per stored form is enough; sample a few).
        if i % 40 == 0 and verify(hash_, password + "x"):
            failed += 1
            print("FAIL %s: a wrong password verifies" % who)
    print("%d of %d hashes verified with doveadm" % (len(accounts) - failed, len(accounts)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
