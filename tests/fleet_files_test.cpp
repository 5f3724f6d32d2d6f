// The files of a fleet run: --targets and --known-failures, each error one line
// `file:line: message`; known failures applied to results.
#include <boost/filesystem.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>

#include "known_failures.hpp"
#include "targets_file.hpp"

using namespace harness;
namespace fs = boost::filesystem;

namespace {

// A file with `text` in a fresh temporary folder, removed with the value.
struct TempFile {
  explicit TempFile(const std::string& text) : dir(fs::temp_directory_path() / fs::unique_path("harness-test-%%%%%%%%")) {
    fs::create_directories(dir);
    std::ofstream(path()) << text;
  }
  ~TempFile() { fs::remove_all(dir); }
  std::string path() const { return (dir / "f.xml").string(); }
  fs::path dir;
};

std::string targets_error(const std::string& text) {
  const TempFile f(text);
  const std::string error = load_targets_file(f.path()).error;
  return error.empty() ? "" : error.substr(f.path().size());  // what follows the file name
}

std::string known_error(const std::string& text) {
  const TempFile f(text);
  const std::string error = load_known_failures(f.path()).error;
  return error.empty() ? "" : error.substr(f.path().size());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fleet_files)

BOOST_AUTO_TEST_CASE(a_targets_file_names_cli_endpoint_flags_jobs_and_name) {
  const TempFile f(
      "<targets>\n"
      "  <target cli=\"docker\"/>\n"
      "  <target name=\"dind\" cli=\"docker\" endpoint=\"tcp://docker:2375\" jobs=\"3\"/>\n"
      "  <target name=\"podman-runc\" cli=\"podman\"><flag>--runtime</flag><flag>runc</flag></target>\n"
      "</targets>\n");
  const ParsedTargets parsed = load_targets_file(f.path());
  BOOST_TEST(parsed.error == "");
  BOOST_REQUIRE(parsed.targets.size() == 3u);
  BOOST_TEST(parsed.targets[0].name() == "docker");
  BOOST_TEST(parsed.targets[0].jobs == 0u);
  BOOST_TEST(parsed.targets[1].name() == "dind");
  BOOST_TEST(parsed.targets[1].endpoint == "tcp://docker:2375");
  BOOST_TEST(parsed.targets[1].environment().front().first == "DOCKER_HOST");
  BOOST_TEST(parsed.targets[1].jobs == 3u);
  BOOST_TEST((parsed.targets[2].flags == std::vector<std::string>{"--runtime", "runc"}));
  BOOST_TEST(Cli(*parsed.targets[2].dialect, "/usr/bin/podman", parsed.targets[2].flags).words({"ps"}) ==
             (Argv{"/usr/bin/podman", "--runtime", "runc", "ps"}));
}

BOOST_AUTO_TEST_CASE(a_bad_targets_file_is_one_line_with_file_and_line) {
  BOOST_TEST(targets_error("<targets>\n<target cli=\"rkt\"/>\n</targets>") ==
             ":2: unknown runtime 'rkt' (known: docker, podman)");
  BOOST_TEST(targets_error("<targets>\n\n<target/>\n</targets>") == ":3: <target> needs the attribute 'cli'");
  BOOST_TEST(targets_error("<targets>\n<target cli=\"docker\" jobs=\"0\"/>\n</targets>") ==
             ":2: jobs must be a number from 1 to 64, not '0'");
  BOOST_TEST(targets_error("<targets>\n<target cli=\"docker\"/>\n<target cli=\"docker\"/>\n</targets>") ==
             ":3: a second target named 'docker': give each a name= of its own");
  BOOST_TEST(targets_error("<targets>\n<target cli=\"docker\" colour=\"red\"/>\n</targets>")
                 .rfind(":2: unknown attribute 'colour'", 0) == 0u);
  BOOST_TEST(targets_error("<targets>\n<target cli=\"podman\"><flag>ps</flag></target>\n</targets>") ==
             ":2: the first <flag> must be an option (start with -), not the command 'ps'");
  BOOST_TEST(targets_error("<targets>\n</targets>") == ":1: <targets> names no <target>");
  BOOST_TEST(targets_error("<runtimes/>") == ":1: the root element is <runtimes>, not <targets>");
  BOOST_TEST(targets_error("<targets>\n<target cli=\"docker\">\n") == ":2: XML error: Start-end tags mismatch");
}

BOOST_AUTO_TEST_CASE(a_bad_known_failures_file_is_one_line_with_file_and_line) {
  BOOST_TEST(known_error("<known-failures>\n<known target=\"*\" claim=\"VOL-1\"/>\n</known-failures>") ==
             ":2: <known> needs the attribute 'reason'");
  BOOST_TEST(known_error("<known-failures>\n<known target=\"*\" claim=\" \" reason=\"r\"/>\n</known-failures>") ==
             ":2: <known> has an empty target, claim or reason");
  BOOST_TEST(known_error("<known-failures>\n<bug/>\n</known-failures>") == ":2: unknown element <bug>, expected <known>");
  BOOST_TEST(known_error("<known-failures/>") == "");
}

BOOST_AUTO_TEST_CASE(a_listed_failure_is_known_a_listed_pass_is_fixed) {
  const TempFile f(
      "<known-failures>\n"
      "  <known target=\"podman*\" claim=\"VOL-*\" reason=\"podman#1: volumes\" link=\"https://example.org/1\"/>\n"
      "</known-failures>\n");
  const LoadedKnownFailures loaded = load_known_failures(f.path());
  BOOST_REQUIRE(loaded.error == "");
  ScenarioResult r;
  r.runtime = "podman";
  for (const auto& [id, verdict] : {std::make_pair("VOL-1", Verdict::Fail), std::make_pair("VOL-2", Verdict::Pass),
                                    std::make_pair("VOL-3", Verdict::Error), std::make_pair("EPH-1", Verdict::Fail)}) {
    ClaimResult c;
    c.claim.id = id;
    c.verdict = verdict;
    r.claims.push_back(c);
  }
  ScenarioResult docker = r;
  docker.runtime = "docker";
  std::vector<ScenarioResult> results{r, docker};
  for (auto& result : results) apply_known_failures(loaded.list, result);
  BOOST_TEST(results[0].claims[0].verdict == Verdict::Known);
  BOOST_TEST(results[0].claims[0].known == "known failure (" + f.path() + ":2): podman#1: volumes (https://example.org/1)");
  BOOST_TEST(results[0].claims[1].verdict == Verdict::Fixed);
  BOOST_TEST(results[0].claims[1].known.rfind("fixed: a known failure (" + f.path() + ":2", 0) == 0u);
  BOOST_TEST(results[0].claims[2].verdict == Verdict::Error);         // an error is not a known failure
  BOOST_TEST(results[0].claims[3].verdict == Verdict::Fail);          // not on the list
  for (const auto& c : results[1].claims) BOOST_TEST(c.known == "");  // another target
  const Tally t = tally(results[0]);
  BOOST_TEST(t.known == 1);
  BOOST_TEST(t.fixed == 1);
  BOOST_TEST(t.claims() == 4);
}

BOOST_AUTO_TEST_SUITE_END()
