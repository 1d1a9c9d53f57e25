#!/usr/bin/env bash
# kubectl for the cluster of up.sh: run in the node's network namespace, where the API server listens on 127.0.0.1.
#   deploy/cluster/kubectl.sh get pods -A
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
export KUBECTL_PORT_FORWARD_WEBSOCKETS=false KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false
exec nsenter --net="/run/netns/$NETNS" kubectl --kubeconfig "$STATE/admin.kubeconfig" "$@"
