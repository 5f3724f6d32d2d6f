# scenarios/scenario.xsd and the loader (`harness validate`) agree: a table of cases, every
# scenario file of the project and small snippets, each run through both
# `xmllint --noout --schema scenarios/scenario.xsd` and `harness validate`, with the verdict
# (accept or reject) each must give. They must give the same one, except for the rules XML
# Schema 1.0 cannot say (the list in the schema's documentation), where the schema accepts
# what the loader rejects. An invalid scenario is rejected by both naming the file and the
# line. Needs xmllint, not Docker.
source "$(dirname "$0")/lib.bash" "$@"
command -v xmllint >/dev/null || fail "xmllint is not installed (.ci/setup-tests installs libxml2-utils)"

schema_says() {
  xmllint --noout --schema scenarios/scenario.xsd "$1" >"$WORK/xmllint.out" 2>&1 && echo accept || echo reject
}
loader_says() {
  local rc=0
  "$HARNESS" validate "$1" >"$WORK/validate.out" 2>&1 || rc=$?
  case $rc in 0) echo accept;; 65) echo reject;; *) cat "$WORK/validate.out"; fail "harness validate exited $rc on $1";; esac
}

# check NAME FILE SCHEMA LOADER: xmllint gives the verdict SCHEMA on FILE, the harness LOADER.
cases=0
check() {
  local name=$1 file=$2 schema loader
  schema=$(schema_says "$file")
  loader=$(loader_says "$file")
  printf '%-52s schema %-6s  harness %s\n' "$name" "$schema" "$loader"
  [ "$schema" = "$3" ] || { cat "$WORK/xmllint.out"; fail "$name: the schema says $schema, expected $3"; }
  [ "$loader" = "$4" ] || { cat "$WORK/validate.out"; fail "$name: harness validate says $loader, expected $4"; }
  cases=$((cases + 1))
}

# A scenario around the steps $2 (a claim T-1, checked by the first two steps).
scenario_with_steps() {
  local file=$WORK/$1.xml
  cat >"$file" <<XML
<scenario id="t" title="a case"${3:-}>
  <claim id="T-1">a claim</claim>
  <steps>
    <volume-create volume="v"/>
    <expect-volume claim="T-1" volume="v" exists="true"/>
    $2
  </steps>
</scenario>
XML
  echo "$file"
}
# both VERDICT NAME STEPS [SCENARIO-ATTRIBUTES]: schema and harness give VERDICT.
both() { check "$2" "$(scenario_with_steps "$2" "$3" "${4:-}")" "$1" "$1"; }
# only_the_harness_rejects NAME STEPS: a rule XML Schema 1.0 cannot say.
only_the_harness_rejects() { check "$1" "$(scenario_with_steps "$1" "$2")" accept reject; }

echo "== every scenario file of the project"
for file in scenarios/*.xml tests/data/*.xml; do check "$file" "$file" accept accept; done

echo "== valid snippets"
both accept minimal ''
both accept step-timeout '<run container="c" detach="true"/><exec container="c" timeout="2"><arg>true</arg></exec>'
both accept step-timeout-fraction '<volume-remove volume="v" timeout="0.5"/>'
both accept step-timeout-a-day '<volume-remove volume="v" timeout="86400"/>'
both accept scenario-timeout '' ' timeout="600"'
both accept anonymous-volume '<run container="c" rm="true"><mount type="volume" target="/anon"/><arg>true</arg></run>'
both accept nocopy-named-volume '<run container="c" rm="true"><mount type="volume" flag="volume" source="v" target="/p" nocopy="true"/><arg>true</arg></run>'
both accept runtime-and-note '<volume-remove volume="v" runtime="docker,podman" note="why"/>'
both accept exit-code-255 '<volume-remove volume="v" claim="T-1" exit-code="255"/>'
both accept host-dir-file '<host-dir name="h"><file path="a/b.txt" text="x"/></host-dir>'
both accept volumes-from '<run container="a" detach="true"/><run container="b" rm="true"><mount type="volumes-from" source="a" read-only="true"/><arg>true</arg></run>'
both accept volume-rm-force '<volume-remove volume="v" force="true"/>'

echo "== invalid snippets: both reject"
for value in 0 -1 abc 86401 '' 1,5; do both reject "step-timeout-'$value'" "<volume-remove volume=\"v\" timeout=\"$value\"/>"; done
both reject scenario-timeout-0 '' ' timeout="0"'
both reject unknown-attribute '<volume-remove volume="v" size="1g"/>'
both reject unknown-step '<volume-prune/>'
both reject upper-case-name '<volume-create volume="My"/>'
both reject name-of-42 "<volume-create volume=\"$(printf 'a%.0s' $(seq 42))\"/>"
both reject boolean-1 '<run container="c" detach="1"/>'
both reject unknown-runtime '<volume-remove volume="v" runtime="rkt"/>'
both reject runtimes-with-a-space '<volume-remove volume="v" runtime="docker, podman"/>'
both reject exit-code-256 '<volume-remove volume="v" claim="T-1" exit-code="256"/>'
both reject relative-write-path '<run container="c" detach="true"/><write container="c" path="p" text="x"/>'
both reject mount-type-nfs '<run container="c" rm="true"><mount type="nfs" target="/p"/></run>'
both reject mount-flag-bind '<run container="c" rm="true"><mount type="volume" flag="bind" target="/p"/></run>'
both reject mountpoint-custom '<expect-volume claim="T-1" volume="v" mountpoint="/x"/>'
both reject missing-required '<volume-create/>'
both reject owner-uid-negative '<host-dir name="h"/><expect-file claim="T-1" host="h" path="a" owner-uid="-1"/>'
both reject lower-case-claim '<volume-remove volume="v" claim="t-1"/>'

cat >"$WORK/root.xml" <<'XML'
<steps><volume-create volume="v"/></steps>
XML
check root-not-scenario "$WORK/root.xml" reject reject
cat >"$WORK/twice.xml" <<'XML'
<scenario id="t" title="a claim declared twice">
  <claim id="T-1">a claim</claim>
  <claim id="T-1">the same</claim>
  <steps><volume-create volume="v"/><expect-volume claim="T-1" volume="v" exists="true"/></steps>
</scenario>
XML
check claim-declared-twice "$WORK/twice.xml" reject reject
cat >"$WORK/no-steps.xml" <<'XML'
<scenario id="t" title="no steps"><claim id="T-1">a claim</claim></scenario>
XML
check no-steps "$WORK/no-steps.xml" reject reject

echo "== what XML Schema 1.0 cannot say: the schema accepts, the harness rejects"
only_the_harness_rejects unknown-container '<stop container="ghost"/>'
only_the_harness_rejects check-of-an-undeclared-claim '<expect-volume claim="X-9" volume="v" exists="true"/>'
only_the_harness_rejects note-without-runtime '<volume-remove volume="v" note="why"/>'
only_the_harness_rejects text-and-content '<run container="c" detach="true"/><write container="c" path="/p" text="a" content="b"/>'
only_the_harness_rejects bind-without-source '<run container="c" rm="true"><mount type="bind" target="/p"/></run>'
only_the_harness_rejects expect-without-claim '<volume-remove volume="v" expect="failure"/>'
only_the_harness_rejects anonymous-nocopy '<run container="c" rm="true"><mount type="volume" flag="volume" target="/p" nocopy="true"/><arg>true</arg></run>'
only_the_harness_rejects path-climbing-out '<host-dir name="h"><file path="../x" text="x"/></host-dir>'
only_the_harness_rejects volumes-from-with-target '<run container="a" detach="true"/><run container="b" rm="true"><mount type="volumes-from" source="a" target="/p"/><arg>true</arg></run>'
only_the_harness_rejects volume-mount-without-target '<run container="c" rm="true"><mount type="volume" source="v"/><arg>true</arg></run>'
only_the_harness_rejects volumes-from-unknown '<run container="b" rm="true"><mount type="volumes-from" source="ghost"/><arg>true</arg></run>'
only_the_harness_rejects compose-line-without-project '<tutorial claim="T-1" line="docker-compose up -d"/>'
check tests/data/invalid/typo.xml tests/data/invalid/typo.xml accept reject   # the README's example

echo "== known differences, to be removed from the loader: it reads a timeout with strtod"
# The loader takes what strtod takes (an exponent, a sign, a hexadecimal number, a bare
# dot); the schema only decimal digits with an optional fraction; a trailing space is
# collapsed by the schema (xs:decimal) and refused by the loader. Once the loader checks
# the text against [0-9]+(\.[0-9]+)? before strtod, these move to "both reject" (but "5 ").
for value in 1e3 +5 .5 5. 0x10; do
  check "step-timeout-'$value'" "$(scenario_with_steps "timeout-$value" "<volume-remove volume=\"v\" timeout=\"$value\"/>")" reject accept
done
check "step-timeout-'5 '" "$(scenario_with_steps "timeout-space" '<volume-remove volume="v" timeout="5 "/>')" accept reject
echo "$cases cases: the schema and the harness agree but for what XML Schema cannot say and the loader's strtod"

# Both name the file and the line of the problem.
expect_rejected_at() {
  local file=$1 line=$2
  xmllint --noout --schema scenarios/scenario.xsd "$file" 2>"$WORK/xmllint.err" && fail "xmllint accepts $file"
  grep -q "^$file:$line: " "$WORK/xmllint.err" || { cat "$WORK/xmllint.err"; fail "xmllint does not report $file:$line:"; }
  run_harness validate "$file"
  expect_rc 65
  grep -q "^$file:$line: " "$WORK/out" || fail "harness validate does not report $file:$line:"
}
expect_rejected_at "$WORK/lower-case-claim.xml" 6
expect_rejected_at "$WORK/unknown-attribute.xml" 6

run_harness validate scenarios
expect_rc 0
echo "OK"
