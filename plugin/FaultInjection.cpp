// FaultInjection.cpp - the test-only faults of FaultInjection.h.
#include "FaultInjection.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>

namespace stallcheck {

Fault injectedFault() {
  // getenv once: the answer cannot change within one compile.
  static const Fault Injected = [] {
    const char *Name = getenv("STALLCHECK_PLUGIN_FAULT");
    if (!Name) return Fault::None;
    if (!strcmp(Name, "throw")) return Fault::Throw;
    if (!strcmp(Name, "alloc")) return Fault::Alloc;
    if (!strcmp(Name, "facts")) return Fault::Facts;
    if (!strcmp(Name, "report")) return Fault::Report;
    return Fault::None;
  }();
  return Injected;
}

void stageFault(Fault Where) {
  if (Where == Fault::None || Where != injectedFault()) return;
  switch (Where) {
  case Fault::Throw: throw std::runtime_error("fault injected by STALLCHECK_PLUGIN_FAULT=throw");
  case Fault::Alloc: throw std::bad_alloc();
  case Fault::Report: throw std::runtime_error("the report writer failed (STALLCHECK_PLUGIN_FAULT=report)");
  default: return;
  }
}

void stageCorruptFacts(sc_facts *Facts) {
  if (injectedFault() != Fault::Facts) return;
  sc_call Call = {};
  Call.caller = Facts->nfunctions + 1; // no such function
  Call.callee_kind = SC_CALLEE_UNKNOWN;
  Call.loop = SC_NONE;
  Call.param = SC_NONE;
  sc_facts_add_call(Facts, &Call, nullptr, 0);
}

} // namespace stallcheck
