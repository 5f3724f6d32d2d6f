#!/usr/bin/env bash
# The plain shell script a skilled engineer would write to check the seed claims, with the
# checks the harness makes (issue 12's stronger ones included): the tutorials' flows,
# containers reused for several checks and several checks per exec, no network, no 10 s
# stop waits, host-side reads. The benchmark's baseline (bench/run). Prints one line per
# claim; exits non-zero when a claim does not hold.
#   bench/plain-seed.sh [docker|podman] [IMAGE]
# docker: the 16 seed claims (Compose included, with docker-compose).
# podman: the 11 seed claims without Compose, and VOL-1/literal (podman-compose differs).
set -uo pipefail
rt=${1:-docker}
img=${2:-harness-busybox:1}
p=plain-$$
keep=(sh -c "trap 'exit 0' TERM INT; sleep 2147483647 & wait")
hello="hello world from Docker"
home=$(mktemp -d)
proj=$(mktemp -d)
failed=0
ok() { if [ "$2" = 0 ]; then echo "PASS $1"; else echo "FAIL $1"; failed=1; fi; }
c() { echo >> "$proj/calls"; "$rt" "$@"; }   # every runtime call, counted (also in $(...))
finished=0
cleanup() {   # the runtime calls only when the flow did not get to its end
  if [ $finished = 0 ]; then
    "$rt" rm -f "${p}_s" "${p}_a1" "${p}_a2" >/dev/null 2>&1
    [ -f "$proj/compose.yaml" ] && docker-compose -p "$p" -f "$proj/compose.yaml" -f "$proj/internal-network.yaml" down -v -t 0 >/dev/null 2>&1
    "$rt" volume rm -f "$p" "${p}_auto" "${p}_lit" >/dev/null 2>&1
  fi
  echo "runtime calls: $(grep -c '' "$proj/calls")" >&2
  rm -rf "$home" "$proj"
}
trap cleanup EXIT
run() { c run --rm --network none "$@"; }

# Tutorial 001: the --rm session, with the volume and the host folder ($HOME) mounted:
# it writes in its own layer, the volume and the host folder; reads, changes and deletes host files
echo "written on the host" > "$home/notes.txt"; echo x > "$home/delete-me.txt"; echo y > "$home/gone-soon.txt"
c volume create "$p" >/dev/null
out=$(run --name "${p}_s" --mount "type=volume,src=$p,dst=/home/my_folder" -v "$home:/home/host" "$img" sh -c '
  echo "$0" > /home/test.txt && cat /home/test.txt && echo "$0" > /home/my_folder/test.txt &&
  cat /home/host/notes.txt && echo "$0" > /home/host/test.txt && echo changed > /home/host/notes.txt &&
  rm /home/host/delete-me.txt' "$hello")
[ "$out" = "$hello"$'\n'"written on the host" ]; session=$?
mp=$(c volume inspect -f '{{.Driver}} {{.Mountpoint}}' "$p")
c volume ls -q | grep -qx "$p"; listed=$?
driver=${mp%% *}; mp=${mp#local }
case $rt in   # the volume root as the engine states it
  docker) root=$(c info -f '{{.DockerRootDir}}')/volumes ;;
  podman) root=$(c info -f '{{.Store.VolumePath}}') ;;
esac
[ $listed = 0 ] && [ "$driver" = local ] && [ "$mp" = "$root/$p/_data" ] && [ "$(cat "$mp/test.txt")" = "$hello" ]; ok VOL-1 $?
[ $session = 0 ] && [ "$(cat "$mp/test.txt")" = "$hello" ]; ok VOL-2 $?
[ "$(cat "$home/test.txt")" = "$hello" ] && [ "$(stat -c %u "$home/test.txt")" = 0 ]; bnd2=$?
# The tutorial's own `volume create --name`: Docker takes it, Podman 4.3 refuses it
c volume create --name "${p}_lit" >/dev/null 2>&1; lit=$?
[ $rt = docker ] && [ $lit = 0 ] || { [ $rt = podman ] && [ $lit = 125 ]; }; ok VOL-1/literal $?

# Sharing: two running containers on the volume; the first also has the host folder, live
# and read-only, the second a volume that does not exist yet (-v creates it)
c run -d --name "${p}_a1" --network none -v "$p:/home/my_folder1" -v "$home:/home/host" -v "$home:/ro:ro" "$img" "${keep[@]}" >/dev/null
c run -d --name "${p}_a2" --network none -v "$p:/home/my_folder2" -v "${p}_auto:/data/db" "$img" "${keep[@]}" >/dev/null
echo "from the host" > "$home/from-host.txt"; rm "$home/gone-soon.txt"   # while a1 runs
r1=$(c exec "${p}_a1" sh -c 'test ! -e /home/test.txt && echo new; cat /home/my_folder1/test.txt;
  echo from1 > /home/my_folder1/from1.txt; cat /home/host/from-host.txt; test ! -e /home/host/gone-soon.txt && echo gone;
  echo live > /home/host/from-container.txt; cat /ro/notes.txt; (echo no > /ro/notes.txt) 2>&1;
  chmod 755 /home/host && mkdir /home/host/open && chmod 777 /home/host/open; echo "$1" > /home/test.txt' sh "$hello")
live=$(cat "$home/from-container.txt")   # while a1 runs
c exec --user 1234 "${p}_a1" sh -c 'echo mine > /home/host/open/by-1234.txt'
r2=$(c exec "${p}_a2" sh -c 'cat /home/my_folder2/from1.txt && echo from2 > /home/my_folder2/from2.txt && echo kept > /data/db/record.txt')
r3=$(c exec "${p}_a1" cat /home/my_folder1/from2.txt)
[ -n "${DEBUG:-}" ] && printf "%s\n" "$r1" >&2
[ "$r1" = "new"$'\n'"$hello"$'\n'"from the host"$'\n'gone$'\n'changed$'\n'"sh: line 2: can't create /ro/notes.txt: Read-only file system" ]; fresh=$?
[ $fresh = 0 ]; ok VOL-3 $?
[ "$r2" = from1 ] && [ "$r3" = from2 ]; ok SHR-1 $?
[ $session = 0 ] && [ $fresh = 0 ]; ok BND-1 $?
[ $bnd2 = 0 ] && [ "$live" = live ]; ok BND-2 $?
[ $bnd2 = 0 ] && [ "$(cat "$home/notes.txt")" = changed ] && [ ! -e "$home/delete-me.txt" ] && [ $fresh = 0 ] \
  && [ "$(stat -c %u "$home/open/by-1234.txt")" = 1234 ]; ok BND-3 $?

# EPH-2: stop (shown stopped) and start (shown running) keep the writable layer
c stop "${p}_a1" >/dev/null; stopped=$(c inspect -f '{{.State.Running}}' "${p}_a1")
c start "${p}_a1" >/dev/null
[ "$stopped" = false ] && [ "$(c exec "${p}_a1" cat /home/test.txt)" = "$hello" ]; ok EPH-2 $?
c rm -f "${p}_a1" "${p}_a2" >/dev/null; removed=$?
[ $removed = 0 ] && [ "$(cat "$root/${p}_auto/_data/record.txt")" = kept ]; ok VOL-4 $?

if [ "$rt" = podman ]; then   # no Compose: EPH-1 and EPH-3 from a new container and a listing
  out=$(run -v "$p:/x" "$img" sh -c 'test ! -e /home/test.txt && echo clean')
  gone=$(c ps -a --format '{{.Names}}' --filter name="${p}_s" --filter name="${p}_a1")
  [ $session = 0 ] && [ "$out" = clean ] && ! grep -qx "${p}_s" <<< "$gone"; ok EPH-1 $?
  [ $removed = 0 ] && [ "$out" = clean ] && ! grep -qx "${p}_a1" <<< "$gone"; ok EPH-3 $?
  c volume rm "$p" "${p}_auto" >/dev/null && finished=1
  exit $failed
fi

# Tutorial 000: Compose
here=$(cd "$(dirname "$0")/.." && pwd)
cp "$here"/fixtures/compose/todo/*.yaml "$proj/"; echo "HARNESS_IMAGE=$img" > "$proj/.env"
# the project keeps its default network (internal), as the harness's compose.xml does: CMP-3 checks it goes with down
dc() { echo >> "$proj/calls"; docker-compose -p "$p" -f "$proj/compose.yaml" -f "$proj/internal-network.yaml" "$@" >/dev/null 2>&1; }
dbvol=$root/${p}_database/_data
dc up -d
c network inspect "${p}_default" >/dev/null 2>&1; net_up=$?
echo '[{"title":"learn volumes"}]' | c exec -i "${p}_todo-database_1" sh -c 'cat > /data/db/todos.json'
[ -s "$dbvol/todos.json" ]; cmp1=$?; ok CMP-1 $cmp1
dc down
c network inspect "${p}_default" >/dev/null 2>&1; net_left=$?
# one listing for what must be gone: the project's container (CMP-3), the --rm session (EPH-1), the removed one (EPH-3)
gone=$(c ps -a --format '{{.Names}}' --filter name="${p}_todo-database_1" --filter name="${p}_s" --filter name="${p}_a1")
[ $session = 0 ] && [ $fresh = 0 ] && ! grep -qx "${p}_s" <<< "$gone"; ok EPH-1 $?
[ -s "$dbvol/todos.json" ] && ! grep -qx "${p}_todo-database_1" <<< "$gone" && [ $net_up = 0 ] && [ $net_left != 0 ]; ok CMP-3 $?
out=$(run -v "${p}_database:/x" "$img" sh -c 'cat /x/todos.json; test ! -e /home/test.txt && echo clean')
[ "$out" = '[{"title":"learn volumes"}]'$'\n'clean ]; ok SHR-2 $?
[ $removed = 0 ] && ! grep -qx "${p}_a1" <<< "$gone" && [ "${out##*$'\n'}" = clean ]; ok EPH-3 $?
dc up -d
c exec "${p}_todo-database_1" cat /data/db/todos.json | grep -q learn; ok CMP-2 $?
dc down -v
[ $cmp1 = 0 ] && [ ! -e "$dbvol" ]; ok CMP-4 $?
c volume rm "$p" "${p}_auto" "${p}_lit" >/dev/null && finished=1
exit $failed
