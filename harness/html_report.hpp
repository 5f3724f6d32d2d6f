// The HTML report: one self-contained page (inline CSS, no script, nothing fetched) for a
// person reading a run in a browser: the run's header, the claims-by-runtime matrix (as in
// matrix_writer), and below it every claim on every runtime with the steps of its flow,
// their commands, exit codes and output. Failed and unchecked claims are open.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "results.hpp"

namespace harness {

void write_html_report(std::ostream& out, const std::vector<ScenarioResult>& results, const RunInfo& options);

// Written to a temporary name and renamed into place; returns an error message or "".
std::string write_html_report_file(const std::string& path, const std::vector<ScenarioResult>& results, const RunInfo& options);

}  // namespace harness
