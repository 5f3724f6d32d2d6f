// Observes on the engine's own host: a volume's files at the Mountpoint `volume inspect`
// gives, host folders and writable layers read directly (HostFiles), a container's files
// with one `exec` of a small probe.
#pragma once

#include <map>
#include <set>

#include "host_files.hpp"
#include "observer.hpp"
#include "runtime_calls.hpp"

namespace harness {

class HostObserver : public Observer {
 public:
  HostObserver(RuntimeCalls& calls, HostFiles& files) : calls_(calls), files_(files) {}

  Observed in_volume(StepRecord& record, const std::string& volume, const std::string& path) override;
  Observed in_folder(StepRecord& record, const std::string& folder, const std::string& path) override;
  Observed in_container(StepRecord& record, const std::string& container, const std::string& path) override;
  std::string layer_of(StepRecord& record, const std::string& container) override;
  void saw_mountpoint(const std::string& volume, const std::string& mountpoint) override;
  void forget() override { mountpoints_.clear(); }

 private:
  std::string mountpoint(StepRecord& record, const std::string& volume);
  Observed read(StepRecord& record, const std::string& base, const std::string& path);

  RuntimeCalls& calls_;
  HostFiles& files_;
  std::map<std::string, std::string> mountpoints_;  // seen since the last action
  std::set<std::string> layers_;                    // writable layers found: they go with their container
};

// Reads a file in a container: exit 0 and the content on stdout, or exit 3 if it is
// not there. Any other exit is a fault, never taken for "absent". The path is an
// argument of the script, not part of it.
Argv file_probe(const std::string& path);
// The probe's answer; throws StepRefused or StepFault when it could not look.
Observed probe_result(const RuntimeCalls& calls, const ProcessResult& r);

}  // namespace harness
