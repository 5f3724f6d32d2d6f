// The subcommands' handling of their arguments: a path that is not there is a usage
// error (64) for every subcommand, before anything runs; --tag takes a comma list.
#include <boost/filesystem.hpp>
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

#include "app.hpp"
#include "exit_codes.hpp"
#include "fake_process_runner.hpp"

using namespace harness;

namespace {

const std::string kScenarios = SOURCE_DIR "/scenarios";

RunOptions options(std::vector<std::string> paths, std::string tag = "") {
  RunOptions o;
  o.paths = std::move(paths);
  o.tag = std::move(tag);
  return o;
}

// The scenario files `harness list` prints, one a line.
std::string listed_files(const RunOptions& o) {
  std::ostringstream out, err;
  BOOST_TEST_REQUIRE(run_list(o, out, err) == kAllHeld);
  std::istringstream lines(out.str());
  std::string files;
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("  ", 0) != 0) files += line.substr(line.rfind('/') + 1, line.find(' ') - line.rfind('/') - 1) + "\n";
  return files;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(app)

BOOST_AUTO_TEST_CASE(a_path_that_is_not_there_is_bad_usage_for_every_subcommand) {
  const RunOptions o = options({kScenarios + "/volumes.xml", "/nonexistent/x.xml"});
  std::ostringstream out, err;
  BOOST_TEST(run_validate(o, out, err) == kBadUsage);
  BOOST_TEST(err.str() == "harness: /nonexistent/x.xml: no such file or folder\n");
  std::ostringstream out2, err2;
  BOOST_TEST(run_list(o, out2, err2) == kBadUsage);
  BOOST_TEST(err2.str() == "harness: /nonexistent/x.xml: no such file or folder\n");
  FakeProcessRunner runner;
  std::ostringstream out3, err3;
  BOOST_TEST(run_run(o, runner, out3, err3) == kBadUsage);
  BOOST_TEST(err3.str() == "harness: /nonexistent/x.xml: no such file or folder\n");
  BOOST_TEST(runner.calls.empty());  // nothing reached the runtime
  BOOST_TEST(out.str() + out2.str() + out3.str() == "");
}

BOOST_AUTO_TEST_CASE(the_default_folder_missing_says_where_to_run_from) {
  namespace fs = boost::filesystem;
  const fs::path before = fs::current_path();
  const fs::path empty = fs::temp_directory_path() / fs::unique_path("harness-app-test-%%%%%%%%");
  fs::create_directory(empty);
  fs::current_path(empty);  // a folder without scenarios/
  std::ostringstream out, err;
  const int code = run_validate(options({"scenarios"}), out, err);
  fs::current_path(before);
  fs::remove(empty);
  BOOST_TEST(code == kBadUsage);
  BOOST_TEST(err.str() ==
             "harness: scenarios: no such file or folder (run the harness from its source folder, "
             "or name the scenario files)\n");
}

BOOST_AUTO_TEST_CASE(an_invalid_file_that_is_there_is_still_an_invalid_scenario) {
  std::ostringstream out, err;
  BOOST_TEST(run_validate(options({SOURCE_DIR "/tests/data/golden/junit.xml"}), out, err) == kBadScenario);
}

BOOST_AUTO_TEST_CASE(tag_takes_a_comma_list_of_tags_any_of_which_selects) {
  const std::string compose = "compose.xml\next-compose-volumes.xml\next-compose.xml\nliteral-compose.xml\n";
  BOOST_TEST(listed_files(options({kScenarios}, "compose")) == compose);
  BOOST_TEST(listed_files(options({kScenarios}, "nope,compose")) == compose);
  BOOST_TEST(listed_files(options({kScenarios}, "seed,extended,literal")) == listed_files(options({kScenarios})));
  BOOST_TEST(listed_files(options({kScenarios}, "seed,")) == listed_files(options({kScenarios}, "seed")));
}

BOOST_AUTO_TEST_CASE(tags_that_select_nothing_are_bad_usage) {
  std::ostringstream out, err;
  BOOST_TEST(run_list(options({kScenarios}, "nope,never"), out, err) == kBadUsage);
  BOOST_TEST(err.str() == "harness: no scenario in " + kScenarios + " matches --tag nope,never\n");
}

BOOST_AUTO_TEST_SUITE_END()
