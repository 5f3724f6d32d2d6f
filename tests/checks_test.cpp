// Deciding checks from what was observed, with no runtime behind them.
#include <boost/test/unit_test.hpp>

#include "checks.hpp"

using namespace harness;

namespace {

Step file_check() {
  Step s;
  s.kind = StepKind::ExpectFile;
  s.claim = "X-1";
  return s;
}

ProcessResult exit_with(int code, std::string out = "") {
  ProcessResult r;
  r.exit_code = code;
  r.out = std::move(out);
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(checks)

BOOST_AUTO_TEST_CASE(a_file_check_names_what_differs) {
  Step s = file_check();
  s.content = "hi\n";
  BOOST_TEST(decide_file(s, {true, "hi\n", 0}).outcome == Outcome::Held);
  const Decision other = decide_file(s, {true, "ho\n", 0});
  BOOST_TEST(other.mismatch == Mismatch::Content);
  BOOST_TEST(other.expected == "content \"hi\\n\"");
  BOOST_TEST(other.actual == "present, content \"ho\\n\"");
  BOOST_TEST(decide_file(s, {}).mismatch == Mismatch::Missing);

  Step gone = file_check();
  gone.absent = true;
  BOOST_TEST(decide_file(gone, {}).outcome == Outcome::Held);
  BOOST_TEST(decide_file(gone, {true, "", 0}).mismatch == Mismatch::StillThere);

  Step owned = file_check();
  owned.owner_uid = 1234;
  BOOST_TEST(decide_file(owned, {true, "", 1234}).outcome == Outcome::Held);
  const Decision root = decide_file(owned, {true, "", 0});
  BOOST_TEST(root.mismatch == Mismatch::Owner);
  BOOST_TEST(root.actual == "owned by uid 0");
}

BOOST_AUTO_TEST_CASE(an_action_check_says_what_the_command_must_do) {
  Step s;
  s.claim = "X-1";
  BOOST_TEST(decide_action(s, exit_with(0), "", false).outcome == Outcome::Held);
  BOOST_TEST(decide_action(s, exit_with(1), "exit code 1", false).mismatch == Mismatch::Refused);
  s.expect_failure = true;
  BOOST_TEST(decide_action(s, exit_with(1), "exit code 1", false).outcome == Outcome::Held);
  BOOST_TEST(decide_action(s, exit_with(0), "", false).mismatch == Mismatch::Allowed);
  const Decision cli = decide_action(s, exit_with(125), "exit code 125", true);
  BOOST_TEST(cli.outcome == Outcome::Broken);  // the CLI refusing is not the failure the claim means
  BOOST_TEST(cli.mismatch == Mismatch::Allowed);
  Step code;
  code.claim = "X-1";
  code.exit_code = 42;
  BOOST_TEST(decide_action(code, exit_with(42), "", false).outcome == Outcome::Held);
  BOOST_TEST(decide_action(code, exit_with(1), "", false).mismatch == Mismatch::ExitCode);
  Step printed;
  printed.claim = "X-1";
  printed.stdout_text = "500\n";
  BOOST_TEST(decide_action(printed, exit_with(0, "500\n"), "", false).outcome == Outcome::Held);
  BOOST_TEST(decide_action(printed, exit_with(0, "5\n"), "", false).mismatch == Mismatch::Output);
}

BOOST_AUTO_TEST_CASE(a_volume_check_compares_each_property_it_names) {
  Step s;
  s.exists = true;
  s.driver = "local";
  VolumeFacts f;
  f.exists = true;
  f.driver = "local";
  BOOST_TEST(decide_volume(s, f).outcome == Outcome::Held);
  BOOST_TEST(decide_volume(s, f).expected == "exists; driver local");
  f.driver = "nfs";
  BOOST_TEST(decide_volume(s, f).mismatch == Mismatch::Described);
  f.exists = false;
  BOOST_TEST(decide_volume(s, f).mismatch == Mismatch::Missing);
  Step gone;
  gone.exists = false;
  f.exists = true;
  BOOST_TEST(decide_volume(gone, f).mismatch == Mismatch::StillThere);
}

BOOST_AUTO_TEST_CASE(a_container_check) {
  Step s;
  s.exists = false;
  BOOST_TEST(decide_container(s, false).outcome == Outcome::Held);
  BOOST_TEST(decide_container(s, true).mismatch == Mismatch::StillThere);
  s.exists = true;
  BOOST_TEST(decide_container(s, false).mismatch == Mismatch::Missing);
}

BOOST_AUTO_TEST_SUITE_END()
