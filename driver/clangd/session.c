/*
 * session.c - the shared state: open documents, requests in flight, the
 * diagnostics clangd published, and merging stallcheck's into them.
 */
#include "session.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "uri.h"

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    log_msg("out of memory");
    abort();
  }
  return q;
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(xrealloc(NULL, n), s, n);
}

double monotonic_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void session_init(session *s) {
  memset(s, 0, sizeof *s);
  pthread_mutex_init(&s->lock, NULL);
  pthread_condattr_t attr;
  pthread_condattr_init(&attr);
  pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
  pthread_cond_init(&s->analysis_wanted, &attr);
  pthread_cond_init(&s->over, NULL);
  pthread_condattr_destroy(&attr);
  s->process.to_clangd = s->process.from_clangd = -1;
  const char *v = getenv("STALLCHECK_CLANGD_VERBOSE");
  s->verbose = v && *v && strcmp(v, "0") != 0;
}

/* ---- documents --------------------------------------------------------- */

open_doc *session_doc(session *s, const char *uri) {
  for (size_t i = 0; i < s->ndocs; i++)
    if (strcmp(s->docs[i].uri, uri) == 0) return &s->docs[i];
  return NULL;
}

open_doc *session_doc_by_path(session *s, const char *path) {
  for (size_t i = 0; i < s->ndocs; i++)
    if (s->docs[i].path && strcmp(s->docs[i].path, path) == 0) return &s->docs[i];
  return NULL;
}

/* stallcheck analyses C: what the editor calls C, and C sources and headers
 * whatever the editor calls them (VS Code calls .h files C++). */
static int is_c(const char *language, const char *path) {
  if (language && strcmp(language, "c") == 0) return 1;
  if (!path) return 0;
  const char *dot = strrchr(path, '.');
  return dot && (strcmp(dot, ".c") == 0 || strcmp(dot, ".h") == 0 || strcmp(dot, ".i") == 0);
}

open_doc *session_open_doc(session *s, const char *uri, const char *language, json_int_t version,
                           const char *text, size_t len) {
  open_doc *doc = session_doc(s, uri);
  if (doc) { /* opened twice: the second open wins, as in clangd */
    free(doc->text);
  } else {
    if (s->ndocs == s->cap_docs) {
      s->cap_docs = s->cap_docs ? 2 * s->cap_docs : 8;
      s->docs = xrealloc(s->docs, s->cap_docs * sizeof *s->docs);
    }
    doc = &s->docs[s->ndocs++];
    memset(doc, 0, sizeof *doc);
    doc->uri = xstrdup(uri);
    doc->path = uri_to_path(uri);
    doc->language = xstrdup(language ? language : "");
  }
  doc->version = version;
  doc->text = xrealloc(NULL, len + 1);
  memcpy(doc->text, text, len);
  doc->text[len] = '\0';
  doc->len = len;
  doc->generation++;
  doc->analyzable = doc->path && is_c(doc->language, doc->path);
  return doc;
}

void session_close_doc(session *s, const char *uri) {
  open_doc *doc = session_doc(s, uri);
  if (!doc) return;
  free(doc->uri);
  free(doc->path);
  free(doc->language);
  free(doc->text);
  json_decref(doc->stallcheck);
  *doc = s->docs[--s->ndocs];
}

void session_schedule(session *s, open_doc *doc) {
  if (!doc->analyzable) return;
  doc->dirty = 1;
  doc->due = monotonic_seconds() + ANALYSIS_DEBOUNCE_SECONDS;
  pthread_cond_signal(&s->analysis_wanted);
}

/* ---- requests in flight ------------------------------------------------ */

/* Forgets the oldest request the editor made (never one of the wrapper's
 * own initialize requests, whose answers it must swallow or learn from). */
static void forget_oldest_pending(session *s) {
  static int logged;
  for (size_t i = 0; i < s->npending; i++) {
    if (s->pending[i].kind == PENDING_INITIALIZE || s->pending[i].kind == PENDING_REINITIALIZE) continue;
    if (!logged++)
      log_msg("more than %d requests in flight: forgetting the oldest (a crash would leave it unanswered)",
              MAX_PENDING);
    pending_request_free(&s->pending[i]);
    memmove(&s->pending[i], &s->pending[i + 1], (s->npending - i - 1) * sizeof *s->pending);
    s->npending--;
    return;
  }
}

void session_add_pending(session *s, json_t *id, pending_kind kind) {
  if (s->npending >= MAX_PENDING) forget_oldest_pending(s);
  if (s->npending == s->cap_pending) {
    s->cap_pending = s->cap_pending ? 2 * s->cap_pending : 16;
    s->pending = xrealloc(s->pending, s->cap_pending * sizeof *s->pending);
  }
  pending_request *p = &s->pending[s->npending++];
  memset(p, 0, sizeof *p);
  p->key = json_dumps(id, JSON_COMPACT | JSON_ENCODE_ANY);
  if (!p->key) p->key = xstrdup("");
  p->id = json_incref(id);
  p->kind = kind;
}

pending_request *session_last_pending(session *s) { return s->npending ? &s->pending[s->npending - 1] : NULL; }

/* The index of the pending request with this id, or -1. */
static long find_pending(session *s, json_t *id) {
  if (!json_is_integer(id) && !json_is_string(id) && !json_is_real(id)) return -1;
  char *key = json_dumps(id, JSON_COMPACT | JSON_ENCODE_ANY);
  if (!key) return -1;
  long found = -1;
  /* Answers mostly come in request order: the oldest first. */
  for (size_t i = 0; i < s->npending && found < 0; i++)
    if (strcmp(s->pending[i].key, key) == 0) found = (long)i;
  free(key);
  return found;
}

int session_take_pending(session *s, json_t *id, pending_request *out) {
  long i = find_pending(s, id);
  if (i < 0) return 0;
  *out = s->pending[i];
  memmove(&s->pending[i], &s->pending[i + 1], (s->npending - (size_t)i - 1) * sizeof *s->pending);
  s->npending--;
  return 1;
}

int session_cancel_pending(session *s, json_t *id) {
  long i = find_pending(s, id);
  if (i < 0) return 0;
  s->pending[i].cancelled = 1;
  return 1;
}

void pending_request_free(pending_request *p) {
  free(p->key);
  json_decref(p->id);
  free(p->uri);
  memset(p, 0, sizeof *p);
}

/* ---- diagnostics ------------------------------------------------------- */

clangd_diags *session_clangd_diags(session *s, const char *path) {
  for (size_t i = 0; i < s->npublished; i++)
    if (strcmp(s->published[i].path, path) == 0) return &s->published[i];
  return NULL;
}

void session_set_clangd_diags(session *s, const char *path, json_t *params) {
  clangd_diags *d = session_clangd_diags(s, path);
  if (!d) {
    if (s->npublished == s->cap_published) {
      s->cap_published = s->cap_published ? 2 * s->cap_published : 8;
      s->published = xrealloc(s->published, s->cap_published * sizeof *s->published);
    }
    d = &s->published[s->npublished++];
    d->path = xstrdup(path);
    d->params = NULL;
  }
  json_decref(d->params);
  d->params = json_incref(params);
}

void session_forget_clangd_diags(session *s) {
  for (size_t i = 0; i < s->npublished; i++) {
    free(s->published[i].path);
    json_decref(s->published[i].params);
  }
  s->npublished = 0;
}

int session_send_editor(session *s, json_t *message) {
  char *body = json_dumps(message, JSON_COMPACT);
  if (!body) return -1;
  int rc = lsp_write_body(&s->editor, body, strlen(body));
  free(body);
  return rc;
}

void session_publish_merged(session *s, open_doc *doc) {
  clangd_diags *from_clangd = doc->path ? session_clangd_diags(s, doc->path) : NULL;
  json_t *params = from_clangd ? json_copy(from_clangd->params) : json_pack("{s:s}", "uri", doc->uri);
  json_t *merged = json_array();
  if (from_clangd) {
    json_t *theirs = json_object_get(from_clangd->params, "diagnostics");
    if (json_is_array(theirs)) json_array_extend(merged, theirs);
  }
  if (doc->stallcheck) json_array_extend(merged, doc->stallcheck);
  json_object_set_new(params, "diagnostics", merged);
  json_t *message = json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", "textDocument/publishDiagnostics",
                              "params", params);
  if (message) session_send_editor(s, message);
  json_decref(message);
}
