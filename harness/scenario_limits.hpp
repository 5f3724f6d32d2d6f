// How much of a scenario file the harness takes: a file is untrusted input, and a 21 MB
// one loaded whole took 587 MB of memory. A file's size is checked with stat before any
// of it is read (and no more than the limit is ever read, should it grow meanwhile);
// its numbers of claims and steps before any is built.
#pragma once

#include <cstddef>
#include <string>

namespace harness {

constexpr std::size_t kMaxScenarioBytes = 1024 * 1024;  // 1 MiB: the largest scenario file has 9 KiB
constexpr std::size_t kMaxScenarioSteps = 1000;         // the longest scenario has 28
constexpr std::size_t kMaxScenarioClaims = 1000;        // each needs a step that checks it

struct ScenarioText {
  std::string text;
  std::string error;  // "file: message" when the file was not read
};

// The text of a scenario file: a regular file of at most kMaxScenarioBytes.
ScenarioText read_scenario_file(const std::string& file);

// The message for a scenario with this many steps, or claims, or "" when within the limit.
std::string steps_limit_error(std::size_t steps);
std::string claims_limit_error(std::size_t claims);

}  // namespace harness
