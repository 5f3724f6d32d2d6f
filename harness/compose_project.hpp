// A Compose project the harness runs: a copy of a fixture project in a host folder of
// its own, with a .env that sets the image and the run's name prefix, and the command
// lines of the Compose tool for it.
#pragma once

#include <string>
#include <vector>

#include "cli_dialect.hpp"
#include "host_files.hpp"

namespace harness {

struct ComposeProject {
  std::string folder;              // the project folder (its name is the default project name)
  std::vector<std::string> files;  // -f files, the main compose.yaml first
  std::string name;                // -p NAME; "" = the tool's default (from the folder)
  std::vector<std::string> named;  // logical names of volumes its `name:` keys give (${HARNESS_PREFIX}<name>)
};

// Copies fixtures/compose/<fixture> into <parent>/<folder_name> and writes its .env.
// Throws std::runtime_error when the fixture is missing.
ComposeProject make_compose_project(HostFiles& files, const std::string& fixtures, const std::string& fixture,
                                    const std::string& parent, const std::string& folder_name, const ComposeTool& tool,
                                    const std::vector<std::pair<std::string, std::string>>& env);

// <tool> [-p NAME] -f FILE... WORDS
Argv compose_command(const Argv& tool, const ComposeProject& project, const Argv& words);

// The container Compose makes for the first replica of a service.
std::string service_container(const ComposeTool& tool, const std::string& project, const std::string& service);

}  // namespace harness
