#!/usr/bin/env bash
# The cluster DNS's records: every Service with a ClusterIP as <name>.<namespace>.svc.cluster.local, rewritten
# (and so re-read by dnsmasq) when the Services change. Started by up.sh in the node's network namespace.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
hosts="$STATE/dns/hosts/services"
while true; do
  if records=$(kubectl --kubeconfig "$STATE/admin.kubeconfig" get services --all-namespaces -o \
      jsonpath='{range .items[*]}{.spec.clusterIP} {.metadata.name}.{.metadata.namespace}.svc.cluster.local{"\n"}{end}' 2>/dev/null); then
    records=$(printf '%s\n' "$records" | grep -v -e '^None ' -e '^ ' | LC_ALL=C sort)
    if [ "$records" != "$(cat "$hosts" 2>/dev/null)" ]; then
      printf '%s\n' "$records" > "$STATE/dns/services.tmp" && mv "$STATE/dns/services.tmp" "$hosts"
    fi
  fi
  sleep 2
done
