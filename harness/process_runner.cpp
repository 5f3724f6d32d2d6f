#include "process_runner.hpp"

#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/readable_pipe.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/writable_pipe.hpp>
#include <boost/asio/write.hpp>
#include <boost/process/v2/posix/vfork_launcher.hpp>
#include <boost/process/v2/process.hpp>
#include <boost/process/v2/stdio.hpp>
#include <cstdlib>
#include <mutex>
#include <set>
#include <sstream>

namespace harness {
namespace asio = boost::asio;
namespace bp = boost::process::v2;

namespace {

// Puts the child in a process group of its own so that a timeout kills its children too
// (a compose tool, a wrapper script), and gives it the default signal mask (the harness
// blocks SIGINT and SIGTERM in its threads; a mask survives exec).
struct NewProcessGroup {
  bp::error_code on_exec_setup(bp::posix::default_launcher&, const bp::filesystem::path&,
                               const char* const*) {
    ::setpgid(0, 0);
    sigset_t all;
    ::sigfillset(&all);
    ::sigprocmask(SIG_UNBLOCK, &all, nullptr);
    return {};
  }
};

// The process groups of the commands running now, for kill_running_processes().
std::mutex running_mutex;
std::set<pid_t> running;

struct Running {
  explicit Running(pid_t pid) : pid(pid) {
    std::lock_guard<std::mutex> lock(running_mutex);
    running.insert(pid);
  }
  ~Running() {
    std::lock_guard<std::mutex> lock(running_mutex);
    running.erase(pid);
  }
  pid_t pid;
};

bool is_executable_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

void kill_running_processes() {
  std::lock_guard<std::mutex> lock(running_mutex);
  for (const pid_t pid : running) ::kill(-pid, SIGKILL);
}

std::string find_on_path(const std::string& name) {
  if (name.find('/') != std::string::npos) return is_executable_file(name) ? name : "";
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/local/bin:/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (is_executable_file(candidate)) return candidate;
  }
  return "";
}

ProcessResult RealProcessRunner::run(const Argv& argv, const std::string& input,
                                     std::chrono::milliseconds timeout) {
  ProcessResult result;
  const auto start = std::chrono::steady_clock::now();
  const std::string exe = argv.empty() ? "" : find_on_path(argv[0]);
  if (exe.empty()) {
    result.spawn_error = argv.empty() ? "empty command" : argv[0] + ": not found on PATH";
    return result;
  }

  static const bool sigpipe_ignored = (::signal(SIGPIPE, SIG_IGN), true);  // a child may not read stdin
  (void)sigpipe_ignored;

  asio::io_context ctx;
  asio::writable_pipe in(ctx);
  asio::readable_pipe out(ctx), err(ctx);
  bp::process proc(ctx);
  try {
    // vfork, not fork: the child does not copy the harness's page tables, which was most
    // of the harness's own CPU time (system time) over a run of a few hundred commands.
    proc = bp::posix::vfork_launcher()(ctx, exe, std::vector<std::string>(argv.begin() + 1, argv.end()),
                                       bp::process_stdio{in, out, err}, NewProcessGroup{});
  } catch (const std::exception& e) {
    result.spawn_error = argv[0] + ": " + e.what();
    return result;
  }
  const pid_t pid = proc.id();
  const Running registered(pid);

  // Done when the process exited and both of its pipes reached end of file. The timer
  // kills the process group when the process takes too long. Once the process has exited,
  // everything it wrote is in the pipes: a process it left behind may hold them open
  // (podman's conmon does), so they get a short drain window and are then closed.
  asio::steady_timer timer(ctx, timeout);
  asio::steady_timer drain(ctx);
  bool exited = false;
  int pending = 3;
  auto one_done = [&] {
    if (--pending > 0) return;
    timer.cancel();
    drain.cancel();
  };
  timer.async_wait([&](bp::error_code e) {
    if (e) return;
    if (!exited) result.timed_out = true;
    ::kill(-pid, SIGKILL);
    bp::error_code ignored;
    out.close(ignored);
    err.close(ignored);
  });
  asio::async_write(in, asio::buffer(input), [&](bp::error_code, std::size_t) {
    bp::error_code ignored;
    in.close(ignored);
  });
  asio::async_read(out, asio::dynamic_buffer(result.out), [&](bp::error_code, std::size_t) { one_done(); });
  asio::async_read(err, asio::dynamic_buffer(result.err), [&](bp::error_code, std::size_t) { one_done(); });
  proc.async_wait([&](bp::error_code e, int code) {
    exited = true;
    result.exit_code = e ? -1 : code;
    one_done();
    if (pending == 0) return;
    drain.expires_after(std::chrono::milliseconds(200));
    drain.async_wait([&](bp::error_code cancelled) {
      if (cancelled) return;
      bp::error_code ignored;
      out.close(ignored);
      err.close(ignored);
    });
  });
  ctx.run();
  result.duration = std::chrono::steady_clock::now() - start;
  return result;
}

}  // namespace harness
