// The table of step kinds: one row per XML element, with everything the harness knows
// about a kind apart from how it runs (that is ScenarioRun::execute, the one exhaustive
// switch). The parser, the name check, `explain`, the transcript and the cost estimate
// all read these rows (in the manner of ccache's compopt.cpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "scenario.hpp"

namespace harness {

enum class StepRole {
  Setup,   // prepares what later steps use; never evidence for a claim
  Action,  // changes something; evidence when it names a claim (it then says what must happen)
  Check,   // looks without changing anything; always names its claim
};

struct StepKindInfo {
  StepKind kind;
  const char* element;
  StepRole role;
  std::vector<std::string> required;    // attributes it must have
  std::vector<std::string> optional;    // its own other attributes
  bool names_container;                 // container=, or project= and service=
  std::vector<std::string> children;    // child elements: mount, arg, file
  int (*cost_ms)(const Step&);          // a rough time of its runtime calls
  std::string (*summary)(const Step&);  // what it does, in words, with logical names
  // Whether it creates or starts a container (a run, a create, a start, a check in a new
  // container), which then joins the run's network anchor: null for kinds that never do.
  bool (*starts_container)(const Step&) = nullptr;
};

const std::vector<StepKindInfo>& step_kinds();
const StepKindInfo& step_kind(StepKind kind);
const StepKindInfo* find_step_kind(const std::string& element);

// Every attribute a kind takes, in the order messages list them: its required ones, the
// container's, its own, those of every step (runtime, note, timeout, when), and an action's
// check attributes (claim, expect, ...).
std::vector<std::string> attributes_of(const StepKindInfo& kind);

// A rough cost of a scenario, in milliseconds of runtime calls: longest first. With
// `counted`, only the steps it keeps (by index): those a run of some claims makes.
int estimated_cost(const Scenario& scenario, const std::function<bool(std::size_t)>& counted = nullptr);

inline std::string summary(const Step& step) { return step_kind(step.kind).summary(step); }
inline bool is_check_only(const Step& step) { return step_kind(step.kind).role == StepRole::Check; }
inline bool starts_container(const Step& step) {
  const auto starts = step_kind(step.kind).starts_container;
  return starts && starts(step);
}

}  // namespace harness
