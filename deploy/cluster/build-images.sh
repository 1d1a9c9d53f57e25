#!/usr/bin/env bash
# Builds the images the cluster stage runs, offline, and writes them as archives for `ctr images import`:
#   docker.io/newsgraph/{gateway,articles-service,entities-service}:1.0.0-SNAPSHOT  from each Dockerfile.jvm
#   localhost/newsgraph/postgres:15-bookworm                                       from images/postgres
#   localhost/newsgraph/busybox:1.35                                               a client for the checks
#   localhost/newsgraph/pause:3.4.1                                                the pod sandbox
# The bases are made here too, from Debian bookworm (debootstrap) and the machine's JDK (jlink): a JRE base for
# Dockerfile.jvm (its JRE_IMAGE argument), and a PostgreSQL base. The bases are kept in the cache; the service
# images are built afresh from each service's target/quarkus-app on every run.
#
# The service images get the fully qualified names the generated manifests give them (docker.io/newsgraph/<service>; the runtime
# would read a bare newsgraph/<service> so too), and pods never pull (the ci overlay says imagePullPolicy: Never).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
root="$(cd "$here/../.." && pwd)"

"$here/install-packages.sh"
jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$jdk/bin/jlink" ] || die "no JDK with jlink at $jdk (set JAVA_HOME)"

tag=1.0.0-SNAPSHOT
services=(gateway articles-service entities-service)
out="$CACHE/images"
mkdir -p "$out" "$STATE"
export CONTAINERS_CONF="$here/images/containers.conf"
# Storage of our own, so that nothing here touches (or depends on) other podman images of the machine.
podman=(podman --root "$CACHE/podman/storage" --runroot "$STATE/podman-run" --storage-driver overlay)

# A Debian bookworm root filesystem, made once: the minimal variant, plus the given packages.
rootfs_image() { # image-name [packages]
  local name=$1 include=${2:-} tarball
  tarball="$out/$(echo "$name" | tr '/:' '__').rootfs.tar"
  if ! "${podman[@]}" image exists "$name"; then
    if [ ! -s "$tarball" ]; then
      local dir="$STATE/rootfs.$$"
      log "debootstrap of $name${include:+ with $include}"
      rm -rf "$dir"
      nice debootstrap --variant=minbase ${include:+--include=$include} bookworm "$dir" http://deb.debian.org/debian \
        > "$STATE/debootstrap.log" 2>&1 || { tail -20 "$STATE/debootstrap.log" >&2; die "debootstrap failed"; }
      rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
      if [ "$name" = localhost/newsgraph/jre:25 ]; then
        # The JRE: every module of the machine's JDK but the tools that build runtimes and installers.
        log "jlink of a runtime from $jdk"
        "$jdk/bin/jlink" --add-modules "$("$jdk/bin/java" --list-modules | sed 's/@.*//' \
            | grep -v -E '^jdk\.(jlink|jpackage)' | paste -sd, -)" \
          --strip-debug --no-header-files --no-man-pages --output "$dir/opt/java/openjdk"
      fi
      tar -C "$dir" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
      rm -rf "$dir"
    fi
    local changes=(--change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin')
    if [ "$name" = localhost/newsgraph/jre:25 ]; then
      changes=(--change 'ENV JAVA_HOME=/opt/java/openjdk' --change 'ENV PATH=/opt/java/openjdk/bin:/usr/sbin:/usr/bin:/sbin:/bin')
    fi
    "${podman[@]}" import "${changes[@]}" "$tarball" "$name" >/dev/null
  fi
}
rootfs_image localhost/newsgraph/jre:25
rootfs_image localhost/newsgraph/bookworm-postgresql:15 postgresql-15

for s in "${services[@]}"; do
  [ -f "$root/$s/target/quarkus-app/quarkus-run.jar" ] \
    || die "$s/target/quarkus-app is missing: build it first (mvn -DskipTests package)"
done

archives=()
for s in "${services[@]}"; do
  log "image docker.io/newsgraph/$s:$tag from $s/src/main/docker/Dockerfile.jvm"
  nice "${podman[@]}" build -q --pull=never --build-arg JRE_IMAGE=localhost/newsgraph/jre:25 \
    -f "$root/$s/src/main/docker/Dockerfile.jvm" -t "docker.io/newsgraph/$s:$tag" "$root/$s" >/dev/null
  archives+=("docker.io/newsgraph/$s:$tag")
done
log "image localhost/newsgraph/postgres:15-bookworm"
nice "${podman[@]}" build -q --pull=never -t localhost/newsgraph/postgres:15-bookworm "$here/images/postgres" >/dev/null
archives+=(localhost/newsgraph/postgres:15-bookworm)
# A client for the checks' in-cluster load: Debian's static busybox (sh, wget) and nothing else.
log "image localhost/newsgraph/busybox:1.35"
bb="$STATE/busybox-image"
rm -rf "$bb" && mkdir -p "$bb" && cp /bin/busybox "$bb/busybox"
printf '%s\n' 'FROM scratch' 'COPY busybox /bin/busybox' 'RUN ["/bin/busybox", "--install", "-s", "/bin"]' \
  > "$bb/Dockerfile"
nice "${podman[@]}" build -q --pull=never -t localhost/newsgraph/busybox:1.35 "$bb" >/dev/null
rm -rf "$bb"
archives+=(localhost/newsgraph/busybox:1.35)

rm -f "$out"/docker.io_newsgraph_*.docker.tar "$out"/localhost_newsgraph_{postgres,busybox}_*.docker.tar
for image in "${archives[@]}"; do
  file="$out/$(echo "$image" | tr '/:' '__').docker.tar"
  "${podman[@]}" save --format docker-archive -o "$file" "$image"
done
# The pod sandbox, from the pause program build-binaries.sh made (run again after it, when it was not there yet).
if [ -x "$BIN/pause" ]; then
  log "image localhost/newsgraph/pause:3.4.1"
  pause_dir="$STATE/pause-image"
  rm -rf "$pause_dir" && mkdir -p "$pause_dir" && cp "$BIN/pause" "$pause_dir/pause"
  printf '%s\n' 'FROM scratch' 'COPY pause /pause' 'USER 65535:65535' 'ENTRYPOINT ["/pause"]' > "$pause_dir/Dockerfile"
  "${podman[@]}" build -q --pull=never -t localhost/newsgraph/pause:3.4.1 "$pause_dir" >/dev/null
  rm -rf "$pause_dir"
  "${podman[@]}" save --format docker-archive -o "$out/localhost_newsgraph_pause_3.4.1.docker.tar.tmp" localhost/newsgraph/pause:3.4.1
  mv "$out/localhost_newsgraph_pause_3.4.1.docker.tar.tmp" "$out/localhost_newsgraph_pause_3.4.1.docker.tar"
else
  log "no $BIN/pause yet: the pause image is made when build-images.sh runs after build-binaries.sh"
fi
# Drop the layers of earlier builds of the service images.
"${podman[@]}" image prune -f >/dev/null
log "images written to $out"
