#!/usr/bin/env bash
# Rootless Docker: docker.io's dockerd-rootless.sh (rootlesskit + slirp4netns + dockerd in
# a user namespace) run as user harness-rootless-docker (see .ci/setup-engines). Its data
# root is ~/.local/share/docker (kept across stops, with the fixture image; its containers
# and volumes are not), its exec root and socket are in /run/user/UID, removed at stop.
# Its docker0 and iptables rules live in rootlesskit's network namespace, not this host's.
#
#   tests/engines/rootless-docker.sh start|stop|env      (or tests/engines/start rootless-docker)
#   reach it with: DOCKER_HOST=unix:///run/user/UID/docker.sock docker ...   (from root)
#             or:  tests/engines/as-user harness-rootless-docker env DOCKER_HOST=... docker ...
source "$(dirname "$0")/lib.bash"
USER_NAME=harness-rootless-docker
STATE=/run/harness-rootless-docker   # rootlesskit's pid, the daemon's log
SCRIPT=$(dpkg -L docker.io 2>/dev/null | grep '/dockerd-rootless\.sh$' | head -1) || true
need_user "$USER_NAME"
export DOCKER_HOST
DOCKER_HOST=unix://$(user_runtime_dir "$USER_NAME")/docker.sock

print_env() { echo "DOCKER_HOST=$DOCKER_HOST"; }
answers() { pings "${DOCKER_HOST#unix://}"; }

start() {
  if alive "$(pid_from "$STATE/rootlesskit.pid")" && answers; then ensure_fixture_image docker; print_env; return; fi
  [ -n "$SCRIPT" ] || die "rootless-docker: dockerd-rootless.sh not found in package docker.io"
  command -v rootlesskit >/dev/null || die "rootless-docker: rootlesskit is missing: run .ci/setup-engines"
  # leftovers of a daemon that died
  if [ -e "$STATE" ] || [ -e "$(user_runtime_dir "$USER_NAME")" ]; then stop_engine 2>/dev/null; fi
  mkdir -p "$STATE"
  # rootlesskit's state in the runtime dir, not a /tmp/rootlesskitNNN that a killed one leaves
  daemonize "$STATE/dockerd.log" "$ENGINES_DIR/as-user" "$USER_NAME" \
    DOCKERD_ROOTLESS_ROOTLESSKIT_FLAGS="--state-dir=$(user_runtime_dir "$USER_NAME")/rootlesskit" "$SCRIPT"
  echo "$DAEMON_PID" > "$STATE/rootlesskit.pid"
  if ! wait_daemon 60 "$DAEMON_PID" answers; then
    grep -v '^+\|level=info' "$STATE/dockerd.log" | tail -20 >&2
    stop_engine
    die "rootless-docker: dockerd-rootless.sh did not answer on $DOCKER_HOST (log above)"
  fi
  ensure_fixture_image docker
  print_env
}

stop_engine() {
  if answers; then
    remove_all docker || log "rootless-docker: could not remove every container and volume"
    docker network prune -f >/dev/null 2>&1 || true
  fi
  # rootlesskit passes SIGTERM on to dockerd, and everything else dies with its namespaces
  local pid
  pid=$(pid_from "$STATE/rootlesskit.pid")
  ! alive "$pid" || stop_pids 20 "$pid"
  kill_user_processes "$USER_NAME"
  rm -rf "$STATE" "$(user_runtime_dir "$USER_NAME")"
}

engine_main "$@"  # start, stop_engine and print_env above
