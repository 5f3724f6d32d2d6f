// --dry-run and `harness explain`: the engine runs its steps as usual, but only the
// commands that change nothing (version, info, image inspect, compose version) reach the
// runtime; every other command is recorded and answered with success and an output that
// lets the flow go on, so that what is printed is exactly what a real run would type.
#pragma once

#include "process_runner.hpp"

namespace harness {

class DryRunRunner : public ProcessRunner {
 public:
  explicit DryRunRunner(ProcessRunner& real) : real_(real) {}
  ProcessResult run(const Argv& argv, const std::string& input, std::chrono::milliseconds timeout) override;

 private:
  ProcessRunner& real_;
};

}  // namespace harness
