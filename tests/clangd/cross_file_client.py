#!/usr/bin/env python3
"""Cross-file paths in the editor: after a `stallcheck -p` run has cached the
facts of the program, the wrapper analyses the edited file together with the
cached facts of the other files, so a blocking call in a helper shows with
the path from a callback registered in another file.  Prints "ok: ..." lines.
Also measures how long diagnostics take after each of a series of edits to a
2,000-line file (the editor's latency) and prints the 95th percentile."""
import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp  # noqa: E402

SERVER = """\
#include <uv.h>
void helper(int n);
static void on_timer(uv_timer_t *t) {
  (void)t;
  helper(1);
}
int main(void) {
  static uv_timer_t timer;
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 100);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
"""

HELPER_HEAD = """\
#include <unistd.h>
void helper(int n) {
  if (n > 0) sleep(1);
}
"""


def check(condition, what, detail=None):
    if not condition:
        print("FAIL: %s" % what)
        if detail is not None:
            print(json.dumps(detail, indent=1)[:3000])
        sys.exit(1)
    print("ok: %s" % what)
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wrapper", required=True)
    parser.add_argument("--stallcheck", required=True)
    parser.add_argument("--clangd", default="/usr/lib/llvm-22/bin/clangd")
    parser.add_argument("--workdir", required=True)
    args = parser.parse_args()
    work = args.workdir
    os.makedirs(work, exist_ok=True)
    # A 2,000-line helper file: the edited buffer of the latency measurement.
    filler = "".join("static int pad%d(int x) { return x + %d; }\n" % (i, i) for i in range(1996))
    helper_text = HELPER_HEAD + filler
    for name, text in (("server.c", SERVER), ("helper.c", helper_text)):
        with open(os.path.join(work, name), "w") as f:
            f.write(text)
    flags = subprocess.run(["pkg-config", "--cflags", "libuv"], capture_output=True, text=True, timeout=30).stdout.split()
    db = [{"directory": work, "arguments": ["cc", "-c"] + flags + [f], "file": f} for f in ("server.c", "helper.c")]
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump(db, f)
    # The CI run that leaves the facts cache.
    subprocess.run([args.stallcheck, "-p", work, "--quiet"], stdout=subprocess.DEVNULL, timeout=120)

    uri = "file://" + os.path.join(work, "helper.c")
    client = lsp.Client([args.wrapper, "--clangd=" + args.clangd, "--log=error", "--background-index=false"],
                        os.path.join(work, "wrapper.log"))
    lsp.initialize(client, "file://" + work)
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "c", "version": 1,
                                                            "text": helper_text}})

    def ours(message):
        if message.get("method") != "textDocument/publishDiagnostics" or message["params"]["uri"] != uri:
            return None
        return [d for d in message["params"]["diagnostics"] if d.get("source") == "stallcheck"]

    _, msg = client.wait_notification(lambda m: bool(ours(m)))
    warning = ours(msg)[0]
    check(warning["range"]["start"]["line"] == 2, "the sleep in helper.c is reported", warning)
    related = json.dumps(warning.get("relatedInformation", []))
    check("server.c" in related and "on_timer" in related, "the path starts at the callback in server.c", warning)

    # Latency: append a comment line (the sleep stays), time until our
    # diagnostics for that version come back.
    times = []
    version = 1
    for i in range(10):
        version += 1
        text = helper_text + "/* edit %d */\n" % i
        start = client.notification_count()
        t0 = time.time()
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"text": text}]})
        client.wait_notification(lambda m: bool(ours(m)), start=start)
        times.append(time.time() - t0)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1) + 0.5)]
    print("latency: p95 %.0f ms, median %.0f ms over %d edits of a %d-line file" % (
        p95 * 1000, times[len(times) // 2] * 1000, len(times), helper_text.count("\n")))
    check(p95 < 5.0, "diagnostics follow every edit")
    client.request("shutdown", None)
    client.notify("exit", None)
    client.proc.wait(30)


if __name__ == "__main__":
    main()
