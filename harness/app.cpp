#include "app.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <random>
#include <sstream>
#include <tuple>

#include "claim_filter.hpp"
#include "cli_dialect.hpp"
#include "console_reporter.hpp"
#include "engine.hpp"
#include "exit_codes.hpp"
#include "fixture_image.hpp"
#include "junit_writer.hpp"
#include "matrix_writer.hpp"
#include "scenario_loader.hpp"
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

// Loads the files and keeps the scenarios the tag and claim filters select.
// Returns kAllHeld, or the exit code to stop with (the message is already printed).
int select_scenarios(const RunOptions& o, std::vector<Scenario>& selected, std::ostream& err) {
  auto loaded = load_scenarios(o.paths);
  for (const auto& e : loaded.errors) err << e << "\n";
  if (!loaded.errors.empty()) return kBadScenario;
  const ClaimFilter filter(o.claims);
  for (auto& sc : loaded.scenarios) {
    const bool tagged = o.tag.empty() || std::find(sc.tags.begin(), sc.tags.end(), o.tag) != sc.tags.end();
    const bool claimed = std::any_of(sc.claims.begin(), sc.claims.end(), [&](const Claim& c) { return filter.matches(c.id); });
    if (tagged && claimed) selected.push_back(std::move(sc));
  }
  if (selected.empty()) {
    err << "harness: no scenario in " << o.paths.front() << (o.paths.size() > 1 ? " ..." : "") << " matches"
        << (o.tag.empty() ? "" : " --tag " + o.tag) << (o.claims.empty() ? "" : " --claim '" + o.claims + "'") << "\n";
    return kBadUsage;
  }
  return kAllHeld;
}

// Every selected claim as an error, for a run that could not start.
std::vector<ScenarioResult> all_in_error(const std::vector<Scenario>& scenarios, const ClaimFilter& filter,
                                         const std::string& runtime, const std::string& why) {
  std::vector<ScenarioResult> results;
  for (const auto& sc : scenarios) {
    ScenarioResult r;
    r.scenario = sc;
    r.runtime = runtime;
    r.error = why;
    r.timestamp = utc_timestamp();
    for (const auto& c : sc.claims)
      if (filter.matches(c.id)) r.claims.push_back({c, Verdict::Error, Seconds{0}, -1, {}, ""});
    results.push_back(r);
  }
  return results;
}

int exit_code_of(const std::vector<ScenarioResult>& results) {
  int code = kAllHeld;
  for (const auto& r : results) {
    if (!r.leftovers.empty() || !r.error.empty()) code = kHarnessError;
    for (const auto& c : r.claims) {
      if (c.verdict == Verdict::Error) code = kHarnessError;
      if (c.verdict == Verdict::Fail && code == kAllHeld) code = kClaimFailed;
    }
  }
  return code;
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

// Runs every scenario on one runtime. When the runtime cannot be used at all, says so in
// one line and returns every claim in error, so that the report still tells.
std::vector<ScenarioResult> run_on(const Dialect& dialect, RunContext& run) {
  const auto unusable = [&](const std::string& why) {
    run.err << "harness: " << why << "\n";
    return all_in_error(run.scenarios, run.filter, dialect.name, why);
  };
  const std::string exe = find_on_path(dialect.binary);
  if (exe.empty())
    return unusable(dialect.binary + " is not on PATH: install it (for " + dialect.name + " on Debian: see .ci/setup)");
  Cli cli(dialect, exe);
  const auto version = run.runner.run(cli.version(), "", std::chrono::seconds(30));
  if (!version.ok()) {
    std::string said = version.timed_out ? "no answer in 30 s" : printable(version.err + version.spawn_error);
    while (!said.empty() && said.back() == '\n') said.pop_back();
    return unusable("cannot talk to the " + dialect.name + " engine through " + exe + ": " + said +
                    " (is the daemon running? for docker: start dockerd, check /var/run/docker.sock or DOCKER_HOST)");
  }
  EngineOptions eo = run.engine;
  eo.runtime_version = version.out.substr(0, version.out.find('\n'));
  if (const std::string why = ensure_image(cli, run.runner, eo.image); !why.empty()) return unusable(why);

  run.console.run_started(eo.run_id, dialect.name, eo.runtime_version, exe, eo.image, run.scenarios.size());
  Engine engine(cli, run.runner, eo);
  std::vector<ScenarioResult> results;
  for (std::size_t i = 0; i < run.scenarios.size(); ++i) {
    results.push_back(engine.run(run.scenarios[i], static_cast<int>(i), run.filter));
    run.console.scenario_done(results.back());
  }
  for (auto& [index, names] : engine.sweep()) {
    if (index < 0 || index >= static_cast<int>(results.size())) continue;
    auto& leftovers = results[index].leftovers;
    leftovers.insert(leftovers.end(), names.begin(), names.end());
    for (const auto& name : names) run.console.left_behind(results[index], name);
  }
  return results;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) items.push_back(item);
  return items;
}

}  // namespace

int run_run(const RunOptions& o, ProcessRunner& runner, std::ostream& out, std::ostream& err) {
  std::vector<const Dialect*> dialects;
  for (const auto& name : split_commas(o.runtime)) {
    const Dialect* dialect = find_dialect(name);
    if (!dialect) {
      std::string known;
      for (const auto& n : dialect_names()) known += (known.empty() ? "" : ", ") + n;
      err << "harness: unknown runtime '" << name << "' (known: " << known << ")\n";
      return kBadUsage;
    }
    dialects.push_back(dialect);
  }
  if (dialects.empty()) {
    err << "harness: --runtime names no runtime\n";
    return kBadUsage;
  }
  std::vector<Scenario> scenarios;
  if (const int code = select_scenarios(o, scenarios, err)) return code;

  const auto start = std::chrono::steady_clock::now();
  const ClaimFilter filter(o.claims);
  ConsoleReporter console(out, want_colour(STDOUT_FILENO));
  RunContext run{o, scenarios, filter, {}, runner, console, err};
  run.engine.image = o.image.empty() ? kFixtureImage : o.image;
  run.engine.run_id = new_run_id();
  run.engine.step_timeout = std::chrono::milliseconds(static_cast<long>(o.step_timeout * 1000));

  std::vector<ScenarioResult> results;
  for (const Dialect* dialect : dialects) {
    auto of_runtime = run_on(*dialect, run);
    results.insert(results.end(), std::make_move_iterator(of_runtime.begin()), std::make_move_iterator(of_runtime.end()));
  }
  console.summary(results, std::chrono::steady_clock::now() - start);

  const JUnitOptions jo{host_name(), run.engine.run_id, run.engine.image};
  const MatrixOptions mo{host_name(), run.engine.run_id, run.engine.image, utc_timestamp()};
  for (const auto& [what, path, written] :
       {std::make_tuple("JUnit report", o.junit, write_junit_file(o.junit, results, jo)),
        std::make_tuple("matrix", o.matrix, write_matrix_file(o.matrix, results, mo))}) {
    if (!written.empty()) {
      err << "harness: " << written << "\n";
      return kHarnessError;
    }
    out << what << ": " << path << "\n";
  }
  return exit_code_of(results);
}

int run_list(const RunOptions& o, std::ostream& out, std::ostream& err) {
  std::vector<Scenario> scenarios;
  if (const int code = select_scenarios(o, scenarios, err)) return code;
  const ClaimFilter filter(o.claims);
  for (const auto& sc : scenarios) {
    out << sc.file << "  " << sc.id << "  [";
    for (std::size_t i = 0; i < sc.tags.size(); ++i) out << (i ? " " : "") << sc.tags[i];
    out << "]  " << sc.title << "\n";
    for (const auto& c : sc.claims)
      if (filter.matches(c.id)) out << "  " << c.id << "  " << c.text << "\n";
  }
  return kAllHeld;
}

int run_validate(const RunOptions& o, std::ostream& out, std::ostream& err) {
  const auto loaded = load_scenarios(o.paths);
  for (const auto& e : loaded.errors) err << e << "\n";
  if (!loaded.errors.empty()) return kBadScenario;
  std::size_t claims = 0;
  for (const auto& sc : loaded.scenarios) claims += sc.claims.size();
  out << loaded.scenarios.size() << " scenario file(s), " << claims << " claim(s): valid\n";
  return kAllHeld;
}

}  // namespace harness
