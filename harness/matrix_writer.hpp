// The claims-by-runtime matrix (Markdown), for someone comparing runtimes or versions:
// one row per claim, one column per runtime with its version, pass / FAIL / ERROR, and
// the differences the scenarios declare as expected, with their notes.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "results.hpp"

namespace harness {

struct MatrixOptions {
  std::string hostname;
  std::string run_id;
  std::string image;
  std::string timestamp;
};

void write_matrix(std::ostream& out, const std::vector<ScenarioResult>& results, const MatrixOptions& options);

// Written to a temporary name and renamed into place; returns an error message or "".
std::string write_matrix_file(const std::string& path, const std::vector<ScenarioResult>& results,
                              const MatrixOptions& options);

}  // namespace harness
