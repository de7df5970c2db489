#!/usr/bin/env bash
# Private Docker engine for Slipway's tests and demo.
#
#   scripts/engine.sh start | stop | restart | status | env | swarm-init | swarm-leave
#
# Debian's dockerd (docker.io, 20.10) with its own containerd, socket,
# data-root, exec-root, bridge, address pools and cgroup parent, so that it
# never collides with an engine that may already run on the machine:
#
#   socket      unix:///run/slipway-dev/docker.sock
#   data-root   /var/lib/slipway-dev/docker      exec-root  /run/slipway-dev/exec
#   containerd  /run/slipway-dev/containerd/containerd.sock (state), /var/lib/slipway-dev/containerd (root)
#   bridge      slipdev0 172.30.213.1/24; user networks from 172.30.224.0/20, /27 each
#   log         /var/lib/slipway-dev/dockerd.log (containerd: containerd.log)
#   engine ID   /var/lib/slipway-dev/docker/key.json (see ENGINE_KEY_FILE below)
#
# Networking: --iptables=false --ip-masq=false --ip-forward=false. The engine
# does not touch the host's firewall or sysctls (which are shared with any other
# engine), containers cannot reach beyond the host, and ports published on
# 127.0.0.1 are served by the userland proxy (docker-proxy).
#
# Environment: SLIPWAY_DEV_STORAGE_DRIVER (overlay2|fuse-overlayfs|vfs; default:
# detected once and remembered), SLIPWAY_DEV_ENGINE_TIMEOUT (seconds, default 30),
# and the SLIPWAY_DEV_* paths/ranges in scripts/common.sh.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/common.sh
source "$here/common.sh"

START_TIMEOUT=${SLIPWAY_DEV_ENGINE_TIMEOUT:-30}
# dockerd 20.10 derives its ID (GET /info "ID") from this key, by default /etc/docker/key.json,
# which every engine on the machine would share: one ID for several engines. Slipway names hosts
# by that ID, so each engine gets a key of its own inside its own data root.
ENGINE_KEY_FILE=$ENGINE_DATA_ROOT/key.json
SHUTDOWN_TIMEOUT=5   # dockerd --shutdown-timeout (a container with a longer stop timeout gets that)

usage() {
    cat >&2 <<EOF
usage: $_prog start|stop|restart|status|env|swarm-init|swarm-leave
  start        start the private engine (idempotent); waits for /_ping
  stop         stop it, its containerd and any leftover process; remove its bridges
  status       print state; exit 0 when running, 3 when not
  env          print the export line for the tests
  swarm-init   make the engine a one-node swarm manager on 127.0.0.1:$SWARM_PORT
  swarm-leave  leave the swarm (removes services) and the swarm's gateway bridge
EOF
    exit 2
}

# --- cgroup bookkeeping ------------------------------------------------------
# Every process we start (dockerd, containerd, shims, docker-proxy) lives in
# <cg>/daemons, and containers in <cg>/containers/<id> via --cgroup-parent, so
# stop can find exactly our leftovers, whatever they are called.
cg_base() {
    if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then
        echo "/sys/fs/cgroup/$SLIPWAY_DEV_CGROUP"
    elif [[ -d /sys/fs/cgroup/pids ]]; then
        echo "/sys/fs/cgroup/pids/$SLIPWAY_DEV_CGROUP"
    fi
}

cg_prepare() {
    local base
    base=$(cg_base)
    [[ -n $base ]] || return 0
    mkdir -p "$base/daemons" 2>/dev/null || { warn "cannot create cgroup $base; leftover tracking by command line only"; return 0; }
}

# Prints the pids in our cgroup tree (all hierarchies are searched, in case
# container cgroups were created elsewhere).
cg_pids() {
    local d
    for d in /sys/fs/cgroup/"$SLIPWAY_DEV_CGROUP" /sys/fs/cgroup/*/"$SLIPWAY_DEV_CGROUP"; do
        [[ -d $d ]] || continue
        find "$d" -name cgroup.procs -exec cat {} + 2>/dev/null || true
    done | sort -un
}

cg_cleanup() {
    local d
    for d in /sys/fs/cgroup/"$SLIPWAY_DEV_CGROUP" /sys/fs/cgroup/*/"$SLIPWAY_DEV_CGROUP"; do
        [[ -d $d ]] || continue
        find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null || true
    done
}

# launch LOGFILE CMD...: starts CMD detached (own session, stdin closed), in our
# cgroup, appending to LOGFILE; prints its pid.
launch() {
    local logfile=$1 base
    shift
    base=$(cg_base)
    (
        if [[ -n $base && -w $base/daemons/cgroup.procs ]]; then
            echo "$BASHPID" >"$base/daemons/cgroup.procs" 2>/dev/null || true
        fi
        exec setsid "${DAEMON_ENV[@]}" "$@" </dev/null >>"$logfile" 2>&1
    ) &
    echo $!
}

# --- network -----------------------------------------------------------------
# ip_to_int A.B.C.D
ip_to_int() {
    local IFS=. a b c d
    read -r a b c d <<<"$1"
    echo $(((a << 24) | (b << 16) | (c << 8) | d))
}

# ip_in_cidr A.B.C.D NET/LEN
ip_in_cidr() {
    local ip net len mask
    ip=$(ip_to_int "$1")
    net=$(ip_to_int "${2%/*}")
    len=${2#*/}
    mask=$(((0xffffffff << (32 - len)) & 0xffffffff))
    (((ip & mask) == (net & mask)))
}

# Routes overlapping CIDR on devices other than DEV mean a collision with some
# other network (another engine, a VPN, the LAN).
check_route_free() {
    local cidr=$1 dev=$2 routes
    routes=$({ ip -4 route show root "$cidr"; ip -4 route show match "$cidr"; } 2>/dev/null |
        grep -v '^default' | grep -v " dev $dev " | sort -u || true)
    if [[ -n $routes ]]; then
        die "subnet $cidr overlaps existing routes: $(tr '\n' ' ' <<<"$routes") (choose free ranges with SLIPWAY_DEV_BRIDGE_CIDR / SLIPWAY_DEV_ADDRESS_POOL / SLIPWAY_DEV_SWARM_GW_SUBNET)"
    fi
}

bridge_up() {
    if ip link show "$ENGINE_BRIDGE" >/dev/null 2>&1; then
        ip -d link show "$ENGINE_BRIDGE" | grep -q 'bridge ' ||
            die "network device $ENGINE_BRIDGE exists but is not a bridge; remove it or set SLIPWAY_DEV_BRIDGE"
    else
        check_route_free "$ENGINE_BRIDGE_CIDR" "$ENGINE_BRIDGE"
        ip link add "$ENGINE_BRIDGE" type bridge
    fi
    if ! ip -4 addr show dev "$ENGINE_BRIDGE" | grep -qF "inet $ENGINE_BRIDGE_CIDR "; then
        ip -4 addr flush dev "$ENGINE_BRIDGE"
        ip addr add "$ENGINE_BRIDGE_CIDR" dev "$ENGINE_BRIDGE"
    fi
    ip link set "$ENGINE_BRIDGE" up
}

# Our bridges: the default one, the swarm gateway, and the br-<id> bridges of
# user-defined networks (dockerd leaves those behind when it exits); the latter
# are recognised by an address from our pool.
bridges_down() {
    local b addr
    for b in "$ENGINE_BRIDGE" "$SWARM_GW_BRIDGE"; do
        if ip link show "$b" >/dev/null 2>&1; then
            ip link del "$b" 2>/dev/null || warn "could not remove bridge $b"
        fi
    done
    # User networks' br-<id> bridges, and a docker_gwbridge that swarm made from our pool
    # (a swarm initialised without scripts/engine.sh swarm-init): ours only if the address is.
    for b in $(ip -o link show type bridge 2>/dev/null | awk -F': ' '{print $2}' | sed 's/@.*//' |
        grep -E '^(br-|docker_gwbridge$)' || true); do
        for addr in $(ip -4 -o addr show dev "$b" 2>/dev/null | awk '{print $4}' | cut -d/ -f1); do
            if ip_in_cidr "$addr" "$ENGINE_ADDRESS_POOL"; then
                ip link del "$b" 2>/dev/null || warn "could not remove bridge $b"
                break
            fi
        done
    done
}

# --- storage driver ----------------------------------------------------------
detect_driver() {
    if [[ -n ${SLIPWAY_DEV_STORAGE_DRIVER:-} ]]; then
        echo "$SLIPWAY_DEV_STORAGE_DRIVER"
        return
    fi
    if [[ -s $ENGINE_DRIVER_FILE ]]; then
        cat "$ENGINE_DRIVER_FILE"   # what the data-root was made with
        return
    fi
    local t driver=vfs
    t=$(mktemp -d "$SLIPWAY_DEV_LIB/.overlay-probe.XXXXXX")
    mkdir "$t/lower" "$t/upper" "$t/work" "$t/merged"
    if mount -t overlay overlay -o "lowerdir=$t/lower,upperdir=$t/upper,workdir=$t/work" "$t/merged" 2>/dev/null; then
        umount "$t/merged"
        driver=overlay2
    elif command -v fuse-overlayfs >/dev/null 2>&1 && [[ -c /dev/fuse ]]; then
        driver=fuse-overlayfs
    fi
    rm -rf "$t"
    echo "$driver"
}

# --- config files --------------------------------------------------------------
write_containerd_config() {
    cat >"$CONTAINERD_CONFIG" <<EOF
# Written by scripts/engine.sh: containerd private to the Slipway dev engine.
version = 2
root = "$CONTAINERD_ROOT"
state = "$CONTAINERD_STATE"
oom_score = 0
disabled_plugins = ["io.containerd.grpc.v1.cri"]

[grpc]
  address = "$CONTAINERD_SOCK"

[ttrpc]
  address = "$CONTAINERD_SOCK.ttrpc"

[debug]
  address = "$CONTAINERD_STATE/debug.sock"
  level = "info"

[metrics]
  address = ""

[plugins]
  [plugins."io.containerd.internal.v1.opt"]
    path = "$CONTAINERD_ROOT/opt"
EOF
}

write_daemon_config() {
    local driver=$1 cgparent=""
    [[ -n $(cg_base) ]] && cgparent="\"cgroup-parent\": \"/$SLIPWAY_DEV_CGROUP/containers\","
    cat >"$ENGINE_CONFIG" <<EOF
{
  "hosts": ["$ENGINE_HOST", "$ENGINE_TLS_HOST"],
  "tls": true,
  "tlsverify": true,
  "tlscacert": "$ENGINE_TLS_DIR/ca.pem",
  "tlscert": "$ENGINE_TLS_DIR/server-cert.pem",
  "tlskey": "$ENGINE_TLS_DIR/server-key.pem",
  "pidfile": "$ENGINE_PIDFILE",
  "data-root": "$ENGINE_DATA_ROOT",
  "deprecated-key-path": "$ENGINE_KEY_FILE",
  "exec-root": "$ENGINE_EXEC_ROOT",
  "containerd": "$CONTAINERD_SOCK",
  "containerd-namespace": "$CONTAINERD_NAMESPACE",
  "containerd-plugins-namespace": "$CONTAINERD_NAMESPACE-plugins",
  "storage-driver": "$driver",
  "bridge": "$ENGINE_BRIDGE",
  "default-address-pools": [{"base": "$ENGINE_ADDRESS_POOL", "size": $ENGINE_ADDRESS_POOL_SIZE}],
  "iptables": false,
  "ip-masq": false,
  "ip-forward": false,
  "userland-proxy": true,
  "swarm-default-advertise-addr": "127.0.0.1",
  $cgparent
  "exec-opts": ["native.cgroupdriver=cgroupfs"],
  "shutdown-timeout": $SHUTDOWN_TIMEOUT,
  "log-driver": "json-file",
  "log-opts": {"max-size": "10m", "max-file": "2"},
  "log-level": "info"
}
EOF
}

# --- start ---------------------------------------------------------------------
print_logs() {
    log "---- $ENGINE_LOG (since this start) ----"
    log_since_start "$ENGINE_LOG" 400 2>&1 | grep -v 'module=grpc' | tail -n 15 >&2 || true
    log "---- $CONTAINERD_LOG (since this start, errors only) ----"
    log_since_start "$CONTAINERD_LOG" 400 2>&1 | grep -iE 'level=(error|fatal)|panic' | tail -n 10 >&2 || true
}

start_containerd() {
    local pid i
    if pid=$(pid_alive "$CONTAINERD_PIDFILE" "$CONTAINERD_CONFIG") && [[ -S $CONTAINERD_SOCK ]]; then
        return 0
    fi
    write_containerd_config
    rm -f "$CONTAINERD_SOCK" "$CONTAINERD_SOCK.ttrpc"
    rotate_log "$CONTAINERD_LOG"
    printf '\n==== %s containerd start ====\n' "$(date -Is)" >>"$CONTAINERD_LOG"
    pid=$(launch "$CONTAINERD_LOG" containerd --config "$CONTAINERD_CONFIG")
    echo "$pid" >"$CONTAINERD_PIDFILE"
    for ((i = 0; i < 100; i++)); do
        [[ -S $CONTAINERD_SOCK ]] && return 0
        if ! proc_running "$pid"; then
            log "containerd exited during startup"
            print_logs
            return 1
        fi
        sleep 0.1
    done
    log "containerd did not create $CONTAINERD_SOCK within 10s"
    print_logs
    return 1
}

# try_start DRIVER: returns 0 when the engine answers /_ping.
try_start() {
    local driver=$1 pid i t0
    t0=$(now)
    start_containerd || return 1
    write_daemon_config "$driver"
    rm -f "$ENGINE_SOCK_PATH" "$ENGINE_PIDFILE"
    rotate_log "$ENGINE_LOG"
    printf '\n==== %s dockerd start (storage driver %s) ====\n' "$(date -Is)" "$driver" >>"$ENGINE_LOG"
    pid=$(launch "$ENGINE_LOG" dockerd --config-file "$ENGINE_CONFIG")
    for ((i = 0; i < START_TIMEOUT * 10; i++)); do
        if engine_ping 1; then
            log "engine up in $(elapsed "$t0")s (dockerd pid $pid, storage driver $driver, socket $ENGINE_HOST)"
            return 0
        fi
        if ! proc_running "$pid"; then
            log "dockerd exited during startup (storage driver $driver)"
            print_logs
            return 1
        fi
        sleep 0.1
    done
    log "dockerd did not answer /_ping on $ENGINE_SOCK_PATH within ${START_TIMEOUT}s"
    print_logs
    return 1
}

cmd_start() {
    need_root
    need_cmd dockerd containerd runc docker-proxy curl ip setsid
    local pid driver
    if pid=$(pid_alive "$ENGINE_PIDFILE" dockerd) && engine_ping 2; then
        log "already running (dockerd pid $pid, $ENGINE_HOST)"
        return 0
    fi
    if engine_ping 2; then
        die "something already answers on $ENGINE_SOCK_PATH but $ENGINE_PIDFILE does not name it; refusing to start a second engine there"
    fi
    # A half-dead previous instance (crashed dockerd, orphaned shims, mounts):
    # clear it first so that we start from a known state.
    if [[ -e $ENGINE_PIDFILE || -e $CONTAINERD_PIDFILE || -n $(cg_pids) ]]; then
        log "cleaning up after a previous instance"
        do_stop quiet
    fi
    mkdir -p "$SLIPWAY_DEV_RUN" "$SLIPWAY_DEV_LIB" "$ENGINE_DATA_ROOT" "$ENGINE_EXEC_ROOT" \
        "$CONTAINERD_STATE" "$CONTAINERD_ROOT"
    chmod 711 "$SLIPWAY_DEV_RUN" "$SLIPWAY_DEV_LIB"
    cg_prepare
    # Fresh certificates each start: they are valid for two days only.
    bash "$here/tls-certs.sh" "$ENGINE_TLS_DIR" >/dev/null
    check_route_free "$ENGINE_ADDRESS_POOL" "$ENGINE_BRIDGE"
    bridge_up
    driver=$(detect_driver)
    if try_start "$driver"; then
        echo "$driver" >"$ENGINE_DRIVER_FILE"
        return 0
    fi
    if [[ -z ${SLIPWAY_DEV_STORAGE_DRIVER:-} && ! -s $ENGINE_DRIVER_FILE && $driver != vfs ]]; then
        log "retrying with the vfs storage driver"
        do_stop quiet
        bridge_up
        if try_start vfs; then
            echo vfs >"$ENGINE_DRIVER_FILE"
            return 0
        fi
    fi
    do_stop quiet
    die "the private engine failed to start (full log: $ENGINE_LOG)"
}

# --- stop ----------------------------------------------------------------------
# Kill containers that outlived dockerd (they have runc state under our exec-root).
kill_orphan_containers() {
    local root=$ENGINE_EXEC_ROOT/runtime-runc/$CONTAINERD_NAMESPACE id
    [[ -d $root ]] || return 0
    for id in $(runc --root "$root" list -q 2>/dev/null); do
        runc --root "$root" kill -a "$id" KILL 2>/dev/null || true
        runc --root "$root" delete --force "$id" 2>/dev/null || true
    done
}

kill_leftovers() {
    local pids pid i
    for ((i = 0; i < 30; i++)); do
        pids=$(cg_pids)
        # Fallback when cgroups are not usable: shims and anything else that
        # names our private state directory on its command line.
        for pid in $(pgrep -f -- "$CONTAINERD_SOCK|$CONTAINERD_CONFIG|$ENGINE_CONFIG" 2>/dev/null || true); do
            case $(cat "/proc/$pid/comm" 2>/dev/null) in
                containerd | containerd-shim* | dockerd | docker-proxy | runc) pids+=$'\n'$pid ;;
            esac
        done
        pids=$(printf '%s\n' "$pids" | grep -E '^[0-9]+$' | grep -vx "$$" | sort -u || true)
        [[ -z $pids ]] && return 0
        # shellcheck disable=SC2086
        kill -KILL $pids 2>/dev/null || true
        sleep 0.2
    done
    warn "processes still present after stop: $(tr '\n' ' ' <<<"$pids")"
}

unmount_ours() {
    local mp
    # Deepest first; our paths only.
    local mps
    mps=$(awk '{print $5}' /proc/self/mountinfo |
        grep -E "^($ENGINE_DATA_ROOT|$ENGINE_EXEC_ROOT|$CONTAINERD_STATE|$CONTAINERD_ROOT)(/|$)" | sort -r || true)
    for mp in $mps; do
        umount "$mp" 2>/dev/null || umount -l "$mp" 2>/dev/null || warn "could not unmount $mp"
    done
}

do_stop() {
    local quiet=${1:-} pid was_running=""
    if pid=$(pid_alive "$ENGINE_PIDFILE" dockerd); then
        was_running=1
        # dockerd stops running containers itself (each gets its stop timeout,
        # 10s by default; the test images exit at once on SIGTERM). Stopping
        # them through the API instead would mark them manually stopped and
        # defeat their restart policies on the next start.
        [[ -n $quiet ]] || log "stopping dockerd (pid $pid) and its containers"
        stop_pid "$pid" dockerd 40
    fi
    kill_orphan_containers
    if pid=$(pid_alive "$CONTAINERD_PIDFILE" "$CONTAINERD_CONFIG"); then
        was_running=1
        [[ -n $quiet ]] || log "stopping containerd (pid $pid)"
        stop_pid "$pid" containerd 10
    fi
    kill_leftovers
    unmount_ours
    bridges_down
    cg_cleanup
    rm -f "$ENGINE_PIDFILE" "$ENGINE_SOCK_PATH" "$CONTAINERD_PIDFILE" "$CONTAINERD_SOCK" "$CONTAINERD_SOCK.ttrpc"
    if [[ -z $quiet ]]; then
        if [[ -n $was_running ]]; then log "stopped"; else log "not running"; fi
    fi
}

cmd_stop() {
    need_root
    do_stop
}

# --- status / env ----------------------------------------------------------------
cmd_status() {
    local pid
    if pid=$(pid_alive "$ENGINE_PIDFILE" dockerd) && engine_ping 2; then
        local v
        v=$(curl -fsS --max-time 5 --unix-socket "$ENGINE_SOCK_PATH" http://localhost/version 2>/dev/null || true)
        echo "running: dockerd pid $pid, $ENGINE_HOST"
        dk info --format '  server {{.ServerVersion}}, storage {{.Driver}}, containers {{.Containers}} ({{.ContainersRunning}} running), images {{.Images}}, swarm {{.Swarm.LocalNodeState}}' 2>/dev/null || true
        [[ -n $v ]] && echo "  api $(sed -n 's/.*"ApiVersion":"\([^"]*\)".*/\1/p' <<<"$v")"
        return 0
    fi
    if pid=$(pid_alive "$ENGINE_PIDFILE" dockerd); then
        echo "starting or stuck: dockerd pid $pid does not answer on $ENGINE_SOCK_PATH"
        return 1
    fi
    echo "not running"
    return 3
}

cmd_env() {
    echo "export SLIPWAY_TEST_DOCKER_HOST=$ENGINE_HOST"
    echo "export SLIPWAY_TEST_DOCKER_TLS_HOST=$ENGINE_TLS_HOST"
    echo "export SLIPWAY_TEST_DOCKER_CERT_PATH=$ENGINE_TLS_DIR"
}

# --- swarm -----------------------------------------------------------------------
swarm_state() { dk info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null || echo unknown; }

cmd_swarm_init() {
    need_root
    engine_ping 2 || die "the engine is not running; run '$_prog start' first"
    local state
    state=$(swarm_state)
    if [[ $state == active ]]; then
        log "already a swarm manager"
        return 0
    fi
    [[ $state == inactive ]] || die "swarm state is '$state'; try '$_prog swarm-leave' first"
    # docker_gwbridge must exist before init to get its own Linux bridge name.
    if ! dk network inspect docker_gwbridge >/dev/null 2>&1; then
        check_route_free "$SWARM_GW_SUBNET" "$SWARM_GW_BRIDGE"
        dk network create --driver bridge --subnet "$SWARM_GW_SUBNET" \
            -o com.docker.network.bridge.name="$SWARM_GW_BRIDGE" \
            -o com.docker.network.bridge.enable_icc=false \
            -o com.docker.network.bridge.enable_ip_masquerade=false \
            docker_gwbridge >/dev/null
    fi
    dk swarm init --advertise-addr "127.0.0.1:$SWARM_PORT" --listen-addr "127.0.0.1:$SWARM_PORT" \
        --data-path-port "$SWARM_DATA_PATH_PORT" \
        --default-addr-pool "$SWARM_ADDR_POOL" --default-addr-pool-mask-length 24 >/dev/null
    log "swarm initialised: manager on 127.0.0.1:$SWARM_PORT (node $(dk info --format '{{.Swarm.NodeID}}'))"
}

cmd_swarm_leave() {
    need_root
    engine_ping 2 || die "the engine is not running"
    if [[ $(swarm_state) != inactive ]]; then
        dk swarm leave --force >/dev/null
        log "left the swarm"
    else
        log "not in a swarm"
    fi
    # Task containers go away asynchronously; then the gateway bridge can go.
    local i
    for ((i = 0; i < 50; i++)); do
        dk network inspect docker_gwbridge >/dev/null 2>&1 || break
        dk network rm docker_gwbridge >/dev/null 2>&1 && break
        sleep 0.2
    done
}

case ${1:-} in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop; cmd_start ;;
    status) cmd_status ;;
    env) cmd_env ;;
    swarm-init) cmd_swarm_init ;;
    swarm-leave) cmd_swarm_leave ;;
    *) usage ;;
esac
