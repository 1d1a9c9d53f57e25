#!/usr/bin/env bash
# Writes the gateway's in-cluster supergraph: deploy/supergraph.graphql with the routing URL of each
# subgraph (@join__graph url) replaced by the in-cluster URL named in base/gateway/subgraph-urls.properties.
#
#   deploy/sync-supergraph.sh [source] [target]
#
# Defaults: source deploy/supergraph.graphql, target deploy/base/gateway/supergraph.graphql.
# Kustomize only reads files inside the kustomization's own directory, hence a copy under base/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${1:-$here/supergraph.graphql}
dst=${2:-$here/base/gateway/supergraph.graphql}
urls=$here/base/gateway/subgraph-urls.properties

[ -f "$src" ] || { echo "sync-supergraph: no supergraph at $src" >&2; exit 1; }

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
cp "$src" "$tmp"

# Every subgraph in the supergraph must have an in-cluster URL.
for name in $(grep -o '@join__graph(name: "[^"]*"' "$src" | sed 's/.*name: "\([^"]*\)"/\1/'); do
  url=$(grep -E "^${name}=" "$urls" | head -n1 | cut -d= -f2- || true)
  if [ -z "$url" ]; then
    echo "sync-supergraph: subgraph '$name' has no in-cluster URL in $urls" >&2
    exit 1
  fi
  sed -i -E "s#(@join__graph\\(name: \"${name}\", url: \")[^\"]*(\")#\\1${url}\\2#" "$tmp"
done

if ! grep -q '@join__graph(name: ' "$tmp"; then
  echo "sync-supergraph: $src declares no subgraph (@join__graph)" >&2
  exit 1
fi
# Not cp: the temporary file is private (0600), the supergraph is not.
cat "$tmp" > "$dst"
