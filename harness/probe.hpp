// Knowing the target before checking it: one `info` call and, beside it, one container find out whether
// a container can start at all, whether the engine is rootless, its storage driver and OCI
// runtime, whether the harness can read the engine's volume files at their Mountpoint (a
// marker written through a volume, looked for on the host), and whether the engine mounts
// the harness's host folders at the same path (a marker the harness wrote, read through a
// bind mount). Nothing is guessed from DOCKER_HOST strings.
//
// Where the dialect asks for it (Dialect::shared_network: Docker, whose every new network
// namespace costs a re-executed dockerd), the probe's container stays running as the run's
// network anchor: it looks through an `exec`, and the run's containers join its network
// namespace (`--network container:NAME`: nothing in it but loopback) instead of each getting
// one of their own. Isolation from the outside is the same. What the run's containers share
// with each other: loopback, and Docker bind-mounts the anchor's /etc/hosts, /etc/hostname
// and /etc/resolv.conf into each (writable). They are all the harness's own; Compose
// projects keep their own networks. Transcripts show `--network none`, what a person
// redoing a step types (the anchor is gone after the run).
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
  // Which of the run's targets it probes: two targets on one engine are probed side by side,
  // so each probe's container, volume and folder have names of their own (harness-<run>-t<K>-probe).
  std::size_t target = 0;
  // The probe's container stays running, as the run's network anchor (see above); it goes
  // with remove_probe, once no container of the run needs it.
  bool keep_running = false;
};

// The probe's two halves, independent of each other, so that a caller can run them side
// by side and beside its own work (the image check):
// - what the engine says about itself: one info call (`cannot_start` says when it fails);
TargetFacts ask_engine(const Cli& cli, ProcessRunner& runner, const std::string& version, const ProbeOptions& options,
                       const std::vector<std::pair<std::string, std::string>>& environment = {});

// - what a container shows: a run with a volume and a bind mount (kept running: the run,
//   then an exec), one volume inspect. It leaves a volume and a host folder (and, kept
//   running, its container), for remove_probe.
struct ContainerLook {
  bool sees_volumes = true, sees_host_dirs = true;
  std::string host_dirs_why, cannot_start;
  std::string volume, folder;  // what the look made
  std::string container;       // the probe's container, left running (keep_running): the network anchor
};
ContainerLook look_through_container(const Cli& cli, ProcessRunner& runner, HostFiles& files, const ProbeOptions& options);
// Removes what the look made (its container first, if it kept one); what could not be
// removed, by kind and name ("container harness-...").
std::vector<std::string> remove_probe(const Cli& cli, ProcessRunner& runner, HostFiles& files, const ContainerLook& look,
                                      std::chrono::milliseconds timeout);

// The facts of both halves; the engine's own failure first.
TargetFacts combine(TargetFacts said, const ContainerLook& look);

// Both halves side by side, then the cleanup. `version` is what the version query
// answered. Everything the probe makes is removed. `environment` is what the target sets
// to reach its engine (it names the endpoint).
TargetFacts probe_target(const Cli& cli, ProcessRunner& runner, HostFiles& files, const std::string& version,
                         const ProbeOptions& options, const std::vector<std::pair<std::string, std::string>>& environment = {});

}  // namespace harness
