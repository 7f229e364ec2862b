/*
 * facts.h - what a front end learns about one translation unit.
 *
 * The facts model is the contract between the front ends (the libclang driver
 * in driver/, the clang plugin in plugin/) and the engine in rules/.  It is
 * plain C data with no compiler types in it, so that either front end can fill
 * it, and so that it can later be written to disk and linked elsewhere.
 *
 * Every string in a facts set is interned in the set's own arena and lives as
 * long as the set: a front end hands in temporary strings, the builders copy.
 *
 * Indexes are uint32_t positions into the arrays of the same facts set;
 * SC_NONE (UINT32_MAX) means "none".
 */
#ifndef STALLCHECK_FACTS_H
#define STALLCHECK_FACTS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SC_NONE UINT32_MAX

/* A place in the source, as the user sees it: for code that comes from a
 * macro, the place where the macro is used (clang's expansion location). */
typedef struct sc_loc {
  const char *file; /* path as the compiler saw it, made absolute; NULL if unknown */
  uint32_t line;    /* 1-based; 0 if unknown */
  uint32_t col;     /* 1-based byte column */
  uint32_t end_line; /* end of the interesting range (the callee name for a call); */
  uint32_t end_col;  /* 0 when unknown.  end_col is one past the last byte.        */
} sc_loc;

typedef enum sc_linkage {
  SC_LINKAGE_EXTERNAL = 0, /* visible to other translation units */
  SC_LINKAGE_INTERNAL = 1  /* static */
} sc_linkage;

/* Function flags. */
enum {
  SC_FN_HOT = 1u << 0,          /* __attribute__((hot)) */
  SC_FN_NONBLOCKING = 1u << 1,  /* clang's nonblocking effect ([[clang::nonblocking]],
                                   __attribute__((nonblocking))); not nonallocating,
                                   which says nothing about waiting */
  SC_FN_BLOCKING = 1u << 2,     /* clang's blocking effect (also nonblocking(false)) */
  SC_FN_VARIADIC = 1u << 3,
  SC_FN_INLINE_HEADER = 1u << 4, /* defined in a header (may appear in many TUs) */
  SC_FN_RETURNS_FORK = 1u << 5   /* returns what fork()/vfork() returned (`return pid;`
                                    after `pid = fork()`): a wrapper like redisFork() */
};

/* A function defined in this translation unit. */
typedef struct sc_function {
  const char *usr;         /* clang USR: the link key across translation units */
  const char *name;
  sc_linkage linkage;
  sc_loc loc;              /* the name in the definition */
  uint32_t flags;          /* SC_FN_* */
  uint32_t nparams;
  const char *annotations; /* "stallcheck::..." annotate() strings joined by '\n', or NULL */
  uint32_t params_written; /* parameters the body assigns, increments or takes the
                              address of (bit k: parameter k; bit 31: one past
                              the 31st): the others hold what the caller passed */
  uint32_t params_kernel_default; /* of those, the ones whose only write is a
                              default for NULL at the top of the body:
                              `if (!path) path = "/proc/cmdline";` with a
                              kernel path (sc_catalog_is_kernel_path) */
} sc_function;

typedef enum sc_arg_kind {
  SC_ARG_OTHER = 0, /* anything else: see `text` when it was recorded */
  SC_ARG_INT,       /* an integer constant expression; value in ival */
  SC_ARG_NULL,      /* a null pointer constant (NULL, 0, nullptr, (void*)0) */
  SC_ARG_STRING,    /* a string literal; its contents in text */
  SC_ARG_FUNC,      /* a function designator (fn, &fn, (cast)fn); usr/name */
  SC_ARG_VAR,       /* a variable (global or local), possibly &var, or an
                       element of an array variable (table[i]); usr/name */
  SC_ARG_PARAM,     /* a parameter of the enclosing function; param/name */
  SC_ARG_FIELD      /* a function-pointer struct field read (h->on_read,
                       ops.tick); record/name (name is the field) */
} sc_arg_kind;

/* One argument of a call. */
typedef struct sc_arg {
  sc_arg_kind kind;
  int64_t ival;      /* SC_ARG_INT value; also set for enum/macro constants */
  const char *text;  /* SC_ARG_STRING: the literal's contents.  Otherwise the
                        argument's source spelling, recorded only when the
                        catalog asks for it (sc_catalog_wants_arg_text), NULL
                        otherwise. */
  const char *usr;   /* SC_ARG_FUNC, SC_ARG_VAR */
  const char *name;  /* SC_ARG_FUNC, SC_ARG_VAR, SC_ARG_PARAM; SC_ARG_FIELD: field */
  uint32_t param;    /* SC_ARG_PARAM: 0-based parameter index */
  const char *type;  /* the callee's declared parameter type at this position,
                        spelled with typedef names kept ("uv_timer_cb");
                        NULL for variadic positions or unknown callees */
  const char *record; /* SC_ARG_FIELD: the record's name, as sc_call.record */
  uint32_t value_call; /* SC_ARG_VAR of a local variable: 1 + the index of the
                          call (same function, recorded earlier) it was last
                          assigned from (`fp = fopen(...)`); 0 when none */
} sc_arg;

typedef enum sc_callee_kind {
  SC_CALLEE_DIRECT = 0, /* a named function: callee_usr, callee_name */
  SC_CALLEE_VAR,        /* through a function-pointer variable or array of
                           them: callee_usr/callee_name name the variable */
  SC_CALLEE_FIELD,      /* through a struct field: record + callee_name (field) */
  SC_CALLEE_PARAM,      /* through a parameter of the caller: param, callee_name */
  SC_CALLEE_UNKNOWN     /* anything else (a call result, a cast, ...) */
} sc_callee_kind;

/* A call site. */
typedef struct sc_call {
  uint32_t caller;          /* index of the enclosing function */
  sc_callee_kind callee_kind;
  const char *callee_usr;   /* DIRECT: function USR; VAR: variable USR */
  const char *callee_name;  /* DIRECT: function; VAR: variable; FIELD: field;
                               PARAM: parameter name */
  const char *record;       /* FIELD: the record's name without the tag
                               keyword ("ev_io", or a typedef name when the
                               record is anonymous) */
  uint32_t param;           /* PARAM: 0-based index of the parameter */
  sc_loc loc;               /* the callee's name (or the call's start) */
  uint32_t loop;            /* innermost enclosing loop, SC_NONE if none */
  uint32_t first_arg;       /* arguments are args[first_arg .. first_arg+nargs) */
  uint32_t nargs;
  /* DIRECT: what the callee's declarations seen by this TU say of it, so
   * that a function the program only declares (a header of a library it
   * links) is known too: SC_FN_NONBLOCKING / SC_FN_BLOCKING from clang's
   * effect attributes, and its "stallcheck::..." annotate() strings joined
   * by '\n' (NULL when none).  0 / NULL for other callees. */
  uint32_t callee_flags;
  const char *callee_annotations;
  /* 1 + the index of the call (same TU and function, recorded earlier)
   * whose result being 0 is the condition this call runs under:
   * `if ((pid = fork()) == 0) {...}`, `if (!f())`, the `else` of `if (pid)`,
   * `case 0:` of `switch (pid)`, with `pid` a local last assigned from the
   * call; the innermost such branch.  0 when none, so that a zeroed sc_call
   * has none: read it with sc_call_zero_guard().  The engine reads it as
   * the child of fork(). */
  uint32_t zero_guard;
  /* The parameters of the caller that must all be nonzero for this call to
   * run, as a bit mask (bit k: parameter k, for k < 32): the call sits in
   * `if (flag) {...}`, `if (p && ...)`, the `else` of `if (!flag)`, or after
   * `if (!flag) return ...;`, and the function never writes those
   * parameters.  The engine does not follow the call on a path where the
   * caller received a constant 0 (FALSE, NULL) there. */
  uint32_t param_guards;
} sc_call;

/* The index of the call whose 0 result guards `c`, or SC_NONE. */
static inline uint32_t sc_call_zero_guard(const sc_call *c) { return c->zero_guard ? c->zero_guard - 1 : SC_NONE; }

typedef enum sc_flow_kind {
  SC_FLOW_ARG = 0, /* passed as argument `arg` of call `call` */
  SC_FLOW_VAR,     /* stored in (or initialises) a variable or an array of
                      function pointers: var_usr/var_name */
  SC_FLOW_FIELD,   /* stored in a struct field, by assignment or by an
                      initialiser (handler tables): record/field */
  SC_FLOW_RETURN,  /* returned from the enclosing function */
  SC_FLOW_OTHER    /* address taken some other way */
} sc_flow_kind;

/* A place where the address of a function flows.  The flowing value is
 * either a function (fn_usr set) or, when fn_usr is NULL, the value of
 * parameter `src_param` of the enclosing function, recorded only for
 * parameters of function-pointer type stored into a variable or field
 * (`fe->rfileProc = proc;` in a registrar the program wrote itself). */
typedef struct sc_flow {
  const char *fn_usr;     /* the function whose address flows, or NULL */
  const char *fn_name;    /* its name, or the parameter's name */
  uint32_t src_param;     /* fn_usr == NULL: 0-based parameter index */
  sc_flow_kind kind;
  uint32_t function;      /* enclosing function; SC_NONE for a global initialiser */
  uint32_t call;          /* ARG: the call's index in calls[] */
  uint32_t arg;           /* ARG: 0-based argument index */
  const char *var_usr;    /* VAR */
  const char *var_name;
  const char *record;     /* FIELD: record name as in sc_call.record */
  const char *field;
  sc_loc loc;
  const char *holder_usr; /* function == SC_NONE: the file-scope variable whose
                             initialiser holds the flow (a handler table);
                             NULL when unknown (then it counts as live) */
} sc_flow;

/* A reference to a file-scope variable that is not a plain number (a table,
 * a struct, a pointer), from a function body or from another file-scope
 * variable's initialiser: what keeps the functions stored in its
 * initialiser reachable.  Once per function (or holder) and variable. */
/* An assignment to a `static` file-scope variable (`urandom_file =
 * UTI_OpenFile(...)`): every place such a variable gets a value is in its
 * translation unit, so the stores say what a read of it can hold. */
typedef struct sc_var_store {
  uint32_t function;      /* the assigning function */
  const char *var_usr;
  uint32_t value_call;    /* 1 + the index of the call (same function, recorded
                             earlier) whose result is stored; 0: not a call */
  uint32_t is_null;       /* the value is a null pointer constant */
} sc_var_store;

typedef struct sc_var_ref {
  uint32_t function;      /* the referring function; SC_NONE: an initialiser */
  const char *holder_usr; /* function == SC_NONE: the variable initialised */
  const char *var_usr;    /* the variable referred to */
} sc_var_ref;

typedef enum sc_trip_kind {
  SC_TRIP_UNKNOWN = 0, /* could not tell */
  SC_TRIP_CONST,       /* a constant count: trip_count */
  SC_TRIP_INPUT,       /* bounded by a parameter, length, count or field:
                          bound_text names it */
  SC_TRIP_INFINITE     /* for(;;), while(1): runs until something breaks out */
} sc_trip_kind;

/* A loop statement (for, while, do). */
typedef struct sc_loop {
  uint32_t function;       /* enclosing function */
  uint32_t parent;         /* enclosing loop in the same function, SC_NONE */
  uint32_t depth;          /* 1 for an outermost loop */
  sc_trip_kind trip_kind;
  int64_t trip_count;      /* SC_TRIP_CONST */
  const char *bound_text;  /* SC_TRIP_INPUT: the bound's spelling ("len") */
  uint32_t body_weight;    /* statements and calls in the body, a rough cost */
  sc_loc loc;              /* the loop keyword */
  uint32_t continues_outer; /* 1: a `for` with no init that steps the variable an
                               enclosing `for` steps (`for (; i < n; ++i)` inside
                               `for (i = 0; i < n; ++i)`): both walk one sequence,
                               so its trips add to the enclosing loop's */
} sc_loop;

typedef enum sc_diag_level { SC_DIAG_WARNING = 0, SC_DIAG_ERROR, SC_DIAG_FATAL } sc_diag_level;

/* A problem the front end met in this TU (compile errors, a failed parse). */
typedef struct sc_diag {
  sc_diag_level level;
  sc_loc loc;
  const char *message;
} sc_diag;

typedef struct sc_arena sc_arena;

/* The facts of one translation unit. */
typedef struct sc_facts {
  const char *tu_file;       /* the main source file */
  int parse_failed;          /* nonzero: no AST at all; the arrays are empty */

  sc_function *functions; uint32_t nfunctions, cap_functions;
  sc_call *calls;         uint32_t ncalls, cap_calls;
  sc_arg *args;           uint32_t nargs, cap_args;
  sc_flow *flows;         uint32_t nflows, cap_flows;
  sc_loop *loops;         uint32_t nloops, cap_loops;
  sc_diag *diags;         uint32_t ndiags, cap_diags;
  sc_var_ref *var_refs;   uint32_t nvar_refs, cap_var_refs;
  sc_var_store *var_stores; uint32_t nvar_stores, cap_var_stores;

  sc_arena *arena;           /* owns every string above */
} sc_facts;

/* Builders.  They copy every string they are given into the arena (interned:
 * equal strings share one copy) and return the new element's index.  On
 * allocation failure they abort: a half-filled facts set is worse than none. */
sc_facts *sc_facts_new(const char *tu_file);
void sc_facts_free(sc_facts *facts);

/* Checks the index invariants the engine relies on (callers, loops,
 * arguments, guards, flows in range).  Returns 0, or -1 with the first
 * problem in `problem` (`size` bytes; may be NULL). */
int sc_facts_check(const sc_facts *f, char *problem, size_t size);

const char *sc_facts_intern(sc_facts *facts, const char *s); /* NULL -> NULL */
const char *sc_facts_intern_n(sc_facts *facts, const char *s, size_t n);

uint32_t sc_facts_add_function(sc_facts *facts, const sc_function *fn);
/* Adds the call and copies its nargs arguments; sets first_arg/nargs. */
uint32_t sc_facts_add_call(sc_facts *facts, const sc_call *call, const sc_arg *args, uint32_t nargs);
uint32_t sc_facts_add_flow(sc_facts *facts, const sc_flow *flow);
uint32_t sc_facts_add_loop(sc_facts *facts, const sc_loop *loop);
/* Adds the reference unless the same function (or holder) already refers to
 * the same variable among its last few references. */
uint32_t sc_facts_add_var_ref(sc_facts *facts, const sc_var_ref *ref);
uint32_t sc_facts_add_var_store(sc_facts *facts, const sc_var_store *store);
uint32_t sc_facts_add_diag(sc_facts *facts, sc_diag_level level, const sc_loc *loc, const char *message);

/* Interns the strings of a location (the file) and returns the copy. */
sc_loc sc_facts_loc(sc_facts *facts, const char *file, uint32_t line, uint32_t col,
                    uint32_t end_line, uint32_t end_col);

static inline const sc_arg *sc_call_arg(const sc_facts *facts, const sc_call *call, uint32_t i) {
  return i < call->nargs ? &facts->args[call->first_arg + i] : NULL;
}

/* Writes a readable dump of the facts (for tests and --dump-facts). */
#include <stdio.h>
void sc_facts_dump(const sc_facts *facts, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
