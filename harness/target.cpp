#include "target.hpp"

#include "i18n.hpp"
#include "text.hpp"

namespace harness {

std::vector<std::pair<std::string, std::string>> Target::environment() const {
  if (endpoint.empty()) return {};
  const bool url = endpoint.find("://") != std::string::npos;
  return {{url ? dialect->endpoint_variable : dialect->context_variable, endpoint}};
}

std::vector<std::string> Target::cleared() const {
  if (endpoint.empty()) return {};
  const std::string set = environment().front().first;
  std::vector<std::string> other;
  for (const auto& variable : {dialect->endpoint_variable, dialect->context_variable})
    if (!variable.empty() && variable != set) other.push_back(variable);
  return other;
}

ParsedTarget parse_target(const std::string& spec) {
  const auto at = spec.find('@');
  const std::string name = spec.substr(0, at);
  const Dialect* dialect = find_dialect(name);
  if (!dialect) return {{}, tr("unknown runtime '{1}' (known: {2})", {name, join(dialect_names(), ", ")})};
  if (at == std::string::npos) return {{dialect, "", "", {}, 0}, ""};
  const std::string endpoint = spec.substr(at + 1);
  if (endpoint.empty() || endpoint.find_first_of(" \t\n=") != std::string::npos)
    return {{}, tr("'{1}' names no engine after the @ (an URL like unix:///run/x.sock, or a context name)", {spec})};
  return {{dialect, endpoint, "", {}, 0}, ""};
}

ParsedTargets parse_targets(const std::string& specs) {
  ParsedTargets parsed;
  for (const auto& spec : split_commas(specs)) {
    ParsedTarget one = parse_target(spec);
    if (!one.error.empty()) return {{}, one.error};
    parsed.targets.push_back(one.target);
  }
  if (parsed.targets.empty()) parsed.error = tr("--runtime names no runtime");
  return parsed;
}

Argv EnvironmentRunner::wrapped(const Argv& argv) const {
  if (settings_.empty()) return argv;
  Argv env = {"env"};
  for (const auto& name : cleared_) env.insert(env.end(), {"-u", name});
  env.push_back("--");
  for (const auto& [name, value] : settings_) env.push_back(name + "=" + value);
  env.insert(env.end(), argv.begin(), argv.end());
  return env;
}

ProcessResult EnvironmentRunner::run(const Argv& argv, const std::string& input, std::chrono::milliseconds timeout) {
  return inner_.run(wrapped(argv), input, timeout);
}

ProcessResult EnvironmentRunner::run_in_terminal(const Argv& argv, const std::vector<std::string>& typed,
                                                 std::chrono::milliseconds timeout) {
  return inner_.run_in_terminal(wrapped(argv), typed, timeout);
}

}  // namespace harness
