// A broken runtime made of this program: a folder of symlinks to the harness binary named
// like the CLIs (docker, podman, docker-compose, podman-compose), first on PATH, and the
// variable HARNESS_MUTANT naming a mutant (mutants.hpp). Called by such a name, main()
// hands over to run_as_wrapper: the mutant's plan for the call (mutant_plan.hpp) is
// carried out with the real CLI, the first one on PATH that is not this program.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "mutant_plan.hpp"
#include "process_runner.hpp"

namespace harness {

constexpr const char* kMutantVariable = "HARNESS_MUTANT";
// A file the wrapper appends each call it changed to (one line: the CLI and its arguments),
// when set: what `harness mutate` reads to tell a mutant that changed no call when it ran.
constexpr const char* kMutantCallsVariable = "HARNESS_MUTANT_CALLS";

// Whether this program was called as a wrapper: by one of the CLIs' names, HARNESS_MUTANT set.
bool called_as_wrapper(const char* argv0);

// Carries out the mutant's plan for this call; returns the exit code (or does not return
// at all: a call the mutant leaves alone is exec'ed as it is).
int run_as_wrapper(int argc, char** argv);

// Asks the CLI it is given (`image inspect`) for an image's VOLUMEs, each image once; the
// runner must outlive it.
ImageVolumeLookup image_volume_lookup(ProcessRunner& runner);

// Makes `dir` (if needed) with a symlink to this program for each CLI on PATH that a mutant
// can wrap; returns their names, or throws std::runtime_error.
std::vector<std::string> write_wrapper_folder(const std::string& dir);

}  // namespace harness
