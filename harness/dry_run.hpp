// --dry-run and `harness explain`: the engine runs its steps as usual, but only the
// commands that change nothing (version, info, image inspect, compose version) reach the
// runtime; every other command is recorded and answered with success and an output that
// lets the flow go on, so that what is printed is exactly what a real run would type.
#pragma once

#include "host_files.hpp"
#include "process_runner.hpp"

namespace harness {

class DryRunRunner : public ProcessRunner {
 public:
  explicit DryRunRunner(ProcessRunner& real) : real_(real) {}
  ProcessResult run(const Argv& argv, const std::string& input, std::chrono::milliseconds timeout) override;

 private:
  ProcessRunner& real_;
};

// The host as a dry run sees it: the Mountpoints it shows are placeholders, so every place
// counts as a folder where a file's absence could be told; the rest is the real host's.
class DryRunHostFiles : public RealHostFiles {
 public:
  bool is_folder(const std::string&) override { return true; }
};

}  // namespace harness
