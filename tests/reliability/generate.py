#!/usr/bin/env python3
"""generate.py DIR: writes deep.c (a 5000-deep call chain with a cycle, from a
libuv timer callback to a sleep) and wide.c (a table of 3000 handlers
dispatched from a callback, one of which sleeps)."""
import os
import sys

out = sys.argv[1]
n = 5000
with open(os.path.join(out, "deep.c"), "w") as f:
    f.write("#include <unistd.h>\n#include <uv.h>\n")
    for i in range(n):
        f.write("void f%d(int k);\n" % i)
    for i in range(n - 1):
        # f10 also calls back into f5: a cycle on the way.
        extra = " if (k < 0) f5(k + 1);" if i == 10 else ""
        f.write("void f%d(int k) { f%d(k);%s }\n" % (i, i + 1, extra))
    f.write("void f%d(int k) { (void)k; sleep(1); }\n" % (n - 1))
    f.write("static void on_timer(uv_timer_t *t) { (void)t; f0(1); }\n")
    f.write("int main(void) { static uv_timer_t t; uv_timer_start(&t, on_timer, 0, 1); return 0; }\n")
m = 3000
with open(os.path.join(out, "wide.c"), "w") as f:
    f.write("#include <unistd.h>\n#include <uv.h>\ntypedef void handler(int);\n")
    for i in range(m):
        body = "usleep(1);" if i == m - 1 else "(void)x;"
        f.write("static void h%d(int x) { %s }\n" % (i, body))
    f.write("static handler *table[] = {%s};\n" % ", ".join("h%d" % i for i in range(m)))
    f.write("static void on_timer(uv_timer_t *t) { (void)t; for (int i = 0; i < %d; i++) table[i](i); }\n" % m)
    f.write("int main(void) { static uv_timer_t t; uv_timer_start(&t, on_timer, 0, 1); return 0; }\n")
