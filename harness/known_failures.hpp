// --known-failures FILE: claims expected to fail on some targets while a runtime bug is
// tracked. A listed claim that fails is `known` (it does not fail the run); one that passes
// is `fixed` (it does, so that the list cannot go stale). The file:
//   <known-failures>
//     <known target="podman*" claim="VOL-3" reason="podman#1234: ..." link="https://..."/>
//   </known-failures>
// target and claim are patterns (* as a wildcard); the schema is scenarios/known-failures.xsd.
#pragma once

#include <string>
#include <vector>

#include "results.hpp"

namespace harness {

struct KnownFailure {
  std::string target, claim;  // patterns
  std::string reason, link;   // link: "" when none
  int line = 0;
};

struct KnownFailures {
  std::string file;
  std::vector<KnownFailure> entries;
  // The first entry for this target and claim, or null.
  const KnownFailure* find(const std::string& target, const std::string& claim) const;
};

// The file's entries, or an error `file:line: message`.
struct LoadedKnownFailures {
  KnownFailures list;
  std::string error;
};
LoadedKnownFailures load_known_failures(const std::string& path);

// Failed claims on the list become Known, passing ones Fixed; errors and skips stay.
void apply_known_failures(const KnownFailures& list, ScenarioResult& result);

}  // namespace harness
