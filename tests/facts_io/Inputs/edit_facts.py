"""Edits a facts file the way a careless tool would and, with --reseal,
recomputes each TU's checksum so that the edit reaches the reader's other
checks (index ranges, field syntax) instead of stopping at the checksum.

usage: edit_facts.py [--reseal] <in> <out> <regex> <replacement>
"""
import re
import sys

args = sys.argv[1:]
reseal = args[0] == "--reseal"
if reseal:
    args = args[1:]
src, dst, pattern, replacement = args
text = re.sub(pattern, replacement, open(src, "rb").read().decode("latin-1"), count=1, flags=re.M)


def fnv1a64(data, h=0xcbf29ce484222325):
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


if reseal:
    out, records = [], b""
    for line in text.splitlines(keepends=True):
        raw = line.encode("latin-1")
        if raw.startswith(b"tu "):
            records = b""
        if raw.startswith(b"end "):
            fields = line.split()
            line = " ".join(fields[:6] + ["%016x" % fnv1a64(records)]) + "\n"
        else:
            records += raw
        out.append(line)
    text = "".join(out)
open(dst, "wb").write(text.encode("latin-1"))
