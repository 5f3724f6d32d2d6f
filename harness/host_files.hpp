// The seam between the engine and the host's files (ninja's DiskInterface): temporary
// folders, files written into them, reads that never follow a symlink, removal. The real
// one touches the disk; unit tests use a fake (tests/fake_host_files.hpp).
#pragma once

#include <string>

namespace harness {

// What is at a path on the host: nothing, or an entry with its owner and (for a regular
// file) its first MiB.
struct HostEntry {
  bool present = false;
  unsigned uid = 0;
  std::string content;  // "" for a folder; a note for a symlink or a special file
};

class HostFiles {
 public:
  virtual ~HostFiles() = default;
  // A new empty folder <parent>/<prefix>XXXXXX; throws std::runtime_error when it cannot.
  virtual std::string make_folder(const std::string& parent, const std::string& prefix) = 0;
  // Writes a file, making its parent folders; throws std::runtime_error when it cannot.
  virtual void write(const std::string& path, const std::string& content) = 0;
  // Never follows a symlink, never blocks on a FIFO or a device, reads at most 1 MiB. Only
  // "no such file" is absent; any other error throws std::runtime_error, never a pass.
  virtual HostEntry read(const std::string& path) = 0;
  // Whether path is a folder that can be looked into (a symlink to one is not): where a
  // file's absence can be told.
  virtual bool is_folder(const std::string& path) = 0;
  // base/relative, or "" when that leads outside base through a symlink (one a container
  // planted in a bind-mounted folder or a volume).
  virtual std::string inside(const std::string& base, const std::string& relative) = 0;
  // Removes a folder and what is in it: "" when it is gone, else why not.
  virtual std::string remove_all(const std::string& path) = 0;
};

class RealHostFiles : public HostFiles {
 public:
  std::string make_folder(const std::string& parent, const std::string& prefix) override;
  void write(const std::string& path, const std::string& content) override;
  HostEntry read(const std::string& path) override;
  bool is_folder(const std::string& path) override;
  std::string inside(const std::string& base, const std::string& relative) override;
  std::string remove_all(const std::string& path) override;
};

}  // namespace harness
