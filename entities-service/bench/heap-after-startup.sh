#!/usr/bin/env bash
# Starts the built entities-service, waits until it is ready (NER engine loaded), forces a full GC and reports the
# heap in use: from jcmd GC.heap_info and from /q/metrics (jvm_memory_used_bytes{area="heap"}).
#
# Needs: `mvn -pl entities-service package -DskipTests` done, a PostgreSQL server (default 127.0.0.1:5432, user
# postgres, trust; override with PGHOST/PGPORT/PGUSER), psql, and a JDK with jcmd (JAVA_HOME).
# Usage: entities-service/bench/heap-after-startup.sh [max-heap, default 3g]
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/target/quarkus-app/quarkus-run.jar"
[ -f "$jar" ] || { echo "build first: mvn -pl entities-service package -DskipTests" >&2; exit 1; }
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
max_heap="${1:-3g}"
pg_host="${PGHOST:-127.0.0.1}"; pg_port="${PGPORT:-5432}"; pg_user="${PGUSER:-postgres}"
db="entities_heap_bench"

psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -qtAc "DROP DATABASE IF EXISTS $db" postgres
psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -qtAc "CREATE DATABASE $db" postgres
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
log="$(mktemp)"

QUARKUS_HTTP_PORT="$port" \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$pg_host:$pg_port/$db" \
QUARKUS_DATASOURCE_USERNAME="$pg_user" \
  "$java_home/bin/java" "-Xmx$max_heap" -jar "$jar" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -qtAc "DROP DATABASE IF EXISTS $db" postgres >/dev/null 2>&1 || true; rm -f "$log"' EXIT

started=$(date +%s)
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ]; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "service exited:" >&2; cat "$log" >&2; exit 1; fi
  if [ $(( $(date +%s) - started )) -gt 600 ]; then echo "not ready after 600 s" >&2; tail -50 "$log" >&2; exit 1; fi
  sleep 1
done
echo "ready after $(( $(date +%s) - started )) s (max heap $max_heap)"

"$java_home/bin/jcmd" "$pid" GC.run >/dev/null
sleep 2
"$java_home/bin/jcmd" "$pid" GC.heap_info | sed -n '2,4p'
curl -s "http://127.0.0.1:$port/q/metrics" \
  | awk '/^jvm_memory_used_bytes\{area="heap"/ { sum += $NF } END { printf "heap used after full GC (metrics): %.0f MB\n", sum / 1048576 }'
