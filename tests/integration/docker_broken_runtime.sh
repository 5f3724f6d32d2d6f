# A runtime that breaks claims: a wrapper `docker` first on PATH drops every volume and
# bind mount from `docker run`. The claims that need a mount must fail, saying what was
# expected and what was found; the others still pass; nothing is left behind.
source "$(dirname "$0")/lib.bash" "$@"

mount_dropping_docker "$WORK/bin"   # a broken runtime: `docker run` drops every mount

run_harness PATH="$WORK/bin:$PATH" run --tag seed $(reports run)
[ "$RC" -eq 1 ] || [ "$RC" -eq 2 ] || fail "exit code $RC, expected 1 or 2"
expect_out "\($WORK/bin/docker, "     # the wrapper is the CLI under test
expect_out "^FAIL  BND-1"
expect_out "^FAIL  VOL-2"
expect_out "^FAIL  SHR-1"
expect_out "^FAIL  BND-2"
expect_out "^FAIL  SHR-2"
expect_out 'expected: the command succeeds, printing "written on the host\\n"'
expect_out 'expected: content "hello world from Docker\\n"'
expect_out "found:    no such file"
for claim in EPH-1 EPH-2 EPH-3 VOL-1; do expect_out "^PASS  $claim"; done
! grep -q "^PASS  VOL-2" "$WORK/out" || fail "VOL-2 passed without its mount"
valid_junit "$WORK/run.xml"
grep -q '<failure type="claim-failed"' "$WORK/run.xml" || fail "no <failure> in the JUnit file"
no_leftovers docker
echo "OK"
