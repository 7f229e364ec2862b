#!/usr/bin/env python3
"""The editor shows what the `stallcheck` command prints: a three-file libuv
program whose worker.c holds four blocking calls, each reached at the same
distance from three callbacks registered in three files, so the notes a
finding shows depend on the order the analysis sees the translation units in
(the wrapper, which puts the edited file first, gave other notes than the
command before it sorted them the same way).  After `stallcheck -p` has cached
the program's facts, the wrapper's diagnostics for worker.c (over the fake
clangd) must carry the same rules, locations, messages, remedies and notes as
the command's --format=json findings in worker.c.  With --config, the same
holds under a project configuration (.stallcheck.json) that both read.
Prints "ok: ..." lines."""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsp  # noqa: E402
from lsp import check  # noqa: E402

FILES = {
    "server.c": """\
#include <uv.h>
void helper_sleep(void);
void helper_wait(void);
void start_ticking(uv_timer_t *timer);
void start_checking(uv_check_t *check);
static void on_timer(uv_timer_t *t) {
  (void)t;
  helper_sleep();
  helper_wait();
}
int main(void) {
  static uv_timer_t timer, ticker;
  static uv_check_t check;
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 100);
  start_ticking(&ticker);
  start_checking(&check);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
""",
    "other.c": """\
#include <uv.h>
void helper_sleep(void);
void helper_wait(void);
static void on_tick(uv_timer_t *t) {
  (void)t;
  helper_wait();
  helper_sleep();
}
void start_ticking(uv_timer_t *timer) { uv_timer_start(timer, on_tick, 0, 10); }
""",
    "worker.c": """\
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <uv.h>
void helper_sleep(void) {
  sleep(1);
  usleep(10);
}
void helper_wait(void) {
  int status;
  waitpid(-1, &status, 0);
  system("true");
}
static void on_check(uv_check_t *c) {
  (void)c;
  helper_sleep();
  helper_wait();
}
void start_checking(uv_check_t *check) { uv_check_start(check, on_check); }
""",
}


def from_cli(finding):
    """A --format=json finding as the wrapper would publish it (ASCII sources:
    UTF-16 characters are byte columns)."""
    message = finding["message"] + ("\nremedy: " + finding["remedy"] if finding.get("remedy") else "")
    notes = tuple((step["file"], step["line"] - 1, step["column"] - 1, step["message"])
                  for step in finding["path"])
    return (finding["rule"], finding["level"], finding["line"] - 1, finding["column"] - 1, message, notes)


def from_lsp(diag):
    notes = tuple((info["location"]["uri"][len("file://"):], info["location"]["range"]["start"]["line"],
                   info["location"]["range"]["start"]["character"], info["message"])
                  for info in diag.get("relatedInformation", []))
    start = diag["range"]["start"]
    level = {1: "error", 2: "warning", 3: "note", 4: "note"}[diag["severity"]]
    return (diag["code"], level, start["line"], start["character"], diag["message"], notes)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wrapper", required=True)
    parser.add_argument("--stallcheck", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--config", help="the .stallcheck.json to write, as JSON text")
    parser.add_argument("--expect", type=int, default=4, help="findings expected in worker.c")
    args = parser.parse_args()
    work = os.path.realpath(args.workdir)
    os.makedirs(work, exist_ok=True)
    for name, text in FILES.items():
        with open(os.path.join(work, name), "w") as f:
            f.write(text)
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump([{"directory": work, "file": os.path.join(work, name), "arguments": ["cc", "-c", name]}
                   for name in FILES], f)
    if args.config:
        with open(os.path.join(work, ".stallcheck.json"), "w") as f:
            f.write(args.config)
    run = subprocess.run([args.stallcheck, "-p", work, "--format=json"], capture_output=True, text=True)
    check(run.returncode == 1, "stallcheck -p reports findings and caches the facts", run.stderr)
    helper = os.path.join(work, "worker.c")
    cli = sorted(from_cli(f) for f in json.loads(run.stdout)["findings"] if f["file"] == helper and not f["suppressed"])
    check(len(cli) == args.expect, "the command finds the %d blocking calls in worker.c" % args.expect, cli)

    fake = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_clangd.py")
    log = os.path.join(work, "wrapper.log")
    client = lsp.Client([args.wrapper, "--clangd=" + fake], log, env=dict(os.environ, FAKE_CLANGD_DIR=work),
                        watchdog=60)
    uri = "file://" + helper
    try:
        client.request("initialize", {"processId": None, "rootUri": "file://" + work,
                                      "capabilities": {"general": {"positionEncodings": ["utf-16"]}}})
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "c", "version": 1,
                                                                "text": FILES["worker.c"]}})
        _, msg = client.wait_notification(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri and
            any(d.get("source") == "stallcheck" for d in m["params"]["diagnostics"]))
    except lsp.LspError as e:
        with open(log, "rb") as f:
            sys.stdout.write(f.read().decode("utf-8", "replace")[-3000:])
        check(False, str(e))
    editor = sorted(from_lsp(d) for d in msg["params"]["diagnostics"] if d.get("source") == "stallcheck")
    check(editor == cli, "the editor's findings in worker.c are the command's: rules, locations, messages, notes",
          {"editor": editor, "command": cli})
    client.request("shutdown", None)
    client.notify("exit", None)
    check(client.proc.wait(30) == 0, "exit status 0")


if __name__ == "__main__":
    main()
