#!/usr/bin/env bash
# What one read of a file in a volume costs through the runtime, in wall-clock seconds
# (bash `time`, the median of 5 runs): a helper created, `cp` and removed; a `cp` through a
# helper already there; a one-shot `run --rm` probe; Podman's `volume export`; and the
# other calls RuntimeObserver makes. On a shared machine, compare numbers of one run only.
#   bench/observer-costs.sh RUNTIME [IMAGE]        e.g. docker, podman
set -uo pipefail
rt=${1:?usage: observer-costs.sh RUNTIME [IMAGE]}
img=${2:-harness-busybox:1}
p=harness-cost$$
v=$p-vol
TIMEFORMAT=%R
cleanup() { "$rt" rm --force "$p-h" "$p-h2" "$p-p" >/dev/null 2>&1; "$rt" volume rm --force "$v" >/dev/null 2>&1; }
trap cleanup EXIT
median() {
  local label=$1 ts=() t
  shift
  for _ in 1 2 3 4 5; do
    t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
    ts+=("$t")
  done
  printf '%-32s %s s  (%s)\n' "$label" "$(printf '%s\n' "${ts[@]}" | sort -n | sed -n 3p)" "${ts[*]}"
}
create() { "$rt" create --name "$1" --network none --label "harness.run=$p" --volume "$v:/v:ro,nocopy" "$img" true; }
read_once() { create "$p-h2" && "$rt" cp "$p-h2:/v/f" - && "$rt" rm --force --volumes "$p-h2"; }
probe() {
  "$rt" run --rm --name "$p-p" --network none --label "harness.run=$p" --volume "$v:/v:ro" "$img" \
    sh -c 'test -e "$1" || test -L "$1" || exit 3; cat -- "$1"' probe /v/f
}
helper_cycle() { create "$p-h2" >/dev/null && "$rt" rm --force --volumes "$p-h2"; }

"$rt" volume create "$v" >/dev/null
"$rt" run --rm --network none --volume "$v:/v" "$img" sh -c 'echo hi > /v/f; chown 1234 /v/f'
create "$p-h" >/dev/null
echo "$rt $("$rt" version --format '{{.Server.Version}}' 2>/dev/null || "$rt" version --format '{{.Client.Version}}'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
median "create + cp + rm --force" read_once
median "run --rm probe" probe
median "cp (helper reused)" "$rt" cp "$p-h:/v/f" -
median "cp of a missing file" "$rt" cp "$p-h:/v/nope" -
median "cp of the volume root" "$rt" cp "$p-h:/v" -
median "create + rm --force (no read)" helper_cycle
median "volume inspect" "$rt" volume inspect --format '{{.Name}}' "$v"
median "container diff" "$rt" container diff "$p-h"
if [ "$rt" != docker ]; then
  median "volume export" "$rt" volume export "$v"
  median "export (a container)" "$rt" export "$p-h"
fi
