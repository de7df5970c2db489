#!/usr/bin/env bash
# The whole test suite: installs and builds (scripts/build.sh), starts the private Docker
# engine and registry (scripts/services.sh), runs ctest, and stops the services whatever
# happened. Extra arguments go to ctest (e.g. -L unit, -R engineapi).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SLIPWAY_BUILD_DIR:-$here/build}
bash "$here/scripts/build.sh"

stop_services() { bash "$here/scripts/services.sh" stop || true; }
trap stop_services EXIT
trap 'exit 130' INT TERM
bash "$here/scripts/services.sh" start
eval "$(bash "$here/scripts/services.sh" env)"

cd "$build"
ctest --output-on-failure --no-tests=error -j2 "$@"
