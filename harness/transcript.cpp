#include "transcript.hpp"

#include <cstdio>

#include "cli_dialect.hpp"
#include "i18n.hpp"
#include "text.hpp"

namespace harness {

std::string shell_quote(const std::string& arg) {
  if (!arg.empty() &&
      arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./_-") == std::string::npos)
    return arg;
  std::string out = "'";
  for (char c : arg) out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return printable(out + "'");
}

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::Done: return N_("done");
    case Outcome::Held: return N_("held");
    case Outcome::Broken: return N_("FAILED");
    case Outcome::Fault: return N_("ERROR");
    case Outcome::NotRun: return N_("not run");
  }
  return "?";
}

std::string indent(const std::string& text, const std::string& prefix) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += prefix + text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

std::string shell_line(const CommandRecord& command) {
  std::string line;
  for (std::size_t i = 0; i < command.argv.size(); ++i) {
    // the program as a person types it: its name (the run's header names the resolved path)
    const std::string& arg = command.argv[i];
    std::string word = i == 0 && !command.on_host ? arg.substr(arg.rfind('/') + 1) : arg;
    // the run's network anchor is gone after the run: a person redoing the step types none,
    // which is the same for every claim (see Dialect::shared_network)
    if (i > 0 && command.argv[i - 1] == "--network" && is_network_anchor(arg)) word = "none";
    line += (line.empty() ? "" : " ") + shell_quote(word);
  }
  if (command.on_host) line = tr("(on the host)") + " " + line;
  if (!command.input.empty()) line += " <<< " + quote(clip(command.input, 200));
  return line;
}

std::string step_transcript(const StepRecord& step, std::size_t index) {
  std::string out = tr("step {1} (line {2}, <{3}>): {4}: {5} [{6} s]",
                       {std::to_string(index + 1), std::to_string(step.line), step.element, step.summary,
                        tr(outcome_name(step.outcome)), seconds3(step.duration)}) +
                    "\n";
  for (const auto& c : step.commands) {
    out += "  $ " + shell_line(c) + "\n";
    if (!c.result.spawn_error.empty())
      out += "    " + tr("could not start: {1}", {printable(c.result.spawn_error)}) + "\n";
    else if (c.result.timed_out)
      out += "    " +
             (c.result.note.empty() ? tr("timed out after {1} s, killed", {seconds3(c.result.duration)}) : c.result.note) + "\n";
    else
      out += "    " + tr("exit {1} in {2} s", {std::to_string(c.result.exit_code), seconds3(c.result.duration)}) + "\n";
    if (!c.result.out.empty()) out += "    stdout:\n" + indent(printable(clip(c.result.out, 4000)), "      ");
    if (!c.result.err.empty()) out += "    stderr:\n" + indent(printable(clip(c.result.err, 4000)), "      ");
  }
  const std::size_t width = label_width({tr("expected:"), tr("found:")});
  if (!step.expected.empty())
    out += "  " + padded(tr("expected:"), width) + step.expected + "\n  " + padded(tr("found:"), width) + step.actual + "\n";
  if (!step.message.empty()) out += "  " + tr("error:") + " " + printable(step.message) + "\n";
  return out;
}

std::pair<std::size_t, std::size_t> claim_step_range(const ScenarioResult& result, const std::string& claim_id) {
  std::size_t begin = 0, first = result.steps.size(), last = 0;
  for (std::size_t i = 0; i < result.steps.size(); ++i) {
    if (result.steps[i].claim.empty()) continue;
    if (result.steps[i].claim == claim_id) {
      if (first == result.steps.size()) first = begin;
      last = i + 1;
    }
    begin = i + 1;
  }
  return first == result.steps.size() ? std::make_pair(std::size_t{0}, result.steps.size()) : std::make_pair(first, last);
}

std::string what_it_means(const StepRecord& s) {
  if (s.outcome != Outcome::Broken) return "";
  switch (s.mismatch) {
    case Mismatch::None: return "";
    case Mismatch::Missing:
      return s.kind == StepKind::ExpectFile
                 ? tr("The file the claim says is there is missing: the data was lost or never reached this place.")
             : s.kind == StepKind::ExpectVolume    ? tr("The volume the claim says is there is missing.")
             : s.kind == StepKind::ExpectContainer ? tr("The container the claim says is there is missing.")
             : s.kind == StepKind::ExpectNetwork   ? tr("The network the claim says is there is missing.")
                                                   : tr("What the claim says is there is missing.");
    case Mismatch::StillThere:
      return s.kind == StepKind::ExpectFile        ? tr("The file is still there, although the claim says it is gone by now.")
             : s.kind == StepKind::ExpectVolume    ? tr("The volume is still there, although the claim says it is removed.")
             : s.kind == StepKind::ExpectContainer ? tr("The container is still there, although the claim says it is gone.")
             : s.kind == StepKind::ExpectNetwork   ? tr("The network is still there, although the claim says it is removed.")
                                                   : tr("It is still there, although the claim says it is gone.");
    case Mismatch::Content: return tr("The file is there, but its content is not what was written.");
    case Mismatch::Owner: return tr("The file belongs to another user on the host than the claim says.");
    case Mismatch::Described: return tr("The runtime does not describe the volume as the claim says.");
    case Mismatch::Refused:
      return tr("The runtime refused a step of this claim's flow, so the claim does not hold as the tutorial describes it.");
    case Mismatch::Allowed: return tr("The runtime allowed what the claim says it refuses.");
    case Mismatch::State: return tr("The container is not in the state the claim says (running or stopped) at this point.");
    case Mismatch::ExitCode: return tr("The command ended with another exit code than the claim says.");
    case Mismatch::Output: return tr("The command printed or said something else than the claim says.");
  }
  return "";
}

std::string counts_text(const Tally& t) {
  return join({trn("{1} passed", "{1} passed", t.passed), trn("{1} failed", "{1} failed", t.failed),
               trn("{1} error", "{1} errors", t.errors)},
              ", ");
}

std::string claim_explanation(const ScenarioResult& result, const ClaimResult& claim) {
  if (claim.deciding_step < 0) return "";
  const auto& step = result.steps[claim.deciding_step];
  std::string out = result.scenario.file + ":" + std::to_string(step.line) + ": " +
                    tr("step {1}, {2}", {std::to_string(claim.deciding_step + 1), step.summary}) + "\n";
  const std::size_t width = label_width({tr("command:"), tr("error:"), tr("expected:"), tr("found:"), tr("meaning:")});
  const auto line = [&](const char* label, const std::string& text) { return "  " + padded(tr(label), width) + text + "\n"; };
  if (!step.commands.empty()) out += line(N_("command:"), shell_line(step.commands.back()));
  if (step.outcome == Outcome::Fault) return out + line(N_("error:"), printable(step.message));
  if (claim.verdict == Verdict::Error) return out + "  " + tr("not checked: this step failed first ({1})", {step.actual}) + "\n";
  out += line(N_("expected:"), step.expected) + line(N_("found:"), step.actual);
  const std::string meaning = what_it_means(step);
  return meaning.empty() ? out : out + line(N_("meaning:"), meaning);
}

}  // namespace harness
