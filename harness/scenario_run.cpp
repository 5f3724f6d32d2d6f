#include "scenario_run.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>
#include <utility>

#include "checks.hpp"
#include "claim_flows.hpp"
#include "cleanup.hpp"
#include "i18n.hpp"
#include "interrupt.hpp"
#include "shared_exec.hpp"
#include "step_kinds.hpp"
#include "text.hpp"
#include "tutorial_line.hpp"
#include "uid_map.hpp"
#include "verdicts.hpp"

namespace harness {

namespace {

const Argv kWrite = {"sh", "-c", "cat > \"$1\"", "write"};

std::chrono::milliseconds from_seconds(double s) { return std::chrono::milliseconds(static_cast<long>(s * 1000)); }

// A one-shot --rm container whose run returned on its own is removed: the CLI waits
// for the removal before it returns.
bool gone_after_run(const RunSpec& spec, const ProcessResult& r, const Dialect& dialect) {
  const auto& refusals = dialect.cli_errors;
  return spec.rm && !spec.detach && !spec.create_only && r.ran() &&
         std::find(refusals.begin(), refusals.end(), r.exit_code) == refusals.end();
}

std::string signal_name(int signo) { return signo == SIGINT ? "SIGINT" : signo == SIGTERM ? "SIGTERM" : tr("a signal"); }

}  // namespace

ScenarioRun::ScenarioRun(Engine& engine, const Scenario& scenario, int index, const ClaimFilter& filter, int part)
    : engine_(engine),
      options_(engine.options()),
      scenario_(scenario),
      filter_(filter),
      names_(options_.run_id, index, part),
      calls_(engine.cli(), engine.runner(), options_.step_timeout),
      host_observer_(calls_, engine.host_files()),
      runtime_observer_(calls_, engine.host_files(), names_.ledger(), {names_.of("Look"), names_.label(), options_.image}),
      observer_(options_.facts.sees_volumes ? static_cast<Observer&>(host_observer_) : runtime_observer_),
      compose_(names_, engine.compose(), engine.host_files(), options_.host_tmp, options_.image) {}

ScenarioResult ScenarioRun::run() {
  // The run's network anchor, held until this run's last container start (when it ends
  // early too): released once.
  struct AnchorHold {
    Engine& engine;
    bool held = true;
    void release() {
      if (std::exchange(held, false)) engine.release_anchor();
    }
    ~AnchorHold() { release(); }
  } anchor{engine_};
  const auto start = std::chrono::steady_clock::now();
  result_.scenario = scenario_;
  result_.runtime = options_.target_name;
  result_.runtime_version = options_.runtime_version;
  result_.target = options_.facts;
  result_.timestamp = utc_timestamp();

  if (const std::string why = cannot_check_here(); !why.empty()) {
    for (const auto& claim : scenario_.claims)
      if (filter_.matches(claim.id)) result_.claims.push_back({claim, Verdict::Skipped, Seconds{0}, -1, {}, why, ""});
    return std::move(result_);
  }
  served_ = claims_served(scenario_, [this](const Step& s) { return applies(s); });
  uses_ = name_uses(scenario_, [this](const Step& s) { return applies(s); });
  const int last = last_needed_step();
  const int last_start = last_container_start(last);
  const auto limit = scenario_.timeout ? from_seconds(*scenario_.timeout) : options_.scenario_timeout;
  const auto deadline = start + limit;
  bool stopped = false;
  for (int i = 0; i <= last; ++i) {
    if (i > last_start) anchor.release();
    const Step& step = scenario_.steps[i];
    if (!applies(step)) continue;  // a step for another runtime
    StepRecord record;
    record.kind = step.kind;
    record.line = step.line;
    record.element = step.element;
    record.claim = step.claim;
    record.summary = summary(step);
    if (!serves_selected(i)) continue;  // a step of other claims' flows only
    for (const auto& c : served_[i])
      if (filter_.matches(c)) record.serves.push_back(c);
    if (stopped || depends_on_refused(i)) {
      record.outcome = Outcome::NotRun;
      result_.steps.push_back(record);
      continue;
    }
    const auto step_start = std::chrono::steady_clock::now();
    calls_.begin_step(step.timeout ? from_seconds(*step.timeout) : options_.step_timeout, deadline);
    try {
      if (const int signo = interrupted()) throw StepFault{tr("interrupted by {1} before this step", {signal_name(signo)})};
      if (step_start >= deadline)
        throw StepFault{
            tr("the scenario ran out of time: it may take {1} s (timeout=, --scenario-timeout)", {seconds_text(limit, 1)})};
      if (!is_check_only(step)) {  // an action may remove or re-create a volume: nothing of it is remembered or held
        host_observer_.forget();
        runtime_observer_.forget();
        if (!runtime_observer_.stuck().empty()) throw StepFault{runtime_observer_.stuck()};
      }
      share_exec_from(i);
      if (const auto it = shared_.find(i); it != shared_.end())
        calls_.answer_next(it->second.argv, it->second.input, it->second.shared);
      execute(step, record);
    } catch (const StepRefused& refused) {
      record.outcome = Outcome::Broken;
      record.mismatch = Mismatch::Refused;
      record.message = refused.message;
      record.expected = tr("the command succeeds");
      record.actual = refused.message;
    } catch (const StepFault& fault) {
      record.outcome = Outcome::Fault;
      record.message = fault.message;
    } catch (const std::exception& e) {
      record.outcome = Outcome::Fault;
      record.message = e.what();
    }
    record.duration = std::chrono::steady_clock::now() - step_start;
    if (record.outcome == Outcome::Broken && !step.is_check())  // what it should have made is not there
      refused_.insert(uses_[i].changes.begin(), uses_[i].changes.end());
    stopped = record.outcome == Outcome::Fault;
    if (stopped) result_.stopped_at = static_cast<int>(result_.steps.size());
    result_.steps.push_back(std::move(record));
  }
  result_.claims = decide_claims(scenario_, result_.steps, options_.facts, filter_, result_.stopped_at);
  runtime_observer_.forget();  // its helper containers hold volumes: gone before `compose down -v`
  for (auto& removal : runtime_observer_.take_removals()) result_.cleanup.push_back(std::move(removal));
  clean_up(names_.ledger(), calls_, engine_.compose(), engine_.host_files(), result_);
  result_.duration = std::chrono::steady_clock::now() - start;
  return std::move(result_);
}

// Why this scenario's checks cannot be made on this target at all, or "".
std::string ScenarioRun::cannot_check_here() const {
  if (options_.facts.sees_host_dirs) return "";
  for (const auto& s : scenario_.steps)
    for (const auto& m : s.mounts)
      if (applies(s) && m.type == Mount::Type::Bind)
        return tr("skipped: {1}; give --host-dir-root PATH, a folder both see and can read",
                  {options_.facts.host_dirs_why.empty()
                       ? tr("the engine does not see the harness's host folders in {1} (it runs on another machine, in a VM "
                            "or in a DinD service)",
                            {options_.host_tmp})
                       : options_.facts.host_dirs_why});
  return "";
}

// The claim whose flow step i belongs to: that of the next check.
// A step serves a selected claim's flow (claim_flows.hpp); the others need not run.
bool ScenarioRun::serves_selected(int i) const { return filter_.matches_any(served_[i]); }

int ScenarioRun::last_needed_step() const {
  int last = -1;
  for (int i = 0; i < static_cast<int>(scenario_.steps.size()); ++i)
    if (serves_selected(i)) last = i;
  return last;
}

// The last step to make that starts a container (which joins the run's network anchor);
// the last step when files are read through helper containers, which any check may start.
int ScenarioRun::last_container_start(int last) const {
  if (!options_.facts.sees_volumes) return last;
  int at = -1;
  for (int i = 0; i <= last; ++i)
    if (applies(scenario_.steps[i]) && serves_selected(i) && starts_container(scenario_.steps[i])) at = i;
  return at;
}

// A step that reads what a refused action should have made or changed cannot be made (its
// claims were charged with the refusal); what it would have made is missing too.
bool ScenarioRun::depends_on_refused(int i) {
  const NameUse& u = uses_[i];
  if (std::none_of(u.reads.begin(), u.reads.end(), [this](const std::string& n) { return refused_.count(n) > 0; })) return false;
  refused_.insert(u.changes.begin(), u.changes.end());
  return true;
}

void ScenarioRun::execute(const Step& s, StepRecord& record) {
  const Cli& cli = calls_.cli();
  switch (s.kind) {
    case StepKind::HostDir: return make_host_dir(s, record);
    case StepKind::VolumeCreate:
      names_.ledger().add_volume(names_.volume(s.volume));
      return action(s, record, cli.volume_create(names_.volume(s.volume), {names_.label()}));
    case StepKind::VolumeRemove: return action(s, record, cli.volume_remove({names_.volume(s.volume)}, s.force));
    case StepKind::Run:
    case StepKind::Create: return run_container(s, record);
    case StepKind::Write: {
      Argv command = kWrite;
      command.push_back(s.path);
      return action(s, record, cli.exec(container_of(s), command, true, s.user), *s.content);
    }
    case StepKind::Exec: return action(s, record, cli.exec(container_of(s), s.args, false, s.user));
    case StepKind::Stop: return action(s, record, cli.stop(container_of(s)));
    case StepKind::Start: return action(s, record, cli.start(container_of(s), s.attach));
    case StepKind::Restart: return action(s, record, cli.restart(container_of(s)));
    case StepKind::Remove: return remove_container(s, record);
    case StepKind::Wait: return action(s, record, cli.wait(container_of(s)));
    case StepKind::FindVolume: return find_volume(s, record);
    case StepKind::FindLayer: return find_layer(s, record);
    case StepKind::Tutorial: return tutorial(s, record);
    case StepKind::ComposeProject: return compose_.make_project(s, record);
    case StepKind::ComposeUp: return action(s, record, compose_.up(s, record));
    case StepKind::ComposeDown:
      action(s, record, compose_.down(s, record));
      if (record.commands.back().result.ok()) compose_.down_worked(s);
      return;
    case StepKind::ExpectFile: return expect_file(s, record);
    case StepKind::ExpectVolume: return expect_volume(s, record);
    case StepKind::ExpectContainer: return expect_container(s, record);
    case StepKind::ExpectNetwork: return expect_network(s, record);
    case StepKind::HostWrite:
    case StepKind::HostDelete: return change_host_file(s, record);
  }
}

// From step i on, the steps that can share one exec (shared_exec.hpp): checks of files in
// a container and at most one write, in the same container as the same user, with no other
// step of the selected flows between them. One exec answers them all; each step takes its
// part when it runs, as if its own exec had answered. A step left out on the way (its
// flow was refused) leaves its part unused.
void ScenarioRun::share_exec_from(int i) {
  if (i <= shared_until_) return;
  shared_.clear();
  std::vector<int> steps;
  int writes = 0;
  for (int k = i; k < static_cast<int>(scenario_.steps.size()); ++k) {
    const Step& s = scenario_.steps[k];
    if (!applies(s) || !serves_selected(k)) continue;  // not made: nothing between the others
    const bool check = s.kind == StepKind::ExpectFile && s.place == Place::Container;
    const bool write = s.kind == StepKind::Write;
    if ((!check && !write) || !s.service.empty() || (write && ++writes > 1)) break;
    const Step& first = scenario_.steps[steps.empty() ? k : steps.front()];
    if (s.container != first.container || s.user != first.user) break;
    steps.push_back(k);
  }
  shared_until_ = steps.empty() ? i : steps.back();
  if (steps.size() < 2) return;
  const std::string container = names_.of(scenario_.steps[i].container);
  std::vector<ExecPart> parts;
  std::vector<SharedAnswer> answers;
  std::string input;
  for (const int k : steps) {
    const Step& s = scenario_.steps[k];
    ExecPart part{s.kind == StepKind::Write ? kWrite : file_probe(s.path), s.kind == StepKind::Write};
    if (part.reads_stdin) {
      part.command.push_back(s.path);
      input = *s.content;
    }
    answers.push_back({calls_.cli().exec(container, part.command, part.reads_stdin, s.user), part.reads_stdin ? input : "", {}});
    parts.push_back(std::move(part));
  }
  const std::string marker = names_.of("shared-exec-" + std::to_string(i));
  const Argv argv = calls_.cli().exec(container, shared_command(parts, marker), writes > 0, scenario_.steps[i].user);
  StepRecord scratch;
  const ProcessResult whole = calls_.call(scratch, argv, input);
  const auto split = split_answer(whole, parts.size(), marker);
  for (std::size_t n = 0; n < steps.size(); ++n) {
    if (n >= split.answered && whole.ok()) break;  // the output was lost: these steps make their own exec
    answers[n].shared = {argv, input, false, split.parts[n]};
    shared_[steps[n]] = std::move(answers[n]);
  }
}

// A container step's container: by logical name, or a Compose service's first replica.
std::string ScenarioRun::container_of(const Step& s) {
  return s.service.empty() ? names_.of(s.container) : compose_.container(s);
}

RunSpec ScenarioRun::run_spec(const Step& s, const std::string& name) {
  RunSpec spec;
  spec.name = name;
  spec.image = s.image.empty() ? options_.image : s.image;
  spec.labels = {names_.label()};
  for (const auto& m : s.mounts) {
    RunSpec::ResolvedMount r{m.type, m.flag, "", m.target, m.read_only, m.nocopy, m.chown};
    if (m.type == Mount::Type::Volume && !m.anonymous()) {
      r.source = names_.volume(m.source);
      names_.ledger().add_volume(r.source);  // `-v name:/p` creates it when it is missing
    } else if (m.type == Mount::Type::VolumesFrom) {
      r.source = names_.of(m.source);
    } else if (m.type == Mount::Type::Bind) {
      const std::string& folder = names_.folder(m.source);
      r.source = m.path.empty() ? folder : engine_.host_files().inside(folder, m.path);
      if (r.source.empty()) throw StepFault{tr("{1} leads outside {2} (through a symlink): not used", {quote(m.path), folder})};
    }
    spec.mounts.push_back(r);
  }
  return spec;
}

void ScenarioRun::run_container(const Step& s, StepRecord& record) {
  const std::string container = container_of(s);
  RunSpec spec = run_spec(s, container);
  spec.create_only = s.kind == StepKind::Create;
  spec.detach = s.detach;
  spec.rm = s.rm;
  spec.read_only = s.read_only;
  spec.user = s.user;
  spec.userns = s.userns;
  spec.command = s.args.empty() && (s.detach || spec.create_only) ? kKeepAlive : s.args;
  names_.ledger().add_container(container);
  action(s, record, calls_.cli().run(spec));
  if (gone_after_run(spec, record.commands.back().result, calls_.cli().dialect())) names_.ledger().drop_container(container);
}

void ScenarioRun::remove_container(const Step& s, StepRecord& record) {
  const std::string container = container_of(s);
  action(s, record, calls_.cli().remove_containers({container}, s.remove_volumes));
  if (record.commands.back().result.ok()) names_.ledger().drop_container(container);
}

// An action: it must work, unless it is a check that says what it must do.
void ScenarioRun::action(const Step& s, StepRecord& record, const Argv& argv, const std::string& input) {
  if (!s.is_check()) {
    calls_.must(record, argv, input);
    record.outcome = Outcome::Done;
    return;
  }
  judge(s, record, calls_.call(record, argv, input));
}

// A check's command, done: its answer held against what the claim says it must do.
void ScenarioRun::judge(const Step& s, StepRecord& record, const ProcessResult& r) {
  if (calls_.is_fault(r)) throw StepFault{tr("<{1}> failed: {2}", {record.element, calls_.failure(r)})};
  const auto& refusals = calls_.cli().dialect().cli_errors;
  const bool cli_refused = std::find(refusals.begin(), refusals.end(), r.exit_code) != refusals.end();
  apply(decide_action(s, r, calls_.failure(r), cli_refused), record);
}

void ScenarioRun::make_host_dir(const Step& s, StepRecord& record) {
  HostFiles& files = engine_.host_files();
  const std::string dir = files.make_folder(options_.host_tmp, names_.of(s.host) + "-");
  names_.ledger().add_host_dir(dir);
  names_.found_folder(s.host, dir);
  for (const auto& f : s.files) {
    const std::string path = dir + "/" + f.path;
    files.write(path, f.content);
    ProcessResult wrote;
    wrote.exit_code = 0;
    record.commands.push_back({{"write", path}, f.content, true, wrote});
  }
  record.summary += " = " + dir;
  record.outcome = Outcome::Done;
}

// A person on the host writes or deletes a file in the folder, while containers may have it
// mounted (a bind mount is a live view both ways: BND-1). Recorded as what they would type.
void ScenarioRun::change_host_file(const Step& s, StepRecord& record) {
  HostFiles& files = engine_.host_files();
  const std::string& folder = names_.folder(s.host);
  const std::string path = files.inside(folder, s.path);
  if (path.empty()) throw StepFault{quote(s.path) + " leads outside " + folder + " (through a symlink): not used"};
  ProcessResult done;
  done.exit_code = 0;
  if (s.kind == StepKind::HostWrite) {
    files.write(path, *s.content);
    record.commands.push_back({{"write", path}, *s.content, true, done});
  } else {
    if (const std::string why = files.remove_all(path); !why.empty()) throw StepFault{"cannot delete " + path + ": " + why};
    record.commands.push_back({{"rm", path}, "", true, done});
  }
  record.outcome = Outcome::Done;
}

void ScenarioRun::find_volume(const Step& s, StepRecord& record) {
  const std::string format = "{{range .Mounts}}{{if eq .Destination \"" + s.target + "\"}}{{.Name}}{{end}}{{end}}";
  const auto& r = calls_.must(record, calls_.cli().container_inspect(container_of(s), format));
  const std::string name = first_line(r.out);
  if (name.empty()) throw StepRefused{tr("container {1} mounts no volume at {2}", {container_of(s), s.target})};
  names_.found_volume(s.volume, name);
  names_.ledger().add_volume(name);
  record.summary += " = " + name;
  record.outcome = Outcome::Done;
}

// The writable layer: on the host where the storage driver shows one and the harness can
// read the engine's files; else what the runtime shows of the container's own changes.
void ScenarioRun::find_layer(const Step& s, StepRecord& record) {
  std::string dir;
  try {
    dir = observer_.layer_of(record, container_of(s));
  } catch (const StepRefused&) {  // no upper dir on the host (vfs, a containerd store): look through the runtime
    dir = runtime_observer_.layer_of(record, container_of(s));
    record.summary = summary(s) + tr(" (the storage driver shows none on the host: read through the runtime)");
  }
  names_.found_folder(s.host, dir);
  record.summary += " = " + dir;
  record.outcome = Outcome::Done;
}

void ScenarioRun::tutorial(const Step& s, StepRecord& record) {
  if (!s.project.empty()) return tutorial_compose(s, record);
  const auto line = parse_tutorial_line(s.args).line;
  if (line && (line->verb == TutorialLine::Verb::HostList || line->verb == TutorialLine::Verb::HostCat))
    return tutorial_host(s, *line, record);
  const Placeholders names = {{"{volume}", s.volume.empty() ? "" : names_.volume(s.volume)},
                              {"{container}", s.container.empty() ? "" : names_.of(s.container)},
                              {"{image}", options_.image}};
  Argv words;
  for (const std::string& w : s.args) words.push_back(with_placeholders(w, names));
  if (!s.volume.empty()) names_.ledger().add_volume(names_.volume(s.volume));
  if (!s.container.empty()) names_.ledger().add_container(names_.of(s.container));
  words = with_run_options(words,
                           {"--label", names_.label(), "--network", calls_.cli().network()});  // like every container of the run
  Step checked = s;  // what it must print may name the run's volume or container
  checked.stdout_contains = with_placeholders(checked.stdout_contains, names);
  if (checked.stdout_text) checked.stdout_text = with_placeholders(*checked.stdout_text, names);
  if (s.typed.empty()) return action(checked, record, calls_.cli().words(words));
  // an interactive session, as a person has it: `-t` at a terminal (without one the CLI
  // refuses: "the input device is not a TTY"), the lines typed at its prompt; `-i` alone
  // reads them on stdin
  if (line && line->tty) return judge(checked, record, calls_.call_in_terminal(record, calls_.cli().words(words), s.typed));
  std::string input;
  for (const auto& typed : s.typed) input += typed + "\n";
  action(checked, record, calls_.cli().words(words), input);
}

// Tutorial 001's `sudo ls` / `sudo cat` of /var/lib/docker/volumes/<volume>/_data, as the
// harness (root, or the invoking user) sees it on this host: the folder is listed with `ls`
// (names only), a file read without following a symlink. Where that is not the folder, the
// transcript also shows the Mountpoint the runtime reports.
void ScenarioRun::tutorial_host(const Step& s, const TutorialLine& line, StepRecord& record) {
  const std::string name = names_.volume(s.volume);
  names_.ledger().add_volume(name);
  const Placeholders names = {{"{volume}", name}};
  Step checked = s;
  checked.stdout_contains = with_placeholders(checked.stdout_contains, names);
  if (checked.stdout_text) checked.stdout_text = with_placeholders(*checked.stdout_text, names);
  const std::string folder = with_placeholders(kTutorialVolumeFolder, names);
  ProcessResult r;
  if (line.verb == TutorialLine::Verb::HostList) {
    r = calls_.call(record, {"ls", folder});
    if (calls_.is_fault(r)) throw StepFault{"<tutorial> failed: " + calls_.failure(r)};
  } else {
    const std::string path = folder + "/" + line.host_file;
    try {
      const HostEntry e = engine_.host_files().read(path);
      const bool special = e.content == "(a symlink, not followed)" || e.content == "(not a regular file)";
      r.exit_code = e.present && !special ? 0 : 1;
      if (r.exit_code == 0)
        r.out = e.content;
      else
        r.err = "cat: " + path + (e.present ? ": " + e.content : ": No such file or directory");
    } catch (const std::exception& e) {
      r.exit_code = 1;
      r.err = std::string("cat: ") + e.what();
    }
    record.commands.push_back({{"cat", path}, "", true, r});
  }
  const Decision decision = decide_action(checked, r, calls_.failure(r), false);
  if (!r.ok()) calls_.call(record, calls_.cli().volume_inspect(name, "{{.Mountpoint}}"));  // where it is instead
  apply(decision, record);
}

// Tutorial 000's `docker-compose up -d` / `down [-v]`, with the target's Compose tool, in
// the project's folder as the tutorial's reader types it: no -p (the folder names the
// project), no extra file (so the tool's default network too).
void ScenarioRun::tutorial_compose(const Step& s, StepRecord& record) {
  Step c = s;
  c.default_name = true;
  const bool up = s.args[1] == "up";
  c.remove_volumes = s.args.size() == 3 && !up;
  if (up) return action(s, record, compose_.up(c, record, true));
  action(s, record, compose_.down(c, record));
  if (record.commands.back().result.ok()) compose_.down_worked(c);
}

void ScenarioRun::expect_file(const Step& s, StepRecord& record) {
  Observed o;
  switch (s.place) {
    case Place::Container: o = observer_.in_container(record, container_of(s), s.path); break;
    case Place::Fresh: {
      RunSpec spec = run_spec(s, names_.of("probe" + std::to_string(++probes_)));
      spec.rm = true;
      spec.command = file_probe(s.path);
      names_.ledger().add_container(spec.name);
      o = probe_result(calls_, calls_.call(record, calls_.cli().run(spec)));
      if (gone_after_run(spec, record.commands.back().result, calls_.cli().dialect())) names_.ledger().drop_container(spec.name);
      break;
    }
    case Place::Volume: o = observer_.in_volume(record, names_.volume(s.volume), s.path); break;
    case Place::Host: {
      const std::string& folder = names_.folder(s.host);
      o = is_runtime_layer(folder) ? runtime_observer_.in_folder(record, folder, s.path)
                                   : observer_.in_folder(record, folder, s.path);
      break;
    }
  }
  if (s.owner_is_invoker || s.owner_mapped) {  // known only now: the uid this harness runs as, or the engine's map
    Step mine = s;
    mine.owner_uid = s.owner_is_invoker ? std::optional<unsigned>(::getuid()) : host_uid(*s.owner_uid, options_.facts);
    if (!mine.owner_uid)
      throw StepFault{"cannot tell which host uid a rootless engine maps the container's uid " + std::to_string(*s.owner_uid) +
                      " to: no range for this user in /etc/subuid"};
    return apply(decide_file(mine, o), record);
  }
  apply(decide_file(s, o), record);
}

void ScenarioRun::expect_volume(const Step& s, StepRecord& record) {
  const std::string name = names_.volume(s.volume);
  const Cli& cli = calls_.cli();
  VolumeFacts facts;
  if (s.listed) {
    const auto& r = calls_.must(record, cli.volume_list());
    facts.listed = ("\n" + r.out).find("\n" + name + "\n") != std::string::npos;
  }
  if (s.exists || !s.driver.empty() || s.default_mountpoint) {
    const auto& r =
        calls_.inspect(record, cli.volume_inspect(name, "{{.Driver}}\n{{.Mountpoint}}"), cli.dialect().missing_volume, "volume");
    facts.exists = r.exit_code == 0;
    if (!facts.exists) names_.ledger().drop_volume(name);
    std::istringstream lines(r.out);
    std::getline(lines, facts.driver);
    std::getline(lines, facts.mountpoint);
    observer_.saw_mountpoint(name,
                             facts.exists && !facts.mountpoint.empty() && facts.mountpoint[0] == '/' ? facts.mountpoint : "");
    if (s.default_mountpoint) {
      CommandRecord root;
      const std::string base = engine_.volume_root(root);
      if (!root.argv.empty()) record.commands.push_back(root);
      if (base.empty()) throw StepFault{tr("the runtime did not say where it keeps volumes: {1}", {calls_.failure(root.result)})};
      const std::string sub = cli.dialect().volume_root_suffix;
      facts.default_mountpoint = base + (sub.empty() ? "" : "/" + sub) + "/" + name + "/" + cli.dialect().volume_data;
    }
  }
  apply(decide_volume(s, facts), record);
}

void ScenarioRun::expect_container(const Step& s, StepRecord& record) {
  const std::string container = container_of(s);
  const Cli& cli = calls_.cli();
  const auto& r = calls_.inspect(record, cli.container_inspect(container, "{{.State.Running}}"), cli.dialect().missing_container,
                                 "container");
  const bool exists = r.exit_code == 0;
  if (!exists) names_.ledger().drop_container(container);
  apply(decide_container(s, exists, first_line(r.out) == "true"), record);
}

// A Compose project's network, by its run-unique name (<project>_<key>, as volumes are).
void ScenarioRun::expect_network(const Step& s, StepRecord& record) {
  const std::string network = names_.of(s.network);
  const Cli& cli = calls_.cli();
  const auto& r = calls_.inspect(record, cli.network_inspect(network, "{{.Name}}"), cli.dialect().missing_network, "network");
  const bool exists = r.exit_code == 0;
  if (exists)  // there, even after a `down` that worked: cleanup removes it
    names_.ledger().add_network(network);
  else  // gone: cleanup need not remove it
    names_.ledger().drop_network(network);
  apply(decide_network(s, exists), record);
}

}  // namespace harness
