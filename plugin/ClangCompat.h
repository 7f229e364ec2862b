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

enum class Level { Note, Warning, Error };

// A diagnostic of our own, at a fixed level.  Custom diagnostics without a
// warning group are outside clang's severity mapping (-w and -Werror leave
// them alone), so the caller picks the level from the compile's options.
inline unsigned customDiag(clang::DiagnosticsEngine &Diags, Level L, llvm::StringRef Format) {
#if CLANG_VERSION_MAJOR >= 20
  using clang::DiagnosticIDs;
  clang::diag::Severity Severity = L == Level::Note    ? clang::diag::Severity::Fatal
                                   : L == Level::Error ? clang::diag::Severity::Error
                                                       : clang::diag::Severity::Warning;
  DiagnosticIDs::CustomDiagDesc Desc(Severity, Format.str(),
                                     L == Level::Note ? DiagnosticIDs::CLASS_NOTE : DiagnosticIDs::CLASS_WARNING,
                                     /*ShowInSystemHeader=*/true, /*ShowInSystemMacro=*/true);
  return Diags.getDiagnosticIDs()->getCustomDiagID(Desc);
#else
  clang::DiagnosticIDs::Level Legacy = L == Level::Note    ? clang::DiagnosticIDs::Note
                                       : L == Level::Error ? clang::DiagnosticIDs::Error
                                                           : clang::DiagnosticIDs::Warning;
  return Diags.getDiagnosticIDs()->getCustomDiagID(Legacy, Format);
#endif
}

} // namespace compat
} // namespace stallcheck

#endif
