#!/bin/sh
# torture.sh - stallcheck under AddressSanitizer, UndefinedBehaviorSanitizer
# and LeakSanitizer over real programs: every compile database given (a
# directory holding compile_commands.json), with a time limit per run (ASan
# needs the whole address space for its shadow, so memory is reported as the
# peak resident size instead of limited).  Prints TUs, findings, time, peak
# memory and sanitizer reports per program; exits 1 if any run crashed, hit
# the limit or produced a report.
#
#   scripts/torture.sh ../realsrc/redis-7.0.15 ../realsrc/tmux-3.3a ...
#
# Programs come from Debian sources: bench/fetch-debian-source.sh, or
# `apt-get source <pkg>` and `bear -- make` (docs/case-studies.md).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build/asan}
limit_seconds=${LIMIT_SECONDS:-900}
[ $# -gt 0 ] || { echo "usage: scripts/torture.sh <compile-database-dir>..." >&2; exit 2; }
if [ ! -x "$build/driver/stallcheck" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTALLCHECK_SANITIZE=ON \
    -DSTALLCHECK_BUILD_PLUGIN=OFF -DSTALLCHECK_BUILD_TESTS=OFF >/dev/null && ninja -C "$build" stallcheck >/dev/null ||
    { echo "torture: cannot build $build" >&2; exit 2; }
fi
reports=$(mktemp -d)
trap 'rm -rf "$reports" "$reports.out" "$reports.rss"' EXIT
status=0
printf '%-24s %6s %9s %8s %10s %8s\n' program TUs findings seconds "peak MiB" reports
for db in "$@"; do
  tus=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$db/compile_commands.json" 2>/dev/null || echo "?")
  start=$(date +%s)
  ASAN_OPTIONS="detect_leaks=1:log_path=$reports/r" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/r" \
    timeout "$limit_seconds" /usr/bin/time -f %M -o "$reports.rss" "$build/driver/stallcheck" -p "$db" --quiet \
    --no-cache >"$reports.out" 2>/dev/null
  rc=$?
  findings=$(grep -c ": warning: \|: error: " "$reports.out")
  peak=$(( $(tail -1 "$reports.rss" 2>/dev/null || echo 0) / 1024 ))
  seconds=$(( $(date +%s) - start ))
  found=$(find "$reports" -type f | wc -l)
  printf '%-24s %6s %9s %8s %10s %8s\n' "$(basename "$db")" "$tus" "$findings" "$seconds" "$peak" "$found"
  if [ "$found" -gt 0 ]; then head -20 "$reports"/* >&2; rm -f "$reports"/*; status=1; fi
  [ "$rc" -le 1 ] || status=1
done
exit $status
