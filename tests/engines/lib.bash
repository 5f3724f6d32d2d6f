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
  local tries=$(($1 * 5)) i
  shift
  for ((i = 0; i < tries; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  return 1
}

# daemonize LOG CMD...: CMD in its own session, outliving the caller, without the engine
# lock (fd 9). Sets DAEMON_PID.
daemonize() {
  local out=$1
  shift
  setsid nohup "$@" >"$out" 2>&1 </dev/null 9<&- &
  DAEMON_PID=$!
}

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

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

none_alive() { local p; for p in "$@"; do ! alive "$p" || return 1; done; }

pid_from() { cat "$1" 2>/dev/null || true; }

# Unmounts every mount at or under DIR in this mount namespace, deepest first.
umount_under() {
  local dir=$1 m
  awk -v d="$dir" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r |
    while read -r m; do umount -l "$m" || true; done
}

# The fixture image on an engine reached through the environment ($DOCKER_HOST or
# $CONTAINER_HOST): built there with the harness's own recipe, so an engine needs nothing
# from the main dockerd.
ensure_fixture_image() {
  local cli=$1
  "$cli" image inspect "$FIXTURE_IMAGE" >/dev/null 2>&1 ||
    bash "$SOURCE_DIR/fixtures/image/build-image.sh" "$cli" "$FIXTURE_IMAGE" >/dev/null
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

# as_user USER CMD...: CMD as USER with a login's environment (HOME, USER, LOGNAME, SHELL,
# PATH with /usr/sbin for dockerd) plus XDG_RUNTIME_DIR, and nothing else of root's.
# setpriv execs CMD itself, so a background as_user's $! is CMD's pid. Runs in the current
# folder when USER may enter it, else in USER's home.
as_user() {
  local user=$1
  shift
  make_runtime_dir "$user"
  (
    setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups test -x . 2>/dev/null || cd "$(user_home "$user")"
    exec setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups --reset-env \
      env PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin XDG_RUNTIME_DIR="$(user_runtime_dir "$user")" "$@"
  )
}

# Kills every process left of a user that exists only for these engines (pause process,
# slirp4netns, conmon, ...), by pid.
kill_user_processes() {
  local uid pids
  uid=$(id -u "$1")
  pids=$(pgrep -u "$uid" || true)
  [ -z "$pids" ] || { log "left by $1: $(ps -o pid=,comm= -p $pids | tr -s ' \n' ' ')"; stop_pids 5 $pids; }
}
