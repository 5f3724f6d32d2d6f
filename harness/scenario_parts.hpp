// One scenario's independent parts (Engine::parts_of: groups of claims whose flows share no
// step and no name), run apart and side by side, joined back into the one result that the
// reports show: claims and steps in file order, as if the scenario had run whole.
#pragma once

#include <vector>

#include "results.hpp"

namespace harness {

ScenarioResult join_parts(std::vector<ScenarioResult> parts);

}  // namespace harness
