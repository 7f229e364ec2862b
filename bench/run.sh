#!/bin/sh
# bench/run.sh - stallcheck's cost against the compiler's own parse.
#
#   bench/run.sh [compile-database-dir...]
#
# Default: the example project (build/examples, made by scripts/quickstart.sh)
# and every program bench/fetch-debian-source.sh has built in build/bench/.
# For each compile database, times `clang -fsyntax-only` over the same
# translation units with the same flags and the same parallelism, then
# `stallcheck -p` (whole program: parse, link, analyse, report), and prints
# the ratio and the peak resident sizes (GNU time's "Maximum resident set
# size", as `/usr/bin/time -v` prints it): the largest clang of all the TUs
# against the whole stallcheck run.
#
#   JOBS=N        parallelism for both (default: the number of cores)
#   STALLCHECK=   the binary (default: build/release/driver/stallcheck)
#   CLANG=        the compiler (default: /usr/lib/llvm-22/bin/clang)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
stallcheck=${STALLCHECK:-$root/build/release/driver/stallcheck}
clang=${CLANG:-/usr/lib/llvm-22/bin/clang}
jobs=${JOBS:-$(nproc)}
[ -x "$stallcheck" ] || { echo "bench: build stallcheck first (scripts/quickstart.sh): $stallcheck" >&2; exit 2; }
if [ $# -eq 0 ]; then
  set -- "$root/build/examples"
  for db in "$root"/build/bench/*/compile_commands.json; do
    [ -f "$db" ] && set -- "$@" "$(dirname "$db")"
  done
fi

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# ratio <t0> <t1> <t2>: (t2 - t1) / (t1 - t0)
ratio() { awk -v a="$1" -v b="$2" -v c="$3" 'BEGIN { if (b > a) printf "%.2f", (c - b) / (b - a); else printf "-" }'; }
mib() { case $1 in -) echo - ;; *) awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }' ;; esac; }

printf '%-28s %5s %10s %10s %7s %14s %14s\n' "compile database" TUs "clang (s)" "stallcheck" ratio "RSS clang" "RSS stallcheck"
for db in "$@"; do
  [ -f "$db/compile_commands.json" ] || { echo "bench: no $db/compile_commands.json" >&2; exit 2; }
  cmds=$(mktemp)
  # One `cd dir && clang -fsyntax-only <flags> file` line per TU, flags as in
  # the database minus the output and the compile-only switch.
  python3 - "$db/compile_commands.json" "$clang" > "$cmds" <<'PY'
import json, shlex, sys
db, clang = sys.argv[1], sys.argv[2]
for e in json.load(open(db)):
    args = e.get("arguments") or shlex.split(e["command"])
    out, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD"):
            continue
        out.append(a)
    print("cd %s && %s -fsyntax-only -w %s" % (shlex.quote(e["directory"]), clang, " ".join(map(shlex.quote, out))))
PY
  tus=$(wc -l < "$cmds")
  t0=$(now)
  xargs -P "$jobs" -I{} sh -c '{}' < "$cmds" >/dev/null 2>&1 || true
  t1=$(now)
  "$stallcheck" -p "$db" -j "$jobs" --quiet --no-cache >/dev/null 2>&1 || true
  t2=$(now)
  rss_clang=- rss_sc=-
  if [ -x /usr/bin/time ]; then
    # A second, separate pass: /usr/bin/time's own process must not be in
    # the timings above.
    rss=$(mktemp)
    sed "s|^cd \([^&]*\) && |cd \1 \&\& /usr/bin/time -f %M -a -o $rss |" "$cmds" |
      xargs -P "$jobs" -I{} sh -c '{}' >/dev/null 2>&1 || true
    rss_clang=$(sort -n "$rss" | tail -1)
    rss_sc=$(/usr/bin/time -f %M "$stallcheck" -p "$db" -j "$jobs" --quiet --no-cache 2>&1 >/dev/null | tail -1)
    rm -f "$rss"
  fi
  name=$(basename "$db")
  [ "$name" != build ] || name=$(basename "$(dirname "$db")")
  printf '%-28s %5d %10s %10s %6sx %14s %14s\n' "$name" "$tus" "$(seconds "$t0" "$t1")" "$(seconds "$t1" "$t2")" \
    "$(ratio "$t0" "$t1" "$t2")" "$(mib "$rss_clang")" "$(mib "$rss_sc")"
  rm -f "$cmds"
done
