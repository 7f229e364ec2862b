/*
 * server_relay.c - the thread reading clangd's messages: it merges
 * stallcheck's diagnostics into clangd's publications, adds the suppress quick
 * fix to codeAction answers, and passes everything else on unchanged.  When
 * clangd dies it answers the requests clangd took with it, starts a new
 * clangd and brings it to where the old one was.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "code_actions.h"
#include "log.h"
#include "relay.h"
#include "uri.h"

static void learn_encoding(session *s, json_t *result) {
  json_t *caps = json_object_get(result, "capabilities");
  const char *enc = json_string_value(json_object_get(caps, "positionEncoding"));
  if (!enc) enc = json_string_value(json_object_get(result, "offsetEncoding")); /* clangd's extension */
  if (!enc) return;
  if (strcmp(enc, "utf-8") == 0) s->encoding = LSP_UTF8;
  else if (strcmp(enc, "utf-32") == 0) s->encoding = LSP_UTF32;
  else s->encoding = LSP_UTF16;
}

/* clangd's answer to a codeAction request, with our quick fixes added.
 * Returns 1 if it wrote a changed answer, 0 if the original should go. */
static int answer_code_action(session *s, pending_request *p, json_t *msg) {
  if (!p->uri || json_object_get(msg, "error")) return 0;
  open_doc *doc = session_doc(s, p->uri);
  if (!doc || !doc->stallcheck || json_array_size(doc->stallcheck) == 0) return 0;
  json_t *result = json_object_get(msg, "result");
  if (!json_is_array(result) && !json_is_null(result) && result) return 0;
  json_t *actions = json_is_array(result) ? json_incref(result) : json_array();
  size_t before = json_array_size(actions);
  add_suppress_actions(s, doc, p->first_line, p->last_line, actions);
  int changed = json_array_size(actions) != before;
  if (changed) {
    json_object_set(msg, "result", actions);
    session_send_editor(s, msg);
  }
  json_decref(actions);
  return changed;
}

/* Handles one message from clangd: sends it to the editor, changed or not,
 * or swallows it. */
static void handle(session *s, json_t *msg, const lsp_message *raw) {
  const char *method = json_string_value(json_object_get(msg, "method"));
  json_t *id = json_object_get(msg, "id");
  int done = 0;
  pthread_mutex_lock(&s->lock);
  if (!method && id) {
    pending_request p;
    if (session_take_pending(s, id, &p)) {
      if (p.kind == PENDING_INITIALIZE || p.kind == PENDING_REINITIALIZE)
        learn_encoding(s, json_object_get(msg, "result"));
      if (p.kind == PENDING_REINITIALIZE) {
        /* The editor never asked: it must not see the answer. */
        if (json_object_get(msg, "error")) log_msg("the restarted clangd refused initialize");
        done = 1;
      } else if (p.kind == PENDING_CODE_ACTION) {
        done = answer_code_action(s, &p, msg);
      }
      pending_request_free(&p);
    }
  } else if (method && !id && strcmp(method, "textDocument/publishDiagnostics") == 0) {
    json_t *params = json_object_get(msg, "params");
    char *path = uri_to_path(json_string_value(json_object_get(params, "uri")));
    if (path && json_is_object(params)) {
      session_set_clangd_diags(s, path, params);
      open_doc *doc = session_doc_by_path(s, path);
      if (doc && doc->stallcheck && json_array_size(doc->stallcheck) > 0)
        session_publish_merged(s, doc);
      else /* nothing to add: the original bytes */
        lsp_forward(&s->editor, raw);
      /* Either way under the lock: publications go out in the order of the
       * state they were built from, whichever thread makes them. */
      done = 1;
    }
    free(path);
  }
  pthread_mutex_unlock(&s->lock);
  if (!done) lsp_forward(&s->editor, raw);
}

void replay_session(session *s) {
  static unsigned replays;
  json_t *init = json_deep_copy(s->initialize);
  char id[64];
  snprintf(id, sizeof id, "stallcheck-clangd/reinitialize/%u", ++replays);
  json_t *idj = json_string(id);
  json_object_set(init, "id", idj);
  session_add_pending(s, idj, PENDING_REINITIALIZE);
  json_decref(idj);
  char *body = json_dumps(init, JSON_COMPACT);
  if (body) lsp_write_body_locked(&s->clangd, body, strlen(body));
  free(body);
  json_decref(init);
  if (s->initialized) {
    static const char initialized[] = "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}";
    lsp_write_body_locked(&s->clangd, initialized, sizeof initialized - 1);
  }
  for (size_t i = 0; i < s->ndocs; i++) {
    open_doc *d = &s->docs[i];
    json_t *open = json_pack("{s:s, s:s, s:{s:{s:s, s:s, s:I, s:s%}}}", "jsonrpc", "2.0", "method",
                             "textDocument/didOpen", "params", "textDocument", "uri", d->uri, "languageId",
                             d->language, "version", d->version, "text", d->text, d->len);
    body = open ? json_dumps(open, JSON_COMPACT) : NULL;
    if (body) lsp_write_body_locked(&s->clangd, body, strlen(body));
    free(body);
    json_decref(open);
  }
}

/* Answers every request the dead clangd took with it (s->lock held): each
 * editor request gets exactly one answer, and an editor waiting on one must
 * not hang.  A cancelled one gets the answer clangd would have given it. */
static void fail_pending(session *s, const char *why) {
  for (size_t i = 0; i < s->npending; i++) {
    pending_request *p = &s->pending[i];
    if (p->kind != PENDING_REINITIALIZE) {
      json_t *err = json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id", p->id, "error", "code",
                              p->cancelled ? LSP_REQUEST_CANCELLED : LSP_REQUEST_FAILED, "message",
                              p->cancelled ? "cancelled" : why);
      if (err) session_send_editor(s, err);
      json_decref(err);
    }
    pending_request_free(p);
  }
  s->npending = 0;
}

/* No clangd any more (s->lock held): tell the user, and drop what the dead
 * clangd published, which no longer follows the edits; stallcheck's own
 * diagnostics stay and keep following them. */
static void give_up(session *s, const char *why) {
  s->clangd_given_up = 1;
  char text[512];
  snprintf(text, sizeof text,
           "stallcheck-clangd: %s. stallcheck's diagnostics are still shown; restart the language server to get "
           "clangd back.",
           why);
  json_t *show = json_pack("{s:s, s:s, s:{s:i, s:s}}", "jsonrpc", "2.0", "method", "window/showMessage", "params",
                           "type", 1, "message", text);
  if (show) session_send_editor(s, show);
  json_decref(show);
  session_forget_clangd_diags(s);
  for (size_t i = 0; i < s->ndocs; i++) session_publish_merged(s, &s->docs[i]);
}

enum { CLANGD_RESTARTED = -1, CLANGD_GIVEN_UP = -2 };

/* clangd's output ended.  Returns CLANGD_RESTARTED if a new clangd runs,
 * CLANGD_GIVEN_UP if none will, else the exit status for the wrapper. */
static int clangd_ended(session *s, double *restart_times) {
  pthread_mutex_lock(&s->clangd.lock);
  if (s->clangd.fd >= 0) close(s->clangd.fd);
  s->clangd.fd = -1;
  s->process.to_clangd = -1;
  pid_t old = s->process.pid;
  int status = clangd_reap(&s->process);
  pthread_mutex_lock(&s->lock);
  int over = s->exit_requested || s->shutdown_requested || s->editor_gone || !s->initialize;
  int result = CLANGD_RESTARTED;
  if (over) {
    /* Before initialize there is no session to replay: clangd cannot start
     * (a bad argument, a missing library), and the editor should hear why. */
    if (!s->initialize && !s->editor_gone)
      log_msg("clangd (pid %d) exited with status %d before the session began", (int)old, status);
    result = status;
    goto out;
  }
  double now = monotonic_seconds();
  unsigned recent = 1; /* this crash */
  for (unsigned i = 0; i < MAX_RESTARTS; i++)
    if (restart_times[i] > 0 && now - restart_times[i] < RESTART_WINDOW) recent++;
  if (recent > MAX_RESTARTS) {
    log_msg("clangd (pid %d) exited with status %d, %u crashes within %.0f s: not restarting it", (int)old, status,
            recent, RESTART_WINDOW);
    fail_pending(s, CLANGD_GIVEN_UP_MESSAGE);
    char why[128];
    snprintf(why, sizeof why, "clangd crashed %u times within %.0f s and is no longer restarted", recent,
             RESTART_WINDOW);
    give_up(s, why);
    result = CLANGD_GIVEN_UP;
    goto out;
  }
  log_msg("clangd (pid %d) exited with status %d: restarting it", (int)old, status);
  restart_times[s->restarts++ % MAX_RESTARTS] = now;
  if (clangd_start(s->clangd_path, s->clangd_argv, &s->process) != 0) {
    fail_pending(s, CLANGD_GIVEN_UP_MESSAGE);
    give_up(s, "clangd crashed and could not be started again (the log says why)");
    result = CLANGD_GIVEN_UP;
    goto out;
  }
  /* Before the replay: its initialize is pending too. */
  fail_pending(s, CLANGD_CRASHED_MESSAGE);
  s->clangd.fd = s->process.to_clangd;
  s->clangd.broken = 0;
  replay_session(s);
out:
  pthread_mutex_unlock(&s->lock);
  pthread_mutex_unlock(&s->clangd.lock);
  return result;
}

/* Without clangd the editor relay answers requests itself and the analysis
 * goes on; this thread only waits for the end of the session.  The exit
 * status is the protocol's: 0 after shutdown and exit, else 1. */
static int serve_without_clangd(session *s) {
  pthread_mutex_lock(&s->lock);
  while (!s->exit_requested && !s->editor_gone) pthread_cond_wait(&s->over, &s->lock);
  int status = s->exit_requested && s->shutdown_requested ? 0 : 1;
  pthread_mutex_unlock(&s->lock);
  return status;
}

int server_relay_run(session *s) {
  lsp_reader reader;
  lsp_reader_init(&reader, s->process.from_clangd, "clangd");
  double restart_times[MAX_RESTARTS] = {0};
  for (;;) {
    lsp_message msg;
    while (lsp_read(&reader, &msg)) {
      json_error_t err;
      json_t *m = json_loadb(msg.body, msg.body_len, 0, &err);
      if (m && json_is_object(m)) {
        handle(s, m, &msg);
      } else {
        log_msg("clangd sent a message that is not a JSON object: passed on unread");
        lsp_forward(&s->editor, &msg);
      }
      json_decref(m);
    }
    int status = clangd_ended(s, restart_times);
    if (status == CLANGD_RESTARTED) {
      lsp_reader_reset(&reader, s->process.from_clangd);
      continue;
    }
    lsp_reader_free(&reader);
    return status == CLANGD_GIVEN_UP ? serve_without_clangd(s) : status;
  }
}
