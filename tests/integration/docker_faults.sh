# Faults an unattended run must survive, against the real Docker: SIGINT mid-run, SIGKILL
# then `harness clean`, a command that never exits, two runs at once, and the daemon
# stopped mid-run. Each ends with the right exit code, a valid JUnit file and, after
# `clean` where the harness was killed, no leftovers; a user's my_volume is untouched.
source "$(dirname "$0")/lib.bash" "$@"

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
count() {
  echo "$(docker ps -a --format '{{.Names}}' | dead) $(docker volume ls -q | dead) $(docker network ls --format '{{.Name}}' | dead) $(ls -d /tmp/harness-* 2>/dev/null | dead)"
}
reports() { echo --junit "$WORK/$1.xml" --matrix "$WORK/$1.md" --html "$WORK/$1.html"; }

own=""
docker volume inspect my_volume >/dev/null 2>&1 || { docker volume create my_volume >/dev/null; own=yes; }
trap 'rm -rf "$WORK"; [ -z "$own" ] || docker volume rm my_volume >/dev/null' EXIT
docker run --rm --network none -v my_volume:/d harness-busybox:1 sh -c "echo mine > /d/faults-$$.txt" 2>/dev/null ||
  { "$HARNESS" run --claim EPH-1 $(reports warm) >/dev/null; docker run --rm --network none -v my_volume:/d harness-busybox:1 sh -c "echo mine > /d/faults-$$.txt"; }

echo "== SIGINT mid-run: cleans up, reports, exits 130"
"$HARNESS" run $(reports int) >"$WORK/int.log" 2>&1 & pid=$!
sleep 4; kill -INT $pid; set +e; wait $pid; RC=$?; set -e
cat "$WORK/int.log" | tail -4
expect_rc 130
valid_junit "$WORK/int.xml"
grep -q "interrupted" "$WORK/int.xml" || fail "the JUnit file does not say the run was interrupted"
[ "$(count)" = "0 0 0 0" ] || fail "left after SIGINT: $(count)"

echo "== SIGKILL mid-run: leftovers, then harness clean removes them"
"$HARNESS" run $(reports kill) >"$WORK/kill.log" 2>&1 & pid=$!
sleep 5; kill -KILL $pid; set +e; wait $pid; set -e
echo "after SIGKILL: $(count) (containers volumes networks host-folders)"
run_harness clean
expect_rc 0
expect_out "^docker: removed [0-9]+ container"
[ "$(count)" = "0 0 0 0" ] || fail "left after clean: $(count)"

echo "== a command that never exits: killed at its timeout, the run goes on"
run_harness run "$SOURCE/tests/data/hangs.xml" scenarios/volumes.xml $(reports hang)
expect_rc 2
expect_out "^ERROR HANG-1"
expect_out "timed out after 2\.[0-9] s \(the step may take 2\.0 s\) and was killed with its children"
expect_out "^PASS  SHR-1"
valid_junit "$WORK/hang.xml"
no_leftovers docker

echo "== two runs at once do not clean each other"
"$HARNESS" run --tag seed $(reports a) >"$WORK/a.log" 2>&1 & a=$!
sleep 1
"$HARNESS" run --tag seed $(reports b) >"$WORK/b.log" 2>&1 & b=$!
set +e; wait $a; ra=$?; wait $b; rb=$?; set -e
tail -1 "$WORK/a.log"; tail -1 "$WORK/b.log"
[ $ra = 0 ] && [ $rb = 0 ] || { cat "$WORK/a.log" "$WORK/b.log"; fail "parallel runs: exit codes $ra and $rb"; }
! grep -q "removed what dead run" "$WORK/a.log" "$WORK/b.log" || fail "a run took the other for dead"
[ "$(count)" = "0 0 0 0" ] || fail "left after two runs: $(count)"

echo "== the daemon stops mid-run: errors, exit 2, a valid report; clean afterwards"
"$HARNESS" run --step-timeout 20 $(reports down) >"$WORK/down.log" 2>&1 & pid=$!
sleep 4
pkill -x dockerd; for _ in $(seq 1 40); do pgrep -x dockerd >/dev/null || break; sleep 0.5; done
set +e; wait $pid; RC=$?; set -e
tail -3 "$WORK/down.log"
bash "$SOURCE/.ci/setup" >/dev/null   # starts dockerd again
expect_rc 2
valid_junit "$WORK/down.xml"
grep -q "Cannot connect to the Docker daemon\|cannot talk to the docker engine" "$WORK/down.xml" || fail "the report does not say the daemon was down"
run_harness clean
[ "$(count)" = "0 0 0 0" ] || fail "left after the daemon came back and clean: $(count)"

docker run --rm --network none -v my_volume:/d harness-busybox:1 cat "/d/faults-$$.txt" | grep -qx mine || fail "my_volume lost its data"
docker run --rm --network none -v my_volume:/d harness-busybox:1 rm -f "/d/faults-$$.txt"
echo "OK"
