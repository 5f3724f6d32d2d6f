#pragma once

namespace harness {

// What the harness's exit code says (documented in the README).
enum ExitCode : int {
  kAllHeld = 0,       // every claim checked held
  kClaimFailed = 1,   // at least one claim failed
  kHarnessError = 2,  // an error kept a claim from being checked (runtime down, timeout, leftovers)
  kBadUsage = 64,     // the command line is wrong (sysexits EX_USAGE)
  kBadScenario = 65,  // a scenario file is invalid; nothing ran (sysexits EX_DATAERR)
  kBadJUnit = 65,     // compare: a file is not a readable JUnit file of this harness (EX_DATAERR)
};

}  // namespace harness
