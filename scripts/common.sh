# shellcheck shell=bash disable=SC2034
# Shared settings and helpers for the Slipway dev-service scripts.
# Sourced by engine.sh, registry.sh, images.sh, services.sh, demo-seed.sh,
# record-fixtures.sh. Not meant to be run on its own.
#
# Everything lives under our own paths (/run/slipway-dev, /var/lib/slipway-dev)
# so that the private engine never touches a Docker engine that may already
# run on the machine. Every path and range can be overridden from the
# environment (SLIPWAY_DEV_*), e.g. to run a second copy side by side.

SLIPWAY_DEV_RUN=${SLIPWAY_DEV_RUN:-/run/slipway-dev}
SLIPWAY_DEV_LIB=${SLIPWAY_DEV_LIB:-/var/lib/slipway-dev}

# --- engine -----------------------------------------------------------------
ENGINE_SOCK_PATH=${SLIPWAY_DEV_DOCKER_SOCK:-$SLIPWAY_DEV_RUN/docker.sock}
ENGINE_HOST="unix://$ENGINE_SOCK_PATH"
# A second listener on loopback TCP with mutual TLS, to test the client against a real TLS engine.
ENGINE_TLS_ADDR=${SLIPWAY_DEV_TLS_ADDR:-127.0.0.1:23760}
ENGINE_TLS_HOST="tcp://$ENGINE_TLS_ADDR"
ENGINE_TLS_DIR=$SLIPWAY_DEV_LIB/tls
ENGINE_PIDFILE=$SLIPWAY_DEV_RUN/docker.pid
ENGINE_EXEC_ROOT=$SLIPWAY_DEV_RUN/exec
ENGINE_DATA_ROOT=$SLIPWAY_DEV_LIB/docker
ENGINE_LOG=$SLIPWAY_DEV_LIB/dockerd.log
ENGINE_CONFIG=$SLIPWAY_DEV_RUN/daemon.json
ENGINE_DRIVER_FILE=$SLIPWAY_DEV_LIB/storage-driver
CONTAINERD_STATE=$SLIPWAY_DEV_RUN/containerd
CONTAINERD_ROOT=$SLIPWAY_DEV_LIB/containerd
CONTAINERD_SOCK=$CONTAINERD_STATE/containerd.sock
CONTAINERD_CONFIG=$SLIPWAY_DEV_RUN/containerd.toml
CONTAINERD_PIDFILE=$SLIPWAY_DEV_RUN/containerd.pid
CONTAINERD_LOG=$SLIPWAY_DEV_LIB/containerd.log
CONTAINERD_NAMESPACE=slipway
# Linux bridge for the default "bridge" network, and the ranges the engine may use.
ENGINE_BRIDGE=${SLIPWAY_DEV_BRIDGE:-slipdev0}
ENGINE_BRIDGE_CIDR=${SLIPWAY_DEV_BRIDGE_CIDR:-172.30.213.1/24}
ENGINE_ADDRESS_POOL=${SLIPWAY_DEV_ADDRESS_POOL:-172.30.224.0/20}   # user-defined networks, /27 each
# Size of each user-defined network cut from the pool: /27 (30 addresses) gives 128 networks in
# the /20, room for 60 environments of two networks each (a /24 each gave only 16).
ENGINE_ADDRESS_POOL_SIZE=${SLIPWAY_DEV_ADDRESS_POOL_SIZE:-27}
# Swarm: docker_gwbridge gets its own Linux bridge name (the default name
# "docker_gwbridge" would be shared with any other engine in swarm mode).
SWARM_GW_BRIDGE=${SLIPWAY_DEV_SWARM_GW_BRIDGE:-slipdev_gw0}
SWARM_GW_SUBNET=${SLIPWAY_DEV_SWARM_GW_SUBNET:-172.30.214.0/24}
SWARM_ADDR_POOL=${SLIPWAY_DEV_SWARM_ADDR_POOL:-172.30.240.0/20}    # overlay networks, /24 each
SWARM_PORT=${SLIPWAY_DEV_SWARM_PORT:-2477}                         # instead of 2377
SWARM_DATA_PATH_PORT=${SLIPWAY_DEV_SWARM_DATA_PATH_PORT:-4889}     # instead of 4789
# cgroup (v1 "pids" hierarchy, or v2) that holds every process we start, so
# that `stop` can find leftovers precisely, and the parent of container cgroups.
SLIPWAY_DEV_CGROUP=${SLIPWAY_DEV_CGROUP:-slipway-dev}

# --- registry ---------------------------------------------------------------
REGISTRY_ADDR=${SLIPWAY_DEV_REGISTRY_ADDR:-127.0.0.1:5515}
REGISTRY_ROOT=$SLIPWAY_DEV_LIB/registry
REGISTRY_CONFIG=$SLIPWAY_DEV_LIB/registry.yml
REGISTRY_PIDFILE=$SLIPWAY_DEV_RUN/registry.pid
REGISTRY_LOG=$SLIPWAY_DEV_LIB/registry.log
REGISTRY_BIN=${SLIPWAY_DEV_REGISTRY_BIN:-/usr/bin/docker-registry}

# --- docker CLI -------------------------------------------------------------
# Prefer Debian's client (same release as the engine); keep the CLI away from
# the user's ~/.docker (credential helpers, contexts) with a config dir of its own.
if [[ -z ${DOCKER_CLI:-} ]]; then
    if [[ -x /usr/bin/docker ]]; then DOCKER_CLI=/usr/bin/docker; else DOCKER_CLI=$(command -v docker || echo docker); fi
fi
SLIPWAY_DEV_DOCKER_CONFIG=$SLIPWAY_DEV_LIB/docker-cli

# docker CLI against the private engine (or $DOCKER_HOST_OVERRIDE).
dk() {
    mkdir -p "$SLIPWAY_DEV_DOCKER_CONFIG"
    DOCKER_CONFIG=$SLIPWAY_DEV_DOCKER_CONFIG DOCKER_BUILDKIT=0 DOCKER_CLI_HINTS=false \
        "$DOCKER_CLI" -H "${DOCKER_HOST_OVERRIDE:-$ENGINE_HOST}" "$@"
}

# Daemons start with a clean environment: nothing of the caller's (proxy
# settings, DOCKER_*, XDG_*) leaks into them.
DAEMON_ENV=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8)

# --- messages ---------------------------------------------------------------
_prog=$(basename "$0")
log()  { printf '%s: %s\n' "$_prog" "$*" >&2; }
warn() { printf '%s: warning: %s\n' "$_prog" "$*" >&2; }
die()  { printf '%s: error: %s\n' "$_prog" "$*" >&2; exit 1; }

need_root() {
    [[ $(id -u) -eq 0 ]] || die "must run as root (it starts dockerd and creates a network bridge)"
}

need_cmd() {
    local c
    for c in "$@"; do
        command -v "$c" >/dev/null 2>&1 || die "'$c' not found; run scripts/deps.sh first"
    done
}

# pid_alive PIDFILE NEEDLE: prints the pid and succeeds when PIDFILE names a
# live process whose command line contains NEEDLE (guards against pid reuse).
pid_alive() {
    local pidfile=$1 needle=$2 pid
    [[ -s $pidfile ]] || return 1
    pid=$(<"$pidfile")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/cmdline ]] || return 1
    # A zombie has an empty cmdline: treat it as gone.
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$needle" || return 1
    printf '%s\n' "$pid"
}

# proc_running PID: the process exists and is not a zombie.
proc_running() {
    local state
    state=$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)
    [[ -n $state && $state != Z && $state != X ]]
}

# wait_gone PID SECONDS: waits until PID has exited (or is a zombie).
wait_gone() {
    local pid=$1 secs=$2 i
    for ((i = 0; i < secs * 10; i++)); do
        proc_running "$pid" || return 0
        sleep 0.1
    done
    return 1
}

# stop_pid PID NAME [GRACE_SECONDS]: TERM, wait, then KILL.
stop_pid() {
    local pid=$1 name=$2 grace=${3:-10}
    kill -TERM "$pid" 2>/dev/null || return 0
    if ! wait_gone "$pid" "$grace"; then
        warn "$name (pid $pid) did not exit within ${grace}s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        wait_gone "$pid" 5 || warn "$name (pid $pid) still present after SIGKILL"
    fi
}

engine_ping() {
    [[ -S $ENGINE_SOCK_PATH ]] &&
        curl -fsS --max-time "${1:-2}" --unix-socket "$ENGINE_SOCK_PATH" http://localhost/_ping >/dev/null 2>&1
}

registry_ping() {
    curl -fsS --max-time "${1:-2}" -o /dev/null "http://$REGISTRY_ADDR/v2/" 2>/dev/null
}

# rotate_log LOGFILE: keeps one previous generation once a log passes 20 MB.
rotate_log() {
    local size
    size=$(stat -c %s "$1" 2>/dev/null || echo 0)
    if ((size > 20 * 1024 * 1024)); then mv -f "$1" "$1.1"; fi
}

# log_since_start LOGFILE [N]: the last N lines (default 20) written since the
# last "==== ... start" marker the scripts put in LOGFILE.
log_since_start() {
    [[ -r $1 ]] || return 0
    awk '/^==== .* start/ { n = 0; delete buf; next } { buf[n++] = $0 } END { for (i = 0; i < n; i++) print buf[i] }' "$1" |
        tail -n "${2:-20}" >&2
}

# Seconds since the epoch with fractions, for timings.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
