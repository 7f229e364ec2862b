// The plugin never fails a compile because of its own problem: a TU with
// compile errors gets clang's errors only; an unknown plugin argument, an
// unknown rule, an unwritable output or a malformed configuration is one
// warning (even under -Werror) and the compile succeeds.
// REQUIRES: plugin
// RUN: rm -rf %t && mkdir -p %t
// RUN: not %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin -DBROKEN %s 2>&1 | FileCheck %s --check-prefix=BROKEN --implicit-check-not=stallcheck
// RUN: not %clang -c -fno-color-diagnostics -fplugin=%plugin -DBROKEN -DLOOP %s -o %t/broken.o 2>&1 | FileCheck %s --check-prefix=BROKEN --implicit-check-not=stallcheck
// RUN: %clang -fsyntax-only -Werror -fno-color-diagnostics -fplugin=%plugin -fplugin-arg-stallcheck-bogus=1 -fplugin-arg-stallcheck-sarif=%t/missing-dir/out.sarif %s 2>&1 | FileCheck %s --check-prefix=ARGS
// RUN: %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin -fplugin-arg-stallcheck-disable=no-such-rule %s 2>&1 | FileCheck %s --check-prefix=RULE
// RUN: printf '{"disable": [' > %t/bad.json
// RUN: %clang -c -Werror -fno-color-diagnostics -fplugin=%plugin -fplugin-arg-stallcheck-config=%t/bad.json -DLOOP %s -o %t/ok.o 2>&1 | FileCheck %s --check-prefix=CONFIG --implicit-check-not=blocks
// RUN: test -s %t/ok.o
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
// BROKEN: error: call to undeclared function 'undeclared'
// ARGS: warning: stallcheck plugin: unknown argument 'bogus=1' (expected disable=, sarif=, config=, facts=, dump-facts= or no-werror)
// ARGS: warning: stallcheck plugin: cannot write {{.*}}missing-dir/out.sarif
// ARGS: 2 warnings generated.
// RULE: warning: stallcheck plugin: unknown rule 'no-such-rule' in disable=
// CONFIG: bad.json
// CONFIG: warning: stallcheck plugin: cannot read {{.*}}bad.json; analysis skipped
// CONFIG: 1 warning generated.
