#include "step_kinds.hpp"

#include <algorithm>
#include <stdexcept>

#include "i18n.hpp"
#include "tutorial_line.hpp"

namespace harness {

namespace {

// Costs measured here with Docker 20.10 and docker-compose 1.29 (milliseconds): compose up
// 1000, down 700, run 500, start 450, restart 600, exec 130, stop/rm/wait 150, create and
// volume or inspect calls 50; host reads and host folders cost nothing.
template <int N>
int ms(const Step&) {
  return N;
}

int file_check_cost(const Step& s) { return s.place == Place::Fresh ? 500 : s.place == Place::Container ? 130 : 0; }

// A tutorial line costs what the step that does the same costs: a typed `run` a container's
// start, a typed `docker-compose up` a Compose up (a file of typed Compose lines is as long
// as the Compose flow); a look from the host is a read by the harness itself.
int tutorial_cost(const Step& s) {
  using V = TutorialLine::Verb;
  const auto parsed = parse_tutorial_line(s.args);
  if (!parsed.line) return 0;
  const auto cost_of = [&s](StepKind kind) { return step_kind(kind).cost_ms(s); };
  switch (parsed.line->verb) {
    case V::Run: return cost_of(StepKind::Run);
    case V::VolumeCreate: return cost_of(StepKind::VolumeCreate);
    case V::VolumeList:
    case V::VolumeInspect: return cost_of(StepKind::ExpectVolume);
    case V::VolumeRemove: return cost_of(StepKind::VolumeRemove);
    case V::ComposeUp: return cost_of(StepKind::ComposeUp);
    case V::ComposeDown: return cost_of(StepKind::ComposeDown);
    case V::HostList:
    case V::HostCat: return 0;
  }
  return 0;
}

bool always(const Step&) { return true; }
bool in_new_container(const Step& s) { return s.place == Place::Fresh; }
bool typed_run(const Step& s) {
  const auto parsed = parse_tutorial_line(s.args);
  return parsed.line && parsed.line->verb == TutorialLine::Verb::Run;
}

std::string container(const Step& s) {
  return s.service.empty() ? tr("container {1}", {s.container}) : tr("service {1} of {2}", {s.service, s.project});
}

std::string file_check(const Step& s) {
  return s.place == Place::Container ? tr("check {1} in {2}", {s.path, container(s)})
         : s.place == Place::Fresh   ? tr("check {1} in a new container", {s.path})
         : s.place == Place::Volume  ? tr("check {1} on the host, in volume {2}", {s.path, s.volume})
                                     : tr("check {1} on the host, in folder {2}", {s.path, s.host});
}

std::string tutorial_line(const Step& s) {
  std::string line;
  for (const auto& w : s.args) line += " " + w;
  return tr("the tutorial's command:") + line;
}

using Role = StepRole;
const std::vector<std::string> kNone;

}  // namespace

const std::vector<StepKindInfo>& step_kinds() {
  static const std::vector<StepKindInfo> table = {
      {StepKind::HostDir,
       "host-dir",
       Role::Setup,
       {"name"},
       {},
       false,
       {"file"},
       ms<0>,
       [](const Step& s) { return tr("make host folder {1} (stands in for $HOME)", {s.host}); }},
      {StepKind::VolumeCreate,
       "volume-create",
       Role::Action,
       {"volume"},
       {},
       false,
       {},
       ms<50>,
       [](const Step& s) { return tr("create volume {1}", {s.volume}); }},
      {StepKind::VolumeRemove,
       "volume-remove",
       Role::Action,
       {"volume"},
       {"force"},
       false,
       {},
       ms<50>,
       [](const Step& s) {
         return s.force ? tr("remove volume {1} (--force)", {s.volume}) : tr("remove volume {1}", {s.volume});
       }},
      {StepKind::Run,
       "run",
       Role::Action,
       {"container"},
       {"image", "detach", "rm", "read-only", "user", "userns"},
       false,
       {"mount", "arg"},
       ms<500>,
       [](const Step& s) {
         return (s.detach ? tr("start {1}", {container(s)}) : tr("run one-shot {1}", {container(s)})) + (s.rm ? " (--rm)" : "");
       },
       always},
      {StepKind::Create,
       "create",
       Role::Action,
       {"container"},
       {"image", "rm", "read-only", "user", "userns"},
       false,
       {"mount", "arg"},
       ms<50>,
       [](const Step& s) {
         return tr("create {1}{2}, not started", {container(s), s.rm ? " (--rm)" : ""});
       },
       always},
      {StepKind::Write,
       "write",
       Role::Action,
       {"path"},
       {"text", "content", "user"},
       true,
       {},
       ms<130>,
       [](const Step& s) {
         return tr("write {1} in {2}", {s.path, container(s)});
       }},
      {StepKind::Exec,
       "exec",
       Role::Action,
       {},
       {"user"},
       true,
       {"arg"},
       ms<130>,
       [](const Step& s) { return tr("run a command in {1}", {container(s)}); }},
      {StepKind::Stop,
       "stop",
       Role::Action,
       {},
       {},
       true,
       {},
       ms<150>,
       [](const Step& s) { return tr("stop {1}", {container(s)}); }},
      {StepKind::Start,
       "start",
       Role::Action,
       {},
       {"attach"},
       true,
       {},
       ms<450>,
       [](const Step& s) { return tr("start {1}", {container(s)}); },
       always},
      {StepKind::Restart,
       "restart",
       Role::Action,
       {},
       {},
       true,
       {},
       ms<600>,
       [](const Step& s) { return tr("restart {1}", {container(s)}); },
       always},
      {StepKind::Remove,
       "remove",
       Role::Action,
       {},
       {"volumes"},
       true,
       {},
       ms<150>,
       [](const Step& s) { return tr("remove {1}", {container(s)}); }},
      {StepKind::Wait,
       "wait",
       Role::Action,
       {},
       {},
       true,
       {},
       ms<150>,
       [](const Step& s) { return tr("wait for {1} to exit", {container(s)}); }},
      {StepKind::ComposeProject,
       "compose-project",
       Role::Setup,
       {"name", "fixture"},
       {"folder", "volumes", "named", "networks"},
       false,
       {},
       ms<0>,
       [](const Step& s) { return tr("make Compose project {1}", {s.project}); }},
      {StepKind::ComposeUp,
       "compose-up",
       Role::Action,
       {"project"},
       {"as", "default-name"},
       false,
       {},
       ms<1000>,
       [](const Step& s) {
         return s.alias.empty() ? tr("compose up -d project {1}", {s.project})
                                : tr("compose up -d project {1} as {2}", {s.project, s.alias});
       }},
      {StepKind::ComposeDown,
       "compose-down",
       Role::Action,
       {"project"},
       {"volumes"},
       false,
       {},
       ms<700>,
       [](const Step& s) {
         return tr("compose down{1} project {2}", {s.remove_volumes ? " -v" : "", s.project});
       }},
      {StepKind::FindVolume,
       "find-volume",
       Role::Setup,
       {"target", "volume"},
       {},
       true,
       {},
       ms<50>,
       [](const Step& s) {
         return tr("find the volume {1} mounts at {2}, call it {3}", {container(s), s.target, s.volume});
       }},
      {StepKind::FindLayer,
       "find-layer",
       Role::Setup,
       {"container", "host"},
       {},
       false,
       {},
       ms<50>,
       [](const Step& s) {
         return tr("find the writable layer of {1} on the host, call it {2}", {container(s), s.host});
       }},
      {StepKind::Tutorial,
       "tutorial",
       Role::Action,
       {"claim", "line"},
       {"volume", "container", "project"},
       false,
       {"typed"},
       tutorial_cost,
       tutorial_line,
       typed_run},
      {StepKind::ExpectFile,
       "expect-file",
       Role::Check,
       {"claim", "path"},
       {"volume", "host", "fresh", "text", "content", "absent", "owner-uid"},
       true,
       {"mount"},
       file_check_cost,
       file_check,
       in_new_container},
      {StepKind::ExpectVolume,
       "expect-volume",
       Role::Check,
       {"claim", "volume"},
       {"exists", "listed", "driver", "mountpoint"},
       false,
       {},
       ms<50>,
       [](const Step& s) { return tr("check volume {1}", {s.volume}); }},
      {StepKind::ExpectContainer,
       "expect-container",
       Role::Check,
       {"claim"},
       {"exists", "state"},
       true,
       {},
       ms<50>,
       [](const Step& s) {
         return s.running ? *s.running ? tr("check {1} is running", {container(s)}) : tr("check {1} is stopped", {container(s)})
                          : tr("check {1}", {container(s)});
       }},
      {StepKind::ExpectNetwork,
       "expect-network",
       Role::Check,
       {"claim", "network", "exists"},
       {},
       false,
       {},
       ms<50>,
       [](const Step& s) {
         return *s.exists ? tr("check network {1} exists", {s.network}) : tr("check network {1} is gone", {s.network});
       }},
      {StepKind::HostWrite,
       "host-write",
       Role::Setup,
       {"host", "path"},
       {"text", "content"},
       false,
       {},
       ms<0>,
       [](const Step& s) {
         return tr("write {1} on the host, in folder {2}", {s.path, s.host});
       }},
      {StepKind::HostDelete,
       "host-delete",
       Role::Setup,
       {"host", "path"},
       {},
       false,
       {},
       ms<0>,
       [](const Step& s) {
         return tr("delete {1} on the host, in folder {2}", {s.path, s.host});
       }},
  };
  return table;
}

const StepKindInfo& step_kind(StepKind kind) {
  for (const auto& row : step_kinds())
    if (row.kind == kind) return row;
  throw std::logic_error("a step kind without a row in step_kinds()");
}

const StepKindInfo* find_step_kind(const std::string& element) {
  for (const auto& row : step_kinds())
    if (element == row.element) return &row;
  return nullptr;
}

std::vector<std::string> attributes_of(const StepKindInfo& kind) {
  std::vector<std::string> all;
  const auto add = [&](const std::vector<std::string>& names) {
    for (const auto& n : names)
      if (std::find(all.begin(), all.end(), n) == all.end()) all.push_back(n);
  };
  add(kind.required);
  if (kind.names_container) add({"container", "project", "service"});
  add(kind.optional);
  add({"runtime", "note", "note-fr", "timeout", "when"});
  if (kind.role == StepRole::Action) add({"claim", "expect", "exit-code", "stdout-text", "stdout-contains", "stderr-contains"});
  return all;
}

int estimated_cost(const Scenario& scenario, const std::function<bool(std::size_t)>& counted) {
  int cost = 0;
  for (std::size_t i = 0; i < scenario.steps.size(); ++i)
    if (!counted || counted(i)) cost += step_kind(scenario.steps[i].kind).cost_ms(scenario.steps[i]);
  return cost;
}

}  // namespace harness
