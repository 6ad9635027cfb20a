# shellcheck shell=bash disable=SC2034  # sourced: variables are used by other lab files
# System accounts, directories, secrets and client keys of the lab. Sourced by tests/lab/lab.
# Everything here is idempotent: it only creates what is missing.
#   lab_accounts_up   users vmail (uid/gid 2000), mlmmj, mdadmin; sudoers drop-in; LAB_ROOT
#                     folders; generated passwords; SSH client keys

LAB_SUDOERS_FILE=/etc/sudoers.d/maildeck-lab

# A random password of letters and digits (no quoting trouble in my.cnf, SQL or shell).
lab_random_password() {
  local pw=
  while [ ${#pw} -lt 24 ]; do
    pw+=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  done
  printf '%s' "${pw:0:24}"
}

# Creates LAB_SECRETS_DIR/<name> with a random password if it does not exist yet, so secrets
# survive `up`, `down` and `reset` (only deleting LAB_ROOT makes new ones).
lab_ensure_secret() {
  local file=$LAB_SECRETS_DIR/$1
  [ -s "$file" ] && return 0
  (umask 077 && lab_random_password >"$file")
}

lab_ensure_group() { # name [gid]
  getent group "$1" >/dev/null && return 0
  if [ -n "${2:-}" ] && ! getent group "$2" >/dev/null; then
    groupadd --system --gid "$2" "$1"
  else
    groupadd --system "$1"
  fi
}

# System users the mail services run as, named as on an iRedMail server.
lab_ensure_service_users() {
  lab_ensure_group vmail "$LAB_VMAIL_UID"
  if ! getent passwd vmail >/dev/null; then
    local uid=()
    getent passwd "$LAB_VMAIL_UID" >/dev/null || uid=(--uid "$LAB_VMAIL_UID")
    useradd --system "${uid[@]}" --gid vmail --home-dir "$LAB_VMAIL_DIR" --no-create-home \
      --shell /usr/sbin/nologin --comment 'MailDeck lab, virtual mail (iRedMail vmail)' vmail
  fi
  lab_ensure_group mlmmj
  if ! getent passwd mlmmj >/dev/null; then
    useradd --system --gid mlmmj --home-dir "$LAB_MLMMJ_SPOOL" --no-create-home \
      --shell /usr/sbin/nologin --comment 'MailDeck lab, mlmmj mailing lists' mlmmj
  fi
}

# The human admin of the lab server: logs in by key or password, reads the logs (group adm),
# and changes the mail configuration through sudo with the password, like an Ubuntu admin.
lab_ensure_admin_user() {
  local user=$LAB_ADMIN_USER pw current
  if ! getent passwd "$user" >/dev/null; then
    useradd --create-home --shell /bin/bash --groups adm \
      --comment 'MailDeck lab administrator' "$user"
  fi
  id -nG "$user" | tr ' ' '\n' | grep -qx adm || usermod -aG adm "$user"
  # Set the password only when the shadow entry does not match the secret (a fresh LAB_ROOT
  # has a new secret; an unchanged one needs nothing).
  pw=$(lab_secret admin_password)
  current=$(getent shadow "$user" | cut -d: -f2)
  if ! LAB_PW=$pw LAB_HASH=$current python3 -W ignore -c '
import crypt, os, sys
h = os.environ["LAB_HASH"]
sys.exit(0 if h[:1] == "$" and crypt.crypt(os.environ["LAB_PW"], h) == h else 1)'; then
    printf '%s:%s\n' "$user" "$pw" | chpasswd
  fi
  local rule="$user ALL=(ALL:ALL) ALL"
  if [ "$(cat "$LAB_SUDOERS_FILE" 2>/dev/null)" != "$rule" ]; then
    local tmp
    tmp=$(mktemp)
    printf '%s\n' "$rule" >"$tmp"
    visudo -cqf "$tmp" || lab_die "sudoers rule rejected by visudo: $rule"
    install -m 0440 -o root -g root "$tmp" "$LAB_SUDOERS_FILE"
    rm -f "$tmp"
  fi
}

# LAB_ROOT's folders with the owners and modes the services expect.
lab_ensure_dirs() {
  install -d -m 0755 "$LAB_ROOT" "$LAB_ROOT/etc" "$LAB_ROOT/var" "$LAB_RUN_DIR"
  install -d -m 0700 "$LAB_SECRETS_DIR" "$LAB_SEED_DIR" "$LAB_KEYS_DIR" "$LAB_ROOT_HOME" \
    "$LAB_ROOT_HOME/.iredmail" "$LAB_ROOT_HOME/.iredmail/kv"
  # Like /var/log on Debian: the admin reads the logs through group adm; the setgid bit makes
  # files and folders the services create there belong to adm as well.
  install -d -m 2755 -o root -g adm "$LAB_LOG_DIR"
  # Like iRedMail's /var/vmail (vmail:vmail); the storage node holds the mailboxes.
  install -d -m 0755 -o vmail -g vmail "$LAB_VMAIL_DIR"
  install -d -m 0700 -o vmail -g vmail "$LAB_VMAIL_DIR/$LAB_STORAGE_NODE"
}

# SSH client keys that MailDeck and the tests use to log in to the lab.
lab_ensure_client_keys() {
  local pass
  [ -f "$LAB_ROOT_KEY" ] || ssh-keygen -q -t ed25519 -N '' -C "root@maildeck-lab" -f "$LAB_ROOT_KEY"
  [ -f "$LAB_ADMIN_KEY" ] ||
    ssh-keygen -q -t ed25519 -N '' -C "$LAB_ADMIN_USER@maildeck-lab" -f "$LAB_ADMIN_KEY"
  if [ ! -f "$LAB_ADMIN_KEY_ENCRYPTED" ]; then
    pass=$(lab_secret admin_key_passphrase)
    ssh-keygen -q -t ed25519 -N "$pass" -C "$LAB_ADMIN_USER@maildeck-lab (passphrase)" \
      -f "$LAB_ADMIN_KEY_ENCRYPTED"
  fi
}

# Group-readable logs for $LAB_ADMIN_USER, whatever umask the service that wrote them had.
lab_fix_log_permissions() {
  [ -d "$LAB_LOG_DIR" ] || return 0
  chgrp -R adm "$LAB_LOG_DIR"
  chmod -R g+rX "$LAB_LOG_DIR"
}

lab_accounts_up() {
  lab_ensure_service_users
  lab_ensure_dirs
  local s
  for s in db_vmail db_vmailadmin admin_password admin_key_passphrase; do
    lab_ensure_secret "$s"
  done
  lab_ensure_admin_user
  lab_ensure_client_keys
}
