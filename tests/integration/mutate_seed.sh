# `harness mutate --tag seed` on docker (issue 12): every mutant is caught, every seed claim
# is failed by at least one mutant, the three breakages the issue describes are each caught
# by their own claim (copy-binds by BND-1 or BND-2, drop-readonly by BND-3, idle-stop by
# EPH-2) and by no claim that does not depend on them, and nothing is left behind: not by
# the runs, not by the wrappers' own calls (copies, helper containers), not the wrapper folder.
source "$(dirname "$0")/lib.bash" "$@"

anonymous_volumes() { docker volume ls -q --filter dangling=true | grep -E '^[0-9a-f]{64}$' | sort || true; }
anonymous_before=$(anonymous_volumes)
wrappers_before=$(ls -d /tmp/harness-mutate-* 2>/dev/null | sort || true)

start=$(date +%s)
run_harness mutate --tag seed --reports "$WORK/mutate"
echo "harness mutate --tag seed took $(($(date +%s) - start)) s"
expect_rc 0
expect_out "^mutants: [0-9]+ caught, 0 missed"
! grep -qE '^(missed|fault) ' "$WORK/out" || fail "a mutant was missed or its run faulted"

# The claims a mutant made fail, from its `caught  NAME  IDS` line.
caught_by() { awk -v name="$1" '$1 == "caught" && $2 == name { for (i = 3; i <= NF; i++) print $i }' "$WORK/out"; }

# Every seed claim is failed by at least one mutant.
seed_claims=$("$HARNESS" list --tag seed | awk '/^  [A-Z]/ { print $1 }')
[ -n "$seed_claims" ] || fail "harness list --tag seed lists no claim"
all_caught=$(awk '$1 == "caught" { for (i = 3; i <= NF; i++) print $i }' "$WORK/out" | sort -u)
for claim in $seed_claims; do
  echo "$all_caught" | grep -qxF "$claim" || fail "no mutant makes $claim fail"
done
echo "every seed claim fails under at least one mutant: $(echo $seed_claims)"

# The three breakages of the issue: caught by their own claim, by no claim that does not depend on them.
only() {  # only MUTANT 'ALLOWED CLAIMS' 'ONE OF THESE MUST BE THERE'
  local claims claim
  claims=$(caught_by "$1")
  [ -n "$claims" ] || fail "$1 was not caught"
  for claim in $claims; do [[ " $2 " == *" $claim "* ]] || fail "$1 made $claim fail, which does not depend on it"; done
  for claim in $3; do echo "$claims" | grep -qxF "$claim" && { echo "$1: caught by $(echo $claims)"; return; }; done
  fail "$1 was caught by $(echo $claims), not by one of $3"
}
only copy-binds "BND-1 BND-2 BND-3" "BND-1 BND-2"
only drop-readonly "BND-3" "BND-3"
only idle-stop "EPH-2" "EPH-2"

# Nothing left behind, by any run (their ids are on the first line of their output) or by a wrapper.
for out in "$WORK"/mutate/*.txt; do
  id=$(sed -n 's/^harness run \([0-9a-f]*\):.*/\1/p' "$out" | head -1)
  [ -n "$id" ] || fail "no run id in $out"
  [ -z "$(docker ps -a -q --filter "label=harness.run=$id")" ] || fail "containers of run $id left ($out)"
  [ -z "$(docker ps -a -q --filter "name=harness-$id-")" ] || fail "containers of run $id left ($out)"
  [ -z "$(docker volume ls -q --filter "name=harness-$id-")" ] || fail "volumes of run $id left ($out)"
  [ -z "$(docker volume ls -q --filter "label=harness.run=$id")" ] || fail "volumes of run $id left ($out)"
  ! ls -d /tmp/harness-"$id"-* 2>/dev/null || fail "host folders of run $id left ($out)"
done
new_anonymous=$(comm -13 <(echo "$anonymous_before") <(anonymous_volumes))
[ -z "$new_anonymous" ] || fail "anonymous volumes left (a mutant's copies?): $new_anonymous"
[ "$(ls -d /tmp/harness-mutate-* 2>/dev/null | sort || true)" = "$wrappers_before" ] || fail "a wrapper folder was left in /tmp"
echo "nothing left by $(ls "$WORK"/mutate/*.txt | wc -l) runs"

# A bad mutant name is bad usage, and --print-wrapper writes a folder that breaks a normal run.
run_harness mutate --mutant no-such
expect_rc 64
run_harness mutate --print-wrapper idle-stop "$WORK/idle-stop"
expect_rc 0
expect_out "^export HARNESS_MUTANT=idle-stop PATH=$WORK/idle-stop:\"\\\$PATH\""
[ "$(readlink -f "$WORK/idle-stop/docker")" = "$(readlink -f "$HARNESS")" ] || fail "$WORK/idle-stop/docker is not the harness"
echo "OK"
