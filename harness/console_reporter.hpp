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

  void scenario_done(const ScenarioResult& result);
  void summary(const std::vector<ScenarioResult>& results, Seconds total);

 private:
  std::string paint(const char* code, const std::string& text) const;
  std::ostream& out_;
  bool colour_;
};

// Colour when the stream is a terminal and NO_COLOR is not set.
bool want_colour(int fd);

}  // namespace harness
