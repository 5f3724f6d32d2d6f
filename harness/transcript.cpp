#include "transcript.hpp"

#include <cstdio>

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
    case Outcome::Done: return "done";
    case Outcome::Held: return "held";
    case Outcome::Broken: return "FAILED";
    case Outcome::Fault: return "ERROR";
    case Outcome::NotRun: return "not run";
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
    const std::string word = i == 0 && !command.on_host ? arg.substr(arg.rfind('/') + 1) : arg;
    line += (line.empty() ? "" : " ") + shell_quote(word);
  }
  if (command.on_host) line = "(on the host) " + line;
  if (!command.input.empty()) line += " <<< " + quote(clip(command.input, 200));
  return line;
}

std::string step_transcript(const StepRecord& step, std::size_t index) {
  std::string out = "step " + std::to_string(index + 1) + " (line " + std::to_string(step.line) + ", <" + step.element +
                    ">): " + step.summary + ": " + outcome_name(step.outcome) + " [" + seconds3(step.duration) + " s]\n";
  for (const auto& c : step.commands) {
    out += "  $ " + shell_line(c) + "\n";
    if (!c.result.spawn_error.empty())
      out += "    could not start: " + printable(c.result.spawn_error) + "\n";
    else if (c.result.timed_out)
      out += "    " + (c.result.note.empty() ? "timed out after " + seconds3(c.result.duration) + " s, killed" : c.result.note) +
             "\n";
    else
      out += "    exit " + std::to_string(c.result.exit_code) + " in " + seconds3(c.result.duration) + " s\n";
    if (!c.result.out.empty()) out += "    stdout:\n" + indent(printable(clip(c.result.out, 4000)), "      ");
    if (!c.result.err.empty()) out += "    stderr:\n" + indent(printable(clip(c.result.err, 4000)), "      ");
  }
  if (!step.expected.empty()) out += "  expected: " + step.expected + "\n  found:    " + step.actual + "\n";
  if (!step.message.empty()) out += "  error: " + printable(step.message) + "\n";
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
                 ? "The file the claim says is there is missing: the data was lost or never reached this place."
             : s.kind == StepKind::ExpectVolume    ? "The volume the claim says is there is missing."
             : s.kind == StepKind::ExpectContainer ? "The container the claim says is there is missing."
             : s.kind == StepKind::ExpectNetwork   ? "The network the claim says is there is missing."
                                                   : "What the claim says is there is missing.";
    case Mismatch::StillThere:
      return s.kind == StepKind::ExpectFile        ? "The file is still there, although the claim says it is gone by now."
             : s.kind == StepKind::ExpectVolume    ? "The volume is still there, although the claim says it is removed."
             : s.kind == StepKind::ExpectContainer ? "The container is still there, although the claim says it is gone."
             : s.kind == StepKind::ExpectNetwork   ? "The network is still there, although the claim says it is removed."
                                                   : "It is still there, although the claim says it is gone.";
    case Mismatch::Content: return "The file is there, but its content is not what was written.";
    case Mismatch::Owner: return "The file belongs to another user on the host than the claim says.";
    case Mismatch::Described: return "The runtime does not describe the volume as the claim says.";
    case Mismatch::Refused:
      return "The runtime refused a step of this claim's flow, so the claim does not hold as the tutorial describes it.";
    case Mismatch::Allowed: return "The runtime allowed what the claim says it refuses.";
    case Mismatch::State: return "The container is not in the state the claim says (running or stopped) at this point.";
    case Mismatch::ExitCode: return "The command ended with another exit code than the claim says.";
    case Mismatch::Output: return "The command printed or said something else than the claim says.";
  }
  return "";
}

std::string claim_explanation(const ScenarioResult& result, const ClaimResult& claim) {
  if (claim.deciding_step < 0) return "";
  const auto& step = result.steps[claim.deciding_step];
  std::string out = result.scenario.file + ":" + std::to_string(step.line) + ": step " + std::to_string(claim.deciding_step + 1) +
                    ", " + step.summary + "\n";
  if (!step.commands.empty()) out += "  command:  " + shell_line(step.commands.back()) + "\n";
  if (step.outcome == Outcome::Fault) return out + "  error:    " + printable(step.message) + "\n";
  if (claim.verdict == Verdict::Error) return out + "  not checked: this step failed first (" + step.actual + ")\n";
  out += "  expected: " + step.expected + "\n  found:    " + step.actual + "\n";
  const std::string meaning = what_it_means(step);
  return meaning.empty() ? out : out + "  meaning:  " + meaning + "\n";
}

}  // namespace harness
