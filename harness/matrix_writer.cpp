#include "matrix_writer.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "report_file.hpp"
#include "text.hpp"

namespace harness {

namespace {

struct Cell {
  const ClaimResult* claim = nullptr;
  std::vector<int> notes;  // footnote numbers
};

// Markdown table cells: no pipes or newlines from untrusted text.
std::string cell_text(const std::string& text) {
  std::string out;
  for (char c : printable(text)) out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return out;
}

}  // namespace

void write_matrix(std::ostream& out, const std::vector<ScenarioResult>& results, const MatrixOptions& o) {
  std::vector<std::string> runtimes;             // columns, in run order
  std::map<std::string, std::string> versions;   // runtime -> version
  std::vector<std::string> claims;               // rows, in the order first seen
  std::map<std::string, std::string> claim_text;
  std::map<std::pair<std::string, std::string>, Cell> cells;  // (claim, runtime)
  std::vector<std::string> notes;
  for (const auto& r : results) {
    if (std::find(runtimes.begin(), runtimes.end(), r.runtime) == runtimes.end()) runtimes.push_back(r.runtime);
    if (!r.runtime_version.empty()) versions[r.runtime] = r.runtime_version;
    for (const auto& c : r.claims) {
      if (std::find(claims.begin(), claims.end(), c.claim.id) == claims.end()) claims.push_back(c.claim.id);
      claim_text[c.claim.id] = c.claim.text;
      Cell& cell = cells[{c.claim.id, r.runtime}];
      cell.claim = &c;
      for (const auto& d : c.differences) {
        notes.push_back(c.claim.id + " on " + r.runtime + ": " + d);
        cell.notes.push_back(static_cast<int>(notes.size()));
      }
    }
  }
  std::sort(claims.begin(), claims.end());

  out << "# Claims by runtime\n\n";
  out << "Run `" << o.run_id << "` on " << cell_text(o.hostname) << " at " << o.timestamp << ", image `" << o.image
      << "`.\n\n";
  out << "| claim |";
  for (const auto& rt : runtimes) out << " " << rt << " " << cell_text(versions.count(rt) ? versions[rt] : "(not reached)") << " |";
  out << " claim text |\n|---|";
  for (std::size_t i = 0; i < runtimes.size(); ++i) out << "---|";
  out << "---|\n";
  for (const auto& id : claims) {
    out << "| " << id << " |";
    for (const auto& rt : runtimes) {
      const auto it = cells.find({id, rt});
      if (it == cells.end() || !it->second.claim) {
        out << " — |";
        continue;
      }
      const Cell& cell = it->second;
      std::string text = cell.claim->verdict == Verdict::Pass ? "pass" : cell.claim->verdict == Verdict::Fail ? "**FAIL**" : "**ERROR**";
      if (!cell.notes.empty()) {
        text += ", differs";
        for (int n : cell.notes) text += " [" + std::to_string(n) + "]";
      }
      out << " " << text << " |";
    }
    out << " " << cell_text(claim_text[id]) << " |\n";
  }
  out << "\npass: every check held. **FAIL**: the runtime did otherwise. **ERROR**: not checked "
         "(see the JUnit report). differs: passed, with an expectation particular to this runtime, "
         "declared by the scenario (an expected difference, not a failure).\n";
  if (!notes.empty()) {
    out << "\n## Expected differences\n\n";
    for (std::size_t i = 0; i < notes.size(); ++i) out << (i + 1) << ". " << cell_text(notes[i]) << "\n";
  }
}

std::string write_matrix_file(const std::string& path, const std::vector<ScenarioResult>& results, const MatrixOptions& options) {
  std::ostringstream text;
  write_matrix(text, results, options);
  return write_report_file(path, text.str());
}

}  // namespace harness
