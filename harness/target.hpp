// A target is a column of the matrix: a CLI with the Docker dialect and how to reach its
// engine. `--runtime` names targets as users already name their engines:
//   docker                          the CLI's default (DOCKER_HOST, the current context)
//   docker@unix:///run/dind.sock    an engine URL (unix://, tcp://, ssh://): DOCKER_HOST
//   docker@desktop-linux            a Docker context: DOCKER_CONTEXT
//   podman@unix:///run/podman.sock  a Podman service: CONTAINER_HOST (podman --remote --url)
//   podman@my-connection            a Podman connection: CONTAINER_CONNECTION
// The engine is chosen through the environment of every command the target runs, so its
// Compose tool reaches the same engine as its CLI.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cli_dialect.hpp"
#include "process_runner.hpp"

namespace harness {

struct Target {
  const Dialect* dialect = nullptr;
  std::string endpoint;            // after the @: a URL or a context/connection name; "" for the default
  std::string display;             // the column's name (a targets file's name=); "" for CLI@endpoint
  std::vector<std::string> flags;  // global flags before every command's words (--runtime runc)
  unsigned jobs = 0;               // scenarios at once on this target; 0: the run's --jobs
  // NAME=value settings for the target's commands
  std::vector<std::pair<std::string, std::string>> environment() const;
  // The dialect's engine variables the target does not set: unset, so that only its own counts.
  std::vector<std::string> cleared() const;
  std::string name() const {
    return !display.empty() ? display : endpoint.empty() ? dialect->name : dialect->name + "@" + endpoint;
  }
};

// The target `spec` names, or an error message (an unknown runtime, an empty endpoint).
struct ParsedTarget {
  Target target;
  std::string error;
};
ParsedTarget parse_target(const std::string& spec);
// The targets of a --runtime list ("docker,podman@URL"), or the first error.
struct ParsedTargets {
  std::vector<Target> targets;
  std::string error;
};
ParsedTargets parse_targets(const std::string& specs);

// Runs every command with extra environment settings (through env(1), so that the
// transcript of the inner runner and every fake stay argv-only).
class EnvironmentRunner : public ProcessRunner {
 public:
  // `cleared` are unset first (a DOCKER_HOST the user exported would win over the target's DOCKER_CONTEXT)
  EnvironmentRunner(ProcessRunner& inner, std::vector<std::pair<std::string, std::string>> settings,
                    std::vector<std::string> cleared = {})
      : inner_(inner), settings_(std::move(settings)), cleared_(std::move(cleared)) {}
  ProcessResult run(const Argv& argv, const std::string& input, std::chrono::milliseconds timeout) override;

 private:
  ProcessRunner& inner_;
  std::vector<std::pair<std::string, std::string>> settings_;
  std::vector<std::string> cleared_;
};

}  // namespace harness
