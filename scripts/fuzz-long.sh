#!/bin/sh
# fuzz-long.sh - the nightly fuzzing run: builds the libFuzzer targets and
# runs each for SECONDS (default 600) from its seed corpus.  New interesting
# inputs go to build/fuzz-corpus/<target>; a crash leaves crash-* files in
# build/fuzz-artifacts/ and fails the script: turn each into a regression
# test (copy it into fuzz/corpus/<target>/).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${SECONDS_PER_TARGET:-600}
scripts/install-deps.sh
cmake -S "$root" -B "$root/build/fuzz" -G Ninja -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
  -DSTALLCHECK_FUZZ=ON -DSTALLCHECK_BUILD_PLUGIN=OFF >/dev/null
ninja -C "$root/build/fuzz" >/dev/null
mkdir -p "$root/build/fuzz-artifacts"
status=0
for target in compdb analysis config baseline suppress facts lsp catalog sarif; do
  mkdir -p "$root/build/fuzz-corpus/$target"
  echo "== $target: ${seconds}s" >&2
  case $target in
    analysis) seeds="$root/tests/blocking $root/tests/engine $root/tests/cpu $root/tests/threads" ;;
    suppress) seeds="$root/tests/suppress" ;;
    *) seeds="$root/fuzz/corpus/$target" ;;
  esac
  # shellcheck disable=SC2086 # several seed directories
  "$root/build/fuzz/fuzz/${target}_fuzzer" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$root/build/fuzz-artifacts/$target-" "$root/build/fuzz-corpus/$target" \
    $seeds 2>"$root/build/fuzz-artifacts/$target.log" || status=1
  tail -1 "$root/build/fuzz-artifacts/$target.log" >&2
done
exit $status
