// The third layer of the scenario parser, a pass over the parsed steps: every name a step
// uses was introduced by an earlier step on the same runtime, every check names a declared
// claim, and every declared claim has a check.
#pragma once

#include "scenario.hpp"
#include "xml_reader.hpp"

namespace harness {

// Throws LoadError at the step's line (at `steps_line` for a claim without a check).
void check_names(const Scenario& scenario, int steps_line);

}  // namespace harness
