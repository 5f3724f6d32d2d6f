# Shared by the engine scripts of tests/engines/ (sourced, not run).
# Progress goes to stderr; stdout carries only the NAME=VALUE lines a start prints.
set -euo pipefail
ENGINES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SOURCE_DIR=$(cd "$ENGINES_DIR/../.." && pwd)
FIXTURE_IMAGE=harness-busybox:1

log() { echo "engines: $*" >&2; }
die() { echo "engines: $*" >&2; exit 1; }

# One start or stop of an engine at a time: a lock on the engine's own script, so no lock
# file is left behind.
lock_engine() { exec 9<"$0"; flock 9; }

# wait_for SECONDS CMD...: runs CMD every 0.2 s until it succeeds; fails after SECONDS.
wait_for() {
  local end=$((SECONDS + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < end)) || return 1
    sleep 0.2
  done
}

# wait_daemon SECONDS PID CMD...: wait_for, giving up early when process PID has died.
wait_daemon() {
  local end=$((SECONDS + $1)) pid=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < end)) && alive "$pid" || return 1
    sleep 0.2
  done
}

# pings SOCKET: the Docker or Podman API on that unix socket answers. (Not `docker version`
# or `podman version`: Podman's version endpoint takes seconds here.)
pings() { [ -S "$1" ] && curl -sf --max-time 5 --unix-socket "$1" http://d/_ping >/dev/null 2>&1; }

# daemonize LOG CMD...: CMD in its own session, outliving the caller, without the engine
# lock (fd 9). Sets DAEMON_PID.
daemonize() {
  local out=$1
  shift
  setsid nohup "$@" >"$out" 2>&1 </dev/null 9<&- &
  DAEMON_PID=$!
}

# A process that runs: a zombie does not count (this host's init is slow to reap the
# daemons it inherits).
alive() {
  local stat
  [ -n "${1:-}" ] && read -r stat 2>/dev/null < "/proc/$1/stat" || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

# stop_pids SECONDS PID...: SIGTERM, then SIGKILL to those still alive after SECONDS.
stop_pids() {
  local grace=$1
  shift
  [ $# -gt 0 ] || return 0
  kill -TERM "$@" 2>/dev/null || true
  wait_for "$grace" none_alive "$@" && return 0
  log "still alive after ${grace}s, killing: $*"
  kill -KILL "$@" 2>/dev/null || true
  wait_for 5 none_alive "$@" || log "cannot kill: $*"
}

# stop_group SECONDS PGID: stop_pids for every process of a process group (a daemonize'd
# daemon and the children it did not move to a session of their own).
stop_group() {
  local pids
  pids=$(pgrep -g "$2" | tr '\n' ' ') || true
  stop_pids "$1" $pids
}

none_alive() { local p; for p in "$@"; do ! alive "$p" || return 1; done; }

pid_from() { cat "$1" 2>/dev/null || true; }

# Unmounts every mount at or under DIR in this mount namespace, deepest first.
umount_under() {
  local dir=$1 m
  awk -v d="$dir" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r |
    while read -r m; do umount -l "$m" || true; done
}

# ensure_fixture_image CLI [USER]: the fixture image on the engine CLI (docker or podman)
# reaches through $DOCKER_HOST or $CONTAINER_HOST, or as USER's local engine. Copied from
# the main dockerd when it has it (docker save | load: about 1 s), else built with the
# harness's own recipe (about 10 s here: hundreds of applet links).
ensure_fixture_image() {
  local run=("$1")
  [ -z "${2:-}" ] || run=(as_user "$2" "$1")
  "${run[@]}" image inspect "$FIXTURE_IMAGE" >/dev/null 2>&1 && return
  if env -u DOCKER_HOST -u CONTAINER_HOST timeout 10 docker image inspect "$FIXTURE_IMAGE" >/dev/null 2>&1; then
    env -u DOCKER_HOST -u CONTAINER_HOST docker save "$FIXTURE_IMAGE" | "${run[@]}" load >/dev/null && return
  fi
  "${run[@]:0:${#run[@]}-1}" bash "$SOURCE_DIR/fixtures/image/build-image.sh" "$1" "$FIXTURE_IMAGE" >/dev/null
}

# Removes every container and volume of the engine $cli reaches (through its environment).
remove_all() {
  local cli=$1 ids
  ids=$("$cli" ps -aq 2>/dev/null) || return 1
  [ -z "$ids" ] || "$cli" rm -f $ids >/dev/null
  ids=$("$cli" volume ls -q 2>/dev/null) || return 1
  [ -z "$ids" ] || "$cli" volume rm -f $ids >/dev/null
}

# ---- unprivileged users ------------------------------------------------------------------

need_user() {
  id -u "$1" >/dev/null 2>&1 || die "user $1 is missing: run .ci/setup-engines"
}
user_home() { getent passwd "$1" | cut -d: -f6; }
user_runtime_dir() { echo "/run/user/$(id -u "$1")"; }

# The user's XDG_RUNTIME_DIR, made the way a login would (there is no systemd-logind here).
make_runtime_dir() {
  local dir
  dir=$(user_runtime_dir "$1")
  mkdir -p /run/user
  [ -d "$dir" ] || install -d -m 0700 -o "$1" -g "$(id -g "$1")" "$dir"
}

# as_user USER [NAME=VALUE...] CMD...: see tests/engines/as-user.
as_user() { "$ENGINES_DIR/as-user" "$@"; }

# Kills every process left of a user that exists only for these engines (pause process,
# slirp4netns, conmon, ...), by pid; zombies left to init.
kill_user_processes() {
  local pids
  pids=$({ ps -u "$(id -u "$1")" -o pid=,stat= || true; } | awk '$2 !~ /^Z/ { print $1 }' | paste -sd ' ')
  [ -n "$pids" ] || return 0
  log "left by $1: $(ps -o pid=,comm= -p "${pids// /,}" | paste -sd ' ')"
  stop_pids 5 $pids
}

# ---- a user's Podman, served on a socket (rootless-podman, nostart) ----------------------

podman_user_sock() { echo "unix://$(user_runtime_dir "$1")/podman/podman.sock"; }
podman_user_answers() { pings "${CONTAINER_HOST#unix://}"; }

# podman_user_start USER STATE [WRAPPER...]: `podman system service` as USER on
# /run/user/UID/podman/podman.sock (run through WRAPPER when given), its pid and log in
# STATE. Sets CONTAINER_HOST (which makes the podman CLI a remote client of that socket).
podman_user_start() {
  local user=$1 state=$2
  shift 2
  need_user "$user"
  export CONTAINER_HOST
  CONTAINER_HOST=$(podman_user_sock "$user")
  if alive "$(pid_from "$state/service.pid")" && podman_user_answers; then return; fi
  if [ -e "$state" ] || [ -e "$(user_runtime_dir "$user")" ]; then
    podman_user_stop "$user" "$state" 2>/dev/null  # leftovers of a service that died
  fi
  mkdir -p "$state"
  as_user "$user" mkdir -p "$(user_runtime_dir "$user")/podman"
  # --time=0: serves until stopped, not only 5 s after the last request.
  daemonize "$state/service.log" "$@" "$ENGINES_DIR/as-user" "$user" podman system service --time=0 "$CONTAINER_HOST"
  echo "$DAEMON_PID" > "$state/service.pid"
  if ! wait_daemon 30 "$DAEMON_PID" podman_user_answers; then
    tail -20 "$state/service.log" >&2
    podman_user_stop "$user" "$state"
    die "podman system service as $user did not answer on $CONTAINER_HOST (log above)"
  fi
}

# Removes the user's pods, containers, volumes and networks through its own local podman
# (works whether or not the service is alive), stops the service, kills what is left of
# the user's processes (pause process, conmon, slirp4netns) and removes its runtime dir.
# The user's image storage stays, so the next start need not rebuild the fixture image.
podman_user_stop() {
  local user=$1 state=$2
  # Not started, and nothing run as the user since the last stop: nothing to remove (and
  # asking its podman would cost a pause process and seconds).
  [ -e "$state" ] || [ -e "$(user_runtime_dir "$user")" ] || return 0
  as_user "$user" sh -c 'podman pod rm -af -t 0; podman rm -af -t 0; podman volume rm -af; podman network prune -f' \
    >/dev/null 2>&1 || log "$user: could not remove every container and volume"
  local pid rt
  pid=$(pid_from "$state/service.pid")
  ! alive "$pid" || stop_group 10 "$pid"
  # rootless Podman's pause process, which holds its user namespace between commands and
  # holds nothing else (it takes seconds to heed SIGTERM)
  rt=$(user_runtime_dir "$user")
  pid=$(pid_from "$rt/libpod/tmp/pause.pid")
  ! alive "$pid" || { kill -KILL "$pid"; wait_for 5 none_alive "$pid" || true; }
  kill_user_processes "$user"
  rm -rf "$state" "$(user_runtime_dir "$user")"
}

# The command line of an engine script that defines start, stop_engine and print_env:
# `NAME.sh start|stop|env`, one at a time (the script's lock).
engine_main() {
  lock_engine
  case "${1:-}" in
    start) start ;;
    stop) stop_engine ;;
    env) print_env ;;
    *) die "usage: $0 start|stop|env" ;;
  esac
}
