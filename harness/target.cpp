#include "target.hpp"

#include "text.hpp"

namespace harness {

std::vector<std::pair<std::string, std::string>> Target::environment() const {
  if (endpoint.empty()) return {};
  const bool url = endpoint.find("://") != std::string::npos;
  return {{url ? dialect->endpoint_variable : dialect->context_variable, endpoint}};
}

ParsedTarget parse_target(const std::string& spec) {
  const auto at = spec.find('@');
  const std::string name = spec.substr(0, at);
  const Dialect* dialect = find_dialect(name);
  if (!dialect) return {{}, "unknown runtime '" + name + "' (known: " + join(dialect_names(), ", ") + ")"};
  if (at == std::string::npos) return {{dialect, ""}, ""};
  const std::string endpoint = spec.substr(at + 1);
  if (endpoint.empty() || endpoint.find_first_of(" \t\n=") != std::string::npos)
    return {{}, "'" + spec + "' names no engine after the @ (an URL like unix:///run/x.sock, or a context name)"};
  return {{dialect, endpoint}, ""};
}

ProcessResult EnvironmentRunner::run(const Argv& argv, const std::string& input, std::chrono::milliseconds timeout) {
  if (settings_.empty()) return inner_.run(argv, input, timeout);
  Argv wrapped = {"env", "--"};
  for (const auto& [name, value] : settings_) wrapped.push_back(name + "=" + value);
  wrapped.insert(wrapped.end(), argv.begin(), argv.end());
  return inner_.run(wrapped, input, timeout);
}

}  // namespace harness
