// Which claims a run checks: --claim 'VOL-*,SHR-1' (comma-separated, * as a wildcard).
#pragma once

#include <set>
#include <string>
#include <vector>

namespace harness {

class ClaimFilter {
 public:
  ClaimFilter() = default;  // matches every claim
  explicit ClaimFilter(const std::string& patterns);
  bool matches(const std::string& claim_id) const;
  // Whether one of these claims is selected (the claims a step serves).
  bool matches_any(const std::set<std::string>& claim_ids) const;
  bool empty() const { return patterns_.empty(); }

 private:
  std::vector<std::string> patterns_;
};

}  // namespace harness
