#include "matrix_writer.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "i18n.hpp"
#include "report_file.hpp"
#include "text.hpp"

namespace harness {

namespace {

// Markdown table cells: no pipes or newlines from untrusted text.
std::string cell_text(const std::string& text) {
  std::string out;
  for (char c : printable(text)) out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return out;
}

}  // namespace

const ClaimMatrix::Cell* ClaimMatrix::cell(const std::string& claim, const std::string& runtime) const {
  const auto it = cells.find({claim, runtime});
  return it == cells.end() || !it->second.claim ? nullptr : &it->second;
}

std::string ClaimMatrix::version(const std::string& runtime) const {
  const auto it = versions.find(runtime);
  return it == versions.end() ? tr("(not reached)") : it->second;
}

ClaimMatrix claim_matrix(const std::vector<ScenarioResult>& results) {
  ClaimMatrix m;
  for (const auto& r : results) {
    if (std::find(m.runtimes.begin(), m.runtimes.end(), r.runtime) == m.runtimes.end()) m.runtimes.push_back(r.runtime);
    if (!r.target.version.empty())
      m.versions[r.runtime] = r.target.header().substr(r.target.runtime.size() + 1);
    else if (!r.runtime_version.empty())
      m.versions[r.runtime] = r.runtime_version;
    for (const auto& c : r.claims) {
      if (std::find(m.claims.begin(), m.claims.end(), c.claim.id) == m.claims.end()) m.claims.push_back(c.claim.id);
      m.claim_text[c.claim.id] = in_language(c.claim.text, c.claim.fr);
      ClaimMatrix::Cell& cell = m.cells[{c.claim.id, r.runtime}];
      cell.result = &r;
      cell.claim = &c;
      if (c.verdict != Verdict::Pass) continue;  // "differs" is an expected difference of a claim that held
      for (const auto& d : c.differences) {
        m.notes.push_back(tr("{1} on {2}: {3}", {c.claim.id, r.runtime, d}));
        cell.notes.push_back(static_cast<int>(m.notes.size()));
      }
    }
  }
  std::sort(m.claims.begin(), m.claims.end());
  return m;
}

void write_matrix(std::ostream& out, const std::vector<ScenarioResult>& results, const RunInfo& o) {
  const ClaimMatrix m = claim_matrix(results);
  out << "# " << tr("Claims by runtime") << "\n\n";
  out << tr("Run `{1}` on {2} at {3}, image `{4}`.", {o.run_id, cell_text(o.hostname), o.timestamp, o.image}) << "\n\n";
  out << "| " << tr("claim") << " |";
  for (const auto& rt : m.runtimes) out << " " << rt << " " << cell_text(m.version(rt)) << " |";
  out << " " << tr("claim text") << " |\n|---|";
  for (std::size_t i = 0; i < m.runtimes.size(); ++i) out << "---|";
  out << "---|\n";
  for (const auto& id : m.claims) {
    out << "| " << id << " |";
    for (const auto& rt : m.runtimes) {
      const ClaimMatrix::Cell* cell = m.cell(id, rt);
      if (!cell) {
        out << " — |";
        continue;
      }
      const Verdict v = cell->claim->verdict;
      std::string text = v == Verdict::Pass      ? tr("pass")
                         : v == Verdict::Fail    ? "**" + tr("FAIL") + "**"
                         : v == Verdict::Skipped ? tr("skipped")
                                                 : "**" + tr("ERROR") + "**";
      if (!cell->notes.empty()) {
        text += ", " + tr("differs");
        for (int n : cell->notes) text += " [" + std::to_string(n) + "]";
      }
      out << " " << text << " |";
    }
    out << " " << cell_text(m.claim_text.at(id)) << " |\n";
  }
  out << "\n"
      << tr("pass: every check held. **FAIL**: the runtime did otherwise. **ERROR**: not checked "
            "(see the JUnit report). differs: passed, with an expectation particular to this runtime, "
            "declared by the scenario (an expected difference, not a failure).")
      << "\n";
  if (!m.notes.empty()) {
    out << "\n## " << tr("Expected differences") << "\n\n";
    for (std::size_t i = 0; i < m.notes.size(); ++i) out << (i + 1) << ". " << cell_text(m.notes[i]) << "\n";
  }
}

std::string write_matrix_file(const std::string& path, const std::vector<ScenarioResult>& results, const RunInfo& options) {
  std::ostringstream text;
  write_matrix(text, results, options);
  return write_report_file(path, text.str());
}

}  // namespace harness
