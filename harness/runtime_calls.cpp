#include "runtime_calls.hpp"

#include <algorithm>

#include "i18n.hpp"
#include "interrupt.hpp"
#include "step_errors.hpp"
#include "text.hpp"

namespace harness {

std::string describe_failure(const ProcessResult& r, std::chrono::milliseconds timeout) {
  if (!r.spawn_error.empty()) return r.spawn_error;
  if (!r.note.empty()) return r.note;
  if (r.timed_out) return tr("timed out after {1} s and was killed", {seconds_text(timeout, 2)});
  const std::string code = std::to_string(r.exit_code);
  const std::string said = first_line(r.err).empty() ? first_line(r.out) : first_line(r.err);
  return said.empty() ? tr("exit code {1}", {code}) : tr("exit code {1}: {2}", {code, printable(clip(said, 300))});
}

void RuntimeCalls::answer_next(const Argv& argv, const std::string& input, CommandRecord shared) {
  next_ = Answered{argv, input, std::move(shared)};
}

std::chrono::milliseconds RuntimeCalls::timeout_now() const {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
  return std::max(std::chrono::milliseconds(1), std::min(step_timeout_, left));
}

const ProcessResult& RuntimeCalls::call(StepRecord& record, const Argv& argv, const std::string& input) {
  if (next_ && next_->argv == argv && next_->input == input) {
    record.commands.push_back(std::move(next_->shared));
    next_.reset();
    return record.commands.back().result;
  }
  next_.reset();
  const auto timeout = timeout_now();
  record.commands.push_back({argv, input, false, runner_.run(argv, input, timeout)});
  return explain(record, timeout);
}

const ProcessResult& RuntimeCalls::call_in_terminal(StepRecord& record, const Argv& argv, const std::vector<std::string>& typed) {
  next_.reset();  // a shared exec's answer is never a terminal session's
  const auto timeout = timeout_now();
  std::string input;
  for (const auto& line : typed) input += line + "\n";
  record.commands.push_back({argv, input, false, runner_.run_in_terminal(argv, typed, timeout)});
  return explain(record, timeout);
}

const ProcessResult& RuntimeCalls::explain(StepRecord& record, std::chrono::milliseconds timeout) {
  auto& r = record.commands.back().result;
  const std::string why = r.note.empty() ? "" : " (" + r.note + ")";  // a terminal session's: the prompt it waited for
  if (r.timed_out && timeout < step_timeout_)
    r.note = tr("the scenario ran out of time and the command was killed after {1} s", {seconds_text(r.duration, 1)}) + why;
  else if (r.timed_out)
    r.note = tr("timed out after {1} s (the step may take {2} s) and was killed with its children",
                {seconds_text(r.duration, 1), seconds_text(step_timeout_, 1)}) +
             why;
  else if (interrupted() && !r.ok()) {
    r.note = tr("killed: the run was interrupted");
    r.timed_out = true;  // not the runtime's answer: a fault, never a claim's failure
  }
  return r;
}

const ProcessResult& RuntimeCalls::must(StepRecord& record, const Argv& argv, const std::string& input) {
  const auto& r = call(record, argv, input);
  if (r.ok()) return r;
  const std::string message = tr("<{1}> failed: {2}", {record.element, failure(r)});
  if (is_fault(r)) throw StepFault{message};
  throw StepRefused{message};
}

const ProcessResult& RuntimeCalls::inspect(StepRecord& record, const Argv& argv, const std::string& missing,
                                           const std::string& what) {
  const auto& r = call(record, argv);
  if (is_fault(r) || (r.exit_code != 0 && lower(r.err).find(missing) == std::string::npos))
    throw StepFault{tr("{1} inspect failed: {2}", {what, failure(r)})};
  return r;
}

bool RuntimeCalls::is_fault(const ProcessResult& r) const {
  if (!r.ran()) return true;
  const auto& marker = cli_.dialect().unreachable_text;
  if (!marker.empty() && r.err.find(marker) != std::string::npos) return true;
  // the run's network anchor stopped or gone: every start fails, whatever the claim
  const std::string& network = cli_.network();
  if (!is_network_anchor(network) || r.exit_code == 0) return false;
  const auto& gone = cli_.dialect().anchor_gone;
  return (!gone.empty() && r.err.find(gone) != std::string::npos) ||
         r.err.find(network.substr(network.find(':') + 1)) != std::string::npos;
}

}  // namespace harness
