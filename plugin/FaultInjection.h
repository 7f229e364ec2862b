// FaultInjection.h - faults the plugin stages on request, so that a test can
// show that a problem of the plugin's own never fails the user's compile
// (tests/plugin/fault_injection.c).  Compiled in always and inert unless the
// environment variable STALLCHECK_PLUGIN_FAULT names one of them:
//
//   throw    a C++ exception from inside the AST consumer
//   alloc    an allocation failure (std::bad_alloc) while building the facts
//   facts    facts that break their own invariants (an index out of range),
//            as a bug or a memory corruption would leave them
//   report   the report writer failing before it has written anything
#ifndef STALLCHECK_PLUGIN_FAULTINJECTION_H
#define STALLCHECK_PLUGIN_FAULTINJECTION_H

#include "stallcheck/facts.h"

namespace stallcheck {

enum class Fault { None, Throw, Alloc, Facts, Report };

// The fault STALLCHECK_PLUGIN_FAULT asks for, read once per process; None
// when it is unset, empty or names no fault.
Fault injectedFault();

// At the place where `Where` happens: throws what that fault throws
// (std::runtime_error, or std::bad_alloc for Alloc) when it is the injected
// one; otherwise does nothing.
void stageFault(Fault Where);

// With the Facts fault injected: adds a call whose caller is no function of
// the TU.  Otherwise does nothing.
void stageCorruptFacts(sc_facts *Facts);

} // namespace stallcheck

#endif
