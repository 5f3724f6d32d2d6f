// Which claims each step serves: its flow. A check serves its own claim; an action or a
// setup step serves every claim one of whose checks looks, directly or through later
// steps, at what the step makes or changes (a container, a volume, a host folder, a
// Compose project). A container's mounts count as part of it: a write in one container
// changes what another that mounts the same volume shows. When an action fails, only the
// claims it serves are charged, and only the steps that depend on it are left out.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "scenario.hpp"

namespace harness {

// What a step reads and what it makes or changes, as "container:c", "volume:v",
// "host:h", "project:p" (logical names), and "image:" for what new containers start from.
struct NameUse {
  std::set<std::string> reads;
  std::set<std::string> changes;
};

// For each step of the scenario (by index), the IDs of the claims it serves; steps that do
// not apply (per `applies`) serve none and do not link others.
std::vector<std::set<std::string>> claims_served(const Scenario& scenario, const std::function<bool(const Step&)>& applies);

// What each step reads and changes, by index (steps that do not apply: nothing).
std::vector<NameUse> name_uses(const Scenario& scenario, const std::function<bool(const Step&)>& applies);

// The selected claims (per `selected`) in groups that share no step and no name (a
// container, volume, host folder or Compose project): each group's steps can run apart
// from the others', side by side. Groups and the claims in them are in file order.
std::vector<std::vector<std::string>> independent_claims(const Scenario& scenario,
                                                         const std::function<bool(const Step&)>& applies,
                                                         const std::function<bool(const std::string&)>& selected);

}  // namespace harness
