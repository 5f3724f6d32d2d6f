// Deciding checks: given what was observed, did the claim hold? Pure functions, with no
// runtime and no host behind them, so that each rule is unit-tested on its own.
#pragma once

#include <optional>
#include <string>

#include "observer.hpp"
#include "results.hpp"
#include "scenario.hpp"

namespace harness {

struct Decision {
  Outcome outcome = Outcome::Held;
  Mismatch mismatch = Mismatch::None;
  std::string expected;  // what the claim says ...
  std::string actual;    // ... and what was found
};

void apply(const Decision& d, StepRecord& record);

// <expect-file>: present or absent, its content, its owner.
Decision decide_file(const Step& s, const Observed& o);

// An action that names a claim: what its command must do. `failure` describes a command
// that failed; `cli_refused` says the CLI refused the command itself (exit 125-127), which
// is never the failure a claim means.
Decision decide_action(const Step& s, const ProcessResult& r, const std::string& failure, bool cli_refused);

// What `volume ls` and `volume inspect` said of a volume.
struct VolumeFacts {
  std::optional<bool> listed;
  bool exists = false;
  std::string driver;
  std::string mountpoint;
  std::string default_mountpoint;  // <volume root>/<name>/_data, when the step asks
};
Decision decide_volume(const Step& s, const VolumeFacts& f);

// What `container inspect` said: there or not, running or not.
Decision decide_container(const Step& s, bool exists, bool running);

}  // namespace harness
