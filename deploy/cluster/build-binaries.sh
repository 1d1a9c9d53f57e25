#!/usr/bin/env bash
# Builds the Kubernetes 1.20.2 server binaries (kube-apiserver, kube-controller-manager, kube-scheduler, kubelet,
# kube-proxy) and the pod sandbox ("pause") program from Debian bookworm's own source package, with Debian's Go 1.19.
# The result is kept outside the clone, in $NEWSGRAPH_CLUSTER_CACHE/bin/v1.20.2-2 (default /var/cache/newsgraph-cluster),
# so that a machine that kept it skips the build (about 10 CPU-minutes cold).
#
# Three things make this source build under Go 1.19 (see docs/deploy.md, "The cluster stage"):
#   - GOPATH mode (GO111MODULE=off): the tree vendors everything and predates module builds of its commands;
#   - pkg/generated/openapi/zz_generated.openapi.go is not shipped: the bundled openapi-gen writes it first;
#   - the bundled github.com/modern-go/reflect2 1.0.1 crashes under Go 1.18+ ("fatal error: fault" in the API
#     server on the first custom resource): Debian's 1.0.2 replaces it.
# And one makes kube-proxy run here: its userspace mode sets the open-files limit to 64,000 and gives up when it
# cannot, which it cannot where the hard limit is lower and raising it needs CAP_SYS_RESOURCE (this machine: 20,000);
# it is changed to go no higher than the hard limit.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

version=1.20.2
bin="$BIN"
commands=(kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy)

have_all() {
  local c
  for c in "${commands[@]}" pause; do [ -x "$bin/$c" ] || return 1; done
}
if have_all; then
  log "binaries of Kubernetes $version found in $bin"
  exit 0
fi

"$here/install-packages.sh"

work="$CACHE/build"
src_dir="$work/gopath/src/k8s.io/kubernetes"
mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial" "$work/download"

if [ ! -f "$src_dir/.newsgraph-prepared" ]; then
  log "fetching Debian's kubernetes source package"
  # A sources list of our own: the machine's apt configuration stays untouched.
  echo "deb-src http://deb.debian.org/debian bookworm main" > "$work/apt/sources.list"
  apt_opts=(-o "Dir::Etc::SourceList=$work/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
            -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache")
  if ! compgen -G "$work/download/kubernetes_*.orig.tar.gz" >/dev/null; then
    apt-get "${apt_opts[@]}" update -q
    (cd "$work/download" && apt-get "${apt_opts[@]}" source --download-only kubernetes)
    compgen -G "$work/download/kubernetes_*really$version.orig.tar.gz" >/dev/null \
      || die "Debian's kubernetes source is not $version any more"
  fi
  rm -rf "$work/gopath"
  mkdir -p "$work/gopath/src/k8s.io"
  tar -C "$work/gopath/src/k8s.io" -xzf "$work"/download/kubernetes_*.orig.tar.gz
  mv "$work/gopath/src/k8s.io/kubernetes-$version" "$src_dir"
  # Debian's patches touch kubectl only; the server binaries build from the upstream tree as released.
  rm -rf "$src_dir/vendor/github.com/modern-go/reflect2"
  cp -r /usr/share/gocode/src/github.com/modern-go/reflect2 "$src_dir/vendor/github.com/modern-go/reflect2"
  rm -f "$src_dir/vendor/github.com/modern-go/reflect2/go.mod"
  touch "$src_dir/.newsgraph-prepared"
fi

rlimit=pkg/proxy/userspace/rlimit.go
if ! grep -q 'Getrlimit' "$src_dir/$rlimit"; then
  cat > "$src_dir/$rlimit" <<'GO'
// +build !windows

/*
Copyright 2015 The Kubernetes Authors.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/

package userspace

import "golang.org/x/sys/unix"

// setRLimit raises the open-files limit to limit, or to the hard limit where that is lower: raising the hard limit
// needs CAP_SYS_RESOURCE, which a CI machine may not give.
func setRLimit(limit uint64) error {
	var current unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_NOFILE, &current); err == nil && current.Max < limit {
		limit = current.Max
	}
	return unix.Setrlimit(unix.RLIMIT_NOFILE, &unix.Rlimit{Max: limit, Cur: limit})
}
GO
fi

export GOROOT=/usr/lib/go-1.19 GOPATH="$work/gopath" GO111MODULE=off GOFLAGS= CGO_ENABLED=0
export GOCACHE="$work/gocache" PATH="/usr/lib/go-1.19/bin:$PATH"
cd "$src_dir"

openapi=pkg/generated/openapi/zz_generated.openapi.go
if [ ! -s "$openapi" ]; then
  log "generating $openapi"
  nice go build -o "$work/openapi-gen" ./vendor/k8s.io/kube-openapi/cmd/openapi-gen
  # The same inputs as Makefile.generated_files (KUBE_OPENAPI_TAG_FILES): every package of the tree tagged
  # +k8s:openapi-gen, staging packages by their vendor path, the code-generator and sample-apiserver left out.
  # (find -L: the staging packages are symlinks under vendor/k8s.io.)
  dirs=$( { find pkg cmd plugin -type f -name '*.go'
            find -L vendor/k8s.io -path vendor/k8s.io/code-generator -prune -o \
                 -path vendor/k8s.io/sample-apiserver -prune -o -type f -name '*.go' -print; } 2>/dev/null \
         | xargs grep -l '^// *+k8s:openapi-gen=' | xargs -n1 dirname | LC_ALL=C sort -u \
         | sed -e 's|^vendor/||' -e 's|^\([a-z]*/\)|k8s.io/kubernetes/\1|' -e 's|^k8s.io/kubernetes/k8s.io/|k8s.io/|' \
         | paste -sd, -)
  nice "$work/openapi-gen" --logtostderr -i "$dirs" -p k8s.io/kubernetes/pkg/generated/openapi -O zz_generated.openapi \
    -h vendor/k8s.io/code-generator/hack/boilerplate.go.txt -r "$work/openapi-violations.report" \
    -o "$GOPATH/src"
fi

pkg=k8s.io/kubernetes/vendor/k8s.io
ldflags="-s -w"
for p in client-go/pkg/version component-base/version; do
  ldflags+=" -X $pkg/$p.gitVersion=v$version -X $pkg/$p.gitMajor=1 -X $pkg/$p.gitMinor=20"
  ldflags+=" -X $pkg/$p.gitTreeState=archive -X $pkg/$p.buildDate=2021-01-13T00:00:00Z"
done
mkdir -p "$bin.tmp"
for c in "${commands[@]}"; do
  log "building $c"
  nice go build -o "$bin.tmp/$c" -ldflags "$ldflags" "./cmd/$c"
done
# The sandbox container every pod starts with; no image registry is reachable, so it is built here too.
nice gcc -Os -static -o "$bin.tmp/pause" -DVERSION=v3.4.1-newsgraph build/pause/linux/pause.c
strip "$bin.tmp/pause"
rm -rf "$bin"
mv "$bin.tmp" "$bin"
log "binaries of Kubernetes $version built into $bin"
