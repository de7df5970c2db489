#!/usr/bin/env bash
# The whole test suite: installs and builds (scripts/build.sh), starts the private Docker
# engine and registry (scripts/services.sh), runs ctest, and stops the services whatever
# happened. Extra arguments go to ctest (e.g. -L unit, -R engineapi).
#
# The whole suite (no arguments) also runs scripts/fresh-check.sh: the set-up on a fresh
# minimal Debian 12 root, beside the build and ctest (niced: the tests mostly wait on the
# engine), its build served by this build's ccache. Its log is build/fresh-check.log; the suite fails
# when it fails. Arguments, or SLIPWAY_FRESH_CHECK=0, skip it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SLIPWAY_BUILD_DIR:-$here/build}
fresh=""
if [ $# -eq 0 ] && [ "${SLIPWAY_FRESH_CHECK:-1}" != 0 ]; then
    fresh=1
fi
# Packages first: the fresh root's debootstrap and apt (mostly waiting on disk and network)
# then run beside the build (mostly CPU), and only its own build of slipctl beside the tests.
bash "$here/scripts/deps.sh"
mkdir -p "$build"

fresh_pid=""
cleanup() {
    if [ -n "$fresh_pid" ]; then
        kill -TERM "$fresh_pid" 2>/dev/null || true
        wait "$fresh_pid" 2>/dev/null || true
    fi
    bash "$here/scripts/services.sh" stop || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$fresh" ]; then
    ccache_dir=$(ccache --get-config cache_dir 2>/dev/null || true)
    SLIPWAY_FRESH_CCACHE=${ccache_dir:+$(mkdir -p "$ccache_dir" && echo "$ccache_dir")} \
        nice -n 10 ionice -c 3 bash "$here/scripts/fresh-check.sh" >"$build/fresh-check.log" 2>&1 &
    fresh_pid=$!
    echo "test.sh: scripts/fresh-check.sh runs beside the build and the tests (log: $build/fresh-check.log)"
fi

bash "$here/scripts/build.sh"

bash "$here/scripts/services.sh" start
eval "$(bash "$here/scripts/services.sh" env)"

rc=0
# Three at once on two cores: the tests mostly wait on the engine (health checks, undo windows),
# not on the CPU. SLIPWAY_TEST_JOBS overrides it.
(cd "$build" && ctest --output-on-failure --no-tests=error -j"${SLIPWAY_TEST_JOBS:-3}" "$@") || rc=$?

if [ -n "$fresh_pid" ]; then
    frc=0
    wait "$fresh_pid" || frc=$?
    fresh_pid=""
    sed -n '/timings:/,$p' "$build/fresh-check.log"
    if [ "$frc" != 0 ]; then
        tail -n 40 "$build/fresh-check.log" >&2
        echo "test.sh: the set-up fails on a fresh Debian 12 root (scripts/fresh-check.sh, above)" >&2
        [ "$rc" != 0 ] || rc=1
    fi
fi
exit "$rc"
