#!/usr/bin/env bash
# Installs the Debian packages the cluster stage needs, where they are missing.
set -euo pipefail
pkgs=(
  golang-1.19-go golang-github-modern-go-reflect2-dev gcc libc6-dev    # building the binaries
  etcd-server containerd runc containernetworking-plugins iptables     # running the node
  dnsmasq-base                                                          # the cluster DNS
  podman buildah debootstrap busybox-static                             # building the images offline
  openssl ca-certificates                                               # certificates and tokens
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
