// The plugin never fails a compile because of its own problem: a TU with
// compile errors gets clang's errors only; an unknown plugin argument or an
// unwritable SARIF path is one warning and the compile succeeds.
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t
// RUN: not %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin -DBROKEN %s 2>&1 | FileCheck %s --check-prefix=BROKEN --implicit-check-not=stallcheck
// RUN: %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin -fplugin-arg-stallcheck-bogus=1 -fplugin-arg-stallcheck-sarif=%t/missing-dir/out.sarif %s 2>&1 | FileCheck %s --check-prefix=ARGS
// RUN: %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin -fplugin-arg-stallcheck-disable=no-such-rule %s 2>&1 | FileCheck %s --check-prefix=RULE
// Findings stay warnings under -Werror, and -w hides them:
// RUN: %clang -fsyntax-only -fno-color-diagnostics -Werror -fplugin=%plugin -DLOOP %s 2>&1 | FileCheck %s --check-prefix=WERROR
// RUN: %clang -fsyntax-only -w -fplugin=%plugin -DLOOP %s 2>&1 | count 0
#include <unistd.h>

#ifdef BROKEN
void f(void) { undeclared(); }
#endif
void g(void) { sleep(1); } /* not on a loop: no finding */
#ifdef LOOP
#include <uv.h>
static void on_timer(uv_timer_t *t) { (void)t; sleep(1); }
void start(uv_timer_t *t) { uv_timer_start(t, on_timer, 0, 1); }
#endif
// WERROR: warning: 'sleep' blocks the libuv event loop
// BROKEN: error: call to undeclared function 'undeclared'
// ARGS: warning: stallcheck plugin: unknown argument 'bogus=1' (expected disable=, sarif=, config=, facts= or dump-facts=); analysis skipped
// ARGS: warning: stallcheck plugin: cannot write {{.*}}missing-dir/out.sarif; analysis skipped
// RULE: warning: stallcheck plugin: unknown rule 'no-such-rule'; analysis skipped
