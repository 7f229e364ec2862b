/*
 * checks.h - the list of checks (one per file in this directory) and what
 * they share.  A check reads the solved program and appends findings.
 */
#ifndef STALLCHECK_CHECKS_H
#define STALLCHECK_CHECKS_H

#include "stallcheck/findings.h"
#include "stallcheck/program.h"

typedef void (*sc_check_fn)(const sc_program *p, const sc_rule *rule, sc_level level, sc_findings *out);

typedef struct sc_check {
  const char *rule_id;
  sc_check_fn run;
} sc_check;

/* Terminated by an entry with a NULL rule_id. */
extern const sc_check sc_checks[];


/* The first catalog row of `kind` that applies to `call`: a direct call to a
 * library function (not one the program defines) whose condition holds.
 * Socket rows do not apply in programs that make sockets non-blocking. */
const sc_api *sc_check_match_api(const sc_program *p, sc_ref call, sc_api_kind kind);

/* The call graph node of the function that holds `call`. */
uint32_t sc_check_call_node(const sc_program *p, sc_ref call);

/* "libuv event loop", "event loop in 'aeMain'". */
char *sc_check_loop_name(const sc_program *p, uint32_t root);

/* A call of a catalog kind that runs in a context, as the call-based checks
 * see it. */
typedef struct sc_api_call {
  sc_ref ref;
  const sc_call *call;
  const sc_api *api;
  uint32_t root;      /* the root that puts it in the context */
  const char *library;/* the root's library ("libuv"; "hand-written" loops) */
} sc_api_call;

/* Returns the finding's message (a heap string), or NULL to skip the call. */
typedef char *(*sc_api_call_message_fn)(const sc_program *p, const sc_api_call *c, void *ctx);
/* Returns the finding's remedy (a heap string). */
typedef char *(*sc_api_call_remedy_fn)(const sc_program *p, const sc_api_call *c, void *ctx);

/* Reports every call of catalog `kind` that runs in `ctx_kind`: one finding
 * at the call with `message` and `remedy` (default: the catalog's remedy in
 * the words of the root's loop), and the path from the root as notes. */
void sc_check_api_calls(const sc_program *p, const sc_rule *rule, sc_level level, sc_ctx ctx_kind,
                        sc_api_kind kind, sc_api_call_message_fn message, sc_api_call_remedy_fn remedy, void *ctx,
                        sc_findings *out);

/* One function per rule, each in its own file named after the rule. */
void sc_check_blocking_call_in_event_loop(const sc_program *p, const sc_rule *rule, sc_level level,
                                          sc_findings *out);
void sc_check_cpu_heavy_work_on_io_thread(const sc_program *p, const sc_rule *rule, sc_level level,
                                          sc_findings *out);
void sc_check_gpu_sync_in_hot_loop(const sc_program *p, const sc_rule *rule, sc_level level, sc_findings *out);
void sc_check_gpu_alloc_in_hot_loop(const sc_program *p, const sc_rule *rule, sc_level level, sc_findings *out);
void sc_check_gpu_sync_in_event_loop(const sc_program *p, const sc_rule *rule, sc_level level, sc_findings *out);
void sc_check_loop_api_off_loop_thread(const sc_program *p, const sc_rule *rule, sc_level level,
                                       sc_findings *out);

#endif
