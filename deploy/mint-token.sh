#!/usr/bin/env bash
# Prints a bearer token of an overlay's own issuer (the key pair deploy/make-secrets.sh made for it), for trying a
# deployment that has no identity provider yet. Production tokens come from the identity provider instead.
#
#   deploy/mint-token.sh deploy/overlays/dev [editor|reader] [seconds=3600]
set -euo pipefail
dir=${1:?usage: mint-token.sh <overlay directory> [role] [seconds]}/secrets
role=${2:-editor}
ttl=${3:-3600}
key=$dir/issuer-private.pem
[ -f "$key" ] || { echo "mint-token: no $key: this overlay's auth.env names another issuer" >&2; exit 1; }
issuer=$(sed -n 's/^MP_JWT_VERIFY_ISSUER=//p' "$dir/auth.env")
audience=$(sed -n 's/^MP_JWT_VERIFY_AUDIENCES=//p' "$dir/auth.env" | cut -d, -f1)
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
h=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
p=$(printf '{"iss":"%s","aud":"%s","sub":"deploy-%s","upn":"deploy-%s","groups":["%s"],"iat":%d,"exp":%d}' \
    "$issuer" "$audience" "$role" "$role" "$role" "$now" $((now + ttl)) | b64url)
printf '%s.%s.%s\n' "$h" "$p" "$(printf '%s.%s' "$h" "$p" | openssl dgst -sha256 -sign "$key" -binary | b64url)"
