// Functions defined in a precompiled header are seen as when the header is
// included as text: clang's PCH reader hands the consumer only the
// declarations it finds interesting, as it reads them, so after a PCH the
// facts walk takes the TU's declarations instead of the ones collected
// while parsing.  Same facts both ways, and the stall is found.
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -x c-header %S/Inputs/napping.h -o %t/napping.h.pch
// RUN: %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin -fplugin-arg-stallcheck-dump-facts=%t/pch.facts -include-pch %t/napping.h.pch %s 2>&1 | FileCheck %s
// RUN: %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin -fplugin-arg-stallcheck-dump-facts=%t/text.facts -include %S/Inputs/napping.h %s 2>&1 | FileCheck %s
// RUN: diff %t/pch.facts %t/text.facts
// RUN: FileCheck %s --check-prefix=FACTS < %t/pch.facts
static void on_timer(uv_timer_t *t) {
  (void)t;
  nap();
}

void start(uv_timer_t *t) { uv_timer_start(t, on_timer, 0, 1); }

// CHECK: napping.h:{{[0-9]+}}:{{[0-9]+}}: warning: 'sleep' blocks the libuv event loop{{.*}}[blocking-call-in-event-loop]
// CHECK: note: 'on_timer' runs on the libuv loop thread
// FACTS-DAG: function {{[0-9]+}} nap usr=
// FACTS-DAG: function {{[0-9]+}} doze usr=
