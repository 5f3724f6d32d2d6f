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
  // `record` gets the lookup's command: the first get() after the lookup (made here, by
  // look_up_now, or taken over by take_answer).
  ComposeCommand get(CommandRecord& record);
  // Looks the tool up, if no get() has yet, without giving its command to anyone.
  void look_up_now();
  // Takes what `earlier` found (a lookup made beside other work before the scenarios, with
  // the same CLI): the first get() still records the command that found it.
  void take_answer(ComposeLookup& earlier);
  // Why get() found none: what it tried, and what to do.
  std::string why_none() const;

 private:
  const Cli& cli_;
  ProcessRunner& runner_;
  std::chrono::milliseconds timeout_;
  void look_up();  // under mutex_
  std::mutex mutex_;
  bool looked_up_ = false;
  ComposeCommand found_;
  CommandRecord untold_;  // the lookup's command, until a get() records it
};

}  // namespace harness
