#!/usr/bin/env bash
# The plain shell script a skilled engineer would write to check the 16 seed claims on
# Docker: the tutorials' flows, containers reused for several checks, no network, no 10 s
# stop waits, host-side reads. The benchmark's baseline (bench/run). It makes 23 runtime
# calls (the issue's sketch made 18) and prints one line per claim; it exits non-zero
# when a claim does not hold.
#   bench/plain-seed.sh [IMAGE]
set -uo pipefail
img=${1:-harness-busybox:1}
p=plain-$$
keep=(sh -c "trap 'exit 0' TERM INT; sleep 2147483647 & wait")
hello="hello world from Docker"
home=$(mktemp -d)
proj=$(mktemp -d)
failed=0
ok() { if [ "$2" = 0 ]; then echo "PASS $1"; else echo "FAIL $1"; failed=1; fi; }
finished=0
cleanup() {   # the runtime calls only when the flow did not get to its end
  if [ $finished = 0 ]; then
    docker rm -f "${p}_s" "${p}_a1" "${p}_a2" >/dev/null 2>&1
    [ -f "$proj/compose.yaml" ] && docker-compose -p "$p" -f "$proj/compose.yaml" -f "$proj/no-network.yaml" down -v -t 0 >/dev/null 2>&1
    docker volume rm -f "$p" "${p}_auto" >/dev/null 2>&1
  fi
  rm -rf "$home" "$proj"
}
trap cleanup EXIT
run() { docker run --rm --network none "$@"; }

# Tutorial 001: the --rm session, with the volume (-v) and the host folder ($HOME) mounted
echo "written on the host" > "$home/notes.txt"; echo x > "$home/delete-me.txt"
docker volume create "$p" >/dev/null                                                        # 1
out=$(run --name "${p}_s" --mount "type=volume,src=$p,dst=/home/my_folder" -v "$home:/home/host" "$img" sh -c '
  echo "$0" > /home/test.txt && cat /home/test.txt && echo "$0" > /home/my_folder/test.txt &&
  cat /home/host/notes.txt && echo "$0" > /home/host/test.txt && echo changed > /home/host/notes.txt &&
  rm /home/host/delete-me.txt' "$hello")                                                      # 2
[ "$out" = "$hello"$'\n'"written on the host" ]; session=$?
mp=$(docker volume inspect -f '{{.Driver}} {{.Mountpoint}}' "$p")                           # 3
docker volume ls -q | grep -qx "$p"; listed=$?                                               # 4
driver=${mp%% *}; mp=${mp#local }
[ $listed = 0 ] && [ "$driver" = local ] && [ "$mp" = "$(docker info -f '{{.DockerRootDir}}' 2>/dev/null)/volumes/$p/_data" ] && [ -d "$mp" ]; ok VOL-1 $?  # (info: 5)
[ $session = 0 ] && [ "$(cat "$mp/test.txt")" = "$hello" ]; ok VOL-2 $?
[ $session = 0 ]; ok BND-1 $?
[ "$(cat "$home/test.txt")" = "$hello" ]; ok BND-2 $?

# Sharing: two running containers on the volume; the first also has the host folder read-only,
# the second a volume that does not exist yet (-v creates it)
docker run -d --name "${p}_a1" --network none -v "$p:/home/my_folder1" -v "$home:/ro:ro" "$img" "${keep[@]}" >/dev/null   # 5
docker run -d --name "${p}_a2" --network none -v "$p:/home/my_folder2" -v "${p}_auto:/data/db" "$img" "${keep[@]}" >/dev/null  # 6
r1=$(docker exec "${p}_a1" sh -c 'test ! -e /home/test.txt && echo new; cat /home/my_folder1/test.txt;
  echo from1 > /home/my_folder1/from1.txt; test -s /ro/notes.txt && { (echo no > /ro/blocked.txt) 2>/dev/null || echo refused; };
  echo "$0" > /home/test.txt' "$hello")                                                      # 7
r2=$(docker exec "${p}_a2" sh -c 'cat /home/my_folder2/from1.txt && echo from2 > /home/my_folder2/from2.txt && echo kept > /data/db/record.txt')  # 8
r3=$(docker exec "${p}_a1" cat /home/my_folder1/from2.txt)                                    # 9
[ "$r1" = "new"$'\n'"$hello"$'\n'"refused" ] ; fresh=$?
[ $fresh = 0 ]; ok VOL-3 $?
[ "$r2" = from1 ] && [ "$r3" = from2 ]; ok SHR-1 $?
[ "$(stat -c %u "$home/test.txt")" = 0 ] && [ "$(cat "$home/notes.txt")" = changed ] && [ ! -e "$home/delete-me.txt" ] \
  && [ $fresh = 0 ] && [ ! -e "$home/blocked.txt" ]; ok BND-3 $?

# EPH-2: stop and start keep the writable layer; EPH-3: rm loses it (checked by Compose's outsider)
docker stop "${p}_a1" >/dev/null && docker start "${p}_a1" >/dev/null                         # 10, 11
[ "$(docker exec "${p}_a1" cat /home/test.txt)" = "$hello" ]; ok EPH-2 $?                      # 12
docker rm -f "${p}_a1" "${p}_a2" >/dev/null; removed=$?                                        # 13
[ $removed = 0 ] && [ "$(cat "$(dirname "$mp")/../${p}_auto/_data/record.txt")" = kept ]; ok VOL-4 $?

# Tutorial 000: Compose
here=$(cd "$(dirname "$0")/.." && pwd)
cp "$here"/fixtures/compose/todo/*.yaml "$proj/"; echo "HARNESS_IMAGE=$img" > "$proj/.env"
dc() { docker-compose -p "$p" -f "$proj/compose.yaml" -f "$proj/no-network.yaml" "$@" >/dev/null 2>&1; }
dbvol=$(dirname "$mp")/../${p}_database/_data
dc up -d                                                                                       # 14
echo '[{"title":"learn volumes"}]' | docker exec -i "${p}_todo-database_1" sh -c 'cat > /data/db/todos.json'   # 15
[ -s "$dbvol/todos.json" ]; cmp1=$?; ok CMP-1 $cmp1
dc down                                                                                        # 16
# one listing for what must be gone: the project's container (CMP-3), the --rm session (EPH-1), the removed one (EPH-3)
gone=$(docker ps -a --format '{{.Names}}' --filter name="${p}_todo-database_1" --filter name="${p}_s" --filter name="${p}_a1")  # 17
[ $session = 0 ] && [ $fresh = 0 ] && ! grep -qx "${p}_s" <<< "$gone"; ok EPH-1 $?
[ -s "$dbvol/todos.json" ] && ! grep -qx "${p}_todo-database_1" <<< "$gone"; ok CMP-3 $?
out=$(run -v "${p}_database:/x" "$img" sh -c 'cat /x/todos.json; test ! -e /home/test.txt && echo clean')  # 18
[ "$out" = '[{"title":"learn volumes"}]'$'\n'clean ]; ok SHR-2 $?
[ $removed = 0 ] && ! grep -qx "${p}_a1" <<< "$gone" && [ "${out##*$'\n'}" = clean ]; ok EPH-3 $?
dc up -d                                                                                       # 19
docker exec "${p}_todo-database_1" cat /data/db/todos.json | grep -q learn; ok CMP-2 $?      # 20
dc down -v                                                                                     # 21
[ $cmp1 = 0 ] && [ ! -e "$dbvol" ]; ok CMP-4 $?
docker volume rm "$p" "${p}_auto" >/dev/null && finished=1                                   # 22
exit $failed
