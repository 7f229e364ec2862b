// A fault of the plugin's own never fails the compile: staged with
// STALLCHECK_PLUGIN_FAULT (plugin/FaultInjection.h), each one ends as exactly
// one warning saying what went wrong, the compile exits 0 and writes its
// object file, -Werror included (the plugin's problem stays a warning, and
// the finding it could not report is not an error either).
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t
//
// Without a fault the stall below is found (and fails a -Werror compile).
// RUN: %clang -c -fno-color-diagnostics -fplugin=%plugin %s -o %t/clean.o 2>&1 | FileCheck %s --check-prefix=CLEAN
// RUN: not %clang -c -Werror -fno-color-diagnostics -fplugin=%plugin %s -o %t/werror.o 2>&1 | FileCheck %s --check-prefix=CLEAN-WERROR
// An unknown fault name stages nothing.
// RUN: env STALLCHECK_PLUGIN_FAULT=bogus %clang -c -fno-color-diagnostics -fplugin=%plugin %s -o %t/bogus.o 2>&1 | FileCheck %s --check-prefix=CLEAN
//
// RUN: env STALLCHECK_PLUGIN_FAULT=throw %clang -c -fno-color-diagnostics -fplugin=%plugin %s -o %t/throw.o 2>&1 | FileCheck %s --check-prefix=THROW --implicit-check-not=warning: --implicit-check-not=error:
// RUN: test -s %t/throw.o
// RUN: env STALLCHECK_PLUGIN_FAULT=throw %clang -c -Werror -fno-color-diagnostics -fplugin=%plugin %s -o %t/throw-werror.o 2>&1 | FileCheck %s --check-prefix=THROW --implicit-check-not=warning: --implicit-check-not=error:
// RUN: test -s %t/throw-werror.o
// RUN: env STALLCHECK_PLUGIN_FAULT=alloc %clang -c -Werror -fno-color-diagnostics -fplugin=%plugin %s -o %t/alloc.o 2>&1 | FileCheck %s --check-prefix=ALLOC --implicit-check-not=warning: --implicit-check-not=error:
// RUN: test -s %t/alloc.o
// RUN: env STALLCHECK_PLUGIN_FAULT=facts %clang -c -Werror -fno-color-diagnostics -fplugin=%plugin %s -o %t/facts.o 2>&1 | FileCheck %s --check-prefix=FACTS --implicit-check-not=warning: --implicit-check-not=error:
// RUN: test -s %t/facts.o
// RUN: env STALLCHECK_PLUGIN_FAULT=report %clang -c -Werror -fno-color-diagnostics -fplugin=%plugin %s -o %t/report.o 2>&1 | FileCheck %s --check-prefix=REPORT --implicit-check-not=warning: --implicit-check-not=error:
// RUN: test -s %t/report.o
// The same through -fsyntax-only, the other way the plugin is used.
// RUN: env STALLCHECK_PLUGIN_FAULT=throw %clang -fsyntax-only -Werror -fno-color-diagnostics -fplugin=%plugin %s 2>&1 | FileCheck %s --check-prefix=THROW --implicit-check-not=warning: --implicit-check-not=error:
#include <unistd.h>
#include <uv.h>

static void on_timer(uv_timer_t *t) {
  (void)t;
  sleep(1);
}

void start(uv_timer_t *t) { uv_timer_start(t, on_timer, 0, 1); }

// CLEAN: warning: 'sleep' blocks the libuv event loop{{.*}}[blocking-call-in-event-loop]
// CLEAN: 1 warning generated.
// CLEAN-WERROR: error: 'sleep' blocks the libuv event loop{{.*}}[blocking-call-in-event-loop]
// THROW: warning: stallcheck plugin: internal error (fault injected by STALLCHECK_PLUGIN_FAULT=throw); analysis skipped
// THROW-NEXT: 1 warning generated.
// ALLOC: warning: stallcheck plugin: out of memory; analysis skipped
// ALLOC-NEXT: 1 warning generated.
// FACTS: warning: stallcheck plugin: internal error (inconsistent facts: call {{[0-9]+}}: caller {{[0-9]+}} out of range); analysis skipped
// FACTS-NEXT: 1 warning generated.
// REPORT: warning: stallcheck plugin: internal error (the report writer failed (STALLCHECK_PLUGIN_FAULT=report)); findings not reported
// REPORT-NEXT: 1 warning generated.
