# shellcheck shell=bash disable=SC2034  # sourced: variables are used by other lab files
# The lab's own sshd on 127.0.0.1:LAB_SSH_PORT. Sourced by tests/lab/lab.
#   lab_sshd_up      host keys (first time), config, authorized_keys, known_hosts; start
#   lab_sshd_down    stop
#   lab_sshd_status  0 if running and listening
# Runs `sshd -f LAB_SSHD_DIR/sshd_config`: the machine's /etc/ssh is never read or changed.
# Logins: root by key only (PermitRootLogin prohibit-password); LAB_ADMIN_USER by key or
# password (also keyboard-interactive, through PAM as on Debian).

LAB_SSHD_CONFIG=$LAB_SSHD_DIR/sshd_config
LAB_SSHD_PIDFILE=$LAB_RUN_DIR/sshd.pid
LAB_SSHD_LOG=$LAB_LOG_DIR/sshd.log
LAB_HOST_KEY_TYPES=(ed25519 rsa ecdsa)

lab_sshd_status() {
  lab_pid_alive "$LAB_SSHD_PIDFILE" && (exec 3<>"/dev/tcp/127.0.0.1/$LAB_SSH_PORT") 2>/dev/null
}

# StrictModes refuses authorized_keys files below a folder that is group/world-writable or
# not owned by root (e.g. LAB_ROOT under /tmp). Prints "yes" when the path is safe.
lab_sshd_strict_modes() {
  local dir=$LAB_SSHD_DIR/authorized_keys owner mode
  while :; do
    read -r owner mode < <(stat -c '%u %a' "$dir")
    if [ "$owner" != 0 ] || (((8#$mode & 8#022) != 0)); then
      echo no
      return
    fi
    [ "$dir" = / ] && break
    dir=$(dirname "$dir")
  done
  echo yes
}

lab_sshd_host_keys() {
  local t
  for t in "${LAB_HOST_KEY_TYPES[@]}"; do
    [ -f "$LAB_SSHD_DIR/ssh_host_${t}_key" ] ||
      ssh-keygen -q -t "$t" -N '' -C "root@$LAB_HOSTNAME" -f "$LAB_SSHD_DIR/ssh_host_${t}_key"
  done
}

# authorized_keys live in the lab (root-owned, read-only for the users, as StrictModes
# wants); a user's own ~/.ssh/authorized_keys is read as well, as on any server.
lab_sshd_authorized_keys() {
  local dir=$LAB_SSHD_DIR/authorized_keys
  install -d -m 0755 "$dir"
  install -m 0644 "$LAB_ROOT_KEY.pub" "$dir/root"
  cat "$LAB_ADMIN_KEY.pub" "$LAB_ADMIN_KEY_ENCRYPTED.pub" >"$dir/$LAB_ADMIN_USER.tmp"
  chmod 0644 "$dir/$LAB_ADMIN_USER.tmp"
  mv "$dir/$LAB_ADMIN_USER.tmp" "$dir/$LAB_ADMIN_USER"
}

# known_hosts in the plain (unhashed) form: "[127.0.0.1]:PORT type key".
lab_sshd_known_hosts() {
  local t tmp=$LAB_KNOWN_HOSTS.tmp
  : >"$tmp"
  for t in "${LAB_HOST_KEY_TYPES[@]}"; do
    printf '[127.0.0.1]:%s %s\n' "$LAB_SSH_PORT" \
      "$(cut -d' ' -f1-2 "$LAB_SSHD_DIR/ssh_host_${t}_key.pub")" >>"$tmp"
  done
  chmod 0644 "$tmp"
  mv "$tmp" "$LAB_KNOWN_HOSTS"
}

lab_sshd_write_config() {
  local tmp=$LAB_SSHD_CONFIG.tmp
  cat >"$tmp" <<EOF
# MailDeck lab sshd (written by tests/lab/lib/sshd.sh; changes are overwritten on 'lab up').
Port $LAB_SSH_PORT
ListenAddress 127.0.0.1
HostKey $LAB_SSHD_DIR/ssh_host_ed25519_key
HostKey $LAB_SSHD_DIR/ssh_host_rsa_key
HostKey $LAB_SSHD_DIR/ssh_host_ecdsa_key
PidFile $LAB_SSHD_PIDFILE
LogLevel VERBOSE

PermitRootLogin prohibit-password
PubkeyAuthentication yes
AuthorizedKeysFile $LAB_SSHD_DIR/authorized_keys/%u .ssh/authorized_keys
StrictModes $(lab_sshd_strict_modes)
PasswordAuthentication yes
KbdInteractiveAuthentication yes
PermitEmptyPasswords no
UsePAM yes

# MailDeck uses exec channels, SFTP and a local forward to the database port.
AllowTcpForwarding yes
X11Forwarding no
PrintMotd no
AcceptEnv LANG LC_*
Subsystem sftp /usr/lib/openssh/sftp-server

# As 'maildeck-cli admin ssh-account prepare-server' leaves a server (byte for byte
# ForwardOnlyAccounts::sshdBlock()). Written here so that no test reloads sshd while others
# connect; tst_delegation_ssh finds it and leaves it alone.
# BEGIN MailDeck forward-only accounts (managed by MailDeck; keep it last)
Match User md_*
	AllowStreamLocalForwarding no
	PermitTunnel no
	GatewayPorts no
	X11Forwarding no
	AllowAgentForwarding no
	PermitTTY no
# END MailDeck forward-only accounts
EOF
  mv "$tmp" "$LAB_SSHD_CONFIG"
}

lab_sshd_up() {
  lab_sshd_status && return 0
  install -d -m 0755 "$LAB_SSHD_DIR"
  lab_sshd_host_keys
  lab_sshd_authorized_keys
  lab_sshd_known_hosts
  lab_sshd_write_config
  # Privilege separation folder compiled into Debian's sshd (normally made by its unit).
  install -d -m 0755 /run/sshd
  /usr/sbin/sshd -t -f "$LAB_SSHD_CONFIG" || lab_die "sshd rejected $LAB_SSHD_CONFIG"
  rm -f "$LAB_SSHD_PIDFILE"
  /usr/sbin/sshd -f "$LAB_SSHD_CONFIG" -E "$LAB_SSHD_LOG" </dev/null >/dev/null 2>&1 ||
    lab_die "sshd did not start (log: $LAB_SSHD_LOG)"
  local i
  for ((i = 0; i < 100; i++)); do
    lab_sshd_status && return 0
    sleep 0.1
  done
  tail -n 20 "$LAB_SSHD_LOG" >&2
  lab_die "sshd is not listening on 127.0.0.1:$LAB_SSH_PORT (log: $LAB_SSHD_LOG)"
}

lab_sshd_down() {
  lab_stop_pidfile "$LAB_SSHD_PIDFILE" 10
}
