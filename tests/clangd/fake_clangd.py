#!/usr/bin/env python3
"""A stand-in clangd for framing tests: records every byte it receives and
answers each request with hand-written JSON (escapes and number spellings a
JSON library would re-spell), written in odd-sized pieces, sometimes two
messages in one write, one of them 3 MiB; it publishes one diagnostic of
its own after every didOpen and didChange, as clangd does.  FAKE_CLANGD_DIR names where it
records what it read (in.bin) and wrote (out.bin).  For crash tests, a request
`fake/crash` kills it with SIGKILL and `fake/never` is never answered."""
import json
import os
import random
import signal
import sys
import time

out_dir = os.environ["FAKE_CLANGD_DIR"]
received = open(os.path.join(out_dir, "in.bin"), "wb")
sent = open(os.path.join(out_dir, "out.bin"), "wb")
rng = random.Random(7)
stdin = sys.stdin.buffer
stdout = sys.stdout.buffer


def emit(data):
    sent.write(data)
    sent.flush()
    while data:
        n = rng.choice([1, 2, 7, 100, 4096, 70000])
        stdout.write(data[:n])
        stdout.flush()
        data = data[n:]
        if rng.random() < 0.2:
            time.sleep(0.002)


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


pending = b""
while True:
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        c = stdin.read(1)
        if not c:
            sys.exit(0)
        header += c
    length = int(header.split(b":")[1].split(b"\r\n")[0])
    body = stdin.read(length)
    received.write(header + body)
    received.flush()
    message = json.loads(body)
    if "id" not in message:
        method = message.get("method")
        if method == "exit":
            sys.exit(0)
        if method in ("textDocument/didOpen", "textDocument/didChange"):
            # Like clangd: a publication of its own after every open and edit.
            uri = json.dumps(message["params"]["textDocument"]["uri"]).encode()
            emit(frame(b'{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":' + uri +
                       b',"diagnostics":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},'
                       b'"severity":1,"source":"fake-clangd","message":"fake error"}]}}'))
        continue
    rid = json.dumps(message["id"]).encode()
    method = message.get("method", "")
    if method == "fake/crash":
        os.kill(os.getpid(), signal.SIGKILL)
    if method == "fake/never":
        continue
    if method == "initialize":
        reply = b'{"jsonrpc":"2.0","id":' + rid + b',"result":{"capabilities":{"textDocumentSync":2}}}'
    elif method == "big":
        reply = b'{"jsonrpc":"2.0","id":' + rid + b',"result":"' + b"y" * (3 << 20) + b'"}'
    else:
        reply = (b'{"jsonrpc": "2.0", "id":' + rid + b', "result": {"text": "caf\\u00e9 \\/ \xe2\x82\xac",'
                 b' "n": 1.50, "e": 1E3}}')
    # The id inside a JSON string: a string id's quotes escaped.
    quoted = json.dumps(rid.decode())[1:-1].encode()
    note = b'{"jsonrpc":"2.0","method":"window/logMessage","params":{"type":4,"message":"\\u0041 reply ' + quoted + b'"}}'
    # Sometimes a notification and the reply in one write.
    emit(frame(note) + frame(reply) if rng.random() < 0.5 else frame(reply))
