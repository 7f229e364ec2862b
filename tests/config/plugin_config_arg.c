// -fplugin-arg-stallcheck-config=FILE names the configuration for the plugin.
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import json,sys; json.dump({'blocking': [{'function': 'rpc_call_sync', 'why': 'waits for the RPC server'}]}, open(sys.argv[1], 'w'))" %t/project.json
// RUN: %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin -fplugin-arg-stallcheck-config=%t/project.json %s 2>&1 | FileCheck %s
#include <uv.h>
int rpc_call_sync(const char *method);
static void on_timer(uv_timer_t *t) {
  (void)t;
  rpc_call_sync("ping");
}
// CHECK: plugin_config_arg.c:10:3: warning: 'rpc_call_sync' blocks the libuv event loop: it waits for the RPC server
void start(uv_timer_t *t) { uv_timer_start(t, on_timer, 0, 1); }
