#!/usr/bin/env bash
# Installs every Debian package Slipway needs to build, test and run its dev
# services (Debian 12 "bookworm"). Quick no-op when all are installed.
#
#   scripts/deps.sh            install what is missing
#   scripts/deps.sh --check    only report what is missing (exit 1 if anything is)
#
# Installing does not start any system service (no system dockerd,
# containerd, registry or PostgreSQL): scripts/ runs private instances.
set -euo pipefail

_prog=$(basename "$0")
die() { printf '%s: error: %s\n' "$_prog" "$*" >&2; exit 1; }
log() { printf '%s: %s\n' "$_prog" "$*" >&2; }

# Qt6Charts' CMake package needs Qt6OpenGL's, which is in libqt6opengl6-dev: only a
# Recommends of qt6-base-dev, so it is named here (we install without recommends).
BUILD=(cmake ninja-build g++ clang libclang-rt-14-dev pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libqt6sql6-psql libgl-dev libcurl4-openssl-dev nlohmann-json3-dev libmimalloc-dev
    clang-format dpkg-dev file)
# ccache: a second build of the same sources (scripts/fresh-check.sh's, a worktree's) reuses
# what the first compiled.
BUILD+=(ccache)
# lld: links the test executables about three times faster than GNU ld (CMakeLists.txt).
BUILD+=(lld)
# libyaml-cpp-dev: Compose templates are read with yaml-cpp (core/environments).
BUILD+=(libyaml-cpp-dev)
# busybox-static: the helper image (core/locks/helperimage.cmake) is built from its /bin/busybox.
BUILD+=(busybox-static tar)
# procps: pgrep/pkill in the service scripts; ca-certificates: https to registries.
RUNTIME=(docker.io docker-registry busybox-static postgresql curl iproute2 openssl procps
    ca-certificates fonts-dejavu-core fonts-wqy-microhei)
# apparmor: on an AppArmor kernel (Debian 12's default) dockerd loads its docker-default
# profile with apparmor_parser before every container start, and fails the start without
# it; docker.io only Recommends it.
RUNTIME+=(apparmor)
# docker-compose (1.29): the tests check that Compose itself sees and removes a provisioned
# environment, read its Compose schema, and the benchmark provisions beside it.
RUNTIME+=(docker-compose)
RUNTIME+=(apache2-utils) # htpasswd -B: the bcrypt password file of the registry-with-auth tests
PACKAGES=("${BUILD[@]}" "${RUNTIME[@]}")

CHECK_ONLY=""
case ${1:-} in
    "") ;;
    --check) CHECK_ONLY=1 ;;
    *) die "usage: $_prog [--check]" ;;
esac

# Packages not (fully) installed, in one dpkg-query call.
missing() {
    local installed
    installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null |
        awk '$2 == "installed" {print $1}' || true)
    local p
    for p in "${PACKAGES[@]}"; do
        grep -qxF "$p" <<<"$installed" || echo "$p"
    done
}

mapfile -t todo < <(missing)
if [[ ${#todo[@]} -eq 0 ]]; then
    log "all ${#PACKAGES[@]} packages are installed"
    exit 0
fi
log "missing: ${todo[*]}"
[[ -z $CHECK_ONLY ]] || exit 1

[[ $(id -u) -eq 0 ]] || die "must run as root to install packages (try: sudo $0)"
command -v apt-get >/dev/null || die "apt-get not found; this script is for Debian 12"

export DEBIAN_FRONTEND=noninteractive
APT=(apt-get -q -y -o Dpkg::Use-Pty=0 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

# apt-get update only when some missing package has no install candidate
# (empty or stale package lists).
needs_update=""
for p in "${todo[@]}"; do
    cand=$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')
    if [[ -z $cand || $cand == "(none)" ]]; then
        needs_update=1
        break
    fi
done
if [[ -n $needs_update ]]; then
    log "apt-get update"
    "${APT[@]}" update >/dev/null || die "apt-get update failed"
fi

# Keep the packages' maintainer scripts from starting system services, unless
# a policy is already in place.
policy=/usr/sbin/policy-rc.d
own_policy=""
if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# temporary, from Slipway scripts/deps.sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    own_policy=1
fi
cleanup() { [[ -z $own_policy ]] || rm -f "$policy"; }
trap cleanup EXIT

log "installing ${#todo[@]} package(s)"
out=$(mktemp)
if ! "${APT[@]}" install --no-install-recommends "${todo[@]}" >"$out" 2>&1; then
    tail -n 30 "$out" >&2
    rm -f "$out"
    die "apt-get install failed"
fi
rm -f "$out"

mapfile -t still < <(missing)
[[ ${#still[@]} -eq 0 ]] || die "still missing after install: ${still[*]}"
log "done"
