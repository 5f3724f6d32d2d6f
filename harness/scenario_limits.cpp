#include "scenario_limits.hpp"

#include <sys/stat.h>

#include <fstream>

namespace harness {

namespace {

std::string too_large(const std::string& file, unsigned long long bytes) {
  return file + ": " + std::to_string(bytes) + " bytes is too large for a scenario file (at most " +
         std::to_string(kMaxScenarioBytes) + ", 1 MiB); it was not read";
}

std::string over(std::size_t count, std::size_t limit, const char* what) {
  if (count <= limit) return "";
  return "a scenario has at most " + std::to_string(limit) + " " + what + ", this one " + std::to_string(count);
}

}  // namespace

ScenarioText read_scenario_file(const std::string& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return {"", file + ": cannot be read"};
  const auto size = static_cast<unsigned long long>(st.st_size);
  if (size > kMaxScenarioBytes) return {"", too_large(file, size)};
  std::ifstream in(file, std::ios::binary);
  if (!in.is_open()) return {"", file + ": cannot be read"};
  std::string text(static_cast<std::size_t>(size) + 1, '\0');  // one more byte: did it grow?
  in.read(&text[0], static_cast<std::streamsize>(text.size()));
  if (in.bad()) return {"", file + ": cannot be read"};
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxScenarioBytes) return {"", too_large(file, text.size()) + " (it grew while being read)"};
  return {text, ""};
}

std::string steps_limit_error(std::size_t steps) { return over(steps, kMaxScenarioSteps, "steps"); }
std::string claims_limit_error(std::size_t claims) { return over(claims, kMaxScenarioClaims, "claims"); }

}  // namespace harness
