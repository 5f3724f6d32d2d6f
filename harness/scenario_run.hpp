// One scenario on one runtime: its steps in order (execute() is the one exhaustive switch
// over step kinds), each recorded; then the verdicts and the cleanup. The pieces it is
// made of each do one job: RunNames (names and the ledger), RuntimeCalls (commands and
// their limits), an Observer (looking at files), checks.hpp (deciding), ComposeSteps,
// decide_claims() and clean_up().
#pragma once

#include <map>

#include "claim_filter.hpp"
#include "claim_flows.hpp"
#include "compose_steps.hpp"
#include "engine.hpp"
#include "host_observer.hpp"
#include "runtime_observer.hpp"
#include "run_names.hpp"
#include "runtime_calls.hpp"
#include "tutorial_line.hpp"

namespace harness {

class ScenarioRun {
 public:
  ScenarioRun(Engine& engine, const Scenario& scenario, int index, const ClaimFilter& filter, int part = 0);
  ScenarioResult run();

 private:
  bool applies(const Step& s) const { return step_applies(s, options_.facts); }
  std::string cannot_check_here() const;
  bool serves_selected(int i) const;
  int last_needed_step() const;
  int last_container_start(int last) const;
  bool depends_on_refused(int i);
  void execute(const Step& s, StepRecord& record);
  void share_exec_from(int i);

  std::string container_of(const Step& s);
  RunSpec run_spec(const Step& s, const std::string& name);
  void run_container(const Step& s, StepRecord& record);
  void remove_container(const Step& s, StepRecord& record);
  void action(const Step& s, StepRecord& record, const Argv& argv, const std::string& input = "");
  void judge(const Step& s, StepRecord& record, const ProcessResult& r);
  void make_host_dir(const Step& s, StepRecord& record);
  void change_host_file(const Step& s, StepRecord& record);
  void find_volume(const Step& s, StepRecord& record);
  void find_layer(const Step& s, StepRecord& record);
  void tutorial(const Step& s, StepRecord& record);
  void tutorial_compose(const Step& s, StepRecord& record);
  void tutorial_host(const Step& s, const TutorialLine& line, StepRecord& record);
  void expect_file(const Step& s, StepRecord& record);
  void expect_volume(const Step& s, StepRecord& record);
  void expect_container(const Step& s, StepRecord& record);
  void expect_network(const Step& s, StepRecord& record);

  Engine& engine_;
  const EngineOptions& options_;
  const Scenario& scenario_;
  const ClaimFilter& filter_;
  RunNames names_;
  RuntimeCalls calls_;
  HostObserver host_observer_;        // reads the engine's files on this host ...
  RuntimeObserver runtime_observer_;  // ... or through the runtime, where the probe found it cannot
  Observer& observer_;                // the one this target's checks use
  ComposeSteps compose_;
  int probes_ = 0;
  std::vector<std::set<std::string>> served_;  // by step index: the claims whose flow it is in
  std::vector<NameUse> uses_;                  // by step index: what it reads and changes
  std::set<std::string> refused_;              // names a refused action should have made or changed
  struct SharedAnswer {
    Argv argv;  // the step's own command, and its input ...
    std::string input;
    CommandRecord shared;  // ... answered by this part of a shared exec
  };
  std::map<int, SharedAnswer> shared_;  // by step index
  int shared_until_ = -1;               // the last step share_exec_from looked at
  ScenarioResult result_;
};

}  // namespace harness
