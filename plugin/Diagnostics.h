// Diagnostics.h - stallcheck's findings as clang diagnostics: a warning at
// the call with the rule id, a note for each step of the path, and the
// remedy as a last note, so that they read like any other compiler warning.
#ifndef STALLCHECK_PLUGIN_DIAGNOSTICS_H
#define STALLCHECK_PLUGIN_DIAGNOSTICS_H

#include <string>

#include "stallcheck/findings.h"

namespace clang {
class CompilerInstance;
}

namespace stallcheck {

// Reports every finding that is not suppressed; returns how many.  Findings
// are warnings, errors under -Werror when `WarningsAsErrors` (the default;
// false with -fplugin-arg-stallcheck-no-werror).
unsigned reportFindings(clang::CompilerInstance &CI, const sc_findings &Findings, bool WarningsAsErrors);

// One warning about the plugin itself (it never fails the compile).
void reportPluginProblem(clang::CompilerInstance &CI, const char *Message);

// The same at a place in a source file (1-based line and byte column).
void reportPluginProblemAt(clang::CompilerInstance &CI, const char *File, unsigned Line, unsigned Column,
                           const std::string &Message);

} // namespace stallcheck

#endif
