/*
 * analysis.c - the analysis worker: once a document's edits have been quiet
 * for the debounce, parse its current text with the driver's libclang front
 * end, analyse that one translation unit, and publish the findings merged
 * with clangd's diagnostics.
 *
 * It works on a copy of the text and holds no lock while it parses, so the
 * relay never waits for it.  A result for a text the editor has changed
 * since is dropped: the change scheduled a newer analysis.
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <clang-c/Index.h>

#include "compile_command.h"
#include "findings_lsp.h"
#include "frontend.h"
#include "log.h"
#include "project_config.h"
#include "relay.h"
#include "stallcheck/facts_io.h"
#include "stallcheck/program.h"
#include "stallcheck/suppress.h"

typedef struct snapshot {
  char *uri, *path, *text;
  size_t len;
  unsigned long generation;
  lsp_encoding encoding;
} snapshot;

/* Waits for the next document due for analysis and copies it (s->lock held
 * on entry and exit).  Returns 0 when the session ends. */
static int next_snapshot(session *s, snapshot *snap) {
  for (;;) {
    if (s->exit_requested || s->editor_gone) return 0;
    open_doc *next = NULL;
    for (size_t i = 0; i < s->ndocs; i++) {
      open_doc *d = &s->docs[i];
      if (d->dirty && d->analyzable && (!next || d->due < next->due)) next = d;
    }
    if (!next) {
      pthread_cond_wait(&s->analysis_wanted, &s->lock);
      continue;
    }
    double now = monotonic_seconds();
    if (next->due > now) {
      struct timespec until;
      until.tv_sec = (time_t)next->due;
      until.tv_nsec = (long)((next->due - (double)until.tv_sec) * 1e9);
      pthread_cond_timedwait(&s->analysis_wanted, &s->lock, &until);
      continue; /* an edit may have moved the due time */
    }
    next->dirty = 0;
    snap->uri = strdup(next->uri);
    snap->path = strdup(next->path);
    snap->text = malloc(next->len + 1);
    if (!snap->uri || !snap->path || !snap->text) {
      free(snap->uri);
      free(snap->path);
      free(snap->text);
      log_msg("out of memory copying %s for analysis", next->uri);
      continue;
    }
    memcpy(snap->text, next->text, next->len + 1);
    snap->len = next->len;
    snap->generation = next->generation;
    snap->encoding = s->encoding;
    return 1;
  }
}

/* The editor's text of the document (it may be unsaved): suppressions are
 * read from what the user sees.  Only the document's own diagnostics are
 * published, so other files are not needed. */
/* The text NOLINT comments are read from: the editor's for the file being
 * edited, the disk's for the others (a registration in another file). */
typedef struct text_source {
  const snapshot *snap;
  char *path, *text; /* the last other file read */
  size_t len;
} text_source;

static const char *editor_text(void *ctx, const char *path, size_t *len) {
  text_source *t = ctx;
  if (!strcmp(path, t->snap->path)) {
    *len = t->snap->len;
    return t->snap->text;
  }
  if (!t->path || strcmp(path, t->path) != 0) {
    free(t->path);
    free(t->text);
    t->path = strdup(path);
    t->text = NULL;
    t->len = 0;
    FILE *f = fopen(path, "rb");
    if (f) {
      size_t got;
      char buf[65536];
      while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
        char *grown = realloc(t->text, t->len + got + 1);
        if (!grown) break;
        t->text = grown;
        memcpy(t->text + t->len, buf, got);
        t->len += got;
      }
      fclose(f);
      if (t->text) t->text[t->len] = '\0';
    }
  }
  *len = t->len;
  return t->text;
}

/* The rest of the program: the facts the last `stallcheck -p` run cached
 * next to the compile database (.stallcheck-cache/), all but those of the
 * file being edited, so that paths from callbacks in other files show in the
 * editor too.  Returns how many were loaded into *out. */
static size_t load_program_facts(const char *compile_commands, const char *path, sc_facts ***out) {
  *out = NULL;
  const char *slash = strrchr(compile_commands, '/');
  if (!slash || strcmp(slash + 1, "compile_commands.json") != 0) return 0;
  char *dir = sc_strdupf("%.*s/.stallcheck-cache", (int)(slash - compile_commands), compile_commands);
  DIR *d = opendir(dir);
  size_t n = 0;
  char real[PATH_MAX];
  const char *edited = realpath(path, real) ? real : path;
  for (struct dirent *e; d && (e = readdir(d));) {
    size_t len = strlen(e->d_name);
    if (len < 7 || strcmp(e->d_name + len - 6, ".facts") != 0) continue;
    char *file = sc_strdupf("%s/%s", dir, e->d_name);
    sc_facts **tus = NULL;
    char err[256];
    int k = sc_facts_read_file(file, &tus, err, sizeof err);
    for (int i = 0; i < k; i++) {
      char other[PATH_MAX];
      const char *tu = realpath(tus[i]->tu_file, other) ? other : tus[i]->tu_file;
      if (!strcmp(tu, edited)) {
        sc_facts_free(tus[i]);
        continue;
      }
      *out = realloc(*out, (n + 1) * sizeof **out);
      (*out)[n++] = tus[i];
    }
    free(tus);
    free(file);
  }
  if (d) closedir(d);
  free(dir);
  return n;
}

/* Analyses one snapshot.  Returns the diagnostics, or NULL if the file could
 * not be analysed at all (then clangd's diagnostics go out alone). */
static json_t *analyse(session *s, CXIndex index, const snapshot *snap, project_config *config) {
  double started = monotonic_seconds();
  sc_compdb db;
  char origin[4200], err[512] = "";
  if (find_compile_command(snap->path, s->compile_commands_dir, &db, origin, sizeof origin, err, sizeof err) != 0 ||
      db.count != 1) {
    log_msg("no compile command for %s (%s): not analysed", snap->path, err[0] ? err : origin);
    sc_compdb_free(&db);
    return NULL;
  }
  sc_unsaved_file unsaved = {db.commands[0].file, snap->text, snap->len};
  sc_facts *facts = sc_frontend_parse(index, &db.commands[0], &unsaved, 1);
  json_t *diags = NULL;
  if (facts->parse_failed) {
    log_msg("cannot parse %s with %s: %s", snap->path, origin,
            facts->ndiags ? facts->diags[0].message : "libclang failed");
  } else {
    /* The edited TU, with the cached facts of the rest of the program when a
     * `stallcheck -p` run left them: cross-file paths show too. */
    sc_facts **others = NULL;
    size_t nothers = load_program_facts(origin, snap->path, &others);
    sc_facts **all = malloc((nothers + 1) * sizeof *all);
    all[0] = facts;
    for (size_t i = 0; i < nothers; i++) all[i + 1] = others[i];
    /* In the order the `stallcheck` command analyses them: the engine breaks
     * ties between equally short paths by input order, and the editor must
     * show the notes the command prints. */
    sc_facts_sort(all, nothers + 1);
    /* The project's configuration, as `stallcheck -p` applies it. */
    project_config_update(config, snap->path);
    sc_options options = config->options;
    text_source texts = {snap, NULL, NULL, 0};
    options.source = editor_text; /* NOLINT at a registration in the unsaved text */
    options.source_ctx = &texts;
    sc_config_mark_functions(&config->config, all, nothers + 1);
    sc_findings findings;
    sc_findings_init(&findings);
    sc_analyze_programs(all, (uint32_t)(nothers + 1), &options, &findings);
    sc_findings_apply_suppressions(&findings, editor_text, &texts);
    sc_config_apply_excludes(&config->config, &findings);
    sc_config_apply_suppressions(&config->config, &findings);
    free(texts.path);
    free(texts.text);
    diags = findings_to_lsp(&findings, snap->path, snap->text, snap->len, snap->encoding);
    sc_findings_free(&findings);
    for (size_t i = 0; i < nothers; i++) sc_facts_free(others[i]);
    free(others);
    free(all);
  }
  if (s->verbose)
    log_msg("analysed %s (%s) in %.0f ms: %zu findings", snap->path, origin, (monotonic_seconds() - started) * 1e3,
            diags ? json_array_size(diags) : 0);
  sc_facts_free(facts);
  sc_compdb_free(&db);
  return diags;
}

void *analysis_main(void *arg) {
  session *s = arg;
  /* One index for the thread's life: libclang caches what it can in it. */
  CXIndex index = clang_createIndex(0, 0);
  project_config config = {0};
  sc_options_init(&config.options);
  pthread_mutex_lock(&s->lock);
  snapshot snap;
  while (next_snapshot(s, &snap)) {
    pthread_mutex_unlock(&s->lock);
    json_t *diags = analyse(s, index, &snap, &config);
    if (!diags) diags = json_array(); /* failed: nothing of ours to show */
    pthread_mutex_lock(&s->lock);
    open_doc *doc = session_doc(s, snap.uri);
    if (doc && doc->generation == snap.generation && doc->analyzable) {
      int changed = !doc->stallcheck || !json_equal(doc->stallcheck, diags);
      int had_any = doc->stallcheck && json_array_size(doc->stallcheck) > 0;
      json_decref(doc->stallcheck);
      doc->stallcheck = json_incref(diags);
      /* Nothing of ours before or now: clangd's publication stands as is. */
      if (changed && (had_any || json_array_size(diags) > 0)) session_publish_merged(s, doc);
    }
    json_decref(diags);
    free(snap.uri);
    free(snap.path);
    free(snap.text);
  }
  pthread_mutex_unlock(&s->lock);
  project_config_free(&config);
  clang_disposeIndex(index);
  return NULL;
}
