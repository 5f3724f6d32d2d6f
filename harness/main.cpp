// harness: checks claims about containers and data against a real runtime.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>

#include "app.hpp"
#include "compare.hpp"
#include "data_dir.hpp"
#include "exit_codes.hpp"
#include "i18n.hpp"
#include "interrupt.hpp"
#include "job_pool.hpp"
#include "terminal_text.hpp"
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
        return zero_allowed ? harness::tr("must be a number of seconds from 0 to 86400 (a day), not '{1}'", {text})
                            : harness::tr("must be a number of seconds above 0 to 86400 (a day), not '{1}'", {text});
      },
      "SECONDS");
}

// The value of --lang (--lang fr, --lang=fr) anywhere on the command line, or "": read
// before the options are declared, so that their help is in that language too.
std::string lang_argument(int argc, char** argv) {
  std::string value;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) break;
    if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) value = argv[i + 1];
    if (std::strncmp(argv[i], "--lang=", 7) == 0) value = argv[i] + 7;
  }
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace harness;
  if (called_as_wrapper(argv[0])) return run_as_wrapper(argc, argv);  // a mutant's docker, podman, ...: mutate.hpp
  const std::string lang = lang_argument(argc, argv);
  const std::optional<Language> language = lang.empty() ? language_from_environment() : language_named(lang);
  if (!language) {
    std::cerr << "--lang: fr or en, not '" << lang << "'\n";
    return kBadUsage;
  }
  set_language(*language);
  // accented text as the terminal can show it (files and pipes get UTF-8)
  std::optional<CharsetFilter> out_filter, err_filter;
  const Charset charset = terminal_charset();
  if (charset != Charset::Utf8 && ::isatty(STDOUT_FILENO)) out_filter.emplace(std::cout, charset);
  if (charset != Charset::Utf8 && ::isatty(STDERR_FILENO)) err_filter.emplace(std::cerr, charset);

  CLI::App app{tr("Checks claims about containers and data against a real container runtime.")};
  app.set_version_flag("--version", HARNESS_VERSION);
  app.require_subcommand(1);
  app.fallthrough();        // --lang after the subcommand too
  std::string lang_option;  // read above, before the options were declared: here for --help and for CLI11
  app.add_option("--lang", lang_option,
                 tr("the language of what the harness prints: fr or en (default: from LC_ALL, LC_MESSAGES, LANG)"))
      ->type_name("fr|en");
  RunOptions o;
  o.paths = {default_scenarios()};  // ./scenarios in a checkout, else the installed ones
  const auto paths = [&](CLI::App* sub) {
    sub->add_option("paths", o.paths, tr("scenario files or folders (default: scenarios)"));
    sub->add_option("--claim", o.claims, tr("only these claims: comma-separated IDs, * as a wildcard ('VOL-*,SHR-1')"));
    sub->add_option("--tag", o.tag, tr("only scenarios with one of these tags, comma-separated (seed,extended)"));
  };
  auto* run = app.add_subcommand("run", tr("run the scenarios and report pass/fail per claim"));
  paths(run);
  run->add_option("--runtime", o.runtime,
                  tr("the targets to check, comma-separated: docker, podman, docker@URL|CONTEXT, podman@URL|CONNECTION"))
      ->capture_default_str();
  // (a missing --targets, --known-failures or merge file is the harness's own error, in the
  // user's language, as a missing scenario path is (harness/path_check.hpp): not CLI11's
  // ExistingFile, in English)
  run->add_option("--targets", o.targets_file, tr("the targets to check, from an XML file (see scenarios/targets.xsd)"))
      ->excludes("--runtime");
  run->add_option("--shard", o.shard, tr("only part K of N of the selected scenarios, balanced by their cost (K/N: 2/4)"));
  run->add_option("--known-failures", o.known_failures,
                  tr("claims expected to fail on some targets: reported as known, or as fixed (a failure) when they pass"));
  run->add_option("--host-dir-root", o.host_dir_root,
                  tr("where host folders for bind mounts are made: a folder the engine sees at the same path"))
      ->capture_default_str()
      ->check(CLI::ExistingDirectory);
  run->add_option("--image", o.image, tr("image for containers (default: the offline fixture image harness-busybox:1)"));
  run->add_option("--junit", o.junit, tr("where to write the JUnit XML report"))->capture_default_str();
  run->add_option("--matrix", o.matrix, tr("where to write the claims-by-runtime matrix (Markdown)"))->capture_default_str();
  run->add_option("--html", o.html, tr("where to write the HTML report (one self-contained page)"))->capture_default_str();
  o.jobs = default_jobs();
  run->add_option("--jobs,-j", o.jobs, tr("scenarios run side by side (default: the number of cores, from 2 to 8)"))
      ->capture_default_str()
      ->check(CLI::Range(1u, 64u));
  run->add_option("--step-timeout", o.step_timeout, tr("seconds a runtime command may take before it is killed"))
      ->capture_default_str()
      ->check(seconds(false));
  run->add_option("--scenario-timeout", o.scenario_timeout, tr("seconds a scenario may take, all its steps together"))
      ->capture_default_str()
      ->check(seconds(false));
  bool verbose = false, quiet = false;
  run->add_flag("--verbose,-v", verbose,
                tr("per claim: its text, its source, and every step as a command with a tick or a cross"));
  run->add_flag("--quiet,-q", quiet,
                tr("of the claims, only those that did not pass (the run line, the summary and the reports stay)"))
      ->excludes("--verbose");
  run->add_flag("--dry-run", o.dry_run, tr("print the commands the run would make, without making them"));
  MutateOptions m;
  auto* mutate = app.add_subcommand("mutate", tr("how strong the scenarios are: run them under built-in broken runtimes"));
  paths(mutate);
  mutate->add_option("--runtime", o.runtime, tr("the targets to check (as for run)"))->capture_default_str();
  mutate->add_option("--image", o.image, tr("image for containers (default: the offline fixture image harness-busybox:1)"));
  mutate->add_option("--mutant", m.mutants, tr("only these mutants, comma-separated (default: every one; --list)"));
  m.side_by_side = default_jobs() + 1;
  mutate->add_option("--side-by-side", m.side_by_side, tr("harness runs at once: the baseline and the mutants"))
      ->capture_default_str()
      ->check(CLI::Range(1u, 64u));
  mutate->add_option("--jobs,-j", o.jobs, tr("scenarios side by side in each run"))
      ->capture_default_str()
      ->check(CLI::Range(1u, 64u));
  mutate->add_option("--reports", m.reports, tr("where each run's reports and output go (NAME.txt, .xml, .md, .html)"))
      ->capture_default_str();
  bool list_mutants = false;
  mutate->add_flag("--list", list_mutants, tr("list the mutants and what each breaks, run nothing"));
  std::vector<std::string> print_wrapper_args;
  mutate
      ->add_option(
          "--print-wrapper", print_wrapper_args,
          tr("NAME DIR: write the wrapper folder of mutant NAME in DIR and print the shell line that puts it first on PATH"))
      ->expected(2);
  mutate->footer(
      tr("Exit codes: 0 every mutant that applies was caught, 1 a mutant was missed, 2 a run faulted (the runtime not\n"
         "reachable, something left behind), 64 bad usage, 65 an invalid scenario file."));
  auto* list = app.add_subcommand("list", tr("list the scenarios and the claims they check"));
  paths(list);
  auto* explain = app.add_subcommand("explain", tr("print a claim and the commands that check it, without running them"));
  std::string explain_claim;
  explain->add_option("claim", explain_claim, tr("a claim ID, e.g. VOL-2 (or a pattern: 'VOL-*')"))->required();
  explain->add_option("paths", o.paths, tr("scenario files or folders (default: scenarios)"));
  explain->add_option("--runtime", o.runtime, tr("the runtime whose commands to show"))->capture_default_str();
  auto* clean = app.add_subcommand("clean", tr("remove what dead runs left (a harness killed with SIGKILL, a power loss)"));
  std::string clean_runtimes = "docker,podman";
  clean->add_option("--runtime", clean_runtimes, tr("the runtimes to clean"))->capture_default_str();
  auto* validate = app.add_subcommand("validate", tr("check scenario files without running anything"));
  validate->add_option("paths", o.paths, tr("scenario files or folders (default: scenarios)"));
  CompareOptions c;
  auto* compare = app.add_subcommand("compare", tr("what changed between two runs, from their JUnit files"));
  compare->add_option("old", c.before, tr("the JUnit file of the earlier run"))->required();
  compare->add_option("new", c.now, tr("the JUnit file of the later run"))->required();
  compare->add_option("--time-threshold", c.thresholds.seconds, tr("report a claim's time change only above these seconds"))
      ->capture_default_str()
      ->check(seconds(true));
  compare->add_option("--time-ratio", c.thresholds.ratio, tr("... and when one time is more than this times the other"))
      ->capture_default_str()
      ->check(CLI::Validator(
          [](std::string& v) { return std::strtod(v.c_str(), nullptr) >= 1 ? "" : tr("must be 1 or more, not {1}", {v}); }, ""));
  compare->footer(
      tr("Exit codes: 0 nothing started failing, 1 a claim started failing (or is new and failing),\n"
         "64 bad usage, 65 a file is not a readable JUnit file of this harness."));
  MergeOptions mo;
  auto* merge =
      app.add_subcommand("merge", tr("join the JUnit files of separate runs (CI jobs, shards) into one set of reports"));
  merge->add_option("files", mo.files, tr("the JUnit files of the runs"))->required();
  merge->add_option("--junit", mo.junit, tr("where to write the merged JUnit XML report"))->capture_default_str();
  merge->add_option("--matrix", mo.matrix, tr("where to write the merged matrix (Markdown)"))->capture_default_str();
  merge->add_option("--html", mo.html, tr("where to write the merged HTML report"))->capture_default_str();
  merge->footer(
      tr("Exit codes: as for run (0, 1, 2) for the merged claims; 64 bad usage, 65 a file is not a JUnit file of\n"
         "this harness, repeats a claim of a target that another file has, or is of another suite."));
  app.footer(
      tr("Exit codes: 0 every claim held, 1 a claim failed, 2 an error kept a claim from being checked,\n"
         "64 bad usage, 65 an invalid scenario file, 130/143 interrupted by SIGINT/SIGTERM (after cleaning up)."));
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
    std::cerr << "harness: " << tr("error: {1}", {e.what()}) << "\n";
    return kHarnessError;
  }
}
