# The engines of tests/engines/ (issue 18) start, run a container with the fixture image,
# are what they stand for, and stop without leaving a daemon, a socket, a runtime folder,
# a container or a volume behind; the main dockerd and its docker0 survive them.
# Needs root, .ci/setup and .ci/setup-engines.
source "$(dirname "$0")/lib.bash" "$@"
ENGINES=$SOURCE/tests/engines
started=()
trap '[ ${#started[@]} -eq 0 ] || "$ENGINES/stop" "${started[@]}"; rm -rf "$WORK"' EXIT

for user in harness-rootless harness-nostart harness-rootless-docker; do
  id -u "$user" >/dev/null 2>&1 || fail "user $user is missing: run .ci/setup-engines"
done

# The main dockerd's fixture image, which the engines copy (else each builds its own, ~10 s).
docker image inspect harness-busybox:1 >/dev/null 2>&1 ||
  bash fixtures/image/build-image.sh docker harness-busybox:1 >/dev/null

# timed NAME CMD...: runs CMD, then prints how long it took.
timed() {
  local name=$1 t0=${EPOCHREALTIME/./} ms
  shift
  "$@"
  ms=$(((${EPOCHREALTIME/./} - t0) / 1000))
  printf '%-22s %3d.%01d s\n' "$name" $((ms / 1000)) $((ms % 1000 / 100))
}

# start_engine NAME: starts it; its NAME=VALUE lines in $WORK/NAME.env and in ENGINE_ENV.
start_engine() {
  started+=("$1")
  timed "start $1" "$ENGINES/start" "$1" > "$WORK/$1.env"
  ENGINE_ENV=()
  while read -r line; do
    case "$line" in [A-Z_]*=*) ENGINE_ENV+=("$line") ;; start*) echo "$line" ;; esac
  done < "$WORK/$1.env"
}
on() { env "${ENGINE_ENV[@]}" "$@"; }

# stop_engine NAME PATH...: stops it; then no PATH (its folders, sockets, a container's or
# volume's storage) may exist, nor a process using its folders, nor a process of the user
# named in $engine_user.
stop_engine() {
  local name=$1 path
  shift
  timed "stop $name" "$ENGINES/stop" "$name" || fail "stop $name failed"
  local left=() e
  for e in "${started[@]}"; do [ "$e" = "$name" ] || left+=("$e"); done
  started=(${left[@]+"${left[@]}"})
  for path in "$@"; do [ ! -e "$path" ] || fail "$name left $path"; done
  [ -z "$(pgrep -f "/(run|var/lib)/harness-$name/")" ] ||
    fail "$name left processes: $(pgrep -af "/(run|var/lib)/harness-$name/")"
  [ -z "${engine_user:-}" ] || [ -z "$(pgrep -u "$engine_user" -r R,S,D,T)" ] ||
    fail "$name left processes of $engine_user: $(pgrep -a -u "$engine_user")"
}

# --- unseen: a dockerd whose files this host cannot see --------------------------------
start_engine unseen
on docker run --rm --network none harness-busybox:1 echo hi | grep -qx hi || fail "unseen: no container"
on docker volume create smoke >/dev/null
mountpoint=$(on docker volume inspect -f '{{.Mountpoint}}' smoke)
[ -n "$mountpoint" ] && [ ! -e "$mountpoint" ] || fail "unseen: its volume's Mountpoint $mountpoint is visible here"
on docker run -d --network none -v smoke:/d harness-busybox:1 >/dev/null
engine_user='' stop_engine unseen /run/harness-unseen /var/lib/harness-unseen
! grep -q harness-unseen /proc/self/mountinfo || fail "unseen left mounts"
echo "unseen: ok (volume Mountpoint $mountpoint not on this host)"

# --- podman-remote: rootful podman system service on its own socket ---------------------
start_engine podman-remote
url=$(sed -n 's/^CONTAINER_HOST=//p' "$WORK/podman-remote.env")
podman --remote --url "$url" run --rm --network none harness-busybox:1 echo hi | grep -qx hi ||
  fail "podman-remote: no container"
on podman run -d --network none -v smoke:/d --name smoke harness-busybox:1 >/dev/null
on podman exec smoke true  # through the API, an exec leaves conmon processes behind: stop kills them
engine_user='' stop_engine podman-remote /run/harness-podman-remote /var/lib/harness-podman-remote
echo "podman-remote: ok"

# --- rootless-podman: through its socket, and as the user --------------------------------
engine_user=harness-rootless
start_engine rootless-podman
[ "$("$ENGINES/as-rootless" podman info --format '{{.Host.Security.Rootless}} {{.Store.GraphDriverName}}' 2>/dev/null)" = "true vfs" ] ||
  fail "rootless-podman: not rootless on vfs"
on podman run --rm --network none harness-busybox:1 echo hi | grep -qx hi || fail "rootless-podman: no container"
id=$(on podman run -d --network none -v smoke:/d harness-busybox:1)
store=$(on podman info --format '{{.Store.GraphRoot}}')
stop_engine rootless-podman /run/harness-rootless-podman "/run/user/$(id -u $engine_user)" \
  "$store/volumes/smoke" "$store/vfs-containers/$id"
echo "rootless-podman: ok"

# --- nostart: info answers, every start fails ------------------------------------------
engine_user=harness-nostart
start_engine nostart
as_nostart() { "$ENGINES/as-user" harness-nostart "$@"; }
as_nostart podman info --format '{{.Host.Security.Rootless}}' 2>/dev/null | grep -qx true || fail "nostart: info does not answer"
set +e
as_nostart podman run --rm --network none harness-busybox:1 echo hi > "$WORK/nostart.out" 2>&1
rc=$?
set -e
[ $rc -ne 0 ] && grep -q "error setting rlimit type 7" "$WORK/nostart.out" || fail "nostart: a container started (exit $rc)"
as_nostart podman volume create smoke >/dev/null
store=$(as_nostart podman info --format '{{.Store.GraphRoot}}')
stop_engine nostart "/run/user/$(id -u $engine_user)" "$store/volumes/smoke"
echo "nostart: ok (info answers; run: $(grep -o 'error setting rlimit type 7' "$WORK/nostart.out"))"

# --- rootless-docker: dockerd-rootless.sh ----------------------------------------------
engine_user=harness-rootless-docker
start_engine rootless-docker
on docker info -f '{{.SecurityOptions}}' | grep -q rootless || fail "rootless-docker: not rootless"
on docker run --rm --network none harness-busybox:1 echo hi | grep -qx hi || fail "rootless-docker: no container"
id=$(on docker run -d --network none -v smoke:/d harness-busybox:1)
store=$(on docker info -f '{{.DockerRootDir}}')
stop_engine rootless-docker /run/harness-rootless-docker "/run/user/$(id -u $engine_user)" \
  "$store/volumes/smoke" "$store/containers/$id"
echo "rootless-docker: ok"

# --- the main dockerd is untouched ------------------------------------------------------
ip link show docker0 >/dev/null || fail "the main dockerd's docker0 is gone"
docker run --rm harness-busybox:1 true || fail "the main dockerd cannot run a container on its bridge"
echo "OK"
