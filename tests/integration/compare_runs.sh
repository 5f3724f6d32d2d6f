# `harness compare` on two real runs: the seed claims on the real Docker, then again with a
# wrapper `docker` first on PATH whose `volume ls` lists nothing. The comparison must name
# VOL-1 (the claim that reads `volume ls`), and only it, as started failing, and exit 1.
source "$(dirname "$0")/lib.bash" "$@"

real=$(command -v docker)
mkdir "$WORK/bin"
cat > "$WORK/bin/docker" <<WRAPPER
#!/bin/bash
# \`volume ls\` lists nothing; the harness's sweep for leftovers (with --filter) still works
if [ "\$1 \$2" = "volume ls" ] && [[ " \$* " != *" --filter "* ]]; then exit 0; fi
exec "$real" "\$@"
WRAPPER
chmod +x "$WORK/bin/docker"

run_harness run --tag seed --junit "$WORK/A.xml" --matrix "$WORK/A.md" --html "$WORK/A.html"
expect_rc 0
run_harness PATH="$WORK/bin:$PATH" run --tag seed --junit "$WORK/B.xml" --matrix "$WORK/B.md" --html "$WORK/B.html"
expect_rc 1
expect_out "\($WORK/bin/docker, "
expect_out "^FAIL  VOL-1  docker"

# what started failing, as "runtime claim" lines
started_failing() { sed -n 's/^started failing  *\([^ ]*\)  *\([^ ]*\) .*/\1 \2/p' "$WORK/out"; }

run_harness compare "$WORK/A.xml" "$WORK/B.xml"
expect_rc 1
[ "$(started_failing)" = "docker VOL-1" ] || fail "started failing: '$(started_failing)', expected only docker VOL-1"
expect_out "^started failing  docker  VOL-1 +pass -> FAIL: expected listed by volume ls, found not listed by volume ls$"
expect_out "^summary: 1 started failing, 0 started passing, 0 new, 0 disappeared, "

run_harness compare "$WORK/B.xml" "$WORK/A.xml"
expect_rc 0
expect_out "^started passing  docker  VOL-1 +FAIL -> pass$"
[ -z "$(started_failing)" ] || fail "something started failing from B to A"

run_harness compare "$WORK/A.xml" "$WORK/A.xml"
expect_rc 0
[ "$(grep -vcE '^(old|new): ' "$WORK/out")" = 1 ] || fail "comparing a run with itself lists changes"
expect_out "^summary: 0 started failing, 0 started passing, 0 new, 0 disappeared, 0 slower, 0 faster; [0-9]+ still passing, 0 still failing$"

run_harness compare "$WORK/A.xml" scenarios/volumes.xml
expect_rc 65
line=$(grep -n "^<scenario " scenarios/volumes.xml | cut -d: -f1)   # where the root element starts
[ "$(cat "$WORK/out")" = "scenarios/volumes.xml:$line: not a JUnit file of this harness: the root element is <scenario>, not <testsuites>" ] ||
  fail "unexpected message for a scenario file"
echo "OK"
