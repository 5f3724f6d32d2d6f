// The runtime calls of one scenario: each command within its step's timeout and the
// scenario's deadline, recorded in the step's transcript, and told apart as the runtime's
// answer or a fault (timed out, not started, engine unreachable, run interrupted).
#pragma once

#include <chrono>
#include <optional>

#include "cli_dialect.hpp"
#include "process_runner.hpp"
#include "results.hpp"

namespace harness {

// What a finished command said, for a message: "exit code 1: <first line of stderr>".
std::string describe_failure(const ProcessResult& r, std::chrono::milliseconds timeout);

class RuntimeCalls {
 public:
  using Clock = std::chrono::steady_clock;
  RuntimeCalls(const Cli& cli, ProcessRunner& runner, std::chrono::milliseconds step_timeout)
      : cli_(cli), runner_(runner), default_timeout_(step_timeout), step_timeout_(step_timeout) {}

  // The limits of the step about to run.
  void begin_step(std::chrono::milliseconds step_timeout, Clock::time_point deadline) {
    step_timeout_ = step_timeout;
    deadline_ = deadline;
  }

  // Runs one command of the step and records it.
  const ProcessResult& call(StepRecord& record, const Argv& argv, const std::string& input = "");
  // The next call() whose command is `argv` with `input` runs nothing: `shared` answered it
  // already (an exec shared by several steps, shared_exec.hpp), and is what is recorded.
  void answer_next(const Argv& argv, const std::string& input, CommandRecord shared);
  // A command that must work for the scenario to go on: throws StepRefused when the
  // runtime refused it, StepFault when it did not answer.
  const ProcessResult& must(StepRecord& record, const Argv& argv, const std::string& input = "");
  // A command outside any step (cleanup, lookups), with the run's step timeout.
  ProcessResult run(const Argv& argv) { return runner_.run(argv, "", default_timeout_); }

  // Not the runtime's answer: not started, timed out, or the engine unreachable.
  bool is_fault(const ProcessResult& r) const;
  std::string failure(const ProcessResult& r) const { return describe_failure(r, default_timeout_); }

  const Cli& cli() const { return cli_; }

 private:
  const Cli& cli_;
  ProcessRunner& runner_;
  std::chrono::milliseconds default_timeout_;
  std::chrono::milliseconds step_timeout_;
  Clock::time_point deadline_ = Clock::time_point::max();
  struct Answered {
    Argv argv;
    std::string input;
    CommandRecord shared;
  };
  std::optional<Answered> next_;
};

}  // namespace harness
