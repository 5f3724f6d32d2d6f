#!/usr/bin/env bash
# The plain shell script a skilled engineer would write to check the 16 seed claims on
# Docker, following each tutorial's flow: containers reused, no network, no 10 s stop
# waits, several checks per runtime call where the flow allows. The benchmark's baseline;
# it prints one line per claim and exits non-zero when a claim does not hold.
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
cleanup() {
  docker rm -f "${p}_keep" "${p}_a1" "${p}_a2" >/dev/null 2>&1
  [ -f "$proj/compose.yaml" ] && docker-compose -p "$p" -f "$proj/compose.yaml" -f "$proj/no-network.yaml" down -v -t 0 >/dev/null 2>&1
  docker volume rm -f "${p}_vol" "${p}_auto" >/dev/null 2>&1
  rm -rf "$home" "$proj"
}
trap cleanup EXIT
run() { docker run --rm --network none "$@"; }

# EPH-1: write in a --rm container and read it back; a new container does not have it
out=$(echo "$hello" | run -i "$img" sh -c 'cat > /home/test.txt && cat /home/test.txt')
run "$img" test ! -e /home/test.txt; absent=$?
[ "$out" = "$hello" ] && [ $absent = 0 ]; ok EPH-1 $?
# EPH-2 / EPH-3: stop + start keeps the file; rm -f loses it
docker run -d --name "${p}_keep" --network none "$img" "${keep[@]}" >/dev/null
echo "$hello" | docker exec -i "${p}_keep" sh -c 'cat > /home/test.txt'
docker stop "${p}_keep" >/dev/null && docker start "${p}_keep" >/dev/null
[ "$(docker exec "${p}_keep" cat /home/test.txt)" = "$hello" ]; ok EPH-2 $?
docker rm -f "${p}_keep" >/dev/null; gone=$?
[ $gone = 0 ] && [ $absent = 0 ]; ok EPH-3 $?   # a new container: the same observation as EPH-1's

# VOL-1..4
docker volume create "${p}_vol" >/dev/null
info=$(docker volume inspect -f '{{.Name}} {{.Driver}} {{.Mountpoint}}' "${p}_vol")
root=$(docker info -f '{{.DockerRootDir}}')
[ "$info" = "${p}_vol local $root/volumes/${p}_vol/_data" ] && docker volume ls -q | grep -qx "${p}_vol"; ok VOL-1 $?
run --mount "type=volume,src=${p}_vol,dst=/home/my_folder" "$img" sh -c "echo '$hello' > /home/my_folder/test.txt"
[ "$(cat "$root/volumes/${p}_vol/_data/test.txt")" = "$hello" ]; ok VOL-2 $?
[ "$(run -v "${p}_vol:/home/my_folder" "$img" cat /home/my_folder/test.txt)" = "$hello" ]; ok VOL-3 $?
run -v "${p}_auto:/data/db" "$img" sh -c 'echo kept > /data/db/record.txt'
[ "$(cat "$(docker volume inspect -f '{{.Mountpoint}}' "${p}_auto")/record.txt")" = kept ]; ok VOL-4 $?

# SHR-1: two running containers, one volume at two paths, both ways
docker run -d --name "${p}_a1" --network none --mount "type=volume,src=${p}_vol,dst=/home/my_folder1" "$img" "${keep[@]}" >/dev/null
docker run -d --name "${p}_a2" --network none --mount "type=volume,src=${p}_vol,dst=/home/my_folder2" "$img" "${keep[@]}" >/dev/null
docker exec "${p}_a1" sh -c 'echo from1 > /home/my_folder1/from1.txt'
r2=$(docker exec "${p}_a2" sh -c 'cat /home/my_folder2/from1.txt && echo from2 > /home/my_folder2/from2.txt')
r1=$(docker exec "${p}_a1" cat /home/my_folder1/from2.txt)
[ "$r2" = from1 ] && [ "$r1" = from2 ]; ok SHR-1 $?

# BND-1..3: a stand-in for $HOME
echo "written on the host" > "$home/notes.txt"; echo x > "$home/delete-me.txt"
r=$(run -v "$home:/home/my_folder" "$img" sh -c 'cat /home/my_folder/notes.txt && echo "'"$hello"'" > /home/my_folder/test.txt && echo changed > /home/my_folder/notes.txt && rm /home/my_folder/delete-me.txt')
[ "$r" = "written on the host" ]; ok BND-1 $?
[ "$(cat "$home/test.txt")" = "$hello" ]; ok BND-2 $?
run -v "$home:/home/my_folder:ro" "$img" sh -c 'echo no > /home/my_folder/blocked.txt' 2>/dev/null; ro=$?
[ "$(stat -c %u "$home/test.txt")" = 0 ] && [ "$(cat "$home/notes.txt")" = changed ] && [ ! -e "$home/delete-me.txt" ] && [ $ro != 0 ] && [ ! -e "$home/blocked.txt" ]; ok BND-3 $?

# Compose (tutorial 000)
here=$(cd "$(dirname "$0")/.." && pwd)
cp "$here"/fixtures/compose/todo/*.yaml "$proj/"; echo "HARNESS_IMAGE=$img" > "$proj/.env"
dc() { docker-compose -p "$p" -f "$proj/compose.yaml" -f "$proj/no-network.yaml" "$@"; }
dc up -d >/dev/null 2>&1
echo '[{"title":"learn volumes"}]' | docker exec -i "${p}_todo-database_1" sh -c 'cat > /data/db/todos.json'
mp=$(docker volume inspect -f '{{.Mountpoint}}' "${p}_database"); c1=$?
[ $c1 = 0 ] && [ -s "$mp/todos.json" ]; ok CMP-1 $?
dc down >/dev/null 2>&1
[ -s "$mp/todos.json" ] && ! docker inspect "${p}_todo-database_1" >/dev/null 2>&1; ok CMP-3 $?
run -v "${p}_database:/x" "$img" cat /x/todos.json | grep -q learn; ok SHR-2 $?
dc up -d >/dev/null 2>&1
docker exec "${p}_todo-database_1" cat /data/db/todos.json | grep -q learn; ok CMP-2 $?
dc down -v >/dev/null 2>&1
! docker volume inspect "${p}_database" >/dev/null 2>&1; ok CMP-4 $?
exit $failed
