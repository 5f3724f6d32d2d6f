# Every scenario validates against scenarios/scenario.xsd, and an invalid scenario is
# rejected by the schema and by `harness validate` alike (exit 65, `file:line: message`).
# Needs xmllint, not Docker.
source "$(dirname "$0")/lib.bash" "$@"
command -v xmllint >/dev/null || fail "xmllint is not installed (Debian: libxml2-utils)"

xmllint --noout --schema scenarios/scenario.xsd scenarios/*.xml || fail "a scenario does not match scenarios/scenario.xsd"

# Some line of file $1 starts with $2 (taken literally).
has_line_starting() { awk -v prefix="$2" 'index($0, prefix) == 1 { found = 1 } END { exit !found }' "$1"; }

# The scenario $1, whose problem is on line $2, is rejected by xmllint and by the harness,
# each naming the file and the line.
expect_rejected() {
  local text=$1 line=$2 file
  file=$(mktemp "$WORK/invalid-XXXXXX.xml")
  printf '%s\n' "$text" >"$file"
  if xmllint --noout --schema scenarios/scenario.xsd "$file" 2>"$WORK/xmllint.err"; then
    fail "xmllint accepts $file"
  fi
  cat "$WORK/xmllint.err"
  has_line_starting "$WORK/xmllint.err" "$file:$line: " || fail "xmllint does not report $file:$line:"
  run_harness validate "$file"
  expect_rc 65
  has_line_starting "$WORK/out" "$file:$line: " || fail "harness validate does not report $file:$line:"
}

# A claim ID must look like EPH-1 (line 3).
expect_rejected '<scenario id="bad" title="an invalid claim ID">
  <source seed="001.txt" section="x"/>
  <claim id="eph-1">lower case is not a claim ID</claim>
  <steps>
    <volume-create volume="v"/>
    <expect-volume claim="eph-1" volume="v" exists="true"/>
  </steps>
</scenario>' 3

# An attribute that is not in the format (line 5).
expect_rejected '<scenario id="bad" title="an unknown attribute">
  <claim id="BAD-1">a claim</claim>
  <steps>
    <volume-create volume="v"/>
    <expect-volume claim="BAD-1" volume="v" exists="true" size="1g"/>
  </steps>
</scenario>' 5

run_harness validate scenarios
expect_rc 0
echo "OK"
