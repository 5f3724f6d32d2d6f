#!/usr/bin/env bash
# Fuzzes the scenario loader and the tutorial-line parser for a bounded time: configures
# and builds the libFuzzer targets in build-fuzz/ (clang, -DHARNESS_FUZZ=ON; the normal
# build is not touched), then runs, one after the other, for SECONDS in all (default 60):
# - the loader, two thirds of the time, on a temporary copy of scenarios/*.xml and
#   tests/fuzz/regressions/*;
# - the tutorial-line parser, one third, on tests/fuzz/tutorial-lines/* and the lines of
#   scenarios/*.xml; a line it allows must have only the allowlist's shapes.
# Prints libFuzzer's final stats for each (number_of_executed_units is the number of
# executions); exits non-zero on any crash, hang, leak or sanitizer report, leaving the
# input that caused it in build-fuzz/artifacts/.
# Usage: tests/fuzz/run.sh [SECONDS]
set -euo pipefail
seconds=${1:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -ge 2 ] || { echo "usage: $0 [SECONDS, at least 2]" >&2; exit 64; }
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build=${HARNESS_FUZZ_BUILD:-$source_dir/build-fuzz}

cmake -S "$source_dir" -B "$build" -DHARNESS_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 --target scenario_loader_fuzz tutorial_line_fuzz >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/harness-fuzz-corpus.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/artifacts" "$work/loader" "$work/tutorial"
cp "$source_dir"/scenarios/*.xml "$work/loader"/
cp "$source_dir"/tests/fuzz/regressions/* "$work/loader"/ 2>/dev/null || true
cp "$source_dir"/tests/fuzz/tutorial-lines/* "$work/tutorial"/
n=0
sed -n 's/.*<tutorial [^>]*line="\([^"]*\)".*/\1/p' "$source_dir"/scenarios/*.xml | while IFS= read -r line; do
  n=$((n + 1)); printf '%s' "$line" >"$work/tutorial/scenario-line-$n.txt"
done

# fuzz TARGET CORPUS DICT SECONDS MAX_LEN
fuzz() {
  local target=$1 corpus=$2 dict=$3 time=$4 max_len=$5 rc executions
  echo "fuzz: $target, ${time} s, corpus of $(ls "$corpus" | wc -l) file(s)"
  set +e
  "$build/bin/$target" "$corpus" -dict="$dict" \
    -max_total_time="$time" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" >"$build/$target.log" 2>&1
  rc=$?
  set -e
  grep -E '^(stat::|Done |INFO: Seed|INFO: -max_total_time)' "$build/$target.log" || true
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/$target.log")
  if [ "$rc" -ne 0 ]; then
    grep -E -A30 '^==[0-9]+==ERROR|runtime error|ALARM|out-of-memory|deadly signal' "$build/$target.log" | head -60 >&2
    echo "fuzz: $target FAILED (exit $rc); the input is in $build/artifacts/, the log in $build/$target.log" >&2
    exit 1
  fi
  echo "fuzz: $target, ${executions:-?} executions in ${time} s, no crash"
}

tutorial_seconds=$((seconds / 3))
fuzz scenario_loader_fuzz "$work/loader" "$source_dir/tests/fuzz/scenario.dict" $((seconds - tutorial_seconds)) 16384
fuzz tutorial_line_fuzz "$work/tutorial" "$source_dir/tests/fuzz/tutorial.dict" "$tutorial_seconds" 2048
