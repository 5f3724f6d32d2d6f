#!/usr/bin/env bash
# "podman-remote": rootful `podman system service` on its own socket, reached the way a
# remote Podman is (podman --remote --url URL, or CONTAINER_HOST=URL, which does the same).
# It has its own storage, runtime state and network configuration, so stop can remove every
# container and volume it has without touching those of the local rootful podman.
# Networks: its default network shares the podman0 bridge with the local podman; the
# harness's containers use --network none.
#
#   tests/engines/podman-remote.sh start|stop|env      (or tests/engines/start podman-remote)
#   reach it with: CONTAINER_HOST=unix:///run/harness-podman-remote/podman.sock podman ...
source "$(dirname "$0")/lib.bash"

STATE=/run/harness-podman-remote          # socket, pid, log, runroot, tmpdir
ROOT=/var/lib/harness-podman-remote       # image, container and volume storage; networks
SOCK=$STATE/podman.sock
# The same engine reached directly (no socket): for cleaning up even when the service is dead.
LOCAL=(podman --root "$ROOT/storage" --runroot "$STATE/runroot" --tmpdir "$STATE/tmp"
  --network-config-dir "$ROOT/networks" --events-backend file)
export CONTAINER_HOST=unix://$SOCK

print_env() { echo "CONTAINER_HOST=$CONTAINER_HOST"; }
answers() { pings "$SOCK"; }

start() {
  if alive "$(pid_from "$STATE/service.pid")" && answers; then ensure_fixture_image podman; print_env; return; fi
  if [ -e "$STATE" ] || [ -e "$ROOT" ]; then stop_engine 2>/dev/null; fi  # leftovers of a service that died
  mkdir -p "$STATE" "$ROOT/networks"
  daemonize "$STATE/service.log" env -u CONTAINER_HOST "${LOCAL[@]}" system service --time=0 "$CONTAINER_HOST"
  echo "$DAEMON_PID" > "$STATE/service.pid"
  if ! wait_daemon 30 "$DAEMON_PID" answers; then
    tail -20 "$STATE/service.log" >&2
    stop_engine
    die "podman-remote: podman system service did not answer on $SOCK (log above)"
  fi
  ensure_fixture_image podman
  print_env
}

stop_engine() {
  if [ -d "$ROOT/storage" ]; then
    env -u CONTAINER_HOST "${LOCAL[@]}" pod rm -af -t 0 >/dev/null 2>&1 || true
    env -u CONTAINER_HOST "${LOCAL[@]}" rm -af -t 0 >/dev/null 2>&1 || true
    env -u CONTAINER_HOST "${LOCAL[@]}" volume rm -af >/dev/null 2>&1 || true
  fi
  local pid
  pid=$(pid_from "$STATE/service.pid")
  ! alive "$pid" || stop_group 10 "$pid"
  # conmon processes that outlive their containers (each in a session of its own): one
  # per `exec` made through the API stays until killed (podman 4.3)
  local left
  left=$(pgrep -f "^/usr/bin/conmon .*($ROOT|$STATE)/" | tr '\n' ' ') || true
  [ -z "${left// /}" ] || { log "podman-remote: left processes $left"; stop_pids 5 $left; }
  # the storage driver's own mounts (overlay's private bind mount of its home, layers)
  umount_under "$ROOT"
  umount_under "$STATE"
  rm -rf "$STATE" "$ROOT"
}

engine_main "$@"  # start, stop_engine and print_env above
