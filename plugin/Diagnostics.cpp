// Diagnostics.cpp - findings to clang diagnostics.
#include "Diagnostics.h"

#include <string>

#include "ClangCompat.h"
#include "FaultInjection.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"

using namespace clang;

namespace stallcheck {
namespace {

// A location of the facts (file, 1-based line and byte column) in the
// compile's SourceManager; invalid when the file is not part of the compile.
SourceLocation toLocation(CompilerInstance &CI, const sc_loc &L) {
  if (!L.file || L.line == 0) return SourceLocation();
  OptionalFileEntryRef File = CI.getFileManager().getOptionalFileRef(L.file);
  if (!File) return SourceLocation();
  return CI.getSourceManager().translateFileLineCol(&File->getFileEntry(), L.line, L.col ? L.col : 1);
}

// The callee's name under the caret, as the driver underlines it.
CharSourceRange toRange(CompilerInstance &CI, const sc_loc &L, SourceLocation Begin) {
  if (Begin.isInvalid() || L.end_line != L.line || L.end_col <= L.col) return CharSourceRange();
  return CharSourceRange::getCharRange(Begin, Begin.getLocWithOffset(L.end_col - L.col));
}

} // namespace

unsigned reportFindings(CompilerInstance &CI, const sc_findings &Findings, bool WarningsAsErrors) {
  stageFault(Fault::Report);
  DiagnosticsEngine &Diags = CI.getDiagnostics();
  if (Diags.getIgnoreAllWarnings()) return 0; // -w
  // -Werror (and not a later -Wno-error) makes findings errors, as it does
  // every other warning; no-werror is the opt-out.
  compat::Level Level = WarningsAsErrors && Diags.getWarningsAsErrors() ? compat::Level::Error : compat::Level::Warning;
  unsigned Warning = compat::customDiag(Diags, Level, "%0");
  unsigned Note = compat::customDiag(Diags, compat::Level::Note, "%0");
  unsigned Reported = 0;
  for (size_t I = 0; I < Findings.count; I++) {
    const sc_finding &F = Findings.items[I];
    if (F.suppressed) continue;
    SourceLocation At = toLocation(CI, F.loc);
    std::string Message = std::string(F.message) + " [" + F.rule->id + "]";
    {
      DiagnosticBuilder D = Diags.Report(At, Warning);
      D << Message;
      CharSourceRange Range = toRange(CI, F.loc, At);
      if (Range.isValid()) D << Range;
    }
    for (size_t S = 0; S < F.nsteps; S++) Diags.Report(toLocation(CI, F.steps[S].loc), Note) << F.steps[S].message;
    if (F.remedy) Diags.Report(At, Note) << (std::string("remedy: ") + F.remedy);
    Reported++;
  }
  return Reported;
}

void reportPluginProblem(CompilerInstance &CI, const char *Message) {
  DiagnosticsEngine &Diags = CI.getDiagnostics();
  if (Diags.getIgnoreAllWarnings()) return; // -w
  // Always a warning, even under -Werror: the plugin's own trouble must not
  // fail the user's compile.
  unsigned Warning = compat::customDiag(Diags, compat::Level::Warning, "stallcheck plugin: %0");
  Diags.Report(Warning) << Message;
}

void reportPluginProblemAt(CompilerInstance &CI, const char *File, unsigned Line, unsigned Column,
                           const std::string &Message) {
  DiagnosticsEngine &Diags = CI.getDiagnostics();
  if (Diags.getIgnoreAllWarnings()) return; // -w
  sc_loc L = {};
  L.file = File;
  L.line = Line;
  L.col = Column;
  unsigned Warning = compat::customDiag(Diags, compat::Level::Warning, "stallcheck: %0");
  Diags.Report(toLocation(CI, L), Warning) << Message;
}

} // namespace stallcheck
