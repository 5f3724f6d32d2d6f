// Every resource a scenario creates, recorded before the command that creates it runs,
// so that cleanup finds it whatever happened next.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "compose_project.hpp"

namespace harness {

class Ledger {
 public:
  void add_container(const std::string& name) { add(containers_, name); }
  void add_volume(const std::string& name) { add(volumes_, name); }
  void add_host_dir(const std::string& path) { add(host_dirs_, path); }
  void add_network(const std::string& name) { add(networks_, name); }
  void add_compose(const ComposeProject& project) {
    for (const auto& p : compose_)
      if (p.name == project.name && p.files == project.files) return;
    compose_.push_back(project);
  }
  // Gone for sure (a --rm container whose run returned, a removal that worked, a check
  // that found it gone): no cleanup call needed. The end-of-run sweep still checks.
  void drop_container(const std::string& name) { drop(containers_, name); }
  void drop_volume(const std::string& name) { drop(volumes_, name); }
  void drop_network(const std::string& name) { drop(networks_, name); }
  void drop_compose(const ComposeProject& project) {
    compose_.erase(std::remove_if(compose_.begin(), compose_.end(),
                                  [&](const ComposeProject& p) { return p.name == project.name && p.files == project.files; }),
                   compose_.end());
  }

  const std::vector<std::string>& containers() const { return containers_; }
  const std::vector<std::string>& volumes() const { return volumes_; }
  const std::vector<std::string>& host_dirs() const { return host_dirs_; }
  const std::vector<std::string>& networks() const { return networks_; }
  const std::vector<ComposeProject>& compose_projects() const { return compose_; }

 private:
  static void drop(std::vector<std::string>& list, const std::string& name) {
    list.erase(std::remove(list.begin(), list.end(), name), list.end());
  }
  static void add(std::vector<std::string>& list, const std::string& name) {
    for (const auto& n : list)
      if (n == name) return;
    list.push_back(name);
  }
  std::vector<std::string> containers_, volumes_, host_dirs_, networks_;
  std::vector<ComposeProject> compose_;
};

}  // namespace harness
