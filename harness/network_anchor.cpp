#include "network_anchor.hpp"

#include "engine.hpp"

namespace harness {

std::string start_network_anchor(const Cli& cli, ProcessRunner& runner, const ProbeOptions& o) {
  RunSpec spec;
  spec.name = "harness-" + o.run_id + "-t" + std::to_string(o.target) + "-net";
  spec.image = o.image;
  spec.detach = true;
  spec.labels = {"harness.run=" + o.run_id};
  spec.command = kKeepAlive;  // its PID 1 exits on SIGTERM: removing it waits for nothing
  if (runner.run(cli.with_network("none").run(spec), "", o.timeout).ok()) return spec.name;
  runner.run(cli.remove_containers({spec.name}), "", o.timeout);  // a start that failed may leave it created
  return "";
}

void remove_network_anchor(const Cli& cli, ProcessRunner& runner, const std::string& name, std::chrono::milliseconds timeout) {
  if (!name.empty()) runner.run(cli.remove_containers({name}), "", timeout);
}

}  // namespace harness
