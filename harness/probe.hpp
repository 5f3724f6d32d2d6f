// Knowing the target before checking it: one `info` call and one container find out whether
// a container can start at all, whether the engine is rootless, its storage driver and OCI
// runtime, whether the harness can read the engine's volume files at their Mountpoint (a
// marker written through a volume, looked for on the host), and whether the engine mounts
// the harness's host folders at the same path (a marker the harness wrote, read through a
// bind mount). Nothing is guessed from DOCKER_HOST strings.
#pragma once

#include "cli_dialect.hpp"
#include "host_files.hpp"
#include "process_runner.hpp"
#include "target_facts.hpp"

namespace harness {

struct ProbeOptions {
  std::string image;
  std::string run_id;             // names and labels what the probe makes, like every step
  std::string host_tmp = "/tmp";  // where the harness makes host folders
  std::chrono::milliseconds timeout{60000};
};

// `version` is what the version query answered. Everything the probe makes is removed.
// `environment` is what the target sets to reach its engine (it names the endpoint).
TargetFacts probe_target(const Cli& cli, ProcessRunner& runner, HostFiles& files, const std::string& version,
                         const ProbeOptions& options, const std::vector<std::pair<std::string, std::string>>& environment = {});

}  // namespace harness
