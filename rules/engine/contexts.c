/*
 * contexts.c - which thread each function runs on.
 *
 * One breadth-first search per context from all of its roots at once, so each
 * function remembers the shortest path from some root: the explanation a
 * finding shows is the shortest one there is, from a root no NOLINT comment
 * covers when there is one.  An offload (uv_queue_work,
 * pthread_create) is not a call edge, so paths stop there by construction.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_internal.h"

static int call_in_loop(const sc_facts *f, const sc_call *c, uint32_t loop) {
  for (uint32_t l = c->loop; l != SC_NONE; l = f->loops[l].parent)
    if (l == loop) return 1;
  return 0;
}

/* Whether guard call `g` of TU `f` is fork(), vfork() or a function of the
 * program that returns their result (redisFork()). */
static int calls_fork(const sc_program *p, const sc_call *g) {
  if (g->callee_kind != SC_CALLEE_DIRECT || !g->callee_name) return 0;
  uint32_t callee = sc_engine_callee_node(p, g);
  if (callee != SC_NONE)
    return (p->tus[p->nodes[callee].def.tu]->functions[p->nodes[callee].def.index].flags & SC_FN_RETURNS_FORK) != 0;
  return (!strcmp(g->callee_name, "fork") || !strcmp(g->callee_name, "vfork")) &&
         !sc_program_defines_name(p, g->callee_name);
}

/* Whether `call` runs in the child of fork(): under a branch where fork(),
 * vfork() or a wrapper returned 0.  The branches a call sits in form a
 * chain (each guard call records the guard it sits under), so a test of
 * another call's result inside the child (`if (rewrite(tmp) == C_OK)`) does
 * not hide the fork.  The child is another process: not the loop's thread,
 * nor a worker's. */
int sc_engine_call_in_fork_child(const sc_program *p, sc_ref call) {
  const sc_facts *f = p->tus[call.tu];
  uint32_t g = sc_call_zero_guard(&f->calls[call.index]);
  /* Guards come before what they guard: the chain only goes down. */
  for (uint32_t steps = 0; g != SC_NONE && g < f->ncalls && steps < 64; steps++) {
    if (calls_fork(p, &f->calls[g])) return 1;
    uint32_t outer = sc_call_zero_guard(&f->calls[g]);
    if (outer >= g) break;
    g = outer;
  }
  return 0;
}

/* ---- parameters known to be 0 -------------------------------------------
 *
 * `_dbus_read_local_machine_uuid (&uuid, FALSE, error)` reaches a function
 * whose writes run only under `if (create_if_not_found)`: on that path they
 * never run.  The search carries, with each function it reaches, the
 * parameters every call on the way passed a constant 0 (FALSE, NULL) for,
 * and does not follow a call guarded by one of them.  Only parameters that
 * guard a call, here or in a function they are passed on to, are tracked,
 * so nearly every function is reached in one state. */

/* Bit k of a call's arguments: argument k is a constant 0, or the caller's
 * parameter known to be 0 in state `known`. */
static uint32_t zero_args(const sc_facts *f, const sc_call *c, uint32_t known, uint32_t wanted) {
  uint32_t zero = 0;
  for (uint32_t a = 0; a < c->nargs && a < 32; a++) {
    if (!(wanted & (1u << a))) continue;
    const sc_arg *g = &f->args[c->first_arg + a];
    if ((g->kind == SC_ARG_INT && g->ival == 0) || g->kind == SC_ARG_NULL ||
        (g->kind == SC_ARG_PARAM && g->param < 32 && (known & (1u << g->param))))
      zero |= 1u << a;
  }
  return zero;
}

/* tracked[n]: the parameters of node n worth tracking: those that guard one
 * of its calls, and those it passes on where the callee tracks them. */
static uint32_t *tracked_params(const sc_program *p) {
  uint32_t *tracked = sc_xcalloc(p->nnodes ? p->nnodes : 1, sizeof(uint32_t));
  int any = 0;
  for (uint32_t t = 0; t < p->ntus; t++) {
    const sc_facts *f = p->tus[t];
    for (uint32_t i = 0; i < f->ncalls; i++) {
      if (!f->calls[i].param_guards) continue;
      uint32_t n = p->index->fn_node[t][f->calls[i].caller];
      if (p->nodes[n].def.tu != t) continue;
      tracked[n] |= f->calls[i].param_guards;
      any = 1;
    }
  }
  /* Back along the edges until nothing changes: a bit moves from callee
   * to caller at most once, so this ends. */
  for (int changed = any; changed;) {
    changed = 0;
    for (uint32_t e = 0; e < p->nedges; e++) {
      const sc_edge *edge = &p->edges[e];
      if (!tracked[edge->to]) continue;
      const sc_facts *f = p->tus[edge->call.tu];
      const sc_call *c = &f->calls[edge->call.index];
      for (uint32_t a = 0; a < c->nargs && a < 32; a++) {
        const sc_arg *g = &f->args[c->first_arg + a];
        if (g->kind != SC_ARG_PARAM || g->param >= 32 || !(tracked[edge->to] & (1u << a))) continue;
        if (tracked[edge->from] & (1u << g->param)) continue;
        tracked[edge->from] |= 1u << g->param;
        changed = 1;
      }
    }
  }
  return tracked;
}

/* ---- the search -------------------------------------------------------- */

/* More states than this for one function, and it is reached as if nothing
 * were known: a finding too many rather than one missed. */
enum { MAX_STATES_PER_NODE = 8 };

typedef struct search {
  sc_program *p;
  const uint32_t *tracked;
  const uint8_t *dispatcher; /* [node]: calls through one of its parameters */
  sc_reach *reach;
  uint32_t nreach, cap;
  uint32_t *queue;
  uint32_t head, tail, cap_queue;
} search;

/* Reaches `node` knowing `known` zero, from state `via_state` over edge
 * `via_edge`; nothing when a state of the node with no more known already
 * reaches all it would. */
static int same_call(sc_ref a, sc_ref b) { return a.tu == b.tu && a.index == b.index; }

/* Whether state `st` reaches all that a state of the same node knowing
 * `known`, entered over `via_edge` (keyed or not), would. */
static int subsumes(const search *s, uint32_t st, uint32_t known, uint32_t via_edge, int keyed) {
  const sc_reach *r = &s->reach[st];
  if (r->root == SC_NONE || (r->known_zero & ~known) != 0) return 0;
  if (!r->entry_keyed) return 1;
  return keyed && same_call(s->p->edges[r->via_edge].call, s->p->edges[via_edge].call);
}

static void visit(search *s, uint32_t node, uint32_t known, uint32_t root, uint32_t via_edge, uint32_t via_state,
                  uint32_t dist) {
  known &= s->tracked[node];
  int keyed = s->dispatcher[node] && via_edge != SC_NONE;
  uint32_t count = 0, last = node;
  for (uint32_t st = node; st != SC_NONE; last = st, st = s->reach[st].next, count++)
    if (subsumes(s, st, known, via_edge, keyed)) return;
  uint32_t id = node;
  if (s->reach[node].root != SC_NONE) {
    if (count >= MAX_STATES_PER_NODE) {
      /* Past the cap: one state that stands for every way in. */
      for (uint32_t st = node; st != SC_NONE; st = s->reach[st].next)
        if (s->reach[st].root != SC_NONE && !s->reach[st].entry_keyed && s->reach[st].known_zero == 0) return;
      known = 0;
      keyed = 0;
    }
    if (s->nreach == s->cap) {
      s->cap *= 2;
      s->reach = realloc(s->reach, s->cap * sizeof *s->reach);
      if (!s->reach) abort();
    }
    id = s->nreach++;
    s->reach[last].next = id;
  }
  s->reach[id] = (sc_reach){node, root, via_edge, via_state, dist, known, SC_NONE, (uint32_t)keyed};
  if (s->tail == s->cap_queue) {
    s->cap_queue *= 2;
    s->queue = realloc(s->queue, s->cap_queue * sizeof *s->queue);
    if (!s->queue) abort();
  }
  s->queue[s->tail++] = id;
}

/* Whether the call through parameter `param` of the function state `from`
 * is in can reach `to`, given the call that entered it: chrony's
 * search_dirs(line, suffix, handler) calls `handler(path)`, and entered
 * from the reload of sources it only calls the handler the reload passed,
 * not the configuration reader passed at start-up.  An argument whose
 * values are unknown keeps every target. */
static int entry_passes(sc_program *p, const search *s, uint32_t from, uint32_t param, uint32_t to) {
  if (from == SC_NONE || !s->reach[from].entry_keyed) return 1;
  sc_ref in = p->edges[s->reach[from].via_edge].call;
  const sc_facts *f = p->tus[in.tu];
  const sc_arg *arg = sc_call_arg(f, &f->calls[in.index], param);
  if (!arg) return 1;
  sc_targets values = {0};
  sc_engine_arg_values(p, in, arg, &values);
  int passes = values.count == 0;
  for (uint32_t i = 0; i < values.count && !passes; i++) passes = values.items[i].node == to;
  sc_targets_free(&values);
  return passes;
}

/* The state reached over edge `e` from state `from`, or nothing when the
 * call only runs under a parameter known to be 0 there, or calls through a
 * parameter that the call that entered `from` did not fill with `e`'s
 * callee. */
static void follow(sc_program *p, search *s, uint32_t from, uint32_t e, uint32_t root, uint32_t dist) {
  const sc_edge *edge = &p->edges[e];
  const sc_facts *f = p->tus[edge->call.tu];
  const sc_call *c = &f->calls[edge->call.index];
  uint32_t known = from == SC_NONE ? 0 : s->reach[from].known_zero;
  if (c->param_guards & known) return;
  if (c->callee_kind == SC_CALLEE_PARAM && !entry_passes(p, s, from, c->param, edge->to)) return;
  visit(s, edge->to, zero_args(f, c, known, s->tracked[edge->to]), root, e, from, dist);
}

/* Seeds the roots of `ctx` whose `muted` is as given: callbacks first
 * (distance 0), in root order for deterministic paths; then what the bodies
 * of hand-written loops call (distance 1).  A hand-written loop's own
 * function is not on the loop thread as a whole: only the loop is. */
static void seed(sc_program *p, sc_ctx ctx, int muted, search *s) {
  for (uint32_t r = 0; r < p->nroots; r++) {
    const sc_root *root = &p->roots[r];
    if (root->ctx != ctx || root->kind != SC_ROOT_REGISTRATION || !root->muted != !muted) continue;
    visit(s, root->node, 0, r, SC_NONE, SC_NONE, 0);
  }
  for (uint32_t r = 0; r < p->nroots; r++) {
    const sc_root *root = &p->roots[r];
    if (root->ctx != ctx || root->kind != SC_ROOT_LOOP_BODY || !root->muted != !muted) continue;
    const sc_node *node = &p->nodes[root->node];
    const sc_facts *f = p->tus[root->site.tu];
    for (uint32_t e = node->first_out; e < node->first_out + node->nout; e++) {
      const sc_edge *edge = &p->edges[e];
      if (edge->call.tu != root->site.tu || !call_in_loop(f, sc_program_call(p, edge->call), root->site.index) ||
          sc_engine_call_in_fork_child(p, edge->call) || edge->to == root->node)
        continue;
      follow(p, s, SC_NONE, e, r, 1);
    }
  }
}

static void drain(sc_program *p, search *s) {
  while (s->head < s->tail) {
    uint32_t id = s->queue[s->head++];
    uint32_t n = s->reach[id].node;
    for (uint32_t e = p->nodes[n].first_out; e < p->nodes[n].first_out + p->nodes[n].nout; e++) {
      if (sc_engine_call_in_fork_child(p, p->edges[e].call)) continue;
      const sc_root *root = &p->roots[s->reach[id].root];
      if (root->kind == SC_ROOT_LOOP_BODY && p->edges[e].to == root->node) continue;
      follow(p, s, id, e, s->reach[id].root, s->reach[id].dist + 1);
    }
  }
}

/* The roots without a NOLINT first, to the end; then the muted ones reach
 * what is left. */
static void bfs(sc_program *p, sc_ctx ctx, const uint32_t *tracked, const uint8_t *dispatcher) {
  uint32_t n0 = p->nnodes ? p->nnodes : 1;
  search s = {p, tracked, dispatcher, sc_xcalloc(n0, sizeof(sc_reach)), p->nnodes, n0, sc_xcalloc(n0, sizeof(uint32_t)),
              0, 0, n0};
  for (uint32_t n = 0; n < p->nnodes; n++)
    s.reach[n] = (sc_reach){n, SC_NONE, SC_NONE, SC_NONE, UINT32_MAX, 0, SC_NONE, 0};
  seed(p, ctx, 0, &s);
  drain(p, &s);
  seed(p, ctx, 1, &s);
  drain(p, &s);
  free(s.queue);
  free(p->reach[ctx]);
  p->reach[ctx] = s.reach;
  p->nreach[ctx] = s.nreach;
}

void sc_engine_compute_contexts(sc_program *p) {
  uint32_t *tracked = tracked_params(p);
  uint8_t *dispatcher = sc_xcalloc(p->nnodes ? p->nnodes : 1, 1);
  for (uint32_t e = 0; e < p->nedges; e++)
    if (sc_program_call(p, p->edges[e].call)->callee_kind == SC_CALLEE_PARAM) dispatcher[p->edges[e].from] = 1;
  for (int c = 0; c < SC_CTX_COUNT; c++) bfs(p, (sc_ctx)c, tracked, dispatcher);
  free(dispatcher);
  free(tracked);
}

/* The first state of `node` in `ctx` from which a call under `guards`
 * runs, from `root` unless that is SC_NONE; SC_NONE when there is none. */
static uint32_t state_of(const sc_program *p, sc_ctx ctx, uint32_t node, uint32_t guards, uint32_t root) {
  const sc_reach *reach = p->reach[ctx];
  if (!reach) return SC_NONE;
  for (uint32_t st = node; st != SC_NONE; st = reach[st].next)
    if (reach[st].root != SC_NONE && !(reach[st].known_zero & guards) && (root == SC_NONE || reach[st].root == root))
      return st;
  return SC_NONE;
}

int sc_program_function_in_ctx(const sc_program *p, uint32_t tu, uint32_t function, sc_ctx ctx, uint32_t *root) {
  uint32_t node = p->index->fn_node[tu][function];
  uint32_t st = p->nodes[node].def.tu == tu ? state_of(p, ctx, node, 0, SC_NONE) : SC_NONE;
  if (st == SC_NONE) return 0;
  if (root) *root = p->reach[ctx][st].root;
  return 1;
}

int sc_program_call_in_ctx(const sc_program *p, sc_ref call, sc_ctx ctx, uint32_t *root) {
  const sc_facts *f = p->tus[call.tu];
  const sc_call *c = &f->calls[call.index];
  uint32_t node = p->index->fn_node[call.tu][c->caller];
  if (p->nodes[node].def.tu != call.tu) return 0; /* a duplicate copy of a header function */
  if (sc_engine_call_in_fork_child(p, call)) return 0;
  uint32_t st = state_of(p, ctx, node, c->param_guards, SC_NONE);
  if (st != SC_NONE) {
    if (root) *root = p->reach[ctx][st].root;
    return 1;
  }
  for (uint32_t l = c->loop; l != SC_NONE; l = f->loops[l].parent) {
    uint32_t r = p->index->loop_root[call.tu][l];
    if (r != SC_NONE && p->roots[r].ctx == ctx) {
      if (root) *root = r;
      return 1;
    }
  }
  return 0;
}

static const char *ctx_thread(sc_ctx ctx) { return ctx == SC_CTX_LOOP ? "loop thread" : "worker thread"; }

/* "a timer callback", "an event callback", "an HTTP request callback", "a
 * one-shot callback": the article goes by sound, so acronyms go by the name
 * of their first letter. */
static const char *article(const char *noun) {
  if (!noun || !noun[0]) return "a";
  if (!strncmp(noun, "one", 3) || !strncmp(noun, "uni", 3) || !strncmp(noun, "use", 3)) return "a";
  if (isupper((unsigned char)noun[0]) && isupper((unsigned char)noun[1]))
    return strchr("AEFHILMNORSX", noun[0]) ? "an" : "a";
  return strchr("aeiouAEIOU", noun[0]) ? "an" : "a";
}

static char *root_message(const sc_program *p, const sc_root *r) {
  const char *name = p->nodes[r->node].name;
  if (r->kind == SC_ROOT_LOOP_BODY)
    return sc_strdupf("this loop in '%s' waits in '%s' and dispatches events: what it calls runs on the loop thread",
                      name, r->registrar ? r->registrar : "?");
  if (r->what && !strcmp(r->what, "loop-run function"))
    return sc_strdupf("'%s' runs the %s event loop: the configuration lists it under \"loops\"", name, r->library);
  if (sc_root_is_nonblocking(r))
    return sc_strdupf("'%s' must not block: it is declared %s here", name,
                      strcmp(r->registrar, "nonblocking") ? "STALLCHECK_NONBLOCKING" : "with clang's 'nonblocking' effect");
  if (r->registrar && !strncmp(r->registrar, "stallcheck::", 12))
    return sc_strdupf("'%s' runs on %s: it is annotated %s here", name,
                      r->ctx == SC_CTX_LOOP ? "an event-loop thread" : "a worker thread", r->registrar);
  if (r->field)
    return sc_strdupf("'%s' runs on the %s %s: stored here as %s %s in the '%s' field of '%s'", name, r->library,
                      ctx_thread(r->ctx), article(r->what), r->what, r->field, r->registrar);
  return sc_strdupf("'%s' runs on the %s %s: registered here as %s %s by '%s'", name, r->library,
                    ctx_thread(r->ctx), article(r->what), r->what, r->registrar ? r->registrar : "?");
}

static char *edge_message(const sc_program *p, const sc_edge *e) {
  const sc_call *c = sc_program_call(p, e->call);
  const char *from = p->nodes[e->from].name, *to = p->nodes[e->to].name;
  if (!e->indirect) return sc_strdupf("'%s' calls '%s' here", from, to);
  const char *via = c->callee_kind == SC_CALLEE_FIELD   ? "field"
                    : c->callee_kind == SC_CALLEE_PARAM ? "parameter"
                                                        : "pointer";
  return sc_strdupf("'%s' calls '%s' here, through %s '%s'", from, to, via,
                    c->callee_name ? c->callee_name : "?");
}

/* Adds the registration of `root`, then each call from it to state `st`. */
static void explain_state(const sc_program *p, sc_ctx ctx, uint32_t st, uint32_t root, sc_finding *finding) {
  const sc_root *r = &p->roots[root];
  sc_finding_add_step(finding, r->kind == SC_ROOT_LOOP_BODY ? SC_STEP_LOOP : SC_STEP_REGISTRATION, r->loc,
                      root_message(p, r));
  if (st == SC_NONE) return; /* the call sits in the loop body itself */
  const sc_reach *reach = p->reach[ctx];
  /* Collect the edges back to the root, then emit them root first. */
  uint32_t n = reach[st].dist + 1, count = 0;
  uint32_t *path = sc_xcalloc(n, sizeof(uint32_t));
  for (uint32_t s = st; s != SC_NONE && reach[s].via_edge != SC_NONE && count < n; s = reach[s].via_state)
    path[count++] = reach[s].via_edge;
  while (count-- > 0) {
    const sc_edge *e = &p->edges[path[count]];
    sc_finding_add_step(finding, SC_STEP_CALL, sc_program_call(p, e->call)->loc, edge_message(p, e));
  }
  free(path);
}

void sc_program_explain(const sc_program *p, sc_ref call, sc_ctx ctx, uint32_t root, sc_finding *finding) {
  const sc_call *c = sc_program_call(p, call);
  uint32_t node = p->index->fn_node[call.tu][c->caller];
  explain_state(p, ctx, state_of(p, ctx, node, c->param_guards, root), root, finding);
}

void sc_program_explain_function(const sc_program *p, uint32_t tu, uint32_t function, sc_ctx ctx, uint32_t root,
                                 sc_finding *finding) {
  uint32_t node = p->index->fn_node[tu][function];
  explain_state(p, ctx, state_of(p, ctx, node, 0, root), root, finding);
}
