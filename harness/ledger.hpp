// Every resource a scenario creates, recorded before the command that creates it runs,
// so that cleanup finds it whatever happened next.
#pragma once

#include <string>
#include <vector>

namespace harness {

class Ledger {
 public:
  void add_container(const std::string& name) { add(containers_, name); }
  void add_volume(const std::string& name) { add(volumes_, name); }
  void add_host_dir(const std::string& path) { add(host_dirs_, path); }

  const std::vector<std::string>& containers() const { return containers_; }
  const std::vector<std::string>& volumes() const { return volumes_; }
  const std::vector<std::string>& host_dirs() const { return host_dirs_; }

 private:
  static void add(std::vector<std::string>& list, const std::string& name) {
    for (const auto& n : list)
      if (n == name) return;
    list.push_back(name);
  }
  std::vector<std::string> containers_, volumes_, host_dirs_;
};

}  // namespace harness
