#include <boost/test/unit_test.hpp>
#include <sstream>

#include "matrix_writer.hpp"

using namespace harness;

namespace {

ScenarioResult result(const std::string& runtime, const std::string& version, std::vector<std::pair<std::string, Verdict>> claims,
                      std::vector<std::string> differences = {}) {
  ScenarioResult r;
  r.runtime = runtime;
  r.runtime_version = version;
  for (const auto& [id, verdict] : claims) {
    ClaimResult c;
    c.claim = {id, "text of " + id + " | with a pipe"};
    c.verdict = verdict;
    c.differences = differences;
    r.claims.push_back(c);
  }
  return r;
}

std::string matrix(const std::vector<ScenarioResult>& results) {
  std::ostringstream out;
  write_matrix(out, results, {"host", "r1", "img", "2026-11-22T00:00:00Z"});
  return out.str();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(matrix_writer)

BOOST_AUTO_TEST_CASE(claims_are_rows_and_runtimes_columns_with_versions) {
  const auto m = matrix({result("docker", "20.10", {{"VOL-2", Verdict::Pass}, {"VOL-1", Verdict::Fail}}),
                         result("podman", "4.3.1", {{"VOL-1", Verdict::Pass}, {"VOL-2", Verdict::Error}})});
  BOOST_TEST(has(m, "| claim | docker 20.10 | podman 4.3.1 | claim text |\n|---|---|---|---|\n"));
  BOOST_TEST(has(m, "| VOL-1 | **FAIL** | pass | text of VOL-1 \\| with a pipe |\n| VOL-2 | pass | **ERROR** |"));
}

BOOST_AUTO_TEST_CASE(declared_differences_are_numbered_notes) {
  const auto m = matrix({result("docker", "20.10", {{"VOL-8", Verdict::Pass}}, {"docker keeps it"}),
                         result("podman", "4.3.1", {{"VOL-8", Verdict::Pass}}, {"podman: exit 125"})});
  BOOST_TEST(has(m, "| VOL-8 | pass, differs [1] | pass, differs [2] |"));
  BOOST_TEST(has(m, "1. VOL-8 on docker: docker keeps it\n2. VOL-8 on podman: podman: exit 125\n"));
}

BOOST_AUTO_TEST_CASE(a_claim_not_run_on_a_runtime_is_a_dash) {
  const auto m = matrix({result("docker", "20.10", {{"EPH-1", Verdict::Pass}}), result("podman", "", {})});
  BOOST_TEST(has(m, "| EPH-1 | pass | — |"));
  BOOST_TEST(has(m, "podman (not reached)"));
}

// By topic in the tutorials' order, each under its heading; in a topic the tutorials'
// claims (seed and literal scenarios) first, then the others, numbers in numeric order.
BOOST_AUTO_TEST_CASE(claims_are_grouped_by_topic_the_tutorials_first) {
  ScenarioResult extended =
      result("docker", "20.10",
             {{"VOL-10", Verdict::Pass}, {"CMP-7", Verdict::Pass}, {"RO-1", Verdict::Pass}, {"VOL-5", Verdict::Pass}});
  extended.scenario.tags = {"extended"};
  ScenarioResult seed =
      result("docker", "20.10", {{"VOL-2", Verdict::Pass}, {"VOL-1/literal", Verdict::Pass}, {"EPH-1", Verdict::Pass}});
  seed.scenario.tags = {"seed"};
  ScenarioResult literal = result("docker", "20.10", {{"VOL-1/literal-ls", Verdict::Pass}, {"X-1", Verdict::Pass}});
  literal.scenario.tags = {"literal"};
  const ClaimMatrix cm = claim_matrix({extended, seed, literal});
  BOOST_TEST(cm.claims == (std::vector<std::string>{"EPH-1", "VOL-1/literal", "VOL-1/literal-ls", "VOL-2", "VOL-5", "VOL-10",
                                                    "RO-1", "CMP-7", "X-1"}),
             boost::test_tools::per_element());
  const auto m = matrix({extended, seed, literal});
  const auto at = [&](const std::string& part) { return m.find(part); };
  BOOST_TEST(has(m, "| **Ephemerality (tutorial 001: «Exemple sans persistance»"));
  BOOST_TEST(at("**Ephemerality") < at("| EPH-1 |"));
  BOOST_TEST(at("| EPH-1 |") < at("**Volumes (tutorial 001: «Exemple avec persistance»"));
  BOOST_TEST(at("**Volumes") < at("| VOL-1/literal |"));
  BOOST_TEST(at("| VOL-5 |") < at("| VOL-10 |"));
  BOOST_TEST(at("| VOL-10 |") < at("**Compose (tutorial 000"));
  BOOST_TEST(at("| CMP-7 |") < at("| **Other claims** |"));
  BOOST_TEST(at("| **Other claims** |") < at("| X-1 |"));
  BOOST_TEST(!has(m, "**Sharing"));  // a topic with no claim in the run has no heading
}

BOOST_AUTO_TEST_SUITE_END()
