# The JUnit files the harness writes, read by two consumers: python3-junitparser (Debian),
# with Python warnings turned into errors, and xunit-viewer (npm, installed by .ci/setup-tests),
# rendering HTML. Both must read the numbers of tests, failures and errors the harness
# reported, and xunit-viewer must print no warning or error. Files: the golden file of the
# unit tests (no Docker needed) and a real run of VOL-1.
source "$(dirname "$0")/lib.bash" "$@"

# Debian's junitparser is installed for the system Python, not for a python3 of pyenv or a venv
PYTHON=/usr/bin/python3
"$PYTHON" -c 'import junitparser' || fail "python3-junitparser is not installed: run .ci/setup-tests"
command -v xunit-viewer >/dev/null || fail "xunit-viewer is not installed: run .ci/setup-tests"

# junitparser_reads FILE TESTS FAILURES ERRORS
junitparser_reads() {
  "$PYTHON" -W error - "$@" <<'PY' || fail "junitparser on $1"
import sys
from junitparser import JUnitXml, Failure, Error

path, expected = sys.argv[1], tuple(int(n) for n in sys.argv[2:5])
xml = JUnitXml.fromfile(path)
total = (0, 0, 0)
for suite in xml:
    cases = list(suite)
    kinds = [{type(r) for r in case.result} for case in cases]
    read = (len(cases), sum(Failure in k for k in kinds), sum(Error in k for k in kinds))
    if read != (suite.tests, suite.failures, suite.errors):
        sys.exit(f"{path}: suite {suite.name}: read {read}, its attributes say {(suite.tests, suite.failures, suite.errors)}")
    if any(case.time is None for case in cases):
        sys.exit(f"{path}: suite {suite.name}: a testcase without a time")
    total = tuple(a + b for a, b in zip(total, read))
if total != expected or (xml.tests, xml.failures, xml.errors) != expected:
    sys.exit(f"{path}: read {total}, attributes {(xml.tests, xml.failures, xml.errors)}, expected {expected}")
print(f"junitparser: {path}: {expected[0]} tests, {expected[1]} failures, {expected[2]} errors")
PY
}

# xunit_viewer_reads FILE: renders FILE to HTML, silently; sets VIEWER_READ to "TESTS FAILURES ERRORS"
xunit_viewer_reads() {
  local file=$1 html="$WORK/$(basename "$1" .xml).html" counts tests=0 failures=0 errors=0
  xunit-viewer --results="$file" --output="$html" >"$WORK/viewer" 2>&1 || fail "xunit-viewer exited $?: $(cat "$WORK/viewer")"
  [ "$(cat "$WORK/viewer")" = "Written to: $html" ] || fail "xunit-viewer on $file printed: $(cat "$WORK/viewer")"
  [ -s "$html" ] || fail "xunit-viewer wrote no HTML"
  # its console rendering ends with what it counted, e.g. "1 failure, 1 passed, 4 error"
  xunit-viewer --results="$file" --console --no-color --clear=false --output="$html" >"$WORK/viewer" 2>&1 ||
    fail "xunit-viewer --console exited $?"
  counts=$(tail -2 "$WORK/viewer" | head -1)
  [[ "$counts" =~ ^[0-9]+\ [a-z]+(,\ [0-9]+\ [a-z]+)*$ ]] || fail "xunit-viewer's counts line: '$counts'"
  set -- ${counts//,/}
  while [ $# -ge 2 ]; do
    tests=$((tests + $1))
    case "$2" in failure) failures=$1;; error) errors=$1;; esac
    shift 2
  done
  echo "xunit-viewer: $file: $tests tests, $failures failures, $errors errors ($counts)"
  VIEWER_READ="$tests $failures $errors"
}

# check FILE TESTS FAILURES ERRORS
check() {
  junitparser_reads "$@"
  xunit_viewer_reads "$1"
  [ "$VIEWER_READ" = "$2 $3 $4" ] || fail "xunit-viewer read $VIEWER_READ (tests failures errors) in $1, expected $2 $3 $4"
}

check "$SOURCE/tests/data/golden/junit.xml" 6 1 4

run_harness run --claim VOL-1 --junit "$WORK/real.xml" --matrix "$WORK/real.md" --html "$WORK/real-report.html"
read -r passed failed errors < <(sed -n 's/^claims: \([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) errors\{0,1\} .*/\1 \2 \3/p' "$WORK/out")
[ -n "${passed:-}" ] || fail "no summary line in the harness's output"
valid_junit "$WORK/real.xml"
check "$WORK/real.xml" $((passed + failed + errors)) "$failed" "$errors"
echo "OK"
