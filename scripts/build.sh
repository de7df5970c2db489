#!/usr/bin/env bash
# Installs what Slipway needs (Debian packages) and builds it into ./build.
#
#   scripts/build.sh                   configure (first time) and build everything
#   scripts/build.sh TARGET...         build only these targets (e.g. slipctl)
#   scripts/build.sh --configure-only  configure (first time) and stop
#
# SLIPWAY_BUILD_DIR moves the build directory; SLIPWAY_BUILD_TYPE (default RelWithDebInfo)
# is the build type of a first configure (scripts/fresh-check.sh uses None: no
# optimisation, no debug info).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
configure_only=""
targets=()
for arg in "$@"; do
    case $arg in
    --configure-only) configure_only=1 ;;
    -*) echo "usage: $0 [--configure-only | TARGET...]" >&2; exit 2 ;;
    *) targets+=(--target "$arg") ;;
    esac
done
bash "$here/scripts/deps.sh"
build=${SLIPWAY_BUILD_DIR:-$here/build}
# clang builds everything so that the libFuzzer targets share one build with the rest.
if [ ! -f "$build/CMakeCache.txt" ]; then
    # ccache, when installed, lets a second build directory reuse what the first compiled.
    launcher=()
    if command -v ccache >/dev/null; then
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${SLIPWAY_BUILD_TYPE:-RelWithDebInfo}" \
        -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}"
fi
[ -z "$configure_only" ] || exit 0
# Paths relative to the checkout in ccache's keys, so that another clone (CI's) or work tree
# of the same sources is served from the cache too.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$here} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-true}
cmake --build "$build" -j"$(nproc)" "${targets[@]}"
