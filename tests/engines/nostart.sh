#!/usr/bin/env bash
# "nostart": a Podman that answers but cannot start any container, as this host's Podman
# was before .ci/setup lowered its default rlimits. User harness-nostart (see
# .ci/setup-engines) has ~/.config/containers/containers.conf asking for nofile=99999999,
# above this host's hard limit: `podman info`, `podman create` and `podman volume` work,
# every start fails with "error setting rlimit type 7".
#
# It is reached as that user, with its local podman (no socket, nothing printed):
#   tests/engines/as-user harness-nostart podman ...
#   tests/engines/as-user harness-nostart HARNESS run --runtime podman --junit /tmp/x.xml
# Not through `podman system service`: a remote client sends no default rlimits and the
# rootless service clamps its own to its limits, so containers created through a socket
# do start.
#
#   tests/engines/nostart.sh start|stop|env      (or tests/engines/start nostart)
source "$(dirname "$0")/lib.bash"
USER_NAME=harness-nostart

start() {
  need_user "$USER_NAME"
  # the image is there, so that what fails is the start, not a missing image
  ensure_fixture_image podman "$USER_NAME"
}

lock_engine
case "${1:-}" in
  start) start ;;
  stop) podman_user_stop "$USER_NAME" /run/harness-nostart ;;
  env) ;;
  *) die "usage: $0 start|stop|env" ;;
esac
