# The runtime is missing or its daemon does not answer: one clear line, exit 2, and a
# JUnit file that says so. Bad usage exits 64; no selected claim exits 64.
source "$(dirname "$0")/lib.bash" "$@"

run_harness DOCKER_HOST=unix:///nonexistent/docker.sock run $(reports down)
expect_rc 2
expect_out "^harness: cannot talk to the docker engine"
valid_junit "$WORK/down.xml"
grep -q '<error' "$WORK/down.xml" || fail "no <error> in the JUnit file"

mkdir "$WORK/empty"
run_harness PATH="$WORK/empty" run $(reports missing)
expect_rc 2
expect_out "^harness: docker is not on PATH"
valid_junit "$WORK/missing.xml"

run_harness run --no-such-option
expect_rc 64
run_harness run --runtime rkt
expect_rc 64
expect_out "unknown runtime 'rkt'"
run_harness run --claim 'NOPE-*'
expect_rc 64
expect_out "no scenario .* matches --claim 'NOPE-\*'"
echo "OK"
