// The three reports of a run (or of merged runs): the JUnit file, the matrix and the HTML
// page, each written whole (report_file.hpp), and where they are said on the console.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "results.hpp"

namespace harness {

struct ReportPaths {
  std::string junit, matrix, html;
};

// Writes `junit` (the JUnit file's text) and the matrix and HTML page of `results`, and says
// where on `out`; returns kAllHeld, or kHarnessError with the message on `err`.
int write_reports(const ReportPaths& paths, const std::string& junit, const std::vector<ScenarioResult>& results,
                  const RunInfo& info, std::ostream& out, std::ostream& err);

}  // namespace harness
