#include "html_report.hpp"

#include <sstream>

#include "i18n.hpp"
#include "junit_writer.hpp"
#include "claim_topics.hpp"
#include "matrix_writer.hpp"
#include "report_file.hpp"
#include "text.hpp"
#include "transcript.hpp"
#include "xml_text.hpp"

namespace harness {

namespace {

// The one place text enters the page: made printable (terminal escapes, control bytes and
// invalid UTF-8 become visible \x1b escapes), then &, <, >, " and ' escaped. Safe in text
// and in quoted attributes whatever the bytes were.
std::string h(const std::string& untrusted) { return xml_escape(untrusted); }

const char* const kStyle = R"(
:root { --pass: #1e7b34; --pass-bg: #e3f4e6; --fail: #b3261e; --fail-bg: #fde4e1;
        --error: #8a5300; --error-bg: #fff1cc; --muted: #5f6368; --line: #d0d4d9; --code-bg: #f5f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #1f2328; background: #fff; }
.page { max-width: 1200px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
h3 { font-size: 17px; margin: 28px 0 10px; }
code, pre, .mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
.muted { color: var(--muted); }
.totals { margin: 6px 0 16px; font-size: 16px; }
.run { border-collapse: collapse; margin: 8px 0; }
.run th { text-align: left; font-weight: 600; padding: 3px 18px 3px 0; color: var(--muted); vertical-align: top; }
.run td { padding: 3px 0; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 700; font-size: 13px;
         border: 1px solid currentColor; }
.badge.zero { color: var(--muted); background: #f1f3f4; font-weight: 400; }
.pass { color: var(--pass); background: var(--pass-bg); }
.fail { color: var(--fail); background: var(--fail-bg); }
.error { color: var(--error); background: var(--error-bg); }
.known { color: #6f42c1; background: #f0e8fb; }
details.claim.known { border-left-color: #6f42c1; }
table.matrix { border-collapse: collapse; width: 100%; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: 6px 10px; vertical-align: top; text-align: left; }
.matrix thead th { background: #eef0f3; }
.matrix tbody th { white-space: nowrap; }
.matrix .version { font-weight: 400; color: var(--muted); font-size: 13px; }
.matrix td.verdict { white-space: nowrap; font-weight: 700; width: 1%; }
.matrix td.verdict a { color: inherit; text-decoration: none; }
.matrix td.verdict a:hover { text-decoration: underline; }
.matrix td.none { color: var(--muted); text-align: center; }
.matrix .differs { font-weight: 400; font-style: italic; }
.matrix tr.topic th { background: #f3f4f6; font-weight: 600; }
.matrix tbody tr:hover td.claim-text { background: #f7f8fa; }
.legend { color: var(--muted); font-size: 14px; }
.notes li { margin: 3px 0; }
.leftovers { color: var(--error); background: var(--error-bg); padding: 8px 12px; border-radius: 6px; }
details.claim { border: 1px solid var(--line); border-left: 6px solid var(--pass); border-radius: 6px; margin: 8px 0;
                color: inherit; background: #fff; }
details.claim.fail { border-left-color: var(--fail); }
details.claim.error { border-left-color: var(--error); }
details.claim > summary { cursor: pointer; padding: 7px 12px 7px 30px; list-style: none; position: relative; }
details.claim > summary::-webkit-details-marker { display: none; }
details.claim > summary::before { content: "\25B8"; position: absolute; left: 12px; color: var(--muted); }
details.claim[open] > summary::before { content: "\25BE"; }
details.claim.pass > summary { background: #f3faf4; }
details.claim.fail > summary { background: var(--fail-bg); }
details.claim.error > summary { background: var(--error-bg); }
details.claim[open] > summary { border-bottom: 1px solid var(--line); }
details.claim > summary .claim-id { font-weight: 700; margin: 0 6px; }
.claim-body { padding: 4px 16px 12px; }
.claim-body > p { margin: 8px 0; }
.why { margin: 8px 0; padding: 8px 12px; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
ol.steps { list-style: none; padding: 0; margin: 12px 0 0; }
li.step { border-top: 1px dashed var(--line); padding: 8px 0; }
li.step.not-run { opacity: 0.6; }
.step-head { font-weight: 600; }
.outcome { display: inline-block; min-width: 64px; text-align: center; font-size: 12px; font-weight: 700;
           padding: 0 6px; border-radius: 4px; border: 1px solid currentColor; margin-right: 6px; }
.outcome.done, .outcome.not-run { color: var(--muted); background: #f1f3f4; }
pre { margin: 4px 0; padding: 6px 10px; background: var(--code-bg); border-radius: 4px;
      white-space: pre-wrap; overflow-wrap: anywhere; }
pre.command { border-left: 3px solid #8c959f; }
.status { font-size: 13px; color: var(--muted); margin: 2px 0 0 12px; }
.stream { margin-left: 12px; }
.stream .label { font-size: 12px; color: var(--muted); }
dl.check { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0 0 12px; }
dl.check dt { font-weight: 600; color: var(--muted); }
blockquote { margin: 4px 0 8px; padding: 2px 12px; border-left: 3px solid #bbb; font-style: italic; }
dl.check dd { margin: 0; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px;
              overflow-wrap: anywhere; }
)";

std::string verdict_word(Verdict v) {
  return v == Verdict::Pass      ? tr("pass")
         : v == Verdict::Fail    ? tr("FAIL")
         : v == Verdict::Skipped ? tr("skipped")
         : v == Verdict::Known   ? tr("known")
         : v == Verdict::Fixed   ? tr("FIXED")
                                 : tr("ERROR");
}
const char* verdict_class(Verdict v) {
  return v == Verdict::Pass      ? "pass"
         : v == Verdict::Fail    ? "fail"
         : v == Verdict::Skipped ? "skipped"
         : v == Verdict::Known   ? "known"
         : v == Verdict::Fixed   ? "fail"
                                 : "error";
}

const char* outcome_class(Outcome o) {
  switch (o) {
    case Outcome::Done: return "done";
    case Outcome::Held: return "pass";
    case Outcome::Broken: return "fail";
    case Outcome::Fault: return "error";
    case Outcome::NotRun: return "not-run";
  }
  return "";
}

using Counts = Tally;

Counts count(const std::vector<ScenarioResult>& results, const std::string& runtime = "") {
  Counts n;
  for (const auto& r : results)
    if (runtime.empty() || r.runtime == runtime) n += tally(r);
  return n;
}

std::string badge(const std::string& text, int n, const char* colour) {
  return std::string("<span class=\"badge ") + (n ? colour : "zero") + "\">" + text + "</span>";
}

// The id of a claim's <details>: its place in the results, so never untrusted text.
std::string anchor(std::size_t result_index, std::size_t claim_index) {
  return "claim-" + std::to_string(result_index + 1) + "-" + std::to_string(claim_index + 1);
}

std::string anchor(const std::vector<ScenarioResult>& results, const ClaimMatrix::Cell& cell) {
  return anchor(static_cast<std::size_t>(cell.result - results.data()),
                static_cast<std::size_t>(cell.claim - cell.result->claims.data()));
}

void write_head(std::ostream& out, const std::vector<ScenarioResult>& results, const RunInfo& o) {
  out << "<!DOCTYPE html>\n<html lang=\"" << language_code() << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << h(tr("harness run {1}: {2}", {o.run_id, counts_text(count(results))})) << "</title>\n"
      << "<style>" << kStyle << "</style>\n</head>\n<body>\n<div class=\"page\">\n";
}

void write_header(std::ostream& out, const std::vector<ScenarioResult>& results, const ClaimMatrix& m, const RunInfo& o) {
  const Counts n = count(results);
  out << "<h1>" << h(tr("Claims by runtime")) << "</h1>\n<p class=\"totals\">"
      << badge(h(trn("{1} passed", "{1} passed", n.passed)), n.passed, "pass") << " "
      << badge(h(trn("{1} failed", "{1} failed", n.failed)), n.failed, "fail") << " "
      << badge(h(trn("{1} error", "{1} errors", n.errors)), n.errors, "error") << "</p>\n";
  out << "<table class=\"run\">\n"
      << "<tr><th>" << h(tr("Run")) << "</th><td class=\"mono\">" << h(o.run_id) << "</td></tr>\n"
      << "<tr><th>" << h(tr("Host")) << "</th><td>" << h(o.hostname) << "</td></tr>\n"
      << "<tr><th>" << h(tr("Time")) << "</th><td>" << h(o.timestamp) << "</td></tr>\n"
      << "<tr><th>" << h(tr("Image")) << "</th><td class=\"mono\">" << h(o.image) << "</td></tr>\n"
      << "<tr><th>" << h(tr("Runtimes")) << "</th><td>";
  for (std::size_t i = 0; i < m.runtimes.size(); ++i)
    out << (i ? ", " : "") << "<b>" << h(m.runtimes[i]) << "</b> " << h(m.version(m.runtimes[i]));
  out << "</td></tr>\n</table>\n";
}

void write_cell(std::ostream& out, const std::vector<ScenarioResult>& results, const ClaimMatrix::Cell* cell) {
  if (!cell) {
    out << "<td class=\"none\" title=\"" << h(tr("not run on this runtime")) << "\">—</td>";
    return;
  }
  const Verdict v = cell->claim->verdict;
  out << "<td class=\"verdict " << verdict_class(v) << "\"><a href=\"#" << anchor(results, *cell) << "\">" << verdict_word(v)
      << "</a>";
  if (!cell->notes.empty()) {
    out << "<span class=\"differs\">, " << h(tr("differs"));
    for (int n : cell->notes) out << " <a href=\"#note-" << n << "\">[" << n << "]</a>";
    out << "</span>";
  }
  out << "</td>";
}

void write_matrix_table(std::ostream& out, const std::vector<ScenarioResult>& results, const ClaimMatrix& m) {
  out << "<h2 id=\"matrix\">" << h(tr("Matrix")) << "</h2>\n<table class=\"matrix\">\n<thead><tr><th scope=\"col\">"
      << h(tr("Claim")) << "</th>";
  for (const auto& rt : m.runtimes)
    out << "<th scope=\"col\">" << h(rt) << "<br><span class=\"version\">" << h(m.version(rt)) << "</span></th>";
  out << "<th scope=\"col\">" << h(tr("Claim text")) << "</th></tr></thead>\n<tbody>\n";
  for (std::size_t row = 0; row < m.claims.size(); ++row) {
    const std::string& id = m.claims[row];
    if (m.starts_topic(row))
      out << "<tr class=\"topic\"><th scope=\"rowgroup\" colspan=\"" << m.runtimes.size() + 2 << "\">"
          << h(topic_heading(m.topic.at(id))) << "</th></tr>\n";
    out << "<tr><th scope=\"row\" class=\"mono\">" << h(id) << "</th>";
    for (const auto& rt : m.runtimes) write_cell(out, results, m.cell(id, rt));
    out << "<td class=\"claim-text\">" << h(m.claim_text.at(id)) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";
  // the legend's own markup is in the message: a translator keeps the <b> around each word
  out << "<p class=\"legend\">"
      << tr("<b>pass</b>: every check held. <b>FAIL</b>: the runtime did otherwise. "
            "<b>ERROR</b>: not checked (see below). <b>differs</b>: passed, with an expectation particular to this "
            "runtime, declared by the scenario (an expected difference, not a failure). <b>—</b>: not run there. "
            "A verdict links to its claim's steps below.")
      << "</p>\n";
  if (m.notes.empty()) return;
  out << "<h3>" << h(tr("Expected differences")) << "</h3>\n<ol class=\"notes\">\n";
  for (std::size_t i = 0; i < m.notes.size(); ++i) out << "<li id=\"note-" << i + 1 << "\">" << h(m.notes[i]) << "</li>\n";
  out << "</ol>\n";
}

void write_output(std::ostream& out, const char* label, const std::string& text) {
  if (text.empty()) return;
  out << "<div class=\"stream\"><span class=\"label\">" << label << "</span><pre>" << h(clip(text, 4000)) << "</pre></div>\n";
}

void write_command(std::ostream& out, const CommandRecord& c) {
  out << "<pre class=\"command\">$ " << h(shell_line(c)) << "</pre>\n<div class=\"status\">";
  if (!c.result.spawn_error.empty())
    out << h(tr("could not start: {1}", {c.result.spawn_error}));
  else if (c.result.timed_out)
    out << h(tr("timed out after {1} s, killed", {seconds3(c.result.duration)}));
  else
    out << h(tr("exit code {1} in {2} s", {std::to_string(c.result.exit_code), seconds3(c.result.duration)}));
  out << "</div>\n";
  write_output(out, "stdout", c.result.out);
  write_output(out, "stderr", c.result.err);
}

void write_step(std::ostream& out, const StepRecord& step, std::size_t index, const std::string& file) {
  out << "<li class=\"step" << (step.outcome == Outcome::NotRun ? " not-run" : "") << "\"><div class=\"step-head\">"
      << "<span class=\"outcome " << outcome_class(step.outcome) << "\">" << h(tr(outcome_name(step.outcome))) << "</span>"
      << h(tr("step {1}: {2}", {std::to_string(index + 1), step.summary})) << " <span class=\"muted\">" << seconds3(step.duration)
      << " s · " << h(file) << ":" << step.line << " &lt;" << h(step.element) << "&gt;</span></div>\n";
  for (const auto& c : step.commands) write_command(out, c);
  const bool error = !step.message.empty() && step.message != step.actual;  // not said twice
  if (!step.expected.empty() || error) {
    out << "<dl class=\"check\">";
    if (!step.expected.empty())
      out << "<dt>" << h(tr("expected")) << "</dt><dd>" << h(step.expected) << "</dd><dt>" << h(tr("found")) << "</dt><dd>"
          << h(step.actual) << "</dd>";
    if (error) out << "<dt>" << h(tr("error")) << "</dt><dd>" << h(step.message) << "</dd>";
    out << "</dl>\n";
  }
  out << "</li>\n";
}

// Why a claim did not pass, as the console says it.
std::string why_not(const ScenarioResult& r, const ClaimResult& c) {
  if (!c.known.empty()) return c.known + (c.deciding_step >= 0 ? "\n" + claim_explanation(r, c) : "");
  if (c.deciding_step >= 0) return claim_explanation(r, c);
  return c.message.empty() ? r.error : c.message;
}

void write_claim(std::ostream& out, const ScenarioResult& r, const ClaimResult& c, const std::string& id) {
  const Verdict v = c.verdict;
  out << "<details class=\"claim " << verdict_class(v) << "\" id=\"" << id << "\"" << (v == Verdict::Pass ? "" : " open")
      << ">\n<summary><span class=\"badge " << verdict_class(v) << "\">" << verdict_word(v) << "</span>"
      << "<span class=\"claim-id mono\">" << h(c.claim.id) << "</span> " << h(tr("on {1}", {r.runtime})) << " — "
      << h(in_language(c.claim.text, c.claim.fr)) << " <span class=\"muted\">(" << seconds3(c.duration)
      << " s)</span></summary>\n<div class=\"claim-body\">\n";
  out << "<p>" << h(tr("Scenario")) << " <code>" << h(r.scenario.file)
      << "</code>: " << h(in_language(r.scenario.title, r.scenario.title_fr));
  if (!r.scenario.seed.empty())
    out << " <span class=\"muted\">(" << h(tr("tutorial {1}, {2}", {r.scenario.seed, r.scenario.section})) << ")</span>";
  out << "</p>\n";
  if (!c.claim.quote.empty())  // what the tutorial itself says, beside what was checked
    out << "<blockquote lang=\"fr\">" << h(c.claim.quote)
        << (c.claim.quote_from.empty() ? "" : " <span class=\"muted\">(" + h(c.claim.quote_from) + ")</span>")
        << "</blockquote>\n";
  if (v == Verdict::Pass)
    out << "<p><b>" << h(tr("pass")) << "</b>: " << h(tr("every check held.")) << "</p>\n";
  else
    out << "<p><b>" << h(verdict_word(v))
        << "</b>: " << h(v == Verdict::Fail ? tr("the runtime did otherwise.") : tr("the claim could not be checked."))
        << "</p>\n"
        << "<pre class=\"why " << verdict_class(v) << "\">" << h(why_not(r, c)) << "</pre>\n";
  if (v == Verdict::Pass)  // as in the matrix: a difference of a claim that held
    for (const auto& d : c.differences) out << "<p>" << h(tr("Expected difference on {1}: {2}", {r.runtime, d})) << "</p>\n";

  const auto [first, last] = claim_step_range(r, c.claim.id);
  if (first == last)
    out << "<p class=\"muted\">" << h(tr("No step ran.")) << "</p>\n";
  else
    out << "<ol class=\"steps\">\n";
  for (std::size_t i = first; i < last; ++i) write_step(out, r.steps[i], i, r.scenario.file);
  if (first != last) out << "</ol>\n";
  out << "</div>\n</details>\n";
}

void write_runtime(std::ostream& out, const std::vector<ScenarioResult>& results, const ClaimMatrix& m,
                   const std::string& runtime) {
  out << "<h3>" << h(runtime) << " " << h(m.version(runtime)) << " <span class=\"muted\">— "
      << counts_text(count(results, runtime)) << "</span></h3>\n";
  for (std::size_t i = 0; i < results.size(); ++i) {
    const ScenarioResult& r = results[i];
    if (r.runtime != runtime) continue;
    for (std::size_t k = 0; k < r.claims.size(); ++k) write_claim(out, r, r.claims[k], anchor(i, k));
    for (const auto& l : r.leftovers)
      out << "<p class=\"leftovers\"><b>" << h(tr("ERROR")) << "</b>: " << h(tr("left behind by {1}: {2}", {r.scenario.file, l}))
          << "</p>\n";
  }
}

}  // namespace

void write_html_report(std::ostream& out, const std::vector<ScenarioResult>& results, const RunInfo& o) {
  const ClaimMatrix m = claim_matrix(results);
  write_head(out, results, o);
  write_header(out, results, m, o);
  write_matrix_table(out, results, m);
  out << "<h2 id=\"claims\">" << h(tr("Claims, step by step")) << "</h2>\n";
  for (const auto& rt : m.runtimes) write_runtime(out, results, m, rt);
  out << "</div>\n</body>\n</html>\n";
}

std::string write_html_report_file(const std::string& path, const std::vector<ScenarioResult>& results, const RunInfo& options) {
  std::ostringstream text;
  write_html_report(text, results, options);
  return write_report_file(path, text.str());
}

}  // namespace harness
