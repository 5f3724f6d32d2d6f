// --shard K/N: a deterministic part of the selected scenarios, so that one target's suite
// can be split over N CI jobs. The parts are balanced by the scenarios' cost estimates
// (the longest first, each to the part with the least so far), disjoint, and together
// they are the whole.
#pragma once

#include <string>
#include <vector>

#include "scenario.hpp"

namespace harness {

struct Shard {
  unsigned index = 1, count = 1;  // K of N, 1-based; 1/1 is everything
};

// "2/4" -> {2, 4}, or an error in words.
struct ParsedShard {
  Shard shard;
  std::string error;
};
ParsedShard parse_shard(const std::string& text);

// For each of `costs` (in order), the 1-based part it goes to.
std::vector<unsigned> assign_shards(const std::vector<int>& costs, unsigned count);

// The scenarios of part `shard`, in their order.
std::vector<Scenario> take_shard(std::vector<Scenario> scenarios, const Shard& shard);

}  // namespace harness
