// The built-in broken runtimes of `harness mutate` ("mutants"): each is one row of a table,
// saying which calls of which CLI it rewrites and how. The rewriting itself is
// mutant_plan.hpp (pure: argv in, plan out); the wrapper that carries a plan out is
// mutant_wrapper.hpp.
#pragma once

#include <string>
#include <vector>

namespace harness {

// Which CLI a mutant's calls go to.
enum class MutantTool {
  Runtime,  // docker, podman
  Compose,  // docker-compose, podman-compose, `docker compose`
};

// How a mutant rewrites a call it applies to.
enum class Rewrite {
  DropMounts,        // drops the --mount/--volume/-v options that `mounts` selects
  DropArgs,          // drops the arguments equal to one of `args`
  AddArgs,           // adds `args` after the verb
  ReplaceVerb,       // runs `args` (a verb and its options) in place of the verb and its options; operands kept
  Pretend,           // makes no call: prints the call's operands (`args` {"operands"}), else `args` one a line; exit 0
  Refuse,            // makes no call: prints args[0] on stderr, exits 125 (the CLI refusing the command)
  RequireVolumes,    // a --volume NAME:PATH whose volume is missing fails (no creation on first use)
  CopyBinds,         // create, copy each writable bind's host folder in, start; a one-shot run copies it back
  SnapshotVolumes,   // a detached container gets its own copy of each named volume, taken when it starts
  TmpfsOverVolumes,  // compose: an override file mounts a tmpfs over each service's named volume
  ImageVolumes,      // when the image declares VOLUMEs: adds `args` after the verb, once per path ("{path}" in them) or once
  OwnExternal,       // compose: an override file declares each external volume the project's own, same name (up makes it)
  StripProjectName,  // compose without -p: -p the project folder's name lowercased, all but [a-z0-9] dropped
};

// Which mounts DropMounts drops.
enum class MountMatch { Any, ReadOnly, Chown };  // Chown: Podman's :U, U=true

struct Mutant {
  std::string name;
  std::string description;  // one line: what this runtime does wrong
  MutantTool tool;
  std::vector<std::string> verbs;        // the calls it applies to: "run", "volume create", "down"
  std::vector<std::string> only_with;    // ... when every one of these arguments is there
  std::vector<std::string> unless_with;  // ... and none of these
  Rewrite rewrite;
  std::vector<std::string> args;  // what the rewrite drops, adds or prints
  MountMatch mounts = MountMatch::Any;
  std::string aims_at;  // the claims it is meant to break (documentation: the runs say what it does break)
  // Only the calls of these CLIs (by the name called: "docker-compose", "docker" for its
  // compose plugin); empty: every CLI of its tool. A tool without the rewrite's verb, or
  // that already behaves so, is left alone.
  std::vector<std::string> clis = {};
};

// Every mutant, in the order `harness mutate` runs and prints them.
const std::vector<Mutant>& mutants();
const Mutant* find_mutant(const std::string& name);

// The CLI names a wrapper folder holds (the dialects' CLIs and Compose tools).
std::vector<std::string> wrapped_cli_names();

}  // namespace harness
