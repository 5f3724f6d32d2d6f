# .ci/setup installs what a run needs and .ci/setup-tests what the tests need (after
# calling .ci/setup), each only what is missing; with no npm, setup-tests installs
# Debian's nodejs and npm before xunit-viewer. Runs both scripts against stand-ins for
# dpkg-query, apt-get, npm and docker that log what they are asked and install nothing.
# Needs neither Docker nor the network.
source "$(dirname "$0")/lib.bash" "$@"

# A PATH of the few real tools the scripts use, the stand-ins, and $WORK/late, where a
# stand-in "installs" npm and xunit-viewer.
mkdir -p "$WORK/path" "$WORK/late"
for tool in bash dirname grep timeout seq sleep mkdir setsid nohup cat cp chmod; do ln -s "$(command -v "$tool")" "$WORK/path/$tool"; done
stub() { printf '#!/bin/bash\n%s\n' "$2" >"$WORK/path/$1"; chmod +x "$WORK/path/$1"; }
stub dpkg-query 'grep -qx "${@: -1}" "$WORK/installed" && echo "install ok installed"'
stub apt-get 'echo "apt-get $*" >>"$WORK/log"
if [ "$1" = install ]; then
  for p in "$@"; do echo "$p" >>"$WORK/installed"; done
  if grep -qx npm "$WORK/installed"; then cp "$WORK/npm" "$WORK/late/npm"; fi
fi'
stub docker 'echo "docker $*" >>"$WORK/log"'
printf '#!/bin/bash\necho "npm $*" >>"$WORK/log"\nprintf "#!/bin/bash\\n" >"$WORK/late/xunit-viewer"; chmod +x "$WORK/late/xunit-viewer"\n' >"$WORK/npm"
chmod +x "$WORK/npm"
export WORK

# Runs .ci/$1 in that PATH; its output in $WORK/out, what the stand-ins were asked in $WORK/log.
setup() {
  : >"$WORK/log"
  local rc=0
  env -i WORK="$WORK" PATH="$WORK/path:$WORK/late" bash "$SOURCE/.ci/$1" >"$WORK/out" 2>&1 || rc=$?
  [ $rc = 0 ] || { cat "$WORK/out"; fail ".ci/$1 exited $rc"; }
  cat "$WORK/out" "$WORK/log"
}
logged() { grep -qxF -- "$1" "$WORK/log" || fail "not asked: $1"; }
installs() { grep '^apt-get install' "$WORK/log" | tr ' ' '\n' | grep -v '^-\|^apt-get$\|^install$' || true; }
run_packages="cmake g++ make libboost1.81-dev libboost-test1.81-dev libboost-filesystem1.81-dev libboost-locale1.81-dev gettext libpugixml-dev libcli11-dev busybox-static docker.io podman docker-compose podman-compose"
test_packages="clang libclang-rt-14-dev libxml2-utils python3-junitparser python3-yaml chromium procps dpkg-dev file"

echo "== .ci/setup on a machine with nothing: the run's packages, nothing of the tests'"
: >"$WORK/installed"
setup setup
logged "apt-get update -qq"
logged "apt-get install -y -qq $run_packages"
[ "$(installs | wc -l)" = "$(echo $run_packages | wc -w)" ] || fail "installs more than the run needs: $(installs)"
! grep -q '^npm' "$WORK/log" || fail ".ci/setup runs npm"
logged "docker version"

echo "== .ci/setup-tests with no npm: the tests' packages, then Debian's nodejs and npm, then xunit-viewer"
setup setup-tests
logged "apt-get install -y -qq $test_packages"
logged "apt-get install -y -qq nodejs npm"
logged "npm install --global --no-fund --no-audit xunit-viewer@10.6.1"
[ "$(grep -n 'nodejs npm' "$WORK/log" | cut -d: -f1)" -lt "$(grep -n '^npm install' "$WORK/log" | cut -d: -f1)" ] ||
  fail "npm ran before nodejs and npm were installed"
for p in $run_packages; do installs | grep -qx -- "$p" && fail "installs $p again"; done

echo "== both again, everything there: nothing installed"
setup setup
setup setup-tests
! grep -q '^apt-get\|^npm' "$WORK/log" || fail "installs what is there"

echo "== an npm of the user's own, no xunit-viewer: npm is used, Debian's is not installed"
rm "$WORK/late/xunit-viewer"
grep -vx 'nodejs\|npm' "$WORK/installed" >"$WORK/kept" && mv "$WORK/kept" "$WORK/installed"
setup setup-tests
logged "npm install --global --no-fund --no-audit xunit-viewer@10.6.1"
! grep -q '^apt-get' "$WORK/log" || fail "installs packages though npm is there"
echo "OK"
