// ClangCompat.h - the one place where the plugin's uses of clang differ
// between the clang versions it builds with (22, the reference, and 19).
// Everything else in plugin/ uses APIs common to both.
#ifndef STALLCHECK_PLUGIN_CLANGCOMPAT_H
#define STALLCHECK_PLUGIN_CLANGCOMPAT_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringRef.h"

namespace stallcheck {
namespace compat {

// The clang major version this plugin was compiled against.
constexpr unsigned BuiltForMajor = CLANG_VERSION_MAJOR;

// A warning (or note) of our own.  Since clang 20 custom diagnostics go
// through the normal severity mapping, so -w, -Werror and -Wno-error apply to
// them as to clang's own warnings; clang 19 maps them once, at creation,
// from -w / -Werror as they are when the compile starts.
inline unsigned customDiag(clang::DiagnosticsEngine &Diags, bool Note, llvm::StringRef Format) {
#if CLANG_VERSION_MAJOR >= 20
  using clang::DiagnosticIDs;
  DiagnosticIDs::CustomDiagDesc Desc(Note ? clang::diag::Severity::Fatal : clang::diag::Severity::Warning,
                                     Format.str(), Note ? DiagnosticIDs::CLASS_NOTE : DiagnosticIDs::CLASS_WARNING,
                                     /*ShowInSystemHeader=*/true, /*ShowInSystemMacro=*/true);
  return Diags.getDiagnosticIDs()->getCustomDiagID(Desc);
#else
  clang::DiagnosticIDs::Level Level = clang::DiagnosticIDs::Note;
  if (!Note) {
    if (Diags.getIgnoreAllWarnings())
      Level = clang::DiagnosticIDs::Ignored;
    else if (Diags.getWarningsAsErrors())
      Level = clang::DiagnosticIDs::Error;
    else
      Level = clang::DiagnosticIDs::Warning;
  }
  return Diags.getDiagnosticIDs()->getCustomDiagID(Level, Format);
#endif
}

} // namespace compat
} // namespace stallcheck

#endif
