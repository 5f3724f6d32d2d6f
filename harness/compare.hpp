// `harness compare OLD.xml NEW.xml`: what changed between two runs, read from their JUnit
// files. Parsing, diffing and formatting are pure functions on values; run_compare reads
// the files and prints.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace harness {

enum class Status { Pass, Fail, Error, Skipped };  // skipped: not checked on that target, never a pass

// One testcase of a JUnit file: a claim on a runtime (or a scenario file's "cleanup").
struct CaseResult {
  std::string runtime;  // the suite's runtime property, or its name up to the first '.'
  std::string id;       // the first word of the testcase name; "cleanup:STEM" for leftovers
  Status status = Status::Pass;
  double seconds = 0;
  std::string message;  // of the <failure> or <error>
};

// A runtime that a file's run checked, as its suites' properties say.
struct RuntimeInfo {
  std::string runtime, version;
};

struct RunReport {
  std::string file;
  std::string run_id;                 // the first suite's run.id property
  std::vector<RuntimeInfo> runtimes;  // in file order, once each
  std::vector<CaseResult> cases;      // in file order
};

// The report, or an error "file:line: message" when the text is not a JUnit file of this harness.
struct ParsedReport {
  RunReport report;
  std::string error;
};

ParsedReport parse_report(const std::string& file, const std::string& text);
ParsedReport read_report(const std::string& path);

enum class Change { StartedFailing, StartedPassing, New, Disappeared, Slower, Faster };

// One line of the comparison. For New only `now` is meaningful, for Disappeared only `before`.
struct ChangeItem {
  Change change;
  CaseResult before, now;
};

struct Thresholds {
  double seconds = 1.0;  // a timing change is reported when it is more than this...
  double ratio = 1.5;    // ...and one time is more than `ratio` times the other
};

struct Comparison {
  std::vector<ChangeItem> items;  // by change, then runtime and claim ID
  int still_passing = 0;          // claims passing in both runs
  int still_failing = 0;          // claims failing or in error in both runs
};

Comparison compare_reports(const RunReport& before, const RunReport& now, const Thresholds& thresholds);

// kClaimFailed when a claim started failing or is new and not passing, else kAllHeld.
int compare_exit_code(const Comparison& comparison);

std::string format_comparison(const RunReport& before, const RunReport& now, const Comparison& comparison);

struct CompareOptions {
  std::string before, now;  // the files
  Thresholds thresholds;
};

// Reads both files, prints the comparison; a bad file is one line on `err` and kBadJUnit.
int run_compare(const CompareOptions& options, std::ostream& out, std::ostream& err);

}  // namespace harness
