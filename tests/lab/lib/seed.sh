# shellcheck shell=bash disable=SC2034  # sourced: variables are used by other lab files
# The lab's seed data. Sourced by tests/lab/lab.
#   lab_seed_generate   (re)writes LAB_SEED_DIR from seed/generate_seed.py when the generator
#                       or its arguments changed; deterministic, so the result is the same
#   lab_seed_maildirs   empties the mailboxes' storage node and puts the seed's files back
#                       (the installer's welcome mails of the postmaster)

lab_seed_args() {
  printf '%s\n' --out "$LAB_SEED_DIR" --storage-base "$LAB_VMAIL_DIR" \
    --storage-node "$LAB_STORAGE_NODE" --hostname "$LAB_HOSTNAME"
}

lab_seed_generate() {
  local gen=$LAB_SRC/seed/generate_seed.py stamp want
  stamp=$LAB_SEED_DIR/.stamp
  want=$( { sha256sum <"$gen"; lab_seed_args; } | sha256sum | cut -d' ' -f1)
  if [ -f "$LAB_SEED_MANIFEST" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  rm -rf "$LAB_SEED_DIR/maildirs"
  local args=()
  mapfile -t args < <(lab_seed_args)
  python3 "$gen" "${args[@]}" || lab_die "seed/generate_seed.py failed"
  # The manifest holds the plaintext passwords: root only, like the rest of the secrets.
  chmod 0600 "$LAB_SEED_MANIFEST" "$LAB_SEED_DIR/seed.sql"
  chmod 0700 "$LAB_SEED_DIR"
  echo "$want" >"$stamp"
}

lab_seed_maildirs() {
  local node=$LAB_VMAIL_DIR/$LAB_STORAGE_NODE
  rm -rf "$node"
  install -d -m 0700 -o vmail -g vmail "$node"
  if [ -d "$LAB_SEED_DIR/maildirs" ]; then
    cp -R "$LAB_SEED_DIR/maildirs/." "$node/"
    # A maildir is new/ + cur/ + tmp/ (the seed only carries files in new/).
    find "$node" -type d -name new -path '*/Maildir/new' -execdir mkdir -p cur tmp \;
    chown -R vmail:vmail "$node"
    find "$node" -type d -exec chmod 0700 {} + -o -type f -exec chmod 0600 {} +
  fi
}
