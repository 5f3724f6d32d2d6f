#include "verdicts.hpp"

#include <algorithm>
#include <map>

#include "exit_codes.hpp"
#include "i18n.hpp"

namespace harness {

std::vector<ClaimResult> decide_claims(const Scenario& scenario, const std::vector<StepRecord>& steps, const TargetFacts& target,
                                       const ClaimFilter& filter, int stopped_at) {
  std::map<std::string, Seconds> time;
  Seconds pending{0};
  for (const auto& r : steps) {
    pending += r.duration;
    if (!r.claim.empty()) {
      time[r.claim] += pending;
      pending = Seconds{0};
    }
  }
  std::vector<ClaimResult> claims;
  for (const auto& claim : scenario.claims) {
    if (!filter.matches(claim.id)) continue;
    ClaimResult c{claim, Verdict::Pass, time[claim.id], -1, {}, "", ""};
    for (const auto& step : scenario.steps)
      if (step.claim == claim.id && !step.note.empty() && step_applies(step, target))
        c.differences.push_back(in_language(step.note, step.note_fr));
    int checks = 0;
    for (int i = 0; i < static_cast<int>(steps.size()); ++i) {
      const auto& r = steps[i];
      const bool refused_in_flow = r.claim.empty() && r.outcome == Outcome::Broken &&
                                   std::find(r.serves.begin(), r.serves.end(), claim.id) != r.serves.end();
      if (refused_in_flow && c.verdict != Verdict::Fail) {  // the runtime refused a step this claim needs
        c.verdict = Verdict::Fail;
        c.deciding_step = i;
      }
      if (r.claim != claim.id) continue;
      ++checks;
      if (r.outcome == Outcome::Broken && c.verdict != Verdict::Fail) {
        c.verdict = Verdict::Fail;
        c.deciding_step = i;
      }
      if ((r.outcome == Outcome::Fault || r.outcome == Outcome::NotRun) && c.verdict == Verdict::Pass) {
        c.verdict = Verdict::Error;
        c.deciding_step = stopped_at >= 0 ? stopped_at : i;
      }
    }
    if (checks == 0) {
      c.verdict = Verdict::Error;
      c.message = tr("no check of {1} applies to {2}", {claim.id, target.runtime});
    }
    claims.push_back(c);
  }
  return claims;
}

int run_exit_code(const std::vector<ScenarioResult>& results) {
  Tally t;
  bool faults = false;
  for (const auto& r : results) {
    t += tally(r);
    faults = faults || !r.leftovers.empty() || !r.error.empty();
  }
  return faults || t.errors ? kHarnessError : t.failed || t.fixed ? kClaimFailed : kAllHeld;
}

}  // namespace harness
