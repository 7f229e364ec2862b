/*
 * link.c - linking the facts of every translation unit by USR.
 *
 * A function defined in several TUs (a static inline in a header) becomes one
 * node: the first definition wins, so results do not depend on which TU
 * happened to be parsed first beyond the compile database's order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine_internal.h"

void *sc_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) {
    fputs("stallcheck: out of memory\n", stderr);
    abort();
  }
  return p;
}

void *sc_xrealloc(void *ptr, size_t size) {
  void *p = realloc(ptr, size ? size : 1);
  if (!p) {
    fputs("stallcheck: out of memory\n", stderr);
    abort();
  }
  return p;
}

const char *sc_engine_field_key(sc_program *p, const char *record, const char *field) {
  char buf[512];
  int n = snprintf(buf, sizeof buf, "%s\x1f%s", record ? record : "", field ? field : "");
  if (n < 0) n = 0;
  if ((size_t)n >= sizeof buf) n = sizeof buf - 1;
  return sc_arena_intern(p->index->arena, buf, (size_t)n);
}

uint32_t sc_program_node(const sc_program *p, const char *usr) {
  uint32_t e = sc_strmap_first(p->index->node_by_usr, usr);
  return e == UINT32_MAX ? SC_NONE : sc_strmap_value(p->index->node_by_usr, e);
}

int sc_program_defines_name(const sc_program *p, const char *name) {
  return name && sc_strmap_first(p->index->node_by_name, name) != UINT32_MAX;
}

uint32_t sc_engine_callee_node(const sc_program *p, const sc_call *call) {
  if (call->callee_kind != SC_CALLEE_DIRECT || !call->callee_usr) return SC_NONE;
  return sc_program_node(p, call->callee_usr);
}

static void add_node(sc_program *p, uint32_t *cap, uint32_t tu, uint32_t fn) {
  const sc_function *f = &p->tus[tu]->functions[fn];
  uint32_t existing = sc_program_node(p, f->usr);
  if (existing != SC_NONE) {
    p->index->fn_node[tu][fn] = existing;
    return;
  }
  if (p->nnodes == *cap) {
    *cap = *cap ? *cap * 2 : 256;
    p->nodes = sc_xrealloc(p->nodes, *cap * sizeof *p->nodes);
  }
  uint32_t n = p->nnodes++;
  sc_node *node = &p->nodes[n];
  memset(node, 0, sizeof *node);
  node->usr = f->usr;
  node->name = f->name;
  node->def.tu = tu;
  node->def.index = fn;
  sc_strmap_add(p->index->node_by_usr, f->usr, n);
  sc_strmap_add(p->index->node_by_name, f->name, n);
  p->index->fn_node[tu][fn] = n;
  if (strcmp(f->name, "main") == 0 && f->linkage == SC_LINKAGE_EXTERNAL) p->has_main = 1;
}

/* Calls of each node's body, grouped by node (only the defining TU's copy of
 * a function counts, so a header's inline function is walked once). */
static void group_calls(sc_program *p) {
  struct sc_program_index *ix = p->index;
  uint32_t total = 0;
  ix->node_calls_first = sc_xcalloc(p->nnodes + 1, sizeof(uint32_t));
  ix->node_calls_count = sc_xcalloc(p->nnodes + 1, sizeof(uint32_t));
  for (uint32_t t = 0; t < p->ntus; t++)
    for (uint32_t c = 0; c < p->tus[t]->ncalls; c++) {
      uint32_t caller = p->tus[t]->calls[c].caller;
      uint32_t n = ix->fn_node[t][caller];
      if (p->nodes[n].def.tu != t) continue;
      ix->node_calls_count[n]++;
      total++;
    }
  for (uint32_t n = 0, acc = 0; n < p->nnodes; n++) {
    ix->node_calls_first[n] = acc;
    acc += ix->node_calls_count[n];
    ix->node_calls_count[n] = 0;
  }
  ix->node_calls = sc_xcalloc(total, sizeof(sc_ref));
  for (uint32_t t = 0; t < p->ntus; t++)
    for (uint32_t c = 0; c < p->tus[t]->ncalls; c++) {
      uint32_t n = ix->fn_node[t][p->tus[t]->calls[c].caller];
      if (p->nodes[n].def.tu != t) continue;
      sc_ref r = {t, c};
      ix->node_calls[ix->node_calls_first[n] + ix->node_calls_count[n]++] = r;
    }
}

static void index_flows_and_calls(sc_program *p) {
  struct sc_program_index *ix = p->index;
  uint32_t nflows = 0, ncalls = 0;
  for (uint32_t t = 0; t < p->ntus; t++) {
    nflows += p->tus[t]->nflows;
    ncalls += p->tus[t]->ncalls;
  }
  ix->flows = sc_xcalloc(nflows, sizeof(sc_ref));
  ix->calls = sc_xcalloc(ncalls, sizeof(sc_ref));
  for (uint32_t t = 0; t < p->ntus; t++) {
    const sc_facts *f = p->tus[t];
    for (uint32_t i = 0; i < f->nflows; i++) {
      const sc_flow *fl = &f->flows[i];
      /* A flow inside a duplicate copy of a header function would be seen twice. */
      if (fl->function != SC_NONE && p->nodes[ix->fn_node[t][fl->function]].def.tu != t) continue;
      sc_ref r = {t, i};
      uint32_t h = ix->nflows++;
      ix->flows[h] = r;
      if (fl->kind == SC_FLOW_VAR && fl->var_usr)
        sc_strmap_add(ix->flows_by_var, fl->var_usr, h);
      else if (fl->kind == SC_FLOW_FIELD && fl->field)
        sc_strmap_add(ix->flows_by_field, sc_engine_field_key(p, fl->record, fl->field), h);
    }
    for (uint32_t i = 0; i < f->ncalls; i++) {
      const sc_call *c = &f->calls[i];
      if (p->nodes[ix->fn_node[t][c->caller]].def.tu != t) continue;
      if (c->callee_kind != SC_CALLEE_DIRECT || !c->callee_usr) continue;
      sc_ref r = {t, i};
      uint32_t h = ix->ncalls++;
      ix->calls[h] = r;
      sc_strmap_add(ix->calls_by_callee, c->callee_usr, h);
    }
  }
}

sc_program *sc_program_link(sc_facts **tus, uint32_t ntus) {
  sc_program *p = sc_xcalloc(1, sizeof *p);
  struct sc_program_index *ix = sc_xcalloc(1, sizeof *ix);
  p->index = ix;
  p->tus = tus;
  p->ntus = ntus;
  ix->arena = sc_arena_new();
  ix->node_by_usr = sc_strmap_new();
  ix->node_by_name = sc_strmap_new();
  ix->flows_by_var = sc_strmap_new();
  ix->flows_by_field = sc_strmap_new();
  ix->calls_by_callee = sc_strmap_new();
  ix->fn_node = sc_xcalloc(ntus, sizeof *ix->fn_node);
  ix->loop_root = sc_xcalloc(ntus, sizeof *ix->loop_root);

  uint32_t cap = 0;
  for (uint32_t t = 0; t < ntus; t++) {
    ix->fn_node[t] = sc_xcalloc(tus[t]->nfunctions, sizeof(uint32_t));
    ix->loop_root[t] = sc_xcalloc(tus[t]->nloops, sizeof(uint32_t));
    for (uint32_t l = 0; l < tus[t]->nloops; l++) ix->loop_root[t][l] = SC_NONE;
    for (uint32_t fn = 0; fn < tus[t]->nfunctions; fn++) add_node(p, &cap, t, fn);
  }
  ix->node_nparams = sc_xcalloc(p->nnodes, sizeof(uint32_t));
  ix->param_memo = sc_xcalloc(p->nnodes, sizeof *ix->param_memo);
  for (uint32_t n = 0; n < p->nnodes; n++)
    ix->node_nparams[n] = p->tus[p->nodes[n].def.tu]->functions[p->nodes[n].def.index].nparams;
  group_calls(p);
  index_flows_and_calls(p);
  return p;
}

void sc_program_free(sc_program *p) {
  if (!p) return;
  struct sc_program_index *ix = p->index;
  for (uint32_t t = 0; t < p->ntus; t++) {
    free(ix->fn_node[t]);
    free(ix->loop_root[t]);
  }
  for (uint32_t n = 0; n < p->nnodes; n++) {
    if (!ix->param_memo[n]) continue;
    for (uint32_t i = 0; i < ix->node_nparams[n]; i++) sc_targets_free(&ix->param_memo[n][i].targets);
    free(ix->param_memo[n]);
  }
  free(ix->param_memo);
  free(ix->node_nparams);
  free(ix->indirect_first);
  free(ix->indirect_count);
  free(ix->indirect_callers);
  free(ix->fn_live);
  free(ix->var_live);
  if (ix->var_by_usr) sc_strmap_free(ix->var_by_usr);
  free(ix->fn_node);
  free(ix->loop_root);
  free(ix->node_calls_first);
  free(ix->node_calls_count);
  free(ix->node_calls);
  free(ix->flows);
  free(ix->calls);
  sc_strmap_free(ix->node_by_usr);
  sc_strmap_free(ix->node_by_name);
  sc_strmap_free(ix->flows_by_var);
  sc_strmap_free(ix->flows_by_field);
  sc_strmap_free(ix->calls_by_callee);
  sc_arena_free(ix->arena);
  free(ix);
  for (int c = 0; c < SC_CTX_COUNT; c++) free(p->reach[c]);
  free(p->kernel_params);
  free(p->nodes);
  free(p->edges);
  free(p->roots);
  free(p);
}

int sc_program_calls_name(const sc_program *p, const char *name) {
  for (uint32_t t = 0; t < p->ntus; t++)
    for (uint32_t i = 0; i < p->tus[t]->ncalls; i++) {
      const sc_call *c = &p->tus[t]->calls[i];
      if (c->callee_kind == SC_CALLEE_DIRECT && c->callee_name && !strcmp(c->callee_name, name)) return 1;
    }
  return 0;
}
