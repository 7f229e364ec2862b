#!/usr/bin/env python3
"""The wrapper's analysis without a compile database, and when it fails.

Over the fake clangd (which publishes one diagnostic of its own per open and
edit): a libuv file in a directory with no compile_commands.json or
compile_flags.txt above it is analysed with the fallback command and its
finding merged with clangd's; a file under a broken compile_commands.json
cannot be analysed, and clangd's diagnostics for it still arrive alone; an
edit removing the stall takes stallcheck's warning away and keeps clangd's.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp  # noqa: E402

SOURCE = lsp.SLEEPY_TIMER_SOURCE

HEADER = """\
#include <uv.h>
#include <unistd.h>

static void on_tick(uv_timer_t *handle) {
  (void)handle;
  sleep(1);
}

void start_ticking(uv_timer_t *timer) { uv_timer_start(timer, on_tick, 0, 10); }
"""


def check(condition, what, detail=None):
    if not condition:
        print("FAIL: %s" % what)
        if detail is not None:
            print(json.dumps(detail, indent=1)[:4000])
        sys.exit(1)
    print("ok: %s" % what)
    sys.stdout.flush()


def sources(diags):
    return sorted(d.get("source", "") for d in diags)


def publication(uri, wanted):
    def match(message):
        return (message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri
                and sources(message["params"]["diagnostics"]) == wanted)
    return match


def open_file(client, path, text):
    uri = "file://" + path
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "c", "version": 1,
                                                            "text": text}})
    return uri


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wrapper", required=True)
    args = parser.parse_args()
    # Under /tmp, not lit's %t: the build tree above %t has a compile database.
    work = tempfile.mkdtemp(prefix="stallcheck-clangd-fallback-")
    try:
        run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args, work):
    plain = os.path.join(work, "plain")
    broken = os.path.join(work, "broken")
    for d in (plain, broken):
        os.makedirs(d)
    with open(os.path.join(broken, "compile_commands.json"), "w") as f:
        f.write("[{\"directory\": ")  # cut short: not JSON
    fake = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_clangd.py")
    log = os.path.join(work, "wrapper.log")
    client = lsp.Client([args.wrapper, "--clangd=" + fake], log, env=dict(os.environ, FAKE_CLANGD_DIR=work, STALLCHECK_CLANGD_VERBOSE="1"),
                        watchdog=120)
    try:
        client.request("initialize", {"processId": None, "rootUri": "file://" + work, "capabilities": {}})
        client.notify("initialized", {})

        # The broken one first: the worker takes files in the order they fall
        # due, so once the plain file's finding arrives the broken one is done.
        broken_uri = open_file(client, os.path.join(broken, "timer.c"), SOURCE)
        plain_uri = open_file(client, os.path.join(plain, "timer.c"), SOURCE)
        _, msg = client.wait_notification(publication(plain_uri, ["fake-clangd", "stallcheck"]), timeout=60)
        ours = [d for d in msg["params"]["diagnostics"] if d["source"] == "stallcheck"]
        check(ours[0]["code"] == "blocking-call-in-event-loop" and ours[0]["range"]["start"]["line"] == 5,
              "no compile database: analysed with the fallback command, merged with clangd's", msg)
        for m in client.notifications:
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == broken_uri:
                check(sources(m["params"]["diagnostics"]) == ["fake-clangd"],
                      "broken compile database: clangd's diagnostics go out alone", m)
        check(any(m["params"]["uri"] == broken_uri for m in client.notifications
                  if m.get("method") == "textDocument/publishDiagnostics"),
              "clangd's publication for the unanalysable file arrived")

        # A header is analysed as a translation unit of its own.
        header_uri = open_file(client, os.path.join(plain, "timer.h"), HEADER)
        _, msg = client.wait_notification(publication(header_uri, ["fake-clangd", "stallcheck"]), timeout=60)
        ours = [d for d in msg["params"]["diagnostics"] if d["source"] == "stallcheck"]
        check(ours[0]["range"]["start"]["line"] == 5, "an open header is analysed", msg)

        start = client.notification_count()
        fixed = SOURCE.replace("  sleep(1);\n", "")
        client.notify("textDocument/didChange", {"textDocument": {"uri": plain_uri, "version": 2},
                                                 "contentChanges": [{"text": fixed}]})
        client.wait_notification(publication(plain_uri, ["fake-clangd"]), timeout=60, start=start)
        check(True, "stall edited away: stallcheck's warning gone, clangd's kept")

        client.request("shutdown", None)
        client.notify("exit", None)
        check(client.close() == 0, "exit status 0")
        with open(log, encoding="utf-8", errors="replace") as f:
            said = f.read()
        check("analysed %s/timer.c (the default command" % plain in said, "the log names the fallback command")
        check("no compile command for %s/timer.c" % broken in said, "the log says why the other was not analysed",
              said[-2000:])
    except lsp.LspError as e:
        print("FAIL: %s" % e)
        with open(log, "rb") as f:
            sys.stdout.write(f.read().decode("utf-8", "replace")[-3000:])
        sys.exit(1)


if __name__ == "__main__":
    main()
