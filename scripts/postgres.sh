#!/usr/bin/env bash
# Private PostgreSQL for Slipway's team-mode tests and demo.
#
#   scripts/postgres.sh start | stop | restart | status | env
#
# Debian's postgresql (the newest /usr/lib/postgresql/*/bin), a cluster of its own in
# /var/lib/slipway-dev/pg, listening on 127.0.0.1:55432 only (and a socket in
# /run/slipway-dev/pg), run as the system user slipway-pg because the server refuses root.
# Debian's own cluster (5432) is never touched. The superuser slipway_admin logs in with a
# password kept in /var/lib/slipway-dev/pgpass (mode 0600, the ~/.pgpass format), which tests
# and the demo pass to libpq as PGPASSFILE: Slipway itself never stores a password. TLS is on,
# with a certificate for 127.0.0.1 and localhost from a test CA (pg-tls/ca.pem), so
# sslmode=verify-full can be tested.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/common.sh
source "$here/common.sh"

PG_USER=${SLIPWAY_DEV_PG_USER:-slipway-pg}
PG_PORT=${SLIPWAY_DEV_PG_PORT:-55432}
PG_DATA=$SLIPWAY_DEV_LIB/pg
PG_SOCKET_DIR=$SLIPWAY_DEV_RUN/pg
PG_LOG=$SLIPWAY_DEV_LIB/postgres.log
PG_PASSFILE=$SLIPWAY_DEV_LIB/pgpass
PG_TLS_DIR=$SLIPWAY_DEV_LIB/pg-tls
PG_ADMIN=slipway_admin
START_TIMEOUT=${SLIPWAY_DEV_PG_TIMEOUT:-30}

usage() {
    echo "usage: $_prog start|stop|restart|status|env" >&2
    exit 2
}

pg_bin() {
    local dir
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    [[ -n $dir && -x $dir/pg_ctl ]] || die "PostgreSQL's server is not installed (/usr/lib/postgresql/*/bin/pg_ctl); run scripts/deps.sh first"
    echo "$dir"
}

as_pg() { runuser -u "$PG_USER" -- "${DAEMON_ENV[@]}" "$@"; }

ensure_user() {
    id "$PG_USER" >/dev/null 2>&1 && return 0
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_USER" ||
        die "cannot create the system user $PG_USER"
}

pg_ready() { # seconds
    timeout "$1" "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t "$1" 2>/dev/null
}

# A new cluster: the superuser's password is random and written only to the pgpass file.
init_cluster() {
    local bin=$1 password pwfile
    password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24)
    pwfile=$(mktemp)
    chown "$PG_USER" "$pwfile"
    chmod 0600 "$pwfile"
    printf '%s\n' "$password" >"$pwfile"
    rm -rf "$PG_DATA"
    mkdir -p "$PG_DATA"
    chown "$PG_USER" "$PG_DATA"
    chmod 0700 "$PG_DATA"
    if ! as_pg "$bin/initdb" -D "$PG_DATA" -U "$PG_ADMIN" --pwfile="$pwfile" -E UTF8 \
        --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 >>"$PG_LOG" 2>&1; then
        rm -f "$pwfile"
        log_since_start "$PG_LOG" 20
        die "initdb failed"
    fi
    rm -f "$pwfile"
    umask 077
    printf '127.0.0.1:%s:*:%s:%s\nlocalhost:%s:*:%s:%s\n' "$PG_PORT" "$PG_ADMIN" "$password" \
        "$PG_PORT" "$PG_ADMIN" "$password" >"$PG_PASSFILE"
    chmod 0600 "$PG_PASSFILE"
    # Only the socket (as slipway-pg, for this script) and loopback with a password.
    cat >"$PG_DATA/pg_hba.conf" <<EOF
# Written by scripts/postgres.sh.
local   all all                trust
hostssl all all 127.0.0.1/32   scram-sha-256
host    all all 127.0.0.1/32   scram-sha-256
host    all all ::1/128        scram-sha-256
EOF
    chown "$PG_USER" "$PG_DATA/pg_hba.conf"
}

write_tls() {
    if [[ ! -s $PG_TLS_DIR/server-cert.pem ]] ||
        ! openssl x509 -checkend 3600 -noout -in "$PG_TLS_DIR/server-cert.pem" >/dev/null 2>&1; then
        rm -rf "$PG_TLS_DIR"
        bash "$here/tls-certs.sh" "$PG_TLS_DIR" >/dev/null 2>&1 || die "cannot make the TLS certificates"
    fi
    install -m 0600 -o "$PG_USER" "$PG_TLS_DIR/server-cert.pem" "$PG_DATA/server.crt"
    install -m 0600 -o "$PG_USER" "$PG_TLS_DIR/server-key.pem" "$PG_DATA/server.key"
    chmod 0755 "$PG_TLS_DIR"
    chmod 0644 "$PG_TLS_DIR/ca.pem"
}

cmd_start() {
    need_root
    need_cmd runuser useradd openssl
    local bin t0 i
    bin=$(pg_bin)
    t0=$(now)
    if as_pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1 && pg_ready 2 && [[ -s $PG_PASSFILE ]]; then
        log "already running (127.0.0.1:$PG_PORT)"
        return 0
    fi
    local holder
    holder=$(ss -Hltn "sport = :$PG_PORT" 2>/dev/null || true)
    [[ -z $holder ]] || die "port $PG_PORT is already in use (set SLIPWAY_DEV_PG_PORT to another port)"
    ensure_user
    mkdir -p "$SLIPWAY_DEV_RUN" "$SLIPWAY_DEV_LIB" "$PG_SOCKET_DIR"
    chown "$PG_USER" "$PG_SOCKET_DIR"
    chmod 0700 "$PG_SOCKET_DIR"
    rotate_log "$PG_LOG"
    printf '\n==== %s postgres start ====\n' "$(date -Is)" >>"$PG_LOG"
    [[ -s $PG_DATA/PG_VERSION && -s $PG_PASSFILE ]] || init_cluster "$bin"
    write_tls
    chown "$PG_USER" "$PG_LOG"
    # -o: settings on the command line, so the cluster's own files stay as initdb wrote them.
    if ! as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$START_TIMEOUT" start \
        -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_SOCKET_DIR \
            -c ssl=on -c max_connections=200 -c fsync=off -c synchronous_commit=off \
            -c full_page_writes=off" >/dev/null; then
        log_since_start "$PG_LOG" 20
        die "PostgreSQL failed to start"
    fi
    for ((i = 0; i < START_TIMEOUT * 10; i++)); do
        if pg_ready 1; then
            log "PostgreSQL up in $(elapsed "$t0")s (127.0.0.1:$PG_PORT, superuser $PG_ADMIN)"
            return 0
        fi
        sleep 0.1
    done
    log_since_start "$PG_LOG" 20
    die "PostgreSQL does not answer on 127.0.0.1:$PG_PORT"
}

cmd_stop() {
    need_root
    local bin
    bin=$(pg_bin)
    if [[ -s $PG_DATA/PG_VERSION ]] && as_pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
        as_pg "$bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null ||
            as_pg "$bin/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null || true
        log "stopped"
    else
        log "not running"
    fi
}

cmd_status() {
    if pg_ready 2; then
        echo "running (127.0.0.1:$PG_PORT)"
    else
        echo "not running"
        return 1
    fi
}

cmd_env() {
    echo "export SLIPWAY_TEST_PG_URL=postgresql://$PG_ADMIN@127.0.0.1:$PG_PORT/postgres"
    echo "export SLIPWAY_TEST_PGPASSFILE=$PG_PASSFILE"
    echo "export SLIPWAY_TEST_PG_CA=$PG_TLS_DIR/ca.pem"
}

case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop; cmd_start ;;
    status) cmd_status ;;
    env) cmd_env ;;
    *) usage ;;
esac
