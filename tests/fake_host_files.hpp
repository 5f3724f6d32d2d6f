// HostFiles for unit tests: folders and files in memory, each with an owner the test sets,
// so that what the engine reads on the host does not depend on who runs the tests.
#pragma once

#include <algorithm>
#include <map>
#include <string>

#include "host_files.hpp"

namespace harness {

class FakeHostFiles : public HostFiles {
 public:
  std::string make_folder(const std::string& parent, const std::string& prefix) override {
    const std::string path = parent + "/" + prefix + std::to_string(++made_);
    folders[path] = true;
    return path;
  }
  void write(const std::string& path, const std::string& content) override { files[path] = {true, owner, content}; }
  HostEntry read(const std::string& path) override {
    const auto it = files.find(path);
    return it == files.end() ? HostEntry{} : it->second;
  }
  bool is_folder(const std::string& path) override {
    return every_place_is_a_folder || folders.count(path) ||
           std::any_of(files.begin(), files.end(), [&](const auto& f) { return f.first.rfind(path + "/", 0) == 0; });
  }
  std::string inside(const std::string& base, const std::string& relative) override { return base + "/" + relative; }
  std::string remove_all(const std::string& path) override {
    folders.erase(path);
    files.erase(path);
    for (auto it = files.begin(); it != files.end();) it = it->first.rfind(path + "/", 0) == 0 ? files.erase(it) : std::next(it);
    return "";
  }

  unsigned owner = 0;                      // the owner of the files written from now on
  bool every_place_is_a_folder = false;    // as a dry run sees the host
  std::map<std::string, bool> folders;     // folders made and not removed
  std::map<std::string, HostEntry> files;  // by path
 private:
  int made_ = 0;
};

}  // namespace harness
