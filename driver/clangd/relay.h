/*
 * relay.h - the three threads of the wrapper.
 */
#ifndef STALLCHECK_CLANGD_RELAY_H
#define STALLCHECK_CLANGD_RELAY_H

#include "session.h"

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
