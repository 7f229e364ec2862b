"""Parses every C file under the tests directory, writes the facts to a facts
file, links it back and checks that the dump of the facts read back equals
the dump made while parsing: no record, field or string is lost or altered
by the facts file.

usage: round_trip_all.py <work dir> <tests dir> <stallcheck command...> -- <flags...>
"""
import os
import subprocess
import sys

work, tests = sys.argv[1], sys.argv[2]
rest = sys.argv[3:]
split = rest.index("--")
stallcheck, flags = rest[:split], rest[split + 1:]

sources = sorted(os.path.join(d, f) for d, _, files in os.walk(tests) for f in files if f.endswith(".c"))
facts = os.path.join(work, "all.facts")


def run(args):
    done = subprocess.run(stallcheck + args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if done.returncode not in (0, 1):
        sys.exit("stallcheck %s: exit status %d" % (args[0], done.returncode))
    return done.stdout


direct = run(["--dump-facts", "-j2"] + sources + ["--"] + flags)
run(["facts", "-o", facts, "-j2"] + sources + ["--"] + flags)
linked = run(["link", "--dump-facts", facts])
tus = direct.count(b"\ntu ") + direct.startswith(b"tu ")
if direct != linked:
    for n, (a, b) in enumerate(zip(direct.splitlines(), linked.splitlines())):
        if a != b:
            sys.exit("line %d differs:\n  parsed: %s\n  linked: %s" % (n + 1, a.decode(), b.decode()))
    sys.exit("the dumps differ in length: %d and %d bytes" % (len(direct), len(linked)))
print("round trip: %d files, %d TUs, identical dumps" % (len(sources), tus))
