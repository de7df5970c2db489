#!/usr/bin/env bash
# Private image registry for Slipway's tests and demo.
#
#   scripts/registry.sh start | stop | restart | status | env
#
# Debian's docker-registry (distribution 2.8) on 127.0.0.1:5515, no auth,
# deletes enabled, storage in /var/lib/slipway-dev/registry, config written to
# /var/lib/slipway-dev/registry.yml, log in /var/lib/slipway-dev/registry.log,
# pid in /run/slipway-dev/registry.pid. dockerd treats 127.0.0.0/8 registries
# as insecure (plain HTTP) by default, so the engine can push and pull as is.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/common.sh
source "$here/common.sh"

START_TIMEOUT=${SLIPWAY_DEV_REGISTRY_TIMEOUT:-15}

usage() {
    echo "usage: $_prog start|stop|restart|status|env" >&2
    exit 2
}

write_config() {
    cat >"$REGISTRY_CONFIG" <<EOF
# Written by scripts/registry.sh: the Slipway dev registry.
version: 0.1
log:
  level: info
  formatter: text
  fields:
    service: slipway-dev-registry
storage:
  filesystem:
    rootdirectory: $REGISTRY_ROOT
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: $REGISTRY_ADDR
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: false
EOF
}

cmd_start() {
    need_cmd curl setsid
    [[ -x $REGISTRY_BIN ]] || die "$REGISTRY_BIN not found; run scripts/deps.sh first"
    local pid i t0
    t0=$(now)
    if pid=$(pid_alive "$REGISTRY_PIDFILE" "$REGISTRY_CONFIG") && registry_ping 2; then
        log "already running (pid $pid, http://$REGISTRY_ADDR)"
        return 0
    fi
    if [[ -n ${pid:-} ]]; then
        log "pid $pid does not answer; restarting it"
        stop_pid "$pid" docker-registry 5
    fi
    if registry_ping 2; then
        die "something else already answers on http://$REGISTRY_ADDR/v2/; stop it or set SLIPWAY_DEV_REGISTRY_ADDR"
    fi
    local holder
    holder=$(ss -Hltnp "sport = :${REGISTRY_ADDR##*:}" 2>/dev/null | grep -F -e "${REGISTRY_ADDR%:*}:" -e "*:" -e "0.0.0.0:" -e "[::]:" || true)
    [[ -z $holder ]] || die "port ${REGISTRY_ADDR##*:} is already in use: $(tr -s ' ' <<<"$holder") (set SLIPWAY_DEV_REGISTRY_ADDR to another 127.0.0.1:PORT)"
    mkdir -p "$SLIPWAY_DEV_RUN" "$SLIPWAY_DEV_LIB" "$REGISTRY_ROOT"
    write_config
    rotate_log "$REGISTRY_LOG"
    printf '\n==== %s docker-registry start ====\n' "$(date -Is)" >>"$REGISTRY_LOG"
    pid=$(
        (exec setsid "${DAEMON_ENV[@]}" "$REGISTRY_BIN" serve "$REGISTRY_CONFIG" </dev/null >>"$REGISTRY_LOG" 2>&1) &
        echo $!
    )
    echo "$pid" >"$REGISTRY_PIDFILE"
    for ((i = 0; i < START_TIMEOUT * 10; i++)); do
        if registry_ping 1; then
            log "registry up in $(elapsed "$t0")s (pid $pid, http://$REGISTRY_ADDR)"
            return 0
        fi
        if ! proc_running "$pid"; then
            log "docker-registry exited during startup; from $REGISTRY_LOG:"
            log_since_start "$REGISTRY_LOG" 10
            rm -f "$REGISTRY_PIDFILE"
            die "the registry failed to start"
        fi
        sleep 0.1
    done
    log "no answer from http://$REGISTRY_ADDR/v2/ within ${START_TIMEOUT}s; from $REGISTRY_LOG:"
    log_since_start "$REGISTRY_LOG" 10
    stop_pid "$pid" docker-registry 5
    rm -f "$REGISTRY_PIDFILE"
    die "the registry failed to start"
}

cmd_stop() {
    local pid
    if pid=$(pid_alive "$REGISTRY_PIDFILE" "$REGISTRY_CONFIG"); then
        stop_pid "$pid" docker-registry 10
        log "stopped"
    else
        log "not running"
    fi
    # A registry of ours whose pidfile got lost (matched on our own config path).
    for pid in $(pgrep -f -- "serve $REGISTRY_CONFIG" 2>/dev/null || true); do
        [[ $(cat "/proc/$pid/comm" 2>/dev/null) == docker-registry ]] || continue
        log "stopping stray registry pid $pid"
        stop_pid "$pid" docker-registry 5
    done
    rm -f "$REGISTRY_PIDFILE"
}

cmd_status() {
    local pid
    if pid=$(pid_alive "$REGISTRY_PIDFILE" "$REGISTRY_CONFIG") && registry_ping 2; then
        local repos
        repos=$(curl -fsS --max-time 5 "http://$REGISTRY_ADDR/v2/_catalog" 2>/dev/null || true)
        echo "running: pid $pid, http://$REGISTRY_ADDR, catalog $repos"
        return 0
    fi
    echo "not running"
    return 3
}

cmd_env() {
    echo "export SLIPWAY_TEST_REGISTRY=$REGISTRY_ADDR"
}

case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop; cmd_start ;;
    status) cmd_status ;;
    env) cmd_env ;;
    *) usage ;;
esac
