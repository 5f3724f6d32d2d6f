// Inputs that once crashed the scenario loader (found by tests/fuzz/, kept in
// tests/fuzz/regressions/): each must now load to scenarios or to `file:line:` errors.
#include <boost/filesystem.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario_loader.hpp"

using namespace harness;
namespace fs = boost::filesystem;

BOOST_AUTO_TEST_CASE(fuzz_regressions_load_to_scenarios_or_errors) {
  const fs::path dir = fs::path(SOURCE_DIR) / "tests" / "fuzz" / "regressions";
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!fs::is_regular_file(entry.path())) continue;
    ++files;
    const std::string name = entry.path().filename().string();
    std::ifstream in(entry.path().string(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const LoadResult r = load_scenario_text(name, text.str());
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(r.scenarios.empty() != r.errors.empty(), "either scenarios or errors");
      for (const auto& e : r.errors) BOOST_TEST(e.rfind(name + ":", 0) == 0u, "file:line: message, not " << e.substr(0, 200));
    }
  }
  BOOST_TEST(files > 0, "no regression inputs in " << dir);
}
