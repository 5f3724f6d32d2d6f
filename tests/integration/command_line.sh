# The command line as the README gives it: every subcommand that reads scenarios takes
# them as PATH... after its own arguments; a path that is not there, a time limit out of
# range and a JUnit file with no suite are refused in one short line. Needs Docker only
# for `explain` (it asks the runtime's version and for the image).
source "$(dirname "$0")/lib.bash" "$@"

echo "== PATH... is positional for run, list, validate and explain"
run_harness validate scenarios/volumes.xml scenarios/ephemeral.xml
expect_rc 0
expect_out "^2 scenario file\(s\), 9 claim\(s\): valid$"
run_harness list --claim VOL-2 scenarios/volumes.xml
expect_rc 0
expect_out "^  VOL-2  "
run_harness explain VOL-2 scenarios/volumes.xml
expect_rc 0
expect_out "^scenarios/volumes.xml: "
run_harness explain VOL-2 scenarios/ephemeral.xml
expect_rc 64
expect_out "^harness: no scenario in scenarios/ephemeral.xml matches --claim 'VOL-2'$"
run_harness explain VOL-2 --paths scenarios/volumes.xml   # the old option is gone
expect_rc 64

echo "== a path that is not there: bad usage (64), before anything runs"
for sub in run list validate "explain VOL-2"; do
  run_harness $sub "$WORK/missing.xml"
  expect_rc 64
  [ "$(cat "$WORK/out")" = "harness: $WORK/missing.xml: no such file or folder" ] || fail "$sub: unexpected message"
done

echo "== time limits: above 0, at most a day, said in words"
for option in "run --step-timeout 0" "run --step-timeout nan" "run --scenario-timeout 86401" "run --scenario-timeout -1" \
              "compare a.xml b.xml --time-threshold -1" "compare a.xml b.xml --time-threshold 1e999"; do
  run_harness $option
  expect_rc 64
  expect_out "^--[a-z-]+: must be a number of seconds (above|from) 0 to 86400 \(a day\), not '"
  [ "$(wc -c <"$WORK/out")" -lt 200 ] || fail "$option: a message of $(wc -c <"$WORK/out") bytes"
done

echo "== --tag takes a list"
run_harness list --tag seed,extended,literal
expect_rc 0
[ "$(grep -c '^scenarios/' "$WORK/out")" = "$(ls scenarios/*.xml | wc -l)" ] || fail "--tag seed,extended,literal does not list every scenario"

echo "== compare: a JUnit file with no suite is not one of this harness (65)"
echo '<testsuites/>' >"$WORK/empty.xml"
run_harness compare "$WORK/empty.xml" "$WORK/empty.xml"
expect_rc 65
[ "$(cat "$WORK/out")" = "$WORK/empty.xml:1: not a JUnit file of this harness: <testsuites> holds no <testsuite>" ] ||
  fail "unexpected message for <testsuites/>"
echo "OK"
