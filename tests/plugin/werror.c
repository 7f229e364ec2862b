// Findings are warnings, and -Werror makes them errors like any other
// warning (the compile fails); -Wno-error, or the plugin's no-werror
// argument, keeps them warnings; -w hides them.
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -c -fno-color-diagnostics -fplugin=%plugin %s -o %t/plain.o 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: not %clang -c -fno-color-diagnostics -Werror -fplugin=%plugin %s -o %t/werror.o 2>&1 | FileCheck %s --check-prefix=ERROR
// RUN: test ! -e %t/werror.o
// RUN: %clang -c -fno-color-diagnostics -Werror -Wno-error -fplugin=%plugin %s -o %t/wnoerror.o 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: %clang -c -fno-color-diagnostics -Werror -fplugin=%plugin -fplugin-arg-stallcheck-no-werror %s -o %t/optout.o 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: test -s %t/optout.o
// RUN: %clang -c -w -Werror -fplugin=%plugin %s -o %t/quiet.o 2>&1 | count 0
#include <unistd.h>
#include <uv.h>

static void on_timer(uv_timer_t *t) {
  (void)t;
  sleep(1);
}
void start(uv_timer_t *t) { uv_timer_start(t, on_timer, 0, 1); }
// WARN: werror.c:18:3: warning: 'sleep' blocks the libuv event loop: it suspends the calling thread [blocking-call-in-event-loop]
// WARN: note: remedy:
// WARN: 1 warning generated.
// ERROR: werror.c:18:3: error: 'sleep' blocks the libuv event loop: it suspends the calling thread [blocking-call-in-event-loop]
// ERROR: note: 'on_timer' runs on the libuv loop thread
// ERROR: note: remedy:
// ERROR: 1 error generated.
