/*
 * blocking_call_in_event_loop.c - rule `blocking-call-in-event-loop`.
 *
 * A call that waits (sleep, disk, DNS, a child process, a lock, a synchronous
 * network client) reachable on an event-loop thread stops every other
 * callback of that loop for as long as it waits.  Reported at the call, with
 * the registration and the shortest call path as notes and the catalog's
 * remedy: the library's async API when there is one, else the loop's thread
 * adaptor.
 */
#include <stdlib.h>

#include "checks/checks.h"

void sc_check_blocking_call_in_event_loop(const sc_program *p, const sc_rule *rule, sc_level level,
                                          sc_findings *out) {
  for (uint32_t t = 0; t < p->ntus; t++) {
    for (uint32_t i = 0; i < p->tus[t]->ncalls; i++) {
      sc_ref call = {t, i};
      uint32_t root;
      if (!sc_program_call_in_ctx(p, call, SC_CTX_LOOP, &root)) continue;
      const sc_api *api = sc_check_match_api(p, call, SC_API_BLOCKING);
      if (!api) continue;
      const sc_call *c = sc_program_call(p, call);
      /* fgets(line, n, stdin) right in an EV_READ callback on stdin reads
       * what the loop just reported ready. */
      const sc_root *r = &p->roots[root];
      if ((api->flags & SC_APIF_STREAM_READ) && r->kind == SC_ROOT_REGISTRATION && sc_check_call_node(p, call) == r->node &&
          sc_catalog_is_readiness_registration(r->registrar, p->tus[r->site.tu],
                                               r->field ? NULL : sc_program_call(p, r->site)))
        continue;
      char *loop = sc_check_loop_name(p, root);
      sc_finding *f = sc_findings_add(out, rule, level, c->loc,
                                      sc_strdupf("'%s' blocks the %s: it %s", c->callee_name, loop, api->why),
                                      sc_catalog_remedy(api, p->roots[root].library));
      free(loop);
      f->function = p->tus[t]->functions[c->caller].name;
      f->callee = c->callee_name;
      f->root = p->nodes[p->roots[root].node].name;
      sc_program_explain(p, call, SC_CTX_LOOP, root, f);
    }
  }
}
