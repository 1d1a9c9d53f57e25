#!/usr/bin/env bash
# Gateway benchmark: requests/s and p50/p95 latency of one fixed query that crosses both entity boundaries
# (products -> reviews -> accounts), through this gateway and through @apollo/gateway over the same subgraphs,
# in the same run; and the gateway's overhead over calling the subgraph directly for a one-subgraph query.
#
#   gateway/bench/bench.sh [--duration 20s] [--connections 32] [--jar PATH] [--edge on|off] [--port-base 4310]
#                          [--supergraph FILE --query FILE --direct-url URL --direct-query FILE]
#
# --edge off turns the gateway's edge checks off (cost analysis, CSRF, rate limit, CORS) to measure what they cost;
# with them on (the default) the rate limit is raised out of reach, so every request still passes through it.
#
# Without --supergraph it runs the gateway's test subgraphs (gateway/src/test/node/subgraphs.mjs). With it, the
# subgraphs named in the supergraph must already be running (e.g. the real services); pass the query to send
# (a JSON request body) and, for the overhead figure, a subgraph URL and a one-subgraph query body.
# Needs: a packaged gateway (mvn -pl gateway package), node, wrk (apt-get install wrk). Uses 127.0.0.1 only,
# ports 4310-4319 (--port-base moves them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
duration=20s
connections=32
jar="$repo/gateway/target/quarkus-app/quarkus-run.jar"
supergraph=""
query_file=""
direct_url=""
direct_query_file=""
edge=on
base=4310
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --supergraph) supergraph="$2"; shift 2 ;;
    --query) query_file="$2"; shift 2 ;;
    --direct-url) direct_url="$2"; shift 2 ;;
    --direct-query) direct_query_file="$2"; shift 2 ;;
    --edge) edge="$2"; shift 2 ;;
    --port-base) base="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
[ -f "$jar" ] || { echo "no gateway jar at $jar: mvn -B -ntp -pl gateway package -DskipTests" >&2; exit 2; }
[ -d "$repo/tools/federation/node_modules/@apollo/gateway" ] || (cd "$repo/tools/federation" && npm ci --no-audit --no-fund)

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

if [ -z "$supergraph" ]; then
  node "$repo/gateway/src/test/node/subgraphs.mjs" --port-base "$base" > "$work/subgraphs.out" &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$work/subgraphs.out" ] && break; sleep 0.1; done
  supergraph="$work/supergraph.graphql"
  sed -e "s#http://products.test/graphql#http://127.0.0.1:$base/graphql#" -e "s#http://reviews.test/graphql#http://127.0.0.1:$((base + 1))/graphql#" \
      -e "s#http://accounts.test/graphql#http://127.0.0.1:$((base + 2))/graphql#" -e "s#http://inventory.test/graphql#http://127.0.0.1:$((base + 3))/graphql#" \
      "$repo/gateway/src/test/resources/federation/supergraph.graphql" > "$supergraph"
  echo '{"query":"query Bench { topProducts { upc name price reviews { id body author { id name username } } } }"}' > "$work/query.json"
  query_file="$work/query.json"
  echo '{"query":"query Direct { topProducts { upc name price weight } }"}' > "$work/direct.json"
  direct_query_file="$work/direct.json"
  direct_url="http://127.0.0.1:$base/graphql"
fi

# One client (wrk) makes every request: the rate limit is raised so it is consulted but never refuses.
edge_env=(NEWSGRAPH_GATEWAY_RATE_LIMIT_REQUESTS=1000000000 NEWSGRAPH_GATEWAY_RATE_LIMIT_BURST=1000000000)
if [ "$edge" = off ]; then
  edge_env=(NEWSGRAPH_GATEWAY_COST_ENABLED=false NEWSGRAPH_GATEWAY_CSRF_ENABLED=false NEWSGRAPH_GATEWAY_RATE_LIMIT_ENABLED=false
            QUARKUS_HTTP_CORS_ENABLED=false)
fi
env "${edge_env[@]}" NEWSGRAPH_GATEWAY_SUPERGRAPH="$supergraph" QUARKUS_HTTP_PORT=$((base + 8)) QUARKUS_HTTP_HOST=127.0.0.1 \
  "$JAVA_HOME/bin/java" -Xmx512m -jar "$jar" > "$work/gateway.log" 2>&1 &
pids+=($!)
node "$repo/tools/federation/reference-gateway.mjs" --supergraph "$supergraph" --port $((base + 9)) > "$work/reference.log" 2>&1 &
pids+=($!)
for url in "http://127.0.0.1:$((base + 8))/q/health/ready" "http://127.0.0.1:$((base + 9))/health"; do
  for _ in $(seq 300); do curl -sf "$url" >/dev/null && break; sleep 0.2; done
  curl -sf "$url" >/dev/null || { echo "not ready: $url" >&2; cat "$work/gateway.log" "$work/reference.log" >&2; exit 1; }
done

ours="http://127.0.0.1:$((base + 8))/graphql"
theirs="http://127.0.0.1:$((base + 9))/graphql"
a=$(curl -s "$ours" -H 'content-type: application/json' --data-binary @"$query_file")
b=$(curl -s "$theirs" -H 'content-type: application/json' --data-binary @"$query_file")
if [ "$a" != "$b" ]; then
  echo "the gateways answer differently; not benchmarking" >&2; echo "ours:   $a" >&2; echo "theirs: $b" >&2; exit 1
fi

# prints: requests/s p50_ms p95_ms (wrk: light on CPU, which matters when everything shares 2 cores)
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open(os.getenv("BODY_FILE"), "r"); wrk.body = f:read("*a"); f:close()
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, errors))
end
LUA
load() {
  local url="$1" body="$2" d="$3"
  BODY_FILE="$body" wrk -t2 -c"$connections" -d"$d" -s "$work/post.lua" "$url" > "$work/wrk.out"
  local line; line=$(grep '^RESULT' "$work/wrk.out")
  set -- $line
  if [ "$5" != "0" ]; then echo "$5 failed requests against $url" >&2; cat "$work/wrk.out" >&2; fi
  echo "$2 $3 $4"
}

echo "warming up (JIT) ..." >&2
load "$ours" "$query_file" 10s >/dev/null
load "$theirs" "$query_file" 5s >/dev/null
load "$ours" "$direct_query_file" 5s >/dev/null

read -r o_rps o_p50 o_p95 <<< "$(load "$ours" "$query_file" "$duration")"
read -r t_rps t_p50 t_p95 <<< "$(load "$theirs" "$query_file" "$duration")"
read -r d_rps d_p50 d_p95 <<< "$(load "$direct_url" "$direct_query_file" "$duration")"
read -r g_rps g_p50 g_p95 <<< "$(load "$ours" "$direct_query_file" "$duration")"

ratio=$(awk -v a="$o_rps" -v b="$t_rps" 'BEGIN { printf "%.1f", a / b }')
overhead50=$(awk -v a="$g_p50" -v b="$d_p50" 'BEGIN { printf "%.2f", a - b }')
overhead95=$(awk -v a="$g_p95" -v b="$d_p95" 'BEGIN { printf "%.2f", a - b }')
cat <<OUT
| run | requests/s | p50 ms | p95 ms |
|---|---|---|---|
| newsgraph gateway, nested query over both boundaries | $o_rps | $o_p50 | $o_p95 |
| @apollo/gateway, same query, same subgraphs | $t_rps | $t_p50 | $t_p95 |
| subgraph called directly, one-subgraph query | $d_rps | $d_p50 | $d_p95 |
| newsgraph gateway, same one-subgraph query | $g_rps | $g_p50 | $g_p95 |

throughput ratio newsgraph / @apollo/gateway: ${ratio}x; gateway overhead on the one-subgraph query: p50 +${overhead50} ms, p95 +${overhead95} ms
($connections connections, $duration per run, wrk -t2, $(nproc) cores, edge checks $edge)
OUT
