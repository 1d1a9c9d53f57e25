#!/usr/bin/env bash
# Starts a single-node Kubernetes 1.20 cluster on this machine: etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler, containerd, the kubelet, kube-proxy and a DNS server for Service names.
#
# Network: everything runs in a network namespace of its own ($NETNS), which holds only its loopback and a bridge
# (cni0, 10.244.0.1/24) that the pods' interfaces join (CNI bridge + host-local). No interface of the machine is in
# it, forwarding is off, and there is no NAT rule but kube-proxy's redirection of Service addresses to itself: a
# pod can reach other pods, Service addresses and the DNS server, and nothing else. Every port the cluster listens on
# is in that namespace; `deploy/cluster/kubectl.sh` (and the checks) run in it and reach the API server on 127.0.0.1.
#
# Every process started here is recorded in $STATE/pids; `down.sh` stops them by those PIDs and removes the rest.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

pod_cidr=10.244.0.0/24
node_ip=10.244.0.1
service_cidr=10.96.0.0/24
api_service_ip=10.96.0.1

[ -e "$STATE/pids" ] && die "a cluster seems to be running ($STATE/pids exists): run down.sh first"
ip netns list | grep -qw "$NETNS" && die "network namespace $NETNS exists: run down.sh first"
for c in kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy pause; do
  [ -x "$BIN/$c" ] || die "missing $BIN/$c: run build-binaries.sh first"
done
"$here/install-packages.sh"

mkdir -p "$STATE"/{pids,logs,pki,etcd,kubelet,containerd,cni/net.d,cni/ipam,dns/hosts,volumes}
started=$(date +%s)

# --- the node's network namespace ---------------------------------------------------------------------------------
ip netns add "$NETNS"
in_node ip link set lo up
in_node ip link add cni0 type bridge
in_node ip addr add "$node_ip/24" dev cni0
in_node ip link set cni0 up
# Nothing is routed: pods talk over the bridge; Service traffic ends in kube-proxy, DNS in dnsmasq, both local.
in_node sh -c 'echo 0 > /proc/sys/net/ipv4/ip_forward'

start() { # name command...: run in the node's network namespace, in its own session, log and PID recorded
  local name=$1; shift
  setsid nsenter --net="/run/netns/$NETNS" "$@" > "$STATE/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$STATE/pids/$name.pid"
}
wait_for() { # what seconds command...
  local what=$1 t=$2; shift 2
  local deadline=$(( $(date +%s) + t ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || die "$what not ready after ${t}s (logs in $STATE/logs)"
    sleep 1
  done
}

# --- certificates: one CA, a serving certificate for the API server, a client certificate per component ------------
pki="$STATE/pki"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=newsgraph-cluster-ca" \
  -keyout "$pki/ca.key" -out "$pki/ca.crt" 2>/dev/null
cert() { # name subject [extensions]
  openssl req -newkey rsa:2048 -nodes -subj "$2" -keyout "$pki/$1.key" -out "$pki/$1.csr" 2>/dev/null
  printf '%s\n' "${3:-extendedKeyUsage=clientAuth}" > "$pki/$1.ext"
  openssl x509 -req -in "$pki/$1.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial -days 2 \
    -extfile "$pki/$1.ext" -out "$pki/$1.crt" 2>/dev/null
}
cert apiserver "/CN=kube-apiserver" \
  "subjectAltName=DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:127.0.0.1,IP:$api_service_ip,IP:$node_ip
extendedKeyUsage=serverAuth"
cert apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client"
cert admin "/O=system:masters/CN=newsgraph-admin"
cert controller-manager "/CN=system:kube-controller-manager"
cert scheduler "/CN=system:kube-scheduler"
cert kubelet "/O=system:nodes/CN=system:node:localhost"
cert kube-proxy "/CN=system:kube-proxy"
openssl genrsa -out "$pki/sa.key" 2048 2>/dev/null
openssl rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
for who in admin controller-manager scheduler kubelet kube-proxy; do
  cat > "$STATE/$who.kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: newsgraph
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority: $pki/ca.crt
users:
- name: $who
  user:
    client-certificate: $pki/$who.crt
    client-key: $pki/$who.key
contexts:
- name: newsgraph
  context: {cluster: newsgraph, user: $who}
current-context: newsgraph
EOF
done

# --- control plane --------------------------------------------------------------------------------------------------
start etcd etcd --name newsgraph --data-dir "$STATE/etcd" \
  --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
  --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
  --initial-cluster newsgraph=http://127.0.0.1:2380 --listen-metrics-urls http://127.0.0.1:2381
wait_for etcd 30 in_node curl -fsS http://127.0.0.1:2379/health

start kube-apiserver "$BIN/kube-apiserver" \
  --etcd-servers=http://127.0.0.1:2379 --bind-address=0.0.0.0 --advertise-address="$node_ip" --secure-port=6443 \
  --insecure-port=0 --service-cluster-ip-range="$service_cidr" --allow-privileged=false \
  --tls-cert-file="$pki/apiserver.crt" --tls-private-key-file="$pki/apiserver.key" --client-ca-file="$pki/ca.crt" \
  --kubelet-client-certificate="$pki/apiserver-kubelet-client.crt" --kubelet-client-key="$pki/apiserver-kubelet-client.key" \
  --kubelet-preferred-address-types=Hostname \
  --service-account-key-file="$pki/sa.pub" --service-account-signing-key-file="$pki/sa.key" \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --authorization-mode=Node,RBAC --enable-admission-plugins=NodeRestriction
wait_for kube-apiserver 60 kubectl_in get --raw /readyz

start kube-controller-manager "$BIN/kube-controller-manager" --kubeconfig="$STATE/controller-manager.kubeconfig" \
  --authentication-kubeconfig="$STATE/controller-manager.kubeconfig" \
  --authorization-kubeconfig="$STATE/controller-manager.kubeconfig" \
  --bind-address=127.0.0.1 --port=0 --leader-elect=false --use-service-account-credentials=true \
  --service-account-private-key-file="$pki/sa.key" --root-ca-file="$pki/ca.crt" \
  --cluster-signing-cert-file="$pki/ca.crt" --cluster-signing-key-file="$pki/ca.key" \
  --service-cluster-ip-range="$service_cidr"
start kube-scheduler "$BIN/kube-scheduler" --kubeconfig="$STATE/scheduler.kubeconfig" \
  --authentication-kubeconfig="$STATE/scheduler.kubeconfig" --authorization-kubeconfig="$STATE/scheduler.kubeconfig" \
  --bind-address=127.0.0.1 --port=0 --leader-elect=false

# --- the node: containerd, the kubelet, kube-proxy, DNS ----------------------------------------------------------
cat > "$STATE/cni/net.d/10-newsgraph.conflist" <<EOF
{
  "cniVersion": "0.4.0",
  "name": "newsgraph",
  "plugins": [{
    "type": "bridge",
    "bridge": "cni0",
    "isGateway": true,
    "isDefaultGateway": false,
    "ipMasq": false,
    "ipam": {
      "type": "host-local",
      "ranges": [[{"subnet": "$pod_cidr", "gateway": "$node_ip"}]],
      "routes": [{"dst": "$service_cidr"}],
      "dataDir": "$STATE/cni/ipam"
    }
  }]
}
EOF
ctrd="$STATE/containerd"
cat > "$ctrd/config.toml" <<EOF
version = 2
root = "$ctrd/root"
state = "$ctrd/state"
disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs",
                    "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper"]
[grpc]
  address = "$ctrd/containerd.sock"
[ttrpc]
  address = "$ctrd/containerd.sock.ttrpc"
[plugins."io.containerd.internal.v1.opt"]
  path = "$ctrd/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "localhost/newsgraph/pause:3.4.1"
  # The machine gives no CAP_SYS_RESOURCE: never lower a process's OOM score adjustment.
  restrict_oom_score_adj = true
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
  # Pods' network namespaces are mounted under the state directory, so that down.sh finds every one.
  netns_mounts_under_state_dir = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        BinaryName = "/usr/bin/runc"
        Root = "$ctrd/runc"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$STATE/cni/net.d"
EOF
start containerd containerd --config "$ctrd/config.toml"
ctr_in() { ctr --address "$ctrd/containerd.sock" "$@"; }
wait_for containerd 30 ctr_in version

# The images built by build-images.sh, the pod sandbox among them.
[ -f "$CACHE/images/localhost_newsgraph_pause_3.4.1.docker.tar" ] || die "no pause image: run build-images.sh first"
for archive in "$CACHE"/images/*.docker.tar; do
  log "importing $(basename "$archive")"
  ctr_in -n k8s.io images import "$archive" >/dev/null
done

# The pods' cgroups go under a root of their own in every controller, which down.sh removes.
for c in /sys/fs/cgroup/*/; do
  [ -L "${c%/}" ] || [ "$c" = /sys/fs/cgroup/unified/ ] || mkdir -p "$c$CGROUP_ROOT"
done
start kubelet "$BIN/kubelet" --kubeconfig="$STATE/kubelet.kubeconfig" \
  --container-runtime=remote --container-runtime-endpoint="unix://$ctrd/containerd.sock" \
  --root-dir="$STATE/kubelet" --cert-dir="$STATE/kubelet/pki" --volume-plugin-dir="$STATE/kubelet/volume-plugins" \
  --hostname-override=localhost --node-ip="$node_ip" --address=127.0.0.1 --read-only-port=0 \
  --healthz-bind-address=127.0.0.1 --client-ca-file="$pki/ca.crt" --anonymous-auth=false \
  --authorization-mode=AlwaysAllow --cluster-dns="$node_ip" --cluster-domain=cluster.local --resolv-conf="" \
  --cgroup-driver=cgroupfs --cgroup-root="/$CGROUP_ROOT" --fail-swap-on=false \
  --make-iptables-util-chains=false --pod-infra-container-image=localhost/newsgraph/pause:3.4.1 \
  --image-gc-high-threshold=100 --image-gc-low-threshold=99 --max-pods=40 --serialize-image-pulls=false \
  --eviction-hard="memory.available<256Mi,nodefs.available<5%,imagefs.available<5%"
# Userspace mode: Service addresses are redirected to kube-proxy itself, which connects to a ready endpoint. It
# needs no masquerading and no forwarding (the iptables and IPVS modes need both); the conntrack settings are the
# machine's and stay untouched. The userspace proxier reads Endpoints only: with EndpointSlice proxying (on by default
# in 1.20) it would never hear of an endpoint, never count as synced, and open no Service address at all.
start kube-proxy "$BIN/kube-proxy" --kubeconfig="$STATE/kube-proxy.kubeconfig" --proxy-mode=userspace \
  --feature-gates=EndpointSliceProxying=false \
  --bind-address="$node_ip" --hostname-override=localhost --healthz-bind-address=127.0.0.1:10256 \
  --metrics-bind-address=127.0.0.1:10249 --conntrack-max-per-core=0 \
  --conntrack-tcp-timeout-established=0 --conntrack-tcp-timeout-close-wait=0

# Cluster DNS: <service>.<namespace>.svc.cluster.local -> its ClusterIP, kept current by dns-sync.sh; nothing is
# forwarded anywhere (no upstream servers), so a pod resolves Service names and nothing else.
start dnsmasq dnsmasq --keep-in-foreground --no-resolv --no-hosts --no-poll --listen-address="$node_ip" \
  --bind-interfaces --port=53 --hostsdir="$STATE/dns/hosts" --local=/cluster.local/ --domain-needed \
  --user=root --pid-file= --log-facility=-
start dns-sync "$here/dns-sync.sh"

node_ready() {
  [ "$(kubectl_in get node localhost -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}')" = True ]
}
wait_for "node localhost" 90 node_ready

# Storage: no provisioner is available, so the volume claims of the StatefulSets bind to local volumes made here
# (claims without a storage class bind to volumes without one when the cluster has no default class).
for i in 1 2 3 4 5 6; do
  mkdir -p "$STATE/volumes/pv-$i"
  chmod 0777 "$STATE/volumes/pv-$i"
  cat <<EOF
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: local-pv-$i
spec:
  capacity:
    storage: 10Gi
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  hostPath:
    path: $STATE/volumes/pv-$i
    type: Directory
EOF
done | kubectl_in apply -f - >/dev/null
# A component that gave up at start (kube-proxy does when it cannot set its limits) would only show later, as
# Services that answer nothing: every process started here must still be running.
for pid_file in "$STATE"/pids/*.pid; do
  name=$(basename "$pid_file" .pid)
  kill -0 "$(cat "$pid_file")" 2>/dev/null || { tail -5 "$STATE/logs/$name.log" >&2; die "$name has exited (log: $STATE/logs/$name.log)"; }
done
log "cluster ready in $(( $(date +%s) - started )) s: deploy/cluster/kubectl.sh get nodes"
