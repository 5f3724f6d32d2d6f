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

# Writes DIR/docker: a broken runtime whose `docker run` silently drops every --mount and
# --volume, and passes everything else to the real docker. Put DIR first on PATH.
mount_dropping_docker() {
  local dir=$1 real
  real=$(command -v docker)
  mkdir -p "$dir"
  cat > "$dir/docker" <<WRAPPER
#!/bin/bash
if [ "\$1" = run ]; then
  args=(); skip=0
  for a in "\$@"; do
    if [ \$skip = 1 ]; then skip=0; continue; fi
    case "\$a" in --mount|--volume) skip=1; continue;; esac
    args+=("\$a")
  done
  exec "$real" "\${args[@]}"
fi
exec "$real" "\$@"
WRAPPER
  chmod +x "$dir/docker"
}
