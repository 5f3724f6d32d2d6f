#include "mutate.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <ostream>
#include <set>

#include "claim_filter.hpp"
#include "exit_codes.hpp"
#include "host_files.hpp"
#include "i18n.hpp"
#include "interrupt.hpp"
#include "job_pool.hpp"
#include "mutant_plan.hpp"
#include "mutant_wrapper.hpp"
#include "mutants.hpp"
#include "step_kinds.hpp"
#include "target.hpp"
#include "text.hpp"
#include "transcript.hpp"

namespace harness {

namespace fs = boost::filesystem;

namespace {

const char* const kBaseline = "baseline";

// One harness run of the mutation: the baseline or a mutant, on some scenario files.
struct Job {
  std::string name;
  const Mutant* mutant = nullptr;  // null for the baseline
  std::vector<std::string> files;
  int cost = 0;
};

char cell(const std::map<std::string, Status>& baseline, const MutantRun& run, const std::string& key) {
  const auto held = baseline.find(key);
  if (held == baseline.end() || held->second != Status::Pass) return '~';
  const auto it = run.claims.find(key);
  if (!run.applies || it == run.claims.end()) return '-';
  switch (it->second) {
    case Status::Pass: return '.';
    case Status::Fail: return 'X';
    case Status::Error: return 'E';
    case Status::Skipped: return 's';
  }
  return '?';
}

bool is_claim(const CaseResult& c) { return c.id.rfind("cleanup:", 0) != 0; }

// The claims of a run's report by key (and in its order), and what it left behind (its
// cleanup cases that did not pass).
// What a broken runtime leaked (a container that --rm did not remove) and the end-of-run
// sweep removed is no fault: the run noticed and cleaned up (engine.cpp says which it was).
void read_run(const RunReport& report, bool several, std::map<std::string, Status>& claims, std::vector<std::string>& order,
              std::string& swept, std::string& fault) {
  for (const auto& c : report.cases) {
    if (is_claim(c)) {
      claims[mutation_key(c, several)] = c.status;
      order.push_back(mutation_key(c, several));
    } else if (c.status != Status::Pass) {
      const bool removed = c.message.find("removed by the end-of-run sweep") != std::string::npos &&
                           c.message.find("could not be removed") == std::string::npos;
      std::string& said = removed ? swept : fault;
      said += (said.empty() ? "" : "; ") + c.id + ": " + first_line(c.message);
    }
  }
}

std::string this_program() {
  boost::system::error_code ec;
  const fs::path self = fs::canonical("/proc/self/exe", ec);
  if (ec) throw std::runtime_error("cannot tell where this program is (/proc/self/exe)");
  return self.string();
}

// The jobs: the baseline on every file, each selected mutant on the files where it changes
// a call (none: it does not apply), longest first.
std::vector<Job> plan_jobs(const std::vector<const Mutant*>& selected, const std::vector<ScenarioResult>& planned,
                           ProcessRunner& runner, std::vector<MutantRun>& runs) {
  RealHostFiles files;
  const ImageVolumeLookup image_volumes = image_volume_lookup(runner);  // asked only by the rows that need it
  std::vector<Job> jobs(1);
  jobs[0].name = kBaseline;
  for (const auto& r : planned)
    if (std::find(jobs[0].files.begin(), jobs[0].files.end(), r.scenario.file) == jobs[0].files.end()) {
      jobs[0].files.push_back(r.scenario.file);
      jobs[0].cost += estimated_cost(r.scenario);
    }
  for (const Mutant* m : selected) {
    Job job{m->name, m, {}, 0};
    for (const auto& r : planned) {
      const bool applies = std::any_of(r.steps.begin(), r.steps.end(), [&](const StepRecord& step) {
        return std::any_of(step.commands.begin(), step.commands.end(), [&](const CommandRecord& c) {
          return !c.on_host && mutant_applies(*m, c.argv, files, image_volumes);
        });
      });
      if (applies && std::find(job.files.begin(), job.files.end(), r.scenario.file) == job.files.end()) {
        job.files.push_back(r.scenario.file);
        job.cost += estimated_cost(r.scenario);
      }
    }
    runs.push_back({m->name, !job.files.empty(), {}, "", ""});
    if (!job.files.empty()) jobs.push_back(job);
  }
  std::stable_sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.cost > b.cost; });
  return jobs;
}

}  // namespace

std::string mutation_key(const CaseResult& c, bool several_runtimes) { return several_runtimes ? c.id + "@" + c.runtime : c.id; }

std::vector<std::string> caught_claims(const std::map<std::string, Status>& baseline, const MutantRun& run) {
  std::vector<std::string> caught;
  for (const auto& [key, status] : run.claims) {
    const auto held = baseline.find(key);
    if (status == Status::Fail && held != baseline.end() && held->second == Status::Pass) caught.push_back(key);
  }
  return caught;
}

namespace {

// A mutant that caught nothing and aims (its row's aims_at) at none of the run's claims
// says nothing about the selected scenarios' strength: it is not a miss. Its aims, or "".
std::string aims_elsewhere(const std::map<std::string, Status>& baseline, const MutantRun& run) {
  const Mutant* m = find_mutant(run.name);
  if (!m || !run.applies || !caught_claims(baseline, run).empty()) return "";
  const ClaimFilter aims(m->aims_at);  // "VOL-11, VOL-9"
  for (const auto& [key, status] : baseline)
    if (aims.matches(key.substr(0, key.find('@')))) return "";
  return m->aims_at;
}

}  // namespace

std::string format_mutation(const std::map<std::string, Status>& baseline, const std::vector<std::string>& claim_order,
                            const std::vector<MutantRun>& runs) {
  std::string text;
  std::vector<std::string> not_held;
  for (const auto& key : claim_order)
    if (baseline.at(key) != Status::Pass) not_held.push_back(key);
  if (!not_held.empty()) text += tr("baseline: {1} did not pass on the real runtime: not counted", {join(not_held, ", ")}) + "\n";
  std::size_t width = 8;
  for (const auto& r : runs) width = std::max(width, r.name.size() + 2);
  int caught = 0, missed = 0, not_applying = 0;
  for (const auto& r : runs) {
    const auto claims = caught_claims(baseline, r);
    if (!r.fault.empty()) {
      text += "fault   " + padded(r.name, width) + r.fault + "\n";
    } else if (!r.applies) {
      ++not_applying;
      text += "n/a     " + padded(r.name, width) + tr("(changes no call of the selected scenarios)") + "\n";
    } else if (const std::string aims = aims_elsewhere(baseline, r); !aims.empty()) {
      ++not_applying;
      text += "n/a     " + padded(r.name, width) + tr("(aims at {1}, none of them selected; no selected claim failed)", {aims}) +
              "\n";
    } else if (claims.empty()) {
      ++missed;
      text += "missed  " + r.name + "\n";
    } else {
      ++caught;
      text += "caught  " + padded(r.name, width) + join(claims, " ") + "\n";
    }
  }
  const auto trimmed = [](std::string row) {
    while (!row.empty() && row.back() == ' ') row.pop_back();
    return row + "\n";
  };
  std::string header = "\n" + std::string(width, ' ');
  for (const auto& key : claim_order) header += padded(key, key.size() + 2);
  text += trimmed(header);
  for (const auto& r : runs) {
    if (!r.applies) continue;  // said above: nothing of it ran
    std::string row = padded(r.name, width);
    for (const auto& key : claim_order) row += padded(std::string(key.size() / 2, ' ') + cell(baseline, r, key), key.size() + 2);
    text += trimmed(row);
  }
  text += tr("X the claim failed under the mutant (caught), . it held, E an error, s skipped, - not run (the mutant changes no "
             "call of its scenario file), ~ it did not pass in the baseline") +
          "\n";
  for (const auto& r : runs)
    if (!r.swept.empty()) text += tr("{1} leaked what the end-of-run sweep removed: {2}", {r.name, r.swept}) + "\n";
  text += "mutants: " + std::to_string(caught) + " caught, " + std::to_string(missed) + " missed, " +
          std::to_string(not_applying) + " n/a\n";
  return text;
}

int mutation_exit_code(const std::map<std::string, Status>& baseline, const std::vector<MutantRun>& runs) {
  bool missed = false;
  for (const auto& r : runs) {
    if (!r.fault.empty()) return kHarnessError;
    missed = missed || (r.applies && caught_claims(baseline, r).empty() && aims_elsewhere(baseline, r).empty());
  }
  return missed ? kClaimFailed : kAllHeld;
}

std::string format_mutant_list() {
  const auto calls = [](const Mutant& m) { return (m.tool == MutantTool::Compose ? "compose " : "") + join(m.verbs, ", "); };
  std::size_t width = 0, calls_width = 0;
  for (const auto& m : mutants()) {
    width = std::max(width, m.name.size() + 2);
    calls_width = std::max(calls_width, calls(m).size() + 2);
  }
  std::string text =
      padded("mutant", width) + padded("calls", calls_width) + tr("what it does wrong (the claims it aims at)") + "\n";
  for (const auto& m : mutants())
    text += padded(m.name, width) + padded(calls(m), calls_width) + tr(m.description.c_str()) + " (" + m.aims_at + ")\n";
  return text;
}

int print_wrapper(const std::string& name, const std::string& dir, std::ostream& out, std::ostream& err) {
  const Mutant* mutant = find_mutant(name);
  if (!mutant) {
    err << "harness: " << tr("no mutant '{1}' (harness mutate --list)", {name}) << "\n";
    return kBadUsage;
  }
  const fs::path folder = fs::absolute(dir);
  const auto made = write_wrapper_folder(folder.string());
  out << "# " << mutant->name << ": " << tr(mutant->description.c_str()) << " (" << tr("wraps {1}", {join(made, ", ")}) << ")\n"
      << "export " << kMutantVariable << "=" << mutant->name << " PATH=" << shell_quote(folder.string()) << ":\"$PATH\"\n";
  return kAllHeld;
}

int run_mutate(const MutateOptions& o, ProcessRunner& runner, std::ostream& out, std::ostream& err) {
  std::vector<const Mutant*> selected;
  const auto names = split_commas(o.mutants);
  for (const auto& name : names) {
    if (!find_mutant(name)) {
      err << "harness: " << tr("no mutant '{1}' (harness mutate --list)", {name}) << "\n";
      return kBadUsage;
    }
  }
  for (const auto& m : mutants())
    if (names.empty() || std::find(names.begin(), names.end(), m.name) != names.end()) selected.push_back(&m);

  const auto start = std::chrono::steady_clock::now();
  std::vector<ScenarioResult> planned;
  if (const int code = plan_run(o.run, runner, planned, err)) return code;
  std::vector<MutantRun> runs;
  std::vector<Job> jobs = plan_jobs(selected, planned, runner, runs);

  RealHostFiles files;
  const std::string wrappers = files.make_folder("/tmp", "harness-mutate-");
  struct Removed {  // whatever happens
    HostFiles& files;
    std::string folder;
    ~Removed() { files.remove_all(folder); }
  } removed{files, wrappers};
  write_wrapper_folder(wrappers);
  boost::system::error_code ec;
  fs::create_directories(o.reports, ec);
  if (ec) {
    err << "harness: " << o.reports << ": " << ec.message() << "\n";
    return kHarnessError;
  }
  const std::string self = this_program();
  const char* path = std::getenv("PATH");
  const bool several = split_commas(o.run.runtime).size() > 1;
  std::vector<std::map<std::string, Status>> claims(jobs.size());
  std::vector<std::string> faults(jobs.size());
  std::vector<std::vector<std::string>> orders(jobs.size());
  std::vector<std::string> swept(jobs.size());
  std::vector<char> changed(jobs.size(), true);  // whether the mutant changed a call when it ran
  std::mutex progress;                           // on a terminal: how many runs are done
  std::size_t done = 0;
  const bool terminal = ::isatty(STDERR_FILENO);
  parallel_for(jobs.size(), o.side_by_side, [&](std::size_t i) {
    const Job& job = jobs[i];
    const std::string report = (fs::path(o.reports) / job.name).string();
    Argv argv = {self, "run"};
    argv.insert(argv.end(), job.files.begin(), job.files.end());
    if (!o.run.claims.empty()) argv.insert(argv.end(), {"--claim", o.run.claims});
    argv.insert(argv.end(), {"--lang", "en", "--runtime", o.run.runtime, "--jobs", std::to_string(o.run.jobs), "--quiet",
                             "--junit", report + ".xml", "--matrix", report + ".md", "--html", report + ".html"});
    if (!o.run.image.empty()) argv.insert(argv.end(), {"--image", o.run.image});
    std::vector<std::pair<std::string, std::string>> settings;
    if (job.mutant)
      settings = {{kMutantVariable, job.mutant->name},
                  {"PATH", wrappers + ":" + (path ? path : "")},
                  {kMutantCallsVariable, fs::absolute(report + ".calls").string()}};
    EnvironmentRunner with(runner, settings);
    boost::system::error_code gone;
    fs::remove(report + ".xml", gone);  // a report of an earlier mutation is never read as this one's
    fs::remove(report + ".calls", gone);
    const ProcessResult r = with.run(argv, "", std::chrono::hours(2));
    {
      std::lock_guard<std::mutex> lock(progress);
      if (terminal) err << "\r\033[K[" << ++done << "/" << jobs.size() << " runs done] " << job.name << std::flush;
    }
    std::ofstream(report + ".txt") << r.out << r.err;
    const ParsedReport parsed = read_report(report + ".xml");
    if (!r.ran() || !parsed.error.empty()) {
      faults[i] = tr("its run did not finish (exit code {1}): see {2}", {std::to_string(r.exit_code), report + ".txt"});
      return;
    }
    read_run(parsed.report, several, claims[i], orders[i], swept[i], faults[i]);
    // a row that could not tell in the dry run (a file the run writes, an image it builds) may change none
    changed[i] = !job.mutant || (fs::exists(report + ".calls", gone) && !fs::is_empty(report + ".calls", gone));
    if (!faults[i].empty()) faults[i] = tr("its run left something behind: {1} (see {2})", {faults[i], report + ".txt"});
  });

  if (terminal) err << "\r\033[K" << std::flush;
  if (const int signo = interrupted()) {  // the runs were killed with their process groups (kill_running_processes)
    err << "harness: " << tr("interrupted: the runs were stopped without cleaning up: `harness clean` removes what they made")
        << "\n";
    return 128 + signo;
  }
  std::map<std::string, Status> baseline;
  std::vector<std::string> order;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (jobs[i].mutant) {
      for (auto& run : runs)
        if (run.name == jobs[i].name) {
          run.claims = claims[i];
          run.fault = faults[i];
          run.swept = swept[i];
          run.applies = changed[i] || !run.fault.empty();
        }
      continue;
    }
    if (!faults[i].empty()) {
      err << "harness: " << tr("the baseline run on the real runtime: {1}", {faults[i]}) << "\n";
      return kHarnessError;
    }
    baseline = claims[i];
    order = orders[i];
  }
  out << format_mutation(baseline, order, runs);
  out << tr("in {1} s; each run's reports: {2}",
            {seconds3(std::chrono::steady_clock::now() - start), o.reports + "/NAME.{txt,xml,md,html}"})
      << "\n";
  return mutation_exit_code(baseline, runs);
}

}  // namespace harness
