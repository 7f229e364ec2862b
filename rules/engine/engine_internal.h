/*
 * engine_internal.h - the engine's private indexes over a linked program.
 */
#ifndef STALLCHECK_ENGINE_INTERNAL_H
#define STALLCHECK_ENGINE_INTERNAL_H

#include "facts/arena.h"
#include "stallcheck/program.h"
#include "util/strmap.h"

/* A function a pointer may hold, and where it was handed over. */
typedef struct sc_target {
  uint32_t node;
  sc_loc loc;
} sc_target;

typedef struct sc_targets {
  sc_target *items;
  uint32_t count, cap;
} sc_targets;

/* Memo of the functions each parameter of a node may hold. */
typedef struct sc_param_memo {
  uint8_t state;        /* 0 not computed, 1 in progress, 2 done */
  sc_targets targets;
} sc_param_memo;

struct sc_program_index {
  sc_arena *arena;            /* keys made by the engine ("record\x1f" "field") */
  sc_strmap *node_by_usr;
  sc_strmap *node_by_name;
  sc_strmap *flows_by_var;    /* variable USR -> flow handle */
  sc_strmap *flows_by_field;  /* record\x1ffield -> flow handle */
  sc_ref *flows;              /* flow handle -> (tu, flow) */
  uint32_t nflows;
  sc_strmap *calls_by_callee; /* callee USR -> call handle (direct calls) */
  sc_ref *calls;              /* call handle -> (tu, call) */
  uint32_t ncalls;

  uint32_t **fn_node;         /* [tu][function] -> node */
  uint32_t **loop_root;       /* [tu][loop] -> root of a hand-written loop, SC_NONE */
  uint32_t *node_calls_first; /* calls of each node's body: node_calls[first .. first+count) */
  uint32_t *node_calls_count;
  sc_ref *node_calls;

  sc_param_memo **param_memo; /* [node][param], allocated on demand */
  uint32_t *node_nparams;

  /* The calls through a pointer that reached each node when the edges were
   * last built: a vtable's callers hand their arguments to its functions'
   * parameters too (`poll_api->watch_new(api, fd, ev, callback, data)`).
   * indirect_callers[first[n] .. first[n] + count[n]). */
  uint32_t *indirect_first, *indirect_count;
  sc_ref *indirect_callers;

  /* Liveness in a program with main (liveness.c); NULL without one. */
  uint8_t *fn_live;           /* [node] */
  uint8_t *var_live;          /* [var id] */
  sc_strmap *var_by_usr;      /* file-scope variable USR -> var id */
};

/* param_values.c */
void sc_engine_compute_param_values(sc_program *p);

/* link.c */
const char *sc_engine_field_key(sc_program *p, const char *record, const char *field);
uint32_t sc_engine_callee_node(const sc_program *p, const sc_call *call);

/* roots.c */
int sc_engine_call_in_fork_child(const sc_program *p, sc_ref call);
int sc_engine_annotated(const char *annotations, const char *what);

/* pointers.c */
const sc_targets *sc_engine_param_targets(sc_program *p, uint32_t node, uint32_t param);
/* What argument `arg` of `call` may be: a function, a parameter's values, or
 * what the program stores into the variable or field it reads (appended). */
void sc_engine_arg_values(sc_program *p, sc_ref call, const sc_arg *arg, sc_targets *out);
/* The functions a call through a pointer may reach (appended to out). */
void sc_engine_resolve_call(sc_program *p, sc_ref call, sc_targets *out);
/* The functions a flow's value may be (a function, or a parameter's targets). */
void sc_engine_flow_values(sc_program *p, sc_ref flow, sc_targets *out);
void sc_engine_build_edges(sc_program *p);
void sc_targets_push(sc_targets *t, uint32_t node, sc_loc loc);
void sc_targets_free(sc_targets *t);

/* roots.c */
/* liveness.c: builds the edges (pointers.c) and marks the live nodes. */
void sc_engine_compute_liveness_and_edges(sc_program *p);
/* Whether a flow is in live code: a live function's body, or the
 * initialiser of a live variable (always, in a program without main). */
int sc_engine_flow_is_live(const sc_program *p, sc_ref flow);
/* Whether the function making `call` is live (always, without main). */
int sc_engine_caller_is_live(const sc_program *p, sc_ref call);
void sc_engine_find_roots(sc_program *p);

/* contexts.c */
void sc_engine_compute_contexts(sc_program *p);

void *sc_xcalloc(size_t n, size_t size);
void *sc_xrealloc(void *ptr, size_t size);

#endif
