// The Compose tool for a runtime: the first candidate of its dialect that is there,
// looked up once per run and shared by its scenarios.
#pragma once

#include <mutex>

#include "cli_dialect.hpp"
#include "process_runner.hpp"
#include "results.hpp"

namespace harness {

struct ComposeCommand {
  const ComposeTool* tool = nullptr;  // null when none is there
  Argv command;                       // {"/usr/bin/docker-compose"} or {"/usr/bin/docker", "compose"}
};

class ComposeLookup {
 public:
  ComposeLookup(const Cli& cli, ProcessRunner& runner, std::chrono::milliseconds timeout)
      : cli_(cli), runner_(runner), timeout_(timeout) {}
  // `record` gets the lookup's command the first time one runs.
  ComposeCommand get(CommandRecord& record);
  // Why get() found none: what it tried, and what to do.
  std::string why_none() const;

 private:
  const Cli& cli_;
  ProcessRunner& runner_;
  std::chrono::milliseconds timeout_;
  std::mutex mutex_;
  bool looked_up_ = false;
  ComposeCommand found_;
};

}  // namespace harness
