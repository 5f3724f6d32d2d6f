// The console, for a person: one line per claim as its scenario finishes and, for a
// claim that did not pass, the step, the command, what was expected, what was found and
// what that means. --verbose adds, per claim, its text, its source and every step as the
// command a person would type, with a tick or a cross; --quiet keeps only what did not
// pass. On a terminal: colours (not with NO_COLOR) and a progress line.
#pragma once

#include <ostream>
#include <vector>

#include "results.hpp"

namespace harness {

enum class Verbosity { Quiet, Normal, Verbose };

class ConsoleReporter {
 public:
  ConsoleReporter(std::ostream& out, bool colour, Verbosity verbosity = Verbosity::Normal, bool progress = false)
      : out_(out), colour_(colour), verbosity_(verbosity), progress_(progress) {}

  void run_started(const std::string& run_id, const std::string& target, const std::string& executable,
                   const std::string& endpoint, const std::string& image, std::size_t scenarios);
  void scenario_done(const ScenarioResult& result);
  // --dry-run / explain: the claims and the commands, no verdicts.
  void plan(const ScenarioResult& result);
  void progress(std::size_t done, std::size_t total, const std::string& running);
  void left_behind(const ScenarioResult& result, const std::string& what);
  void summary(const std::vector<ScenarioResult>& results, Seconds total);

 private:
  std::string paint(const char* code, const std::string& text) const;
  void clear_progress();
  void claim_details(const ScenarioResult& r, const ClaimResult& c);
  std::ostream& out_;
  bool colour_;
  Verbosity verbosity_;
  bool progress_;
  bool progress_shown_ = false;
  bool planning_ = false;
};

// Colour when the stream is a terminal and NO_COLOR is not set.
bool want_colour(int fd);

}  // namespace harness
