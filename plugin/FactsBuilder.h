// FactsBuilder.h - walks the clang AST of one translation unit and fills the
// facts model (rules/include/stallcheck/facts.h) exactly as
// docs/design/facts.md specifies, so that the plugin and the libclang driver
// record the same facts for the same source.
#ifndef STALLCHECK_PLUGIN_FACTSBUILDER_H
#define STALLCHECK_PLUGIN_FACTSBUILDER_H

#include <string>

#include "llvm/ADT/ArrayRef.h"
#include "stallcheck/facts.h"

namespace clang {
class ASTContext;
class Decl;
}

namespace stallcheck {

// Returns the facts of the TU in `Ctx` (never NULL; the caller frees them
// with sc_facts_free).  `MainFile` is the main source file made absolute, and
// `Directory` the compile's working directory (for relative header names).
// `TopLevel`: the TU's top-level function definitions and initialised
// variables in source order, collected as they were parsed (cheaper than
// walking the finished TU); empty to walk the TranslationUnitDecl instead.
sc_facts *buildFacts(clang::ASTContext &Ctx, const std::string &MainFile, const std::string &Directory,
                     llvm::ArrayRef<const clang::Decl *> TopLevel = {});

} // namespace stallcheck

#endif
