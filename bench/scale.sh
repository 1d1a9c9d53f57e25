#!/usr/bin/env bash
# Scale benchmark of the store step: a PostgreSQL of its own (data under $SCALE_DATA, deleted afterwards), the
# entities schema migrated by the service itself, the archive bulk-filled to each size, then extraction results
# stored by 1, 2 and 4 concurrent writers (entities-service StoreBenchmark; no NER), then the read statements timed
# through the service's GraphReader (hub entity's pages, related, an article's entities, entity search).
#
#   bench/scale.sh [sizes]        sizes: comma-separated article counts, default 10000,100000,1000000
#
# PER_WRITER (default 100): articles each writer stores at each size; READ_RUNS (default 200): timed calls of each
# read statement at each size.
#
# Needs the machine's PostgreSQL binaries (initdb, pg_ctl) and a user "postgres" to run them. Results:
# target/scale/store.tsv (articles, writers, stored, p50_ms, p99_ms, articles_per_s, retries) and
# target/scale/reads.tsv (articles, statement, runs, p50_ms, p95_ms, p99_ms).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${1:-10000,100000,1000000}"
SCALE_DATA="${SCALE_DATA:-/work/scale-data}"
PORT="${SCALE_PG_PORT:-55432}"
PGBIN="${PGBIN:-$(dirname "$(readlink -f "$(command -v initdb)")")}"
OUT="$PWD/target/scale"
mkdir -p "$OUT" "$SCALE_DATA"

cleanup() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$SCALE_DATA/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$SCALE_DATA/pg"
}
trap cleanup EXIT

chown postgres "$SCALE_DATA"
runuser -u postgres -- "$PGBIN/initdb" -D "$SCALE_DATA/pg" -U postgres --auth=trust >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$SCALE_DATA/pg" -l "$SCALE_DATA/pg.log" -w \
  -o "-p $PORT -h 127.0.0.1 -c shared_buffers=512MB -c max_wal_size=4GB -c max_connections=50" start >/dev/null
psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE entities"

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at start" | tee "$OUT/machine.txt"
nice mvn -B -ntp -q -pl entities-service -am verify -Dtest=StoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dnewsgraph.bench.store.db-url="jdbc:postgresql://127.0.0.1:$PORT/entities" \
  -Dnewsgraph.bench.store.sizes="$SIZES" -Dnewsgraph.bench.store.out="$OUT/store.tsv" \
  -Dnewsgraph.bench.store.reads-out="$OUT/reads.tsv" \
  -Dnewsgraph.bench.store.articles-per-writer="${PER_WRITER:-100}" -Dnewsgraph.bench.store.read-runs="${READ_RUNS:-200}"
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at end" | tee -a "$OUT/machine.txt"
column -t "$OUT/store.tsv"
column -t "$OUT/reads.tsv"
