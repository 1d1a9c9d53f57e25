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

# Keys as one line of base64 (PEM without its header lines): what an .env file can hold and the services accept.
oneline() { grep -v -- '-----' | tr -d '\n'; }
# The relay's own key pair: articles-service signs its deliveries with the private key, entities-service trusts the
# public one for the relay's role only.
if [ ! -f "$dir/relay-signing-key.env" ]; then
  relay=$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null)
  write relay-signing-key.env "private-key=$(printf '%s\n' "$relay" | oneline)"
  printf '%s\n' "$relay" | openssl pkey -pubout 2>/dev/null | oneline > "$dir/relay-public.key"
fi
# Client tokens: an overlay whose auth.env does not exist yet gets a key pair of its own as the issuer (the private
# key stays in issuer-private.pem, for deploy/mint-token.sh; it never goes to the cluster). For production, write
# auth.env from your identity provider instead: MP_JWT_VERIFY_PUBLICKEY_LOCATION=<its JWKS URL>, its issuer and audience.
if [ ! -f "$dir/auth.env" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/issuer-private.pem" 2>/dev/null
  write auth.env "MP_JWT_VERIFY_PUBLICKEY=$(openssl pkey -in "$dir/issuer-private.pem" -pubout 2>/dev/null | oneline)" \
    "MP_JWT_VERIFY_ISSUER=https://newsgraph.invalid/$(basename "$(cd "$overlay" && pwd)")" "MP_JWT_VERIFY_AUDIENCES=newsgraph" \
    "NEWSGRAPH_ENTITIES_RELAY_KEY=$(cat "$dir/relay-public.key")"
fi
