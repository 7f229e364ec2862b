/*
 * liveness.c - which code of a program can run at all.
 *
 * Redis embeds Lua and opens only some of its libraries.  The io and package
 * libraries are compiled in: their functions sit in handler tables
 * (`static const luaL_Reg iolib[]`) that only luaopen_io and luaopen_package
 * read, and those are named only in linit.c's `lualibs[]`, which only
 * luaL_openlibs reads, which Redis never calls.  Counting every address
 * taken anywhere as a way in made all of them live, and through Lua's
 * closure calls (`cl->c.f`) they reached the loop.
 *
 * So in a program with a `main`, liveness is a fixpoint over functions and
 * file-scope variables together:
 *   - main is live;
 *   - a live function makes live what it calls, the functions whose address
 *     it takes, and the variables it refers to (sc_var_ref);
 *   - a live variable makes live the functions stored in its initialiser
 *     and the variables its initialiser refers to.
 * Calls through pointers resolve to what live code stores (pointers.c reads
 * sc_engine_flow_is_live), so the edges depend on liveness and liveness on
 * the edges: the edges are rebuilt until the live set stops growing.  It
 * only grows, so this ends; a few rounds in practice.
 *
 * Without a `main` (a library, or one file of a program through the
 * plugin), callers outside are unknown: every exported function, and every
 * function whose address is taken anywhere, is a way in, as before.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/engine_internal.h"

typedef struct live_index {
  sc_strmap *var_by_usr;      /* file-scope variable USR -> var id */
  uint32_t nvars;
  uint32_t *fn_refs_first, *fn_refs_count, *fn_refs; /* vars each node's body refers to */
  uint32_t *var_refs_first, *var_refs_count, *var_refs; /* vars each var's initialiser refers to */
  uint32_t *fn_flows_first, *fn_flows_count, *fn_flows; /* flow handles in each node's body */
  uint32_t *var_flows_first, *var_flows_count, *var_flows; /* flow handles in each var's initialiser */
} live_index;

static uint32_t var_id(live_index *li, const char *usr, int add) {
  uint32_t e = sc_strmap_first(li->var_by_usr, usr);
  if (e != UINT32_MAX) return sc_strmap_value(li->var_by_usr, e);
  if (!add) return SC_NONE;
  sc_strmap_add(li->var_by_usr, usr, li->nvars);
  return li->nvars++;
}

/* Groups (key, value) pairs by key into first/count/items arrays. */
typedef struct pairs {
  uint32_t *key, *value;
  uint32_t count, cap;
} pairs;

static void pairs_push(pairs *p, uint32_t key, uint32_t value) {
  if (p->count == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 256;
    p->key = sc_xrealloc(p->key, p->cap * sizeof *p->key);
    p->value = sc_xrealloc(p->value, p->cap * sizeof *p->value);
  }
  p->key[p->count] = key;
  p->value[p->count++] = value;
}

static void group(const pairs *p, uint32_t nkeys, uint32_t **first, uint32_t **count, uint32_t **items) {
  *first = sc_xcalloc(nkeys + 1, sizeof(uint32_t));
  *count = sc_xcalloc(nkeys + 1, sizeof(uint32_t));
  *items = sc_xcalloc(p->count + 1, sizeof(uint32_t));
  for (uint32_t i = 0; i < p->count; i++) (*count)[p->key[i]]++;
  for (uint32_t k = 0, acc = 0; k < nkeys; k++) {
    (*first)[k] = acc;
    acc += (*count)[k];
    (*count)[k] = 0;
  }
  for (uint32_t i = 0; i < p->count; i++) {
    uint32_t k = p->key[i];
    (*items)[(*first)[k] + (*count)[k]++] = p->value[i];
  }
  free(p->key);
  free(p->value);
}

static void build_index(const sc_program *p, live_index *li) {
  const struct sc_program_index *ix = p->index;
  li->var_by_usr = sc_strmap_new();
  pairs fn_refs = {0}, var_refs = {0}, fn_flows = {0}, var_flows = {0};
  for (uint32_t t = 0; t < p->ntus; t++) {
    const sc_facts *f = p->tus[t];
    for (uint32_t i = 0; i < f->nvar_refs; i++) {
      const sc_var_ref *r = &f->var_refs[i];
      uint32_t v = var_id(li, r->var_usr, 1);
      if (r->function != SC_NONE) {
        uint32_t n = ix->fn_node[t][r->function];
        if (p->nodes[n].def.tu == t) pairs_push(&fn_refs, n, v);
      } else if (r->holder_usr) {
        pairs_push(&var_refs, var_id(li, r->holder_usr, 1), v);
      }
    }
  }
  for (uint32_t h = 0; h < ix->nflows; h++) {
    const sc_flow *fl = &p->tus[ix->flows[h].tu]->flows[ix->flows[h].index];
    if (fl->function != SC_NONE)
      pairs_push(&fn_flows, ix->fn_node[ix->flows[h].tu][fl->function], h);
    else if (fl->holder_usr)
      pairs_push(&var_flows, var_id(li, fl->holder_usr, 1), h);
  }
  group(&fn_refs, p->nnodes, &li->fn_refs_first, &li->fn_refs_count, &li->fn_refs);
  group(&var_refs, li->nvars, &li->var_refs_first, &li->var_refs_count, &li->var_refs);
  group(&fn_flows, p->nnodes, &li->fn_flows_first, &li->fn_flows_count, &li->fn_flows);
  group(&var_flows, li->nvars, &li->var_flows_first, &li->var_flows_count, &li->var_flows);
}

static void free_index(live_index *li) {
  sc_strmap_free(li->var_by_usr);
  free(li->fn_refs_first), free(li->fn_refs_count), free(li->fn_refs);
  free(li->var_refs_first), free(li->var_refs_count), free(li->var_refs);
  free(li->fn_flows_first), free(li->fn_flows_count), free(li->fn_flows);
  free(li->var_flows_first), free(li->var_flows_count), free(li->var_flows);
}

/* One round: what is live from main over the current edges. */
typedef struct round {
  const sc_program *p;
  const live_index *li;
  uint8_t *fn_live, *var_live;
  uint32_t *fn_queue, fn_tail;
  uint32_t *var_queue, var_tail;
} round;

static void mark_fn(round *r, uint32_t n) {
  if (n == SC_NONE || r->fn_live[n]) return;
  r->fn_live[n] = 1;
  r->fn_queue[r->fn_tail++] = n;
}

static void mark_var(round *r, uint32_t v) {
  if (r->var_live[v]) return;
  r->var_live[v] = 1;
  r->var_queue[r->var_tail++] = v;
}

static void mark_flow_value(round *r, uint32_t handle) {
  const struct sc_program_index *ix = r->p->index;
  const sc_flow *fl = &r->p->tus[ix->flows[handle].tu]->flows[ix->flows[handle].index];
  if (fl->fn_usr) mark_fn(r, sc_program_node(r->p, fl->fn_usr));
}

/* Returns the number of live functions. */
static uint32_t run_round(round *r, uint32_t main_node) {
  const sc_program *p = r->p;
  const live_index *li = r->li;
  memset(r->fn_live, 0, p->nnodes);
  memset(r->var_live, 0, li->nvars);
  r->fn_tail = r->var_tail = 0;
  uint32_t fn_head = 0, var_head = 0, count = 0;
  mark_fn(r, main_node);
  /* Flows whose place is unknown (facts without holders) count as live. */
  const struct sc_program_index *ix = p->index;
  for (uint32_t h = 0; h < ix->nflows; h++) {
    const sc_flow *fl = &p->tus[ix->flows[h].tu]->flows[ix->flows[h].index];
    if (fl->function == SC_NONE && !fl->holder_usr) mark_flow_value(r, h);
  }
  while (fn_head < r->fn_tail || var_head < r->var_tail) {
    while (fn_head < r->fn_tail) {
      uint32_t n = r->fn_queue[fn_head++];
      count++;
      for (uint32_t e = p->nodes[n].first_out; e < p->nodes[n].first_out + p->nodes[n].nout; e++)
        mark_fn(r, p->edges[e].to);
      for (uint32_t i = 0; i < li->fn_flows_count[n]; i++) mark_flow_value(r, li->fn_flows[li->fn_flows_first[n] + i]);
      for (uint32_t i = 0; i < li->fn_refs_count[n]; i++) mark_var(r, li->fn_refs[li->fn_refs_first[n] + i]);
    }
    while (var_head < r->var_tail) {
      uint32_t v = r->var_queue[var_head++];
      for (uint32_t i = 0; i < li->var_flows_count[v]; i++)
        mark_flow_value(r, li->var_flows[li->var_flows_first[v] + i]);
      for (uint32_t i = 0; i < li->var_refs_count[v]; i++) mark_var(r, li->var_refs[li->var_refs_first[v] + i]);
    }
  }
  return count;
}

/* The liveness of a program without main: exported functions and every
 * function whose address is taken are ways in. */
static void compute_open_liveness(sc_program *p) {
  uint32_t *queue = sc_xcalloc(p->nnodes, sizeof(uint32_t));
  uint32_t head = 0, tail = 0;
  for (uint32_t n = 0; n < p->nnodes; n++) {
    const sc_function *f = &p->tus[p->nodes[n].def.tu]->functions[p->nodes[n].def.index];
    if (f->linkage == SC_LINKAGE_EXTERNAL) p->nodes[n].live = 1, queue[tail++] = n;
  }
  for (uint32_t t = 0; t < p->ntus; t++) {
    const sc_facts *f = p->tus[t];
    for (uint32_t i = 0; i < f->nflows; i++) {
      uint32_t n = f->flows[i].fn_usr ? sc_program_node(p, f->flows[i].fn_usr) : SC_NONE;
      if (n != SC_NONE && !p->nodes[n].live) p->nodes[n].live = 1, queue[tail++] = n;
    }
  }
  while (head < tail) {
    uint32_t n = queue[head++];
    for (uint32_t e = p->nodes[n].first_out; e < p->nodes[n].first_out + p->nodes[n].nout; e++) {
      uint32_t to = p->edges[e].to;
      if (!p->nodes[to].live) p->nodes[to].live = 1, queue[tail++] = to;
    }
  }
  free(queue);
}

static uint32_t main_node(const sc_program *p) {
  for (uint32_t n = 0; n < p->nnodes; n++) {
    const sc_function *f = &p->tus[p->nodes[n].def.tu]->functions[p->nodes[n].def.index];
    if (f->linkage == SC_LINKAGE_EXTERNAL && !strcmp(f->name, "main")) return n;
  }
  return SC_NONE;
}

void sc_engine_compute_liveness_and_edges(sc_program *p) {
  struct sc_program_index *ix = p->index;
  uint32_t entry = p->has_main ? main_node(p) : SC_NONE;
  if (entry == SC_NONE) {
    /* Calls through a pointer feed parameters from the build before: build
     * until the edges stop growing. */
    uint32_t edges = UINT32_MAX;
    for (int rounds = 0; rounds < 64 && p->nedges != edges; rounds++) {
      edges = p->nedges;
      sc_engine_build_edges(p);
    }
    compute_open_liveness(p);
    return;
  }
  live_index li = {0};
  build_index(p, &li);
  round r = {p, &li, sc_xcalloc(p->nnodes, 1), sc_xcalloc(li.nvars + 1, 1), sc_xcalloc(p->nnodes, sizeof(uint32_t)),
             0, sc_xcalloc(li.nvars + 1, sizeof(uint32_t)), 0};
  ix->fn_live = sc_xcalloc(p->nnodes, 1);
  ix->var_live = sc_xcalloc(li.nvars + 1, 1);
  ix->var_by_usr = li.var_by_usr;
  /* Round 0 builds the edges from main alone; each round's live set (and
   * the calls through pointers of its edges, for parameters) feeds the next
   * round's edges, until neither grows. */
  ix->fn_live[entry] = 1;
  uint32_t live = 1, edges = UINT32_MAX;
  for (int rounds = 0; rounds < 64; rounds++) {
    sc_engine_build_edges(p);
    uint32_t now = run_round(&r, entry);
    memcpy(ix->fn_live, r.fn_live, p->nnodes);
    memcpy(ix->var_live, r.var_live, li.nvars);
    if (now == live && p->nedges == edges) break;
    live = now;
    edges = p->nedges;
  }
  for (uint32_t n = 0; n < p->nnodes; n++) p->nodes[n].live = ix->fn_live[n];
  li.var_by_usr = NULL; /* kept in the index for sc_engine_flow_is_live */
  free_index(&li);
  free(r.fn_live);
  free(r.var_live);
  free(r.fn_queue);
  free(r.var_queue);
}

int sc_engine_flow_is_live(const sc_program *p, sc_ref flow) {
  const struct sc_program_index *ix = p->index;
  if (!ix->fn_live) return 1; /* no main: every flow is a way in */
  const sc_flow *fl = &p->tus[flow.tu]->flows[flow.index];
  if (fl->function != SC_NONE) return ix->fn_live[ix->fn_node[flow.tu][fl->function]];
  if (!fl->holder_usr) return 1;
  uint32_t e = sc_strmap_first(ix->var_by_usr, fl->holder_usr);
  return e == UINT32_MAX || ix->var_live[sc_strmap_value(ix->var_by_usr, e)];
}

int sc_engine_caller_is_live(const sc_program *p, sc_ref call) {
  const struct sc_program_index *ix = p->index;
  if (!ix->fn_live) return 1;
  return ix->fn_live[ix->fn_node[call.tu][p->tus[call.tu]->calls[call.index].caller]];
}
