/*
 * frontend_internal.h - what the parts of the libclang front end share:
 *   frontend_libclang.c  parsing a TU, its diagnostics, top-level declarations;
 *   frontend_cursor.c    cursor helpers: children, stripping, constants,
 *                        locations, source text;
 *   frontend_body.c      walking a function body: calls, arguments, flows,
 *                        loops.
 * The rules they implement are in docs/design/facts.md.
 */
#ifndef STALLCHECK_FRONTEND_INTERNAL_H
#define STALLCHECK_FRONTEND_INTERNAL_H

#include <clang-c/Index.h>
#include <stdint.h>

#include "stallcheck/facts.h"

/* The state of one TU's walk. */
typedef struct fe_state {
  sc_facts *facts;
  CXTranslationUnit tu;
  const char *directory; /* the compile directory, for relative file names */

  /* The function whose body is being walked (function == SC_NONE at file scope). */
  uint32_t function;
  const char *holder_usr; /* at file scope: the variable whose initialiser is walked */
  CXCursor *params;
  uint32_t nparams;

  uint32_t loop;  /* innermost enclosing loop, SC_NONE */
  uint32_t depth; /* its depth */
  CXCursor loop_vars[16]; /* the variable each enclosing `for` steps, by depth - 1 */

  /* Branches where a call returned 0 (frontend_branches.c): the call the
   * walk is under (SC_NONE), the calls recorded last (to find the index of
   * one met in a condition), and which call each local variable was last
   * assigned from.  Reset for each body. */
  uint32_t zero_guard;
  /* The parameters the walk's branches need nonzero (sc_call.param_guards),
   * and those the body writes (sc_function.params_written). */
  uint32_t param_guards;
  uint32_t params_written;
  uint32_t branch_depth; /* if/switch branches the walk is in */
  struct fe_recent_call {
    CXCursor call;
    uint32_t index;
  } recent[32];
  uint32_t nrecent;
  struct fe_var_call *var_calls;
  uint32_t nvar_calls, cap_var_calls;
  /* Stores into fields of local structs (`hints.ai_flags = AI_NUMERICHOST`),
   * spelled only when an argument the catalog reads needs them. */
  struct fe_field_store *field_stores;
  uint32_t nfield_stores, cap_field_stores;
  CXCursor body;

  /* USRs and names of declarations already seen, by declaration: clang
   * builds a USR string afresh on every request. */
  struct fe_decl_name *names;
  uint32_t names_cap, names_count;

  /* The last file a location was resolved in, and its interned path. */
  CXFile last_file;
  const char *last_path;
} fe_state;

/* ---- frontend_cursor.c ---- */

/* A cursor's children, in visiting order. */
typedef struct fe_children {
  CXCursor *items;
  unsigned count, cap;
  CXCursor small[6];
} fe_children;

void fe_children_get(CXCursor c, fe_children *out);
void fe_children_free(fe_children *k);

/* The value of an expression cursor with one interesting child: a paren, a
 * cast (implicit ones are unexposed in libclang), a designated value. */
CXCursor fe_last_expr_child(CXCursor c);

/* Parentheses, implicit casts (libclang: unexposed expressions with one child
 * over the same range) and explicit casts. */
int fe_is_paren_or_cast(CXCursor c);
CXCursor fe_strip_casts(CXCursor c);
/* The above and also the unary operator `op` (AddrOf for arguments, Deref for
 * callees). */
CXCursor fe_strip_casts_and(CXCursor c, enum CXUnaryOperatorKind op);

int fe_is_integer_type(CXType t);
int fe_is_function_pointer_type(CXType t);
/* Integer constant expressions of integer, enum or bool type.  Calls and
 * variable references never count, even when clang could fold them. */
int fe_int_constant(CXCursor c, int64_t *value);
/* A null pointer constant: 0 or (void *)0 where a pointer is expected. */
int fe_is_null_constant(CXCursor c);

/* The function type behind a callee expression's type (through typedefs and
 * one pointer), with parameter types as declared.  Invalid kind if none. */
CXType fe_callee_function_type(CXType t);

/* The record name of a field's parent: the tag, a typedef for an anonymous
 * record, NULL otherwise (interned). */
const char *fe_record_name(fe_state *st, CXCursor field);

sc_loc fe_loc(fe_state *st, CXSourceLocation l);
/* Length of the identifier at the expansion location of `l` (0 if none). */
uint32_t fe_identifier_length(fe_state *st, CXSourceLocation l);
/* The expansion range of `c` as tokens joined by single spaces, or as the raw
 * text with runs of white space folded.  Interned; NULL if unknown. */
const char *fe_token_text(fe_state *st, CXCursor c);
const char *fe_source_text(fe_state *st, CXCursor c);

const char *fe_cursor_usr(fe_state *st, CXCursor c);
void fe_names_free(fe_state *st);
const char *fe_cursor_name(fe_state *st, CXCursor c);
/* What a function's declaration says of it: clang's nonblocking / blocking
 * effects as SC_FN_* flags, and its "stallcheck::..." annotations joined by
 * '\n' (interned, NULL if none).  Cached per declaration. */
void fe_declared_effects(fe_state *st, CXCursor decl, uint32_t *effects, const char **annotations);
/* The SC_FN_NONBLOCKING / SC_FN_BLOCKING effects of a function type. */
uint32_t fe_effect_flags(CXType fn_type);
/* Appends `text` to '\n'-joined *joined when it is a "stallcheck::"
 * annotation not already there. */
void fe_annotation_add(char **joined, size_t *len, const char *text);
/* Index of ParmDecl `decl` among the enclosing function's parameters, or -1. */
int fe_param_index(fe_state *st, CXCursor decl);

/* ---- frontend_branches.c ---- */

/* How a condition tests a call's result against 0: the call's expression
 * (a CallExpr, met while walking the condition) or a call already recorded
 * (a local variable assigned from it), and which branch runs when it is 0. */
typedef enum fe_zero_branch { FE_ZERO_NONE = 0, FE_ZERO_THEN, FE_ZERO_ELSE } fe_zero_branch;
typedef struct fe_zero_test {
  fe_zero_branch branch;
  CXCursor call;      /* null when `known` is set */
  uint32_t known;     /* SC_NONE when `call` is set */
} fe_zero_test;

/* `E == 0`, `0 == E`, `!E` (then), `E != 0`, `E` (else), where E is a call,
 * `v = call(...)`, or a local variable last assigned from a call.
 * `as_switch`: the condition of a switch (E itself). */
fe_zero_test fe_zero_test_of(fe_state *st, CXCursor cond, int as_switch);
/* The index of the call recorded for `test` once its condition was walked,
 * or SC_NONE. */
uint32_t fe_zero_test_call(fe_state *st, const fe_zero_test *test);
void fe_recent_call_add(fe_state *st, CXCursor call, uint32_t index);
uint32_t fe_recent_call_find(fe_state *st, CXCursor call);
/* Local variable `var` now holds the result of call `index`. */
void fe_var_call_set(fe_state *st, CXCursor var, uint32_t index);
/* The call local variable `var` holds, or SC_NONE: the one it was last
 * assigned from, unless (`strict`) that assignment sits in a branch or loop
 * the walk has left since (the other branch may have assigned something
 * else). */
uint32_t fe_var_call(fe_state *st, CXCursor var, int strict);
/* The local variable `e` (stripped) refers to, or a null cursor. */
CXCursor fe_local_var(CXCursor e);
/* `v.f = value` or `v->f = value` with `v` a local: remembered as v's last
 * store to f. */
void fe_field_store_add(fe_state *st, CXCursor lhs, CXCursor value);
/* The same for local `var`'s field `field` (a designated initialiser:
 * `struct addrinfo hints = {.ai_flags = AI_NUMERICHOST}`). */
void fe_field_store_set(fe_state *st, CXCursor var, const char *field, CXCursor value);
/* The text of argument `arg` (`&hints`) followed by the stores the function
 * made to the fields of the local it names, in the order of their first
 * store: "&hints {ai_flags=AI_NUMERICHOST; ai_family=AF_UNSPEC}".  Interned;
 * the argument's text alone when there are none. */
const char *fe_arg_text_with_fields(fe_state *st, CXCursor arg);
/* Whether `cond` is `flag` or `flag && ...` for a local `int flag = 0;` the
 * function never writes nor takes the address of: a debugging switch left
 * off, whose branch is dead. */
int fe_is_dead_flag_test(fe_state *st, CXCursor cond);
/* Whether `e` (stripped) is a call to fork()/vfork() or a local variable
 * last assigned from one. */
int fe_is_fork_result(fe_state *st, CXCursor e);
/* The parameters `cond` being true (*when_true) or false (*when_false)
 * says are nonzero: `flag`, `p != NULL`, `a && b` (true), `!flag`,
 * `flag == 0`, `!a || b` (false), for scalar parameters the body never
 * writes. */
void fe_param_test_of(fe_state *st, CXCursor cond, uint32_t *when_true, uint32_t *when_false);
/* Whether statement `s` always leaves the function: `return ...;`, or a
 * block ending in one. */
int fe_always_returns(CXCursor s);
/* The parameters `body` writes, as sc_function.params_written, and in
 * *kernel_default those written only by a kernel-path default for NULL
 * (sc_function.params_kernel_default). */
uint32_t fe_params_written(fe_state *st, CXCursor body, uint32_t *kernel_default);
void fe_branches_reset(fe_state *st, CXCursor body);
void fe_branches_free(fe_state *st);

/* ---- frontend_body.c ---- */

/* Walks a function body (st->function set) or a file-scope variable. */
void fe_walk_body(fe_state *st, CXCursor body);
void fe_walk_global_var(fe_state *st, CXCursor var);

#endif
