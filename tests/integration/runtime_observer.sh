#!/usr/bin/env bash
# RuntimeObserver against the real runtimes (the disabled unit test runtime_observer_real):
# a file and its owner read through a helper container (Docker) or `volume export`
# (Podman), absences, a symlink never followed, no volume made by looking, helpers gone
# after forget() so that `volume rm` works, a layer gone with its container; nothing left.
source "$(dirname "$0")/lib.bash" "$@"
TESTS=$(dirname "$HARNESS")/unit_tests
[ -x "$TESTS" ] || fail "no unit_tests next to $HARNESS"
ran=0
for rt in docker podman; do
  if ! command -v "$rt" >/dev/null || ! "$rt" version >/dev/null 2>&1; then echo "== $rt: not here, skipped"; continue; fi
  "$rt" image inspect harness-busybox:1 >/dev/null 2>&1 || fixtures/image/build-image.sh "$rt" harness-busybox:1
  echo "== $rt"
  HARNESS_OBSERVER_RUNTIME=$rt "$TESTS" --run_test=runtime_observer_real --log_level=message || fail "reading through $rt"
  [ -z "$("$rt" ps -a -q --filter name=harness-obs)" ] || fail "$rt containers left"
  [ -z "$("$rt" volume ls -q --filter name=harness-obs)" ] || fail "$rt volumes left"
  ran=$((ran + 1))
done
[ $ran -gt 0 ] || fail "neither docker nor podman answers"
echo "read through $ran runtime(s), nothing left behind"
