// `harness merge FILE.xml... --junit OUT --matrix OUT.md --html OUT.html`: joins the JUnit
// files of separate runs (the jobs of a CI matrix, the shards of one target) into one
// JUnit file, one matrix with a column per target and one HTML page. The same claim of
// the same target in two files, or files of different suites, is an error, never an
// overwrite.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "results.hpp"

namespace harness {

struct MergeOptions {
  std::vector<std::string> files;
  std::string junit = "reports/junit.xml";
  std::string matrix = "reports/matrix.md";
  std::string html = "reports/report.html";
};

// The suites of the files, as results the matrix and HTML writers take (verdicts, messages,
// target facts; the step-by-step transcript stays in the JUnit file's system-out).
std::vector<ScenarioResult> results_of_junit(const std::string& text);

// Exit codes: as `harness run` for the merged claims (0, 1, 2), 64 bad usage, 65 a file is
// not a JUnit file of this harness, or repeats a claim of a target, or is of another suite.
int run_merge(const MergeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace harness
