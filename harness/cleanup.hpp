// A scenario's cleanup, owned by its ledger: whatever happened, everything recorded there
// is removed (Compose projects, containers, networks, volumes, host folders), each
// command kept for the transcript and what could not be removed named as a leftover.
#pragma once

#include "compose_tool.hpp"
#include "host_files.hpp"
#include "ledger.hpp"
#include "runtime_calls.hpp"

namespace harness {

void clean_up(const Ledger& ledger, RuntimeCalls& calls, ComposeLookup& compose, HostFiles& files, ScenarioResult& result);

}  // namespace harness
