#include "matrix_writer.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "i18n.hpp"
#include "claim_topics.hpp"
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

bool ClaimMatrix::starts_topic(std::size_t i) const { return i == 0 || topic.at(claims[i]) != topic.at(claims[i - 1]); }

namespace {
// The tutorials' own claims: those of their flows (seed) and their commands as written.
bool from_tutorial(const Scenario& s) {
  return std::find(s.tags.begin(), s.tags.end(), "seed") != s.tags.end() ||
         std::find(s.tags.begin(), s.tags.end(), "literal") != s.tags.end();
}
}  // namespace

ClaimMatrix claim_matrix(const std::vector<ScenarioResult>& results) {
  ClaimMatrix m;
  std::map<std::string, bool> tutorial;
  for (const auto& r : results) {
    if (std::find(m.runtimes.begin(), m.runtimes.end(), r.runtime) == m.runtimes.end()) m.runtimes.push_back(r.runtime);
    if (!r.target.version.empty())
      m.versions[r.runtime] = r.target.header().substr(r.target.runtime.size() + 1);
    else if (!r.runtime_version.empty())
      m.versions[r.runtime] = r.runtime_version;
    for (const auto& c : r.claims) {
      if (std::find(m.claims.begin(), m.claims.end(), c.claim.id) == m.claims.end()) m.claims.push_back(c.claim.id);
      m.claim_text[c.claim.id] = in_language(c.claim.text, c.claim.fr);
      m.topic[c.claim.id] = topic_of(c.claim.id);
      tutorial[c.claim.id] = from_tutorial(r.scenario);
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
  std::sort(m.claims.begin(), m.claims.end(),
            [&](const std::string& a, const std::string& b) { return claim_before(a, tutorial[a], b, tutorial[b]); });
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
  for (std::size_t row = 0; row < m.claims.size(); ++row) {
    const std::string& id = m.claims[row];
    if (m.starts_topic(row)) {
      out << "| **" << cell_text(topic_heading(m.topic.at(id))) << "** |";
      for (std::size_t i = 0; i <= m.runtimes.size(); ++i) out << " |";
      out << "\n";
    }
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
                         : v == Verdict::Known   ? "_" + tr("known") + "_"
                         : v == Verdict::Fixed   ? "**" + tr("FIXED") + "**"
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
      << tr("Claims are grouped by topic, with the tutorials' sections they follow; in each, the tutorials' "
            "claims (and their commands as written) come first.")
      << "\n";
  out << "\n"
      << tr("pass: every check held. **FAIL**: the runtime did otherwise. **ERROR**: not checked "
            "(see the JUnit report). differs: passed, with an expectation particular to this runtime, "
            "declared by the scenario (an expected difference, not a failure).")
      << "\n";
  if (std::any_of(m.cells.begin(), m.cells.end(), [](const auto& cell) {
        return cell.second.claim->verdict == Verdict::Known || cell.second.claim->verdict == Verdict::Fixed;
      }))
    out << tr("_known_: failed, as the known-failures list expects (not a failure of the run). **FIXED**: on that list, "
              "but it passed: remove it from the list.")
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
