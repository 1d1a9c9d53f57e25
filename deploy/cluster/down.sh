#!/usr/bin/env bash
# Stops the cluster started by up.sh and removes what it made: its processes (by the PIDs it recorded, and the
# containers they started), every mount under its state directory, the pods' cgroups, the node's network namespace
# (with its bridge and the pods' interfaces) and the state directory itself. The binaries and images in the cache
# stay. Safe to run twice, or after a failed up.sh.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

pid_of() { cat "$STATE/pids/$1.pid" 2>/dev/null; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
stop() { # name [signal]: stop one recorded process and wait for it
  local pid; pid=$(pid_of "$1")
  alive "$pid" || return 0
  kill "-${2:-TERM}" "$pid" 2>/dev/null
  for _ in $(seq 1 100); do alive "$pid" || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null; sleep 0.2
}

if [ -d "$STATE/pids" ] && alive "$(pid_of kube-apiserver)" && alive "$(pid_of kubelet)"; then
  # Let the kubelet stop its pods the ordinary way (network torn down by CNI, volumes unmounted).
  log "deleting the pods"
  kubectl_in delete namespace --all --wait=false >/dev/null 2>&1 || true
  kubectl_in delete pods --all-namespaces --all --grace-period=5 --wait=false >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do
    [ -z "$(ctr --address "$STATE/containerd/containerd.sock" -n k8s.io tasks ls -q 2>/dev/null)" ] && break
    sleep 1
  done
fi
for name in dns-sync dnsmasq kube-proxy kubelet kube-scheduler kube-controller-manager; do stop "$name"; done

# What the kubelet left running: kill each container's task; each shim then exits when its container is deleted.
if alive "$(pid_of containerd)"; then
  c=(ctr --address "$STATE/containerd/containerd.sock" -n k8s.io)
  for task in $("${c[@]}" tasks ls -q 2>/dev/null); do
    "${c[@]}" tasks kill -a -s SIGKILL "$task" >/dev/null 2>&1
  done
  sleep 1
  for task in $("${c[@]}" tasks ls -q 2>/dev/null); do "${c[@]}" tasks delete -f "$task" >/dev/null 2>&1; done
  for ctr_id in $("${c[@]}" containers ls -q 2>/dev/null); do "${c[@]}" containers delete "$ctr_id" >/dev/null 2>&1; done
fi
stop containerd
# A shim that outlived containerd (it runs in the node's network namespace, in its own session).
if ip netns list 2>/dev/null | grep -qw "$NETNS"; then
  for pid in $(ip netns pids "$NETNS" 2>/dev/null); do
    if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "containerd-shim.*$STATE/containerd"; then
      kill -KILL "$pid" 2>/dev/null
    fi
  done
fi
stop kube-apiserver
stop etcd

# Mounts under the state directory (containers' root filesystems, volumes, pods' network namespaces), deepest first.
if [ -d "$STATE" ]; then
  for _ in 1 2 3; do
    mounts=$(findmnt -rn -o TARGET | awk -v s="$STATE/" 'index($0, s) == 1' | LC_ALL=C sort -r)
    [ -z "$mounts" ] && break
    while read -r m; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null; done <<< "$mounts"
  done
fi
# The pods' cgroups, leaves first.
for c in /sys/fs/cgroup/*/"$CGROUP_ROOT"; do
  [ -d "$c" ] && find "$c" -depth -type d -exec rmdir {} + 2>/dev/null
done
ip netns del "$NETNS" 2>/dev/null
rm -rf "$STATE"

left=0
findmnt -rn -o TARGET | grep -q "^$STATE" && { log "mounts left under $STATE"; left=1; }
ip netns list 2>/dev/null | grep -qw "$NETNS" && { log "network namespace $NETNS left"; left=1; }
compgen -G "/sys/fs/cgroup/*/$CGROUP_ROOT" >/dev/null && { log "cgroups left: /sys/fs/cgroup/*/$CGROUP_ROOT"; left=1; }
[ -d "$STATE" ] && { log "$STATE left"; left=1; }
[ $left -eq 0 ] && log "cluster removed"
exit $left
