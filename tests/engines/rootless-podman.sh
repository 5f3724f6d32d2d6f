#!/usr/bin/env bash
# Rootless Podman: user harness-rootless (see .ci/setup-engines), vfs storage in its home.
# Two ways to reach it:
#   - from root, through the API socket of `podman system service` run as that user:
#       CONTAINER_HOST=unix:///run/user/UID/podman/podman.sock podman ...
#     (CONTAINER_HOST makes the podman CLI a remote client; so does --remote --url URL);
#   - as the user, its local podman: tests/engines/as-rootless podman ...
#
#   tests/engines/rootless-podman.sh start|stop|env      (or tests/engines/start rootless-podman)
source "$(dirname "$0")/lib.bash"
USER_NAME=harness-rootless
STATE=/run/harness-rootless-podman   # service pid and log

print_env() { echo "CONTAINER_HOST=$(podman_user_sock "$USER_NAME")"; }

lock_engine
case "${1:-}" in
  start) podman_user_start "$USER_NAME" "$STATE"; ensure_fixture_image podman; print_env ;;
  stop) podman_user_stop "$USER_NAME" "$STATE" ;;
  env) print_env ;;
  *) die "usage: $0 start|stop|env" ;;
esac
