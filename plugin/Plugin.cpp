// Plugin.cpp - the clang plugin: `clang -fplugin=stallcheck-plugin.so ...`
// runs stallcheck's engine on the translation unit after clang's own
// action and prints its findings as warnings in the normal compiler output.
//
// Arguments (-fplugin-arg-stallcheck-<name>=<value>):
//   disable=<rule>      turn a rule off (repeatable)
//   sarif=<file>        also write the findings as SARIF 2.1.0
//   facts=<file>        write the TU's facts file, for `stallcheck link`
//   config=<file>       read this configuration, not the nearest .stallcheck.json
//   dump-facts=<file>   write the facts of the TU (for tests and debugging)
//
// The plugin never fails a compile because of its own problem: it only adds
// warnings, it skips analysis when the TU has errors, and a problem of its
// own (an unknown argument, an unwritable file) is one warning.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "Diagnostics.h"
extern "C" {
#include "config.h"
}
#include "FactsBuilder.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "stallcheck/catalog.h"
#include "stallcheck/facts_io.h"
#include "stallcheck/program.h"
#include "stallcheck/report.h"
#include "stallcheck/suppress.h"

using namespace clang;

namespace stallcheck {
namespace {

struct PluginOptions {
  std::vector<std::string> Disabled;
  std::string Sarif;
  std::string DumpFacts;
  std::string FactsFile; // facts=<file>: a facts file for `stallcheck link`
  std::string ConfigFile; // config=<file>: instead of the nearest .stallcheck.json
  std::vector<std::string> Problems; // reported once the diagnostics exist
};

std::string absolutePath(StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

class Consumer : public ASTConsumer {
public:
  Consumer(CompilerInstance &CI, PluginOptions Options) : CI(CI), Options(std::move(Options)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    for (const std::string &P : Options.Problems) reportPluginProblem(CI, P.c_str());
    if (CI.getDiagnostics().hasErrorOccurred()) return; // clang reports those
    SourceManager &SM = Ctx.getSourceManager();
    OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
    if (!Main) return;
    std::string Directory = CI.getFileSystemOpts().WorkingDir;
    if (Directory.empty()) Directory = absolutePath(".");
    sc_facts *Facts = buildFacts(Ctx, absolutePath(Main->getName()), Directory);

    if (!Options.DumpFacts.empty()) {
      FILE *Out = Options.DumpFacts == "-" ? stdout : fopen(Options.DumpFacts.c_str(), "w");
      if (Out) {
        sc_facts_dump(Facts, Out);
        if (Out != stdout) fclose(Out); else fflush(Out);
      } else {
        reportPluginProblem(CI, ("cannot write " + Options.DumpFacts).c_str());
      }
    }

    if (!Options.FactsFile.empty()) {
      FILE *Out = fopen(Options.FactsFile.c_str(), "w");
      if (!Out || sc_facts_write(Out, Facts) != 0) reportPluginProblem(CI, ("cannot write " + Options.FactsFile).c_str());
      if (Out) fclose(Out);
    }

    sc_options Analysis;
    sc_options_init(&Analysis);
    // The project's .stallcheck.json, as the driver reads it.
    sc_config Config = {};
    char *Path = Options.ConfigFile.empty()
                     ? sc_config_find(llvm::sys::path::parent_path(absolutePath(Main->getName())).str().c_str())
                     : strdup(Options.ConfigFile.c_str());
    if (Path) {
      if (sc_config_load(Path, &Config, &Analysis) != 0)
        reportPluginProblem(CI, (std::string("cannot read ") + Path).c_str());
      free(Path);
    }
    for (const std::string &Rule : Options.Disabled)
      if (sc_options_disable(&Analysis, Rule.c_str()) != 0)
        reportPluginProblem(CI, ("unknown rule '" + Rule + "'").c_str());
    sc_config_mark_functions(&Config, &Facts, 1); // "hot" functions for the GPU rules
    sc_findings Findings;
    sc_findings_init(&Findings);
    sc_program *Program = sc_program_link(&Facts, 1);
    sc_program_solve(Program);
    sc_analyze(Program, &Analysis, &Findings);
    sc_findings_apply_suppressions(&Findings, nullptr, nullptr);
    sc_config_apply_excludes(&Config, &Findings);
    reportFindings(CI, Findings);

    if (!Options.Sarif.empty()) {
      sc_sarif_options Sarif = {};
      Sarif.srcroot = Directory.c_str();
      Sarif.tool_version = STALLCHECK_VERSION;
      Sarif.automation_id = "stallcheck/";
      Sarif.execution_successful = 1;
      if (sc_report_sarif_file(Options.Sarif.c_str(), &Findings, &Sarif) != 0)
        reportPluginProblem(CI, ("cannot write " + Options.Sarif).c_str());
    }
    sc_findings_free(&Findings);
    sc_program_free(Program);
    sc_facts_free(Facts);
    sc_config_free(&Config);
    sc_catalog_clear_user_rows();
  }

private:
  CompilerInstance &CI;
  PluginOptions Options;
};

class Action : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef) override {
    return std::make_unique<Consumer>(CI, Options);
  }

  bool ParseArgs(const CompilerInstance &, const std::vector<std::string> &Args) override {
    for (const std::string &Arg : Args) {
      StringRef A(Arg);
      if (A.consume_front("disable="))
        Options.Disabled.push_back(A.str());
      else if (A.consume_front("sarif="))
        Options.Sarif = A.str();
      else if (A.consume_front("config="))
        Options.ConfigFile = A.str();
      else if (A.consume_front("facts="))
        Options.FactsFile = A.str();
      else if (A.consume_front("dump-facts="))
        Options.DumpFacts = A == "/dev/stdout" ? "-" : A.str();
      else
        Options.Problems.push_back("unknown argument '" + Arg + "' (expected disable=, sarif=, config=, facts= or dump-facts=)");
    }
    return true; // a bad argument is a warning, never a failed compile
  }

  ActionType getActionType() override { return AddAfterMainAction; }

private:
  PluginOptions Options;
};

} // namespace
} // namespace stallcheck

static FrontendPluginRegistry::Add<stallcheck::Action> Registration("stallcheck",
                                                                    "find code that stalls event loops");
