# Shared by the integration tests (sourced, not run: it has no .sh test of its own).
# Usage in a test: source "$(dirname "$0")/lib.bash" "$@"
set -euo pipefail
HARNESS=${1:?usage: TEST.sh HARNESS_BINARY SOURCE_DIR}
SOURCE=${2:?usage: TEST.sh HARNESS_BINARY SOURCE_DIR}
SCHEMA=$SOURCE/tests/data/junit-10.xsd
WORK=$(mktemp -d "${TMPDIR:-/tmp}/harness-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$SOURCE"

fail() { echo "FAILED: $*" >&2; exit 1; }

# Runs the harness, keeping its output in $WORK/out and its exit code in $RC.
# Leading NAME=VALUE arguments are set in its environment only.
run_harness() {
  local envs=()
  while [[ "${1:-}" == *=* && "${1%%=*}" =~ ^[A-Z_]+$ ]]; do envs+=("$1"); shift; done
  set +e
  env "${envs[@]}" "$HARNESS" "$@" >"$WORK/out" 2>&1
  RC=$?
  set -e
  cat "$WORK/out"
}

# The report options of a run, every report in $WORK (NAME.xml, NAME.md, NAME.html): a
# test never writes into the checkout's reports/, where a user's own reports are.
reports() { echo --junit "$WORK/$1.xml" --matrix "$WORK/$1.md" --html "$WORK/$1.html"; }

expect_rc() { [ "$RC" -eq "$1" ] || fail "exit code $RC, expected $1"; }
expect_out() { grep -qE -- "$1" "$WORK/out" || fail "output lacks /$1/"; }
valid_junit() { xmllint --noout --schema "$SCHEMA" "$1" || fail "$1 is not valid JUnit"; }

# No container, volume or host folder of the run named in $WORK/out is left.
no_leftovers() {
  local rt=${1:-docker} id
  id=$(sed -n 's/^harness run \([0-9a-f]*\):.*/\1/p' "$WORK/out" | head -1)
  [ -n "$id" ] || fail "no run id in the output"
  [ -z "$($rt ps -a -q --filter "label=harness.run=$id")" ] || fail "containers of run $id left"
  [ -z "$($rt ps -a -q --filter "name=harness-$id-")" ] || fail "containers of run $id left"
  [ -z "$($rt volume ls -q --filter "name=harness-$id-")" ] || fail "volumes of run $id left"
  ! ls -d /tmp/harness-"$id"-* 2>/dev/null || fail "host folders of run $id left"
  echo "no leftovers from run $id"
}

# Resources of runs that are not alive (no lock held on /tmp/harness-runs/<id>.lock): other
# harness runs going on at the same time (other tests) are not counted.
dead() {
  local name id
  while read -r name; do
    id=$(echo "$name" | sed -n 's|^\(/tmp/\)\{0,1\}harness-\([0-9a-f]\{8\}\)-.*|\2|p')
    [ -n "$id" ] || continue
    flock -n "/tmp/harness-runs/$id.lock" true 2>/dev/null || [ ! -e "/tmp/harness-runs/$id.lock" ] && echo "$name"
  done | wc -l
}
count() {   # containers volumes networks host-folders of dead runs
  echo "$(docker ps -a --format '{{.Names}}' | dead) $(docker volume ls -q | dead) $(docker network ls --format '{{.Name}}' | dead) $(ls -d /tmp/harness-* 2>/dev/null | dead)"
}

# Writes DIR/docker: a broken runtime whose `docker run` silently drops every --mount and
# --volume (tests/integration/mount-dropping-docker). Put DIR first on PATH.
mount_dropping_docker() { bash "$SOURCE/tests/integration/mount-dropping-docker" "$1"; }

# Writes $WORK/logging/docker and docker-compose, which log every call's argv (one line a
# call, shell-quoted) to $WORK/argv.log and then run the real ones, and sets LOGGED_PATH:
# a PATH with them first. Run the harness with PATH="$LOGGED_PATH" to see all it asks.
log_runtime_calls() {
  local tool real
  mkdir -p "$WORK/logging"
  for tool in docker docker-compose; do
    real=$(command -v "$tool") || continue
    cat >"$WORK/logging/$tool" <<WRAPPER
#!/bin/bash
printf '%q ' $tool "\$@" >>"$WORK/argv.log"; echo >>"$WORK/argv.log"
exec "$real" "\$@"
WRAPPER
    chmod +x "$WORK/logging/$tool"
  done
  LOGGED_PATH="$WORK/logging:$PATH"
}

# No call in $WORK/argv.log names one of the tutorials' own volumes or containers
# (my_volume, my_alpine, ...) other than inside a run's harness-<run>-<n>-<name>: a user
# who followed the tutorials has them, and a run must never touch them.
no_unprefixed_names() {
  [ -s "$WORK/argv.log" ] || fail "no runtime call was logged"
  local found
  found=$(sed -E 's/[Hh]arness-[0-9a-f]{8}-[0-9]+-[A-Za-z0-9_.-]*//g' "$WORK/argv.log" | grep -E '(^|[^A-Za-z0-9_])my_(volume|alpine[0-9]*)([^A-Za-z0-9_]|$)' || true)
  [ -z "$found" ] || fail "runtime calls name a user's own volume or container: $found"
  echo "$(wc -l <"$WORK/argv.log") runtime calls, none names a user's my_volume or my_alpine"
}

# The state of the user's volume $1 on Docker: "absent", or its name, CreatedAt, driver,
# labels, options and, read on the host, every file's path, type, mode, owner, size,
# mtime and link target, and every file's SHA-256. Reads only; asks the real docker.
volume_fingerprint() {
  local name=$1 mountpoint
  docker volume inspect "$name" >/dev/null 2>&1 || { echo absent; return; }
  docker volume inspect --format '{{.Name}} created {{.CreatedAt}}, driver {{.Driver}}, labels {{json .Labels}}, options {{json .Options}}, at {{.Mountpoint}}' "$name"
  mountpoint=$(docker volume inspect --format '{{.Mountpoint}}' "$name")
  (cd "$mountpoint" && find . -printf '%p %y %m %U:%G %s %T@ %l\n' | LC_ALL=C sort &&
    find . -type f -exec sha256sum {} + | LC_ALL=C sort)
}

# The user's my_volume is as it was before the test ($1: its fingerprint then).
my_volume_untouched() {
  local now
  now=$(volume_fingerprint my_volume)
  [ "$now" = "$1" ] || fail "the user's my_volume changed: before: $1; after: $now"
  [ "$1" = absent ] && echo "no my_volume before, none after" || echo "the user's my_volume is as it was: $(echo "$1" | head -1)"
}

# The claims of a JUnit file, one "target claim status" line each, sorted: what two runs
# must agree on claim for claim (times and transcripts aside).
claims_of() {
  python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
rows = []
for suite in ET.parse(sys.argv[1]).getroot().iter("testsuite"):
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    for case in suite.iter("testcase"):
        status = next((c.tag + ("/" + c.get("type") if c.get("type") else "") for c in case
                       if c.tag in ("failure", "error", "skipped")), "pass")
        rows.append(f'{props.get("runtime")} {case.get("name").split(" ")[0]} {status}')
print("\n".join(sorted(rows)))
PY
}
