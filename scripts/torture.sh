#!/bin/sh
# torture.sh - stallcheck under AddressSanitizer and UndefinedBehaviorSanitizer
# over real programs: every translation unit alone, then each whole program,
# each run under a time and a memory limit.  Counts what it saw and fails on
# any crash, sanitizer report or run over a limit.
#
#   scripts/torture.sh DIR...     each DIR holds a compile_commands.json
#                                 (or give the file itself)
#
# Environment:
#   STALLCHECK      the binary (default: build/asan/driver/stallcheck, built
#                   here with -DSTALLCHECK_SANITIZE=ON when missing)
#   TU_SECONDS      wall-clock limit per TU (default 60); a whole program
#                   gets 10 times as much
#   TU_MEMORY_MB    resident-memory limit per run (default 2048).  ASan
#                   reserves terabytes of address space for its shadow, so
#                   `ulimit -v` cannot be the limit of an ASan binary: the
#                   sanitizer's own hard_rss_limit_mb is; an uninstrumented
#                   binary gets `ulimit -v` instead.
#   TORTURE_OUT     where logs and reports go (default: build/torture)
#
# Output: one line per program (TUs, functions, findings, time, failures)
# (peak MiB: the whole-program run's resident peak) and a total; the failing
# TUs, with their logs, are listed in $TORTURE_OUT/failures.txt.  Exit 0 only if nothing failed.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -gt 0 ] || { echo "usage: scripts/torture.sh DIR..." >&2; exit 2; }
tu_seconds=${TU_SECONDS:-60}
memory_mb=${TU_MEMORY_MB:-2048}
out=${TORTURE_OUT:-$root/build/torture}
bin=${STALLCHECK:-$root/build/asan/driver/stallcheck}
if [ ! -x "$bin" ] && [ -z "${STALLCHECK:-}" ]; then
  cmake -S "$root" -B "$root/build/asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTALLCHECK_SANITIZE=ON \
    -DSTALLCHECK_BUILD_PLUGIN=OFF -DSTALLCHECK_BUILD_TESTS=OFF >/dev/null
  ninja -C "$root/build/asan" stallcheck >/dev/null
fi
[ -x "$bin" ] || { echo "torture: no stallcheck at $bin" >&2; exit 2; }

rm -rf "$out"
mkdir -p "$out/reports" "$out/logs"
: >"$out/failures.txt"
# Every sanitizer report lands in a file: a run that exits 0 or 1 but wrote
# one still counts as a failure.  detect_leaks: a leak per TU adds up in an
# editor or a long CI job.
ASAN_OPTIONS="detect_leaks=1:hard_rss_limit_mb=$memory_mb:log_path=$out/reports/asan"
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$out/reports/ubsan"
export ASAN_OPTIONS UBSAN_OPTIONS
instrumented=0
if nm -D "$bin" 2>/dev/null | grep -q __asan_init || nm "$bin" 2>/dev/null | grep -q __asan_init; then instrumented=1; fi

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# limited SECONDS LOG CMD...: runs CMD with the limits; prints its status
# (124: over the time limit).
limited() {
  seconds=$1 log=$2
  shift 2
  set +e
  (
    # shellcheck disable=SC3045 # dash, bash and busybox sh all have ulimit -v
    [ "$instrumented" -eq 1 ] || ulimit -v $((memory_mb * 1024))
    exec timeout -k 5 "$seconds" nice -n 10 "$@"
  ) >"$log.out" 2>"$log"
  status=$?
  set -e
  echo "$status"
}

# A status that is not a verdict of stallcheck's (0 clean, 1 findings, 2
# unusable input) is a failure: a signal, a sanitizer's exit, a timeout.
verdict_ok() { [ "$1" -le 2 ]; }

total_tus=0 total_functions=0 total_findings=0 total_failures=0 total_refused=0 max_peak=0
start_all=$(now)
printf '%-22s %6s %9s %9s %8s %8s %9s %9s\n' program TUs functions findings refused failures seconds "peak MiB"
for arg in "$@"; do
  db=$arg
  [ -d "$db" ] && db=$db/compile_commands.json
  [ -f "$db" ] || { echo "torture: no compile database at $arg" >&2; exit 2; }
  dir=$(cd "$(dirname "$db")" && pwd)
  name=$(basename "$dir")
  [ "$name" = build ] && name=$(basename "$(dirname "$dir")")
  tus=0 failures=0 refused=0
  start=$(now)
  # Each TU alone: the front end and the analysis of one file.
  python3 -c 'import json, os, sys
for e in json.load(open(sys.argv[1])):
    print(os.path.join(e["directory"], e["file"]))' "$db" | sort -u >"$out/logs/$name.tus"
  i=0
  while IFS= read -r tu; do
    i=$((i + 1))
    log=$out/logs/$name.$i.log
    status=$(limited "$tu_seconds" "$log" "$bin" -p "$db" "$tu" --no-cache --no-config -j 1 --quiet --format=json)
    tus=$((tus + 1))
    [ "$status" -eq 2 ] && refused=$((refused + 1))
    if ! verdict_ok "$status"; then
      failures=$((failures + 1))
      echo "$name: $tu: exit $status (log: $log)" >>"$out/failures.txt"
    fi
  done <"$out/logs/$name.tus"
  # The whole program: linking, call graph and every check across TUs.
  log=$out/logs/$name.program.log
  status=$(limited $((tu_seconds * 10)) "$log" /usr/bin/time -f %M -o "$log.rss" \
    "$bin" -p "$db" --no-cache --no-config -j 1 --quiet --format=json)
  peak=$(($(tail -1 "$log.rss" 2>/dev/null || echo 0) / 1024))
  if ! verdict_ok "$status"; then
    failures=$((failures + 1))
    echo "$name: whole program: exit $status (log: $log)" >>"$out/failures.txt"
  fi
  findings=$(python3 -c 'import json, sys
try: print(len(json.load(open(sys.argv[1]))["findings"]))
except Exception: print(0)' "$log.out")
  flog=$out/logs/$name.facts.log
  status=$(limited $((tu_seconds * 10)) "$flog" "$bin" -p "$db" --no-cache --no-config -j 1 --quiet --dump-facts)
  if ! verdict_ok "$status"; then
    failures=$((failures + 1))
    echo "$name: --dump-facts: exit $status (log: $flog)" >>"$out/failures.txt"
  fi
  functions=$(grep -c '^function ' "$flog.out" || true)
  rm -f "$flog.out"
  seconds=$(elapsed "$start" "$(now)")
  printf '%-22s %6d %9d %9d %8d %8d %9s %9d\n' "$name" "$tus" "$functions" "$findings" "$refused" "$failures" \
    "$seconds" "$peak"
  [ "$peak" -le "$max_peak" ] || max_peak=$peak
  total_tus=$((total_tus + tus))
  total_functions=$((total_functions + functions))
  total_findings=$((total_findings + findings))
  total_refused=$((total_refused + refused))
  total_failures=$((total_failures + failures))
done
reports=$(find "$out/reports" -type f | wc -l)
printf '%-22s %6d %9d %9d %8d %8d %9s %9d\n' total "$total_tus" "$total_functions" "$total_findings" "$total_refused" \
  "$total_failures" "$(elapsed "$start_all" "$(now)")" "$max_peak"
echo "sanitizer reports: $reports (in $out/reports); limits: ${tu_seconds}s and ${memory_mb} MiB per TU"
if [ "$reports" -gt 0 ]; then
  find "$out/reports" -type f | head -3 | xargs head -20 >&2
fi
[ "$total_failures" -eq 0 ] && [ "$reports" -eq 0 ]
