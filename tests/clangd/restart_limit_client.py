#!/usr/bin/env python3
"""What the wrapper does when clangd keeps crashing, over the fake clangd
(a `fake/crash` request makes it SIGKILL itself, `fake/never` is never
answered).

- Requests in flight at a crash get exactly one answer each: RequestFailed
  with "clangd crashed; stallcheck-clangd restarted it", or RequestCancelled
  for one the editor had cancelled.
- More than MAX_PENDING (4,096) unanswered requests: the wrapper forgets the
  oldest instead of growing, and a crash answers the 4,096 newest.
- The sixth crash within 60 s: the wrapper stops restarting clangd, says so
  with window/showMessage, drops the dead clangd's diagnostics, answers
  requests itself (an error, or its own quick fixes for codeAction), keeps
  publishing stallcheck's diagnostics as the document changes, and ends
  with status 0 at shutdown + exit, leaving no process behind.
- A clangd that cannot be started again (its binary has gone): the same,
  from the first crash.
Prints one "ok: ..." line per check."""
import argparse
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp  # noqa: E402
from lsp import check  # noqa: E402

SOURCE = lsp.SLEEPY_TIMER_SOURCE

RESTARTED = "clangd crashed; stallcheck-clangd restarted it"
MAX_PENDING = 4096


def sources(diags):
    return sorted(d.get("source", "") for d in diags)


def publication(uri, wanted):
    def match(message):
        return (message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri
                and sources(message["params"]["diagnostics"]) == wanted)
    return match


def live_children(pid):
    return [c for c in lsp.children_of(pid) if lsp.process_state(c) not in (None, "Z")]


def wait_for_new_child(client, old, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = live_children(client.proc.pid)
        if len(now) == 1 and now != old:
            return now
        time.sleep(0.02)
    return live_children(client.proc.pid)


def crash(client):
    """Sends fake/crash; returns its answer."""
    return client.wait_response(client.request_async("fake/crash", {}), timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wrapper", required=True)
    parser.add_argument("--workdir", required=True)
    args = parser.parse_args()
    work = args.workdir
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "compile_flags.txt"), "w") as f:
        f.write("-xc\n-std=gnu11\n")
    path = os.path.join(work, "timer.c")
    with open(path, "w") as f:
        f.write(SOURCE)
    uri = "file://" + path
    fake = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_clangd.py")
    log = os.path.join(work, "wrapper.log")
    client = lsp.Client([args.wrapper, "--clangd=" + fake], log, env=dict(os.environ, FAKE_CLANGD_DIR=work),
                        watchdog=120)
    try:
        run(client, uri)
    except lsp.LspError as e:
        print("FAIL: %s" % e)
        with open(log, "rb") as f:
            sys.stdout.write(f.read().decode("utf-8", "replace")[-3000:])
        sys.exit(1)
    with open(log, encoding="utf-8", errors="replace") as f:
        text = f.read()
    check("6 crashes within 60 s: not restarting it" in text, "the log says why clangd is not restarted")
    cannot_restart(args.wrapper, os.path.join(work, "gone"), fake)


def cannot_restart(wrapper, work, fake):
    """clangd crashes and its binary has gone meanwhile (an upgrade): the
    wrapper says so and serves alone from the first crash."""
    os.makedirs(work)
    copy = os.path.join(work, "clangd")
    shutil.copy(fake, copy)
    os.chmod(copy, 0o755)
    log = os.path.join(work, "wrapper.log")
    client = lsp.Client([wrapper, "--clangd=" + copy], log, env=dict(os.environ, FAKE_CLANGD_DIR=work), watchdog=60)
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    client.notify("initialized", {})
    os.unlink(copy)
    start = client.notification_count()
    answer = crash(client)
    check(answer.get("error", {}).get("code") == -32803 and "stopped restarting" in answer["error"]["message"],
          "clangd gone: the request says clangd is no longer restarted", answer)
    _, shown = client.wait_notification(lambda m: m.get("method") == "window/showMessage", start=start)
    check("could not be started again" in shown["params"]["message"], "clangd gone: window/showMessage says so",
          shown)
    check(client.request("shutdown", None).get("result", 1) is None, "clangd gone: shutdown answered")
    client.notify("exit", None)
    check(client.proc.wait(30) == 0, "clangd gone: exit status 0")


def run(client, uri):
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    client.notify("initialized", {})
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "c", "version": 1,
                                                            "text": SOURCE}})
    client.wait_notification(publication(uri, ["fake-clangd", "stallcheck"]))
    check(True, "stallcheck's warning merged with the fake clangd's")
    children = live_children(client.proc.pid)
    check(len(children) == 1, "one clangd child", children)

    # Crash 1: a cancelled request and a plain one in flight.
    never = client.request_async("fake/never", {})
    client.notify("$/cancelRequest", {"id": never})
    named = "editor-request-1"  # ids may be strings
    client.send({"jsonrpc": "2.0", "id": named, "method": "fake/never", "params": {}})
    answer = crash(client)
    check(answer.get("error", {}).get("code") == -32803 and answer["error"]["message"] == RESTARTED,
          "crash 1: the request that crashed clangd is answered with RequestFailed", answer)
    answer = client.wait_response(never)
    check(answer.get("error", {}).get("code") == -32800, "crash 1: the cancelled request gets RequestCancelled",
          answer)
    answer = client.wait_response(named)
    check(answer.get("error", {}).get("code") == -32803, "crash 1: a request with a string id is answered", answer)
    children = wait_for_new_child(client, children)
    check(len(children) == 1, "crash 1: clangd restarted, the dead one reaped", children)

    # Crash 2: more requests in flight than the wrapper remembers.
    count = MAX_PENDING + 904
    ids = [client.request_async("fake/never", {"n": i}) for i in range(count)]
    answer = crash(client)
    check(answer.get("error", {}).get("code") == -32803, "crash 2: answered", answer)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(lsp.response_counts(client)) < 4 + MAX_PENDING:
        time.sleep(0.05)
    counts = lsp.response_counts(client)
    answered = [i for i in ids if json.dumps(i) in counts]
    check(answered == ids[count - MAX_PENDING + 1:],
          "crash 2: of %d unanswered requests the newest %d are answered (the table is bounded)"
          % (count, MAX_PENDING - 1), {"answered": len(answered), "first": answered[:1]})
    check(all(n == 1 for n in counts.values()), "crash 2: no request answered twice")
    children = wait_for_new_child(client, children)
    check(len(children) == 1, "crash 2: clangd restarted", children)

    # Crashes 3 to 5 restart it; the sixth within 60 s does not.
    for n in range(3, 6):
        answer = crash(client)
        check(answer["error"]["message"] == RESTARTED, "crash %d: restarted" % n, answer)
        children = wait_for_new_child(client, children)
    start = client.notification_count()
    answer = crash(client)
    check(answer.get("error", {}).get("code") == -32803 and "stopped restarting" in answer["error"]["message"],
          "crash 6: the request says clangd is no longer restarted", answer)
    _, shown = client.wait_notification(lambda m: m.get("method") == "window/showMessage", start=start)
    check(shown["params"]["type"] == 1 and "no longer restarted" in shown["params"]["message"],
          "crash 6: window/showMessage tells the user", shown)
    client.wait_notification(publication(uri, ["stallcheck"]), start=start)
    check(True, "crash 6: the dead clangd's diagnostic dropped, stallcheck's kept")
    time.sleep(0.2)
    check(client.proc.poll() is None, "the wrapper keeps running")
    check(live_children(client.proc.pid) == [] and lsp.children_of(client.proc.pid) == [],
          "no clangd and no zombie left", lsp.children_of(client.proc.pid))

    # Serving alone.
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 5, "character": 2}})
    check(hover.get("error", {}).get("code") == -32803, "hover: an error, not a hang", hover)
    action = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": {"line": 5, "character": 2},
                                                "end": {"line": 5, "character": 2}},
        "context": {"diagnostics": []}})
    titles = [a.get("title") for a in action.get("result") or []]
    check(titles == ["Suppress this stallcheck finding"], "codeAction: stallcheck's quick fix", action)
    start = client.notification_count()
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"text": SOURCE.replace("sleep(1);", "(void)0;")}]})
    client.wait_notification(publication(uri, []), start=start)
    check(True, "an edit removing the stall clears stallcheck's warning")
    start = client.notification_count()
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                             "contentChanges": [{"text": SOURCE}]})
    client.wait_notification(publication(uri, ["stallcheck"]), start=start)
    check(True, "an edit bringing it back publishes it again")

    answer = client.request("shutdown", None)
    check(answer.get("result", 1) is None and "error" not in answer, "shutdown answered", answer)
    client.notify("exit", None)
    status = client.proc.wait(30)
    check(status == 0, "exit ends the wrapper with status 0", status)


if __name__ == "__main__":
    main()
