# Every seed claim (Compose included) passes on the real Docker, the JUnit file validates,
# nothing is left behind, and a user's own my_volume is untouched: no runtime call names
# it, and if there is one, it is byte for byte and timestamp for timestamp as it was. The
# test only reads it: it writes to and removes nothing it did not make.
source "$(dirname "$0")/lib.bash" "$@"

before=$(volume_fingerprint my_volume)   # a user's own my_volume, if there is one: only read

# The check can fail: on a volume of the test's own, a file written or only touched on the
# host changes the fingerprint.
own=fingerprint-check-$$
docker volume create "$own" >/dev/null
trap 'rm -rf "$WORK"; docker volume rm "$own" >/dev/null' EXIT
data=$(docker volume inspect --format '{{.Mountpoint}}' "$own")
echo one >"$data/f.txt"
was=$(volume_fingerprint "$own")
echo two >"$data/f.txt"; touch -d '2001-01-01' "$data/f.txt"
[ "$(volume_fingerprint "$own")" != "$was" ] || fail "volume_fingerprint misses a changed file"
was=$(volume_fingerprint "$own")
touch "$data/f.txt"
[ "$(volume_fingerprint "$own")" != "$was" ] || fail "volume_fingerprint misses a new mtime"
docker volume rm "$own" >/dev/null
trap 'rm -rf "$WORK"' EXIT
log_runtime_calls

run_harness PATH="$LOGGED_PATH" run --tag seed $(reports run)
expect_rc 0
for claim in EPH-1 EPH-2 EPH-3 VOL-1 VOL-1/literal VOL-2 VOL-3 VOL-4 SHR-1 SHR-2 BND-1 BND-2 BND-3 CMP-1 CMP-2 CMP-3 CMP-4; do
  expect_out "^PASS  $claim  docker"
done
valid_junit "$WORK/run.xml"
no_leftovers docker

# Every container the scenarios start joins the run's network anchor, the probe's container
# (started once, with --network none, removed after the last start); Compose's keep their project's network.
anchor=$(grep -o "^docker run --name harness-[0-9a-f]*-t0-probe --network none --detach " "$WORK/argv.log" | cut -d' ' -f4) || true
[ "$(wc -w <<<"$anchor")" = 1 ] || fail "expected one network anchor started, found: $anchor"
joined=$(grep -c "^docker \(container \)\?run --name harness-[0-9a-f]*-[0-9][^ ]* --network container:$anchor " "$WORK/argv.log")
others=$(grep "^docker \(container \)\?run " "$WORK/argv.log" | grep -v -e "--network container:$anchor " -e "--name $anchor ") || true
[ "$joined" -ge 8 ] && [ -z "$others" ] || fail "scenario containers not joined to $anchor ($joined joined): $others"
grep -q "^docker rm --force $anchor" "$WORK/argv.log" || fail "the network anchor $anchor was not removed"
# It goes once every scenario is past its last container start (beside the last steps, not
# after them): nothing joins it, and no container is started again, after its removal.
after=$(sed -n "/^docker rm --force $anchor *\$/,\$p" "$WORK/argv.log" |
  grep -e "--network container:$anchor " -e "^docker start " -e "^docker restart ") || true
[ -z "$after" ] || fail "containers started after the network anchor $anchor went: $after"
run=${anchor%-t0-probe}
sed -n "/^docker rm --force $anchor *\$/,\$p" "$WORK/argv.log" | grep -q -e "$run-[0-9]" ||
  fail "the network anchor $anchor went only after the scenarios' last calls"

no_unprefixed_names
my_volume_untouched "$before"
echo "OK"
