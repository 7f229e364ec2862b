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
//   no-werror           findings stay warnings under -Werror
//
// The plugin never fails a compile because of its own problem: its findings
// are warnings (errors only under -Werror, like any warning), it skips
// analysis when the TU has errors, and a problem of its own (an unknown
// argument, an unwritable file, an exception, facts that break their own
// invariants) is one warning, even under -Werror.
//
// Environment: STALLCHECK_PLUGIN_TIMING=1 prints the time of each phase on
// stderr; STALLCHECK_PLUGIN_FAULT stages a fault for the tests
// (FaultInjection.h).
#include <dlfcn.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <memory>
#include <string>
#include <vector>

#include "ClangCompat.h"
#include "Diagnostics.h"
#include "FaultInjection.h"
extern "C" {
#include "config.h"
#include "config_tree.h"
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
  bool WarningsAsErrors = true; // no-werror: findings stay warnings under -Werror
  std::vector<std::string> Problems; // reported once the diagnostics exist
};

std::string absolutePath(StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

// Owners of the engine's C objects, so that an exception (bad_alloc from a
// std::string) leaves nothing behind.
struct FactsDeleter {
  void operator()(sc_facts *F) const { sc_facts_free(F); }
};
struct ProgramDeleter {
  void operator()(sc_program *P) const { sc_program_free(P); }
};
struct FindingsHolder {
  sc_findings F;
  FindingsHolder() { sc_findings_init(&F); }
  ~FindingsHolder() { sc_findings_free(&F); }
};

// STALLCHECK_PLUGIN_TIMING set: one line on stderr with the time each phase
// of the plugin's work on the TU took (docs/performance.md uses it).
class PhaseClock {
public:
  PhaseClock() : On(getenv("STALLCHECK_PLUGIN_TIMING") != nullptr), Last(Clock::now()) {}
  bool on() const { return On; }
  void lap(const char *Phase) {
    if (!On) return;
    Clock::time_point Now = Clock::now();
    char Text[64];
    snprintf(Text, sizeof Text, "%s%s %.2f ms", Line.empty() ? "" : ", ", Phase,
             std::chrono::duration<double, std::milli>(Now - Last).count());
    Line += Text;
    Last = Now;
  }
  void print(const std::string &File) const {
    if (On) fprintf(stderr, "stallcheck plugin timing: %s: %s\n", File.c_str(), Line.c_str());
  }

private:
  using Clock = std::chrono::steady_clock;
  bool On;
  Clock::time_point Last;
  std::string Line;
};

struct ConfigHolder {
  sc_config C = {};
  // Nearer configurations (a vendor/ directory's) judge the findings in
  // their headers, as the driver's do; only when the configuration was
  // found, not named with config=.
  sc_config_tree Nearer = {};
  bool HasNearer = false;
  ~ConfigHolder() {
    if (HasNearer) sc_config_tree_free(&Nearer);
    sc_config_free(&C);
    sc_catalog_clear_user_rows(); // the configuration's rows are this TU's only
  }
};

class Consumer : public ASTConsumer {
public:
  Consumer(CompilerInstance &CI, PluginOptions Options) : CI(CI), Options(std::move(Options)) {}

  // The TU's function definitions and initialised variables, kept as they
  // are parsed, while they are still in the cache: the facts walk then
  // needs no second pass over every declaration of every header.  (A
  // definition reaches the consumer with its body, a variable with its
  // initialiser.)
  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    try {
      for (const Decl *D : Group) {
        const auto *FD = dyn_cast<FunctionDecl>(D);
        const auto *V = dyn_cast<VarDecl>(D);
        if ((FD && FD->doesThisDeclarationHaveABody()) || (V && V->getInit())) TopLevel.push_back(D);
      }
    } catch (...) {
      TopLevelIncomplete = true; // out of memory: the walk falls back to the TU's decls()
    }
    return true;
  }

  // The boundary between clang and the plugin: nothing the plugin does may
  // end the compile, so every exception stops here as one warning.
  void HandleTranslationUnit(ASTContext &Ctx) override {
    try {
      for (const std::string &P : Options.Problems) reportPluginProblem(CI, P.c_str());
      if (CI.getDiagnostics().hasErrorOccurred()) return; // clang reports those
      analyse(Ctx);
    } catch (const std::bad_alloc &) {
      reportPluginProblem(CI, (std::string("out of memory; ") + Lost).c_str());
    } catch (const std::exception &E) {
      reportPluginProblem(CI, (std::string("internal error (") + E.what() + "); " + Lost).c_str());
    } catch (...) {
      reportPluginProblem(CI, (std::string("internal error; ") + Lost).c_str());
    }
  }

private:
  void analyse(ASTContext &Ctx) {
    SourceManager &SM = Ctx.getSourceManager();
    OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
    if (!Main) return;
    std::string Directory = CI.getFileSystemOpts().WorkingDir;
    if (Directory.empty()) Directory = absolutePath(".");
    std::string MainPath = absolutePath(Main->getName());
    PhaseClock Clock;
    if (Clock.on()) {
      // The catalog's index is built on its first use, in the facts walk;
      // timed apart, it is one phase of its own.
      sc_catalog_wants_arg_text("");
      Clock.lap("catalog");
    }
    // Declarations read from a PCH or a module never pass through
    // HandleTopLevelDecl: then the walk takes the TU's own list.
    llvm::ArrayRef<const Decl *> Walk;
    if (!TopLevelIncomplete && !Ctx.getExternalSource()) Walk = TopLevel;
    stageFault(Fault::Alloc);
    std::unique_ptr<sc_facts, FactsDeleter> Facts(buildFacts(Ctx, MainPath, Directory, Walk));
    stageCorruptFacts(Facts.get());
    // Facts built here break the engine's invariants only through a bug of
    // the plugin's: then the analysis is skipped rather than read out of
    // bounds inside the compiler.
    char Broken[160];
    if (sc_facts_check(Facts.get(), Broken, sizeof Broken) != 0) {
      reportPluginProblem(CI, (std::string("internal error (inconsistent facts: ") + Broken + "); analysis skipped").c_str());
      return;
    }
    stageFault(Fault::Throw);
    Clock.lap("facts");

    if (!Options.DumpFacts.empty()) {
      FILE *Out = Options.DumpFacts == "-" ? stdout : fopen(Options.DumpFacts.c_str(), "w");
      if (Out) {
        sc_facts_dump(Facts.get(), Out);
        if (Out != stdout) fclose(Out); else fflush(Out);
      } else {
        reportPluginProblem(CI, ("cannot write " + Options.DumpFacts).c_str());
      }
    }

    if (!Options.FactsFile.empty()) {
      FILE *Out = fopen(Options.FactsFile.c_str(), "w");
      bool Failed = !Out || sc_facts_write(Out, Facts.get()) != 0;
      if (Out && fclose(Out) != 0) Failed = true;
      if (Failed) reportPluginProblem(CI, ("cannot write " + Options.FactsFile).c_str());
    }

    sc_options Analysis;
    sc_options_init(&Analysis);
    // The project's .stallcheck.json, as the driver reads it.
    ConfigHolder Config;
    char *Path = Options.ConfigFile.empty()
                     ? sc_config_find(llvm::sys::path::parent_path(MainPath).str().c_str())
                     : strdup(Options.ConfigFile.c_str());
    if (Path) {
      std::string Name(Path);
      if (sc_config_load(Name.c_str(), &Config.C, &Analysis) != 0) {
        free(Path);
        reportPluginProblem(CI, ("cannot read " + Name + "; analysis skipped").c_str());
        return;
      }
    }
    if (Options.ConfigFile.empty()) {
      sc_config_tree_init(&Config.Nearer, Path);
      Config.HasNearer = true;
    }
    free(Path);
    for (const std::string &Rule : Options.Disabled)
      if (sc_options_disable(&Analysis, Rule.c_str()) != 0)
        reportPluginProblem(CI, ("unknown rule '" + Rule + "' in disable=").c_str());
    sc_facts *Tus[1] = {Facts.get()};
    sc_config_mark_functions(&Config.C, Tus, 1); // "hot" functions for the GPU rules
    Clock.lap("outputs and configuration");
    FindingsHolder Findings;
    std::unique_ptr<sc_program, ProgramDeleter> Program(sc_program_link(Tus, 1));
    Clock.lap("link");
    sc_program_solve(Program.get());
    Clock.lap("solve");
    sc_analyze(Program.get(), &Analysis, &Findings.F);
    Clock.lap("checks");
    sc_findings_apply_suppressions(&Findings.F, nullptr, nullptr);
    sc_findings_check_nolint(&Findings.F, nullptr, nullptr, reportUnknownNolint, &CI);
    sc_config_apply_excludes(&Config.C, &Findings.F);
    sc_config_apply_suppressions(&Config.C, &Findings.F);
    if (Config.HasNearer && sc_config_tree_apply(&Config.Nearer, &Findings.F) != 0)
      reportPluginProblem(CI, "a configuration nearer to a header is malformed; its findings are judged by the main "
                              "file's");
    Lost = "findings not reported";
    reportFindings(CI, Findings.F, Options.WarningsAsErrors);
    Lost = "SARIF not written";

    if (!Options.Sarif.empty()) {
      sc_sarif_options Sarif = {};
      Sarif.srcroot = Directory.c_str();
      Sarif.tool_version = STALLCHECK_VERSION;
      Sarif.automation_id = "stallcheck/";
      Sarif.execution_successful = 1;
      if (sc_report_sarif_file(Options.Sarif.c_str(), &Findings.F, &Sarif) != 0)
        reportPluginProblem(CI, ("cannot write " + Options.Sarif).c_str());
    }
    Clock.lap("report");
    Clock.print(MainPath);
  }

  // A NOLINT naming a stallcheck rule that does not exist: said at the name,
  // as the driver says it.
  static void reportUnknownNolint(void *Ctx, const char *File, unsigned Line, unsigned Column, const char *Check,
                                  size_t Len) {
    reportPluginProblemAt(*static_cast<CompilerInstance *>(Ctx), File, Line, Column,
                          "NOLINT names '" + std::string(Check, Len) +
                              "', but no rule has that id (see stallcheck --list-rules)");
  }

  CompilerInstance &CI;
  PluginOptions Options;
  std::vector<const Decl *> TopLevel;
  bool TopLevelIncomplete = false;
  const char *Lost = "analysis skipped"; // what an exception costs the user at this point
};

class Action : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef) override {
    return std::make_unique<Consumer>(CI, Options);
  }

  bool ParseArgs(const CompilerInstance &, const std::vector<std::string> &Args) override {
    try {
      for (const std::string &Arg : Args) parseArg(Arg);
    } catch (const std::exception &) {
      return false; // out of memory already: clang goes on without the plugin
    }
    return true; // a bad argument is a warning, never a failed compile
  }

  void parseArg(const std::string &Arg) {
    StringRef A(Arg);
    if (A.consume_front("disable="))
      Options.Disabled.push_back(A.str());
    else if (A.consume_front("sarif="))
      Options.Sarif = A.str();
    else if (A.consume_front("config="))
      Options.ConfigFile = A.str();
    else if (A.consume_front("facts="))
      Options.FactsFile = A.str();
    else if (A == "no-werror")
      Options.WarningsAsErrors = false;
    else if (A.consume_front("dump-facts="))
      Options.DumpFacts = A == "/dev/stdout" ? "-" : A.str();
    else
      Options.Problems.push_back("unknown argument '" + Arg +
                                 "' (expected disable=, sarif=, config=, facts=, dump-facts= or no-werror)");
  }

  ActionType getActionType() override { return AddAfterMainAction; }

private:
  PluginOptions Options;
};

} // namespace
} // namespace stallcheck

// A plugin only works in the clang it was built against (clang's C++ API
// has no stable ABI: in another version the first call into it can crash the
// compile).  So the plugin asks the host which LLVM it is, through the C API
// that is stable (LLVMGetVersion, LLVM 16 and later), and registers only in
// its own version; in any other it says so once and the compile goes on
// without it.
static bool registerWithMatchingClang() {
  using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);
  auto GetVersion = reinterpret_cast<GetVersionFn>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"));
  unsigned Major = 0;
  if (GetVersion) GetVersion(&Major, nullptr, nullptr);
  if (Major != stallcheck::compat::BuiltForMajor) {
    char Host[32] = "an older clang (before 16)";
    if (Major) snprintf(Host, sizeof Host, "clang %u", Major);
    fprintf(stderr,
            "warning: stallcheck plugin: built for clang %u but loaded into %s; not loaded (use the plugin "
            "built against this clang)\n",
            stallcheck::compat::BuiltForMajor, Host);
    return false;
  }
  static FrontendPluginRegistry::Add<stallcheck::Action> Registration("stallcheck",
                                                                      "find code that stalls event loops");
  return true;
}

static const bool Registered = registerWithMatchingClang();
