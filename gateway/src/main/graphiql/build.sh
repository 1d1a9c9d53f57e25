#!/usr/bin/env bash
# Builds the GraphiQL bundle into the gateway's classes (run by Maven in generate-resources; see docs/gateway.md).
# npm ci from the lock file only when the lock file changed, vite only when a source changed: a rebuild of the
# gateway with nothing changed here costs a few file checks.
set -euo pipefail
cd "$(dirname "$0")"
OUT=${GRAPHIQL_OUT_DIR:-../../../target/classes/graphiql}
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "gateway: building GraphiQL needs Node.js 20+ and npm on the PATH (Debian: apt-get install nodejs npm)." >&2
  echo "gateway: or skip the explorer with -Dgraphiql.skip (then /graphiql answers an empty page)." >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
stamp=${GRAPHIQL_STAMP:-../../../target/graphiql-bundle.stamp}
if [ -f "$stamp" ] && [ -z "$(find index.html vite.config.js package-lock.json src ../../../../samples/welcome-query.graphql -newer "$stamp" -print -quit)" ]; then
  echo "gateway: GraphiQL bundle is up to date"
  exit 0
fi
GRAPHIQL_OUT_DIR="$OUT" npm run --silent build -- --logLevel warn
touch "$stamp"
