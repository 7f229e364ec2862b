/*
 * param_values.c - what every caller passes for a parameter.
 *
 * connman's read_conf_value(prefix, ifname, suffix) joins its path with
 * g_build_filename and opens it; each of its callers passes the literal
 * "/proc/sys/net/ipv4/conf" or "/proc/sys/net/ipv6/conf" as `prefix`.  The
 * open reads procfs, which the kernel answers from memory, but the call
 * alone does not say so.  Here the whole program does: a parameter holds a
 * kernel path when the function never writes it, every call that reaches
 * the function is a direct call the program makes, and each passes a kernel
 * path there (a literal, a buffer filled from a literal format, or its own
 * parameter that holds one).  A function may also write the parameter once,
 * at the top, to put a kernel path in place of NULL (connman's
 * get_nfs_server_ip: `if (!cmdline_file) cmdline_file = "/proc/cmdline";`):
 * then a caller may pass NULL there too.
 *
 * The greatest fixpoint: every candidate starts in, and a caller that passes
 * something else takes it out, until nothing changes.  A bit only ever goes
 * out, so the loop ends; recursion keeps what every outside caller passes.
 */
#include <stdlib.h>

#include "engine/engine_internal.h"

/* Parameters a caller the program does not show may fill: the function's
 * address is taken (a callback, a table of handlers), or it is the entry. */
static void drop_unknown_callers(const sc_program *p, uint32_t *kernel) {
  for (uint32_t t = 0; t < p->ntus; t++) {
    const sc_facts *f = p->tus[t];
    for (uint32_t i = 0; i < f->nflows; i++) {
      uint32_t n = f->flows[i].fn_usr ? sc_program_node(p, f->flows[i].fn_usr) : SC_NONE;
      if (n != SC_NONE) kernel[n] = 0;
    }
  }
  for (uint32_t r = 0; r < p->nroots; r++)
    if (p->roots[r].kind == SC_ROOT_REGISTRATION) kernel[p->roots[r].node] = 0;
}

void sc_engine_compute_param_values(sc_program *p) {
  uint32_t *kernel = sc_xcalloc(p->nnodes ? p->nnodes : 1, sizeof(uint32_t));
  uint8_t *called = sc_xcalloc(p->nnodes ? p->nnodes : 1, 1);
  for (uint32_t e = 0; e < p->nedges; e++) called[p->edges[e].to] |= p->edges[e].indirect ? 2 : 1;
  for (uint32_t n = 0; n < p->nnodes; n++) {
    const sc_function *fn = &p->tus[p->nodes[n].def.tu]->functions[p->nodes[n].def.index];
    uint32_t all = fn->nparams >= 31 ? 0x7fffffffu : (1u << fn->nparams) - 1;
    /* Only functions the program calls directly, and nothing else: a
     * static function, or an exported one of a whole program (a main and
     * the other translation units; the plugin sees one TU, and a library
     * is called from outside). */
    int seen_whole = fn->linkage == SC_LINKAGE_INTERNAL || (p->has_main && p->ntus > 1);
    uint32_t unwritten = ~fn->params_written | fn->params_kernel_default;
    kernel[n] = called[n] == 1 && seen_whole && !(fn->flags & SC_FN_VARIADIC) ? all & unwritten : 0;
  }
  free(called);
  drop_unknown_callers(p, kernel);
  for (int changed = 1; changed;) {
    changed = 0;
    for (uint32_t e = 0; e < p->nedges; e++) {
      const sc_edge *edge = &p->edges[e];
      uint32_t want = kernel[edge->to];
      if (!want) continue;
      const sc_facts *f = p->tus[edge->call.tu];
      const sc_call *c = &f->calls[edge->call.index];
      const sc_function *to = &p->tus[p->nodes[edge->to].def.tu]->functions[p->nodes[edge->to].def.index];
      for (uint32_t k = 0; k < 31; k++) {
        if (!(want & (1u << k))) continue;
        if (sc_catalog_arg_names_kernel_file(f, c, k, kernel[edge->from])) continue;
        /* NULL where the callee puts a kernel path in its place. */
        const sc_arg *a = sc_call_arg(f, c, k);
        if ((to->params_kernel_default & (1u << k)) && a && (a->kind == SC_ARG_NULL || (a->kind == SC_ARG_INT && !a->ival)))
          continue;
        kernel[edge->to] &= ~(1u << k);
        changed = 1;
      }
    }
  }
  free(p->kernel_params);
  p->kernel_params = kernel;
}

uint32_t sc_program_kernel_params(const sc_program *p, uint32_t tu, uint32_t function) {
  if (!p->kernel_params) return 0;
  uint32_t node = p->index->fn_node[tu][function];
  return p->nodes[node].def.tu == tu ? p->kernel_params[node] : 0;
}
