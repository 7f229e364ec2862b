// Loaded into a clang of another major version (whose C++ API it was not
// built for), the plugin refuses to load with a clear message instead of
// crashing that clang, and the compile goes on without it.
// REQUIRES: plugin, other-clang
// RUN: rm -rf %t && mkdir -p %t
// RUN: %other_clang -c -fplugin=%plugin -fplugin-arg-stallcheck-disable=cpu-heavy-work-on-io-thread %s -o %t/out.o 2>&1 | FileCheck %s
// RUN: test -s %t/out.o
// CHECK: warning: stallcheck plugin: built for clang {{[0-9]+}} but loaded into {{.*}}clang{{.*}}; not loaded (use the plugin built against this clang)
// CHECK-NOT: PLEASE submit a bug report
int answer(void) { return 42; }
