# The Docker daemon stops mid-run: the claims not checked are errors, the harness exits 2
# with a valid report, and once the daemon is back `harness clean` leaves nothing. This
# test stops the daemon of /var/run/docker.sock (found by its pid file, no other dockerd)
# and starts it again with .ci/setup: do not run it while anything else uses that daemon.
# A user's my_volume is untouched, as in docker_faults.sh.
source "$(dirname "$0")/lib.bash" "$@"
[ -s /var/run/docker.pid ] || fail "no /var/run/docker.pid: this test stops only a dockerd started with its default pid file"

before=$(volume_fingerprint my_volume)   # a user's own my_volume, if there is one: only read
log_runtime_calls

echo "== the daemon stops mid-run: errors, exit 2, a valid report; clean afterwards"
PATH="$LOGGED_PATH" "$HARNESS" run --step-timeout 20 $(reports down) >"$WORK/down.log" 2>&1 & pid=$!
sleep 4
daemon=$(cat /var/run/docker.pid)   # the daemon of /var/run/docker.sock only, not any other dockerd
kill "$daemon"; for _ in $(seq 1 40); do kill -0 "$daemon" 2>/dev/null || break; sleep 0.5; done
set +e; wait $pid; RC=$?; set -e
tail -3 "$WORK/down.log"
bash "$SOURCE/.ci/setup" >/dev/null   # starts dockerd again
expect_rc 2
valid_junit "$WORK/down.xml"
grep -q "Cannot connect to the Docker daemon\|cannot talk to the docker engine" "$WORK/down.xml" || fail "the report does not say the daemon was down"
run_harness PATH="$LOGGED_PATH" clean
[ "$(count)" = "0 0 0 0" ] || fail "left after the daemon came back and clean: $(count)"

no_unprefixed_names
my_volume_untouched "$before"
echo "OK"
