#!/usr/bin/env bash
# The whole test suite: installs and builds (scripts/build.sh), starts the private Docker
# engine and registry (scripts/services.sh), runs ctest, and stops the services whatever
# happened. Extra arguments go to ctest (e.g. -L unit, -R engineapi).
#
# The whole suite (no arguments) starts with scripts/fresh-check.sh: the set-up on a fresh
# minimal Debian 12 root. Arguments, or SLIPWAY_FRESH_CHECK=0, skip it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SLIPWAY_BUILD_DIR:-$here/build}
if [ $# -eq 0 ] && [ "${SLIPWAY_FRESH_CHECK:-1}" != 0 ]; then
    if ! bash "$here/scripts/fresh-check.sh"; then
        echo "test.sh: the set-up fails on a fresh Debian 12 root (scripts/fresh-check.sh, above)" >&2
        exit 1
    fi
fi
bash "$here/scripts/build.sh"

stop_services() { bash "$here/scripts/services.sh" stop || true; }
trap stop_services EXIT
trap 'exit 130' INT TERM
bash "$here/scripts/services.sh" start
eval "$(bash "$here/scripts/services.sh" env)"

cd "$build"
ctest --output-on-failure --no-tests=error -j2 "$@"
