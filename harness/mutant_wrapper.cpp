#include "mutant_wrapper.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "host_files.hpp"
#include "mutant_plan.hpp"
#include "mutants.hpp"
#include "process_runner.hpp"
#include "text.hpp"

namespace harness {

namespace fs = boost::filesystem;

namespace {

std::string self_path() {
  boost::system::error_code ec;
  const fs::path self = fs::canonical("/proc/self/exe", ec);
  return ec ? "" : self.string();
}

bool is_self(const fs::path& candidate, const std::string& self) {
  boost::system::error_code ec;
  const fs::path resolved = fs::canonical(candidate, ec);
  return !ec && resolved.string() == self;
}

// PATH without the folders where `name` is this program: the real CLIs' PATH.
std::string real_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  const std::string self = self_path();
  std::stringstream dirs(path ? path : "/usr/local/bin:/usr/bin:/bin");
  std::vector<std::string> kept;
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (!is_self(fs::path(dir.empty() ? "." : dir) / name, self)) kept.push_back(dir);
  return join(kept, ":");
}

std::string base_name(const char* argv0) {
  const std::string s = argv0 ? argv0 : "";
  return s.substr(s.rfind('/') + 1);
}

// The caller's call itself: stdin, stdout and stderr are the wrapper's; returns its exit code.
int run_attached(const std::string& exe, const Argv& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  if (const int rc = ::posix_spawn(&pid, exe.c_str(), nullptr, nullptr, args.data(), environ); rc != 0) {
    std::cerr << exe << ": " << std::strerror(rc) << "\n";
    return 127;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Empties a host folder, keeping the folder itself ("" when done, else why not).
std::string empty_folder(const std::string& path) {
  boost::system::error_code ec;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) fs::remove_all(it->path(), ec);
  return ec ? ec.message() : "";
}

}  // namespace

bool called_as_wrapper(const char* argv0) {
  const char* mutant = std::getenv(kMutantVariable);
  if (!mutant || !*mutant) return false;
  const auto names = wrapped_cli_names();
  return std::find(names.begin(), names.end(), base_name(argv0)) != names.end();
}

int run_as_wrapper(int argc, char** argv) {
  const std::string cli = base_name(argv[0]);
  const std::string mutant_name = std::getenv(kMutantVariable);
  const Mutant* mutant = find_mutant(mutant_name);
  if (!mutant) {
    std::cerr << cli << " (harness mutant wrapper): no mutant '" << mutant_name << "' (harness mutate --list)\n";
    return 125;
  }
  // The real CLI, and what it and its children see: no wrapper on PATH, no mutant.
  const std::string path = real_path(cli);
  ::setenv("PATH", path.c_str(), 1);
  ::unsetenv(kMutantVariable);
  const std::string exe = find_on_path(cli);
  if (exe.empty()) {
    std::cerr << cli << " (harness mutant wrapper): no real " << cli << " on PATH\n";
    return 127;
  }
  const Argv args(argv + 1, argv + argc);
  RealHostFiles files;
  RealProcessRunner runner;
  const ImageVolumeLookup lookup = image_volume_lookup(runner);
  const MutantPlan plan =
      plan_call(*mutant, cli, args, files, [&](const std::string&, const std::string& image) { return lookup(exe, image); });
  if (const char* calls = std::getenv(kMutantCallsVariable); calls && *calls && plan.changes(args))
    std::ofstream(calls, std::ios::app) << cli + " " + join(args, " ") + "\n";
  if (!plan.applies) {
    ::execv(exe.c_str(), argv);
    std::cerr << exe << ": " << std::strerror(errno) << "\n";
    return 127;
  }
  bool main_done = false;
  int code = plan.exit_code;
  for (const auto& action : plan.actions) {
    std::string failed;
    switch (action.kind) {
      case MutantAction::Kind::Main: {
        Argv full = {exe};
        full.insert(full.end(), action.args.begin(), action.args.end());
        code = run_attached(exe, full);
        main_done = true;
        continue;
      }
      case MutantAction::Kind::Call: {
        Argv full = {exe};
        full.insert(full.end(), action.args.begin(), action.args.end());
        const ProcessResult r = runner.run(full, "", std::chrono::minutes(10));
        if (!r.ok()) failed = r.err.empty() ? r.spawn_error + (r.timed_out ? "timed out" : "") : r.err;
        if (!r.ok() && !main_done) code = r.exit_code > 0 ? r.exit_code : 125;
        break;
      }
      case MutantAction::Kind::EmptyFolder: failed = empty_folder(action.path); break;
      case MutantAction::Kind::WriteFile: try { files.write(action.path, action.text);
        } catch (const std::exception& e) {
          failed = e.what();
        }
        break;
    }
    if (!failed.empty() && !main_done) {  // the call cannot be made as the mutant would: say why, as the CLI would
      std::cerr << failed << (failed.back() == '\n' ? "" : "\n");
      for (const auto& undo : plan.undo) {  // and leave nothing of it
        Argv full = {exe};
        full.insert(full.end(), undo.begin(), undo.end());
        runner.run(full, "", std::chrono::minutes(1));
      }
      return code ? code : 125;
    }
  }
  std::cout << plan.print << std::flush;
  std::cerr << plan.error << std::flush;
  return code;
}

ImageVolumeLookup image_volume_lookup(ProcessRunner& runner) {
  auto known = std::make_shared<std::map<std::pair<std::string, std::string>, std::optional<std::vector<std::string>>>>();
  return [&runner, known](const std::string& cli, const std::string& image) {
    const auto key = std::make_pair(cli, image);
    if (const auto it = known->find(key); it != known->end()) return it->second;
    const ProcessResult r =
        runner.run({cli, "image", "inspect", "--format", kImageVolumesFormat, image}, "", std::chrono::minutes(1));
    return (*known)[key] = r.ok() ? std::optional<std::vector<std::string>>(image_volume_paths(r.out)) : std::nullopt;
  };
}

std::vector<std::string> write_wrapper_folder(const std::string& dir) {
  const std::string self = self_path();
  if (self.empty()) throw std::runtime_error("cannot tell where this program is (/proc/self/exe)");
  boost::system::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error(dir + ": " + ec.message());
  std::vector<std::string> made;
  for (const auto& name : wrapped_cli_names()) {
    const std::string real = find_on_path(name);
    if (real.empty() || is_self(real, self)) continue;  // no such CLI here: none in the folder either
    const fs::path link = fs::path(dir) / name;
    fs::remove(link, ec);
    fs::create_symlink(self, link, ec);
    if (ec) throw std::runtime_error(link.string() + ": " + ec.message());
    made.push_back(name);
  }
  return made;
}

}  // namespace harness
