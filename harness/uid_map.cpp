#include "uid_map.hpp"

#include <pwd.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace harness {

std::optional<unsigned> mapped_uid(unsigned container_uid, bool rootless, const std::string& subuid, const std::string& name,
                                   unsigned uid) {
  if (!rootless) return container_uid;
  if (container_uid == 0) return uid;
  std::istringstream lines(subuid);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream fields(line);
    std::string who, start, count;
    if (!std::getline(fields, who, ':') || !std::getline(fields, start, ':') || !std::getline(fields, count)) continue;
    if (who != name && who != std::to_string(uid)) continue;
    try {
      const unsigned long first = std::stoul(start), size = std::stoul(count);
      if (container_uid <= size) return static_cast<unsigned>(first + container_uid - 1);
    } catch (const std::exception&) {
    }
    return std::nullopt;  // the first range of the user is the one engines use
  }
  return std::nullopt;
}

std::optional<unsigned> host_uid(unsigned container_uid, const TargetFacts& facts) {
  const unsigned uid = ::getuid();
  const passwd* pw = ::getpwuid(uid);
  std::ifstream file("/etc/subuid");
  std::stringstream text;
  text << file.rdbuf();
  return mapped_uid(container_uid, facts.rootless, text.str(), pw ? pw->pw_name : "", uid);
}

}  // namespace harness
