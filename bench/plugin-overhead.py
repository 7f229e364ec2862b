#!/usr/bin/env python3
"""bench/plugin-overhead.py - what the clang plugin adds to a compile.

    bench/plugin-overhead.py COMPDB_DIR PLUGIN.so [FILE...]

For each file of the compile database (default: its five largest sources),
runs the entry's own command as `clang -fsyntax-only -w` (MODE=syntax, the
default) or `clang -c -O2 -w` (MODE=o2, the realistic build) RUNS times
(default 21) with `-fplugin=PLUGIN.so` and RUNS times without, the two
interleaved so that a change in the machine's load hits both alike, and
prints the medians of wall time and of user+system CPU time, and their
ratios.  On a shared machine the CPU ratio is the one to read.

    CLANG=   the compiler (default: /usr/lib/llvm-22/bin/clang)
"""
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


def entry_arguments(entry):
    args = entry.get("arguments")
    return list(args) if args is not None else shlex.split(entry["command"])


def command(clang, entry, mode, plugin, obj):
    out, skip = [], False
    for arg in entry_arguments(entry)[1:]:
        if skip:
            skip = False
        elif arg == "-o":
            skip = True
        elif arg not in ("-c", "-S", "-E"):
            out.append(arg)
    cmd = [clang] + out
    cmd += ["-fsyntax-only", "-w"] if mode == "syntax" else ["-c", "-O2", "-w", "-o", obj]
    return cmd + (["-fplugin=" + plugin] if plugin else [])


def run(cmd, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    db_dir, plugin = sys.argv[1], os.path.abspath(sys.argv[2])
    mode = os.environ.get("MODE", "syntax")
    runs = int(os.environ.get("RUNS", "21"))
    clang = os.environ.get("CLANG", "/usr/lib/llvm-22/bin/clang")
    db = json.load(open(os.path.join(db_dir, "compile_commands.json")))
    wanted = sys.argv[3:]
    if wanted:
        entries = [next(e for e in db if e["file"].endswith("/" + f) or e["file"] == f) for f in wanted]
    else:
        def size(e):
            return os.path.getsize(os.path.join(e["directory"], e["file"]))
        entries = sorted(db, key=size, reverse=True)[:5]

    obj = os.path.join(tempfile.mkdtemp(prefix="plugin-overhead-"), "out.o")
    totals = {False: [0.0, 0.0], True: [0.0, 0.0]}
    print("%-16s %10s %10s %7s   %10s %10s %7s" % ("TU", "wall", "+plugin", "ratio", "cpu", "+plugin", "ratio"))
    for entry in entries:
        cmds = {p: command(clang, entry, mode, plugin if p else None, obj) for p in (False, True)}
        for p in (False, True):
            run(cmds[p], entry["directory"])  # warm the page cache
        times = {False: ([], []), True: ([], [])}
        for i in range(runs):
            for p in ((False, True) if i % 2 == 0 else (True, False)):
                wall, cpu = run(cmds[p], entry["directory"])
                times[p][0].append(wall)
                times[p][1].append(cpu)
        med = {p: (statistics.median(times[p][0]), statistics.median(times[p][1])) for p in times}
        for p in med:
            totals[p][0] += med[p][0]
            totals[p][1] += med[p][1]
        name = os.path.basename(entry["file"])
        print("%-16s %8.1fms %8.1fms %6.3fx   %8.1fms %8.1fms %6.3fx" % (
            name, med[False][0] * 1e3, med[True][0] * 1e3, med[True][0] / med[False][0],
            med[False][1] * 1e3, med[True][1] * 1e3, med[True][1] / med[False][1]))
    print("%-16s %8.1fms %8.1fms %6.3fx   %8.1fms %8.1fms %6.3fx" % (
        "all", totals[False][0] * 1e3, totals[True][0] * 1e3, totals[True][0] / totals[False][0],
        totals[False][1] * 1e3, totals[True][1] * 1e3, totals[True][1] / totals[False][1]))


if __name__ == "__main__":
    main()
