#include "reports.hpp"

#include <ostream>
#include <tuple>

#include "exit_codes.hpp"
#include "html_report.hpp"
#include "i18n.hpp"
#include "matrix_writer.hpp"
#include "report_file.hpp"

namespace harness {

int write_reports(const ReportPaths& paths, const std::string& junit, const std::vector<ScenarioResult>& results,
                  const RunInfo& info, std::ostream& out, std::ostream& err) {
  for (const auto& [what, path, written] :
       {std::make_tuple(N_("JUnit report: {1}"), paths.junit, write_report_file(paths.junit, junit)),
        std::make_tuple(N_("matrix: {1}"), paths.matrix, write_matrix_file(paths.matrix, results, info)),
        std::make_tuple(N_("HTML report: {1}"), paths.html, write_html_report_file(paths.html, results, info))}) {
    if (!written.empty()) {
      err << "harness: " << written << "\n";
      return kHarnessError;
    }
    out << tr(what, {path}) << "\n";
  }
  return kAllHeld;
}

}  // namespace harness
