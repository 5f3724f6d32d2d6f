#!/usr/bin/env bash
# Fuzzes the scenario loader for a bounded time: configures and builds the libFuzzer
# target in build-fuzz/ (clang, -DHARNESS_FUZZ=ON; the normal build is not touched), then
# runs it for SECONDS (default 60) on a temporary copy of the seed corpus (scenarios/*.xml
# and tests/fuzz/regressions/*). Prints libFuzzer's final stats (number_of_executed_units
# is the number of executions); exits non-zero on any crash, hang, leak or sanitizer
# report, leaving the input that caused it in build-fuzz/artifacts/.
# Usage: tests/fuzz/run.sh [SECONDS]
set -euo pipefail
seconds=${1:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS]" >&2; exit 64; }
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build=${HARNESS_FUZZ_BUILD:-$source_dir/build-fuzz}

cmake -S "$source_dir" -B "$build" -DHARNESS_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 --target scenario_loader_fuzz >/dev/null

corpus=$(mktemp -d "${TMPDIR:-/tmp}/harness-fuzz-corpus.XXXXXX")
trap 'rm -rf "$corpus"' EXIT
cp "$source_dir"/scenarios/*.xml "$corpus"/
cp "$source_dir"/tests/fuzz/regressions/* "$corpus"/ 2>/dev/null || true
mkdir -p "$build/artifacts"

echo "fuzz: scenario loader, ${seconds} s, corpus of $(ls "$corpus" | wc -l) file(s)"
set +e
"$build/bin/scenario_loader_fuzz" "$corpus" \
  -dict="$source_dir/tests/fuzz/scenario.dict" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -print_final_stats=1 -artifact_prefix="$build/artifacts/" >"$build/fuzz.log" 2>&1
rc=$?
set -e
grep -E '^(stat::|Done |INFO: Seed|INFO: -max_total_time)' "$build/fuzz.log" || true
executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz.log")
if [ "$rc" -ne 0 ]; then
  grep -E -A30 '^==[0-9]+==ERROR|runtime error|ALARM|out-of-memory|deadly signal' "$build/fuzz.log" | head -60 >&2
  echo "fuzz: FAILED (exit $rc); the input is in $build/artifacts/, the log in $build/fuzz.log" >&2
  exit 1
fi
echo "fuzz: ${executions:-?} executions in ${seconds} s, no crash"
