#!/usr/bin/env bash
# The CI cluster stage (.ci/run runs it after `./newsgraph test`): build or reuse the Kubernetes binaries, build the
# images, start the cluster, run check.sh against it, and take it all down again, checking that nothing is left.
# Needs root. Times of each step are printed at the end (docs/deploy.md gives them for the 2-core machine).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
root="$(cd "$here/../.." && pwd)"
t_start=$(date +%s)
times=()
step() { # name command...
  local t0 status=0; t0=$(date +%s)
  log "== $1"
  "${@:2}" || status=$?
  times+=("$1 $(( $(date +%s) - t0 ))s")
  return $status
}

step "binaries" "$here/build-binaries.sh"
missing=()
for s in gateway articles-service entities-service; do
  [ -f "$root/$s/target/quarkus-app/quarkus-run.jar" ] || missing+=("$s")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "service packages" bash -c "cd '$root' && mvn -B -ntp -q -DskipTests package -pl $(IFS=,; echo "${missing[*]}") -am"
fi
step "images" "$here/build-images.sh"

torn_down=0
teardown() { [ $torn_down -eq 1 ] || "$here/down.sh" || true; }
trap teardown EXIT
step "cluster up" "$here/up.sh"
rc=0
step "checks" "$here/check.sh" || rc=$?
torn_down=1
step "cluster down" "$here/down.sh" || rc=1
# Nothing of the cluster may still run: no process started from its binaries or working in its state directory.
if ps -eo pid=,args= | grep -v grep | grep -E -e "$BIN/" -e "$STATE/" -e "containerd --config $STATE" >&2; then
  log "FAIL processes of the cluster are still running"; rc=1
fi
log "times: ${times[*]}; total $(( $(date +%s) - t_start ))s"
exit $rc
