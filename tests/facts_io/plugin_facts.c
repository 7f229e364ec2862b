// The plugin writes the TU's facts as a side output of the compile
// (-fplugin-arg-stallcheck-facts=FILE); linking them gives the driver's
// findings.
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin -fplugin-arg-stallcheck-facts=%t/x.facts %s 2> /dev/null
// RUN: not %stallcheck_driver link %t/x.facts | FileCheck %s
#include <unistd.h>
#include <uv.h>
static void on_timer(uv_timer_t *t) {
  (void)t;
  sleep(1);
}
// CHECK: plugin_facts.c:12:3: warning: 'sleep' blocks the libuv event loop
int main(void) {
  static uv_timer_t timer;
  uv_timer_start(&timer, on_timer, 0, 1);
  return 0;
}
