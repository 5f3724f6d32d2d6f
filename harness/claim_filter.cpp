#include "claim_filter.hpp"

#include <algorithm>
#include <sstream>

namespace harness {

namespace {

bool wildcard_match(const char* pattern, const char* text) {
  if (*pattern == '\0') return *text == '\0';
  if (*pattern == '*') return wildcard_match(pattern + 1, text) || (*text && wildcard_match(pattern, text + 1));
  return *text && *pattern == *text && wildcard_match(pattern + 1, text + 1);
}

}  // namespace

ClaimFilter::ClaimFilter(const std::string& patterns) {
  std::stringstream in(patterns);
  for (std::string p; std::getline(in, p, ',');) {
    const auto b = p.find_first_not_of(" \t"), e = p.find_last_not_of(" \t");
    if (b != std::string::npos) patterns_.push_back(p.substr(b, e - b + 1));
  }
}

bool ClaimFilter::matches(const std::string& claim_id) const {
  if (patterns_.empty()) return true;
  for (const auto& p : patterns_)
    if (wildcard_match(p.c_str(), claim_id.c_str())) return true;
  return false;
}

bool ClaimFilter::matches_any(const std::set<std::string>& claim_ids) const {
  return std::any_of(claim_ids.begin(), claim_ids.end(), [this](const std::string& id) { return matches(id); });
}

}  // namespace harness
