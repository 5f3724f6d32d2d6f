#include "cleanup.hpp"

#include <sstream>

#include "text.hpp"

namespace harness {

namespace {

void remove(const std::vector<std::string>& names, const Argv& argv, RuntimeCalls& calls, ScenarioResult& result) {
  if (names.empty()) return;
  CommandRecord cmd{argv, "", false, calls.run(argv)};
  const auto& r = cmd.result;
  if (!r.ran()) {
    for (const auto& n : names) result.leftovers.push_back(n + " (" + calls.failure(r) + ")");
  } else if (r.exit_code != 0) {
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);)
      for (const auto& n : names)
        if (line.find(n) != std::string::npos && !says_gone(calls.cli().dialect(), line))
          result.leftovers.push_back(n + " (" + printable(line) + ")");
  }
  result.cleanup.push_back(cmd);
}

}  // namespace

void clean_up(const Ledger& ledger, RuntimeCalls& calls, ComposeLookup& compose, HostFiles& files, ScenarioResult& result) {
  if (!ledger.compose_projects().empty()) {
    CommandRecord lookup;
    const auto tool = compose.get(lookup);
    for (const auto& project : ledger.compose_projects()) {
      const Argv down = compose_command(tool.command, project, {"down", "--volumes", "--timeout", "0"});
      CommandRecord cmd{down, "", false, calls.run(down)};
      if (!cmd.result.ok())
        result.leftovers.push_back("Compose project in " + project.folder + " (down: " + calls.failure(cmd.result) + ")");
      result.cleanup.push_back(cmd);
    }
  }
  const Cli& cli = calls.cli();
  remove(ledger.containers(), cli.remove_containers(ledger.containers(), true), calls, result);
  remove(ledger.networks(), cli.network_remove(ledger.networks()), calls, result);
  remove(ledger.volumes(), cli.volume_remove(ledger.volumes()), calls, result);
  for (const auto& dir : ledger.host_dirs())
    if (const std::string why = files.remove_all(dir); !why.empty()) result.leftovers.push_back(dir + " (" + why + ")");
}

}  // namespace harness
