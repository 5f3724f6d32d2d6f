// What a probe found about a runtime's engine before any scenario ran, and the conditions
// a scenario's step may put on those facts (`when="rootless"`): runtime differences as data,
// keyed on what the engine is rather than on the CLI's name.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "scenario.hpp"

namespace harness {

struct TargetFacts {
  std::string runtime;   // the dialect: docker, podman
  std::string version;   // the engine's version
  std::string endpoint;  // where the engine was reached: "local socket", DOCKER_HOST=..., ...
  bool rootless = false;
  std::string storage;         // overlay2, overlay, vfs, ...
  std::string oci_runtime;     // runc, crun, ...
  std::string volume_root;     // what the dialect's volume root query would answer (DockerRootDir, VolumePath)
  bool sees_volumes = true;    // the harness reads the engine's volume files at their Mountpoint
  bool sees_host_dirs = true;  // the engine mounts the harness's host folders at the same path ...
  std::string host_dirs_why;   // ... and when it does not, why, if the probe could tell
  std::string cannot_start;  // not empty: the target cannot be checked ("cannot start a container here: <the runtime's reason>")

  // "podman 4.3.1 · rootless · vfs · runc"
  std::string header() const;
  // name=value pairs for JUnit properties
  std::vector<std::pair<std::string, std::string>> properties() const;
};

// The conditions a step may name in when="...", comma-separated, all of which must hold.
const std::vector<std::string>& condition_names();
// "" when `condition` is one of the names (storage=NAME, storage!=NAME take any NAME), else why not.
std::string check_condition(const std::string& condition);
bool conditions_hold(const std::vector<std::string>& conditions, const TargetFacts& facts);

// A step runs on a target when its runtime= and its when= both allow it.
inline bool step_applies(const Step& step, const TargetFacts& facts) {
  return step.applies_to(facts.runtime) && conditions_hold(step.when, facts);
}

}  // namespace harness
