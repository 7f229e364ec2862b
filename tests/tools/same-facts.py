#!/usr/bin/env python3
"""same-facts.py CLANG PLUGIN STALLCHECK... TESTS_DIR

Dumps the facts of every *.c test under TESTS_DIR through the driver
(`stallcheck --dump-facts`) and through the plugin
(`-fplugin-arg-stallcheck-dump-facts`), with the flags of the file's first RUN
line, and prints the files whose facts differ.
"""
import os
import re
import shlex
import subprocess
import sys

CFLAGS = {}


def pkg_flags(name):
    if name not in CFLAGS:
        package = {"glib_2_0": "glib-2.0", "gio_2_0": "gio-2.0", "libpq": "libpq", "hiredis": "hiredis",
                   "libsystemd": "libsystemd"}.get(name, name)
        run = subprocess.run(["pkg-config", "--cflags", package], capture_output=True, text=True)
        CFLAGS[name] = run.stdout.split()
    return CFLAGS[name]


def flags_of(path):
    """The compiler flags after `--` in the first %stallcheck RUN line."""
    with open(path, errors="replace") as f:
        for line in f:
            m = re.search(r"RUN: .*%stallcheck[^|]*? --(\s.*|$)", line)
            if m:
                out = []
                for word in shlex.split(m.group(1)):
                    if word == "|" or re.match(r"\d?>", word):
                        break
                    if word.startswith("%cflags_"):
                        out += pkg_flags(word[len("%cflags_"):])
                    elif word.startswith("-I%S"):
                        out.append("-I" + os.path.dirname(path) + word[4:])
                    elif not word.startswith("%"):
                        out.append(word)
                return out
    return []


def main():
    clang, plugin = sys.argv[1], sys.argv[2]
    stallcheck = sys.argv[3:-1]
    root = sys.argv[-1]
    same = 0
    for dirpath, dirnames, files in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in ("Inputs", "unit", "tools")]
        for name in sorted(files):
            if not name.endswith(".c"):
                continue
            path = os.path.join(dirpath, name)
            flags = flags_of(path)
            driver = subprocess.run(stallcheck + ["--dump-facts", path, "--"] + flags, capture_output=True,
                                    text=True)
            if " error: " in driver.stdout + driver.stderr or "diag error" in driver.stdout:
                continue  # compile errors: the plugin analyses nothing then
            via_plugin = subprocess.run([clang, "-fsyntax-only", "-w", "-fplugin=" + plugin,
                                         "-fplugin-arg-stallcheck-dump-facts=/dev/stdout", path] + flags,
                                        capture_output=True, text=True)
            if driver.stdout == via_plugin.stdout:
                same += 1
                continue
            a, b = driver.stdout.splitlines(), via_plugin.stdout.splitlines()
            first = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            print("%s differs at line %d:\n  driver: %s\n  plugin: %s" % (
                os.path.relpath(path, root), first + 1, a[first] if first < len(a) else "<end>",
                b[first] if first < len(b) else "<end>"))
    print("same facts in %d files" % same)


if __name__ == "__main__":
    main()
