// What running a scenario produced: a transcript of steps and their commands, a verdict
// per claim, and what could not be cleaned up. Reporters read these; nothing else does.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "process_runner.hpp"
#include "scenario.hpp"
#include "target_facts.hpp"

namespace harness {

struct CommandRecord {
  Argv argv;
  std::string input;     // what was fed on stdin
  bool on_host = false;  // read by the harness itself on the host, not a runtime call
  ProcessResult result;
};

enum class Outcome {
  Done,    // an action that worked
  Held,    // a check that found what its claim says
  Broken,  // a check that found something else: the claim failed
  Fault,   // a command failed, timed out or could not start: nothing was checked
  NotRun,  // not reached because of an earlier fault
};

// What kind of difference a check found (Broken), for the words the reporters make.
enum class Mismatch {
  None,
  Missing,     // a file, volume or container the claim says is there is not
  StillThere,  // one the claim says is gone is there
  Content,     // a file is there with other content
  Owner,       // a file belongs to another user on the host
  Described,   // a volume is described otherwise (listing, driver, Mountpoint)
  Refused,     // the runtime refused a step of the claim's flow
  Allowed,     // the runtime allowed what the claim says it refuses (or its CLI refused the command itself)
  State,       // a container is running where the claim says stopped, or the other way
  ExitCode,    // another exit code
  Output,      // the command worked but printed something else
};

struct StepRecord {
  StepKind kind = StepKind::Run;
  int line = 0;
  std::string element;
  std::string claim;
  std::vector<std::string> serves;  // the selected claims whose flow it is in (claim_flows.hpp)
  std::string summary;              // what the step does, in words, with runtime names
  std::vector<CommandRecord> commands;
  Outcome outcome = Outcome::NotRun;
  Mismatch mismatch = Mismatch::None;  // with Broken
  std::string expected;                // checks: what the claim says ...
  std::string actual;                  // ... and what was found
  std::string message;                 // faults: what went wrong
  Seconds duration{0};
};

// Skipped: the check cannot be made on this target at all (the reason says why); never a
// claim's failure, never an error. Known: failed, as a known-failures list says it does on
// this target (not a failure of the run); Fixed: on that list, but it passed (a failure).
enum class Verdict { Pass, Fail, Error, Skipped, Known, Fixed };

struct ClaimResult {
  Claim claim;
  Verdict verdict = Verdict::Error;
  Seconds duration{0};
  int deciding_step = -1;                // index of the step that failed it or faulted, -1 if none
  std::vector<std::string> differences;  // notes of the checks particular to this runtime
  std::string message;                   // why, when no step decided it (deciding_step -1)
  std::string known;                     // Known, Fixed: the known-failures entry, in words
};

struct ScenarioResult {
  Scenario scenario;
  std::string runtime;          // "docker"
  std::string runtime_version;  // "20.10.24+dfsg1"
  TargetFacts target;           // what the probe found (empty in a dry run)
  std::string timestamp;        // UTC start, ISO 8601 with Z
  std::vector<StepRecord> steps;
  std::vector<ClaimResult> claims;     // only the claims selected for this run
  std::vector<std::string> leftovers;  // resources that could not be removed
  std::vector<CommandRecord> cleanup;  // the cleanup commands, for the transcript
  std::string error;                   // a fault outside any step (the run could not start)
  int stopped_at = -1;                 // the step that stopped the scenario early, if any
  Seconds duration{0};
};

// What every report says about the run as a whole.
struct RunInfo {
  std::string hostname;
  std::string run_id;
  std::string image;
  std::string timestamp;  // UTC, ISO 8601: when the reports were written
};

// How the claims of results came out (leftovers are not claims: callers add them as they report).
struct Tally {
  int passed = 0, failed = 0, errors = 0, skipped = 0, known = 0, fixed = 0;
  int claims() const { return passed + failed + errors + skipped + known + fixed; }
  Tally& operator+=(const Tally& t) {
    passed += t.passed;
    failed += t.failed;
    errors += t.errors;
    skipped += t.skipped;
    known += t.known;
    fixed += t.fixed;
    return *this;
  }
};

inline Tally tally(const ScenarioResult& r) {
  Tally t;
  for (const auto& c : r.claims) {
    t.passed += c.verdict == Verdict::Pass;
    t.failed += c.verdict == Verdict::Fail;
    t.errors += c.verdict == Verdict::Error;
    t.skipped += c.verdict == Verdict::Skipped;
    t.known += c.verdict == Verdict::Known;
    t.fixed += c.verdict == Verdict::Fixed;
  }
  return t;
}

const char* verdict_name(Verdict v);
const char* outcome_name(Outcome o);

inline std::ostream& operator<<(std::ostream& out, Verdict v) { return out << verdict_name(v); }
inline std::ostream& operator<<(std::ostream& out, Outcome o) { return out << outcome_name(o); }
inline std::ostream& operator<<(std::ostream& out, Mismatch m) { return out << static_cast<int>(m); }

}  // namespace harness
