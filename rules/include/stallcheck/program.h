/*
 * program.h - the whole program: facts of every translation unit linked by
 * USR into one call graph, with the thread contexts each function runs in.
 *
 * Building it:
 *   sc_program *p = sc_program_link(tus, ntus);   -- link by USR
 *   sc_program_solve(p);                           -- pointers, roots, contexts
 *   sc_analyze(p, &options, &findings);            -- run the enabled checks
 */
#ifndef STALLCHECK_PROGRAM_H
#define STALLCHECK_PROGRAM_H

#include "stallcheck/catalog.h"
#include "stallcheck/facts.h"
#include "stallcheck/findings.h"
#include "stallcheck/suppress.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A reference to an element of one TU's facts. */
typedef struct sc_ref {
  uint32_t tu;
  uint32_t index;
} sc_ref;

/* A root: a place where code starts to run in a context. */
typedef enum sc_root_kind {
  SC_ROOT_REGISTRATION = 0, /* a callback handed to a registrar / callback type / field */
  SC_ROOT_LOOP_BODY         /* the body of a hand-written loop that waits, then dispatches */
} sc_root_kind;

typedef struct sc_root {
  sc_root_kind kind;
  sc_ctx ctx;
  uint32_t node;            /* the callback (REGISTRATION) or the loop's function (LOOP_BODY) */
  sc_ref site;              /* REGISTRATION: the registering call, or the flow
                               into a callback field; LOOP_BODY: the loop */
  sc_loc loc;               /* where it is registered (or the loop keyword) */
  const char *library;      /* "libuv", ..., "epoll" for hand-written loops */
  const char *what;         /* "timer callback" */
  const char *registrar;    /* the registering function or type ("uv_timer_start"),
                               or the record of a callback field ("ev_io") */
  const char *field;        /* a callback field ("cb"): site is a flow; else NULL */
  int muted;                /* a NOLINT at `loc` names some rule: a function other
                               roots reach too is explained from one of those */
} sc_root;

/* Whether the root is a function declared nonblocking (clang's effect or
 * STALLCHECK_NONBLOCKING): a REGISTRATION root of the LOOP context, since
 * what it reaches must not wait either, with library "nonblocking". */
static inline int sc_root_is_nonblocking(const sc_root *r) {
  return r->library && r->library[0] == 'n' && !__builtin_strcmp(r->library, "nonblocking");
}

/* A node of the call graph: one function defined somewhere in the program
 * (one per USR: a static inline in a header seen in many TUs is one node). */
typedef struct sc_node {
  const char *usr;
  const char *name;
  sc_ref def;               /* the defining TU and function index */
  uint32_t first_out, nout; /* edges out: out_edges[first_out .. +nout) */
  uint32_t live;            /* reachable from an entry (main, exported, address taken) */
} sc_node;

/* An edge: a call site in `from`'s body to the function `to`. */
typedef struct sc_edge {
  uint32_t from, to;
  sc_ref call;              /* the call site */
  uint32_t indirect;        /* resolved through a function pointer */
} sc_edge;

/* How a context reached a function, with which of its parameters known to
 * be 0 on the way (a state of the search: a function reached both with a
 * constant FALSE flag and without has two).  reach[ctx][n] for n < nnodes
 * is node n's first state; more states of the same node follow `next`. */
typedef struct sc_reach {
  uint32_t node;            /* the function */
  uint32_t root;            /* index into roots, SC_NONE if not reached */
  uint32_t via_edge;        /* the edge it was reached through; SC_NONE at a root */
  uint32_t via_state;       /* the caller's state on that edge; SC_NONE at a root */
  uint32_t dist;
  uint32_t known_zero;      /* parameters (bit k: parameter k) every call on this
                               path passed a constant 0 for, of those that guard
                               a call (sc_call.param_guards) here or further on */
  uint32_t next;            /* the node's next state, SC_NONE */
  uint32_t entry_keyed;     /* 1: the function calls through a parameter, and this
                               state stands for the call that entered it (via_edge)
                               only: those calls reach what that call passed */
} sc_reach;

typedef struct sc_program {
  sc_facts **tus;
  uint32_t ntus;

  sc_node *nodes;   uint32_t nnodes;
  sc_edge *edges;   uint32_t nedges;   /* sorted by from */
  sc_root *roots;   uint32_t nroots, cap_roots;

  /* reach[ctx][node]: how the context reaches each node (SC_NONE root if
   * not), then the nodes' further states (sc_reach.next). */
  sc_reach *reach[SC_CTX_COUNT];
  uint32_t nreach[SC_CTX_COUNT];

  /* kernel_params[node]: the parameters that hold a kernel path (/proc,
   * /sys, tmpfs) whatever calls the function (param_values.c). */
  uint32_t *kernel_params;

  /* Whole-program facts. */
  int sockets_nonblocking;  /* some call makes sockets non-blocking */
  int threads_wake_loop;    /* code on a worker thread wakes a loop (uv_async_send,
                               a pipe write...): a join on the loop is then the
                               join of a thread that said it is done */
  int has_main;
  int starts_threads;       /* some code runs on a worker thread (a thread start
                               routine, a thread pool's job): without one, no
                               other thread can signal a condition variable */

  /* Where NOLINT comments at roots are read (NULL: from disk); set before
   * sc_program_solve, as sc_analyze_programs does from its options. */
  sc_source_fn source;
  void *source_ctx;

  struct sc_program_index *index; /* private lookup tables */
} sc_program;

/* Links the facts (it does not take ownership of them). */
sc_program *sc_program_link(sc_facts **tus, uint32_t ntus);
/* Resolves calls through pointers, finds the roots, computes contexts. */
void sc_program_solve(sc_program *p);
void sc_program_free(sc_program *p);

/* Node of a USR, or SC_NONE. */
uint32_t sc_program_node(const sc_program *p, const char *usr);
/* Whether `name` is defined by the program (then catalog rows by that name
 * do not apply: the program's own function shadows the library's). */
int sc_program_defines_name(const sc_program *p, const char *name);
/* Whether the program calls a function named `name` directly anywhere. */
int sc_program_calls_name(const sc_program *p, const char *name);

/* The parameters of function `function` of TU `tu` that hold a kernel path
 * whatever calls it (bit k: parameter k). */
uint32_t sc_program_kernel_params(const sc_program *p, uint32_t tu, uint32_t function);

/* Whether call `call` of TU `tu` runs in context `ctx`: its function is
 * reached by ctx, or the call sits in the body of a hand-written loop (LOOP).
 * On success *root gets the root and *first_edge the last edge of the path
 * (SC_NONE when the call sits in the root function itself). */
int sc_program_call_in_ctx(const sc_program *p, sc_ref call, sc_ctx ctx, uint32_t *root);

/* Whether function `function` of TU `tu` as a whole runs in `ctx` (it is
 * reached by the context; a hand-written loop's own function is not). */
int sc_program_function_in_ctx(const sc_program *p, uint32_t tu, uint32_t function, sc_ctx ctx, uint32_t *root);

/* Adds the explanation steps (registration, then each call from the root to
 * the function holding `call`) to a finding. */
void sc_program_explain(const sc_program *p, sc_ref call, sc_ctx ctx, uint32_t root,
                        sc_finding *finding);
/* The same for a function (whose loop a check reports). */
void sc_program_explain_function(const sc_program *p, uint32_t tu, uint32_t function, sc_ctx ctx, uint32_t root,
                                 sc_finding *finding);

static inline const sc_call *sc_program_call(const sc_program *p, sc_ref r) {
  return &p->tus[r.tu]->calls[r.index];
}

/* Options of one analysis. */
typedef struct sc_options {
  uint64_t disabled_rules;  /* bit i: sc_rules()[i] is off */
  int level_override[64];   /* -1: rule default; otherwise an sc_level */
  sc_source_fn source;      /* the text of a file for NOLINT comments (an editor's
                               unsaved buffer); NULL: read from disk */
  void *source_ctx;
} sc_options;

void sc_options_init(sc_options *o);
/* Returns 0, or -1 if no rule has that id. */
int sc_options_disable(sc_options *o, const char *rule_id);
/* The level findings of `rule` get, and whether it runs at all. */
sc_level sc_options_level(const sc_options *o, const sc_rule *rule);
int sc_options_enabled(const sc_options *o, const sc_rule *rule);

/* Runs every enabled check; appends to `out` and finishes it. */
void sc_analyze(const sc_program *p, const sc_options *o, sc_findings *out);

/* The whole-program analysis of a compile database: splits the TUs into
 * programs (one per TU that defines `main`, with the TUs it references;
 * what none reaches is one more), links, solves and analyses each, and
 * merges the findings into `out` (finished).  With at most one `main` it is
 * link + solve + sc_analyze. */
void sc_analyze_programs(sc_facts **tus, uint32_t ntus, const sc_options *o, sc_findings *out);

#ifdef __cplusplus
}
#endif
#endif
