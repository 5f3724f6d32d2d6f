# Faults an unattended run must survive, against the real Docker: SIGINT mid-run, SIGINT
# twice, SIGKILL then `harness clean`, a command that never exits, two runs at once (the
# daemon stopped mid-run is docker_daemon_stops.sh). Each ends with the right exit code, a
# valid JUnit file and, after `clean` where the harness was killed, no leftovers; a user's
# my_volume is untouched (no runtime call of the harness names it; if there is one, it is
# as it was). The test writes to and removes nothing it did not make.
source "$(dirname "$0")/lib.bash" "$@"

before=$(volume_fingerprint my_volume)   # a user's own my_volume, if there is one: only read
log_runtime_calls   # every harness below runs with PATH="$LOGGED_PATH"

echo "== SIGINT mid-run: cleans up, reports, exits 130"
PATH="$LOGGED_PATH" "$HARNESS" run $(reports int) >"$WORK/int.log" 2>&1 & pid=$!
sleep 4; kill -INT $pid; set +e; wait $pid; RC=$?; set -e
cat "$WORK/int.log" | tail -4
expect_rc 130
valid_junit "$WORK/int.xml"
grep -q "interrupted" "$WORK/int.xml" || fail "the JUnit file does not say the run was interrupted"
[ "$(count)" = "0 0 0 0" ] || fail "left after SIGINT: $(count)"
! grep -A1 '^ERROR' "$WORK/int.log" | grep -q 'expected difference' || fail "a claim that was not checked shows an expected difference"

echo "== SIGINT twice: quits at once, saying to run harness clean, which removes what is left"
PATH="$LOGGED_PATH" "$HARNESS" run $(reports int2) >"$WORK/int2.log" 2>&1 & pid=$!
sleep 4; kill -INT $pid; sleep 0.1; kill -INT $pid; set +e; wait $pid; RC=$?; set -e
tail -3 "$WORK/int2.log"
expect_rc 130
grep -q '^harness: interrupted again: quitting now, without cleaning up: run `harness clean` to remove what this run made$' \
  "$WORK/int2.log" || fail "a second SIGINT does not say to run harness clean"
run_harness PATH="$LOGGED_PATH" clean
expect_rc 0
[ "$(count)" = "0 0 0 0" ] || fail "left after a second SIGINT and clean: $(count)"

echo "== SIGKILL mid-run: leftovers, then harness clean removes them"
PATH="$LOGGED_PATH" "$HARNESS" run $(reports kill) >"$WORK/kill.log" 2>&1 & pid=$!
sleep 5; kill -KILL $pid; set +e; wait $pid; set -e
echo "after SIGKILL: $(count) (containers volumes networks host-folders)"
run_harness PATH="$LOGGED_PATH" clean
expect_rc 0
expect_out "^docker: removed [0-9]+ container"
[ "$(count)" = "0 0 0 0" ] || fail "left after clean: $(count)"

echo "== a command that never exits: killed at its timeout, the run goes on"
run_harness PATH="$LOGGED_PATH" run "$SOURCE/tests/data/hangs.xml" scenarios/volumes.xml $(reports hang)
expect_rc 2
expect_out "^ERROR HANG-1"
expect_out "timed out after 2\.[0-9] s \(the step may take 2\.0 s\) and was killed with its children"
expect_out "^PASS  SHR-1"
valid_junit "$WORK/hang.xml"
no_leftovers docker

echo "== two runs at once do not clean each other"
PATH="$LOGGED_PATH" "$HARNESS" run --tag seed $(reports a) >"$WORK/a.log" 2>&1 & a=$!
sleep 1
PATH="$LOGGED_PATH" "$HARNESS" run --tag seed $(reports b) >"$WORK/b.log" 2>&1 & b=$!
set +e; wait $a; ra=$?; wait $b; rb=$?; set -e
tail -1 "$WORK/a.log"; tail -1 "$WORK/b.log"
[ $ra = 0 ] && [ $rb = 0 ] || { cat "$WORK/a.log" "$WORK/b.log"; fail "parallel runs: exit codes $ra and $rb"; }
! grep -q "removed what dead run" "$WORK/a.log" "$WORK/b.log" || fail "a run took the other for dead"
[ "$(count)" = "0 0 0 0" ] || fail "left after two runs: $(count)"

no_unprefixed_names
my_volume_untouched "$before"
echo "OK"
