// The limits on a scenario file: its size, checked before it is read, and its number of
// steps, checked before any step is built.
#include <sys/stat.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <string>

#include "scenario_limits.hpp"
#include "scenario_loader.hpp"

using namespace harness;
namespace fs = boost::filesystem;

namespace {

struct Folder {
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("scenario-limits-%%%%-%%%%-%%%%");
  Folder() { fs::create_directories(dir); }
  ~Folder() { fs::remove_all(dir); }
  std::string path(const std::string& name) const { return (dir / name).string(); }
};

// A scenario with `steps` steps: its <steps> is on line 3.
std::string scenario_with_steps(std::size_t steps) {
  std::string text = "<scenario id=\"s\" title=\"t\">\n<claim id=\"A-1\">c</claim>\n<steps>\n<volume-create volume=\"v\"/>\n";
  for (std::size_t i = 1; i < steps; ++i) text += "<expect-volume claim=\"A-1\" volume=\"v\" exists=\"true\"/>\n";
  return text + "</steps>\n</scenario>\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scenario_limits)

BOOST_FIXTURE_TEST_CASE(a_file_over_1_MiB_is_refused_unread, Folder) {
  const std::string big = path("big.xml");
  std::ofstream(big) << "<scenario";
  fs::resize_file(big, 50ull * 1024 * 1024);  // sparse: nothing to read but zeros
  const ScenarioText t = read_scenario_file(big);
  BOOST_TEST(t.text.empty());
  BOOST_TEST(t.error == big + ": 52428800 bytes is too large for a scenario file (at most 1048576, 1 MiB); it was not read");
  const LoadResult r = load_scenarios({big});
  BOOST_TEST(r.errors == std::vector<std::string>{t.error});

  fs::resize_file(big, kMaxScenarioBytes + 1);
  BOOST_TEST(read_scenario_file(big).error ==
             big + ": 1048577 bytes is too large for a scenario file (at most 1048576, 1 MiB); it was not read");
  fs::resize_file(big, kMaxScenarioBytes);  // at the limit: read (and an XML error)
  BOOST_TEST(read_scenario_file(big).error.empty());
  BOOST_TEST(read_scenario_file(big).text.size() == kMaxScenarioBytes);
}

BOOST_FIXTURE_TEST_CASE(only_a_regular_file_is_read, Folder) {
  const std::string fifo = path("fifo.xml");
  BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  BOOST_TEST(read_scenario_file(fifo).error == fifo + ": cannot be read");           // and no wait for a writer
  BOOST_TEST(read_scenario_file("/dev/zero").error == "/dev/zero: cannot be read");  // endless, size 0
  BOOST_TEST(read_scenario_file(dir.string()).error == dir.string() + ": cannot be read");
  const std::string file = path("ok.xml");
  std::ofstream(file) << "<scenario/>";
  BOOST_TEST(read_scenario_file(file).text == "<scenario/>");
  BOOST_TEST(read_scenario_file(file).error.empty());
}

BOOST_AUTO_TEST_CASE(at_most_1000_steps) {
  BOOST_TEST(load_scenario_text("t.xml", scenario_with_steps(kMaxScenarioSteps)).errors.empty());
  const LoadResult r = load_scenario_text("t.xml", scenario_with_steps(kMaxScenarioSteps + 1));
  BOOST_TEST(r.errors == std::vector<std::string>{"t.xml:3: a scenario has at most 1000 steps, this one 1001"});
  BOOST_TEST(r.scenarios.empty());
  BOOST_TEST(steps_limit_error(kMaxScenarioSteps) == "");
}

BOOST_AUTO_TEST_CASE(at_most_1000_claims) {
  std::string claims;
  for (int i = 0; i <= 1000; ++i) claims += "<claim id=\"A-" + std::to_string(i) + "\">c</claim>";
  const LoadResult r = load_scenario_text("t.xml", "<scenario id=\"s\" title=\"t\">\n" + claims + "<steps/></scenario>");
  BOOST_TEST(r.errors == std::vector<std::string>{"t.xml:1: a scenario has at most 1000 claims, this one 1001"});
  BOOST_TEST(claims_limit_error(kMaxScenarioClaims) == "");
}

BOOST_AUTO_TEST_SUITE_END()
