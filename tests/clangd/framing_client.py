#!/usr/bin/env python3
"""Byte-identity of the relay: through stallcheck-clangd to a fake clangd
(fake_clangd.py) that answers in odd-sized pieces, the editor must receive
exactly the bytes the fake wrote, and the fake exactly the bytes the editor
sent, whatever their size and however they were split."""
import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wrapper", required=True)
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    work = args.workdir or tempfile.mkdtemp(prefix="stallcheck-clangd-framing-")
    os.makedirs(work, exist_ok=True)
    fake = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_clangd.py")
    env = dict(os.environ, FAKE_CLANGD_DIR=work)
    client = lsp.Client([args.wrapper, "--clangd=" + fake], os.path.join(work, "wrapper.log"), env=env)
    sent = []
    original_write = client.write_bytes

    def recording_write(data):
        sent.append(data)
        original_write(data)
    client.write_bytes = recording_write

    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    for i in range(200):
        client.request_async("textDocument/hover", {"textDocument": {"uri": "file:///none.txt"},
                                                    "position": {"line": i, "character": 0}})
    client.request_async("big", {"padding": "z" * (2 << 20)})
    for i in range(2, 202):
        client.wait_response(i)
    big = client.wait_response(202)
    print("ok: %d responses, the largest %d bytes" % (201, len(big["result"])))
    client.request("shutdown", None)
    client.notify("exit", None)
    status = client.proc.wait(30)

    with open(os.path.join(work, "out.bin"), "rb") as f:
        fake_wrote = f.read()
    with open(os.path.join(work, "in.bin"), "rb") as f:
        fake_read = f.read()
    editor_read = b"".join(client.raw_messages)
    if editor_read != fake_wrote:
        print("FAIL: editor received %d bytes, fake clangd wrote %d" % (len(editor_read), len(fake_wrote)))
        sys.exit(1)
    print("ok: clangd -> editor byte-identical (%d bytes)" % len(editor_read))
    if fake_read != b"".join(sent):
        print("FAIL: fake clangd read %d bytes, editor sent %d" % (len(fake_read), len(b"".join(sent))))
        sys.exit(1)
    print("ok: editor -> clangd byte-identical (%d bytes)" % len(fake_read))
    print("ok: exit status %d" % status)


if __name__ == "__main__":
    main()
