#!/usr/bin/env bash
# Thin entry of `./newsgraph run|stop`: builds the launcher when needed, then hands over to it (see docs/running.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR="$ROOT/launcher/target/launcher.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/launcher/src/main" "$ROOT/launcher/pom.xml" -newer "$JAR" -print -quit)" ]; then
  echo "[ build] the launcher (mvn -pl launcher install) ..." >&2
  mkdir -p "$ROOT/.newsgraph/logs"
  if ! (cd "$ROOT" && mvn -B -ntp install -DskipTests -pl launcher -am >"$ROOT/.newsgraph/logs/launcher-build.log" 2>&1); then
    echo "newsgraph: building the launcher failed; see $ROOT/.newsgraph/logs/launcher-build.log:" >&2
    tail -n 30 "$ROOT/.newsgraph/logs/launcher-build.log" >&2
    exit 1
  fi
fi
exec "$JAVA" -Dnewsgraph.root="$ROOT" -cp "$JAR:$ROOT/launcher/target/lib/*" io.newsgraph.launcher.Launcher "$@"
