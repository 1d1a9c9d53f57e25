#!/usr/bin/env bash
# Writes the secret files an overlay's secretGenerator reads, with fresh random values, for each file that
# does not exist yet (existing values are kept). The files are ignored by git.
#
#   deploy/make-secrets.sh deploy/overlays/dev
#
# For production, write the same files from your secret store instead (same names and keys, see
# docs/deploy.md, "Secrets"), or create the Secrets in the cluster and drop the secretGenerator.
set -euo pipefail
overlay=${1:?usage: make-secrets.sh <overlay directory>}
dir=$overlay/secrets
mkdir -p "$dir"
umask 077

random() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | cut -c1-32; }

write() { # file, then key=value lines
  local file=$dir/$1; shift
  if [ -f "$file" ]; then echo "kept    $file"; return; fi
  printf '%s\n' "$@" > "$file"
  echo "written $file"
}

write articles-db.env "username=articles" "password=$(random)"
write entities-db.env "username=entities" "password=$(random)"
write articles-api-key.env "api-key=$(random)"
write entities-api-key.env "api-key=$(random)"
