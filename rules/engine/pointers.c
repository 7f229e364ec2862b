/*
 * pointers.c - which functions a call through a pointer can reach.
 *
 * A function's address is followed only where it provably flows: into a
 * variable, into a struct field (matched by record and field name, which is
 * how handler tables and watcher structs are used), or into a parameter of a
 * function the program defines (through every direct call of that function
 * and every call through a pointer that reached it when the edges were last
 * built, transitively when the caller forwards its own parameter).  A pointer whose
 * value cannot be traced resolves to nothing: precision before recall.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/engine_internal.h"

void sc_targets_push(sc_targets *t, uint32_t node, sc_loc loc) {
  for (uint32_t i = 0; i < t->count; i++)
    if (t->items[i].node == node) return;
  if (t->count == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 4;
    t->items = sc_xrealloc(t->items, t->cap * sizeof *t->items);
  }
  t->items[t->count].node = node;
  t->items[t->count].loc = loc;
  t->count++;
}

void sc_targets_free(sc_targets *t) {
  free(t->items);
  memset(t, 0, sizeof *t);
}

static void push_all(sc_targets *out, const sc_targets *in) {
  if (!in) return;
  for (uint32_t i = 0; i < in->count; i++) sc_targets_push(out, in->items[i].node, in->items[i].loc);
}

static void values_of_key(sc_program *p, sc_strmap *map, const char *key, sc_targets *out);

void sc_engine_arg_values(sc_program *p, sc_ref call, const sc_arg *arg, sc_targets *out) {
  const sc_facts *f = p->tus[call.tu];
  const sc_call *c = &f->calls[call.index];
  switch (arg->kind) {
  case SC_ARG_FUNC:
    if (arg->usr) {
      uint32_t n = sc_program_node(p, arg->usr);
      if (n != SC_NONE) sc_targets_push(out, n, c->loc);
    }
    break;
  case SC_ARG_PARAM:
    push_all(out, sc_engine_param_targets(p, p->index->fn_node[call.tu][c->caller], arg->param));
    break;
  case SC_ARG_VAR:
  case SC_ARG_FIELD: {
    /* Values read from a table or a struct of handlers were handed over
     * here, at this call: that is the place to show. */
    uint32_t first = out->count;
    if (arg->kind == SC_ARG_VAR && arg->usr) values_of_key(p, p->index->flows_by_var, arg->usr, out);
    if (arg->kind == SC_ARG_FIELD && arg->record && arg->name)
      values_of_key(p, p->index->flows_by_field, sc_engine_field_key(p, arg->record, arg->name), out);
    for (uint32_t i = first; i < out->count; i++) out->items[i].loc = c->loc;
    break;
  }
  default:
    break;
  }
}

const sc_targets *sc_engine_param_targets(sc_program *p, uint32_t node, uint32_t param) {
  struct sc_program_index *ix = p->index;
  if (node == SC_NONE || param >= ix->node_nparams[node]) return NULL;
  if (!ix->param_memo[node]) ix->param_memo[node] = sc_xcalloc(ix->node_nparams[node], sizeof(sc_param_memo));
  sc_param_memo *m = &ix->param_memo[node][param];
  if (m->state) return &m->targets; /* done, or a cycle: what we have so far */
  m->state = 1;
  sc_targets found = {0};
  for (uint32_t e = sc_strmap_first(ix->calls_by_callee, p->nodes[node].usr); e != UINT32_MAX;
       e = sc_strmap_next(ix->calls_by_callee, e)) {
    sc_ref call = ix->calls[sc_strmap_value(ix->calls_by_callee, e)];
    const sc_call *c = &p->tus[call.tu]->calls[call.index];
    const sc_arg *arg = sc_call_arg(p->tus[call.tu], c, param);
    /* A field read passed on to a parameter is left out: fields are resolved
     * by record and field name, program-wide, and through a wrapper such as
     * Lua's lua_pushcclosure that would make every function ever stored in
     * any luaL_Reg.func a value of every call through a closure. */
    if (arg && arg->kind != SC_ARG_FIELD && sc_engine_caller_is_live(p, call)) sc_engine_arg_values(p, call, arg, &found);
  }
  /* Calls through a pointer that reached this function last time the edges
   * were built, the same way. */
  for (uint32_t i = 0; ix->indirect_first && i < ix->indirect_count[node]; i++) {
    sc_ref call = ix->indirect_callers[ix->indirect_first[node] + i];
    const sc_call *c = &p->tus[call.tu]->calls[call.index];
    const sc_arg *arg = sc_call_arg(p->tus[call.tu], c, param);
    if (arg && arg->kind != SC_ARG_FIELD && sc_engine_caller_is_live(p, call)) sc_engine_arg_values(p, call, arg, &found);
  }
  /* param_memo may have moved while recursing? No: it is allocated once per
   * node; only the targets vector is replaced here. */
  m = &ix->param_memo[node][param];
  sc_targets_free(&m->targets);
  m->targets = found;
  m->state = 2;
  return &m->targets;
}

void sc_engine_flow_values(sc_program *p, sc_ref flow, sc_targets *out) {
  const sc_flow *fl = &p->tus[flow.tu]->flows[flow.index];
  if (fl->fn_usr) {
    uint32_t n = sc_program_node(p, fl->fn_usr);
    if (n != SC_NONE) sc_targets_push(out, n, fl->loc);
  } else if (fl->function != SC_NONE) {
    uint32_t holder = p->index->fn_node[flow.tu][fl->function];
    push_all(out, sc_engine_param_targets(p, holder, fl->src_param));
  }
}

static void values_of_key(sc_program *p, sc_strmap *map, const char *key, sc_targets *out) {
  for (uint32_t e = sc_strmap_first(map, key); e != UINT32_MAX; e = sc_strmap_next(map, e)) {
    sc_ref flow = p->index->flows[sc_strmap_value(map, e)];
    if (sc_engine_flow_is_live(p, flow)) sc_engine_flow_values(p, flow, out);
  }
}

void sc_engine_resolve_call(sc_program *p, sc_ref call, sc_targets *out) {
  const sc_call *c = &p->tus[call.tu]->calls[call.index];
  switch (c->callee_kind) {
  case SC_CALLEE_VAR:
    if (c->callee_usr) values_of_key(p, p->index->flows_by_var, c->callee_usr, out);
    break;
  case SC_CALLEE_FIELD:
    if (c->callee_name)
      values_of_key(p, p->index->flows_by_field, sc_engine_field_key(p, c->record, c->callee_name), out);
    break;
  case SC_CALLEE_PARAM:
    push_all(out, sc_engine_param_targets(p, p->index->fn_node[call.tu][c->caller], c->param));
    break;
  default:
    break;
  }
}

static int edge_cmp(const void *a, const void *b) {
  const sc_edge *x = a, *y = b;
  if (x->from != y->from) return x->from < y->from ? -1 : 1;
  if (x->call.tu != y->call.tu) return x->call.tu < y->call.tu ? -1 : 1;
  if (x->call.index != y->call.index) return x->call.index < y->call.index ? -1 : 1;
  return x->to < y->to ? -1 : x->to > y->to;
}

/* Forgets what the parameters held: the live code changed. */
static void reset_param_memo(sc_program *p) {
  struct sc_program_index *ix = p->index;
  for (uint32_t n = 0; n < p->nnodes; n++) {
    if (!ix->param_memo[n]) continue;
    for (uint32_t i = 0; i < ix->node_nparams[n]; i++) sc_targets_free(&ix->param_memo[n][i].targets);
    free(ix->param_memo[n]);
    ix->param_memo[n] = NULL;
  }
}

/* Keeps the calls through a pointer of the edges built last, by callee,
 * for the parameters of the next build. */
static void remember_indirect_callers(sc_program *p) {
  struct sc_program_index *ix = p->index;
  free(ix->indirect_first);
  free(ix->indirect_count);
  free(ix->indirect_callers);
  ix->indirect_first = sc_xcalloc(p->nnodes + 1, sizeof(uint32_t));
  ix->indirect_count = sc_xcalloc(p->nnodes + 1, sizeof(uint32_t));
  uint32_t total = 0;
  for (uint32_t e = 0; e < p->nedges; e++)
    if (p->edges[e].indirect) ix->indirect_count[p->edges[e].to]++, total++;
  for (uint32_t n = 0, acc = 0; n < p->nnodes; n++) {
    ix->indirect_first[n] = acc;
    acc += ix->indirect_count[n];
    ix->indirect_count[n] = 0;
  }
  ix->indirect_callers = sc_xcalloc(total + 1, sizeof(sc_ref));
  for (uint32_t e = 0; e < p->nedges; e++) {
    uint32_t to = p->edges[e].to;
    if (p->edges[e].indirect) ix->indirect_callers[ix->indirect_first[to] + ix->indirect_count[to]++] = p->edges[e].call;
  }
}

void sc_engine_build_edges(sc_program *p) {
  struct sc_program_index *ix = p->index;
  uint32_t cap = 0;
  reset_param_memo(p);
  if (p->edges) remember_indirect_callers(p);
  free(p->edges);
  p->edges = NULL;
  p->nedges = 0;
  sc_targets tmp = {0};
  for (uint32_t n = 0; n < p->nnodes; n++) {
    for (uint32_t k = 0; k < ix->node_calls_count[n]; k++) {
      sc_ref call = ix->node_calls[ix->node_calls_first[n] + k];
      const sc_call *c = &p->tus[call.tu]->calls[call.index];
      tmp.count = 0;
      uint32_t indirect = 0;
      if (c->callee_kind == SC_CALLEE_DIRECT) {
        uint32_t to = sc_engine_callee_node(p, c);
        if (to != SC_NONE) sc_targets_push(&tmp, to, c->loc);
      } else {
        sc_engine_resolve_call(p, call, &tmp);
        indirect = 1;
      }
      for (uint32_t i = 0; i < tmp.count; i++) {
        if (p->nedges == cap) {
          cap = cap ? cap * 2 : 1024;
          p->edges = sc_xrealloc(p->edges, cap * sizeof *p->edges);
        }
        sc_edge *e = &p->edges[p->nedges++];
        e->from = n;
        e->to = tmp.items[i].node;
        e->call = call;
        e->indirect = indirect;
      }
    }
  }
  sc_targets_free(&tmp);
  if (p->nedges) qsort(p->edges, p->nedges, sizeof *p->edges, edge_cmp); /* qsort(NULL, 0) is undefined */
  for (uint32_t n = 0; n < p->nnodes; n++) p->nodes[n].nout = 0;
  for (uint32_t e = p->nedges; e-- > 0;) {
    p->nodes[p->edges[e].from].first_out = e;
    p->nodes[p->edges[e].from].nout++;
  }
}
