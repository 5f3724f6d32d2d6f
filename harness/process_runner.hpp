// The seam between the harness and the operating system: run one program from an argv
// vector (never through a shell), feed it stdin, collect its output, and kill it with its
// children when it runs past its time.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace harness {

using Argv = std::vector<std::string>;
using Seconds = std::chrono::duration<double>;

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  Seconds duration{0};
  bool timed_out = false;
  std::string spawn_error;  // non-empty when the program could not be started at all
  std::string note;         // why the harness killed it, when it did

  bool ok() const { return spawn_error.empty() && !timed_out && exit_code == 0; }
  bool ran() const { return spawn_error.empty() && !timed_out; }
};

class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  // argv[0] is an absolute path or a name looked up on PATH at the time of the call.
  virtual ProcessResult run(const Argv& argv, const std::string& input, std::chrono::milliseconds timeout) = 0;
  // The same as a person at a terminal runs it (`run -it ... sh`): a pseudo-terminal is the
  // program's stdin, stdout and stderr (and its controlling terminal); each of `typed` is
  // typed, with a newline, once the terminal shows a shell's prompt (shows_prompt). `out` is
  // what the terminal showed: the output, the prompts and the echo of what was typed, with
  // the terminal's \r\n; `err` stays empty. The program is killed with its process group at
  // `timeout` (a prompt that never comes) and always reaped.
  virtual ProcessResult run_in_terminal(const Argv& argv, const std::vector<std::string>& typed,
                                        std::chrono::milliseconds timeout) = 0;
};

// Whether a terminal's output since the last typed line ends with a shell's prompt ("# " or
// "$ "), the terminal escape sequences the shell adds after it (busybox asks for the cursor
// position, ESC [ 6 n) aside.
bool shows_prompt(const std::string& screen);

// Spawns real processes with Boost.Process v2 and waits with Asio; safe to call from
// several threads at once (each call has its own io_context).
class RealProcessRunner : public ProcessRunner {
 public:
  ProcessResult run(const Argv& argv, const std::string& input, std::chrono::milliseconds timeout) override;
  ProcessResult run_in_terminal(const Argv& argv, const std::vector<std::string>& typed,
                                std::chrono::milliseconds timeout) override;
};

// Runs independent commands at the same time, so that their waits overlap; the results
// are in the order of `argvs`.
std::vector<ProcessResult> run_side_by_side(ProcessRunner& runner, const std::vector<Argv>& argvs,
                                            std::chrono::milliseconds timeout);

// Kills every command running now (with its process group), as on Ctrl-C: the steps
// waiting on them end at once. Commands started afterwards (cleanup) run normally.
// Safe to call from any thread, not from a signal handler.
void kill_running_processes();

// Looks a program name up on PATH; returns an empty string when it is not found.
std::string find_on_path(const std::string& name);

}  // namespace harness
