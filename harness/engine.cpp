#include "engine.hpp"

#include <algorithm>
#include <ctime>
#include <utility>

#include "claim_flows.hpp"
#include "i18n.hpp"
#include "recovery.hpp"
#include "run_names.hpp"
#include "scenario_run.hpp"
#include "step_kinds.hpp"
#include "text.hpp"

namespace harness {

const Argv kKeepAlive = {"sh", "-c", "trap 'exit 0' TERM INT; sleep 2147483647 & wait"};

std::string utc_timestamp() {
  char buf[32];
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "pass";
    case Verdict::Fail: return "fail";
    case Verdict::Error: return "error";
    case Verdict::Skipped: return "skipped";
    case Verdict::Known: return "known";
    case Verdict::Fixed: return "fixed";
  }
  return "?";
}

Engine::Engine(Cli cli, ProcessRunner& runner, EngineOptions options, HostFiles* files)
    : cli_(std::move(cli)),
      runner_(runner),
      options_(std::move(options)),
      files_(files ? files : &real_files_),
      compose_(cli_, runner_, options_.step_timeout) {
  if (options_.facts.runtime.empty()) options_.facts.runtime = cli_.dialect().name;  // a dry run has no probe
  if (options_.target_name.empty()) options_.target_name = cli_.dialect().name;
}

ScenarioResult Engine::run(const Scenario& scenario, int index, const ClaimFilter& filter, int part) {
  return ScenarioRun(*this, scenario, index, filter, part).run();
}

std::vector<ClaimFilter> Engine::parts_of(const Scenario& scenario, const ClaimFilter& filter) const {
  const auto groups = independent_claims(
      scenario, [this](const Step& s) { return step_applies(s, options_.facts); },
      [&filter](const std::string& id) { return filter.matches(id); });
  if (groups.size() < 2) return {filter};
  std::vector<ClaimFilter> parts;
  for (const auto& ids : groups) {
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ",") + id;
    parts.emplace_back(list);
  }
  return parts;
}

int Engine::cost_of(const Scenario& scenario, const ClaimFilter& filter) const {
  const auto served = claims_served(scenario, [this](const Step& s) { return step_applies(s, options_.facts); });
  return estimated_cost(scenario, [&](std::size_t i) { return filter.matches_any(served[i]); });
}

Swept Engine::sweep() {
  const std::string prefix = "harness-" + options_.run_id + "-";
  const Resources all = list_named(cli_, runner_, "harness-");  // this run's names and dead runs': one listing
  Swept swept;
  swept.dead_runs = clean_dead_runs(cli_, runner_, options_.run_id, options_.host_tmp, swept.dead_stuck, all);
  // this run's scenarios' names; the target's own (its probe, the network anchor) are
  // removed by their owner, once the scenarios are past their last start, else beside this sweep
  const Resources found = all.only([&prefix](const std::string& n) { return n.rfind(prefix, 0) == 0 && !is_target_name(n); });
  if (found.empty()) return swept;
  const Resources still = remove_resources(cli_, runner_, found, prefix);
  for (const auto* names : found.runtime_kinds())
    for (const auto& name : *names) {
      const int index = std::atoi(name.c_str() + prefix.size());
      const bool stuck = still.contains(name);
      swept.by_scenario[index].push_back(
          name + (stuck ? tr(" (could not be removed)") : tr(" (its cleanup missed it; removed by the end-of-run sweep)")));
    }
  return swept;
}

void Engine::share_anchor(std::size_t parts, std::function<void()> free) {
  std::lock_guard<std::mutex> lock(anchor_mutex_);
  anchor_holders_ = parts;
  free_anchor_ = std::move(free);
}

void Engine::release_anchor() noexcept {
  std::function<void()> free;
  {
    std::lock_guard<std::mutex> lock(anchor_mutex_);
    if (!free_anchor_ || anchor_holders_ == 0 || --anchor_holders_ > 0) return;
    free = std::exchange(free_anchor_, nullptr);
  }
  try {
    free();
  } catch (const std::exception&) {  // its removal could not start: the end of the run removes it
  }
}

std::string Engine::volume_root(CommandRecord& record) {
  std::lock_guard<std::mutex> lock(root_mutex_);
  if (!options_.facts.volume_root.empty()) return options_.facts.volume_root;  // the probe asked already
  if (!volume_root_.empty()) return volume_root_;
  record = {cli_.volume_root(), "", false, runner_.run(cli_.volume_root(), "", options_.step_timeout)};
  if (record.result.ok()) volume_root_ = first_line(record.result.out);
  return volume_root_;
}

}  // namespace harness
