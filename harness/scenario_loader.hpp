// Reads scenario files into Scenario values and checks them (structure, names, claims).
// Every problem is reported as `file:line: message`; nothing is returned for a file
// with a problem, so a run never starts on a half-valid suite.
#pragma once

#include <string>
#include <vector>

#include "scenario.hpp"

namespace harness {

struct LoadResult {
  std::vector<Scenario> scenarios;
  std::vector<std::string> errors;  // "file:line: message", in file order
};

// Parses one scenario from XML text; `file` names it in messages.
LoadResult load_scenario_text(const std::string& file, const std::string& text);

// Expands folders to their *.xml files (sorted), loads each, and checks ids are unique.
LoadResult load_scenarios(const std::vector<std::string>& paths);

}  // namespace harness
