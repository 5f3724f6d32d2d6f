#include "engine.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cstring>
#include <cerrno>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>

#include "compose_project.hpp"
#include "fixture_image.hpp"
#include "interrupt.hpp"
#include "ledger.hpp"
#include "recovery.hpp"
#include "text.hpp"
#include "tutorial_line.hpp"

namespace harness {
namespace fs = boost::filesystem;

const Argv kKeepAlive = {"sh", "-c", "trap 'exit 0' TERM INT; sleep 2147483647 & wait"};

namespace {

// Reads a file in a container: exit 0 and the content on stdout, or exit 3 if it is
// not there. Any other exit is a fault, never taken for "absent". The path is an
// argument of the script, not part of it.
const Argv kProbe = {"sh", "-c", "test -e \"$1\" || test -L \"$1\" || exit 3; cat -- \"$1\"", "probe"};
constexpr int kProbeAbsent = 3;
const Argv kWrite = {"sh", "-c", "cat > \"$1\"", "write"};

}  // namespace

std::string utc_timestamp() {
  char buf[32];
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

template <typename Duration>
std::string seconds_text(Duration d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", std::chrono::duration<double>(d).count());
  return buf;
}

std::string first_line(const std::string& s) {
  const auto b = s.find_first_not_of(" \n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find('\n', b) - b);
}

// What a finished command said, for a fault message.
std::string describe_failure(const ProcessResult& r, std::chrono::milliseconds timeout) {
  if (!r.spawn_error.empty()) return r.spawn_error;
  if (!r.note.empty()) return r.note;
  if (r.timed_out) return "timed out after " + std::to_string(timeout.count() / 1000.0).substr(0, 5) + " s and was killed";
  std::string what = "exit code " + std::to_string(r.exit_code);
  const std::string said = first_line(r.err).empty() ? first_line(r.out) : first_line(r.err);
  return said.empty() ? what : what + ": " + printable(clip(said, 300));
}

// A file as found somewhere: there or not, its bytes, its owner.
struct Observed {
  bool present = false;
  std::string content;
  unsigned uid = 0;
};

// Thrown by a step that cannot go on. `broken` when the runtime answered but refused
// (a claim's flow failed: its claim fails); otherwise a fault (timeout, spawn error,
// engine unreachable: nothing could be checked).
struct StepFault {
  std::string message;
  bool broken = false;
};

// base/relative, or a fault when it leads outside base through a symlink (one a container
// made in a bind-mounted folder or a volume): a scenario never bind-mounts or reads a host
// path of its own choosing.
std::string inside(const std::string& base, const std::string& relative) {
  const std::string path = base + "/" + relative;
  boost::system::error_code ec;
  const std::string root = fs::weakly_canonical(base, ec).string();
  const std::string real = ec ? "" : fs::weakly_canonical(path, ec).string();
  if (ec || (real != root && real.rfind(root + "/", 0) != 0))
    throw StepFault{quote(relative) + " leads outside " + base + " (through a symlink): not used"};
  return path;
}

class ScenarioRun {
 public:
  ScenarioRun(Engine& engine, const Scenario& scenario, int index, const ClaimFilter& filter)
      : engine_(engine), cli_(engine.cli()), options_(engine.options()), scenario_(scenario),
        index_(index), filter_(filter) {}

  ScenarioResult run() {
    const auto start = std::chrono::steady_clock::now();
    result_.scenario = scenario_;
    result_.runtime = cli_.dialect().name;
    result_.runtime_version = options_.runtime_version;
    result_.timestamp = utc_timestamp();

    const int last = last_needed_step();
    const auto limit = scenario_.timeout ? std::chrono::milliseconds(static_cast<long>(*scenario_.timeout * 1000))
                                         : options_.scenario_timeout;
    deadline_ = start + limit;
    bool faulted = false;
    for (int i = 0; i <= last; ++i) {
      const Step& step = scenario_.steps[i];
      if (!applies(step)) continue;  // a step for another runtime
      StepRecord record;
      record.line = step.line;
      record.element = step.element;
      record.claim = step.claim;
      if (faulted || (step_is_check_only(step) && !filter_.matches(step.claim))) {
        record.outcome = Outcome::NotRun;
        record.summary = summary(step);
        result_.steps.push_back(record);
        continue;
      }
      if (!step_is_check_only(step)) mountpoints_.clear();  // an action may remove or re-create a volume
      const auto step_start = std::chrono::steady_clock::now();
      step_timeout_ = step.timeout ? std::chrono::milliseconds(static_cast<long>(*step.timeout * 1000)) : options_.step_timeout;
      try {
        record.summary = summary(step);
        if (const int signo = interrupted())
          throw StepFault{std::string("interrupted by ") + (signo == SIGINT ? "SIGINT" : signo == SIGTERM ? "SIGTERM" : "a signal") +
                          " before this step"};
        if (step_start >= deadline_)
          throw StepFault{"the scenario ran out of time: it may take " + seconds_text(limit) + " (timeout=, --scenario-timeout)"};
        execute(step, record);
      } catch (const StepFault& f) {
        record.outcome = f.broken ? Outcome::Broken : Outcome::Fault;
        record.message = f.message;
        if (f.broken) {
          if (record.claim.empty()) record.claim = flow_claim(i);
          record.expected = "the command succeeds";
          record.actual = f.message;
        }
      } catch (const std::exception& e) {
        record.outcome = Outcome::Fault;
        record.message = e.what();
      }
      record.duration = std::chrono::steady_clock::now() - step_start;
      faulted = record.outcome == Outcome::Fault || (record.outcome == Outcome::Broken && !step.is_check());
      if (faulted) result_.stopped_at = i;
      result_.steps.push_back(std::move(record));
    }
    decide_claims();
    cleanup();
    result_.duration = std::chrono::steady_clock::now() - start;
    return std::move(result_);
  }

 private:
  static bool step_is_check_only(const Step& s) {
    return s.kind == StepKind::ExpectFile || s.kind == StepKind::ExpectVolume || s.kind == StepKind::ExpectContainer;
  }

  bool applies(const Step& s) const { return s.applies_to(cli_.dialect().name); }

  // The claim whose flow step i belongs to: that of the next check.
  std::string flow_claim(int i) const {
    for (; i < static_cast<int>(scenario_.steps.size()); ++i)
      if (scenario_.steps[i].is_check() && applies(scenario_.steps[i])) return scenario_.steps[i].claim;
    return scenario_.claims.back().id;
  }

  // Steps after the last check of a selected claim need not run.
  int last_needed_step() const {
    int last = -1;
    for (int i = 0; i < static_cast<int>(scenario_.steps.size()); ++i)
      if (scenario_.steps[i].is_check() && applies(scenario_.steps[i]) && filter_.matches(scenario_.steps[i].claim)) last = i;
    return last;
  }

  std::string name_of(const std::string& logical) const {
    return "harness-" + options_.run_id + "-" + std::to_string(index_) + "-" + logical;
  }
  std::string label() const { return "harness.run=" + options_.run_id; }

  // A volume's runtime name: ours, or the one <find-volume> found for an anonymous volume.
  std::string volume_name(const std::string& logical) const {
    const auto it = found_volumes_.find(logical);
    return it == found_volumes_.end() ? name_of(logical) : it->second;
  }

  std::string host_path(const std::string& logical, const std::string& relative = "") const {
    const auto it = hosts_.find(logical);
    if (it == hosts_.end()) throw StepFault{"host folder '" + logical + "' was not made"};
    return relative.empty() ? it->second : inside(it->second, relative);
  }

  // Runs one command of a step: within the step's timeout and the scenario's deadline.
  const ProcessResult& call(StepRecord& record, const Argv& argv, const std::string& input = "") {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - std::chrono::steady_clock::now());
    const auto timeout = std::max(std::chrono::milliseconds(1), std::min(step_timeout_, left));
    record.commands.push_back({argv, input, false, engine_.runner().run(argv, input, timeout)});
    auto& r = record.commands.back().result;
    if (r.timed_out && timeout < step_timeout_) r.note = "the scenario ran out of time and the command was killed after " + seconds_text(r.duration);
    else if (r.timed_out) r.note = "timed out after " + seconds_text(r.duration) + " (the step may take " + seconds_text(step_timeout_) + ") and was killed with its children";
    else if (interrupted() && !r.ok()) {
      r.note = "killed: the run was interrupted";
      r.timed_out = true;  // not the runtime's answer: a fault, never a claim's failure
    }
    return r;
  }

  // A runtime command that must work for the scenario to go on.
  const ProcessResult& must(StepRecord& record, const Argv& argv, const std::string& input = "") {
    const auto& r = call(record, argv, input);
    if (!r.ok()) throw StepFault{"<" + record.element + "> failed: " + describe_failure(r, options_.step_timeout), !is_fault(r)};
    return r;
  }

  // A removal's error that only says the thing was not there.
  bool already_gone(const std::string& line) const {
    const std::string l = lower(line);
    for (const auto& text : cli_.dialect().already_gone)
      if (l.find(text) != std::string::npos) return true;
    return false;
  }

  bool is_fault(const ProcessResult& r) const {
    if (!r.ran()) return true;
    const auto& marker = cli_.dialect().unreachable_text;
    return !marker.empty() && r.err.find(marker) != std::string::npos;
  }

  std::string summary(const Step& s) const {
    const std::string c = s.service.empty() ? "container " + s.container : "service " + s.service + " of " + s.project;
    switch (s.kind) {
      case StepKind::HostDir: return "make host folder " + s.host + " (stands in for $HOME)";
      case StepKind::VolumeCreate: return "create volume " + s.volume;
      case StepKind::VolumeRemove: return "remove volume " + s.volume;
      case StepKind::Run: return std::string(s.detach ? "start " : "run one-shot ") + c + (s.rm ? " (--rm)" : "");
      case StepKind::Create: return "create " + c + (s.rm ? " (--rm)" : "") + ", not started";
      case StepKind::Write: return "write " + s.path + " in " + c;
      case StepKind::Exec: return "run a command in " + c;
      case StepKind::Stop: return "stop " + c;
      case StepKind::Start: return "start " + c;
      case StepKind::Restart: return "restart " + c;
      case StepKind::Remove: return "remove " + c;
      case StepKind::ExpectFile: {
        const std::string where = s.place == Place::Container ? "in " + c
                                  : s.place == Place::Fresh   ? "in a new container"
                                  : s.place == Place::Volume  ? "on the host, in volume " + s.volume
                                                              : "on the host, in folder " + s.host;
        return "check " + s.path + " " + where;
      }
      case StepKind::ExpectVolume: return "check volume " + s.volume;
      case StepKind::ExpectContainer: return "check " + c;
      case StepKind::ComposeProject: return "make Compose project " + s.project;
      case StepKind::ComposeUp: return "compose up -d project " + s.project + (s.alias.empty() ? "" : " as " + s.alias);
      case StepKind::ComposeDown: return std::string("compose down") + (s.remove_volumes ? " -v" : "") + " project " + s.project;
      case StepKind::Wait: return "wait for " + c + " to exit";
      case StepKind::FindVolume: return "find the volume " + c + " mounts at " + s.target + ", call it " + s.volume;
      case StepKind::FindLayer: return "find the writable layer of " + c + " on the host, call it " + s.host;
      case StepKind::Tutorial: {
        std::string line;
        for (const auto& w : s.args) line += " " + w;
        return "the tutorial's command:" + line;
      }
    }
    return s.element;
  }

  RunSpec run_spec(const Step& s, const std::string& name) {
    RunSpec spec;
    spec.name = name;
    spec.image = s.image.empty() ? options_.image : s.image;
    spec.labels = {label()};
    for (const auto& m : s.mounts) {
      RunSpec::ResolvedMount r{m.type, m.flag, "", m.target, m.read_only};
      r.nocopy = m.nocopy;
      if (m.type == Mount::Type::Volume && !m.anonymous()) {
        r.source = volume_name(m.source);
        ledger_.add_volume(r.source);  // `-v name:/p` creates it when it is missing
      } else if (m.type == Mount::Type::Bind) {
        r.source = host_path(m.source, m.path);
      }
      spec.mounts.push_back(r);
    }
    return spec;
  }

  // The Compose tool, or a fault saying none is there.
  Engine::Compose compose_tool(StepRecord& record) {
    CommandRecord lookup;
    const auto compose = engine_.compose(lookup);
    if (!lookup.argv.empty()) record.commands.push_back(lookup);
    if (!compose.tool) {
      std::string tried;
      for (const auto& t : cli_.dialect().compose) tried += (tried.empty() ? "" : ", ") + (t.plugin ? cli_.dialect().binary + " compose" : t.binary);
      throw StepFault{"no Compose tool for " + cli_.dialect().name + " (tried " + tried + "): install one (see .ci/setup)"};
    }
    return compose;
  }

  // A container step's container: by logical name, or a Compose service's first replica.
  std::string container_of(const Step& s) {
    if (s.service.empty()) return name_of(s.container);
    StepRecord unused;
    return service_container(*compose_tool(unused).tool, name_of(s.project), s.service);
  }

  void make_compose_project(const Step& s, StepRecord& record) {
    compose_tool(record);
    std::string parent = options_.host_tmp + "/" + name_of(s.project) + "-XXXXXX";
    if (!::mkdtemp(&parent[0])) throw StepFault{"cannot make a folder in " + options_.host_tmp};
    ledger_.add_host_dir(parent);
    const std::string prefix = name_of("");
    // a folder named Harness-<run>-<n>-<folder>: the tool's default project name comes from it
    const std::string folder = s.folder.empty() ? "project" : "Harness-" + prefix.substr(std::string("harness-").size()) + s.folder;
    StepRecord unused;
    projects_[s.project] = harness::make_compose_project(
        fixtures_dir(), s.fixture, parent, folder, *compose_tool(unused).tool,
        {{"HARNESS_IMAGE", options_.image}, {"HARNESS_PREFIX", prefix}});
    record.summary = "make Compose project " + s.project + " from fixtures/compose/" + s.fixture + " = " + projects_[s.project].folder;
    record.outcome = Outcome::Done;
  }

  void compose_up(const Step& s, StepRecord& record) {
    const auto compose = compose_tool(record);
    const std::string as = s.alias.empty() ? s.project : s.alias;
    ComposeProject project = projects_.at(s.project);
    project.name = s.default_name ? "" : name_of(as);
    projects_[as] = project;
    ledger_.add_compose(project);
    if (compose.tool->down_leaves_network) ledger_.add_network(name_of(as) + "_default");
    action(s, record, compose_command(compose.command, project, {"up", "-d"}));
  }

  void compose_down(const Step& s, StepRecord& record) {
    const auto compose = compose_tool(record);
    const ComposeProject& project = projects_.at(s.project);
    action(s, record, compose_command(compose.command, project, s.remove_volumes ? Argv{"down", "-v"} : Argv{"down"}));
    // what `down -v` removed needs no second `down` at cleanup (the end-of-run sweep still checks)
    if (s.remove_volumes && record.commands.back().result.ok()) ledger_.drop_compose(project);
  }

  void execute(const Step& s, StepRecord& record) {
    const std::string container = container_of(s);
    switch (s.kind) {
      case StepKind::HostDir: return make_host_dir(s, record);
      case StepKind::VolumeCreate:
        ledger_.add_volume(volume_name(s.volume));
        return action(s, record, cli_.volume_create(volume_name(s.volume), {label()}));
      case StepKind::VolumeRemove: return action(s, record, cli_.volume_rm(volume_name(s.volume)));
      case StepKind::Run:
      case StepKind::Create: {
        RunSpec spec = run_spec(s, container);
        spec.create_only = s.kind == StepKind::Create;
        spec.detach = s.detach;
        spec.rm = s.rm;
        spec.read_only = s.read_only;
        spec.command = s.args.empty() && (s.detach || spec.create_only) ? kKeepAlive : s.args;
        ledger_.add_container(container);
        action(s, record, cli_.run(spec));
        if (gone_after_run(spec, record.commands.back().result)) ledger_.drop_container(container);
        return;
      }
      case StepKind::Write: {
        Argv command = kWrite;
        command.push_back(s.path);
        return action(s, record, cli_.exec(container, command, true), *s.content);
      }
      case StepKind::Exec: return action(s, record, cli_.exec(container, s.args, false));
      case StepKind::Stop: return action(s, record, cli_.stop(container));
      case StepKind::Start: return action(s, record, cli_.start(container, s.attach));
      case StepKind::Restart: return action(s, record, cli_.restart(container));
      case StepKind::Remove:
        action(s, record, cli_.remove_containers({container}, s.remove_volumes));
        if (record.commands.back().result.ok()) ledger_.drop_container(container);
        return;
      case StepKind::Wait: return action(s, record, cli_.wait(container));
      case StepKind::FindVolume: return find_volume(s, record);
      case StepKind::FindLayer: return find_layer(s, record);
      case StepKind::Tutorial: return tutorial(s, record);
      case StepKind::ExpectContainer: return expect_container(s, record);
      case StepKind::ComposeProject: return make_compose_project(s, record);
      case StepKind::ComposeUp: return compose_up(s, record);
      case StepKind::ComposeDown: return compose_down(s, record);
      case StepKind::ExpectFile: return expect_file(s, record);
      case StepKind::ExpectVolume: return expect_volume(s, record);
    }
  }

  // A one-shot --rm container whose run returned on its own is removed: the CLI waits
  // for the removal before it returns.
  static bool gone_after_run(const RunSpec& spec, const ProcessResult& r) {
    return spec.rm && !spec.detach && !spec.create_only && r.ran() && r.exit_code != 125;
  }

  // An action: it must work, unless it is a check that says it must fail.
  void action(const Step& s, StepRecord& record, const Argv& argv, const std::string& input = "") {
    if (!s.is_check()) {
      must(record, argv, input);
      record.outcome = Outcome::Done;
      return;
    }
    const auto& r = call(record, argv, input);
    if (is_fault(r)) throw StepFault{"<" + record.element + "> failed: " + describe_failure(r, options_.step_timeout)};
    const bool failed = r.exit_code != 0;
    record.actual = failed ? "it failed (" + describe_failure(r, options_.step_timeout) + ")"
                           : "it succeeded (exit code 0)";
    bool held;
    if (s.exit_code) {
      record.expected = "exit code " + std::to_string(*s.exit_code);
      held = r.exit_code == *s.exit_code;
    } else {
      record.expected = s.expect_failure ? "the command fails" : "the command succeeds";
      held = failed == s.expect_failure;
      const auto& refusals = cli_.dialect().cli_errors;
      if (s.expect_failure && std::find(refusals.begin(), refusals.end(), r.exit_code) != refusals.end()) {
        held = false;  // the CLI refused the command itself: what the claim is about never happened
        record.actual += " -- the runtime's CLI refused the command itself, so this is not the failure the claim means";
      }
    }
    if (s.stdout_text) {
      record.expected += ", printing " + quote(*s.stdout_text);
      record.actual += ", printing " + quote(clip(r.out, 200));
      held = held && r.out == *s.stdout_text;
    } else if (!s.stdout_contains.empty()) {
      record.expected += ", printing something with " + quote(s.stdout_contains);
      record.actual += ", printing " + quote(clip(r.out, 200));
      held = held && r.out.find(s.stdout_contains) != std::string::npos;
    }
    record.outcome = held ? Outcome::Held : Outcome::Broken;
  }

  void find_volume(const Step& s, StepRecord& record) {
    const std::string format = "{{range .Mounts}}{{if eq .Destination \"" + s.target + "\"}}{{.Name}}{{end}}{{end}}";
    const auto& r = must(record, cli_.container_inspect(name_of(s.container), format));
    const std::string name = first_line(r.out);
    if (name.empty()) throw StepFault{"container " + s.container + " mounts no volume at " + s.target, true};
    found_volumes_[s.volume] = name;
    ledger_.add_volume(name);
    record.summary += " = " + name;
    record.outcome = Outcome::Done;
  }

  // A container's writable layer on the host, for checks that read it (never removed by
  // the harness: it is the runtime's folder).
  void find_layer(const Step& s, StepRecord& record) {
    const auto& r = must(record, cli_.container_inspect(container_of(s), cli_.dialect().layer_format));
    const std::string dir = first_line(r.out);
    if (dir.empty() || dir[0] != '/') throw StepFault{"the runtime shows no writable layer on the host for " + s.container, true};
    hosts_[s.host] = dir;
    record.summary += " = " + dir;
    record.outcome = Outcome::Done;
  }

  void tutorial(const Step& s, StepRecord& record) {
    Argv words;
    for (std::string w : s.args) {
      for (const auto& [placeholder, value] : {std::pair<std::string, std::string>{"{volume}", s.volume.empty() ? "" : volume_name(s.volume)},
                                              {"{container}", s.container.empty() ? "" : name_of(s.container)},
                                              {"{image}", options_.image}}) {
        for (auto at = w.find(placeholder); at != std::string::npos; at = w.find(placeholder, at + value.size()))
          w.replace(at, placeholder.size(), value);
      }
      words.push_back(w);
    }
    if (!s.volume.empty()) ledger_.add_volume(volume_name(s.volume));
    if (!s.container.empty()) ledger_.add_container(name_of(s.container));
    words = with_run_options(words, {"--label", label(), "--network", "none"});  // like every container of the run
    action(s, record, cli_.words(words));
  }

  void expect_container(const Step& s, StepRecord& record) {
    const auto& r = call(record, cli_.container_inspect(container_of(s), "{{.Id}}"));
    const bool exists = r.exit_code == 0;
    if (is_fault(r) || (!exists && lower(r.err).find(cli_.dialect().missing_container) == std::string::npos))
      throw StepFault{"container inspect failed: " + describe_failure(r, options_.step_timeout)};
    record.expected = *s.exists ? "the container exists" : "no such container";
    record.actual = exists ? "the container exists" : "no such container";
    record.outcome = exists == *s.exists ? Outcome::Held : Outcome::Broken;
    if (!exists) ledger_.drop_container(container_of(s));
  }

  void make_host_dir(const Step& s, StepRecord& record) {
    std::string tmpl = options_.host_tmp + "/" + name_of(s.host) + "-XXXXXX";
    if (!::mkdtemp(&tmpl[0])) throw StepFault{"cannot make a folder in " + options_.host_tmp};
    ledger_.add_host_dir(tmpl);
    hosts_[s.host] = tmpl;
    for (const auto& f : s.files) {
      const fs::path path = fs::path(tmpl) / f.path;
      fs::create_directories(path.parent_path());
      std::ofstream out(path.string(), std::ios::binary);
      out << f.content;
      if (!out) throw StepFault{"cannot write " + path.string()};
      ProcessResult wrote;
      wrote.exit_code = 0;
      record.commands.push_back({{"write", path.string()}, f.content, true, wrote});
    }
    record.summary = "make host folder " + s.host + " = " + tmpl;
    record.outcome = Outcome::Done;
  }

  Observed probe_in_container(StepRecord& record, const Argv& argv) {
    const auto& r = call(record, argv);
    if (!r.ran() || (r.exit_code != 0 && r.exit_code != kProbeAbsent))
      throw StepFault{"reading the file failed: " + describe_failure(r, options_.step_timeout), !is_fault(r)};
    return {r.exit_code == 0, r.out, 0};
  }

  // Reads a file on the host that a container may have made or replaced: never follows a
  // symlink, never blocks on a FIFO or a device, reads at most 1 MiB. Only "no such file"
  // counts as absent; any other error is a fault, never a pass.
  Observed read_on_host(StepRecord& record, const std::string& path) {
    Observed o;
    CommandRecord cmd{{"cat", path}, "", true, {}};
    cmd.result.exit_code = 0;
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
      if (errno != ENOENT && errno != ENOTDIR) throw StepFault{"cannot look at " + path + ": " + std::strerror(errno)};
      cmd.result.exit_code = 1;
      cmd.result.err = "cat: " + path + ": No such file or directory\n";
    } else {
      o.present = true;
      o.uid = st.st_uid;
      if (S_ISDIR(st.st_mode)) o.content = "";  // a folder is there (BND-4); it has no content
      else if (!S_ISREG(st.st_mode)) o.content = S_ISLNK(st.st_mode) ? "(a symlink, not followed)" : "(not a regular file)";
      else o.content = read_regular(path);
      cmd.result.out = o.content;
    }
    record.commands.push_back(cmd);
    return o;
  }

  static std::string read_regular(const std::string& path) {
    constexpr std::size_t kMax = 1 << 20;
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) throw StepFault{"cannot read " + path + ": " + std::strerror(errno)};
    struct stat st {};
    std::string content;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
      char buf[65536];
      for (ssize_t n; content.size() < kMax && (n = ::read(fd, buf, sizeof buf)) > 0;) content.append(buf, static_cast<std::size_t>(n));
      if (content.size() > kMax) content.resize(kMax);
    }
    ::close(fd);
    return content;
  }


  std::string mountpoint(StepRecord& record, const std::string& volume) {
    const std::string name = volume_name(volume);
    const auto known = mountpoints_.find(name);
    if (known != mountpoints_.end()) return known->second;
    const auto& r = must(record, cli_.volume_inspect(name, "{{.Mountpoint}}"));
    const std::string mp = first_line(r.out);
    if (mp.empty() || mp[0] != '/') throw StepFault{"volume " + name + " has no Mountpoint on the host: " + quote(r.out)};
    return mountpoints_[name] = mp;
  }

  void expect_file(const Step& s, StepRecord& record) {
    Observed o;
    std::string where;
    Argv probe = kProbe;
    probe.push_back(s.path);
    switch (s.place) {
      case Place::Container:
        o = probe_in_container(record, cli_.exec(container_of(s), probe, false));
        break;
      case Place::Fresh: {
        RunSpec spec = run_spec(s, name_of("probe" + std::to_string(++probes_)));
        spec.rm = true;
        spec.command = probe;
        ledger_.add_container(spec.name);
        o = probe_in_container(record, cli_.run(spec));
        if (gone_after_run(spec, record.commands.back().result)) ledger_.drop_container(spec.name);
        break;
      }
      case Place::Volume: o = read_on_host(record, inside(mountpoint(record, s.volume), s.path)); break;
      case Place::Host: o = read_on_host(record, host_path(s.host, s.path)); break;
    }
    const std::string found = o.present ? "present, content " + quote(o.content) : "no such file";
    record.outcome = Outcome::Held;
    if (s.absent) {
      record.expected = "no such file";
      record.actual = found;
      if (o.present) record.outcome = Outcome::Broken;
    } else if (s.content) {
      record.expected = "content " + quote(*s.content);
      record.actual = found;
      if (!o.present || o.content != *s.content) record.outcome = Outcome::Broken;
    } else {
      record.expected = "the file is there";
      record.actual = o.present ? "present" : "no such file";
      if (!o.present) record.outcome = Outcome::Broken;
    }
    if (s.owner_uid && record.outcome == Outcome::Held) {
      record.expected = "owned by uid " + std::to_string(*s.owner_uid);
      record.actual = o.present ? "owned by uid " + std::to_string(o.uid) : "no such file";
      if (!o.present || o.uid != *s.owner_uid) record.outcome = Outcome::Broken;
    }
  }

  void expect_volume(const Step& s, StepRecord& record) {
    const std::string name = volume_name(s.volume);
    std::vector<std::string> expected, actual;
    bool held = true;
    auto compare = [&](const std::string& want, const std::string& got) {
      expected.push_back(want);
      actual.push_back(got);
      held = held && want == got;
    };
    if (s.listed) {
      const auto& r = must(record, cli_.volume_list());
      const bool listed = ("\n" + r.out).find("\n" + name + "\n") != std::string::npos;
      compare(*s.listed ? "listed by volume ls" : "not listed by volume ls",
              listed ? "listed by volume ls" : "not listed by volume ls");
    }
    if (s.exists || !s.driver.empty() || s.default_mountpoint) {
      const auto& r = call(record, cli_.volume_inspect(name, "{{.Driver}}\n{{.Mountpoint}}"));
      const bool exists = r.exit_code == 0;
      if (is_fault(r) || (!exists && lower(r.err).find(cli_.dialect().missing_volume) == std::string::npos))
        throw StepFault{"volume inspect failed: " + describe_failure(r, options_.step_timeout)};
      if (!exists) {
        ledger_.drop_volume(name);
        mountpoints_.erase(name);
      }
      if (s.exists) compare(*s.exists ? "exists" : "does not exist", exists ? "exists" : "does not exist");
      std::istringstream lines(r.out);
      std::string driver, mp;
      std::getline(lines, driver);
      std::getline(lines, mp);
      if (exists && !mp.empty() && mp[0] == '/') mountpoints_[name] = mp;
      if (!s.driver.empty()) compare("driver " + s.driver, exists ? "driver " + driver : "no such volume");
      if (s.default_mountpoint) {
        CommandRecord root;
        const std::string base = engine_.volume_root(root);
        if (!root.argv.empty()) record.commands.push_back(root);
        if (base.empty()) throw StepFault{"the runtime did not say where it keeps volumes: " + describe_failure(root.result, options_.step_timeout)};
        const std::string sub = cli_.dialect().volume_root_suffix;
        const std::string want = base + (sub.empty() ? "" : "/" + sub) + "/" + name + "/" + cli_.dialect().volume_data;
        compare("Mountpoint " + want, exists ? "Mountpoint " + mp : "no such volume");
      }
    }
    auto join = [](const std::vector<std::string>& v) {
      std::string out;
      for (const auto& x : v) out += (out.empty() ? "" : "; ") + x;
      return out;
    };
    record.expected = join(expected);
    record.actual = join(actual);
    record.outcome = held ? Outcome::Held : Outcome::Broken;
  }

  // A claim fails if any of its checks found otherwise, is in error if a fault kept any
  // of its checks from running, and passes when every check held. Each step's time is
  // counted for the claim of the next check, so claim times add up to the scenario's.
  void decide_claims() {
    std::map<std::string, Seconds> time;
    Seconds pending{0};
    for (const auto& r : result_.steps) {
      pending += r.duration;
      if (!r.claim.empty()) {
        time[r.claim] += pending;
        pending = Seconds{0};
      }
    }
    for (const auto& claim : scenario_.claims) {
      if (!filter_.matches(claim.id)) continue;
      ClaimResult c{claim, Verdict::Pass, time[claim.id], -1, {}, ""};
      for (const auto& step : scenario_.steps)
        if (step.claim == claim.id && !step.runtimes.empty() && !step.note.empty() && applies(step))
          c.differences.push_back(step.note);
      int checks = 0;
      for (int i = 0; i < static_cast<int>(result_.steps.size()); ++i) {
        const auto& r = result_.steps[i];
        if (r.claim != claim.id) continue;
        ++checks;
        if (r.outcome == Outcome::Broken && c.verdict != Verdict::Fail) {
          c.verdict = Verdict::Fail;
          c.deciding_step = i;
        }
        if ((r.outcome == Outcome::Fault || r.outcome == Outcome::NotRun) && c.verdict == Verdict::Pass) {
          c.verdict = Verdict::Error;
          c.deciding_step = result_.stopped_at >= 0 ? result_.stopped_at : i;
        }
      }
      if (checks == 0) {
        c.verdict = Verdict::Error;
        c.message = "no check of " + claim.id + " applies to " + cli_.dialect().name;
      }
      result_.claims.push_back(c);
    }
  }

  void cleanup() {
    const auto run_cleanup = [&](const std::vector<std::string>& names, const Argv& argv) {
      if (names.empty()) return;
      CommandRecord cmd{argv, "", false, engine_.runner().run(argv, "", options_.step_timeout)};
      const auto& r = cmd.result;
      if (!r.ran()) {
        for (const auto& n : names) result_.leftovers.push_back(n + " (" + describe_failure(r, options_.step_timeout) + ")");
      } else if (r.exit_code != 0) {
        std::istringstream lines(r.err);
        for (std::string line; std::getline(lines, line);)
          for (const auto& n : names)
            if (line.find(n) != std::string::npos && !already_gone(line))
              result_.leftovers.push_back(n + " (" + printable(line) + ")");
      }
      result_.cleanup.push_back(cmd);
    };
    if (!ledger_.compose_projects().empty()) {
      CommandRecord lookup;
      const auto compose = engine_.compose(lookup);
      for (const auto& project : ledger_.compose_projects()) {
        const Argv down = compose_command(compose.command, project, {"down", "--volumes", "--timeout", "0"});
        CommandRecord cmd{down, "", false, engine_.runner().run(down, "", options_.step_timeout)};
        if (!cmd.result.ok())
          result_.leftovers.push_back("Compose project in " + project.folder + " (down: " + describe_failure(cmd.result, options_.step_timeout) + ")");
        result_.cleanup.push_back(cmd);
      }
    }
    run_cleanup(ledger_.containers(), cli_.remove_containers(ledger_.containers(), true));
    run_cleanup(ledger_.networks(), cli_.network_remove(ledger_.networks()));
    run_cleanup(ledger_.volumes(), cli_.volume_remove(ledger_.volumes()));
    for (const auto& dir : ledger_.host_dirs()) {
      boost::system::error_code ec;
      fs::remove_all(dir, ec);
      if (ec) result_.leftovers.push_back(dir + " (" + ec.message() + ")");
    }
  }

  Engine& engine_;
  const Cli& cli_;
  const EngineOptions& options_;
  const Scenario& scenario_;
  int index_;
  const ClaimFilter& filter_;
  Ledger ledger_;
  std::map<std::string, std::string> hosts_;
  // Volume Mountpoints seen since the last action: checks in a row ask the runtime once.
  std::map<std::string, std::string> mountpoints_;
  std::map<std::string, std::string> found_volumes_;  // logical name -> anonymous volume
  std::map<std::string, ComposeProject> projects_;     // logical project -> its folder, files, -p
  int probes_ = 0;
  ScenarioResult result_;
  std::chrono::steady_clock::time_point deadline_;
  std::chrono::milliseconds step_timeout_{0};
};

}  // namespace

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Pass: return "pass";
    case Verdict::Fail: return "fail";
    case Verdict::Error: return "error";
  }
  return "?";
}

Engine::Engine(Cli cli, ProcessRunner& runner, EngineOptions options)
    : cli_(std::move(cli)), runner_(runner), options_(std::move(options)) {}

ScenarioResult Engine::run(const Scenario& scenario, int index, const ClaimFilter& filter) {
  return ScenarioRun(*this, scenario, index, filter).run();
}

std::map<int, std::vector<std::string>> Engine::sweep() {
  const std::string prefix = "harness-" + options_.run_id + "-";
  const Resources found = list_named(cli_, runner_, prefix);
  if (found.empty()) return {};
  const Resources still = remove_resources(cli_, runner_, found, prefix);
  std::map<int, std::vector<std::string>> by_scenario;
  for (const auto* names : {&found.containers, &found.volumes, &found.networks})
    for (const auto& name : *names) {
      const int index = std::atoi(name.c_str() + prefix.size());
      const bool stuck = std::count(still.containers.begin(), still.containers.end(), name) +
                         std::count(still.volumes.begin(), still.volumes.end(), name) +
                         std::count(still.networks.begin(), still.networks.end(), name);
      by_scenario[index].push_back(name + (stuck ? " (could not be removed)" : " (its cleanup missed it; removed by the end-of-run sweep)"));
    }
  return by_scenario;
}

Engine::Compose Engine::compose(CommandRecord& record) {
  std::lock_guard<std::mutex> lock(compose_mutex_);
  if (compose_looked_up_) return compose_;
  compose_looked_up_ = true;
  for (const auto& tool : cli_.dialect().compose) {
    if (tool.plugin) {
      const Argv probe = cli_.words({"compose", "version"});
      record = {probe, "", false, runner_.run(probe, "", options_.step_timeout)};
      if (record.result.ok()) return compose_ = {&tool, {cli_.executable(), "compose"}};
    } else if (const std::string exe = find_on_path(tool.binary); !exe.empty()) {
      return compose_ = {&tool, {exe}};
    }
  }
  return compose_;
}

std::string Engine::volume_root(CommandRecord& record) {
  std::lock_guard<std::mutex> lock(root_mutex_);
  if (!volume_root_.empty()) return volume_root_;
  record = {cli_.volume_root(), "", false, runner_.run(cli_.volume_root(), "", options_.step_timeout)};
  if (record.result.ok()) volume_root_ = first_line(record.result.out);
  return volume_root_;
}

}  // namespace harness
