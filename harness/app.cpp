#include "app.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <boost/filesystem.hpp>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include "claim_filter.hpp"
#include "cli_dialect.hpp"
#include "console_reporter.hpp"
#include "dry_run.hpp"
#include "engine.hpp"
#include "exit_codes.hpp"
#include "fixture_image.hpp"
#include "html_report.hpp"
#include "i18n.hpp"
#include "interrupt.hpp"
#include "job_pool.hpp"
#include "probe.hpp"
#include "junit_writer.hpp"
#include "matrix_writer.hpp"
#include "recovery.hpp"
#include "scenario_loader.hpp"
#include "step_kinds.hpp"
#include "target.hpp"
#include "text.hpp"

namespace harness {

namespace {

std::string new_run_id() {
  std::random_device rd;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08x", rd());
  return buf;
}

std::string host_name() {
  char buf[256] = {};
  ::gethostname(buf, sizeof buf - 1);
  return buf;
}

// A path that is not there is a usage error (64), not an invalid scenario (65).
int check_paths(const std::vector<std::string>& paths, std::ostream& err) {
  for (const auto& path : paths) {
    boost::system::error_code ec;
    if (boost::filesystem::exists(path, ec)) continue;
    err << "harness: " << path << ": " << tr("no such file or folder")
        << (paths.size() == 1 && path == "scenarios" ? tr(" (run the harness from its source folder, or name the scenario files)")
                                                     : "")
        << "\n";
    return kBadUsage;
  }
  return kAllHeld;
}

// Loads the files and keeps the scenarios the tag and claim filters select.
// Returns kAllHeld, or the exit code to stop with (the message is already printed).
int select_scenarios(const RunOptions& o, std::vector<Scenario>& selected, std::ostream& err) {
  if (const int code = check_paths(o.paths, err)) return code;
  auto loaded = load_scenarios(o.paths);
  for (const auto& e : loaded.errors) err << e << "\n";
  if (!loaded.errors.empty()) return kBadScenario;
  const ClaimFilter filter(o.claims);
  const std::vector<std::string> tags = split_commas(o.tag);  // any one of them
  for (auto& sc : loaded.scenarios) {
    const bool tagged = tags.empty() || std::any_of(tags.begin(), tags.end(), [&](const std::string& t) {
                          return std::find(sc.tags.begin(), sc.tags.end(), t) != sc.tags.end();
                        });
    const bool claimed = std::any_of(sc.claims.begin(), sc.claims.end(), [&](const Claim& c) { return filter.matches(c.id); });
    if (tagged && claimed) selected.push_back(std::move(sc));
  }
  if (selected.empty()) {
    err << "harness: "
        << tr("no scenario in {1} matches{2}",
              {o.paths.front() + (o.paths.size() > 1 ? " ..." : ""),
               (o.tag.empty() ? "" : " --tag " + o.tag) + (o.claims.empty() ? "" : " --claim '" + o.claims + "'")})
        << "\n";
    return kBadUsage;
  }
  return kAllHeld;
}

// Every selected claim as an error, for a run that could not start.
std::vector<ScenarioResult> all_in_error(const std::vector<Scenario>& scenarios, const ClaimFilter& filter,
                                         const std::string& runtime, const std::string& why, bool said_above = false) {
  std::vector<ScenarioResult> results;
  for (const auto& sc : scenarios) {
    ScenarioResult r;
    r.scenario = sc;
    r.runtime = runtime;
    r.error = why;
    r.timestamp = utc_timestamp();
    for (const auto& c : sc.claims)
      if (filter.matches(c.id))
        r.claims.push_back({c,
                            Verdict::Error,
                            Seconds{0},
                            -1,
                            {},
                            said_above ? tr("not checked: {1} could not be used (see above)", {runtime}) : ""});
    results.push_back(r);
  }
  return results;
}

int exit_code_of(const std::vector<ScenarioResult>& results) {
  Tally t;
  bool faults = false;
  for (const auto& r : results) {
    t += tally(r);
    faults = faults || !r.leftovers.empty() || !r.error.empty();
  }
  return faults || t.errors ? kHarnessError : t.failed ? kClaimFailed : kAllHeld;
}

}  // namespace

namespace {

struct RunContext {
  const RunOptions& options;
  const std::vector<Scenario>& scenarios;
  const ClaimFilter& filter;
  EngineOptions engine;  // image, run id, timeout; the runtime version is set per runtime
  ProcessRunner& runner;
  ConsoleReporter& console;
  std::ostream& err;
};

// "1 container(s), 2 volume(s), 0 network(s), 1 host folder(s)"
std::string resource_counts(const Resources& r) {
  return tr("{1} container(s), {2} volume(s), {3} network(s), {4} host folder(s)",
            {std::to_string(r.containers.size()), std::to_string(r.volumes.size()), std::to_string(r.networks.size()),
             std::to_string(r.host_dirs.size())});
}

// Says what leftovers of dead runs (a harness killed with SIGKILL, a power loss) were removed.
void report_dead_runs(const std::string& runtime, const Resources& removed, std::ostream& err) {
  if (removed.empty()) return;
  std::set<std::string> runs;
  for (const auto* names : removed.all_kinds())
    for (const auto& n : *names) runs.insert(run_id_of(boost::filesystem::path(n).filename().string()));
  std::string ids;
  for (const auto& id : runs) ids += (ids.empty() ? "" : ", ") + id;
  err << "harness: " << tr("removed what dead run(s) {1} left on {2}: {3}", {ids, runtime, resource_counts(removed)}) << "\n";
}

// A target made ready for a run: its CLI found, its engine answering, the image there.
struct ReadyRuntime {
  Target target;
  std::unique_ptr<ProcessRunner> runner;  // the run's runner, in the target's environment
  std::unique_ptr<ProcessRunner> steps;   // what the steps use: that runner, or a dry run of it
  std::unique_ptr<Engine> engine;         // null when the target cannot be used ...
  std::string unusable;                   // ... and this says why
};

// The runtime's CLI, found on PATH, with its engine answering: its version, or why not.
struct Reached {
  std::string exe;
  std::string version;
  std::string why_not;  // "" when reached
};

Reached reach(const Dialect& dialect, ProcessRunner& runner) {
  const std::string exe = find_on_path(dialect.binary);
  if (exe.empty())
    return {"", "", tr("{1} is not on PATH: install it (for {2} on Debian: see .ci/setup)", {dialect.binary, dialect.name})};
  const auto version = runner.run(Cli(dialect, exe).version(), "", std::chrono::seconds(30));
  if (!version.ok()) {
    std::string said = version.timed_out ? tr("no answer in 30 s") : printable(version.err + version.spawn_error);
    while (!said.empty() && said.back() == '\n') said.pop_back();
    return {exe, "",
            tr("cannot talk to the {1} engine through {2}: {3} (is the daemon running? for docker: start dockerd, check "
               "/var/run/docker.sock or DOCKER_HOST)",
               {dialect.name, exe, said})};
  }
  return {exe, version.out.substr(0, version.out.find('\n')), ""};
}

ReadyRuntime prepare(const Target& target, RunContext& run) {
  const Dialect& dialect = *target.dialect;
  ReadyRuntime ready{target, std::make_unique<EnvironmentRunner>(run.runner, target.environment(), target.cleared()), nullptr,
                     nullptr, ""};
  ProcessRunner& runner = *ready.runner;
  const Reached reached = reach(dialect, runner);
  if (!reached.why_not.empty()) {
    ready.unusable = reached.why_not;
    return ready;
  }
  const std::string& exe = reached.exe;
  Cli cli(dialect, exe);
  EngineOptions eo = run.engine;
  eo.runtime_version = reached.version;
  eo.target_name = target.name();
  // the image check (a build on first use) and the dead runs' cleanup do not depend on
  // each other: side by side. A dry run changes nothing.
  std::future<std::string> image;
  if (!run.options.dry_run) image = std::async(std::launch::async, [&] { return ensure_image(cli, runner, eo.image); });
  if (!run.options.dry_run) {
    Resources stuck;
    report_dead_runs(target.name(), clean_dead_runs(cli, runner, eo.run_id, eo.host_tmp, stuck), run.err);
    for (const auto* names : stuck.all_kinds())
      for (const auto& n : *names)
        run.err << "harness: " << tr("a dead run left {1} and it could not be removed", {printable(n)}) << "\n";
  }
  ready.unusable = image.valid() ? image.get() : "";
  if (!ready.unusable.empty()) return ready;
  if (!run.options.dry_run) {
    RealHostFiles files;
    eo.facts = probe_target(cli, runner, files, eo.runtime_version, {eo.image, eo.run_id, eo.host_tmp, eo.step_timeout},
                            target.environment());
    if (!eo.facts.cannot_start.empty()) {
      ready.unusable = tr("{1} answers ({2}) but {3}", {target.name(), eo.facts.endpoint, eo.facts.cannot_start});
      return ready;
    }
  }
  run.console.run_started(eo.run_id, eo.facts.version.empty() ? dialect.name + " " + eo.runtime_version : eo.facts.header(), exe,
                          eo.facts.endpoint, eo.image, run.scenarios.size());
  if (run.options.dry_run) ready.steps = std::make_unique<DryRunRunner>(runner);
  ready.engine = std::make_unique<Engine>(cli, run.options.dry_run ? *ready.steps : runner, eo);
  return ready;
}

// Prints results in their order whatever order they finish in: result i is printed
// once it and every result before it are done.
class OrderedPrinter {
 public:
  OrderedPrinter(ConsoleReporter& console, const std::vector<ScenarioResult>& results, std::size_t first, bool plan)
      : console_(console), results_(results), done_(results.size(), false), next_(first) {
    print_ = [this, plan](const ScenarioResult& r) { plan ? console_.plan(r) : console_.scenario_done(r); };
    for (std::size_t i = 0; i < first; ++i) done_[i] = true;
  }
  void done(std::size_t index) {
    std::lock_guard<std::mutex> lock(mutex_);
    done_[index] = true;
    ++finished_;
    for (; next_ < results_.size() && done_[next_]; ++next_) print_(results_[next_]);
    if (next_ < results_.size()) console_.progress(finished_, results_.size(), last_started_);
  }
  void started(const std::string& what) {
    std::lock_guard<std::mutex> lock(mutex_);
    last_started_ = what;
    console_.progress(finished_, results_.size(), what);
  }

 private:
  ConsoleReporter& console_;
  const std::vector<ScenarioResult>& results_;
  std::vector<bool> done_;
  std::size_t next_;
  std::size_t finished_ = 0;
  std::string last_started_;
  std::function<void(const ScenarioResult&)> print_;
  std::mutex mutex_;
};

// Runs every scenario on every usable runtime, `jobs` at a time, then sweeps each
// runtime for what its scenarios left. Results are in runtime order, then file order.
std::vector<ScenarioResult> run_all(const std::vector<Target>& targets, RunContext& run) {
  std::vector<ScenarioResult> results;
  std::vector<ReadyRuntime> ready;
  for (const Target& target : targets) {
    ready.push_back(prepare(target, run));
    if (ready.back().engine) continue;
    run.err << "harness: " << ready.back().unusable << "\n";
    for (auto& r : all_in_error(run.scenarios, run.filter, target.name(), ready.back().unusable, true))
      results.push_back(std::move(r));
  }
  const std::size_t first = results.size();
  struct Job {
    Engine* engine;
    std::size_t scenario;
  };
  std::vector<Job> jobs;
  for (auto& r : ready)
    for (std::size_t i = 0; r.engine && i < run.scenarios.size(); ++i) jobs.push_back({r.engine.get(), i});
  results.resize(first + jobs.size());
  // The longest scenarios start first, so that none is left to run alone at the end;
  // reports keep file order.
  std::vector<std::size_t> order(jobs.size());
  for (std::size_t j = 0; j < order.size(); ++j) order[j] = j;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return estimated_cost(run.scenarios[jobs[a].scenario]) > estimated_cost(run.scenarios[jobs[b].scenario]);
  });

  OrderedPrinter printer(run.console, results, first, run.options.dry_run);
  parallel_for(jobs.size(), run.options.jobs, [&](std::size_t k) {
    const std::size_t j = order[k];
    printer.started(tr("{1} on {2}", {run.scenarios[jobs[j].scenario].file, jobs[j].engine->options().target_name}));
    try {
      results[first + j] = jobs[j].engine->run(run.scenarios[jobs[j].scenario], static_cast<int>(jobs[j].scenario), run.filter);
    } catch (const std::exception& e) {  // never expected: the engine turns faults into results; the sweep still cleans up
      results[first + j] = all_in_error({run.scenarios[jobs[j].scenario]}, run.filter, jobs[j].engine->options().target_name,
                                        tr("harness error: {1}", {e.what()}))[0];
    }
    printer.done(first + j);
  });

  std::size_t offset = first;
  for (auto& r : ready) {
    if (!r.engine || run.options.dry_run) continue;
    for (auto& [index, names] : r.engine->sweep()) {
      if (index < 0 || index >= static_cast<int>(run.scenarios.size())) continue;
      ScenarioResult& result = results[offset + index];
      result.leftovers.insert(result.leftovers.end(), names.begin(), names.end());
      for (const auto& name : names) run.console.left_behind(result, name);
    }
    offset += run.scenarios.size();
  }
  return results;
}

}  // namespace

int run_run(const RunOptions& o, ProcessRunner& runner, std::ostream& out, std::ostream& err) {
  std::vector<Target> targets;
  for (const auto& spec : split_commas(o.runtime)) {
    const ParsedTarget parsed = parse_target(spec);
    if (!parsed.error.empty()) {
      err << "harness: " << parsed.error << "\n";
      return kBadUsage;
    }
    targets.push_back(parsed.target);
  }
  if (targets.empty()) {
    err << "harness: " << tr("--runtime names no runtime") << "\n";
    return kBadUsage;
  }
  std::vector<Scenario> scenarios;
  if (const int code = select_scenarios(o, scenarios, err)) return code;

  const auto start = std::chrono::steady_clock::now();
  const ClaimFilter filter(o.claims);
  const bool terminal = ::isatty(STDOUT_FILENO);
  ConsoleReporter console(out, want_colour(STDOUT_FILENO), o.verbosity, terminal);
  RunContext run{o, scenarios, filter, {}, runner, console, err};
  run.engine.image = o.image.empty() ? kFixtureImage : o.image;
  run.engine.host_tmp = o.host_dir_root;
  run.engine.run_id = new_run_id();
  const RunLock lock(run.engine.run_id);  // while it is held, no other harness takes this run for dead
  run.engine.step_timeout = std::chrono::milliseconds(static_cast<long>(o.step_timeout * 1000));
  run.engine.scenario_timeout = std::chrono::milliseconds(static_cast<long>(o.scenario_timeout * 1000));

  if (o.dry_run) {
    run_all(targets, run);
    out << "\n" << tr("(a dry run: nothing was changed; the names and folders above are made anew by each run)") << "\n";
    return kAllHeld;
  }
  const std::vector<ScenarioResult> results = run_all(targets, run);
  console.summary(results, std::chrono::steady_clock::now() - start);

  const RunInfo info{host_name(), run.engine.run_id, run.engine.image, utc_timestamp()};
  for (const auto& [what, path, written] :
       {std::make_tuple(N_("JUnit report: {1}"), o.junit, write_junit_file(o.junit, results, info)),
        std::make_tuple(N_("matrix: {1}"), o.matrix, write_matrix_file(o.matrix, results, info)),
        std::make_tuple(N_("HTML report: {1}"), o.html, write_html_report_file(o.html, results, info))}) {
    if (!written.empty()) {
      err << "harness: " << written << "\n";
      return kHarnessError;
    }
    out << tr(what, {path}) << "\n";
  }
  if (const int signo = interrupted()) {
    err << "harness: "
        << tr("interrupted by signal {1}: the claims not checked are errors in the reports", {std::to_string(signo)}) << "\n";
    return 128 + signo;
  }
  return exit_code_of(results);
}

int run_clean(const RunOptions& o, ProcessRunner& runner, std::ostream& out, std::ostream& err) {
  int code = kAllHeld;
  bool host_dirs_done = false;
  for (const auto& name : split_commas(o.runtime)) {
    const Dialect* dialect = find_dialect(name);
    if (!dialect) {
      err << "harness: " << tr("unknown runtime '{1}'", {name}) << "\n";
      return kBadUsage;
    }
    const Reached reached = reach(*dialect, runner);
    if (!reached.why_not.empty()) {
      out << tr("{1}: not reachable, nothing to clean there ({2})", {name, reached.why_not}) << "\n";
      continue;
    }
    Resources stuck;
    const Resources removed = clean_dead_runs(Cli(*dialect, reached.exe), runner, "", host_dirs_done ? "" : "/tmp", stuck);
    host_dirs_done = true;
    out << tr("{1}: removed {2} of dead runs", {name, resource_counts(removed)}) << "\n";
    for (const auto* names : stuck.all_kinds())
      for (const auto& n : *names) {
        err << "harness: " << tr("could not remove {1}", {n}) << "\n";
        code = kHarnessError;
      }
  }
  return code;
}

int run_list(const RunOptions& o, std::ostream& out, std::ostream& err) {
  std::vector<Scenario> scenarios;
  if (const int code = select_scenarios(o, scenarios, err)) return code;
  const ClaimFilter filter(o.claims);
  for (const auto& sc : scenarios) {
    out << sc.file << "  " << sc.id << "  [";
    for (std::size_t i = 0; i < sc.tags.size(); ++i) out << (i ? " " : "") << sc.tags[i];
    out << "]  " << in_language(sc.title, sc.title_fr) << "\n";
    for (const auto& c : sc.claims)
      if (filter.matches(c.id)) out << "  " << c.id << "  " << in_language(c.text, c.fr) << "\n";
  }
  return kAllHeld;
}

int run_validate(const RunOptions& o, std::ostream& out, std::ostream& err) {
  if (const int code = check_paths(o.paths, err)) return code;
  const auto loaded = load_scenarios(o.paths);
  for (const auto& e : loaded.errors) err << e << "\n";
  if (!loaded.errors.empty()) return kBadScenario;
  std::size_t claims = 0;
  for (const auto& sc : loaded.scenarios) claims += sc.claims.size();
  out << tr("{1} scenario file(s), {2} claim(s): valid", {std::to_string(loaded.scenarios.size()), std::to_string(claims)})
      << "\n";
  return kAllHeld;
}

}  // namespace harness
