#!/usr/bin/env python3
"""End-to-end session through stallcheck-clangd over the real clangd.

Opens a libuv file holding a type error and a sleep() in a timer callback,
then checks: both diagnostics arrive merged; hover and completion still work;
editing the sleep away removes stallcheck's warning and keeps clangd's error;
codeAction offers the suppress quick fix; killing clangd is survived; malformed
and oversized input does not crash the wrapper; shutdown/exit ends it cleanly.
Prints one "ok: ..." line per check (FileCheck-able) and exits non-zero on
the first failure.
"""
import argparse
import json
import os
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp  # noqa: E402

RULE = "blocking-call-in-event-loop"

SOURCE = """\
#include <uv.h>
#include <unistd.h>

static uv_timer_t timer;

static void on_timer(uv_timer_t *handle) {
  (void)handle;
  /* caf\u00e9 \U0001F600 */ sleep(1);
}

int main(void) {
  int broken = "not a number";
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 100);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT) + broken;
}
"""


def check(condition, what, detail=None):
    if not condition:
        print("FAIL: %s" % what)
        if detail is not None:
            print(json.dumps(detail, indent=1)[:4000])
        sys.exit(1)
    print("ok: %s" % what)
    sys.stdout.flush()


def diagnostics_of(message, uri):
    return message["params"]["diagnostics"] if message["params"]["uri"] == uri else None


def is_publish(uri, predicate):
    def match(message):
        if message.get("method") != "textDocument/publishDiagnostics" or message["params"]["uri"] != uri:
            return False
        return predicate(message["params"]["diagnostics"])
    return match


def ours(diags):
    return [d for d in diags if d.get("source") == "stallcheck"]


def clang_errors(diags):
    return [d for d in diags if d.get("source") != "stallcheck" and d.get("severity") == 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wrapper", required=True)
    parser.add_argument("--clangd", default="/usr/lib/llvm-22/bin/clangd")
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()

    work = args.workdir or tempfile.mkdtemp(prefix="stallcheck-clangd-")
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "compile_flags.txt"), "w") as f:
        f.write("-xc\n-std=gnu11\n")
    path = os.path.join(work, "timer.c")
    with open(path, "w", encoding="utf-8") as f:
        f.write(SOURCE)
    uri = "file://" + path
    log = os.path.join(work, "wrapper.log")
    client = lsp.Client([args.wrapper, "--clangd=" + args.clangd, "--log=error", "--background-index=false"], log)
    try:
        run(client, work, uri)
    except lsp.LspError as e:
        print("FAIL: %s" % e)
        with open(log, "rb") as f:
            sys.stdout.write(f.read().decode("utf-8", "replace")[-3000:])
        sys.exit(1)


def run(client, work, uri):
    lines = SOURCE.split("\n")
    sleep_line = next(i for i, l in enumerate(lines) if "sleep(1)" in l)
    sleep_char = lsp.utf16_len(lines[sleep_line][:lines[sleep_line].index("sleep")])

    result = lsp.initialize(client, "file://" + work)
    check("capabilities" in result, "initialize answered through the wrapper")

    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "c", "version": 1,
                                                            "text": SOURCE}})
    _, msg = client.wait_notification(is_publish(uri, lambda d: ours(d) and clang_errors(d)))
    diags = msg["params"]["diagnostics"]
    warning = ours(diags)[0]
    check(warning["code"] == RULE and warning["severity"] == 2, "stallcheck warning merged with clangd's error",
          diags)
    check(warning["range"]["start"] == {"line": sleep_line, "character": sleep_char},
          "warning at sleep, UTF-16 column after a multi-byte comment", warning)
    check(warning.get("codeDescription", {}).get("href", "").endswith(RULE + ".md"), "codeDescription links the rule",
          warning)
    related = warning.get("relatedInformation", [])
    check(related and related[0]["location"]["uri"] == uri and "uv_timer_start" in related[0]["message"],
          "relatedInformation names the registration", warning)
    check("remedy" in warning["message"], "message carries the remedy", warning)
    check(any("incompatible" in d["message"] or "int" in d["message"] for d in clang_errors(diags)),
          "clangd's type error present", diags)

    # Hover over `uv_timer_start` and completion after `uv_tim` still come from clangd.
    start_line = next(i for i, l in enumerate(lines) if "uv_timer_start" in l)
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": start_line, "character": 4}})
    check(hover.get("result") and "uv_timer_start" in json.dumps(hover["result"]), "hover answered", hover)
    completion = client.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                            "position": {"line": start_line, "character": 8}})
    items = completion.get("result") or {}
    items = items.get("items", items) if isinstance(items, dict) else items
    check(any("uv_timer" in i.get("label", "") for i in items), "completion answered", completion)

    # The suppress quick fix.
    action = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": sleep_line, "character": sleep_char},
                  "end": {"line": sleep_line, "character": sleep_char}},
        "context": {"diagnostics": [warning]}})
    fixes = [a for a in action.get("result") or [] if a.get("title") == "Suppress this stallcheck finding"]
    check(fixes and fixes[0]["kind"] == "quickfix", "codeAction offers the suppress quick fix", action)
    edit = fixes[0]["edit"]["changes"][uri][0]
    check(edit["newText"] == " // NOLINT(stallcheck-%s)" % RULE and
          edit["range"]["start"] == {"line": sleep_line, "character": lsp.utf16_len(lines[sleep_line])},
          "quick fix inserts NOLINT at the end of the line", edit)

    # Edit the sleep away, incrementally.
    count = client.notification_count()
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": sleep_line, "character": sleep_char},
                                      "end": {"line": sleep_line, "character": sleep_char + len("sleep(1);")}},
                            "text": "(void)0;"}]})
    _, msg = client.wait_notification(is_publish(uri, lambda d: not ours(d) and clang_errors(d)), start=count)
    check(True, "after removing sleep: stallcheck's warning gone, clangd's error kept")

    # Bring it back with a full-text change, one line lower.
    text = "// moved\n" + SOURCE
    count = client.notification_count()
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                             "contentChanges": [{"text": text}]})
    _, msg = client.wait_notification(
        is_publish(uri, lambda d: ours(d) and ours(d)[0]["range"]["start"]["line"] == sleep_line + 1), start=count)
    check(clang_errors(msg["params"]["diagnostics"]), "full-text change: warning back on the moved line")

    # Kill clangd; a request in flight gets an answer; the session recovers.
    children = lsp.children_of(client.proc.pid)
    check(len(children) == 1, "clangd is the wrapper's child", children)
    os.kill(children[0], signal.SIGKILL)
    pending = client.request_async("textDocument/hover", {"textDocument": {"uri": uri},
                                                          "position": {"line": start_line, "character": 4}})
    answer = client.wait_response(pending)
    check("result" in answer or answer.get("error", {}).get("code") == -32803,
          "request in flight at the crash is answered", answer)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        new_children = lsp.children_of(client.proc.pid)
        if new_children and new_children != children:
            break
        time.sleep(0.1)
    check(new_children and new_children != children, "clangd restarted", new_children)
    text = "// moved again\n" + text
    count = client.notification_count()
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4},
                                             "contentChanges": [{"text": text}]})
    client.wait_notification(
        is_publish(uri, lambda d: ours(d) and clang_errors(d) and
                   ours(d)[0]["range"]["start"]["line"] == sleep_line + 2 and
                   clang_errors(d)[0]["range"]["start"]["line"] > sleep_line + 2), start=count)
    check(True, "after the restart both diagnostics are published again")
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": start_line + 2, "character": 4}})
    check(hover.get("result"), "the restarted clangd answers hover", hover)

    # Malformed and oversized input: skipped or relayed, and clangd (which
    # ends its session at a non-JSON-RPC message) must not see the junk.
    before = lsp.children_of(client.proc.pid)
    client.write_bytes(b"Content-Lenght: 5\r\n\r\nhello")
    client.write_bytes(b"Content-Length: 9\r\n\r\n{not json")
    client.write_bytes(b"Content-Length: 99999999999999\r\n\r\n")
    client.write_bytes(b"Content-Length: 12\r\n\r\n[1, 2, 3, 4]")
    big = "/* " + "x" * (8 << 20) + " */\nint big;\n"
    big_uri = "file://" + os.path.join(work, "big.c")
    client.notify("textDocument/didOpen", {"textDocument": {"uri": big_uri, "languageId": "c", "version": 1,
                                                            "text": big}})
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": start_line + 2, "character": 4}})
    check(hover.get("result") and client.proc.poll() is None, "malformed and 8 MiB messages survived", hover)
    check(lsp.children_of(client.proc.pid) == before, "clangd was not disturbed by the junk", before)
    client.notify("textDocument/didClose", {"textDocument": {"uri": big_uri}})

    answer = client.request("shutdown", None)
    check("result" in answer, "shutdown answered", answer)
    client.notify("exit", None)
    status = client.proc.wait(30)
    check(status == 0, "exit ends the wrapper with status 0", status)


if __name__ == "__main__":
    main()
