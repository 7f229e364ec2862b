/*
 * roots.c - where code starts to run on a known thread.
 *
 * Roots come from four places, all read from the catalog:
 *  - registrar calls (uv_timer_start, event_new, g_idle_add, pthread_create):
 *    the callback argument runs in the registrar's context;
 *  - callback parameter types (uv_read_cb, GSourceFunc, ...): a function passed
 *    where such a type is expected, to the library or to a wrapper the program
 *    wrote, is registered;
 *  - callback fields (libev's watcher `cb`): storing a function there registers it;
 *  - hand-written loops: a loop that waits in epoll_wait/poll/select (directly
 *    or in a function it calls) and dispatches through a function pointer is
 *    an event loop; what its body calls runs on the loop thread.
 * Registrations inside dead code (a function nothing reaches) do not count.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/engine_internal.h"
#include "stallcheck/suppress.h"
#include "util/source_cache.h"

/* ---- roots ----------------------------------------------------------- */

static void add_root(sc_program *p, const sc_root *r) {
  for (uint32_t i = 0; i < p->nroots; i++) {
    const sc_root *o = &p->roots[i];
    if (o->kind == r->kind && o->ctx == r->ctx && o->node == r->node && o->site.tu == r->site.tu &&
        o->site.index == r->site.index)
      return;
  }
  if (p->nroots == p->cap_roots) {
    p->cap_roots = p->cap_roots ? p->cap_roots * 2 : 64;
    p->roots = sc_xrealloc(p->roots, p->cap_roots * sizeof *p->roots);
  }
  p->roots[p->nroots++] = *r;
}

/* Registers every function the value of `values` may be, in `ctx`. */
static void register_values(sc_program *p, const sc_targets *values, sc_ref site, sc_ctx ctx,
                            const char *library, const char *what, const char *registrar, const char *field) {
  for (uint32_t i = 0; i < values->count; i++) {
    sc_root r = {SC_ROOT_REGISTRATION, ctx, values->items[i].node, site, values->items[i].loc,
                 library, what, registrar, field, 0};
    add_root(p, &r);
  }
}

static int site_is_live(const sc_program *p, uint32_t tu, uint32_t function) {
  return p->nodes[p->index->fn_node[tu][function]].live;
}

/* N of a "stallcheck::offload(N)" annotation (STALLCHECK_OFFLOAD), or -1. */
static int offload_index(const char *annotations) {
  static const char prefix[] = "stallcheck::offload(";
  for (const char *a = annotations; a && *a;) {
    const char *end = strchr(a, '\n');
    if (!strncmp(a, prefix, sizeof prefix - 1)) {
      char *close = NULL;
      long n = strtol(a + sizeof prefix - 1, &close, 10);
      if (close && *close == ')' && n >= 0 && n < 256) return (int)n;
    }
    a = end ? end + 1 : NULL;
  }
  return -1;
}

/* The argument an offload function, annotated on a declaration the call saw
 * or on its definition, runs on a worker thread; -1 if none. */
static int declared_offload_arg(const sc_program *p, const sc_call *c) {
  int n = offload_index(c->callee_annotations);
  uint32_t callee = sc_engine_callee_node(p, c);
  if (n < 0 && callee != SC_NONE)
    n = offload_index(p->tus[p->nodes[callee].def.tu]->functions[p->nodes[callee].def.index].annotations);
  return n;
}

static void registrations_of_call(sc_program *p, sc_ref call, sc_targets *tmp) {
  const sc_facts *f = p->tus[call.tu];
  const sc_call *c = &f->calls[call.index];
  uint64_t handled = 0; /* argument positions a registrar row already covered */

  if (c->callee_kind == SC_CALLEE_DIRECT && c->callee_name &&
      ((sc_engine_callee_node(p, c) == SC_NONE && !sc_program_defines_name(p, c->callee_name)) ||
       sc_catalog_is_user_registrar(c->callee_name))) {
    size_t nrows = 0;
    const sc_registrar *rows = sc_catalog_registrars(c->callee_name, &nrows);
    for (size_t i = 0; i < nrows; i++) {
      const sc_registrar *row = &rows[i];
      if (!sc_cond_holds(&row->when, f, c)) continue;
      int idx = row->cb_arg < 0 ? (int)c->nargs + row->cb_arg : row->cb_arg;
      if (idx < 0 || (uint32_t)idx >= c->nargs) continue;
      if (idx < 64) handled |= 1ull << idx;
      tmp->count = 0;
      sc_engine_arg_values(p, call, sc_call_arg(f, c, (uint32_t)idx), tmp);
      register_values(p, tmp, call, row->ctx, row->library, row->what, c->callee_name, NULL);
    }
  }
  int offload = c->callee_kind == SC_CALLEE_DIRECT ? declared_offload_arg(p, c) : -1;
  if (offload >= 0 && (uint32_t)offload < c->nargs && !(offload < 64 && (handled >> offload & 1))) {
    if (offload < 64) handled |= 1ull << offload;
    tmp->count = 0;
    sc_engine_arg_values(p, call, sc_call_arg(f, c, (uint32_t)offload), tmp);
    register_values(p, tmp, call, SC_CTX_WORKER, "project", "job", c->callee_name, NULL);
  }
  for (uint32_t a = 0; a < c->nargs; a++) {
    const sc_arg *arg = sc_call_arg(f, c, a);
    if ((a < 64 && (handled >> a & 1)) || !arg->type) continue;
    if (arg->kind != SC_ARG_FUNC && arg->kind != SC_ARG_PARAM && arg->kind != SC_ARG_VAR && arg->kind != SC_ARG_FIELD)
      continue;
    const sc_callback_type *ct = sc_catalog_callback_type(arg->type);
    if (!ct) continue;
    tmp->count = 0;
    sc_engine_arg_values(p, call, arg, tmp);
    register_values(p, tmp, call, ct->ctx, ct->library, ct->what,
                    c->callee_name ? c->callee_name : arg->type, NULL);
  }
}

static void registrations_of_flow(sc_program *p, sc_ref flow, sc_targets *tmp) {
  const sc_flow *fl = &p->tus[flow.tu]->flows[flow.index];
  if (fl->kind != SC_FLOW_FIELD || !fl->record || !fl->field) return;
  const sc_callback_field *cf = sc_catalog_callback_field(fl->record, fl->field);
  if (!cf) return;
  tmp->count = 0;
  sc_engine_flow_values(p, flow, tmp);
  /* A flow's site is not a call: mark it so explanations use the flow's loc. */
  register_values(p, tmp, flow, cf->ctx, cf->library, cf->what, fl->record, fl->field);
}

/* ---- hand-written loops ---------------------------------------------- */

enum { LOOK_DEPTH = 2 }; /* how deep a wait or dispatch may sit below the loop */

static int call_is_wait(const sc_program *p, const sc_facts *f, const sc_call *c) {
  if (c->callee_kind != SC_CALLEE_DIRECT || !c->callee_name) return 0;
  if (sc_engine_callee_node(p, c) != SC_NONE) return 0;
  size_t n = 0;
  const sc_api *rows = sc_catalog_apis(c->callee_name, SC_API_LOOP_WAIT, &n);
  for (size_t i = 0; i < n; i++) {
    if (!sc_api_applies(&rows[i], f, c)) continue;
    /* poll(&one_fd, 1, timeout) waits for one descriptor: a blocking helper,
     * not a loop that dispatches. */
    if (!strcmp(c->callee_name, "poll") || !strcmp(c->callee_name, "ppoll")) {
      const sc_arg *nfds = sc_call_arg(f, c, 1);
      if (nfds && nfds->kind == SC_ARG_INT && nfds->ival <= 1) continue;
    }
    /* select(0, NULL, NULL, NULL, &tv) is a sleep (lighttpd waits 1 ms for a
     * spawned backend that way), not a loop's wait. */
    if (!strcmp(c->callee_name, "select") || !strcmp(c->callee_name, "pselect")) {
      const sc_arg *nfds = sc_call_arg(f, c, 0);
      if (nfds && nfds->kind == SC_ARG_INT && nfds->ival == 0) continue;
    }
    /* A zero timeout only checks readiness: the loop around it paces itself
     * some other way (memcached's logger thread polls, then sleeps), so it
     * is a worker loop, not an event loop. */
    int timeout_arg = !strcmp(c->callee_name, "poll") ? 2
                      : !strncmp(c->callee_name, "epoll_", 6) && strcmp(c->callee_name, "epoll_pwait2") ? 3
                                                                                                    : -1;
    const sc_arg *timeout = timeout_arg >= 0 ? sc_call_arg(f, c, (uint32_t)timeout_arg) : NULL;
    if (timeout && timeout->kind == SC_ARG_INT && timeout->ival == 0) continue;
    return 1;
  }
  return 0;
}

/* level[k][n]: node n waits (or dispatches) within k calls. */
/* A backend switch: a call through a pointer that resolves to a few
 * functions (ev->poll is one of epoll/poll/select/kqueue in lighttpd,
 * nginx's ngx_event_actions, libevent-like abstractions). */
enum { BACKEND_TARGETS = 8 };

static int few_targets(const sc_program *p, uint32_t node, const sc_edge *edge) {
  uint32_t n = 0;
  for (uint32_t e = p->nodes[node].first_out; e < p->nodes[node].first_out + p->nodes[node].nout; e++)
    n += p->edges[e].call.tu == edge->call.tu && p->edges[e].call.index == edge->call.index;
  return n <= BACKEND_TARGETS;
}

/* Marks the callers of marked nodes, `depth` times.  Direct calls always
 * count; with `backends`, so do calls through a pointer to a few functions
 * (a loop waits in whichever poll backend was chosen at start-up). */
static void propagate(sc_program *p, uint8_t *has, int depth, int backends) {
  for (int d = 0; d < depth; d++) {
    uint8_t *next = sc_xcalloc(p->nnodes, 1);
    for (uint32_t n = 0; n < p->nnodes; n++) {
      next[n] = has[n];
      if (next[n]) continue;
      for (uint32_t e = p->nodes[n].first_out; e < p->nodes[n].first_out + p->nodes[n].nout; e++) {
        const sc_edge *edge = &p->edges[e];
        if (!has[edge->to]) continue;
        if (!edge->indirect || (backends && few_targets(p, n, edge))) {
          next[n] = 1;
          break;
        }
      }
    }
    memcpy(has, next, p->nnodes);
    free(next);
  }
}

static int loop_within(const sc_facts *f, uint32_t loop, uint32_t outer) {
  for (uint32_t l = loop; l != SC_NONE; l = f->loops[l].parent)
    if (l == outer) return 1;
  return 0;
}

/* A loop that qualifies as an event loop.  One whose waits are all in
 * callees that run an event loop of their own is not one: it restarts that
 * loop (lighttpd's main() around server_main_loop()). */
typedef struct candidate {
  uint32_t tu, loop, node;
  const char *wait_name;
  int direct_wait;       /* the body itself calls epoll_wait/poll/... */
  uint32_t *waiters, nwaiters; /* callees through which it waits */
  uint32_t fanout;       /* functions its body dispatches to (fanout_of) */
} candidate;

/* Marks the targets of the calls through pointers in `node`'s body, and
 * `depth` levels of direct callees further; counts the new ones. */
static uint32_t mark_dispatch_targets(const sc_program *p, uint32_t node, int depth, uint8_t *seen, uint8_t *visited) {
  if (visited[node]) return 0;
  visited[node] = 1;
  uint32_t n = 0;
  for (uint32_t e = p->nodes[node].first_out; e < p->nodes[node].first_out + p->nodes[node].nout; e++) {
    const sc_edge *edge = &p->edges[e];
    if (edge->indirect) {
      if (!seen[edge->to]) seen[edge->to] = 1, n++;
    } else if (depth > 0) {
      n += mark_dispatch_targets(p, edge->to, depth - 1, seen, visited);
    }
  }
  return n;
}

/* How many functions the body of loop `l` (in `node`) dispatches to, in
 * itself or within LOOK_DEPTH direct calls: the fan-out that tells the loop
 * that runs a program's handlers (keepalived's process_threads: every
 * handler, through thread_call) from a wait loop whose only call through a
 * pointer is a hook on an error path (its thread_fetch_next_queue: the
 * shutdown hook). */
static uint32_t fanout_of(const sc_program *p, uint32_t t, uint32_t l, uint32_t node) {
  const sc_facts *f = p->tus[t];
  uint8_t *seen = sc_xcalloc(p->nnodes, 1), *visited = sc_xcalloc(p->nnodes, 1);
  uint32_t n = 0;
  for (uint32_t e = p->nodes[node].first_out; e < p->nodes[node].first_out + p->nodes[node].nout; e++) {
    const sc_edge *edge = &p->edges[e];
    const sc_call *c = sc_program_call(p, edge->call);
    if (edge->call.tu != t || c->loop == SC_NONE || !loop_within(f, c->loop, l)) continue;
    if (edge->indirect) {
      if (!seen[edge->to]) seen[edge->to] = 1, n++;
    } else {
      n += mark_dispatch_targets(p, edge->to, LOOK_DEPTH - 1, seen, visited);
    }
  }
  free(seen);
  free(visited);
  return n;
}

static void add_loop_root(sc_program *p, uint32_t t, uint32_t l, uint32_t node, const char *wait_name) {
  const sc_loop *loop = &p->tus[t]->loops[l];
  sc_ref site = {t, l};
  sc_root r = {SC_ROOT_LOOP_BODY, SC_CTX_LOOP, node, site, loop->loc, "hand-written", "event loop", wait_name, NULL, 0};
  p->index->loop_root[t][l] = p->nroots;
  add_root(p, &r);
}

static void find_wait_loops(sc_program *p) {
  uint8_t *waits = sc_xcalloc(p->nnodes, 1), *dispatches = sc_xcalloc(p->nnodes, 1);
  candidate *cands = NULL;
  uint32_t ncands = 0;
  struct sc_program_index *ix = p->index;
  for (uint32_t n = 0; n < p->nnodes; n++)
    for (uint32_t k = 0; k < ix->node_calls_count[n]; k++) {
      sc_ref r = ix->node_calls[ix->node_calls_first[n] + k];
      const sc_call *c = sc_program_call(p, r);
      if (call_is_wait(p, p->tus[r.tu], c)) waits[n] = 1;
    }
  for (uint32_t e = 0; e < p->nedges; e++)
    if (p->edges[e].indirect) dispatches[p->edges[e].from] = 1;
  /* Only the callees' levels are wanted: keep copies at depth LOOK_DEPTH. */
  propagate(p, waits, LOOK_DEPTH, 1);
  propagate(p, dispatches, LOOK_DEPTH, 0);

  for (uint32_t t = 0; t < p->ntus; t++) {
    const sc_facts *f = p->tus[t];
    for (uint32_t l = 0; l < f->nloops; l++) {
      const sc_loop *loop = &f->loops[l];
      uint32_t node = ix->fn_node[t][loop->function];
      if (p->nodes[node].def.tu != t || !p->nodes[node].live) continue;
      /* The outermost qualifying loop is the event loop; inner ones are part of it. */
      int parent_is_root = 0;
      for (uint32_t q = loop->parent; q != SC_NONE; q = f->loops[q].parent)
        if (ix->loop_root[t][q] != SC_NONE) parent_is_root = 1;
      if (parent_is_root) continue;
      /* A wait in the body, or in a callee that only waits, pairs with the
       * body's own dispatch.  A callee that waits *and* dispatches is a
       * self-contained event step (redis's processEventsWhileBlocked): a
       * loop that calls one now and then while dispatching something else
       * (loading commands from a file) is not an event loop; the callee's
       * own loop is. */
      int own_wait = 0, dispatcher_wait = 0, own_dispatch = 0, callee_dispatch = 0, direct_wait = 0;
      const char *wait_name = NULL;
      uint32_t *waiters = NULL, nwaiters = 0;
      for (uint32_t k = 0; k < ix->node_calls_count[node]; k++) {
        sc_ref r = ix->node_calls[ix->node_calls_first[node] + k];
        const sc_call *c = sc_program_call(p, r);
        if (c->loop == SC_NONE || !loop_within(f, c->loop, l)) continue;
        uint32_t callee = sc_engine_callee_node(p, c);
        int waits_directly = call_is_wait(p, f, c);
        int waits_here = waits_directly || (callee != SC_NONE && waits[callee]);
        if (waits_here) {
          if (!wait_name) wait_name = c->callee_name;
          direct_wait |= waits_directly;
          if (!waits_directly) {
            waiters = sc_xrealloc(waiters, (nwaiters + 1) * sizeof *waiters);
            waiters[nwaiters++] = callee;
          }
          if (callee != SC_NONE && dispatches[callee])
            dispatcher_wait = 1;
          else
            own_wait = 1;
        }
        if (c->callee_kind != SC_CALLEE_DIRECT) {
          sc_targets tmp = {0};
          sc_engine_resolve_call(p, r, &tmp);
          if (tmp.count) own_dispatch = 1;
          sc_targets_free(&tmp);
        } else if (callee != SC_NONE && dispatches[callee]) {
          callee_dispatch = 1;
        }
      }
      int qualifies = own_wait ? own_dispatch || callee_dispatch : dispatcher_wait && !own_dispatch;
      if (!qualifies) {
        free(waiters);
        continue;
      }
      cands = sc_xrealloc(cands, (ncands + 1) * sizeof *cands);
      cands[ncands++] = (candidate){t, l, node, wait_name, direct_wait, waiters, nwaiters, fanout_of(p, t, l, node)};
      /* Provisionally a root, so that loops nested in it are not candidates. */
      ix->loop_root[t][l] = 0;
    }
  }
  uint8_t *runs_loop = sc_xcalloc(p->nnodes, 1);
  uint32_t *loop_fanout = sc_xcalloc(p->nnodes, sizeof(uint32_t));
  for (uint32_t k = 0; k < ncands; k++) {
    runs_loop[cands[k].node] = 1;
    if (cands[k].fanout > loop_fanout[cands[k].node]) loop_fanout[cands[k].node] = cands[k].fanout;
  }
  for (uint32_t k = 0; k < ncands; k++) {
    candidate *c = &cands[k];
    int waits_itself = c->direct_wait;
    /* A wait only through callees that run loops of their own restarts
     * those loops (lighttpd's main around server_main_loop), unless this
     * loop dispatches far more widely than they do: then they are waits
     * with a hook, and this is the loop that runs the handlers. */
    uint32_t widest = 0;
    for (uint32_t w = 0; w < c->nwaiters && !waits_itself; w++) {
      waits_itself = c->waiters[w] == SC_NONE || !runs_loop[c->waiters[w]];
      if (!waits_itself && loop_fanout[c->waiters[w]] > widest) widest = loop_fanout[c->waiters[w]];
    }
    if (!waits_itself && c->fanout >= 8 && c->fanout > 4 * widest) waits_itself = 1;
    ix->loop_root[c->tu][c->loop] = SC_NONE;
    if (waits_itself) add_loop_root(p, c->tu, c->loop, c->node, c->wait_name);
    free(c->waiters);
  }
  free(cands);
  free(runs_loop);
  free(loop_fanout);
  free(waits);
  free(dispatches);
}

/* Whether `annotations` ('\n'-joined annotate() strings) holds `what`. */
int sc_engine_annotated(const char *annotations, const char *what) {
  size_t n = strlen(what);
  for (const char *a = annotations; a && *a;) {
    const char *end = strchr(a, '\n');
    size_t len = end ? (size_t)(end - a) : strlen(a);
    if (len == n && !strncmp(a, what, n)) return 1;
    a = end ? end + 1 : a + len;
  }
  return 0;
}

/* Functions the source annotates (stallcheck/annotations.h) as callbacks of
 * a loop or as worker code are roots of their context, and so are those the
 * configuration names as running the program's own loop ("loops").  So are functions
 * declared nonblocking (clang's effect, or STALLCHECK_NONBLOCKING): a real-time
 * callback must not wait any more than a loop's may. */
static void annotated_roots(sc_program *p) {
  static const struct {
    const char *annotation;
    sc_ctx ctx;
  } kinds[] = {{"stallcheck::loop_callback", SC_CTX_LOOP}, {"stallcheck::worker", SC_CTX_WORKER}};
  for (uint32_t n = 0; n < p->nnodes; n++) {
    const sc_function *f = &p->tus[p->nodes[n].def.tu]->functions[p->nodes[n].def.index];
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
      if (!sc_engine_annotated(f->annotations, kinds[k].annotation)) continue;
      sc_root r = {SC_ROOT_REGISTRATION, kinds[k].ctx, n, p->nodes[n].def, f->loc, "annotated", "callback",
                   kinds[k].annotation, NULL, 0};
      add_root(p, &r);
    }
    const sc_loop_function *runs_loop = sc_catalog_loop_function(p->nodes[n].name);
    if (runs_loop) {
      sc_root r = {SC_ROOT_REGISTRATION, SC_CTX_LOOP, n, p->nodes[n].def, f->loc, runs_loop->library,
                   "loop-run function", "loops", NULL, 0};
      add_root(p, &r);
    }
    if ((f->flags & SC_FN_NONBLOCKING) || sc_engine_annotated(f->annotations, "stallcheck::nonblocking")) {
      sc_root r = {SC_ROOT_REGISTRATION, SC_CTX_LOOP, n, p->nodes[n].def, f->loc, "nonblocking", "function",
                   f->flags & SC_FN_NONBLOCKING ? "nonblocking" : "stallcheck::nonblocking", NULL, 0};
      add_root(p, &r);
    }
  }
}

/* Roots whose line a NOLINT comment covers for some rule.  Such a comment
 * silences the findings whose path starts there; the contexts then explain
 * a function from another root when one reaches it, so that the comment
 * does not also hide what an unsuppressed callback reaches. */
static void mark_muted_roots(sc_program *p) {
  size_t nrules = 0;
  const sc_rule *rules = sc_rules(&nrules);
  sc_source_cache cache = {0};
  for (uint32_t i = 0; i < p->nroots; i++) {
    sc_root *r = &p->roots[i];
    if (!r->loc.file || !r->loc.line) continue;
    size_t len = 0;
    const char *text = p->source ? p->source(p->source_ctx, r->loc.file, &len)
                                 : sc_source_cache_get(&cache, r->loc.file, &len);
    if (!text || !memmem(text, len, "NOLINT", 6)) continue;
    for (size_t k = 0; k < nrules && !r->muted; k++) r->muted = sc_suppressed_at(text, len, r->loc.line, rules[k].id);
  }
  sc_source_cache_free(&cache);
}

void sc_engine_find_roots(sc_program *p) {
  sc_targets tmp = {0};
  annotated_roots(p);
  for (uint32_t t = 0; t < p->ntus; t++) {
    const sc_facts *f = p->tus[t];
    for (uint32_t i = 0; i < f->ncalls; i++) {
      const sc_call *c = &f->calls[i];
      if (p->nodes[p->index->fn_node[t][c->caller]].def.tu != t) continue;
      if (!site_is_live(p, t, c->caller)) continue;
      sc_ref r = {t, i};
      registrations_of_call(p, r, &tmp);
    }
    for (uint32_t i = 0; i < f->nflows; i++) {
      const sc_flow *fl = &f->flows[i];
      if (fl->function != SC_NONE && p->nodes[p->index->fn_node[t][fl->function]].def.tu != t) continue;
      sc_ref r = {t, i};
      if (!sc_engine_flow_is_live(p, r)) continue;
      registrations_of_flow(p, r, &tmp);
    }
  }
  sc_targets_free(&tmp);
  find_wait_loops(p);
  mark_muted_roots(p);
}
