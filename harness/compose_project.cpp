#include "compose_project.hpp"

#include <boost/filesystem.hpp>
#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace harness {
namespace fs = boost::filesystem;

namespace {
std::string read_whole(const fs::path& path) {
  std::ifstream in(path.string(), std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return text.str();
}
}  // namespace

ComposeProject make_compose_project(HostFiles& files, const std::string& fixtures, const std::string& fixture,
                                    const std::string& parent, const std::string& folder_name, const ComposeTool& tool,
                                    const std::vector<std::pair<std::string, std::string>>& env) {
  const fs::path source = fs::path(fixtures) / "compose" / fixture;
  if (!fs::is_regular_file(source / "compose.yaml"))
    throw std::runtime_error("no Compose fixture " + (source / "compose.yaml").string());
  const fs::path folder = fs::path(parent) / folder_name;
  std::vector<std::string> copied;
  for (const auto& entry : fs::directory_iterator(source))
    if (fs::is_regular_file(entry.path())) {
      files.write((folder / entry.path().filename()).string(), read_whole(entry.path()));
      copied.push_back(entry.path().filename().string());
    }
  std::string dotenv;
  for (const auto& [key, value] : env) dotenv += key + "=" + value + "\n";
  files.write((folder / ".env").string(), dotenv);

  ComposeProject project{folder.string(), {(folder / "compose.yaml").string()}, "", {}};
  for (const auto& extra : tool.extra_files)
    if (std::find(copied.begin(), copied.end(), extra) != copied.end()) project.files.push_back((folder / extra).string());
  return project;
}

Argv compose_command(const Argv& tool, const ComposeProject& project, const Argv& words) {
  Argv argv = tool;
  if (!project.name.empty()) argv.insert(argv.end(), {"-p", project.name});
  for (const auto& f : project.files) argv.insert(argv.end(), {"-f", f});
  argv.insert(argv.end(), words.begin(), words.end());
  return argv;
}

std::string service_container(const ComposeTool& tool, const std::string& project, const std::string& service) {
  return project + tool.separator + service + tool.separator + "1";
}

}  // namespace harness
