#!/usr/bin/env bash
# Checks the README's set-up on a fresh, minimal Debian 12 root: a throwaway
# `debootstrap --variant=minbase bookworm` root gets a clone of this checkout's HEAD,
# then, inside it (chroot):
#
#   1. scripts/deps.sh                          every package, from empty apt lists
#   2. command -v of every external command scripts/*.sh, the tests and CPack call
#   3. scripts/build.sh --configure-only        the configure of build.sh, so every
#                                               find_package of the top CMakeLists runs
#   4. scripts/build.sh slipctl                 a build of slipctl
#   5. slipctl --version                        prints the project's version
#
#   scripts/fresh-check.sh        (as root; scripts/test.sh runs it before the whole suite)
#
# The root comes from the Debian mirror the host's apt uses (SLIPWAY_FRESH_MIRROR
# overrides it) and shares the host's apt archive cache (hard links), so nothing is fetched twice.
# Everything is mounted in a private mount namespace, unmounted at the end whatever
# happens, and the root is deleted once nothing is mounted in it any more.
#
# Environment:
#   SLIPWAY_FRESH_DIR     where the throwaway root goes (default /var/tmp; needs ~4 GB)
#   SLIPWAY_FRESH_MIRROR  Debian mirror URL (default: the host's apt source for bookworm)
#   SLIPWAY_FRESH_KEEP=1  keep the root (unmounted) to look at afterwards
#   SLIPWAY_FRESH_CCACHE  a ccache directory of the host (scripts/test.sh passes its own) that
#                         the root's build shares, with the host's build type, so that what
#                         the host compiled is not compiled again; otherwise the root builds
#                         alone with build type None (no optimisation, no debug info)
set -euo pipefail
export LC_ALL=C

_prog=fresh-check
log() { printf '%s: %s\n' "$_prog" "$*" >&2; }
warn() { printf '%s: warning: %s\n' "$_prog" "$*" >&2; }
die() { printf '%s: error: %s\n' "$_prog" "$*" >&2; exit 1; }

self=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
here=$(cd "$(dirname "$self")/.." && pwd)
SUITE=bookworm
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
SRC=/src/slipway   # where the clone goes inside the root
ROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
NEED_GB=4

# --- helpers shared by both halves ----------------------------------------------
secs_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

phase=""
phase_t0=""
phase_begin() {
    phase=$1
    phase_t0=$EPOCHREALTIME
    log "==> $phase"
}
phase_end() {
    local dt
    dt=$(secs_since "$phase_t0")
    log "<== $phase: ${dt}s"
    printf '%s\t%s\n' "$phase" "$dt" >>"$work/times"
    phase=""
}

# Mount points at or under DIR in this mount namespace, deepest first.
# (DIR is checked to need no escaping in /proc/self/mountinfo.)
mounts_under() {
    awk -v d="$1" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r
}

# Processes whose root directory is DIR or below it: ours, started in the chroot.
pids_rooted_in() {
    local p r
    for p in /proc/[0-9]*; do
        r=$(readlink "$p/root" 2>/dev/null) || continue
        if [[ $r == "$1" || $r == "$1"/* ]]; then echo "${p#/proc/}"; fi
    done
}

kill_rooted_in() {
    local pids i
    for ((i = 0; i < 50; i++)); do
        pids=$(pids_rooted_in "$1")
        [[ -n $pids ]] || return 0
        if ((i == 0)); then
            log "stopping processes left in the root: $(tr '\n' ' ' <<<"$pids")"
            # shellcheck disable=SC2086
            kill -TERM $pids 2>/dev/null || true
        elif ((i == 20)); then
            # shellcheck disable=SC2086
            kill -KILL $pids 2>/dev/null || true
        fi
        sleep 0.1
    done
    warn "processes still in the root: $(tr '\n' ' ' <<<"$pids")"
}

# Unmounts everything at or under DIR (deepest first, then lazily what stays busy)
# and succeeds only when /proc/self/mountinfo shows nothing there any more.
unmount_under() {
    local dir=$1 mps mp pass
    for pass in 1 2 3; do
        mps=$(mounts_under "$dir")
        [[ -n $mps ]] || return 0
        while read -r mp; do
            if ((pass < 3)); then
                umount "$mp" 2>/dev/null || true
            else
                umount "$mp" 2>/dev/null || umount -l "$mp" 2>/dev/null || warn "cannot unmount $mp"
            fi
        done <<<"$mps"
    done
    mps=$(mounts_under "$dir")
    [[ -z $mps ]] || { warn "still mounted: $(tr '\n' ' ' <<<"$mps")"; return 1; }
}

# link_debs FROM TO [FIND-TESTS...]: FROM's .deb files that TO lacks, hard-linked into TO
# (copied when the two are on different file systems).
link_debs() {
    local from=$1 to=$2
    shift 2
    find "$from" -maxdepth 1 -name '*.deb' "$@" -exec cp -n -l -t "$to" {} + 2>/dev/null ||
        find "$from" -maxdepth 1 -name '*.deb' "$@" -exec cp -n -t "$to" {} +
}

# ==============================================================================
# Inner half: runs in a private mount namespace (unshare --mount), so that its
# mounts are never visible to the host and vanish with it even on SIGKILL; it
# still unmounts everything itself before it exits.
# ==============================================================================
inside() {
    work=$1
    local mirror=$2 arch=$3
    root=$work/root
    local logs=$work/logs

    inner_cleanup() {
        local rc=$?
        trap - EXIT INT TERM
        if [[ -n $phase ]]; then
            log "FAILED in phase '$phase' after $(secs_since "$phase_t0")s"
        fi
        kill_rooted_in "$root"
        unmount_under "$root" || rc=1
        exit "$rc"
    }
    trap inner_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    # What the chroot sees of the caller's environment: a clean one, plus proxy settings.
    local envs=(PATH="$ROOT_PATH" HOME=/root LANG=C.UTF-8 TERM=dumb) v
    for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
        [[ -z ${!v:-} ]] || envs+=("$v=${!v}")
    done
    local shared_ccache="" build_type=None
    if [[ -n ${SLIPWAY_FRESH_CCACHE:-} ]]; then
        [[ -d $SLIPWAY_FRESH_CCACHE ]] || die "SLIPWAY_FRESH_CCACHE=$SLIPWAY_FRESH_CCACHE is not a directory"
        shared_ccache=$SLIPWAY_FRESH_CCACHE
        build_type=${SLIPWAY_BUILD_TYPE:-RelWithDebInfo}
        # No size limit from in here: the host's own setting manages its cache.
        envs+=(CCACHE_DIR=/var/cache/host-ccache CCACHE_MAXSIZE=0)
    fi
    # An array, not a function: a function's redirections (>build.log) would also catch
    # what the EXIT trap prints when a signal ends the command.
    in_root=(chroot "$root" /usr/bin/env -i "${envs[@]}")

    # --- debootstrap -------------------------------------------------------------
    phase_begin "debootstrap (minbase $SUITE $arch)"
    local archives
    eval "$(apt-config shell archives Dir::Cache::archives/d)"
    archives=${archives%/}
    [[ -d $archives ]] || die "the host's apt archive cache $archives does not exist"
    # Throwaway root: dpkg need not fsync every file (debootstrap's dpkg runs read this too).
    mkdir -p "$root/etc/dpkg/dpkg.cfg.d"
    echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/90slipway-fresh-check"
    # --cache-dir: debootstrap takes what the host's apt cache has and adds what it fetches.
    if ! debootstrap --variant=minbase --arch="$arch" --keyring="$KEYRING" --cache-dir="$archives" \
        "$SUITE" "$root" "$mirror" >"$logs/debootstrap.log" 2>&1; then
        tail -n 25 "$logs/debootstrap.log" >&2
        [[ ! -f $root/debootstrap/debootstrap.log ]] || tail -n 25 "$root/debootstrap/debootstrap.log" >&2
        die "debootstrap failed (mirror $mirror)"
    fi
    log "$(grep -c '^I: Validating ' "$logs/debootstrap.log" || true) packages, $(du -sh "$root" | cut -f1) in $root"
    phase_end

    # --- the root as a fresh machine would be, plus our mounts --------------------------
    phase_begin "prepare the root"
    mkdir -p "$root${SRC%/*}"
    mv "$work/src" "$root$SRC"
    cp -L /etc/resolv.conf "$root/etc/resolv.conf"
    cp -L /etc/hosts "$root/etc/hosts"
    # apt sources: the host's Debian ones for this release (main, updates, security),
    # under the archive keyring. Empty package lists, as on a fresh cloud or container
    # image: deps.sh must notice and run apt-get update itself.
    rm -f "$root/etc/apt/sources.list"
    cp "$work/debian.sources" "$root/etc/apt/sources.list.d/debian.sources"
    find "$root/var/lib/apt/lists" -maxdepth 1 -type f ! -name lock -delete
    # The host's proxy and release-date settings, if it has any (its mirror may need them).
    apt-config dump | grep -E '^Acquire::(https?::Proxy|Check-Valid-Until|Check-Date)' \
        >"$root/etc/apt/apt.conf.d/90slipway-fresh-check" || true
    mount -t proc proc "$root/proc"
    mount -t sysfs -o ro sysfs "$root/sys"
    mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$root/dev/pts"
    mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
    if [[ -n $shared_ccache ]]; then
        mkdir -p "$root/var/cache/host-ccache"
        mount --bind "$shared_ccache" "$root/var/cache/host-ccache"
    fi
    log "mounted: $(mounts_under "$root" | sed "s|^$root||" | sort | tr '\n' ' ')"
    # The host's apt archive cache, hard-linked (copied if on another file system) into the
    # root's own, so that deps.sh does not fetch again what the host has. Not a bind mount:
    # the archive lock would then be shared, and an apt-get on the host at the same time
    # would make deps.sh fail. What deps.sh fetches goes back to the host's cache afterwards.
    link_debs "$archives" "$root/var/cache/apt/archives"
    log "$(find "$root/var/cache/apt/archives" -maxdepth 1 -name '*.deb' | wc -l) packages from the host's apt cache"
    phase_end

    # --- scripts/deps.sh ---------------------------------------------------------------
    phase_begin "scripts/deps.sh"
    "${in_root[@]}" bash "$SRC/scripts/deps.sh" || die "scripts/deps.sh failed in the fresh root"
    # Back to the host's cache: what it did not have yet.
    link_debs "$root/var/cache/apt/archives" "$archives" -links 1 || warn "could not add the new packages to $archives"
    log "$("${in_root[@]}" dpkg-query -W -f='${db:Status-Status}\n' | grep -c '^installed$') packages installed, $(du -shx --exclude="$root/var/cache/apt/archives" "$root" 2>/dev/null | cut -f1) in the root"
    phase_end

    # --- the commands the scripts call --------------------------------------------------
    phase_begin "commands the scripts call"
    check_commands
    phase_end

    # --- configure, build, run ----------------------------------------------------------
    # build.sh's own configure; only the build type may differ: alone, None (no optimisation,
    # no debug info) compiles quickest, and the point here is that it builds and runs; with
    # the host's ccache, the host's type, so that its objects serve. Then only slipctl.
    phase_begin "configure (scripts/build.sh --configure-only)"
    if ! "${in_root[@]}" env SLIPWAY_BUILD_TYPE="$build_type" bash "$SRC/scripts/build.sh" --configure-only \
        >"$logs/configure.log" 2>&1; then
        grep -v '^-- ' "$logs/configure.log" | tail -n 40 >&2
        die "CMake configure failed in the fresh root: a package is missing from scripts/deps.sh?"
    fi
    grep -E '^-- (Found|The CXX compiler|Build files)' "$logs/configure.log" | sed 's/^/  /' >&2 || true
    phase_end

    phase_begin "build slipctl (scripts/build.sh slipctl)"
    if ! "${in_root[@]}" bash "$SRC/scripts/build.sh" slipctl >"$logs/build.log" 2>&1; then
        tail -n 40 "$logs/build.log" >&2
        die "building slipctl failed in the fresh root"
    fi
    log "$(grep -c '^\[[0-9]*/[0-9]*\]' "$logs/build.log" || true) build steps"
    phase_end

    phase_begin "slipctl --version"
    local want got
    want=$(sed -n 's/^project(Slipway VERSION \([0-9.]*\).*/\1/p' "$root$SRC/CMakeLists.txt")
    [[ -n $want ]] || die "cannot read the project version from CMakeLists.txt"
    got=$("${in_root[@]}" "$SRC/build/app/slipctl/slipctl" --version 2>&1) || die "slipctl --version failed: $got"
    [[ $got == "slipctl $want" ]] || die "slipctl --version printed '$got', expected 'slipctl $want'"
    log "$got"
    phase_end
}

# Every external command that scripts/*.sh, the tests and CPack call, with the package
# that has it on Debian 12 and who calls it. Plus whatever a script names in need_cmd.
COMMANDS="
apt-get         apt             deps.sh
apt-cache       apt             deps.sh
dpkg-query      dpkg            deps.sh
bash            bash            every script; tests (engine.sh, tls-certs.sh)
sh              dash            tests (tst_replicadrain)
awk             mawk            common.sh, deps.sh, engine.sh, images.sh
sed             sed             engine.sh, images.sh, record-fixtures.sh
grep            grep            common.sh, deps.sh, engine.sh, images.sh
find            findutils       engine.sh, record-fixtures.sh
id              coreutils       common.sh, deps.sh
nproc           coreutils       build.sh
mktemp          coreutils       deps.sh, engine.sh, images.sh
sha256sum       coreutils       images.sh
stat            coreutils       common.sh
date            coreutils       common.sh, engine.sh
env             coreutils       common.sh (DAEMON_ENV)
sleep           coreutils       common.sh; tests (tst_deployer)
basename        coreutils       common.sh, deps.sh
dirname         coreutils       every script
tr              coreutils       common.sh, engine.sh
cut             coreutils       engine.sh, images.sh
sort            coreutils       engine.sh
head            coreutils       images.sh
tail            coreutils       common.sh, deps.sh
wc              coreutils       record-fixtures.sh
setsid          util-linux      engine.sh, registry.sh
mount           mount           engine.sh (overlay probe)
umount          mount           engine.sh
ldd             libc-bin        images.sh
tar             tar             images.sh
cmake           cmake           build.sh
ctest           cmake           test.sh
ninja           ninja-build     build.sh (-G Ninja)
clang           clang           build.sh
clang++         clang           build.sh
clang-format    clang-format    the house style
curl            curl            common.sh, run.sh, images.sh, registry.sh; tests
openssl         openssl         tls-certs.sh; tests (tst_transporttls)
ip              iproute2        engine.sh
ss              iproute2        registry.sh
pgrep           procps          engine.sh, registry.sh
dockerd         docker.io       engine.sh
docker-proxy    docker.io       engine.sh (userland proxy)
containerd      containerd      engine.sh
containerd-shim-runc-v2 containerd  dockerd
runc            runc            engine.sh
apparmor_parser apparmor        dockerd (its docker-default profile, on AppArmor kernels)
/usr/bin/docker docker.io       common.sh (DOCKER_CLI); tests (tst_metrics)
/usr/bin/docker-registry docker-registry registry.sh (REGISTRY_BIN)
/bin/busybox    busybox-static  images.sh (BUSYBOX)
file            file            CPack DEB (CPACK_DEBIAN_PACKAGE_SHLIBDEPS)
dpkg-shlibdeps  dpkg-dev        CPack DEB (CPACK_DEBIAN_PACKAGE_SHLIBDEPS)
objdump         binutils        dpkg-shlibdeps
runuser         util-linux      postgres.sh (the server refuses root)
useradd         passwd          postgres.sh (its system user)
/usr/lib/postgresql/15/bin/pg_ctl postgresql-15 postgres.sh
/usr/lib/postgresql/15/bin/initdb postgresql-15 postgres.sh
psql            postgresql-client-15 tests (tst_teamgrants: the server refuses a role without the grant)
"

check_commands() {
    local list=$COMMANDS extra c
    # need_cmd lines the scripts have now, in case this list falls behind them.
    extra=$(sed -n 's/^[[:space:]]*need_cmd[[:space:]]\{1,\}\([A-Za-z0-9 ._+-]*\).*/\1/p' "$root$SRC"/scripts/*.sh |
        tr ' ' '\n' | sed '/^$/d' | sort -u)
    for c in $extra; do
        awk -v c="$c" '$1 == c { found = 1 } END { exit !found }' <<<"$list" ||
            list+=$'\n'"$c ? need_cmd in scripts/"
    done
    local missing
    missing=$("${in_root[@]}" bash -c '
        while read -r cmd pkg who; do
            [ -n "$cmd" ] || continue
            case $cmd in
            /*) [ -x "$cmd" ] && continue ;;
            *) command -v "$cmd" >/dev/null 2>&1 && continue ;;
            esac
            echo "  $cmd (Debian package $pkg; called by $who)"
        done' <<<"$list")
    if [[ -n $missing ]]; then
        printf '%s\n' "$missing" >&2
        die "commands missing in the fresh root after scripts/deps.sh: add their packages to deps.sh"
    fi
    log "all $(grep -c . <<<"$list") commands found"
}

# ==============================================================================
# Outer half: checks, host tools, the mirror, the clone; then the inner half in
# its own mount namespace and session; then the clean-up.
# ==============================================================================

# Lines "URI SUITE COMPONENT..." of the host's enabled apt sources for binary packages,
# from sources.list, *.list (one-line style) and *.sources (deb822).
host_sources() {
    local f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -r $f ]] || continue
        sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" | awk '$1 == "deb" && NF >= 4 { $1 = ""; sub(/^ /, ""); print }'
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [[ -r $f ]] || continue
        awk '
            function flush(   i, j, nu, ns, u, s) {
                if (types ~ /(^| )deb( |$)/ && tolower(enabled) != "no" && uris != "" && suites != "") {
                    nu = split(uris, u, " "); ns = split(suites, s, " ")
                    for (i = 1; i <= nu; i++) for (j = 1; j <= ns; j++) print u[i], s[j], comps
                }
                types = uris = suites = comps = enabled = ""
            }
            /^[[:space:]]*#/ { next }
            /^[[:space:]]*$/ { flush(); next }
            /^[^[:space:]]/ {
                key = tolower($1); sub(/:$/, "", key); val = $0; sub(/^[^:]*:[[:space:]]*/, "", val)
                if (key == "types") types = val; else if (key == "uris") uris = val
                else if (key == "suites") suites = val; else if (key == "components") comps = val
                else if (key == "enabled") enabled = val
            }
            END { flush() }' "$f"
    done
}

ensure_host_packages() {
    local p todo=() cand
    for p in "$@"; do
        [[ $(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) == installed ]] || todo+=("$p")
    done
    if [[ ${#todo[@]} -eq 0 ]]; then
        log "host has $*"
        return 0
    fi
    log "installing on the host: ${todo[*]}"
    export DEBIAN_FRONTEND=noninteractive
    for p in "${todo[@]}"; do
        cand=$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')
        if [[ -z $cand || $cand == "(none)" ]]; then
            apt-get -q -y update >/dev/null || die "apt-get update failed"
            break
        fi
    done
    apt-get -q -y -o Dpkg::Use-Pty=0 install --no-install-recommends "${todo[@]}" >/dev/null ||
        die "cannot install ${todo[*]} on the host"
}

outer() {
    [[ $# -eq 0 ]] || { sed -n '2,24p' "$self" | sed 's/^# \{0,1\}//' >&2; exit 2; }
    [[ $(id -u) -eq 0 ]] || die "must run as root: it runs debootstrap, chroot and mount (try: sudo bash $0)"
    command -v apt-get >/dev/null && command -v dpkg >/dev/null || die "this needs a Debian host (apt-get, dpkg)"
    command -v unshare >/dev/null && command -v chroot >/dev/null || die "unshare and chroot are missing (util-linux, coreutils)"
    local t_all=$EPOCHREALTIME arch parent
    arch=$(dpkg --print-architecture)
    parent=${SLIPWAY_FRESH_DIR:-/var/tmp}
    mkdir -p "$parent"
    parent=$(cd "$parent" && pwd -P)
    # Kept simple so that the path reads the same in /proc/self/mountinfo.
    [[ $parent =~ ^[A-Za-z0-9/._-]+$ ]] || die "SLIPWAY_FRESH_DIR '$parent' has characters other than A-Z a-z 0-9 / . _ -"
    local opts avail
    opts=$(findmnt -no OPTIONS --target "$parent" 2>/dev/null || true)
    [[ ,$opts, != *,nodev,* && ,$opts, != *,noexec,* ]] ||
        die "$parent is mounted nodev or noexec: the root's /dev/null and programs would not work (set SLIPWAY_FRESH_DIR)"
    avail=$(df -Pk "$parent" | awk 'NR == 2 { print int($4 / 1048576) }')
    ((avail >= NEED_GB)) || die "$parent has ${avail} GB free; the fresh root needs about $NEED_GB GB (set SLIPWAY_FRESH_DIR)"

    work=$(mktemp -d "$parent/slipway-fresh.XXXXXX")
    root=$work/root
    mkdir "$work/logs"
    : >"$work/times"
    inner_pid=""
    trap outer_cleanup EXIT
    trap 'on_signal INT 130' INT
    trap 'on_signal TERM 143' TERM
    log "fresh Debian 12 root in $root (host: $(. /etc/os-release && echo "$PRETTY_NAME"), $(nproc) cores)"

    phase_begin "host tools"
    local tools=(debootstrap debian-archive-keyring)
    local use_git=""
    if [[ -e $here/.git ]]; then
        use_git=1
        tools+=(git)
    fi
    ensure_host_packages "${tools[@]}"
    [[ -r $KEYRING ]] || die "$KEYRING is missing (package debian-archive-keyring)"
    local mirror=${SLIPWAY_FRESH_MIRROR:-}
    host_sources | awk -v s="$SUITE" '$2 == s || $2 == s "-updates" || $2 == s "-security"' |
        awk '{ u = $1; s = $2; $1 = $2 = ""; c = $0; gsub(/^ +| +$/, "", c); if (c == "") c = "main"
               printf "Types: deb\nURIs: %s\nSuites: %s\nComponents: %s\nSigned-By: '"$KEYRING"'\n\n", u, s, c }' \
        >"$work/debian.sources"
    if [[ -z $mirror ]]; then
        mirror=$(host_sources | awk -v s="$SUITE" '$2 == s { print $1; exit }')
        [[ -n $mirror ]] || die "no apt source for '$SUITE' in /etc/apt/sources.list or /etc/apt/sources.list.d (set SLIPWAY_FRESH_MIRROR)"
    fi
    if [[ ! -s $work/debian.sources ]]; then
        printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' "$mirror" "$SUITE" "$KEYRING" >"$work/debian.sources"
    fi
    # debootstrap fetches with wget: give it apt's proxy if the environment has none.
    if [[ -z ${http_proxy:-} ]]; then
        local proxy=""
        eval "$(apt-config shell proxy Acquire::http::Proxy)"
        if [[ -n $proxy && $proxy != DIRECT ]]; then export http_proxy=$proxy; fi
    fi
    log "mirror $mirror; apt sources in the root: $(awk '/^Suites:/ { printf "%s ", $2 }' "$work/debian.sources")"
    phase_end

    phase_begin "clone the checkout"
    if [[ -n $use_git ]]; then
        local head
        head=$(git -C "$here" rev-parse HEAD)
        git clone --quiet --no-checkout "$here" "$work/src"
        git -C "$work/src" -c advice.detachedHead=false checkout --quiet "$head" 2>/dev/null || {
            git -C "$work/src" fetch --quiet "$here" HEAD &&
                git -C "$work/src" -c advice.detachedHead=false checkout --quiet FETCH_HEAD
        } || die "cannot check out $head in the clone"
        [[ -z $(git -C "$here" status --porcelain --untracked-files=no) ]] ||
            warn "uncommitted changes in $here are not part of the check (it checks HEAD)"
        log "HEAD $(git -C "$work/src" log -1 --format='%h %s' | cut -c1-100)"
    else
        log "$here is not a git checkout: copying its files (without build directories)"
        mkdir "$work/src"
        tar -C "$here" --exclude='./build' --exclude='./build-*' -cf - . | tar -C "$work/src" -xf -
    fi
    phase_end

    # The inner half in a private mount namespace, in a session of its own so that a
    # signal to us reaches every process it started (we forward it to the group).
    setsid unshare --mount --propagation private -- bash "$self" --inside "$work" "$mirror" "$arch" </dev/null &
    inner_pid=$!
    local rc=0
    wait "$inner_pid" || rc=$?
    inner_pid=""
    total=$(secs_since "$t_all")
    if ((rc != 0)); then
        exit "$rc"
    fi
    log "timings:"
    awk -F'\t' '{ printf "  %-46s %7.1fs\n", $1, $2 }' "$work/times" >&2
    log "PASSED in ${total}s: a fresh Debian 12 root installs, configures and builds Slipway"
}

on_signal() {
    log "interrupted (SIG$1)"
    if [[ -n ${inner_pid:-} ]]; then
        kill -TERM -- "-$inner_pid" 2>/dev/null || true
        wait "$inner_pid" 2>/dev/null || true
        inner_pid=""
    fi
    exit "$2"
}

outer_cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n ${inner_pid:-} ]]; then
        kill -TERM -- "-$inner_pid" 2>/dev/null || true
        wait "$inner_pid" 2>/dev/null || true
    fi
    if [[ -n ${phase:-} ]]; then
        log "FAILED in phase '$phase' after $(secs_since "$phase_t0")s"
    fi
    if [[ -n ${work:-} && -d $work ]]; then
        if [[ -s $work/times ]] && ((rc != 0)); then
            log "phases done before the failure:"
            awk -F'\t' '{ printf "  %-46s %7.1fs\n", $1, $2 }' "$work/times" >&2
        fi
        kill_rooted_in "$root"
        # Nothing should be mounted here in our namespace (the mounts were private to the
        # inner half), but check: never delete through a mount.
        if ! unmount_under "$work"; then
            log "NOT deleting $work: something is still mounted in it"
            rc=1
        elif [[ -n ${SLIPWAY_FRESH_KEEP:-} && ${SLIPWAY_FRESH_KEEP} != 0 ]]; then
            log "kept $root (SLIPWAY_FRESH_KEEP); delete it with: rm -rf --one-file-system $work"
        else
            local t0=$EPOCHREALTIME
            rm -rf --one-file-system "$work" || { warn "could not delete all of $work"; rc=1; }
            log "deleted the root in $(secs_since "$t0")s"
        fi
    fi
    if ((rc != 0)); then
        log "fresh-root check FAILED (exit $rc)"
    fi
    exit "$rc"
}

# On one line, so that bash has read all of it before it runs: an edit of this file
# during a run cannot change what the run does next.
if [[ ${1:-} == --inside ]]; then shift; inside "$@"; else outer "$@"; fi; exit
