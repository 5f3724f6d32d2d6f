// The console: the summary line counts in words, and what a claim prints below its verdict.
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

#include "console_reporter.hpp"
#include "transcript.hpp"

using namespace harness;

namespace {

ClaimResult claim(const std::string& id, Verdict verdict, std::vector<std::string> differences = {}) {
  ClaimResult c;
  c.claim = {id, "a claim about " + id};
  c.verdict = verdict;
  c.differences = std::move(differences);
  c.message = verdict == Verdict::Pass ? "" : "not checked: the run was interrupted";
  return c;
}

ScenarioResult scenario(std::vector<ClaimResult> claims) {
  ScenarioResult r;
  r.scenario.file = "scenarios/volumes.xml";
  r.runtime = "podman";
  r.claims = std::move(claims);
  return r;
}

std::string summary_of(const std::vector<ScenarioResult>& results) {
  std::ostringstream out;
  ConsoleReporter(out, false).summary(results, Seconds(1.5));
  return out.str().substr(0, out.str().find(" in "));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(console_reporter)

BOOST_AUTO_TEST_CASE(summary_says_one_error_and_two_errors) {
  BOOST_TEST(summary_of({scenario({claim("VOL-1", Verdict::Pass), claim("VOL-2", Verdict::Error)})}) ==
             "claims: 1 passed, 0 failed, 1 error");
  BOOST_TEST(summary_of({scenario({claim("VOL-1", Verdict::Error), claim("VOL-2", Verdict::Error)})}) ==
             "claims: 0 passed, 0 failed, 2 errors");
  BOOST_TEST(summary_of({scenario({claim("VOL-1", Verdict::Fail)})}) == "claims: 0 passed, 1 failed, 0 errors");
}

// After an interrupt, claims that never ran are errors: the notes of their runtime's
// checks are no "expected difference" (the matrix shows them only for claims that held).
BOOST_AUTO_TEST_CASE(expected_differences_only_for_claims_that_held) {
  std::ostringstream out;
  ConsoleReporter console(out, false);
  console.scenario_done(scenario({claim("VOL-1", Verdict::Pass, {"Podman rejects --name"}),
                                  claim("VOL-7", Verdict::Error, {"Podman refuses with exit code 2"}),
                                  claim("VOL-8", Verdict::Fail, {"Podman fails (exit 125)"})}));
  BOOST_TEST(out.str().find("       expected difference on podman: Podman rejects --name\n") != std::string::npos);
  BOOST_TEST(out.str().find("exit code 2") == std::string::npos);
  BOOST_TEST(out.str().find("exit 125") == std::string::npos);
  BOOST_TEST(out.str().find("not checked: the run was interrupted") != std::string::npos);
}

// A command is shown as a person redoing the step types it: the program by its name, and
// `--network none` where it joined the run's network anchor (gone after the run).
BOOST_AUTO_TEST_CASE(a_command_is_shown_as_a_person_types_it) {
  CommandRecord c;
  c.argv = {"/usr/local/bin/docker",
            "run",
            "--name",
            "harness-r1-0-c",
            "--network",
            "container:harness-r1-t0-probe",
            "img",
            "echo",
            "container:harness-r1-t0-probe"};
  BOOST_TEST(shell_line(c) == "docker run --name harness-r1-0-c --network none img echo container:harness-r1-t0-probe");
  c.argv = {"docker", "run", "--network", "container:my_app", "img"};
  BOOST_TEST(shell_line(c) == "docker run --network container:my_app img");
}

BOOST_AUTO_TEST_SUITE_END()
