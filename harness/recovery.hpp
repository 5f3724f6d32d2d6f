// Finding and removing what runs left behind. Every name a run gives starts with
// harness-<run id>-, and a live run holds a lock on a file named after its id, so
// another harness can tell a dead run's leftovers (SIGKILL, power loss) from a live
// run's resources: two runs on one host never clean each other.
#pragma once

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "cli_dialect.hpp"
#include "process_runner.hpp"

namespace harness {

// Held from the start of a run to its end (an flock, so the kernel drops it when the
// process dies, however it dies).
class RunLock {
 public:
  explicit RunLock(const std::string& run_id);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  int fd_ = -1;
  std::string path_;
};

// Where the locks are: $HARNESS_RUN_DIR, else /tmp/harness-runs.
std::string runs_dir();
bool run_is_alive(const std::string& run_id);

struct Resources {
  std::vector<std::string> containers, volumes, networks, host_dirs;
  bool empty() const { return containers.empty() && volumes.empty() && networks.empty() && host_dirs.empty(); }
  // The lists, for a loop over every kind (runtime_kinds: those the runtime holds).
  std::vector<const std::vector<std::string>*> runtime_kinds() const { return {&containers, &volumes, &networks}; }
  std::vector<const std::vector<std::string>*> all_kinds() const { return {&containers, &volumes, &networks, &host_dirs}; }
  bool contains(const std::string& name) const {
    for (const auto* names : all_kinds())
      if (std::find(names->begin(), names->end(), name) != names->end()) return true;
    return false;
  }
  // The runtime's names for which keep(name) holds (host folders are left out).
  template <typename Keep>
  Resources only(Keep keep) const {
    const auto kept = [&](const std::vector<std::string>& names) {
      std::vector<std::string> out;
      std::copy_if(names.begin(), names.end(), std::back_inserter(out), keep);
      return out;
    };
    return {kept(containers), kept(volumes), kept(networks), {}};
  }
  // Kind by kind: the names `other` holds too, and those it does not.
  Resources common(const Resources& other) const { return pick(other, true); }
  Resources without(const Resources& other) const { return pick(other, false); }
  // Adds the names of `other` this does not hold yet.
  void add(const Resources& other) {
    for (auto [to, from] : {std::pair{&containers, &other.containers}, std::pair{&volumes, &other.volumes},
                            std::pair{&networks, &other.networks}, std::pair{&host_dirs, &other.host_dirs}})
      for (const auto& n : *from)
        if (std::find(to->begin(), to->end(), n) == to->end()) to->push_back(n);
  }

 private:
  Resources pick(const Resources& other, bool in_other) const {
    const auto kept = [in_other](const std::vector<std::string>& names, const std::vector<std::string>& theirs) {
      std::vector<std::string> out;
      for (const auto& n : names)
        if ((std::find(theirs.begin(), theirs.end(), n) != theirs.end()) == in_other) out.push_back(n);
      return out;
    };
    return {kept(containers, other.containers), kept(volumes, other.volumes), kept(networks, other.networks),
            kept(host_dirs, other.host_dirs)};
  }
};

// What the runtime has whose name starts with `prefix` (3 calls: containers, volumes, networks).
Resources list_named(const Cli& cli, ProcessRunner& runner, const std::string& prefix);

// Removes them (containers first, with their anonymous volumes); returns what is still
// there afterwards.
Resources remove_resources(const Cli& cli, ProcessRunner& runner, const Resources& what, const std::string& prefix);

// The run id in a name like harness-1a2b3c4d-0-data, or "".
std::string run_id_of(const std::string& name);

// Removes everything of dead runs (every run but live ones and `except`) from this
// runtime, and their host folders in `host_tmp` when that is not empty. Returns what
// was removed; `stuck` gets what could not be.
Resources clean_dead_runs(const Cli& cli, ProcessRunner& runner, const std::string& except, const std::string& host_tmp,
                          Resources& stuck);
// The same, from a listing of every harness- name already made (the end-of-run sweep's).
Resources clean_dead_runs(const Cli& cli, ProcessRunner& runner, const std::string& except, const std::string& host_tmp,
                          Resources& stuck, const Resources& all);

}  // namespace harness
