# Hostile names and contents (tests/data/hostile.xml: quotes, $(...), backticks, ;, &&,
# newlines, tabs, *, spaces, UTF-8) arrive byte for byte and nothing in them runs, on the
# container side or on the host; and a scenario cannot bind-mount or read a host path of
# its choosing: not by naming it (validate rejects it), not through a symlink a container
# planted in a bind-mounted folder (the step is refused at run time). Nor can a tutorial
# line, however it spells its options (issue 17), nor a 50 MB file exhaust the harness.
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

# --- Issue 17: a scenario file is untrusted input -----------------------------------------
# A tutorial line may use only the allowlist (harness/tutorial_line.hpp), however an option
# is spelled: each escape is refused by `harness validate` with file:line: and exit 65.
# A canary file outside every harness folder shows that none of it reached a runtime.
canary_dir=$WORK/canary
mkdir -p "$canary_dir"
echo "the host's own data" >"$canary_dir/secret"
canary_state() { stat -c '%n %s %.9Y %i' "$canary_dir" "$canary_dir"/* && sha256sum <"$canary_dir/secret"; }
canary_before=$(canary_state)
canary_unchanged() { [ "$(canary_state)" = "$canary_before" ] || fail "the canary $canary_dir/secret was changed: $1 reached the host"; }

# `harness run` on the file $WORK/$1 refuses it at line $2 and runs nothing.
expect_run_refused() {
  run_harness run "$WORK/$1" "${reports[@]}"
  expect_rc 65
  grep -q "^$WORK/$1:$2: " "$WORK/out" || fail "harness run does not report $WORK/$1:$2:"
  ! grep -q '^harness run ' "$WORK/out" || fail "harness run started a run on $1"
  canary_unchanged "$1"
}

# A scenario whose steps ($1, from line 4 on) try to reach the host.
escape_scenario() {
  printf '<scenario id="escape" title="reaches the host">\n  <claim id="ESC-1">the host is reached</claim>\n'
  printf '  <steps>\n%s\n  </steps>\n</scenario>\n' "$1"
}
# The scenario with this tutorial line on line 4.
tutorial_scenario() { escape_scenario "    <tutorial claim=\"ESC-1\" volume=\"v\" container=\"c\" line=\"$1\"/>"; }
refused=0
expect_tutorial_refused() {
  refused=$((refused + 1))
  expect_rejected "tutorial-$refused.xml" 4 < <(tutorial_scenario "$1")
  grep -qF -- "tutorial-$refused.xml:4: $2" "$WORK/out" || fail "not the message '$2' for: $1"
}

own="a tutorial line may mount only its own volume ({volume}), not"
# the issue's first form, and the same mount however it is spelled
expect_tutorial_refused "run --rm -v/:/h --name {container} harness-busybox:1 cat /h/etc/hostname" "$own '/:/h'"
expect_tutorial_refused "run --rm -itv/:/h --name {container} {image} cat /h/etc/hostname" "$own '/:/h'"
expect_tutorial_refused "run --rm -v=/:/h --name {container} {image} cat /h/etc/hostname" "$own '/:/h'"
expect_tutorial_refused "run --rm --volume=/:/h --name {container} {image} cat /h/etc/hostname" "$own '/:/h'"
expect_tutorial_refused "run --rm --mount=type=bind,src=/,dst=/h --name {container} {image} ls /h" "$own 'type=bind,src=/,dst=/h'"
expect_tutorial_refused "run --rm --mount type=volume,src={volume},dst=/d,volume-opt=device=/etc --name {container} {image} ls /d" \
  "a tutorial line may not use 'volume-opt' in --mount"
# the issue's second form, and driver options however spelled
expect_tutorial_refused "volume create --opt type=none --opt o=bind --opt device=/etc {volume}" "a tutorial line may not use --opt"
expect_tutorial_refused "volume create --opt=device=/ {volume}" "a tutorial line may not use --opt"
expect_tutorial_refused "volume create {volume} -o device=/etc" "a tutorial line may not use -o"
expect_tutorial_refused "volume create --driver local {volume}" "a tutorial line may not use --driver"
# privileges, the host's namespaces, a user, files the CLI itself would read
for option in --privileged --cap-add=ALL "--security-opt seccomp=unconfined" --userns=host "--network host" \
              --pid=host --ipc=host "-u 0" "--device /dev/sda" "--env-file /etc/shadow"; do
  name=${option%%[ =]*}
  expect_tutorial_refused "run --rm $option --name {container} {image} id" "a tutorial line may not use $name"
done
expect_tutorial_refused "run --rm -itu0 --name {container} {image} id" "a tutorial line may not use -u (in -itu0)"
# another engine, another verb, names that are not the run's own
expect_tutorial_refused "-H tcp://127.0.0.1:2375 run --rm --name {container} {image} id" "a tutorial line may not use -H"
expect_tutorial_refused "exec {container} cat /etc/hostname" "a tutorial line may run only run, container run, volume create, volume ls, volume inspect or volume rm, not 'exec'"
expect_tutorial_refused "volume rm my_volume" "a tutorial line names its volume {volume}, not 'my_volume'"
expect_tutorial_refused "run --rm --name my_alpine {image} id" "a tutorial line names its container {container}, not 'my_alpine'"
expect_tutorial_refused "run --rm --name {container} -- --privileged" "'--privileged' is not an image name"
# Compose: tutorial 000's three lines word for word, never a file, a project or a host
for line in "docker-compose -f /etc/compose.yaml up -d" "docker-compose up -d --volume /:/h" "docker-compose -p other down -v" \
            "docker-compose run todo-database sh" "docker-compose up"; do
  expect_tutorial_refused "$line" "a tutorial's Compose line is docker-compose up -d, docker-compose down or docker-compose down -v, as written"
done

# The forms that would change the host if they reached a runtime, given to `harness run`:
# refused before anything runs, the canary untouched.
for mount in -v/:/h -itv/:/h --volume=/:/h --mount=type=bind,src=/,dst=/h; do
  tutorial_scenario "run --rm $mount --name {container} harness-busybox:1 rm -f /h$canary_dir/secret" >"$WORK/run-escape.xml"
  expect_run_refused run-escape.xml 4
done
# a volume made as a bind mount of a host folder (the issue's second form), then mounted
escape_scenario "    <tutorial claim=\"ESC-1\" volume=\"v\" line=\"volume create --opt type=none --opt o=bind --opt device=$canary_dir {volume}\"/>
    <run container=\"c\" rm=\"true\"><mount type=\"volume\" source=\"v\" target=\"/x\"/><arg>rm</arg><arg>/x/secret</arg></run>" \
  >"$WORK/run-escape.xml"
expect_run_refused run-escape.xml 4
# an anonymous --volume mount whose target holds a ':' would be a bind mount of a host path
escape_scenario "    <run container=\"c\" rm=\"true\" claim=\"ESC-1\" expect=\"success\">
      <mount type=\"volume\" flag=\"volume\" target=\"$canary_dir:/x\"/><arg>rm</arg><arg>/x/secret</arg></run>" \
  >"$WORK/run-escape.xml"
expect_run_refused run-escape.xml 5
grep -qF "target '$canary_dir:/x' holds a ':' or ','" "$WORK/out" || fail "not the message for a --volume target with ':'"

# A 50 MB scenario file is refused unread: in under a second, in under 100 MB of memory.
{ echo '<scenario id="big" title="t"><claim id="A-1">c</claim><steps><volume-create volume="v"/>'
  head -c 50000000 /dev/zero | tr '\0' ' '
  echo '</steps></scenario>'; } >"$WORK/big.xml"
start=$(date +%s%N)
measure=()
[ ! -x /usr/bin/time ] || measure=(/usr/bin/time -f 'measured: %e s, %M KB')
set +e
"${measure[@]}" "$HARNESS" validate "$WORK/big.xml" >"$WORK/out" 2>&1
RC=$?
set -e
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
cat "$WORK/out"
expect_rc 65
expect_out "^$WORK/big.xml: [0-9]+ bytes is too large for a scenario file \(at most 1048576, 1 MiB\); it was not read"
[ "$elapsed_ms" -lt 1000 ] || fail "a 50 MB file took $elapsed_ms ms to refuse"
kb=$(sed -n 's/^measured: .* s, \([0-9]*\) KB$/\1/p' "$WORK/out")
[ -z "$kb" ] || [ "$kb" -lt 100000 ] || fail "a 50 MB file took $kb KB of memory to refuse"
echo "50 MB file refused in $elapsed_ms ms${kb:+, $kb KB}"
canary_unchanged "the whole test"
echo "OK"
