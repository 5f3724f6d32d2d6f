// The run context of one scenario: logical names to runtime names (harness-<run>-<n>-<name>,
// harness-<run>-<n>p<k>-<name> for its part k),
// what the steps found (anonymous volumes, layers, host folders, Compose projects), and the
// ledger of everything created, which cleanup reads.
#pragma once

#include <map>
#include <string>

#include "compose_project.hpp"
#include "ledger.hpp"
#include "step_errors.hpp"

namespace harness {

// What the harness makes for target K of a run, not for a scenario: harness-<run>-t<K>-<what>
// (the probe, whose container may be the run's network anchor).
inline std::string target_name(const std::string& run_id, std::size_t target, const std::string& what) {
  return "harness-" + run_id + "-t" + std::to_string(target) + "-" + what;
}

// Whether a name is one of those, of any run: the sweep leaves them to their owner and the
// mutants never rewrite a call that names one.
inline bool is_target_name(const std::string& name) {
  if (name.rfind("harness-", 0) != 0) return false;
  const std::size_t dash = name.find('-', 8);  // after the run id
  return dash != std::string::npos && name.size() > dash + 2 && name[dash + 1] == 't' && name[dash + 2] >= '0' &&
         name[dash + 2] <= '9';
}

class RunNames {
 public:
  // `part`: which of a scenario's independent parts (scenario_parts.hpp) this is; the
  // first keeps the plain number, the others add pN (the sweep reads the number only).
  RunNames(std::string run_id, int index, int part = 0)
      : run_id_(std::move(run_id)), tag_(std::to_string(index) + (part ? "p" + std::to_string(part) : "")) {}

  std::string of(const std::string& logical) const { return "harness-" + run_id_ + "-" + tag_ + "-" + logical; }
  std::string label() const { return "harness.run=" + run_id_; }

  // A volume's runtime name: ours, or the one <find-volume> found for an anonymous volume.
  std::string volume(const std::string& logical) const {
    const auto it = found_volumes_.find(logical);
    return it == found_volumes_.end() ? of(logical) : it->second;
  }
  void found_volume(const std::string& logical, const std::string& name) { found_volumes_[logical] = name; }

  // A host folder (made by <host-dir>) or a writable layer (found by <find-layer>).
  const std::string& folder(const std::string& logical) const {
    const auto it = folders_.find(logical);
    if (it == folders_.end()) throw StepFault{"host folder '" + logical + "' was not made"};
    return it->second;
  }
  void found_folder(const std::string& logical, const std::string& path) { folders_[logical] = path; }

  ComposeProject& project(const std::string& logical) { return projects_.at(logical); }
  void found_project(const std::string& logical, const ComposeProject& p) { projects_[logical] = p; }

  Ledger& ledger() { return ledger_; }

 private:
  std::string run_id_;
  std::string tag_;
  std::map<std::string, std::string> found_volumes_;  // logical name -> anonymous volume
  std::map<std::string, std::string> folders_;        // logical name -> host path
  std::map<std::string, ComposeProject> projects_;    // logical project -> its folder, files, -p
  Ledger ledger_;
};

}  // namespace harness
