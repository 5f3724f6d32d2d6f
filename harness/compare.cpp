#include "compare.hpp"

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <pugixml.hpp>
#include <sstream>

#include "exit_codes.hpp"
#include "i18n.hpp"
#include "text.hpp"
#include "system_error_text.hpp"
#include "transcript.hpp"
#include "xml_reader.hpp"

namespace harness {

namespace {

using Key = std::pair<std::string, std::string>;  // runtime, claim ID: what is compared

// --- parsing ----------------------------------------------------------------------------

struct BadReport {
  std::ptrdiff_t offset;  // where in the text, as pugixml counts
  std::string message;
};

// The 1-based line of a byte offset; an offset at the end of the text is on the last line
// (as in scenario_loader.cpp).
int line_at(const std::string& text, std::ptrdiff_t offset) {
  if (!text.empty()) offset = std::min(offset, static_cast<std::ptrdiff_t>(text.size() - 1));
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + std::max<std::ptrdiff_t>(offset, 0), '\n'));
}

std::string quoted_name(const pugi::xml_node& node) {
  return "<" + std::string(node.name()) + " name=\"" + node.attribute("name").value() + "\">";
}

// The suite's runtime property, or its name up to the first '.' ("docker.volumes").
std::string runtime_of(const pugi::xml_node& suite, const std::map<std::string, std::string>& properties) {
  if (const auto p = properties.find("runtime"); p != properties.end() && !p->second.empty()) return p->second;
  const std::string name = suite.attribute("name").value();
  const auto dot = name.find('.');
  if (dot == std::string::npos || dot == 0)
    throw BadReport{suite.offset_debug(),
                    tr("{1} names no runtime (no runtime property, no RUNTIME. prefix)", {quoted_name(suite)})};
  return name.substr(0, dot);
}

double seconds_of(const pugi::xml_node& testcase) {
  const std::string text = testcase.attribute("time").value();
  char* end = nullptr;
  const double seconds = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(seconds) || seconds < 0)
    throw BadReport{testcase.offset_debug(), tr("{1} has time=\"{2}\", not a number of seconds", {quoted_name(testcase), text})};
  return seconds;
}

CaseResult case_of(const pugi::xml_node& testcase, const std::string& runtime, const std::string& suite_name) {
  const std::string name = testcase.attribute("name").value();
  CaseResult c;
  c.runtime = runtime;
  c.id = name.substr(0, name.find(' '));
  if (c.id.empty()) throw BadReport{testcase.offset_debug(), tr("<testcase> has no name")};
  // leftovers are reported per scenario file: one "cleanup" testcase per suite
  if (name == "cleanup") c.id = "cleanup:" + suite_name.substr(suite_name.find('.') + 1);
  c.seconds = seconds_of(testcase);
  for (const auto& [element, status] : {std::make_pair("failure", Status::Fail), std::make_pair("error", Status::Error),
                                        std::make_pair("skipped", Status::Skipped)}) {
    if (const auto child = testcase.child(element)) {
      c.status = status;
      c.message = child.attribute("message").value();
      break;
    }
  }
  return c;
}

RunReport report_of(const std::string& file, const std::string& text, const pugi::xml_document& doc) {
  const pugi::xml_node root = doc.document_element();
  if (std::string(root.name()) != "testsuites")
    throw BadReport{root.offset_debug(),
                    tr("not a JUnit file of this harness: the root element is <{1}>, not <testsuites>", {root.name()})};
  RunReport report;
  report.file = file;
  std::map<Key, std::ptrdiff_t> seen;  // where each was
  for (const auto& suite : root.children("testsuite")) {
    std::map<std::string, std::string> properties;
    for (const auto& p : suite.child("properties").children("property"))
      properties[p.attribute("name").value()] = p.attribute("value").value();
    const std::string runtime = runtime_of(suite, properties);
    if (report.run_id.empty()) report.run_id = properties["run.id"];
    if (std::none_of(report.runtimes.begin(), report.runtimes.end(), [&](const RuntimeInfo& r) { return r.runtime == runtime; }))
      report.runtimes.push_back({runtime, properties["runtime.version"]});
    for (const auto& testcase : suite.children("testcase")) {
      CaseResult c = case_of(testcase, runtime, suite.attribute("name").value());
      const auto [first, added] = seen.emplace(Key{c.runtime, c.id}, testcase.offset_debug());
      if (!added)
        throw BadReport{testcase.offset_debug(), tr("{1} on {2} is reported twice (first at line {3})",
                                                    {c.id, runtime, std::to_string(line_at(text, first->second))})};
      report.cases.push_back(std::move(c));
    }
  }
  // every run of the harness reports at least one scenario file on one runtime
  if (!root.child("testsuite"))
    throw BadReport{root.offset_debug(), tr("not a JUnit file of this harness: <testsuites> holds no <testsuite>")};
  return report;
}

// --- comparing ---------------------------------------------------------------------------

std::map<Key, CaseResult> by_key(const RunReport& report) {
  std::map<Key, CaseResult> cases;
  for (const auto& c : report.cases) cases.emplace(Key{c.runtime, c.id}, c);
  return cases;
}

std::optional<Change> timing_change(double before, double now, const Thresholds& t) {
  if (std::fabs(now - before) <= t.seconds) return std::nullopt;
  if (now > before * t.ratio) return Change::Slower;
  if (before > now * t.ratio) return Change::Faster;
  return std::nullopt;
}

// --- formatting --------------------------------------------------------------------------

struct Label {
  Change change;
  const char* text;
};
constexpr Label kLabels[] = {
    {Change::StartedFailing, N_("started failing")},
    {Change::StartedPassing, N_("started passing")},
    {Change::New, N_("new")},
    {Change::Disappeared, N_("disappeared")},
    {Change::Slower, N_("slower")},
    {Change::Faster, N_("faster")},
};

std::string label(Change change) {
  for (const auto& l : kLabels)
    if (l.change == change) return tr(l.text);
  return "";
}

// Text from the files on one line, with control characters shown as escapes.
std::string one_line(const std::string& untrusted) {
  std::string text = printable(untrusted);
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
  return text;
}

std::string status_name(Status status) {
  return status == Status::Pass      ? tr("pass")
         : status == Status::Fail    ? tr("FAIL")
         : status == Status::Skipped ? tr("skipped")
                                     : tr("ERROR");
}

// "FAIL: expected ..., found ..." or "pass".
std::string verdict(const CaseResult& c) {
  return status_name(c.status) + (c.status == Status::Pass ? "" : ": " + one_line(c.message));
}

std::string seconds(double s) { return seconds3(Seconds(s)) + " s"; }

std::string detail(const ChangeItem& item) {
  switch (item.change) {
    case Change::StartedFailing: return tr("pass") + " -> " + verdict(item.now);
    case Change::StartedPassing: return status_name(item.before.status) + " -> " + tr("pass");
    case Change::New: return verdict(item.now);
    case Change::Disappeared: return tr("was {1}", {status_name(item.before.status)});
    case Change::Slower:
    case Change::Faster: return seconds(item.before.seconds) + " -> " + seconds(item.now.seconds);
  }
  return "";
}

// "A.xml: docker 20.10.24+dfsg1, run 0f67477f, 12 testcases"
std::string describe(const RunReport& report) {
  std::string text = one_line(report.file) + ":";
  for (const auto& r : report.runtimes)
    text += " " + one_line(r.runtime) + " " + (r.version.empty() ? tr("(version unknown)") : one_line(r.version)) + ",";
  if (!report.run_id.empty()) text += " " + tr("run {1}", {one_line(report.run_id)}) + ",";
  return text + " " + trn("{1} testcase", "{1} testcases", static_cast<long>(report.cases.size()));
}

}  // namespace

ParsedReport parse_report(const std::string& file, const std::string& text) {
  pugi::xml_document doc;
  const auto parsed = doc.load_buffer(text.data(), text.size());
  try {
    if (!parsed) throw BadReport{parsed.offset, xml_error(parsed)};
    return {report_of(file, text, doc), ""};
  } catch (const BadReport& bad) {
    return {{}, file + ":" + std::to_string(line_at(text, bad.offset)) + ": " + one_line(bad.message)};
  }
}

ParsedReport read_report(const std::string& path) {
  if (boost::filesystem::is_directory(path))
    return {{}, path + ": " + tr("cannot read the file: {1}", {system_error_text(EISDIR)})};
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) return {{}, path + ": " + tr("cannot read the file: {1}", {system_error_text(errno)})};
  return parse_report(path, text.str());
}

Comparison compare_reports(const RunReport& before, const RunReport& now, const Thresholds& thresholds) {
  const auto old_cases = by_key(before), new_cases = by_key(now);
  Comparison result;
  for (const auto& [key, c] : old_cases)
    if (!new_cases.count(key)) result.items.push_back({Change::Disappeared, c, {}});
  for (const auto& [key, c] : new_cases) {
    const auto old = old_cases.find(key);
    if (old == old_cases.end()) {
      result.items.push_back({Change::New, {}, c});
      continue;
    }
    const bool was_passing = old->second.status == Status::Pass, passing = c.status == Status::Pass;
    if (was_passing && !passing) result.items.push_back({Change::StartedFailing, old->second, c});
    if (!was_passing && passing) result.items.push_back({Change::StartedPassing, old->second, c});
    if (was_passing == passing) ++(passing ? result.still_passing : result.still_failing);
    if (const auto timing = timing_change(old->second.seconds, c.seconds, thresholds))
      result.items.push_back({*timing, old->second, c});
  }
  std::stable_sort(result.items.begin(), result.items.end(),
                   [](const ChangeItem& a, const ChangeItem& b) { return a.change < b.change; });
  return result;
}

int compare_exit_code(const Comparison& comparison) {
  const bool worse = std::any_of(comparison.items.begin(), comparison.items.end(), [](const ChangeItem& item) {
    return item.change == Change::StartedFailing || (item.change == Change::New && item.now.status != Status::Pass);
  });
  return worse ? kClaimFailed : kAllHeld;
}

std::string format_comparison(const RunReport& before, const RunReport& now, const Comparison& comparison) {
  std::string text = tr("old: {1}", {describe(before)}) + "\n" + tr("new: {1}", {describe(now)}) + "\n";
  std::size_t label_width = 17;  // as wide as the widest label, and two spaces
  for (const auto& l : kLabels) label_width = std::max(label_width, display_width(tr(l.text)) + 2);
  std::size_t runtime_width = 0, id_width = 0;
  for (const auto& item : comparison.items) {
    const CaseResult& c = item.change == Change::Disappeared ? item.before : item.now;
    runtime_width = std::max(runtime_width, one_line(c.runtime).size());
    id_width = std::max(id_width, one_line(c.id).size());
  }
  for (const auto& item : comparison.items) {
    const CaseResult& c = item.change == Change::Disappeared ? item.before : item.now;
    text += padded(label(item.change), label_width) + padded(one_line(c.runtime), runtime_width + 2) +
            padded(one_line(c.id), id_width + 2) + detail(item) + "\n";
  }
  std::string counts;
  for (const auto& l : kLabels) {
    const auto n = std::count_if(comparison.items.begin(), comparison.items.end(),
                                 [&](const ChangeItem& item) { return item.change == l.change; });
    counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + tr(l.text);
  }
  return text +
         tr("summary: {1}; {2} still passing, {3} still failing",
            {counts, std::to_string(comparison.still_passing), std::to_string(comparison.still_failing)}) +
         "\n";
}

int run_compare(const CompareOptions& options, std::ostream& out, std::ostream& err) {
  const ParsedReport before = read_report(options.before);
  const ParsedReport now = read_report(options.now);
  for (const auto* parsed : {&before, &now}) {
    if (!parsed->error.empty()) {
      err << parsed->error << "\n";
      return kBadJUnit;
    }
  }
  const Comparison comparison = compare_reports(before.report, now.report, options.thresholds);
  out << format_comparison(before.report, now.report, comparison);
  return compare_exit_code(comparison);
}

}  // namespace harness
