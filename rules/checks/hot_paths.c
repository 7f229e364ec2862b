/*
 * hot_paths.c - the nearest hot place above a call: a breadth-first walk up
 * the direct call edges, at most SC_HOT_MAX_CALLS calls.
 *
 * Calls through function pointers are not followed up: a callback handed to
 * a library or a table is called from places the graph guesses at, and a
 * guessed loop is not evidence enough to call a sync "per iteration".
 */
#include "checks/hot_paths.h"

#include <stdlib.h>

#include "checks/checks.h"
#include "checks/loops.h"
#include "engine/engine_internal.h"

struct sc_hot_index {
  uint32_t *in_first, *in_count; /* edges into each node: in_edges[first .. first+count) */
  uint32_t *in_edges;
  uint32_t *seen;                /* BFS scratch: the query's stamp when visited */
  uint32_t *down;                /* BFS scratch: the edge from a node towards the call */
  uint32_t *queue;
  uint32_t stamp;
};

sc_hot_index *sc_hot_index_new(const sc_program *p) {
  sc_hot_index *h = sc_xcalloc(1, sizeof *h);
  uint32_t n = p->nnodes ? p->nnodes : 1;
  h->in_first = sc_xcalloc(n, sizeof *h->in_first);
  h->in_count = sc_xcalloc(n, sizeof *h->in_count);
  h->in_edges = sc_xcalloc(p->nedges ? p->nedges : 1, sizeof *h->in_edges);
  h->seen = sc_xcalloc(n, sizeof *h->seen);
  h->down = sc_xcalloc(n, sizeof *h->down);
  h->queue = sc_xcalloc(n, sizeof *h->queue);
  for (uint32_t e = 0; e < p->nedges; e++)
    if (!p->edges[e].indirect) h->in_count[p->edges[e].to]++;
  for (uint32_t i = 1; i < p->nnodes; i++) h->in_first[i] = h->in_first[i - 1] + h->in_count[i - 1];
  uint32_t *fill = sc_xcalloc(n, sizeof *fill);
  for (uint32_t e = 0; e < p->nedges; e++) {
    uint32_t to = p->edges[e].to;
    if (!p->edges[e].indirect) h->in_edges[h->in_first[to] + fill[to]++] = e;
  }
  free(fill);
  return h;
}

void sc_hot_index_free(sc_hot_index *h) {
  if (!h) return;
  free(h->in_first);
  free(h->in_count);
  free(h->in_edges);
  free(h->seen);
  free(h->down);
  free(h->queue);
  free(h);
}

static int fn_is_hot(const sc_program *p, uint32_t tu, uint32_t fn) {
  return (p->tus[tu]->functions[fn].flags & SC_FN_HOT) != 0;
}

/* Whether the site `site` itself is a hot place; fills loop or hot function. */
static int site_is_hot(const sc_program *p, sc_ref site, sc_hot_path *out) {
  const sc_facts *f = p->tus[site.tu];
  const sc_call *c = &f->calls[site.index];
  out->tu = site.tu;
  out->loop = sc_loop_hot_around(f, c);
  if (out->loop != SC_NONE) return 1;
  if (fn_is_hot(p, site.tu, c->caller)) {
    out->hot_tu = site.tu;
    out->hot_fn = c->caller;
    return 1;
  }
  return 0;
}

/* The calls from `top` (a caller's site) down through the BFS's down edges. */
static void record_chain(const sc_program *p, const sc_hot_index *h, sc_ref top, uint32_t node,
                         sc_hot_path *out) {
  out->ncalls = 0;
  out->calls[out->ncalls++] = top;
  for (uint32_t e = h->down[node]; e != SC_NONE && out->ncalls < SC_HOT_MAX_CALLS; e = h->down[p->edges[e].to])
    out->calls[out->ncalls++] = p->edges[e].call;
}

int sc_hot_path_find(const sc_program *p, sc_hot_index *h, sc_ref call, sc_hot_path *out) {
  out->tu = call.tu;
  out->loop = SC_NONE;
  out->hot_tu = out->hot_fn = SC_NONE;
  out->ncalls = 0;
  if (site_is_hot(p, call, out)) return 1;

  uint32_t start = sc_check_call_node(p, call);
  if (start == SC_NONE) return 0;
  uint32_t stamp = ++h->stamp, head = 0, tail = 0, level_end;
  h->seen[start] = stamp;
  h->down[start] = SC_NONE;
  h->queue[tail++] = start;
  for (uint32_t depth = 1; depth <= SC_HOT_MAX_CALLS && head < tail; depth++) {
    for (level_end = tail; head < level_end; head++) {
      uint32_t node = h->queue[head];
      for (uint32_t i = 0; i < h->in_count[node]; i++) {
        const sc_edge *e = &p->edges[h->in_edges[h->in_first[node] + i]];
        if (site_is_hot(p, e->call, out)) {
          record_chain(p, h, e->call, node, out);
          return 1;
        }
        if (h->seen[e->from] == stamp) continue;
        h->seen[e->from] = stamp;
        h->down[e->from] = h->in_edges[h->in_first[node] + i];
        h->queue[tail++] = e->from;
      }
    }
  }
  out->tu = call.tu;
  out->loop = SC_NONE;
  out->hot_tu = out->hot_fn = SC_NONE;
  return 0;
}

char *sc_hot_path_describe(const sc_program *p, const sc_hot_path *path) {
  if (path->loop != SC_NONE) return sc_loop_describe(p->tus[path->tu], path->loop);
  return sc_strdupf("the hot function '%s'", p->tus[path->hot_tu]->functions[path->hot_fn].name);
}

const char *sc_hot_path_root(const sc_program *p, const sc_hot_path *path) {
  if (path->loop != SC_NONE) {
    const sc_facts *f = p->tus[path->tu];
    return f->functions[f->loops[path->loop].function].name;
  }
  return p->tus[path->hot_tu]->functions[path->hot_fn].name;
}

void sc_hot_path_explain(const sc_program *p, const sc_hot_path *path, sc_finding *finding) {
  char *where = sc_hot_path_describe(p, path);
  if (path->loop != SC_NONE)
    sc_finding_add_step(finding, SC_STEP_LOOP, p->tus[path->tu]->loops[path->loop].loc,
                        sc_strdupf("%s is here", where));
  else
    sc_finding_add_step(finding, SC_STEP_LOOP, p->tus[path->hot_tu]->functions[path->hot_fn].loc,
                        sc_strdupf("%s is declared __attribute__((hot)) here", where));
  free(where);
  for (uint32_t i = 0; i < path->ncalls; i++) {
    const sc_facts *f = p->tus[path->calls[i].tu];
    const sc_call *c = &f->calls[path->calls[i].index];
    sc_finding_add_step(finding, SC_STEP_CALL, c->loc,
                        sc_strdupf("'%s' calls '%s' here", f->functions[c->caller].name, c->callee_name));
  }
}
