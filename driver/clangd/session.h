/*
 * session.h - what the wrapper knows about the LSP session, shared by its
 * three threads: the editor relay (editor -> clangd), the server relay
 * (clangd -> editor, restarts clangd) and the analysis worker.
 *
 * Locks, always taken in this order (never the other way round):
 *   clangd.lock  - the pipe to clangd, and which clangd process it is
 *   lock         - everything else in this struct
 *   editor.lock  - the stream to the editor (innermost; held only to write)
 * Holding `lock` while publishing diagnostics keeps publications in the
 * order of the state they were built from.  Analysis itself runs unlocked.
 */
#ifndef STALLCHECK_CLANGD_SESSION_H
#define STALLCHECK_CLANGD_SESSION_H

#include <jansson.h>
#include <pthread.h>

#include "clangd_process.h"
#include "lsp_framing.h"
#include "text_document.h"

/* A document open in the editor. */
typedef struct open_doc {
  char *uri;                /* as the editor spelled it */
  char *path;               /* decoded file path; NULL for non-file URIs */
  char *language;
  json_int_t version;
  char *text;
  size_t len;
  unsigned long generation; /* bumped by every change */
  int analyzable;           /* C: stallcheck analyses it */
  int dirty;                /* an analysis is wanted ... */
  double due;               /* ... once the edits have been quiet until then */
  json_t *stallcheck;       /* our diagnostics for it (array), NULL before any */
} open_doc;

/* The last diagnostics clangd published for a file. */
typedef struct clangd_diags {
  char *path;
  json_t *params;           /* clangd's publishDiagnostics params */
} clangd_diags;

typedef enum pending_kind { PENDING_PLAIN = 0, PENDING_CODE_ACTION, PENDING_INITIALIZE, PENDING_REINITIALIZE } pending_kind;

/* A request sent to clangd that it has not answered yet. */
typedef struct pending_request {
  char *key;                /* the id, as compact JSON */
  json_t *id;
  pending_kind kind;
  int cancelled;            /* the editor sent $/cancelRequest for it */
  char *uri;                /* codeAction: the document and line range */
  json_int_t first_line, last_line;
} pending_request;

typedef struct session {
  pthread_mutex_t lock;
  pthread_cond_t analysis_wanted;

  lsp_writer editor;
  lsp_writer clangd;        /* its lock also guards `process` */
  clangd_process process;
  char *clangd_path;
  char **clangd_argv;
  const char *compile_commands_dir; /* clangd's --compile-commands-dir, if given */

  open_doc *docs;
  size_t ndocs, cap_docs;
  clangd_diags *published;
  size_t npublished, cap_published;
  pending_request *pending;
  size_t npending, cap_pending;

  json_t *initialize;       /* the editor's initialize request, for replays */
  int initialized;          /* the editor sent `initialized` */
  int shutdown_requested;   /* `shutdown` or `exit` seen, or the editor went away: */
  int exit_requested;       /*   clangd exiting is then not a crash */
  int editor_gone;
  int clangd_given_up;      /* crashed too often: the wrapper serves alone */
  pthread_cond_t over;      /* signalled when exit_requested or editor_gone is set */
  lsp_encoding encoding;    /* the position encoding clangd chose */
  unsigned restarts;
  int verbose;
} session;

void session_init(session *s);

/* All of these need s->lock held. */
open_doc *session_doc(session *s, const char *uri);
open_doc *session_doc_by_path(session *s, const char *path);
open_doc *session_open_doc(session *s, const char *uri, const char *language, json_int_t version,
                           const char *text, size_t len);
void session_close_doc(session *s, const char *uri);
/* Marks the document for analysis once edits have been quiet for the debounce. */
void session_schedule(session *s, open_doc *doc);

/* Requests clangd owes an answer are remembered so that a crash can answer
 * them.  clangd answers every request, cancelled ones included, so the table
 * only grows with an editor that floods clangd faster than it answers; past
 * MAX_PENDING the oldest entry is forgotten (its answer, if it comes, still
 * passes through; only a crash before then leaves it unanswered). */
#define MAX_PENDING 4096
void session_add_pending(session *s, json_t *id, pending_kind kind);
pending_request *session_last_pending(session *s);
/* Removes and returns the request with this id (caller frees it), or 0. */
int session_take_pending(session *s, json_t *id, pending_request *out);
/* Marks the request with this id cancelled; returns 1 if it was pending. */
int session_cancel_pending(session *s, json_t *id);
void pending_request_free(pending_request *p);

/* Remembers clangd's publication (params is borrowed, a reference is kept). */
void session_set_clangd_diags(session *s, const char *path, json_t *params);
clangd_diags *session_clangd_diags(session *s, const char *path);

/* Forgets every diagnostic clangd published (a dead clangd's are stale). */
void session_forget_clangd_diags(session *s);

/* Publishes clangd's last diagnostics for the document plus stallcheck's. */
void session_publish_merged(session *s, open_doc *doc);

/* Writes a JSON message to the editor (takes editor.lock). */
int session_send_editor(session *s, json_t *message);

double monotonic_seconds(void);

/* How long edits must be quiet before an analysis starts. */
#define ANALYSIS_DEBOUNCE_SECONDS 0.2

#endif
