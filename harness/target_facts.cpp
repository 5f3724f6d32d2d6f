#include "target_facts.hpp"

#include "i18n.hpp"
#include "text.hpp"

namespace harness {

std::string TargetFacts::header() const {
  std::vector<std::string> parts = {runtime + " " + version, rootless ? tr("rootless") : tr("rootful")};
  if (!storage.empty()) parts.push_back(storage);
  if (!oci_runtime.empty()) parts.push_back(oci_runtime);
  if (!sees_volumes) parts.push_back(tr("files seen through the runtime"));
  return join(parts, " \u00b7 ");
}

std::vector<std::pair<std::string, std::string>> TargetFacts::properties() const {
  return {{"target.endpoint", endpoint},
          {"target.rootless", rootless ? "true" : "false"},
          {"target.storage", storage},
          {"target.oci-runtime", oci_runtime},
          {"target.files", sees_volumes ? "read on the host" : "read through the runtime"},
          {"target.host-folders", sees_host_dirs ? "shared at the same path" : "not seen by the engine"}};
}

namespace {

struct Condition {
  const char* name;
  bool (*holds)(const TargetFacts&);
};

const std::vector<Condition>& conditions() {
  static const std::vector<Condition> table = {
      {"rootless", [](const TargetFacts& f) { return f.rootless; }},
      {"rootful", [](const TargetFacts& f) { return !f.rootless; }},
      {"host-view", [](const TargetFacts& f) { return f.sees_volumes; }},      // the harness reads the engine's files
      {"runtime-view", [](const TargetFacts& f) { return !f.sees_volumes; }},  // ... only through the runtime
  };
  return table;
}

}  // namespace

const std::vector<std::string>& condition_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& c : conditions()) n.push_back(c.name);
    n.push_back("storage=NAME");
    n.push_back("storage!=NAME");
    return n;
  }();
  return names;
}

std::string check_condition(const std::string& condition) {
  for (const auto& c : conditions())
    if (condition == c.name) return "";
  if ((condition.rfind("storage=", 0) == 0 && condition.size() > 8) ||
      (condition.rfind("storage!=", 0) == 0 && condition.size() > 9))
    return "";
  return tr("unknown condition '{1}' (known: {2})", {condition, join(condition_names(), ", ")});
}

bool conditions_hold(const std::vector<std::string>& when, const TargetFacts& facts) {
  for (const auto& w : when) {
    bool holds = false;
    if (w.rfind("storage!=", 0) == 0)
      holds = facts.storage != w.substr(9);
    else if (w.rfind("storage=", 0) == 0)
      holds = facts.storage == w.substr(8);
    else
      for (const auto& c : conditions())
        if (w == c.name) holds = c.holds(facts);
    if (!holds) return false;
  }
  return true;
}

}  // namespace harness
