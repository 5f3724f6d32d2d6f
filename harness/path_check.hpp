// The files and folders a command line names are there, before anything runs: else one line
// `harness: PATH: no such file or folder` (in the user's language) and bad usage (64).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace harness {

// kAllHeld (0) when every path exists, else kBadUsage after the message about the first
// that does not. A lone "scenarios" that is not there gets a hint (the default path).
int check_paths(const std::vector<std::string>& paths, std::ostream& err);

}  // namespace harness
