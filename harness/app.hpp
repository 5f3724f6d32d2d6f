// The subcommands: one options struct, one function each (as in CLI11's examples).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "console_reporter.hpp"
#include "process_runner.hpp"
#include "results.hpp"

namespace harness {

struct RunOptions {
  std::vector<std::string> paths{"scenarios"};
  std::string runtime = "docker";      // or a list: docker,podman
  std::string targets_file;            // --targets FILE: the targets instead of --runtime
  std::string shard;                   // --shard K/N: only part K of N of the selected scenarios
  std::string known_failures;          // --known-failures FILE
  std::string image;                   // empty: the fixture image
  std::string host_dir_root = "/tmp";  // where host folders are made: a folder the engine sees too
  std::string claims;                  // --claim patterns
  std::string tag;
  std::string junit = "reports/junit.xml";
  std::string matrix = "reports/matrix.md";
  std::string html = "reports/report.html";
  double step_timeout = 60;
  double scenario_timeout = 600;
  unsigned jobs = 4;  // scenarios at once (main sets the machine's default)
  Verbosity verbosity = Verbosity::Normal;
  bool dry_run = false;  // print the commands; only those that change nothing reach the runtime
};

int run_run(const RunOptions& options, ProcessRunner& runner, std::ostream& out, std::ostream& err);
// A dry run of the selected scenarios on every target that prints nothing: the commands
// each scenario file would make (what `harness mutate` asks of its mutants). kAllHeld, or
// the exit code to stop with (bad usage, an invalid scenario, a runtime not reachable: said on err).
int plan_run(const RunOptions& options, ProcessRunner& runner, std::vector<ScenarioResult>& results, std::ostream& err);
int run_list(const RunOptions& options, std::ostream& out, std::ostream& err);
int run_clean(const RunOptions& options, ProcessRunner& runner, std::ostream& out, std::ostream& err);
int run_validate(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace harness
