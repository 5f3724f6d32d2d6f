#include "scenario_limits.hpp"

#include <sys/stat.h>

#include <fstream>

#include "i18n.hpp"

namespace harness {

namespace {

std::string too_large(const std::string& file, unsigned long long bytes) {
  return file + ": " +
         tr("{1} bytes is too large for a scenario file (at most {2}, 1 MiB); it was not read",
            {std::to_string(bytes), std::to_string(kMaxScenarioBytes)});
}

std::string over(std::size_t count, std::size_t limit, const char* what) {
  if (count <= limit) return "";
  return tr("a scenario has at most {1} {2}, this one {3}", {std::to_string(limit), tr(what), std::to_string(count)});
}

}  // namespace

ScenarioText read_scenario_file(const std::string& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return {"", file + ": " + tr("cannot be read")};
  const auto size = static_cast<unsigned long long>(st.st_size);
  if (size > kMaxScenarioBytes) return {"", too_large(file, size)};
  std::ifstream in(file, std::ios::binary);
  if (!in.is_open()) return {"", file + ": " + tr("cannot be read")};
  std::string text(static_cast<std::size_t>(size) + 1, '\0');  // one more byte: did it grow?
  in.read(&text[0], static_cast<std::streamsize>(text.size()));
  if (in.bad()) return {"", file + ": " + tr("cannot be read")};
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxScenarioBytes) return {"", too_large(file, text.size()) + tr(" (it grew while being read)")};
  return {text, ""};
}

std::string steps_limit_error(std::size_t steps) { return over(steps, kMaxScenarioSteps, N_("steps")); }
std::string claims_limit_error(std::size_t claims) { return over(claims, kMaxScenarioClaims, N_("claims")); }

}  // namespace harness
