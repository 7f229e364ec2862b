#!/usr/bin/env python3
"""Kill stress over the real clangd: two libuv files open, a stream of hover,
completion, didChange and $/cancelRequest, and clangd killed with SIGKILL
at a random point of the stream five times (the most the wrapper restarts
within 60 s).  Checks that every request gets exactly one answer (a result or
an error), the wrapper never dies, clangd's and stallcheck's diagnostics are
published again after each restart (the untouched file by the replay, the
edited one after a further edit), the dead clangd is reaped (no zombie), and
the wrapper's memory stays flat.  Prints one "ok: ..." line per check."""
import argparse
import json
import os
import random
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp  # noqa: E402
from lsp import check  # noqa: E402

# A stall (stallcheck's warning) and a type error (clangd's) in each file.
TIMER = """\
#include <uv.h>
#include <unistd.h>

static uv_timer_t timer;

static void on_timer(uv_timer_t *handle) {
  (void)handle;
  sleep(1);
}

int main(void) {
  int broken = "not a number";
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 100);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT) + broken;
}
/* edit 0 */
"""

IDLE = """\
#include <uv.h>
#include <unistd.h>

static uv_idle_t idle;

static void on_idle(uv_idle_t *handle) {
  (void)handle;
  usleep(1000);
}

int start(void) {
  char *wrong = 42;
  uv_idle_init(uv_default_loop(), &idle);
  return uv_idle_start(&idle, on_idle) + (wrong != 0);
}
"""

KILLS = 5


def ours(diags):
    return [d for d in diags if d.get("source") == "stallcheck"]


def clang_errors(diags):
    return [d for d in diags if d.get("source") != "stallcheck" and d.get("severity") == 1]


def published_both(uri, first_line=None):
    """A publication for uri with stallcheck's warning and clangd's error (the
    warning on first_line + the stall's line, when given)."""
    def match(message):
        if message.get("method") != "textDocument/publishDiagnostics" or message["params"]["uri"] != uri:
            return False
        diags = message["params"]["diagnostics"]
        if not ours(diags) or not clang_errors(diags):
            return False
        return first_line is None or ours(diags)[0]["range"]["start"]["line"] == first_line
    return match


def live_children(pid):
    return [c for c in lsp.children_of(pid) if lsp.process_state(c) not in (None, "Z")]


def zombies(pid):
    return [c for c in lsp.children_of(pid) if lsp.process_state(c) == "Z"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wrapper", required=True)
    parser.add_argument("--clangd", default="/usr/lib/llvm-22/bin/clangd")
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    # The seed goes to the log: a failure can be replayed with --seed.
    sys.stderr.write("kill_stress: --seed %d\n" % seed)
    work = args.workdir
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "compile_flags.txt"), "w") as f:
        f.write("-xc\n-std=gnu11\n")
    paths = {}
    for name, text in (("timer.c", TIMER), ("idle.c", IDLE)):
        paths[name] = os.path.join(work, name)
        with open(paths[name], "w") as f:
            f.write(text)
    log = os.path.join(work, "wrapper.log")
    client = lsp.Client([args.wrapper, "--clangd=" + args.clangd, "--log=error", "--background-index=false"], log,
                        watchdog=120)
    try:
        run(client, random.Random(seed), "file://" + paths["timer.c"], "file://" + paths["idle.c"])
    except lsp.LspError as e:
        print("FAIL: %s (seed %d)" % (e, seed))
        with open(log, "rb") as f:
            sys.stdout.write(f.read().decode("utf-8", "replace")[-3000:])
        sys.exit(1)


def run(client, rng, timer_uri, idle_uri):
    lsp.initialize(client, None)
    for uri, text in ((timer_uri, TIMER), (idle_uri, IDLE)):
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "c", "version": 1,
                                                                "text": text}})
    for uri in (timer_uri, idle_uri):
        client.wait_notification(published_both(uri))
    check(True, "both files: clangd's error and stallcheck's warning")

    wrapper = client.proc.pid
    text = TIMER
    version = 1
    sent = []          # ids of every request the editor made
    seen_clangd = []   # pids of every clangd, to check none is left
    rss = []
    children = live_children(wrapper)
    check(len(children) == 1, "clangd is the wrapper's only child", children)
    timer_lines = TIMER.split("\n")
    stall_line = next(i for i, l in enumerate(timer_lines) if "sleep(1)" in l)
    start_line = next(i for i, l in enumerate(timer_lines) if "uv_timer_start" in l)
    shift = 0          # lines prepended to timer.c so far

    for kill in range(1, KILLS + 1):
        seen_clangd += children
        burst = rng.randint(20, 40)
        kill_at = rng.randrange(burst)
        mark = None
        for i in range(burst):
            if i == kill_at:
                os.kill(children[0], signal.SIGKILL)
                mark = client.notification_count()
            choice = rng.random()
            if choice < 0.35:
                sent.append(client.request_async("textDocument/hover", {
                    "textDocument": {"uri": timer_uri}, "position": {"line": start_line + shift, "character": 4}}))
            elif choice < 0.6:
                sent.append(client.request_async("textDocument/completion", {
                    "textDocument": {"uri": rng.choice([timer_uri, idle_uri])},
                    "position": {"line": start_line + shift, "character": 8}}))
            elif choice < 0.9:
                # Edits that move no line: the last line's comment.
                version += 1
                text = text[:text.rindex("/* edit")] + "/* edit %d */\n" % version
                client.notify("textDocument/didChange", {"textDocument": {"uri": timer_uri, "version": version},
                                                         "contentChanges": [{"text": text}]})
            elif sent:
                client.notify("$/cancelRequest", {"id": rng.choice(sent[-5:])})
            time.sleep(rng.random() * 0.02)
        # The new clangd, and the old one reaped.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            now = live_children(wrapper)
            if len(now) == 1 and now != children and not zombies(wrapper):
                break
            time.sleep(0.02)
        check(len(now) == 1 and now != children, "kill %d: clangd restarted" % kill, now)
        check(not zombies(wrapper) and lsp.process_state(children[0]) is None,
              "kill %d: the killed clangd reaped, no zombie" % kill, lsp.children_of(wrapper))
        children = now
        # The untouched file comes back through the replay alone; clangd had
        # published it only once, at its open, before the kill.
        client.wait_notification(published_both(idle_uri), start=mark)
        # The edited one: a line more on top, so only the new clangd can place
        # its error, and stallcheck its warning, on the new lines.
        shift += 1
        version += 1
        text = "// after kill %d\n" % kill + text
        start = client.notification_count()
        client.notify("textDocument/didChange", {"textDocument": {"uri": timer_uri, "version": version},
                                                 "contentChanges": [{"text": text}]})
        _, msg = client.wait_notification(published_both(timer_uri, stall_line + shift), start=start)
        errors = clang_errors(msg["params"]["diagnostics"])
        check(errors[0]["range"]["start"]["line"] > stall_line + shift,
              "kill %d: both files' diagnostics published again" % kill, msg)
        check(client.proc.poll() is None, "kill %d: the wrapper runs" % kill)
        rss.append(lsp.rss_kib(wrapper))

    # Every request answered exactly once, whatever the kills cut.
    for rid in sent:
        client.wait_response(rid, timeout=60)
    time.sleep(0.5)  # a duplicate would arrive now
    counts = lsp.response_counts(client)
    twice = {k: n for k, n in counts.items() if n != 1}
    missing = [rid for rid in sent if json.dumps(rid) not in counts]
    check(not twice and not missing and len(counts) == len(sent) + 1,
          "every request answered exactly once",
          {"twice": twice, "missing": missing, "answers": len(counts), "requests": len(sent) + 1})
    lost = []
    for message in list(client.raw_messages):
        body = json.loads(message[message.index(b"\r\n\r\n") + 4:])
        error = body.get("error") if "method" not in body else None
        if error and error.get("code") == -32803:
            lost.append(body)
    failed = len(lost)
    check(all(b["error"]["message"] == "clangd crashed; stallcheck-clangd restarted it" for b in lost),
          "requests lost in a crash say so", lost)
    sys.stderr.write("kill_stress: %d requests, %d failed by a crash, rss %s KiB\n" % (len(sent), failed, rss))
    hover = client.request("textDocument/hover", {"textDocument": {"uri": timer_uri},
                                                  "position": {"line": start_line + shift, "character": 4}})
    check(hover.get("result") and "uv_timer_start" in json.dumps(hover["result"]),
          "after %d kills clangd still answers hover" % KILLS, hover)
    # Flat: what the first restart left against what the last one did.
    grown = rss[-1] - rss[0]
    if os.environ.get("ASAN_OPTIONS"):
        print("ok: memory flat (not measured under AddressSanitizer)")
    else:
        check(grown < 16 * 1024, "memory flat", rss)

    answer = client.request("shutdown", None)
    check("result" in answer, "shutdown answered", answer)
    client.notify("exit", None)
    status = client.proc.wait(30)
    check(status == 0, "exit ends the wrapper with status 0", status)
    seen_clangd += children
    check(all(lsp.process_state(p) is None for p in seen_clangd), "no clangd left running or unreaped",
          {p: lsp.process_state(p) for p in seen_clangd})


if __name__ == "__main__":
    main()
