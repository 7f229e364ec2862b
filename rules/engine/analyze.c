/*
 * analyze.c - solving a linked program and running the checks.
 */
#include <string.h>

#include "checks/checks.h"
#include "engine/engine_internal.h"

/* Calls that make sockets non-blocking somewhere in the program: then the
 * program's socket I/O is readiness-driven, and recv/send do not wait. */
static void find_nonblocking_sockets(sc_program *p) {
  for (uint32_t t = 0; t < p->ntus && !p->sockets_nonblocking; t++) {
    const sc_facts *f = p->tus[t];
    for (uint32_t i = 0; i < f->ncalls; i++) {
      const sc_call *c = &f->calls[i];
      if (c->callee_kind != SC_CALLEE_DIRECT || !c->callee_name) continue;
      size_t n = 0;
      const sc_api *rows = sc_catalog_apis(c->callee_name, SC_API_NONBLOCK_MARKER, &n);
      for (size_t k = 0; k < n; k++)
        if (sc_api_applies(&rows[k], f, c)) {
          p->sockets_nonblocking = 1;
          return;
        }
    }
  }
}

/* A call on a worker thread that wakes a loop: the program's threads report
 * back to their loop, so joining them there does not wait. */
static void find_thread_wakeups(sc_program *p) {
  for (uint32_t t = 0; t < p->ntus && !p->threads_wake_loop; t++) {
    const sc_facts *f = p->tus[t];
    for (uint32_t i = 0; i < f->ncalls; i++) {
      const sc_call *c = &f->calls[i];
      if (c->callee_kind != SC_CALLEE_DIRECT || !c->callee_name) continue;
      size_t n = 0;
      if (!sc_catalog_apis(c->callee_name, SC_API_LOOP_WAKE, &n)) continue;
      sc_ref r = {t, i};
      uint32_t root;
      if (sc_program_call_in_ctx(p, r, SC_CTX_WORKER, &root)) {
        p->threads_wake_loop = 1;
        return;
      }
    }
  }
}

void sc_program_solve(sc_program *p) {
  sc_engine_compute_liveness_and_edges(p);
  sc_engine_find_roots(p);
  for (uint32_t r = 0; r < p->nroots && !p->starts_threads; r++) p->starts_threads = p->roots[r].ctx == SC_CTX_WORKER;
  sc_engine_compute_contexts(p);
  sc_engine_compute_param_values(p);
  find_nonblocking_sockets(p);
  find_thread_wakeups(p);
}

void sc_options_init(sc_options *o) {
  memset(o, 0, sizeof *o);
  for (int i = 0; i < 64; i++) o->level_override[i] = -1;
}

int sc_options_disable(sc_options *o, const char *rule_id) {
  size_t n = 0;
  const sc_rule *rules = sc_rules(&n);
  for (size_t i = 0; i < n && i < 64; i++)
    if (strcmp(rules[i].id, rule_id) == 0) {
      o->disabled_rules |= 1ull << i;
      return 0;
    }
  return -1;
}

sc_level sc_options_level(const sc_options *o, const sc_rule *rule) {
  size_t n = 0;
  const sc_rule *rules = sc_rules(&n);
  size_t i = (size_t)(rule - rules);
  if (i < 64 && o->level_override[i] >= 0) return (sc_level)o->level_override[i];
  return rule->default_level;
}

int sc_options_enabled(const sc_options *o, const sc_rule *rule) {
  size_t n = 0;
  const sc_rule *rules = sc_rules(&n);
  size_t i = (size_t)(rule - rules);
  return !(i < 64 && (o->disabled_rules >> i & 1));
}

void sc_analyze(const sc_program *p, const sc_options *o, sc_findings *out) {
  for (size_t i = 0; sc_checks[i].rule_id; i++) {
    const sc_rule *rule = sc_rule_find(sc_checks[i].rule_id);
    if (!rule || !sc_options_enabled(o, rule)) continue;
    sc_checks[i].run(p, rule, sc_options_level(o, rule), out);
  }
  sc_findings_finish(out);
}
