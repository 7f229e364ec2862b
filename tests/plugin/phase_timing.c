// STALLCHECK_PLUGIN_TIMING prints how long each phase of the plugin's work
// took on the TU, one line on stderr that is not a diagnostic (no warning
// is counted, -Werror is unaffected); unset, nothing is printed.
// REQUIRES: plugin
// RUN: env STALLCHECK_PLUGIN_TIMING=1 %clang -fsyntax-only -Werror -fno-color-diagnostics -fplugin=%plugin %s 2>&1 | FileCheck %s --implicit-check-not=warning
// RUN: %clang -fsyntax-only -Werror -fplugin=%plugin %s 2>&1 | count 0
#include <unistd.h>

void tick(void) { sleep(1); } /* not on a loop: no finding */

// CHECK: stallcheck plugin timing: {{.*}}phase_timing.c: catalog {{[0-9.]+}} ms, facts {{[0-9.]+}} ms, outputs and configuration {{[0-9.]+}} ms, link {{[0-9.]+}} ms, solve {{[0-9.]+}} ms, checks {{[0-9.]+}} ms, report {{[0-9.]+}} ms{{$}}
