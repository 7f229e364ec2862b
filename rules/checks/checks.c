/*
 * checks.c - the check list and the helpers the checks share.
 */
#include "checks/checks.h"

#include <string.h>

#include "engine/engine_internal.h"

const sc_check sc_checks[] = {
    {"blocking-call-in-event-loop", sc_check_blocking_call_in_event_loop},
    {"cpu-heavy-work-on-io-thread", sc_check_cpu_heavy_work_on_io_thread},
    {"gpu-sync-in-hot-loop", sc_check_gpu_sync_in_hot_loop},
    {"gpu-alloc-in-hot-loop", sc_check_gpu_alloc_in_hot_loop},
    {"gpu-sync-in-event-loop", sc_check_gpu_sync_in_event_loop},
    {"loop-api-off-loop-thread", sc_check_loop_api_off_loop_thread},
    {NULL, NULL},
};

/* The rows of a function whose declaration says it blocks: annotated
 * STALLCHECK_BLOCKING, or declared with clang's `blocking` effect. */
static const sc_api annotated_blocking = {
    NULL, SC_API_BLOCKING, "annotated", "the program", {SC_COND_ALWAYS, 0, 0, NULL}, SC_APIF_USER,
    "waits (its declaration is annotated stallcheck::blocking)", NULL, {SC_COND_ALWAYS, 0, 0, NULL}};
static const sc_api declared_blocking = {
    NULL, SC_API_BLOCKING, "annotated", "the program", {SC_COND_ALWAYS, 0, 0, NULL}, SC_APIF_USER,
    "waits (it is declared with clang's 'blocking' effect)", NULL, {SC_COND_ALWAYS, 0, 0, NULL}};

/* What the callee's declarations say: those the call's TU saw (a function
 * the program only declares, from a library's header), and the definition's
 * when the program has one. */
static const sc_api *declared_to_block(const sc_program *p, const sc_call *c, uint32_t callee) {
  uint32_t flags = c->callee_flags;
  const char *defined_annotations = NULL;
  if (callee != SC_NONE) {
    const sc_function *fn = &p->tus[p->nodes[callee].def.tu]->functions[p->nodes[callee].def.index];
    flags |= fn->flags;
    defined_annotations = fn->annotations;
  }
  if (sc_engine_annotated(c->callee_annotations, "stallcheck::blocking") ||
      sc_engine_annotated(defined_annotations, "stallcheck::blocking"))
    return &annotated_blocking;
  return flags & SC_FN_BLOCKING ? &declared_blocking : NULL;
}

const sc_api *sc_check_match_api(const sc_program *p, sc_ref call, sc_api_kind kind) {
  const sc_facts *f = p->tus[call.tu];
  const sc_call *c = &f->calls[call.index];
  if (c->callee_kind != SC_CALLEE_DIRECT || !c->callee_name) return NULL;
  uint32_t callee = sc_engine_callee_node(p, c);
  if (kind == SC_API_BLOCKING) {
    const sc_api *declared = declared_to_block(p, c, callee);
    if (declared) return declared;
  }
  /* The program's own function shadows a library's of the same name, unless
   * the project's configuration names it. */
  int own = callee != SC_NONE || sc_program_defines_name(p, c->callee_name);
  size_t n = 0;
  const sc_api *rows = sc_catalog_apis(c->callee_name, kind, &n);
  for (size_t i = 0; i < n; i++) {
    if (own && !(rows[i].flags & SC_APIF_USER)) continue;
    if ((rows[i].flags & SC_APIF_SOCKET) && p->sockets_nonblocking) continue;
    if ((rows[i].flags & SC_APIF_JOIN) && p->threads_wake_loop) continue;
    if ((rows[i].flags & SC_APIF_OTHER_THREAD) && !p->starts_threads) continue;
    if (sc_api_applies_in(&rows[i], f, c, sc_program_kernel_params(p, call.tu, c->caller))) return &rows[i];
  }
  return NULL;
}

uint32_t sc_check_call_node(const sc_program *p, sc_ref call) {
  return p->index->fn_node[call.tu][sc_program_call(p, call)->caller];
}

char *sc_check_loop_name(const sc_program *p, uint32_t root) {
  const sc_root *r = &p->roots[root];
  if (r->kind == SC_ROOT_LOOP_BODY) return sc_strdupf("event loop in '%s'", p->nodes[r->node].name);
  if (sc_root_is_nonblocking(r)) return sc_strdupf("nonblocking function '%s'", p->nodes[r->node].name);
  if (r->registrar && !strncmp(r->registrar, "stallcheck::", 12)) return sc_strdupf("event loop");
  return sc_strdupf("%s event loop", r->library);
}

void sc_check_api_calls(const sc_program *p, const sc_rule *rule, sc_level level, sc_ctx ctx_kind,
                        sc_api_kind kind, sc_api_call_message_fn message, sc_api_call_remedy_fn remedy, void *ctx,
                        sc_findings *out) {
  for (uint32_t t = 0; t < p->ntus; t++)
    for (uint32_t i = 0; i < p->tus[t]->ncalls; i++) {
      sc_api_call c = {{t, i}, NULL, NULL, SC_NONE, NULL};
      if (!sc_program_call_in_ctx(p, c.ref, ctx_kind, &c.root)) continue;
      if (!(c.api = sc_check_match_api(p, c.ref, kind))) continue;
      c.call = sc_program_call(p, c.ref);
      c.library = p->roots[c.root].library;
      char *text = message(p, &c, ctx);
      if (!text) continue;
      char *fix = remedy ? remedy(p, &c, ctx) : sc_catalog_remedy(c.api, c.library);
      sc_finding *f = sc_findings_add(out, rule, level, c.call->loc, text, fix);
      f->function = p->tus[t]->functions[c.call->caller].name;
      f->callee = c.call->callee_name;
      f->root = p->nodes[p->roots[c.root].node].name;
      sc_program_explain(p, c.ref, ctx_kind, c.root, f);
    }
}
