#!/usr/bin/env bash
# Installs, builds and opens Slipway on a real engine: the one in DOCKER_HOST or at
# /var/run/docker.sock if it answers, else a private demo engine seeded with sample apps.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SLIPWAY_BUILD_DIR:-$here/build}
bash "$here/scripts/build.sh"

answers() { # URL
    case "$1" in
    unix://*) curl -fsS --max-time 3 --unix-socket "${1#unix://}" http://localhost/_ping >/dev/null 2>&1 ;;
    tcp://*) curl -fsS --max-time 3 "http://${1#tcp://}/_ping" >/dev/null 2>&1 ;;
    *) return 1 ;;
    esac
}

args=()
if [ -n "${DOCKER_HOST:-}" ] && { [ -n "${DOCKER_TLS_VERIFY:-}" ] || answers "$DOCKER_HOST"; }; then
    echo "Using the engine in DOCKER_HOST: $DOCKER_HOST"
elif answers unix:///var/run/docker.sock; then
    echo "Using the local engine at /var/run/docker.sock"
else
    echo "No engine answers at DOCKER_HOST or /var/run/docker.sock: starting a private demo engine."
    bash "$here/scripts/services.sh" start
    eval "$(bash "$here/scripts/services.sh" env)"
    bash "$here/scripts/demo-seed.sh" "$SLIPWAY_TEST_DOCKER_HOST"
    args+=(--host "$SLIPWAY_TEST_DOCKER_HOST")
    if [ -z "${SLIPWAY_KEEP_DEMO:-}" ]; then
        trap 'bash "$here/scripts/services.sh" stop' EXIT
        trap 'exit 130' INT TERM # so that Ctrl-C also stops the demo engine
    fi
fi

# SLIPWAY_TEAM=1: team mode on the private PostgreSQL (database slipway_demo, you as its owner).
if [ -n "${SLIPWAY_TEAM:-}" ]; then
    bash "$here/scripts/postgres.sh" start
    eval "$(bash "$here/scripts/postgres.sh" env)"
    export PGPASSFILE=$SLIPWAY_TEST_PGPASSFILE
    psql -X "$SLIPWAY_TEST_PG_URL" -tAc "SELECT 1 FROM pg_database WHERE datname = 'slipway_demo'" | grep -q 1 ||
        psql -X "$SLIPWAY_TEST_PG_URL" -qc "CREATE DATABASE slipway_demo"
    team=${SLIPWAY_TEST_PG_URL%/postgres}/slipway_demo
    "$build/app/slipctl/slipctl" db migrate --database "$team"
    args+=(--database "$team")
fi

"$build/app/slipctl/slipctl" hosts "${args[@]}" || true
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display (DISPLAY and WAYLAND_DISPLAY are unset): run this from a desktop session" >&2
    echo "to open the window; slipctl above works without one." >&2
    exit 1
fi
"$build/app/slipway/slipway" "${args[@]}"
