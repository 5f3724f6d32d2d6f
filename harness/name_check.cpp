#include "name_check.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "cli_dialect.hpp"
#include "i18n.hpp"

namespace harness {

namespace {

// What exists at a point of the flow, on one runtime.
struct Names {
  std::set<std::string> containers, volumes, hosts, networks;
  std::set<std::string> layers;                              // writable layers found with <find-layer>
  std::set<std::string> ever_started;                        // containers that existed at some point
  std::map<std::string, std::vector<std::string>> projects;  // Compose project -> volume keys
  std::map<std::string, std::vector<std::string>> named;     // Compose project -> volumes named by `name:`
  std::map<std::string, std::vector<std::string>> nets;      // Compose project -> network keys
  std::set<std::string> brought_up;                          // projects whose services exist(ed)
};

class StepNames {
 public:
  StepNames(const Step& s, Names& names, std::string runtime_note) : s_(s), n_(names), on_(std::move(runtime_note)) {}

  [[noreturn]] void fail(const std::string& message) const { throw LoadError{s_.line, message + on_}; }

  void need(const std::set<std::string>& known, const std::string& name, const char* what, const char* how) const {
    if (!name.empty() && !known.count(name)) fail(tr("unknown {1} '{2}': no earlier step {3}", {tr(what), name, tr(how)}));
  }
  void need_container(const std::set<std::string>& known) const {
    need(known, s_.container, N_("container"), N_("starts it (<run>)"));
  }
  void need_made_project() const {
    if (!s_.project.empty() && !n_.projects.count(s_.project))
      fail(tr("unknown project '{1}': no earlier step makes it (<compose-project>)", {s_.project}));
  }
  void need_project_up() const {
    if (!s_.project.empty() && !n_.brought_up.count(s_.project))
      fail(tr("unknown project '{1}': no earlier step brings it up (<compose-up>)", {s_.project}));
  }

  // docker-compose up -d brings up a project made earlier, down needs one brought up.
  void compose_line() {
    if (s_.args.size() < 2 || s_.args[0] != "docker-compose") fail(tr("project= goes with a docker-compose line"));
    if (s_.args[1] != "up") return need_project_up();
    need_made_project();
    bring_up(s_.project, s_.project);
  }

  // The project's containers, volumes and networks exist once it is up under the name `as`.
  void bring_up(const std::string& project, const std::string& as) {
    n_.projects[as] = n_.projects[project];
    n_.nets[as] = n_.nets[project];
    n_.brought_up.insert(as);
    for (const auto& key : n_.projects[as]) n_.volumes.insert(as + "_" + key);
    for (const auto& key : n_.nets[as]) n_.networks.insert(as + "_" + key);
    for (const auto& name : n_.named[project]) n_.volumes.insert(name);
  }

  // Checks what the step uses, then records what it makes.
  void step() {
    for (const auto& m : s_.mounts) {
      if (m.type == Mount::Type::Volume && !m.anonymous()) n_.volumes.insert(m.source);
      if (m.type == Mount::Type::Bind) need(n_.hosts, m.source, N_("host folder"), N_("makes it (<host-dir>)"));
      if (m.type == Mount::Type::VolumesFrom) need(n_.containers, m.source, N_("container"), N_("creates it (<run>, <create>)"));
    }
    switch (s_.kind) {
      case StepKind::HostDir:
        if (!n_.hosts.insert(s_.host).second) fail(tr("host folder '{1}' is made twice", {s_.host}));
        break;
      case StepKind::VolumeCreate: n_.volumes.insert(s_.volume); break;
      case StepKind::Run:
        if (n_.containers.count(s_.container)) fail(tr("container '{1}' is already started; remove it first", {s_.container}));
        if (s_.detach || !s_.rm) n_.containers.insert(s_.container);
        n_.ever_started.insert(s_.container);
        break;
      case StepKind::Create:
        if (n_.containers.count(s_.container)) fail(tr("container '{1}' is already created; remove it first", {s_.container}));
        n_.containers.insert(s_.container);
        n_.ever_started.insert(s_.container);
        break;
      case StepKind::Tutorial:  // a tutorial's command may create what it names
        if (!s_.project.empty()) compose_line();
        if (!s_.volume.empty()) n_.volumes.insert(s_.volume);
        if (!s_.container.empty()) n_.containers.insert(s_.container), n_.ever_started.insert(s_.container);
        break;
      case StepKind::FindVolume:
        need_project_up();
        need_container(n_.containers);
        n_.volumes.insert(s_.volume);
        break;
      case StepKind::FindLayer:  // a runtime's folder: checks may read it, never mount it
        need_container(n_.containers);
        n_.layers.insert(s_.host);
        break;
      case StepKind::ExpectContainer:
        need_container(n_.ever_started);
        need_project_up();
        break;
      case StepKind::ComposeProject:
        if (n_.projects.count(s_.project)) fail(tr("project '{1}' is made twice", {s_.project}));
        n_.projects[s_.project] = s_.volume_keys;
        n_.named[s_.project] = s_.named_volumes;
        n_.nets[s_.project] = s_.network_keys;
        break;
      case StepKind::ComposeUp:
        need_made_project();
        bring_up(s_.project, s_.alias.empty() ? s_.project : s_.alias);
        break;
      case StepKind::ExpectNetwork:
        need(n_.networks, s_.network, "network",
             "brings up a project with it (<compose-project networks=\"default\"> for <project>_default)");
        break;
      case StepKind::ComposeDown: need_project_up(); break;
      case StepKind::Remove:
        need_project_up();
        need_container(n_.containers);
        n_.containers.erase(s_.container);
        break;
      case StepKind::HostWrite:
      case StepKind::HostDelete: need(n_.hosts, s_.host, N_("host folder"), N_("makes it (<host-dir>)")); break;
      case StepKind::VolumeRemove:
      case StepKind::Write:
      case StepKind::Exec:
      case StepKind::Stop:
      case StepKind::Start:
      case StepKind::Restart:
      case StepKind::Wait:
      case StepKind::ExpectFile:
      case StepKind::ExpectVolume:
        need_project_up();
        if (s_.place != Place::Fresh || s_.kind != StepKind::ExpectFile) need_container(n_.containers);
        need(n_.volumes, s_.volume, N_("volume"), N_("creates or mounts it"));
        if (!n_.layers.count(s_.host)) need(n_.hosts, s_.host, N_("host folder"), N_("makes it (<host-dir>)"));
        break;
    }
  }

 private:
  const Step& s_;
  Names& n_;
  std::string on_;
};

}  // namespace

void check_names(const Scenario& sc, int steps_line) {
  std::map<std::string, Names> on_runtime;
  for (const auto& runtime : dialect_names()) on_runtime[runtime];
  std::set<std::string> checked;
  // when steps differ between runtimes, a name error says on which one it is
  const bool per_runtime = std::any_of(sc.steps.begin(), sc.steps.end(), [](const Step& s) { return !s.runtimes.empty(); });
  for (const auto& s : sc.steps) {
    for (auto& [runtime, names] : on_runtime)
      if (s.applies_to(runtime)) StepNames(s, names, per_runtime ? tr(" (on {1})", {runtime}) : "").step();
    if (s.is_check()) {
      const bool declared = std::any_of(sc.claims.begin(), sc.claims.end(), [&](const Claim& c) { return c.id == s.claim; });
      if (!declared)
        throw LoadError{s.line, tr("claim {1} is not declared in this scenario (add <claim id=\"{1}\">)", {s.claim})};
      checked.insert(s.claim);
    }
  }
  for (const auto& c : sc.claims)
    if (!checked.count(c.id)) throw LoadError{steps_line, tr("claim {1} has no check (a step with claim=\"{1}\")", {c.id})};
}

}  // namespace harness
