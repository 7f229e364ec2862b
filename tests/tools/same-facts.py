#!/usr/bin/env python3
"""same-facts.py CLANG PLUGIN ROOT... -- STALLCHECK...

The conformance check of the two front ends.  For every *.c file under each
ROOT (test files with the flags of their first %stallcheck RUN line; other
files, as in Inputs/ or examples/, with the installed libraries' flags and
their own directory), compares:
  - the facts: `stallcheck --dump-facts` against the plugin's dump-facts=;
  - the findings: every `file:line:col: warning|note: ...` line the driver
    prints against what clang prints with the plugin loaded (same rule, file,
    line, column, message, notes and remedy).
Prints each file that differs, then the counts.  Files with compile errors are
left out: the plugin leaves those to clang.
"""
import os
import re
import shlex
import subprocess
import sys

CFLAGS = {}
# Flags for files without a RUN line: the libraries the examples and inputs use.
DEFAULT_PACKAGES = ("libuv", "libevent", "glib-2.0", "gio-2.0", "libpq", "hiredis", "libcurl", "libsystemd")
DIAGNOSTIC = re.compile(r"^(/[^:]+:\d+:\d+: (warning|error|note): .*)$", re.M)


def pkg_flags(name):
    if name not in CFLAGS:
        package = {"glib_2_0": "glib-2.0", "gio_2_0": "gio-2.0", "gobject_2_0": "gobject-2.0"}.get(name, name)
        run = subprocess.run(["pkg-config", "--cflags", package], capture_output=True, text=True)
        CFLAGS[name] = run.stdout.split()
    return CFLAGS[name]


def flags_of(path):
    """The compiler flags after `--` in the first %stallcheck RUN line, or
    the default flags when the file has no such line."""
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
    out = ["-I" + os.path.dirname(path)]
    for package in DEFAULT_PACKAGES:
        out += pkg_flags(package)
    return out


def diagnostics(text):
    """The stallcheck diagnostics (warning lines with a rule id, and the
    notes after them), without clang's own or the plugin's other warnings."""
    out, keep = [], False
    for line in DIAGNOSTIC.findall(text):
        line = line[0]
        if ": note: " in line:
            if keep:
                out.append(line)
        else:
            keep = re.search(r"\[[a-z0-9]+(-[a-z0-9]+)+\]$", line) is not None
            if keep:
                out.append(line.replace(": error: ", ": warning: "))
    return out


def first_difference(a, b):
    i = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
    return i + 1, a[i] if i < len(a) else "<end>", b[i] if i < len(b) else "<end>"


def main():
    split = sys.argv.index("--")
    clang, plugin = sys.argv[1], sys.argv[2]
    # Normalised: clang prints a file name as given, the driver made absolute.
    roots, stallcheck = [os.path.realpath(r) for r in sys.argv[3:split]], sys.argv[split + 1:]
    same = findings = skipped = 0
    for root in roots:
        for dirpath, dirnames, files in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in ("unit", "tools"))
            for name in sorted(files):
                if not name.endswith(".c"):
                    continue
                path = os.path.join(dirpath, name)
                flags = flags_of(path)
                facts = subprocess.run(stallcheck + ["--dump-facts", path, "--"] + flags, capture_output=True,
                                       text=True)
                if " error: " in facts.stderr or "\ndiag error " in facts.stdout:
                    skipped += 1
                    continue  # compile errors: the plugin analyses nothing then
                driver = subprocess.run(stallcheck + [path, "--"] + flags, capture_output=True, text=True)
                via_plugin = subprocess.run([clang, "-fsyntax-only", "-fno-color-diagnostics", "-fplugin=" + plugin,
                                             "-fplugin-arg-stallcheck-dump-facts=/dev/stdout", path] + flags,
                                            capture_output=True, text=True)
                relative = os.path.relpath(path, root)
                ok = True
                if facts.stdout != via_plugin.stdout:
                    ok = False
                    print("%s: facts differ at line %d:\n  driver: %s\n  plugin: %s" % (
                        (relative,) + first_difference(facts.stdout.splitlines(), via_plugin.stdout.splitlines())))
                a, b = diagnostics(driver.stdout + driver.stderr), diagnostics(via_plugin.stderr)
                if a != b:
                    ok = False
                    print("%s: findings differ at line %d:\n  driver: %s\n  plugin: %s" % (
                        (relative,) + first_difference(a, b)))
                if ok:
                    same += 1
                    findings += sum(1 for line in a if ": warning: " in line)
    print("same facts and findings in %d files (%d findings); %d files with compile errors left out" % (
        same, findings, skipped))


if __name__ == "__main__":
    main()
