# Shared by the scripts of deploy/cluster: where things live, logging. Sourced, never run.
# Everything the cluster writes lives under two directories outside the clone:
#   CACHE  the built binaries and the images (kept between runs: a machine that kept them skips the build);
#   STATE  one running cluster (etcd data, certificates, containerd, kubelet, logs); `down` removes it.
CACHE="${NEWSGRAPH_CLUSTER_CACHE:-/var/cache/newsgraph-cluster}"
STATE="${NEWSGRAPH_CLUSTER_STATE:-/var/lib/newsgraph-cluster}"
# The node's network namespace: the bridge, the pods' interfaces and every listening port of the cluster live in
# it, so nothing of the cluster is reachable from, or routed to, any interface of the machine.
NETNS="${NEWSGRAPH_CLUSTER_NETNS:-newsgraph-node}"
K8S_VERSION=1.20.2
# The build's own revision follows the version: raise it when build-binaries.sh changes what it builds, so that a
# machine that kept the binaries of an earlier revision builds them again.
BIN="$CACHE/bin/v$K8S_VERSION-2"

log() { printf '%s cluster: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
# Enters the node's network namespace only (not `ip netns exec`, which also gives a mount namespace of its own: the
# kubelet's volume mounts must be seen by containerd's containers).
in_node() { nsenter --net="/run/netns/$NETNS" "$@"; }
kubectl_in() { in_node kubectl --kubeconfig "$STATE/admin.kubeconfig" "$@"; }
# cgroup controllers (v1) under which the kubelet puts the pods
CGROUP_ROOT=newsgraph-cluster
