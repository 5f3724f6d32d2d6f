# Every seed claim (Compose included) passes on the real Docker, the JUnit file validates,
# nothing is left behind, and a user's own my_volume is untouched.
source "$(dirname "$0")/lib.bash" "$@"

own=""
if ! docker volume inspect my_volume >/dev/null 2>&1; then
  docker volume create my_volume >/dev/null
  own=yes
fi
trap 'rm -rf "$WORK"; [ -z "$own" ] || docker volume rm my_volume >/dev/null' EXIT
marker="user data $$"
docker run --rm --network none -v my_volume:/d harness-busybox:1 sh -c "echo '$marker' > /d/keep-$$.txt" 2>/dev/null ||
  { "$HARNESS" validate >/dev/null; }  # the image is built by the first run below if missing

run_harness run --tag seed --junit "$WORK/junit.xml"
expect_rc 0
for claim in EPH-1 EPH-2 EPH-3 VOL-1 VOL-1/literal VOL-2 VOL-3 VOL-4 SHR-1 SHR-2 BND-1 BND-2 BND-3 CMP-1 CMP-2 CMP-3 CMP-4; do
  expect_out "^PASS  $claim  docker"
done
valid_junit "$WORK/junit.xml"
no_leftovers docker

docker run --rm --network none -v my_volume:/d harness-busybox:1 cat "/d/keep-$$.txt" | grep -qx "$marker" ||
  fail "the user's my_volume lost its data"
docker run --rm --network none -v my_volume:/d harness-busybox:1 rm -f "/d/keep-$$.txt"
echo "OK"
