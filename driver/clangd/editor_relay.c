/*
 * editor_relay.c - the thread reading the editor's messages: it follows the
 * documents (so that stallcheck analyses what the editor shows, and so that a
 * restarted clangd can be given them again), remembers the requests clangd
 * owes an answer, and passes every message on to clangd unchanged.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "code_actions.h"
#include "log.h"
#include "relay.h"
#include "uri.h"

static const char *string_at(json_t *obj, const char *key) { return json_string_value(json_object_get(obj, key)); }

static json_t *text_document(json_t *params) { return json_object_get(params, "textDocument"); }

/* Applies one contentChanges entry.  Returns 0, or -1 if it is malformed. */
static int apply_change(session *s, open_doc *doc, json_t *change) {
  json_t *text = json_object_get(change, "text");
  if (!json_is_string(text)) return -1;
  const char *with = json_string_value(text);
  size_t n = json_string_length(text);
  json_t *range = json_object_get(change, "range");
  if (!range) {
    /* Full sync: the whole text. */
    char *copy = malloc(n + 1);
    if (!copy) return -1;
    memcpy(copy, with, n);
    copy[n] = '\0';
    free(doc->text);
    doc->text = copy;
    doc->len = n;
    return 0;
  }
  json_t *start = json_object_get(range, "start"), *end = json_object_get(range, "end");
  json_t *sl = json_object_get(start, "line"), *sc = json_object_get(start, "character");
  json_t *el = json_object_get(end, "line"), *ec = json_object_get(end, "character");
  if (!json_is_integer(sl) || !json_is_integer(sc) || !json_is_integer(el) || !json_is_integer(ec)) return -1;
  size_t from = text_offset_of(doc->text, doc->len, (long)json_integer_value(sl), (long)json_integer_value(sc),
                               s->encoding);
  size_t to = text_offset_of(doc->text, doc->len, (long)json_integer_value(el), (long)json_integer_value(ec),
                             s->encoding);
  if (to < from) return -1;
  return text_replace(&doc->text, &doc->len, from, to, with, n);
}

static void did_change(session *s, json_t *params) {
  json_t *td = text_document(params);
  const char *uri = string_at(td, "uri");
  open_doc *doc = uri ? session_doc(s, uri) : NULL;
  if (!doc) {
    log_msg("didChange for a document that is not open: %s", uri ? uri : "(no uri)");
    return;
  }
  json_t *changes = json_object_get(params, "contentChanges");
  size_t i;
  json_t *change;
  json_array_foreach(changes, i, change) {
    if (apply_change(s, doc, change) != 0) {
      /* Our copy no longer matches the editor's: stop analysing it until the
       * editor sends the whole text again (a reopen). */
      log_msg("malformed didChange for %s: stallcheck stops analysing it until it is reopened", uri);
      doc->analyzable = 0;
      json_decref(doc->stallcheck);
      doc->stallcheck = NULL;
      session_publish_merged(s, doc);
      return;
    }
  }
  json_t *version = json_object_get(td, "version");
  if (json_is_integer(version)) doc->version = json_integer_value(version);
  doc->generation++;
  session_schedule(s, doc);
}

static int is_header(const char *path) {
  const char *dot = path ? strrchr(path, '.') : NULL;
  return dot && strcmp(dot, ".h") == 0;
}

static void did_save(session *s, json_t *params) {
  const char *uri = string_at(text_document(params), "uri");
  open_doc *saved = uri ? session_doc(s, uri) : NULL;
  if (saved) session_schedule(s, saved);
  /* A saved header changes what the files including it see on disk. */
  char *path = uri ? uri_to_path(uri) : NULL;
  if (is_header(path))
    for (size_t i = 0; i < s->ndocs; i++)
      if (&s->docs[i] != saved) session_schedule(s, &s->docs[i]);
  free(path);
}

/* Follows one message (s->lock held). */
static void follow(session *s, json_t *msg) {
  const char *method = string_at(msg, "method");
  json_t *id = json_object_get(msg, "id");
  json_t *params = json_object_get(msg, "params");
  if (!method) return; /* an answer to one of clangd's requests */

  if (id) {
    pending_kind kind = PENDING_PLAIN;
    if (strcmp(method, "initialize") == 0) {
      kind = PENDING_INITIALIZE;
      json_decref(s->initialize);
      s->initialize = json_deep_copy(msg);
    } else if (strcmp(method, "shutdown") == 0) {
      s->shutdown_requested = 1;
    } else if (strcmp(method, "textDocument/codeAction") == 0) {
      kind = PENDING_CODE_ACTION;
    }
    session_add_pending(s, id, kind);
    if (kind == PENDING_CODE_ACTION) {
      pending_request *p = session_last_pending(s);
      const char *uri = string_at(text_document(params), "uri");
      json_t *range = json_object_get(params, "range");
      json_t *first = json_object_get(json_object_get(range, "start"), "line");
      json_t *last = json_object_get(json_object_get(range, "end"), "line");
      if (uri && json_is_integer(first) && json_is_integer(last)) {
        p->uri = strdup(uri);
        p->first_line = json_integer_value(first);
        p->last_line = json_integer_value(last);
      }
    }
    return;
  }

  if (strcmp(method, "initialized") == 0) {
    s->initialized = 1;
  } else if (strcmp(method, "exit") == 0) {
    s->exit_requested = 1;
    pthread_cond_broadcast(&s->over);
  } else if (strcmp(method, "$/cancelRequest") == 0) {
    /* clangd still answers a cancelled request (RequestCancelled): it stays
     * pending until then, and a crash answers it the same way. */
    session_cancel_pending(s, json_object_get(params, "id"));
  } else if (strcmp(method, "textDocument/didOpen") == 0) {
    json_t *td = text_document(params);
    const char *uri = string_at(td, "uri");
    json_t *text = json_object_get(td, "text");
    if (!uri || !json_is_string(text)) {
      log_msg("malformed didOpen: no uri or text");
      return;
    }
    json_t *version = json_object_get(td, "version");
    open_doc *doc = session_open_doc(s, uri, string_at(td, "languageId"),
                                     json_is_integer(version) ? json_integer_value(version) : 0,
                                     json_string_value(text), json_string_length(text));
    session_schedule(s, doc);
  } else if (strcmp(method, "textDocument/didChange") == 0) {
    did_change(s, params);
  } else if (strcmp(method, "textDocument/didSave") == 0) {
    did_save(s, params);
  } else if (strcmp(method, "textDocument/didClose") == 0) {
    const char *uri = string_at(text_document(params), "uri");
    if (uri) session_close_doc(s, uri);
  }
}

/* Answers a request while no clangd runs (it crashed too often; s->lock
 * held): `shutdown` as the protocol wants, codeAction with stallcheck's own
 * quick fixes, anything else with an error that says why. */
static void answer_alone(session *s, json_t *msg) {
  const char *method = string_at(msg, "method");
  json_t *id = json_object_get(msg, "id");
  json_t *params = json_object_get(msg, "params");
  json_t *answer;
  if (strcmp(method, "shutdown") == 0) {
    s->shutdown_requested = 1;
    answer = json_pack("{s:s, s:O, s:n}", "jsonrpc", "2.0", "id", id, "result");
  } else if (strcmp(method, "textDocument/codeAction") == 0) {
    json_t *actions = json_array();
    const char *uri = string_at(text_document(params), "uri");
    open_doc *doc = uri ? session_doc(s, uri) : NULL;
    json_t *range = json_object_get(params, "range");
    json_t *first = json_object_get(json_object_get(range, "start"), "line");
    json_t *last = json_object_get(json_object_get(range, "end"), "line");
    if (doc && json_is_integer(first) && json_is_integer(last))
      add_suppress_actions(s, doc, json_integer_value(first), json_integer_value(last), actions);
    answer = json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id, "result", actions);
  } else {
    answer = json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id", id, "error", "code",
                       LSP_REQUEST_FAILED, "message", CLANGD_GIVEN_UP_MESSAGE);
  }
  if (answer) session_send_editor(s, answer);
  json_decref(answer);
}

static int is_jsonrpc(json_t *m) {
  const char *version = json_is_object(m) ? string_at(m, "jsonrpc") : NULL;
  return version && strcmp(version, "2.0") == 0;
}

void *editor_relay_main(void *arg) {
  session *s = arg;
  lsp_reader reader;
  lsp_reader_init(&reader, STDIN_FILENO, "editor");
  lsp_message msg;
  while (lsp_read(&reader, &msg)) {
    json_error_t err;
    json_t *m = json_loadb(msg.body, msg.body_len, 0, &err);
    /* clangd ends its session at a message that is not a JSON-RPC 2.0
     * object: such a message stops here. */
    if (!m || !is_jsonrpc(m)) {
      if (!m)
        log_msg("editor sent a message that is not JSON (%s, line %d column %d): skipped", err.text, err.line,
                err.column);
      else
        log_msg("editor sent JSON that is not a JSON-RPC 2.0 message: skipped");
      json_decref(m);
      continue;
    }
    /* One lock over following and forwarding: a restart in between would
     * otherwise replay a document and then receive the same edit again. */
    pthread_mutex_lock(&s->clangd.lock);
    pthread_mutex_lock(&s->lock);
    if (s->clangd_given_up) {
      if (json_object_get(m, "id") && string_at(m, "method")) answer_alone(s, m);
      else follow(s, m); /* documents are still analysed */
      pthread_mutex_unlock(&s->lock);
      pthread_mutex_unlock(&s->clangd.lock);
      json_decref(m);
      continue;
    }
    follow(s, m);
    pthread_mutex_unlock(&s->lock);
    /* A write to a dead clangd fails; the server relay restarts it and
     * answers the requests it lost. */
    lsp_forward_locked(&s->clangd, &msg);
    pthread_mutex_unlock(&s->clangd.lock);
    json_decref(m);
  }
  /* The editor went away without `exit`: let clangd see end of input too. */
  pthread_mutex_lock(&s->clangd.lock);
  pthread_mutex_lock(&s->lock);
  s->editor_gone = 1;
  pthread_cond_broadcast(&s->over);
  pthread_mutex_unlock(&s->lock);
  if (s->clangd.fd >= 0) close(s->clangd.fd);
  s->clangd.fd = -1;
  s->process.to_clangd = -1;
  pthread_mutex_unlock(&s->clangd.lock);
  lsp_reader_free(&reader);
  return NULL;
}
