#!/usr/bin/env bash
# "unseen": a Docker engine whose files the harness cannot see, the stand-in for a remote
# engine, Docker-in-Docker or Docker Desktop. A second dockerd runs in its own mount and
# network namespaces (unshare --mount --net); its --data-root and --exec-root are tmpfs
# mounted inside that mount namespace only, so a volume's Mountpoint exists for the
# engine and not on this host. Only its API socket is outside, in /run/harness-unseen/.
# Its own network namespace also keeps `--bridge none` away from the main dockerd's docker0.
#
#   tests/engines/unseen.sh start|stop|env      (or tests/engines/start unseen)
#   reach it with: DOCKER_HOST=unix:///run/harness-unseen/docker.sock docker ...
source "$(dirname "$0")/lib.bash"

STATE=/run/harness-unseen                  # socket, pidfile, log (host-visible)
DATA=/var/lib/harness-unseen               # --data-root: a tmpfs inside the namespace
EXEC=$STATE/exec                           # --exec-root: a tmpfs inside the namespace
SOCK=$STATE/docker.sock
PIDFILE=$STATE/dockerd.pid
CGROUP=harness-unseen                      # --cgroup-parent: finds its containers at stop
export DOCKER_HOST=unix://$SOCK

print_env() { echo "DOCKER_HOST=$DOCKER_HOST"; }
answers() { pings "$SOCK"; }

start() {
  if alive "$(pid_from "$PIDFILE")" && answers; then ensure_fixture_image docker; print_env; return; fi
  stop_engine 2>/dev/null  # leftovers of a daemon that died
  mkdir -p "$STATE" "$EXEC" "$DATA"
  echo '{}' > "$STATE/daemon.json"  # not /etc/docker/daemon.json: nothing of the main daemon's
  # Inside: private propagation first, so neither the tmpfs nor the engine's own mounts reach
  # the host; then the main dockerd's mounts are dropped from this namespace's copy (they would
  # otherwise be held here until this engine stops), and /run/containerd is hidden so this
  # dockerd starts its own containerd instead of sharing a system one.
  daemonize "$STATE/dockerd.log" unshare --mount --net -- sh -c '
    set -e
    mount --make-rprivate /
    awk '\''$5 ~ "^(/var/lib/docker|/run/docker|/var/run/docker)/" { print $5 }'\'' /proc/self/mountinfo |
      sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
    [ ! -d /run/containerd ] || mount -t tmpfs -o mode=0711 harness-unseen /run/containerd
    mount -t tmpfs -o mode=0711 harness-unseen "$1"
    mount -t tmpfs -o mode=0700 harness-unseen "$2"
    ip link set lo up
    shift 2
    exec "$@"' unseen "$DATA" "$EXEC" \
    dockerd --data-root "$DATA" --exec-root "$EXEC" --pidfile "$PIDFILE" -H "$DOCKER_HOST" \
      --config-file "$STATE/daemon.json" --bridge none --iptables=false --ip6tables=false \
      --cgroup-parent "/$CGROUP"
  local pid=$DAEMON_PID
  if ! wait_daemon 60 "$pid" answers; then
    tail -20 "$STATE/dockerd.log" >&2
    stop_engine
    die "unseen: dockerd did not answer on $SOCK (log above)"
  fi
  readlink "/proc/$pid/ns/mnt" > "$STATE/mntns"
  ensure_fixture_image docker
  print_env
}

# Processes in this engine's mount namespace (dockerd, containerd, shims), then those in its
# containers' cgroups: only these, by pid.
engine_pids() {
  local ns
  ns=$(tr -dc 0-9 2>/dev/null < "$STATE/mntns") || true
  [ -z "$ns" ] || find /proc -mindepth 3 -maxdepth 3 -path '/proc/[0-9]*/ns/mnt' -lname "mnt:\[$ns\]" 2>/dev/null |
    cut -d/ -f3
  cat /sys/fs/cgroup/pids/"$CGROUP"/*/cgroup.procs 2>/dev/null || true
}

stop_engine() {
  if answers; then remove_all docker || log "unseen: could not remove every container and volume"; fi
  local pid
  pid=$(pid_from "$PIDFILE")
  ! alive "$pid" || stop_pids 20 "$pid"
  local left
  left=$(engine_pids | sort -u | tr '\n' ' ')
  [ -z "${left// /}" ] || { log "unseen: left processes $left"; stop_pids 5 $left; }
  # cgroups of its containers (removed with them, unless a container outlived dockerd)
  find /sys/fs/cgroup -mindepth 2 -maxdepth 3 -type d -path "*/$CGROUP*" 2>/dev/null | sort -r |
    while read -r d; do rmdir "$d" 2>/dev/null || true; done
  # The tmpfs mounts vanished with the namespace; only the empty mount points remain here.
  umount_under "$DATA"
  rm -rf "$STATE"
  rmdir "$DATA" 2>/dev/null || true
}

engine_main "$@"  # start, stop_engine and print_env above
