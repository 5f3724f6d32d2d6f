// Deciding checks from what was observed, with no runtime behind them.
#include <boost/test/unit_test.hpp>

#include "checks.hpp"
#include "uid_map.hpp"

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
  BOOST_TEST(decide_container(s, false, false).outcome == Outcome::Held);
  BOOST_TEST(decide_container(s, true, false).mismatch == Mismatch::StillThere);
  s.exists = true;
  BOOST_TEST(decide_container(s, false, false).mismatch == Mismatch::Missing);
}

// EPH-2: a stop that did not stop is the runtime's own state saying "running".
BOOST_AUTO_TEST_CASE(a_container_state_check) {
  Step s;
  s.running = false;
  BOOST_TEST(decide_container(s, true, false).outcome == Outcome::Held);
  BOOST_TEST(decide_container(s, true, true).mismatch == Mismatch::State);
  BOOST_TEST(decide_container(s, true, true).actual == "the container is running");
  BOOST_TEST(decide_container(s, false, false).mismatch == Mismatch::Missing);
  s.running = true;
  BOOST_TEST(decide_container(s, true, true).outcome == Outcome::Held);
  BOOST_TEST(decide_container(s, true, false).mismatch == Mismatch::State);
}

// A write refused for another reason (a folder that is not there) is not the read-only
// refusal the claim means.
BOOST_AUTO_TEST_CASE(stderr_contains_names_the_reason_of_a_refusal) {
  Step s;
  s.expect_failure = true;
  s.stderr_contains = "Read-only file system";
  ProcessResult ro;
  ro.exit_code = 1;
  ro.err = "sh: can't create /h/notes.txt: Read-only file system\n";
  BOOST_TEST(decide_action(s, ro, "exit code 1", false).outcome == Outcome::Held);
  ProcessResult missing = ro;
  missing.err = "sh: can't create /h/notes.txt: nonexistent directory\n";
  const Decision d = decide_action(s, missing, "exit code 1", false);
  BOOST_TEST(d.outcome == Outcome::Broken);
  BOOST_TEST(d.mismatch == Mismatch::Output);
  BOOST_TEST(d.actual.find("nonexistent directory") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_container_uid_maps_per_configuration) {
  const std::string subuid = "alice:100000:65536\n1001:200000:65536\n";
  BOOST_TEST(*mapped_uid(1234, false, subuid, "root", 0) == 1234u);         // rootful: as it is
  BOOST_TEST(*mapped_uid(0, true, subuid, "alice", 1000) == 1000u);         // rootless root: the user
  BOOST_TEST(*mapped_uid(1234, true, subuid, "alice", 1000) == 101233u);    // the 1234th of the range
  BOOST_TEST(*mapped_uid(1234, true, subuid, "bob", 1001) == 201233u);      // by uid too
  BOOST_TEST(!mapped_uid(1234, true, subuid, "carol", 1002).has_value());   // no range: cannot tell
  BOOST_TEST(!mapped_uid(70000, true, subuid, "alice", 1000).has_value());  // outside the range
}

BOOST_AUTO_TEST_SUITE_END()
