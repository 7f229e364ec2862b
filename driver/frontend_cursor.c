/*
 * frontend_cursor.c - small questions asked of libclang cursors: children,
 * the expression under parentheses and casts, integer and null constants,
 * locations as the user sees them, and source text.
 *
 * libclang hides implicit casts as "unexposed" expressions with a single
 * child; they are treated like explicit casts throughout.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* realpath */
#endif
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "frontend_internal.h"

/* ---- children ---------------------------------------------------------- */

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  fe_children *k = data;
  if (k->count == k->cap) {
    unsigned cap = k->cap * 2;
    CXCursor *items = malloc(cap * sizeof *items);
    if (!items) abort();
    memcpy(items, k->items, k->count * sizeof *items);
    if (k->items != k->small) free(k->items);
    k->items = items;
    k->cap = cap;
  }
  k->items[k->count++] = c;
  return CXChildVisit_Continue;
}

void fe_children_get(CXCursor c, fe_children *out) {
  out->items = out->small;
  out->count = 0;
  out->cap = sizeof out->small / sizeof out->small[0];
  clang_visitChildren(c, collect, out);
}

void fe_children_free(fe_children *k) {
  if (k->items != k->small) free(k->items);
  k->items = NULL;
}

static enum CXChildVisitResult find_last_expr(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  if (clang_isExpression(clang_getCursorKind(c))) *(CXCursor *)data = c;
  return CXChildVisit_Continue;
}

CXCursor fe_last_expr_child(CXCursor c) {
  CXCursor last = clang_getNullCursor();
  clang_visitChildren(c, find_last_expr, &last);
  return last;
}

typedef struct only_child {
  CXCursor child;
  unsigned count;
} only_child;

static enum CXChildVisitResult count_children(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  only_child *o = data;
  if (++o->count > 1) return CXChildVisit_Break;
  o->child = c;
  return CXChildVisit_Continue;
}

/* ---- stripping --------------------------------------------------------- */

int fe_is_paren_or_cast(CXCursor c) {
  enum CXCursorKind k = clang_getCursorKind(c);
  if (k == CXCursor_ParenExpr || k == CXCursor_CStyleCastExpr) return 1;
  if (k != CXCursor_UnexposedExpr) return 0;
  only_child o = {clang_getNullCursor(), 0};
  clang_visitChildren(c, count_children, &o);
  return o.count == 1 && clang_isExpression(clang_getCursorKind(o.child));
}

CXCursor fe_strip_casts_and(CXCursor c, enum CXUnaryOperatorKind op) {
  for (int guard = 0; guard < 64; guard++) {
    CXCursor inner;
    if (fe_is_paren_or_cast(c))
      inner = fe_last_expr_child(c);
    else if (op != CXUnaryOperator_Invalid && clang_getCursorKind(c) == CXCursor_UnaryOperator &&
             clang_getCursorUnaryOperatorKind(c) == op)
      inner = fe_last_expr_child(c);
    else
      break;
    if (clang_Cursor_isNull(inner)) break;
    c = inner;
  }
  return c;
}

CXCursor fe_strip_casts(CXCursor c) { return fe_strip_casts_and(c, CXUnaryOperator_Invalid); }

/* ---- types and constants ----------------------------------------------- */

int fe_is_integer_type(CXType t) {
  t = clang_getCanonicalType(t);
  switch (t.kind) {
  case CXType_Bool: case CXType_Char_U: case CXType_UChar: case CXType_Char16: case CXType_Char32:
  case CXType_UShort: case CXType_UInt: case CXType_ULong: case CXType_ULongLong: case CXType_UInt128:
  case CXType_Char_S: case CXType_SChar: case CXType_WChar: case CXType_Short: case CXType_Int:
  case CXType_Long: case CXType_LongLong: case CXType_Int128: case CXType_Enum:
    return 1;
  default:
    return 0;
  }
}

int fe_is_function_pointer_type(CXType t) {
  t = clang_getCanonicalType(t);
  if (t.kind != CXType_Pointer) return 0;
  CXType p = clang_getCanonicalType(clang_getPointeeType(t));
  return p.kind == CXType_FunctionProto || p.kind == CXType_FunctionNoProto;
}

int fe_int_constant(CXCursor c, int64_t *value) {
  if (!fe_is_integer_type(clang_getCursorType(c))) return 0;
  /* clang folds calls to some builtins and reads of const variables; neither
   * is an integer constant expression in C, and the plugin would not fold them. */
  CXCursor s = fe_strip_casts(c);
  enum CXCursorKind k = clang_getCursorKind(s);
  if (k == CXCursor_CallExpr) return 0;
  if (k == CXCursor_DeclRefExpr) {
    enum CXCursorKind rk = clang_getCursorKind(clang_getCursorReferenced(s));
    if (rk != CXCursor_EnumConstantDecl) return 0;
  }
  CXEvalResult r = clang_Cursor_Evaluate(c);
  if (!r) return 0;
  int ok = clang_EvalResult_getKind(r) == CXEval_Int;
  if (ok) {
    *value = clang_EvalResult_isUnsignedInt(r) ? (int64_t)clang_EvalResult_getAsUnsigned(r)
                                               : (int64_t)clang_EvalResult_getAsLongLong(r);
  }
  clang_EvalResult_dispose(r);
  return ok;
}

static int is_void_pointer(CXType t) {
  t = clang_getCanonicalType(t);
  if (t.kind != CXType_Pointer) return 0;
  CXType p = clang_getPointeeType(t);
  return p.kind == CXType_Void && !clang_isConstQualifiedType(p) && !clang_isVolatileQualifiedType(p);
}

int fe_is_null_constant(CXCursor c) {
  enum CXTypeKind tk = clang_getCanonicalType(clang_getCursorType(c)).kind;
  if (tk != CXType_Pointer && tk != CXType_BlockPointer && tk != CXType_NullPtr) return 0;
  /* Down through parentheses, implicit casts and casts to void * only: (char *)0
   * is a null pointer but not a null pointer constant. */
  for (int guard = 0; guard < 64; guard++) {
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_CXXNullPtrLiteralExpr || k == CXCursor_GNUNullExpr) return 1;
    if (k == CXCursor_CStyleCastExpr && !is_void_pointer(clang_getCursorType(c))) return 0;
    if (!fe_is_paren_or_cast(c)) break;
    CXCursor inner = fe_last_expr_child(c);
    if (clang_Cursor_isNull(inner)) return 0;
    c = inner;
  }
  int64_t v;
  return fe_int_constant(c, &v) && v == 0;
}

CXType fe_callee_function_type(CXType t) {
  for (int guard = 0; guard < 16; guard++) {
    switch (t.kind) {
    case CXType_Typedef:
      t = clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(t));
      continue;
    case CXType_Elaborated:
      t = clang_Type_getNamedType(t);
      continue;
    case CXType_Pointer:
      t = clang_getPointeeType(t);
      continue;
    case CXType_FunctionProto:
    case CXType_FunctionNoProto:
      return t;
    case CXType_Unexposed: {
      /* Sugar libclang does not name (parentheses in a declarator, ...). */
      CXType canon = clang_getCanonicalType(t);
      if (canon.kind == CXType_FunctionProto || canon.kind == CXType_FunctionNoProto) {
        /* The parameter types of the sugared type keep their typedef names. */
        return clang_getNumArgTypes(t) >= 0 || canon.kind == CXType_FunctionNoProto ? t : canon;
      }
      if (canon.kind == CXType_Pointer) {
        t = clang_getPointeeType(canon);
        continue;
      }
      break;
    }
    default:
      break;
    }
    break;
  }
  CXType invalid = {CXType_Invalid, {NULL, NULL}};
  return invalid;
}

/* ---- names ------------------------------------------------------------- */

static const char *intern_cxstring(fe_state *st, CXString s) {
  const char *c = clang_getCString(s);
  const char *r = c && *c ? sc_facts_intern(st->facts, c) : NULL;
  clang_disposeString(s);
  return r;
}

struct fe_decl_name {
  const void *decl;
  const char *usr, *name;
  /* What the declaration says of the function (fe_declared_effects), once
   * known: a program calls the same few functions many times. */
  int declared_known;
  uint32_t effects;
  const char *annotations;
};

/* The cache entry of a declaration cursor (whose first data word is the
 * declaration), or NULL for other cursors. */
static struct fe_decl_name *decl_entry(fe_state *st, CXCursor c) {
  if (!clang_isDeclaration(clang_getCursorKind(c)) || !c.data[0]) return NULL;
  if (st->names_count * 2 >= st->names_cap) {
    uint32_t cap = st->names_cap ? st->names_cap * 2 : 256;
    struct fe_decl_name *grown = calloc(cap, sizeof *grown);
    if (!grown) abort();
    for (uint32_t i = 0; i < st->names_cap; i++) {
      if (!st->names[i].decl) continue;
      uint32_t h = (uint32_t)(((uintptr_t)st->names[i].decl >> 4) * 2654435761u) & (cap - 1);
      while (grown[h].decl) h = (h + 1) & (cap - 1);
      grown[h] = st->names[i];
    }
    free(st->names);
    st->names = grown;
    st->names_cap = cap;
  }
  uint32_t h = (uint32_t)(((uintptr_t)c.data[0] >> 4) * 2654435761u) & (st->names_cap - 1);
  while (st->names[h].decl && st->names[h].decl != c.data[0]) h = (h + 1) & (st->names_cap - 1);
  if (!st->names[h].decl) {
    st->names[h].decl = c.data[0];
    st->names[h].usr = intern_cxstring(st, clang_getCursorUSR(c));
    st->names[h].name = intern_cxstring(st, clang_getCursorSpelling(c));
    st->names_count++;
  }
  return &st->names[h];
}

void fe_names_free(fe_state *st) {
  free(st->names);
  st->names = NULL;
  st->names_cap = st->names_count = 0;
}

const char *fe_cursor_usr(fe_state *st, CXCursor c) {
  struct fe_decl_name *e = decl_entry(st, c);
  return e ? e->usr : intern_cxstring(st, clang_getCursorUSR(c));
}

const char *fe_cursor_name(fe_state *st, CXCursor c) {
  struct fe_decl_name *e = decl_entry(st, c);
  return e ? e->name : intern_cxstring(st, clang_getCursorSpelling(c));
}

/* ---- what a declaration says of its function ---------------------------- */

void fe_annotation_add(char **joined, size_t *len, const char *text) {
  if (strncmp(text, "stallcheck::", 12) != 0) return;
  size_t n = strlen(text);
  /* An annotation repeated on the declaration and the definition counts once. */
  for (const char *p = *joined; p;) {
    const char *nl = strchr(p, '\n');
    size_t plen = nl ? (size_t)(nl - p) : strlen(p);
    if (plen == n && strncmp(p, text, n) == 0) return;
    p = nl ? nl + 1 : NULL;
  }
  char *grown = realloc(*joined, *len + n + 2);
  if (!grown) abort();
  if (*len) grown[(*len)++] = '\n';
  memcpy(grown + *len, text, n + 1);
  *len += n;
  *joined = grown;
}

uint32_t fe_effect_flags(CXType fn_type) {
  /* libclang has no API for function effects, but clang spells them in the
   * type: 'void (int) __attribute__((nonblocking))'.  nonblocking(false)
   * is spelled 'blocking'; nonallocating says nothing about waiting. */
  CXString s = clang_getTypeSpelling(fn_type);
  const char *t = clang_getCString(s);
  uint32_t flags = 0;
  if (t && strstr(t, "__attribute__((")) {
    if (strstr(t, "__attribute__((nonblocking))")) flags |= SC_FN_NONBLOCKING;
    if (strstr(t, "__attribute__((blocking))")) flags |= SC_FN_BLOCKING;
  }
  clang_disposeString(s);
  return flags;
}

typedef struct annotation_scan {
  char *joined;
  size_t len;
} annotation_scan;

static enum CXChildVisitResult collect_annotation(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  if (clang_getCursorKind(c) == CXCursor_AnnotateAttr) {
    annotation_scan *scan = data;
    CXString s = clang_getCursorSpelling(c);
    fe_annotation_add(&scan->joined, &scan->len, clang_getCString(s));
    clang_disposeString(s);
  }
  return CXChildVisit_Continue;
}

void fe_declared_effects(fe_state *st, CXCursor decl, uint32_t *effects, const char **annotations) {
  struct fe_decl_name *e = decl_entry(st, decl);
  if (e && e->declared_known) {
    *effects = e->effects;
    *annotations = e->annotations;
    return;
  }
  /* clang copies the attributes of earlier declarations onto later ones
   * (as inherited attributes), and the call refers to the latest. */
  annotation_scan scan = {NULL, 0};
  clang_visitChildren(decl, collect_annotation, &scan);
  *effects = fe_effect_flags(clang_getCursorType(decl));
  *annotations = scan.joined ? sc_facts_intern(st->facts, scan.joined) : NULL;
  free(scan.joined);
  if (e) {
    e->declared_known = 1;
    e->effects = *effects;
    e->annotations = *annotations;
  }
}

const char *fe_record_name(fe_state *st, CXCursor field) {
  CXCursor rec = clang_getCursorSemanticParent(field);
  enum CXCursorKind k = clang_getCursorKind(rec);
  if (k != CXCursor_StructDecl && k != CXCursor_UnionDecl) return NULL;
  /* libclang names an anonymous record after its typedef when it has one,
   * and "struct (unnamed at file:line:col)" or "" when it has none. */
  CXString s = clang_getCursorSpelling(rec);
  const char *name = clang_getCString(s);
  const char *r = NULL;
  if (name && *name && !strchr(name, ' ') && !strchr(name, '(')) r = sc_facts_intern(st->facts, name);
  clang_disposeString(s);
  return r;
}

int fe_param_index(fe_state *st, CXCursor decl) {
  for (uint32_t i = 0; i < st->nparams; i++)
    if (clang_equalCursors(st->params[i], decl)) return (int)i;
  return -1;
}

/* ---- locations and text ------------------------------------------------ */

static const char *file_path(fe_state *st, CXFile file) {
  if (file == st->last_file && st->last_path) return st->last_path;
  const char *path = NULL;
  CXString real = clang_File_tryGetRealPathName(file);
  const char *r = clang_getCString(real);
  if (r && *r) path = sc_facts_intern(st->facts, r);
  clang_disposeString(real);
  if (!path) {
    CXString name = clang_getFileName(file);
    const char *n = clang_getCString(name);
    if (n && *n) {
      char resolved[PATH_MAX];
      if (realpath(n, resolved)) {
        path = sc_facts_intern(st->facts, resolved);
      } else if (n[0] != '/' && st->directory) {
        size_t len = strlen(st->directory) + strlen(n) + 2;
        char *joined = malloc(len);
        if (!joined) abort();
        snprintf(joined, len, "%s/%s", st->directory, n);
        path = sc_facts_intern(st->facts, joined);
        free(joined);
      } else {
        path = sc_facts_intern(st->facts, n);
      }
    }
    clang_disposeString(name);
  }
  st->last_file = file;
  st->last_path = path;
  return path;
}

sc_loc fe_loc(fe_state *st, CXSourceLocation l) {
  CXFile file = NULL;
  unsigned line = 0, col = 0;
  clang_getExpansionLocation(l, &file, &line, &col, NULL);
  sc_loc loc = {0};
  if (!file) return loc;
  loc.file = file_path(st, file);
  loc.line = line;
  loc.col = col;
  return loc;
}

static int is_ident_char(char c) {
  return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

uint32_t fe_identifier_length(fe_state *st, CXSourceLocation l) {
  CXFile file = NULL;
  unsigned offset = 0;
  clang_getExpansionLocation(l, &file, NULL, NULL, &offset);
  if (!file) return 0;
  size_t size = 0;
  const char *buf = clang_getFileContents(st->tu, file, &size);
  if (!buf || offset >= size) return 0;
  uint32_t n = 0;
  while (offset + n < size && is_ident_char(buf[offset + n])) n++;
  return n;
}

/* The range of `c` in one file: expansion locations, or, when a macro argument
 * makes those collapse, spelling locations.  Returns the buffer or NULL. */
static const char *cursor_range(fe_state *st, CXCursor c, CXFile *file, unsigned *begin, unsigned *end) {
  CXSourceRange r = clang_getCursorExtent(c);
  CXSourceLocation b = clang_getRangeStart(r), e = clang_getRangeEnd(r);
  for (int spelling = 0; spelling < 2; spelling++) {
    CXFile bf = NULL, ef = NULL;
    unsigned bo = 0, eo = 0;
    if (spelling) {
      clang_getSpellingLocation(b, &bf, NULL, NULL, &bo);
      clang_getSpellingLocation(e, &ef, NULL, NULL, &eo);
    } else {
      clang_getExpansionLocation(b, &bf, NULL, NULL, &bo);
      clang_getExpansionLocation(e, &ef, NULL, NULL, &eo);
    }
    if (!bf || !ef || !clang_File_isEqual(bf, ef) || eo <= bo) continue;
    size_t size = 0;
    const char *buf = clang_getFileContents(st->tu, bf, &size);
    if (!buf || eo > size) continue;
    *file = bf;
    *begin = bo;
    *end = eo;
    return buf;
  }
  return NULL;
}

const char *fe_source_text(fe_state *st, CXCursor c) {
  CXFile file;
  unsigned begin, end;
  const char *buf = cursor_range(st, c, &file, &begin, &end);
  if (!buf) return NULL;
  char *text = malloc(end - begin + 1);
  if (!text) abort();
  size_t n = 0;
  for (unsigned i = begin; i < end; i++) {
    char ch = buf[i];
    int space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
                (ch == '\\' && i + 1 < end && buf[i + 1] == '\n'); /* a line continuation */
    if (space) {
      if (n && text[n - 1] != ' ') text[n++] = ' ';
    } else {
      text[n++] = ch;
    }
  }
  while (n && text[n - 1] == ' ') n--;
  const char *r = n ? sc_facts_intern_n(st->facts, text, n) : NULL;
  free(text);
  return r;
}

const char *fe_token_text(fe_state *st, CXCursor c) {
  CXFile file;
  unsigned begin, end;
  if (!cursor_range(st, c, &file, &begin, &end)) return NULL;
  CXSourceRange range = clang_getRange(clang_getLocationForOffset(st->tu, file, begin),
                                       clang_getLocationForOffset(st->tu, file, end));
  CXToken *tokens = NULL;
  unsigned ntokens = 0;
  clang_tokenize(st->tu, range, &tokens, &ntokens);
  size_t cap = 64, n = 0;
  char *text = malloc(cap);
  if (!text) abort();
  for (unsigned i = 0; i < ntokens; i++) {
    CXString s = clang_getTokenSpelling(st->tu, tokens[i]);
    const char *t = clang_getCString(s);
    size_t len = t ? strlen(t) : 0;
    if (n + len + 2 > cap) {
      while (n + len + 2 > cap) cap *= 2;
      char *grown = realloc(text, cap);
      if (!grown) abort();
      text = grown;
    }
    if (n) text[n++] = ' ';
    if (len) memcpy(text + n, t, len);
    n += len;
    clang_disposeString(s);
  }
  if (tokens) clang_disposeTokens(st->tu, tokens, ntokens);
  const char *r = n ? sc_facts_intern_n(st->facts, text, n) : NULL;
  free(text);
  return r;
}
