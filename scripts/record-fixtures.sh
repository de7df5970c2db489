#!/usr/bin/env bash
# Records real Docker Engine API replies from the private engine into
# tests/data/recorded/ (or DIR) for the unit tests of engine/.
#
#   scripts/record-fixtures.sh [DIR]
#
# Starts the dev services if needed (scripts/services.sh start), re-seeds the
# demo applications, then talks to the engine with curl over its unix socket
# (API v1.41), saving the bodies byte for byte. Ends with the engine out of
# swarm mode and the demo seeded; it does not stop the services.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/common.sh
source "$here/common.sh"

OUT=${1:-$(cd "$here/.." && pwd)/tests/data/recorded}
API=v1.41
mkdir -p "$OUT"
need_cmd curl

bash "$here/services.sh" start >/dev/null

base="http://localhost/$API"
# get PATH [curl args...] -> body on stdout; fails on HTTP errors
get() {
    local path=$1
    shift
    curl -fsS --max-time 60 --unix-socket "$ENGINE_SOCK_PATH" "$@" "$base$path"
}
# save FILE PATH [curl args...]
save() {
    local file=$1
    shift
    get "$@" >"$OUT/$file"
    log "$file ($(wc -c <"$OUT/$file") bytes)"
}

wait_healthy() {
    local name=$1 i status
    for ((i = 0; i < 100; i++)); do
        status=$(dk inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$name" 2>/dev/null || true)
        [[ $status == healthy ]] && return 0
        sleep 0.1
    done
    die "$name did not become healthy (status '$status')"
}

# --- a known starting point ------------------------------------------------
if [[ $(dk info --format '{{.Swarm.LocalNodeState}}') != inactive ]]; then
    bash "$here/engine.sh" swarm-leave
fi
for n in slipway-rec-events slipway-rec-logs; do dk rm -f "$n" >/dev/null 2>&1 || true; done
bash "$here/demo-seed.sh" --remove >/dev/null 2>&1

# --- pull progress: the web 1.0.0 layer is pulled, the base layer already exists
for ref in slipway/web:1.0.0 "$REGISTRY_ADDR/slipway/web:1.0.0"; do
    curl -fsS --unix-socket "$ENGINE_SOCK_PATH" -X DELETE "$base/images/$ref" >/dev/null 2>&1 || true
done
save pull_progress.jsonl "/images/create?fromImage=$REGISTRY_ADDR/slipway/web&tag=1.0.0" -X POST
dk tag "$REGISTRY_ADDR/slipway/web:1.0.0" slipway/web:1.0.0

# --- the demo fleet ----------------------------------------------------------
bash "$here/demo-seed.sh" >/dev/null 2>&1
wait_healthy shop-web-production-1
wait_healthy shop-web-production-2
wait_healthy shop-web-staging-1

curl -fsS --unix-socket "$ENGINE_SOCK_PATH" -D "$OUT/ping_headers.txt" -o /dev/null "http://localhost/_ping"
log "ping_headers.txt"
save version.json /version
save info.json /info
save containers_list.json "/containers/json?all=1"
save container_inspect.json /containers/shop-web-production-1/json
save images_list.json /images/json
save image_inspect.json "/images/$REGISTRY_ADDR/slipway/web:1.1.0/json"
save image_history.json "/images/$REGISTRY_ADDR/slipway/web:1.1.0/history"
save networks_list.json /networks

# 404 with the daemon's message
curl -sS --unix-socket "$ENGINE_SOCK_PATH" -o "$OUT/error_404.json" -w '%{http_code}' \
    "$base/containers/slipway-no-such-container/json" | grep -qx 404 || die "expected a 404"
log "error_404.json"

# --- stats -----------------------------------------------------------------
save stats_oneshot.json "/containers/shop-web-production-1/stats?stream=false&one-shot=true"
# stream=true: one JSON document per line, about one a second; keep three.
curl -sSN --max-time 10 --unix-socket "$ENGINE_SOCK_PATH" \
    "$base/containers/shop-web-production-1/stats?stream=true" 2>/dev/null | head -n 3 >"$OUT/stats_stream.jsonl" || true
[[ $(wc -l <"$OUT/stats_stream.jsonl") -eq 3 ]] || die "stats stream: expected 3 lines"
log "stats_stream.jsonl"

# --- events around one container's life ---------------------------------------
since=$(date +%s)
sleep 1
dk create --name slipway-rec-events --label slipway.app=rec-events \
    "$REGISTRY_ADDR/slipway/web:1.0.0" >/dev/null 2>&1
dk start slipway-rec-events >/dev/null
wait_healthy slipway-rec-events
dk stop -t 5 slipway-rec-events >/dev/null
dk rm slipway-rec-events >/dev/null
sleep 1
until=$(date +%s)
save events.jsonl "/events?since=$since&until=$until" -G \
    --data-urlencode 'filters={"container":["slipway-rec-events"]}'

# --- multiplexed logs (non-TTY, stdout and stderr) -----------------------------
dk run -d --name slipway-rec-logs --label slipway.app=rec-logs \
    "$REGISTRY_ADDR/slipway/worker:1.0.0" >/dev/null 2>&1
sleep 3.5
dk stop -t 5 slipway-rec-logs >/dev/null
save logs_multiplexed.bin "/containers/slipway-rec-logs/logs?stdout=1&stderr=1&timestamps=1"
dk rm slipway-rec-logs >/dev/null

# --- swarm -------------------------------------------------------------------
bash "$here/engine.sh" swarm-init
dk service create --detach=false --quiet --name shop-web-svc --replicas 2 \
    --label slipway.app=shop-web --label slipway.env=swarm --label slipway.version=1.0.0 \
    --container-label slipway.app=shop-web --container-label slipway.env=swarm \
    --update-order start-first --update-failure-action rollback \
    --rollback-order start-first \
    "$REGISTRY_ADDR/slipway/web:1.0.0" >/dev/null
save services_list.json /services
save service_inspect.json /services/shop-web-svc
save tasks_list.json /tasks -G --data-urlencode 'filters={"service":["shop-web-svc"]}'
save nodes_list.json /nodes
dk service rm shop-web-svc >/dev/null
bash "$here/engine.sh" swarm-leave

# --- README ------------------------------------------------------------------
printf '# Recorded engine replies: keep them byte for byte (CRLF, raw streams).\n* -text\n*.bin binary\n' >"$OUT/.gitattributes"

driver=$(grep -o '"Driver":"[^"]*"' "$OUT/info.json" | head -n1 | cut -d'"' -f4)
cgroup=$(grep -o '"CgroupVersion":"[^"]*"' "$OUT/info.json" | head -n1 | cut -d'"' -f4)
engine=$(sed -n 's/.*"Version":"\([^"]*\)".*"ApiVersion":"\([^"]*\)".*/\1 (API \2)/p' "$OUT/version.json" | head -n1)
cat >"$OUT/README.md" <<EOF
# Recorded Docker Engine API replies

Real replies of Debian's Docker engine $engine, recorded by
\`scripts/record-fixtures.sh\` on $(date -u +%Y-%m-%d) against the private dev engine
(\`scripts/engine.sh\`: storage driver $driver, cgroup v$cgroup, no iptables) with the demo fleet of
\`scripts/demo-seed.sh\` and the images of \`scripts/images.sh\` (registry 127.0.0.1:5515).
Requests went through \`curl --unix-socket /run/slipway-dev/docker.sock http://localhost/v1.41/...\`;
bodies are saved byte for byte (compact JSON, trailing newline as sent by the engine;
\`pull_progress.jsonl\` keeps the engine's CRLF line ends and \`ping_headers.txt\` is raw HTTP
with CRLF). \`.gitattributes\` turns off line-ending conversion here.

| file | request |
|---|---|
| ping_headers.txt | \`GET /_ping\` — response status line and headers (Api-Version, Docker-Experimental, Ostype, Server, ...) |
| version.json | \`GET /version\` |
| info.json | \`GET /info\` |
| containers_list.json | \`GET /containers/json?all=1\` — six demo containers, one exited, one unhealthy |
| container_inspect.json | \`GET /containers/shop-web-production-1/json\` — running, healthy, port 127.0.0.1:18111->8080, restart policy, limits |
| images_list.json | \`GET /images/json\` |
| image_inspect.json | \`GET /images/127.0.0.1:5515/slipway/web:1.1.0/json\` — with HEALTHCHECK and OCI labels |
| image_history.json | \`GET /images/127.0.0.1:5515/slipway/web:1.1.0/history\` |
| networks_list.json | \`GET /networks\` — bridge/host/none plus two Compose-style networks |
| events.jsonl | \`GET /events?since=..&until=..&filters={"container":["slipway-rec-events"]}\` — create, start, health checks (exec_*), health_status, kill, stop, die, destroy of one container; one JSON object per line |
| stats_oneshot.json | \`GET /containers/shop-web-production-1/stats?stream=false&one-shot=true\` (precpu_stats empty by design) |
| stats_stream.jsonl | \`GET /containers/shop-web-production-1/stats?stream=true\`, first 3 lines |
| pull_progress.jsonl | \`POST /images/create?fromImage=127.0.0.1:5515/slipway/web&tag=1.0.0\` after removing the image locally: the base layer "Already exists", the app layer is downloaded and extracted |
| logs_multiplexed.bin | \`GET /containers/{id}/logs?stdout=1&stderr=1&timestamps=1\` of a stopped non-TTY worker — raw multiplexed stream (8-byte headers: stream 1=stdout / 2=stderr, 3 zero bytes, big-endian length) |
| error_404.json | \`GET /containers/slipway-no-such-container/json\` — HTTP 404 body |
| services_list.json | \`GET /services\` — one-node swarm, service shop-web-svc, 2 replicas of web 1.0.0, start-first, rollback on failure |
| service_inspect.json | \`GET /services/shop-web-svc\` |
| tasks_list.json | \`GET /tasks?filters={"service":["shop-web-svc"]}\` |
| nodes_list.json | \`GET /nodes\` |

Note: containers are created with the engine's warning "IPv4 forwarding is disabled.
Networking will not work." (the dev engine runs with --ip-forward=false so containers
cannot reach beyond the host); it does not appear in these files.

Re-record with \`sudo scripts/record-fixtures.sh\`; IDs, timestamps and sizes will differ.
EOF
log "README.md"
log "recorded $(find "$OUT" -type f | wc -l) files into $OUT"
