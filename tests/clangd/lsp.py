"""A small LSP client for driving stallcheck-clangd in tests (standard library only)."""
import json
import os
import queue
import subprocess
import sys
import threading
import time

# A libuv program with one stall (sleep in a timer callback): the file the
# wrapper tests open.
SLEEPY_TIMER_SOURCE = """\
#include <uv.h>
#include <unistd.h>

static void on_timer(uv_timer_t *handle) {
  (void)handle;
  sleep(1);
}

int main(void) {
  uv_timer_t timer;
  uv_timer_init(uv_default_loop(), &timer);
  uv_timer_start(&timer, on_timer, 0, 100);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
"""


class LspError(Exception):
    pass


class Client:
    """Speaks LSP to a child process; answers the server's own requests."""

    def __init__(self, argv, stderr_path, env=None, watchdog=240):
        self.stderr = open(stderr_path, "wb")
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr,
                                     env=env)
        # Every wait below has a timeout, but a write to a wrapper that has
        # stopped reading blocks for good: past the watchdog the wrapper is
        # killed, so a hang fails the test instead of stalling the suite.
        self.watchdog = threading.Timer(watchdog, self._hung, [watchdog])
        self.watchdog.daemon = True
        self.watchdog.start()
        self.next_id = 1
        self.responses = {}
        self.notifications = []
        self.raw_messages = []
        self.cond = threading.Condition()
        self.eof = False
        self.write_lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _hung(self, seconds):
        sys.stderr.write("FAIL: the session took more than %d s: killing the wrapper\n" % seconds)
        self.proc.kill()

    # ---- wire ------------------------------------------------------------
    def write_bytes(self, data):
        with self.write_lock:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.write_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            header = b""
            while True:
                line = out.readline()
                if not line:
                    with self.cond:
                        self.eof = True
                        self.cond.notify_all()
                    return
                header += line
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            body = out.read(length)
            message = json.loads(body)
            with self.cond:
                self.raw_messages.append(header + body)
            if "method" in message and "id" in message:
                self._answer_server_request(message)
                continue
            with self.cond:
                if "method" in message:
                    self.notifications.append(message)
                else:
                    self.responses[json.dumps(message.get("id"))] = message
                self.cond.notify_all()

    def _answer_server_request(self, message):
        result = None
        if message["method"] == "workspace/configuration":
            result = [None for _ in message.get("params", {}).get("items", [])]
        self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})

    # ---- requests --------------------------------------------------------
    def request_async(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        return request_id

    def wait_response(self, request_id, timeout=60):
        key = json.dumps(request_id)
        deadline = time.monotonic() + timeout
        with self.cond:
            while key not in self.responses:
                left = deadline - time.monotonic()
                if left <= 0 or self.eof:
                    raise LspError("no response to request %r (eof=%s)" % (request_id, self.eof))
                self.cond.wait(left)
            return self.responses.pop(key)

    def request(self, method, params, timeout=60):
        return self.wait_response(self.request_async(method, params), timeout)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_notification(self, predicate, timeout=60, start=0):
        """Waits for a notification at index >= start that satisfies predicate; returns (index, message)."""
        deadline = time.monotonic() + timeout
        with self.cond:
            index = start
            while True:
                while index < len(self.notifications):
                    if predicate(self.notifications[index]):
                        return index, self.notifications[index]
                    index += 1
                left = deadline - time.monotonic()
                if left <= 0 or self.eof:
                    raise LspError("notification not seen (eof=%s)" % self.eof)
                self.cond.wait(left)

    def notification_count(self):
        with self.cond:
            return len(self.notifications)

    def close(self, timeout=30):
        self.watchdog.cancel()
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            return self.proc.wait(timeout)
        finally:
            self.stderr.close()


def initialize(client, root_uri):
    capabilities = {
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {
            "synchronization": {"didSave": True},
            "publishDiagnostics": {"relatedInformation": True, "codeDescriptionSupport": True,
                                   "versionSupport": True},
            "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}},
            "hover": {"contentFormat": ["plaintext"]},
            "completion": {"completionItem": {"snippetSupport": False}},
        },
    }
    result = client.request("initialize", {"processId": os.getpid(), "rootUri": root_uri,
                                           "capabilities": capabilities})
    if "result" not in result:
        raise LspError("initialize failed: %r" % result)
    client.notify("initialized", {})
    return result["result"]


def children_of(pid):
    """Pids whose parent is pid (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: fields follow the last ')'.
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def process_state(pid):
    """The state letter of a process ('R', 'S', 'Z' for a zombie ...), or None if it is gone."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            stat = f.read()
    except OSError:
        return None
    return stat[stat.rindex(")") + 2:].split()[0]


def rss_kib(pid):
    """Resident size of a process in KiB."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def check(condition, what, detail=None):
    """Prints "ok: what" (FileCheck-able), or "FAIL: what" and exits 1."""
    if not condition:
        print("FAIL: %s" % what)
        if detail is not None:
            print(json.dumps(detail, indent=1, default=str)[:4000])
        sys.stdout.flush()
        sys.exit(1)
    print("ok: %s" % what)
    sys.stdout.flush()


def response_counts(client):
    """How many responses the editor received for each id (by its JSON spelling), from the raw stream."""
    counts = {}
    with client.cond:
        raw = list(client.raw_messages)
    for message in raw:
        body = json.loads(message[message.index(b"\r\n\r\n") + 4:])
        if "method" not in body and "id" in body:
            key = json.dumps(body["id"])
            counts[key] = counts.get(key, 0) + 1
    return counts


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2
