#!/bin/sh
# test.sh - the test command: installs what is missing, builds stallcheck
# (with the clang plugin) and runs every test through ctest, then builds again
# with AddressSanitizer and UndefinedBehaviorSanitizer and runs the suite
# again.  The last line is the sum of both runs: "N passed, N failed".
# Exit status 0 only if nothing failed and something ran.
#
#   scripts/test.sh            both runs
#   STALLCHECK_NO_ASAN=1 scripts/test.sh    the normal run only
set -u
cd "$(dirname "$0")/.." || exit 2
root=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)

scripts/install-deps.sh || { echo "test.sh: cannot install the dependencies" >&2; echo "0 passed, 1 failed"; exit 1; }
# SARIF validation uses Microsoft's SARIF Multitool from npm when it can be
# installed; the tests that need it say UNSUPPORTED otherwise.
if [ -x scripts/install-sarif-multitool.sh ]; then
  scripts/install-sarif-multitool.sh || echo "test.sh: SARIF Multitool not installed; its tests are skipped" >&2
fi

total_passed=0
total_failed=0

# run <name> <build dir> <cmake options...> [-- <ctest options...>]: configure,
# build, ctest; adds ctest's counts to the totals (a failed build counts as
# one failure).
run() {
  name=$1 dir=$2
  shift 2
  cmake_args="" ctest_args=""
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do cmake_args="$cmake_args $1"; shift; done
  [ $# -gt 0 ] && shift
  ctest_args="$*"
  echo "== $name: $dir" >&2
  # shellcheck disable=SC2086 # the options are words
  if ! cmake -S "$root" -B "$dir" -G Ninja $cmake_args >"$dir.log" 2>&1 ||
     ! ninja -C "$dir" >>"$dir.log" 2>&1; then
    tail -40 "$dir.log" >&2
    echo "test.sh: $name: the build failed (log: $dir.log)" >&2
    total_failed=$((total_failed + 1))
    return
  fi
  # shellcheck disable=SC2086
  (cd "$dir" && ctest --output-on-failure -j "$jobs" $ctest_args) >"$dir.ctest.log" 2>&1
  grep -E "tests passed|Failed|\*\*\*" "$dir.ctest.log" >&2
  summary=$(grep -E "[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+" "$dir.ctest.log" | tail -1)
  if [ -z "$summary" ]; then
    tail -40 "$dir.ctest.log" >&2
    echo "test.sh: $name: ctest did not run (log: $dir.ctest.log)" >&2
    total_failed=$((total_failed + 1))
    return
  fi
  failed=$(echo "$summary" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/')
  all=$(echo "$summary" | sed -E 's/.* failed out of ([0-9]+).*/\1/')
  total_passed=$((total_passed + all - failed))
  total_failed=$((total_failed + failed))
  [ "$failed" -eq 0 ] || sed -n '/The following tests FAILED/,$p' "$dir.ctest.log" >&2
}

mkdir -p build
run "release build" "$root/build/test" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTALLCHECK_BUILD_PLUGIN=ON
if [ -z "${STALLCHECK_NO_ASAN:-}" ]; then
  # Sanitizer reports go to files: a report fails the run even when the test
  # that caused it passed (`not stallcheck ...` accepts any non-zero status,
  # the sanitizer's too).  The plugin is left out: an instrumented plugin
  # cannot load into an uninstrumented clang.
  reports="$root/build/asan-reports"
  rm -rf "$reports"
  mkdir -p "$reports"
  ASAN_OPTIONS="detect_leaks=1:log_path=$reports/report"
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/report"
  export ASAN_OPTIONS UBSAN_OPTIONS
  run "ASan+UBSan build" "$root/build/asan" -DCMAKE_BUILD_TYPE=Debug -DSTALLCHECK_SANITIZE=ON \
    -DSTALLCHECK_BUILD_PLUGIN=OFF
  unset ASAN_OPTIONS UBSAN_OPTIONS
  found=$(find "$reports" -type f -name 'report.*' | wc -l)
  if [ "$found" -gt 0 ]; then
    find "$reports" -type f -name 'report.*' | head -3 | xargs head -30 >&2
    echo "test.sh: $found sanitizer report(s) in $reports, each counted as a failure" >&2
    total_failed=$((total_failed + found))
  fi
fi

if [ -z "${STALLCHECK_NO_FUZZ:-}" ]; then
  # The libFuzzer targets, built with clang, each fuzzed briefly from its
  # seed corpus (scripts/fuzz-long.sh runs them for longer).
  run "fuzz build" "$root/build/fuzz" -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DSTALLCHECK_FUZZ=ON -DSTALLCHECK_BUILD_PLUGIN=OFF -DSTALLCHECK_FUZZ_SECONDS=10 -- -L fuzz
fi

echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ] && [ "$total_passed" -gt 0 ]
