#!/usr/bin/env python3
"""Wrapper stress: 10,000 requests through stallcheck-clangd to a fake clangd,
written by the editor side in random splits (a message cut anywhere, several
in one write), interleaved with notifications.  Every response must arrive,
byte-identical to what the fake wrote and in the order it wrote them, clangd
must read exactly the bytes the editor wrote, and the
wrapper's memory must stay flat (resident size after the run within 16 MiB of
the size after the first 1,000)."""
import argparse
import json
import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp  # noqa: E402


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wrapper", required=True)
    parser.add_argument("--workdir", default=None)
    parser.add_argument("--count", type=int, default=10000)
    args = parser.parse_args()
    work = args.workdir or tempfile.mkdtemp(prefix="stallcheck-clangd-stress-")
    os.makedirs(work, exist_ok=True)
    fake = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_clangd.py")
    env = dict(os.environ, FAKE_CLANGD_DIR=work)
    client = lsp.Client([args.wrapper, "--clangd=" + fake], os.path.join(work, "wrapper.log"), env=env)
    written = bytearray()
    write = client.write_bytes

    def write_and_record(data):
        written.extend(data)
        write(data)

    client.write_bytes = write_and_record
    rng = random.Random(11)
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})

    pending = bytearray()
    ids = []
    baseline = None
    for i in range(args.count):
        rid = client.next_id
        client.next_id += 1
        ids.append(rid)
        body = json.dumps({"jsonrpc": "2.0", "id": rid, "method": "textDocument/hover",
                           "params": {"textDocument": {"uri": "file:///x.txt"}, "position": {"line": i, "character": 0}}})
        pending += b"Content-Length: %d\r\n\r\n%s" % (len(body), body.encode())
        if rng.random() < 0.3:
            note = json.dumps({"jsonrpc": "2.0", "method": "$/setTrace", "params": {"value": "off"}})
            pending += b"Content-Length: %d\r\n\r\n%s" % (len(note), note.encode())
        # Write a random prefix of what is pending: messages cut anywhere.
        if len(pending) > 512 or i == args.count - 1:
            cut = len(pending) if i == args.count - 1 else rng.randrange(1, len(pending))
            client.write_bytes(bytes(pending[:cut]))
            del pending[:cut]
        if i == 999:
            for r in ids:
                client.wait_response(r, timeout=120)
            ids.clear()
            baseline = rss_kib(client.proc.pid)
    for r in ids:
        client.wait_response(r, timeout=120)
    after = rss_kib(client.proc.pid)
    print("ok: %d responses" % args.count)
    client.request("shutdown", None)
    client.notify("exit", None)
    status = client.proc.wait(30)
    with open(os.path.join(work, "out.bin"), "rb") as f:
        fake_wrote = f.read()
    if b"".join(client.raw_messages) != fake_wrote:
        print("FAIL: the editor did not receive exactly what clangd wrote")
        sys.exit(1)
    print("ok: clangd -> editor byte-identical and in order (%d bytes)" % len(fake_wrote))
    with open(os.path.join(work, "in.bin"), "rb") as f:
        fake_read = f.read()
    if fake_read != bytes(written):
        print("FAIL: clangd did not receive exactly what the editor wrote")
        sys.exit(1)
    print("ok: editor -> clangd byte-identical and in order (%d bytes)" % len(fake_read))
    grown = after - (baseline or after)
    print("rss: %d KiB after 1,000, %d KiB after %d" % (baseline or 0, after, args.count))
    if os.environ.get("ASAN_OPTIONS"):
        # AddressSanitizer's quarantine keeps freed memory on purpose.
        print("ok: memory flat (not measured under AddressSanitizer)")
    elif grown > 16 * 1024:
        print("FAIL: the wrapper grew by %d KiB" % grown)
        sys.exit(1)
    else:
        print("ok: memory flat")
    print("ok: exit status %d" % status)


if __name__ == "__main__":
    main()
