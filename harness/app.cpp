#include "app.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <random>

#include "claim_filter.hpp"
#include "cli_dialect.hpp"
#include "console_reporter.hpp"
#include "engine.hpp"
#include "exit_codes.hpp"
#include "fixture_image.hpp"
#include "junit_writer.hpp"
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

int run_run(const RunOptions& o, ProcessRunner& runner, std::ostream& out, std::ostream& err) {
  const Dialect* dialect = find_dialect(o.runtime);
  if (!dialect) {
    std::string known;
    for (const auto& n : dialect_names()) known += (known.empty() ? "" : ", ") + n;
    err << "harness: unknown runtime '" << o.runtime << "' (known: " << known << ")\n";
    return kBadUsage;
  }
  std::vector<Scenario> scenarios;
  if (const int code = select_scenarios(o, scenarios, err)) return code;

  const auto start = std::chrono::steady_clock::now();
  const ClaimFilter filter(o.claims);
  EngineOptions eo;
  eo.image = o.image.empty() ? kFixtureImage : o.image;
  eo.run_id = new_run_id();
  eo.step_timeout = std::chrono::milliseconds(static_cast<long>(o.step_timeout * 1000));
  const JUnitOptions jo{host_name(), eo.run_id, eo.image};

  // Fail fast, with one clear line, when the runtime cannot be used at all.
  const auto fail_run = [&](const std::string& why) {
    err << "harness: " << why << "\n";
    const auto results = all_in_error(scenarios, filter, dialect->name, why);
    const std::string written = write_junit_file(o.junit, results, jo);
    if (!written.empty()) err << "harness: " << written << "\n";
    return kHarnessError;
  };
  const std::string exe = find_on_path(dialect->binary);
  if (exe.empty())
    return fail_run(dialect->binary + " is not on PATH: install it (for " + dialect->name + " on Debian: see .ci/setup)");
  Cli cli(*dialect, exe);
  const auto version = runner.run(cli.version(), "", std::chrono::seconds(30));
  if (!version.ok()) {
    std::string said = version.timed_out ? "no answer in 30 s" : printable(version.err + version.spawn_error);
    while (!said.empty() && said.back() == '\n') said.pop_back();
    return fail_run("cannot talk to the " + dialect->name + " engine through " + exe + ": " + said +
                    " (is the daemon running? for docker: start dockerd, check /var/run/docker.sock or DOCKER_HOST)");
  }
  eo.runtime_version = version.out.substr(0, version.out.find('\n'));
  if (const std::string why = ensure_image(cli, runner, eo.image); !why.empty()) return fail_run(why);

  out << "harness run " << eo.run_id << ": " << dialect->name << " " << eo.runtime_version << " (" << exe
      << "), image " << eo.image << ", " << scenarios.size() << " scenario file(s)\n";
  Engine engine(cli, runner, eo);
  ConsoleReporter console(out, want_colour(STDOUT_FILENO));
  std::vector<ScenarioResult> results;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    results.push_back(engine.run(scenarios[i], static_cast<int>(i), filter));
    console.scenario_done(results.back());
  }
  console.summary(results, std::chrono::steady_clock::now() - start);
  const std::string written = write_junit_file(o.junit, results, jo);
  if (!written.empty()) {
    err << "harness: " << written << "\n";
    return kHarnessError;
  }
  out << "JUnit report: " << o.junit << "\n";
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
