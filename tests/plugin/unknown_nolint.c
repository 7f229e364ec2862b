// A NOLINT naming a stallcheck rule that does not exist suppresses nothing:
// the plugin says so at the name (a warning of its own, never an error), as
// the driver does.  Other tools' checks are not questioned.
// REQUIRES: plugin
// RUN: %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin %s 2>&1 | FileCheck %s --implicit-check-not=warning:
#include <unistd.h>
#include <uv.h>

static void cb(uv_timer_t *t) { (void)t; sleep(1); } // NOLINT(bugprone-x, stallcheck-blocking-call-in-evnt-loop)
// CHECK: unknown_nolint.c:[[@LINE-1]]:{{[0-9]+}}: warning: stallcheck: NOLINT names 'stallcheck-blocking-call-in-evnt-loop', but no rule has that id (see stallcheck --list-rules)
// CHECK: unknown_nolint.c:[[@LINE-2]]:42: warning: 'sleep' blocks the libuv event loop
void start(uv_timer_t *t) { uv_timer_start(t, cb, 0, 1); }
