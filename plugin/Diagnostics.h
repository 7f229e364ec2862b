// Diagnostics.h - stallcheck's findings as clang diagnostics: a warning at
// the call with the rule id, a note for each step of the path, and the
// remedy as a last note, so that they read like any other compiler warning.
#ifndef STALLCHECK_PLUGIN_DIAGNOSTICS_H
#define STALLCHECK_PLUGIN_DIAGNOSTICS_H

#include "stallcheck/findings.h"

namespace clang {
class CompilerInstance;
}

namespace stallcheck {

// Reports every finding that is not suppressed; returns how many.
unsigned reportFindings(clang::CompilerInstance &CI, const sc_findings &Findings);

// One warning about the plugin itself (it never fails the compile).
void reportPluginProblem(clang::CompilerInstance &CI, const char *Message);

} // namespace stallcheck

#endif
