// `harness mutate`: how strong the selected scenarios are. They run once against the real
// runtime (the baseline), then once per built-in broken runtime (mutants.hpp), each through
// a wrapper folder first on PATH (mutant_wrapper.hpp); a mutant is caught when a claim that
// held in the baseline fails under it. Deciding and formatting are pure functions on values;
// run_mutate runs the harness runs and prints.
#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "app.hpp"
#include "compare.hpp"

namespace harness {

struct MutateOptions {
  RunOptions run;                          // paths, --claim, --tag, --runtime; run.jobs: scenarios side by side in each run
  unsigned side_by_side = 3;               // harness runs at once (the baseline and the mutants)
  std::string mutants;                     // --mutant: only these (comma-separated names); "" every one
  std::string reports = "reports/mutate";  // each run's JUnit, matrix, HTML report and console output
};

// How one mutant's run went.
struct MutantRun {
  std::string name;
  bool applies = true;                   // false: it changes no call of the selected scenarios (not run, or none when it ran)
  std::map<std::string, Status> claims;  // by claim key (mutation_key)
  std::string fault;                     // the run could not be read, or left something it could not remove
  std::string swept;                     // what the runtime leaked and the run's end-of-run sweep removed
};

// "VOL-2", or "VOL-2@podman" when the run checks several runtimes.
std::string mutation_key(const CaseResult& c, bool several_runtimes);

// The claims a mutant made fail: those that held in the baseline and failed under it.
std::vector<std::string> caught_claims(const std::map<std::string, Status>& baseline, const MutantRun& run);

// The whole answer: one line per mutant, then the mutants-by-claims table and the legend.
std::string format_mutation(const std::map<std::string, Status>& baseline, const std::vector<std::string>& claim_order,
                            const std::vector<MutantRun>& runs);

// kAllHeld when every mutant that applies was caught, kClaimFailed when one was missed,
// kHarnessError when a run faulted.
int mutation_exit_code(const std::map<std::string, Status>& baseline, const std::vector<MutantRun>& runs);

// The mutants as a table, for `harness mutate --list` and the README.
std::string format_mutant_list();

int run_mutate(const MutateOptions& options, ProcessRunner& runner, std::ostream& out, std::ostream& err);

// `harness mutate --print-wrapper NAME DIR`: writes the wrapper folder, prints the shell line that puts it first on PATH.
int print_wrapper(const std::string& mutant, const std::string& dir, std::ostream& out, std::ostream& err);

}  // namespace harness
