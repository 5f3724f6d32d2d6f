#include "junit_writer.hpp"

#include <cstdio>
#include <boost/filesystem.hpp>
#include <sstream>

#include "i18n.hpp"
#include "report_file.hpp"
#include "text.hpp"
#include "transcript.hpp"
#include "xml_text.hpp"

namespace harness {

namespace {

std::string suite_name(const ScenarioResult& r) {
  return r.runtime + "." + boost::filesystem::path(r.scenario.file).stem().string();
}

std::string first_sentence(const std::string& text) {
  std::string flat;
  for (char c : text) flat += (c == '\n' || c == '\t') ? ' ' : c;
  const auto b = flat.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  flat = flat.substr(b, flat.find_last_not_of(' ') - b + 1);
  std::string out;
  for (char c : flat)
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
  return out;
}

struct Counts {
  int tests = 0, failures = 0, errors = 0, skipped = 0;
  double time = 0;
};

Counts count(const ScenarioResult& r) {
  const Tally t = tally(r);
  Counts c;
  c.tests = t.claims();
  c.failures = t.failed;
  c.errors = t.errors;
  c.skipped = t.skipped + t.known;
  c.failures += t.fixed;
  if (!r.leftovers.empty()) {  // a testcase "cleanup" with an <error>
    ++c.tests;
    ++c.errors;
  }
  c.time = r.duration.count();
  return c;
}

void property(std::ostream& out, const std::string& name, const std::string& value) {
  out << "      <property name=\"" << xml_escape(name) << "\" value=\"" << xml_escape(value) << "\"/>\n";
}

void suite(std::ostream& out, const ScenarioResult& r, const RunInfo& options) {
  const Counts c = count(r);
  const std::string name = suite_name(r);
  out << "  <testsuite name=\"" << xml_escape(name) << "\" tests=\"" << c.tests << "\" failures=\"" << c.failures
      << "\" errors=\"" << c.errors << "\" skipped=\"" << c.skipped << "\" time=\"" << seconds3(r.duration) << "\" timestamp=\""
      << xml_escape(r.timestamp) << "\" hostname=\"" << xml_escape(options.hostname) << "\" file=\""
      << xml_escape(r.scenario.file) << "\">\n";
  out << "    <properties>\n";
  property(out, "runtime", r.runtime);
  property(out, "runtime.version", r.runtime_version);
  for (const auto& [name, value] : r.target.properties())
    if (!r.target.version.empty()) property(out, name, value);
  property(out, "image", options.image);
  property(out, "run.id", options.run_id);
  property(out, "scenario.id", r.scenario.id);
  property(out, "scenario.title", r.scenario.title);
  property(out, "source", r.scenario.seed + " / " + r.scenario.section);
  out << "    </properties>\n";

  for (const auto& claim : r.claims) {
    // the name is the same in every language (the ID first, then the English text): CI servers
    // and `compare` follow a test case by its name; what a person reads below is translated
    out << "    <testcase name=\"" << xml_escape(claim.claim.id + " " + first_sentence(claim.claim.text)) << "\" classname=\""
        << xml_escape(name) << "\" time=\"" << seconds3(claim.duration) << "\">\n";
    if (claim.verdict == Verdict::Skipped) {
      out << "      <skipped message=\"" << xml_escape(claim.message) << "\"/>\n";
    } else if (claim.verdict == Verdict::Known || claim.verdict == Verdict::Fixed) {
      const bool known = claim.verdict == Verdict::Known;
      out << "      <" << (known ? "skipped type=\"known-failure\"" : "failure type=\"known-failure-fixed\"") << " message=\""
          << xml_escape(claim.known) << "\">" << (known ? xml_escape(claim_explanation(r, claim)) : "")
          << (known ? "</skipped>\n" : "</failure>\n");
    } else if (claim.verdict != Verdict::Pass) {
      const bool failed = claim.verdict == Verdict::Fail;
      std::string message = claim.message.empty() ? r.error : claim.message;
      if (claim.deciding_step >= 0) {
        const auto& step = r.steps[claim.deciding_step];
        message = failed ? tr("expected {1}, found {2}", {step.expected, step.actual})
                  : step.outcome == Outcome::Fault
                      ? step.message
                      : tr("not checked: step {1} failed first", {std::to_string(claim.deciding_step + 1)});
      }
      out << "      <" << (failed ? "failure" : "error") << " type=\"" << (failed ? "claim-failed" : "harness-error")
          << "\" message=\"" << xml_escape(message) << "\">" << xml_escape(claim_explanation(r, claim)) << "</"
          << (failed ? "failure" : "error") << ">\n";
    }
    const auto range = claim_step_range(r, claim.claim.id);
    std::string transcript;
    for (auto i = range.first; i < range.second; ++i) transcript += step_transcript(r.steps[i], i);
    out << "      <system-out>" << xml_escape(transcript) << "</system-out>\n";
    out << "    </testcase>\n";
  }
  if (!r.leftovers.empty()) {
    std::string message = tr("left behind:");
    for (const auto& l : r.leftovers) message += " " + l;
    out << "    <testcase name=\"cleanup\" classname=\"" << xml_escape(name) << "\" time=\"0.000\">\n"
        << "      <error type=\"harness-error\" message=\"" << xml_escape(message) << "\"/>\n"
        << "    </testcase>\n";
  }
  std::string all;
  for (std::size_t i = 0; i < r.steps.size(); ++i) all += step_transcript(r.steps[i], i);
  for (const auto& c : r.cleanup) all += "cleanup: $ " + shell_line(c) + " (exit " + std::to_string(c.result.exit_code) + ")\n";
  out << "    <system-out>" << xml_escape(all) << "</system-out>\n";
  out << "  </testsuite>\n";
}

}  // namespace

void write_junit(std::ostream& out, const std::vector<ScenarioResult>& results, const RunInfo& options) {
  Counts total;
  for (const auto& r : results) {
    const Counts c = count(r);
    total.tests += c.tests;
    total.failures += c.failures;
    total.errors += c.errors;
    total.time += c.time;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"harness\" tests=\"" << total.tests << "\" failures=\"" << total.failures << "\" errors=\""
      << total.errors << "\" time=\"" << seconds3(Seconds(total.time)) << "\">\n";
  for (const auto& r : results) suite(out, r, options);
  out << "</testsuites>\n";
}

std::string write_junit_file(const std::string& path, const std::vector<ScenarioResult>& results, const RunInfo& options) {
  std::ostringstream text;
  write_junit(text, results, options);
  return write_report_file(path, text.str());
}

}  // namespace harness
