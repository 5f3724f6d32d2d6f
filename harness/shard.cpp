#include "shard.hpp"

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "step_kinds.hpp"

namespace harness {

ParsedShard parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  const auto number = [](const std::string& s) -> long {
    if (s.empty() || s.size() > 4 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
    return std::strtol(s.c_str(), nullptr, 10);
  };
  const long k = slash == std::string::npos ? 0 : number(text.substr(0, slash));
  const long n = slash == std::string::npos ? 0 : number(text.substr(slash + 1));
  if (k < 1 || n < 1 || k > n)
    return {{}, "--shard must be K/N with 1 <= K <= N (2/4: the second of four parts), not '" + text + "'"};
  return {{static_cast<unsigned>(k), static_cast<unsigned>(n)}, ""};
}

std::vector<unsigned> assign_shards(const std::vector<int>& costs, unsigned count) {
  std::vector<std::size_t> order(costs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return costs[a] > costs[b]; });
  std::vector<long> load(count, 0);
  std::vector<unsigned> part(costs.size(), 1);
  for (const std::size_t i : order) {
    const auto least = std::min_element(load.begin(), load.end()) - load.begin();  // the first of equals
    part[i] = static_cast<unsigned>(least) + 1;
    load[least] += costs[i];
  }
  return part;
}

std::vector<Scenario> take_shard(std::vector<Scenario> scenarios, const Shard& shard) {
  std::vector<int> costs;
  for (const auto& sc : scenarios) costs.push_back(estimated_cost(sc));
  const std::vector<unsigned> part = assign_shards(costs, shard.count);
  std::vector<Scenario> mine;
  for (std::size_t i = 0; i < scenarios.size(); ++i)
    if (part[i] == shard.index) mine.push_back(std::move(scenarios[i]));
  return mine;
}

}  // namespace harness
