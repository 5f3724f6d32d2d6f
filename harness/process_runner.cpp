#include "process_runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/readable_pipe.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/writable_pipe.hpp>
#include <boost/asio/write.hpp>
#include <boost/process/v2/process.hpp>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <future>
#include <mutex>
#include <set>
#include <sstream>

namespace harness {
namespace asio = boost::asio;
namespace bp = boost::process::v2;

namespace {

// Starts a program with posix_spawn (glibc: a vfork-style clone whose child allocates
// nothing, so it is safe while other threads run, and copies no page tables, which kept
// the harness's own CPU time small). The child gets a process group of its own, so that a
// timeout kills its children too (a compose tool, a wrapper script), the default signal
// mask and dispositions (the harness blocks SIGINT/SIGTERM and ignores SIGPIPE; both
// survive exec), and the three pipes as its stdin, stdout and stderr.
struct Spawned {
  pid_t pid = -1;
  int in = -1, out = -1, err = -1;  // the harness's ends
  std::string error;
};

Spawned spawn(const std::string& exe, const Argv& argv) {
  Spawned s;
  int in[2], out[2], err[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0) {
    s.error = std::string("cannot make pipes: ") + std::strerror(errno);
    return s;
  }
  posix_spawn_file_actions_t actions;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  ::posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  ::posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
  posix_spawnattr_t attr;
  ::posix_spawnattr_init(&attr);
  ::posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  ::posix_spawnattr_setpgroup(&attr, 0);
  sigset_t none, defaults;
  ::sigemptyset(&none);
  ::posix_spawnattr_setsigmask(&attr, &none);
  ::sigemptyset(&defaults);
  for (int signo : {SIGPIPE, SIGINT, SIGTERM}) ::sigaddset(&defaults, signo);
  ::posix_spawnattr_setsigdefault(&attr, &defaults);

  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const int rc = ::posix_spawn(&s.pid, exe.c_str(), &actions, &attr, args.data(), environ);
  ::posix_spawn_file_actions_destroy(&actions);
  ::posix_spawnattr_destroy(&attr);
  for (int fd : {in[0], out[1], err[1]}) ::close(fd);
  if (rc != 0) {
    s.error = exe + ": " + std::strerror(rc);
    for (int fd : {in[1], out[0], err[0]}) ::close(fd);
    s.pid = -1;
    return s;
  }
  s.in = in[1];
  s.out = out[0];
  s.err = err[0];
  return s;
}

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

std::vector<ProcessResult> run_side_by_side(ProcessRunner& runner, const std::vector<Argv>& argvs,
                                            std::chrono::milliseconds timeout) {
  std::vector<std::future<ProcessResult>> started;
  for (std::size_t i = 1; i < argvs.size(); ++i)
    started.push_back(
        std::async(std::launch::async, [&runner, &argvs, i, timeout] { return runner.run(argvs[i], "", timeout); }));
  std::vector<ProcessResult> results;
  if (!argvs.empty()) results.push_back(runner.run(argvs[0], "", timeout));
  for (auto& f : started) results.push_back(f.get());
  return results;
}

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

ProcessResult RealProcessRunner::run(const Argv& argv, const std::string& input, std::chrono::milliseconds timeout) {
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
  const Spawned child = spawn(exe, argv);
  if (child.pid < 0) {
    result.spawn_error = child.error;
    return result;
  }
  asio::writable_pipe in(ctx, child.in);
  asio::readable_pipe out(ctx, child.out), err(ctx, child.err);
  bp::process proc(ctx.get_executor(), child.pid);
  const pid_t pid = child.pid;
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

bool shows_prompt(const std::string& screen) {
  std::string shown;  // the screen without its escape sequences (ESC [ parameters letter)
  for (std::size_t i = 0; i < screen.size(); ++i) {
    if (screen[i] != '\x1b') {
      shown += screen[i];
      continue;
    }
    if (i + 1 < screen.size() && screen[i + 1] == '[') {
      i += 2;
      while (i < screen.size() && !std::isalpha(static_cast<unsigned char>(screen[i]))) ++i;
    }
  }
  const auto ends = [&](const char* p) { return shown.size() >= 2 && shown.compare(shown.size() - 2, 2, p) == 0; };
  return ends("# ") || ends("$ ");
}

namespace {

// A pseudo-terminal's master, the harness's end of it; the child opens the slave by name.
struct Terminal {
  int master = -1;
  std::string slave;
  std::string error;
};

Terminal open_terminal() {
  Terminal t;
  t.master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  char name[128];
  if (t.master < 0 || ::grantpt(t.master) != 0 || ::unlockpt(t.master) != 0 || ::ptsname_r(t.master, name, sizeof name) != 0) {
    t.error = std::string("cannot open a pseudo-terminal: ") + std::strerror(errno);
    if (t.master >= 0) ::close(t.master);
    t.master = -1;
    return t;
  }
  t.slave = name;
  const winsize size{24, 80, 0, 0};  // a person's terminal
  ::ioctl(t.master, TIOCSWINSZ, &size);
  return t;
}

// The child in a session of its own (so the slave, opened without O_NOCTTY, becomes its
// controlling terminal, and its process group is its pid), with the slave as its stdin,
// stdout and stderr, and the default signal mask and dispositions (see spawn()).
pid_t spawn_on_terminal(const std::string& exe, const Argv& argv, const std::string& slave, std::string& error) {
  posix_spawn_file_actions_t actions;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, slave.c_str(), O_RDWR, 0);
  ::posix_spawn_file_actions_adddup2(&actions, STDIN_FILENO, STDOUT_FILENO);
  ::posix_spawn_file_actions_adddup2(&actions, STDIN_FILENO, STDERR_FILENO);
  posix_spawnattr_t attr;
  ::posix_spawnattr_init(&attr);
  ::posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  sigset_t none, defaults;
  ::sigemptyset(&none);
  ::posix_spawnattr_setsigmask(&attr, &none);
  ::sigemptyset(&defaults);
  for (int signo : {SIGPIPE, SIGINT, SIGTERM, SIGHUP}) ::sigaddset(&defaults, signo);
  ::posix_spawnattr_setsigdefault(&attr, &defaults);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, exe.c_str(), &actions, &attr, args.data(), environ);
  ::posix_spawn_file_actions_destroy(&actions);
  ::posix_spawnattr_destroy(&attr);
  if (rc != 0) error = exe + ": " + std::strerror(rc);
  return rc == 0 ? pid : -1;
}

int exit_code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

}  // namespace

ProcessResult RealProcessRunner::run_in_terminal(const Argv& argv, const std::vector<std::string>& typed,
                                                 std::chrono::milliseconds timeout) {
  using Clock = std::chrono::steady_clock;
  ProcessResult result;
  const auto start = Clock::now();
  const std::string exe = argv.empty() ? "" : find_on_path(argv[0]);
  if (exe.empty()) {
    result.spawn_error = argv.empty() ? "empty command" : argv[0] + ": not found on PATH";
    return result;
  }
  Terminal terminal = open_terminal();
  if (terminal.master < 0) {
    result.spawn_error = terminal.error;
    return result;
  }
  const pid_t pid = spawn_on_terminal(exe, argv, terminal.slave, result.spawn_error);
  if (pid < 0) {
    ::close(terminal.master);
    return result;
  }
  const Running registered(pid);

  // Read what the terminal shows; type the next line at each prompt; once the program has
  // exited, what it wrote is read until the terminal closes (the slave's last holder gone),
  // for at most a short drain window (a process it left may hold the slave).
  std::size_t next = 0;
  std::string since_typed;
  bool exited = false, closed = false;
  int status = 0;
  Clock::time_point exited_at;
  while (true) {
    if (!exited && ::waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      exited_at = Clock::now();
    }
    const auto now = Clock::now();
    if (exited && (closed || now - exited_at > std::chrono::milliseconds(200))) break;
    if (!exited && now - start >= timeout) {
      result.timed_out = true;
      if (next < typed.size()) result.note = "no prompt for typed line " + std::to_string(next + 1) + " in time";
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
    pollfd fd{terminal.master, POLLIN, 0};
    if (!closed && ::poll(&fd, 1, 50) > 0) {
      char buffer[4096];
      const ssize_t n = ::read(terminal.master, buffer, sizeof buffer);
      if (n > 0) {
        result.out.append(buffer, static_cast<std::size_t>(n));
        since_typed.append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        closed = true;  // EIO: nobody holds the slave any more
      }
    } else if (closed) {
      ::usleep(20000);  // waiting for the exit alone
    }
    if (!closed && next < typed.size() && shows_prompt(since_typed)) {
      const std::string line = typed[next++] + "\n";
      if (::write(terminal.master, line.data(), line.size()) != static_cast<ssize_t>(line.size())) closed = true;
      since_typed.clear();
    }
  }
  ::close(terminal.master);
  if (!result.timed_out) result.exit_code = exit_code_of(status);
  result.duration = Clock::now() - start;
  return result;
}

}  // namespace harness
