// FactsBuilder.cpp - the clang AST to facts walk (docs/design/facts.md).
//
// The walk carries a *target*: what a function reference met at this point
// would flow into.  Parentheses, casts, `&` and the arms of `?:` pass the
// target down; every other expression resets it to "other".  The libclang
// driver (driver/frontend_body.c) implements the same rules over cursors;
// where libclang shows the AST differently (implicit casts as unexposed
// expressions, the syntactic form of brace initialisers) the choices here
// are made so that both record the same facts.
#include "FactsBuilder.h"

#include <climits>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallString.h"

#include "stallcheck/catalog.h"

using namespace clang;

namespace stallcheck {
namespace {

// What a declaration says of its function (defined with visitFunction).
void addAnnotation(std::string &All, llvm::StringRef Text);
uint32_t effectFlags(const FunctionDecl *D);

enum class TargetKind { Other, Callee, Arg, Var, Field, Return };

struct Target {
  TargetKind Kind = TargetKind::Other;
  bool Plain = true; // reached through parentheses and casts only (no `&`, no `?:`)
  uint32_t Call = SC_NONE, Arg = SC_NONE;
  const char *VarUsr = nullptr, *VarName = nullptr;
  const char *Record = nullptr, *FieldName = nullptr;
};

// A type as libclang hands it out (its MakeCXType): attributes and
// parentheses looked through, and a parameter that decayed (`buf[]`) shown
// as written, so that both front ends spell argument types alike.
QualType asLibclangType(QualType T) {
  while (!T.isNull()) {
    if (const auto *A = T->getAs<AttributedType>())
      T = A->getEquivalentType();
    else if (const auto *B = T->getAs<BTFTagAttributedType>())
      T = B->getWrappedType();
    else if (const auto *P = T->getAs<ParenType>())
      T = P->getInnerType();
    else if (const auto *D = T->getAs<DecayedType>())
      T = D->getOriginalType();
    else
      break;
  }
  return T;
}

// Whether libclang shows cursors for a written type: a builtin type (through
// pointers, qualifiers and parentheses) has none; a typedef or tag name is a
// TypeRef, and anything more complex is taken to have some.
bool typeLocHasCursors(TypeLoc TL) {
  for (int Guard = 0; Guard < 64 && !TL.isNull(); Guard++) {
    if (auto Q = TL.getAs<QualifiedTypeLoc>())
      TL = Q.getUnqualifiedLoc();
    else if (auto P = TL.getAs<PointerTypeLoc>())
      TL = P.getPointeeLoc();
    else if (auto Paren = TL.getAs<ParenTypeLoc>())
      TL = Paren.getInnerLoc();
    else
      return !TL.getAs<BuiltinTypeLoc>();
  }
  return true;
}

// Parentheses and casts, and the wrappers libclang does not show
// (ConstantExpr and other full-expressions).  va_arg(ap, T) is libclang's
// unexposed expression with `ap` and the cursors of T as children; when T
// has none, the libclang front end takes it for a cast of `ap`
// (fe_is_paren_or_cast), and so does this one.
const Expr *stripOne(const Expr *E) {
  if (const auto *P = dyn_cast<ParenExpr>(E)) return P->getSubExpr();
  if (const auto *C = dyn_cast<CastExpr>(E)) return C->getSubExpr();
  if (const auto *F = dyn_cast<FullExpr>(E)) return F->getSubExpr();
  if (const auto *V = dyn_cast<VAArgExpr>(E)) {
    const TypeSourceInfo *Written = V->getWrittenTypeInfo();
    if (Written && !typeLocHasCursors(Written->getTypeLoc())) return V->getSubExpr();
  }
  return nullptr;
}

const Expr *stripCasts(const Expr *E, std::optional<UnaryOperatorKind> Also) {
  for (int Guard = 0; E && Guard < 64; Guard++) {
    const Expr *Inner = stripOne(E);
    if (!Inner && Also) {
      const auto *U = dyn_cast<UnaryOperator>(E);
      if (U && U->getOpcode() == *Also) Inner = U->getSubExpr();
    }
    if (!Inner) break;
    E = Inner;
  }
  return E;
}

const Expr *stripCasts(const Expr *E) { return stripCasts(E, std::nullopt); }

// Integer, enum or bool types, as libclang's integer type kinds.
bool isIntegerType(QualType T) {
  if (T.isNull()) return false;
  const Type *C = T.getCanonicalType().getTypePtr();
  if (isa<EnumType>(C)) return true;
  const auto *B = dyn_cast<BuiltinType>(C);
  if (!B) return false;
  switch (B->getKind()) {
  case BuiltinType::Bool: case BuiltinType::Char_U: case BuiltinType::UChar: case BuiltinType::Char16:
  case BuiltinType::Char32: case BuiltinType::UShort: case BuiltinType::UInt: case BuiltinType::ULong:
  case BuiltinType::ULongLong: case BuiltinType::UInt128: case BuiltinType::Char_S: case BuiltinType::SChar:
  case BuiltinType::WChar_S: case BuiltinType::WChar_U: case BuiltinType::Short: case BuiltinType::Int:
  case BuiltinType::Long: case BuiltinType::LongLong: case BuiltinType::Int128:
    return true;
  default:
    return false;
  }
}

bool isFunctionPointer(QualType T) { return !T.isNull() && T->isFunctionPointerType(); }

bool isArrayType(QualType T) { return !T.isNull() && T.getCanonicalType()->isArrayType(); }

bool isIdentChar(char C) {
  return C == '_' || C == '$' || (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || (C >= '0' && C <= '9');
}

class Builder {
public:
  Builder(ASTContext &Ctx, sc_facts *Facts, const std::string &Directory)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()), F(Facts), Directory(Directory) {}

  void run(llvm::ArrayRef<const Decl *> TopLevel);

private:
  ASTContext &Ctx;
  SourceManager &SM;
  const LangOptions &LO;
  sc_facts *F;
  std::string Directory;

  // The function whose body is walked; SC_NONE at file scope.
  uint32_t Function = SC_NONE;
  const FunctionDecl *FnDecl = nullptr;
  // At file scope: the variable whose initialiser is walked.
  const char *HolderUsr = nullptr;
  uint32_t Loop = SC_NONE, Depth = 0;
  const ValueDecl *LoopVars[16] = {}; // the variable each enclosing `for` steps, by depth - 1

  // Targets of the leaves of the brace initialiser being walked.
  llvm::DenseMap<const Expr *, Target> *InitTargets = nullptr;

  // Branches where a call returned 0 (docs/design/facts.md, "Branches"), as
  // driver/frontend_branches.c reads them: the call the walk is under, the
  // index each call expression got, and the call each local variable was
  // last assigned from.  Reset for each body.
  uint32_t ZeroGuard = SC_NONE;
  // The parameters the walk's branches need nonzero (sc_call.param_guards),
  // and which parameters the body writes, once asked.
  uint32_t ParamGuards = 0, ParamsWritten = 0;
  llvm::DenseMap<const CallExpr *, uint32_t> CallIndex;
  struct HeldCall {
    uint32_t Call = SC_NONE;
    uint32_t Nesting = 0; // loops and branches around the assignment
  };
  llvm::DenseMap<const VarDecl *, HeldCall> VarCall;
  uint32_t BranchDepth = 0;
  // Stores into fields of local structs (`hints.ai_flags = AI_NUMERICHOST`),
  // in the order of their first store, as frontend_branches.c keeps them.
  struct FieldStore {
    const VarDecl *Var;
    const char *Field;
    const Expr *Value;
    uint32_t Nesting; // loops and branches around the store
  };
  llvm::SmallVector<FieldStore, 8> FieldStores;
  void addFieldStore(const Expr *Lhs, const Expr *Value);
  void setFieldStore(const VarDecl *V, const char *Field, const Expr *Value);
  void rememberDesignatedFields(const VarDecl *V, const Expr *Init);
  const char *argTextWithFields(const Expr *A);
  uint32_t nesting() const { return Depth + BranchDepth; }
  // The call a local holds, as driver/frontend_branches.c fe_var_call.
  uint32_t heldCall(const VarDecl *V, bool Strict = true) const {
    auto It = V ? VarCall.find(V) : VarCall.end();
    return It == VarCall.end() || (Strict && It->second.Nesting > nesting()) ? SC_NONE : It->second.Call;
  }
  const Stmt *Body = nullptr;

  // A USR costs a walk up the declaration's contexts and a string build;
  // fields and parameters only ever need their name, so it is made on demand.
  struct Names {
    const char *Name = nullptr, *Usr = nullptr;
    bool HasUsr = false;
  };
  llvm::DenseMap<const Decl *, Names> NameCache;
  // Parameter types as libclang spells them, by type: a program passes the
  // same few types over and over, and printing one builds a string.
  llvm::DenseMap<void *, const char *> TypeSpellings;
  const char *typeSpelling(QualType T, const PrintingPolicy &Policy) {
    const char *&Spelling = TypeSpellings[T.getAsOpaquePtr()];
    if (!Spelling) Spelling = intern(asLibclangType(T).getAsString(Policy));
    return Spelling;
  }
  llvm::DenseMap<unsigned, const char *> PathCache; // by FileID hash value
  // The last location asked for: a direct call asks for its start and then
  // for its callee's name, which are the same place unless it has parentheses.
  SourceLocation LastLoc;
  sc_loc LastLocFacts = {};

  // ---- names and locations ----
  const char *intern(llvm::StringRef S) { return S.empty() ? nullptr : sc_facts_intern_n(F, S.data(), S.size()); }
  Names &names(const NamedDecl *D);
  const char *usr(const NamedDecl *D);
  const char *name(const NamedDecl *D) { return names(D).Name; }
  const char *recordName(const FieldDecl *Field);
  int paramIndex(const ParmVarDecl *P) const;
  const char *filePath(FileID FID);
  sc_loc loc(SourceLocation L);
  uint32_t identifierLength(SourceLocation L);
  const char *exprRange(const Expr *E, FileID &FID, unsigned &Begin, unsigned &End);
  const char *tokenText(const Expr *E);
  const char *sourceText(const Expr *E);

  // ---- constants ----
  bool intConstant(const Expr *E, int64_t &Value);
  bool nullConstant(const Expr *E);

  // ---- the walk ----
  void walk(const Stmt *S, Target T);
  void walkChildren(const Stmt *S, const Target &T);
  void visitDeclRef(const DeclRefExpr *E, const Target &T);
  void noteVarRef(const VarDecl *V);
  void addFlow(SourceLocation At, const Target &T, sc_flow &Flow);
  Target varTarget(const ValueDecl *V);
  Target fieldTarget(const FieldDecl *Field);
  Target storeTarget(const Expr *Lhs);
  void classifyCallee(const Expr *Callee, sc_call &Call, const DeclRefExpr *&Direct);
  void classifyArg(const Expr *A, sc_arg &Arg);
  void visitCall(const CallExpr *E);
  void visitVar(const VarDecl *V);
  void visitInitElement(const Expr *E, const Target &T);
  void visitInitList(const InitListExpr *E, const Target &T);
  void mapInitList(const InitListExpr *Sem, const Target &T, llvm::DenseMap<const Expr *, Target> &Map);
  void mapInitElement(const Expr *E, const Target &T, llvm::DenseMap<const Expr *, Target> &Map);
  void walkSyntacticList(const InitListExpr *Syn);
  void visitLoop(const Stmt *S);
  void estimateTrip(bool IsFor, const Stmt *Init, const Expr *Cond, const Expr *Inc, sc_loop &L);
  bool initConstant(const Stmt *Init, const ValueDecl *Var, int64_t &C0);
  void visitFunction(const FunctionDecl *FD);
  void visitTopLevel(const Decl *D);

  // ---- branches ----
  struct ZeroTest {
    enum { None, Then, Else } Branch = None;
    const CallExpr *Call = nullptr; // met while walking the condition
    uint32_t Known = SC_NONE;       // or already recorded (a variable's)
  };
  void resetBranches(const Stmt *B);
  static const VarDecl *localVar(const Expr *E);
  bool resultOf(const Expr *E, ZeroTest &T);
  ZeroTest zeroTest(const Expr *Cond, bool AsSwitch);
  uint32_t zeroTestCall(const ZeroTest &T) const;
  void rememberAssignedCall(const VarDecl *V, const Expr *Value);
  void noteStaticStore(const Expr *Lhs, const Expr *Value);
  bool isForkResult(const Expr *E) const;
  bool isDeadFlagTest(const Expr *Cond);
  bool zeroOrNull(const Expr *E);
  int kernelDefaultOf(const Stmt *S);
  void paramTest(const Expr *Cond, uint32_t &WhenTrue, uint32_t &WhenFalse);
  void walkGuarded(const Stmt *S, uint32_t Guard, uint32_t Params);
  void visitIf(const IfStmt *S);
  void visitBlock(const CompoundStmt *S);
  uint32_t parentReturnsUnlessZero(const Stmt *S);
  void visitSwitch(const SwitchStmt *S);
};

// ---- names and locations ---------------------------------------------------

Builder::Names &Builder::names(const NamedDecl *D) {
  auto Inserted = NameCache.try_emplace(D);
  Names &N = Inserted.first->second;
  if (Inserted.second && D->getIdentifier()) N.Name = intern(D->getName());
  return N;
}

const char *Builder::usr(const NamedDecl *D) {
  Names &N = names(D);
  if (!N.HasUsr) {
    llvm::SmallString<128> Buf;
    if (!index::generateUSRForDecl(D, Buf)) N.Usr = intern(Buf);
    N.HasUsr = true;
  }
  return N.Usr;
}

// The tag name; for an anonymous record, the typedef that names it.
const char *Builder::recordName(const FieldDecl *Field) {
  const RecordDecl *RD = Field->getParent();
  if (!RD) return nullptr;
  if (RD->getIdentifier()) return intern(RD->getName());
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl()) return intern(TD->getName());
  return nullptr;
}

int Builder::paramIndex(const ParmVarDecl *P) const {
  if (!FnDecl) return -1;
  for (unsigned I = 0; I < FnDecl->getNumParams(); I++)
    if (FnDecl->getParamDecl(I) == P) return (int)I;
  return -1;
}

// What the compiler opened, as an absolute real path when it can be had.
const char *Builder::filePath(FileID FID) {
  auto It = PathCache.find(FID.getHashValue());
  if (It != PathCache.end()) return It->second;
  const char *Path = nullptr;
  if (OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID)) {
    llvm::StringRef Real = FE->getFileEntry().tryGetRealPathName();
    if (!Real.empty()) {
      Path = intern(Real);
    } else {
      std::string Name = FE->getName().str();
      char Resolved[PATH_MAX];
      if (realpath(Name.c_str(), Resolved))
        Path = sc_facts_intern(F, Resolved);
      else if (!Name.empty() && Name[0] != '/' && !Directory.empty())
        Path = intern(Directory + "/" + Name);
      else
        Path = intern(Name);
    }
  }
  PathCache[FID.getHashValue()] = Path;
  return Path;
}

sc_loc Builder::loc(SourceLocation L) {
  sc_loc Out = {};
  if (L.isInvalid()) return Out;
  if (L == LastLoc) return LastLocFacts;
  std::pair<FileID, unsigned> D = SM.getDecomposedExpansionLoc(L);
  const char *Path = filePath(D.first);
  if (Path) {
    Out.file = Path;
    Out.line = SM.getLineNumber(D.first, D.second);
    Out.col = SM.getColumnNumber(D.first, D.second);
  }
  LastLoc = L;
  LastLocFacts = Out;
  return Out;
}

uint32_t Builder::identifierLength(SourceLocation L) {
  std::pair<FileID, unsigned> D = SM.getDecomposedLoc(SM.getExpansionLoc(L));
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(D.first, &Invalid);
  if (Invalid || D.second >= Buf.size()) return 0;
  uint32_t N = 0;
  while (D.second + N < Buf.size() && isIdentChar(Buf[D.second + N])) N++;
  return N;
}

// The byte range of `E` in one file, as libclang gives a cursor's extent:
// the expansion range, or, when a macro argument makes it collapse, the
// spelling range.  Returns the file's buffer or nullptr.
const char *Builder::exprRange(const Expr *E, FileID &FID, unsigned &Begin, unsigned &End) {
  SourceRange R = E->getSourceRange();
  if (R.isInvalid()) return nullptr;
  SourceLocation B = R.getBegin(), Last = R.getEnd();
  bool TokenRange = true;
  if (Last.isMacroID() && !SM.isMacroArgExpansion(Last)) {
    CharSourceRange X = SM.getExpansionRange(Last);
    Last = X.getEnd();
    TokenRange = X.isTokenRange();
  }
  if (TokenRange && Last.isValid())
    Last = Last.getLocWithOffset(Lexer::MeasureTokenLength(SM.getSpellingLoc(Last), SM, LO));
  for (int Spelling = 0; Spelling < 2; Spelling++) {
    SourceLocation BL = Spelling ? SM.getSpellingLoc(B) : SM.getExpansionLoc(B);
    SourceLocation EL = Spelling ? SM.getSpellingLoc(Last) : SM.getExpansionLoc(Last);
    std::pair<FileID, unsigned> BD = SM.getDecomposedLoc(BL), ED = SM.getDecomposedLoc(EL);
    if (BD.first.isInvalid() || BD.first != ED.first || ED.second <= BD.second) continue;
    if (!SM.getFileEntryRefForID(BD.first)) continue;
    bool Invalid = false;
    llvm::StringRef Buf = SM.getBufferData(BD.first, &Invalid);
    if (Invalid || ED.second > Buf.size()) continue;
    FID = BD.first;
    Begin = BD.second;
    End = ED.second;
    return Buf.data();
  }
  return nullptr;
}

// The tokens of the range joined by single spaces, as clang_tokenize gives
// them (comments included).
const char *Builder::tokenText(const Expr *E) {
  FileID FID;
  unsigned Begin = 0, End = 0;
  if (!exprRange(E, FID, Begin, End)) return nullptr;
  llvm::StringRef Buf = SM.getBufferData(FID);
  Lexer Lex(SM.getLocForStartOfFile(FID), LO, Buf.begin(), Buf.data() + Begin, Buf.end());
  Lex.SetCommentRetentionState(true);
  std::string Text;
  Token Tok;
  do {
    Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof)) break;
    unsigned Offset = SM.getDecomposedLoc(Tok.getLocation()).second;
    if (!Text.empty()) Text += ' ';
    Text.append(Buf.data() + Offset, Tok.getLength());
  } while (Lex.getBufferLocation() < Buf.data() + End);
  return intern(Text);
}

// The raw source of the range with runs of white space folded to one space.
const char *Builder::sourceText(const Expr *E) {
  FileID FID;
  unsigned Begin = 0, End = 0;
  const char *Buf = exprRange(E, FID, Begin, End);
  if (!Buf) return nullptr;
  std::string Text;
  for (unsigned I = Begin; I < End; I++) {
    char C = Buf[I];
    bool Space = C == ' ' || C == '\t' || C == '\n' || C == '\r' || (C == '\\' && I + 1 < End && Buf[I + 1] == '\n');
    if (!Space)
      Text += C;
    else if (!Text.empty() && Text.back() != ' ')
      Text += ' ';
  }
  while (!Text.empty() && Text.back() == ' ') Text.pop_back();
  return intern(Text);
}

// ---- constants ---------------------------------------------------------------

// An integer constant expression of integer type.  Calls and references to
// variables never count, even where clang could fold them (const variables,
// builtins): in C they are not integer constant expressions.
bool Builder::intConstant(const Expr *E, int64_t &Value) {
  if (!E || !isIntegerType(E->getType())) return false;
  const Expr *S = stripCasts(E);
  if (isa<CallExpr>(S)) return false;
  if (const auto *R = dyn_cast<DeclRefExpr>(S))
    if (!isa<EnumConstantDecl>(R->getDecl())) return false;
  const Expr *P = E->IgnoreParens();
  if (P->isValueDependent()) return false;
  Expr::EvalResult Result;
  if (!P->EvaluateAsRValue(Result, Ctx) || !Result.Val.isInt()) return false;
  llvm::APSInt V = Result.Val.getInt();
  if (V.getBitWidth() > 64) V = V.trunc(64);
  Value = V.isUnsigned() ? (int64_t)V.getZExtValue() : V.getSExtValue();
  return true;
}

// A null pointer constant where a pointer is expected: 0 passed for an int
// parameter is the integer 0.
bool Builder::nullConstant(const Expr *E) {
  // As libclang types the argument: NULL for a parameter declared `T p[]`
  // has the array type as written, so it is not taken for a null pointer.
  QualType T = asLibclangType(E->getType());
  if (T.isNull()) return false;
  const Type *C = T.getCanonicalType().getTypePtr();
  if (!C->isPointerType() && !C->isBlockPointerType() && !C->isNullPtrType()) return false;
  if (E->isValueDependent()) return false;
  return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
}

// ---- flows -------------------------------------------------------------------

Target Builder::varTarget(const ValueDecl *V) {
  Target T;
  T.Kind = TargetKind::Var;
  T.VarUsr = usr(V);
  T.VarName = name(V);
  return T;
}

Target Builder::fieldTarget(const FieldDecl *Field) {
  Target T;
  T.Kind = TargetKind::Field;
  T.Record = recordName(Field);
  T.FieldName = name(Field);
  return T;
}

// What a value stored through `Lhs` lands in: stripped as for callees, an
// element of an array counting as the array.
Target Builder::storeTarget(const Expr *Lhs) {
  const Expr *S = stripCasts(Lhs, UO_Deref);
  if (const auto *A = dyn_cast_or_null<ArraySubscriptExpr>(S)) S = A->getBase() ? stripCasts(A->getBase(), UO_Deref) : nullptr;
  if (!S) return Target();
  if (const auto *R = dyn_cast<DeclRefExpr>(S)) {
    if (const auto *V = dyn_cast<VarDecl>(R->getDecl())) return varTarget(V);
  } else if (const auto *M = dyn_cast<MemberExpr>(S)) {
    if (const auto *Field = dyn_cast<FieldDecl>(M->getMemberDecl())) return fieldTarget(Field);
  }
  return Target();
}

void Builder::addFlow(SourceLocation At, const Target &T, sc_flow &Flow) {
  switch (T.Kind) {
  case TargetKind::Arg:
    Flow.kind = SC_FLOW_ARG;
    Flow.call = T.Call;
    Flow.arg = T.Arg;
    break;
  case TargetKind::Var:
    Flow.kind = SC_FLOW_VAR;
    Flow.var_usr = T.VarUsr;
    Flow.var_name = T.VarName;
    break;
  case TargetKind::Field:
    Flow.kind = SC_FLOW_FIELD;
    Flow.record = T.Record;
    Flow.field = T.FieldName;
    break;
  case TargetKind::Return: Flow.kind = SC_FLOW_RETURN; break;
  default: Flow.kind = SC_FLOW_OTHER; break;
  }
  Flow.function = Function;
  if (Function == SC_NONE) Flow.holder_usr = HolderUsr;
  Flow.loc = loc(At);
  sc_facts_add_flow(F, &Flow);
}

// A number holds no function: references to it keep nothing alive.
static bool isNumberType(QualType T) { return isIntegerType(T) || T->isRealFloatingType(); }

// A reference to a file-scope variable of the program (a table, a struct, a
// pointer), as driver/frontend_body.c note_var_ref records it.
void Builder::noteVarRef(const VarDecl *V) {
  if (!V->hasGlobalStorage() || !V->isFileVarDecl() || isNumberType(V->getType())) return;
  if (SM.isInSystemHeader(V->getLocation())) return;
  sc_var_ref Ref = {Function, Function == SC_NONE ? HolderUsr : nullptr, usr(V)};
  if (Ref.var_usr && (Ref.function != SC_NONE || Ref.holder_usr)) sc_facts_add_var_ref(F, &Ref);
}

void Builder::visitDeclRef(const DeclRefExpr *E, const Target &T) {
  const ValueDecl *D = E->getDecl();
  if (!D) return;
  if (const auto *V = dyn_cast<VarDecl>(D); V && !isa<ParmVarDecl>(V)) {
    noteVarRef(V);
  } else if (const auto *Fn = dyn_cast<FunctionDecl>(D)) {
    if (T.Kind == TargetKind::Callee) return;
    sc_flow Flow = {};
    Flow.fn_usr = usr(Fn);
    Flow.fn_name = name(Fn);
    Flow.src_param = SC_NONE;
    Flow.call = Flow.arg = SC_NONE;
    addFlow(E->getLocation(), T, Flow);
  } else if (const auto *P = dyn_cast<ParmVarDecl>(D)) {
    // A registrar the program wrote itself stores its callback parameter.
    if ((T.Kind != TargetKind::Var && T.Kind != TargetKind::Field) || !T.Plain || Function == SC_NONE ||
        !isFunctionPointer(P->getType()))
      return;
    int Index = paramIndex(P);
    if (Index < 0) return;
    sc_flow Flow = {};
    Flow.fn_name = name(P);
    Flow.src_param = (uint32_t)Index;
    Flow.call = Flow.arg = SC_NONE;
    addFlow(E->getLocation(), T, Flow);
  }
}

// ---- calls -------------------------------------------------------------------

void Builder::classifyCallee(const Expr *Callee, sc_call &Call, const DeclRefExpr *&Direct) {
  Call.callee_kind = SC_CALLEE_UNKNOWN;
  const Expr *S = stripCasts(Callee, UO_Deref);
  bool Subscript = false;
  if (const auto *A = dyn_cast_or_null<ArraySubscriptExpr>(S)) {
    if (!A->getBase()) return;
    S = stripCasts(A->getBase(), UO_Deref);
    Subscript = true;
  }
  if (!S) return;
  if (const auto *R = dyn_cast<DeclRefExpr>(S)) {
    const ValueDecl *D = R->getDecl();
    if (isa_and_nonnull<FunctionDecl>(D)) {
      if (Subscript) return;
      Call.callee_kind = SC_CALLEE_DIRECT;
      Direct = R;
    } else if (const auto *P = dyn_cast_or_null<ParmVarDecl>(D)) {
      int Index = paramIndex(P);
      if (Index >= 0) {
        Call.callee_kind = SC_CALLEE_PARAM;
        Call.param = (uint32_t)Index;
      } else {
        Call.callee_kind = SC_CALLEE_VAR;
      }
    } else if (isa_and_nonnull<VarDecl>(D)) {
      Call.callee_kind = SC_CALLEE_VAR;
    } else {
      return;
    }
    if (Call.callee_kind != SC_CALLEE_PARAM) Call.callee_usr = usr(D);
    Call.callee_name = name(D);
  } else if (const auto *M = dyn_cast<MemberExpr>(S)) {
    const auto *Field = dyn_cast_or_null<FieldDecl>(M->getMemberDecl());
    if (!Field) return;
    Call.callee_kind = SC_CALLEE_FIELD;
    Call.callee_name = name(Field);
    Call.record = recordName(Field);
  }
}

void Builder::classifyArg(const Expr *A, sc_arg &Arg) {
  if (nullConstant(A)) {
    Arg.kind = SC_ARG_NULL;
    return;
  }
  // Stripped by hand to see what wraps a string literal: only a literal
  // under its array-to-pointer decay counts (libclang evaluates no other).
  const Expr *S = A, *Above = A;
  for (int Guard = 0; Guard < 64; Guard++) {
    const Expr *Inner = stripOne(S);
    if (!Inner) {
      const auto *U = dyn_cast<UnaryOperator>(S);
      if (U && U->getOpcode() == UO_AddrOf) Inner = U->getSubExpr();
    }
    if (!Inner) break;
    Above = S;
    S = Inner;
  }
  if (const auto *Lit = dyn_cast<StringLiteral>(S)) {
    if (Above != S && isa<ImplicitCastExpr>(Above)) {
      Arg.kind = SC_ARG_STRING;
      // Up to the first NUL, as a C string.
      std::string Bytes = Lit->getBytes().str();
      Arg.text = sc_facts_intern(F, Bytes.c_str());
      return;
    }
  }
  // A function pointer taken from a handler table or a struct of handlers:
  // a field read is a field argument, an element of a table is the table.
  if (isFunctionPointer(S->getType())) {
    const Expr *E = stripCasts(S, UO_Deref);
    if (const auto *Sub = dyn_cast_or_null<ArraySubscriptExpr>(E))
      if (Sub->getBase()) E = stripCasts(Sub->getBase(), UO_Deref);
    if (const auto *M = dyn_cast_or_null<MemberExpr>(E)) {
      if (const auto *Field = dyn_cast_or_null<FieldDecl>(M->getMemberDecl())) {
        Arg.kind = SC_ARG_FIELD;
        Arg.name = name(Field);
        Arg.record = recordName(Field);
        return;
      }
    }
    if (E && E != S && isa<DeclRefExpr>(E)) S = E;
  }
  if (const auto *R = dyn_cast<DeclRefExpr>(S)) {
    const ValueDecl *D = R->getDecl();
    if (const auto *Fn = dyn_cast_or_null<FunctionDecl>(D)) {
      Arg.kind = SC_ARG_FUNC;
      Arg.usr = usr(Fn);
      Arg.name = name(Fn);
      return;
    }
    if (const auto *P = dyn_cast_or_null<ParmVarDecl>(D)) {
      int Index = Function == SC_NONE ? -1 : paramIndex(P);
      if (Index >= 0) {
        Arg.kind = SC_ARG_PARAM;
        Arg.param = (uint32_t)Index;
        Arg.name = name(P);
        return;
      }
    }
    if (const auto *V = dyn_cast_or_null<VarDecl>(D)) {
      // A const variable holding one string literal, as
      // driver/frontend_body.c const_string_var reads it.
      QualType T = V->getType().getCanonicalType();
      bool IsConst = T->isPointerType() ? T.isConstQualified() && T->getPointeeType().isConstQualified()
                     : T->isArrayType() ? Ctx.getAsArrayType(T)->getElementType().isConstQualified()
                                        : false;
      const auto *Literal = IsConst && V->getInit() ? dyn_cast<StringLiteral>(stripCasts(V->getInit())) : nullptr;
      if (Literal && Literal->isOrdinary()) {
        Arg.kind = SC_ARG_STRING;
        Arg.text = intern(Literal->getString());
        return;
      }
      Arg.kind = SC_ARG_VAR;
      Arg.usr = usr(V);
      Arg.name = name(V);
      uint32_t From = V->hasGlobalStorage() ? SC_NONE : heldCall(V, false); // the last assignment: see frontend_body.c
      if (From != SC_NONE) Arg.value_call = From + 1;
      return;
    }
  }
  int64_t V;
  if (intConstant(A, V)) {
    Arg.kind = SC_ARG_INT;
    Arg.ival = V;
  }
}

// The prototype behind a callee expression's type (a function or a pointer to
// one), with the parameter types as declared, typedef names kept.
const FunctionProtoType *calleePrototype(const Expr *Callee) {
  QualType T = Callee->getType();
  if (T.isNull()) return nullptr;
  if (const auto *P = T->getAs<PointerType>()) T = P->getPointeeType();
  return T->getAs<FunctionProtoType>();
}

void Builder::visitCall(const CallExpr *E) {
  const Expr *Callee = E->getCallee();
  if (!Callee || Function == SC_NONE) {
    walkChildren(E, Target());
    return;
  }
  unsigned NArgs = E->getNumArgs();

  sc_call Call = {};
  Call.caller = Function;
  Call.param = SC_NONE;
  Call.loop = Loop;
  Call.zero_guard = ZeroGuard == SC_NONE ? 0 : ZeroGuard + 1;
  Call.param_guards = ParamGuards;
  const DeclRefExpr *Direct = nullptr;
  classifyCallee(Callee, Call, Direct);
  Call.loc = loc(E->getBeginLoc());
  if (Call.callee_kind == SC_CALLEE_DIRECT && Direct) {
    if (const auto *Callee = dyn_cast<FunctionDecl>(Direct->getDecl())) {
      // The declaration the call refers to carries the attributes of the
      // earlier ones (inherited), so a function the program only declares
      // can be annotated in its header.
      std::string Annotations;
      for (const auto *Note : Callee->specific_attrs<AnnotateAttr>()) addAnnotation(Annotations, Note->getAnnotation());
      Call.callee_flags = effectFlags(Callee);
      Call.callee_annotations = Annotations.empty() ? nullptr : intern(Annotations);
    }
    sc_loc Name = loc(Direct->getLocation());
    uint32_t Len = identifierLength(Direct->getLocation());
    if (Len && Name.file == Call.loc.file) {
      Call.loc.end_line = Name.line;
      Call.loc.end_col = Name.col + Len;
    }
  }

  const FunctionProtoType *Proto = calleePrototype(Callee);
  bool WantsText = Call.callee_kind == SC_CALLEE_DIRECT && Call.callee_name &&
                   sc_catalog_wants_arg_text(Call.callee_name);
  PrintingPolicy Policy(LO); // what clang_getTypeSpelling prints with

  std::vector<sc_arg> Args(NArgs);
  for (unsigned I = 0; I < NArgs; I++) {
    const Expr *A = E->getArg(I);
    sc_arg &Arg = Args[I];
    Arg = sc_arg();
    Arg.param = SC_NONE;
    if (!A) continue;
    classifyArg(A, Arg);
    if (Proto && I < Proto->getNumParams()) Arg.type = typeSpelling(Proto->getParamType(I), Policy);
    if (WantsText && Arg.kind != SC_ARG_STRING) Arg.text = argTextWithFields(A);
  }
  uint32_t Index = sc_facts_add_call(F, &Call, NArgs ? Args.data() : nullptr, NArgs);
  CallIndex[E] = Index;

  Target CalleeTarget;
  if (Call.callee_kind == SC_CALLEE_DIRECT) CalleeTarget.Kind = TargetKind::Callee;
  walk(Callee, CalleeTarget);
  // CUDA's <<<grid, block>>> configuration is not an argument.
  if (const auto *K = dyn_cast<CUDAKernelCallExpr>(E)) walk(K->getConfig(), Target());
  for (unsigned I = 0; I < NArgs; I++) {
    Target T;
    T.Kind = TargetKind::Arg;
    T.Call = Index;
    T.Arg = I;
    walk(E->getArg(I), T);
  }
}

// ---- declarations and brace initialisers --------------------------------

void Builder::visitVar(const VarDecl *V) {
  // Sizes of variable-length arrays run when the declaration does.
  QualType T = V->getType();
  for (int Guard = 0; Guard < 16; Guard++) {
    const VariableArrayType *VLA = Ctx.getAsVariableArrayType(T);
    if (!VLA) break;
    walk(VLA->getSizeExpr(), Target());
    T = VLA->getElementType();
  }
  if (const Expr *Init = V->getInit()) {
    visitInitElement(Init, varTarget(V));
    rememberAssignedCall(V, Init);
    rememberDesignatedFields(V, Init);
  }
}

// `struct addrinfo hints = {.ai_flags = AI_NUMERICHOST, ...}`: the designated
// fields of a local's initialiser are stores to them, as
// driver/frontend_body.c remember_designated_fields reads them.
void Builder::rememberDesignatedFields(const VarDecl *V, const Expr *Init) {
  if (Function == SC_NONE || V->hasGlobalStorage() || isa<ParmVarDecl>(V)) return;
  const auto *List = dyn_cast<InitListExpr>(Init->IgnoreParens());
  if (!List) return;
  if (const InitListExpr *Syntactic = List->getSyntacticForm()) List = Syntactic;
  for (const Expr *E : List->inits()) {
    const auto *D = dyn_cast_or_null<DesignatedInitExpr>(E);
    if (!D || D->size() != 1 || !D->getDesignator(0)->isFieldDesignator()) continue;
    const FieldDecl *Field = D->getDesignator(0)->getFieldDecl();
    if (Field) setFieldStore(V, name(Field), D->getInit());
  }
}

void Builder::visitInitElement(const Expr *E, const Target &T) {
  const Expr *S = E;
  while (const auto *P = dyn_cast<ParenExpr>(S)) S = P->getSubExpr();
  if (const auto *List = dyn_cast<InitListExpr>(S))
    visitInitList(List, T);
  else
    walk(E, T);
}

// A brace initialiser: the semantic form says which field or element each
// value initialises (designators, nesting and brace elision resolved); the
// walk goes over the syntactic form, so calls and flows keep source order.
void Builder::visitInitList(const InitListExpr *E, const Target &T) {
  const InitListExpr *Sem = E->isSemanticForm() ? E : E->getSemanticForm();
  const InitListExpr *Syn = E->isSemanticForm() && E->getSyntacticForm() ? E->getSyntacticForm() : E;
  llvm::DenseMap<const Expr *, Target> Map;
  mapInitList(Sem ? Sem : E, T, Map);
  llvm::DenseMap<const Expr *, Target> *Saved = InitTargets;
  InitTargets = &Map;
  walkSyntacticList(Syn);
  InitTargets = Saved;
}

void Builder::mapInitElement(const Expr *E, const Target &T, llvm::DenseMap<const Expr *, Target> &Map) {
  if (!E) return;
  const Expr *S = E;
  while (const auto *P = dyn_cast<ParenExpr>(S)) S = P->getSubExpr();
  if (const auto *List = dyn_cast<InitListExpr>(S)) {
    const InitListExpr *Sem = List->isSemanticForm() ? List : List->getSemanticForm();
    mapInitList(Sem ? Sem : List, T, Map);
    return;
  }
  Map[E->IgnoreImplicit()] = T;
}

void Builder::mapInitList(const InitListExpr *Sem, const Target &T, llvm::DenseMap<const Expr *, Target> &Map) {
  QualType Type = Sem->getType();
  if (Type.isNull()) return;
  QualType Canon = Type.getCanonicalType();
  if (const RecordDecl *RD = Canon->getAsRecordDecl()) {
    if (const RecordDecl *Def = RD->getDefinition()) RD = Def;
    if (RD->isUnion()) {
      const FieldDecl *Field = Sem->getInitializedFieldInUnion();
      if (Field && Sem->getNumInits() >= 1) mapInitElement(Sem->getInit(0), fieldTarget(Field), Map);
      return;
    }
    unsigned I = 0;
    for (const FieldDecl *Field : RD->fields()) {
      if (Field->isBitField() && !Field->getDeclName()) continue; // takes no initialiser
      if (I >= Sem->getNumInits()) break;
      mapInitElement(Sem->getInit(I++), fieldTarget(Field), Map);
    }
  } else if (const ArrayType *AT = Ctx.getAsArrayType(Canon)) {
    QualType Elem = AT->getElementType();
    Target ElemTarget;
    if (T.Kind == TargetKind::Field)
      ElemTarget = T; // an element of an array member stores into the member
    else if (T.Kind == TargetKind::Var && (isFunctionPointer(Elem) || isArrayType(Elem)))
      ElemTarget = T;
    for (unsigned I = 0; I < Sem->getNumInits(); I++) mapInitElement(Sem->getInit(I), ElemTarget, Map);
  } else {
    // A scalar in braces: `cb_t p = { f };`
    for (unsigned I = 0; I < Sem->getNumInits(); I++) mapInitElement(Sem->getInit(I), T, Map);
  }
}

void Builder::walkSyntacticList(const InitListExpr *Syn) {
  for (unsigned I = 0; I < Syn->getNumInits(); I++) {
    const Expr *E = Syn->getInit(I);
    if (!E) continue;
    if (const auto *D = dyn_cast<DesignatedInitExpr>(E)) E = D->getInit();
    if (!E) continue;
    const Expr *S = E;
    while (const auto *P = dyn_cast<ParenExpr>(S)) S = P->getSubExpr();
    if (const auto *List = dyn_cast<InitListExpr>(S)) {
      walkSyntacticList(List->isSemanticForm() && List->getSyntacticForm() ? List->getSyntacticForm() : List);
      continue;
    }
    Target T;
    if (InitTargets) {
      auto It = InitTargets->find(E->IgnoreImplicit());
      if (It != InitTargets->end()) T = It->second;
    }
    // A nested brace initialiser met inside this element (a compound
    // literal) has targets of its own.
    llvm::DenseMap<const Expr *, Target> *Saved = InitTargets;
    InitTargets = nullptr;
    walk(E, T);
    InitTargets = Saved;
  }
}

// ---- loops ---------------------------------------------------------------------

bool refersTo(const Expr *E, const ValueDecl *D) {
  if (!E || !D) return false;
  const auto *R = dyn_cast<DeclRefExpr>(stripCasts(E));
  return R && R->getDecl() == D;
}

// Finds `var = c0` or `int var = c0` in a for-init (also inside a comma list).
bool Builder::initConstant(const Stmt *Init, const ValueDecl *Var, int64_t &C0) {
  if (!Init) return false;
  if (const auto *DS = dyn_cast<DeclStmt>(Init)) {
    for (const Decl *D : DS->decls()) {
      if (D != Var) continue;
      const auto *V = dyn_cast<VarDecl>(D);
      if (V && V->getInit() && intConstant(V->getInit(), C0)) return true;
    }
    return false;
  }
  const auto *E = dyn_cast<Expr>(Init);
  if (!E) return false;
  const auto *B = dyn_cast<BinaryOperator>(stripCasts(E));
  if (!B) return false;
  if (B->getOpcode() == BO_Assign) return refersTo(B->getLHS(), Var) && intConstant(B->getRHS(), C0);
  if (B->getOpcode() == BO_Comma) return initConstant(B->getLHS(), Var, C0) || initConstant(B->getRHS(), Var, C0);
  return false;
}

// The variable a for loop steps: declared or assigned in its init, else
// changed in its increment.
const ValueDecl *loopVariable(const Stmt *Init, const Expr *Inc) {
  const Stmt *Parts[2] = {Init, Inc};
  for (const Stmt *Part : Parts) {
    if (!Part) continue;
    if (const auto *DS = dyn_cast<DeclStmt>(Part)) {
      if (DS->decl_begin() != DS->decl_end())
        if (const auto *V = dyn_cast<VarDecl>(*DS->decl_begin())) return V;
      continue;
    }
    const auto *E = dyn_cast<Expr>(Part);
    if (!E) continue;
    E = stripCasts(E);
    const Expr *Changed = nullptr;
    if (const auto *B = dyn_cast<BinaryOperator>(E))
      Changed = B->getLHS();
    else if (const auto *U = dyn_cast<UnaryOperator>(E))
      Changed = U->getSubExpr();
    if (const auto *R = dyn_cast_or_null<DeclRefExpr>(Changed ? stripCasts(Changed) : nullptr)) return R->getDecl();
  }
  return nullptr;
}

void Builder::estimateTrip(bool IsFor, const Stmt *Init, const Expr *Cond, const Expr *Inc, sc_loop &L) {
  L.trip_kind = SC_TRIP_UNKNOWN;
  if (!Cond) {
    if (IsFor) L.trip_kind = SC_TRIP_INFINITE;
    return;
  }
  int64_t V;
  if (intConstant(Cond, V)) {
    if (V != 0) L.trip_kind = SC_TRIP_INFINITE;
    return;
  }
  const auto *B = dyn_cast<BinaryOperator>(stripCasts(Cond));
  if (!B) return;
  BinaryOperatorKind Op = B->getOpcode();
  if (Op != BO_LT && Op != BO_LE && Op != BO_GT && Op != BO_GE && Op != BO_NE) return;
  const Expr *Lhs = B->getLHS(), *Rhs = B->getRHS();
  int64_t LV = 0, RV = 0;
  bool LC = intConstant(Lhs, LV), RC = intConstant(Rhs, RV);
  if (LC != RC) {
    int64_t N = LC ? LV : RV;
    const Expr *VarSide = stripCasts(LC ? Rhs : Lhs);
    int64_t C0 = 0;
    bool HasInit = false;
    if (IsFor && Init)
      if (const auto *R = dyn_cast<DeclRefExpr>(VarSide)) HasInit = initConstant(Init, R->getDecl(), C0);
    int64_t Trips = HasInit ? (N > C0 ? N - C0 : C0 - N) : N;
    if (HasInit && (Op == BO_LE || Op == BO_GE)) Trips++;
    L.trip_kind = SC_TRIP_CONST;
    L.trip_count = Trips;
  } else if (!LC) {
    const ValueDecl *Var = IsFor ? loopVariable(Init, Inc) : nullptr;
    const Expr *Bound = Rhs;
    if (Var && refersTo(Rhs, Var) && !refersTo(Lhs, Var)) Bound = Lhs;
    L.trip_kind = SC_TRIP_INPUT;
    L.bound_text = sourceText(Bound);
  }
}

void Builder::visitLoop(const Stmt *S) {
  const Stmt *Init = nullptr, *Body = nullptr;
  const Expr *Cond = nullptr, *Inc = nullptr;
  bool IsFor = false;
  const Stmt *Order[4] = {nullptr, nullptr, nullptr, nullptr};
  if (const auto *For = dyn_cast<ForStmt>(S)) {
    IsFor = true;
    Init = For->getInit();
    Cond = For->getCond();
    Inc = For->getInc();
    Body = For->getBody();
    Order[0] = Init, Order[1] = Cond, Order[2] = Inc, Order[3] = Body;
  } else if (const auto *While = dyn_cast<WhileStmt>(S)) {
    Cond = While->getCond();
    Body = While->getBody();
    Order[0] = Cond, Order[1] = Body;
  } else if (const auto *Do = dyn_cast<DoStmt>(S)) {
    Cond = Do->getCond();
    Body = Do->getBody();
    Order[0] = Body, Order[1] = Cond;
  }

  sc_loop L = {};
  L.function = Function;
  L.parent = Loop;
  L.depth = Depth + 1;
  L.loc = loc(S->getBeginLoc());
  estimateTrip(IsFor, Init, Cond, Inc, L);
  // `for (; ...; ++i)` stepping the variable of an enclosing `for`.
  const ValueDecl *Var = IsFor ? loopVariable(Init, Inc) : nullptr;
  for (uint32_t D = 0; !Init && Var && D < Depth && D < 16; D++)
    if (LoopVars[D] == Var) L.continues_outer = 1;
  if (Depth < 16) LoopVars[Depth] = Var;
  uint32_t Index = sc_facts_add_loop(F, &L);

  uint32_t SavedLoop = Loop, SavedDepth = Depth;
  Loop = Index;
  Depth = L.depth;
  uint32_t BodyCalls = 0;
  for (const Stmt *Part : Order) {
    if (!Part) continue;
    uint32_t Before = F->ncalls;
    walk(Part, Target());
    if (Part == Body) BodyCalls = F->ncalls - Before;
  }
  Loop = SavedLoop;
  Depth = SavedDepth;

  uint32_t Statements = 1;
  if (const auto *C = dyn_cast_or_null<CompoundStmt>(Body)) Statements = C->size();
  F->loops[Index].body_weight = BodyCalls + Statements;
}

// ---- the walk ------------------------------------------------------------------

void Builder::walkChildren(const Stmt *S, const Target &T) {
  for (const Stmt *Child : S->children())
    if (Child) walk(Child, T);
}

void Builder::walk(const Stmt *S, Target T) {
  if (!S) return;
  switch (S->getStmtClass()) {
  case Stmt::CallExprClass:
  case Stmt::CUDAKernelCallExprClass:
    visitCall(cast<CallExpr>(S));
    return;
  case Stmt::DeclRefExprClass:
    visitDeclRef(cast<DeclRefExpr>(S), T);
    return;
  case Stmt::ParenExprClass:
  case Stmt::CStyleCastExprClass:
  case Stmt::ImplicitCastExprClass:
  case Stmt::ConstantExprClass:
  case Stmt::VAArgExprClass: // libclang shows it as a cast of its operand
    walkChildren(S, T);
    return;
  case Stmt::UnaryOperatorClass: {
    const auto *U = cast<UnaryOperator>(S);
    if (U->getOpcode() == UO_AddrOf) noteStaticStore(U->getSubExpr(), nullptr);
    if (U->getOpcode() == UO_AddrOf && T.Kind != TargetKind::Other) {
      T.Plain = false;
      walkChildren(S, T);
    } else {
      walkChildren(S, U->getOpcode() == UO_Deref && T.Kind == TargetKind::Callee ? T : Target());
    }
    return;
  }
  case Stmt::ConditionalOperatorClass: {
    const auto *C = cast<ConditionalOperator>(S);
    T.Plain = false;
    walk(C->getCond(), Target());
    walk(C->getTrueExpr(), T);
    walk(C->getFalseExpr(), T);
    return;
  }
  case Stmt::BinaryOperatorClass: {
    const auto *B = cast<BinaryOperator>(S);
    if (B->getOpcode() != BO_Assign) break;
    walk(B->getLHS(), Target());
    walk(B->getRHS(), storeTarget(B->getLHS()));
    rememberAssignedCall(localVar(B->getLHS()), B->getRHS());
    noteStaticStore(B->getLHS(), B->getRHS());
    if (Function != SC_NONE) addFieldStore(B->getLHS(), B->getRHS());
    return;
  }
  case Stmt::ReturnStmtClass: {
    Target Ret;
    Ret.Kind = TargetKind::Return;
    walkChildren(S, Ret);
    const Expr *Value = cast<ReturnStmt>(S)->getRetValue();
    if (Function != SC_NONE && Value && isForkResult(Value)) F->functions[Function].flags |= SC_FN_RETURNS_FORK;
    return;
  }
  case Stmt::IfStmtClass:
    visitIf(cast<IfStmt>(S));
    return;
  case Stmt::CompoundStmtClass:
    visitBlock(cast<CompoundStmt>(S));
    return;
  case Stmt::SwitchStmtClass:
    visitSwitch(cast<SwitchStmt>(S));
    return;
  case Stmt::DeclStmtClass:
    for (const Decl *D : cast<DeclStmt>(S)->decls())
      if (const auto *V = dyn_cast<VarDecl>(D)) visitVar(V);
    return;
  case Stmt::InitListExprClass:
    visitInitList(cast<InitListExpr>(S), T);
    return;
  case Stmt::ForStmtClass:
  case Stmt::WhileStmtClass:
  case Stmt::DoStmtClass:
    visitLoop(S);
    return;
  default:
    break;
  }
  walkChildren(S, Target());
}

// ---- branches ----------------------------------------------------------------

void Builder::resetBranches(const Stmt *B) {
  ZeroGuard = SC_NONE;
  ParamGuards = ParamsWritten = 0;
  BranchDepth = 0;
  FieldStores.clear();
  CallIndex.clear();
  VarCall.clear();
  Body = B;
}

const VarDecl *Builder::localVar(const Expr *E) {
  const auto *R = dyn_cast_or_null<DeclRefExpr>(E ? stripCasts(E) : nullptr);
  const auto *V = R ? dyn_cast<VarDecl>(R->getDecl()) : nullptr;
  return V && !isa<ParmVarDecl>(V) && !V->hasGlobalStorage() ? V : nullptr;
}

// `v = e` with `v` a `static` file-scope variable: sc_var_store, as
// driver/frontend_body.c note_static_store records it.
// `&v` (Value null) is a store of something unknown.
void Builder::noteStaticStore(const Expr *Lhs, const Expr *Value) {
  const auto *R = dyn_cast<DeclRefExpr>(stripCasts(Lhs));
  const auto *V = R ? dyn_cast<VarDecl>(R->getDecl()) : nullptr;
  if (Function == SC_NONE || !V || !V->isFileVarDecl() || V->getFormalLinkage() != Linkage::Internal) return;
  // Only what can hold a stream or a descriptor.
  if (!V->getType()->isPointerType() && !isIntegerType(V->getType())) return;
  if (!Value) {
    sc_var_store Unknown = {Function, usr(V), 0, 0};
    if (Unknown.var_usr) sc_facts_add_var_store(F, &Unknown);
    return;
  }
  uint32_t Call = SC_NONE;
  if (const auto *C = dyn_cast<CallExpr>(stripCasts(Value))) {
    auto It = CallIndex.find(C);
    if (It != CallIndex.end()) Call = It->second;
  }
  sc_var_store Store = {Function, usr(V), Call == SC_NONE ? 0 : Call + 1, nullConstant(Value) ? 1u : 0u};
  if (Store.var_usr) sc_facts_add_var_store(F, &Store);
}

void Builder::rememberAssignedCall(const VarDecl *V, const Expr *Value) {
  if (Function == SC_NONE || !V || V->hasGlobalStorage()) return;
  uint32_t Call = SC_NONE;
  if (const auto *C = dyn_cast<CallExpr>(stripCasts(Value))) {
    auto It = CallIndex.find(C);
    if (It != CallIndex.end()) Call = It->second;
  }
  VarCall[V] = HeldCall{Call, nesting()};
}

bool Builder::resultOf(const Expr *E, ZeroTest &T) {
  const Expr *S = stripCasts(E);
  if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->getOpcode() == BO_Assign) S = stripCasts(B->getRHS());
  if (const auto *C = dyn_cast<CallExpr>(S)) {
    T.Call = C;
    return true;
  }
  const VarDecl *V = localVar(S);
  if (!V) return false;
  T.Known = heldCall(V);
  return T.Known != SC_NONE;
}

Builder::ZeroTest Builder::zeroTest(const Expr *Cond, bool AsSwitch) {
  ZeroTest T;
  const Expr *S = stripCasts(Cond), *Operand = S;
  auto Branch = AsSwitch ? ZeroTest::Then : ZeroTest::Else; // `if (E)`: E is 0 in the else branch
  int64_t V;
  if (const auto *B = dyn_cast<BinaryOperator>(S); !AsSwitch && B) {
    if (B->getOpcode() != BO_EQ && B->getOpcode() != BO_NE) return T;
    if (intConstant(B->getRHS(), V) && V == 0) Operand = B->getLHS();
    else if (intConstant(B->getLHS(), V) && V == 0) Operand = B->getRHS();
    else return T;
    Branch = B->getOpcode() == BO_EQ ? ZeroTest::Then : ZeroTest::Else;
  } else if (const auto *U = dyn_cast<UnaryOperator>(S); !AsSwitch && U && U->getOpcode() == UO_LNot) {
    Operand = U->getSubExpr();
    Branch = ZeroTest::Then;
  }
  if (resultOf(Operand, T)) T.Branch = Branch;
  return T;
}

uint32_t Builder::zeroTestCall(const ZeroTest &T) const {
  if (T.Branch == ZeroTest::None) return SC_NONE;
  if (T.Known != SC_NONE) return T.Known;
  auto It = CallIndex.find(T.Call);
  return It == CallIndex.end() ? SC_NONE : It->second;
}

bool Builder::isForkResult(const Expr *E) const {
  auto IsFork = [](llvm::StringRef N) { return N == "fork" || N == "vfork"; };
  const Expr *S = stripCasts(E);
  if (const auto *C = dyn_cast<CallExpr>(S)) {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(C->getCalleeDecl());
    return FD && FD->getIdentifier() && IsFork(FD->getName());
  }
  uint32_t Held = heldCall(localVar(S));
  if (Held == SC_NONE || Held >= F->ncalls) return false;
  const sc_call &C = F->calls[Held];
  return C.callee_kind == SC_CALLEE_DIRECT && C.callee_name && IsFork(C.callee_name);
}

// Whether reference `S` under `Parent` writes what it names or lets it be
// written, as libclang sees one: the left of `=`, the operand of a compound
// assignment, of ++/-- or of `&` (reads go through an implicit cast).
static bool isWrite(const Stmt *S, const Stmt *Parent) {
  if (!Parent) return false;
  if (isa<CompoundAssignOperator>(Parent)) return true;
  if (const auto *U = dyn_cast<UnaryOperator>(Parent)) return U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf;
  if (const auto *B = dyn_cast<BinaryOperator>(Parent)) return B->getOpcode() == BO_Assign && B->getLHS() == S;
  return false;
}

static bool writes(const Stmt *S, const Stmt *Parent, const VarDecl *V) {
  if (const auto *R = dyn_cast<DeclRefExpr>(S); R && R->getDecl() == V) return isWrite(S, Parent);
  for (const Stmt *Child : S->children())
    if (Child && writes(Child, S, V)) return true;
  return false;
}

// The parameters of `FD` that `S` writes, as sc_function.params_written.
static void paramsWritten(const Stmt *S, const Stmt *Parent, const FunctionDecl *FD, uint32_t &Mask) {
  if (const auto *R = dyn_cast<DeclRefExpr>(S)) {
    const auto *P = dyn_cast<ParmVarDecl>(R->getDecl());
    if (P && isWrite(S, Parent)) {
      for (unsigned I = 0; I < FD->getNumParams(); I++)
        if (FD->getParamDecl(I) == P) Mask |= 1u << (I < 31 ? I : 31);
    }
    return;
  }
  for (const Stmt *Child : S->children())
    if (Child) paramsWritten(Child, S, FD, Mask);
}

bool Builder::isDeadFlagTest(const Expr *Cond) {
  const Expr *S = stripCasts(Cond);
  if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->getOpcode() == BO_LAnd) S = stripCasts(B->getLHS());
  const VarDecl *V = localVar(S);
  if (!V || !isIntegerType(V->getType())) return false;
  int64_t Value;
  if (!V->getInit() || !intConstant(V->getInit(), Value) || Value != 0) return false;
  return Body && !writes(Body, nullptr, V);
}

void Builder::addFieldStore(const Expr *Lhs, const Expr *Value) {
  const auto *M = dyn_cast<MemberExpr>(stripCasts(Lhs));
  const auto *Field = M ? dyn_cast<FieldDecl>(M->getMemberDecl()) : nullptr;
  const VarDecl *V = M ? localVar(M->getBase()) : nullptr;
  if (!Field || !V) return;
  setFieldStore(V, name(Field), Value);
}

void Builder::setFieldStore(const VarDecl *V, const char *Name, const Expr *Value) {
  if (!Name) return;
  for (FieldStore &S : FieldStores)
    if (S.Var == V && !strcmp(S.Field, Name)) {
      S.Value = Value;
      S.Nesting = nesting();
      return;
    }
  FieldStores.push_back({V, Name, Value, nesting()});
}

const char *Builder::argTextWithFields(const Expr *A) {
  const char *Text = tokenText(A);
  const Expr *S = stripCasts(A);
  if (const auto *U = dyn_cast<UnaryOperator>(S); U && U->getOpcode() == UO_AddrOf) S = U->getSubExpr();
  const VarDecl *V = localVar(S);
  if (!Text || !V) return Text;
  std::string Joined = Text;
  int N = 0;
  for (const FieldStore &Store : FieldStores) {
    if (Store.Var != V) continue;
    // A store in a branch the walk has left may not have run: `?`.
    const char *Value = Store.Nesting > nesting() ? "?" : tokenText(Store.Value);
    Joined += N++ ? "; " : " {";
    Joined += Store.Field;
    Joined += '=';
    Joined += Value ? Value : "?";
  }
  if (!N) return Text;
  Joined += '}';
  return intern(Joined);
}

bool Builder::zeroOrNull(const Expr *E) {
  int64_t V;
  return (intConstant(E, V) && V == 0) || nullConstant(E);
}

// The parameters `Cond` being true (WhenTrue) or false (WhenFalse) says are
// nonzero, as driver/frontend_branches.c fe_param_test_of reads them.
void Builder::paramTest(const Expr *Cond, uint32_t &WhenTrue, uint32_t &WhenFalse) {
  const Expr *S = stripCasts(Cond);
  if (const auto *U = dyn_cast<UnaryOperator>(S)) {
    if (U->getOpcode() == UO_LNot) paramTest(U->getSubExpr(), WhenFalse, WhenTrue);
    return;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(S)) {
    uint32_t T1 = 0, F1 = 0, T2 = 0, F2 = 0;
    if (B->getOpcode() == BO_LAnd || B->getOpcode() == BO_LOr) {
      paramTest(B->getLHS(), T1, F1);
      paramTest(B->getRHS(), T2, F2);
      if (B->getOpcode() == BO_LAnd) WhenTrue |= T1 | T2; // both ran and were true
      else WhenFalse |= F1 | F2;                           // both ran and were false
    } else if ((B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE) &&
               (zeroOrNull(B->getLHS()) || zeroOrNull(B->getRHS()))) {
      const Expr *Operand = zeroOrNull(B->getRHS()) ? B->getLHS() : B->getRHS();
      if (B->getOpcode() == BO_NE) paramTest(Operand, WhenTrue, WhenFalse);
      else paramTest(Operand, WhenFalse, WhenTrue);
    }
    return;
  }
  const auto *R = dyn_cast<DeclRefExpr>(S);
  const auto *P = R ? dyn_cast<ParmVarDecl>(R->getDecl()) : nullptr;
  if (!P || Function == SC_NONE || !(isIntegerType(P->getType()) || P->getType()->isPointerType())) return;
  int Index = paramIndex(P);
  if (Index >= 0 && Index < 31 && !(ParamsWritten & (1u << Index))) WhenTrue |= 1u << Index;
}

// The parameter `S` gives a kernel-path default: `if (!p) p = "/proc/...";`
// (or `p == NULL`, the assignment alone in braces, no else), or -1.
int Builder::kernelDefaultOf(const Stmt *S) {
  const auto *If = dyn_cast<IfStmt>(S);
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable()) return -1;
  const Stmt *Then = If->getThen();
  if (const auto *C = dyn_cast<CompoundStmt>(Then)) Then = C->size() == 1 ? C->body_front() : nullptr;
  const auto *Assign = dyn_cast_or_null<BinaryOperator>(Then);
  if (!Assign || Assign->getOpcode() != BO_Assign) return -1;
  const auto *Lhs = dyn_cast<DeclRefExpr>(Assign->getLHS());
  const auto *P = Lhs ? dyn_cast<ParmVarDecl>(Lhs->getDecl()) : nullptr;
  const auto *Literal = dyn_cast<StringLiteral>(stripCasts(Assign->getRHS()));
  if (!P || !Literal || !Literal->isOrdinary()) return -1;
  int Index = paramIndex(P);
  if (Index < 0 || Index >= 31) return -1;
  // The condition must say exactly that this parameter is 0: `!p`, `p == NULL`.
  uint32_t Saved = Function, WhenTrue = 0, WhenFalse = 0;
  Function = 0; // paramTest reads parameters only inside a function
  paramTest(If->getCond(), WhenTrue, WhenFalse);
  Function = Saved;
  if (WhenTrue || WhenFalse != (1u << Index)) return -1;
  return sc_catalog_is_kernel_path(Literal->getString().str().c_str()) ? Index : -1;
}

void Builder::walkGuarded(const Stmt *S, uint32_t Guard, uint32_t Params) {
  uint32_t Saved = ZeroGuard, SavedParams = ParamGuards;
  if (Guard != SC_NONE) ZeroGuard = Guard;
  ParamGuards |= Params;
  BranchDepth++;
  walk(S, Target());
  BranchDepth--;
  ZeroGuard = Saved;
  ParamGuards = SavedParams;
}

void Builder::visitIf(const IfStmt *S) {
  walk(S->getInit(), Target());
  ZeroTest T = zeroTest(S->getCond(), false);
  uint32_t WhenTrue = 0, WhenFalse = 0;
  paramTest(S->getCond(), WhenTrue, WhenFalse);
  walk(S->getCond(), Target());
  uint32_t Guard = zeroTestCall(T);
  if (!isDeadFlagTest(S->getCond()))
    walkGuarded(S->getThen(), T.Branch == ZeroTest::Then ? Guard : SC_NONE, WhenTrue);
  walkGuarded(S->getElse(), T.Branch == ZeroTest::Else ? Guard : SC_NONE, WhenFalse);
}

static bool alwaysReturns(const Stmt *S) {
  if (isa_and_nonnull<ReturnStmt>(S)) return true;
  const auto *C = dyn_cast_or_null<CompoundStmt>(S);
  return C && !C->body_empty() && alwaysReturns(C->body_back());
}

// { ...; if (!flag) return ...; rest }: the rest runs only when `flag` is
// nonzero, up to a label another jump may enter by.
// `if (pid < 0) return ...; else if (pid) { ...; return ...; }`: what
// follows runs only where that call returned 0, as
// driver/frontend_body.c parent_returns_unless_zero reads it.
uint32_t Builder::parentReturnsUnlessZero(const Stmt *S) {
  uint32_t Found = SC_NONE;
  for (int Guard = 0; Guard < 8; Guard++) {
    const auto *If = dyn_cast_or_null<IfStmt>(S);
    if (!If || If->getInit() || If->getConditionVariable() || !alwaysReturns(If->getThen())) return SC_NONE;
    ZeroTest T = zeroTest(If->getCond(), false);
    if (T.Branch == ZeroTest::Else && T.Known != SC_NONE) Found = T.Known;
    if (!If->getElse()) return Found;
    S = If->getElse();
  }
  return SC_NONE;
}

void Builder::visitBlock(const CompoundStmt *S) {
  uint32_t Saved = ParamGuards, SavedZero = ZeroGuard;
  for (const Stmt *Child : S->body()) {
    if (isa<LabelStmt>(Child) || isa<SwitchCase>(Child)) {
      ParamGuards = Saved;
      ZeroGuard = SavedZero;
    }
    // Before the walk: the variables the conditions read hold what they held then.
    uint32_t ChildGuard = isa<IfStmt>(Child) ? parentReturnsUnlessZero(Child) : SC_NONE;
    walk(Child, Target());
    if (ChildGuard != SC_NONE) ZeroGuard = ChildGuard;
    const auto *If = dyn_cast<IfStmt>(Child);
    if (If && !If->getElse() && !If->getInit() && alwaysReturns(If->getThen())) {
      uint32_t WhenTrue = 0, WhenFalse = 0;
      paramTest(If->getCond(), WhenTrue, WhenFalse);
      ParamGuards |= WhenFalse;
    }
  }
  ParamGuards = Saved;
  ZeroGuard = SavedZero;
}

void Builder::visitSwitch(const SwitchStmt *S) {
  const auto *Compound = dyn_cast_or_null<CompoundStmt>(S->getBody());
  if (!Compound || S->getInit() || S->getConditionVariable()) {
    walkChildren(S, Target());
    return;
  }
  ZeroTest T = zeroTest(S->getCond(), true);
  walk(S->getCond(), Target());
  uint32_t Guard = zeroTestCall(T), Active = SC_NONE;
  for (const Stmt *Child : Compound->body()) {
    if (isa<SwitchCase>(Child)) {
      // Follow `case 1: case 0:` chains: only a lone `case 0:` runs for 0 alone.
      int Labels = 0;
      bool Zero = false;
      const Stmt *Sub = Child;
      while (const auto *Label = dyn_cast<SwitchCase>(Sub)) {
        Labels++;
        int64_t V;
        if (const auto *Case = dyn_cast<CaseStmt>(Label); Case && !Case->getRHS() && intConstant(Case->getLHS(), V) && V == 0)
          Zero = true;
        Sub = Label->getSubStmt();
      }
      Active = Labels == 1 && Zero ? Guard : SC_NONE;
      if (!Sub) continue;
      Child = Sub;
    }
    walkGuarded(Child, Active, 0);
  }
}

// ---- functions and the translation unit ----------------------------------

void addAnnotation(std::string &All, llvm::StringRef Text) {
  if (!Text.starts_with("stallcheck::")) return;
  // An annotation repeated on the declaration and the definition counts once.
  llvm::StringRef Rest = All;
  while (!Rest.empty()) {
    std::pair<llvm::StringRef, llvm::StringRef> Split = Rest.split('\n');
    if (Split.first == Text) return;
    Rest = Split.second;
  }
  if (!All.empty()) All += '\n';
  All += Text.str();
}

void scanAttributes(const FunctionDecl *D, std::string &Annotations, uint32_t &Flags) {
  for (const Attr *A : D->attrs()) {
    if (const auto *Note = dyn_cast<AnnotateAttr>(A))
      addAnnotation(Annotations, Note->getAnnotation());
    else if (isa<HotAttr>(A))
      Flags |= SC_FN_HOT;
  }
}

// clang's function effects as SC_FN_* flags: nonblocking, and blocking (also
// written nonblocking(false)).  A condition that is not a constant (a
// template's) promises nothing; nonallocating says nothing about waiting.
uint32_t effectFlags(const FunctionDecl *D) {
  uint32_t Flags = 0;
  for (const FunctionEffectWithCondition &E : D->getFunctionEffects()) {
    if (E.Cond.getCondition()) continue;
    if (E.Effect.kind() == FunctionEffect::Kind::NonBlocking) Flags |= SC_FN_NONBLOCKING;
    else if (E.Effect.kind() == FunctionEffect::Kind::Blocking) Flags |= SC_FN_BLOCKING;
  }
  return Flags;
}

void Builder::visitFunction(const FunctionDecl *FD) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
  if (!Body || !FD->doesThisDeclarationHaveABody()) return;

  std::string Annotations;
  uint32_t Flags = 0;
  scanAttributes(FD, Annotations, Flags);
  const FunctionDecl *First = FD->getCanonicalDecl();
  if (First && First != FD) scanAttributes(First, Annotations, Flags);

  sc_function Fn = {};
  Fn.usr = usr(FD);
  Fn.name = name(FD);
  Fn.linkage = FD->getLinkageInternal() == Linkage::Internal ? SC_LINKAGE_INTERNAL : SC_LINKAGE_EXTERNAL;
  Fn.loc = loc(FD->getLocation());
  Fn.flags = Flags | effectFlags(FD);
  QualType T = FD->getType();
  if (const auto *Proto = T->getAs<FunctionProtoType>()) {
    if (Proto->isVariadic()) Fn.flags |= SC_FN_VARIADIC;
  } else if (T->getAs<FunctionNoProtoType>()) {
    Fn.flags |= SC_FN_VARIADIC; // `int f()`: any arguments
  }
  if (!SM.isWrittenInMainFile(FD->getLocation())) Fn.flags |= SC_FN_INLINE_HEADER;
  Fn.nparams = FD->getNumParams();
  Fn.annotations = Annotations.empty() ? nullptr : intern(Annotations);
  if (FD->getNumParams()) {
    // The top-level statements one by one, the kernel defaults for NULL
    // aside, as driver/frontend_branches.c fe_params_written.
    uint32_t Defaults = 0;
    Function = SC_NONE; // paramTest below must not read the last body's state
    ParamsWritten = 0;
    FnDecl = FD;
    for (const Stmt *S : Body->body()) {
      int Param = kernelDefaultOf(S);
      if (Param >= 0) Defaults |= 1u << Param;
      else paramsWritten(S, Body, FD, Fn.params_written);
    }
    Fn.params_kernel_default = Defaults & ~Fn.params_written;
    Fn.params_written |= Defaults;
  }

  Function = sc_facts_add_function(F, &Fn);
  FnDecl = FD;
  Loop = SC_NONE;
  Depth = 0;
  resetBranches(Body);
  ParamsWritten = Fn.params_written;
  walk(Body, Target());
  Function = SC_NONE;
  FnDecl = nullptr;
}

// `TopLevel` is the TU's top-level declarations in source order, as the
// plugin saw them parsed: walking TranslationUnitDecl::decls() afterwards
// touches every declaration of every header again, cold in the cache (a
// seventh of the facts walk on redis's server.c).  Empty: walk decls().
void Builder::run(llvm::ArrayRef<const Decl *> TopLevel) {
  if (TopLevel.empty()) {
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) visitTopLevel(D);
    return;
  }
  for (const Decl *D : TopLevel) visitTopLevel(D);
}

void Builder::visitTopLevel(const Decl *D) {
  // C's function definitions and initialised variables only (not C++
  // methods, templates, ...).  Tested before the location: most of a TU's
  // declarations are prototypes from headers, and asking the
  // SourceManager where each one is was a fifth of the plugin's time.
  const auto *FD = D->getKind() == Decl::Function ? cast<FunctionDecl>(D) : nullptr;
  const auto *V = D->getKind() == Decl::Var ? cast<VarDecl>(D) : nullptr;
  if (FD ? !FD->doesThisDeclarationHaveABody() : !V || !V->getInit()) return;
  // Library code: calls into it are calls to external functions.  Headers
  // under /usr/include count even when found through -I (pkg-config gives
  // -I/usr/include/glib-2.0).
  SourceLocation At = D->getLocation();
  if (SM.isInSystemHeader(At)) return;
  if (!SM.isWrittenInMainFile(At)) {
    const char *File = filePath(SM.getFileID(SM.getExpansionLoc(At)));
    if (File && strncmp(File, "/usr/include/", 13) == 0) return;
  }
  if (FD) {
    visitFunction(FD);
  } else {
    Function = SC_NONE;
    FnDecl = nullptr;
    Loop = SC_NONE;
    Depth = 0;
    resetBranches(nullptr);
    HolderUsr = usr(V);
    visitVar(V);
    HolderUsr = nullptr;
  }
}

} // namespace

sc_facts *buildFacts(ASTContext &Ctx, const std::string &MainFile, const std::string &Directory,
                     llvm::ArrayRef<const Decl *> TopLevel) {
  sc_facts *Facts = sc_facts_new(MainFile.c_str());
  Builder B(Ctx, Facts, Directory);
  B.run(TopLevel);
  return Facts;
}

} // namespace stallcheck
