// The two ways a step can stop short, thrown by the code that runs it and caught by the
// scenario's step loop.
#pragma once

#include <string>

namespace harness {

// The runtime answered and refused a step of a claim's flow (a write into a mount that is
// not there): that claim fails.
struct StepRefused {
  std::string message;
};

// Nothing could be checked: a command timed out or could not start, the engine could not
// be reached, the harness could not look. The claims that needed the step are errors.
struct StepFault {
  std::string message;
};

}  // namespace harness
