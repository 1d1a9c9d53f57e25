#!/usr/bin/env bash
# Ingest benchmark of articles-service: builds the service, starts it on a fresh database of the local PostgreSQL,
# runs IngestBench.java against it and cleans up. Not part of `mvn verify`.
#
#   articles-service/bench/run.sh [bulkArticles=10000] [batch=500] [singles=2000]
#
# Environment: BENCH_DB_URL (maintenance DB, default jdbc:postgresql://127.0.0.1:5432/postgres), BENCH_DB_USER
# (postgres), BENCH_PORT (18181), SKIP_BUILD=1 to reuse target/quarkus-app.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
root="$(dirname "$module")"
: "${JAVA_HOME:=$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64 2>/dev/null || ls -d /usr/lib/jvm/*/ | head -1)}"
export JAVA_HOME
java="$JAVA_HOME/bin/java"
port="${BENCH_PORT:-18181}"
db_user="${BENCH_DB_USER:-postgres}"
db_host="${BENCH_DB_HOST:-127.0.0.1}"
db_port="${BENCH_DB_PORT:-5432}"
db="articles_bench_$$"
key="bench-$(date +%s)-$RANDOM"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  (cd "$root" && mvn -B -ntp -q -pl articles-service package -DskipTests)
fi

psql -h "$db_host" -p "$db_port" -U "$db_user" -d postgres -qc "CREATE DATABASE $db" >/dev/null
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  psql -h "$db_host" -p "$db_port" -U "$db_user" -d postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null || true
}
trap cleanup EXIT

# The relay is off: entities-service is not part of this measurement, and a relay retrying against nothing would
# compete for the two cores.
QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$db_host:$db_port/$db" QUARKUS_DATASOURCE_USERNAME="$db_user" \
NEWSGRAPH_ARTICLES_API_KEY="$key" NEWSGRAPH_ARTICLES_RELAY_ENABLED=false QUARKUS_LOG_LEVEL=WARN \
  "$java" -Xmx1g -jar "$module/target/quarkus-app/quarkus-run.jar" > "$module/target/bench-service.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null

"$java" -Xmx1g "$here/IngestBench.java" "http://127.0.0.1:$port" "$key" "$@"
