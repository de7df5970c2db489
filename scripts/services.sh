#!/usr/bin/env bash
# All dev services for Slipway's tests and demo: the private Docker engine,
# the registry, the test images and PostgreSQL (team mode).
#
#   scripts/services.sh start     engine + registry + images; prints the export lines
#   scripts/services.sh stop      registry + engine (works after a half-failed start)
#   scripts/services.sh restart
#   scripts/services.sh status
#   scripts/services.sh env       prints the export lines
#
# Use:  eval "$(scripts/services.sh start)"   (progress goes to stderr)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/common.sh
source "$here/common.sh"

cmd_env() {
    bash "$here/engine.sh" env
    bash "$here/registry.sh" env
    bash "$here/postgres.sh" env
}

cmd_start() {
    need_root
    local t0
    t0=$(now)
    # The engine is also a one-node Swarm manager, so Swarm services can be tested and shown.
    if ! bash "$here/engine.sh" start || ! bash "$here/registry.sh" start ||
        ! bash "$here/images.sh" || ! bash "$here/engine.sh" swarm-init ||
        ! bash "$here/postgres.sh" start; then
        log "start failed; stop with: $here/services.sh stop"
        exit 1
    fi
    log "all services up in $(elapsed "$t0")s"
    cmd_env
}

cmd_stop() {
    need_root
    local rc=0
    bash "$here/postgres.sh" stop || rc=1
    bash "$here/registry.sh" stop || rc=1
    bash "$here/engine.sh" stop || rc=1
    return $rc
}

cmd_status() {
    local rc=0
    printf 'engine:   '; bash "$here/engine.sh" status || rc=$?
    printf 'registry: '; bash "$here/registry.sh" status || rc=$?
    printf 'postgres: '; bash "$here/postgres.sh" status || rc=$?
    return $rc
}

case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop; cmd_start ;;
    status) cmd_status ;;
    env) cmd_env ;;
    *) echo "usage: $_prog start|stop|restart|status|env" >&2; exit 2 ;;
esac
