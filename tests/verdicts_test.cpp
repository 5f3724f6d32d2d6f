// Claim verdicts as a pure function of step records.
#include <boost/test/unit_test.hpp>

#include "verdicts.hpp"

using namespace harness;

namespace {

Scenario two_claims() {
  Scenario sc;
  sc.claims = {{"A-1", "a"}, {"B-1", "b"}};
  Step a, b;
  a.claim = "A-1";
  b.claim = "B-1";
  b.runtimes = {"podman"};
  b.note = "podman differs";
  sc.steps = {a, b};
  return sc;
}

StepRecord record(const std::string& claim, Outcome outcome, double seconds = 0) {
  StepRecord r;
  r.claim = claim;
  r.outcome = outcome;
  r.duration = Seconds(seconds);
  return r;
}

TargetFacts facts(const std::string& runtime) {
  TargetFacts f;
  f.runtime = runtime;
  return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(verdicts)

BOOST_AUTO_TEST_CASE(broken_fails_fault_or_not_run_is_an_error_and_time_goes_to_the_next_check) {
  const Scenario sc = two_claims();
  const auto claims =
      decide_claims(sc, {record("", Outcome::Done, 1), record("A-1", Outcome::Broken, 2), record("B-1", Outcome::Fault, 3)},
                    facts("podman"), ClaimFilter(), 2);
  BOOST_REQUIRE_EQUAL(claims.size(), 2u);
  BOOST_TEST(claims[0].verdict == Verdict::Fail);
  BOOST_TEST(claims[0].deciding_step == 1);
  BOOST_TEST(claims[0].duration.count() == 3.0);
  BOOST_TEST(claims[1].verdict == Verdict::Error);
  BOOST_TEST(claims[1].differences == std::vector<std::string>{"podman differs"});
}

BOOST_AUTO_TEST_CASE(a_claim_without_a_check_on_this_runtime_is_an_error) {
  const auto claims = decide_claims(two_claims(), {record("A-1", Outcome::Held)}, facts("docker"), ClaimFilter(), -1);
  BOOST_TEST(claims[0].verdict == Verdict::Pass);
  BOOST_TEST(claims[1].verdict == Verdict::Error);
  BOOST_TEST(claims[1].message == "no check of B-1 applies to docker");
  BOOST_TEST(claims[1].differences.empty());
}

BOOST_AUTO_TEST_CASE(only_selected_claims_get_a_verdict) {
  const auto claims = decide_claims(two_claims(), {record("A-1", Outcome::Held)}, facts("docker"), ClaimFilter("A-*"), -1);
  BOOST_REQUIRE_EQUAL(claims.size(), 1u);
  BOOST_TEST(claims[0].claim.id == "A-1");
}

BOOST_AUTO_TEST_SUITE_END()
