// A ProcessRunner for unit tests: records every argv it is given and answers from a
// script of canned results (matched by a word of the command), never spawning anything.
// Safe to call from several threads (the harness runs some commands side by side); calls
// made side by side are recorded in the order they happen to start.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "process_runner.hpp"

namespace harness {

class FakeProcessRunner : public ProcessRunner {
 public:
  struct Call {
    Argv argv;
    std::string input;      // on stdin; for a terminal session, the typed lines, each with its newline
    bool terminal = false;  // run_in_terminal
  };
  using Answer = std::function<ProcessResult(const Argv&, const std::string& input)>;

  // The answer to every call: exit 0 and no output, unless `answer` says otherwise.
  explicit FakeProcessRunner(Answer answer = {}) : answer_(std::move(answer)) {}

  ProcessResult run(const Argv& argv, const std::string& input, std::chrono::milliseconds) override {
    std::lock_guard<std::mutex> lock(mutex_);  // calls (and answers) one at a time
    calls.push_back({argv, input});
    if (answer_) return answer_(argv, input);
    ProcessResult r;
    r.exit_code = 0;
    return r;
  }

  // A terminal session is recorded and answered like a call (its input: the typed lines).
  ProcessResult run_in_terminal(const Argv& argv, const std::vector<std::string>& typed,
                                std::chrono::milliseconds timeout) override {
    std::string input;
    for (const auto& line : typed) input += line + "\n";
    const ProcessResult r = run(argv, input, timeout);
    std::lock_guard<std::mutex> lock(mutex_);
    calls.back().terminal = true;
    return r;
  }

  // The calls as lines, argv joined by spaces: easy to compare whole.
  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (const auto& c : calls) {
      std::string line;
      for (const auto& a : c.argv) line += (line.empty() ? "" : " ") + a;
      out.push_back(line);
    }
    return out;
  }

  std::vector<Call> calls;

 private:
  Answer answer_;
  std::mutex mutex_;
};

inline ProcessResult exited(int code, std::string out = "", std::string err = "") {
  ProcessResult r;
  r.exit_code = code;
  r.out = std::move(out);
  r.err = std::move(err);
  return r;
}

}  // namespace harness
