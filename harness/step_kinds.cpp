#include "step_kinds.hpp"

#include <algorithm>
#include <stdexcept>

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

std::string container(const Step& s) {
  return s.service.empty() ? "container " + s.container : "service " + s.service + " of " + s.project;
}

std::string file_check(const Step& s) {
  const std::string where = s.place == Place::Container ? "in " + container(s)
                            : s.place == Place::Fresh   ? "in a new container"
                            : s.place == Place::Volume  ? "on the host, in volume " + s.volume
                                                        : "on the host, in folder " + s.host;
  return "check " + s.path + " " + where;
}

std::string tutorial_line(const Step& s) {
  std::string line;
  for (const auto& w : s.args) line += " " + w;
  return "the tutorial's command:" + line;
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
       [](const Step& s) { return "make host folder " + s.host + " (stands in for $HOME)"; }},
      {StepKind::VolumeCreate,
       "volume-create",
       Role::Action,
       {"volume"},
       {},
       false,
       {},
       ms<50>,
       [](const Step& s) { return "create volume " + s.volume; }},
      {StepKind::VolumeRemove,
       "volume-remove",
       Role::Action,
       {"volume"},
       {"force"},
       false,
       {},
       ms<50>,
       [](const Step& s) { return std::string("remove volume ") + s.volume + (s.force ? " (--force)" : ""); }},
      {StepKind::Run,
       "run",
       Role::Action,
       {"container"},
       {"image", "detach", "rm", "read-only", "user", "userns"},
       false,
       {"mount", "arg"},
       ms<500>,
       [](const Step& s) { return std::string(s.detach ? "start " : "run one-shot ") + container(s) + (s.rm ? " (--rm)" : ""); }},
      {StepKind::Create,
       "create",
       Role::Action,
       {"container"},
       {"image", "rm", "read-only", "user", "userns"},
       false,
       {"mount", "arg"},
       ms<50>,
       [](const Step& s) { return "create " + container(s) + (s.rm ? " (--rm)" : "") + ", not started"; }},
      {StepKind::Write,
       "write",
       Role::Action,
       {"path"},
       {"text", "content", "user"},
       true,
       {},
       ms<130>,
       [](const Step& s) { return "write " + s.path + " in " + container(s); }},
      {StepKind::Exec,
       "exec",
       Role::Action,
       {},
       {"user"},
       true,
       {"arg"},
       ms<130>,
       [](const Step& s) { return "run a command in " + container(s); }},
      {StepKind::Stop, "stop", Role::Action, {}, {}, true, {}, ms<150>, [](const Step& s) { return "stop " + container(s); }},
      {StepKind::Start,
       "start",
       Role::Action,
       {},
       {"attach"},
       true,
       {},
       ms<450>,
       [](const Step& s) { return "start " + container(s); }},
      {StepKind::Restart,
       "restart",
       Role::Action,
       {},
       {},
       true,
       {},
       ms<600>,
       [](const Step& s) { return "restart " + container(s); }},
      {StepKind::Remove,
       "remove",
       Role::Action,
       {},
       {"volumes"},
       true,
       {},
       ms<150>,
       [](const Step& s) { return "remove " + container(s); }},
      {StepKind::Wait,
       "wait",
       Role::Action,
       {},
       {},
       true,
       {},
       ms<150>,
       [](const Step& s) { return "wait for " + container(s) + " to exit"; }},
      {StepKind::ComposeProject,
       "compose-project",
       Role::Setup,
       {"name", "fixture"},
       {"folder", "volumes", "named", "networks"},
       false,
       {},
       ms<0>,
       [](const Step& s) { return "make Compose project " + s.project; }},
      {StepKind::ComposeUp,
       "compose-up",
       Role::Action,
       {"project"},
       {"as", "default-name"},
       false,
       {},
       ms<1000>,
       [](const Step& s) { return "compose up -d project " + s.project + (s.alias.empty() ? "" : " as " + s.alias); }},
      {StepKind::ComposeDown,
       "compose-down",
       Role::Action,
       {"project"},
       {"volumes"},
       false,
       {},
       ms<700>,
       [](const Step& s) { return std::string("compose down") + (s.remove_volumes ? " -v" : "") + " project " + s.project; }},
      {StepKind::FindVolume,
       "find-volume",
       Role::Setup,
       {"target", "volume"},
       {},
       true,
       {},
       ms<50>,
       [](const Step& s) { return "find the volume " + container(s) + " mounts at " + s.target + ", call it " + s.volume; }},
      {StepKind::FindLayer,
       "find-layer",
       Role::Setup,
       {"container", "host"},
       {},
       false,
       {},
       ms<50>,
       [](const Step& s) { return "find the writable layer of " + container(s) + " on the host, call it " + s.host; }},
      {StepKind::Tutorial,
       "tutorial",
       Role::Action,
       {"claim", "line"},
       {"volume", "container", "project"},
       false,
       {"typed"},
       ms<50>,
       tutorial_line},
      {StepKind::ExpectFile,
       "expect-file",
       Role::Check,
       {"claim", "path"},
       {"volume", "host", "fresh", "text", "content", "absent", "owner-uid"},
       true,
       {"mount"},
       file_check_cost,
       file_check},
      {StepKind::ExpectVolume,
       "expect-volume",
       Role::Check,
       {"claim", "volume"},
       {"exists", "listed", "driver", "mountpoint"},
       false,
       {},
       ms<50>,
       [](const Step& s) { return "check volume " + s.volume; }},
      {StepKind::ExpectContainer,
       "expect-container",
       Role::Check,
       {"claim"},
       {"exists", "state"},
       true,
       {},
       ms<50>,
       [](const Step& s) { return "check " + container(s) + (s.running ? *s.running ? " is running" : " is stopped" : ""); }},
      {StepKind::ExpectNetwork,
       "expect-network",
       Role::Check,
       {"claim", "network", "exists"},
       {},
       false,
       {},
       ms<50>,
       [](const Step& s) { return "check network " + s.network + (*s.exists ? " exists" : " is gone"); }},
      {StepKind::HostWrite,
       "host-write",
       Role::Setup,
       {"host", "path"},
       {"text", "content"},
       false,
       {},
       ms<0>,
       [](const Step& s) { return "write " + s.path + " on the host, in folder " + s.host; }},
      {StepKind::HostDelete,
       "host-delete",
       Role::Setup,
       {"host", "path"},
       {},
       false,
       {},
       ms<0>,
       [](const Step& s) { return "delete " + s.path + " on the host, in folder " + s.host; }},
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
  add({"runtime", "note", "timeout", "when"});
  if (kind.role == StepRole::Action) add({"claim", "expect", "exit-code", "stdout-text", "stdout-contains", "stderr-contains"});
  return all;
}

int estimated_cost(const Scenario& scenario) {
  int cost = 0;
  for (const auto& s : scenario.steps) cost += step_kind(s.kind).cost_ms(s);
  return cost;
}

}  // namespace harness
