/*
 * sarif.c - SARIF 2.1.0 logs for GitHub code scanning and other consumers.
 *
 * What GitHub needs and this writer guarantees: one run; tool.driver.rules
 * with help and helpUri for every rule (so the alert page explains the
 * rule); results with ruleId/ruleIndex, a level, a message that ends with a
 * period and carries the remedy; locations relative to %SRCROOT% when the
 * file is under the source root (so annotations land on the right file in
 * any checkout); partialFingerprints that survive line moves; the call path
 * as relatedLocations and a codeFlow; in-source suppressions kept with a
 * `suppressions` entry; files that could not be analysed reported as
 * toolExecutionNotifications.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stallcheck/report.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define INFORMATION_URI "https://github.com/stallcheck/stallcheck"
#define FINGERPRINT_KEY "stallcheck/v1"

/* JSON strings must be UTF-8: a file name or message in another encoding
 * (Latin-1 source, a command line) gets U+FFFD for each invalid byte, rather
 * than jansson refusing the string and the field silently going missing. */
static json_t *utf8_string(const char *s) {
  if (!s) s = "";
  json_t *j = json_string(s);
  if (j) return j;
  size_t n = strlen(s);
  char *out = malloc(n * 3 + 1), *o = out;
  if (!out) abort();
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    int len = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
    int ok = len > 0;
    for (int k = 1; ok && k < len; k++) ok = (p[k] & 0xC0) == 0x80;
    if (ok && len > 1) { /* no overlong forms, surrogates or values past U+10FFFF */
      unsigned c = len == 2 ? (p[0] & 0x1Fu) << 6 | (p[1] & 0x3F)
                   : len == 3 ? (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3F)
                              : (p[0] & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3F);
      ok = c >= (len == 2 ? 0x80u : len == 3 ? 0x800u : 0x10000u) && !(c >= 0xD800 && c <= 0xDFFF) && c <= 0x10FFFF;
    }
    if (ok) {
      memcpy(o, p, (size_t)len);
      o += len;
      p += len;
    } else {
      memcpy(o, "\xEF\xBF\xBD", 3);
      o += 3;
      p++;
    }
  }
  *o = 0;
  j = json_string(out);
  free(out);
  if (!j) abort();
  return j;
}

static json_t *text_message(const char *text) {
  json_t *m = json_object();
  json_object_set_new(m, "text", utf8_string(text));
  return m;
}

/* A sentence for SARIF: viewers expect messages to end with a period. */
static char *sentence(const char *a, const char *b) {
  size_t la = strlen(a);
  int stop = la > 0 && a[la - 1] != '.';
  if (!b) return sc_strdupf("%s%s", a, stop ? "." : "");
  size_t lb = strlen(b);
  return sc_strdupf("%s%s %s%s", a, stop ? "." : "", b, lb > 0 && b[lb - 1] != '.' ? "." : "");
}

/* RFC 3986: keep unreserved characters and '/', percent-encode the rest. */
static char *uri_encode(const char *prefix, const char *path) {
  size_t n = strlen(prefix) + strlen(path) * 3 + 1;
  char *out = malloc(n), *o = out;
  if (!out) abort();
  o += sprintf(o, "%s", prefix);
  for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
    if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || strchr("-._~/", *s))
      *o++ = (char)*s;
    else
      o += sprintf(o, "%%%02X", *s);
  }
  *o = 0;
  return out;
}

/* The root without trailing slashes, or NULL. */
static size_t root_length(const char *root) {
  if (!root || !*root) return 0;
  size_t n = strlen(root);
  while (n > 1 && root[n - 1] == '/') n--;
  return n;
}

static json_t *artifact_location(const char *file, const sc_sarif_options *o) {
  size_t rl = root_length(o->srcroot);
  if (rl && !strncmp(file, o->srcroot, rl) && file[rl] == '/') {
    char *uri = uri_encode("", file + rl + 1);
    json_t *loc = json_pack("{s:s, s:s}", "uri", uri, "uriBaseId", "%SRCROOT%");
    free(uri);
    return loc;
  }
  char *uri = file[0] == '/' ? uri_encode("file://", file) : uri_encode("", file);
  json_t *loc = json_pack("{s:s}", "uri", uri);
  free(uri);
  return loc;
}

static json_t *physical_location(const sc_loc *loc, const sc_sarif_options *o) {
  json_t *phys = json_object();
  json_object_set_new(phys, "artifactLocation", artifact_location(loc->file ? loc->file : "<unknown>", o));
  if (loc->line) {
    json_t *region = json_pack("{s:i}", "startLine", (json_int_t)loc->line);
    if (loc->col) json_object_set_new(region, "startColumn", json_integer(loc->col));
    if (loc->end_line == loc->line && loc->end_col > loc->col) {
      json_object_set_new(region, "endLine", json_integer(loc->end_line));
      json_object_set_new(region, "endColumn", json_integer(loc->end_col));
    }
    json_object_set_new(phys, "region", region);
  }
  return phys;
}

static json_t *location(const sc_loc *loc, const char *message, const sc_sarif_options *o) {
  json_t *l = json_object();
  json_object_set_new(l, "physicalLocation", physical_location(loc, o));
  if (message) {
    char *m = sentence(message, NULL);
    json_object_set_new(l, "message", text_message(m));
    free(m);
  }
  return l;
}

static const char *level_name(sc_level level) {
  return level == SC_LEVEL_ERROR ? "error" : level == SC_LEVEL_NOTE ? "note" : "warning";
}

static json_t *tags(const char *list) {
  json_t *a = json_array();
  for (const char *s = list; s && *s;) {
    const char *e = strchr(s, ',');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    json_array_append_new(a, json_stringn(s, n));
    s = e ? e + 1 : s + n;
  }
  return a;
}

/* GitHub's alert severity for queries that are not security queries. */
static const char *problem_severity(sc_level level) {
  return level == SC_LEVEL_ERROR ? "error" : level == SC_LEVEL_NOTE ? "recommendation" : "warning";
}

static json_t *rule_descriptor(const sc_rule *r) {
  char uri[512];
  sc_rule_help_uri(r, uri, sizeof uri);
  char *help_md = sc_strdupf("%s\n\nSee [%s](%s) for examples and configuration.", r->help_text, r->id, uri);
  json_t *d = json_pack("{s:s, s:s, s:o, s:o, s:{s:s, s:s}, s:s, s:{s:s}, s:{s:s, s:s, s:o}}", "id", r->id, "name",
                        r->name, "shortDescription", text_message(r->short_desc), "fullDescription",
                        text_message(r->full_desc), "help", "text", r->help_text, "markdown", help_md, "helpUri",
                        uri, "defaultConfiguration", "level", level_name(r->default_level), "properties",
                        "precision", r->precision, "problem.severity", problem_severity(r->default_level), "tags",
                        tags(r->tags));
  free(help_md);
  return d;
}

static json_t *result(const sc_finding *x, size_t rule_index, const sc_sarif_options *o) {
  char *message = sentence(x->message, NULL);
  if (x->remedy) {
    char *remedy = sc_strdupf("Remedy: %s", x->remedy);
    free(message);
    message = sentence(x->message, remedy);
    free(remedy);
  }
  json_t *r = json_pack("{s:s, s:i, s:s, s:o}", "ruleId", x->rule->id, "ruleIndex", (json_int_t)rule_index,
                        "level", level_name(x->level), "message", text_message(message));
  free(message);
  json_object_set_new(r, "locations", json_pack("[o]", location(&x->loc, NULL, o)));
  if (x->nsteps) {
    json_t *related = json_array(), *flow = json_array();
    for (size_t s = 0; s < x->nsteps; s++) {
      json_t *rl = location(&x->steps[s].loc, x->steps[s].message, o);
      json_object_set_new(rl, "id", json_integer((json_int_t)s));
      json_array_append_new(related, rl);
      json_array_append_new(flow, json_pack("{s:o}", "location", location(&x->steps[s].loc, x->steps[s].message, o)));
    }
    char *last = sc_strdupf("the call '%s'", x->callee ? x->callee : "");
    json_array_append_new(flow, json_pack("{s:o}", "location", location(&x->loc, last, o)));
    free(last);
    json_object_set_new(r, "relatedLocations", related);
    json_object_set_new(r, "codeFlows", json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", flow));
  }
  json_object_set_new(r, "partialFingerprints", json_pack("{s:s}", FINGERPRINT_KEY, x->fingerprint));
  /* A baselined result is still open (code scanning keeps its alert); it is
   * only not new.  An in-source suppression dismisses it. */
  if (x->suppressed == SC_SUPPRESSED_IN_SOURCE)
    json_object_set_new(r, "suppressions", json_pack("[{s:s, s:s}]", "kind", "inSource", "status", "accepted"));
  if (x->suppressed == SC_SUPPRESSED_CONFIG) {
    /* Outside the source: the project's configuration ("suppress"). */
    json_t *s = json_pack("{s:s, s:s}", "kind", "external", "status", "accepted");
    if (x->justification) json_object_set_new(s, "justification", utf8_string(x->justification));
    json_object_set_new(r, "suppressions", json_pack("[o]", s));
  }
  if (o->baseline)
    json_object_set_new(r, "baselineState",
                        json_string(x->suppressed == SC_SUPPRESSED_BASELINE ? "unchanged" : "new"));
  return r;
}

static const char *notification_level(sc_diag_level level) {
  return level == SC_DIAG_WARNING ? "warning" : "error";
}

static json_t *invocation(const sc_sarif_options *o) {
  json_t *inv = json_pack("{s:b}", "executionSuccessful", o->execution_successful);
  if (o->command_line) json_object_set_new(inv, "commandLine", utf8_string(o->command_line));
  if (o->nnotifications) {
    json_t *notes = json_array();
    for (size_t i = 0; i < o->nnotifications; i++) {
      const sc_notification *n = &o->notifications[i];
      char *m = sentence(n->message ? n->message : "analysis failed", NULL);
      json_t *j = json_pack("{s:s, s:o}", "level", notification_level(n->level), "message", text_message(m));
      free(m);
      if (n->file) {
        sc_loc loc = {n->file, 0, 0, 0, 0};
        json_object_set_new(j, "locations", json_pack("[o]", location(&loc, NULL, o)));
      }
      json_array_append_new(notes, j);
    }
    json_object_set_new(inv, "toolExecutionNotifications", notes);
  }
  return inv;
}

static json_t *sarif_log(const sc_findings *findings, const sc_sarif_options *o) {
  size_t nrules = 0;
  const sc_rule *rules = sc_rules(&nrules);
  json_t *rule_array = json_array();
  for (size_t i = 0; i < nrules; i++) json_array_append_new(rule_array, rule_descriptor(&rules[i]));
  const char *version = o->tool_version ? o->tool_version : "0";
  json_t *driver = json_pack("{s:s, s:s, s:s, s:s, s:o}", "name", "stallcheck", "version", version,
                             "semanticVersion", version, "informationUri", INFORMATION_URI, "rules", rule_array);
  json_t *run = json_pack("{s:{s:o}}", "tool", "driver", driver);
  if (o->automation_id) json_object_set_new(run, "automationDetails", json_pack("{s:s}", "id", o->automation_id));
  size_t rl = root_length(o->srcroot);
  if (rl) {
    char *root = strndup(o->srcroot, rl);
    char *uri = uri_encode("file://", root);
    char *dir = sc_strdupf("%s/", uri);
    json_object_set_new(run, "originalUriBaseIds", json_pack("{s:{s:s}}", "%SRCROOT%", "uri", dir));
    free(root);
    free(uri);
    free(dir);
  }
  json_object_set_new(run, "invocations", json_pack("[o]", invocation(o)));
  json_t *results = json_array();
  for (size_t i = 0; i < findings->count; i++) {
    const sc_finding *x = &findings->items[i];
    json_array_append_new(results, result(x, (size_t)(x->rule - rules), o));
  }
  json_object_set_new(run, "results", results);
  json_object_set_new(run, "columnKind", json_string("utf16CodeUnits"));
  return json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA, "version", "2.1.0", "runs", run);
}

#define DUMP_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER)

int sc_report_sarif_stream(FILE *out, const sc_findings *findings, const sc_sarif_options *opts) {
  json_t *log = sarif_log(findings, opts);
  int rc = log ? json_dumpf(log, out, DUMP_FLAGS) : -1;
  json_decref(log);
  if (rc == 0 && fputc('\n', out) == EOF) rc = -1;
  return rc == 0 && fflush(out) == 0 ? 0 : -1;
}

/* Written next to the target and renamed over it: a reader (or a crash)
 * sees either the old log or the complete new one, never half of it. */
const char *volatile sc_report_pending_file;

int sc_report_replace_file(const char *given, sc_report_write_fn write, void *ctx) {
  /* Through symlinks to the file itself, so the temporary is made next to
   * it and the link stays a link. */
  char resolved[PATH_MAX];
  const char *path = realpath(given, resolved) ? resolved : given;
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    /* A symlink to /dev/null, /dev/stdout, a FIFO: renaming over it would
     * replace the link or the device node with a file. */
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    int rc = write(f, ctx);
    if (fclose(f) != 0) rc = -1;
    return rc;
  }
  char *tmp = sc_strdupf("%s.XXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    free(tmp);
    return -1;
  }
  sc_report_pending_file = tmp;
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask); /* mkstemp's 0600 is for secrets, not build outputs */
  FILE *f = fdopen(fd, "w");
  int rc = f ? write(f, ctx) : -1;
  if (f && (fflush(f) != 0 || fsync(fileno(f)) != 0)) rc = -1;
  if (f ? fclose(f) != 0 : close(fd) != 0) rc = -1;
  if (rc == 0 && rename(tmp, path) != 0) rc = -1;
  sc_report_pending_file = NULL;
  if (rc != 0) {
    int saved = errno;
    unlink(tmp);
    errno = saved;
  }
  free(tmp);
  return rc;
}

typedef struct sarif_job {
  const sc_findings *findings;
  const sc_sarif_options *opts;
} sarif_job;

static int write_sarif(FILE *out, void *ctx) {
  const sarif_job *job = ctx;
  return sc_report_sarif_stream(out, job->findings, job->opts);
}

int sc_report_sarif_file(const char *path, const sc_findings *findings, const sc_sarif_options *opts) {
  sarif_job job = {findings, opts};
  return sc_report_replace_file(path, write_sarif, &job);
}
