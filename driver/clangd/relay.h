/*
 * relay.h - the three threads of the wrapper.
 */
#ifndef STALLCHECK_CLANGD_RELAY_H
#define STALLCHECK_CLANGD_RELAY_H

#include "session.h"

/* LSP's RequestFailed: "the method name was known and the parameters were
 * valid" but the request failed - here, because the server died under it. */
#define LSP_REQUEST_FAILED (-32803)
/* LSP's RequestCancelled: the answer a cancelled request gets. */
#define LSP_REQUEST_CANCELLED (-32800)

/* clangd crashes this often within RESTART_WINDOW seconds: it cannot run
 * here (a bad flag, a crash at start-up, a file that crashes it at every
 * parse); stop restarting it. */
#define MAX_RESTARTS 5
#define RESTART_WINDOW 60.0

/* The error messages of requests a crash left unanswered. */
#define CLANGD_CRASHED_MESSAGE "clangd crashed; stallcheck-clangd restarted it"
#define CLANGD_GIVEN_UP_MESSAGE                                                                                  \
  "clangd crashed too often; stallcheck-clangd stopped restarting it (restart the language server to get "     \
  "clangd back)"

/* Editor -> clangd: reads standard input until the editor goes away. */
void *editor_relay_main(void *session);

/* clangd -> editor, restarting clangd when it dies.  Returns when the session
 * is over, with the exit status the wrapper should have. */
int server_relay_run(session *s);

/* The analysis worker. */
void *analysis_main(void *session);

/* Writes what a fresh clangd must see to be where the dead one was: the
 * editor's initialize request (under an id of ours, its answer swallowed),
 * `initialized`, and didOpen of every open document.  Needs clangd.lock and
 * lock held. */
void replay_session(session *s);

#endif
