// One exec for several container-side steps next to each other in a flow: checks that read
// files in the same container, and at most one write (its content on stdin), all as the
// same user. Each step's own command (sh -c SCRIPT NAME PATH) runs in turn inside one
// `sh -c`, and after it a marker line with its exit code and what it said on stderr; each
// step then takes its part as its answer, exactly as its own exec would have answered.
// The container's filesystem is not touched beyond what the steps themselves do.
#pragma once

#include <string>
#include <vector>

#include "process_runner.hpp"

namespace harness {

struct ExecPart {
  Argv command;              // {"sh", "-c", SCRIPT, NAME, PATH}: what the step alone would exec
  bool reads_stdin = false;  // the write: the exec's input is its content
};

// The command the shared exec runs in the container; `marker` must not occur in any
// step's output (the run id and a count make it so).
Argv shared_command(const std::vector<ExecPart>& parts, const std::string& marker);

// Each part's answer, and how many parts the output reached (they come first). A part it
// does not reach gets the whole exec's answer: when the exec failed, timed out or the
// container went away, that is what its own exec would have answered. When the exec ran to
// its end (exit 0) and the output still stops early, the output was lost on its way (seen
// with podman-remote): the caller runs those parts alone instead.
struct SplitAnswer {
  std::vector<ProcessResult> parts;
  std::size_t answered = 0;
};
SplitAnswer split_answer(const ProcessResult& whole, std::size_t parts, const std::string& marker);

}  // namespace harness
