// Claim verdicts: a pure function from a scenario's step records to one verdict per
// selected claim.
#pragma once

#include <vector>

#include "claim_filter.hpp"
#include "results.hpp"

namespace harness {

// A claim fails if any of its checks found otherwise or the runtime refused an action of
// its flow (StepRecord::serves), is in error if a fault kept any of its checks from
// running, and passes when every check held. Each step's time is counted
// for the claim of the next check, so claim times add up to the scenario's.
// `stopped_at` is the step that stopped the scenario early (-1: none).
std::vector<ClaimResult> decide_claims(const Scenario& scenario, const std::vector<StepRecord>& steps, const TargetFacts& target,
                                       const ClaimFilter& filter, int stopped_at);

// The exit code of a run (or of merged runs) with these results: kAllHeld, kClaimFailed when
// a claim failed or a known failure passed (fixed), kHarnessError when an error kept a
// claim from being checked or something was left behind.
int run_exit_code(const std::vector<ScenarioResult>& results);

}  // namespace harness
