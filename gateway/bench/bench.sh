#!/usr/bin/env bash
# Gateway benchmark: one fixed query that crosses both entity boundaries (products -> reviews -> accounts), through
# this gateway and through @apollo/gateway over the same subgraphs, in the same runs. For each gateway and run:
# requests/s, p50/p95 latency, the gateway process's own CPU time per 1,000 requests (utime+stime from
# /proc/PID/stat over the measured interval) and its resident memory after the run (VmRSS; VmHWM, the peak).
# The ratios to @apollo/gateway (throughput, and CPU cost per request) are given per run and as min/median/max.
#
#   gateway/bench/bench.sh [--duration 20s] [--warmup 30s] [--connections 32] [--runs 3] [--jar PATH]
#                          [--supergraph FILE --query FILE --direct-url URL --direct-query FILE]
#
# The edge checks' overhead is measured in the same runs: the gateway with every check on (token verification,
# cost analysis, CSRF, rate limit, CORS; the rate limit raised out of reach, so every request still passes through
# it) answers the query once anonymously and once with a reader's bearer token (a key pair made for the run by
# deploy/make-secrets.sh, the token by deploy/mint-token.sh), and a second gateway with every check off answers it
# anonymously. The ratio of the two is the checks' cost per request.
#
# Without --supergraph the subgraphs are static: gateway/bench/static-subgraphs.mjs answers every request body
# it has seen before from memory (the test subgraphs in gateway/src/test/node/subgraphs.mjs answer each distinct
# body once, during the warm-up), so that the subgraphs cap neither gateway. This gateway runs twice: with the
# deduplication of identical in-flight subgraph requests off (the like-for-like comparison: @apollo/gateway has
# none) and on (every client asks the same query, so concurrent fetches are shared).
# With --supergraph, the subgraphs named in it must already be running (e.g. the real services); pass the query to
# send (a JSON request body) and, for the overhead figure, a subgraph URL and a one-subgraph query body.
# Needs: a packaged gateway (mvn -pl gateway -am package), node, wrk (apt-get install wrk). Uses 127.0.0.1 only,
# ports 4310-4321.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
duration=20s
warmup=30s
connections=32
runs=3
jar="$repo/gateway/target/quarkus-app/quarkus-run.jar"
supergraph=""
query_file=""
direct_url=""
direct_query_file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --supergraph) supergraph="$2"; shift 2 ;;
    --query) query_file="$2"; shift 2 ;;
    --direct-url) direct_url="$2"; shift 2 ;;
    --direct-query) direct_query_file="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
[ -f "$jar" ] || { echo "no gateway jar at $jar: mvn -B -ntp -pl gateway -am package -DskipTests" >&2; exit 2; }
[ -d "$repo/tools/federation/node_modules/@apollo/gateway" ] || (cd "$repo/tools/federation" && npm ci --no-audit --no-fund)

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

wait_for_line() { for _ in $(seq 300); do [ -s "$1" ] && return 0; sleep 0.1; done; echo "no output in $1" >&2; exit 1; }

static=""
if [ -z "$supergraph" ]; then
  node "$repo/gateway/src/test/node/subgraphs.mjs" --port-base 4310 > "$work/subgraphs.out" &
  pids+=($!)
  wait_for_line "$work/subgraphs.out"
  node "$here/static-subgraphs.mjs" products=http://127.0.0.1:4310/graphql@4314 reviews=http://127.0.0.1:4311/graphql@4315 \
    accounts=http://127.0.0.1:4312/graphql@4316 inventory=http://127.0.0.1:4313/graphql@4317 > "$work/static.out" &
  pids+=($!)
  static=$!
  wait_for_line "$work/static.out"
  supergraph="$work/supergraph.graphql"
  sed -e 's#http://products.test/graphql#http://127.0.0.1:4314/graphql#' -e 's#http://reviews.test/graphql#http://127.0.0.1:4315/graphql#' \
      -e 's#http://accounts.test/graphql#http://127.0.0.1:4316/graphql#' -e 's#http://inventory.test/graphql#http://127.0.0.1:4317/graphql#' \
      "$repo/gateway/src/test/resources/federation/supergraph.graphql" > "$supergraph"
  echo '{"query":"query Bench { topProducts { upc name price reviews { id body author { id name username } } } }"}' > "$work/query.json"
  query_file="$work/query.json"
  echo '{"query":"query Direct { topProducts { upc name price weight } }"}' > "$work/direct.json"
  direct_query_file="$work/direct.json"
  direct_url="http://127.0.0.1:4314/graphql"
fi

# One client (wrk) makes every request: the rate limit is raised so it is consulted but never refuses.
"$repo/deploy/make-secrets.sh" "$work/issuer" >/dev/null
token=$("$repo/deploy/mint-token.sh" "$work/issuer" reader 86400)
auth_env=($(grep -E '^(MP_JWT_VERIFY_PUBLICKEY|MP_JWT_VERIFY_ISSUER|MP_JWT_VERIFY_AUDIENCES)=' "$work/issuer/secrets/auth.env"))
edge_on=("${auth_env[@]}" NEWSGRAPH_GATEWAY_RATE_LIMIT_REQUESTS=1000000000 NEWSGRAPH_GATEWAY_RATE_LIMIT_BURST=1000000000)
edge_off=("${auth_env[@]}" NEWSGRAPH_GATEWAY_COST_ENABLED=false NEWSGRAPH_GATEWAY_CSRF_ENABLED=false
          NEWSGRAPH_GATEWAY_RATE_LIMIT_ENABLED=false QUARKUS_HTTP_CORS_ENABLED=false)
start_gateway() { # port dedup log edge-env-array-name
  local -n extra=$4
  env "${extra[@]}" NEWSGRAPH_GATEWAY_SUPERGRAPH="$supergraph" QUARKUS_HTTP_PORT="$1" QUARKUS_HTTP_HOST=127.0.0.1 NEWSGRAPH_GATEWAY_RELOAD_INTERVAL=0 \
    NEWSGRAPH_GATEWAY_DEDUPLICATE_SUBGRAPH_REQUESTS="$2" "$JAVA_HOME/bin/java" -Xmx512m -jar "$jar" > "$3" 2>&1 &
  pids+=($!)
}
start_gateway 4318 false "$work/gateway.log" edge_on
ours_pid=$!
start_gateway 4320 true "$work/gateway-dedup.log" edge_on
dedup_pid=$!
start_gateway 4321 false "$work/gateway-bare.log" edge_off
bare_pid=$!
node "$repo/tools/federation/reference-gateway.mjs" --supergraph "$supergraph" --port 4319 > "$work/reference.log" 2>&1 &
pids+=($!)
theirs_pid=$!
for url in http://127.0.0.1:4318/q/health/ready http://127.0.0.1:4320/q/health/ready http://127.0.0.1:4321/q/health/ready http://127.0.0.1:4319/health; do
  for _ in $(seq 600); do curl -sf "$url" >/dev/null && break; sleep 0.2; done
  curl -sf "$url" >/dev/null || { echo "not ready: $url" >&2; cat "$work/gateway.log" "$work/reference.log" >&2; exit 1; }
done

ours="http://127.0.0.1:4318/graphql"
dedup="http://127.0.0.1:4320/graphql"
theirs="http://127.0.0.1:4319/graphql"
bare="http://127.0.0.1:4321/graphql"
a=$(curl -s "$ours" -H 'content-type: application/json' --data-binary @"$query_file")
b=$(curl -s "$theirs" -H 'content-type: application/json' --data-binary @"$query_file")
c=$(curl -s "$dedup" -H 'content-type: application/json' --data-binary @"$query_file")
if [ "$a" != "$b" ] || [ "$a" != "$c" ]; then
  echo "the gateways answer differently; not benchmarking" >&2; echo "ours:   $a" >&2; echo "theirs: $b" >&2; exit 1
fi

# prints: requests/s p50_ms p95_ms errors requests (wrk: light on CPU, which matters when everything shares 2 cores)
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open(os.getenv("BODY_FILE"), "r"); wrk.body = f:read("*a"); f:close()
if (os.getenv("AUTHORIZATION") or "") ~= "" then wrk.headers["Authorization"] = os.getenv("AUTHORIZATION") end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, errors, summary.requests))
end
LUA
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
# load URL BODY DURATION [PID [AUTHORIZATION]] -> rps p50 p95 cpu_ms_per_1000 rss_mb hwm_mb
load() {
  local url="$1" body="$2" d="$3" pid="${4:-}" authorization="${5:-}" t0=0 t1=0
  [ -n "$pid" ] && t0=$(ticks "$pid")
  AUTHORIZATION="$authorization" BODY_FILE="$body" wrk -t2 -c"$connections" -d"$d" -s "$work/post.lua" "$url" > "$work/wrk.out"
  [ -n "$pid" ] && t1=$(ticks "$pid")
  local line; line=$(grep '^RESULT' "$work/wrk.out")
  set -- $line
  if [ "$5" != "0" ]; then echo "$5 failed requests against $url" >&2; cat "$work/wrk.out" >&2; fi
  local cpu="-" rss="-" hwm="-"
  if [ -n "$pid" ]; then
    cpu=$(awk -v t=$((t1 - t0)) -v hz="$hz" -v n="$6" 'BEGIN { printf "%.0f", t / hz * 1000 / (n / 1000) }')
    rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
    hwm=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  fi
  echo "$2 $3 $4 $cpu $rss $hwm"
}
misses() { [ -n "$static" ] && for p in 4314 4315 4316 4317; do curl -s "http://127.0.0.1:$p/stats"; done | tr -d '\n' || true; }

# Every gateway gets the same warm-up, so that no ratio below compares a JIT-compiled process with a cold one.
echo "warming up (JIT, static answers: $warmup per gateway and mode) ..." >&2
load "$ours" "$query_file" "$warmup" >/dev/null
load "$ours" "$query_file" "$warmup" "" "Bearer $token" >/dev/null
load "$bare" "$query_file" "$warmup" >/dev/null
load "$dedup" "$query_file" "$warmup" >/dev/null
load "$theirs" "$query_file" "$warmup" >/dev/null
load "$ours" "$direct_query_file" 5s >/dev/null
before_misses=$(misses | grep -o '"misses":[0-9]*' | tr -d '\n')

echo "| run | gateway | requests/s | p50 ms | p95 ms | CPU ms / 1,000 requests | RSS MB (peak) |"
echo "|---|---|---:|---:|---:|---:|---:|"
: > "$work/ratios"
: > "$work/overhead"
for run in $(seq "$runs"); do
  read -r o_rps o_p50 o_p95 o_cpu o_rss o_hwm <<< "$(load "$ours" "$query_file" "$duration" "$ours_pid")"
  read -r t_rps t_p50 t_p95 t_cpu t_rss t_hwm <<< "$(load "$theirs" "$query_file" "$duration" "$theirs_pid")"
  read -r d_rps d_p50 d_p95 d_cpu d_rss d_hwm <<< "$(load "$dedup" "$query_file" "$duration" "$dedup_pid")"
  read -r k_rps k_p50 k_p95 k_cpu k_rss k_hwm <<< "$(load "$ours" "$query_file" "$duration" "$ours_pid" "Bearer $token")"
  read -r b_rps b_p50 b_p95 b_cpu b_rss b_hwm <<< "$(load "$bare" "$query_file" "$duration" "$bare_pid")"
  echo "| $run | newsgraph (deduplication off) | $o_rps | $o_p50 | $o_p95 | $o_cpu | $o_rss ($o_hwm) |"
  echo "| $run | newsgraph, reader token (deduplication off) | $k_rps | $k_p50 | $k_p95 | $k_cpu | $k_rss ($k_hwm) |"
  echo "| $run | newsgraph, edge checks off (deduplication off) | $b_rps | $b_p50 | $b_p95 | $b_cpu | $b_rss ($b_hwm) |"
  echo "| $run | @apollo/gateway | $t_rps | $t_p50 | $t_p95 | $t_cpu | $t_rss ($t_hwm) |"
  echo "| $run | newsgraph (deduplication on) | $d_rps | $d_p50 | $d_p95 | $d_cpu | $d_rss ($d_hwm) |"
  awk -v a="$o_rps" -v b="$t_rps" -v ca="$o_cpu" -v cb="$t_cpu" -v d="$d_rps" -v cd="$d_cpu" \
    'BEGIN { printf "%.2f %.2f %.2f %.2f\n", a / b, cb / ca, d / b, cb / cd }' >> "$work/ratios"
  awk -v o="$o_rps" -v k="$k_rps" -v b="$b_rps" -v co="$o_cpu" -v ck="$k_cpu" -v cb="$b_cpu" \
    'BEGIN { printf "%.2f %.2f %.2f %.2f\n", b / o, co / cb, b / k, ck / cb }' >> "$work/overhead"
done
after_misses=$(misses | grep -o '"misses":[0-9]*' | tr -d '\n')
[ "$before_misses" = "$after_misses" ] || echo "warning: measured requests reached the real subgraphs ($before_misses -> $after_misses)" >&2

read -r s_rps s_p50 s_p95 _ <<< "$(load "$direct_url" "$direct_query_file" "$duration")"
read -r g_rps g_p50 g_p95 _ <<< "$(load "$ours" "$direct_query_file" "$duration" "$ours_pid")"
spread() { # column [file [decimals]] -> min median max
  sort -n -k"$1" "${2:-$work/ratios}" | awk -v c="$1" -v f="%.${3:-1}fx" '{ v[NR] = $c } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf f " / " f " / " f, v[1], m, v[NR] }'
}
cat <<OUT

| ratio to @apollo/gateway (min / median / max over $runs runs) | deduplication off | deduplication on |
|---|---|---|
| throughput (requests/s) | $(spread 1) | $(spread 3) |
| CPU cost (CPU ms per request, @apollo/gateway / newsgraph) | $(spread 2) | $(spread 4) |

| cost of the edge checks, as a ratio to the same gateway with them off (min / median / max) | anonymous | reader token |
|---|---|---|
| throughput, off / on | $(spread 1 "$work/overhead" 2) | $(spread 3 "$work/overhead" 2) |
| CPU per request, on / off | $(spread 2 "$work/overhead" 2) | $(spread 4 "$work/overhead" 2) |

| one-subgraph query | requests/s | p50 ms | p95 ms |
|---|---:|---:|---:|
| subgraph called directly | $s_rps | $s_p50 | $s_p95 |
| through newsgraph | $g_rps | $g_p50 | $g_p95 |

($connections connections, $duration per run, wrk -t2, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)
OUT
