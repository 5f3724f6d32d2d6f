#include "host_observer.hpp"

#include "step_errors.hpp"
#include "text.hpp"

namespace harness {

namespace {
constexpr int kProbeAbsent = 3;
}

Argv file_probe(const std::string& path) {
  return {"sh", "-c", "test -e \"$1\" || test -L \"$1\" || exit 3; cat -- \"$1\"", "probe", path};
}

Observed probe_result(const RuntimeCalls& calls, const ProcessResult& r) {
  if (!r.ran() || (r.exit_code != 0 && r.exit_code != kProbeAbsent)) {
    const std::string message = "reading the file failed: " + calls.failure(r);
    if (calls.is_fault(r)) throw StepFault{message};
    throw StepRefused{message};
  }
  return {r.exit_code == 0, r.out, 0};
}

Observed HostObserver::in_container(StepRecord& record, const std::string& container, const std::string& path) {
  return probe_result(calls_, calls_.call(record, calls_.cli().exec(container, file_probe(path), false)));
}

Observed HostObserver::in_volume(StepRecord& record, const std::string& volume, const std::string& path) {
  const std::string base = mountpoint(record, volume);
  const std::string full = files_.inside(base, path);
  if (full.empty()) throw StepFault{quote(path) + " leads outside " + base + " (through a symlink): not used"};
  return read(record, base, full);
}

Observed HostObserver::in_folder(StepRecord& record, const std::string& folder, const std::string& path) {
  const std::string full = files_.inside(folder, path);
  if (full.empty()) throw StepFault{quote(path) + " leads outside " + folder + " (through a symlink): not used"};
  return read(record, folder, full);
}

// A container's writable layer on the host, for checks that read it (never removed by
// the harness: it is the runtime's folder).
std::string HostObserver::layer_of(StepRecord& record, const std::string& container) {
  const auto& r = calls_.must(record, calls_.cli().container_inspect(container, calls_.cli().dialect().layer_format));
  const std::string dir = first_line(r.out);
  if (dir.empty() || dir[0] != '/') throw StepRefused{"the runtime shows no writable layer on the host for " + container};
  layers_.insert(dir);
  return dir;
}

void HostObserver::saw_mountpoint(const std::string& volume, const std::string& mountpoint) {
  if (mountpoint.empty())
    mountpoints_.erase(volume);
  else
    mountpoints_[volume] = mountpoint;
}

std::string HostObserver::mountpoint(StepRecord& record, const std::string& volume) {
  const auto known = mountpoints_.find(volume);
  if (known != mountpoints_.end()) return known->second;
  const auto& r = calls_.must(record, calls_.cli().volume_inspect(volume, "{{.Mountpoint}}"));
  const std::string mp = first_line(r.out);
  if (mp.empty() || mp[0] != '/') throw StepFault{"volume " + volume + " has no Mountpoint on the host: " + quote(r.out)};
  return mountpoints_[volume] = mp;
}

// Recorded as the command a person would type to look: `(on the host) cat PATH`. A file is
// absent only where its place can be read: the volume's Mountpoint or the host folder is a
// folder there (a wrong Mountpoint must not pass every absence check). A container's
// writable layer is the exception: it goes with its container (EPH-3).
Observed HostObserver::read(StepRecord& record, const std::string& base, const std::string& path) {
  CommandRecord cmd{{"cat", path}, "", true, {}};
  cmd.result.exit_code = 0;
  const HostEntry e = files_.read(path);
  if (!e.present) {
    cmd.result.exit_code = 1;
    cmd.result.err = "cat: " + path + ": No such file or directory\n";
    if (!layers_.count(base) && !files_.is_folder(base)) {
      record.commands.push_back(cmd);
      throw StepFault{"cannot tell whether " + path + " is there: its place " + base + " is not a folder this host can read"};
    }
  }
  cmd.result.out = e.content;
  record.commands.push_back(cmd);
  return {e.present, e.content, e.uid};
}

}  // namespace harness
