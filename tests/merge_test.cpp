// harness merge reads JUnit files back into results for the matrix and the HTML page:
// verdicts (known and fixed included), messages, the target's facts.
#include <boost/test/unit_test.hpp>

#include "merge.hpp"

using namespace harness;

BOOST_AUTO_TEST_SUITE(merge)

BOOST_AUTO_TEST_CASE(junit_testcases_are_read_back_as_claims_with_their_verdicts) {
  const std::string junit = R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="harness" tests="6" failures="2" errors="1" time="3.000">
  <testsuite name="podman.volumes" tests="6" failures="2" errors="1" skipped="2" time="3.000" timestamp="2026-11-25T10:00:00Z" hostname="h" file="scenarios/volumes.xml">
    <properties>
      <property name="runtime" value="podman"/>
      <property name="runtime.version" value="4.3.1"/>
      <property name="target.endpoint" value="the local engine"/>
      <property name="target.rootless" value="true"/>
      <property name="target.storage" value="vfs"/>
      <property name="target.oci-runtime" value="crun"/>
      <property name="target.files" value="read through the runtime"/>
      <property name="target.host-folders" value="shared at the same path"/>
      <property name="scenario.id" value="volumes"/>
      <property name="scenario.title" value="Volumes"/>
      <property name="source" value="tutorial 001 / Volumes"/>
    </properties>
    <testcase name="VOL-1 A volume." classname="podman.volumes" time="0.500"/>
    <testcase name="VOL-2 Two." classname="podman.volumes" time="0.500"><failure type="claim-failed" message="expected a, found b">why</failure></testcase>
    <testcase name="VOL-3 Three." classname="podman.volumes" time="0.500"><error type="harness-error" message="timed out"/></testcase>
    <testcase name="VOL-4 Four." classname="podman.volumes" time="0.500"><skipped message="no host view"/></testcase>
    <testcase name="VOL-5 Five." classname="podman.volumes" time="0.500"><skipped type="known-failure" message="known failure (k.xml:2): bug">why</skipped></testcase>
    <testcase name="VOL-6 Six." classname="podman.volumes" time="0.500"><failure type="known-failure-fixed" message="fixed: ..."></failure></testcase>
    <testcase name="cleanup" classname="podman.volumes" time="0.000"><error type="harness-error" message="left behind: v"/></testcase>
  </testsuite>
</testsuites>
)";
  const auto results = results_of_junit(junit);
  BOOST_REQUIRE(results.size() == 1u);
  const ScenarioResult& r = results[0];
  BOOST_TEST(r.runtime == "podman");
  BOOST_TEST(r.target.header() == "podman 4.3.1 · rootless · vfs · crun · files seen through the runtime");
  BOOST_TEST(r.scenario.file == "scenarios/volumes.xml");
  BOOST_TEST(r.scenario.seed == "tutorial 001");
  BOOST_TEST(r.scenario.section == "Volumes");
  BOOST_REQUIRE(r.claims.size() == 6u);
  const Verdict expected[] = {Verdict::Pass, Verdict::Fail, Verdict::Error, Verdict::Skipped, Verdict::Known, Verdict::Fixed};
  for (std::size_t i = 0; i < 6; ++i) BOOST_TEST(r.claims[i].verdict == expected[i]);
  BOOST_TEST(r.claims[0].claim.text == "A volume.");
  BOOST_TEST(r.claims[1].message == "expected a, found b\nwhy");
  BOOST_TEST(r.claims[4].known == "known failure (k.xml:2): bug");
  BOOST_TEST(r.leftovers == std::vector<std::string>{"left behind: v"});
  const Tally t = tally(r);
  BOOST_TEST(t.claims() == 6);
  BOOST_TEST(t.known == 1);
  BOOST_TEST(t.fixed == 1);
}

BOOST_AUTO_TEST_SUITE_END()
