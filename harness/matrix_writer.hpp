// The claims-by-runtime matrix (Markdown), for someone comparing runtimes or versions:
// one row per claim, one column per runtime with its version, pass / FAIL / ERROR, and
// the differences the scenarios declare as expected, with their notes.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "results.hpp"

namespace harness {

// The matrix as data, shared by the Markdown matrix and the HTML report. It points into
// the results it was made from, which must outlive it.
struct ClaimMatrix {
  struct Cell {
    const ScenarioResult* result = nullptr;
    const ClaimResult* claim = nullptr;
    std::vector<int> notes;  // numbers (from 1) of its entries in `notes`
  };
  std::vector<std::string> runtimes;            // columns, in run order
  std::map<std::string, std::string> versions;  // runtime -> version; none when not reached
  std::vector<std::string> claims;              // rows: by topic, the tutorials' claims first, then by ID
  std::map<std::string, std::size_t> topic;     // claim -> its topic (claim_topics.hpp)
  std::map<std::string, std::string> claim_text;
  std::map<std::pair<std::string, std::string>, Cell> cells;  // (claim, runtime)
  std::vector<std::string> notes;                             // "VOL-8 on podman: why it differs", numbered from 1

  // The claim on the runtime, or nullptr when it did not run there.
  const Cell* cell(const std::string& claim, const std::string& runtime) const;
  // The runtime's version, or "(not reached)".
  std::string version(const std::string& runtime) const;
  // Whether row i starts a new topic (the first row does).
  bool starts_topic(std::size_t i) const;
};

ClaimMatrix claim_matrix(const std::vector<ScenarioResult>& results);

void write_matrix(std::ostream& out, const std::vector<ScenarioResult>& results, const RunInfo& options);

// Written to a temporary name and renamed into place; returns an error message or "".
std::string write_matrix_file(const std::string& path, const std::vector<ScenarioResult>& results, const RunInfo& options);

}  // namespace harness
