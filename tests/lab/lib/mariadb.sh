# shellcheck shell=bash disable=SC2034  # sourced: variables are used by other lab files
# The lab's private MariaDB with iRedMail's `vmail` database. Sourced by tests/lab/lab.
#   lab_mariadb_up      initialise (first time), start, wait until ready, create the accounts
#                       and import schema + seed if the vmail database does not exist
#   lab_mariadb_down    stop
#   lab_mariadb_status  0 if running and answering
#   lab_mariadb_reset   drop `vmail` and import schema + seed again (accounts and passwords stay)
# Never touches /etc/mysql or the system datadir: the server runs with --no-defaults (else the
# system config takes over, see facts/lab.md), its own datadir, socket and 127.0.0.1 port.

LAB_DB_DATADIR=$LAB_DB_DIR/data
LAB_DB_PIDFILE=$LAB_RUN_DIR/mariadb.pid
LAB_DB_ERRLOG=$LAB_LOG_DIR/mariadb.err
LAB_DB_ROOT_CNF=$LAB_ROOT_HOME/.my.cnf
# TLS for the direct database route: a lab CA, the server's certificate (IP 127.0.0.1 only, so
# that "localhost" is a name it does not cover) and an unrelated CA for negative tests.
LAB_DB_TLS_DIR=$LAB_ROOT/dbtls
LAB_DB_TLS_CA=$LAB_DB_TLS_DIR/ca.pem
LAB_DB_TLS_WRONG_CA=$LAB_DB_TLS_DIR/wrong-ca.pem

# The mysql client as MariaDB's root (unix_socket authentication, as root on the server).
lab_sql() { mariadb --no-defaults --protocol=socket -S "$LAB_DB_SOCKET" -uroot "$@"; }

lab_mariadb_status() {
  lab_pid_alive "$LAB_DB_PIDFILE" &&
    mariadb-admin --no-defaults --protocol=socket -S "$LAB_DB_SOCKET" -uroot ping >/dev/null 2>&1
}

lab_mariadb_init_datadir() {
  [ -d "$LAB_DB_DATADIR/mysql" ] && return 0
  install -d -m 0750 -o mysql -g mysql "$LAB_DB_DIR" "$LAB_DB_DATADIR"
  local log=$LAB_DB_DIR/install-db.log
  # root@localhost authenticates by unix_socket (the default since 10.4, as on iRedMail).
  if ! mariadb-install-db --no-defaults --datadir="$LAB_DB_DATADIR" --user=mysql \
    --auth-root-authentication-method=socket --skip-test-db >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    lab_die "mariadb-install-db failed (log: $log)"
  fi
}

# Generated once; kept across down/up/reset like the other lab keys.
lab_mariadb_tls_files() {
  local d=$LAB_DB_TLS_DIR
  [ -s "$d/server.pem" ] && [ -s "$LAB_DB_TLS_WRONG_CA" ] && return 0
  install -d -m 0755 "$d"
  local ca
  for ca in ca wrong-ca; do
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=MailDeck lab $ca" \
      -keyout "$d/$ca.key" -out "$d/$ca.pem" 2>/dev/null || lab_die "openssl: creating $ca failed"
  done
  if ! openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$d/server.key" \
    -out "$d/server.csr" 2>/dev/null ||
    ! openssl x509 -req -in "$d/server.csr" -CA "$LAB_DB_TLS_CA" -CAkey "$d/ca.key" \
      -CAcreateserial -days 3650 -out "$d/server.pem" \
      -extfile <(printf "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n") \
      2>/dev/null; then
    lab_die "openssl: creating the MariaDB server certificate failed"
  fi
  chmod 0600 "$d/ca.key" "$d/wrong-ca.key"
  chown root:mysql "$d/server.key" && chmod 0640 "$d/server.key"
  chmod 0644 "$d/ca.pem" "$d/wrong-ca.pem" "$d/server.pem"
}

lab_mariadb_start() {
  install -d -m 0750 -o mysql -g mysql "$LAB_DB_DIR"
  lab_mariadb_tls_files
  rm -f "$LAB_DB_SOCKET" "$LAB_DB_SOCKET.lock"
  touch "$LAB_DB_ERRLOG" && chown mysql:adm "$LAB_DB_ERRLOG" && chmod 0640 "$LAB_DB_ERRLOG"
  # setsid + no inherited stdio: the server outlives this script and keeps no pipe open.
  # utf8mb4 server defaults as in Debian's /etc/mysql/mariadb.conf.d/50-server.cnf.
  setsid mariadbd --no-defaults --datadir="$LAB_DB_DATADIR" --socket="$LAB_DB_SOCKET" \
    --port="$LAB_DB_PORT" --bind-address=127.0.0.1 --user=mysql \
    --pid-file="$LAB_DB_DIR/mariadbd.pid" --log-error="$LAB_DB_ERRLOG" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
    --ssl-ca="$LAB_DB_TLS_CA" --ssl-cert="$LAB_DB_TLS_DIR/server.pem" \
    --ssl-key="$LAB_DB_TLS_DIR/server.key" \
    </dev/null >/dev/null 2>&1 &
  echo $! >"$LAB_DB_PIDFILE"
  local i
  for ((i = 0; i < 600; i++)); do
    lab_mariadb_status && return 0
    lab_pid_alive "$LAB_DB_PIDFILE" || break
    sleep 0.1
  done
  tail -n 20 "$LAB_DB_ERRLOG" >&2
  lab_die "MariaDB did not come up (log: $LAB_DB_ERRLOG)"
}

# The accounts the iRedMail installer creates (samples/mysql/sql/init_vmail_db.sql, with
# MYSQL_GRANT_HOST=localhost), with the lab's generated passwords; and its client files
# /root/.my.cnf-vmail and /root/.my.cnf-vmailadmin (mode 0400), which MailDeck reads over SSH.
lab_mariadb_accounts() {
  local vpw apw
  vpw=$(lab_secret db_vmail)
  apw=$(lab_secret db_vmailadmin)
  lab_sql <<SQL
CREATE USER IF NOT EXISTS '$LAB_DB_VMAIL_USER'@'localhost';
ALTER USER '$LAB_DB_VMAIL_USER'@'localhost' IDENTIFIED BY '$vpw';
GRANT SELECT ON $LAB_DB_NAME.* TO '$LAB_DB_VMAIL_USER'@'localhost';
CREATE USER IF NOT EXISTS '$LAB_DB_ADMIN_USER'@'localhost';
ALTER USER '$LAB_DB_ADMIN_USER'@'localhost' IDENTIFIED BY '$apw';
GRANT SELECT, INSERT, DELETE, UPDATE ON $LAB_DB_NAME.* TO '$LAB_DB_ADMIN_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
  lab_write_client_cnf "$LAB_DB_VMAIL_CNF" "$LAB_DB_VMAIL_USER" "$vpw"
  lab_write_client_cnf "$LAB_DB_ADMIN_CNF" "$LAB_DB_ADMIN_USER" "$apw"
  # /root/.iredmail/kv/sql_user_<name>: where the installer keeps one password per file.
  (umask 077 && printf '%s\n' "$vpw" >"$LAB_ROOT_HOME/.iredmail/kv/sql_user_$LAB_DB_VMAIL_USER" &&
    printf '%s\n' "$apw" >"$LAB_ROOT_HOME/.iredmail/kv/sql_user_$LAB_DB_ADMIN_USER")
  # root has no password here (unix_socket), so its .my.cnf names the lab's socket instead.
  (umask 077 && printf '[client]\nuser=root\nsocket=%s\n' "$LAB_DB_SOCKET" >"$LAB_DB_ROOT_CNF")
}

lab_write_client_cnf() { # file user password
  rm -f "$1"
  (umask 077 && printf '[client]\nhost=127.0.0.1\nport=%s\nuser=%s\npassword="%s"\n' \
    "$LAB_DB_PORT" "$2" "$3" >"$1")
  chmod 0400 "$1"
}

# Imports schema/vmail.sql with the installer's storage defaults filled in, then the seed.
lab_mariadb_load() {
  sed -e "s#PH_STORAGE_BASE_DIR#$LAB_VMAIL_DIR#g" -e "s#PH_STORAGE_NODE#$LAB_STORAGE_NODE#g" \
    "$LAB_SRC/schema/vmail.sql" | lab_sql || lab_die "importing schema/vmail.sql failed"
  lab_sql <"$LAB_SEED_DIR/seed.sql" || lab_die "importing $LAB_SEED_DIR/seed.sql failed"
  LAB_DB_SEEDED=1 # tells the orchestrator to put the seed's maildirs back as well
}

lab_mariadb_has_vmail() {
  [ -n "$(lab_sql -N -e "SHOW DATABASES LIKE '$LAB_DB_NAME'")" ]
}

lab_mariadb_up() {
  lab_mariadb_status && return 0
  lab_mariadb_init_datadir
  lab_mariadb_start
  lab_mariadb_accounts
  lab_mariadb_has_vmail || lab_mariadb_load
}

lab_mariadb_down() {
  lab_stop_pidfile "$LAB_DB_PIDFILE" 60
}

lab_mariadb_reset() {
  lab_mariadb_status || lab_mariadb_up
  lab_sql -e "DROP DATABASE IF EXISTS $LAB_DB_NAME"
  lab_mariadb_load
}
