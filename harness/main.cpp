// harness: checks claims about containers and data against a real runtime.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "app.hpp"
#include "compare.hpp"
#include "data_dir.hpp"
#include "exit_codes.hpp"
#include "interrupt.hpp"
#include "job_pool.hpp"
#include "mutant_wrapper.hpp"
#include "mutate.hpp"
#include "merge.hpp"

namespace {

// A number of seconds from 0 (or above 0) to a day, refused in words (CLI11's own range
// check prints its upper bound, DBL_MAX, with 309 digits).
CLI::Validator seconds(bool zero_allowed) {
  return CLI::Validator(
      [zero_allowed](std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (!text.empty() && *end == '\0' && (zero_allowed ? value >= 0 : value > 0) && value <= 86400) return "";
        return std::string("must be a number of seconds ") + (zero_allowed ? "from 0" : "above 0") + " to 86400 (a day), not '" +
               text + "'";
      },
      "SECONDS");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace harness;
  if (called_as_wrapper(argv[0])) return run_as_wrapper(argc, argv);  // a mutant's docker, podman, ...: mutate.hpp
  CLI::App app{"Checks claims about containers and data against a real container runtime."};
  app.set_version_flag("--version", HARNESS_VERSION);
  app.require_subcommand(1);
  RunOptions o;
  o.paths = {default_scenarios()};  // ./scenarios in a checkout, else the installed ones
  const auto paths = [&](CLI::App* sub) {
    sub->add_option("paths", o.paths, "scenario files or folders (default: scenarios)");
    sub->add_option("--claim", o.claims, "only these claims: comma-separated IDs, * as a wildcard ('VOL-*,SHR-1')");
    sub->add_option("--tag", o.tag, "only scenarios with one of these tags, comma-separated (seed,extended)");
  };
  auto* run = app.add_subcommand("run", "run the scenarios and report pass/fail per claim");
  paths(run);
  run->add_option("--runtime", o.runtime,
                  "the targets to check, comma-separated: docker, podman, docker@URL|CONTEXT, podman@URL|CONNECTION")
      ->capture_default_str();
  run->add_option("--targets", o.targets_file, "the targets to check, from an XML file (see scenarios/targets.xsd)")
      ->excludes("--runtime")
      ->check(CLI::ExistingFile);
  run->add_option("--shard", o.shard, "only part K of N of the selected scenarios, balanced by their cost (K/N: 2/4)");
  run->add_option("--known-failures", o.known_failures,
                  "claims expected to fail on some targets: reported as known, or as fixed (a failure) when they pass")
      ->check(CLI::ExistingFile);
  run->add_option("--host-dir-root", o.host_dir_root,
                  "where host folders for bind mounts are made: a folder the engine sees at the same path")
      ->capture_default_str()
      ->check(CLI::ExistingDirectory);
  run->add_option("--image", o.image, "image for containers (default: the offline fixture image harness-busybox:1)");
  run->add_option("--junit", o.junit, "where to write the JUnit XML report")->capture_default_str();
  run->add_option("--matrix", o.matrix, "where to write the claims-by-runtime matrix (Markdown)")->capture_default_str();
  run->add_option("--html", o.html, "where to write the HTML report (one self-contained page)")->capture_default_str();
  o.jobs = default_jobs();
  run->add_option("--jobs,-j", o.jobs, "scenarios run side by side (default: the number of cores, from 2 to 8)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 64u));
  run->add_option("--step-timeout", o.step_timeout, "seconds a runtime command may take before it is killed")
      ->capture_default_str()
      ->check(seconds(false));
  run->add_option("--scenario-timeout", o.scenario_timeout, "seconds a scenario may take, all its steps together")
      ->capture_default_str()
      ->check(seconds(false));
  bool verbose = false, quiet = false;
  run->add_flag("--verbose,-v", verbose, "per claim: its text, its source, and every step as a command with a tick or a cross");
  run->add_flag("--quiet,-q", quiet,
                "of the claims, only those that did not pass (the run line, the summary and the reports stay)")
      ->excludes("--verbose");
  run->add_flag("--dry-run", o.dry_run, "print the commands the run would make, without making them");
  MutateOptions m;
  auto* mutate = app.add_subcommand("mutate", "how strong the scenarios are: run them under built-in broken runtimes");
  paths(mutate);
  mutate->add_option("--runtime", o.runtime, "the targets to check (as for run)")->capture_default_str();
  mutate->add_option("--image", o.image, "image for containers (default: the offline fixture image harness-busybox:1)");
  mutate->add_option("--mutant", m.mutants, "only these mutants, comma-separated (default: every one; --list)");
  m.side_by_side = default_jobs() + 1;
  mutate->add_option("--side-by-side", m.side_by_side, "harness runs at once: the baseline and the mutants")
      ->capture_default_str()
      ->check(CLI::Range(1u, 64u));
  mutate->add_option("--jobs,-j", o.jobs, "scenarios side by side in each run")
      ->capture_default_str()
      ->check(CLI::Range(1u, 64u));
  mutate->add_option("--reports", m.reports, "where each run's reports and output go (NAME.txt, .xml, .md, .html)")
      ->capture_default_str();
  bool list_mutants = false;
  mutate->add_flag("--list", list_mutants, "list the mutants and what each breaks, run nothing");
  std::vector<std::string> print_wrapper_args;
  mutate
      ->add_option("--print-wrapper", print_wrapper_args,
                   "NAME DIR: write the wrapper folder of mutant NAME in DIR and print the shell line that puts it first on PATH")
      ->expected(2);
  mutate->footer(
      "Exit codes: 0 every mutant that applies was caught, 1 a mutant was missed, 2 a run faulted (the runtime not\n"
      "reachable, something left behind), 64 bad usage, 65 an invalid scenario file.");
  auto* list = app.add_subcommand("list", "list the scenarios and the claims they check");
  paths(list);
  auto* explain = app.add_subcommand("explain", "print a claim and the commands that check it, without running them");
  std::string explain_claim;
  explain->add_option("claim", explain_claim, "a claim ID, e.g. VOL-2 (or a pattern: 'VOL-*')")->required();
  explain->add_option("paths", o.paths, "scenario files or folders (default: scenarios)");
  explain->add_option("--runtime", o.runtime, "the runtime whose commands to show")->capture_default_str();
  auto* clean = app.add_subcommand("clean", "remove what dead runs left (a harness killed with SIGKILL, a power loss)");
  std::string clean_runtimes = "docker,podman";
  clean->add_option("--runtime", clean_runtimes, "the runtimes to clean")->capture_default_str();
  auto* validate = app.add_subcommand("validate", "check scenario files without running anything");
  validate->add_option("paths", o.paths, "scenario files or folders (default: scenarios)");
  CompareOptions c;
  auto* compare = app.add_subcommand("compare", "what changed between two runs, from their JUnit files");
  compare->add_option("old", c.before, "the JUnit file of the earlier run")->required();
  compare->add_option("new", c.now, "the JUnit file of the later run")->required();
  compare->add_option("--time-threshold", c.thresholds.seconds, "report a claim's time change only above these seconds")
      ->capture_default_str()
      ->check(seconds(true));
  compare->add_option("--time-ratio", c.thresholds.ratio, "... and when one time is more than this times the other")
      ->capture_default_str()
      ->check(CLI::Validator(
          [](std::string& v) { return std::strtod(v.c_str(), nullptr) >= 1 ? "" : "must be 1 or more, not " + v; }, ""));
  compare->footer(
      "Exit codes: 0 nothing started failing, 1 a claim started failing (or is new and failing),\n"
      "64 bad usage, 65 a file is not a readable JUnit file of this harness.");
  MergeOptions mo;
  auto* merge = app.add_subcommand("merge", "join the JUnit files of separate runs (CI jobs, shards) into one set of reports");
  merge->add_option("files", mo.files, "the JUnit files of the runs")->required()->check(CLI::ExistingFile);
  merge->add_option("--junit", mo.junit, "where to write the merged JUnit XML report")->capture_default_str();
  merge->add_option("--matrix", mo.matrix, "where to write the merged matrix (Markdown)")->capture_default_str();
  merge->add_option("--html", mo.html, "where to write the merged HTML report")->capture_default_str();
  merge->footer(
      "Exit codes: as for run (0, 1, 2) for the merged claims; 64 bad usage, 65 a file is not a JUnit file of\n"
      "this harness, repeats a claim of a target that another file has, or is of another suite.");
  app.footer(
      "Exit codes: 0 every claim held, 1 a claim failed, 2 an error kept a claim from being checked,\n"
      "64 bad usage, 65 an invalid scenario file, 130/143 interrupted by SIGINT/SIGTERM (after cleaning up).");
  install_interrupt_handling();  // before any thread: Ctrl-C and SIGTERM clean up and report
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kBadUsage;
  }
  try {
    if (run->parsed()) {
      o.verbosity = verbose ? Verbosity::Verbose : quiet ? Verbosity::Quiet : Verbosity::Normal;
      RealProcessRunner runner;
      return run_run(o, runner, std::cout, std::cerr);
    }
    if (list->parsed()) return run_list(o, std::cout, std::cerr);
    if (mutate->parsed()) {
      if (list_mutants) {
        std::cout << format_mutant_list();
        return kAllHeld;
      }
      if (!print_wrapper_args.empty()) return print_wrapper(print_wrapper_args[0], print_wrapper_args[1], std::cout, std::cerr);
      m.run = o;
      RealProcessRunner runner;
      return run_mutate(m, runner, std::cout, std::cerr);
    }
    if (explain->parsed()) {
      o.claims = explain_claim;
      o.dry_run = true;
      o.jobs = 1;
      RealProcessRunner runner;
      return run_run(o, runner, std::cout, std::cerr);
    }
    if (clean->parsed()) {
      RealProcessRunner runner;
      o.runtime = clean_runtimes;
      return run_clean(o, runner, std::cout, std::cerr);
    }
    if (compare->parsed()) return run_compare(c, std::cout, std::cerr);
    if (merge->parsed()) return run_merge(mo, std::cout, std::cerr);
    return run_validate(o, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "harness: error: " << e.what() << "\n";
    return kHarnessError;
  }
}
