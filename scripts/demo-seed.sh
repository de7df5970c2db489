#!/usr/bin/env bash
# Seeds an engine with sample applications for the Slipway demo.
#
#   scripts/demo-seed.sh [DOCKER_HOST]     (default: the private engine)
#   scripts/demo-seed.sh --remove [DOCKER_HOST]
#
# Creates, unless a container of that name already exists:
#
#   shop-web-production-1, -2   web 1.1.0, production, 127.0.0.1:18111/18112, limits, restart unless-stopped
#   shop-web-staging-1          web 1.2.0, staging,    127.0.0.1:18101 (staging runs ahead), restart unless-stopped
#   shop-web-staging-2          web 2.0.0, staging,    127.0.0.1:18102 (health check always fails), restart unless-stopped
#   shop-web-staging-old        web 1.0.0, staging, stopped (the previous version, kept for undo)
#   shop-worker-production-1    worker 1.0.0, production, no ports, restart unless-stopped
#
# with the labels slipway.app, slipway.env, slipway.version and
# com.docker.compose.project / .service / .container-number, on the networks
# shop-production_default and shop-staging_default (labelled like Compose's).
# Images are 127.0.0.1:5515/slipway/...; an engine that lacks them pulls them
# from the registry. Ports are published on 127.0.0.1 only;
# SLIPWAY_DEMO_PORT_BASE moves them (default 18100).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/common.sh
source "$here/common.sh"

REMOVE=""
if [[ ${1:-} == --remove ]]; then
    REMOVE=1
    shift
fi
[[ $# -le 1 ]] || die "usage: $_prog [--remove] [DOCKER_HOST]"
DOCKER_HOST_OVERRIDE=${1:-$ENGINE_HOST}
export DOCKER_HOST_OVERRIDE
PORT_BASE=${SLIPWAY_DEMO_PORT_BASE:-18100}
REG=$REGISTRY_ADDR

dk version --format '{{.Server.Version}}' >/dev/null 2>&1 ||
    die "no Docker engine answers at $DOCKER_HOST_OVERRIDE (start it with scripts/engine.sh start)"

NAMES=(shop-web-production-1 shop-web-production-2 shop-web-staging-1 shop-web-staging-2
    shop-web-staging-old shop-worker-production-1)

if [[ -n $REMOVE ]]; then
    for n in "${NAMES[@]}"; do
        if dk rm -f "$n" >/dev/null 2>&1; then log "removed $n"; fi
    done
    for net in shop-production_default shop-staging_default; do
        if dk network rm "$net" >/dev/null 2>&1; then log "removed network $net"; fi
    done
    exit 0
fi

exists() { dk container inspect "$1" >/dev/null 2>&1; }

ensure_image() {
    dk image inspect "$1" >/dev/null 2>&1 && return 0
    log "pulling $1"
    dk pull -q "$1" >/dev/null || die "cannot pull $1 (is the registry running? scripts/registry.sh start; scripts/images.sh)"
}

ensure_network() {
    local net=$1 project=$2
    dk network inspect "$net" >/dev/null 2>&1 && return 0
    dk network create \
        --label com.docker.compose.network=default \
        --label "com.docker.compose.project=$project" \
        "$net" >/dev/null
    log "created network $net"
}

created=() skipped=()

# seed NAME APP ENV VERSION IMAGE SERVICE NUMBER HOSTPORT(or -) [extra docker-run args...]
seed() {
    local name=$1 app=$2 env=$3 version=$4 image=$5 service=$6 number=$7 hostport=$8
    shift 8
    if exists "$name"; then
        skipped+=("$name")
        return 0
    fi
    ensure_image "$image"
    local project="shop-$env" ports=()
    ensure_network "${project}_default" "$project"
    [[ $hostport == - ]] || ports=(-p "127.0.0.1:$hostport:8080")
    local out
    if ! out=$(dk run -d --name "$name" \
        --network "${project}_default" --network-alias "$service" \
        --label "slipway.app=$app" \
        --label "slipway.env=$env" \
        --label "slipway.version=$version" \
        --label "com.docker.compose.project=$project" \
        --label "com.docker.compose.service=$service" \
        --label "com.docker.compose.container-number=$number" \
        --label "com.docker.compose.oneoff=False" \
        "${ports[@]}" "$@" "$image" 2>&1); then
        dk rm -f "$name" >/dev/null 2>&1 || true   # half-created: do not leave it for "skip existing"
        die "could not start $name: $(grep -v '^WARNING' <<<"$out")"
    fi
    created+=("$name")
}

seed shop-web-production-1 shop-web production 1.1.0 "$REG/slipway/web:1.1.0" web 1 $((PORT_BASE + 11)) \
    --restart unless-stopped --memory 64m --cpus 0.5
seed shop-web-production-2 shop-web production 1.1.0 "$REG/slipway/web:1.1.0" web 2 $((PORT_BASE + 12)) \
    --restart unless-stopped --memory 64m --cpus 0.5
seed shop-web-staging-1 shop-web staging 1.2.0 "$REG/slipway/web:1.2.0" web 1 $((PORT_BASE + 1)) \
    --restart unless-stopped
seed shop-web-staging-2 shop-web staging 2.0.0 "$REG/slipway/web:2.0.0" web 2 $((PORT_BASE + 2)) \
    --restart unless-stopped
seed shop-worker-production-1 shop-worker production 1.0.0 "$REG/slipway/worker:1.0.0" worker 1 - \
    --restart unless-stopped --memory 32m
if ! exists shop-web-staging-old; then
    seed shop-web-staging-old shop-web staging 1.0.0 "$REG/slipway/web:1.0.0" web 3 -
    dk stop -t 5 shop-web-staging-old >/dev/null
else
    skipped+=(shop-web-staging-old)
fi

log "created: ${created[*]:-none}; already there: ${skipped[*]:-none}"
dk ps -a --filter label=slipway.app --format 'table {{.Names}}\t{{.Image}}\t{{.Status}}\t{{.Ports}}' >&2
