# --targets FILE (issue 13): targets with their own names, endpoints, global flags and
# jobs; each is probed and named in its first console line, its JUnit properties and its
# matrix column; a bad file is one line `file:line: message` and exit 65, nothing run.
# Two targets on one engine (docker-local and docker) never share a name, side by side.
# The file validates under scenarios/targets.xsd, as do the project's examples.
source "$(dirname "$0")/lib.bash" "$@"
for f in docs/ci/targets.xml; do xmllint --noout --schema scenarios/targets.xsd "$f"; done
cat >"$WORK/targets.xml" <<'XML'
<targets>
  <target name="docker-local" cli="docker" endpoint="unix:///var/run/docker.sock" jobs="1">
    <flag>--log-level</flag><flag>warn</flag>
  </target>
  <target cli="docker"/>
  <target name="podman-runc" cli="podman" jobs="2">
    <flag>--runtime</flag><flag>runc</flag>
  </target>
</targets>
XML
xmllint --noout --schema scenarios/targets.xsd "$WORK/targets.xml"
log_runtime_calls
run_harness PATH="$LOGGED_PATH" run --targets "$WORK/targets.xml" --claim 'EPH-*' $(reports run)
expect_rc 0
expect_out "^harness run [0-9a-f]+: docker-local: docker [^ ]+ · .*DOCKER_HOST=unix:///var/run/docker.sock"
expect_out "^harness run [0-9a-f]+: podman-runc: podman [^ ]+ · .*runc"
expect_out "^PASS  EPH-1  docker-local  "
expect_out "^PASS  EPH-1  podman-runc  "
expect_out "^PASS  EPH-1  docker  "
! grep -Eq "^(FAIL|ERROR)" "$WORK/out" || fail "a claim did not pass"
valid_junit "$WORK/run.xml"
grep -q '<property name="runtime" value="podman-runc"/>' "$WORK/run.xml" || fail "no podman-runc runtime property"
grep -q '<property name="target.oci-runtime" value="runc"/>' "$WORK/run.xml" || fail "no target.oci-runtime property"
grep -q "^| claim | docker-local [0-9].* | podman-runc [0-9].* |" "$WORK/run.md" || fail "the matrix lacks the targets' columns"
grep -q "^docker --log-level warn run " "$WORK/argv.log" || fail "docker ran without the target's global flags"
no_leftovers docker
no_leftovers podman

bad() {  # bad LINE-NUMBER MESSAGE TARGETS...
  local line=$1 message=$2
  shift 2
  printf '%s\n' "$@" >"$WORK/bad.xml"
  run_harness run --targets "$WORK/bad.xml" --claim EPH-1 $(reports bad)
  expect_rc 65
  [ "$(cat "$WORK/out")" = "$WORK/bad.xml:$line: $message" ] || fail "expected '$WORK/bad.xml:$line: $message'"
  ! xmllint --noout --schema scenarios/targets.xsd "$WORK/bad.xml" 2>/dev/null || fail "the schema accepts bad.xml"
}
bad 2 "unknown runtime 'rkt' (known: docker, podman)" '<targets>' '<target cli="rkt"/>' '</targets>'
bad 3 "jobs must be a number from 1 to 64, not '0'" '<targets>' '' '<target cli="docker" jobs="0"/>' '</targets>'
bad 1 "<targets> names no <target>" '<targets>' '</targets>'
run_harness run --targets "$WORK/targets.xml" --runtime podman
expect_rc 64
expect_out "(--runtime excludes --targets|--targets excludes --runtime)"
[ ! -e "$WORK/bad.xml.xml" ] && [ ! -e "$WORK/bad.md" ] || fail "a refused run wrote a report"
echo "OK"
