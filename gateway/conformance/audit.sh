#!/usr/bin/env bash
# Runs graphql-hive/federation-gateway-audit against the packaged gateway.
#
#   gateway/conformance/audit.sh AUDIT_CHECKOUT [--suite ID] [--jar PATH]
#
# AUDIT_CHECKOUT is a clone of the audit kept outside this repository (it is never committed here). The script
# adapts it to a machine without outside network, idempotently: servers bound to 127.0.0.1, a
# Promise.withResolvers polyfill for Node 20, and the three dev dependencies that pull packages missing from the
# registry (wgc, @graphql-hive/gateway, @graphql-hive/router-runtime) dropped. It then adds a gateway entry
# `newsgraph` whose run.sh starts the jar on the suite's supergraph, and runs every suite (or one). That gateway lets
# anonymous callers run mutations (the audit's client sends no token) and raises cost.max to 1000000 (the audit's
# deepest nested lists estimate about 33000); the other edge checks keep their defaults.
# GATEWAY_TIMEOUT (ms, default 180000) bounds the wait for the JVM to be ready on a loaded machine.
# Ports: the audit's server on 127.0.0.1:4620, the gateway on 127.0.0.1:4621 (AUDIT_PORT, AUDIT_GATEWAY_PORT; the
# audit frees the gateway port before each suite, so it must be one nothing else uses).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
audit="${1:?usage: audit.sh AUDIT_CHECKOUT [--suite ID] [--jar PATH]}"; shift
audit="$(cd "$audit" && pwd)"
suite=""
jar="$repo/gateway/target/quarkus-app/quarkus-run.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --suite) suite="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -f "$jar" ] || { echo "no gateway jar at $jar: mvn -B -ntp -pl gateway -am package -DskipTests" >&2; exit 2; }
server_port="${AUDIT_PORT:-4620}"
gateway_port="${AUDIT_GATEWAY_PORT:-4621}"

cd "$audit"
sed -i "s#http://localhost:#http://127.0.0.1:#g" src/cli.ts
sed -i 's/createServer(router).listen(port, () => {/createServer(router).listen(port, "127.0.0.1", () => {/' src/index.ts
node -e '
const fs = require("fs"); const p = JSON.parse(fs.readFileSync("package.json"));
for (const d of ["wgc", "@graphql-hive/gateway", "@graphql-hive/router-runtime"]) delete p.devDependencies[d];
fs.writeFileSync("package.json", JSON.stringify(p, null, 2));'
if [ ! -d node_modules/tsx ]; then rm -f package-lock.json; npm install --no-audit --no-fund; fi
cat > polyfill.mjs <<'JS'
if (!Promise.withResolvers) {
  Promise.withResolvers = function () {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
JS
mkdir -p gateways/newsgraph
cat > gateways/newsgraph/run.sh <<SH
npm start supergraph -- --cwd ./gateways/newsgraph --port $server_port --test \$1
export NEWSGRAPH_GATEWAY_SUPERGRAPH=\$PWD/supergraph.graphql QUARKUS_HTTP_PORT=$gateway_port QUARKUS_HTTP_HOST=127.0.0.1
export NEWSGRAPH_GATEWAY_RELOAD_INTERVAL=0
# A closed rig: the audit's client sends no token, and some of its queries nest lists past the production cost limit.
export NEWSGRAPH_SECURITY_ANONYMOUS_WRITE=true NEWSGRAPH_GATEWAY_COST_MAX=1000000
exec "$JAVA_HOME/bin/java" -Xmx256m -XX:TieredStopAtLevel=1 -jar "$jar"
SH
export NODE_OPTIONS="--import=$audit/polyfill.mjs" GATEWAY_TIMEOUT="${GATEWAY_TIMEOUT:-180000}"
graphql="http://127.0.0.1:$gateway_port/graphql"
health="http://127.0.0.1:$gateway_port/q/health/ready"
if [ -n "$suite" ]; then
  npm start -- test-suite --test "$suite" --port "$server_port" --cwd ./gateways/newsgraph --run-script ./run.sh \
    --graphql "$graphql" --healthcheck "$health"
else
  npm start -- test --port "$server_port" --cwd ./gateways/newsgraph --run-script ./run.sh --reporter dot \
    --graphql "$graphql" --healthcheck "$health"
  cat gateways/newsgraph/results.txt
fi
