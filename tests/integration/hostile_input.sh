# Hostile names and contents (tests/data/hostile.xml: quotes, $(...), backticks, ;, &&,
# newlines, tabs, *, spaces, UTF-8) arrive byte for byte and nothing in them runs, on the
# container side or on the host; and a scenario cannot bind-mount or read a host path of
# its choosing: not by naming it (validate rejects it), not through a symlink a container
# planted in a bind-mounted folder (the step is refused at run time).
source "$(dirname "$0")/lib.bash" "$@"

[ ! -e /tmp/pwned ] || fail "/tmp/pwned exists before the run: remove it, then run this test again"
reports=(--junit "$WORK/junit.xml" --matrix "$WORK/matrix.md" --html "$WORK/report.html")

run_harness run tests/data/hostile.xml "${reports[@]}"
expect_rc 0
for claim in HOS-1 HOS-2 HOS-3 HOS-4 HOS-5; do expect_out "^PASS  $claim  docker"; done
valid_junit "$WORK/junit.xml"
[ ! -e /tmp/pwned ] || fail "/tmp/pwned exists on the host: something in the hostile scenario ran"
no_leftovers docker

# The line, in `harness validate`'s output, of the error for file $1 at line $2.
expect_rejected() {
  local file=$WORK/$1 line=$2
  cat >"$file"
  run_harness validate "$file"
  expect_rc 65
  grep -q "^$file:$line: " "$WORK/out" || fail "harness validate does not report $file:$line:"
}

# A bind mount's source is a host folder the harness made, by its logical name: never a path.
for source in /etc ../../etc; do
  expect_rejected "bind-$(echo "$source" | tr -c 'a-z\n' _).xml" 5 <<XML
<scenario id="escape" title="bind-mounts a host path of its choosing">
  <claim id="ESC-1">the host's /etc is readable</claim>
  <steps>
    <run container="c" rm="true" claim="ESC-1" expect="success">
      <mount type="bind" source="$source" target="/x"/>
      <arg>cat</arg><arg>/x/passwd</arg>
    </run>
  </steps>
</scenario>
XML
done
# ... and a path in it stays inside it
expect_rejected bind-path.xml 6 <<'XML'
<scenario id="escape" title="bind-mounts a host path of its choosing">
  <claim id="ESC-1">the host's /etc is readable</claim>
  <steps>
    <host-dir name="home"/>
    <run container="c" rm="true" claim="ESC-1" expect="success">
      <mount type="bind" source="home" path="../../../../etc" target="/x"/>
      <arg>cat</arg><arg>/x/passwd</arg>
    </run>
  </steps>
</scenario>
XML

# A symlink that a container plants in a bind-mounted folder is not followed out of it,
# neither to bind-mount the host's /etc nor to read a host file into the reports.
for step in '<expect-file claim="ESC-1" host="home" path="link/passwd" absent="true"/>' \
            '<run container="d" rm="true" claim="ESC-1" expect="failure"><mount type="bind" source="home" path="link" target="/x"/><arg>cat</arg><arg>/x/passwd</arg></run>'; do
  cat >"$WORK/symlink.xml" <<XML
<scenario id="symlink" title="follows a planted symlink out of a host folder">
  <claim id="ESC-1">the host's /etc is reached</claim>
  <steps>
    <host-dir name="home"/>
    <run container="c" rm="true">
      <mount type="bind" source="home" target="/h"/>
      <arg>ln</arg><arg>-s</arg><arg>/etc</arg><arg>/h/link</arg>
    </run>
    $step
  </steps>
</scenario>
XML
  run_harness run "$WORK/symlink.xml" "${reports[@]}"
  expect_rc 2
  expect_out '^ERROR ESC-1  docker'
  expect_out 'leads outside /tmp/harness-[0-9a-f]+-[0-9]+-home-.* \(through a symlink\): not used'
  ! grep -q 'root:x:0:0' "$WORK/out" "$WORK/junit.xml" "$WORK/report.html" || fail "the host's /etc/passwd reached the reports"
  valid_junit "$WORK/junit.xml"
  no_leftovers docker
done
echo "OK"
