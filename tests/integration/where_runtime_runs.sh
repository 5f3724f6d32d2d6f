# Correct verdicts wherever the runtime runs (tests/engines/): the whole suite on engines
# whose files the harness cannot see (a dockerd in its own mount namespace, the stand-in
# for a remote engine, Docker-in-Docker or Docker Desktop), on rootless Podman (the harness
# run as that user, vfs storage), and on a Podman service reached over its socket, reports
# no FAIL and no ERROR; a mount-dropping docker is still caught through the unseen engine;
# a Podman that answers but cannot start a container is one line and exit 2. Nothing is
# left on any engine. Rootless Docker (dockerd-rootless.sh) is checked the same way.
source "$(dirname "$0")/lib.bash" "$@"
engines="$SOURCE/tests/engines"
trap 'rm -rf "$WORK"; "$engines/stop" unseen podman-remote rootless-podman rootless-docker nostart >/dev/null 2>&1 || true' EXIT

# Runs the whole suite with `env SETTINGS... harness run ARGS...` and checks no claim failed.
whole_suite() {
  local label=$1; shift
  local started=$SECONDS
  run_harness "$@" >/dev/null
  grep -E '^(FAIL|ERROR) ' "$WORK/out" && fail "$label: a claim did not pass"
  expect_rc 0
  local seed
  seed=$(grep -cE '^PASS  (EPH-[123]|VOL-[1-4]|VOL-1/literal|SHR-[12]|BND-[123]|CMP-[1-4]) ' "$WORK/out" || true)
  echo "$label: $(tail -n 4 "$WORK/out" | grep '^claims:') [$((SECONDS - started)) s], $seed seed claims passed"
  head -n 1 "$WORK/out"
}

# (a) an engine whose files the harness cannot see
unseen=$("$engines/start" unseen)
whole_suite unseen $unseen run --junit "$WORK/unseen.xml"
expect_out "files seen through the runtime"
expect_out "DOCKER_HOST=unix://"
valid_junit "$WORK/unseen.xml"
# a broken runtime the suite catches locally is still caught through it
mount_dropping_docker "$WORK/broken"
run_harness PATH="$WORK/broken:$PATH" $unseen run --claim 'VOL-2,BND-2' --junit "$WORK/broken.xml" >/dev/null
expect_rc 1
expect_out "^FAIL  VOL-2  docker"
expect_out "^FAIL  BND-2  docker"
env $unseen docker ps -aq | grep -q . && fail "containers left on the unseen engine"
env $unseen docker volume ls -q | grep -q . && fail "volumes left on the unseen engine"
"$engines/stop" unseen >/dev/null

# (c) a Podman service reached over its socket (podman --remote)
remote=$("$engines/start" podman-remote)
whole_suite podman-remote $remote run --runtime podman --junit "$WORK/remote.xml"
env $remote podman ps -aq | grep -q . && fail "containers left on podman-remote"
env $remote podman volume ls -q | grep -q . && fail "volumes left on podman-remote"
"$engines/stop" podman-remote >/dev/null

# (b) rootless Podman, the harness run as its user (vfs storage, uid mapping). The user
# gets its own copy of the binary, the scenarios and the fixtures: the checkout may be in
# a folder only root can enter.
"$engines/start" rootless-podman >/dev/null
mine="$WORK/as-user"
mkdir -p "$mine/reports"
cp "$HARNESS" "$mine/harness"
cp -r "$SOURCE/scenarios" "$SOURCE/fixtures" "$mine/"
chmod -R o+rX "$WORK" && chmod o+rwx "$mine/reports"
cd "$mine"
printf '#!/bin/bash\nexec "%s" harness-rootless HARNESS_FIXTURES="%s" "%s" "$@"\n' "$engines/as-user" "$mine/fixtures" "$mine/harness" \
  >"$mine/as-rootless-harness"
chmod +x "$mine/as-rootless-harness"
HARNESS="$mine/as-rootless-harness"
whole_suite rootless-podman run --runtime podman scenarios
expect_out "rootless"
"$engines/as-rootless" podman ps -aq | grep -q . && fail "containers left on rootless podman"
"$engines/as-rootless" podman volume ls -q | grep -q . && fail "volumes left on rootless podman"
"$engines/stop" rootless-podman >/dev/null

# (e) rootless Docker (dockerd-rootless.sh), the harness run as its user
rootless_docker=$("$engines/start" rootless-docker)
printf '#!/bin/bash\nexec "%s" harness-rootless-docker %s HARNESS_FIXTURES="%s" "%s" "$@"\n' "$engines/as-user" "$rootless_docker" \
  "$mine/fixtures" "$mine/harness" >"$mine/as-rootless-docker-harness"
chmod +x "$mine/as-rootless-docker-harness"
HARNESS="$mine/as-rootless-docker-harness"
whole_suite rootless-docker run scenarios
expect_out "docker [^ ]* · rootless"
"$engines/as-user" harness-rootless-docker $rootless_docker docker ps -aq | grep -q . && fail "containers left on rootless docker"
"$engines/stop" rootless-docker >/dev/null

# (d) a Podman that answers but cannot start any container
"$engines/start" nostart >/dev/null
set +e
"$engines/as-user" harness-nostart HARNESS_FIXTURES="$mine/fixtures" "$mine/harness" run --runtime podman --tag seed scenarios \
  >"$WORK/out" 2>&1
RC=$?
set -e
expect_rc 2
[ "$(grep -c 'cannot start a container here' "$WORK/out")" = 1 ] || fail "not one line saying the runtime cannot start"
expect_out "rlimit"
grep -q '^FAIL ' "$WORK/out" && fail "a FAIL where nothing could be checked"
"$engines/stop" nostart >/dev/null
echo "OK"
