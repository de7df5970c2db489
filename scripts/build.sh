#!/usr/bin/env bash
# Installs what Slipway needs (Debian packages) and builds it into ./build.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/scripts/deps.sh"
build=${SLIPWAY_BUILD_DIR:-$here/build}
# clang builds everything so that the libFuzzer targets share one build with the rest.
if [ ! -f "$build/CMakeCache.txt" ]; then
    # ccache, when installed, lets a second build directory reuse what the first compiled.
    launcher=()
    if command -v ccache >/dev/null; then
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}"
fi
cmake --build "$build" -j"$(nproc)"
