/*
 * check.c - the index invariants of a TU's facts that the engine relies on
 * to stay within its arrays.  The facts-file reader checks them of what it
 * read (a corrupted file), the plugin of what it built (a bug of its own):
 * either way the facts are refused rather than read out of bounds.
 */
#include <stdarg.h>
#include <stdio.h>

#include "stallcheck/facts.h"

static int broken(char *problem, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (problem && size) vsnprintf(problem, size, fmt, ap);
  va_end(ap);
  return -1;
}

int sc_facts_check(const sc_facts *f, char *problem, size_t size) {
  for (uint32_t i = 0; i < f->nfunctions; i++)
    if (f->functions[i].params_kernel_default & ~f->functions[i].params_written)
      return broken(problem, size, "function %u: a kernel default for a parameter it does not write", i);
  for (uint32_t i = 0; i < f->ncalls; i++) {
    const sc_call *c = &f->calls[i];
    if (c->caller >= f->nfunctions) return broken(problem, size, "call %u: caller %u out of range", i, c->caller);
    if (c->loop != SC_NONE && c->loop >= f->nloops) return broken(problem, size, "call %u: loop out of range", i);
    if (c->nargs > f->nargs || c->first_arg > f->nargs - c->nargs)
      return broken(problem, size, "call %u: arguments out of range", i);
    if (c->callee_kind == SC_CALLEE_PARAM && c->param >= f->functions[c->caller].nparams)
      return broken(problem, size, "call %u: parameter out of range", i);
    /* A guard, and the call an argument holds, were recorded before this
     * call, in the same function. */
    uint32_t guard = sc_call_zero_guard(c);
    if (guard != SC_NONE && (guard >= i || f->calls[guard].caller != c->caller))
      return broken(problem, size, "call %u: zero guard out of range", i);
    uint32_t nparams = f->functions[c->caller].nparams;
    if (nparams < 32 && (c->param_guards >> nparams))
      return broken(problem, size, "call %u: parameter guard out of range", i);
    for (uint32_t a = 0; a < c->nargs; a++) {
      const sc_arg *g = &f->args[c->first_arg + a];
      if (g->value_call && (g->value_call - 1 >= i || f->calls[g->value_call - 1].caller != c->caller))
        return broken(problem, size, "call %u: argument %u: value call out of range", i, a);
    }
  }
  for (uint32_t i = 0; i < f->nvar_stores; i++) {
    const sc_var_store *v = &f->var_stores[i];
    if (v->function >= f->nfunctions) return broken(problem, size, "store %u: function out of range", i);
    if (v->value_call && (v->value_call - 1 >= f->ncalls || f->calls[v->value_call - 1].caller != v->function))
      return broken(problem, size, "store %u: value call out of range", i);
    if (!v->var_usr) return broken(problem, size, "store %u: no variable", i);
  }
  for (uint32_t i = 0; i < f->nvar_refs; i++) {
    const sc_var_ref *v = &f->var_refs[i];
    if (v->function != SC_NONE && v->function >= f->nfunctions)
      return broken(problem, size, "reference %u: function out of range", i);
    if (!v->var_usr) return broken(problem, size, "reference %u: no variable", i);
  }
  for (uint32_t i = 0; i < f->nflows; i++) {
    const sc_flow *w = &f->flows[i];
    if (w->function != SC_NONE && w->function >= f->nfunctions)
      return broken(problem, size, "flow %u: function out of range", i);
    if (w->kind == SC_FLOW_ARG && (w->call >= f->ncalls || w->arg >= f->calls[w->call].nargs))
      return broken(problem, size, "flow %u: call or argument out of range", i);
  }
  for (uint32_t i = 0; i < f->nloops; i++) {
    const sc_loop *l = &f->loops[i];
    if (l->function >= f->nfunctions) return broken(problem, size, "loop %u: function out of range", i);
    if (l->parent != SC_NONE && l->parent >= i) return broken(problem, size, "loop %u: parent out of range", i);
  }
  for (uint32_t i = 0; i < f->nargs; i++)
    if (f->args[i].kind == SC_ARG_PARAM && f->args[i].param == SC_NONE)
      return broken(problem, size, "argument %u: no parameter", i);
  return 0;
}
