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
#include <string.h>

#include "checks/checks.h"

/* fgets(line, n, stdin) right in an EV_READ callback on stdin reads what
 * the loop just reported ready. */
static int reads_what_is_ready(const sc_program *p, const sc_api_call *c) {
  const sc_root *r = &p->roots[c->root];
  return (c->api->flags & SC_APIF_STREAM_READ) && r->kind == SC_ROOT_REGISTRATION &&
         sc_check_call_node(p, c->ref) == r->node &&
         sc_catalog_is_readiness_registration(r->registrar, p->tus[r->site.tu],
                                              r->field ? NULL : sc_program_call(p, r->site));
}

/* A function the configuration says runs the loop ("loops") waits for
 * events in its own body, however it does: that wait is the loop's. */
static int is_the_loops_own_wait(const sc_program *p, const sc_api_call *c) {
  const sc_root *r = &p->roots[c->root];
  return r->what && !strcmp(r->what, "loop-run function") && sc_check_call_node(p, c->ref) == r->node;
}

static char *message(const sc_program *p, const sc_api_call *c, void *ctx) {
  (void)ctx;
  if (reads_what_is_ready(p, c) || is_the_loops_own_wait(p, c)) return NULL;
  char *loop = sc_check_loop_name(p, c->root);
  char *text = sc_strdupf("'%s' blocks the %s: it %s", c->call->callee_name, loop, c->api->why);
  free(loop);
  return text;
}

void sc_check_blocking_call_in_event_loop(const sc_program *p, const sc_rule *rule, sc_level level,
                                          sc_findings *out) {
  sc_check_api_calls(p, rule, level, SC_CTX_LOOP, SC_API_BLOCKING, message, NULL, NULL, out);
}
