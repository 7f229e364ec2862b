/*
 * frontend_branches.c - the branches the libclang front end reads in a
 * condition (docs/design/facts.md, "Branches"):
 *
 * - where a call returned 0: `if ((pid = fork()) == 0)`, `switch (pid) case
 *   0:`, so that the engine can tell the child of fork() (a new process, not
 *   the loop thread) from the parent;
 * - debugging switches left off: `int debugmsg = 0; ... if (debugmsg)`, whose
 *   branch never runs.
 *
 * Only the shape of the condition is read, with no data flow: a local
 * variable holds the call it was assigned from last in the walk's (source)
 * order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend_internal.h"
#include "stallcheck/catalog.h"

struct fe_var_call {
  CXCursor var;
  uint32_t call;
  uint32_t nesting; /* loops and branches around the assignment */
};

/* How deep in loops and branches the walk is. */
static uint32_t nesting(const fe_state *st) { return st->depth + st->branch_depth; }

void fe_branches_reset(fe_state *st, CXCursor body) {
  st->zero_guard = SC_NONE;
  st->param_guards = 0;
  st->params_written = 0;
  st->branch_depth = 0;
  st->nrecent = 0;
  st->nvar_calls = 0;
  st->nfield_stores = 0;
  st->body = body;
}

void fe_branches_free(fe_state *st) {
  free(st->var_calls);
  st->var_calls = NULL;
  st->nvar_calls = st->cap_var_calls = 0;
  free(st->field_stores);
  st->field_stores = NULL;
  st->nfield_stores = st->cap_field_stores = 0;
}

/* ---- stores into fields of local structs --------------------------------- */

struct fe_field_store {
  CXCursor var;
  const char *field;
  CXCursor value;
  uint32_t nesting; /* loops and branches around the store */
};

void fe_field_store_add(fe_state *st, CXCursor lhs, CXCursor value) {
  CXCursor member = fe_strip_casts(lhs);
  if (clang_getCursorKind(member) != CXCursor_MemberRefExpr) return;
  fe_children base;
  fe_children_get(member, &base);
  CXCursor var = base.count == 1 ? fe_local_var(base.items[0]) : clang_getNullCursor();
  fe_children_free(&base);
  if (clang_Cursor_isNull(var)) return;
  fe_field_store_set(st, var, fe_cursor_name(st, clang_getCursorReferenced(member)), value);
}

void fe_field_store_set(fe_state *st, CXCursor var, const char *field, CXCursor value) {
  if (!field) return;
  for (uint32_t i = 0; i < st->nfield_stores; i++)
    if (clang_equalCursors(st->field_stores[i].var, var) && !strcmp(st->field_stores[i].field, field)) {
      st->field_stores[i].value = value;
      st->field_stores[i].nesting = nesting(st);
      return;
    }
  if (st->nfield_stores == st->cap_field_stores) {
    st->cap_field_stores = st->cap_field_stores ? st->cap_field_stores * 2 : 8;
    st->field_stores = realloc(st->field_stores, st->cap_field_stores * sizeof *st->field_stores);
    if (!st->field_stores) abort();
  }
  st->field_stores[st->nfield_stores++] = (struct fe_field_store){var, field, value, nesting(st)};
}

const char *fe_arg_text_with_fields(fe_state *st, CXCursor arg) {
  const char *text = fe_token_text(st, arg);
  CXCursor s = fe_strip_casts(arg);
  if (clang_getCursorKind(s) == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_AddrOf) {
    fe_children c;
    fe_children_get(s, &c);
    s = c.count == 1 ? c.items[0] : clang_getNullCursor();
    fe_children_free(&c);
  }
  CXCursor var = clang_Cursor_isNull(s) ? s : fe_local_var(s);
  if (!text || clang_Cursor_isNull(var)) return text;
  char *joined = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&joined, &len);
  if (!out) return text;
  fputs(text, out);
  int n = 0;
  for (uint32_t i = 0; i < st->nfield_stores; i++) {
    if (!clang_equalCursors(st->field_stores[i].var, var)) continue;
    /* A store in a branch the walk has left may not have run: `?`. */
    const char *value =
        st->field_stores[i].nesting > nesting(st) ? "?" : fe_token_text(st, st->field_stores[i].value);
    fprintf(out, "%s%s=%s", n++ ? "; " : " {", st->field_stores[i].field, value ? value : "?");
  }
  if (n) fputc('}', out);
  fclose(out);
  const char *r = n ? sc_facts_intern(st->facts, joined) : text;
  free(joined);
  return r;
}

void fe_recent_call_add(fe_state *st, CXCursor call, uint32_t index) {
  enum { N = sizeof st->recent / sizeof st->recent[0] };
  st->recent[st->nrecent % N].call = call;
  st->recent[st->nrecent % N].index = index;
  st->nrecent++;
}

uint32_t fe_recent_call_find(fe_state *st, CXCursor call) {
  enum { N = sizeof st->recent / sizeof st->recent[0] };
  uint32_t n = st->nrecent < N ? st->nrecent : N;
  for (uint32_t i = 0; i < n; i++) {
    const struct fe_recent_call *r = &st->recent[(st->nrecent - 1 - i) % N];
    if (clang_equalCursors(r->call, call)) return r->index;
  }
  return SC_NONE;
}

CXCursor fe_local_var(CXCursor e) {
  CXCursor s = fe_strip_casts(e);
  if (clang_getCursorKind(s) != CXCursor_DeclRefExpr) return clang_getNullCursor();
  CXCursor var = clang_getCursorReferenced(s);
  if (clang_getCursorKind(var) != CXCursor_VarDecl || clang_Cursor_hasVarDeclGlobalStorage(var) == 1)
    return clang_getNullCursor();
  return var;
}

void fe_var_call_set(fe_state *st, CXCursor var, uint32_t index) {
  for (uint32_t i = 0; i < st->nvar_calls; i++)
    if (clang_equalCursors(st->var_calls[i].var, var)) {
      st->var_calls[i].call = index;
      st->var_calls[i].nesting = nesting(st);
      return;
    }
  if (st->nvar_calls == st->cap_var_calls) {
    st->cap_var_calls = st->cap_var_calls ? st->cap_var_calls * 2 : 8;
    st->var_calls = realloc(st->var_calls, st->cap_var_calls * sizeof *st->var_calls);
    if (!st->var_calls) abort();
  }
  st->var_calls[st->nvar_calls].var = var;
  st->var_calls[st->nvar_calls].call = index;
  st->var_calls[st->nvar_calls].nesting = nesting(st);
  st->nvar_calls++;
}

uint32_t fe_var_call(fe_state *st, CXCursor var, int strict) {
  for (uint32_t i = 0; i < st->nvar_calls; i++)
    if (clang_equalCursors(st->var_calls[i].var, var))
      return strict && st->var_calls[i].nesting > nesting(st) ? SC_NONE : st->var_calls[i].call;
  return SC_NONE;
}

static int is_zero(CXCursor e) {
  int64_t v;
  return fe_int_constant(e, &v) && v == 0;
}

/* The two operands of a binary operator. */
static int operands(CXCursor op, CXCursor *lhs, CXCursor *rhs) {
  fe_children k;
  fe_children_get(op, &k);
  int ok = k.count == 2;
  if (ok) {
    *lhs = k.items[0];
    *rhs = k.items[1];
  }
  fe_children_free(&k);
  return ok;
}

/* What E is the result of: a call met in the condition, or a call a local
 * variable was assigned from. */
static int result_of(fe_state *st, CXCursor e, fe_zero_test *t) {
  CXCursor s = fe_strip_casts(e);
  enum CXCursorKind k = clang_getCursorKind(s);
  CXCursor lhs, rhs;
  if (k == CXCursor_BinaryOperator && clang_getCursorBinaryOperatorKind(s) == CXBinaryOperator_Assign &&
      operands(s, &lhs, &rhs))
    s = fe_strip_casts(rhs), k = clang_getCursorKind(s);
  if (k == CXCursor_CallExpr) {
    t->call = s;
    return 1;
  }
  CXCursor var = fe_local_var(s);
  if (clang_Cursor_isNull(var)) return 0;
  t->known = fe_var_call(st, var, 1);
  return t->known != SC_NONE;
}

fe_zero_test fe_zero_test_of(fe_state *st, CXCursor cond, int as_switch) {
  fe_zero_test t = {FE_ZERO_NONE, clang_getNullCursor(), SC_NONE};
  CXCursor s = fe_strip_casts(cond), operand = s, lhs, rhs;
  fe_zero_branch branch = as_switch ? FE_ZERO_THEN : FE_ZERO_ELSE; /* `if (E)`: E is 0 in the else branch */
  enum CXCursorKind k = clang_getCursorKind(s);
  if (!as_switch && k == CXCursor_BinaryOperator && operands(s, &lhs, &rhs)) {
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
    if (op != CXBinaryOperator_EQ && op != CXBinaryOperator_NE) return t;
    if (is_zero(rhs)) operand = lhs;
    else if (is_zero(lhs)) operand = rhs;
    else return t;
    branch = op == CXBinaryOperator_EQ ? FE_ZERO_THEN : FE_ZERO_ELSE;
  } else if (!as_switch && k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_LNot) {
    fe_children c;
    fe_children_get(s, &c);
    if (c.count == 1) operand = c.items[0];
    fe_children_free(&c);
    if (c.count != 1) return t;
    branch = FE_ZERO_THEN;
  }
  if (result_of(st, operand, &t)) t.branch = branch;
  return t;
}

uint32_t fe_zero_test_call(fe_state *st, const fe_zero_test *t) {
  if (t->branch == FE_ZERO_NONE) return SC_NONE;
  return t->known != SC_NONE ? t->known : fe_recent_call_find(st, t->call);
}

/* ---- fork() results ---------------------------------------------------- */

static int calls_fork(CXCursor call) {
  CXCursor callee = clang_getCursorReferenced(call);
  if (clang_getCursorKind(callee) != CXCursor_FunctionDecl) return 0;
  CXString name = clang_getCursorSpelling(callee);
  const char *n = clang_getCString(name);
  int r = n && (!strcmp(n, "fork") || !strcmp(n, "vfork"));
  clang_disposeString(name);
  return r;
}

int fe_is_fork_result(fe_state *st, CXCursor e) {
  CXCursor s = fe_strip_casts(e);
  if (clang_getCursorKind(s) == CXCursor_CallExpr) return calls_fork(s);
  CXCursor var = fe_local_var(s);
  if (clang_Cursor_isNull(var)) return 0;
  uint32_t call = fe_var_call(st, var, 1);
  if (call == SC_NONE || call >= st->facts->ncalls) return 0;
  const sc_call *c = &st->facts->calls[call];
  return c->callee_kind == SC_CALLEE_DIRECT && c->callee_name &&
         (!strcmp(c->callee_name, "fork") || !strcmp(c->callee_name, "vfork"));
}

/* ---- debugging switches left off ---------------------------------------- */

typedef struct write_scan {
  CXCursor var;
  int written;
} write_scan;

/* Whether reference `c` under `parent` writes what it names or lets it be
 * written: the left of an assignment, ++/--, a compound assignment, or its
 * address taken (not `!v` nor `-v`: reads go through an implicit cast). */
static int is_write(CXCursor c, CXCursor parent) {
  enum CXCursorKind pk = clang_getCursorKind(parent);
  if (pk == CXCursor_CompoundAssignOperator) return 1;
  if (pk == CXCursor_UnaryOperator) {
    enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(parent);
    return op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec || op == CXUnaryOperator_PreInc ||
           op == CXUnaryOperator_PreDec || op == CXUnaryOperator_AddrOf;
  }
  CXCursor lhs, rhs;
  /* The visitor's cursor and the operator's child differ in libclang's
   * private fields: the same expression is the same place. */
  return pk == CXCursor_BinaryOperator && clang_getCursorBinaryOperatorKind(parent) == CXBinaryOperator_Assign &&
         operands(parent, &lhs, &rhs) && clang_getCursorKind(lhs) == CXCursor_DeclRefExpr &&
         clang_equalLocations(clang_getCursorLocation(lhs), clang_getCursorLocation(c));
}

static enum CXChildVisitResult find_write(CXCursor c, CXCursor parent, CXClientData data) {
  write_scan *w = data;
  if (clang_getCursorKind(c) != CXCursor_DeclRefExpr) return CXChildVisit_Recurse;
  if (clang_equalCursors(clang_getCursorReferenced(c), w->var) && is_write(c, parent)) {
    w->written = 1;
    return CXChildVisit_Break;
  }
  return CXChildVisit_Continue;
}

typedef struct param_scan {
  fe_state *st;
  uint32_t written;
} param_scan;

static enum CXChildVisitResult find_param_write(CXCursor c, CXCursor parent, CXClientData data) {
  param_scan *w = data;
  if (clang_getCursorKind(c) != CXCursor_DeclRefExpr) return CXChildVisit_Recurse;
  CXCursor decl = clang_getCursorReferenced(c);
  if (clang_getCursorKind(decl) == CXCursor_ParmDecl && is_write(c, parent)) {
    int index = fe_param_index(w->st, decl);
    if (index >= 0) w->written |= 1u << (index < 31 ? index : 31);
  }
  return CXChildVisit_Continue;
}

/* Whether `e` is a string literal (through its decay) naming a kernel path. */
static int string_literal_is_kernel_path(CXCursor e) {
  int kernel = 0;
  CXCursor s = fe_strip_casts(e);
  if (clang_getCursorKind(s) != CXCursor_StringLiteral) return 0;
  CXEvalResult r = clang_Cursor_Evaluate(e);
  if (r && clang_EvalResult_getKind(r) == CXEval_StrLiteral)
    kernel = sc_catalog_is_kernel_path(clang_EvalResult_getAsStr(r));
  if (r) clang_EvalResult_dispose(r);
  return kernel;
}

/* The parameter `s` gives a kernel-path default: `if (!p) p = "/proc/...";`
 * (or `p == NULL`, the assignment alone in braces, no else), or -1. */
static int kernel_default_of(fe_state *st, CXCursor s) {
  if (clang_getCursorKind(s) != CXCursor_IfStmt) return -1;
  fe_children k;
  fe_children_get(s, &k);
  int param = -1;
  uint32_t when_true = 0, when_false = 0;
  if (k.count == 2) fe_param_test_of(st, k.items[0], &when_true, &when_false);
  CXCursor assign = k.count == 2 ? k.items[1] : clang_getNullCursor();
  if (!clang_Cursor_isNull(assign) && clang_getCursorKind(assign) == CXCursor_CompoundStmt) {
    fe_children body;
    fe_children_get(assign, &body);
    assign = body.count == 1 ? body.items[0] : clang_getNullCursor();
    fe_children_free(&body);
  }
  CXCursor lhs, rhs;
  if (when_false && !when_true && !clang_Cursor_isNull(assign) && clang_getCursorKind(assign) == CXCursor_BinaryOperator &&
      clang_getCursorBinaryOperatorKind(assign) == CXBinaryOperator_Assign && operands(assign, &lhs, &rhs) &&
      clang_getCursorKind(lhs) == CXCursor_DeclRefExpr &&
      clang_getCursorKind(clang_getCursorReferenced(lhs)) == CXCursor_ParmDecl) {
    int index = fe_param_index(st, clang_getCursorReferenced(lhs));
    if (index >= 0 && index < 31 && when_false == (1u << index) && string_literal_is_kernel_path(rhs)) param = index;
  }
  fe_children_free(&k);
  return param;
}

uint32_t fe_params_written(fe_state *st, CXCursor body, uint32_t *kernel_default) {
  param_scan w = {st, 0};
  uint32_t defaults = 0;
  *kernel_default = 0;
  if (!st->nparams) return 0;
  /* The top-level statements one by one, the kernel defaults aside. */
  fe_children k;
  fe_children_get(body, &k);
  for (unsigned i = 0; i < k.count; i++) {
    int param = kernel_default_of(st, k.items[i]);
    if (param >= 0) defaults |= 1u << param;
    else clang_visitChildren(k.items[i], find_param_write, &w);
  }
  fe_children_free(&k);
  *kernel_default = defaults & ~w.written;
  return w.written | defaults;
}

int fe_is_dead_flag_test(fe_state *st, CXCursor cond) {
  CXCursor s = fe_strip_casts(cond), lhs, rhs;
  if (clang_getCursorKind(s) == CXCursor_BinaryOperator && clang_getCursorBinaryOperatorKind(s) == CXBinaryOperator_LAnd &&
      operands(s, &lhs, &rhs))
    s = fe_strip_casts(lhs);
  CXCursor var = fe_local_var(s);
  if (clang_Cursor_isNull(var) || !fe_is_integer_type(clang_getCursorType(var))) return 0;
  CXCursor init = clang_Cursor_getVarDeclInitializer(var);
  if (clang_Cursor_isNull(init) || !is_zero(init)) return 0;
  write_scan w = {var, 0};
  clang_visitChildren(st->body, find_write, &w);
  return !w.written;
}

/* ---- parameters a branch needs nonzero ----------------------------------- */

static int is_zero_or_null(CXCursor e) { return is_zero(e) || fe_is_null_constant(e); }

static int is_scalar_type(CXType t) {
  t = clang_getCanonicalType(t);
  return fe_is_integer_type(t) || t.kind == CXType_Pointer;
}

void fe_param_test_of(fe_state *st, CXCursor cond, uint32_t *when_true, uint32_t *when_false) {
  CXCursor s = fe_strip_casts(cond), lhs, rhs;
  enum CXCursorKind k = clang_getCursorKind(s);
  if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_LNot) {
    CXCursor operand = fe_last_expr_child(s);
    if (!clang_Cursor_isNull(operand)) fe_param_test_of(st, operand, when_false, when_true);
    return;
  }
  if (k == CXCursor_BinaryOperator && operands(s, &lhs, &rhs)) {
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
    uint32_t t1 = 0, f1 = 0, t2 = 0, f2 = 0;
    if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
      fe_param_test_of(st, lhs, &t1, &f1);
      fe_param_test_of(st, rhs, &t2, &f2);
      if (op == CXBinaryOperator_LAnd) *when_true |= t1 | t2; /* both ran and were true */
      else *when_false |= f1 | f2;                            /* both ran and were false */
    } else if ((op == CXBinaryOperator_EQ || op == CXBinaryOperator_NE) && (is_zero_or_null(lhs) || is_zero_or_null(rhs))) {
      CXCursor operand = is_zero_or_null(rhs) ? lhs : rhs;
      if (op == CXBinaryOperator_NE) fe_param_test_of(st, operand, when_true, when_false);
      else fe_param_test_of(st, operand, when_false, when_true);
    }
    return;
  }
  if (k != CXCursor_DeclRefExpr || st->function == SC_NONE) return;
  CXCursor decl = clang_getCursorReferenced(s);
  if (clang_getCursorKind(decl) != CXCursor_ParmDecl || !is_scalar_type(clang_getCursorType(decl))) return;
  int index = fe_param_index(st, decl);
  if (index < 0 || index >= 31 || (st->params_written & (1u << index))) return;
  *when_true |= 1u << index;
}

int fe_always_returns(CXCursor s) {
  enum CXCursorKind k = clang_getCursorKind(s);
  if (k == CXCursor_ReturnStmt) return 1;
  if (k != CXCursor_CompoundStmt) return 0;
  fe_children c;
  fe_children_get(s, &c);
  int r = c.count > 0 && fe_always_returns(c.items[c.count - 1]);
  fe_children_free(&c);
  return r;
}
