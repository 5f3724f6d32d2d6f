#include "recovery.hpp"

#include <chrono>
#include <ctime>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace harness {
namespace fs = boost::filesystem;

namespace {

const std::chrono::seconds kListTimeout(60);

std::string lock_path(const std::string& run_id) { return runs_dir() + "/" + run_id + ".lock"; }

std::vector<std::string> names_in(const ProcessResult& r, const std::string& prefix) {
  std::vector<std::string> names;
  std::istringstream out(r.out);
  for (std::string name; std::getline(out, name);)
    if (name.rfind(prefix, 0) == 0) names.push_back(name);  // a runtime's filter may match inside a name
  return names;
}

}  // namespace

std::string runs_dir() {
  const char* dir = std::getenv("HARNESS_RUN_DIR");
  return dir && *dir ? dir : "/tmp/harness-runs";
}

RunLock::RunLock(const std::string& run_id) : path_(lock_path(run_id)) {
  boost::system::error_code ec;
  if (fs::create_directories(runs_dir(), ec)) ::chmod(runs_dir().c_str(), 01777);  // shared by every user, like /tmp
  fd_ = ::open(path_.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0)
    throw std::runtime_error("cannot take the run lock " + path_ + " (other harness runs could take this run for dead)");
}

RunLock::~RunLock() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());
  ::close(fd_);
}

bool run_is_alive(const std::string& run_id) {
  const int fd = ::open(lock_path(run_id).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno != ENOENT;  // no lock file: the run ended; unreadable: assume it lives
  const bool alive = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  if (!alive) ::unlink(lock_path(run_id).c_str());
  ::close(fd);
  return alive;
}

std::string run_id_of(const std::string& name) {
  static const std::string head = "harness-";
  if (name.rfind(head, 0) != 0 || name.size() < head.size() + 9 || name[head.size() + 8] != '-') return "";
  const std::string id = name.substr(head.size(), 8);
  return id.find_first_not_of("0123456789abcdef") == std::string::npos ? id : "";
}

Resources list_named(const Cli& cli, ProcessRunner& runner, const std::string& prefix) {
  const auto lists = run_side_by_side(
      runner, {cli.containers_named(prefix), cli.volumes_named(prefix), cli.networks_named(prefix)}, kListTimeout);
  return {names_in(lists[0], prefix), names_in(lists[1], prefix), names_in(lists[2], prefix), {}};
}

Resources remove_resources(const Cli& cli, ProcessRunner& runner, const Resources& what, const std::string& prefix) {
  if (!what.containers.empty()) runner.run(cli.remove_containers(what.containers, true), "", kListTimeout);
  if (!what.volumes.empty()) runner.run(cli.volume_remove(what.volumes), "", kListTimeout);
  if (!what.networks.empty()) runner.run(cli.network_remove(what.networks), "", kListTimeout);
  return list_named(cli, runner, prefix).common(what);
}

Resources clean_dead_runs(const Cli& cli, ProcessRunner& runner, const std::string& except, const std::string& host_tmp,
                          Resources& stuck) {
  return clean_dead_runs(cli, runner, except, host_tmp, stuck, list_named(cli, runner, "harness-"));
}

Resources clean_dead_runs(const Cli& cli, ProcessRunner& runner, const std::string& except, const std::string& host_tmp,
                          Resources& stuck, const Resources& all) {
  const auto dead = [&](const std::string& name) {
    const std::string id = run_id_of(name);
    return !id.empty() && id != except && !run_is_alive(id);
  };
  Resources removed = all.only(dead);
  if (!removed.empty()) {
    stuck = remove_resources(cli, runner, removed, "harness-");
    // A run killed mid-command may have left a request in flight in the engine (a Compose
    // `up` still making its container, which then holds a volume): look again, a few times.
    for (int round = 0; round < 3 && !stuck.empty(); ++round) {
      std::this_thread::sleep_for(std::chrono::seconds(1));
      const Resources left = list_named(cli, runner, "harness-").only(dead);
      removed.add(left);
      stuck = left.empty() ? Resources{} : remove_resources(cli, runner, left, "harness-");
    }
    removed = removed.without(stuck);
  }
  boost::system::error_code ec;
  // A run killed after its cleanup, or before it made anything, leaves only its lock file:
  // run_is_alive removes a dead run's. Not one made in the last minute: a run starting now
  // creates its file, then locks it.
  const std::time_t a_minute_ago = std::time(nullptr) - 60;
  for (const auto& entry : fs::directory_iterator(runs_dir(), ec)) {
    const std::string file = entry.path().filename().string();
    const std::string id = run_id_of("harness-" + file.substr(0, 8) + "-");
    boost::system::error_code age;
    if (!id.empty() && file == id + ".lock" && id != except && fs::last_write_time(entry.path(), age) < a_minute_ago && !age)
      run_is_alive(id);
  }
  if (!host_tmp.empty() && fs::is_directory(host_tmp, ec)) {
    for (const auto& entry : fs::directory_iterator(host_tmp, ec)) {
      const std::string name = entry.path().filename().string();
      if (!dead(name)) continue;
      fs::remove_all(entry.path(), ec);
      (ec ? stuck : removed).host_dirs.push_back(entry.path().string());
    }
  }
  return removed;
}

}  // namespace harness
