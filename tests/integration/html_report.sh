# The HTML report in a real browser: a run on Docker and Podman where every claim holds,
# and one where a wrapper `docker` drops the mounts so that VOL-2 fails. Headless Chromium
# renders each report to a PNG (kept in the build tree's test-artifacts/) and dumps the DOM,
# which must hold the matrix with the claims' rows, and the FAIL cell for the broken run.
source "$(dirname "$0")/lib.bash" "$@"

command -v chromium >/dev/null || fail "chromium is not installed (.ci/setup-tests installs it)"
ARTIFACTS=$(cd "$(dirname "$HARNESS")/.." && pwd)/test-artifacts
mkdir -p "$ARTIFACTS"

# chromium, offline and without a profile: a new empty user data dir for each call.
browser() {
  local profile
  profile=$(mktemp -d "$WORK/chromium.XXXXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>>"$WORK/chromium.log"
}

# Renders $1 to $ARTIFACTS/$2.png, checks the PNG, and dumps the DOM to $WORK/$2.dom.html.
render() {
  local page=$1 name=$2 png="$ARTIFACTS/$2.png"
  rm -f "$png"
  browser --screenshot="$png" --window-size=1280,1600 "file://$page" >/dev/null ||
    { cat "$WORK/chromium.log"; fail "chromium could not take a screenshot of $page"; }
  [ -s "$png" ] || fail "no screenshot $png"
  [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$png is not a PNG"
  [ "$(stat -c %s "$png")" -gt 30000 ] || fail "$png is under 30 KB: a blank page?"
  browser --dump-dom "file://$page" >"$WORK/$name.dom.html" || fail "chromium could not dump the DOM of $page"
  cp "$page" "$ARTIFACTS/$name.html"
  echo "screenshot: $png ($(stat -c %s "$png") bytes), page: $ARTIFACTS/$name.html"
}

# The rendered DOM has the matrix with a row per claim, and this cell in the row of $2.
expect_dom() {
  local dom="$WORK/$1.dom.html" claim=$2 cell=$3
  grep -q '<table class="matrix">' "$dom" || fail "$1: no matrix table in the DOM"
  grep -Eq "<tr><th scope=\"row\" class=\"mono\">$claim</th>.*<td class=\"verdict [a-z]+\"><a href=\"#claim-[0-9-]+\">$cell</a>" "$dom" ||
    fail "$1: no $cell cell in the row of $claim"
}

# 1. Every claim holds on both runtimes; VOL-1/literal differs on Podman.
run_harness run --runtime docker,podman --claim 'VOL-1*,EPH-1' --html "$WORK/report.html" \
  --junit "$WORK/junit.xml" --matrix "$WORK/matrix.md"
expect_rc 0
expect_out "^HTML report: $WORK/report.html$"
xmllint --html --noout "$WORK/report.html" 2>&1 | grep -v 'Tag \(details\|summary\) invalid' | grep 'HTML parser' &&
  fail "xmllint finds errors in report.html"
render "$WORK/report.html" html-report-pass
for claim in EPH-1 VOL-1 VOL-1/literal; do expect_dom html-report-pass "$claim" pass; done
grep -q 'differs <a href="#note-1">\[1\]</a>' "$WORK/html-report-pass.dom.html" || fail "no expected difference shown"
! grep -q '<details class="claim [a-z]*" id="[^"]*" open' "$WORK/html-report-pass.dom.html" || fail "a passed claim is open"
no_leftovers docker
no_leftovers podman

# 2. A Docker that drops every mount: VOL-2 fails on Docker and holds on Podman.
mount_dropping_docker "$WORK/bin"   # a broken runtime: `docker run` drops every mount
run_harness PATH="$WORK/bin:$PATH" run --runtime docker,podman --claim 'VOL-1,VOL-2,EPH-1' \
  --html "$WORK/broken.html" --junit "$WORK/broken.xml" --matrix "$WORK/broken.md"
[ "$RC" -eq 1 ] || [ "$RC" -eq 2 ] || fail "exit code $RC, expected 1 or 2"
expect_out "^FAIL  VOL-2  docker"
render "$WORK/broken.html" html-report-fail
expect_dom html-report-fail VOL-2 FAIL
expect_dom html-report-fail EPH-1 pass
grep -Eq '<details class="claim fail" id="claim-[0-9-]+" open="?"?>' "$WORK/html-report-fail.dom.html" ||
  fail "the failed claim is not open"
grep -q 'found</dt><dd>no such file' "$WORK/html-report-fail.dom.html" || fail "the failed check does not say what it found"
no_leftovers docker
no_leftovers podman
echo "OK"
