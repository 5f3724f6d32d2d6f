#include "app.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <boost/filesystem.hpp>
#include <random>
#include <set>
#include <sstream>
#include <utility>

#include "claim_filter.hpp"
#include "cli_dialect.hpp"
#include "console_reporter.hpp"
#include "dry_run.hpp"
#include "engine.hpp"
#include "exit_codes.hpp"
#include "fixture_image.hpp"
#include "i18n.hpp"
#include "interrupt.hpp"
#include "job_pool.hpp"
#include "path_check.hpp"
#include "probe.hpp"
#include "scenario_parts.hpp"
#include "junit_writer.hpp"
#include "known_failures.hpp"
#include "recovery.hpp"
#include "reports.hpp"
#include "scenario_loader.hpp"
#include "shard.hpp"
#include "step_kinds.hpp"
#include "target.hpp"
#include "targets_file.hpp"
#include "text.hpp"
#include "verdicts.hpp"

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

// --shard K/N: keeps part K of the selected scenarios. Returns kAllHeld, or the exit code.
int keep_shard(const std::string& text, std::vector<Scenario>& selected, std::ostream& err) {
  if (text.empty()) return kAllHeld;
  const ParsedShard parsed = parse_shard(text);
  if (!parsed.error.empty()) {
    err << "harness: " << parsed.error << "\n";
    return kBadUsage;
  }
  const std::size_t all = selected.size();
  selected = take_shard(std::move(selected), parsed.shard);
  if (selected.empty()) {
    err << "harness: --shard " << text << " is empty: only " << all << " scenario file(s) are selected, for "
        << parsed.shard.count << " parts\n";
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
                            said_above ? tr("not checked: {1} could not be used (see above)", {runtime}) : "",
                            ""});
    results.push_back(r);
  }
  return results;
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
  const KnownFailures& known;  // applied to each result before it is reported
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
  std::unique_ptr<HostFiles> dry_files;   // the host as a dry run sees it
  std::unique_ptr<Engine> engine;         // null when the target cannot be used ...
  std::string unusable;                   // ... and this says why
  std::string header, endpoint;           // the target's first console line: what it is, where it ran
  std::unique_ptr<Cli> cli;               // the target's CLI, once found (its executable on that line too)
  // What the probe made: removed beside the scenarios or, when its container is the
  // network anchor, once the scenarios have started their last container (else beside the
  // sweep); the future says what could not be removed.
  ContainerLook probe;
  std::future<std::vector<std::string>> probe_removed;

  // Starts removing what the probe made, off the caller's path, unless that has started.
  void let_probe_go(std::chrono::milliseconds timeout) {
    if (probe_removed.valid() || probe.volume.empty()) return;
    probe_removed = std::async(std::launch::async, [cli = *cli, &runner = *runner, look = probe, timeout] {
      RealHostFiles files;
      return remove_probe(cli, runner, files, look, timeout);
    });
  }
};

// The runtime's CLI, found on PATH, with its engine answering: its version, or why not.
struct Reached {
  std::string exe;
  std::string version;
  std::string why_not;  // "" when reached
};

Reached find_cli(const Dialect& dialect) {
  const std::string exe = find_on_path(dialect.binary);
  if (exe.empty())
    return {"", "", tr("{1} is not on PATH: install it (for {2} on Debian: see .ci/setup)", {dialect.binary, dialect.name})};
  return {exe, "", ""};
}

Reached ask_version(const Dialect& dialect, ProcessRunner& runner, const std::string& exe) {
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

Reached reach(const Dialect& dialect, ProcessRunner& runner) {
  const Reached found = find_cli(dialect);
  return found.why_not.empty() ? ask_version(dialect, runner, found.exe) : found;
}

bool has_compose_project(const std::vector<Scenario>& scenarios) {
  for (const auto& scenario : scenarios)
    for (const auto& step : scenario.steps)
      if (step.kind == StepKind::ComposeProject) return true;
  return false;
}

ReadyRuntime prepare(const Target& target, std::size_t index, RunContext& run) {
  const Dialect& dialect = *target.dialect;
  ReadyRuntime ready;
  ready.target = target;
  ready.runner = std::make_unique<EnvironmentRunner>(run.runner, target.environment(), target.cleared());
  ProcessRunner& runner = *ready.runner;
  const Reached found = find_cli(dialect);
  if (!found.why_not.empty()) {
    ready.unusable = found.why_not;
    return ready;
  }
  ready.cli = std::make_unique<Cli>(dialect, found.exe, target.flags);
  const Cli& cli = *ready.cli;
  // On every run's critical path: the image check does not wait for the version's answer
  // (when the engine does not answer, its answer is not used).
  std::future<bool> images;
  if (!run.options.dry_run) images = std::async(std::launch::async, [&] { return images_there(cli, runner, run.engine.image); });
  const Reached reached = ask_version(dialect, runner, found.exe);
  if (!reached.why_not.empty()) {
    ready.unusable = reached.why_not;
    return ready;
  }
  EngineOptions eo = run.engine;
  eo.runtime_version = reached.version;
  eo.target_name = target.name();
  // The fixed cost before the first scenario, on the critical path of every run: the info
  // call, the Compose tool's lookup (when a scenario has a project), and the image check (a
  // build on first use) followed by the probe's container, do not depend on each other: side
  // by side. The probe's volume and folder are removed off that path (joined after the
  // sweep), or, when its container is the run's network anchor, once the scenarios have
  // started their last container (run_target); dead runs' leftovers are found by the
  // end-of-run sweep's listing. A dry run changes nothing.
  ComposeLookup compose(cli, runner, eo.step_timeout);
  if (!run.options.dry_run) {
    const ProbeOptions po{eo.image, eo.run_id, eo.host_tmp, eo.step_timeout, index, dialect.shared_network};
    auto said =
        std::async(std::launch::async, [&] { return ask_engine(cli, runner, eo.runtime_version, po, target.environment()); });
    std::future<void> compose_found;  // joined at the end of this block, long done by then
    if (has_compose_project(run.scenarios)) compose_found = std::async(std::launch::async, [&] { compose.look_up_now(); });
    ready.unusable = images.get() ? "" : ensure_image(cli, runner, eo.image);
    RealHostFiles files;
    if (ready.unusable.empty()) ready.probe = look_through_container(cli, runner, files, po);
    eo.facts = combine(said.get(), ready.probe);
    // nothing of it is needed any more, unless it anchors the scenarios that will run
    if (ready.probe.container.empty() || !eo.facts.cannot_start.empty()) ready.let_probe_go(po.timeout);
    if (!ready.unusable.empty()) return ready;
    if (!eo.facts.cannot_start.empty()) {
      ready.unusable = tr("{1} answers ({2}) but {3}", {target.name(), eo.facts.endpoint, eo.facts.cannot_start});
      return ready;
    }
  }
  ready.header = eo.facts.version.empty() ? dialect.name + " " + eo.runtime_version : eo.facts.header();
  if (target.name() != dialect.name) ready.header = target.name() + ": " + ready.header;
  ready.endpoint = eo.facts.endpoint;
  if (run.options.dry_run) {
    ready.steps = std::make_unique<DryRunRunner>(runner);
    ready.dry_files = std::make_unique<DryRunHostFiles>();
  }
  const std::string& anchor = ready.probe.container;
  ready.engine = std::make_unique<Engine>(anchor.empty() ? cli : cli.with_network("container:" + anchor),
                                          run.options.dry_run ? *ready.steps : runner, eo, ready.dry_files.get());
  ready.engine->compose().take_answer(compose);
  return ready;
}

// Prints results in their order whatever order they finish in: result i is printed
// once it and every result before it are done. Results come in blocks, one per target;
// a block starts with its target's first line, once the target is ready.
class OrderedPrinter {
 public:
  OrderedPrinter(ConsoleReporter& console, const std::vector<ScenarioResult>& results, std::size_t targets, bool plan)
      : console_(console), results_(results), done_(results.size(), false), blocks_(targets) {
    print_ = [this, plan](const ScenarioResult& r) { plan ? console_.plan(r) : console_.scenario_done(r); };
  }
  // The target of block `b` is ready: `announce` prints its first line; `quiet` when its
  // results are not printed one by one (it could not be used: said on stderr).
  void ready(std::size_t b, std::function<void()> announce, bool quiet) {
    std::lock_guard<std::mutex> lock(mutex_);
    blocks_[b] = {std::move(announce), quiet, true};
    advance();
  }
  void done(std::size_t index) {
    std::lock_guard<std::mutex> lock(mutex_);
    done_[index] = true;
    ++finished_;
    advance();
    if (next_ < results_.size()) console_.progress(finished_, results_.size(), last_started_);
  }
  void started(const std::string& what) {
    std::lock_guard<std::mutex> lock(mutex_);
    last_started_ = what;
    console_.progress(finished_, results_.size(), what);
  }

 private:
  struct Block {
    std::function<void()> announce;
    bool quiet = false, ready = false;
  };
  void advance() {
    const std::size_t per_block = blocks_.empty() ? 0 : results_.size() / blocks_.size();
    for (; next_ < results_.size(); ++next_) {
      Block& block = blocks_[next_ / per_block];
      if (!block.ready) return;
      if (block.announce) std::exchange(block.announce, nullptr)();
      if (!done_[next_]) return;
      if (!block.quiet) print_(results_[next_]);
    }
  }
  ConsoleReporter& console_;
  const std::vector<ScenarioResult>& results_;
  std::vector<bool> done_;
  std::vector<Block> blocks_;
  std::size_t next_ = 0;
  std::size_t finished_ = 0;
  std::string last_started_;
  std::function<void(const ScenarioResult&)> print_;
  std::mutex mutex_;
};

// Runs one target's scenarios, its own `jobs` at a time, the longest first (so that none
// is left to run alone at the end); results go to their places in `block`. A scenario whose
// selected claims fall in independent parts (Engine::parts_of) runs as that many pieces of
// work, side by side, joined into its one result when the last is done.
void run_target(ReadyRuntime& ready, RunContext& run, unsigned jobs, ScenarioResult* block, std::size_t first,
                OrderedPrinter& printer) {
  const auto& scenarios = run.scenarios;
  Engine& engine = *ready.engine;
  struct Work {
    std::size_t scenario;
    int part;
    ClaimFilter filter;
    int cost;  // what this part makes here, not the whole file: longest first
  };
  std::vector<Work> work;
  std::vector<std::vector<ScenarioResult>> parts(scenarios.size());
  std::vector<std::size_t> left(scenarios.size());
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const auto filters = engine.parts_of(scenarios[i], run.filter);
    parts[i].resize(filters.size());
    left[i] = filters.size();
    for (std::size_t k = 0; k < filters.size(); ++k)
      work.push_back({i, static_cast<int>(k), filters[k], engine.cost_of(scenarios[i], filters[k])});
  }
  std::stable_sort(work.begin(), work.end(), [](const Work& a, const Work& b) { return a.cost > b.cost; });
  // The network anchor goes once every piece of work has started its last container, beside
  // what is still running (the last Compose steps, the cleanups), not after the sweep.
  if (!ready.probe.container.empty() && !ready.probe_removed.valid())
    engine.share_anchor(work.size(), [&ready, &run] { ready.let_probe_go(run.engine.step_timeout); });
  std::mutex done_lock;
  parallel_for(work.size(), jobs, [&](std::size_t w) {
    const std::size_t i = work[w].scenario;
    printer.started(tr("{1} on {2}", {scenarios[i].file, engine.options().target_name}));
    ScenarioResult result;
    try {
      // numbered across the run's targets: two targets on one engine never share a name
      result = engine.run(scenarios[i], static_cast<int>(first + i), work[w].filter, work[w].part);
    } catch (const std::exception& e) {  // never expected: the engine turns faults into results; the sweep still cleans up
      result =
          all_in_error({scenarios[i]}, work[w].filter, engine.options().target_name, tr("harness error: {1}", {e.what()}))[0];
    }
    {
      std::lock_guard<std::mutex> lock(done_lock);
      parts[i][work[w].part] = std::move(result);
      if (--left[i] > 0) return;
      block[i] = parts[i].size() == 1 ? std::move(parts[i][0]) : join_parts(std::move(parts[i]));
      apply_known_failures(run.known, block[i]);
    }
    printer.done(first + i);
  });
}

// Runs every scenario on every target, the targets side by side, each with its own jobs
// (each engine does its own work), then sweeps each target for what its scenarios left.
// Results are in target order, then file order, whatever order they finish in.
std::vector<ScenarioResult> run_all(const std::vector<Target>& targets, RunContext& run) {
  const std::size_t n = run.scenarios.size();
  std::vector<ScenarioResult> results(targets.size() * n);
  std::vector<ReadyRuntime> ready(targets.size());
  OrderedPrinter printer(run.console, results, targets.size(), run.options.dry_run);
  std::mutex err_lock;
  parallel_for(targets.size(), static_cast<unsigned>(targets.size()), [&](std::size_t t) {
    std::ostringstream said;  // this target's messages, written out whole
    RunContext mine{run.options, run.scenarios, run.filter, run.engine, run.runner, run.console, said, run.known};
    ready[t] = prepare(targets[t], t, mine);
    if (!ready[t].engine) said << "harness: " << ready[t].unusable << "\n";
    {
      std::lock_guard<std::mutex> lock(err_lock);
      run.err << said.str() << std::flush;
    }
    ScenarioResult* block = results.data() + t * n;
    if (!ready[t].engine) {
      const auto errors = all_in_error(run.scenarios, run.filter, targets[t].name(), ready[t].unusable, true);
      std::copy(errors.begin(), errors.end(), block);
      printer.ready(t, nullptr, true);
      for (std::size_t i = 0; i < n; ++i) printer.done(t * n + i);
      return;
    }
    const ReadyRuntime& r = ready[t];
    printer.ready(
        t,
        [&run, &r] {
          run.console.run_started(run.engine.run_id, r.header, r.cli->executable(), r.endpoint, run.engine.image,
                                  run.scenarios.size());
        },
        false);
    run_target(ready[t], run, targets[t].jobs ? targets[t].jobs : run.options.jobs, block, t * n, printer);
  });

  // The end-of-run sweeps, side by side; a name's number says whose scenario left it, even
  // when two targets share an engine (whichever sweep finds it).
  // The probe's container, when it is the network anchor and no scenario let it go earlier
  // (run_target), goes beside the sweep, which leaves the target's own names
  // (harness-<run>-t<K>-...) to their owner.
  std::vector<Swept> swept(ready.size());
  std::vector<std::vector<std::string>> probe_left(ready.size());
  parallel_for(ready.size(), static_cast<unsigned>(ready.size()), [&](std::size_t t) {
    ReadyRuntime& r = ready[t];
    r.let_probe_go(run.engine.step_timeout);
    if (r.engine && !run.options.dry_run) swept[t] = r.engine->sweep();
    if (r.probe_removed.valid()) probe_left[t] = r.probe_removed.get();
  });
  for (std::size_t t = 0; t < swept.size(); ++t) {
    for (const auto& n : probe_left[t])
      run.err << "harness: " << tr("the probe's {1} on {2} could not be removed", {printable(n), targets[t].name()}) << "\n";
    report_dead_runs(targets[t].name(), swept[t].dead_runs, run.err);
    for (const auto* names : swept[t].dead_stuck.all_kinds())
      for (const auto& n : *names)
        run.err << "harness: " << tr("a dead run left {1} and it could not be removed", {printable(n)}) << "\n";
  }
  for (const auto& found : swept)
    for (const auto& [index, names] : found.by_scenario) {
      if (index < 0 || index >= static_cast<int>(results.size())) continue;
      ScenarioResult& result = results[index];
      result.leftovers.insert(result.leftovers.end(), names.begin(), names.end());
      for (const auto& name : names) run.console.left_behind(result, name);
    }
  return results;
}

}  // namespace

namespace {

// The targets of --runtime or --targets: kAllHeld, or the exit code (said on err).
int targets_of(const RunOptions& o, std::vector<Target>& targets, std::ostream& err) {
  if (!o.targets_file.empty())
    if (const int code = check_paths({o.targets_file}, err)) return code;
  const ParsedTargets parsed = o.targets_file.empty() ? parse_targets(o.runtime) : load_targets_file(o.targets_file);
  if (!parsed.error.empty()) {
    err << (o.targets_file.empty() ? "harness: " : "") << parsed.error << "\n";
    return o.targets_file.empty() ? kBadUsage : kBadScenario;
  }
  targets = parsed.targets;
  return kAllHeld;
}

// What every engine of a run shares; a new run id.
EngineOptions engine_options(const RunOptions& o) {
  EngineOptions engine;
  engine.image = o.image.empty() ? kFixtureImage : o.image;
  engine.host_tmp = o.host_dir_root;
  engine.run_id = new_run_id();
  engine.step_timeout = std::chrono::milliseconds(static_cast<long>(o.step_timeout * 1000));
  engine.scenario_timeout = std::chrono::milliseconds(static_cast<long>(o.scenario_timeout * 1000));
  return engine;
}

}  // namespace

int plan_run(const RunOptions& options, ProcessRunner& runner, std::vector<ScenarioResult>& results, std::ostream& err) {
  RunOptions o = options;
  o.dry_run = true;
  std::vector<Target> targets;
  if (const int code = targets_of(o, targets, err)) return code;
  std::vector<Scenario> scenarios;
  if (const int code = select_scenarios(o, scenarios, err)) return code;
  std::ostringstream quiet;
  const ClaimFilter filter(o.claims);
  ConsoleReporter console(quiet, false, Verbosity::Quiet, false);
  const KnownFailures none;
  RunContext run{o, scenarios, filter, engine_options(o), runner, console, err, none};
  const RunLock lock(run.engine.run_id);
  results = run_all(targets, run);
  const bool unreachable = std::any_of(results.begin(), results.end(), [](const ScenarioResult& r) { return !r.error.empty(); });
  return unreachable ? kHarnessError : kAllHeld;
}

int run_run(const RunOptions& o, ProcessRunner& runner, std::ostream& out, std::ostream& err) {
  std::vector<Target> targets;
  if (const int code = targets_of(o, targets, err)) return code;
  LoadedKnownFailures known;
  if (!o.known_failures.empty()) {
    if (const int code = check_paths({o.known_failures}, err)) return code;
    known = load_known_failures(o.known_failures);
    if (!known.error.empty()) {
      err << known.error << "\n";
      return kBadScenario;
    }
  }
  std::vector<Scenario> scenarios;
  if (const int code = select_scenarios(o, scenarios, err)) return code;
  if (const int code = keep_shard(o.shard, scenarios, err)) return code;

  const auto start = std::chrono::steady_clock::now();
  const ClaimFilter filter(o.claims);
  const bool terminal = ::isatty(STDOUT_FILENO);
  ConsoleReporter console(out, want_colour(STDOUT_FILENO), o.verbosity, terminal);
  RunContext run{o, scenarios, filter, engine_options(o), runner, console, err, known.list};
  const RunLock lock(run.engine.run_id);  // while it is held, no other harness takes this run for dead

  if (o.dry_run) {
    run_all(targets, run);
    out << "\n" << tr("(a dry run: nothing was changed; the names and folders above are made anew by each run)") << "\n";
    return kAllHeld;
  }
  const std::vector<ScenarioResult> results = run_all(targets, run);
  console.summary(results, std::chrono::steady_clock::now() - start);

  const RunInfo info{host_name(), run.engine.run_id, run.engine.image, utc_timestamp()};
  std::ostringstream junit;
  write_junit(junit, results, info);
  if (const int code = write_reports({o.junit, o.matrix, o.html}, junit.str(), results, info, out, err)) return code;
  if (const int signo = interrupted()) {
    err << "harness: "
        << tr("interrupted by signal {1}: the claims not checked are errors in the reports", {std::to_string(signo)}) << "\n";
    return 128 + signo;
  }
  return run_exit_code(results);
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
