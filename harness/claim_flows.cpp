#include "claim_flows.hpp"

#include <algorithm>
#include <map>

namespace harness {

namespace {

// What a new container starts from: whether anything a container wrote reached it is
// what a check in a fresh container asks (EPH-1), so a write in any container is a
// change to it. (A container the flow starts is not made to depend on it: that would tie
// every flow to every earlier write.)
const std::string kImage = "image:";

std::string container_key(const Step& s) { return s.service.empty() ? "container:" + s.container : "project:" + s.project; }

bool meets(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& x) { return b.count(x) > 0; });
}

// Walks the steps forward, knowing what each container mounts and which volumes each
// Compose project has, and says what every step reads and changes.
class UseWalk {
 public:
  NameUse use(const Step& s) {
    NameUse u;
    for (const auto& m : s.mounts) {
      const std::string key = mount_key(m);
      if (key.empty()) continue;
      u.reads.insert(key);
      if (!m.read_only && s.kind != StepKind::ExpectFile) u.changes.insert(key);
    }
    switch (s.kind) {
      case StepKind::HostDir: u.changes.insert("host:" + s.host); break;
      case StepKind::HostWrite:
      case StepKind::HostDelete:
        u.reads.insert("host:" + s.host);
        u.changes.insert("host:" + s.host);
        break;
      case StepKind::VolumeCreate:
      case StepKind::VolumeRemove:  // what they do depends on whether it exists
        u.reads.insert("volume:" + s.volume);
        u.changes.insert("volume:" + s.volume);
        break;
      case StepKind::Run:
      case StepKind::Create: {
        if (s.kind == StepKind::Run) u.changes.insert(kImage);
        std::set<std::string> mine;
        for (const auto& m : s.mounts) {
          if (!mount_key(m).empty()) mine.insert(mount_key(m));
          if (m.type == Mount::Type::VolumesFrom) {  // its volumes are the source container's
            const auto& theirs = mounted_["container:" + m.source];
            mine.insert(theirs.begin(), theirs.end());
          }
        }
        mounted_["container:" + s.container] = mine;
        u.changes.insert("container:" + s.container);
        break;
      }
      case StepKind::Write:
      case StepKind::Exec:
      case StepKind::Stop:
      case StepKind::Start:
      case StepKind::Restart:
      case StepKind::Remove:
      case StepKind::Wait: {
        const std::string c = container_key(s);
        u.reads.insert(c);
        u.changes.insert(c);
        for (const auto& m : mounted_[c]) {  // what happens in it depends on them, and changes them
          u.reads.insert(m);
          u.changes.insert(m);
        }
        if (s.kind == StepKind::Write || s.kind == StepKind::Exec) u.changes.insert(kImage);
        break;
      }
      case StepKind::FindVolume:
        u.reads.insert(container_key(s));
        u.changes.insert("volume:" + s.volume);
        mounted_[container_key(s)].insert("volume:" + s.volume);
        break;
      case StepKind::FindLayer:
        u.reads.insert(container_key(s));
        u.changes.insert("host:" + s.host);
        break;
      case StepKind::Tutorial:
        if (!s.volume.empty()) u.reads.insert("volume:" + s.volume), u.changes.insert("volume:" + s.volume);
        if (!s.container.empty()) u.changes.insert("container:" + s.container);
        if (!s.project.empty()) bring_up(s.project, s.project, u);  // a Compose line: up, down, down -v
        break;
      case StepKind::ComposeProject:
        project_volumes_[s.project] = s.volume_keys;
        named_[s.project] = s.named_volumes;
        project_networks_[s.project] = s.network_keys;
        u.changes.insert("project:" + s.project);
        break;
      case StepKind::ComposeUp: {
        bring_up(s.project, s.alias.empty() ? s.project : s.alias, u);
        break;
      }
      case StepKind::ComposeDown:
        u.reads.insert("project:" + s.project);
        u.changes.insert("project:" + s.project);
        for (const auto& m : mounted_["project:" + s.project]) u.changes.insert(m);
        for (const auto& key : project_networks_[s.project]) u.changes.insert("network:" + s.project + "_" + key);
        break;
      case StepKind::ExpectFile:
      case StepKind::ExpectVolume:
      case StepKind::ExpectContainer:
        if (!s.container.empty() || !s.service.empty()) {
          const std::string c = container_key(s);
          u.reads.insert(c);
          for (const auto& m : mounted_[c]) u.reads.insert(m);  // what it shows of them
        }
        if (!s.volume.empty()) u.reads.insert("volume:" + s.volume);
        if (!s.host.empty()) u.reads.insert("host:" + s.host);
        if (s.place == Place::Fresh && s.kind == StepKind::ExpectFile) u.reads.insert(kImage);
        break;
      case StepKind::ExpectNetwork: u.reads.insert("network:" + s.network); break;
    }
    return u;
  }

 private:
  // `compose up` (or any Compose line) of project p under the name `as`: it makes and
  // changes the project's containers, volumes and networks.
  void bring_up(const std::string& p, const std::string& as, NameUse& u) {
    project_volumes_[as] = project_volumes_[p];
    project_networks_[as] = project_networks_[p];
    for (const auto& key : project_networks_[as]) u.changes.insert("network:" + as + "_" + key);
    u.reads.insert("project:" + p);
    for (const auto& v : named_[p]) {  // by their own names, made before or by `up`
      u.reads.insert("volume:" + v);
      u.changes.insert("volume:" + v);
      mounted_["project:" + as].insert("volume:" + v);
    }
    u.changes.insert("project:" + as);
    for (const auto& key : project_volumes_[as]) {
      u.changes.insert("volume:" + as + "_" + key);
      mounted_["project:" + as].insert("volume:" + as + "_" + key);
    }
  }

  static std::string mount_key(const Mount& m) {
    if (m.type == Mount::Type::Bind) return "host:" + m.source;
    if (m.type == Mount::Type::Volume && !m.anonymous()) return "volume:" + m.source;
    if (m.type == Mount::Type::VolumesFrom) return "container:" + m.source;
    return "";
  }

  std::map<std::string, std::set<std::string>> mounted_;              // container or project -> its volumes and host folders
  std::map<std::string, std::vector<std::string>> project_volumes_;   // volume keys
  std::map<std::string, std::vector<std::string>> named_;             // logical volume names (name: keys)
  std::map<std::string, std::vector<std::string>> project_networks_;  // network keys
};

}  // namespace

std::vector<NameUse> name_uses(const Scenario& scenario, const std::function<bool(const Step&)>& applies) {
  std::vector<NameUse> uses;
  UseWalk walk;
  for (const auto& s : scenario.steps) uses.push_back(applies(s) ? walk.use(s) : NameUse{});
  return uses;
}

std::vector<std::set<std::string>> claims_served(const Scenario& scenario, const std::function<bool(const Step&)>& applies) {
  const std::vector<NameUse> uses = name_uses(scenario, applies);
  const int n = static_cast<int>(scenario.steps.size());
  std::vector<std::set<std::string>> served(n);
  for (const auto& claim : scenario.claims) {
    std::set<std::string> needed;  // what the claim's checks, and the steps they need, look at
    for (int i = n - 1; i >= 0; --i) {
      const Step& s = scenario.steps[i];
      if (!applies(s)) continue;
      const bool mine = s.claim == claim.id || meets(uses[i].changes, needed);
      if (!mine) continue;
      served[i].insert(claim.id);
      needed.insert(uses[i].reads.begin(), uses[i].reads.end());
    }
  }
  return served;
}

std::vector<std::vector<std::string>> independent_claims(const Scenario& scenario,
                                                         const std::function<bool(const Step&)>& applies,
                                                         const std::function<bool(const std::string&)>& selected) {
  const auto served = claims_served(scenario, applies);
  const auto uses = name_uses(scenario, applies);
  std::map<std::string, std::string> group;  // claim -> a claim of its group (union-find)
  const std::function<std::string(const std::string&)> root = [&](const std::string& c) {
    return group[c] == c ? c : group[c] = root(group[c]);
  };
  for (const auto& claim : scenario.claims)
    if (selected(claim.id)) group[claim.id] = claim.id;
  std::map<std::string, std::string> first_user;  // a name -> the first selected claim whose flow touches it
  for (std::size_t i = 0; i < served.size(); ++i) {
    std::vector<std::string> mine;
    for (const auto& c : served[i])
      if (group.count(c)) mine.push_back(c);
    if (mine.empty()) continue;
    for (const auto& c : mine) group[root(c)] = root(mine.front());
    for (const auto* names : {&uses[i].reads, &uses[i].changes})
      for (const auto& name : *names) {
        if (name == kImage) continue;  // not a resource: what fresh containers start from (flows link it)
        const auto [it, fresh] = first_user.emplace(name, mine.front());
        if (!fresh) group[root(mine.front())] = root(it->second);
      }
  }
  std::vector<std::vector<std::string>> groups;
  std::map<std::string, std::size_t> at;  // root -> its group's place
  for (const auto& claim : scenario.claims) {
    if (!group.count(claim.id)) continue;
    const auto [it, fresh] = at.emplace(root(claim.id), groups.size());
    if (fresh) groups.emplace_back();
    groups[it->second].push_back(claim.id);
  }
  return groups;
}

}  // namespace harness
