/*
 * dump.c - a stable, line-per-fact text form of a TU's facts.  Tests compare
 * the two front ends through it, and `stallcheck --dump-facts` prints it.
 * Paths are printed as given; loops and calls by index.
 */
#include <inttypes.h>
#include <stdio.h>

#include "stallcheck/facts.h"

static const char *str(const char *s) { return s ? s : "-"; }

/* Strings with line breaks (string literals, joined annotations) would break
 * the one-line-per-fact form: print them escaped. */
static void put_escaped(FILE *out, const char *s) {
  if (!s) {
    fputc('-', out);
    return;
  }
  for (; *s; s++) {
    if (*s == '\n') fputs("\\n", out);
    else if (*s == '\\') fputs("\\\\", out);
    else fputc(*s, out);
  }
}

static void loc(FILE *out, sc_loc l) {
  fprintf(out, "%s:%u:%u", str(l.file), l.line, l.col);
}

static const char *const arg_kinds[] = {"other", "int", "null", "string", "func", "var", "param", "field"};
static const char *const callee_kinds[] = {"direct", "var", "field", "param", "unknown"};
static const char *const flow_kinds[] = {"arg", "var", "field", "return", "other"};
static const char *const trip_kinds[] = {"unknown", "const", "input", "infinite"};

void sc_facts_dump(const sc_facts *f, FILE *out) {
  fprintf(out, "tu %s%s\n", str(f->tu_file), f->parse_failed ? " parse-failed" : "");
  for (uint32_t i = 0; i < f->nfunctions; i++) {
    const sc_function *fn = &f->functions[i];
    fprintf(out, "function %u %s usr=%s %s params=%u flags=%u at ", i, fn->name, fn->usr,
            fn->linkage == SC_LINKAGE_INTERNAL ? "static" : "extern", fn->nparams, fn->flags);
    loc(out, fn->loc);
    if (fn->params_written) fprintf(out, " params-written=0x%x", fn->params_written);
    if (fn->params_kernel_default) fprintf(out, " params-kernel-default=0x%x", fn->params_kernel_default);
    if (fn->annotations) {
      fputs(" annotations=", out);
      put_escaped(out, fn->annotations);
    }
    fputc('\n', out);
  }
  for (uint32_t i = 0; i < f->nloops; i++) {
    const sc_loop *l = &f->loops[i];
    fprintf(out, "loop %u in=%u parent=%d depth=%u trip=%s", i, l->function,
            l->parent == SC_NONE ? -1 : (int)l->parent, l->depth, trip_kinds[l->trip_kind]);
    if (l->trip_kind == SC_TRIP_CONST) fprintf(out, ":%" PRId64, l->trip_count);
    if (l->bound_text) fprintf(out, " bound=%s", l->bound_text);
    fprintf(out, " weight=%u%s at ", l->body_weight, l->continues_outer ? " continues-outer" : "");
    loc(out, l->loc);
    fputc('\n', out);
  }
  for (uint32_t i = 0; i < f->ncalls; i++) {
    const sc_call *c = &f->calls[i];
    fprintf(out, "call %u in=%u %s %s", i, c->caller, callee_kinds[c->callee_kind], str(c->callee_name));
    if (c->callee_kind == SC_CALLEE_FIELD) fprintf(out, " record=%s", str(c->record));
    if (c->callee_kind == SC_CALLEE_PARAM) fprintf(out, " param=%u", c->param);
    if (c->loop != SC_NONE) fprintf(out, " loop=%u", c->loop);
    if (c->callee_flags) fprintf(out, " callee-flags=%u", c->callee_flags);
    if (c->zero_guard) fprintf(out, " zero-guard=%u", sc_call_zero_guard(c));
    for (uint32_t k = 0; k < 32; k++)
      if (c->param_guards & (1u << k)) fprintf(out, " if-param=%u", k);
    if (c->callee_annotations) {
      fputs(" callee-annotations=", out);
      put_escaped(out, c->callee_annotations);
    }
    fputs(" at ", out);
    loc(out, c->loc);
    for (uint32_t a = 0; a < c->nargs; a++) {
      const sc_arg *arg = &f->args[c->first_arg + a];
      fprintf(out, " [%s", arg_kinds[arg->kind]);
      switch (arg->kind) {
      case SC_ARG_INT: fprintf(out, " %" PRId64, arg->ival); break;
      case SC_ARG_STRING:
        fputs(" \"", out);
        put_escaped(out, arg->text);
        fputc('"', out);
        break;
      case SC_ARG_FUNC:
      case SC_ARG_VAR: fprintf(out, " %s", str(arg->name)); break;
      case SC_ARG_PARAM: fprintf(out, " %u", arg->param); break;
      case SC_ARG_FIELD: fprintf(out, " %s.%s", str(arg->record), str(arg->name)); break;
      default: break;
      }
      if (arg->kind != SC_ARG_STRING && arg->text) {
        fputs(" text=", out);
        put_escaped(out, arg->text);
      }
      if (arg->type) fprintf(out, " type=%s", arg->type);
      if (arg->value_call) fprintf(out, " value-of=%u", arg->value_call - 1);
      fputc(']', out);
    }
    fputc('\n', out);
  }
  for (uint32_t i = 0; i < f->nflows; i++) {
    const sc_flow *fl = &f->flows[i];
    if (fl->fn_usr)
      fprintf(out, "flow %u %s %s", i, fl->fn_name, flow_kinds[fl->kind]);
    else
      fprintf(out, "flow %u param:%u:%s %s", i, fl->src_param, str(fl->fn_name), flow_kinds[fl->kind]);
    if (fl->function != SC_NONE) fprintf(out, " in=%u", fl->function);
    switch (fl->kind) {
    case SC_FLOW_ARG: fprintf(out, " call=%u arg=%u", fl->call, fl->arg); break;
    case SC_FLOW_VAR: fprintf(out, " var=%s", str(fl->var_name)); break;
    case SC_FLOW_FIELD: fprintf(out, " field=%s.%s", str(fl->record), str(fl->field)); break;
    default: break;
    }
    fputs(" at ", out);
    loc(out, fl->loc);
    if (fl->holder_usr) fprintf(out, " holder=%s", fl->holder_usr);
    fputc('\n', out);
  }
  for (uint32_t i = 0; i < f->nvar_stores; i++) {
    const sc_var_store *v = &f->var_stores[i];
    fprintf(out, "store in=%u var=%s", v->function, v->var_usr);
    if (v->value_call) fprintf(out, " value-of=%u", v->value_call - 1);
    fputs(v->is_null ? " null\n" : "\n", out);
  }
  for (uint32_t i = 0; i < f->nvar_refs; i++) {
    const sc_var_ref *v = &f->var_refs[i];
    if (v->function != SC_NONE)
      fprintf(out, "ref in=%u var=%s\n", v->function, v->var_usr);
    else
      fprintf(out, "ref holder=%s var=%s\n", str(v->holder_usr), v->var_usr);
  }
  for (uint32_t i = 0; i < f->ndiags; i++) {
    fprintf(out, "diag %s ", f->diags[i].level == SC_DIAG_WARNING ? "warning" : "error");
    loc(out, f->diags[i].loc);
    fprintf(out, " %s\n", str(f->diags[i].message));
  }
}
