// The engine of one runtime in a run: what its scenarios share (the CLI, the process
// runner, the host's files, the Compose tool, the volume root) and the end-of-run sweep.
// Each scenario runs in a ScenarioRun (scenario_run.hpp). Knows nothing of processes or of
// a particular runtime.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "claim_filter.hpp"
#include "cli_dialect.hpp"
#include "compose_tool.hpp"
#include "host_files.hpp"
#include "process_runner.hpp"
#include "recovery.hpp"
#include "results.hpp"
#include "scenario.hpp"

namespace harness {

struct EngineOptions {
  std::string image;
  std::string run_id;  // unique per run: in every runtime name and label
  std::string runtime_version;
  std::chrono::milliseconds step_timeout{60000};
  std::chrono::milliseconds scenario_timeout{600000};
  std::string host_tmp = "/tmp";  // where host folders are made
  TargetFacts facts;              // what the probe found; steps' when= conditions read it
  std::string target_name;        // the matrix column: "docker", "docker@unix:///run/x.sock"
};

// The command a detached container runs when the scenario names none: it waits for
// ever and exits at once on SIGTERM (PID 1 ignores signals it has no handler for).
extern const Argv kKeepAlive;

// Now, in UTC, as JUnit wants it: 2026-11-22T16:52:57Z.
std::string utc_timestamp();

// What the end-of-run sweep found.
struct Swept {
  std::map<int, std::vector<std::string>> by_scenario;  // this run's, by scenario index
  Resources dead_runs, dead_stuck;                      // dead runs': removed, and could not be
};

class Engine {
 public:
  // `files` defaults to the real disk; unit tests pass a fake.
  Engine(Cli cli, ProcessRunner& runner, EngineOptions options, HostFiles* files = nullptr);

  // `index` makes names unique between the scenarios of one run, `part` between the
  // independent parts of one scenario (parts_of).
  ScenarioResult run(const Scenario& scenario, int index, const ClaimFilter& filter, int part = 0);

  // The scenario's selected claims as independent parts, each a filter of its own: groups
  // whose flows share no step and no name on this target (claim_flows.hpp), to run side by
  // side and join (scenario_parts.hpp). One part when nothing splits.
  std::vector<ClaimFilter> parts_of(const Scenario& scenario, const ClaimFilter& filter) const;
  // The estimated cost (step_kinds.hpp) of what run() makes for these claims on this target:
  // the steps that apply here and serve one of them. Longest first, part by part.
  int cost_of(const Scenario& scenario, const ClaimFilter& filter) const;

  const Cli& cli() const { return cli_; }
  const EngineOptions& options() const { return options_; }
  ProcessRunner& runner() { return runner_; }
  HostFiles& host_files() { return *files_; }
  ComposeLookup& compose() { return compose_; }

  // The run's network anchor (the probe's container, which every container started here
  // joins) is needed until each of the `parts` pieces of work to run has passed its last
  // step that starts a container (step_kinds.hpp); `free` runs once, at the last
  // release_anchor(), to remove it beside the rest of the run.
  void share_anchor(std::size_t parts, std::function<void()> free);
  // Once per run(), after its last start; a no-op without share_anchor. Never throws: a
  // removal that cannot start is left to the end of the run.
  void release_anchor() noexcept;

  // The folder below which the runtime keeps volumes; asked once, then cached. Empty when
  // the runtime could not tell (`record` then has the command and its answer).
  std::string volume_root(CommandRecord& record);

  // After the scenarios have cleaned up: finds what of this run is still there (a
  // cleanup that said it worked but did not), removes it, and returns it by scenario
  // index, each name saying whether the sweep could remove it. The same listing finds
  // what dead runs left (a SIGKILL, a power loss), and removes that too.
  Swept sweep();

 private:
  Cli cli_;
  ProcessRunner& runner_;
  EngineOptions options_;
  RealHostFiles real_files_;
  HostFiles* files_;
  ComposeLookup compose_;
  std::mutex root_mutex_;
  std::string volume_root_;
  std::mutex anchor_mutex_;
  std::size_t anchor_holders_ = 0;
  std::function<void()> free_anchor_;
};

}  // namespace harness
