// The seam for observing what a claim is about: a file in a volume, in a folder the harness
// can read (a host folder it made, a container's writable layer), in a running container.
// Each implementation records how it looked in the step's transcript. HostObserver reads
// the engine's files on the host; an observer that reads through the runtime itself (for
// engines whose files the harness cannot see) is another implementation.
#pragma once

#include <string>

#include "results.hpp"

namespace harness {

// A file as found somewhere: there or not, its bytes, its owner.
struct Observed {
  bool present = false;
  std::string content;
  unsigned uid = 0;
};

class Observer {
 public:
  virtual ~Observer() = default;
  // `path` is relative to the volume's root; `volume` is its runtime name.
  virtual Observed in_volume(StepRecord& record, const std::string& volume, const std::string& path) = 0;
  // `folder` is a host folder the harness made, or a layer found by layer_of().
  virtual Observed in_folder(StepRecord& record, const std::string& folder, const std::string& path) = 0;
  // `path` is absolute in the running container.
  virtual Observed in_container(StepRecord& record, const std::string& container, const std::string& path) = 0;
  // Where the container's writable layer is, as a folder in_folder() reads; throws
  // StepRefused when the runtime shows none.
  virtual std::string layer_of(StepRecord& record, const std::string& container) = 0;
  // What the observer remembers about a volume (its Mountpoint): set by a check that saw
  // it, forgotten after every action, which may remove or re-create it.
  virtual void saw_mountpoint(const std::string& volume, const std::string& mountpoint) = 0;
  virtual void forget() = 0;
};

}  // namespace harness
