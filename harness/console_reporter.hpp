// The console: one line per claim as its scenario finishes, and for a claim that did
// not pass, the step, the command, what was expected and what was found.
#pragma once

#include <ostream>
#include <vector>

#include "results.hpp"

namespace harness {

class ConsoleReporter {
 public:
  ConsoleReporter(std::ostream& out, bool colour) : out_(out), colour_(colour) {}

  void run_started(const std::string& run_id, const std::string& runtime, const std::string& version,
                   const std::string& executable, const std::string& image, std::size_t scenarios);
  void scenario_done(const ScenarioResult& result);
  void left_behind(const ScenarioResult& result, const std::string& what);
  void summary(const std::vector<ScenarioResult>& results, Seconds total);

 private:
  std::string paint(const char* code, const std::string& text) const;
  std::ostream& out_;
  bool colour_;
};

// Colour when the stream is a terminal and NO_COLOR is not set.
bool want_colour(int fd);

}  // namespace harness
