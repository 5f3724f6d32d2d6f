# Every scenario (seed and extended) on Docker and Podman in one run: every claim passes
# on both, the matrix shows the documented differences as expected differences, the
# JUnit file validates, and neither runtime keeps anything of the run.
source "$(dirname "$0")/lib.bash" "$@"

run_harness run --runtime docker,podman $(reports run)
expect_rc 0
expect_out "^harness run [0-9a-f]+: docker "
expect_out "^harness run [0-9a-f]+: podman "
! grep -Eq "^(FAIL|ERROR)" "$WORK/out" || fail "a claim did not pass"
for rt in docker podman; do
  [ "$(grep -c "^PASS  .*  $rt  " "$WORK/out")" -ge 24 ] || fail "fewer than 24 claims passed on $rt"
done
valid_junit "$WORK/run.xml"
[ "$(grep -c '<testsuite name="podman\.' "$WORK/run.xml")" -ge 10 ] || fail "no podman testsuites"
grep -q '<property name="runtime.version" value="4\.' "$WORK/run.xml" || fail "no podman version property"

cat "$WORK/run.md"
grep -q "^| claim | docker [0-9]" "$WORK/run.md" || fail "matrix header lacks the docker version"
grep -Fq "| VOL-1/literal | pass | pass, differs" "$WORK/run.md" || fail "VOL-1/literal not shown as a difference"
for claim in VOL-7 VOL-8 BND-4; do
  grep -Eq "^\| $claim \| pass, differs \[[0-9]+\] \| pass, differs" "$WORK/run.md" || fail "$claim not shown as a difference"
done
grep -q "rejects the tutorial's --name" "$WORK/run.md" || fail "the difference notes are missing"
no_leftovers docker
no_leftovers podman
echo "OK"
