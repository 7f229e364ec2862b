/*
 * frontend_libclang.c - parses one translation unit with libclang and fills
 * its facts: the functions it defines (not those of system headers), file-scope
 * initialisers, and compile errors.  The walk of bodies is frontend_body.c.
 *
 * Speed matters: the driver is measured against `clang -fsyntax-only`.  So no
 * detailed preprocessing record, no tokenizing except for the few calls whose
 * argument spelling the catalog wants, and declarations from system headers
 * are skipped at the top level without looking inside.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "frontend.h"
#include "frontend_internal.h"

enum { MAX_DIAGS = 20 };

static const char *error_code_meaning(enum CXErrorCode code) {
  switch (code) {
  case CXError_Failure: return "libclang failed to parse it (CXError_Failure)";
  case CXError_Crashed: return "libclang crashed while parsing it (CXError_Crashed)";
  case CXError_InvalidArguments: return "libclang was given invalid arguments (CXError_InvalidArguments)";
  case CXError_ASTReadError: return "libclang could not build its AST (CXError_ASTReadError)";
  default: return "libclang failed to parse it";
  }
}

static void fail(sc_facts *facts, const char *file, const char *why) {
  char msg[2048];
  snprintf(msg, sizeof msg, "cannot parse %s: %s", file, why);
  facts->parse_failed = 1;
  sc_loc loc = sc_facts_loc(facts, file, 0, 0, 0, 0);
  sc_facts_add_diag(facts, SC_DIAG_FATAL, &loc, msg);
}

/* ---- functions --------------------------------------------------------- */

typedef struct fn_scan {
  fe_state *st;
  uint32_t flags;
  char *annotations;
  size_t annotations_len;
  CXCursor body;
} fn_scan;

/* The attribute's name as written (`hot`, `__hot__`), read from the buffer at
 * its spelling location: libclang does not expose most attributes. */
static int attribute_named(fe_state *st, CXCursor attr, const char *name) {
  CXFile file = NULL;
  unsigned offset = 0;
  clang_getSpellingLocation(clang_getCursorLocation(attr), &file, NULL, NULL, &offset);
  if (!file) return 0;
  size_t size = 0;
  const char *buf = clang_getFileContents(st->tu, file, &size);
  if (!buf || offset >= size) return 0;
  const char *p = buf + offset;
  size_t left = size - offset;
  size_t n = strlen(name);
  if (left >= n + 4 && strncmp(p, "__", 2) == 0 && strncmp(p + 2, name, n) == 0 && strncmp(p + 2 + n, "__", 2) == 0)
    return 1;
  if (left < n || strncmp(p, name, n) != 0) return 0;
  char after = left > n ? p[n] : ' ';
  return !(after == '_' || (after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
           (after >= '0' && after <= '9'));
}

static enum CXChildVisitResult scan_function(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  fn_scan *scan = data;
  switch (clang_getCursorKind(c)) {
  case CXCursor_CompoundStmt:
    scan->body = c;
    break;
  case CXCursor_AnnotateAttr: {
    CXString s = clang_getCursorSpelling(c);
    fe_annotation_add(&scan->annotations, &scan->annotations_len, clang_getCString(s));
    clang_disposeString(s);
    break;
  }
  case CXCursor_UnexposedAttr:
    if (attribute_named(scan->st, c, "hot")) scan->flags |= SC_FN_HOT;
    break;
  default:
    break;
  }
  return CXChildVisit_Continue;
}

/* Annotations written on earlier declarations only. */
static void scan_previous_declarations(fe_state *st, CXCursor def, fn_scan *scan) {
  CXCursor canonical = clang_getCanonicalCursor(def);
  if (clang_equalCursors(canonical, def)) return;
  fn_scan decl = {st, 0, NULL, 0, clang_getNullCursor()};
  clang_visitChildren(canonical, scan_function, &decl);
  if (decl.annotations) {
    const char *p = decl.annotations;
    while (p) {
      const char *nl = strchr(p, '\n');
      char line[1024];
      size_t len = nl ? (size_t)(nl - p) : strlen(p);
      if (len < sizeof line) {
        memcpy(line, p, len);
        line[len] = '\0';
        fe_annotation_add(&scan->annotations, &scan->annotations_len, line);
      }
      p = nl ? nl + 1 : NULL;
    }
  }
  scan->flags |= decl.flags;
  free(decl.annotations);
}

static void visit_function(fe_state *st, CXCursor c) {
  fn_scan scan = {st, 0, NULL, 0, clang_getNullCursor()};
  clang_visitChildren(c, scan_function, &scan);
  if (clang_Cursor_isNull(scan.body)) return; /* not a definition after all */
  scan_previous_declarations(st, c, &scan);

  sc_function fn = {0};
  fn.usr = fe_cursor_usr(st, c);
  fn.name = fe_cursor_name(st, c);
  fn.linkage = clang_getCursorLinkage(c) == CXLinkage_Internal ? SC_LINKAGE_INTERNAL : SC_LINKAGE_EXTERNAL;
  CXSourceLocation at = clang_getCursorLocation(c);
  fn.loc = fe_loc(st, at);
  fn.flags = scan.flags | fe_effect_flags(clang_getCursorType(c));
  if (clang_isFunctionTypeVariadic(clang_getCursorType(c))) fn.flags |= SC_FN_VARIADIC;
  if (!clang_Location_isFromMainFile(at)) fn.flags |= SC_FN_INLINE_HEADER;
  int nparams = clang_Cursor_getNumArguments(c);
  fn.nparams = nparams > 0 ? (uint32_t)nparams : 0;
  fn.annotations = scan.annotations ? sc_facts_intern(st->facts, scan.annotations) : NULL;
  free(scan.annotations);

  CXCursor *params = fn.nparams ? calloc(fn.nparams, sizeof *params) : NULL;
  if (fn.nparams && !params) abort();
  for (uint32_t i = 0; i < fn.nparams; i++) params[i] = clang_Cursor_getArgument(c, i);

  st->function = sc_facts_add_function(st->facts, &fn);
  st->params = params;
  st->nparams = fn.nparams;
  fe_walk_body(st, scan.body);
  st->function = SC_NONE;
  st->params = NULL;
  st->nparams = 0;
  free(params);
}

static enum CXChildVisitResult visit_top_level(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  fe_state *st = data;
  enum CXCursorKind kind = clang_getCursorKind(c);
  if (kind != CXCursor_FunctionDecl && kind != CXCursor_VarDecl) return CXChildVisit_Continue;
  /* Library code: calls into it are calls to external functions.  Headers
   * under /usr/include count even when found through -I (pkg-config gives
   * -I/usr/include/glib-2.0), as docs/design/facts.md says. */
  CXSourceLocation at = clang_getCursorLocation(c);
  if (clang_Location_isInSystemHeader(at)) return CXChildVisit_Continue;
  if (!clang_Location_isFromMainFile(at)) {
    const char *file = fe_loc(st, at).file;
    if (file && strncmp(file, "/usr/include/", 13) == 0) return CXChildVisit_Continue;
  }
  if (kind == CXCursor_FunctionDecl) {
    if (clang_isCursorDefinition(c)) visit_function(st, c);
  } else if (!clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(c))) {
    fe_walk_global_var(st, c);
  }
  return CXChildVisit_Continue;
}

/* ---- diagnostics ------------------------------------------------------- */

static void record_diagnostics(fe_state *st) {
  unsigned n = clang_getNumDiagnostics(st->tu);
  uint32_t recorded = 0;
  for (unsigned i = 0; i < n && recorded < MAX_DIAGS; i++) {
    CXDiagnostic d = clang_getDiagnostic(st->tu, i);
    enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
    if (sev >= CXDiagnostic_Error) {
      CXString msg = clang_getDiagnosticSpelling(d);
      sc_loc loc = fe_loc(st, clang_getDiagnosticLocation(d));
      sc_facts_add_diag(st->facts, sev == CXDiagnostic_Fatal ? SC_DIAG_FATAL : SC_DIAG_ERROR, &loc,
                        clang_getCString(msg));
      clang_disposeString(msg);
      recorded++;
    }
    clang_disposeDiagnostic(d);
  }
}

/* ---- parsing ----------------------------------------------------------- */

typedef struct inclusions {
  sc_file_fn on_file;
  void *ctx;
} inclusions;

static void visit_inclusion(CXFile file, CXSourceLocation *stack, unsigned depth, CXClientData data) {
  (void)stack;
  (void)depth;
  inclusions *in = data;
  CXString name = clang_File_tryGetRealPathName(file);
  if (!clang_getCString(name) || !*clang_getCString(name)) {
    clang_disposeString(name);
    name = clang_getFileName(file);
  }
  if (clang_getCString(name)) in->on_file(in->ctx, clang_getCString(name));
  clang_disposeString(name);
}

sc_facts *sc_frontend_parse(CXIndex index, const sc_compile_command *cmd, const sc_unsaved_file *unsaved,
                            unsigned nunsaved) {
  return sc_frontend_parse_files(index, cmd, unsaved, nunsaved, NULL, NULL);
}

sc_facts *sc_frontend_parse_files(CXIndex index, const sc_compile_command *cmd, const sc_unsaved_file *unsaved,
                                  unsigned nunsaved, sc_file_fn on_file, void *ctx) {
  sc_facts *facts = sc_facts_new(cmd->file);

  int in_editor = 0;
  for (unsigned i = 0; i < nunsaved; i++)
    if (strcmp(unsaved[i].path, cmd->file) == 0) in_editor = 1;
  if (!in_editor && access(cmd->file, R_OK) != 0) {
    fail(facts, cmd->file, strerror(errno));
    return facts;
  }

  size_t nargs = 0;
  char **args = sc_compdb_parse_args(cmd, &nargs);
  /* Relative -I, -include ... are relative to the compile's directory. */
  size_t dirlen = strlen(cmd->directory);
  char *workdir = malloc(dirlen + sizeof "-working-directory=");
  if (!workdir) abort();
  memcpy(workdir, "-working-directory=", sizeof "-working-directory=" - 1);
  memcpy(workdir + sizeof "-working-directory=" - 1, cmd->directory, dirlen + 1);
  /* Compile databases made for gcc carry its warning options (-Wlogical-op,
   * -Wduplicated-cond): clang's driver would print a warning for each on
   * every file, burying stallcheck's own messages.  The analysis reads no
   * warning, so none of them matters here. */
  static const char *const quiet[] = {"-Wno-unknown-warning-option", "-Wno-unused-command-line-argument"};
  size_t nquiet = sizeof quiet / sizeof *quiet;
  const char **argv = malloc((nargs + 1 + nquiet) * sizeof *argv);
  if (!argv) abort();
  argv[0] = workdir;
  for (size_t i = 0; i < nargs; i++) argv[i + 1] = args[i];
  for (size_t i = 0; i < nquiet; i++) argv[nargs + 1 + i] = quiet[i];

  struct CXUnsavedFile *files = nunsaved ? calloc(nunsaved, sizeof *files) : NULL;
  for (unsigned i = 0; i < nunsaved; i++) {
    files[i].Filename = unsaved[i].path;
    files[i].Contents = unsaved[i].contents;
    files[i].Length = unsaved[i].length;
  }

  CXTranslationUnit tu = NULL;
  unsigned options = CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
  enum CXErrorCode rc = clang_parseTranslationUnit2(index, cmd->file, argv, (int)(nargs + 1 + nquiet), files,
                                                    nunsaved, options, &tu);
  free(files);
  free(argv);
  free(workdir);
  sc_compdb_free_args(args, nargs);

  if (rc != CXError_Success || !tu) {
    fail(facts, cmd->file, error_code_meaning(rc));
    if (tu) clang_disposeTranslationUnit(tu);
    return facts;
  }

  fe_state st = {0};
  st.facts = facts;
  st.tu = tu;
  st.directory = cmd->directory;
  st.function = SC_NONE;
  st.loop = SC_NONE;
  record_diagnostics(&st);
  clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top_level, &st);
  fe_names_free(&st);
  fe_branches_free(&st);
  if (on_file) {
    inclusions in = {on_file, ctx};
    clang_getInclusions(tu, visit_inclusion, &in);
  }
  clang_disposeTranslationUnit(tu);
  return facts;
}
