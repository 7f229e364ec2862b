#!/usr/bin/env python3
"""synthetic.py [N...] - how stallcheck's cost grows with the number of TUs.

Generates programs of N translation units (default 1 10 100 1000 10000): each
TU defines a few functions that call into the next TU, registers a libuv
timer callback and reaches a blocking call through a handler table, so the
whole-program link, pointer resolution and contexts all have work.  For each
N it writes the facts with `stallcheck facts` (the parse, done once), then
times `stallcheck link` over them (the link and the analysis alone), and
prints seconds per N and per TU: linear growth keeps the per-TU cost flat.

Environment: STALLCHECK (the binary), WORK (a scratch directory)."""
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STALLCHECK = os.environ.get("STALLCHECK", os.path.join(ROOT, "build", "release", "driver", "stallcheck"))
WORK = os.environ.get("WORK", os.path.join(ROOT, "build", "bench", "synthetic"))

TU = """#include <unistd.h>
typedef struct uv_timer_s uv_timer_t;
typedef void (*uv_timer_cb)(uv_timer_t *);
int uv_timer_start(uv_timer_t *t, uv_timer_cb cb, unsigned long a, unsigned long b);
typedef void handler_{i}(int);
void step_{next}(int depth);
static void leaf_{i}(int x) {{ if (x < 0) usleep(1); }}
static void other_{i}(int x) {{ (void)x; }}
static handler_{i} *table_{i}[] = {{ leaf_{i}, other_{i} }};
void step_{i}(int depth) {{
  for (int k = 0; k < 2; k++) table_{i}[k](depth);
  if (depth > 0) step_{next}(depth - 1);
}}
static void on_timer_{i}(uv_timer_t *t) {{ (void)t; step_{i}(3); }}
void start_{i}(uv_timer_t *t) {{ uv_timer_start(t, on_timer_{i}, 0, 1); }}
"""


def generate(n):
    d = os.path.join(WORK, "n%d" % n)
    os.makedirs(d, exist_ok=True)
    entries = []
    for i in range(n):
        path = os.path.join(d, "tu%05d.c" % i)
        if not os.path.exists(path):
            with open(path, "w") as f:
                f.write(TU.format(i=i, next=(i + 1) % n))
        entries.append({"directory": d, "arguments": ["cc", "-c", path], "file": path})
    with open(os.path.join(d, "compile_commands.json"), "w") as f:
        json.dump(entries, f)
    return d


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1, 10, 100, 1000, 10000]
    print("%8s %12s %12s %14s" % ("TUs", "parse (s)", "link (s)", "link/TU (ms)"))
    for n in sizes:
        d = generate(n)
        facts = os.path.join(d, "all.facts")
        t0 = time.time()
        subprocess.run([STALLCHECK, "facts", "-o", facts, "-p", d, "--quiet", "--no-cache"], check=True)
        t1 = time.time()
        subprocess.run([STALLCHECK, "link", facts, "--quiet"], stdout=subprocess.DEVNULL)
        t2 = time.time()
        print("%8d %12.2f %12.2f %14.3f" % (n, t1 - t0, t2 - t1, (t2 - t1) * 1000.0 / n), flush=True)


if __name__ == "__main__":
    main()
