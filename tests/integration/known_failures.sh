# --known-failures (issue 13): a listed claim that fails is reported as known (console
# KNOWN, JUnit <skipped type="known-failure">, the matrix's _known_) and the run exits 0; a
# listed claim that passes is fixed (console FIXED, a JUnit <failure>) and the run exits 1.
# The failing runtime is the mount-dropping docker (tests/integration/mount-dropping-docker).
source "$(dirname "$0")/lib.bash" "$@"
mount_dropping_docker "$WORK/bin"
cat >"$WORK/list.xml" <<'XML'
<known-failures>
  <known target="dock*" claim="VOL-2" reason="the runtime drops mounts" link="https://example.org/bugs/1"/>
  <known target="docker" claim="EPH-1" reason="was broken once"/>
  <known target="podman" claim="*" reason="another target"/>
</known-failures>
XML
xmllint --noout --schema scenarios/known-failures.xsd "$WORK/list.xml"

run_harness PATH="$WORK/bin:$PATH" run --claim VOL-2 --known-failures "$WORK/list.xml" $(reports known)
expect_rc 0
expect_out "^KNOWN VOL-2  docker  "
expect_out "known failure \($WORK/list.xml:2\): the runtime drops mounts \(https://example.org/bugs/1\)"
expect_out "^claims: 0 passed, 0 failed, 0 errors, 1 known in "
valid_junit "$WORK/known.xml"
grep -q '<skipped type="known-failure" message="known failure' "$WORK/known.xml" || fail "no known-failure <skipped> in the JUnit file"
grep -q "^| VOL-2 | _known_ |" "$WORK/known.md" || fail "the matrix does not show VOL-2 as known"
grep -q 'class="claim known"' "$WORK/known.html" || fail "the HTML page does not show VOL-2 as known"
no_leftovers docker

run_harness run --claim EPH-1 --known-failures "$WORK/list.xml" $(reports fixed)
expect_rc 1
expect_out "^FIXED EPH-1  docker  "
expect_out "fixed: a known failure \($WORK/list.xml:3: was broken once\) passes now; remove it from the list"
valid_junit "$WORK/fixed.xml"
grep -q '<failure type="known-failure-fixed"' "$WORK/fixed.xml" || fail "no known-failure-fixed <failure> in the JUnit file"
grep -q "^| EPH-1 | \*\*FIXED\*\* |" "$WORK/fixed.md" || fail "the matrix does not show EPH-1 as fixed"
# merged, the verdicts stay what they were
run_harness merge "$WORK/known.xml" "$WORK/fixed.xml" $(reports merged)
expect_rc 1
grep -q "^| VOL-2 | _known_ |" "$WORK/merged.md" || fail "the merged matrix lost VOL-2's known"
grep -q "^| EPH-1 | \*\*FIXED\*\* |" "$WORK/merged.md" || fail "the merged matrix lost EPH-1's fixed"

# a bad list: one line, file:line, exit 65, nothing run
printf '<known-failures>\n<known target="docker" claim="VOL-2"/>\n</known-failures>\n' >"$WORK/bad.xml"
run_harness run --claim VOL-2 --known-failures "$WORK/bad.xml" $(reports bad)
expect_rc 65
[ "$(cat "$WORK/out")" = "$WORK/bad.xml:2: <known> needs the attribute 'reason'" ] || fail "unexpected message"
echo "OK"
