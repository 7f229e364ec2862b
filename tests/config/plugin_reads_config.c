// The plugin reads the nearest .stallcheck.json too, so a project's own
// blocking functions are found in the compiler's output as by the driver.
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t
// RUN: cp %s %t/x.c
// RUN: %python -c "import json,sys; json.dump({'blocking': [{'function': 'rpc_call_sync', 'why': 'waits for the RPC server'}]}, open(sys.argv[1], 'w'))" %t/.stallcheck.json
// RUN: %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin %t/x.c 2>&1 | FileCheck %s
#include <uv.h>
int rpc_call_sync(const char *method);
static void on_timer(uv_timer_t *t) {
  (void)t;
  rpc_call_sync("ping");
}
// CHECK: x.c:12:3: warning: 'rpc_call_sync' blocks the libuv event loop: it waits for the RPC server [blocking-call-in-event-loop]
void start(uv_timer_t *t) { uv_timer_start(t, on_timer, 0, 1); }
