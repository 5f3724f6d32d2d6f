// libFuzzer target: any bytes as a scenario file. The loader must give scenarios or
// `file:line: message` errors, never crash, hang, leak or trip a sanitizer.
// Built by the HARNESS_FUZZ=ON configuration only (tests/fuzz/run.sh).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const harness::LoadResult r = harness::load_scenario_text("fuzz.xml", text);
  // exactly one of the two, and every error names the file and a line
  if (r.scenarios.empty() == r.errors.empty()) std::abort();
  for (const auto& e : r.errors)
    if (e.rfind("fuzz.xml:", 0) != 0) std::abort();
  return 0;
}
