#include "scenario_parts.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace harness {

ScenarioResult join_parts(std::vector<ScenarioResult> parts) {
  ScenarioResult whole = std::move(parts.front());
  std::vector<std::size_t> stopped;  // where a part stopped, as indices into the joined steps
  if (whole.stopped_at >= 0) stopped.push_back(whole.stopped_at);
  for (std::size_t k = 1; k < parts.size(); ++k) {
    ScenarioResult& part = parts[k];
    const int offset = static_cast<int>(whole.steps.size());
    for (auto& c : part.claims) {
      if (c.deciding_step >= 0) c.deciding_step += offset;
      whole.claims.push_back(std::move(c));
    }
    if (part.stopped_at >= 0) stopped.push_back(part.stopped_at + offset);
    std::move(part.steps.begin(), part.steps.end(), std::back_inserter(whole.steps));
    std::move(part.leftovers.begin(), part.leftovers.end(), std::back_inserter(whole.leftovers));
    std::move(part.cleanup.begin(), part.cleanup.end(), std::back_inserter(whole.cleanup));
    if (whole.error.empty()) whole.error = part.error;
    whole.duration = std::max(whole.duration, part.duration);  // side by side
    whole.timestamp = std::min(whole.timestamp, part.timestamp);
  }
  // steps in file order (stable: a part's steps keep theirs), every index into them moved along
  std::vector<std::size_t> order(whole.steps.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return whole.steps[a].line < whole.steps[b].line; });
  std::vector<int> moved(order.size());
  std::vector<StepRecord> steps;
  for (std::size_t n = 0; n < order.size(); ++n) {
    moved[order[n]] = static_cast<int>(n);
    steps.push_back(std::move(whole.steps[order[n]]));
  }
  whole.steps = std::move(steps);
  for (auto& c : whole.claims)
    if (c.deciding_step >= 0) c.deciding_step = moved[c.deciding_step];
  whole.stopped_at = -1;
  for (const std::size_t s : stopped) whole.stopped_at = whole.stopped_at < 0 ? moved[s] : std::min(whole.stopped_at, moved[s]);
  // claims in file order
  std::map<std::string, std::size_t> place;
  for (std::size_t n = 0; n < whole.scenario.claims.size(); ++n) place[whole.scenario.claims[n].id] = n;
  std::stable_sort(whole.claims.begin(), whole.claims.end(),
                   [&](const ClaimResult& a, const ClaimResult& b) { return place[a.claim.id] < place[b.claim.id]; });
  return whole;
}

}  // namespace harness
