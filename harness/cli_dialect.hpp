// The command lines of a container CLI with the Docker dialect (docker, podman, ...).
// Pure functions from verbs to argv vectors: nothing here runs a process. What differs
// between runtimes is a row of the table in cli_dialect.cpp, not code.
#pragma once

#include <string>
#include <vector>

#include "process_runner.hpp"
#include "scenario.hpp"

namespace harness {

// A Compose tool that drives a runtime, and how it names things.
struct ComposeTool {
  std::string binary;                      // a tool of its own, on PATH ("docker-compose") ...
  bool plugin = false;                     // ... or `<runtime> compose` (Compose v2)
  std::string separator;                   // container names: <project><sep><service><sep>1
  std::vector<std::string> extra_files;    // fixture files added with -f, where the tool allows them: no network ...
  std::vector<std::string> network_files;  // ... or, for a project with networks= (its network checked), these
  bool down_leaves_network = false;        // `down` keeps <project>_default
};

struct Dialect {
  std::string name;                  // "docker": what --runtime names
  std::string binary;                // looked up on PATH when the run starts
  Argv version_query;                // prints the server (engine) version
  Argv volume_root_query;            // prints the folder that holds volumes ...
  std::string volume_root_suffix;    // ... below this subfolder of it ("" = itself)
  std::string unreachable_text;      // in stderr when the engine cannot be reached at all
  Argv force_remove;                 // removes containers, ignoring missing ones
  std::vector<int> cli_errors;       // exit codes of the CLI itself refusing a command (not the container's)
  std::string layer_format;          // container inspect template: its writable layer on the host
  std::vector<ComposeTool> compose;  // candidates, the first one found is used
  // Lower-case texts in stderr that mean "it is not there" (not a fault): for a container,
  // for a volume, and for anything being removed.
  std::string missing_container = "no such container";
  std::string missing_volume = "no such volume";
  std::string missing_network = "not found";  // Docker: "network x not found"; Podman: "... network not found"
  std::vector<std::string> already_gone = {"no such", "not found"};
  std::string volume_data = "_data";  // a volume's data folder below <volume root>/<name>
  // One `info` call for the probe: storage driver|OCI runtime|rootless mark|volume folder.
  // Rootless when the third field says "rootless" (Docker's security options) or "true".
  Argv facts_query;
  std::string endpoint_variable;  // the environment variable that names an engine by URL ...
  std::string context_variable;   // ... and by a context or connection name
  // `cp CONTAINER:PATH -` keeps owners and symlinks as they are (Docker); otherwise files
  // are read through the runtime with `volume export` / `export` (Podman 4.3's cp makes the
  // caller their owner and follows a final symlink).
  bool cp_keeps_owners = true;
  // The run's containers join one container's network namespace (`--network container:X`,
  // the probe's container kept running: probe.hpp) instead of each getting one of its own
  // (`--network none`): Docker runs its libnetwork-setkey prestart hook (dockerd
  // re-executed) for every new namespace, about 0.3 CPU-second of each container start
  // here; Podman gains nothing measurable.
  bool shared_network = false;
  // In stderr when a container cannot join that namespace (the anchor stopped: a daemon
  // restarted without live-restore, someone's `stop`): the harness's fault, not the claim's.
  std::string anchor_gone;
};

// `--network container:harness-<run>-t<K>-probe`: a network anchor's (see probe.hpp).
bool is_network_anchor(const std::string& network);

// Whether a removal's error only says the thing was not there (Dialect::already_gone).
bool says_gone(const Dialect& dialect, const std::string& text);

// The runtimes the harness knows, by name; nullptr when unknown.
const Dialect* find_dialect(const std::string& name);
std::vector<std::string> dialect_names();

// A container to start, with runtime names already resolved.
struct RunSpec {
  std::string name;
  std::string image;
  bool detach = false;
  bool rm = false;
  bool read_only = false;
  bool create_only = false;  // `create`: make the container, do not start it
  std::string user;          // `--user`
  std::string userns;        // `--userns`
  struct ResolvedMount {
    Mount::Type type;
    Mount::Flag flag;
    std::string source;  // a volume name, an absolute host path, or "" (anonymous volume)
    std::string target;
    bool read_only;
    bool nocopy = false;
    bool chown = false;  // Podman's U: chowned to the container's user
  };
  std::vector<ResolvedMount> mounts;
  std::vector<std::string> labels;  // "key=value"
  Argv command;                     // empty: the image's default command
};

// The value of `--mount` for a mount: `type=volume,src=v,dst=/p,ro`, each field CSV-quoted when needed.
std::string mount_option(const RunSpec::ResolvedMount& mount);

class Cli {
 public:
  // `flags`: global flags every command starts with (a target's --runtime runc)
  Cli(const Dialect& dialect, std::string executable, std::vector<std::string> flags = {})
      : dialect_(dialect), exe_(std::move(executable)), flags_(std::move(flags)) {}

  const Dialect& dialect() const { return dialect_; }
  const std::string& executable() const { return exe_; }

  Argv version() const;
  Argv volume_root() const;
  Argv image_exists(const std::vector<std::string>& images) const;  // exits 0 when every one is there
  Argv run(const RunSpec& spec) const;
  Argv exec(const std::string& container, const Argv& command, bool interactive, const std::string& user = "") const;
  Argv stop(const std::string& container) const;
  Argv start(const std::string& container, bool attach = false) const;
  Argv restart(const std::string& container) const;
  Argv remove_containers(const std::vector<std::string>& names, bool volumes = false) const;  // rm -f [-v]
  Argv wait(const std::string& container) const;
  Argv container_inspect(const std::string& container, const std::string& format) const;
  Argv volume_create(const std::string& name, const std::vector<std::string>& labels) const;
  // volume rm [--force]: as a person types it, or forced for cleanup
  Argv volume_remove(const std::vector<std::string>& names, bool force = true) const;
  Argv words(const Argv& args) const;                      // the CLI and these words
  Argv volume_list() const;                                // one name a line
  Argv containers_named(const std::string& prefix) const;  // names containing prefix
  Argv volumes_named(const std::string& prefix) const;     // names containing prefix
  Argv networks_named(const std::string& prefix) const;    // names containing prefix
  Argv network_remove(const std::vector<std::string>& names) const;
  Argv volume_inspect(const std::string& name, const std::string& format) const;
  Argv network_inspect(const std::string& name, const std::string& format) const;

  // The network every container of the run gets: "none", or "container:NAME" (a network anchor).
  const std::string& network() const { return network_; }
  Cli with_network(std::string network) const {
    Cli cli = *this;
    cli.network_ = std::move(network);
    return cli;
  }

 private:
  Argv with(std::initializer_list<std::string> args) const;
  const Dialect& dialect_;
  std::string exe_;
  std::vector<std::string> flags_;
  std::string network_ = "none";
};

}  // namespace harness
