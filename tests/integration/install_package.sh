# Installable on a runner (issue 13): `cmake --install` under any prefix, and the Debian
# package CPack makes, give a program that finds its scenarios, schemas, fixtures and
# French messages (share/locale, issue 15) relative to itself and runs the seed suite from
# an empty folder, in English and in French. The package declares
# its dependencies. Installs into throwaway folders only (dpkg-deb -x), never into the
# system: `apt-get install ./harness_*.deb` on a Debian 12 machine is the README's.
source "$(dirname "$0")/lib.bash" "$@"
BUILD=$(cd "$(dirname "$HARNESS")/.." && pwd)
HERE=$(pwd)  # the source folder (lib.bash went there)
[ -f "$BUILD/CMakeCache.txt" ] || fail "$BUILD is not the build folder of $HARNESS"

# the package: built from the build folder, its control file and its files
(cd "$BUILD" && cpack -B "$WORK/package" >"$WORK/cpack.log" 2>&1) || { cat "$WORK/cpack.log"; fail "cpack failed"; }
deb=$(ls "$WORK"/package/harness_*.deb)
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) kB)"
dpkg-deb -f "$deb" Depends | tee "$WORK/depends"
for dep in libpugixml1v5 libboost-filesystem1.81.0 libstdc++6 busybox-static; do
  grep -q "$dep" "$WORK/depends" || fail "the package does not depend on $dep"
done
dpkg-deb -c "$deb" | awk '{print $6}' >"$WORK/files"
for f in ./usr/bin/harness ./usr/share/harness/scenarios/volumes.xml ./usr/share/harness/scenarios/scenario.xsd \
  ./usr/share/harness/scenarios/targets.xsd ./usr/share/harness/scenarios/known-failures.xsd \
  ./usr/share/harness/fixtures/image/build-image.sh ./usr/share/doc/harness/ci/gitlab-ci.yml \
  ./usr/share/locale/fr/LC_MESSAGES/harness.mo; do
  grep -qx "$f" "$WORK/files" || fail "the package lacks $f"
done

# installed where nothing of the source tree is: the seed suite from an empty folder
check_installed() {  # ROOT [SELECTION...]: where bin/harness is; the claims to run (default: the seed suite)
  local root=$1
  shift
  mkdir -p "$WORK/empty" && cd "$WORK/empty"
  run_harness run "${@:---tag=seed}" --jobs 4 --junit "$WORK/i.xml" --matrix "$WORK/i.md" --html "$WORK/i.html"
  expect_rc 0
  expect_out "^claims: [0-9]+ passed, 0 failed, 0 errors"
  [ -z "$(ls -A "$WORK/empty")" ] || fail "the run wrote into the empty folder: $(ls -A "$WORK/empty")"
  no_leftovers docker
  run_harness list
  expect_out "^$root/share/harness/scenarios/volumes.xml "
  # French from the installed catalogue (the program never reads the build folder's)
  run_harness run --lang fr --claim EPH-1 --junit "$WORK/i.xml" --matrix "$WORK/i.md" --html "$WORK/i.html"
  expect_rc 0
  expect_out "^RÉUSSI EPH-1  docker  "
  expect_out "^affirmations : 1 réussie, 0 en échec, 0 erreur en "
  no_leftovers docker
  cd "$HERE"
}
dpkg-deb -x "$deb" "$WORK/root"
HARNESS="$WORK/root/usr/bin/harness" check_installed "$WORK/root/usr"
# moved elsewhere, the tree still works: nothing in it names where it was unpacked
mv "$WORK/root" "$WORK/moved"
HARNESS="$WORK/moved/usr/bin/harness" check_installed "$WORK/moved/usr" --claim EPH-1

# cmake --install under another prefix, the program reached through PATH
cmake --install "$BUILD" --prefix "$WORK/prefix" >/dev/null
PATH="$WORK/prefix/bin:$PATH" HARNESS=harness check_installed "$WORK/prefix" --claim VOL-1
echo "OK"
