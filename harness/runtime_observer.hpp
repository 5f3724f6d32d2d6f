// Observes through the runtime itself, for engines whose files the harness cannot see: a
// remote engine, Docker-in-Docker, Docker Desktop, where `volume inspect`'s Mountpoint is
// a path on another machine. Files come out of the runtime as tar archives on stdout
// (tar_archive.hpp); every command is recorded in the check's transcript, whose summary
// says "(read through the runtime)".
//
// Never a false verdict: when it cannot look it throws StepFault; a file is absent only
// when the runtime showed the place that would hold it (an archive listing it, or a
// "not found" from a helper whose volume root it has read).
//
//   volume, Copy (Docker)    `volume inspect` (a created helper would create a missing
//                            volume), then once per volume until forget():
//                            `create --name <helper> --network <the run's> --label <run>
//                            --volume <volume>:/v:ro,nocopy <image> true` (never started);
//                            then per read `cp <helper>:/v/<first part of path> -`. A
//                            "not found" is absent once the helper's `cp <helper>:/v -`
//                            worked.
//   volume, Export (Podman)  `volume export <volume>`: the whole volume, no helper.
//   layer                    layer_of() names the container ("container:<name>@<id>");
//                            `container diff <id>` says whether the path is in its
//                            writable layer (image files and mounted volumes are not);
//                            if so its bytes from `cp <id>:/<path> -` (Copy) or `export
//                            <id>` (Export). A container the runtime no longer knows
//                            (`container inspect` says so) took its layer with it.
//   container, host folder   as HostObserver: an `exec` of file_probe; HostFiles.
//
// A path that goes through a symlink (a folder on the way that is one) is a StepFault,
// never followed: `cp` would resolve it inside the helper container, not the volume.
//
// Helpers hold their volume, and `volume rm` and `compose down -v` refuse a volume in use:
// forget() (the engine calls it before every action step) removes them all with one
// `rm --force --volumes`; call it before the scenario's cleanup too. Helpers are in the
// ledger from before their `create` until their removal worked, so cleanup finds any left.
//
// Wiring, in ScenarioRun (names_ and calls_ are built before the observer):
//   RuntimeObserver observer_{calls_, engine.host_files(), names_.ledger(),
//                             {names_.of("Look"), names_.label(), options_.image}};
//   ...; observer_.forget(); for (auto& c : observer_.take_removals()) result_.cleanup.push_back(c);
//   clean_up(...);
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "host_observer.hpp"
#include "ledger.hpp"
#include "tar_archive.hpp"

namespace harness {

// How files come out of the runtime, as tar archives.
enum class RuntimeReads {
  // `cp <container>:<path> -` (Docker): keeps owners, follows no symlink at the path's end.
  Copy,
  // `volume export`, `export` (Podman 4.3: its `cp` gives every entry the caller's uid and
  // follows a symlink at the path's end). Whole archives; `volume export` is local only.
  Export,
};
RuntimeReads runtime_reads_for(const Dialect& dialect);

// The helper containers of the Copy reads.
struct HelperSpec {
  // helpers are <prefix>1, <prefix>2, ...: RunNames::of("Look"), which no scenario's
  // container can be named (logical names have no capitals)
  std::string name_prefix;
  std::string label;  // RunNames::label(): a sweep of the run finds them
  std::string image;  // any local image: a helper is created, never started
};

// A folder layer_of() named: a container's writable layer, read through the runtime.
bool is_runtime_layer(const std::string& folder);

class RuntimeObserver : public Observer {
 public:
  // `reads` defaults to runtime_reads_for(the dialect of calls.cli()); Copy where that
  // says Export throws std::invalid_argument (its owners would be wrong).
  RuntimeObserver(RuntimeCalls& calls, HostFiles& files, Ledger& ledger, HelperSpec helpers,
                  std::optional<RuntimeReads> reads = std::nullopt);

  Observed in_volume(StepRecord& record, const std::string& volume, const std::string& path) override;
  Observed in_folder(StepRecord& record, const std::string& folder, const std::string& path) override;
  Observed in_container(StepRecord& record, const std::string& container, const std::string& path) override;
  std::string layer_of(StepRecord& record, const std::string& container) override;
  void saw_mountpoint(const std::string&, const std::string&) override {}  // never read: nothing to remember
  void forget() override;

  // The helper removals forget() made outside any step, for the scenario's cleanup
  // transcript (ScenarioResult::cleanup); each is returned once.
  std::vector<CommandRecord> take_removals();
  // Why a forget() could not remove its helpers ("" when it could): they still hold their
  // volumes, so the next action's verdict would be the harness's doing.
  const std::string& stuck() const { return stuck_; }

 private:
  struct Helper {
    std::string name;
    bool root_read = false;  // a `cp` through it showed the volume's root: "not found" is absent
  };
  Helper& helper(StepRecord& record, const std::string& volume);
  Observed copy_from_volume(StepRecord& record, const std::string& volume, const std::vector<std::string>& parts);
  Observed export_volume(StepRecord& record, const std::string& volume, const std::vector<std::string>& parts);
  Observed in_layer(StepRecord& record, const std::string& layer, const std::string& path);
  std::vector<TarEntry> archive(StepRecord& record, const Argv& argv, const std::string& what);
  std::vector<TarEntry> parse(StepRecord& record, const std::string& what);
  bool not_found(const ProcessResult& r, const std::string& path) const;
  bool removed(const ProcessResult& r) const;

  RuntimeCalls& calls_;
  HostObserver host_;  // host folders and running containers are read as HostObserver does
  Ledger& ledger_;
  HelperSpec spec_;
  RuntimeReads reads_;
  std::map<std::string, Helper> helpers_;  // by volume, since the last forget()
  std::vector<std::string> made_names_;    // every helper `create` since the last forget()
  int made_ = 0;
  std::vector<CommandRecord> removals_;
  std::string stuck_;
};

}  // namespace harness
