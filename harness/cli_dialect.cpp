#include "cli_dialect.hpp"

#include <algorithm>

#include "run_names.hpp"
#include "text.hpp"

namespace harness {

namespace {

const std::vector<Dialect>& dialects() {
  static const std::vector<Dialect> table = {
      {"docker",
       "docker",
       {"version", "--format", "{{.Server.Version}}"},
       {"info", "--format", "{{.DockerRootDir}}"},
       "volumes",
       "Cannot connect to the Docker daemon",
       {"rm", "--force"},
       {125, 126, 127},
       "{{.GraphDriver.Data.UpperDir}}",
       // no network, or the default network made internal (nothing leaves it)
       {{"", true, "-", {"no-network.yaml"}, {"internal-network.yaml"}, false},                  // Compose v2, the plugin
        {"docker-compose", false, "_", {"no-network.yaml"}, {"internal-network.yaml"}, false}},  // Compose v1 (Debian 12)
       "no such container",
       "no such volume",
       "not found",
       {"no such", "not found"},
       "_data",
       {"info", "--format", "{{.Driver}}|{{.DefaultRuntime}}|{{.SecurityOptions}}|{{.DockerRootDir}}"},
       "DOCKER_HOST",
       "DOCKER_CONTEXT",
       /* cp_keeps_owners */ true,
       /* shared_network */ true,
       /* anchor_gone */ "cannot join network of a non running container"},
      {"podman",
       "podman",
       {"version", "--format", "{{.Client.Version}}"},
       {"info", "--format", "{{.Store.VolumePath}}"},
       "",
       "Cannot connect to Podman",
       // Podman 4.3's `rm --force a b` removes nothing when one name is missing and
       // exits 0 (containers/podman#21529, fixed in 5.1); --ignore makes it remove the rest.
       {"rm", "--force", "--ignore"},
       {125, 126, 127},
       "{{.GraphDriver.Data.UpperDir}}",
       // podman-compose 1.0.3 adds the project network even to a network_mode: none
       // service (podman then refuses both), so every project has <project>_default; and
       // `down`, with -v or not, leaves that network behind (CMP-3's declared difference).
       {{"podman-compose", false, "_", {}, {}, true}},
       "no such container",
       "no such volume",
       "not found",
       {"no such", "not found"},
       "_data",
       {"info", "--format",
        "{{.Store.GraphDriverName}}|{{.Host.OCIRuntime.Name}}|{{.Host.Security.Rootless}}|{{.Store.VolumePath}}"},
       "CONTAINER_HOST",
       "CONTAINER_CONNECTION",
       false},
  };
  return table;
}

// A field of a `--mount` value, which Docker and Podman read as one CSV line: one with a
// comma, a quote or a line break is quoted, so that a path stays one field and can add no
// key (a target "/p,src=/etc" would otherwise bind-mount the host's /etc).
std::string csv_field(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string quoted = "\"";
  for (const char c : field) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

// `--mount type=volume,src=v,dst=/p,readonly` as the tutorials write it.
std::string mount_option(const RunSpec::ResolvedMount& m) {
  const char* type = m.type == Mount::Type::Tmpfs ? "tmpfs" : m.type == Mount::Type::Bind ? "bind" : "volume";
  std::string option = std::string("type=") + type;
  if (!m.source.empty()) option += "," + csv_field("src=" + m.source);
  option += "," + csv_field("dst=" + m.target);
  if (m.read_only) option += ",ro";  // Docker and Podman both take ro (Podman 4.3 rejects readonly)
  if (m.nocopy) option += ",volume-nocopy";
  if (m.chown) option += ",U=true";
  return option;
}

namespace {

// `--volume v:/p:ro,nocopy,U`; an anonymous volume is just `/p`.
std::string volume_option(const RunSpec::ResolvedMount& m) {
  std::string option = m.source.empty() ? m.target : m.source + ":" + m.target;
  std::string flags = m.read_only ? "ro" : "";
  for (const auto& [on, flag] : {std::pair<bool, const char*>{m.nocopy, "nocopy"}, {m.chown, "U"}})
    if (on) flags += flags.empty() ? flag : std::string(",") + flag;
  return flags.empty() ? option : option + ":" + flags;
}

}  // namespace

bool is_network_anchor(const std::string& network) {
  const std::string mode = "container:";
  return network.rfind(mode, 0) == 0 && is_target_name(network.substr(mode.size()));
}

bool says_gone(const Dialect& dialect, const std::string& text) {
  const std::string l = lower(text);
  return std::any_of(dialect.already_gone.begin(), dialect.already_gone.end(),
                     [&l](const std::string& gone) { return l.find(gone) != std::string::npos; });
}

const Dialect* find_dialect(const std::string& name) {
  for (const auto& d : dialects())
    if (d.name == name) return &d;
  return nullptr;
}

std::vector<std::string> dialect_names() {
  std::vector<std::string> names;
  for (const auto& d : dialects()) names.push_back(d.name);
  return names;
}

Argv Cli::with(std::initializer_list<std::string> args) const { return words(args); }

Argv Cli::version() const { return words(dialect_.version_query); }
Argv Cli::volume_root() const { return words(dialect_.volume_root_query); }

Argv Cli::image_exists(const std::vector<std::string>& images) const {
  Argv argv = with({"image", "inspect", "--format", "{{.Id}}"});
  argv.insert(argv.end(), images.begin(), images.end());
  return argv;
}

Argv Cli::run(const RunSpec& spec) const {
  // No claim needs a network: none (or the network anchor's, with nothing but loopback)
  // starts faster and sends nothing anywhere.
  Argv argv = with({spec.create_only ? "create" : "run", "--name", spec.name, "--network", network_});
  if (spec.detach) argv.push_back("--detach");
  if (spec.rm) argv.push_back("--rm");
  if (spec.read_only) argv.push_back("--read-only");
  for (const auto& label : spec.labels) argv.insert(argv.end(), {"--label", label});
  if (!spec.user.empty()) argv.insert(argv.end(), {"--user", spec.user});
  if (!spec.userns.empty()) argv.insert(argv.end(), {"--userns", spec.userns});
  for (const auto& m : spec.mounts) {
    if (m.type == Mount::Type::VolumesFrom)
      argv.insert(argv.end(), {"--volumes-from", m.read_only ? m.source + ":ro" : m.source});
    else if (m.flag == Mount::Flag::Volume)
      argv.insert(argv.end(), {"--volume", volume_option(m)});
    else
      argv.insert(argv.end(), {"--mount", mount_option(m)});
  }
  argv.push_back(spec.image);
  argv.insert(argv.end(), spec.command.begin(), spec.command.end());
  return argv;
}

Argv Cli::exec(const std::string& container, const Argv& command, bool interactive, const std::string& user) const {
  Argv argv = with({"exec"});
  if (interactive) argv.push_back("--interactive");
  if (!user.empty()) argv.insert(argv.end(), {"--user", user});
  argv.push_back(container);
  argv.insert(argv.end(), command.begin(), command.end());
  return argv;
}

Argv Cli::stop(const std::string& container) const { return with({"stop", container}); }
Argv Cli::start(const std::string& container, bool attach) const {
  return attach ? with({"start", "--attach", container}) : with({"start", container});
}
Argv Cli::restart(const std::string& container) const { return with({"restart", container}); }

Argv Cli::remove_containers(const std::vector<std::string>& names, bool volumes) const {
  Argv argv = words(dialect_.force_remove);
  if (volumes) argv.push_back("--volumes");
  argv.insert(argv.end(), names.begin(), names.end());
  return argv;
}

Argv Cli::volume_create(const std::string& name, const std::vector<std::string>& labels) const {
  Argv argv = with({"volume", "create"});
  for (const auto& label : labels) argv.insert(argv.end(), {"--label", label});
  argv.push_back(name);
  return argv;
}

Argv Cli::volume_remove(const std::vector<std::string>& names, bool force) const {
  Argv argv = force ? with({"volume", "rm", "--force"}) : with({"volume", "rm"});
  argv.insert(argv.end(), names.begin(), names.end());
  return argv;
}

Argv Cli::wait(const std::string& container) const { return with({"wait", container}); }

Argv Cli::container_inspect(const std::string& container, const std::string& format) const {
  return with({"container", "inspect", "--format", format, container});
}

Argv Cli::words(const Argv& args) const {
  Argv argv{exe_};
  argv.insert(argv.end(), flags_.begin(), flags_.end());
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

Argv Cli::volume_list() const { return with({"volume", "ls", "--quiet"}); }

Argv Cli::containers_named(const std::string& prefix) const {
  return with({"ps", "--all", "--filter", "name=" + prefix, "--format", "{{.Names}}"});
}

Argv Cli::networks_named(const std::string& prefix) const {
  return with({"network", "ls", "--filter", "name=" + prefix, "--format", "{{.Name}}"});
}

Argv Cli::network_remove(const std::vector<std::string>& names) const {
  Argv argv = with({"network", "rm"});
  argv.insert(argv.end(), names.begin(), names.end());
  return argv;
}

Argv Cli::volumes_named(const std::string& prefix) const {
  return with({"volume", "ls", "--quiet", "--filter", "name=" + prefix});
}

Argv Cli::volume_inspect(const std::string& name, const std::string& format) const {
  return with({"volume", "inspect", "--format", format, name});
}

Argv Cli::network_inspect(const std::string& name, const std::string& format) const {
  return with({"network", "inspect", "--format", format, name});
}

}  // namespace harness
