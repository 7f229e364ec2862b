#!/bin/sh
# bench/run.sh - stallcheck's cost against the compiler's own parse.
#
#   bench/run.sh [compile-database-dir...]   (default: the example project)
#
# For each compile database, times `clang -fsyntax-only` over the same
# translation units with the same flags and the same parallelism, then
# `stallcheck -p` (whole program: parse, link, analyse), and prints the ratio
# and both peak resident sizes (/usr/bin/time when installed).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
stallcheck=${STALLCHECK:-$root/build/release/driver/stallcheck}
clang=${CLANG:-/usr/lib/llvm-22/bin/clang}
jobs=${JOBS:-$(nproc)}
[ -x "$stallcheck" ] || { echo "bench: build stallcheck first (scripts/quickstart.sh): $stallcheck" >&2; exit 2; }
[ $# -gt 0 ] || set -- "$root/build/examples"

now() { date +%s.%N; }

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
  "$stallcheck" -p "$db" -j "$jobs" --quiet >/dev/null 2>&1 || true
  t2=$(now)
  rss_clang=- rss_sc=-
  if [ -x /usr/bin/time ]; then
    # Peak memory: the largest clang of all the TUs, against the whole
    # stallcheck run (which holds the facts of every TU at once).
    rss=$(mktemp)
    sed "s|^cd \([^&]*\) && |cd \1 \&\& /usr/bin/time -f %M -a -o $rss |" "$cmds" | xargs -P "$jobs" -I{} sh -c '{}' >/dev/null 2>&1 || true
    rss_clang=$(sort -n "$rss" | tail -1)
    rss_sc=$(/usr/bin/time -f %M "$stallcheck" -p "$db" -j "$jobs" --quiet 2>&1 >/dev/null | tail -1)
    rm -f "$rss"
  fi
  echo "$db: $tus TUs, -j$jobs: clang -fsyntax-only $(echo "$t1 - $t0" | bc) s, stallcheck -p $(echo "$t2 - $t1" | bc) s," \
    "ratio $(echo "scale=2; ($t2 - $t1) / ($t1 - $t0)" | bc); peak RSS: largest clang ${rss_clang} KiB, stallcheck ${rss_sc} KiB"
  rm -f "$cmds"
done
