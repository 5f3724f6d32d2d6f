#include "probe.hpp"

#include <cstdlib>
#include <future>

#include "engine.hpp"  // kKeepAlive: the anchor's PID 1, like every kept container's
#include "i18n.hpp"
#include "run_names.hpp"
#include "runtime_calls.hpp"
#include "text.hpp"

namespace harness {

namespace {

const char* const kVolumeMarker = "written through a volume\n";
// The container's command always exits 0: only a container that cannot start fails. A
// mount that is missing inside (a runtime that drops mounts) is said, not taken for a
// remote engine: then the checks look as usual, and fail on what the runtime broke.
const char* const kLook =
    "if [ -d /v ]; then echo 'written through a volume' > /v/marker; else echo '(no volume mount)'; fi; "
    "if [ ! -d /h ]; then echo '(no bind mount)'; elif [ ! -e /h/marker ]; then echo '(no marker)'; "
    "else cat /h/marker 2>/dev/null || echo '(unreadable marker)'; fi; true";
const char* const kHostMarker = "written by the harness on its host\n";

// storage|runtime|rootless mark|volume folder
void read_info(const std::string& out, TargetFacts& facts) {
  const std::string line = first_line(out);
  std::vector<std::string> fields;
  for (std::size_t from = 0;;) {
    const std::size_t bar = line.find('|', from);
    fields.push_back(line.substr(from, bar - from));
    if (bar == std::string::npos) break;
    from = bar + 1;
  }
  fields.resize(4);
  facts.storage = fields[0];
  facts.oci_runtime = fields[1];
  facts.rootless = fields[2].find("rootless") != std::string::npos || fields[2] == "true";
  facts.volume_root = fields[3];  // as the volume root query answers (Engine::volume_root)
}

// Where the engine is: what the target sets, else what the environment says, else the
// CLI's default.
std::string endpoint(const Dialect& dialect, const std::vector<std::pair<std::string, std::string>>& environment) {
  if (!environment.empty()) return environment.front().first + "=" + environment.front().second;
  for (const auto& variable : {dialect.endpoint_variable, dialect.context_variable}) {
    const char* value = variable.empty() ? nullptr : std::getenv(variable.c_str());
    if (value && *value) return variable + "=" + value;
  }
  return tr("the local engine");
}

}  // namespace

TargetFacts ask_engine(const Cli& cli, ProcessRunner& runner, const std::string& version, const ProbeOptions& o,
                       const std::vector<std::pair<std::string, std::string>>& environment) {
  TargetFacts facts;
  facts.runtime = cli.dialect().name;
  facts.version = version;
  facts.endpoint = endpoint(cli.dialect(), environment);
  const auto info = runner.run(cli.words(cli.dialect().facts_query), "", o.timeout);
  if (info.ok())
    read_info(info.out, facts);
  else  // facts unknown: no when= condition may be guessed, so nothing is checked
    facts.cannot_start = tr("its facts could not be read: {1}", {describe_failure(info, o.timeout)});
  return facts;
}

ContainerLook look_through_container(const Cli& cli, ProcessRunner& runner, HostFiles& files, const ProbeOptions& o) {
  ContainerLook look;
  const std::string name = target_name(o.run_id, o.target, "probe");
  look.volume = name;
  look.folder = files.make_folder(o.host_tmp, name + "-");
  files.write(look.folder + "/marker", kHostMarker);
  RunSpec spec;
  spec.name = name;
  spec.image = o.image;
  spec.rm = !o.keep_running;
  spec.detach = o.keep_running;
  spec.labels = {"harness.run=" + o.run_id};
  spec.mounts = {{Mount::Type::Volume, Mount::Flag::Mount, name, "/v", false},
                 {Mount::Type::Bind, Mount::Flag::Mount, look.folder, "/h", true}};
  spec.command = o.keep_running ? kKeepAlive : Argv{"sh", "-c", kLook};
  const Cli own = cli.with_network("none");  // the anchor, if any, is this container
  auto run = runner.run(own.run(spec), "", o.timeout);
  const bool bound = run.ok();
  if (!bound) {  // without the bind mount: an engine that does not see the folder refuses it
    runner.run(cli.remove_containers({name}), "", o.timeout);  // a run that timed out may have left it
    spec.mounts.pop_back();
    run = runner.run(own.run(spec), "", o.timeout);
    if (!run.ok()) {
      look.cannot_start = tr("cannot start a container here: {1}", {describe_failure(run, o.timeout)});
      runner.run(cli.remove_containers({name}), "", o.timeout);  // a start that failed may leave it created
      return look;
    }
    look.sees_host_dirs = false;
  }
  // the volume's Mountpoint, asked beside the look when the container stays (its volume is there)
  const auto ask_mountpoint = [&] { return runner.run(cli.volume_inspect(name, "{{.Mountpoint}}"), "", o.timeout); };
  std::future<ProcessResult> mountpoint;
  if (o.keep_running) {  // the look, in the container that stays
    look.container = name;
    mountpoint = std::async(std::launch::async, ask_mountpoint);
    run = runner.run(cli.exec(name, {"sh", "-c", kLook}, false), "", o.timeout);
    if (!run.ok()) {
      look.cannot_start = tr("cannot run a command in a container here: {1}", {describe_failure(run, o.timeout)});
      return look;
    }
  }
  if (bound) {  // the engine mounted a folder of that path: is it the harness's?
    look.sees_host_dirs =
        run.out.find("(no marker)") == std::string::npos && run.out.find("(unreadable marker)") == std::string::npos;
    if (run.out.find("(unreadable marker)") != std::string::npos)
      look.host_dirs_why =
          tr("the engine's containers cannot read the harness's host folders in {1} (a user namespace "
             "remapping or SELinux labels)",
             {o.host_tmp});
  }
  if (run.out.find("(no volume mount)") == std::string::npos) {
    const auto mp = mountpoint.valid() ? mountpoint.get() : ask_mountpoint();
    try {
      const HostEntry e = mp.ok() ? files.read(first_line(mp.out) + "/marker") : HostEntry{};
      look.sees_volumes = e.present && e.content == kVolumeMarker;
    } catch (const std::exception&) {
      look.sees_volumes = false;  // there, but not readable by the harness: read through the runtime
    }
  }
  return look;
}

std::vector<std::string> remove_probe(const Cli& cli, ProcessRunner& runner, HostFiles& files, const ContainerLook& look,
                                      std::chrono::milliseconds timeout) {
  std::vector<std::string> left;
  const auto removed = [&cli](const ProcessResult& r) { return r.ok() || says_gone(cli.dialect(), r.err); };
  if (!look.container.empty() && !removed(runner.run(cli.remove_containers({look.container}), "", timeout)))
    left.push_back(tr("container {1}", {look.container}));
  if (!removed(runner.run(cli.volume_remove({look.volume}), "", timeout))) left.push_back(tr("volume {1}", {look.volume}));
  files.remove_all(look.folder);
  return left;
}

TargetFacts combine(TargetFacts said, const ContainerLook& look) {
  if (said.cannot_start.empty()) said.cannot_start = look.cannot_start;
  said.sees_volumes = look.sees_volumes;
  said.sees_host_dirs = look.sees_host_dirs;
  said.host_dirs_why = look.host_dirs_why;
  return said;
}

TargetFacts probe_target(const Cli& cli, ProcessRunner& runner, HostFiles& files, const std::string& version,
                         const ProbeOptions& o, const std::vector<std::pair<std::string, std::string>>& environment) {
  auto said = std::async(std::launch::async, [&] { return ask_engine(cli, runner, version, o, environment); });
  const ContainerLook look = look_through_container(cli, runner, files, o);
  remove_probe(cli, runner, files, look, o.timeout);  // its look is all it is for here
  return combine(said.get(), look);
}

}  // namespace harness
