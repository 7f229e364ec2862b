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

typedef struct search {
  sc_reach *reach;
  uint32_t *queue;
  uint32_t head, tail;
} search;

/* Seeds the roots of `ctx` whose `muted` is as given: callbacks first
 * (distance 0), in root order for deterministic paths; then what the bodies
 * of hand-written loops call (distance 1).  A hand-written loop's own
 * function is not on the loop thread as a whole: only the loop is. */
static void seed(sc_program *p, sc_ctx ctx, int muted, search *s) {
  for (uint32_t r = 0; r < p->nroots; r++) {
    const sc_root *root = &p->roots[r];
    if (root->ctx != ctx || root->kind != SC_ROOT_REGISTRATION || !root->muted != !muted) continue;
    if (s->reach[root->node].root != SC_NONE) continue;
    s->reach[root->node].root = r;
    s->reach[root->node].dist = 0;
    s->queue[s->tail++] = root->node;
  }
  for (uint32_t r = 0; r < p->nroots; r++) {
    const sc_root *root = &p->roots[r];
    if (root->ctx != ctx || root->kind != SC_ROOT_LOOP_BODY || !root->muted != !muted) continue;
    const sc_node *node = &p->nodes[root->node];
    const sc_facts *f = p->tus[root->site.tu];
    for (uint32_t e = node->first_out; e < node->first_out + node->nout; e++) {
      const sc_edge *edge = &p->edges[e];
      if (edge->call.tu != root->site.tu || !call_in_loop(f, sc_program_call(p, edge->call), root->site.index) ||
          sc_engine_call_in_fork_child(p, edge->call))
        continue;
      if (s->reach[edge->to].root != SC_NONE || edge->to == root->node) continue;
      s->reach[edge->to].root = r;
      s->reach[edge->to].via_edge = e;
      s->reach[edge->to].dist = 1;
      s->queue[s->tail++] = edge->to;
    }
  }
}

static void drain(sc_program *p, search *s) {
  while (s->head < s->tail) {
    uint32_t n = s->queue[s->head++];
    for (uint32_t e = p->nodes[n].first_out; e < p->nodes[n].first_out + p->nodes[n].nout; e++) {
      uint32_t to = p->edges[e].to;
      if (s->reach[to].root != SC_NONE || sc_engine_call_in_fork_child(p, p->edges[e].call)) continue;
      const sc_root *root = &p->roots[s->reach[n].root];
      if (root->kind == SC_ROOT_LOOP_BODY && to == root->node) continue;
      s->reach[to].root = s->reach[n].root;
      s->reach[to].via_edge = e;
      s->reach[to].dist = s->reach[n].dist + 1;
      s->queue[s->tail++] = to;
    }
  }
}

/* The roots without a NOLINT first, to the end; then the muted ones reach
 * what is left.  Each node is queued once, so the queue holds them all. */
static void bfs(sc_program *p, sc_ctx ctx) {
  search s = {sc_xcalloc(p->nnodes ? p->nnodes : 1, sizeof *s.reach), sc_xcalloc(p->nnodes + 1, sizeof(uint32_t)), 0,
              0};
  for (uint32_t n = 0; n < p->nnodes; n++) {
    s.reach[n].root = SC_NONE;
    s.reach[n].via_edge = SC_NONE;
    s.reach[n].dist = UINT32_MAX;
  }
  seed(p, ctx, 0, &s);
  drain(p, &s);
  seed(p, ctx, 1, &s);
  drain(p, &s);
  free(s.queue);
  free(p->reach[ctx]);
  p->reach[ctx] = s.reach;
}

void sc_engine_compute_contexts(sc_program *p) {
  for (int c = 0; c < SC_CTX_COUNT; c++) bfs(p, (sc_ctx)c);
}

int sc_program_function_in_ctx(const sc_program *p, uint32_t tu, uint32_t function, sc_ctx ctx, uint32_t *root) {
  uint32_t node = p->index->fn_node[tu][function];
  if (p->nodes[node].def.tu != tu || !p->reach[ctx] || p->reach[ctx][node].root == SC_NONE) return 0;
  if (root) *root = p->reach[ctx][node].root;
  return 1;
}

int sc_program_call_in_ctx(const sc_program *p, sc_ref call, sc_ctx ctx, uint32_t *root) {
  const sc_facts *f = p->tus[call.tu];
  const sc_call *c = &f->calls[call.index];
  uint32_t node = p->index->fn_node[call.tu][c->caller];
  if (p->nodes[node].def.tu != call.tu) return 0; /* a duplicate copy of a header function */
  if (sc_engine_call_in_fork_child(p, call)) return 0;
  if (p->reach[ctx] && p->reach[ctx][node].root != SC_NONE) {
    if (root) *root = p->reach[ctx][node].root;
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

void sc_program_explain(const sc_program *p, sc_ref call, sc_ctx ctx, uint32_t root, sc_finding *finding) {
  const sc_call *c = sc_program_call(p, call);
  sc_program_explain_function(p, call.tu, c->caller, ctx, root, finding);
}

void sc_program_explain_function(const sc_program *p, uint32_t tu, uint32_t function, sc_ctx ctx, uint32_t root,
                                 sc_finding *finding) {
  const sc_root *r = &p->roots[root];
  sc_finding_add_step(finding, r->kind == SC_ROOT_LOOP_BODY ? SC_STEP_LOOP : SC_STEP_REGISTRATION, r->loc,
                      root_message(p, r));
  uint32_t node = p->index->fn_node[tu][function];
  const sc_reach *reach = p->reach[ctx];
  if (!reach || reach[node].root != root) return; /* the call sits in the loop body itself */
  /* Collect the edges back to the root, then emit them root first. */
  uint32_t n = reach[node].dist + 1, count = 0;
  uint32_t *path = sc_xcalloc(n, sizeof(uint32_t));
  for (uint32_t e = reach[node].via_edge; e != SC_NONE && count < n; e = reach[p->edges[e].from].via_edge) {
    path[count++] = e;
    if (reach[p->edges[e].from].root != root) break;
  }
  while (count-- > 0) {
    const sc_edge *e = &p->edges[path[count]];
    sc_finding_add_step(finding, SC_STEP_CALL, sc_program_call(p, e->call)->loc, edge_message(p, e));
  }
  free(path);
}
