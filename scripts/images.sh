#!/usr/bin/env bash
# Builds Slipway's test images offline on the private engine and pushes them
# to the private registry.
#
#   scripts/images.sh [--force] [--no-push]
#
#   slipway/base:1          docker import of a rootfs with Debian's busybox-static
#                           and all its applet links, /bin/slipway-init, /etc/passwd
#   slipway/web:1.0.0       busybox httpd on :8080 serving /version and /health,
#   slipway/web:1.1.0       HEALTHCHECK (interval 1s, timeout 3s, retries 2,
#   slipway/web:1.2.0       start-period 1s) = wget http://127.0.0.1:8080/health
#   slipway/web:2.0.0       same, but /health is missing: always unhealthy
#   slipway/worker:1.0.0    no ports, no healthcheck; a sleep loop writing
#                           to stdout every second and to stderr every third
#
# and pushes each as 127.0.0.1:5515/<name>:<tag>. Images whose recipe has not
# changed (label dev.slipway.recipe) are not rebuilt; tags whose digest in the
# registry already matches are not pushed again.
#
# The web and worker images run their command under /bin/slipway-init, a tiny
# shell PID 1 that forwards SIGTERM: busybox httpd as PID 1 would ignore it and
# every `docker stop` would take the full timeout.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/common.sh
source "$here/common.sh"

FORCE="" PUSH=1
for arg in "$@"; do
    case $arg in
        --force) FORCE=1 ;;
        --no-push) PUSH="" ;;
        -h | --help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
        *) die "unknown argument '$arg' (usage: $_prog [--force] [--no-push])" ;;
    esac
done

BUSYBOX=${SLIPWAY_DEV_BUSYBOX:-/bin/busybox}
WEB_VERSIONS=(1.0.0 1.1.0 1.2.0 2.0.0)
WORKER_VERSION=1.0.0
BASE=slipway/base:1

need_cmd tar sha256sum curl
[[ -x $BUSYBOX ]] || die "$BUSYBOX not found; install busybox-static (scripts/deps.sh)"
file_is_static() { ! LC_ALL=C ldd "$1" >/dev/null 2>&1; }
file_is_static "$BUSYBOX" || die "$BUSYBOX is dynamically linked; the base image needs busybox-static's binary"
engine_ping 3 || die "the private engine is not running ($ENGINE_HOST); run scripts/engine.sh start"
if [[ -n $PUSH ]] && ! registry_ping 3; then
    die "the registry does not answer on http://$REGISTRY_ADDR; run scripts/registry.sh start (or pass --no-push)"
fi

t_start=$(now)
work=$(mktemp -d "${TMPDIR:-/tmp}/slipway-images.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Deterministic tar of a directory (same bytes for the same content).
det_tar() { tar -C "$1" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - .; }

recipe_of() { det_tar "$1" | sha256sum | cut -c1-16; }

# api METHOD PATH: the private engine's API, straight over the socket
# (much faster than a docker CLI call per question).
api() {
    curl -fsS --max-time 30 --unix-socket "$ENGINE_SOCK_PATH" -X "$1" "http://localhost/v1.41$2" 2>/dev/null
}

# image_json IMAGE: `GET /images/IMAGE/json`, or nothing.
image_json() { api GET "/images/$1/json" || true; }

# current_recipe IMAGE: the recipe label of a local image, or nothing.
current_recipe() {
    image_json "$1" | grep -o '"dev\.slipway\.recipe":"[0-9a-f]*"' | head -n1 | cut -d'"' -f4 || true
}

up_to_date() {
    [[ -z $FORCE && $(current_recipe "$1") == "$2" ]]
}

built=() skipped=()

# drop_old ID: remember the image a tag named before a rebuild; at the end,
# remove_stale deletes those (children first) unless something still uses them.
stale=()
drop_old() { [[ -z $1 ]] || stale+=("$1"); }

remove_stale() {
    local i id ref
    for ((i = ${#stale[@]} - 1; i >= 0; i--)); do
        id=${stale[i]}
        # Our registry tags that still point at it (not re-pushed) go first.
        for ref in $(image_json "$id" | grep -o "\"$REGISTRY_ADDR/[^\"@]*:[^\"@]*\"" | tr -d '"' || true); do
            api DELETE "/images/$ref?noprune=1" >/dev/null || true
        done
        api DELETE "/images/$id" >/dev/null || true
    done
}

# --- base ------------------------------------------------------------------
make_rootfs() {
    local r=$1 link
    mkdir -p "$r"/{bin,sbin,usr/bin,usr/sbin,etc,root,tmp,var/tmp,www}
    chmod 1777 "$r/tmp" "$r/var/tmp"
    chmod 700 "$r/root"
    cp "$BUSYBOX" "$r/bin/busybox"
    chmod 755 "$r/bin/busybox"
    # All applets, at their usual paths, as relative links to /bin/busybox.
    while read -r link; do
        [[ -n $link && $link != bin/busybox ]] || continue
        [[ -e $r/$link || -L $r/$link ]] && continue
        case $link in
            bin/*) ln -s busybox "$r/$link" ;;
            sbin/*) ln -s ../bin/busybox "$r/$link" ;;
            usr/bin/* | usr/sbin/*) ln -s ../../bin/busybox "$r/$link" ;;
        esac
    done < <("$BUSYBOX" --list-full)
    for link in sh httpd wget sleep cat; do
        [[ -e $r/bin/$link || -e $r/usr/bin/$link || -e $r/sbin/$link || -e $r/usr/sbin/$link ]] ||
            die "busybox at $BUSYBOX has no '$link' applet"
    done
    cat >"$r/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
    cat >"$r/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
EOF
    printf 'NAME="Slipway base"\nID=slipway-base\nVERSION_ID=1\nPRETTY_NAME="Slipway base 1 (busybox %s)"\n' \
        "$("$BUSYBOX" | head -n1 | awk '{print $2}')" >"$r/etc/os-release"
    cat >"$r/bin/slipway-init" <<'EOF'
#!/bin/sh
# slipway-init: minimal PID 1. Runs "$@" as a child, forwards TERM/INT/HUP
# to it and exits with its status. (A PID 1 without a handler ignores SIGTERM,
# so `docker stop` would always wait for its timeout.)
[ $# -gt 0 ] || { echo "usage: slipway-init COMMAND [ARG...]" >&2; exit 64; }
"$@" <&0 &
child=$!
trap 'kill -TERM $child 2>/dev/null' TERM
trap 'kill -INT $child 2>/dev/null' INT
trap 'kill -HUP $child 2>/dev/null' HUP
while :; do
    wait $child
    rc=$?
    kill -0 $child 2>/dev/null || exit $rc
done
EOF
    chmod 755 "$r/bin/slipway-init"
}

build_base() {
    local r=$work/base-rootfs recipe old_id
    # The recipe: how the rootfs is made and the busybox it is made of (cheaper
    # than making it: some 400 links).
    recipe=$({ declare -f make_rootfs; sha256sum <"$BUSYBOX"; } | sha256sum | cut -c1-16)
    if up_to_date "$BASE" "$recipe"; then
        skipped+=("$BASE")
        return
    fi
    make_rootfs "$r"
    old_id=$(image_json "$BASE" | grep -o '"Id":"sha256:[0-9a-f]*"' | head -n1 | cut -d'"' -f4 || true)
    det_tar "$r" | dk import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["sh"]' \
        --change "LABEL org.opencontainers.image.title=slipway-base org.opencontainers.image.version=1 dev.slipway.recipe=$recipe" \
        --message "slipway base image: busybox-static $("$BUSYBOX" | head -n1 | awk '{print $2}')" \
        - "$BASE" >/dev/null
    built+=("$BASE")
    drop_old "$old_id"
}

# --- web -------------------------------------------------------------------
build_web() {
    local v=$1
    local ctx=$work/web-$v
    mkdir -p "$ctx/www"
    printf '%s' "$v" >"$ctx/www/version"
    if [[ $v != 2.* ]]; then
        printf 'ok\n' >"$ctx/www/health"
    fi
    printf '<!doctype html>\n<title>slipway web %s</title>\n<h1>slipway web %s</h1>\n' "$v" "$v" >"$ctx/www/index.html"
    # Shared instructions first, so that the classic builder's cache serves
    # them to every version; per-version content and labels last (one LABEL
    # step: each metadata instruction costs a commit).
    cat >"$ctx/Dockerfile" <<EOF
FROM $BASE
EXPOSE 8080
HEALTHCHECK --interval=1s --timeout=3s --retries=2 --start-period=1s \\
    CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/health"]
ENTRYPOINT ["/bin/slipway-init"]
CMD ["busybox", "httpd", "-f", "-p", "8080", "-h", "/www"]
COPY www/ /www/
LABEL org.opencontainers.image.title="slipway-web" \\
      org.opencontainers.image.version="$v" \\
      org.opencontainers.image.description="Slipway test web application (busybox httpd)" \\
      dev.slipway.recipe="@RECIPE@"
EOF
    build_ctx "slipway/web:$v" "$ctx"
}

# --- worker ----------------------------------------------------------------
build_worker() {
    local v=$WORKER_VERSION ctx=$work/worker
    mkdir -p "$ctx"
    cat >"$ctx/worker" <<'EOF'
#!/bin/sh
# Slipway test worker: a tick on stdout every second, a warning on stderr every third.
i=0
while :; do
    i=$((i + 1))
    echo "worker tick $i"
    if [ $((i % 3)) -eq 0 ]; then echo "worker warning: tick $i took long" >&2; fi
    sleep 1
done
EOF
    chmod 755 "$ctx/worker"
    cat >"$ctx/Dockerfile" <<EOF
FROM $BASE
ENTRYPOINT ["/bin/slipway-init"]
CMD ["worker"]
COPY worker /usr/local/bin/worker
LABEL org.opencontainers.image.title="slipway-worker" \\
      org.opencontainers.image.version="$v" \\
      org.opencontainers.image.description="Slipway test worker (sleep loop, no ports)" \\
      dev.slipway.recipe="@RECIPE@"
EOF
    build_ctx "slipway/worker:$v" "$ctx"
}

# build_ctx TAG DIR: classic builder (no BuildKit, no network), skipped when
# the recipe (context + base image id) is unchanged. The Dockerfile's
# @RECIPE@ becomes the recipe label.
build_ctx() {
    local tag=$1 ctx=$2 recipe out old_id nocache=()
    recipe=$({ recipe_of "$ctx"; image_json "$BASE" | grep -o '"Id":"sha256:[0-9a-f]*"' | head -n1; } | sha256sum | cut -c1-16)
    if up_to_date "$tag" "$recipe"; then
        skipped+=("$tag")
        return
    fi
    sed -i "s/@RECIPE@/$recipe/" "$ctx/Dockerfile"
    [[ -z $FORCE ]] || nocache=(--no-cache)
    old_id=$(image_json "$tag" | grep -o '"Id":"sha256:[0-9a-f]*"' | head -n1 | cut -d'"' -f4 || true)
    if ! out=$(dk build --quiet "${nocache[@]}" -t "$tag" "$ctx" 2>&1); then
        printf '%s\n' "$out" >&2
        die "building $tag failed"
    fi
    built+=("$tag")
    drop_old "$old_id"
}

# --- push ------------------------------------------------------------------
# registry_digest REPO TAG: the manifest digest the registry holds, or nothing.
registry_digest() {
    curl -fsS --max-time 5 -o /dev/null -D - -I \
        -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
        "http://$REGISTRY_ADDR/v2/$1/manifests/$2" 2>/dev/null |
        tr -d '\r' | awk -F': ' 'tolower($1) == "docker-content-digest" {print $2}' || true
}

pushed=() push_skipped=()
push_one() {
    local tag=$1 remote=$REGISTRY_ADDR/$1 repo=${1%:*} t=${1##*:} have local_digests out
    api POST "/images/$tag/tag?repo=$REGISTRY_ADDR/$repo&tag=$t" >/dev/null || die "cannot tag $tag as $remote"
    have=$(registry_digest "$repo" "$t")
    local_digests=$(image_json "$remote" | grep -o "\"$REGISTRY_ADDR/$repo@sha256:[0-9a-f]*\"" | tr -d '"' || true)
    if [[ -n $have ]] && grep -qxF "$REGISTRY_ADDR/$repo@$have" <<<"$local_digests"; then
        push_skipped+=("$remote")
        return
    fi
    if ! out=$(dk push "$remote" 2>&1); then
        printf '%s\n' "$out" >&2
        die "pushing $remote failed"
    fi
    pushed+=("$remote")
}

build_base
for v in "${WEB_VERSIONS[@]}"; do build_web "$v"; done
build_worker

all=("$BASE")
for v in "${WEB_VERSIONS[@]}"; do all+=("slipway/web:$v"); done
all+=("slipway/worker:$WORKER_VERSION")

if [[ -n $PUSH ]]; then
    for tag in "${all[@]}"; do push_one "$tag"; done
fi

remove_stale

log "built: ${built[*]:-none}; up to date: ${skipped[*]:-none}"
[[ -n $PUSH ]] && log "pushed: ${pushed[*]:-none}; already in the registry: ${#push_skipped[@]}"
log "images ready in $(elapsed "$t_start")s"
