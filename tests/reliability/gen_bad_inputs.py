#!/usr/bin/env python3
"""gen_bad_inputs.py DIR: writes the bad inputs of bad_inputs.test: garbage
bytes as compile_commands.json, a 10 MiB one, a compile_commands.json that
is a directory, a source that does not compile, and a 100,000-line file."""
import json
import os
import random
import sys

out = sys.argv[1]
rng = random.Random(9)  # the same bytes every run
os.makedirs(os.path.join(out, "garbage"))
with open(os.path.join(out, "garbage", "compile_commands.json"), "wb") as f:
    f.write(bytes(rng.randrange(256) for _ in range(4096)))
# A valid database whose one entry carries 10 MiB of flags: read, not choked on.
os.makedirs(os.path.join(out, "huge"))
with open(os.path.join(out, "huge", "ok.c"), "w") as f:
    f.write("int ok(void) { return 0; }\n")
entry = {"directory": os.path.join(out, "huge"), "file": "ok.c",
         "arguments": ["cc", "-c", "ok.c"] + ["-DX%d=1" % i for i in range(1024 * 1024)]}
with open(os.path.join(out, "huge", "compile_commands.json"), "w") as f:
    json.dump([entry], f)
os.makedirs(os.path.join(out, "dirdb", "compile_commands.json"))
with open(os.path.join(out, "broken.c"), "w") as f:
    f.write("#include <unistd.h>\nint f(void) { return undeclared + ; }\nstruct {\nvoid g(void) { sleep(1); }\n")
# 100,000 lines: 20,000 small functions calling the previous one.
with open(os.path.join(out, "long.c"), "w") as f:
    f.write("#include <unistd.h>\n#include <uv.h>\nvoid g0(void) { sleep(1); }\n")
    for i in range(1, 20000):
        f.write("void g%d(void);\nvoid g%d(void) {\n  g%d();\n}\n\n" % (i, i, i - 1))
    f.write("static void on_timer(uv_timer_t *t) { (void)t; g19999(); }\n")
    f.write("int main(void) { static uv_timer_t t; uv_timer_start(&t, on_timer, 0, 1); return 0; }\n")
