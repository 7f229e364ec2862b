/*
 * frontend_body.c - the walk over a function body (or a file-scope
 * initialiser) that records calls with their arguments, the places function
 * addresses flow to, and loops.
 *
 * The walk carries a *target*: what a function reference met at this point
 * would flow into.  Parentheses, casts, `&` and the arms of `?:` pass the
 * target down unchanged; every other expression resets it to "other".
 */
#include <stdlib.h>
#include <string.h>

#include "frontend_internal.h"
#include "stallcheck/catalog.h"

typedef enum target_kind {
  T_OTHER = 0,
  T_CALLEE, /* the callee of a direct call: not a flow */
  T_ARG,
  T_VAR,
  T_FIELD,
  T_RETURN
} target_kind;

typedef struct target {
  target_kind kind;
  int plain; /* reached through parentheses and casts only (no `&`, no `?:`) */
  uint32_t call, arg;
  const char *var_usr, *var_name;
  const char *record, *field;
} target;

static const target other = {T_OTHER, 1, SC_NONE, SC_NONE, NULL, NULL, NULL, NULL};

static void walk(fe_state *st, CXCursor c, target tgt);

static enum CXChildVisitResult walk_child_other(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  walk(data, c, other);
  return CXChildVisit_Continue;
}

static void walk_children(fe_state *st, CXCursor c, target tgt) {
  if (tgt.kind == T_OTHER) {
    clang_visitChildren(c, walk_child_other, st);
    return;
  }
  fe_children k;
  fe_children_get(c, &k);
  for (unsigned i = 0; i < k.count; i++) walk(st, k.items[i], tgt);
  fe_children_free(&k);
}

/* ---- targets ----------------------------------------------------------- */

static target var_target(fe_state *st, CXCursor var) {
  target t = other;
  t.kind = T_VAR;
  t.var_usr = fe_cursor_usr(st, var);
  t.var_name = fe_cursor_name(st, var);
  return t;
}

static target field_target(fe_state *st, CXCursor field) {
  target t = other;
  t.kind = T_FIELD;
  t.record = fe_record_name(st, field);
  t.field = fe_cursor_name(st, field);
  return t;
}

/* The base of `a[i]` (or `i[a]`): the side of pointer or array type. */
static CXCursor subscript_base(CXCursor c) {
  fe_children k;
  fe_children_get(c, &k);
  CXCursor base = k.count ? k.items[0] : clang_getNullCursor();
  for (unsigned i = 0; i < k.count; i++) {
    enum CXTypeKind tk = clang_getCanonicalType(clang_getCursorType(k.items[i])).kind;
    if (tk == CXType_Pointer || tk == CXType_ConstantArray || tk == CXType_IncompleteArray ||
        tk == CXType_VariableArray) {
      base = k.items[i];
      break;
    }
  }
  fe_children_free(&k);
  return base;
}

/* What a value stored through `lhs` lands in: stripped as for callees, an
 * element of an array counting as the array. */
static target store_target(fe_state *st, CXCursor lhs) {
  CXCursor s = fe_strip_casts_and(lhs, CXUnaryOperator_Deref);
  if (clang_getCursorKind(s) == CXCursor_ArraySubscriptExpr) {
    CXCursor base = subscript_base(s);
    if (clang_Cursor_isNull(base)) return other;
    s = fe_strip_casts_and(base, CXUnaryOperator_Deref);
  }
  enum CXCursorKind k = clang_getCursorKind(s);
  if (k == CXCursor_DeclRefExpr) {
    CXCursor ref = clang_getCursorReferenced(s);
    enum CXCursorKind rk = clang_getCursorKind(ref);
    if (rk == CXCursor_VarDecl || rk == CXCursor_ParmDecl) return var_target(st, ref);
  } else if (k == CXCursor_MemberRefExpr) {
    CXCursor ref = clang_getCursorReferenced(s);
    if (clang_getCursorKind(ref) == CXCursor_FieldDecl) return field_target(st, ref);
  }
  return other;
}

/* ---- flows ------------------------------------------------------------- */

static void add_flow(fe_state *st, CXCursor ref_expr, const target *tgt, sc_flow *flow) {
  switch (tgt->kind) {
  case T_ARG:
    flow->kind = SC_FLOW_ARG;
    flow->call = tgt->call;
    flow->arg = tgt->arg;
    break;
  case T_VAR:
    flow->kind = SC_FLOW_VAR;
    flow->var_usr = tgt->var_usr;
    flow->var_name = tgt->var_name;
    break;
  case T_FIELD:
    flow->kind = SC_FLOW_FIELD;
    flow->record = tgt->record;
    flow->field = tgt->field;
    break;
  case T_RETURN: flow->kind = SC_FLOW_RETURN; break;
  default: flow->kind = SC_FLOW_OTHER; break;
  }
  flow->function = st->function;
  if (st->function == SC_NONE) flow->holder_usr = st->holder_usr;
  flow->loc = fe_loc(st, clang_getCursorLocation(ref_expr));
  sc_facts_add_flow(st->facts, flow);
}

/* A number holds no function: references to it keep nothing alive. */
static int is_number_type(CXType t) {
  t = clang_getCanonicalType(t);
  if (fe_is_integer_type(t)) return 1;
  switch (t.kind) {
  case CXType_Float: case CXType_Double: case CXType_LongDouble: case CXType_Float128: case CXType_Half:
  case CXType_Float16:
    return 1;
  default:
    return 0;
  }
}

/* A reference to a file-scope variable of the program (a table, a struct,
 * a pointer): sc_var_ref. */
static void note_var_ref(fe_state *st, CXCursor var) {
  if (clang_Cursor_hasVarDeclGlobalStorage(var) != 1 || is_number_type(clang_getCursorType(var))) return;
  if (clang_getCursorKind(clang_getCursorSemanticParent(var)) != CXCursor_TranslationUnit) return;
  if (clang_Location_isInSystemHeader(clang_getCursorLocation(var))) return;
  sc_var_ref ref = {st->function, st->function == SC_NONE ? st->holder_usr : NULL, fe_cursor_usr(st, var)};
  if (ref.var_usr && (ref.function != SC_NONE || ref.holder_usr)) sc_facts_add_var_ref(st->facts, &ref);
}

static void visit_decl_ref(fe_state *st, CXCursor c, const target *tgt) {
  CXCursor ref = clang_getCursorReferenced(c);
  enum CXCursorKind rk = clang_getCursorKind(ref);
  if (rk == CXCursor_VarDecl) {
    note_var_ref(st, ref);
  } else if (rk == CXCursor_FunctionDecl) {
    if (tgt->kind == T_CALLEE) return;
    sc_flow flow = {0};
    flow.fn_usr = fe_cursor_usr(st, ref);
    flow.fn_name = fe_cursor_name(st, ref);
    flow.src_param = SC_NONE;
    flow.call = flow.arg = SC_NONE;
    add_flow(st, c, tgt, &flow);
  } else if (rk == CXCursor_ParmDecl && (tgt->kind == T_VAR || tgt->kind == T_FIELD) && tgt->plain &&
             st->function != SC_NONE && fe_is_function_pointer_type(clang_getCursorType(ref))) {
    /* A registrar the program wrote itself stores its callback parameter. */
    int index = fe_param_index(st, ref);
    if (index < 0) return;
    sc_flow flow = {0};
    flow.fn_name = fe_cursor_name(st, ref);
    flow.src_param = (uint32_t)index;
    flow.call = flow.arg = SC_NONE;
    add_flow(st, c, tgt, &flow);
  }
}

/* ---- calls ------------------------------------------------------------- */

/* Classifies a reference to a declaration as a callee or an argument. */
typedef enum ref_kind { REF_NONE, REF_FUNCTION, REF_PARAM, REF_VAR } ref_kind;

static ref_kind classify_ref(fe_state *st, CXCursor ref, int *param) {
  switch (clang_getCursorKind(ref)) {
  case CXCursor_FunctionDecl: return REF_FUNCTION;
  case CXCursor_ParmDecl:
    *param = st->function == SC_NONE ? -1 : fe_param_index(st, ref);
    return *param >= 0 ? REF_PARAM : REF_VAR;
  case CXCursor_VarDecl: return REF_VAR;
  default: return REF_NONE;
  }
}

static void classify_callee(fe_state *st, CXCursor callee, sc_call *call, CXCursor *direct_ref) {
  call->callee_kind = SC_CALLEE_UNKNOWN;
  CXCursor s = fe_strip_casts_and(callee, CXUnaryOperator_Deref);
  int subscript = 0;
  if (clang_getCursorKind(s) == CXCursor_ArraySubscriptExpr) {
    CXCursor base = subscript_base(s);
    if (clang_Cursor_isNull(base)) return;
    s = fe_strip_casts_and(base, CXUnaryOperator_Deref);
    subscript = 1;
  }
  enum CXCursorKind k = clang_getCursorKind(s);
  if (k == CXCursor_DeclRefExpr) {
    CXCursor ref = clang_getCursorReferenced(s);
    int param = -1;
    switch (classify_ref(st, ref, &param)) {
    case REF_FUNCTION:
      if (subscript) return;
      call->callee_kind = SC_CALLEE_DIRECT;
      *direct_ref = s;
      break;
    case REF_PARAM:
      call->callee_kind = SC_CALLEE_PARAM;
      call->param = (uint32_t)param;
      break;
    case REF_VAR: call->callee_kind = SC_CALLEE_VAR; break;
    default: return;
    }
    if (call->callee_kind != SC_CALLEE_PARAM) call->callee_usr = fe_cursor_usr(st, ref);
    call->callee_name = fe_cursor_name(st, ref);
  } else if (k == CXCursor_MemberRefExpr) {
    CXCursor ref = clang_getCursorReferenced(s);
    if (clang_getCursorKind(ref) != CXCursor_FieldDecl) return;
    call->callee_kind = SC_CALLEE_FIELD;
    call->callee_name = fe_cursor_name(st, ref);
    call->record = fe_record_name(st, ref);
  }
}

/* A variable that always holds one string literal: `static const char *const
 * path = "/proc/sys/..."` or `static const char path[] = "..."` (const, so
 * nothing can store another value): the literal, as SC_ARG_STRING. */
static int const_string_var(fe_state *st, CXCursor var, sc_arg *arg) {
  CXType t = clang_getCanonicalType(clang_getCursorType(var));
  int is_const = t.kind == CXType_Pointer ? clang_isConstQualifiedType(t) && clang_isConstQualifiedType(clang_getPointeeType(t))
                 : t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray
                     ? clang_isConstQualifiedType(t) || clang_isConstQualifiedType(clang_getArrayElementType(t))
                     : 0;
  CXCursor init = is_const ? clang_Cursor_getVarDeclInitializer(var) : clang_getNullCursor();
  if (clang_Cursor_isNull(init) || clang_getCursorKind(fe_strip_casts(init)) != CXCursor_StringLiteral) return 0;
  CXEvalResult r = clang_Cursor_Evaluate(init);
  int ok = r && clang_EvalResult_getKind(r) == CXEval_StrLiteral;
  if (ok) {
    arg->kind = SC_ARG_STRING;
    arg->text = sc_facts_intern(st->facts, clang_EvalResult_getAsStr(r));
  }
  if (r) clang_EvalResult_dispose(r);
  if (!ok) {
    /* An array's initialiser does not decay, and libclang evaluates a
     * literal only under its decay: its spelling, quotes off, when it has
     * no escapes to decode. */
    CXString spelling = clang_getCursorSpelling(fe_strip_casts(init));
    const char *text = clang_getCString(spelling);
    size_t n = text ? strlen(text) : 0;
    ok = n >= 2 && text[0] == '"' && text[n - 1] == '"' && !memchr(text, '\\', n);
    if (ok) {
      arg->kind = SC_ARG_STRING;
      arg->text = sc_facts_intern_n(st->facts, text + 1, n - 2);
    }
    clang_disposeString(spelling);
  }
  return ok;
}

static void classify_arg(fe_state *st, CXCursor a, sc_arg *arg) {
  if (fe_is_null_constant(a)) {
    arg->kind = SC_ARG_NULL;
    return;
  }
  /* Stripped by hand to keep the wrapper of a string literal: libclang
   * evaluates a literal only under its array-to-pointer decay. */
  CXCursor s = a, decayed = a;
  for (int guard = 0; guard < 64; guard++) {
    int strip = fe_is_paren_or_cast(s) || (clang_getCursorKind(s) == CXCursor_UnaryOperator &&
                                           clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_AddrOf);
    CXCursor inner = strip ? fe_last_expr_child(s) : clang_getNullCursor();
    if (clang_Cursor_isNull(inner)) break;
    decayed = s;
    s = inner;
  }
  /* A function pointer taken from a handler table or a struct of handlers
   * (uv_timer_start(&t, table[i], ...), uv_read_start(s, alloc, h->on_read)):
   * its values are what the program stores there. */
  if (fe_is_function_pointer_type(clang_getCursorType(s))) {
    CXCursor e = fe_strip_casts_and(s, CXUnaryOperator_Deref);
    if (clang_getCursorKind(e) == CXCursor_ArraySubscriptExpr) {
      CXCursor base = subscript_base(e);
      if (!clang_Cursor_isNull(base)) e = fe_strip_casts_and(base, CXUnaryOperator_Deref);
    }
    if (clang_getCursorKind(e) == CXCursor_MemberRefExpr) {
      CXCursor ref = clang_getCursorReferenced(e);
      if (clang_getCursorKind(ref) == CXCursor_FieldDecl) {
        arg->kind = SC_ARG_FIELD;
        arg->name = fe_cursor_name(st, ref);
        arg->record = fe_record_name(st, ref);
        return;
      }
    }
    if (clang_getCursorKind(e) == CXCursor_DeclRefExpr && !clang_equalCursors(e, s)) s = e;
  }
  enum CXCursorKind k = clang_getCursorKind(s);
  if (k == CXCursor_StringLiteral) {
    CXEvalResult r = clang_Cursor_Evaluate(decayed);
    if (r && clang_EvalResult_getKind(r) == CXEval_StrLiteral) {
      arg->kind = SC_ARG_STRING;
      arg->text = sc_facts_intern(st->facts, clang_EvalResult_getAsStr(r));
    }
    if (r) clang_EvalResult_dispose(r);
    if (arg->kind == SC_ARG_STRING) return;
  }
  if (k == CXCursor_DeclRefExpr) {
    CXCursor ref = clang_getCursorReferenced(s);
    int param = -1;
    switch (classify_ref(st, ref, &param)) {
    case REF_FUNCTION:
      arg->kind = SC_ARG_FUNC;
      arg->usr = fe_cursor_usr(st, ref);
      arg->name = fe_cursor_name(st, ref);
      return;
    case REF_PARAM:
      arg->kind = SC_ARG_PARAM;
      arg->param = (uint32_t)param;
      arg->name = fe_cursor_name(st, ref);
      return;
    case REF_VAR: {
      if (const_string_var(st, ref, arg)) return;
      arg->kind = SC_ARG_VAR;
      arg->usr = fe_cursor_usr(st, ref);
      arg->name = fe_cursor_name(st, ref);
      /* The last assignment, even in a branch left since: the stream of a
       * kernel file opened in both branches (redis's zmalloc) is read
       * silently; a disk file opened in one of them is reported at its open. */
      uint32_t from = clang_Cursor_hasVarDeclGlobalStorage(ref) == 1 ? SC_NONE : fe_var_call(st, ref, 0);
      arg->value_call = from == SC_NONE ? 0 : from + 1;
      return;
    }
    default: break;
    }
  }
  int64_t v;
  if (fe_int_constant(a, &v)) {
    arg->kind = SC_ARG_INT;
    arg->ival = v;
  }
}

static const char *type_spelling(fe_state *st, CXType t) {
  CXString s = clang_getTypeSpelling(t);
  const char *r = sc_facts_intern(st->facts, clang_getCString(s));
  clang_disposeString(s);
  return r;
}

/* Records the call and walks its callee and arguments. */
static void visit_call(fe_state *st, CXCursor c) {
  fe_children k;
  fe_children_get(c, &k);
  if (k.count == 0 || st->function == SC_NONE) {
    for (unsigned i = 0; i < k.count; i++) walk(st, k.items[i], other);
    fe_children_free(&k);
    return;
  }
  CXCursor callee = k.items[0];
  int n = clang_Cursor_getNumArguments(c);
  unsigned nargs = n < 0 ? 0 : (unsigned)n;
  if (nargs > k.count - 1) nargs = k.count - 1;

  sc_call call = {0};
  call.caller = st->function;
  call.param = SC_NONE;
  call.loop = st->loop;
  call.zero_guard = st->zero_guard == SC_NONE ? 0 : st->zero_guard + 1;
  call.param_guards = st->param_guards;
  CXCursor direct_ref = clang_getNullCursor();
  classify_callee(st, callee, &call, &direct_ref);
  call.loc = fe_loc(st, clang_getCursorLocation(c));
  if (call.callee_kind == SC_CALLEE_DIRECT) {
    fe_declared_effects(st, clang_getCursorReferenced(direct_ref), &call.callee_flags, &call.callee_annotations);
    sc_loc name = fe_loc(st, clang_getCursorLocation(direct_ref));
    uint32_t len = fe_identifier_length(st, clang_getCursorLocation(direct_ref));
    if (len && name.file == call.loc.file) {
      call.loc.end_line = name.line;
      call.loc.end_col = name.col + len;
    }
  }

  CXType fn_type = fe_callee_function_type(clang_getCursorType(callee));
  int nparams = fn_type.kind == CXType_FunctionProto ? clang_getNumArgTypes(fn_type) : -1;
  int wants_text = call.callee_kind == SC_CALLEE_DIRECT && call.callee_name &&
                   sc_catalog_wants_arg_text(call.callee_name);

  sc_arg small[8];
  sc_arg *args = nargs <= 8 ? small : calloc(nargs, sizeof *args);
  if (!args) abort();
  for (unsigned i = 0; i < nargs; i++) {
    CXCursor a = k.items[i + 1];
    memset(&args[i], 0, sizeof args[i]);
    args[i].param = SC_NONE;
    classify_arg(st, a, &args[i]);
    if ((int)i < nparams) args[i].type = type_spelling(st, clang_getArgType(fn_type, i));
    if (wants_text && args[i].kind != SC_ARG_STRING) args[i].text = fe_arg_text_with_fields(st, a);
  }
  uint32_t index = sc_facts_add_call(st->facts, &call, args, nargs);
  fe_recent_call_add(st, c, index);
  if (args != small) free(args);

  target callee_tgt = other;
  if (call.callee_kind == SC_CALLEE_DIRECT) callee_tgt.kind = T_CALLEE;
  walk(st, callee, callee_tgt);
  for (unsigned i = 1; i < k.count; i++) {
    target t = other;
    if (i - 1 < nargs) {
      t.kind = T_ARG;
      t.call = index;
      t.arg = i - 1;
    }
    walk(st, k.items[i], t);
  }
  fe_children_free(&k);
}

/* ---- brace initialisers ------------------------------------------------ */

typedef struct field_list {
  CXCursor *items;
  unsigned count, cap;
} field_list;

static enum CXVisitorResult collect_field(CXCursor field, CXClientData data) {
  field_list *f = data;
  /* Unnamed bit-fields take no initialiser. */
  CXString name = clang_getCursorSpelling(field);
  int unnamed_bitfield = clang_Cursor_isBitField(field) && !*clang_getCString(name);
  clang_disposeString(name);
  if (unnamed_bitfield) return CXVisit_Continue;
  if (f->count == f->cap) {
    f->cap = f->cap ? f->cap * 2 : 8;
    f->items = realloc(f->items, f->cap * sizeof *f->items);
    if (!f->items) abort();
  }
  f->items[f->count++] = field;
  return CXVisit_Continue;
}

static int is_array_type(CXType t) {
  switch (clang_getCanonicalType(t).kind) {
  case CXType_ConstantArray: case CXType_IncompleteArray: case CXType_VariableArray:
  case CXType_DependentSizedArray:
    return 1;
  default:
    return 0;
  }
}

/* A designated element `.f = v` / `[i] = v` / `.a.b[2] = v`: libclang shows
 * its designators (MemberRef for fields, expressions for indexes) then the
 * value.  Returns 1 and sets the last field designator (or a null cursor),
 * the first one and the value. */
static int designated(CXCursor e, CXCursor *first_field, CXCursor *last_field, CXCursor *value) {
  if (clang_getCursorKind(e) != CXCursor_UnexposedExpr) return 0;
  fe_children k;
  fe_children_get(e, &k);
  int is = k.count >= 2;
  if (is) {
    *first_field = *last_field = clang_getNullCursor();
    for (unsigned i = 0; i + 1 < k.count; i++) {
      if (clang_getCursorKind(k.items[i]) != CXCursor_MemberRef) continue;
      CXCursor field = clang_getCursorReferenced(k.items[i]);
      if (clang_Cursor_isNull(*first_field)) *first_field = field;
      *last_field = field;
    }
    *value = k.items[k.count - 1];
  }
  fe_children_free(&k);
  return is;
}

static void visit_init_list(fe_state *st, CXCursor list, target tgt);

static void visit_init_element(fe_state *st, CXCursor e, target tgt) {
  CXCursor s = e;
  while (clang_getCursorKind(s) == CXCursor_ParenExpr) s = fe_last_expr_child(s);
  if (clang_getCursorKind(s) == CXCursor_InitListExpr)
    visit_init_list(st, s, tgt);
  else
    walk(st, e, tgt);
}

static void visit_init_list(fe_state *st, CXCursor list, target tgt) {
  CXType type = clang_getCursorType(list);
  CXType canon = clang_getCanonicalType(type);
  fe_children k;
  fe_children_get(list, &k);
  if (canon.kind == CXType_Record) {
    field_list fields = {0};
    clang_Type_visitFields(canon, collect_field, &fields);
    int is_union = clang_getCursorKind(clang_getTypeDeclaration(canon)) == CXCursor_UnionDecl;
    unsigned next = 0;
    for (unsigned i = 0; i < k.count; i++) {
      CXCursor first, last, value;
      if (designated(k.items[i], &first, &last, &value)) {
        for (unsigned f = 0; f < fields.count && !clang_Cursor_isNull(first); f++)
          if (clang_equalCursors(fields.items[f], first)) next = f + 1;
        visit_init_element(st, value, clang_Cursor_isNull(last) ? other : field_target(st, last));
      } else if (next < fields.count && !(is_union && next > 0)) {
        visit_init_element(st, k.items[i], field_target(st, fields.items[next++]));
      } else {
        walk(st, k.items[i], other);
      }
    }
    free(fields.items);
  } else if (is_array_type(canon)) {
    CXType elem = clang_getArrayElementType(canon);
    target elem_tgt = other;
    if (tgt.kind == T_FIELD) {
      elem_tgt = tgt; /* an element of an array member stores into the member */
    } else if (tgt.kind == T_VAR && (fe_is_function_pointer_type(elem) || is_array_type(elem))) {
      elem_tgt = tgt;
      elem_tgt.kind = T_VAR;
    }
    for (unsigned i = 0; i < k.count; i++) {
      CXCursor first, last, value;
      if (designated(k.items[i], &first, &last, &value))
        visit_init_element(st, value, clang_Cursor_isNull(last) ? elem_tgt : field_target(st, last));
      else
        visit_init_element(st, k.items[i], elem_tgt);
    }
  } else {
    /* A scalar in braces: `cb_t p = { f };` */
    for (unsigned i = 0; i < k.count; i++) walk(st, k.items[i], tgt);
  }
  fe_children_free(&k);
}

/* `v = e` with `v` a `static` file-scope variable: sc_var_store.  `&v`
 * (value null) is a store of something unknown: v may be written through
 * the pointer. */
static void note_static_store(fe_state *st, CXCursor lhs, CXCursor value) {
  CXCursor s = fe_strip_casts(lhs);
  if (st->function == SC_NONE || clang_getCursorKind(s) != CXCursor_DeclRefExpr) return;
  CXCursor var = clang_getCursorReferenced(s);
  if (clang_getCursorKind(var) != CXCursor_VarDecl || clang_getCursorLinkage(var) != CXLinkage_Internal ||
      clang_getCursorKind(clang_getCursorSemanticParent(var)) != CXCursor_TranslationUnit)
    return;
  /* Only what can hold a stream or a descriptor. */
  CXType type = clang_getCanonicalType(clang_getCursorType(var));
  if (type.kind != CXType_Pointer && !fe_is_integer_type(type)) return;
  if (clang_Cursor_isNull(value)) {
    sc_var_store unknown = {st->function, fe_cursor_usr(st, var), 0, 0};
    if (unknown.var_usr) sc_facts_add_var_store(st->facts, &unknown);
    return;
  }
  CXCursor v = fe_strip_casts(value);
  uint32_t call = clang_getCursorKind(v) == CXCursor_CallExpr ? fe_recent_call_find(st, v) : SC_NONE;
  sc_var_store store = {st->function, fe_cursor_usr(st, var), call == SC_NONE ? 0 : call + 1,
                        (uint32_t)fe_is_null_constant(value)};
  if (store.var_usr) sc_facts_add_var_store(st->facts, &store);
}

/* After `v = e` or `T v = e`: a local `v` now holds the result of the call
 * `e` is, or of none (frontend_branches.c). */
static void remember_assigned_call(fe_state *st, CXCursor var, CXCursor value) {
  if (st->function == SC_NONE || clang_Cursor_isNull(var) || clang_Cursor_hasVarDeclGlobalStorage(var) == 1) return;
  CXCursor s = fe_strip_casts(value);
  fe_var_call_set(st, var, clang_getCursorKind(s) == CXCursor_CallExpr ? fe_recent_call_find(st, s) : SC_NONE);
}

/* `struct addrinfo hints = {.ai_flags = AI_NUMERICHOST, ...}`: the
 * designated fields of a local's initialiser are stores to them. */
static void remember_designated_fields(fe_state *st, CXCursor var, CXCursor init) {
  if (st->function == SC_NONE || clang_Cursor_hasVarDeclGlobalStorage(var) == 1) return;
  CXCursor list = fe_strip_casts(init);
  if (clang_getCursorKind(list) != CXCursor_InitListExpr) return;
  fe_children k;
  fe_children_get(list, &k);
  for (unsigned i = 0; i < k.count; i++) {
    CXCursor first, last, value;
    if (designated(k.items[i], &first, &last, &value) && !clang_Cursor_isNull(last) && clang_equalCursors(first, last))
      fe_field_store_set(st, var, fe_cursor_name(st, last), value);
  }
  fe_children_free(&k);
}

static void visit_var(fe_state *st, CXCursor var) {
  CXCursor init = clang_Cursor_getVarDeclInitializer(var);
  fe_children k;
  fe_children_get(var, &k);
  for (unsigned i = 0; i < k.count; i++) {
    if (!clang_Cursor_isNull(init) && clang_equalCursors(k.items[i], init))
      visit_init_element(st, k.items[i], var_target(st, var));
    else
      walk(st, k.items[i], other);
  }
  fe_children_free(&k);
  if (!clang_Cursor_isNull(init)) {
    remember_assigned_call(st, var, init);
    remember_designated_fields(st, var, init);
  }
}

/* ---- branches ---------------------------------------------------------- */

/* Walks `c` with the calls in it guarded by `guard` (SC_NONE: unchanged)
 * and by the parameters in `params` too. */
static void walk_guarded(fe_state *st, CXCursor c, uint32_t guard, uint32_t params) {
  uint32_t saved = st->zero_guard, saved_params = st->param_guards;
  if (guard != SC_NONE) st->zero_guard = guard;
  st->param_guards |= params;
  st->branch_depth++;
  walk(st, c, other);
  st->branch_depth--;
  st->zero_guard = saved;
  st->param_guards = saved_params;
}

/* if (cond) then [else]: a debugging switch left off hides `then`; a test
 * of a call's result against 0 guards the branch where it is 0; a test of
 * a parameter guards the branch where it is nonzero. */
static void visit_if(fe_state *st, CXCursor c) {
  fe_children k;
  fe_children_get(c, &k);
  if (k.count < 2) {
    for (unsigned i = 0; i < k.count; i++) walk(st, k.items[i], other);
    fe_children_free(&k);
    return;
  }
  CXCursor cond = k.items[0];
  fe_zero_test test = fe_zero_test_of(st, cond, 0);
  uint32_t when_true = 0, when_false = 0;
  fe_param_test_of(st, cond, &when_true, &when_false);
  walk(st, cond, other);
  uint32_t guard = fe_zero_test_call(st, &test);
  if (!fe_is_dead_flag_test(st, cond))
    walk_guarded(st, k.items[1], test.branch == FE_ZERO_THEN ? guard : SC_NONE, when_true);
  for (unsigned i = 2; i < k.count; i++)
    walk_guarded(st, k.items[i], test.branch == FE_ZERO_ELSE ? guard : SC_NONE, when_false);
  fe_children_free(&k);
}

/* `if (pid < 0) return ...; else if (pid) { ...; return ...; }`, or the
 * same as separate statements: an if-else-if chain with no final else whose
 * every arm returns, one of them tested on a call's result being nonzero
 * (`if (pid)`, `pid != 0`): what follows runs only where that call returned
 * 0 (the child of fork()).  The call, or SC_NONE.  Read before the
 * statement is walked; the call met in its condition is found after. */
static uint32_t parent_returns_unless_zero(fe_state *st, CXCursor s) {
  uint32_t found = SC_NONE;
  for (int guard = 0; guard < 8 && clang_getCursorKind(s) == CXCursor_IfStmt; guard++) {
    fe_children k;
    fe_children_get(s, &k);
    int ok = k.count >= 2 && fe_always_returns(k.items[1]);
    if (ok) {
      fe_zero_test test = fe_zero_test_of(st, k.items[0], 0);
      if (test.branch == FE_ZERO_ELSE && test.known != SC_NONE) found = test.known;
    }
    CXCursor next = ok && k.count == 3 ? k.items[2] : clang_getNullCursor();
    int last = ok && k.count == 2;
    fe_children_free(&k);
    if (!ok) return SC_NONE;
    if (last) return found;
    s = next;
  }
  return SC_NONE;
}

/* { ...; if (!flag) return ...; rest }: the rest runs only when `flag` is
 * nonzero, up to a label another jump may enter by. */
static void visit_block(fe_state *st, CXCursor c) {
  fe_children k;
  fe_children_get(c, &k);
  uint32_t saved = st->param_guards, saved_zero = st->zero_guard;
  for (unsigned i = 0; i < k.count; i++) {
    enum CXCursorKind kind = clang_getCursorKind(k.items[i]);
    /* A goto or a case may jump past the return to a label. */
    if (kind == CXCursor_LabelStmt || kind == CXCursor_CaseStmt || kind == CXCursor_DefaultStmt) {
      st->param_guards = saved;
      st->zero_guard = saved_zero;
    }
    /* Before the walk: the variables the conditions read hold what they
     * held then. */
    uint32_t child_guard = kind == CXCursor_IfStmt ? parent_returns_unless_zero(st, k.items[i]) : SC_NONE;
    walk(st, k.items[i], other);
    if (kind != CXCursor_IfStmt) continue;
    if (child_guard != SC_NONE) st->zero_guard = child_guard;
    fe_children branches;
    fe_children_get(k.items[i], &branches);
    if (branches.count == 2 && fe_always_returns(branches.items[1])) {
      uint32_t when_true = 0, when_false = 0;
      fe_param_test_of(st, branches.items[0], &when_true, &when_false);
      st->param_guards |= when_false;
    }
    fe_children_free(&branches);
  }
  st->param_guards = saved;
  st->zero_guard = saved_zero;
  fe_children_free(&k);
}

/* A case label, followed through `case 1: case 0:` chains: whether the
 * statements under it run only for 0, and the statement it labels. */
static CXCursor case_body(CXCursor c, int *only_zero) {
  int labels = 0, zero = 0;
  for (;;) {
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_CaseStmt && k != CXCursor_DefaultStmt) break;
    fe_children ch;
    fe_children_get(c, &ch);
    int64_t v;
    labels++;
    if (k == CXCursor_CaseStmt && ch.count == 2 && fe_int_constant(ch.items[0], &v) && v == 0) zero = 1;
    CXCursor next = ch.count ? ch.items[ch.count - 1] : clang_getNullCursor();
    fe_children_free(&ch);
    if (clang_Cursor_isNull(next)) break;
    c = next;
  }
  *only_zero = labels == 1 && zero;
  return c;
}

/* switch (E) { case 0: ... }: the statements from `case 0:` to the next
 * label run when E's call returned 0. */
static void visit_switch(fe_state *st, CXCursor c) {
  fe_children k;
  fe_children_get(c, &k);
  if (k.count != 2 || clang_getCursorKind(k.items[1]) != CXCursor_CompoundStmt) {
    for (unsigned i = 0; i < k.count; i++) walk(st, k.items[i], other);
    fe_children_free(&k);
    return;
  }
  fe_zero_test test = fe_zero_test_of(st, k.items[0], 1);
  walk(st, k.items[0], other);
  uint32_t guard = fe_zero_test_call(st, &test), active = SC_NONE;
  fe_children body;
  fe_children_get(k.items[1], &body);
  for (unsigned i = 0; i < body.count; i++) {
    CXCursor s = body.items[i];
    enum CXCursorKind kind = clang_getCursorKind(s);
    if (kind == CXCursor_CaseStmt || kind == CXCursor_DefaultStmt) {
      int only_zero = 0;
      s = case_body(s, &only_zero);
      active = only_zero ? guard : SC_NONE;
      if (clang_getCursorKind(s) == CXCursor_CaseStmt || clang_getCursorKind(s) == CXCursor_DefaultStmt) continue;
    }
    walk_guarded(st, s, active, 0);
  }
  fe_children_free(&body);
  fe_children_free(&k);
}

/* ---- loops ------------------------------------------------------------- */

static int refers_to(CXCursor expr, CXCursor decl) {
  CXCursor s = fe_strip_casts(expr);
  return clang_getCursorKind(s) == CXCursor_DeclRefExpr && !clang_Cursor_isNull(decl) &&
         clang_equalCursors(clang_getCursorReferenced(s), decl);
}

/* Finds `var = c0` or `int var = c0` in a for-init (also inside a comma list). */
static int init_constant(CXCursor init, CXCursor var, int64_t *c0) {
  CXCursor s = fe_strip_casts(init);
  enum CXCursorKind k = clang_getCursorKind(s);
  int found = 0;
  fe_children kids;
  fe_children_get(s, &kids);
  if (k == CXCursor_DeclStmt) {
    for (unsigned i = 0; i < kids.count && !found; i++) {
      if (!clang_equalCursors(kids.items[i], var)) continue;
      CXCursor value = clang_Cursor_getVarDeclInitializer(kids.items[i]);
      found = !clang_Cursor_isNull(value) && fe_int_constant(value, c0);
    }
  } else if (k == CXCursor_BinaryOperator && kids.count == 2) {
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
    if (op == CXBinaryOperator_Assign)
      found = refers_to(kids.items[0], var) && fe_int_constant(kids.items[1], c0);
    else if (op == CXBinaryOperator_Comma)
      found = init_constant(kids.items[0], var, c0) || init_constant(kids.items[1], var, c0);
  }
  fe_children_free(&kids);
  return found;
}

/* The variable a for loop steps: declared or assigned in its init, else
 * changed in its increment. */
static CXCursor loop_variable(CXCursor init, CXCursor inc) {
  CXCursor none = clang_getNullCursor();
  CXCursor parts[2] = {init, inc};
  for (int p = 0; p < 2; p++) {
    if (clang_Cursor_isNull(parts[p])) continue;
    CXCursor s = fe_strip_casts(parts[p]);
    enum CXCursorKind k = clang_getCursorKind(s);
    fe_children kids;
    fe_children_get(s, &kids);
    CXCursor found = none;
    if (k == CXCursor_DeclStmt && kids.count && clang_getCursorKind(kids.items[0]) == CXCursor_VarDecl) {
      found = kids.items[0];
    } else if ((k == CXCursor_BinaryOperator || k == CXCursor_CompoundAssignOperator ||
                k == CXCursor_UnaryOperator) && kids.count >= 1) {
      CXCursor target = fe_strip_casts(kids.items[0]);
      if (clang_getCursorKind(target) == CXCursor_DeclRefExpr) found = clang_getCursorReferenced(target);
    }
    fe_children_free(&kids);
    if (!clang_Cursor_isNull(found)) return found;
  }
  return none;
}

static void estimate_trip(fe_state *st, int is_for, CXCursor init, CXCursor cond, CXCursor inc,
                          sc_loop *loop) {
  loop->trip_kind = SC_TRIP_UNKNOWN;
  if (clang_Cursor_isNull(cond)) {
    if (is_for) loop->trip_kind = SC_TRIP_INFINITE;
    return;
  }
  int64_t v;
  if (fe_int_constant(cond, &v)) {
    if (v != 0) loop->trip_kind = SC_TRIP_INFINITE;
    return;
  }
  CXCursor s = fe_strip_casts(cond);
  if (clang_getCursorKind(s) != CXCursor_BinaryOperator) return;
  enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
  if (op != CXBinaryOperator_LT && op != CXBinaryOperator_LE && op != CXBinaryOperator_GT &&
      op != CXBinaryOperator_GE && op != CXBinaryOperator_NE)
    return;
  fe_children kids;
  fe_children_get(s, &kids);
  if (kids.count == 2) {
    int64_t lv = 0, rv = 0;
    int lc = fe_int_constant(kids.items[0], &lv), rc = fe_int_constant(kids.items[1], &rv);
    if (lc != rc) {
      int64_t n = lc ? lv : rv;
      CXCursor var_side = fe_strip_casts(kids.items[lc ? 1 : 0]);
      int64_t c0 = 0;
      int has_init = 0;
      if (is_for && !clang_Cursor_isNull(init) && clang_getCursorKind(var_side) == CXCursor_DeclRefExpr)
        has_init = init_constant(init, clang_getCursorReferenced(var_side), &c0);
      int64_t trips = has_init ? (n > c0 ? n - c0 : c0 - n) : n;
      if (has_init && (op == CXBinaryOperator_LE || op == CXBinaryOperator_GE)) trips++;
      loop->trip_kind = SC_TRIP_CONST;
      loop->trip_count = trips;
    } else if (!lc) {
      CXCursor var = is_for ? loop_variable(init, inc) : clang_getNullCursor();
      CXCursor bound = kids.items[1];
      if (!clang_Cursor_isNull(var) && refers_to(kids.items[1], var) && !refers_to(kids.items[0], var))
        bound = kids.items[0];
      loop->trip_kind = SC_TRIP_INPUT;
      loop->bound_text = fe_source_text(st, bound);
    }
  }
  fe_children_free(&kids);
}

/* Offsets of the two top-level semicolons of a for header written at
 * `offset` in `buf` (not through a macro).  Returns 0 if it cannot tell. */
static int for_header_semicolons(const char *buf, size_t size, unsigned offset, unsigned *s1, unsigned *s2) {
  size_t i = offset;
  if (i + 3 > size || memcmp(buf + i, "for", 3) != 0) return 0;
  i += 3;
  while (i < size && buf[i] != '(') {
    if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\n' && buf[i] != '\r') return 0;
    i++;
  }
  int depth = 0, found = 0;
  for (i++; i < size; i++) {
    char ch = buf[i];
    if (ch == '"' || ch == '\'') {
      for (i++; i < size && buf[i] != ch; i++)
        if (buf[i] == '\\') i++;
    } else if (ch == '/' && i + 1 < size && buf[i + 1] == '*') {
      const char *end = strstr(buf + i + 2, "*/");
      if (!end) return 0;
      i = (size_t)(end - buf) + 1;
    } else if (ch == '/' && i + 1 < size && buf[i + 1] == '/') {
      while (i < size && buf[i] != '\n') i++;
    } else if (ch == '(' || ch == '[' || ch == '{') {
      depth++;
    } else if (ch == ')' || ch == ']' || ch == '}') {
      if (depth-- == 0) break;
    } else if (ch == ';' && depth == 0) {
      if (found == 0) *s1 = (unsigned)i;
      else *s2 = (unsigned)i;
      if (++found == 2) return 1;
    }
  }
  return 0;
}

/* Tells apart the init, condition and increment of a for header, any of
 * which may be missing (libclang skips missing children). */
static void split_for_header(fe_state *st, CXCursor loop, CXCursor *header, unsigned n, CXCursor *init,
                             CXCursor *cond, CXCursor *inc) {
  if (n == 3) {
    *init = header[0];
    *cond = header[1];
    *inc = header[2];
    return;
  }
  if (n == 0) return;
  CXSourceLocation at = clang_getCursorLocation(loop);
  CXFile ef = NULL, sf = NULL;
  unsigned eo = 0, so = 0, s1 = 0, s2 = 0;
  clang_getExpansionLocation(at, &ef, NULL, NULL, &eo);
  clang_getSpellingLocation(at, &sf, NULL, NULL, &so);
  size_t size = 0;
  const char *buf = ef ? clang_getFileContents(st->tu, ef, &size) : NULL;
  if (buf && sf && clang_File_isEqual(ef, sf) && eo == so && for_header_semicolons(buf, size, eo, &s1, &s2)) {
    for (unsigned i = 0; i < n; i++) {
      CXFile f = NULL;
      unsigned o = 0;
      clang_getExpansionLocation(clang_getCursorLocation(header[i]), &f, NULL, NULL, &o);
      if (o < s1) *init = header[i];
      else if (o < s2) *cond = header[i];
      else *inc = header[i];
    }
    return;
  }
  /* Written by a macro: judge by the shape of each part. */
  for (unsigned i = 0; i < n; i++) {
    CXCursor s = fe_strip_casts(header[i]);
    enum CXCursorKind k = clang_getCursorKind(s);
    int is_cond = 0, is_step = 0;
    if (k == CXCursor_BinaryOperator) {
      enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
      is_cond = op >= CXBinaryOperator_LT && op <= CXBinaryOperator_NE;
      is_cond |= op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr;
      is_step = op == CXBinaryOperator_Assign || op == CXBinaryOperator_Comma;
    } else if (k == CXCursor_UnaryOperator) {
      enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(s);
      is_cond = op == CXUnaryOperator_LNot;
      is_step = !is_cond;
    } else if (k == CXCursor_CompoundAssignOperator) {
      is_step = 1;
    }
    if (k == CXCursor_DeclStmt || (is_step && i == 0 && n > 1 && clang_Cursor_isNull(*init) &&
                                   k == CXCursor_BinaryOperator))
      *init = header[i];
    else if (is_step || !clang_Cursor_isNull(*cond))
      *inc = header[i];
    else
      *cond = header[i];
    (void)is_cond;
  }
}

static enum CXChildVisitResult count_child(CXCursor c, CXCursor parent, CXClientData data) {
  (void)c;
  (void)parent;
  (*(uint32_t *)data)++;
  return CXChildVisit_Continue;
}

static void visit_loop(fe_state *st, CXCursor c, enum CXCursorKind kind) {
  fe_children k;
  fe_children_get(c, &k);
  if (k.count == 0) {
    fe_children_free(&k);
    return;
  }
  CXCursor init = clang_getNullCursor(), cond = clang_getNullCursor(), inc = clang_getNullCursor();
  unsigned body_index;
  if (kind == CXCursor_DoStmt) {
    body_index = 0;
    if (k.count > 1) cond = k.items[k.count - 1];
  } else if (kind == CXCursor_WhileStmt) {
    body_index = k.count - 1;
    if (k.count > 1) cond = k.items[k.count - 2];
  } else {
    body_index = k.count - 1;
    split_for_header(st, c, k.items, k.count - 1, &init, &cond, &inc);
  }

  sc_loop loop = {0};
  loop.function = st->function;
  loop.parent = st->loop;
  loop.depth = st->depth + 1;
  loop.loc = fe_loc(st, clang_getCursorLocation(c));
  estimate_trip(st, kind == CXCursor_ForStmt, init, cond, inc, &loop);
  /* `for (; ...; ++i)` stepping the variable of an enclosing `for`. */
  CXCursor var = kind == CXCursor_ForStmt ? loop_variable(init, inc) : clang_getNullCursor();
  for (uint32_t d = 0; clang_Cursor_isNull(init) && !clang_Cursor_isNull(var) && d < st->depth && d < 16; d++)
    if (!clang_Cursor_isNull(st->loop_vars[d]) &&
        clang_equalLocations(clang_getCursorLocation(st->loop_vars[d]), clang_getCursorLocation(var)))
      loop.continues_outer = 1;
  if (st->depth < 16) st->loop_vars[st->depth] = var;
  uint32_t index = sc_facts_add_loop(st->facts, &loop);

  uint32_t saved_loop = st->loop, saved_depth = st->depth;
  st->loop = index;
  st->depth = loop.depth;
  uint32_t body_calls = 0;
  for (unsigned i = 0; i < k.count; i++) {
    uint32_t before = st->facts->ncalls;
    walk(st, k.items[i], other);
    if (i == body_index) body_calls = st->facts->ncalls - before;
  }
  st->loop = saved_loop;
  st->depth = saved_depth;

  CXCursor body = k.items[body_index];
  uint32_t statements = 1;
  if (clang_getCursorKind(body) == CXCursor_CompoundStmt) {
    statements = 0;
    clang_visitChildren(body, count_child, &statements);
  }
  st->facts->loops[index].body_weight = body_calls + statements;
  fe_children_free(&k);
}

/* ---- the walk ---------------------------------------------------------- */

static void walk(fe_state *st, CXCursor c, target tgt) {
  enum CXCursorKind kind = clang_getCursorKind(c);
  switch (kind) {
  case CXCursor_CallExpr:
    visit_call(st, c);
    return;
  case CXCursor_DeclRefExpr:
    visit_decl_ref(st, c, &tgt);
    return;
  case CXCursor_ParenExpr:
  case CXCursor_CStyleCastExpr:
    walk_children(st, c, tgt);
    return;
  case CXCursor_UnexposedExpr:
    walk_children(st, c, fe_is_paren_or_cast(c) ? tgt : other);
    return;
  case CXCursor_UnaryOperator: {
    enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
    if (op == CXUnaryOperator_AddrOf) note_static_store(st, fe_last_expr_child(c), clang_getNullCursor());
    if (op == CXUnaryOperator_AddrOf && tgt.kind != T_OTHER) {
      tgt.plain = 0;
      walk_children(st, c, tgt);
    } else {
      walk_children(st, c, op == CXUnaryOperator_Deref && tgt.kind == T_CALLEE ? tgt : other);
    }
    return;
  }
  case CXCursor_ConditionalOperator: {
    fe_children k;
    fe_children_get(c, &k);
    tgt.plain = 0;
    for (unsigned i = 0; i < k.count; i++) walk(st, k.items[i], i == 0 && k.count == 3 ? other : tgt);
    fe_children_free(&k);
    return;
  }
  case CXCursor_BinaryOperator: {
    if (clang_getCursorBinaryOperatorKind(c) != CXBinaryOperator_Assign) break;
    fe_children k;
    fe_children_get(c, &k);
    for (unsigned i = 0; i < k.count; i++)
      walk(st, k.items[i], i == 1 && k.count == 2 ? store_target(st, k.items[0]) : other);
    if (k.count == 2) {
      remember_assigned_call(st, fe_local_var(k.items[0]), k.items[1]);
      note_static_store(st, k.items[0], k.items[1]);
      if (st->function != SC_NONE) fe_field_store_add(st, k.items[0], k.items[1]);
    }
    fe_children_free(&k);
    return;
  }
  case CXCursor_ReturnStmt: {
    target ret = other;
    ret.kind = T_RETURN;
    walk_children(st, c, ret);
    CXCursor value = fe_last_expr_child(c);
    if (st->function != SC_NONE && !clang_Cursor_isNull(value) && fe_is_fork_result(st, value))
      st->facts->functions[st->function].flags |= SC_FN_RETURNS_FORK;
    return;
  }
  case CXCursor_IfStmt:
    visit_if(st, c);
    return;
  case CXCursor_CompoundStmt:
    visit_block(st, c);
    return;
  case CXCursor_SwitchStmt:
    visit_switch(st, c);
    return;
  case CXCursor_VarDecl:
    visit_var(st, c);
    return;
  case CXCursor_InitListExpr:
    visit_init_list(st, c, tgt);
    return;
  case CXCursor_ForStmt:
  case CXCursor_WhileStmt:
  case CXCursor_DoStmt:
    visit_loop(st, c, kind);
    return;
  default:
    break;
  }
  walk_children(st, c, other);
}

void fe_walk_body(fe_state *st, CXCursor body) {
  st->loop = SC_NONE;
  st->depth = 0;
  fe_branches_reset(st, body);
  uint32_t kernel_default = 0;
  st->params_written = fe_params_written(st, body, &kernel_default);
  st->facts->functions[st->function].params_written = st->params_written;
  st->facts->functions[st->function].params_kernel_default = kernel_default;
  walk(st, body, other);
}

void fe_walk_global_var(fe_state *st, CXCursor var) {
  st->function = SC_NONE;
  st->holder_usr = fe_cursor_usr(st, var);
  st->params = NULL;
  st->nparams = 0;
  st->loop = SC_NONE;
  st->depth = 0;
  fe_branches_reset(st, var);
  visit_var(st, var);
  st->holder_usr = NULL;
}
