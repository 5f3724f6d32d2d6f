// Scenario values: what a scenario file says, after loading and validation. Names in
// here are logical (`data`, `writer`); the engine maps them to unique runtime names.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace harness {

struct Claim {
  std::string id;          // "EPH-1", an ID from the claims catalogue; "VOL-1/literal" for a
                           // tutorial's literal command beside the claim
  std::string text;        // the claim in one or two sentences, for people reading the results
  std::string fr;          // the same in French (fr=), shown in a French run
  std::string quote;       // the tutorial's own sentence it comes from, in its words (quote=)
  std::string quote_from;  // where that sentence is, when not the scenario's <source> (quote-from=)
};

struct Mount {
  enum class Type { Volume, Bind, Tmpfs, VolumesFrom };  // VolumesFrom: `--volumes-from <source container>[:ro]`
  enum class Flag { Mount, Volume };                     // `--mount type=...` or `--volume src:dst`
  Type type = Type::Volume;
  std::string source;  // a logical volume name, a logical host folder for a bind, a container for volumes-from
  std::string path;    // for a bind: a file or folder inside the host folder ("" = itself)
  std::string target;  // the path in the container
  bool read_only = false;
  bool nocopy = false;  // no copy-up of the image's content into an empty volume
  bool chown = false;   // Podman's `:U`: the source is chowned to the container's user
  Flag flag = Flag::Mount;
  bool anonymous() const { return type == Type::Volume && source.empty(); }
};

struct HostFile {
  std::string path;  // relative to its host folder
  std::string content;
};

enum class StepKind {
  HostDir,  // make a host folder (a stand-in for $HOME) with files in it
  VolumeCreate,
  VolumeRemove,
  Run,     // start a container: detached, or one-shot running a command
  Create,  // create a container without starting it
  Write,   // write a file in a running container, content on stdin
  Exec,    // run a command in a running container
  Stop,
  Start,
  Restart,
  Remove,           // remove a container (`rm -f`, with `-v` when asked)
  Wait,             // wait for a container to exit
  FindVolume,       // give a logical name to the anonymous volume a container mounts
  FindLayer,        // give a host-folder name to a container's writable layer on the host (read only)
  Tutorial,         // a tutorial's command exactly as written, the runtime's name first
  ExpectFile,       // check a file: in a container, a fresh container, a volume, a host folder
  ExpectVolume,     // check a volume: exists, listed, driver, Mountpoint
  ExpectContainer,  // check a container: exists or not, running or stopped
  ExpectNetwork,    // check a network: exists or not
  HostWrite,        // write a file into a host folder the harness made, as a person on the host would
  HostDelete,       // delete a file from such a folder
  ComposeProject,   // a copy of a fixture Compose project in a host folder of its own
  ComposeUp,        // compose up -d
  ComposeDown,      // compose down [-v]
};

// Where an expect-file looks.
enum class Place { Container, Fresh, Volume, Host };

struct Step {
  StepKind kind = StepKind::Run;
  std::string element;  // the XML element name, for messages
  int line = 0;
  std::optional<double> timeout;      // seconds each command of this step may take
  std::vector<std::string> runtimes;  // only on these runtimes (empty: on all)
  std::vector<std::string> when;      // only where the probe found these facts (target_facts.hpp)
  std::string note;                   // why this runtime differs (with `runtimes` or `when`)
  std::string note_fr;                // the same in French (note-fr=), for a French run

  // what the step acts on (logical names); a Compose service's container is named by
  // its project and service instead of `container`
  std::string project;
  std::string service;
  std::string container;
  std::string volume;
  std::string host;
  std::string network;  // expect-network: a Compose project's network, <project>_<key>

  // run
  std::string image;  // empty: the run's image
  bool detach = false;
  bool rm = false;
  bool read_only = false;
  std::string user;    // run, create, exec, write: `--user` (a uid other than 0)
  std::string userns;  // run, create: `--userns` (only keep-id: Podman rootless maps the invoking user to itself)
  std::vector<Mount> mounts;
  std::vector<std::string> args;   // run / exec / tutorial command
  std::vector<std::string> typed;  // tutorial: lines a person types at the container's prompt (`run -it ... sh`)
  bool remove_volumes = false;     // remove: `rm -v`
  bool force = false;              // volume-remove: `volume rm --force`
  bool attach = false;             // start: `start --attach`, waiting for the exit (and the --rm removal)
  std::string target;              // find-volume: the mount's path in the container

  // host-dir
  std::vector<HostFile> files;

  // compose-project / compose-up
  std::string fixture;                     // the folder under fixtures/compose
  std::string folder;                      // the project folder's name after the run's prefix
  std::vector<std::string> volume_keys;    // the project's volumes: <project>_<key>
  std::vector<std::string> network_keys;   // the project's networks, <project>_<key>: it runs with them, not with none
  std::string alias;                       // compose-up as="...": -p under another logical name
  bool default_name = false;               // compose-up without -p: the tool names the project
  std::vector<std::string> named_volumes;  // compose-project: volumes whose `name:` is ${HARNESS_PREFIX}<name>

  // write / expect-file
  std::string path;
  std::optional<std::string> content;  // write: what to write; expect-file: what to find

  // checks: a step with a claim is evidence for that claim
  std::string claim;
  bool expect_failure = false;             // an action step: the claim says this must fail
  std::optional<int> exit_code;            // ... or must exit with this code
  std::optional<std::string> stdout_text;  // ... and print exactly this
  std::string stdout_contains;             // ... or print something with this in it
  std::string stderr_contains;             // ... and say this on stderr (a refusal's reason)
  Place place = Place::Container;
  bool absent = false;
  std::optional<unsigned> owner_uid;
  bool owner_is_invoker = false;  // owner-uid="self": the uid the harness runs as (rootless engines map root to it)
  bool owner_mapped = false;      // owner-uid="mapped:N": the host uid the engine maps the container's uid N to
  std::optional<bool> running;    // expect-container state="running" / "stopped"
  std::optional<bool> exists;
  std::optional<bool> listed;
  std::string driver;
  bool default_mountpoint = false;

  bool is_check() const { return !claim.empty(); }
  bool applies_to(const std::string& runtime) const {
    if (runtimes.empty()) return true;
    for (const auto& r : runtimes)
      if (r == runtime) return true;
    return false;
  }
};

struct Scenario {
  std::string file;  // as given on the command line
  std::string id;
  std::string title;
  std::string title_fr;  // title-fr=, shown in a French run
  std::string seed;      // the tutorial file it follows
  std::string section;   // and the section in it
  std::vector<std::string> tags;
  std::optional<double> timeout;  // seconds the whole scenario may take
  std::vector<Claim> claims;
  std::vector<Step> steps;
};

}  // namespace harness
