#!/usr/bin/env bash
# The cluster stage's checks, against the cluster of up.sh with the images of build-images.sh imported:
#   1. `kubectl apply -k deploy/overlays/ci` succeeds;
#   2. every Deployment and StatefulSet rolls out, with the kubelet enforcing the probes;
#   3. `kubectl apply --dry-run=server -k` of prod, with the same 1.20 adaptation (components/kubernetes-1.20);
#   4. through the gateway's Service, the seed article ingested by the mutation reaches DONE and the federated query
#      returns its entities;
#   5. 200 articles ingested while entities-service's pod is deleted half-way: all 200 DONE, none lost, none twice;
#   6. `kubectl rollout restart` of the gateway under a bounded read load through its Service: no failed request.
# Prints one line per check and "N passed, N failed" last; exits non-zero when a check failed.
# Everything it reaches is in the node's network namespace: the API server and `kubectl port-forward` on 127.0.0.1,
# the gateway's Service from a pod.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
root="$(cd "$here/../.." && pwd)"
export KUBECTL_PORT_FORWARD_WEBSOCKETS=false KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false
ns=newsgraph-dev
k() { kubectl_in -n "$ns" "$@"; }
run_id=$(date +%s)
passed=0 failed=0
pass() { passed=$((passed + 1)); log "PASS $*"; }
fail() { failed=$((failed + 1)); log "FAIL $*"; }
pids=()
cleanup() { local p; for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; }
trap cleanup EXIT

# --- credentials ----------------------------------------------------------------------------------------------------
"$root/deploy/make-secrets.sh" "$root/deploy/overlays/dev" >/dev/null
# Writes carry an editor token of the dev overlay's own issuer (make-secrets.sh made its key pair; the overlay's
# Secret newsgraph-auth carries the public half to every service).
editor_token=$("$root/deploy/mint-token.sh" "$root/deploy/overlays/dev" editor 7200)
write_auth="Bearer $editor_token"

# --- 1. apply -------------------------------------------------------------------------------------------------------
if out=$(kubectl_in apply -k "$root/deploy/overlays/ci" 2>&1); then
  pass "kubectl apply -k deploy/overlays/ci ($(printf '%s\n' "$out" | wc -l) objects)"
else
  printf '%s\n' "$out" >&2
  fail "kubectl apply -k deploy/overlays/ci"
fi

# --- 2. rollout, probes enforced ------------------------------------------------------------------------------------
t0=$(date +%s)
rolled=1
for w in $(k get deployments,statefulsets -o name); do
  if ! k rollout status "$w" --timeout=480s >/dev/null; then
    rolled=0; fail "rollout of $w"
    k describe "$w" | tail -20 >&2
    k get pods -o wide >&2
  fi
done
if [ $rolled -eq 1 ]; then
  pass "every Deployment and StatefulSet rolled out ($(k get deployments,statefulsets -o name | wc -l) workloads, $(( $(date +%s) - t0 )) s)"
fi
# The kubelet runs the probes of every container (a container without all three would not be held to them), and
# readiness really gated traffic: entities-service, which loads its NER model before it is ready, turned Ready only
# well after its container started, as its readiness probe saw it.
probe_gaps=$(k get pods -o jsonpath='{range .items[*]}{range .spec.containers[*]}{.name}{" "}{.startupProbe.periodSeconds}{" "}{.readinessProbe.periodSeconds}{" "}{.livenessProbe.periodSeconds}{"\n"}{end}{end}' \
  | awk 'NF < 4')
ent_pod=$(k get pods -l app.kubernetes.io/name=entities-service -o jsonpath='{.items[0].metadata.name}')
started_at=$(k get pod "$ent_pod" -o jsonpath='{.status.containerStatuses[0].state.running.startedAt}')
ready_at=$(k get pod "$ent_pod" -o jsonpath='{.status.conditions[?(@.type=="Ready")].lastTransitionTime}')
gap=$(( $(date -d "$ready_at" +%s) - $(date -d "$started_at" +%s) ))
unready_seen=$(k get events --field-selector "involvedObject.name=$ent_pod,reason=Unhealthy" -o name | wc -l)
if [ -z "$probe_gaps" ] && [ "$gap" -ge 10 ] && [ "$unready_seen" -ge 1 ]; then
  pass "probes: every container has startup, readiness and liveness probes; entities-service Ready ${gap} s after start, $unready_seen probe failure event(s) before"
else
  fail "probes: missing [$probe_gaps], entities-service Ready ${gap} s after start, $unready_seen Unhealthy events"
fi

# --- 3. server-side dry run of prod ---------------------------------------------------------------------------------
# prod as it is, plus the same 1.20 component as ci; its secret files made in a copy of deploy/ (never in the clone).
prod_copy="$STATE/deploy-prod"
rm -rf "$prod_copy" && cp -r "$root/deploy" "$prod_copy" && rm -rf "$prod_copy/target" "$prod_copy/overlays/prod/secrets"/*.env
"$prod_copy/make-secrets.sh" "$prod_copy/overlays/prod" >/dev/null
mkdir -p "$prod_copy/overlays/prod-1.20"
cat > "$prod_copy/overlays/prod-1.20/kustomization.yaml" <<'EOF'
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- ../prod
components:
- ../../components/kubernetes-1.20
EOF
# Namespaced objects are refused by a dry run until their namespace exists: it is created for real, then removed.
kubectl_in apply -f "$prod_copy/overlays/prod/namespace.yaml" >/dev/null
if out=$(kubectl_in apply --dry-run=server -k "$prod_copy/overlays/prod-1.20" 2>&1); then
  pass "kubectl apply --dry-run=server -k prod (+ components/kubernetes-1.20): $(printf '%s\n' "$out" | grep -c 'server dry run') objects accepted"
else
  printf '%s\n' "$out" >&2
  fail "server-side dry run of prod"
fi
kubectl_in delete -f "$prod_copy/overlays/prod/namespace.yaml" --wait=false >/dev/null 2>&1

# --- the gateway's Service on 127.0.0.1 ---------------------------------------------------------------------------
port=18080
in_node kubectl --kubeconfig "$STATE/admin.kubeconfig" -n "$ns" port-forward --address 127.0.0.1 svc/gateway "$port:8080" \
  > "$STATE/logs/port-forward.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 30); do in_node curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 1; done
gql() { # query-json [authorization]
  in_node curl -sS --max-time 60 -H 'Content-Type: application/json' ${2:+-H "Authorization: $2"} \
    --data-binary @- "http://127.0.0.1:$port/graphql" <<< "$1"
}
json_string() { # stdin -> a JSON string literal
  printf '"%s"' "$(tr -d '\r' | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' | awk '{printf "%s\\n", $0}')"
}
psql_in() { # statefulset database user sql
  k exec "$1-0" -c postgres -- psql -qtAX -h /var/run/postgresql -U "$3" -d "$2" -c "$4"
}
articles_db_user=$(sed -n 's/^username=//p' "$root/deploy/overlays/dev/secrets/articles-db.env")
entities_db_user=$(sed -n 's/^username=//p' "$root/deploy/overlays/dev/secrets/entities-db.env")

# --- 4. the seed article ----------------------------------------------------------------------------------------------
seed="$root/../shared/samples/seed-article.txt"
[ -f "$seed" ] || seed="$root/samples/port-of-rotterdam-automation.txt"
body=$(json_string < "$seed")
resp=$(gql "{\"query\":\"mutation(\$in: ArticleInput!) { ingestArticle(input: \$in) { outcome article { id } } }\",\"variables\":{\"in\":{\"externalId\":\"cluster-seed-$run_id\",\"title\":\"Seed article\",\"body\":$body}}}" "$write_auth")
seed_id=$(printf '%s' "$resp" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
state=
if [ -n "$seed_id" ]; then
  for _ in $(seq 1 90); do
    state=$(gql "{\"query\":\"{ article(id: \\\"$seed_id\\\") { processing { state } } }\"}" | grep -o '"state":"[A-Z]*"' | cut -d'"' -f4)
    [ "$state" = DONE ] || [ "$state" = FAILED ] && break
    sleep 2
  done
fi
fed=$(gql "{\"query\":\"{ article(id: \\\"$seed_id\\\") { title processing { state } entities { entity { name type } mentionCount } } }\"}")
names=$(printf '%s' "$fed" | grep -o '"name":"[^"]*"' | cut -d'"' -f4)
if [ "$state" = DONE ] && [ "$(printf '%s\n' "$names" | grep -c .)" -ge 3 ] && ! printf '%s' "$fed" | grep -q '"errors"'; then
  pass "seed article $seed_id DONE; federated query: $(printf '%s\n' "$names" | grep -c .) entities ($(printf '%s\n' "$names" | head -4 | paste -sd, -), ...)"
else
  fail "seed article: ingest [$resp] state [$state] federated [$fed]"
fi

# --- 5. bulk ingest with entities-service's pod deleted half-way -------------------------------------------------------
total=200 batch=20
people=(Amara Okafor Lukas Brandt Sofia Marquez Kenji Watanabe Elena Petrova Tomas Lindqvist Priya Raman Omar Haddad)
places=(Lisbon Nairobi Oslo Manila Santiago Warsaw Hanoi Accra Montreal Tbilisi)
ids=()
deleted_pod=
for ((start = 0; start < total; start += batch)); do
  q='mutation {'
  for ((i = start; i < start + batch; i++)); do
    a=${people[$(( (i * 2) % 16 ))]} b=${people[$(( (i * 2 + 1) % 16 ))]} p=${places[$(( i % 10 ))]}
    text="$a $b, the trade minister, met officials of the Harbor Logistics Institute in $p on Tuesday. $a $b said the agreement with Northwind Shipping would open two new routes by March. Article $i of run $run_id."
    q+=" a$i: ingestArticle(input: {externalId: \\\"cluster-bulk-$run_id-$i\\\", title: \\\"Trade talks in $p ($i)\\\", body: \\\"$text\\\"}) { article { id } }"
  done
  q+=' }'
  resp=$(gql "{\"query\":\"$q\"}" "$write_auth")
  got=$(printf '%s' "$resp" | grep -o '"id":"[^"]*"' | cut -d'"' -f4)
  ids+=($got)
  if [ "$start" -eq $((total / 2)) ]; then
    # Half-way, with deliveries in flight: the pod goes, the Deployment makes a new one.
    deleted_pod=$(k get pods -l app.kubernetes.io/name=entities-service -o jsonpath='{.items[0].metadata.name}')
    k delete pod "$deleted_pod" --wait=false >/dev/null
    log "deleted pod $deleted_pod after $start articles"
  fi
done
id_array="{$(printf '%s\n' "${ids[@]}" | paste -sd, -)}"
done_at_end=$(psql_in articles-db articles "$articles_db_user" \
  "SELECT count(*) FROM article WHERE id::text = ANY('$id_array') AND processing_state = 'DONE'")
deadline=$(( $(date +%s) + 600 ))
done_count=0
while [ "$(date +%s)" -lt "$deadline" ]; do
  done_count=$(psql_in articles-db articles "$articles_db_user" \
    "SELECT count(*) FROM article WHERE id::text = ANY('$id_array') AND processing_state = 'DONE'")
  [ "$done_count" = "$total" ] && break
  sleep 3
done
stored=$(psql_in articles-db articles "$articles_db_user" \
  "SELECT count(*) || ' ' || count(DISTINCT external_id) FROM article WHERE external_id LIKE 'cluster-bulk-$run_id-%'")
extracted=$(psql_in entities-db entities "$entities_db_user" \
  "SELECT count(*) FROM extraction WHERE article_id = ANY('$id_array') AND status = 'DONE'")
twice=$(psql_in entities-db entities "$entities_db_user" \
  "SELECT count(*) FROM (SELECT 1 FROM mention WHERE article_id = ANY('$id_array') GROUP BY article_id, field, start_offset, end_offset HAVING count(*) > 1) d")
mentions=$(psql_in entities-db entities "$entities_db_user" "SELECT count(*) FROM mention WHERE article_id = ANY('$id_array')")
new_pod=$(k get pods -l app.kubernetes.io/name=entities-service -o jsonpath='{.items[0].metadata.name}')
if [ "${#ids[@]}" -eq "$total" ] && [ "$done_at_end" -lt "$total" ] && [ "$done_count" = "$total" ] \
   && [ "$stored" = "$total $total" ] && [ "$extracted" = "$total" ] && [ "$twice" = 0 ] && [ "$mentions" -gt "$total" ] \
   && [ -n "$deleted_pod" ] && [ "$new_pod" != "$deleted_pod" ]; then
  pass "bulk ingest, pod $deleted_pod deleted half-way ($done_at_end of $total DONE when the ingest ended): $total DONE, $total stored once, $total extractions, $mentions mentions, none twice"
else
  fail "bulk ingest: ${#ids[@]} acknowledged, $done_at_end DONE at the end of the ingest, $done_count DONE later, stored/distinct [$stored], extractions [$extracted], duplicated mentions [$twice], mentions [$mentions], pods [$deleted_pod -> $new_pod]"
fi
kill "${pids[@]}" 2>/dev/null; pids=()

# --- 6. rolling restart of the gateway under read load ---------------------------------------------------------------
# The load runs in a pod and reaches the gateway by its Service name, as any client in the cluster would: bounded in
# count (3000 requests) and time (300 s), stopped by the check once the rollout is over.
query='{"query":"{ articles(first: 3) { edges { node { id title processing { state } } } } }"}'
cat <<EOF | k apply -f - >/dev/null
apiVersion: v1
kind: Pod
metadata:
  name: read-load
  labels: {app.kubernetes.io/name: read-load}
spec:
  restartPolicy: Never
  automountServiceAccountToken: false
  securityContext: {runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: load
    image: localhost/newsgraph/busybox:1.35
    imagePullPolicy: Never
    resources: {requests: {cpu: 50m, memory: 32Mi}, limits: {cpu: 500m, memory: 64Mi}}
    securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
    volumeMounts: [{name: tmp, mountPath: /tmp}]
    command:
    - sh
    - -c
    - |
      ok=0; failed=0; n=0; end=\$((\$(date +%s) + 300))
      while [ ! -e /tmp/stop ] && [ \$n -lt 3000 ] && [ \$(date +%s) -lt \$end ]; do
        n=\$((n + 1))
        # timeout, not wget -T: Debian's static busybox 1.35 wget crashes on -T
        out=\$(timeout 10 wget -q -O - --header 'Content-Type: application/json' --post-data '$query' http://gateway:8080/graphql 2>&1)
        rc=\$?
        if [ \$rc -eq 0 ] && echo "\$out" | grep -q '"edges"' && ! echo "\$out" | grep -q '"errors"'; then
          ok=\$((ok + 1))
        else
          failed=\$((failed + 1)); echo "failed request \$n (exit \$rc): \$out"
        fi
        [ \$n -eq 1 ] && echo started
        sleep 0.05
      done
      echo "ok=\$ok failed=\$failed"
  volumes: [{name: tmp, emptyDir: {sizeLimit: 1Mi}}]
EOF
k wait --for=condition=Ready pod/read-load --timeout=60s >/dev/null
for _ in $(seq 1 30); do k logs read-load 2>/dev/null | grep -q started && break; sleep 1; done
old_gw=$(k get pods -l app.kubernetes.io/name=gateway -o jsonpath='{.items[*].metadata.name}')
sleep 5
k rollout restart deployment/gateway >/dev/null
rollout_ok=0
k rollout status deployment/gateway --timeout=300s >/dev/null && rollout_ok=1
# the old pod's termination, after the rollout reported success, is part of the restart too
for _ in $(seq 1 60); do
  [ "$(k get pods -l app.kubernetes.io/name=gateway -o name | wc -l)" -eq 1 ] && break; sleep 1
done
sleep 5
new_gw=$(k get pods -l app.kubernetes.io/name=gateway -o jsonpath='{.items[*].metadata.name}')
k exec read-load -- touch /tmp/stop
k wait --for=jsonpath='{.status.phase}'=Succeeded pod/read-load --timeout=60s >/dev/null 2>&1 || sleep 15
result=$(k logs read-load | tail -1)
ok=$(printf '%s' "$result" | sed -n 's/^ok=\([0-9]*\) failed=\([0-9]*\)$/\1/p')
bad=$(printf '%s' "$result" | sed -n 's/^ok=\([0-9]*\) failed=\([0-9]*\)$/\2/p')
if [ $rollout_ok -eq 1 ] && [ "$old_gw" != "$new_gw" ] && [ "${bad:-1}" = 0 ] && [ "${ok:-0}" -ge 50 ]; then
  pass "rollout restart of the gateway ($old_gw -> $new_gw) under read load through its Service: $ok requests, 0 failed"
else
  k logs read-load | grep -m5 failed >&2
  fail "rollout restart under load: rollout [$rollout_ok], pods [$old_gw -> $new_gw], load [$result]"
fi
k delete pod read-load --wait=false >/dev/null 2>&1

echo "cluster: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
