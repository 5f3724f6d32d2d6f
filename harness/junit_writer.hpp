// JUnit XML for CI servers, valid against the strict schema of Jenkins' xUnit plugin
// (junit-10.xsd): one testsuite per runtime and scenario file, one testcase per claim.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "results.hpp"

namespace harness {

void write_junit(std::ostream& out, const std::vector<ScenarioResult>& results, const RunInfo& options);

// Writes to a temporary file beside `path`, then renames it into place.
// Returns an error message, or "" on success.
std::string write_junit_file(const std::string& path, const std::vector<ScenarioResult>& results, const RunInfo& options);

}  // namespace harness
